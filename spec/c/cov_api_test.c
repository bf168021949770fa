/*
** cov_api_test.c: the edges of the pure C API that the Lua specs do not
** reach: NULL arguments, ranges, capacities, every scale and rating.
** Each check is a guarantee of include/sinorus.h. Run from the top of
** the tree; prints one line per failure and a summary.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sinorus.h"

#include "check.h"

#define S(s) (s), strlen(s)


static void test_status (void) {
  int i;
  for (i = SINORUS_OK; i <= SINORUS_IO; i++)
    CHECK(strcmp(sinorus_strstatus(i), "unknown status") != 0, "status %d", i);
  CHECK(strcmp(sinorus_strstatus(99), "unknown status") == 0, "status 99");
  CHECK(strcmp(sinorus_strstatus(SINORUS_NOMEM), "not enough memory") == 0,
        "NOMEM");
}


static void test_scales (void) {
  static const char *const names[] = { "icd203", "phia", "kent" };
  sinorus_band b;
  int s, i;
  for (s = 0; s < 3; s++) {
    CHECK(sinorus_scale(names[s]) == s, "scale %s", names[s]);
    CHECK(strcmp(sinorus_scale_name(s), names[s]) == 0, "name of %d", s);
    CHECK(sinorus_scale_bands(s) == 8, "bands of %d", s);
    for (i = 0; i < 8; i++) {
      CHECK(sinorus_scale_band(s, i, &b) == SINORUS_OK, "band %d/%d", s, i);
      CHECK(b.scale == s && b.p_low <= b.p_high, "band %d/%d fields", s, i);
    }
    CHECK(sinorus_scale_band(s, 8, &b) == SINORUS_RANGE, "band 8");
    CHECK(sinorus_scale_band(s, -1, &b) == SINORUS_RANGE, "band -1");
    CHECK(sinorus_scale_band(s, 0, NULL) == SINORUS_RANGE, "band NULL out");
  }
  CHECK(sinorus_scale("nato") == -1, "unknown scale name");
  CHECK(sinorus_scale(NULL) == -1, "NULL scale name");
  CHECK(sinorus_scale_name(3) == NULL && sinorus_scale_name(-1) == NULL,
        "name of unknown scale");
  CHECK(sinorus_scale_bands(3) == 0 && sinorus_scale_bands(-1) == 0,
        "bands of unknown scale");
  CHECK(sinorus_scale_band(3, 0, &b) == SINORUS_RANGE, "band of unknown scale");
}


/* The band name of term on scale, or "-" when not found. */
static const char *est (const char *term, int scale) {
  sinorus_band b;
  int rc = sinorus_estimate(term, strlen(term), scale, &b);
  return rc == SINORUS_OK ? b.band : rc == SINORUS_NOTFOUND ? "-" : "?";
}

