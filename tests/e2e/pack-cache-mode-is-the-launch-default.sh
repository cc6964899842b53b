. "$(dirname "$0")/common.inc"
# pack --cache sets where the packed file runs the app from by default (the
# index header's cache field, shown by inspect and --onebin-help): a small
# app packed with --cache always runs from the cache, a big one packed with
# --cache never from memory, and --onebin-cache= at launch still decides.
mkdir -p "$t/big/bin" "$t/big/data"
cp "$SAMPLES/hello/hello" "$t/big/bin/"
truncate -s 70M "$t/big/data/level"
pack "$t/big" "$t/big.run" --entry bin/hello --cache never
pack "$SAMPLES/hello/hello" "$t/small.run" --cache always
"$ONEBIN" inspect "$t/big.run" | grep -qx 'cache: never' || fail "inspect: $("$ONEBIN" inspect "$t/big.run" | head -5)"
"$t/small.run" --onebin-help > "$t/help" || fail "help failed"  # whole: grep -q leaving early would end it with SIGPIPE
grep -q "this file's default: always" "$t/help" || fail "help: $(cat "$t/help")"
[[ $(cache_use "$t/big.run") == "" ]] || fail "the big app packed with --cache never used the cache: $(cat "$t/out")"
[[ ! -e $t/home/.cache ]] || fail "--cache never made ~/.cache"
[[ $(cache_use "$t/small.run") == "unpacked now" ]] || fail "the small app packed with --cache always: $(cat "$t/out")"
[[ $(cache_use "$t/big.run" --onebin-cache=always) == "unpacked now" ]] || fail "--onebin-cache=always: $(cat "$t/out")"
