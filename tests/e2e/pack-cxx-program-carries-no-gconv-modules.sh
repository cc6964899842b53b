. "$(dirname "$0")/common.inc"
# libstdc++ names iconv_open (for std::codecvt), but that alone deploys no
# gconv modules: a C++ program that does not call iconv stays small.
pack "$SAMPLES/privlibs/app" "$t/p.run" --entry bin/privlibs --explain
grep -q '^bundle libstdc++.so.6 ' "$t/pack.log" || fail "test setup: $(cat "$t/pack.log")"
! grep -q 'gconv' "$t/pack.log" || fail "$(grep gconv "$t/pack.log")"
! grep -q '/gconv/' <("$ONEBIN" inspect "$t/p.run") || fail "gconv modules packed"
