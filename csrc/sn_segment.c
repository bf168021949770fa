/*
** sn_segment.c: splitting a text into headings, paragraphs, sentences
** and reference entries.
**
** Lines end at \n (a \r before it is white space). A line that starts
** with "N. " or "[N]" (N of 1 to 3 digits) is a reference entry. In
** markdown, "# " to "###### " lines are headings and consecutive
** non-blank lines form a paragraph; in plain text every non-blank line
** is a paragraph, except a short line (at most SN_HEADING_MAX bytes)
** that holds one sentence and does not end in . : ; , nor in a CJK
** terminator or their CJK forms (。 ． ｡ ！ ？ ： ； ， 、: a short Chinese
** line that ends like a sentence is one), which is a heading; plain text
** that is hard-wrapped (see wrap_width) is read in blocks of lines
** instead of lines. Paragraphs are split into sentences (see sentences()).
**
** Chinese, Japanese and Russian text: 。 ！ ？ ｡ and the full-width
** ．end a sentence wherever anything follows them (CJK text has no space
** between sentences); the full-width semicolon ； does not (it joins
** clauses, as ; does, and ICU does not break there either). Quotation
** marks nest: “…” «…» „…“ 「…」 『…』 keep what they enclose
** in one sentence when they close later in the paragraph. Russian
** abbreviations (т. е., т. д., г., гг., см., ...: every single lowercase
** Cyrillic letter and the list below) and initials (В. В. Путин) do
** not end a sentence. doc/languages.md compares these rules with ICU's
** sentence break iterator on the test corpus.
**
** Nothing here allocates: the caller passes the array, and a first call
** with cap 0 tells it the size.
*/
#include <stdint.h>
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"

/* The longest line (in bytes) that plain text may treat as a heading. */
#ifndef SN_HEADING_MAX
#define SN_HEADING_MAX 120
#endif

#define NONE ((size_t)-1)


/* Where segments go: written while they fit, counted always. */
typedef struct Emitter {
  sinorus_seg *segs;
  size_t cap;
  size_t n;
} Emitter;


/* Records a segment (if it fits) and returns its index. */
static long emit (Emitter *e, int kind, size_t start, size_t stop,
                  long parent, long section) {
  if (e->n < e->cap) {
    sinorus_seg *s = &e->segs[e->n];
    s->kind = kind;
    s->start = start;
    s->stop = stop;
    s->parent = parent;
    s->section = section;
  }
  return (long)e->n++;
}


/*
** Decodes the character at t[i] (i < end) into *cp and returns its
** length; a byte that is not valid UTF-8 is one character U+FFFD.
*/
static size_t decode (const char *t, size_t i, size_t end, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)t + i;
  size_t len = end - i;
  unsigned c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  if (c >= 0xC2 && c < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80) {
    *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c < 0xF0 && len >= 3 && (s[1] & 0xC0) == 0x80
      && (s[2] & 0xC0) == 0x80) {
    uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6)
               | (s[2] & 0x3F);
    if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
  }
  if (c >= 0xF0 && c < 0xF5 && len >= 4 && (s[1] & 0xC0) == 0x80
      && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
    uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12)
               | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
  }
  *cp = 0xFFFD;
  return 1;
}


/* The start of the character that ends at t[i] (begin < i). */
static size_t prev_start (const char *t, size_t begin, size_t i) {
  size_t j = i - 1, k;
  uint32_t cp;
  for (k = 0; k < 3 && j > begin && ((unsigned char)t[j] & 0xC0) == 0x80; k++)
    j--;
  if (decode(t, j, i, &cp) == i - j) return j;
  return i - 1;
}


/* 1 for white space, including Unicode spaces, zero-width space and BOM. */
static int is_space (uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B)
      || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
      || cp == 0x3000 || cp == 0xFEFF;
}


/* 1 for uppercase letters of Latin, Greek and Cyrillic. */
static int is_upper (uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return !(cp & 1);
  if (cp >= 0x139 && cp <= 0x148) return cp & 1;
  if (cp >= 0x14A && cp <= 0x177) return !(cp & 1);
  if (cp == 0x178) return 1;
  if (cp >= 0x179 && cp <= 0x17E) return cp & 1;
  if (cp == 0x386 || (cp >= 0x388 && cp <= 0x3AB)) return cp != 0x390;
  if (cp >= 0x400 && cp <= 0x42F) return 1;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return !(cp & 1);
  return 0;
}


