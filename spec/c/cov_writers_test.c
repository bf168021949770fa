/*
** cov_writers_test.c: the graph writers and escapers through the C API,
** with a writer that fails at its 1st, 2nd, 3rd, ... call: every format
** must then stop with SINORUS_ERROR, and succeed once the writer stops
** failing (sinorus_graph.h: "anything else [than 0] stops the writer").
** Also sinorus_write_file's failures. Prints one line per failure.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sinorus.h"
#include "sinorus_graph.h"
#include "sn_internal.h"

#include "check.h"


/* A writer into a buffer that fails at call number fail_at (0: never). */
typedef struct Sink {
  char buf[8192];
  size_t n;
  long calls, fail_at;
} Sink;

static int sink (void *ud, const char *s, size_t len) {
  Sink *k = (Sink *)ud;
  if (++k->calls == k->fail_at) return 1;
  if (k->n + len < sizeof k->buf) {
    memcpy(k->buf + k->n, s, len);
    k->n += len;
    k->buf[k->n] = '\0';
  }
  return 0;
}


/* Fails the writer at every call in turn; returns the number of calls
** of the successful run, or -1. */
static long fail_each (int (*run)(void *ud, const void *arg), const void *arg,
                       const char *what) {
  Sink k;
  long at, ok_calls;
  memset(&k, 0, sizeof k);
  if (run(&k, arg) != SINORUS_OK) { CHECK(0, "%s fails", what); return -1; }
  ok_calls = k.calls;
  for (at = 1; at <= ok_calls; at++) {
    memset(&k, 0, sizeof k);
    k.fail_at = at;
    CHECK(run(&k, arg) == SINORUS_ERROR, "%s: no error when call %ld fails", what, at);
  }
  return ok_calls;
}


static const sinorus_graph *G;
static const sinorus_graph_info *INFO;

static int run_format (void *ud, const void *arg) {
  return sinorus_graph_write(G, *(const int *)arg, INFO, sink, ud);
}

static const char *ESC_IN;
static int run_xml (void *ud, const void *a) {
  (void)a; return sinorus_escape_xml(ESC_IN, strlen(ESC_IN), sink, ud);
}
static int run_json (void *ud, const void *a) {
  (void)a; return sinorus_escape_json(ESC_IN, strlen(ESC_IN), sink, ud);
}
static int run_csv (void *ud, const void *a) {
  (void)a; return sinorus_escape_csv(ESC_IN, strlen(ESC_IN), sink, ud);
}
static int run_dot (void *ud, const void *a) {
  (void)a; return sinorus_escape_dot(ESC_IN, strlen(ESC_IN), sink, ud);
}


static void test_graph_writers (void) {
  static const char *const ids[] = { "cn", "us", "r\xC3\xA9\xFF", "x<&>\"'" };
  static const char *const labels[] = { "China", NULL, "Ru\xE2\x80\xA8s", "X\n\t\x01" };
  static const char *const names[] = { "alpha", "beta" };
  static const char *const values[] = { "1", NULL, "a,b", "\"q\"", "", " s ",
                                        "\xF0\x9F\x98\x80", "\xED\xA0\x80" };
  static const char *const types[] = { "ally", "rival" };
  sinorus_edge e[4] = {
    { 0, 1, 1, 0, 1.0 }, { 1, 2, -1, 1, 0.1 }, { 2, 3, 0, -1, 1e-300 },
    { 3, 3, 1, 0, 0.30000000000000004 }     /* 17 digits to round-trip */
  };
  sinorus_graph_info info;
  sinorus_graph *g = NULL;
  Sink k;
  int f, directed;
  memset(&info, 0, sizeof info);
  info.ids = ids;
  info.labels = labels;
  info.nattrs = 2;
  info.attr_names = names;
  info.attr_values = values;
  info.types = types;
  info.ntypes = 2;
  info.name = "test \"graph\"";
  for (directed = 0; directed <= 1; directed++) {
    CHECK(sinorus_graph_new(4, directed, e, 4, &g) == SINORUS_OK, "graph");
    G = g;
    INFO = &info;
    for (f = SINORUS_FORMAT_DOT; f <= SINORUS_FORMAT_JSON; f++)
      CHECK(fail_each(run_format, &f, "format") > 10, "format %d", f);
    info.labels = NULL;                     /* the plainer variants */
    info.attr_values = NULL;
    info.name = NULL;
    for (f = SINORUS_FORMAT_DOT; f <= SINORUS_FORMAT_JSON; f++) {
      memset(&k, 0, sizeof k);
      CHECK(sinorus_graph_write(g, f, &info, sink, &k) == SINORUS_OK, "plain %d", f);
    }
    info.labels = labels;
    info.attr_values = values;
    info.name = "test \"graph\"";
    memset(&k, 0, sizeof k);
    CHECK(sinorus_graph_write(g, 4, &info, sink, &k) == SINORUS_RANGE, "format 4");
    CHECK(sinorus_graph_write(g, -1, &info, sink, &k) == SINORUS_RANGE, "format -1");
    info.ntypes = 1;
    CHECK(sinorus_graph_write(g, 0, &info, sink, &k) == SINORUS_RANGE, "type 1 of 1");
    info.ntypes = 2;
    sinorus_graph_free(g);
    g = NULL;
  }
}


