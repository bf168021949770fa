/*
** spec/c/httpload.c: a bounded HTTP/1.1 load client for loopback tests
** and benchmarks. C concurrent keep-alive connections send N GET requests
** in all, cycling through a list of expected exchanges, and check every
** response: its status and its whole body, byte for byte.
**
**   httpload -p PORT [-c CONC] [-n TOTAL] [-s K:FROM:TO] [-m PID,PID..]
**            [-t SECONDS] EXPECT
**
** EXPECT holds entries, each "STATUS PATHLEN ALEN BLEN\n" then the path,
** body A and body B (BLEN -1: no body B). A response must carry body A;
** with -s, after K responses the client renames FROM to TO (as kb:save
** replaces a file) and from then on a response to a request sent after
** the rename must carry body B where the entry has one (A where it has
** not), while a request in flight across the rename may get either.
** -m samples the resident set (VmRSS) of those processes ten times over
** the run. -t bounds the wait for any one response (default 10 s).
**
** Prints "key value" lines on stdout (requests, errors, mismatches,
** wall_s, cpu_s, rps, p50_us, p99_us, max_us, rss lines) and the first
** few failures on stderr. Exit status 0 when every response was right.
*/
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

typedef struct {
  int status;
  char *path; size_t pathlen;
  char *a; size_t alen;
  char *b; long blen;          /* -1: none */
} Entry;

static Entry *entries;
static size_t nentries;
static int port, conc = 16, timeout_s = 10;
static long total = 10000;
static long swap_at = -1;
static const char *swap_from, *swap_to;
static int pids[64], npids;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long next_req, done_req;
static long errors, mismatches, got_a, got_b, reported;
static double swap_start = -1, swap_done = -1;   /* monotonic seconds */
static double *latency;                          /* per request, seconds */
static long rss[10][64];

static double now (void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die (const char *msg) {
  fprintf(stderr, "httpload: %s\n", msg);
  exit(2);
}

static void *xmalloc (size_t n) {
  void *p = malloc(n ? n : 1);
  if (p == NULL) die("out of memory");
  return p;
}

static char *read_bytes (FILE *f, size_t n) {
  char *p = xmalloc(n + 1);
  if (fread(p, 1, n, f) != n) die("EXPECT: truncated entry");
  p[n] = '\0';
  return p;
}

static void load (const char *file) {
  FILE *f = fopen(file, "rb");
  size_t cap = 16;
  if (f == NULL) die("cannot open EXPECT");
  entries = xmalloc(cap * sizeof *entries);
  for (;;) {
    Entry e;
    unsigned long pl, al;
    int n = fscanf(f, "%d %lu %lu %ld", &e.status, &pl, &al, &e.blen);
    if (n == EOF) break;
    if (n != 4 || fgetc(f) != '\n') die("EXPECT: bad entry header");
    e.pathlen = pl; e.alen = al;
    e.path = read_bytes(f, e.pathlen);
    e.a = read_bytes(f, e.alen);
    e.b = e.blen >= 0 ? read_bytes(f, (size_t)e.blen) : NULL;
    if (nentries == cap) {
      Entry *bigger;
      cap *= 2;
      bigger = realloc(entries, cap * sizeof *entries);
      if (bigger == NULL) die("out of memory");
      entries = bigger;
    }
    entries[nentries++] = e;
  }
  fclose(f);
  if (nentries == 0) die("EXPECT: no entries");
}

/* The resident set of a process in kB, or -1. */
static long vmrss (int pid) {
  char name[64], line[256];
  long kb = -1;
  FILE *f;
  snprintf(name, sizeof name, "/proc/%d/status", pid);
  f = fopen(name, "r");
  if (f == NULL) return -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmRSS: %ld", &kb) == 1) break;
  fclose(f);
  return kb;
}

/* ------------------------------------------------------------------ */
/* One connection */

typedef struct {
  int fd;
  char buf[65536];
  size_t have, off;            /* bytes in buf, bytes consumed */
} Conn;

static int conn_open (Conn *c) {
  struct sockaddr_in sa;
  struct timeval tv;
  int one = 1;
  c->have = c->off = 0;
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c->fd < 0) return -1;
  tv.tv_sec = timeout_s; tv.tv_usec = 0;
  setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((unsigned short)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(c->fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
    close(c->fd);
    c->fd = -1;
    return -1;
  }
  return 0;
}

static void conn_close (Conn *c) {
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
}

/* Reads more bytes into the buffer; 0 on success, -1 on EOF or error. */
static int fill (Conn *c) {
  ssize_t n;
  if (c->off > 0) {
    memmove(c->buf, c->buf + c->off, c->have - c->off);
    c->have -= c->off;
    c->off = 0;
  }
  if (c->have == sizeof c->buf) return -1;
  do n = read(c->fd, c->buf + c->have, sizeof c->buf - c->have);
  while (n < 0 && errno == EINTR);
  if (n <= 0) return -1;
  c->have += (size_t)n;
  return 0;
}

static int send_all (int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w; n -= (size_t)w;
  }
  return 0;
}