/* 1 for the CJK characters that end a sentence with or without white
** space after them: 。 ｡ ！ ？ ． (not ；, see the file comment). */
static int is_cjk_terminator (uint32_t cp) {
  return cp == 0x3002 || cp == 0xFF61 || cp == 0xFF01 || cp == 0xFF1F
      || cp == 0xFF0E;
}


/* 1 for the characters that end a sentence: . ? ! the ellipsis and the
** CJK terminators. */
static int is_terminator (uint32_t cp) {
  return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026
      || is_cjk_terminator(cp);
}


/* 1 for the characters written without spaces between words (sn_is_cjk)
** and CJK punctuation and full-width forms: after white space, a sentence
** may start at one. */
static int is_cjk (uint32_t cp) {
  return sn_is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F)
      || (cp >= 0xFF00 && cp <= 0xFFEF);
}


/* 1 for closing quotes and brackets, which stay with the sentence they end. */
static int is_closer (uint32_t cp) {
  return cp == 0x201D || cp == 0x2019 || cp == '"' || cp == '\'' || cp == ')'
      || cp == ']' || cp == 0xBB || cp == 0x203A || cp == 0x300D
      || cp == 0x300F || cp == 0xFF09 || cp == 0x3011 || cp == 0x300B;
}


/* 1 for opening quotes and brackets, which may start a sentence. */
static int is_opener (uint32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == '"' || cp == '\'' || cp == '('
      || cp == '[' || cp == 0xAB || cp == 0x201E || cp == 0x2039
      || cp == 0xBF || cp == 0xA1 || cp == 0x300C || cp == 0x300E
      || cp == 0xFF08 || cp == 0x3010 || cp == 0x300A;
}


/* 1 if t[a..b) is one of the words in list (NULL-terminated). */
static int in_list (const char *t, size_t a, size_t b, const char *const *list) {
  size_t n = b - a;
  if (n == 0) return 0;
  for (; *list; list++)         /* the first byte rules out most at once */
    if ((*list)[0] == t[a] && strlen(*list) == n && memcmp(t + a, *list, n) == 0)
      return 1;
  return 0;
}


/* Abbreviations after which a period does not end a sentence. */
static const char *const abbreviations[] = {
  "e.g", "i.e", "E.g", "I.e", "etc", "cf", "Cf", "vs", "Vs", "viz", "al",
  "ca", "approx", "esp", "incl", "resp", "pp", "ed", "eds", "Ed", "Eds",
  "No", "Nos", "Vol", "Vols", "Fig", "Figs", "Ch", "Art", "Para",
  "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Gen", "Col", "Lt",
  "Capt", "Gov", "Sen", "Rep", "Pres", "Amb", "Inc", "Ltd", "Co", "Corp",
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
  "Nov", "Dec",
  /* Russian (a single lowercase Cyrillic letter is one too: т. е., г.) */
  "гг", "вв", "см", "ср", "др", "пр", "напр", "им", "ул", "стр", "ст",
  "млн", "млрд", "трлн", "тыс", "руб", "долл", "проф", "акад", "ген",
  "тов", "рис", "гл", "обл", "илл", "прим", "ред", "изд", "англ", "кит",
  "рус", "Св", "Ген", NULL
};

/* Words that start a sentence after a dotted acronym such as "U.S.". */
static const char *const openers[] = {
  "A", "An", "The", "This", "These", "That", "Those", "It", "Its", "They",
  "Their", "There", "Then", "He", "His", "She", "Her", "We", "Our", "I",
  "You", "In", "On", "At", "By", "For", "From", "With", "To", "Of", "As",
  "But", "And", "Or", "Nor", "Yet", "So", "However", "Moreover", "Thus",
  "Hence", "Therefore", "Meanwhile", "Nevertheless", "Nonetheless",
  "Furthermore", "Instead", "Indeed", "Also", "Still", "Even", "Only",
  "If", "When", "While", "Whereas", "Although", "Though", "Since",
  "After", "Before", "Despite", "Given", "Unlike", "Such", "What", "Why",
  "How", "Who", "Where", "Which", "Many", "Most", "Some", "Both", "Each",
  "All", "One", "Another", "Other", "Here", "Now", "Today", "No", "Not",
  "Accordingly", "Consequently", "Similarly", "Finally", "First",
  "Firstly", "Second", "Secondly", "Notably", "Apart", "Just", NULL
};


