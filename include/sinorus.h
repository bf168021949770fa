/*
** sinorus.h: the public C API of the sinorus core.
**
** The core is pure C99 over SQLite. It never prints, never exits and
** never longjmps: every function reports through its return value
** (a SINORUS_* status code unless said otherwise). Nothing here
** depends on Lua; the Lua binding lives in csrc/l*.c and lsinorus.h.
**
** Threads. A knowledge-base handle (sinorus_kb) and its SQLite
** connection belong to one thread at a time: calls on one handle must
** not overlap (the connection is opened without SQLite's mutex), and the
** caller serialises them if it passes a handle between threads.
** Different handles may be used by different threads at once, on the
** same file too: SQLite's locks order their writes, a writer waits up
** to 5 s for another's lock and then gets SINORUS_BUSY, and readers are
** not blocked by a writer (WAL). A compiled matcher is only read by
** sinorus_matcher_scan, so many threads may scan it at once; adding
** and compiling need the caller's exclusion. A sinorus_rng is the
** caller's state. Every other function works only on its arguments and
** constant tables: it is reentrant and safe to call from any thread.
** Graphs (sinorus_graph.h) state their own rule.
**
** Ownership. The library keeps no pointer the caller passes in once a
** call returns (what it needs, it copies), and the caller owns every
** array it passes for results. What the library returns stays its own:
** static strings (sinorus_strstatus, sinorus_scale_name, the band names
** of sinorus_band) live as long as the program; what a handle returns
** (sinorus_errmsg, sinorus_path, sinorus_db) lives until sinorus_close,
** and a message until the next call on the handle. An object made by a
** _new or _open function is freed by its _free or _close function only.
** The connection of sinorus_db may run the caller's statements, which
** the caller finalizes; it must not be closed or reconfigured by the
** caller (sinorus_close closes it once its last statement is gone).
**
** Errors. One channel per handle: every operation on a sinorus_kb that
** fails writes its message to the handle, read with sinorus_errmsg
** (sinorus_import, sinorus_tag and sinorus_save). Only where there is
** no handle yet, sinorus_open, is the message written to a buffer the
** caller gives (errbuf, at most errlen - 1 bytes and a NUL; NULL for
** none). The other functions have no message: their status says it all
** (sinorus_strstatus names it). A NULL handle is SINORUS_RANGE, with no
** message.
**
** Offsets. In memory, the byte offsets of this API are 0-based and
** half-open: a span [start, stop) holds the bytes s[start] to
** s[stop - 1] (sinorus_seg, sinorus_match, sinorus_hedge, the positions
** of sinorus_fold_char and sinorus_utf8_check). In a knowledge base, the
** start and stop columns (segment, mention) are 1-based and inclusive,
** bytes start to stop of the source's text as Lua's string.sub takes
** them: a span [a, b) in memory is stored as start = a + 1, stop = b.
** The Lua layer uses the stored form throughout.
**
** Validation. The core checks every argument against its contract here
** (SINORUS_RANGE), and a knowledge base's schema refuses what its
** constraints refuse (NOT NULL, CHECK lists of values, ranges). The
** validation of records beyond that (the shape of each record type,
** required fields, UTF-8 and dates, references between records, the
** change log) is the Lua layer's (lua/sinorus/store.lua behind the
** authoring API), the only writer of records. A C embedder that writes
** records through sinorus_db validates them itself or calls the
** authoring API through the Lua binding (lsinorus.h); sinorus_import
** stores a source as given (see sinorus_source), and sinorus_utf8_check
** is there to check its text.
*/
#ifndef SINORUS_H
#define SINORUS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SINORUS_VERSION "0.1.0"

/* Every public name is exported; everything else is hidden. */
#if defined(__GNUC__)
#define SINORUS_API __attribute__((visibility("default")))
#else
#define SINORUS_API
#endif

