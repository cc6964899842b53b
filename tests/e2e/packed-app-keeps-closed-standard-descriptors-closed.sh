. "$(dirname "$0")/common.inc"
# Standard descriptors the caller closed are closed for the packed app too,
# as they are for the unpacked one (its stdin was a library's memfd and its
# stdout the clean-up process's pipe, where its output vanished).
cat > "$t/fds.c" <<'C'
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
int main(void) {
  for (int fd = 0; fd <= 2; fd++)
    fprintf(stderr, "fd %d: %s\n", fd, fcntl(fd, F_GETFD) == -1 && errno == EBADF ? "closed" : "open");
  return 0;
}
C
cc -O2 -o "$t/fds" "$t/fds.c"
pack "$t/fds" "$t/fds.run"
"$t/fds" <&- >&- 2> "$t/want"
"$t/fds.run" <&- >&- 2> "$t/got" || fail "exit status $?: $(cat "$t/got")"
grep -qx 'fd 0: closed' "$t/want" || fail "test setup: $(cat "$t/want")"
cmp -s "$t/want" "$t/got" || fail "packed: $(cat "$t/got"); unpacked: $(cat "$t/want")"
"$t/fds.run" 0< /dev/null >&- 2> "$t/got" || fail "exit status $?: $(cat "$t/got")"
[[ $(cat "$t/got") == $'fd 0: open\nfd 1: closed\nfd 2: open' ]] || fail "stdin open, stdout closed: $(cat "$t/got")"
