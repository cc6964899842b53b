. "$(dirname "$0")/common.inc"
roots
pack "$SAMPLES/hello/hello" "$t/hello.run"
pack "$SAMPLES/privlibs/app" "$t/privlibs.run" --entry bin/privlibs
pack "$SAMPLES/spawn/app" "$t/spawn.run" --entry bin/spawn
check_samples musl "$t"