/* 1 if t[a..b) is a dotted acronym such as "U.S", "U.K" or "Ph.D". */
static int is_acronym (const char *t, size_t a, size_t b) {
  size_t i, run = 0;
  int dots = 0;
  for (i = a; i < b; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '.') {
      if (run == 0) return 0;
      dots++;
      run = 0;
    }
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      if (++run > 2) return 0;
    }
    else return 0;
  }
  return dots > 0 && run > 0;
}


/*
** Decides whether the period at t[dot] (a sentence of t[s..], ended by
** white space and then the character at t[k]) ends the sentence, as far
** as abbreviations, initials and acronyms go.
*/
static int period_ends (const char *t, size_t s, size_t dot, size_t k,
                        size_t b) {
  size_t ts = dot, te = dot;
  uint32_t cp;
  while (ts > s) {                          /* the word before the period */
    size_t p = prev_start(t, s, ts);
    decode(t, p, ts, &cp);
    if (is_space(cp)) break;
    ts = p;
  }
  while (ts < te) {                         /* without opening punctuation */
    size_t n = decode(t, ts, te, &cp);
    if (!is_opener(cp)) break;
    ts += n;
  }
  if (ts == te) return 1;
  if (in_list(t, ts, te, abbreviations)) return 0;
  if (decode(t, ts, te, &cp) == te - ts
      && ((is_upper(cp) && cp != 'I') || (cp >= 0x430 && cp <= 0x44F)))
    return 0;                /* an initial ("A. Analyst", "В. В. Путин") */
                             /* or "т. е.", "г." */
  if (is_acronym(t, ts, te)) {              /* "U.S." ends one only before */
    size_t e = k;                           /* a typical sentence opener */
    while (e < b && (((unsigned char)t[e] | 0x20) >= 'a'
                     && ((unsigned char)t[e] | 0x20) <= 'z')) e++;
    if (e < b && ((unsigned char)t[e] >= 0x80 || t[e] == '\'')) return 0;
    return in_list(t, k, e, openers);
  }
  return 1;
}


/* Word-at-a-time tests: a byte of w is zero, a byte of w is c, a byte of
** w is not ASCII (exact as tests of the whole word). */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
#define HAS_ZERO(w) (((w) - ONES) & ~(w) & HIGHS)
#define HAS_BYTE(w, c) HAS_ZERO((w) ^ (ONES * (uint64_t)(c)))

/* The first position from i (below b) of a byte that is not ASCII or is
** one of the characters in the two-to-four-byte set, or b; skips eight
** plain bytes at a time. */
static size_t skip_plain (const char *t, size_t i, size_t b, int c1, int c2,
                          int c3, int c4) {
  for (; i + 8 <= b; i += 8) {
    uint64_t w;
    memcpy(&w, t + i, 8);
    if ((w & HIGHS) || HAS_BYTE(w, c1) || HAS_BYTE(w, c2) || HAS_BYTE(w, c3)
        || HAS_BYTE(w, c4)) break;
  }
  for (; i < b; i++) {
    int c = (unsigned char)t[i];
    if (c >= 0x80 || c == c1 || c == c2 || c == c3 || c == c4) break;
  }
  return i;
}


/* The quotation marks that nest (ASCII " is handled apart): the closer
** of an opener, or 0. „ closes with “, which otherwise opens. */
static uint32_t closer_of (uint32_t cp) {
  switch (cp) {
    case 0x201C: return 0x201D;             /* “ ” */
    case 0x201E: return 0x201C;             /* „ “ */
    case 0xAB: return 0xBB;                 /* « » */
    case 0x300C: return 0x300D;             /* 「 」 */
    case 0x300E: return 0x300F;             /* 『 』 */
    default: return 0;
  }
}


/* The quotation marks open at a point of a paragraph, innermost last;
** deeper ones are not followed. */
#define QUOTE_DEPTH 8
#define CLOSERS 5               /* the closers closer_of gives */
typedef struct Quotes {
  uint32_t closer[QUOTE_DEPTH];
  int n;
  /* for each closer (closer_index): its first position at or after
  ** from[c] (NONE: none up to the end of the paragraph), so that no part
  ** of a paragraph is scanned twice for one closer */
  size_t from[CLOSERS], at[CLOSERS];
} Quotes;


