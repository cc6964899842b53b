#!/bin/bash
# Makes the files tests/nvidia/run.sh runs, into DIR (default tests/nvidia/files,
# which git ignores): glquad.run and vkcompute.run, the samples built in
# trixie (glibc 2.41, newer than any driver machine's, so the bundled glibc
# runs) and packed, and the static bridge versions static-glquad and
# static-vkcompute of this build. Run here, where the test roots are; then
# carry DIR to the machine with the GPU.
# Usage: tests/nvidia/prepare.sh [BUILD_DIR] [DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
out=${2:-$here/files}
export ONEBIN=$build/onebin SAMPLES=$build/samples
. "$here/../e2e/common.inc"
here=$(cd "$(dirname "$0")/../e2e" && pwd)  # what common.inc's helpers expect
mkdir -p "$out"
mkdir "$t/packed"
trixie_samples "$t/packed"
cp "$t/packed/glquad.run" "$t/packed/vkcompute.run" "$SAMPLES/glquad/static-glquad" "$SAMPLES/vkcompute/static-vkcompute" "$out/"
ls -l "$out"
