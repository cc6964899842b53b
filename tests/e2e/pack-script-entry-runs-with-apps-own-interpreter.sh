. "$(dirname "$0")/common.inc"
# A script entry whose #! interpreter the app carries at that path (a python
# AppDir's app.py with #!/usr/bin/python3) runs with the app's python 3.13,
# not this host's /usr/bin/python3 (3.11).
python_appdir "$t/app"
printf '#!/usr/bin/python3 -s\nimport os, sys\nprint(sys.version_info[:2] == (3, 13), sys.executable.startswith(os.environ["ONEBIN_APPDIR"] + "/"), sys.flags.no_user_site, sys.argv[1:])\n' > "$t/app/app.py"
chmod 755 "$t/app/app.py"
[[ $(/usr/bin/python3 -c 'import sys; print(sys.version_info[:2])') != '(3, 13)' ]] || fail "test setup: the host's python is 3.13 too"
pack "$t/app" "$t/app.run" --root "$roots/trixie" --entry app.py
"$t/app.run" x y > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "True True 1 ['x', 'y']" ]] || fail "printed: $(cat "$t/out")"
