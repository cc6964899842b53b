. "$(dirname "$0")/common.inc"
# trixie's ffmpeg, packed as a single program, prints -version in the empty
# and musl roots and in bullseye: hosts with no libdrm, libxcb, GL or
# Vulkan, where the packed driver-facing fallbacks load (ffmpeg failed with
# 'libdrm.so.2: cannot open shared object file').
roots
pack "$roots/trixie-apps/usr/bin/ffmpeg" "$t/ffmpeg.run" --root "$roots/trixie-apps"
for root in empty musl bullseye; do
  run_in "$root" "$t/ffmpeg.run" -hide_banner -version > "$t/out" 2>&1 || fail "in $root: $(cat "$t/out")"
  grep -q '^ffmpeg version 7\.' "$t/out" || fail "in $root: $(cat "$t/out")"
done