/* Reads one response: its status, its body (malloc'd) and whether the
** server closes the connection after it. 0 on success, -1 on failure. */
static int read_response (Conn *c, int *status, char **body, size_t *blen, int *closing) {
  char *end, *p;
  size_t hlen, clen = 0;
  int have_len = 0;
  for (;;) {
    end = NULL;
    if (c->have > c->off) {
      char *s = c->buf + c->off;
      size_t n = c->have - c->off, i;
      for (i = 3; i < n; i++)
        if (s[i - 3] == '\r' && s[i - 2] == '\n' && s[i - 1] == '\r' && s[i] == '\n') {
          end = s + i + 1;
          break;
        }
    }
    if (end != NULL) break;
    if (fill(c) != 0) return -1;
  }
  p = c->buf + c->off;
  hlen = (size_t)(end - p);
  if (sscanf(p, "HTTP/1.%*d %d", status) != 1) return -1;
  *closing = 0;
  for (p = strstr(p, "\r\n"); p != NULL && p + 2 < end; p = strstr(p + 2, "\r\n")) {
    const char *h = p + 2;
    if (strncasecmp(h, "Content-Length:", 15) == 0) {
      clen = strtoul(h + 15, NULL, 10);
      have_len = 1;
    } else if (strncasecmp(h, "Connection:", 11) == 0 && strstr(h, "close") != NULL
               && strstr(h, "close") < strstr(h, "\r\n")) {
      *closing = 1;
    }
  }
  if (!have_len) return -1;
  c->off += hlen;
  *body = xmalloc(clen + 1);
  *blen = clen;
  {
    size_t got = 0;
    while (got < clen) {
      size_t avail = c->have - c->off, take;
      if (avail == 0) {
        if (fill(c) != 0) { free(*body); return -1; }
        continue;
      }
      take = avail < clen - got ? avail : clen - got;
      memcpy(*body + got, c->buf + c->off, take);
      got += take;
      c->off += take;
    }
  }
  (*body)[clen] = '\0';
  return 0;
}

static void report (const Entry *e, const char *why, int status, const char *body, size_t blen) {
  pthread_mutex_lock(&mu);
  if (reported++ < 5)
    fprintf(stderr, "httpload: %s: GET %.*s: status %d (expected %d): %.*s\n", why,
            (int)e->pathlen, e->path, status, e->status, (int)(blen < 300 ? blen : 300),
            body ? body : "");
  pthread_mutex_unlock(&mu);
}

static void do_swap (void) {
  double t0 = now();
  pthread_mutex_lock(&mu);
  swap_start = t0;
  pthread_mutex_unlock(&mu);
  if (rename(swap_from, swap_to) != 0) die("rename failed");
  pthread_mutex_lock(&mu);
  swap_done = now();
  pthread_mutex_unlock(&mu);
}

