. "$(dirname "$0")/common.inc"
# The environment file (GSETTINGS_SCHEMA_DIR, GIO_MODULE_DIR, ...) is
# applied at every launch, also when the app runs from a copy an earlier
# launch unpacked into the cache: gsettings, a real GLib program, lists its
# packed schemas on its second launch from the cache as it does from memory
# (before, the second launch listed one line: the environment was set only
# while a tree was made).
[[ -x /usr/bin/gsettings ]] || fail "test setup: no /usr/bin/gsettings (libglib2.0-bin)"
"$ONEBIN" pack /usr/bin/gsettings -o "$t/gs.run" > "$t/pack.log" || fail "pack: $(cat "$t/pack.log")"
list() { HOME=$t/home XDG_DATA_DIRS=/nonexistent "$t/gs.run" "$@" list-schemas 2>&1 | sort || true; }
list --onebin-cache=never > "$t/memory"
(( $(wc -l < "$t/memory") > 10 )) || fail "from memory gsettings lists: $(cat "$t/memory")"
for launch in first second third; do
  list --onebin-cache=always > "$t/cached"
  cmp -s "$t/memory" "$t/cached" ||
    fail "the $launch launch from the cache lists $(wc -l < "$t/cached") lines, from memory $(wc -l < "$t/memory")"
done
