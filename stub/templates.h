/* Files whose content names the view's directory, which only the launch
 * knows: the packer writes ONEBIN_APPDIR_TOKEN there (formats/README.md,
 * flag bits 4 and 5). */
#ifndef ONEBIN_STUB_TEMPLATES_H
#define ONEBIN_STUB_TEMPLATES_H

#include "../formats/container.h"

/* Rewrites every template file in the view `dir` with `dir` for the token,
 * then sets the variables of the environment file for the app. */
void apply_templates(const char *dir, const struct onebin_archive *archive);

/* Prints the environment file's lines as packed (--onebin-info). */
void print_environment(struct onebin_archive *archive);

#endif
