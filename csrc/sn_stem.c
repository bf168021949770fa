/*
** sn_stem.c: what the search tokenizer (sn_fts.c) and the mention
** matcher (sn_match.c) share about languages: which characters are
** written without spaces between words (CJK), and Snowball stems of
** English and Russian words (libstemmer).
**
** A word is stemmed in the language of the script most of its letters
** are in: Cyrillic (Russian) or Latin (English); a word with neither, or
** in a language the caller did not ask for, has no stem. Folding maps
** Cyrillic letters that look like Latin ones to Latin (sn_fold.c), which
** would feed the Russian stemmer half-Latin words, so the stemmer reads
** the word folded except that Cyrillic letters stay Cyrillic, lowered,
** with ё as е; its stem is then folded as any text is, so a stem is in
** the same alphabet as the tokens and patterns it is compared with.
*/
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "sinorus.h"
#include "sn_internal.h"


/* See sn_internal.h. */
int sn_is_cjk (uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF)     /* kana */
      || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
      || (cp >= 0xAC00 && cp <= 0xD7AF)     /* Hangul syllables */
      || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}


/* See sn_internal.h. */
uint32_t sn_utf8_cp (const char *s, int n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n <= 0) return 0xFFFD;
  if (u[0] < 0x80) return u[0];
  if (n == 2) return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
  if (n == 3) return ((uint32_t)(u[0] & 0x0F) << 12)
                   | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  if (n == 4) return ((uint32_t)(u[0] & 0x07) << 18)
                   | ((uint32_t)(u[1] & 0x3F) << 12)
                   | ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
  return 0xFFFD;
}


/* The stems of recent short words, by a hash of the stemmer's input:
** the same words come back all the time, and Snowball costs more than
** the rest of the tokenizer (a cache makes an English import 1.5x
** faster). A slot holds a word of at most CACHE_WORD bytes. */
#define CACHE_SLOTS 2048
#define CACHE_WORD 30

typedef struct Slot {
  unsigned char nin, nout;       /* nin 0: empty */
  unsigned char lang;
  char in[CACHE_WORD];
  char out[CACHE_WORD];
} Slot;

struct sn_stemmer {
  struct sb_stemmer *lang[SN_LANG_COUNT];
  char in[4 * SN_TOKEN_MAX + 8];
  Slot cache[CACHE_SLOTS];
};

static const char *const lang_names[SN_LANG_COUNT] = { "english", "russian" };


/* See sn_internal.h. */
int sn_lang_of_name (const char *name) {
  int i;
  for (i = 0; i < SN_LANG_COUNT; i++)
    if (strcmp(name, lang_names[i]) == 0) return i;
  return -1;
}


/* See sn_internal.h. */
sn_stemmer *sn_stemmer_new (unsigned langs) {
  sn_stemmer *st = (sn_stemmer *)calloc(1, sizeof(sn_stemmer));
  int i;
  if (st == NULL) return NULL;
  for (i = 0; i < SN_LANG_COUNT; i++)
    if (langs & (1u << i)) {
      st->lang[i] = sb_stemmer_new(lang_names[i], "UTF_8");
      if (st->lang[i] == NULL) { sn_stemmer_free(st); return NULL; }
    }
  return st;
}


/* See sn_internal.h. */
void sn_stemmer_free (sn_stemmer *st) {
  int i;
  if (st == NULL) return;
  for (i = 0; i < SN_LANG_COUNT; i++)
    if (st->lang[i]) sb_stemmer_delete(st->lang[i]);
  free(st);
}


/* See sn_internal.h. */
int sn_stem (sn_stemmer *st, const char *s, size_t ws, size_t we,
             char *out) {
  size_t i = ws, n = 0, m, folded = 0;
  int cyr = 0, lat = 0, lang;
  const sb_symbol *r;
  Slot *slot = NULL;
  while (i < we && n < SN_TOKEN_MAX) {     /* ASCII, the common case */
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) break;
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    if (c >= 'a' && c <= 'z') lat++;
    else if (!(c >= '0' && c <= '9')) break;  /* (not in a word: stop) */
    st->in[n++] = (char)c;
    i++;
  }
  folded = n;
  while (i < we && folded < SN_TOKEN_MAX) {
    size_t start = i;
    char f[4];
    int k = sinorus_fold_char(s, we, &i, f);
    uint32_t cp;
    if (k == 0) continue;                   /* invisible */
    folded += (size_t)k;
    cp = sn_utf8_cp(s + start, (int)(i - start));
    if (cp >= 0x400 && cp <= 0x45F) {       /* Cyrillic, lowered, ё as е */
      if (cp == 0x401 || cp == 0x451) cp = 0x435;
      else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
      else if (cp < 0x410) cp += 0x50;
      st->in[n++] = (char)(0xC0 | (cp >> 6));
      st->in[n++] = (char)(0x80 | (cp & 0x3F));
      cyr++;
      continue;
    }
    if ((f[0] | 0x20) >= 'a' && (f[0] | 0x20) <= 'z') lat++;
    memcpy(st->in + n, f, (size_t)k);
    n += (size_t)k;
  }
  lang = (cyr > lat) ? SN_LANG_RUSSIAN : (lat > 0 ? SN_LANG_ENGLISH : -1);
  if (lang < 0 || st->lang[lang] == NULL) return -1;
  if (n <= CACHE_WORD) {                    /* FNV-1a of the input */
    uint32_t h = 2166136261u ^ (uint32_t)lang;
    size_t k;
    for (k = 0; k < n; k++) h = (h ^ (unsigned char)st->in[k]) * 16777619u;
    slot = &st->cache[h % CACHE_SLOTS];
    if (slot->nin == n && slot->lang == lang && memcmp(slot->in, st->in, n) == 0) {
      memcpy(out, slot->out, slot->nout);
      return slot->nout;
    }
  }
  r = sb_stemmer_stem(st->lang[lang], (const sb_symbol *)st->in, (int)n);
  if (r == NULL) return -2;
  m = (size_t)sb_stemmer_length(st->lang[lang]);
  m = sinorus_fold((const char *)r, m, out, SN_TOKEN_MAX);
  if (m > SN_TOKEN_MAX) m = SN_TOKEN_MAX;   /* never: a stem is shorter */
  if (slot != NULL && m <= CACHE_WORD) {
    slot->nin = (unsigned char)n;
    slot->lang = (unsigned char)lang;
    memcpy(slot->in, st->in, n);
    slot->nout = (unsigned char)m;
    memcpy(slot->out, out, m);
  }
  return (int)m;
}


/* See sn_internal.h. */
const char *sn_script (const char *s, size_t len) {
  size_t i = 0, n[3] = { 0, 0, 0 };
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    int l = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    uint32_t cp;
    if ((size_t)l > len - i) break;
    cp = sn_utf8_cp(s + i, l);
    i += (size_t)l;
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') n[0]++;
    else if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) n[0]++;
    else if (cp >= 0x400 && cp <= 0x52F) n[1]++;
    else if (sn_is_cjk(cp)) n[2]++;
  }
  if (n[0] + n[1] + n[2] == 0) return "Zyyy";
  if (n[2] >= n[0] && n[2] >= n[1]) return "Hani";
  return n[1] > n[0] ? "Cyrl" : "Latn";
}
