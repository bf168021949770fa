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

/* The words of entry i of the estimative lexicon (lower case, one space
** between words), or NULL past the last (sn_estimate.c). */
SN_INTERNAL const char *sn_hedge_term(size_t i);

/* Whether sinorus_interrupt() asked the long loops to stop (sn_interrupt.c). */
SN_INTERNAL int sn_interrupted(void);

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

/* 1 for the code points written without spaces between words: Han,
** kana, Hangul syllables (sn_stem.c). The tokenizer indexes them one by
** one and in overlapping pairs; the matcher needs no word boundary at
** them. */
SN_INTERNAL int sn_is_cjk(uint32_t cp);

/* The code point of the valid UTF-8 character s[0..n). */
SN_INTERNAL uint32_t sn_utf8_cp(const char *s, int n);

/* The languages a word can be stemmed in (Snowball, sn_stem.c). */
enum { SN_LANG_ENGLISH, SN_LANG_RUSSIAN, SN_LANG_COUNT };

/* The SN_LANG_ of a Snowball name ("english", "russian"), or -1. */
SN_INTERNAL int sn_lang_of_name(const char *name);

typedef struct sn_stemmer sn_stemmer;

/* Stemmers for the languages in the bit set langs (1 << SN_LANG_...),
** or NULL when out of memory. Not to be shared between threads. */
SN_INTERNAL sn_stemmer *sn_stemmer_new(unsigned langs);
SN_INTERNAL void sn_stemmer_free(sn_stemmer *st);

/*
** The stem of the word s[ws..we) (its original bytes, as sn_word found
** them), folded, written to out (room for SN_TOKEN_MAX bytes): returns
** its length, -1 when the word has no stem (no Latin or Cyrillic letter,
** or its language is not one of st's), -2 when out of memory.
*/
SN_INTERNAL int sn_stem(sn_stemmer *st, const char *s, size_t ws, size_t we,
                        char *out);

/* The ISO 15924 code of the script most letters of s[0..len) are in:
** "Latn", "Cyrl", "Hani" (CJK), or "Zyyy" when it has none of those
** (sn_stem.c; the alias table's CHECK and model.ALIAS_SCRIPTS list the
** same codes). */
SN_INTERNAL const char *sn_script(const char *s, size_t len);

/*
** Declares the search index (segment_fts) of db again, as the schema
** does but with the tokenizer arguments args ("cjk english russian"; NULL:
** the schema's own), and rebuilds it from the segments it indexes, in the
** caller's transaction (sn_kb.c). Returns an SQLite result code; on
** failure *msg may hold a message (sqlite3_free it).
*/
struct sqlite3;
SN_INTERNAL int sn_set_search(struct sqlite3 *db, const char *args, char **msg);

/* What sn_query.c writes before a query string whose words are to be
** found by their stems (U+E000, which no folded word holds); the
** tokenizer reads it (sn_fts.c). */
#define SN_STEM_MARK "\xEE\x80\x80"

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
** returned; a piece holds at most most bytes where the segments allow.
** Shared by the import and the migration to schema version 4.
*/
SN_INTERNAL size_t sn_piece_cuts(const struct sinorus_seg *segs, size_t n,
                                 size_t len, size_t most, size_t *cuts);

/* The most bytes of a piece packed without a dictionary (sn_import.c
** says why); with one, SN_DICT_PIECE_BYTES of sn_import.c. */
#ifndef SN_PIECE_BYTES
#define SN_PIECE_BYTES 3000
#endif

/*
** Tags again, on db, the mentions in the segments that the query sql
** (one column: segment ids) selects, by the rules of sinorus_import:
** replaces their mentions by those the aliases give now (since schema
** version 7 with sn_menw: the ids of a query in ascending order, each
** once; a list is sorted and an id given twice tagged once); a
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

/* 1 the first time it is asked of a handle that created its file (then
** 0): whether the first import may write its pages once (sn_import.c). */
SN_INTERNAL int sn_kb_take_created(struct sinorus_kb *kb);

/* Before (begin 1) and after (begin 0) an import's transaction: the first
** import into a new file writes its pages once (sn_import.c). */
SN_INTERNAL int sn_import_once(struct sinorus_kb *kb, int begin);

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

