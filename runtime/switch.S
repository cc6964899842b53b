/* Switching between the two libc worlds of one process (runtime/README.md).
 * The thread pointer (FS base) says which libc's thread block is live, so
 * every crossing sets it: wrfsbase where the kernel enabled FSGSBASE (about
 * 30 ns), else arch_prctl(ARCH_SET_FS) (a system call). This is assembly, not
 * C, because C compiled with the stack protector reads %fs:0x28 and would
 * compare canaries of two different worlds. */

#include "layout.h"

#define FRAME_RET ONEBIN_FRAME_RET
#define FRAME_RBX ONEBIN_FRAME_RBX
#define FRAME_FS ONEBIN_FRAME_FS
#define FRAME_TARGET ONEBIN_FRAME_TARGET
#define FRAME_REGS ONEBIN_FRAME_REGS
#define FRAME_SIZE ONEBIN_FRAME_SIZE
#define ARCH_SET_FS 0x1002
#define SYS_arch_prctl 158

/* Sets FS base to \reg. Clobbers rax rcx rdi rsi r11 (the system call). */
.macro SET_FS reg
  cmpb $0, onebin_have_fsgsbase(%rip)
  je 91f
  wrfsbase \reg
  jmp 92f
91:
  mov \reg, %rsi
  mov $ARCH_SET_FS, %edi
  mov $SYS_arch_prctl, %eax
  syscall
92:
.endm

/* r10 = this thread's next free frame on its side stack (musl TLS); a
 * crossing past the last frame stops the program with a message instead of
 * writing beyond the stack. Changes no other register. */
.macro SIDE_TOP
  mov %fs:onebin_side_top@tpoff, %r10
  test %r10, %r10
  jnz 93f
  mov %fs:0, %r10
  lea onebin_side@tpoff(%r10), %r10
93:
  push %rax
  mov %fs:0, %rax
  lea onebin_side@tpoff+(ONEBIN_SIDE_FRAMES-1)*ONEBIN_FRAME_SIZE(%rax), %rax
  cmp %rax, %r10
  pop %rax
  jbe 94f
  and $-16, %rsp
  call onebin_side_stack_full
94:
.endm

.macro SAVE_ARGS
  mov %rax, FRAME_REGS+0(%rbx)
  mov %rdi, FRAME_REGS+8(%rbx)
  mov %rsi, FRAME_REGS+16(%rbx)
  mov %rdx, FRAME_REGS+24(%rbx)
  mov %rcx, FRAME_REGS+32(%rbx)
  mov %r8, FRAME_REGS+40(%rbx)
  mov %r9, FRAME_REGS+48(%rbx)
.endm

.macro RESTORE_ARGS
  mov FRAME_REGS+0(%rbx), %rax
  mov FRAME_REGS+8(%rbx), %rdi
  mov FRAME_REGS+16(%rbx), %rsi
  mov FRAME_REGS+24(%rbx), %rdx
  mov FRAME_REGS+32(%rbx), %rcx
  mov FRAME_REGS+40(%rbx), %r8
  mov FRAME_REGS+48(%rbx), %r9
.endm

  .text

/* void onebin_enter_loader(void *entry, void *stack): runs the host's ld.so
 * on a fresh stack; "returns" when the helper calls onebin_resume. */
  .globl onebin_enter_loader
  .type onebin_enter_loader, @function
onebin_enter_loader:
  mov %rsp, onebin_saved+0(%rip)
  mov %rbx, onebin_saved+8(%rip)
  mov %rbp, onebin_saved+16(%rip)
  mov %r12, onebin_saved+24(%rip)
  mov %r13, onebin_saved+32(%rip)
  mov %r14, onebin_saved+40(%rip)
  mov %r15, onebin_saved+48(%rip)
  mov %rsi, %rsp
  xor %edx, %edx          /* no rtld_fini: the kernel passes 0 */
  xor %ebp, %ebp
  jmp *%rdi

/* void onebin_resume(struct onebin_handoff *): called by the helper's main
 * with glibc's thread pointer; puts musl's back and returns from
 * onebin_enter_loader on the program's own stack. */
  .globl onebin_resume
  .type onebin_resume, @function
