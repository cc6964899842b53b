. "$(dirname "$0")/common.inc"
# --onebin-uninstall removes exactly what --onebin-install made, files and the
# directories it created, and nothing that was there before (another app's
# entry in the same applications directory stays); a second uninstall says
# nothing is installed and fails.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
export XDG_DATA_HOME=$t/data
mkdir -p "$t/data/applications"
echo "someone else's" > "$t/data/applications/other.desktop"
before=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
"$t/tool.run" --onebin-install > "$t/out" 2>&1 || fail "install: $(cat "$t/out")"
[[ $(cd "$t/data" && find . | wc -l) -gt $(wc -l <<<"$before") ]] || fail "install added nothing: $(cat "$t/out")"
"$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 || fail "uninstall: $(cat "$t/out")"
after=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
[[ $after == "$before" ]] || fail "not as before: $(diff <(echo "$before") <(echo "$after"))"
"$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 && fail "a second uninstall succeeded"
grep -q "org.example.Tool is not installed here" "$t/out" || fail "$(cat "$t/out")"