/* Status codes. */
#define SINORUS_OK        0
#define SINORUS_ERROR     1   /* generic failure; see the message */
#define SINORUS_NOMEM     2   /* an allocation failed */
#define SINORUS_NOTFOUND  3   /* a file or record does not exist */
#define SINORUS_NOTKB     4   /* a file is not a sinorus knowledge base */
#define SINORUS_READONLY  5   /* a write on a read-only knowledge base */
#define SINORUS_RANGE     6   /* an argument is out of its documented range */
#define SINORUS_BUSY      7   /* the file is locked by another writer */
#define SINORUS_IO        8   /* an operating-system I/O failure */
#define SINORUS_INTERRUPTED 9 /* stopped by sinorus_interrupt() */

/*
** Asks the long loops of the core (sinorus_simulate and the graph
** measures: PageRank, balance, paths, components) to stop: each checks
** at least every few milliseconds of work, frees what it holds and
** returns SINORUS_INTERRUPTED. Process-wide and async-signal-safe (a
** SIGINT handler may call it); the request stands until
** sinorus_interrupt_clear().
*/
SINORUS_API void sinorus_interrupt(void);
SINORUS_API void sinorus_interrupt_clear(void);

/* A short English name of a status code ("ok", "out of memory", ...);
** a static string, also for an unknown code. */
SINORUS_API const char *sinorus_strstatus(int status);


/* ---------------------------------------------------------------------
** Knowledge bases
** ------------------------------------------------------------------ */

typedef struct sinorus_kb sinorus_kb;
struct sqlite3;

/* Flags of sinorus_open. */
#define SINORUS_OPEN_READONLY  0x01  /* open a file read-only */
#define SINORUS_OPEN_CREATE    0x02  /* create the file if it is missing */
#define SINORUS_OPEN_EMPTY     0x04  /* with CREATE: schema only, no article */

/* The schema version that this build writes and reads. */
#define SINORUS_SCHEMA_VERSION 8

/*
** Opens a knowledge base. With path NULL it opens the built-in article
** knowledge base, read-only and in memory, straight from the image
** compiled into the library (no copy, no file). Otherwise it opens the
** sinorus file at path, as flags say: a file of an older schema version
** opened read-write is migrated first (in one transaction), one opened
** read-only is refused (SINORUS_NOTKB, saying how to migrate it). On
** success *out is the handle and the result is SINORUS_OK. On failure
** *out is NULL and, when errbuf is not NULL, a message of at most
** errlen-1 bytes is written there (there is no handle to hold it):
** SINORUS_RANGE for a NULL out, SINORUS_NOTFOUND, SINORUS_NOTKB,
** SINORUS_BUSY, SINORUS_IO, SINORUS_NOMEM or SINORUS_ERROR.
*/
SINORUS_API int sinorus_open(const char *path, int flags, sinorus_kb **out,
                 char *errbuf, size_t errlen);

/* Closes a handle and frees everything it holds (the connection closes
** when the caller's last statement on it is finalized). NULL is
** allowed. The handle must not be used afterwards. */
SINORUS_API void sinorus_close(sinorus_kb *kb);

/* The SQLite connection of a handle (owned by the handle; see
** Ownership above). */
SINORUS_API struct sqlite3 *sinorus_db(sinorus_kb *kb);

/* 1 if the handle is read-only, 0 if it can be written. */
SINORUS_API int sinorus_readonly(const sinorus_kb *kb);

/* The path of the file, or NULL for the built-in knowledge base. */
SINORUS_API const char *sinorus_path(const sinorus_kb *kb);

/* The message of the last failed operation on this handle, "" when
** there was none (never NULL; see Errors above). */
SINORUS_API const char *sinorus_errmsg(const sinorus_kb *kb);

/*
** Writes a complete copy of the knowledge base to path atomically: a
** temporary file "path.tmp-XXXXXX" in the same directory is written,
** synced and renamed over path, and the directory synced, so path holds
** either its old content or the whole copy. path must be a new name or a
** regular file (a symbolic link is followed), and not the -wal, -shm or
** -journal of this KB; onto the KB's own file the WAL is checkpointed
** instead. Returns SINORUS_OK; SINORUS_RANGE for a NULL handle or path;
** SINORUS_ERROR inside a transaction or for a refused target; SINORUS_IO,
** SINORUS_NOMEM, or another status when SQLite fails; the message is
** sinorus_errmsg(kb).
*/
SINORUS_API int sinorus_save(sinorus_kb *kb, const char *path);

