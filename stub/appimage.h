/* AppImage's launch interface, so that a packed file can replace an
 * AppImage in release pipelines, desktop launchers and update tools: its
 * --appimage-* options, the variables its runtime gives the app (APPIMAGE,
 * APPDIR, OWD; ARGV0 is stub.c's) and its portable FILE.home and
 * FILE.config directories. */
#ifndef ONEBIN_STUB_APPIMAGE_H
#define ONEBIN_STUB_APPIMAGE_H

#include "../formats/container.h"

/* Handles argv[1] when it is an --appimage-* option: the ones that answer
 * exit; --appimage-extract-and-run is removed from argv (a packed file
 * always runs from a private unpacked copy), so the launch goes on.
 * `packed`: the packed file's absolute path ("" if unknown). */
void appimage_option(int *argc, char **argv, struct onebin_archive *archive, const char *packed);

/* Makes FILE.home or FILE.config (`kind` "home" or "config"), 0700, prints
 * its path and exits: --onebin-portable-home and --appimage-portable-home. */
_Noreturn void appimage_make_portable(const char *packed, const char *kind);

/* Sets APPIMAGE, APPDIR and OWD for the app, and HOME and XDG_CONFIG_HOME
 * to FILE.home and FILE.config when they are directories of the user's that
 * nobody else can write or replace (others are ignored, said under
 * ONEBIN_DEBUG). Costs one failed open per kind when there are none. */
void appimage_environment(const char *packed, const char *appdir);

#endif
