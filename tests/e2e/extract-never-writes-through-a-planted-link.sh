. "$(dirname "$0")/common.inc"
# Extraction writes only into a new or empty directory of the user's that
# nobody else can write: another user who pre-creates DIR/bin -> a directory
# of root's in a shared place does not get root's extraction written there
# (it was), and a second extraction into the first one's DIR (whose packed
# link could lead it out) is refused unless --into-existing.
mkdir -p "$t/app/bin"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
pack "$t/app" "$t/app.run" --entry bin/hello
shared=$(mktemp -d /tmp/onebin-shared-XXXXXX)
also_remove+=("$shared")
chmod 1777 "$shared"
mkdir "$t/roots-dir"
setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c "mkdir -m 777 '$shared/app-x' && ln -s '$t/roots-dir' '$shared/app-x/bin'"
for extract in "$ONEBIN extract $t/app.run $shared/app-x" "$t/app.run --onebin-extract $shared/app-x"; do
  status=0
  $extract > "$t/out" 2>&1 || status=$?
  (( status != 0 )) || fail "$extract: wrote into another user's directory"
  grep -q "$shared/app-x: another user's directory" "$t/out" || fail "$extract: $(cat "$t/out")"
  [[ -z $(ls -A "$t/roots-dir") ]] || fail "$extract: wrote through the link: $(ls -A "$t/roots-dir")"
done
"$ONEBIN" extract "$t/app.run" "$t/out-dir" > /dev/null
status=0
"$ONEBIN" extract "$t/app.run" "$t/out-dir" > "$t/out" 2>&1 || status=$?
(( status != 0 )) && grep -q "$t/out-dir: not empty" "$t/out" || fail "a second extraction: $(cat "$t/out")"
"$ONEBIN" extract --into-existing "$t/app.run" "$t/out-dir" > "$t/out" 2>&1 || fail "--into-existing: $(cat "$t/out")"