/*
** Registers the "sinorus" FTS5 tokenizer on a connection: it folds text
** as sinorus_fold does and splits it into words, reporting the byte
** offsets of each word in the original text. Returns SINORUS_OK, or
** SINORUS_ERROR when db is NULL or its FTS5 is missing or too old.
*/
SINORUS_API int sinorus_register_tokenizer(struct sqlite3 *db);

/*
** Registers the SQL functions of the stored text on a connection. Since
** schema version 6 each piece of a source's text is a zstd frame (the
** column source_text.packed); the view `segment` and kb:text read it
** through sinorus_unpack: sinorus_unpack(packed) gives a piece's text,
** sinorus_unpack(packed, from, len) its bytes from (0-based) for len
** bytes; a damaged frame or a cut outside the piece fails with
** SQLITE_CORRUPT and a message. Each connection keeps its last few
** unpacked pieces (freed with it). sinorus_pack(text) packs a text as a
** piece without a dictionary is kept. Since schema version 8 a frame may
** be packed with a zstd dictionary of the KB's table text_dict, which
** it names by its id: sinorus_unpack reads it from the first attached
** database whose text_dict holds that id, and the connection keeps the
** last few it read, digested; a missing or damaged one fails as a
** damaged frame does. Since schema version 7 it also registers the module
** sinorus_mention of the read-only virtual table sinorus_mention(segment,
** entity, start, len) that a KB's schema declares, which reads that KB's
** packed mentions (mention_pack, mention_posting) as rows and which the
** view `mention` reads. Every connection sinorus opens has
** them; a host that opens a KB file with a connection of its own registers
** them (and sinorus_register_tokenizer) to read the views. Returns
** SINORUS_OK, SINORUS_RANGE when db is NULL, or SINORUS_NOMEM or
** SINORUS_ERROR when SQLite fails.
*/
SINORUS_API int sinorus_register_text(struct sqlite3 *db);

/* The image of the built-in knowledge base (a SQLite database of
** sinorus_image_size bytes; read-only, owned by the library). */
SINORUS_API extern const unsigned char sinorus_image[];
SINORUS_API extern const size_t sinorus_image_size;


/* ---------------------------------------------------------------------
** Text: folding, words, search queries
** ------------------------------------------------------------------ */

/*
** Folds the code point that starts at s[*pos] (s holds len bytes) and
** advances *pos past it. Folding lowers case, strips diacritics, maps
** typographic quotes and dashes to their ASCII forms and maps letters
** from other scripts that look like Latin ones (Cyrillic "С") to those.
** Writes 0 to 4 bytes of UTF-8 to out and returns how many; a byte that
** is not valid UTF-8 folds to nothing and *pos advances by one.
*/
SINORUS_API int sinorus_fold_char(const char *s, size_t len, size_t *pos, char out[4]);

/*
** Folds s into out (which has room for outlen bytes) and returns the
** number of bytes the folded string needs, which may exceed outlen (as
** snprintf does; out is then truncated, not terminated). out may be NULL
** when outlen is 0. The folded string is never longer than s.
*/
SINORUS_API size_t sinorus_fold(const char *s, size_t len, char *out, size_t outlen);

/* 1 if a folded code point (0..4 UTF-8 bytes) is part of a word. */
SINORUS_API int sinorus_is_word(const char *folded, int n);

/*
** The offset of the first byte of s[0..len) that does not start a valid
** UTF-8 sequence (overlong forms, surrogates and code points above
** U+10FFFF are invalid, as for Lua's utf8.len), or len when all of s is
** valid.
*/
SINORUS_API size_t sinorus_utf8_check(const char *s, size_t len);

/*
** Translates any user string into a valid FTS5 MATCH expression for
** the "sinorus" tokenizer: each word is matched as a word (by its stem
** where the KB's search settings stem its language: the word is written
** as typed after the private-use mark U+E000, which the tokenizer reads),
** "double quoted" text as a phrase of the words as written, and a word
** followed by * as a prefix.
** Operators, punctuation and SQL are plain text; nothing is passed to
** FTS5 as syntax. Writes at most outlen bytes to out (NUL-terminated
** when it fits) and returns the length the expression needs; 0 means
** the string holds no word (and nothing can match).
*/
SINORUS_API size_t sinorus_query(const char *q, size_t len, char *out, size_t outlen);


