. "$(dirname "$0")/common.inc"
# --onebin-install also adds the MIME types of the AppDir's
# usr/share/mime/packages: afterwards shared-mime-info's caches under
# $XDG_DATA_HOME/mime know the app's file type by its glob; after
# --onebin-uninstall the data directory is as before, caches and all.
desktop_appdir "$t/Tool.AppDir"
mkdir -p "$t/Tool.AppDir/usr/share/mime/packages"
cat > "$t/Tool.AppDir/usr/share/mime/packages/org.example.Tool.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-onebin-tool-level">
    <comment>Tool level</comment>
    <glob pattern="*.toollevel"/>
  </mime-type>
</mime-info>
XML
pack "$t/Tool.AppDir" "$t/tool.run"
export XDG_DATA_HOME=$t/data
mkdir -p "$t/data"
before=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
"$t/tool.run" --onebin-install > "$t/out" 2>&1 || fail "install: $(cat "$t/out")"
[[ -f $t/data/mime/packages/org.example.Tool.xml ]] || fail "no package: $(find "$t/data")"
grep -q 'application/x-onebin-tool-level:\*\.toollevel' "$t/data/mime/globs2" ||
  fail "the caches do not know the type: $(cat "$t/out") $(ls "$t/data/mime")"
"$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 || fail "uninstall: $(cat "$t/out")"
after=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
[[ $after == "$before" ]] || fail "not as before: $(diff <(echo "$before") <(echo "$after"))"
