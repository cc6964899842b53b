/* --onebin-install and --onebin-uninstall: the packed file's desktop entry,
 * icon and AppStream metadata (ONEBIN_DESKTOP entries) into $XDG_DATA_HOME
 * as the XDG specs place them, and a list of what was made, so that
 * uninstalling removes exactly that. */
#ifndef ONEBIN_STUB_DESKTOP_H
#define ONEBIN_STUB_DESKTOP_H

#include "../formats/container.h"

/* Both exit: 0 when done, else with a message naming the path and the reason. */
_Noreturn void desktop_install(struct onebin_archive *a, const char *self);
_Noreturn void desktop_uninstall(struct onebin_archive *a);

#endif