/*
** The stored text, compressed (sn_text.c; source_text.packed in
** data/schema.sql). A packer holds a zstd context and an output buffer;
** sn_pack packs text[0..len) into one frame (with its length and a
** checksum) and points *out at it, valid until the packer's next call;
** returns a SQLite code (SQLITE_NOMEM, SQLITE_TOOBIG). sn_packer_new
** returns NULL when out of memory; sn_packer_free takes NULL.
*/
typedef struct sn_packer sn_packer;
SN_INTERNAL sn_packer *sn_packer_new(void);
SN_INTERNAL void sn_packer_free(sn_packer *p);
SN_INTERNAL int sn_pack(sn_packer *p, const char *text, size_t len,
                        const unsigned char **out, size_t *outlen);

/*
** Dictionaries (version 8, text_dict). sn_packer_use makes sn_pack pack
** with the zstd dictionary dict[0..len) (digested once for as long as
** the same one is asked for again), or without any for dict NULL;
** SQLITE_CORRUPT if it is not a zstd dictionary, SQLITE_NOMEM. sn_dict_id
** is a dictionary's id (0: not a dictionary), which the frames packed
** with it carry and text_dict.zid keeps. sn_train trains one on a
** sample of the pieces of text[0..len) that cuts[0..ncuts) start; *dict
** (malloc'd, the caller frees it) is NULL when the text is too little
** to learn from; returns a SQLite code.
*/
SN_INTERNAL int sn_packer_use(sn_packer *p, const void *dict, size_t len);
SN_INTERNAL unsigned sn_dict_id(const void *dict, size_t len);
SN_INTERNAL int sn_train(const char *text, const size_t *cuts, size_t ncuts,
                         size_t len, unsigned char **dict, size_t *dlen);


/* data/schema.sql, compiled in by the build (build/gen/sn_schema.c). */
SN_INTERNAL extern const char sn_schema_sql[];


/* ---------------------------------------------------------------------
** Writing files (sn_writers.c): the one atomic write and its rules
** ------------------------------------------------------------------ */

/* The file an open KB lives in, as the writers compare targets with it:
** its resolved absolute path (NULL for the built-in KB) and, when known,
** its device and inode. */
typedef struct sn_kbfile {
  const char *real;
  int known;
  unsigned long long dev, ino;
} sn_kbfile;

struct sinorus_kb;

/* Fills *out with the file of kb (sn_kb.c); out->real stays owned by kb. */
SN_INTERNAL void sn_kb_file(const struct sinorus_kb *kb, sn_kbfile *out);

/* Fills the temporary file tmp (open as fd, empty) with the content to
** write; returns a SINORUS_* status and, on failure, the reason in why. */
typedef int (*sn_fill)(void *ud, int fd, const char *tmp, char *why,
                       size_t whylen);

/*
** The one atomic write of every file sinorus writes (kb:save, every
** export, the .qdpx writer). The target must be a new name in an
** existing directory or a regular file (a symbolic link is followed
** first); it must not be the file of kb (when kb is not NULL) nor that
** file's -wal, -shm or -journal. Temporary files of earlier writes to
** the same target that were killed mid-way are removed first. Then a
** temporary file "TARGET.tmp-XXXXXX" is made beside the target (locked
** while it is written, so no other process's clean-up takes it), filled
** by fill, synced, renamed over the target, and the directory synced.
** An existing target keeps its permission bits; a new one gets 0666
** less the umask. On failure the target is untouched, the temporary
** file is gone and why holds the reason (without the path).
*/
SN_INTERNAL int sn_write_atomic(const char *path, const sn_kbfile *kb,
                                sn_fill fill, void *ud, char *why,
                                size_t whylen);

/* sinorus_write_file and sinorus_write_qdpx refusing also the file of kb
** (and its sidecars) as their target. */
struct sinorus_qda_code;
struct sinorus_qda_source;
struct sinorus_qda_selection;
SN_INTERNAL int sn_write_file_kb(const char *path, const char *data,
                                 size_t len, const sn_kbfile *kb,
                                 char *errbuf, size_t errlen);
/* The colour of an edge or bar of sign > 0, < 0 or 0 (sn_writers.c). */
SN_INTERNAL const char *sn_sign_color(int sign);
/* Whether a path names anything, without opening it (sn_writers.c). */
SN_INTERNAL int sn_path_exists(const char *path);
/* Reads a regular file without blocking on a FIFO (sn_writers.c). */
SN_INTERNAL int sn_read_regular(const char *path, char *buf, size_t cap,
                                size_t *got, size_t *size, char *why, size_t wl);