/* ---------------------------------------------------------------------
** Segmentation
** ------------------------------------------------------------------ */

#define SINORUS_SEG_HEADING    1
#define SINORUS_SEG_PARAGRAPH  2
#define SINORUS_SEG_SENTENCE   3
#define SINORUS_SEG_REFERENCE  4

typedef struct sinorus_seg {
  int kind;        /* SINORUS_SEG_* */
  size_t start;    /* byte offset of the first byte */
  size_t stop;     /* byte offset one past the last byte */
  long parent;     /* index of the paragraph of a sentence, or -1 */
  long section;    /* index of the heading in force (a heading's own), or -1 */
} sinorus_seg;

#define SINORUS_TEXT_PLAIN     0
#define SINORUS_TEXT_MARKDOWN  1

/*
** Segments a text into headings, paragraphs, sentences and reference
** entries, in document order (a paragraph comes before its sentences).
** Writes at most cap segments to segs and returns how many the text
** has, so a first call with cap 0 sizes the array. Segments never
** include surrounding white space. The segmenter allocates nothing.
*/
SINORUS_API size_t sinorus_segment(const char *text, size_t len, int format,
                       sinorus_seg *segs, size_t cap);


/* ---------------------------------------------------------------------
** Mentions: a multi-pattern matcher over folded words
** ------------------------------------------------------------------ */

typedef struct sinorus_matcher sinorus_matcher;

/* A new, empty matcher, or NULL when out of memory. */
SINORUS_API sinorus_matcher *sinorus_matcher_new(void);

/* Frees a matcher and everything it holds. NULL is allowed. */
SINORUS_API void sinorus_matcher_free(sinorus_matcher *m);

/*
** Adds a pattern (folded as sinorus_fold does, white-space runs as one
** space, trimmed) with a caller's id. Returns SINORUS_OK, SINORUS_NOMEM,
** SINORUS_RANGE when the pattern folds to nothing or to more than 1024
** bytes, or SINORUS_ERROR when the matcher is already compiled.
*/
SINORUS_API int sinorus_matcher_add(sinorus_matcher *m, const char *pat, size_t len,
                        long id);

/* Prepares the matcher for scanning and freezes it: adding afterwards
** is SINORUS_ERROR. Compiling again is harmless. */
SINORUS_API int sinorus_matcher_compile(sinorus_matcher *m);

typedef struct sinorus_match {
  long id;        /* the pattern's id */
  size_t start;   /* byte offsets of the match in the scanned text */
  size_t stop;
} sinorus_match;

/*
** Scans text in one pass and writes at most cap matches to out (NULL
** allowed when cap is 0), in order of start (longest first at equal
** starts, then by id). A match begins and ends on word boundaries;
** overlapping matches are all reported; a white-space run in the text
** matches a space of a pattern. Returns the number of matches found
** (which may exceed cap); a matcher that is not compiled finds nothing.
*/
SINORUS_API size_t sinorus_matcher_scan(const sinorus_matcher *m, const char *text,
                            size_t len, sinorus_match *out, size_t cap);


/* ---------------------------------------------------------------------
** Estimative language
** ------------------------------------------------------------------ */

#define SINORUS_SCALE_ICD203  0   /* US ICD 203 (default) */
#define SINORUS_SCALE_PHIA    1   /* UK PHIA probability yardstick */
#define SINORUS_SCALE_KENT    2   /* Sherman Kent's words of estimative probability */

typedef struct sinorus_band {
  int scale;           /* SINORUS_SCALE_* */
  const char *band;    /* the scale's name of the band (static string) */
  double p_low, p_high;
} sinorus_band;

/* The scale named name ("icd203", "phia", "kent"), or -1. */
SINORUS_API int sinorus_scale(const char *name);
/* The name of a scale, or NULL. */
SINORUS_API const char *sinorus_scale_name(int scale);

