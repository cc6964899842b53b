. "$(dirname "$0")/common.inc"
# inspect names what the packed desktop entry shows in a menu (text and JSON).
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
"$ONEBIN" inspect "$t/tool.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qx "desktop Name: Tool" "$t/out" && grep -qx "desktop Icon: org.example.Tool" "$t/out" &&
  grep -qx "desktop Categories: Utility;" "$t/out" || fail "$(head -12 "$t/out")"
"$ONEBIN" inspect --json "$t/tool.run" > "$t/json" 2>&1 || fail "$(cat "$t/json")"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))["desktop"]; assert d["Name"] == "Tool", d' "$t/json" ||
  fail "json: $(head -c 300 "$t/json")"
