/* The helper's entry point, instead of crt1.o: crt1.o from glibc 2.34+
 * calls __libc_start_main@GLIBC_2.34, which older hosts do not have. */
  .text
  .globl _start
  .type _start, @function
_start:
  xor %ebp, %ebp
  mov %rdx, %r9              /* rtld_fini from ld.so */
  pop %rsi                   /* argc */
  mov %rsp, %rdx             /* argv */
  and $-16, %rsp
  push %rax                  /* keep the stack 16-byte aligned */
  push %rsp                  /* stack_end */
  xor %r8d, %r8d             /* fini */
  xor %ecx, %ecx             /* init */
  lea main(%rip), %rdi
  call *__libc_start_main@GOTPCREL(%rip)
  hlt
  .symver __libc_start_main,__libc_start_main@GLIBC_2.2.5
  .section .note.GNU-stack,"",@progbits
