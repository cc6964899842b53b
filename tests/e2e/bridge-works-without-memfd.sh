# Kernels before 3.17 have no memfd_create (ENOSYS): the bridge copies its
# helper into memory there instead of failing. A seccomp filter plays the
# old kernel.
. "$(dirname "$0")/common.inc"
python3 - "$BRIDGE_CHECK" > "$t/out" 2>&1 <<'PY' || fail "without memfd_create: $(cat "$t/out")"
import ctypes, os, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
SYS_memfd_create, ENOSYS = 319, 38
LD_W_ABS, JEQ_K, RET_K = 0x20, 0x15, 0x06
program = [(LD_W_ABS, 0, 0, 0),                       # the system call number
           (JEQ_K, 0, 1, SYS_memfd_create),
           (RET_K, 0, 0, 0x00050000 | ENOSYS),         # SECCOMP_RET_ERRNO
           (RET_K, 0, 0, 0x7fff0000)]                  # SECCOMP_RET_ALLOW
code = b"".join(struct.pack("HBBI", *insn) for insn in program)
buffer = ctypes.create_string_buffer(code)
fprog = struct.pack("HxxxxxxQ", len(program), ctypes.addressof(buffer))
if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
   libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.c_char_p(fprog), 0, 0) != 0:
    sys.exit("cannot install the seccomp filter: " + os.strerror(ctypes.get_errno()))
os.execv(sys.argv[1], [sys.argv[1], "call"])
PY
grep -qxF 'cos(0.5) = 0.877582561890' "$t/out" || fail "without memfd_create the call printed: $(cat "$t/out")"