/* The index of a closer of closer_of in Quotes.from and .at. */
static int closer_index (uint32_t c) {
  switch (c) {
    case 0x201D: return 0;
    case 0x201C: return 1;
    case 0xBB: return 2;
    case 0x300D: return 3;
    default: return 4;                      /* 0x300F */
  }
}


/* Follows the quotation mark cp: closes the innermost quote when cp is
** its closer, else opens one when cp is an opener. Returns 1 when cp is
** a quotation mark of closer_of. */
static int quote_step (Quotes *q, uint32_t cp) {
  uint32_t c;
  if (q->n > 0 && q->closer[q->n - 1] == cp) { q->n--; return 1; }
  if ((c = closer_of(cp)) != 0) {
    if (q->n < QUOTE_DEPTH) q->closer[q->n++] = c;
    return 1;
  }
  return cp == 0x201D || cp == 0xBB || cp == 0x300D || cp == 0x300F;
}


/* 1 if the innermost open quote closes in t[j..b); an open quote that
** never closes is forgotten with those inside it (it does not count). */
static int quote_closes (Quotes *q, const char *t, size_t j, size_t b) {
  uint32_t c;
  int x;
  if (q->n == 0) return 0;
  c = q->closer[q->n - 1];
  x = closer_index(c);
  if (j < q->from[x] || (q->at[x] != NONE && q->at[x] < j)) {
    size_t i = j;                           /* not known from j: scan */
    q->from[x] = j;
    q->at[x] = NONE;
    while (i < b) {
      uint32_t cp;
      size_t n = decode(t, i, b, &cp);
      if (cp == c) { q->at[x] = i; break; }
      i += n;
    }
  }
  if (q->at[x] == NONE) { q->n = 0; return 0; }
  return 1;
}


/* The position of the last ASCII double quote in t[a..b), or NONE. */
static size_t last_ascii_quote (const char *t, size_t a, size_t b) {
  size_t i = b;
  while (i > a) if (t[--i] == '"') return i;
  return NONE;
}


/*
** Splits the paragraph t[a..b) (trimmed) into sentences and emits them
** with the given parent and section (e may be NULL to count only).
** Returns the number of sentences.
**
** A sentence ends at . ? ! or an ellipsis, taken together with any
** further terminators and closing quotes or brackets, when white space
** and then an uppercase letter, a digit, a CJK character or an opening
** quote or bracket follow; at a CJK terminator when anything follows.
** Never inside quotation marks that close later in the paragraph (one
** that is never closed does not count), and for a single period not
** after an abbreviation, an initial, or a dotted acronym unless a
** typical sentence opener follows ("the U.S. Its ...").
*/
static size_t sentences (const char *t, size_t a, size_t b, Emitter *e,
                         long parent, long section) {
  size_t s = a, i = a, count = 0, last_ascii = last_ascii_quote(t, a, b);
  int aq = 0;
  Quotes q;
  int x;
  q.n = 0;
  for (x = 0; x < CLOSERS; x++) { q.from[x] = NONE; q.at[x] = NONE; }
  while (i < b) {
    uint32_t cp;
    size_t n, j, k;
    int cjk;
    i = skip_plain(t, i, b, '"', '.', '?', '!');   /* plain ASCII: nothing to do */
    if (i >= b) break;
    n = decode(t, i, b, &cp);
    if (cp == '"') {                        /* opens after space or bracket */
      uint32_t pc = ' ';
      if (i > a) decode(t, prev_start(t, a, i), i, &pc);
      aq = is_space(pc) || pc == '(' || pc == '[';
      i += n;
      continue;
    }
    if (!is_terminator(cp)) {
      if (cp >= 0x80) quote_step(&q, cp);
      i += n;
      continue;
    }
    cjk = is_cjk_terminator(cp);
    j = i + n;
    while (j < b) {                         /* further terminators */
      uint32_t c2;
      size_t m = decode(t, j, b, &c2);
      if (!is_terminator(c2)) break;
      cjk |= is_cjk_terminator(c2);
      j += m;
    }
    while (j < b) {                         /* closing quotes and brackets */
      uint32_t c2;
      size_t m = decode(t, j, b, &c2);
      if (q.n > 0 && c2 == q.closer[q.n - 1]) q.n--;
      else if (!is_closer(c2)) break;
      if (c2 == '"') aq = 0;
      j += m;
    }
    if (j >= b) break;
    k = j;
    while (k < b) {                         /* the white space after */
      uint32_t c2;
      size_t m = decode(t, k, b, &c2);
      if (!is_space(c2)) break;
      k += m;
    }
    if (k < b && (cjk || k > j)) {
      uint32_t nc;
      int ends = 1;
      decode(t, k, b, &nc);
      if (!cjk)
        ends = is_upper(nc) || (nc >= '0' && nc <= '9') || is_opener(nc)
            || is_cjk(nc);
      if (ends && quote_closes(&q, t, j, b)) ends = 0;
      if (ends && aq) {
        if (last_ascii != NONE && last_ascii >= j) ends = 0;
        else aq = 0;
      }
      if (ends && cp == '.') {              /* a single period, perhaps */
        uint32_t c2;                        /* before closers: "e.g.)" */
        decode(t, i + 1, b, &c2);
        if (!is_terminator(c2)) ends = period_ends(t, s, i, k, b);
      }
      if (ends) {
        if (e) emit(e, SINORUS_SEG_SENTENCE, s, j, parent, section);
        count++;
        s = k;
      }
    }
    i = j;
  }
  if (s < b) {
    if (e) emit(e, SINORUS_SEG_SENTENCE, s, b, parent, section);
    count++;
  }
  return count;
}


