. "$(dirname "$0")/common.inc"
# Names up to the file system's 255 bytes, in a path of over 1,000 bytes,
# come out whole: in the view, with --onebin-extract and with onebin extract
# (a 250-byte name came out as 4 bytes).
name=$(printf 'n%.0s' $(seq 250))
deep=$(printf 'd%.0s' $(seq 200))
path=$deep/$deep/$deep/$deep/$deep/$name
mkdir -p "$t/app/bin" "$t/app/${path%/*}"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
echo whole > "$t/app/$path"
pack "$t/app" "$t/app.run" --entry bin/hello
"$t/app.run" --onebin-extract "$t/stub-out"
[[ $(cat "$t/stub-out/$path") == whole ]] || fail "--onebin-extract: $(find "$t/stub-out" -type f -newer "$t/app.run" | tail -n 2)"
"$ONEBIN" extract "$t/app.run" "$t/out" > /dev/null
[[ $(cat "$t/out/$path") == whole ]] || fail "onebin extract: $(find "$t/out" -type f | tail -n 2)"
long_dir=$t/$(printf 'x%.0s' $(seq 250))
status=0
"$t/app.run" --onebin-extract "$long_dir" > "$t/err" 2>&1 || status=$?
(( status == 127 )) && grep -q 'too long a path to extract into' "$t/err" || fail "a 300-byte DIR: $status $(cat "$t/err")"
