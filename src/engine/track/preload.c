// Loaded into the kernel process only (LD_PRELOAD): tells the runner which files the notebook's
// code opened, whatever opened them — Node's fs, tslab's compiler, or native code such as
// nodejs-polars (Rust) and better-sqlite3 (C), where no hook in JavaScript can see. It also tells
// when the code reached the network or started a program, and which environment variables native
// code read. One line per event is appended to the file named by ANALYSIS_TRACK_LOG, with a single
// write(2): lines from several threads (or the kernel's children) never interleave.
//
//   O <dev> <ino> <size> <mtime ns> <ctime ns> <path>   opened for reading, stamped at that moment
//   A <path>                                             looked for and absent (open or access: ENOENT)
//   W <path>                                             made or truncated by the run: an output
//   D <path>                                             a folder listed
//   N <family>                                           a socket connected (the network)
//   X <path>                                             a program started
//   E <name>                                             getenv(name) from native code
//
// The interposers forward to the C library's own functions (dlsym RTLD_NEXT), allocate nothing
// and keep no lock, so that they are safe in any thread and before the process is fully up.
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int log_fd = -1;

// Bounded text building, with no allocation and no locale (snprintf may take locks).
typedef struct {
  char *p;
  char *end;
} buf_t;

static void put(buf_t *b, const char *s) {
  while (*s && b->p < b->end) *b->p++ = *s++;
}

static void put_u(buf_t *b, unsigned long long v) {
  char digits[24];
  int n = 0;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) && n < 24);
  while (n > 0 && b->p < b->end) *b->p++ = digits[--n];
}

static void put_ns(buf_t *b, struct timespec t) {
  put_u(b, (unsigned long long)t.tv_sec * 1000000000ULL + (unsigned long long)t.tv_nsec);
}

static void emit(buf_t *b, char *start) {
  if (b->p >= b->end) return;  // a path too long to tell whole is not told at all
  *b->p++ = '\n';
  ssize_t ignored = write(log_fd, start, (size_t)(b->p - start));
  (void)ignored;
}

// The path as an absolute one: relative paths are taken from the working folder or, for the *at()
// calls, from the folder `dirfd` names.
static void put_path(buf_t *b, int dirfd, const char *path) {
  if (path[0] != '/') {
    char base[PATH_MAX];
    base[0] = 0;
    if (dirfd == AT_FDCWD) {
      if (syscall(SYS_getcwd, base, sizeof base) < 0) base[0] = 0;
    } else {
      char link[40];
      buf_t l = {link, link + sizeof link - 1};
      put(&l, "/proc/self/fd/");
      put_u(&l, (unsigned long long)dirfd);
      *l.p = 0;
      ssize_t n = readlink(link, base, sizeof base - 1);
      base[n > 0 ? n : 0] = 0;
    }
    put(b, base);
    put(b, "/");
  }
  put(b, path);
}

static int writes(int flags) {
  return (flags & O_ACCMODE) == O_WRONLY;
}

static void note_open(int dirfd, const char *path, int flags, int fd, int err, int existed) {
  if (log_fd < 0 || path == NULL || path[0] == 0) return;
  char line[2 * PATH_MAX + 128];
  buf_t b = {line, line + sizeof line - 1};
  if (fd < 0) {
    if (err != ENOENT || writes(flags)) return;
    put(&b, "A ");
    put_path(&b, dirfd, path);
    emit(&b, line);
    return;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) return;  // opened, not listed: a listing is told by opendir/scandir
  if (!S_ISREG(st.st_mode)) return;  // pipes, sockets, devices: not data at rest
  // Made or emptied by this open: what the run writes is not what it read.
  if (writes(flags) || (flags & O_TRUNC) || ((flags & O_CREAT) && !existed)) {
    put(&b, "W ");
  } else {
    put(&b, "O ");
    put_u(&b, (unsigned long long)st.st_dev);
    put(&b, " ");
    put_u(&b, (unsigned long long)st.st_ino);
    put(&b, " ");
    put_u(&b, (unsigned long long)st.st_size);
    put(&b, " ");
    put_ns(&b, st.st_mtim);
    put(&b, " ");
    put_ns(&b, st.st_ctim);
    put(&b, " ");
  }
  put_path(&b, dirfd, path);
  emit(&b, line);
}

static void note(const char *kind, int dirfd, const char *path) {
  if (log_fd < 0 || path == NULL) return;
  char line[2 * PATH_MAX + 16];
  buf_t b = {line, line + sizeof line - 1};
  put(&b, kind);
  if (dirfd == -2) put(&b, path);
  else put_path(&b, dirfd, path);
  emit(&b, line);
}

// Whether a file is there before an O_CREAT open (without O_TRUNC) that may make it.
static int exists_at(int dirfd, const char *path, int flags) {
  if (!(flags & O_CREAT) || (flags & O_TRUNC) || path == NULL) return 1;
  struct stat st;
  return fstatat(dirfd, path, &st, 0) == 0;
}

