. "$(dirname "$0")/common.inc"
# pack interrupted while it writes and reads back its output (Ctrl-C, kill)
# ends by that signal and leaves neither the output nor its temporary
# OUT.onebin-tmp-XXXXXX (it left the temporary file).
roots
apps=$roots/trixie-apps
for signal in INT TERM; do
  mkdir "$t/$signal"
  # A background job of a script ignores SIGINT: undone for pack, as in a terminal.
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$ONEBIN" pack "$apps/usr/bin/ffmpeg" -o "$t/$signal/ffmpeg.run" --root "$apps" --level 1 > "$t/pack.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do compgen -G "$t/$signal/ffmpeg.run.onebin-tmp-*" > /dev/null && break; sleep 0.05; done
  compgen -G "$t/$signal/ffmpeg.run.onebin-tmp-*" > /dev/null || fail "no temporary file seen: $(cat "$t/pack.log")"
  kill -"$signal" $pid
  status=0
  wait $pid || status=$?
  (( status == 128 + $(kill -l "$signal") )) || fail "SIG$signal: exit status $status: $(cat "$t/pack.log")"
  [[ -z $(ls -A "$t/$signal") ]] || fail "SIG$signal left: $(ls -A "$t/$signal")"
done
