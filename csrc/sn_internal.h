/*
** sn_internal.h: declarations shared by the core's own files.
*/
#ifndef SN_INTERNAL_H
#define SN_INTERNAL_H

#if defined(__GNUC__)
#define SN_INTERNAL __attribute__((visibility("hidden")))
#else
#define SN_INTERNAL
#endif

#include <stddef.h>
#include <stdint.h>

/* The longest folded word, in bytes, that the tokenizer and the query
** translation keep; longer words are cut there. */
#ifndef SN_TOKEN_MAX
#define SN_TOKEN_MAX 256
#endif

/*
** Reads the word at s[*pos..len) as the search tokenizer sees it: a run
** of characters that fold to word characters. With skip, characters that
** are not part of words are passed over first. Returns the word's folded
** length (at most SN_TOKEN_MAX bytes are written to buf) with its
** original bytes in [*ws, *we), or -1 when there is no word (without
** skip: when none starts at *pos). *pos stops on the character after the
** word, which is not consumed.
*/
SN_INTERNAL int sn_word(const char *s, size_t len, size_t *pos, int skip,
                        size_t *ws, size_t *we, char *buf);

/* Formats a message into buf (never overflows, always terminated; a NULL
** or empty buffer is left alone). */
SN_INTERNAL void sn_seterr(char *buf, size_t len, const char *fmt, ...);

/* The SINORUS_* status of a SQLite result code. */
SN_INTERNAL int sn_status_of(int rc);

struct sinorus_seg;
struct sqlite3;

/*
** The 0-based offsets at which the pieces of a text of len bytes,
** segmented into segs[0..n) in document order, start (source_text in
** data/schema.sql): written to cuts (room for n + 1), their number
** returned. Shared by the import and the migration to schema version 4.
*/
SN_INTERNAL size_t sn_piece_cuts(const struct sinorus_seg *segs, size_t n,
                                 size_t len, size_t *cuts);

/*
** Tags again, on db, the mentions in the segments that the query sql
** (one column: segment ids) selects, by the rules of sinorus_import:
** deletes their mention rows and writes those the aliases give now; a
** paragraph keeps only the matches no sentence of it holds. Reads the
** segments through `segment` (a table before schema version 4, the view
** since), so the migration can run it on any version. Adds the rows
** written to *count (may be NULL). Runs in the caller's transaction.
** Returns a status; on failure writes a message to err.
*/
SN_INTERNAL int sn_tag(struct sqlite3 *db, const char *sql,
                       const int64_t *ids, size_t n, size_t *count,
                       char *err, size_t errlen);

struct sinorus_kb;

/* The message buffer of a handle (what sinorus_errmsg returns) and its
** size in *len: where every handle operation writes its failure. */
SN_INTERNAL char *sn_kb_errbuf(struct sinorus_kb *kb, size_t *len);

/*
** ACH scoring (sn_weight.c), shared by sinorus_ach and the timeline
** (sn_score.c) so that both score with one formula. sn_ach_check:
** SINORUS_OK when hyps > 0, every code is a SINORUS_ACH_* and every
** weight (NULL: all 1) is finite and >= 0, else SINORUS_RANGE.
** sn_ach_add: adds one item's weighted inconsistency (row: its hyps
** codes) to the running sums. sn_ach_rank: the scores of the sums
** (snapped to a 1e-9 grid; sum and score may be the same array) and the
** hypotheses ranked least inconsistent first, as sinorus_ach ranks them.
*/
SN_INTERNAL int sn_ach_check(const unsigned char *ratings, size_t items,
                             size_t hyps, const double *weight);
SN_INTERNAL void sn_ach_add(double *score, const unsigned char *row,
                            size_t hyps, double w);
SN_INTERNAL void sn_ach_rank(const double *sum, double *score, size_t *rank,
                             size_t hyps);

/* data/schema.sql, compiled in by the build (build/gen/sn_schema.c). */
SN_INTERNAL extern const char sn_schema_sql[];

#endif