static void test_estimate (void) {
  sinorus_band b;
  sinorus_hedge h[4];
  const char *text;
  CHECK(sinorus_estimate(S("likely"), 3, &b) == SINORUS_RANGE, "scale 3");
  CHECK(sinorus_estimate(S("likely"), -1, &b) == SINORUS_RANGE, "scale -1");
  CHECK(sinorus_estimate(NULL, 3, 0, &b) == SINORUS_NOTFOUND, "NULL term");
  CHECK(sinorus_estimate(S("likely"), 0, NULL) == SINORUS_NOTFOUND, "NULL out");
  CHECK(strcmp(est("", 0), "-") == 0, "empty");
  CHECK(strcmp(est("likely!", 0), "-") == 0, "a break");
  CHECK(strcmp(est("likely\xE2\x80\x94", 0), "-") == 0, "an em dash");
  CHECK(strcmp(est("highly\xC2\xA0likely", 1), "highly likely") == 0, "nbsp");
  CHECK(strcmp(est("highly\xE2\x80\x90likely", 1), "highly likely") == 0,
        "a Unicode hyphen");
  CHECK(strcmp(est("very\tlikely\r\n", 0), "very likely") == 0, "tabs");
  CHECK(strcmp(est("an even chance", 0), "roughly even chance") == 0, "an");
  CHECK(strcmp(est("a remote chance that", 1), "remote chance") == 0, "a ... that");
  CHECK(strcmp(est("likely to", 2), "probable") == 0, "to");
  CHECK(strcmp(est("very very likely", 0), "-") == 0, "two modifiers");
  CHECK(strcmp(est("likely likely", 0), "-") == 0, "two terms");
  CHECK(strcmp(est("l\xC3\xADkely", 0), "-") == 0, "a non-ASCII letter");
  CHECK(strcmp(est("one two three four five six seven eight nine", 0), "-") == 0,
        "too many words");
  CHECK(strcmp(est("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0), "-") == 0,
        "a very long word");
  CHECK(strcmp(est("certain", 0), "-") == 0, "certain on icd203");
  CHECK(strcmp(est("certain", 2), "certain") == 0, "certain on kent");
  CHECK(strcmp(est("impossible", 2), "impossible") == 0, "impossible on kent");
  CHECK(strcmp(est("highly unlikely", 2), "almost certainly not") == 0,
        "a shift on kent");
  CHECK(strcmp(est("very almost certain", 0), "almost certain") == 0 ||
        strcmp(est("very almost certain", 0), "-") == 0, "a shift at the top");
  CHECK(strcmp(est("as possible", 0), "-") == 0, "an idiom");
  CHECK(strcmp(est("possible", 0), "possible") == 0, "possible");

  text = "It is very likely, as soon as possible, perhaps; we doubt it.";
  CHECK(sinorus_hedges(text, strlen(text), 2, NULL, 0) == 3, "hedges on kent");
  CHECK(sinorus_hedges(text, strlen(text), 0, NULL, 0) == 2, "hedges: %zu",
        sinorus_hedges(text, strlen(text), 0, NULL, 0));
  CHECK(sinorus_hedges(text, strlen(text), 0, h, 1) == 2 && h[0].start == 6,
        "hedges, cap 1");
  CHECK(sinorus_hedges(text, strlen(text), 3, h, 4) == 0, "hedges, scale 3");
  CHECK(sinorus_hedges(text, strlen(text), -1, h, 4) == 0, "hedges, scale -1");
  CHECK(sinorus_hedges(NULL, 5, 0, h, 4) == 0, "hedges of NULL");
  text = "\xE2\x80\x9C" "likely\xE2\x80\x9D \xC2\xA0 \xE2" "likely \xE2\x80";
  CHECK(sinorus_hedges(text, strlen(text), 0, h, 4) == 1, "hedges in quotes: %zu",
        sinorus_hedges(text, strlen(text), 0, h, 4));
}


static void test_pool (void) {
  double p[3] = { 0.2, 0.5, 0.9 }, w[3] = { 1, 1, 2 }, out = -1, one[2] = { 1, 0 };
  double bad[1] = { NAN }, neg[1] = { -1 }, big[1] = { 2 };
  int m;
  for (m = 0; m < 3; m++) {
    CHECK(sinorus_pool(p, NULL, 3, m, &out) == SINORUS_OK && out >= 0 && out <= 1,
          "pool %d", m);
    CHECK(sinorus_pool(p, w, 3, m, &out) == (m == 2 ? SINORUS_RANGE : SINORUS_OK),
          "pool %d weighted", m);
    CHECK(sinorus_pool(bad, NULL, 1, m, &out) == SINORUS_RANGE, "NaN p, %d", m);
    CHECK(sinorus_pool(p, neg, 1, m, &out) == SINORUS_RANGE, "negative w, %d", m);
    CHECK(sinorus_pool(p, bad, 1, m, &out) == SINORUS_RANGE, "NaN w, %d", m);
    CHECK(sinorus_pool(big, NULL, 1, m, &out) == SINORUS_RANGE, "p 2, %d", m);
  }
  CHECK(sinorus_pool(NULL, NULL, 1, 0, &out) == SINORUS_RANGE, "NULL p");
  CHECK(sinorus_pool(p, NULL, 1, 0, NULL) == SINORUS_RANGE, "NULL out");
  CHECK(sinorus_pool(p, NULL, 0, 0, &out) == SINORUS_RANGE, "n 0");
  CHECK(sinorus_pool(p, NULL, 3, 3, &out) == SINORUS_RANGE, "method 3");
  CHECK(sinorus_pool(p, NULL, 3, -1, &out) == SINORUS_RANGE, "method -1");
  CHECK(sinorus_pool(one, NULL, 2, SINORUS_POOL_LOGODDS, &out) == SINORUS_RANGE,
        "log-odds of 1 and 0");
  CHECK(sinorus_pool(one, NULL, 1, SINORUS_POOL_LOGODDS, &out) == SINORUS_OK
        && out == 1.0, "log-odds of 1");
  CHECK(sinorus_pool(one + 1, NULL, 1, SINORUS_POOL_LOGODDS, &out) == SINORUS_OK
        && out == 0.0, "log-odds of 0");
  w[0] = w[1] = w[2] = 0;
  CHECK(sinorus_pool(p, w, 3, SINORUS_POOL_LINEAR, &out) == SINORUS_RANGE,
        "weights summing to 0");
  CHECK(sinorus_pool(p, w, 3, SINORUS_POOL_NOISY_OR, &out) == SINORUS_OK
        && out == 0.0, "noisy-OR with weights 0: %g", out);
  p[0] = p[1] = p[2] = 0.3;
  CHECK(sinorus_pool(p, NULL, 3, SINORUS_POOL_LOGODDS, &out) == SINORUS_OK
        && out == 0.3, "identical probabilities");

  CHECK(sinorus_decay(10, 10, &out) == SINORUS_OK && out == 0.5, "decay");
  CHECK(sinorus_decay(-1, 10, &out) == SINORUS_RANGE, "negative age");
  CHECK(sinorus_decay(INFINITY, 10, &out) == SINORUS_RANGE, "infinite age");
  CHECK(sinorus_decay(1, 0, &out) == SINORUS_RANGE, "half-life 0");
  CHECK(sinorus_decay(1, NAN, &out) == SINORUS_RANGE, "NaN half-life");
  CHECK(sinorus_decay(1, 1, NULL) == SINORUS_RANGE, "decay NULL out");
}


static void test_factors (void) {
  sinorus_factor f[3] = {
    { 1, 0.5, 0.2, 0.8, 0.5 }, { -1, 0.3, 0.1, 0.6, -0.5 }, { 1, 0.0, 0.0, 0.0, 0.0 }
  };
  sinorus_factor g;
  sinorus_swing sw[3];
  sinorus_sim sim;
  double idx, contrib[3], dp, scratch[20];
  size_t bad;
  CHECK(sinorus_factors_check(f, 3, 0.5, &bad) == SINORUS_OK, "valid factors");
  CHECK(sinorus_factors_check(f, 3, 1.5, &bad) == SINORUS_RANGE && bad == 3,
        "pressure 1.5");
  CHECK(sinorus_factors_check(f, 3, NAN, NULL) == SINORUS_RANGE, "NaN pressure");
  CHECK(sinorus_factors_check(NULL, 3, 0.5, &bad) == SINORUS_RANGE, "NULL factors");
  CHECK(sinorus_factors_check(NULL, 0, 0.5, &bad) == SINORUS_OK, "no factors");
  g = f[0]; g.sign = 0;
  CHECK(sinorus_factors_check(&g, 1, 0.5, &bad) == SINORUS_RANGE && bad == 0, "sign 0");
  g = f[0]; g.weight = 0.9;
  CHECK(sinorus_factors_check(&g, 1, 0.5, NULL) == SINORUS_RANGE, "weight > high");
  g = f[0]; g.low = -0.1;
  CHECK(sinorus_factors_check(&g, 1, 0.5, NULL) == SINORUS_RANGE, "low < 0");
  g = f[0]; g.high = 1.1;
  CHECK(sinorus_factors_check(&g, 1, 0.5, NULL) == SINORUS_RANGE, "high > 1");
  g = f[0]; g.coupling = 2;
  CHECK(sinorus_factors_check(&g, 1, 0.5, NULL) == SINORUS_RANGE, "coupling 2");
  g = f[0]; g.weight = NAN;
  CHECK(sinorus_factors_check(&g, 1, 0.5, NULL) == SINORUS_RANGE, "NaN weight");

  CHECK(sinorus_alignment(f, 3, 0.5, &idx, contrib) == SINORUS_OK
        && fabs(idx - (contrib[0] + contrib[1] + contrib[2])) < 1e-12, "alignment");
  CHECK(sinorus_alignment(f, 3, 0.5, NULL, NULL) == SINORUS_OK, "alignment, NULLs");
  CHECK(sinorus_alignment(f + 2, 1, 0.5, &idx, contrib) == SINORUS_OK && idx == 0
        && contrib[0] == 0, "alignment of weight 0");
  CHECK(sinorus_alignment(f, 3, 2, &idx, NULL) == SINORUS_RANGE, "alignment range");
  CHECK(sinorus_sensitivity(f, 3, 0.5, sw, &idx, &dp) == SINORUS_OK
        && sw[0].swing >= sw[1].swing && sw[1].swing >= sw[2].swing, "sensitivity");
  CHECK(sinorus_sensitivity(f, 3, 0.5, sw, NULL, NULL) == SINORUS_OK, "sens. NULLs");
  CHECK(sinorus_sensitivity(f + 2, 1, 0.5, sw, &idx, &dp) == SINORUS_OK && dp == 0,
        "sensitivity of weight 0");
  CHECK(sinorus_sensitivity(f, 3, -1, sw, &idx, &dp) == SINORUS_RANGE, "sens. range");

  CHECK(sinorus_simulate(f, 3, 0.5, 10, 42, scratch, &sim) == SINORUS_OK
        && sim.draws == 10 && sim.min <= sim.q[2] && sim.q[2] <= sim.max, "simulate");
  CHECK(sinorus_simulate(f, 3, 0.5, 1, 42, NULL, &sim) == SINORUS_OK && sim.sd == 0,
        "one draw");
  CHECK(sinorus_simulate(f, 3, 0.5, 0, 42, NULL, &sim) == SINORUS_RANGE, "0 draws");
  CHECK(sinorus_simulate(f, 3, 0.5, 10, 42, NULL, NULL) == SINORUS_RANGE, "NULL out");
  CHECK(sinorus_simulate(f, 3, 3, 10, 42, NULL, &sim) == SINORUS_RANGE, "sim. range");
  CHECK(sinorus_simulate(f, 3, 0.5, (size_t)-1, 42, NULL, &sim) == SINORUS_NOMEM,
        "too many draws");
  CHECK(sinorus_simulate(NULL, 0, 0.5, 5, 42, NULL, &sim) == SINORUS_OK
        && sim.mean == 0, "no factors");
  {
    sinorus_rng r;
    double t;
    uint64_t a;
    sinorus_rng_seed(&r, 7);
    a = sinorus_rng_next(&r);
    CHECK(a != sinorus_rng_next(&r), "rng moves");
    t = sinorus_rng_uniform(&r);
    CHECK(t >= 0 && t < 1, "uniform");
    t = sinorus_rng_triangular(&r, 0.1, 0.2, 0.9);
    CHECK(t >= 0.1 && t <= 0.9, "triangular");
    CHECK(sinorus_rng_triangular(&r, 0.3, 0.3, 0.3) == 0.3, "degenerate triangle");
    t = sinorus_rng_triangular(&r, 0.0, 1.0, 1.0);
    CHECK(t >= 0 && t <= 1, "triangle with the mode at the top");
  }
}


static void test_ach (void) {
  static const char *const names[] = { "CC", "C", "N", "I", "II", "NA" };
  unsigned char ratings[6] = { SINORUS_ACH_I, SINORUS_ACH_C, SINORUS_ACH_II,
                               SINORUS_ACH_CC, SINORUS_ACH_NA, SINORUS_ACH_N };
  double score[2], diag[3], w[3] = { 1, 2, 0.5 }, lv;
  size_t rank[2], byd[3];
  unsigned char piv[3], excl[3] = { 0, 1, 0 };
  sinorus_ach_result r;
  int i;
  for (i = 0; i < 6; i++) CHECK(sinorus_ach_rating(names[i]) == i, "rating %s", names[i]);
  CHECK(sinorus_ach_rating("X") == -1 && sinorus_ach_rating(NULL) == -1, "rating X");
  CHECK(sinorus_ach_level("low", &lv) == SINORUS_OK && fabs(lv - sqrt(0.5)) < 1e-12,
        "low");
  CHECK(sinorus_ach_level("medium", &lv) == SINORUS_OK && lv == 1, "medium");
  CHECK(sinorus_ach_level("high", &lv) == SINORUS_OK, "high");
  CHECK(sinorus_ach_level("huge", &lv) == SINORUS_RANGE, "huge");
  CHECK(sinorus_ach_level(NULL, &lv) == SINORUS_RANGE, "NULL level");
  CHECK(sinorus_ach_level("low", NULL) == SINORUS_RANGE, "NULL w");
  memset(&r, 0, sizeof r);
  r.score = score; r.rank = rank;
  CHECK(sinorus_ach(ratings, 3, 2, NULL, NULL, &r) == SINORUS_OK, "ach minimal");
  r.diagnosticity = diag; r.by_diagnosticity = byd; r.pivotal = piv;
  CHECK(sinorus_ach(ratings, 3, 2, w, excl, &r) == SINORUS_OK, "ach full");
  CHECK(sinorus_ach(ratings, 3, 2, w, NULL, &r) == SINORUS_OK
        && score[0] <= 0 && score[1] <= 0, "ach scores");
  CHECK(sinorus_ach(ratings, 0, 2, NULL, NULL, &r) == SINORUS_OK
        && score[0] == 0, "no items");
  CHECK(sinorus_ach(ratings, 3, 0, NULL, NULL, &r) == SINORUS_RANGE, "no hyps");
  CHECK(sinorus_ach(NULL, 3, 2, NULL, NULL, &r) == SINORUS_RANGE, "NULL ratings");
  CHECK(sinorus_ach(ratings, 3, 2, NULL, NULL, NULL) == SINORUS_RANGE, "NULL r");
  CHECK(sinorus_ach(ratings, (size_t)-1, 2, NULL, NULL, &r) == SINORUS_RANGE,
        "overflowing size");
  w[1] = -1;
  CHECK(sinorus_ach(ratings, 3, 2, w, NULL, &r) == SINORUS_RANGE, "negative w");
  w[1] = NAN;
  CHECK(sinorus_ach(ratings, 3, 2, w, NULL, &r) == SINORUS_RANGE, "NaN w");
  ratings[2] = 9;
  CHECK(sinorus_ach(ratings, 3, 2, NULL, NULL, &r) == SINORUS_RANGE, "code 9");
  r.rank = NULL;
  CHECK(sinorus_ach(ratings, 3, 2, NULL, NULL, &r) == SINORUS_RANGE, "NULL rank");
}


static void test_text (void) {
  char out[64], f[4];
  size_t pos;
  sinorus_seg seg[8];
  sinorus_matcher *m;
  sinorus_match mt[4];
  char longpat[1100];
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;

  pos = 5;
  CHECK(sinorus_fold_char("abc", 3, &pos, f) == 0 && pos == 5, "fold past the end");
  CHECK(sinorus_fold("ABC", 3, NULL, 0) == 3, "fold sizing");
  CHECK(sinorus_fold(S("\xE2\x80\x9F\xE2\x80\xBA\xE2\x80\xB9"), out, sizeof out) == 3
        && memcmp(out, "\"''", 3) == 0, "typographic quotes fold");
  CHECK(sinorus_is_word("a", 0) == 0 && sinorus_is_word("\xC3", 1) == 0,
        "is_word of nothing, of a bad byte");
  CHECK(sinorus_is_word("\xC3\xA9", 2) == 1 && sinorus_is_word("\xE2\x80\x94", 3) == 0,
        "is_word");
  CHECK(sinorus_query(NULL, 5, out, sizeof out) == 0 && out[0] == '\0', "query NULL");
  /* a bare word is written after the stem mark (3 bytes), as typed */
  CHECK(sinorus_query(S("a b"), NULL, 10) == 13, "query NULL out");
  CHECK(sinorus_query(S("\"\" x"), out, sizeof out) == 6, "empty phrase: %s", out);
  CHECK(sinorus_query(S("\"a b\" C"), out, sizeof out) == 12
        && strcmp(out, "\"a b\" \"" "\xEE\x80\x80" "C\"") == 0, "phrase: %s", out);
  CHECK(sinorus_query(S("x \"a b"), out, sizeof out) == 12, "open phrase: %s", out);
  CHECK(sinorus_query(S("multi-agent.x y*"), out, sizeof out) > 0
        && strstr(out, "\"\xEE\x80\x80" "multi agent x\" \"y\"*") != NULL,
        "joined: %s", out);
  CHECK(sinorus_query(S("a- b"), out, sizeof out) == 13, "a dangling hyphen: %s", out);
  CHECK(sinorus_query(S("a\xCC\x81-\xC2\xAD" "b"), out, sizeof out) > 0, "marks");

  CHECK(sinorus_segment(NULL, 3, 0, seg, 8) == 0, "segment NULL");
  CHECK(sinorus_segment(S("# \n#\n##x\n####### seven\n# T ##\n[12] R\n[x] y\n"
                          "1234. no\n12.x\n"), SINORUS_TEXT_MARKDOWN, seg, 8) > 0,
        "markdown headings");
  CHECK(sinorus_segment(S("Title:\nA \xE2\x80\x9Cquote. Not\xE2\x80\x9D ends. "
                          "\xC2\xAB" "Oui. Non\xC2\xBB x. \"A. B\" c. (See fig. 2.) "
                          "The U.S. Its. The U.K.'s x. Ph.D. The e.g.) What?! Yes."),
                        9, seg, 8) > 0, "plain, unknown format");

  {                                         /* uppercase letters and quotes */
    static const char *const starts[] = { "\xC4\x80", "\xC4\xB9", "\xC5\xB8",
      "\xC5\xB9", "\xCE\x86", "\xCE\x91", "\xCE\x90", "\xD0\x91", "\xE1\xB8\x80",
      "\xC2\xAB", "\xE2\x80\xB9", "\xC2\xBF", "\xC2\xA1", "\xE2\x80\x9E",
      "\xE2\x80\x98", "(", "[", "\xF0\x9F\x98\x80", "\xC4\x81", NULL };
    static const char *const spaces[] = { " ", "\xC2\xA0", "\xE1\x9A\x80",
      "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F",
      "\xE3\x80\x80", "\xEF\xBB\xBF", NULL };
    char buf[128];
    int i;
    for (i = 0; starts[i]; i++) {
      snprintf(buf, sizeof buf, "One ends here.%sTwo%s starts. Three ends.) "
               "\"Four.\" Five: (a. b) 12. x", spaces[i % 9], starts[i]);
      CHECK(sinorus_segment(S(buf), SINORUS_TEXT_PLAIN, seg, 8) >= 2, "sentences %d", i);
      snprintf(buf, sizeof buf, "%sHeading\xE2\x80\xBA%s", spaces[i % 9], starts[i]);
      CHECK(sinorus_segment(S(buf), SINORUS_TEXT_PLAIN, seg, 8) >= 1, "heading %d", i);
    }
  }

  CHECK(sinorus_matcher_add(NULL, "a", 1, 1) == SINORUS_ERROR, "add to NULL");
  CHECK(sinorus_matcher_compile(NULL) != SINORUS_OK, "compile NULL");
  CHECK(sinorus_matcher_scan(NULL, "a", 1, mt, 4) == 0, "scan NULL");
  sinorus_matcher_free(NULL);
  m = sinorus_matcher_new();
  CHECK(m != NULL, "new");
  CHECK(sinorus_matcher_add(m, NULL, 1, 1) == SINORUS_RANGE, "NULL pattern");
  CHECK(sinorus_matcher_add(m, S(" \t "), 1) == SINORUS_RANGE, "blank pattern");
  CHECK(sinorus_matcher_add(m, S("\xCC\x81"), 1) == SINORUS_RANGE, "a mark alone");
  memset(longpat, 'a', sizeof longpat);
  CHECK(sinorus_matcher_add(m, longpat, sizeof longpat, 1) == SINORUS_RANGE,
        "a pattern too long");
  CHECK(sinorus_matcher_compile(m) == SINORUS_OK, "compile empty");
  CHECK(sinorus_matcher_scan(m, S("a"), mt, 4) == 0, "scan empty");
  sinorus_matcher_free(m);
  m = sinorus_matcher_new();
  {
    int i;
    char pat[8];
    for (i = 0; i < 40; i++) {              /* the pattern array grows */
      snprintf(pat, sizeof pat, "w%d", i);
      CHECK(sinorus_matcher_add(m, pat, strlen(pat), i) == SINORUS_OK, "add %d", i);
    }
  }
  CHECK(sinorus_matcher_add(m, S("caf\xC3\xA9-"), 100) == SINORUS_OK, "non-word end");
  CHECK(sinorus_matcher_add(m, S("-\xC3\xA9t\xC3\xA9"), 101) == SINORUS_OK,
        "non-word start");
  CHECK(sinorus_matcher_compile(m) == SINORUS_OK, "compile");
  CHECK(sinorus_matcher_scan(m, S("W1 w39 CAFE- x-\xC3\xA9t\xC3\xA9 w1x"), mt, 4) == 4,
        "scan: %zu", sinorus_matcher_scan(m, S("W1 w39 CAFE- x-\xC3\xA9t\xC3\xA9 w1x"),
                                          mt, 4));
  CHECK(sinorus_matcher_scan(m, NULL, 3, mt, 4) == 0, "scan NULL text");
  sinorus_matcher_free(m);

  CHECK(sinorus_register_tokenizer(NULL) == SINORUS_ERROR, "tokenizer on NULL");
  sqlite3_open(":memory:", &db);
  CHECK(sinorus_register_tokenizer(db) == SINORUS_OK, "tokenizer");
  CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, "
                     "tokenize = 'sinorus extra')", NULL, NULL, NULL) != SQLITE_OK,
        "tokenizer arguments are refused");
  CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'sinorus');"
                     "INSERT INTO t VALUES ('Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAF" "ve'),"
                     "(''), (NULL)", NULL, NULL, NULL) == SQLITE_OK, "index");
  sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH '\"cafe\" \"naive\"'",
                     -1, &st, NULL);
  CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1, "match");
  sqlite3_finalize(st);
  sqlite3_close(db);
}


int main (void) {
  test_status();
  test_scales();
  test_estimate();
  test_pool();
  test_factors();
  test_ach();
  test_text();
  printf("cov_api_test: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
