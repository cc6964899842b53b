#!/bin/bash
# On a machine with an NVIDIA GPU and its proprietary driver: runs the files
# tests/nvidia/prepare.sh made (packed glquad and vkcompute built on trixie,
# with the bundled glibc; their static bridge versions) and prints, for each,
# which driver it used and whether its pixels or results are right. Each runs
# as the host chooses, then with the NVIDIA vendor forced (glvnd's
# __EGL_VENDOR_LIBRARY_FILENAMES, the Vulkan loader's VK_ICD_FILENAMES) when
# the machine has its files, so Mesa beside the driver cannot hide it.
# Exit status 1 when a run that used the NVIDIA driver was wrong, or none
# used it. CI never runs this.
# Usage: tests/nvidia/run.sh [DIR]
set -uo pipefail
dir=${1:-$(dirname "$0")/files}
echo "== machine"
uname -r
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>&1 | head -n 4
ldd --version 2>&1 | head -n 1
for file in /usr/share/glvnd/egl_vendor.d/*nvidia*.json /etc/vulkan/icd.d/*nvidia*.json /usr/share/vulkan/icd.d/*nvidia*.json; do
  [[ -e $file ]] && echo "driver file: $file"
done
ldconfig -p | grep -E 'libEGL_nvidia|libGLX_nvidia|libnvidia-glcore|libEGL.so.1|libvulkan.so.1' | sed 's/^/library: /'
egl_vendor=$(ls /usr/share/glvnd/egl_vendor.d/*nvidia*.json 2>/dev/null | head -n 1)
vk_icd=$(ls /etc/vulkan/icd.d/*nvidia*.json /usr/share/vulkan/icd.d/*nvidia*.json 2>/dev/null | head -n 1)

nvidia_runs=0 wrong=0
check() {  # NAME KIND(gl|vk) [ENV...]
  local name=$1 kind=$2 out driver verdict
  out=$(env "${@:3}" timeout 60 "$dir/$name" 2>&1)
  if [[ $kind == gl ]]; then
    driver=$(grep -m1 '^GL_VERSION: ' <<< "$out"; grep -m1 '^GL_RENDERER: ' <<< "$out")
    verdict=$(grep -m1 '^pixels: ' <<< "$out")
  else
    driver=$(grep -m1 '^device: ' <<< "$out"; grep -m1 '^driver version: ' <<< "$out")
    verdict=$(grep -m1 '^compute result: ' <<< "$out")
  fi
  echo "== $name ${*:3}"
  echo "${driver:-no driver line}" | sed 's/^/  /'
  echo "  ${verdict:-no result line}"
  [[ -n $verdict ]] || sed 's/^/  | /' <<< "$out" | head -n 20
  if grep -qi 'nvidia' <<< "$driver"; then
    nvidia_runs=$((nvidia_runs + 1))
    [[ $verdict == *right ]] || wrong=$((wrong + 1))
    echo "  -> NVIDIA driver: ${verdict:-no result}"
  else
    echo "  -> not the NVIDIA driver"
  fi
}
for name in glquad.run static-glquad; do
  check "$name" gl
  [[ -n $egl_vendor ]] && check "$name" gl "__EGL_VENDOR_LIBRARY_FILENAMES=$egl_vendor"
done
for name in vkcompute.run static-vkcompute; do
  check "$name" vk
  [[ -n $vk_icd ]] && check "$name" vk "VK_ICD_FILENAMES=$vk_icd"
done
echo "== $nvidia_runs runs used the NVIDIA driver, $wrong of them wrong"
(( nvidia_runs > 0 && wrong == 0 ))
