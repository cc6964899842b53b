/* The one rule for every directory the stub works in on the user's behalf:
 * the bases of views, the per-user cache and its parts, the data home that
 * --onebin-install writes into and its lists of what it installed. Another
 * user (or the owner of a HOME that root runs with, under sudo -E or su -m)
 * must not be able to change or rename what such a directory holds, or the
 * stub would run their code or delete what they name. The checks are made
 * on the descriptors the stub then works through, so that nothing renamed
 * into place after a check is used. */
#ifndef ONEBIN_STUB_TRUSTED_DIR_H
#define ONEBIN_STUB_TRUSTED_DIR_H

#include <sys/stat.h>

/* Why a directory lets another user rename what it holds, or NULL: it must
 * be the user's or root's (in a user namespace, an unmapped owner's, which
 * is root's as seen from inside), writable by nobody else unless sticky
 * (the group may write when it is the user's private group). */
const char *trust_open_to_others(const struct stat *st);

/* Why a directory is not the user's own, or NULL: owned by the user and
 * writable by nobody else (sticky or not). */
const char *trust_not_own(const struct stat *st);

/* Opens `real` (an absolute path without links, as realpath gives) one
 * directory at a time from /, never following a link, each checked by
 * trust_open_to_others; `real` itself by trust_not_own too when `own`.
 * Returns its descriptor, or -1 with the reason in *why (naming the
 * directory when it is above `real`). */
int trust_open_path(const char *real, int own, const char **why);

/* NAME inside the trusted directory dir_fd, made 0700 when missing and
 * `create`, opened without following a link and checked by trust_not_own:
 * its descriptor, or -1 with the reason in *why. */
int trust_open_own(int dir_fd, const char *name, int create, const char **why);

#endif
