#!/bin/bash
# Usage: in-root.sh ROOT COMMAND...  Runs COMMAND chrooted in ROOT with /proc
# and a fresh /tmp and /dev/shm mounted, and where the root has /dev, the
# device nodes and the /dev/fd link every system has, in a private mount
# namespace, so nothing stays mounted afterwards. Packed apps keep their
# cached copies in that fresh /tmp (XDG_CACHE_HOME), not in the root.
set -euo pipefail
root=$1; shift
exec unshare --mount --fork bash -c '
  root=$1; shift
  mkdir -p "$root/proc" "$root/tmp"
  mount -t proc proc "$root/proc"
  mount -t tmpfs tmpfs "$root/tmp"
  [[ -d "$root/dev" ]] && mount -t tmpfs tmpfs "$root/dev" && mkdir "$root/dev/shm" && for node in null:3 zero:5 random:8 urandom:9; do mknod -m 666 "$root/dev/${node%:*}" c 1 "${node#*:}"; done && ln -s /proc/self/fd "$root/dev/fd"
  XDG_CACHE_HOME=/tmp/.cache exec chroot "$root" "$@"' _ "$root" "$@"