static void *worker (void *ud) {
  Conn *c = xmalloc(sizeof *c);
  char req[8192];
  (void)ud;
  c->fd = -1;
  for (;;) {
    long i, d;
    const Entry *e;
    int status, closing, tries, ok = 0;
    char *body = NULL;
    size_t blen = 0;
    double t0, t1, s_start, s_done;
    int n;
    pthread_mutex_lock(&mu);
    i = next_req < total ? next_req++ : -1;
    pthread_mutex_unlock(&mu);
    if (i < 0) break;
    e = &entries[(size_t)i % nentries];
    n = snprintf(req, sizeof req, "GET %.*s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                 (int)e->pathlen, e->path);
    if (n < 0 || (size_t)n >= sizeof req) die("path too long for a request");
    t0 = now();
    for (tries = 0; tries < 2 && !ok; tries++) {
      int fresh = c->fd < 0;
      if (fresh && conn_open(c) != 0) break;
      t0 = now();
      if (send_all(c->fd, req, (size_t)n) == 0
          && read_response(c, &status, &body, &blen, &closing) == 0) {
        ok = 1;
        if (closing) conn_close(c);
      } else {
        conn_close(c);
        if (fresh) break;       /* a new connection failed: no retry */
      }
    }
    t1 = now();
    latency[i] = t1 - t0;
    pthread_mutex_lock(&mu);
    s_start = swap_start; s_done = swap_done;
    pthread_mutex_unlock(&mu);
    if (!ok) {
      pthread_mutex_lock(&mu);
      errors++;
      pthread_mutex_unlock(&mu);
      report(e, "no response", 0, NULL, 0);
    } else {
      int is_a = status == e->status && blen == e->alen && memcmp(body, e->a, blen) == 0;
      int is_b = e->b != NULL && status == e->status && (long)blen == e->blen
                 && memcmp(body, e->b, blen) == 0;
      int good;
      if (e->b == NULL || s_start < 0 || t1 < s_start) good = is_a;   /* before */
      else if (s_done >= 0 && t0 > s_done) good = is_b;               /* after */
      else good = is_a || is_b;                                       /* across */
      pthread_mutex_lock(&mu);
      if (!good) mismatches++;
      else if (is_b && !is_a) got_b++;
      else got_a++;
      pthread_mutex_unlock(&mu);
      if (!good) report(e, "wrong response", status, body, blen);
    }
    free(body);
    pthread_mutex_lock(&mu);
    d = ++done_req;
    pthread_mutex_unlock(&mu);
    if (swap_at >= 0 && d == swap_at) do_swap();
    if (npids > 0 && d % (total / 10 > 0 ? total / 10 : 1) == 0 && d / (total / 10) <= 10) {
      int k = (int)(d / (total / 10)) - 1, j;
      if (k >= 0 && k < 10)
        for (j = 0; j < npids; j++) rss[k][j] = vmrss(pids[j]);
    }
  }
  conn_close(c);
  free(c);
  return NULL;
}

static int cmp_double (const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main (int argc, char **argv) {
  int opt, i;
  pthread_t th[256];
  double t0, wall;
  struct rusage ru;
  while ((opt = getopt(argc, argv, "p:c:n:s:m:t:")) != -1) {
    switch (opt) {
      case 'p': port = atoi(optarg); break;
      case 'c': conc = atoi(optarg); break;
      case 'n': total = atol(optarg); break;
      case 't': timeout_s = atoi(optarg); break;
      case 's': {
        char *a = strchr(optarg, ':'), *b = a ? strchr(a + 1, ':') : NULL;
        if (b == NULL) die("-s wants K:FROM:TO");
        *a = *b = '\0';
        swap_at = atol(optarg); swap_from = a + 1; swap_to = b + 1;
        break;
      }
      case 'm': {
        char *s = optarg, *tok;
        while ((tok = strtok(s, ",")) != NULL && npids < 64) {
          pids[npids++] = atoi(tok);
          s = NULL;
        }
        break;
      }
      default: die("usage: httpload -p PORT [-c CONC] [-n TOTAL] [-s K:FROM:TO] "
                   "[-m PIDS] [-t SECONDS] EXPECT");
    }
  }
  if (optind != argc - 1 || port <= 0 || conc < 1 || conc > 256 || total < 1)
    die("usage: httpload -p PORT [-c CONC] [-n TOTAL] [-s K:FROM:TO] [-m PIDS] "
        "[-t SECONDS] EXPECT");
  load(argv[optind]);
  latency = xmalloc((size_t)total * sizeof *latency);
  for (i = 0; i < 10; i++) {
    int j;
    for (j = 0; j < 64; j++) rss[i][j] = -1;
  }
  t0 = now();
  for (i = 0; i < conc; i++)
    if (pthread_create(&th[i], NULL, worker, NULL) != 0) die("pthread_create failed");
  for (i = 0; i < conc; i++) pthread_join(th[i], NULL);
  wall = now() - t0;
  getrusage(RUSAGE_SELF, &ru);
  qsort(latency, (size_t)total, sizeof *latency, cmp_double);
  printf("requests %ld\nerrors %ld\nmismatches %ld\nbody_a %ld\nbody_b %ld\n",
         total, errors, mismatches, got_a, got_b);
  printf("wall_s %.6f\ncpu_s %.6f\nrps %.1f\n", wall,
         (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6
         + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6,
         (double)total / wall);
  printf("p50_us %.1f\np99_us %.1f\nmax_us %.1f\n", latency[total / 2] * 1e6,
         latency[(total * 99) / 100] * 1e6, latency[total - 1] * 1e6);
  for (i = 0; i < 10 && npids > 0; i++) {
    int j;
    for (j = 0; j < npids; j++) printf("rss %d %d %ld\n", i + 1, pids[j], rss[i][j]);
  }
  return errors == 0 && mismatches == 0 ? 0 : 1;
}