/* Narrows [*a, *b) to exclude white space at both ends. */
static void trim (const char *t, size_t *a, size_t *b) {
  uint32_t cp;
  while (*a < *b) {
    size_t n = decode(t, *a, *b, &cp);
    if (!is_space(cp)) break;
    *a += n;
  }
  while (*b > *a) {
    size_t p = prev_start(t, *a, *b);
    decode(t, p, *b, &cp);
    if (!is_space(cp)) break;
    *b = p;
  }
}


/* 1 if the trimmed line t[a..b) starts a reference entry: "N. " or "[N]". */
static int is_reference (const char *t, size_t a, size_t b) {
  size_t i = a;
  int bracket = (t[i] == '[');
  if (bracket) i++;
  while (i < b && i - a < 4 && t[i] >= '0' && t[i] <= '9') i++;
  if (i == a + (size_t)bracket || i - a - (size_t)bracket > 3) return 0;
  if (bracket) return i < b && t[i] == ']';
  return i + 1 < b && t[i] == '.' && (t[i + 1] == ' ' || t[i + 1] == '\t');
}


/*
** The level (1..6) of a markdown heading line t[a..b), setting [*ha, *hb)
** to its text; 0 if the line is not a heading.
*/
static int md_heading (const char *t, size_t a, size_t b, size_t *ha,
                       size_t *hb) {
  size_t i = a, e;
  while (i < b && t[i] == '#' && i - a < 7) i++;
  if (i == a || i - a > 6) return 0;
  if (i < b && t[i] != ' ' && t[i] != '\t') return 0;
  e = b;                                    /* an optional closing " ##" */
  while (e > i && t[e - 1] == '#') e--;
  if (e < b && (e == i || t[e - 1] == ' ' || t[e - 1] == '\t')) b = e;
  *ha = i;
  *hb = b;
  trim(t, ha, hb);
  return (int)(i - a);
}


/* The end of t[a..b) without its closing quotes and brackets; *cp is
** the character before that end (when the end is past a). */
static size_t strip_closers (const char *t, size_t a, size_t b, uint32_t *cp) {
  *cp = 0;
  while (b > a) {
    size_t p = prev_start(t, a, b);
    decode(t, p, b, cp);
    if (!is_closer(*cp)) break;
    b = p;
  }
  return b;
}


/* 1 if a plain-text line t[a..b) is a heading (see the file comment). */
static int plain_heading (const char *t, size_t a, size_t b) {
  uint32_t cp;
  size_t e;
  if (b - a > SN_HEADING_MAX) return 0;
  e = strip_closers(t, a, b, &cp);
  if (e == a || cp == '.' || cp == ':' || cp == ';' || cp == ','
      || is_cjk_terminator(cp) || cp == 0xFF1A || cp == 0xFF1B
      || cp == 0xFF0C || cp == 0x3001) return 0;
  return sentences(t, a, b, NULL, -1, -1) == 1;
}


