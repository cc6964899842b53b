/* Files whose content names the view's directory, which only the launch
 * knows: the packer writes ONEBIN_APPDIR_TOKEN there (formats/README.md,
 * flag bits 4 and 5). */
#ifndef ONEBIN_STUB_TEMPLATES_H
#define ONEBIN_STUB_TEMPLATES_H

#include "../formats/container.h"

/* Writes the template entry `e` under dir_fd from the archive (its hash
 * checked), with `appdir` for every token, in its packed mode and time. */
void write_template(struct onebin_archive *archive, const struct onebin_entry *e, int dir_fd, const char *appdir);

/* Sets the environment file's variables for the app, `appdir` for every
 * token: at every launch, whether its tree was made now or by an earlier
 * launch (the cache). */
void apply_environment(struct onebin_archive *archive, const char *appdir);

/* The entry's content from the archive, NUL-terminated (hash checked): malloc'ed. */
char *entry_text(struct onebin_archive *archive, const struct onebin_entry *e);

/* Prints the environment file's lines as packed (--onebin-info). */
void print_environment(struct onebin_archive *archive);

#endif
