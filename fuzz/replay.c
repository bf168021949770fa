/*
** replay.c: feeds files to a harness's LLVMFuzzerTestOneInput without
** libFuzzer, so that the seed corpus and the regression inputs run
** under an ordinary compiler (and under the sanitizers of the build).
**
** usage: replay_<harness> dir-or-file...
** Directories are read in name order (not recursively); a missing
** directory is skipped. Prints how many inputs ran. A failing input
** aborts inside the harness (sanitizer reports abort too, see below);
** the name of the input is printed on the way down. With the
** environment variable FUZZ_REPLAY_VERBOSE set, every name is printed.
*/
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"


/* Sanitizer reports end in abort(), so the handler below names the input. */
const char *__asan_default_options (void);
const char *__ubsan_default_options (void);
const char *__asan_default_options (void) { return "abort_on_error=1"; }
const char *__ubsan_default_options (void) {
  return "abort_on_error=1:print_stacktrace=1";
}

static const char *current = NULL;
static int verbose = 0;


/* Names the input that was running, then dies of the same signal. */
static void on_fatal (int sig) {
  static const char msg[] = "replay: crashed on input ";
  if (current) {
    ssize_t r = write(2, msg, sizeof msg - 1);
    r = write(2, current, strlen(current));
    r = write(2, "\n", 1);
    (void)r;
  }
  signal(sig, SIG_DFL);
  raise(sig);
}


/* Reads a whole file; returns NULL (and says why) on failure. */
static uint8_t *slurp (const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  size_t cap = 0, n = 0, r;
  if (f == NULL) { perror(path); return NULL; }
  do {
    if (n == cap) {
      uint8_t *nb = realloc(buf, cap ? 2 * cap : 4096);
      if (nb == NULL) { free(buf); fclose(f); return NULL; }
      buf = nb;
      cap = cap ? 2 * cap : 4096;
    }
    r = fread(buf + n, 1, cap - n, f);
    n += r;
  } while (r > 0);
  fclose(f);
  *len = n;
  return buf;
}


/* Runs one file; returns 1 if it ran. */
static int run (const char *path) {
  size_t len;
  uint8_t *buf;
  if (verbose) fprintf(stderr, "%s\n", path);
  if ((buf = slurp(path, &len)) == NULL) return 0;
  current = path;
  LLVMFuzzerTestOneInput(buf, len);
  current = NULL;
  free(buf);
  return 1;
}


static int by_name (const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}


/* Runs every regular file of dir in name order; returns how many ran. */
static int run_dir (const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int ran = 0;
  if (d == NULL) return 0;
  while ((e = readdir(d)) != NULL) {
    char *p;
    struct stat sb;
    if (e->d_name[0] == '.') continue;
    p = malloc(strlen(dir) + strlen(e->d_name) + 2);
    if (p == NULL) break;
    sprintf(p, "%s/%s", dir, e->d_name);
    if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) { free(p); continue; }
    if (n == cap) {
      char **nn = realloc(names, (cap ? 2 * cap : 64) * sizeof *names);
      if (nn == NULL) { free(p); break; }
      names = nn;
      cap = cap ? 2 * cap : 64;
    }
    names[n++] = p;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, by_name);
  for (i = 0; i < n; i++) {
    ran += run(names[i]);
    free(names[i]);
  }
  free(names);
  return ran;
}


int main (int argc, char **argv) {
  int i, ran = 0;
  static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
  for (i = 0; i < (int)(sizeof fatal / sizeof fatal[0]); i++)
    signal(fatal[i], on_fatal);
  verbose = getenv("FUZZ_REPLAY_VERBOSE") != NULL;
  for (i = 1; i < argc; i++) {
    struct stat sb;
    if (stat(argv[i], &sb) != 0) continue;
    ran += S_ISDIR(sb.st_mode) ? run_dir(argv[i]) : run(argv[i]);
  }
  printf("%s: %d inputs replayed\n", argc > 0 ? argv[0] : "replay", ran);
  return 0;
}
