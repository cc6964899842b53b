# Sourced by the bench scripts: the workloads and the ways of launching them,
# so that every script runs the same programs from the same files.
#   small   samples/hello
#   medium  python3.11 with its standard library (an AppDir)
#   large   /usr/lib/llvm-14 with clang as the program
#   game    a small program (bench/game_like.c) and 1.5 GB of data in 300
#           files of 5 MB, 55% compressible; it reads two of them
#   files   the hello sample and 20,000 files of 1 KB
# bench/run-startup-size.sh makes the files in $work; the others reuse them.
work=${ONEBIN_BENCH_DIR:-/var/tmp/onebin-bench}
# Packed apps of 64 MB or more (medium, large) run from the per-user cache:
# the bench's own, so that it holds only these and the user's stays as it is.
export XDG_CACHE_HOME=$work/cache
# WORKLOADS="small files" runs some of them (a quick look at the scripts).
read -ra workloads <<<"${WORKLOADS:-small medium large game files}"
declare -A entry=([small]=bin/hello [medium]=bin/python3.11 [large]=bin/clang [game]=bin/game [files]=bin/hello)
declare -A args=([small]="--version" [medium]="--version" [large]="--version" [game]="data/part1 data/part2"
                 [files]="--version")
# makeself unpacks the whole tree to /tmp at each run: a minute of runs for
# 1.5 GB, and the issue's comparison for these two is squashfuse and unpacked.
declare -A no_makeself=([game]=1 [files]=1)

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
  [[ ${no_makeself[$w]:-} ]] || printf 'makeself\t%s\n' "$work/$w.makeself --quiet -- $a"
}

# Only the squashfuse commands (mount, run, unmount) need a shell; the others are
# run directly so that no shell's start-up (as long as hello's whole run, and
# under a cold cache a load of libc the app then finds cached) is measured.
needs_shell() {  # COMMAND
  case $1 in *[\;\&]*) return 0 ;; *) return 1 ;; esac
}

# DIR/data: 20,000 files of 1 KB in 100 directories, 45% random bytes each.
small_files_data() {  # DIR
  python3 - "$1/data" <<'PY'
import os, sys
for d in range(100):
    os.makedirs(f"{sys.argv[1]}/{d}")
    for f in range(200):
        with open(f"{sys.argv[1]}/{d}/{f}", "wb") as out:
            out.write(os.urandom(460) + bytes(564))
PY
}

# DIR/data/partN: COUNT files of 5 MB, 45% random bytes and 55% zeros.
game_data() {  # DIR COUNT
  mkdir -p "$1/data"
  for i in $(seq "$2"); do { head -c 2359296 /dev/urandom; head -c 2883584 /dev/zero; } > "$1/data/part$i"; done
}
