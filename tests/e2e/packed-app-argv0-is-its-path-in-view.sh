. "$(dirname "$0")/common.inc"
# The app's argv[0] is its path in the view (so programs that find their
# files from argv[0] find them); ARGV0 holds the name the user ran.
pack /usr/bin/python3 "$t/python3.run"
cd "$t"
./python3.run -c 'import os, sys; print(sys.orig_argv[0] == os.environ["ONEBIN_APPDIR"] + "/bin/python3"); print(os.environ["ARGV0"])' \
  > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == $'True\n./python3.run' ]] || fail "printed: $(cat "$t/out")"
