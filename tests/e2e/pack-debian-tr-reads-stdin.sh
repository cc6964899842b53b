. "$(dirname "$0")/common.inc"
pack /usr/bin/tr "$t/tr.run"
[[ "$(printf 'packed text' | "$t/tr.run" a-z A-Z)" == "PACKED TEXT" ]] || fail "stdin/stdout not passed through"