static void test_escapers (void) {
  static const char *const inputs[] = {
    "plain", "", " lead", "trail ", "a,b", "q\"q", "cr\rlf\n", "tab\there",
    "<&>'\"", "\x01\x1F\x7F", "\xC3\xA9\xE2\x80\xA8\xE2\x80\xA9\xEF\xBF\xBE\xEF\xBF\xBF",
    "\xC0\x80 \xE0\x80\x80 \xF4\x90\x80\x80 \xF8 \xED\xA0\x80 \xC3 \xE2\x82 \xF0\x9F\x98",
    "\xF0\x9F\x98\x80\\back\\slash", NULL
  };
  int i;
  for (i = 0; inputs[i]; i++) {
    ESC_IN = inputs[i];
    fail_each(run_xml, NULL, "xml");
    fail_each(run_json, NULL, "json");
    fail_each(run_csv, NULL, "csv");
    fail_each(run_dot, NULL, "dot");
  }
  {
    Sink k;
    memset(&k, 0, sizeof k);
    CHECK(sinorus_escape_csv(" x", 2, sink, &k) == SINORUS_OK
          && strcmp(k.buf, "\" x\"") == 0, "csv leading space: %s", k.buf);
  }
}


static void test_write_file (void) {
  char err[256], path[256], guid[37], guid2[37];
  const char *tmp = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/sinorus-cov-%ld.txt", tmp && *tmp ? tmp : "/tmp",
           (long)getpid());
  CHECK(sinorus_write_file(path, "abc", 3, err, sizeof err) == SINORUS_OK,
        "write_file: %s", err);
  CHECK(sinorus_write_file(path, "", 0, NULL, 0) == SINORUS_OK, "write nothing");
  unlink(path);
  CHECK(sinorus_write_file("/nonexistent-dir/x/y", "abc", 3, err, sizeof err)
        == SINORUS_IO && err[0] != '\0', "write into a missing directory: %s", err);
  CHECK(sinorus_write_file("/nonexistent-dir/x/y", "abc", 3, NULL, 0) == SINORUS_IO,
        "no message buffer");
  {   /* a FIFO is refused and stays; a killed write's temporary file goes */
    char fifo[300], stray[300];
    struct stat sb;
    FILE *f;
    snprintf(fifo, sizeof fifo, "%s.fifo", path);
    CHECK(mkfifo(fifo, 0600) == 0, "mkfifo");
    CHECK(sinorus_write_file(fifo, "abc", 3, err, sizeof err) == SINORUS_IO
          && strstr(err, "not a regular file") != NULL, "write onto a FIFO: %s", err);
    CHECK(stat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode), "the FIFO stays");
    unlink(fifo);
    snprintf(stray, sizeof stray, "%s.tmp-Kill3d", path);
    f = fopen(stray, "w");
    if (f) fclose(f);
    CHECK(sinorus_write_file(path, "abc", 3, err, sizeof err) == SINORUS_OK
          && stat(stray, &sb) != 0, "the stray temporary file goes: %s", err);
    unlink(path);
  }
  sinorus_guid("key", 3, guid);
  sinorus_guid("key", 3, guid2);
  CHECK(strlen(guid) == 36 && strcmp(guid, guid2) == 0 && guid[14] == '8', "guid %s",
        guid);
  sinorus_guid("", 0, guid2);
  CHECK(strcmp(guid, guid2) != 0, "guid of the empty key");
}


