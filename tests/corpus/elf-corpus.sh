#!/bin/bash
# Corpus test for the ELF editor (issue 2). Rewrites the RUNPATH of every
# real ELF file in /usr/bin and /usr/lib/x86_64-linux-gnu with onebin and,
# as a reference, with Debian's patchelf, then checks that each output still
# works like the original, also after `strip`:
#   executables: same exit code and output for --version and --help
#                (run as nobody, stdin closed, same argv[0]);
#   libraries:   still load (dlmopen) and resolve the same exported symbols;
#   both:        readelf -d shows exactly the new RUNPATH, no RPATH and the
#                same NEEDED list; readelf -l/-d print no warnings.
# Usage: tests/corpus/elf-corpus.sh ONEBIN [WORKDIR]   (prints a summary;
# per-file results go to WORKDIR/results.txt; CORPUS_LIST=FILE checks only
# the paths listed in FILE)
set -u
work=${2:-$(mktemp -d /tmp/onebin-corpus-XXXXXX)}
mkdir -p "$work" && chmod 755 "$work"
# A private copy, so a rebuild during the run cannot change the tool under test.
cp "${1:?usage: elf-corpus.sh ONEBIN [WORKDIR]}" "$work/onebin" || exit 1
onebin=$work/onebin
here=$(dirname "$(realpath "$0")")
runpath='$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib'
cc -O1 -o "$work/dlcheck" "$here/dlcheck.c" || exit 1

list_corpus() {
  { find /usr/bin -maxdepth 1 -type f; find /usr/lib/x86_64-linux-gnu -type f -name '*.so*'; } |
    sort -u | while read -r f; do
      [[ "$(head -c4 "$f" 2>/dev/null)" == $'\x7fELF' ]] && echo "$f"
    done
}

# Prints what a program does with one argument, as nobody, in its own dir.
# Output goes to a file, not a pipe, so long output cannot end in SIGPIPE.
run_program() {
  local dir=$1 name=$2 arg=$3 out; out=$(mktemp "$work/out-XXXXXX")
  (cd "$dir" && timeout -k 1 10 setpriv --reuid=65534 --regid=65534 --clear-groups \
    env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C bash -c 'exec -a "$0" ./"$0" "$1"' "$name" "$arg" \
    </dev/null >"$out" 2>&1)
  local status=$?
  sed "s#$dir#DIR#g" "$out" | head -c 1000000; rm -f "$out"
  echo "exit $status"
}

behaviour() {
  local file=$1 kind=$2
  if [[ $kind == executable ]]; then
    run_program "$(dirname "$file")" "$(basename "$file")" --version
    run_program "$(dirname "$file")" "$(basename "$file")" --help
  else
    nm -D --defined-only "$file" 2>/dev/null | awk 'NF==3 {print $3}' | sed 's/@.*//' | sort -u |
      timeout -k 1 20 "$work/dlcheck" "$file" 2>/dev/null
  fi
}

readelf_view() {  # NEEDED, RPATH and RUNPATH lines and any warning or error
  LC_ALL=C readelf -dW "$1" 2>&1 | grep -E 'NEEDED|RPATH|RUNPATH|arning|rror'
  LC_ALL=C readelf -lW "$1" 2>&1 >/dev/null
}

expected_view() {
  readelf_view "$1" | grep -vE '\((RPATH|RUNPATH)\)'
  echo " 0x000000000000001d (RUNPATH)            Library runpath: [$runpath]"
}

# Checks one rewritten copy; prints "pass" or the first difference.
check_copy() {
  local original=$1 copy=$2 kind=$3 want=$4
  local got; got=$(behaviour "$copy" "$kind")
  # Programs that print from several processes (groff) vary in line order:
  # an output the original itself gives on a rerun counts as the same.
  for retry in 1 2 3; do
    [[ "$got" == "$want" ]] && break
    [[ "$got" == "$(behaviour "$original" "$kind")" ]] && want=$got
  done
  [[ "$got" == "$want" ]] || { echo "behaviour differs: $(diff <(echo "$want") <(echo "$got") | head -3 | tr '\n' ' ')"; return; }
  diff -q <(expected_view "$original" | sort) <(readelf_view "$copy" | sort) >/dev/null ||
    { echo "readelf differs: $(diff <(expected_view "$original" | sort) <(readelf_view "$copy" | sort) | head -4 | tr '\n' ' ')"; return; }
  echo pass
}

