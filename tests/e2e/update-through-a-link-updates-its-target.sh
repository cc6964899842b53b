. "$(dirname "$0")/common.inc"
# onebin update on a symbolic link to a packed file updates the file it
# points to: the link stays a link, its target becomes version 2 byte for
# byte, and nothing is left beside either.
privlibs_versions "$t"
mkdir "$t/www" "$t/dl" "$t/bin"
serve "$t/www"
signed_versions "$t/dl/app.run" "$t/www/app.run" "$base/app.run"
ln -s ../dl/app.run "$t/bin/app"
"$ONEBIN" update "$t/bin/app" > "$t/out" 2>&1 || fail "update: $(cat "$t/out")"
[[ -L $t/bin/app && $(readlink "$t/bin/app") == ../dl/app.run ]] || fail "the link became: $(ls -l "$t/bin/app")"
cmp -s "$t/dl/app.run" "$t/www/app.run" || fail "its target is not version 2 byte for byte"
[[ $(ls -A "$t/dl") == app.run && $(ls -A "$t/bin") == app ]] || fail "left beside: $(ls -A "$t/dl" "$t/bin")"