__attribute__((constructor)) static void start(void) {
  const char *file = getenv("ANALYSIS_TRACK_LOG");
  if (file == NULL || file[0] == 0) return;
  log_fd = (int)syscall(SYS_openat, AT_FDCWD, file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (log_fd < 0) return;
  // The kernel's launcher reads this to know that native opens are seen (else it falls back).
  char pid[24];
  buf_t b = {pid, pid + sizeof pid - 1};
  put_u(&b, (unsigned long long)getpid());
  *b.p = 0;
  setenv("ANALYSIS_TRACK_PRELOADED", pid, 1);
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static mode_t mode_of(int flags, va_list ap) {
  return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

// open(path, flags, mode) and openat(dirfd, path, flags, mode): PARAMS is the signature before
// `flags`, DIRFD the folder a relative path is taken from, ARGS the call forwarded.
#define OPEN_LIKE(name, PARAMS, DIRFD, ARGS)                         \
  int name(PARAMS, int flags, ...) {                                 \
    va_list ap;                                                      \
    va_start(ap, flags);                                             \
    mode_t mode = mode_of(flags, ap);                                \
    va_end(ap);                                                      \
    static __typeof__(&name) real;                                   \
    if (!real) real = REAL(name);                                    \
    int existed = exists_at(DIRFD, path, flags);                     \
    int fd = real ARGS;                                              \
    int err = errno;                                                 \
    note_open(DIRFD, path, flags, fd, err, existed);                 \
    errno = err;                                                     \
    return fd;                                                       \
  }

#define PATH_ONLY const char *path
#define DIR_AND_PATH int dirfd, const char *path
OPEN_LIKE(open, PATH_ONLY, AT_FDCWD, (path, flags, mode))
OPEN_LIKE(open64, PATH_ONLY, AT_FDCWD, (path, flags, mode))
OPEN_LIKE(openat, DIR_AND_PATH, dirfd, (dirfd, path, flags, mode))
OPEN_LIKE(openat64, DIR_AND_PATH, dirfd, (dirfd, path, flags, mode))

// The fortified entry points that _FORTIFY_SOURCE builds call instead of open().
#define FORTIFIED(name)                                                \
  int name(const char *path, int flags) {                              \
    static int (*real)(const char *, int);                             \
    if (!real) real = (int (*)(const char *, int))dlsym(RTLD_NEXT, #name); \
    int existed = exists_at(AT_FDCWD, path, flags);                    \
    int fd = real(path, flags), err = errno;                           \
    note_open(AT_FDCWD, path, flags, fd, err, existed);                \
    errno = err;                                                       \
    return fd;                                                         \
  }

#define FORTIFIED_AT(name)                                                  \
  int name(int dirfd, const char *path, int flags) {                        \
    static int (*real)(int, const char *, int);                             \
    if (!real) real = (int (*)(int, const char *, int))dlsym(RTLD_NEXT, #name); \
    int existed = exists_at(dirfd, path, flags);                            \
    int fd = real(dirfd, path, flags), err = errno;                         \
    note_open(dirfd, path, flags, fd, err, existed);                        \
    errno = err;                                                            \
    return fd;                                                              \
  }

FORTIFIED(__open_2)
FORTIFIED(__open64_2)
FORTIFIED_AT(__openat_2)
FORTIFIED_AT(__openat64_2)

// fopen's mode string as open(2) flags, enough to tell reading from writing.
static int fopen_flags(const char *mode) {
  if (mode == NULL) return O_RDONLY;
  int plus = strchr(mode, '+') != NULL;
  switch (mode[0]) {
    case 'w': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    case 'a': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    default: return plus ? O_RDWR : O_RDONLY;
  }
}

#define FOPEN_LIKE(name)                                                       \
  FILE *name(const char *path, const char *mode) {                             \
    static __typeof__(&name) real;                                             \
    if (!real) real = REAL(name);                                              \
    int flags = fopen_flags(mode);                                             \
    int existed = exists_at(AT_FDCWD, path, flags);                            \
    FILE *f = real(path, mode);                                                \
    int err = errno;                                                           \
    note_open(AT_FDCWD, path, flags, f ? fileno(f) : -1, err, existed);        \
    errno = err;                                                               \
    return f;                                                                  \
  }

FOPEN_LIKE(fopen)
FOPEN_LIKE(fopen64)

#define FREOPEN_LIKE(name)                                                     \
  FILE *name(const char *path, const char *mode, FILE *stream) {               \
    static __typeof__(&name) real;                                             \
    if (!real) real = REAL(name);                                              \
    int flags = fopen_flags(mode);                                             \
    int existed = exists_at(AT_FDCWD, path, flags);                            \
    FILE *f = real(path, mode, stream);                                        \
    int err = errno;                                                           \
    if (path) note_open(AT_FDCWD, path, flags, f ? fileno(f) : -1, err, existed); \
    errno = err;                                                               \
    return f;                                                                  \
  }

FREOPEN_LIKE(freopen)
FREOPEN_LIKE(freopen64)

// A file looked for without opening it (Node's existsSync, access(2)): found absent, it counts
// as an absent input, whose appearance makes the report stale. A present file only looked at
// (stat, exists) is not an input: its bytes were not read.
int access(const char *path, int mode) {
  static __typeof__(&access) real;
  if (!real) real = REAL(access);
  int r = real(path, mode), err = errno;
  if (r != 0 && err == ENOENT) note("A ", AT_FDCWD, path);
  errno = err;
  return r;
}

int faccessat(int dirfd, const char *path, int mode, int flags) {
  static __typeof__(&faccessat) real;
  if (!real) real = REAL(faccessat);
  int r = real(dirfd, path, mode, flags), err = errno;
  if (r != 0 && err == ENOENT) note("A ", dirfd, path);
  errno = err;
  return r;
}

// Folders listed: opendir (Rust's read_dir, libuv's uv_fs_opendir) and scandir (Node's readdir).
DIR *opendir(const char *path) {
  static __typeof__(&opendir) real;
  if (!real) real = REAL(opendir);
  DIR *d = real(path);
  int err = errno;
  if (d) note("D ", AT_FDCWD, path);
  errno = err;
  return d;
}

#define SCANDIR_LIKE(name, entry)                                                                            \
  int name(const char *path, struct entry ***list, int (*filter)(const struct entry *),                      \
           int (*compar)(const struct entry **, const struct entry **)) {                                    \
    static __typeof__(&name) real;                                                                           \
    if (!real) real = REAL(name);                                                                            \
    int n = real(path, list, filter, compar);                                                                \
    int err = errno;                                                                                         \
    if (n >= 0) note("D ", AT_FDCWD, path);                                                                  \
    errno = err;                                                                                             \
    return n;                                                                                                \
  }

SCANDIR_LIKE(scandir, dirent)
SCANDIR_LIKE(scandir64, dirent64)

// The outside world: a connected socket, a program started. Either makes the run unjudgeable by bytes.
int connect(int fd, const struct sockaddr *addr, socklen_t len) {
  static __typeof__(&connect) real;
  if (!real) real = REAL(connect);
  if (addr && (addr->sa_family == AF_INET || addr->sa_family == AF_INET6 || addr->sa_family == AF_UNIX)) {
    note("N ", -2, addr->sa_family == AF_UNIX ? "unix" : addr->sa_family == AF_INET ? "inet" : "inet6");
  }
  return real(fd, addr, len);
}

int execve(const char *path, char *const argv[], char *const envp[]) {
  static __typeof__(&execve) real;
  if (!real) real = REAL(execve);
  note("X ", -2, path);
  return real(path, argv, envp);
}

int execvp(const char *file, char *const argv[]) {
  static __typeof__(&execvp) real;
  if (!real) real = REAL(execvp);
  note("X ", -2, file);
  return real(file, argv);
}

int execvpe(const char *file, char *const argv[], char *const envp[]) {
  static __typeof__(&execvpe) real;
  if (!real) real = REAL(execvpe);
  note("X ", -2, file);
  return real(file, argv, envp);
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attr,
                char *const argv[], char *const envp[]) {
  static __typeof__(&posix_spawn) real;
  if (!real) real = REAL(posix_spawn);
  note("X ", -2, path);
  return real(pid, path, actions, attr, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attr,
                 char *const argv[], char *const envp[]) {
  static __typeof__(&posix_spawnp) real;
  if (!real) real = REAL(posix_spawnp);
  note("X ", -2, file);
  return real(pid, file, actions, attr, argv, envp);
}

// Environment variables native code reads (polars' POLARS_*, ICU's TZ), each name told once.
#define SEEN_SLOTS 1024
static _Atomic unsigned long long seen[SEEN_SLOTS];

static unsigned long long name_hash(const char *s) {
  unsigned long long h = 1469598103934665603ULL;  // FNV-1a
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h | 1;  // never 0, the empty slot
}

static int first_time(const char *name) {
  unsigned long long h = name_hash(name);
  for (unsigned i = 0; i < SEEN_SLOTS; i++) {
    _Atomic unsigned long long *slot = &seen[(h + i) % SEEN_SLOTS];
    unsigned long long v = atomic_load(slot);
    if (v == h) return 0;
    if (v == 0) {
      unsigned long long empty = 0;
      if (atomic_compare_exchange_strong(slot, &empty, h)) return 1;
      if (empty == h) return 0;
    }
  }
  return 1;  // table full: tell it again rather than lose it
}

char *getenv(const char *name) {
  static __typeof__(&getenv) real;
  if (!real) real = REAL(getenv);
  if (log_fd >= 0 && name && first_time(name)) note("E ", -2, name);
  return real ? real(name) : NULL;
}

char *secure_getenv(const char *name) {
  static __typeof__(&secure_getenv) real;
  if (!real) real = REAL(secure_getenv);
  if (log_fd >= 0 && name && first_time(name)) note("E ", -2, name);
  return real ? real(name) : NULL;
}
