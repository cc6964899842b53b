. "$(dirname "$0")/common.inc"
check_sqlite3 bullseye