/* sinorus_write_qdpx: arguments refused, then a project with nested codes. */
static void test_qdpx (void) {
  sinorus_qda_code codes[3] = {
    { "c0", "Root", "A <root> code", -1 }, { "c1", "Child", NULL, 0 },
    { "c2", "Grandchild & co", "", 1 }
  };
  sinorus_qda_source src[2] = {
    { "s0", "Article", "Caf\xC3\xA9 China sanctions.", 22 }, { "s1", "Empty", NULL, 0 }
  };
  sinorus_qda_selection sel[2] = {
    { 0, 2, 0, 5, "sel0", "caf\xC3\xA9" }, { 0, 0, 6, 11, "sel1", NULL }
  };
  char err[256], path[256];
  const char *tmp = getenv("TMPDIR");
  snprintf(path, sizeof path, "%s/sinorus-cov-%ld.qdpx", tmp && *tmp ? tmp : "/tmp",
           (long)getpid());
  CHECK(sinorus_write_qdpx(path, "P <1>", codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_OK, "qdpx: %s", err);
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, NULL, 0)
        == SINORUS_OK, "qdpx, no name");
  unlink(path);
  CHECK(sinorus_write_qdpx("/nonexistent-dir/x.qdpx", NULL, codes, 3, src, 2, sel, 2,
                           err, sizeof err) == SINORUS_IO, "qdpx in a missing dir");
  codes[1].parent = 1;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "parent not earlier");
  codes[1].parent = -2;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "parent -2");
  codes[1].parent = 0;
  codes[1].name = NULL;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "code without a name");
  codes[1].name = "Child";
  sel[0].stop = 4;                          /* inside the two bytes of e-acute */
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "selection off a character boundary");
  sel[0].stop = 23;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "selection past the text");
  sel[0].stop = 5;
  sel[0].start = 6;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "start after stop");
  sel[0].start = 0;
  sel[0].code = 3;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "unknown code");
  sel[0].code = 2;
  sel[0].source = 2;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "unknown source");
  sel[0].source = 0;
  sel[0].key = NULL;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "selection without a key");
  sel[0].key = "sel0";
  src[1].len = 3;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "NULL text of length 3");
  src[1].len = 0;
  src[1].key = NULL;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "source without a key");
  src[1].key = "s1";
  codes[0].key = NULL;
  CHECK(sinorus_write_qdpx(path, NULL, codes, 3, src, 2, sel, 2, err, sizeof err)
        == SINORUS_RANGE, "code without a key");
  codes[0].key = "c0";
  CHECK(access(path, F_OK) != 0, "no file after refusals");
}


/* sn_fmt_num as printf alone writes a number: the fewest of 15, 16 or 17
** significant digits that read back, in the C locale's notation. */
static void fmt_printf (double v, char buf[40]) {
  int prec;
  if (v != v || v == HUGE_VAL || v == -HUGE_VAL) { strcpy(buf, "null"); return; }
  for (prec = 15; prec <= 17; prec++) {
    snprintf(buf, 40, "%.*g", prec, v);
    if (strtod(buf, NULL) == v) break;
  }
}

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;
static unsigned long long rng (void) {   /* xorshift64 */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* sn_fmt_num's quick way for short decimals writes what printf writes,
** byte for byte: short decimals of every scale, random doubles, edges. */
static void test_fmt_num (void) {
  static const double edge[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.30000000000000004, 1.0 / 3, 2.0 / 3,
    1e-4, 9.9999999999999e-5, 0.00010000000000000002, 1e-5, 1e14, 1e15, 1e15 - 1,
    999999999999999.0, 999999999999999.9, 123456789012345.0, 12345678901234.5,
    0.123456789012345, 0.1234567890123456, 4503599627370496.0, 9007199254740993.0,
    1e300, -1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    0.55, 0.8, 0.05, 0.95, 0.7, 0.25, 1e-3, 12.5, -0.0001, 0.00012,
  };
  char got[40], want[40];
  size_t i;
  long bad = 0, n = 0;
  for (i = 0; i < sizeof edge / sizeof edge[0]; i++, n++) {
    sn_fmt_num(edge[i], got);
    fmt_printf(edge[i], want);
    if (strcmp(got, want) != 0 && bad++ < 10)
      CHECK(0, "sn_fmt_num(%.17g) = %s, printf: %s", edge[i], got, want);
  }
  for (i = 0; i < 300000; i++, n++) {
    unsigned long long r = rng();
    double v;
    switch (i % 3) {
      case 0: {                     /* a decimal of 1-17 digits, 0-19 decimals */
        int digits = 1 + (int)(r % 17), k = (int)((r >> 8) % 20), d;
        unsigned long long m = rng() % 100000000000000000ull;
        unsigned long long lim = 1;
        char text[64];
        for (d = 0; d < digits; d++) lim *= 10;
        m %= lim;
        snprintf(text, sizeof text, "%s%llue-%d", (r >> 40) & 1 ? "-" : "", m, k);
        v = strtod(text, NULL);
        break;
      }
      case 1:                       /* any bits: every scale, NaN, infinities */
        memcpy(&v, &r, sizeof v);
        break;
      default:                      /* uniform in [0, 1) and in [0, 1e6) */
        v = (double)(r >> 11) / 9007199254740992.0 * ((r & 1) ? 1e6 : 1.0);
    }
    sn_fmt_num(v, got);
    fmt_printf(v, want);
    if (strcmp(got, want) != 0 && bad++ < 10)
      CHECK(0, "sn_fmt_num(%.17g) = %s, printf: %s", v, got, want);
  }
  CHECK(bad == 0, "sn_fmt_num differs from printf on %ld of %ld numbers", bad, n);
}


int main (void) {
  test_fmt_num();
  test_graph_writers();
  test_escapers();
  test_write_file();
  test_qdpx();
  printf("cov_writers_test: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