onebin_resume:
  mov onebin_saved+ONEBIN_SAVED_MUSL_FS(%rip), %r10
  SET_FS %r10
  mov onebin_saved+0(%rip), %rsp
  mov onebin_saved+8(%rip), %rbx
  mov onebin_saved+16(%rip), %rbp
  mov onebin_saved+24(%rip), %r12
  mov onebin_saved+32(%rip), %r13
  mov onebin_saved+40(%rip), %r14
  mov onebin_saved+48(%rip), %r15
  ret

/* Program -> host. Entered from a stub with r11 = stub index, musl's FS.
 * The return address moves to the side stack so the callee sees exactly the
 * caller's stack (arguments beyond the sixth, varargs, struct returns). */
  .type onebin_tramp_forward, @function
onebin_tramp_forward:
  SIDE_TOP
  pop FRAME_RET(%r10)
  mov %rbx, FRAME_RBX(%r10)
  mov %r10, %rbx
  add $FRAME_SIZE, %r10
  mov %r10, %fs:onebin_side_top@tpoff
  mov %fs:0, %r10
  mov %r10, FRAME_FS(%rbx)
  lea onebin_forward_targets(%rip), %r10
  mov (%r10,%r11,8), %r10
  mov %r10, FRAME_TARGET(%rbx)
  SAVE_ARGS
  mov %fs:onebin_glibc_fs@tpoff, %r10
  test %r10, %r10
  jnz 1f
  call onebin_attach_thread   /* first host call of this thread: rsp is 16-byte aligned here */
  mov %rax, %r10
1:
  SET_FS %r10
  RESTORE_ARGS
  call *FRAME_TARGET(%rbx)
  mov %rax, FRAME_REGS+0(%rbx)
  mov %rdx, FRAME_REGS+8(%rbx)
  mov FRAME_FS(%rbx), %r10
  SET_FS %r10
  mov %rbx, %fs:onebin_side_top@tpoff
  mov FRAME_REGS+0(%rbx), %rax
  mov FRAME_REGS+8(%rbx), %rdx
  push FRAME_RET(%rbx)
  mov FRAME_RBX(%rbx), %rbx
  ret

/* Host -> program (callbacks). Entered from a stub with r11 = stub index and
 * the host thread's glibc FS; finds this thread's musl FS first. */
  .type onebin_tramp_reverse, @function
onebin_tramp_reverse:
  push %rax
  push %rdi
  push %rsi
  push %rdx
  push %rcx
  push %r8
  push %r9
  push %r11
  sub $8, %rsp
  mov %fs:0, %rdi
  call onebin_musl_fs_for     /* plain C over globals: safe in either world */
  add $8, %rsp
  mov %rax, %r10
  mov %fs:0, %r8
  SET_FS %r10
  SIDE_TOP
  mov %r8, FRAME_FS(%r10)
  mov %rbx, FRAME_RBX(%r10)
  mov %r10, %rbx
  add $FRAME_SIZE, %r10
  mov %r10, %fs:onebin_side_top@tpoff
  pop %r11
  lea onebin_reverse_targets(%rip), %r10
  mov (%r10,%r11,8), %r10
  mov %r10, FRAME_TARGET(%rbx)
  pop %r9
  pop %r8
  pop %rcx
  pop %rdx
  pop %rsi
  pop %rdi
  pop %rax
  pop FRAME_RET(%rbx)
  call *FRAME_TARGET(%rbx)
  mov %rbx, %fs:onebin_side_top@tpoff
  mov FRAME_FS(%rbx), %r10
  mov FRAME_RET(%rbx), %r9
  mov FRAME_RBX(%rbx), %r8
  push %rax
  push %rdx
  SET_FS %r10
  pop %rdx
  pop %rax
  mov %r8, %rbx
  push %r9
  ret

/* ONEBIN_STUBS stubs each way, 16 bytes apart: fixed code in .text, so nothing is
 * written to executable memory at run time (W^X and SELinux execmem safe). */
.macro STUBS name, common
  .balign 16
  .globl \name
\name:
  .set i, 0
  .rept ONEBIN_STUBS
  .balign 16
  mov $i, %r11d
  jmp \common
  .set i, i + 1
  .endr
.endm

  STUBS onebin_forward_stubs, onebin_tramp_forward
  STUBS onebin_reverse_stubs, onebin_tramp_reverse

/* Signal return for handlers installed with the raw system call. */
  .globl onebin_sigreturn
  .type onebin_sigreturn, @function
onebin_sigreturn:
  mov $15, %eax
  syscall

  .section .note.GNU-stack,"",@progbits
