/*
** sn_suggest.h: the per-sentence rules of the suggester (doc/suggest.md)
** in C, for csrc/lsuggest.c. The rule TABLES are not here: the Lua side
** (lua/sinorus/suggest.lua) owns them and hands them over once, phrase by
** phrase and word by word, before the tables are compiled. What is here
** is what the rules do with them: the lexicon scan of a sentence, the
** claim score, the quoted spans, the names not yet known, the cheap test
** that a sentence may hold an event, and the document in play.
**
** A compiled sn_sugg is only read, so one may serve many sn_sugg_out at
** once; an sn_sugg_out is one caller's scratch and results.
*/
#ifndef SN_SUGGEST_H
#define SN_SUGGEST_H

#include "sn_internal.h"
#include "sinorus.h"

/* What a phrase of the lexicon counts as (bits; a phrase may be many). */
enum {
  SN_SR_J2       = 1 << 0,  /* a judgment of weight 2 */
  SN_SR_J1       = 1 << 1,  /* a judgment of weight 1 */
  SN_SR_REPORTED = 1 << 2,  /* a reported view */
  SN_SR_FACTUAL  = 1 << 3,  /* a plain fact */
  SN_SR_SHORT    = 1 << 4,  /* a short horizon */
  SN_SR_LONG     = 1 << 5,  /* a long horizon */
  SN_SR_DOCNOUN  = 1 << 6,  /* a document as subject */
  SN_SR_DATEWORD = 1 << 7,  /* a month or a relative date */
  SN_SR_EVVERB   = 1 << 8,  /* a verb of a CAMEO root or an irregular past */
  SN_SR_HEDGE    = 1 << 9   /* the first word of an estimative expression
                               (added by sn_sugg_compile: without one, a
                               sentence holds no hedge) */
};

/* The word sets (matched on the ASCII lower case of a word). */
enum {
  SN_SS_NOT_NAME,    /* capitalised words that name no one */
  SN_SS_GLUE,        /* lower-case words inside a name */
  SN_SS_KIND_WORD,   /* words that give an entity its kind */
  SN_SS_ADJ_SUFFIX,  /* endings of adjectives of nationality */
  SN_SS_ADJ_WORD,    /* combining forms standing alone ("sino") */
  SN_SS_ACTOR,       /* entity kinds that act in an event */
  SN_SS_COUNT
};

/* The longest word of a set, in bytes. */
#ifndef SN_SUGG_WORD_MAX
#define SN_SUGG_WORD_MAX 64
#endif

/* What a sentence asks for (bits). */
enum { SN_SW_CLAIM = 1, SN_SW_QUOTE = 2, SN_SW_EVENT = 4, SN_SW_ENTITY = 8,
       SN_SW_UNDATED = 16   /* an event needs no date of its own (a chronology dates it) */ };

typedef struct sn_sugg sn_sugg;

/* A new, empty rule set, or NULL when out of memory. */
SN_INTERNAL sn_sugg *sn_sugg_new(void);
/* Frees g; NULL is allowed. */
SN_INTERNAL void sn_sugg_free(sn_sugg *g);

/* Adds a phrase of the lexicon (lower case) with its roles; phrases get
** the ids 1, 2, ... in the order added. SINORUS_OK, SINORUS_NOMEM,
** SINORUS_RANGE (a phrase that folds to nothing), SINORUS_ERROR once
** compiled. */
SN_INTERNAL int sn_sugg_phrase(sn_sugg *g, const char *p, size_t len, unsigned roles);
/* Adds a word (1 to SN_SUGG_WORD_MAX bytes, lower case) to one of the
** SN_SS_ sets; same results. */
SN_INTERNAL int sn_sugg_word(sn_sugg *g, int set, const char *w, size_t len);
/* Adds a pair of quotation marks (in the order the rules try them). */
SN_INTERNAL int sn_sugg_quote(sn_sugg *g, const char *open, size_t olen,
                              const char *close, size_t clen);
