/* Removing the private view directory: at exit through a watcher process,
 * and at the next launch for directories whose app was killed with its
 * watcher. */
#ifndef ONEBIN_STUB_CLEANUP_H
#define ONEBIN_STUB_CLEANUP_H

/* Removes a directory tree of files, directories and symlinks. */
void remove_tree(const char *path);

/* Whether some process of this user uses anything under `dir` in any way:
 * has ONEBIN_APPDIR=`dir` in its environment (the app and its children),
 * runs, works in, has open or maps a file of it. Unreadable /proc counts as
 * in use. Reads every process: for eviction only, not for every launch. */
int tree_in_use(const char *dir);

/* Removes BASE/onebin-PID-* directories of processes that no longer exist. */
void collect_garbage(const char *base);

/* Starts a detached process that first removes the stale views beside `dir`
 * (collect_garbage), then removes `dir` once every process holding
 * the returned descriptor (the app after exec, and its children) is gone or
 * has closed it, and the app itself has exited. */
int start_watcher(const char *dir);

#endif
