. "$(dirname "$0")/common.inc"
# A byte changed inside stored (incompressible) data still decompresses, so
# only the file's hash can catch it: for a small file sharing a frame, a file
# of one frame and a file of several frames, the launch stops with the
# file's name and "hash mismatch" before the app runs.
marker=ONEBIN-TEST-MARKER
for kb in 20 100 9000; do
  { head -c $((kb * 512)) /dev/urandom; printf '%s' $marker; head -c $((kb * 512)) /dev/urandom; } > "$t/r$kb.dat"
  pack "$SAMPLES/hello/hello" "$t/p$kb.run" --add "$t/r$kb.dat:share/r$kb.dat"
  offset=$(grep -obUa $marker "$t/p$kb.run" | cut -d: -f1)
  [[ $offset =~ ^[0-9]+$ ]] || fail "$kb KB: marker not stored verbatim: $offset"
  printf 'X' | dd of="$t/p$kb.run" bs=1 seek=$offset conv=notrunc status=none
  status=0; "$t/p$kb.run" > "$t/out" 2> "$t/err" || status=$?
  [[ $status == 127 ]] || fail "$kb KB: status $status: $(cat "$t/err")"
  [[ ! -s "$t/out" ]] || fail "$kb KB: the app ran: $(cat "$t/out")"
  grep -qx "onebin: error: share/r$kb.dat: corrupted file data (hash mismatch)" "$t/err" || fail "$kb KB: $(cat "$t/err")"
done