/* The number of bands of a scale: 7 published ones and, last, the
** "possible" band (a possibility without a probability); 0 for an
** unknown scale. */
SINORUS_API int sinorus_scale_bands(int scale);

/* Band i (0 = the least likely) of a scale; SINORUS_RANGE if the scale
** or i is out of range. */
SINORUS_API int sinorus_scale_band(int scale, int i, sinorus_band *out);

/*
** Maps an estimative expression (any case and spacing, hyphens as
** spaces, a leading "a"/"an" and a trailing "to"/"that" ignored, with the modifiers that
** doc/estimative.md gives) to a band of a scale. Returns SINORUS_OK,
** SINORUS_NOTFOUND for an expression the scale does not know, or
** SINORUS_RANGE for an unknown scale.
*/
SINORUS_API int sinorus_estimate(const char *term, size_t len, int scale,
                     sinorus_band *out);

typedef struct sinorus_hedge {
  size_t start, stop;  /* byte offsets of the expression in the text */
  sinorus_band band;
} sinorus_hedge;

/*
** Finds the estimative expressions in running text: leftmost first,
** longest at one start, never overlapping, on word boundaries, case-
** insensitive. Writes at most cap to out (NULL allowed when cap is 0)
** and returns how many there are. An unknown scale finds nothing.
*/
SINORUS_API size_t sinorus_hedges(const char *text, size_t len, int scale,
                      sinorus_hedge *out, size_t cap);


/* ---------------------------------------------------------------------
** Weighting functions (pure: no knowledge base needed; doc/weighting.md)
** ------------------------------------------------------------------ */

#define SINORUS_POOL_LINEAR    0
#define SINORUS_POOL_LOGODDS   1
#define SINORUS_POOL_NOISY_OR  2

/*
** Pools n >= 1 probabilities with optional weights (NULL: all 1).
** Probabilities must lie in [0, 1]; weights must be finite and >= 0
** with a positive sum (linear, log-odds) or lie in [0, 1] (noisy-OR);
** otherwise, or for an unknown method, SINORUS_RANGE. Log-odds: a 1
** with positive weight gives 1, a 0 gives 0, both give SINORUS_RANGE.
** Identical probabilities pool to themselves exactly (linear, log-odds).
** The result is in [0, 1] and never NaN.
*/
SINORUS_API int sinorus_pool(const double *p, const double *w, size_t n, int method,
                 double *out);

/* 0.5 ^ (age / half_life); SINORUS_RANGE for a negative or non-finite
** age or a half-life that is not positive and finite. */
SINORUS_API int sinorus_decay(double age_days, double half_life_days, double *out);

/*
** A factor of the alignment model. With pressure p in [0, 1] its
** multiplier is m = 1 + coupling (2p - 1), its effective weight
** e = weight m; the index is sum(sign e) / sum(e) (0 if sum(e) is 0).
*/
typedef struct sinorus_factor {
  int sign;           /* +1 driver, -1 irritant */
  double weight;      /* in [0, 1] */
  double low, high;   /* the range of the weight, 0 <= low <= weight <= high <= 1 */
  double coupling;    /* in [-1, 1]: how Western pressure scales it */
} sinorus_factor;

/* SINORUS_OK if n factors and the pressure are valid, else SINORUS_RANGE
** and, when bad is not NULL, the index of the first bad factor there
** (n for a bad pressure). */
SINORUS_API int sinorus_factors_check(const sinorus_factor *f, size_t n,
                          double pressure, size_t *bad);

/*
** The alignment index of n factors at a pressure in [0, 1]; writes each
** factor's contribution sign e / sum(e) to contrib (may be NULL). The
** contributions sum to the index (up to rounding), which lies in
** [-1, 1]. SINORUS_RANGE for invalid factors or pressure.
*/
SINORUS_API int sinorus_alignment(const sinorus_factor *f, size_t n, double pressure,
                      double *index, double *contrib);

/* One row of a tornado table. */
typedef struct sinorus_swing {
  size_t factor;       /* the factor's index in the input */
  double low, high;    /* the index with this weight at its low / high end */
  double swing;        /* |high - low| */
  double dweight;      /* d index / d weight at the defaults */
} sinorus_swing;