# Rewrites with one tool and checks the result and its stripped copy.
check_tool() {
  local tool=$1 file=$2 dir=$3 kind=$4 want=$5 name; name=$(basename "$file")
  mkdir -p "$dir/$tool" "$dir/$tool-stripped"
  local out="$dir/$tool/$name"
  if [[ $tool == onebin ]]; then
    "$onebin" elf "$file" -o "$out" --set-runpath "$runpath" >/dev/null 2>"$dir/$tool.err" ||
      { echo "$tool=refused:$(head -1 "$dir/$tool.err")"; return; }
  else
    cp "$file" "$out" && patchelf --set-rpath "$runpath" "$out" 2>"$dir/$tool.err" ||
      { echo "$tool=refused:$(head -1 "$dir/$tool.err")"; return; }
  fi
  echo "$tool=$(check_copy "$dir/orig/$name" "$out" "$kind" "$want")"
  cp "$out" "$dir/$tool-stripped/$name" && strip "$dir/$tool-stripped/$name" 2>/dev/null
  echo "$tool-stripped=$(check_copy "$dir/orig/$name" "$dir/$tool-stripped/$name" "$kind" "$want")"
}

check_file() {
  local file=$1 info kind dir
  info=$("$onebin" elf "$file" 2>&1) || { echo "$file|skip|unreadable: $info"; return; }
  case "$(sed -n 's/^kind: //p' <<<"$info")" in
    static*|dynamic\ loader) echo "$file|ineligible|$(sed -n 's/^kind: //p' <<<"$info")"; return ;;
    shared\ library) kind=library ;;
    *) kind=executable ;;
  esac
  # Keep the file's own RUNPATH/RPATH after ours: it may need it (systemd's
  # and man-db's tools find private libraries that way).
  local own; own=$(sed -n 's/^r\(un\)\?path: \(.\+\)/\2/p' <<<"$info" | head -1)
  local runpath="$runpath${own:+:$own}"
  dir=$(mktemp -d "$work/f-XXXXXX"); chmod 755 "$dir"; mkdir "$dir/orig"
  cp "$file" "$dir/orig/"
  local want; want=$(behaviour "$dir/orig/$(basename "$file")" "$kind")
  if [[ "$want" != "$(behaviour "$dir/orig/$(basename "$file")" "$kind")" ]]; then
    echo "$file|nondeterministic|"; rm -rf "$dir"; return
  fi
  local results; results=$(for tool in onebin patchelf; do check_tool $tool "$file" "$dir" $kind "$want"; done | tr '\n' ' ')
  local summary; summary=$(grep -E '^(exit [0-9]+|loaded|not loaded)' <<<"$want" | tr '\n' ' ')
  echo "$file|$kind|$summary|$results"
  rm -rf "$dir"
}

export -f run_program behaviour readelf_view expected_view check_copy check_tool check_file
export onebin work runpath
if [[ -n "${CORPUS_LIST:-}" ]]; then cp "$CORPUS_LIST" "$work/corpus.txt"; else list_corpus > "$work/corpus.txt"; fi
xargs -a "$work/corpus.txt" -d '\n' -P "$(nproc)" -I{} bash -c 'check_file "$1"' _ {} > "$work/results.txt"

total=$(wc -l < "$work/results.txt")
eligible=$(grep -cE '\|(executable|library)\|' "$work/results.txt")
echo "corpus: $total ELF files ($(grep -c '|ineligible|' "$work/results.txt") static/static-pie/loader," \
  "$(grep -c '|nondeterministic|' "$work/results.txt") nondeterministic, $(grep -c '|skip|' "$work/results.txt") unreadable)"
for tool in onebin onebin-stripped patchelf patchelf-stripped; do
  echo "$tool: $(grep -cE "(^| |\|)$tool=pass" "$work/results.txt") of $eligible pass"
done
echo "libraries that load in the original: $(grep -c '|library|loaded' "$work/results.txt") of $(grep -c '|library|' "$work/results.txt");" \
  "executables whose --version exits 0: $(grep -c '|executable|exit 0 ' "$work/results.txt") of $(grep -c '|executable|' "$work/results.txt")"
echo "details: $work/results.txt"
grep -E '\|(executable|library)\|' "$work/results.txt" | grep -q 'onebin=\(refused\|behaviour\|readelf\)\|onebin-stripped=\(behaviour\|readelf\)' && exit 1
exit 0