/*
** Hard-wrapped plain text: paragraphs broken into lines of at most some
** width by a writer or a tool (e-mail, RFCs, many .txt books and
** reports), which read as one paragraph a line would cut sentences into
** paragraphs and make headings of their lines. Widths are in columns: a
** CJK character takes two, any other character one. The wrap width W is
** the 90th percentile of the widths of the non-blank lines (lines are
** trimmed). A line runs on into the next when the first word of the next
** would not have fitted within W (a CJK character is a word) or, when the
** line ends inside a sentence, within W less a sixth (people and tools do
** not always fill a line). The text is wrapped when W is WRAP_MIN to
** WRAP_MAX columns, at least 3 lines are followed by a non-blank line, at
** least half of those end inside a sentence and run on, and fewer than
** half of the lines they run on into start with a capital letter: a text
** of one paragraph or one sentence a line (the article, notes) is not,
** nor is a list of titles or of a few words an item.
*/
#define WRAP_MIN 40
#define WRAP_MAX 160

/* 1 if a line of n columns, ending inside a sentence when open is set,
** runs on into a line whose first word takes fw columns. */
static int runs_on (size_t n, int open, size_t fw, size_t w) {
  return n + 1 + fw > (open ? w - w / 6 : w);
}

/* The columns of t[a..b) (a byte that is not UTF-8 takes one). */
static size_t columns (const char *t, size_t a, size_t b) {
  size_t n = 0;
  while (a < b) {
    uint32_t cp;
    a += decode(t, a, b, &cp);
    n += is_cjk(cp) ? 2 : 1;
  }
  return n;
}

/* The columns of the first word of the line t[a..b). */
static size_t first_word (const char *t, size_t a, size_t b) {
  size_t n = 0;
  while (a < b) {
    uint32_t cp;
    size_t k = decode(t, a, b, &cp);
    if (is_space(cp)) break;
    if (is_cjk(cp)) return n > 0 ? n : 2;
    n++;
    a += k;
  }
  return n;
}

/* 1 if the trimmed line t[a..b) ends a sentence (closers aside). */
static int ends_sentence (const char *t, size_t a, size_t b) {
  uint32_t cp;
  return strip_closers(t, a, b, &cp) > a && is_terminator(cp);
}

/* The next line of t[0..len) from *ls: sets [*a, *b) to it trimmed and
** moves *ls past it; 0 at the end of the text. */
static int next_line (const char *t, size_t len, size_t *ls, size_t *a, size_t *b) {
  const char *nl;
  if (*ls >= len) return 0;
  nl = memchr(t + *ls, '\n', len - *ls);
  *a = *ls;
  *b = nl ? (size_t)(nl - t) : len;
  *ls = nl ? *b + 1 : len;
  trim(t, a, b);
  return 1;
}

/* The wrap width of plain text t[0..len), or 0 when it is not wrapped. */
static size_t wrap_width (const char *t, size_t len) {
  size_t hist[WRAP_MAX + 2] = { 0 }, lines = 0, seen = 0, w, ls = 0, a, b;
  size_t pairs = 0, inside = 0, upper = 0, prev = 0;
  int have_prev = 0, prev_open = 0;
  while (next_line(t, len, &ls, &a, &b)) {
    size_t n;
    if (a == b) continue;
    n = b - a > 4 * WRAP_MAX ? WRAP_MAX + 1 : columns(t, a, b);   /* <= 4 bytes a column */
    hist[n > WRAP_MAX ? WRAP_MAX + 1 : n]++;
    lines++;
  }
  for (w = 0; w <= WRAP_MAX + 1; w++) {
    seen += hist[w];
    if (seen * 10 >= lines * 9) break;
  }
  if (lines == 0 || w < WRAP_MIN || w > WRAP_MAX) return 0;
  for (ls = 0; next_line(t, len, &ls, &a, &b); ) {
    if (a == b) { have_prev = 0; continue; }
    if (have_prev) {
      pairs++;
      if (prev_open && runs_on(prev, 1, first_word(t, a, b), w)) {
        uint32_t cp;
        decode(t, a, b, &cp);
        inside++;
        upper += is_upper(cp);
      }
    }
    have_prev = 1;
    prev = columns(t, a, b);
    prev_open = !ends_sentence(t, a, b);
  }
  return pairs >= 3 && inside * 2 >= pairs && upper * 2 < inside ? w : 0;
}

