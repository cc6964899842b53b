. "$(dirname "$0")/common.inc"
# trixie's python3 with its standard library, packed as an AppDir, imports
# from its own stdlib (and extension modules) in roots without any python:
# CPython finds its prefix from argv[0], the view.
python_appdir "$t/app"
pack "$t/app" "$t/python.run" --root "$roots/trixie" --entry usr/bin/python3
python_imports_from_view "$t/python.run"