/*
** Sensitivity of the index: out (n rows) gets, for each factor, the
** index with its weight at low and at high and all others at their
** defaults, sorted by swing, largest first (ties in input order).
** *index is the index at the defaults and *dpressure its derivative
** with respect to pressure (analytic; 0 where the sum of effective
** weights is 0). Either pointer may be NULL.
*/
SINORUS_API int sinorus_sensitivity(const sinorus_factor *f, size_t n, double pressure,
                        sinorus_swing *out, double *index, double *dpressure);

typedef struct sinorus_rng { uint64_t s[4]; } sinorus_rng;
/* Seeds the generator (xoshiro256** seeded through splitmix64). */
SINORUS_API void sinorus_rng_seed(sinorus_rng *r, uint64_t seed);

/* The next 64 random bits of a seeded generator. */
SINORUS_API uint64_t sinorus_rng_next(sinorus_rng *r);
/* A double uniform in [0, 1) with 53 random bits. */
SINORUS_API double sinorus_rng_uniform(sinorus_rng *r);
/* A draw from the triangular distribution (low, mode, high) by the
** inverse CDF of one uniform; bit-identical on IEEE 754 platforms. */
SINORUS_API double sinorus_rng_triangular(sinorus_rng *r, double low, double mode,
                              double high);

/* The quantiles that sinorus_simulate reports. */
#define SINORUS_SIM_NQ 5   /* 0.05, 0.25, 0.5, 0.75, 0.95 */

typedef struct sinorus_sim {
  size_t draws;
  double mean, sd;       /* sd with the n - 1 divisor (0 for one draw) */
  double p_positive;     /* the share of draws with index > 0 */
  double min, max;
  double q[SINORUS_SIM_NQ];
} sinorus_sim;

/*
** Monte Carlo over the weights: draws >= 1 times, every factor's weight
** is drawn (in factor order, one uniform each) from the triangular
** distribution (low, weight, high) and the index computed at the given
** pressure. scratch holds 2 * draws doubles, or is NULL and the
** function allocates it (SINORUS_NOMEM if it cannot); on success a
** caller's scratch[0..draws) holds the draws (in draw order or sorted),
** for a histogram. The same seed gives bit-identical results on every
** IEEE 754 platform.
*/
SINORUS_API int sinorus_simulate(const sinorus_factor *f, size_t n, double pressure,
                     size_t draws, uint64_t seed, double *scratch,
                     sinorus_sim *out);

/* ACH ratings (Heuer; PARC ACH). */
#define SINORUS_ACH_CC  0   /* very consistent */
#define SINORUS_ACH_C   1   /* consistent */
#define SINORUS_ACH_N   2   /* neutral */
#define SINORUS_ACH_I   3   /* inconsistent */
#define SINORUS_ACH_II  4   /* very inconsistent */
#define SINORUS_ACH_NA  5   /* not applicable */

/* The code of a rating name ("CC", "C", "N", "I", "II", "NA"), or -1. */
SINORUS_API int sinorus_ach_rating(const char *name);
/* The weight of a credibility or relevance level: "low" 1/sqrt 2,
** "medium" 1, "high" sqrt 2; SINORUS_RANGE for another name. */
SINORUS_API int sinorus_ach_level(const char *name, double *w);

/* Arrays the caller supplies; any but score and rank may be NULL. */
typedef struct sinorus_ach_result {
  double *score;            /* per hypothesis: weighted inconsistency, <= 0, on a 1e-9 grid */
  size_t *rank;             /* hypothesis indices, least inconsistent first */
  double *diagnosticity;    /* per item, on the same 1e-9 grid */
  size_t *by_diagnosticity; /* item indices, most diagnostic first */
  unsigned char *pivotal;   /* per item: 1 if removing it alone changes rank[0] */
} sinorus_ach_result;

