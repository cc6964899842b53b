. "$(dirname "$0")/common.inc"
# A view whose app has exited but whose clean-up process still holds its
# lock (it is removing it) is not removed a second time by the next
# launch's clean-up process; once nobody holds it, the next one removes it.
# (The clean-up process looks for leftovers before it removes its own view:
# once that is gone, it has looked.)
pack "$SAMPLES/hello/hello" "$t/hello.run"
sh -c 'exit 0' & dead=$!; wait $dead  # a process id that no longer runs
view=$t/runtime/onebin-$dead-TEST01
mkdir -p "$view/lib" && echo data > "$view/lib/file"
exec 8<"$view" && flock -n 8  # this shell holds the lock, as a watcher would
! flock -n "$view" true || fail "test setup: the view is not locked"
own_view_gone() { for _ in $(seq 50); do [[ $(ls "$t/runtime") == "${view##*/}" ]] && return; sleep 0.1; done; }
"$t/hello.run" > /dev/null
own_view_gone
[[ -f "$view/lib/file" ]] || fail "a view its watcher still holds was removed"
exec 8<&-
"$t/hello.run" > /dev/null
for _ in $(seq 50); do [[ -e "$view" ]] || break; sleep 0.1; done
[[ ! -e "$view" ]] || fail "a view nobody holds was left: $(ls -R "$view")"
