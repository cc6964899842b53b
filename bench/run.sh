#!/bin/bash
# All of the start-up, size, pack-time and memory benchmarks in one run
# (~40 minutes, root; `scripts/install-deps --bench` first). Writes
# bench/RESULTS.md. Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/run-startup-size.sh" "$@"
"$here/run-time-to-main.sh" "$@"
"$here/run-held-memory.sh"