/*
** Scores an items x hypotheses matrix of SINORUS_ACH_* codes (row-major)
** with a weight per item (credibility x relevance, or the analyst's;
** NULL: all 1) and exclusions (nonzero: excluded; NULL: none). Ties
** keep input order. SINORUS_RANGE for no hypotheses, an unknown code
** or a weight that is negative or not finite.
*/
SINORUS_API int sinorus_ach(const unsigned char *ratings, size_t items, size_t hyps,
                const double *weight, const unsigned char *exclude,
                sinorus_ach_result *r);


/* ---------------------------------------------------------------------
** Importing a document
** ------------------------------------------------------------------ */

/*
** A document to import. Every string is given with its length in bytes
** (it may hold NUL bytes and need not be terminated); a NULL pointer
** stores SQL NULL, except authors (NULL stores "[]"). The caller has
** validated the values (UTF-8, dates, a non-empty title): they are
** stored as given.
*/
typedef struct sinorus_source {
  const char *title;      size_t title_len;      /* required */
  const char *authors;    size_t authors_len;    /* a JSON array of names */
  const char *outlet;     size_t outlet_len;
  const char *published;  size_t published_len;  /* ISO 8601 date */
  const char *url;        size_t url_len;
  const char *doi;        size_t doi_len;
  const char *text;       size_t len;            /* required, LF line ends */
  int format;             /* SINORUS_TEXT_PLAIN or SINORUS_TEXT_MARKDOWN */
} sinorus_source;

/* What sinorus_import wrote. */
typedef struct sinorus_imported {
  int64_t source;          /* the new source's id */
  int64_t first_segment;   /* the id of its first segment; the ids of its
                              segments are consecutive, in document order */
  size_t segments;         /* how many segments it has */
  size_t mentions;         /* how many mention rows were written */
} sinorus_imported;

/*
** Imports a document into a writable knowledge base: stores the source
** row, its segments (sinorus_segment; a segment with the kind and text
** of an earlier one of the same source gets that one's id as
** duplicate_of), their search index (segment_fts) and the mentions in
** every segment of the aliases of the KB's entities (sinorus_matcher;
** at one segment, entity and start only the longest match is kept).
** Offsets are stored 1-based inclusive (see Offsets above). The text is
** stored once: cut into pieces (source_text, each packed: see
** sinorus_register_text), of which each segment row names the one that
** holds it (data/schema.sql). The pages the index's merges free are given
** back at the end (a file made with auto_vacuum = INCREMENTAL, as every
** new file is since schema version 6).
**
** The import runs inside the caller's transaction, if any, under a
** savepoint of its own: on success it is released, on failure rolled
** back, so the KB holds either the whole document or nothing of it.
** It changes no connection setting. Returns SINORUS_OK and fills *out
** (which may be NULL); SINORUS_READONLY on a read-only KB; SINORUS_RANGE
** for a NULL kb, src, title or text, an unknown format or an alias that
** folds to nothing or to more than 1024 bytes; SINORUS_NOMEM,
** SINORUS_BUSY, SINORUS_IO or SINORUS_ERROR when memory or SQLite fails.
** The message of a failure is sinorus_errmsg(kb).
*/
SINORUS_API int sinorus_import(sinorus_kb *kb, const sinorus_source *src,
                               sinorus_imported *out);

/*
** Tags again the mentions of the KB's entities in stored segments, by
** the rules of sinorus_import: the n segments whose ids are in ids, or
** every segment when ids is NULL and n is 0 (after an alias was added,
** changed or removed). Their mention rows are deleted and those the
** current aliases give are written; a paragraph keeps only the matches
** that no sentence of it holds; ids of no segment are passed over, an id
** given twice is tagged once. Runs
** inside the caller's transaction under a savepoint of its own (all or
** nothing). Returns SINORUS_OK and the number of rows written in
** *mentions (may be NULL); SINORUS_RANGE for a NULL kb, or NULL ids with
** n > 0, or an alias that folds to nothing; SINORUS_READONLY;
** SINORUS_NOMEM, SINORUS_BUSY, SINORUS_IO or SINORUS_ERROR. The message
** of a failure is sinorus_errmsg(kb).
*/
SINORUS_API int sinorus_tag(sinorus_kb *kb, const int64_t *ids, size_t n,
                            size_t *mentions);


#ifdef __cplusplus
}
#endif

#endif