/* Adds a Han speech verb (in the order the rules try them). */
SN_INTERNAL int sn_sugg_cjk_speech(sn_sugg *g, const char *v, size_t len);
/* Freezes g for reading. SINORUS_OK or SINORUS_NOMEM. */
SN_INTERNAL int sn_sugg_compile(sn_sugg *g);
/* The number of phrases and the text of phrase id (1-based). */
SN_INTERNAL long sn_sugg_nphrases(const sn_sugg *g);
SN_INTERNAL const char *sn_sugg_phrase_text(const sn_sugg *g, long id, size_t *len);
/* The SN_SR_ roles of phrase id (1-based). */
SN_INTERNAL unsigned sn_sugg_roles(const sn_sugg *g, long id);

/* A quoted span: byte offsets, 0-based, half open: the marks at
** [open, start) and [stop, close), the words at [start, stop). */
typedef struct sn_sugg_span { size_t open, start, stop, close; } sn_sugg_span;

/* A name: text[start, stop); script 0 Latin, 1 Cyrillic, 2 Han. */
typedef struct sn_sugg_name { size_t start, stop; int script; } sn_sugg_name;

/* A mention of the sentence: its entity id and kind in the caller's
** buffer at [ent, ent + entlen) and [kind, kind + kindlen); start and
** stop as suggest.lua's MENTIONS query gives them (1-based, the
** sentence's own). */
typedef struct sn_sugg_mention {
  size_t ent, entlen, kind, kindlen;
  long start, stop;
} sn_sugg_mention;

/* The capitalised words of a text (internal to the name finder). */
typedef struct sn_sugg_capword { size_t a, b; int stop_after; } sn_sugg_capword;

/* One caller's scratch and the results for the last sentence. Zero it
** (memset or = {0}) before the first use; sn_sugg_out_free frees what it
** holds and leaves it zero. */
typedef struct sn_sugg_out {
  /* the lexicon's matches, in the matcher's order */
  sinorus_match *m; size_t nm, capm;
  unsigned *mark; unsigned gen; size_t capmark;
  unsigned roles;               /* the roles of every phrase found */
  sn_sugg_span *sp; size_t nsp, capsp;
  sn_sugg_capword *w; size_t nw, capw;
  sn_sugg_name *nn; size_t nnn, capnn;
  sinorus_hedge *h; size_t nh, caph;
  long *why; size_t nwhy, capwhy;  /* judgment phrases found (ids) */
  /* results */
  int claim;          /* 1: the claim score (before the factual patterns) is >= 2 */
  int score;          /* that score */
  int best;           /* the narrowest hedge (index into h), or -1 */
  int cue;            /* 1: the factual patterns may lower the score */
  int event;          /* 1: the event rules may apply: a month, a relative
                         date or a year (4 digits) (or SN_SW_UNDATED), an
                         actor, and a verb of a CAMEO root, an irregular
                         past or a word in -ed */
  size_t nnew;        /* names not inside a mention: nn[0..nnew) */
  /* the document in play, carried from sentence to sentence */
  char *doc; size_t doclen, doccap; int has_doc;
  int prev_doc, doc_ctx;
  size_t doc_noun_at;   /* where the first document noun starts (1-based), or 0 */
  int doc_cont;         /* "It"/"Its" going on after a sentence about a document */
} sn_sugg_out;

SN_INTERNAL void sn_sugg_out_free(sn_sugg_out *o);

/* The quoted spans of text into o->sp (o->nsp), outermost only, in order.
** SINORUS_OK or SINORUS_NOMEM. */
SN_INTERNAL int sn_sugg_spans(const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len);

/* The names of text into o->nn (o->nnn), as doc/suggest.md's entity rules
** find them. SINORUS_OK or SINORUS_NOMEM. */
SN_INTERNAL int sn_sugg_names(const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len);

/*
** Runs the rules asked for (SN_SW_ bits) on one sentence with its
** mentions (entity ids and kinds in mbuf); self is the source's own
** document entity (NULL: none). Fills o's results, and its matches,
** spans, hedges and names for the caller to read. Returns SINORUS_OK or
** SINORUS_NOMEM (o stays usable).
*/
SN_INTERNAL int sn_sugg_sentence(const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len,
                                 const sn_sugg_mention *ms, size_t nms, const char *mbuf,
                                 const char *self, size_t selflen, unsigned want);

#endif
