#!/bin/bash
# Builds (once) the root file systems the end-to-end tests run packed apps in,
# under $ONEBIN_ROOTS (default /var/cache/onebin/roots), outside the build
# tree so a second run is fast:
#   bullseye  debootstrap --variant=minbase (glibc 2.31)
#   trixie    debootstrap --variant=minbase (glibc 2.41) + gcc/g++ + sqlite3 +
#             Mesa's software drivers and their headers, to build samples that
#             need glibc 2.41 and to take real programs from
#   bullseye-mesa  bullseye + Mesa 20.3's software drivers (llvmpipe, lavapipe)
#   trixie-apps    trixie + real apps to pack (featherpad: Qt 6; qt5ct: Qt 5; ffmpeg;
#                  mousepad: GTK 3; zenity: GTK 4; chromium-bsu: SDL2 + OpenGL;
#                  gst-launch-1.0; python3 with tkinter) and Mesa to run them unpacked
#   bullseye-x11   bullseye + a desktop's X client libraries, GL dispatch and a font
#   musl      Debian's musl and busybox-static only: no glibc at all
#   empty     nothing: tests put the packed file in and mount /proc and /tmp
# Prints the roots directory. Needs root (debootstrap, chroot).
set -euo pipefail
roots=${ONEBIN_ROOTS:-/var/cache/onebin/roots}
# The archive this machine installs from (scripts/apt-sources), unless given.
mirror=${ONEBIN_MIRROR:-$("$(dirname "$0")/../../scripts/apt-sources" archive)}
mkdir -p "$roots"
exec 9>"$roots/.lock"
flock 9  # tests run in parallel; one builds, the others wait

build() {  # NAME COMMAND...: runs COMMAND to fill a temporary dir, then renames it
  local name=$1; shift
  # The recipe is the command line: a changed package list rebuilds the root.
  [[ -e "$roots/$name/.complete" && "$(cat "$roots/$name/.complete")" == "$*" ]] && return
  rm -rf "$roots/$name" "$roots/$name.tmp"
  "$@" "$roots/$name.tmp" >"$roots/$name.log" 2>&1 || { echo "building the $name root failed; see $roots/$name.log" >&2; exit 1; }
  echo "$*" > "$roots/$name.tmp/.complete"
  mv "$roots/$name.tmp" "$roots/$name"
}

debian_root() {  # SUITE INCLUDES DIR
  rm -rf "$3"
  debootstrap --variant=minbase ${2:+--include=$2} "$1" "$3" "$mirror"
}

musl_root() {
  local dir=$1 debs; debs=$(mktemp -d)
  (cd "$debs" && apt-get download musl busybox-static)
  mkdir -p "$dir"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$dir"; done
  rm -rf "$debs"
  mkdir -p "$dir/tmp" "$dir/proc" "$dir/dev"
  for applet in sh ls cat env; do ln -sf busybox "$dir/bin/$applet"; done
  if compgen -G "$dir/lib/*-linux-gnu*" >/dev/null || [[ -e "$dir/lib64" ]]; then echo "glibc in the musl root" >&2; return 1; fi
}

empty_root() { mkdir -p "$1"; }

build bullseye debian_root bullseye ""
mesa=libegl1,libegl-mesa0,libgles2,libgl1-mesa-dri,mesa-vulkan-drivers,libvulkan1
build bullseye-mesa debian_root bullseye "$mesa"
build trixie debian_root trixie "gcc,g++,libc6-dev,sqlite3,$mesa,libegl-dev,libgles-dev,libvulkan-dev,mesa-utils-bin"
# Real apps from trixie, packed by the tests (mousepad's dconf-service needs a session bus
# that debootstrap does not choose itself: dbus-x11), and Mesa to run them unpacked.
apps=featherpad,qt5ct,ffmpeg,mousepad,dbus-x11,zenity,chromium-bsu,python3-tk
apps=$apps,gstreamer1.0-tools,gstreamer1.0-plugins-base,gstreamer1.0-x,libgl1-mesa-dri,libglx-mesa0
build trixie-apps debian_root trixie "$apps"

# bullseye with a desktop's X client libraries, GL dispatch with Mesa's drivers and a font, no toolkit.
x11=libx11-6,libx11-xcb1,libxext6,libxcb1,libxcb-cursor0,libxcb-glx0,libxcb-icccm4,libxcb-image0,libxcb-keysyms1
x11=$x11,libxcb-randr0,libxcb-render-util0,libxcb-render0,libxcb-shape0,libxcb-shm0,libxcb-sync1,libxcb-xfixes0
x11=$x11,libxcb-xinerama0,libxcb-xinput0,libxcb-xkb1,libxcb-dri2-0,libxcb-dri3-0,libxcb-present0,libgl1,libegl1,libopengl0
x11=$x11,libgl1-mesa-dri,libglx-mesa0,fontconfig-config,fonts-dejavu-core
build bullseye-x11 debian_root bullseye "$x11"
build musl musl_root
build empty empty_root
echo "$roots"
