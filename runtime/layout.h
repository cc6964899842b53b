/* The bridge's memory layout, shared by its C files and switch.S: each size,
 * count and offset is defined here once (C checks the relations with static
 * assertions in threads.c and bridge.c). Only #defines: the assembler reads it. */
#ifndef ONEBIN_RUNTIME_LAYOUT_H
#define ONEBIN_RUNTIME_LAYOUT_H

#define ONEBIN_STUBS 4096 /* stubs each way (program -> host, host -> program) */

/* One crossing's frame on the thread's side stack. */
#define ONEBIN_FRAME_RET 0    /* the caller's return address */
#define ONEBIN_FRAME_RBX 8    /* the caller's rbx: rbx holds the frame across the call */
#define ONEBIN_FRAME_FS 16    /* the thread pointer to put back after the call */
#define ONEBIN_FRAME_TARGET 24
#define ONEBIN_FRAME_REGS 32  /* rax rdi rsi rdx rcx r8 r9 while the thread pointer changes */
#define ONEBIN_FRAME_SIZE 96
#define ONEBIN_SIDE_FRAMES 64 /* nested crossings per thread; one more stops the program with a message */

/* onebin_saved: the program's rsp, rbx, rbp, r12-r15 while ld.so starts, then musl's FS. */
#define ONEBIN_SAVED_SLOTS 8
#define ONEBIN_SAVED_MUSL_FS 56

#endif
