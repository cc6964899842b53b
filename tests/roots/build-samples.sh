#!/bin/bash
# Usage: build-samples.sh SAMPLES_SOURCE OUT. Compiles hello, privlibs and
# spawn with plain gcc/g++ (no CMake), for use inside a root such as trixie,
# into AppDir layouts: OUT/hello, OUT/privlibs/{bin,lib,share}, OUT/spawn/{bin,lib}.
set -euo pipefail
src=$1 out=$2
mkdir -p "$out/privlibs/bin" "$out/privlibs/lib" "$out/privlibs/share/privlibs" "$out/spawn/bin" "$out/spawn/lib"
# _GNU_SOURCE: glibc 2.38+ then maps atoi to __isoc23_strtol, so hello needs the new glibc.
gcc -O2 -D_GNU_SOURCE -o "$out/hello" "$src/hello/hello.c"
p=$src/privlibs o=$out/privlibs
g++ -O2 -shared -fPIC -o "$o/lib/libname.so" "$p/name.cpp" -Wl,-rpath,'$ORIGIN'
g++ -O2 -shared -fPIC -o "$o/lib/libgreeting.so" "$p/greeting.cpp" -L"$o/lib" -lname -Wl,-rpath,'$ORIGIN'
gcc -O2 -shared -fPIC -o "$o/lib/libshout.so" "$p/shout.c"
g++ -O2 -std=c++17 -o "$o/bin/privlibs" "$p/main.cpp" -I"$p" -L"$o/lib" -lgreeting -ldl -Wl,-rpath,'$ORIGIN/../lib'
cp "$p/message.txt" "$o/share/privlibs/"
s=$src/spawn o=$out/spawn
gcc -O2 -shared -fPIC -o "$o/lib/libhelper.so" "$s/helper_lib.c"
gcc -O2 -o "$o/bin/spawn" "$s/spawn.c"
gcc -O2 -o "$o/bin/spawn-helper" "$s/helper.c" -L"$o/lib" -lhelper -Wl,-rpath,'$ORIGIN/../lib'
# The GPU samples, when the root has the EGL/GLES/Vulkan headers; SPIR-V comes
# prebuilt (it is the same on every machine) as SPV_HEADER beside the sources.
if [[ -e /usr/include/EGL/egl.h && -e /usr/include/vulkan/vulkan.h ]]; then
  gcc -O2 -o "$out/glquad" "$src/glquad/glquad.c" -lEGL -lGLESv2
  gcc -O2 -I"$src/vkcompute" -o "$out/vkcompute" "$src/vkcompute/vkcompute.c" -lvulkan
fi
