/* Where `onebin extract` and the stub's --onebin-extract may write: shared
 * so that both refuse the same directories. `onebin extract` writes by path, so
 * the directory must hold nothing it did not write (no link planted in it
 * beforehand leads a write elsewhere) and nobody else may add one while it
 * runs. */
#ifndef ONEBIN_EXTRACT_TARGET_H
#define ONEBIN_EXTRACT_TARGET_H

#ifdef __cplusplus
extern "C" {
#endif

/* Creates `dir` (0755) if it is missing. NULL when it may be written, else
 * the reason: not a directory (a link to one neither), another user's (not
 * root's), writable by others, or not empty unless `allow_contents`. */
const char *onebin_extract_target(const char *dir, int allow_contents);

#ifdef __cplusplus
}
#endif

#endif
