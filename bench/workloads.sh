# Sourced by the bench scripts: the workloads and the ways of launching them,
# so that every script runs the same programs from the same files.
#   small   samples/hello
#   medium  python3.11 with its standard library (an AppDir)
#   large   /usr/lib/llvm-14 with clang as the program
# bench/run-startup-size.sh makes the files in $work; the others reuse them.
work=${ONEBIN_BENCH_DIR:-/var/tmp/onebin-bench}
# Packed apps of 64 MB or more (medium, large) run from the per-user cache:
# the bench's own, so that it holds only these and the user's stays as it is.
export XDG_CACHE_HOME=$work/cache
workloads=(small medium large)
declare -A entry=([small]=bin/hello [medium]=bin/python3.11 [large]=bin/clang)
declare -A args=([small]="--version" [medium]="--version" [large]="--version")

# One line per way of launching, "TOOL<tab>COMMAND": a shell command that runs
# the workload's program with ARGS and exits with its status.
launch_commands() {  # WORKLOAD ARGS
  local w=$1 a=$2 mnt=$work/mnt-$1 comp
  mkdir -p "$mnt"
  printf 'unpacked\t%s\n' "$work/$w.tree/${entry[$w]} $a"
  printf 'onebin\t%s\n' "$work/$w.run $a"
  for comp in zstd xz; do
    printf 'squashfuse-%s\t%s\n' $comp \
      "squashfuse $work/$w.sqfs-$comp $mnt && $mnt/${entry[$w]} $a; s=\$?; fusermount -u $mnt; exit \$s"
  done
  printf 'makeself\t%s\n' "$work/$w.makeself --quiet -- $a"
}

# Only the squashfuse commands (mount, run, unmount) need a shell; the others are
# run directly so that no shell's start-up (as long as hello's whole run, and
# under a cold cache a load of libc the app then finds cached) is measured.
needs_shell() {  # COMMAND
  case $1 in *[\;\&]*) return 0 ;; *) return 1 ;; esac
}