SN_INTERNAL int sn_write_qdpx_kb(const char *path, const char *project,
                                 const struct sinorus_qda_code *codes, size_t ncodes,
                                 const struct sinorus_qda_source *sources, size_t nsources,
                                 const struct sinorus_qda_selection *sels, size_t nsels,
                                 const sn_kbfile *kb, char *errbuf, size_t errlen);

/* Removes the temporary files "PATH.tmp-XXXXXX" (with the -journal, -wal
** and -shm SQLite left beside them) that a killed write to path left,
** taking only regular files of this user that no live writer holds
** locked. */
SN_INTERNAL void sn_clean_temps(const char *path);

/* The resolved absolute path of an existing path (malloc'd), or NULL
** with errno set. */
SN_INTERNAL char *sn_resolve(const char *path);

/* 1 when path names the file of kb (the same inode, or the same
** resolved path), else 0. */
SN_INTERNAL int sn_is_kb_file(const char *path, const sn_kbfile *kb);
/* The writers' refusal for a file that is read: SINORUS_ERROR (why says
** which) when path names kb's file or one of its sidecars (-wal, -shm,
** -journal), SINORUS_NOMEM, else SINORUS_OK (also for what does not
** exist: the read will say so). */
SN_INTERNAL int sn_kb_refuses(const char *path, const sn_kbfile *kb,
                              char *why, size_t whylen);

/* The shortest "%.*g" form of v (at most 17 digits) that reads back as
** v, with '.' as the decimal point whatever the C locale; buf has 40
** bytes. Non-finite values give "null". */
SN_INTERNAL const char *sn_fmt_num(double v, char buf[40]);

/* The body of a JSON string (no quotes): the escaping of every JSON
** writer, invalid UTF-8 replaced by U+FFFD. w must not fail for less than
** 6 bytes per input byte of room. */
SN_INTERNAL int sn_json_body(const char *s, size_t len,
                             int (*w)(void *, const char *, size_t),
                             void *ud);

/*
** Mentions stored packed (sn_mention.c, schema version 7): a writer of
** mention_pack and mention_posting. sn_menw_new prepares it on db;
** replace 0 appends (the import and the migration: segments above every
** id in use), 1 replaces the packs of the segments given and merges the
** posting lists they change at sn_menw_finish (the tagger). Segments are
** given in ascending order of id, each once (sn_menw_segment, SQLITE_MISUSE
** otherwise), each followed by its mentions (sn_menw_span: entity key,
** start from the segment's start, length in bytes; SQLITE_MISUSE for a
** key or length below 1, a start below 0, or a start or length above
** INT64_MAX / 2, which a pack cannot hold); two mentions of one
** entity at one start keep the first. sn_menw_finish writes what is left
** (then nothing more may be given); sn_menw_written counts the mentions
** written. Each returns a SQLite code; sn_menw_free takes NULL.
*/
struct sqlite3_stmt;

/* Prepares (persistent) head followed by rows groups of ncols
** parameters: "INSERT ... VALUES (?,?),(?,?)". Returns a SQLite code. */
SN_INTERNAL int sn_prepare_rows(struct sqlite3 *db, const char *head, int ncols,
                                int rows, struct sqlite3_stmt **st);

typedef struct sn_span {
  int64_t entity, start, len;
} sn_span;
typedef struct sn_menw sn_menw;
SN_INTERNAL int sn_menw_new(struct sqlite3 *db, int replace, sn_menw **out);
SN_INTERNAL int sn_menw_segment(sn_menw *w, int64_t segment);
SN_INTERNAL int sn_menw_span(sn_menw *w, int64_t entity, int64_t start,
                             int64_t len);
SN_INTERNAL int sn_menw_finish(sn_menw *w);
SN_INTERNAL size_t sn_menw_written(const sn_menw *w);
SN_INTERNAL void sn_menw_free(sn_menw *w);

/* Registers sinorus_feed on db, with which an import feeds the search
** index its new segments' text (sn_import.c). Returns a SQLite code. */
SN_INTERNAL int sn_register_feed(struct sqlite3 *db);

/* Registers the module sinorus_mention on db: the virtual table
** sinorus_mention (segment, entity, start, len) of each KB's schema reads
** that KB's packed mentions back as rows; the view mention reads it.
** Returns a SQLite code. */
SN_INTERNAL int sn_register_mention(struct sqlite3 *db);

#endif