/* 1 if the trimmed line t[a..b) starts a list item: "- ", "* ", "• ". */
static int is_bullet (const char *t, size_t a, size_t b) {
  if (b - a >= 2 && (t[a] == '-' || t[a] == '*') && (t[a + 1] == ' ' || t[a + 1] == '\t'))
    return 1;
  return b - a >= 4 && memcmp(t + a, "\xE2\x80\xA2 ", 4) == 0;
}


/* Emits a paragraph t[a..b) and its sentences. */
static void paragraph (const char *t, size_t a, size_t b, Emitter *e,
                       long section) {
  long p = emit(e, SINORUS_SEG_PARAGRAPH, a, b, -1, section);
  sentences(t, a, b, e, p, section);
}


/* Emits a block of plain text t[a..b) of one or more lines (the first a
** reference entry when ref is set); returns the section in force after it.
** A heading may take two lines (a long title, wrapped); a list item is
** never one. */
static long plain_block (const char *t, size_t a, size_t b, size_t lines, int ref,
                         Emitter *e, long section) {
  if (ref)
    emit(e, SINORUS_SEG_REFERENCE, a, b, -1, section);
  else if (lines <= 2 && !is_bullet(t, a, b) && plain_heading(t, a, b))
    section = emit(e, SINORUS_SEG_HEADING, a, b, -1, (long)e->n);
  else
    paragraph(t, a, b, e, section);
  return section;
}


/*
** Segments text[0..len) as format says (SINORUS_TEXT_PLAIN or _MARKDOWN;
** anything else is plain) and writes at most cap segments to segs (NULL
** allowed when cap is 0). Returns the number of segments of the text.
** A heading's section is the heading itself. Hard-wrapped plain text
** (wrap_width) is read in blocks of lines: a line joins the one before
** it when that one runs on into it, unless it starts a list item, or a
** reference entry after a line that ends a sentence or within another
** entry; a blank line ends a block.
*/
SINORUS_API size_t sinorus_segment (const char *text, size_t len, int format,
                                    sinorus_seg *segs, size_t cap) {
  Emitter e;
  size_t ls = 0, wrap = 0, a, b;
  size_t pa = NONE, pb = 0;         /* the markdown paragraph or the block so far */
  size_t lines = 0, prev = 0;       /* the block's lines, its last one's columns */
  int ref = 0;                      /* the block starts a reference entry */
  int open = 0;                     /* its last line ends inside a sentence */
  long section = -1;
  e.segs = segs;
  e.cap = segs ? cap : 0;
  e.n = 0;
  if (text == NULL) return 0;
  if (format != SINORUS_TEXT_MARKDOWN) wrap = wrap_width(text, len);
  while (next_line(text, len, &ls, &a, &b)) {
    if (format == SINORUS_TEXT_MARKDOWN) {
      size_t ha, hb;
      int blank = (a == b), head = 0, entry = 0;
      if (!blank) {
        head = md_heading(text, a, b, &ha, &hb);
        entry = !head && is_reference(text, a, b);
      }
      if ((blank || head || entry) && pa != NONE) {
        paragraph(text, pa, pb, &e, section);
        pa = NONE;
      }
      if (head) {
        if (ha < hb) section = emit(&e, SINORUS_SEG_HEADING, ha, hb, -1, (long)e.n);
      }
      else if (entry)
        emit(&e, SINORUS_SEG_REFERENCE, a, b, -1, section);
      else if (!blank) {
        if (pa == NONE) pa = a;
        pb = b;
      }
    }
    else if (wrap) {
      /* a footnote mark such as "[3]" may start a line inside a sentence,
      ** but not inside a reference entry: there it starts the next one */
      int on = pa != NONE && a < b && runs_on(prev, open, first_word(text, a, b), wrap);
      if (on && (is_bullet(text, a, b) || (is_reference(text, a, b) && (ref || !open)))) on = 0;
      if (pa != NONE && !on) {
        section = plain_block(text, pa, pb, lines, ref, &e, section);
        pa = NONE;
      }
      if (a < b) {
        if (pa == NONE) {
          pa = a;
          lines = 0;
          ref = is_reference(text, a, b);
        }
        pb = b;
        lines++;
        prev = columns(text, a, b);
        open = !ends_sentence(text, a, b);
      }
    }
    else if (a < b)
      section = plain_block(text, a, b, 1, is_reference(text, a, b), &e, section);
  }
  if (pa != NONE) {
    if (wrap) plain_block(text, pa, pb, lines, ref, &e, section);
    else paragraph(text, pa, pb, &e, section);
  }
  return e.n;
}
