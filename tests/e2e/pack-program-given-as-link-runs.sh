. "$(dirname "$0")/common.inc"
# A program given as a link (/usr/bin/python3 -> python3.11, as most commands
# of a distribution are) packs and runs, started under the name it was given.
[[ -L /usr/bin/python3 ]] || fail "test setup: /usr/bin/python3 is not a link"
pack /usr/bin/python3 "$t/python3.run"
"$t/python3.run" -c 'import sys; print(6 * 7); print(sys.orig_argv[0].rsplit("/", 2)[-2:])' > "$t/out" 2>&1 ||
  fail "$(cat "$t/out")"
[[ $(cat "$t/out") == $'42\n[\'bin\', \'python3\']' ]] || fail "printed: $(cat "$t/out")"
