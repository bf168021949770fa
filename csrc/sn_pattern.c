/*
** sn_pattern.c: the cost of a Lua pattern call, replayed step for step
** (see sn_pattern.h). The rules are those of Lua 5.4's lstrlib.c
** (classes, sets, captures, back references, %b, %f, anchors, the depth
** limit of 200 and 32 captures); what differs is that a malformed pattern
** or a step past the allowance ends the replay instead of raising.
*/
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "sn_pattern.h"


static double now (void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define PM_ESC '%'
#define PM_MAXCAP 32          /* LUA_MAXCAPTURES */
#define PM_MAXDEPTH 200       /* MAXCCALLS of lstrlib.c */
#define PM_UNFINISHED (-1)
#define PM_POSITION (-2)
#define PM_CLOCK 65536        /* steps between two looks at the clock */

typedef struct PMState {
  const char *src, *src_end, *p_end;
  int depth, level;
  struct { const char *init; ptrdiff_t len; } cap[PM_MAXCAP];
  long long steps, cap_steps;     /* done, allowed */
  double stop;                    /* monotonic time to give up; 0: none */
  int abort;                      /* 1: a malformed pattern, 2: too costly */
  int whole;                      /* gsub: Lua may use the whole match only */
} PMState;


/* Counts one step; gives up past the allowed steps or time. */
static int pm_step (PMState *ms) {
  if (ms->abort) return 0;
  if (++ms->steps > ms->cap_steps) ms->abort = 2;
  else if (ms->stop > 0 && (ms->steps & (PM_CLOCK - 1)) == 0
           && now() > ms->stop) ms->abort = 2;
  return !ms->abort;
}

static int pm_class (int c, int cl) {
  int r;
  switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = c == 0; break;          /* deprecated, still in 5.4 */
    default: return cl == c;
  }
  if (isupper(cl)) r = !r;
  return r;
}

/* The end of the single-character class at p; NULL when malformed. */
static const char *pm_class_end (PMState *ms, const char *p) {
  switch (*p++) {
    case PM_ESC:
      if (p == ms->p_end) return NULL;
      return p + 1;
    case '[':
      if (*p == '^') p++;
      do {
        if (p == ms->p_end) return NULL;
        if (*(p++) == PM_ESC && p < ms->p_end) p++;
      } while (*p != ']');
      return p + 1;
    default:
      return p;
  }
}

/* Whether c is in the set [...] from p to its ']' at ec. */
static int pm_set (int c, const char *p, const char *ec) {
  int in = 1;
  if (*(p + 1) == '^') {
    in = 0;
    p++;
  }
  while (++p < ec) {
    if (*p == PM_ESC) {
      p++;
      if (pm_class(c, (unsigned char)*p)) return in;
    }
    else if (*(p + 1) == '-' && p + 2 < ec) {
      p += 2;
      if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p) return in;
    }
    else if ((unsigned char)*p == c) return in;
  }
  return !in;
}

static int pm_single (PMState *ms, const char *s, const char *p,
                      const char *ep) {
  int c;
  if (!pm_step(ms) || s >= ms->src_end) return 0;
  c = (unsigned char)*s;
  switch (*p) {
    case '.': return 1;
    case PM_ESC: return pm_class(c, (unsigned char)*(p + 1));
    case '[': return pm_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
  }
}

static const char *pm_match (PMState *ms, const char *s, const char *p);

static const char *pm_balance (PMState *ms, const char *s, const char *p) {
  int cont = 1, b, e;
  if (p >= ms->p_end - 1) {
    ms->abort = 1;
    return NULL;
  }
  if (s >= ms->src_end || *s != *p) return NULL;
  b = *p;
  e = *(p + 1);
  while (++s < ms->src_end) {
    if (!pm_step(ms)) return NULL;
    if (*s == e) {
      if (--cont == 0) return s + 1;
    }
    else if (*s == b) cont++;
  }
  return NULL;
}

static const char *pm_max_expand (PMState *ms, const char *s, const char *p,
                                  const char *ep) {
  ptrdiff_t i = 0;
  while (pm_single(ms, s + i, p, ep)) i++;
  while (i >= 0 && !ms->abort) {
    const char *r = pm_match(ms, s + i, ep + 1);
    if (r != NULL) return r;
    i--;
  }
  return NULL;
}

static const char *pm_min_expand (PMState *ms, const char *s, const char *p,
                                  const char *ep) {
  for (;;) {
    const char *r = pm_match(ms, s, ep + 1);
    if (r != NULL) return r;
    if (ms->abort || !pm_single(ms, s, p, ep)) return NULL;
    s++;
  }
}

static const char *pm_start_capture (PMState *ms, const char *s,
                                     const char *p, ptrdiff_t what) {
  const char *r;
  if (ms->level >= PM_MAXCAP) {
    ms->abort = 1;
    return NULL;
  }
  ms->cap[ms->level].init = s;
  ms->cap[ms->level].len = what;
  ms->level++;
  if ((r = pm_match(ms, s, p)) == NULL) ms->level--;
  return r;
}

static const char *pm_end_capture (PMState *ms, const char *s,
                                   const char *p) {
  int l;
  const char *r;
  for (l = ms->level - 1; l >= 0; l--)
    if (ms->cap[l].len == PM_UNFINISHED) break;
  if (l < 0) {
    ms->abort = 1;
    return NULL;
  }
  ms->cap[l].len = s - ms->cap[l].init;
  if ((r = pm_match(ms, s, p)) == NULL) ms->cap[l].len = PM_UNFINISHED;
  return r;
}

static const char *pm_back (PMState *ms, const char *s, int l) {
  ptrdiff_t len;
  l -= '1';
  if (l < 0 || l >= ms->level || ms->cap[l].len == PM_UNFINISHED) {
    ms->abort = 1;
    return NULL;
  }
  len = ms->cap[l].len;
  ms->steps += len > 0 ? len / 16 : 0;
  if (len >= 0 && ms->src_end - s >= len
      && memcmp(ms->cap[l].init, s, (size_t)len) == 0)
    return s + len;
  return NULL;
}

/* Lua's match(), counting: the end of the match of p at s, or NULL. */
static const char *pm_match (PMState *ms, const char *s, const char *p) {
  if (ms->abort) return NULL;
  if (ms->depth-- == 0) {
    ms->abort = 1;
    return NULL;
  }
  for (;;) {
    if (!pm_step(ms)) {
      s = NULL;
      break;
    }
    if (p == ms->p_end) break;
    if (*p == '(') {
      if (*(p + 1) == ')') s = pm_start_capture(ms, s, p + 2, PM_POSITION);
      else s = pm_start_capture(ms, s, p + 1, PM_UNFINISHED);
      break;
    }
    if (*p == ')') {
      s = pm_end_capture(ms, s, p + 1);
      break;
    }
    if (*p == '$' && p + 1 == ms->p_end) {
      if (s != ms->src_end) s = NULL;
      break;
    }
    if (*p == PM_ESC && *(p + 1) == 'b') {
      s = pm_balance(ms, s, p + 2);
      if (s == NULL) break;
      p += 4;
      continue;
    }
    if (*p == PM_ESC && *(p + 1) == 'f') {
      const char *ep;
      int prev;
      p += 2;
      if (*p != '[' || (ep = pm_class_end(ms, p)) == NULL) {
        ms->abort = 1;
        s = NULL;
        break;
      }
      prev = s == ms->src ? '\0' : (unsigned char)*(s - 1);
      if (!pm_set(prev, p, ep - 1)
          && pm_set(s < ms->src_end ? (unsigned char)*s : '\0', p, ep - 1)) {
        p = ep;
        continue;
      }
      s = NULL;
      break;
    }
    if (*p == PM_ESC && isdigit((unsigned char)*(p + 1))) {
      s = pm_back(ms, s, (unsigned char)*(p + 1));
      if (s == NULL) break;
      p += 2;
      continue;
    }
    {
      const char *ep = pm_class_end(ms, p);
      if (ep == NULL) {
        ms->abort = 1;
        s = NULL;
        break;
      }
      if (!pm_single(ms, s, p, ep)) {
        if (*ep == '*' || *ep == '?' || *ep == '-') {
          p = ep + 1;
          continue;
        }
        s = NULL;
        break;
      }
      if (*ep == '?') {
        const char *r = pm_match(ms, s + 1, ep + 1);
        if (r != NULL) {
          s = r;
          break;
        }
        p = ep + 1;
        continue;
      }
      if (*ep == '+') s = pm_max_expand(ms, s + 1, p, ep);
      else if (*ep == '*') s = pm_max_expand(ms, s, p, ep);
      else if (*ep == '-') s = pm_min_expand(ms, s, p, ep);
      else {
        s++;
        p = ep;
        continue;
      }
      break;
    }
  }
  ms->depth++;
  return s;
}

/* Lua's posrelatI: a start position in 1..len+1 (or past it). */
static size_t pm_start (long long pos, size_t len) {
  if (pos > 0) return (size_t)pos;
  if (pos == 0 || pos < -(long long)len) return 1;
  return len + (size_t)pos + 1;
}

/* Replays one attempt of p at s, fresh captures. A match that leaves a
** capture unfinished ("(a") is where Lua raises "unfinished capture" when
** it pushes the captures; gsub with a string replacement uses the whole
** match only and goes on, so its replay goes on too (counting more steps
** than a gsub that raises there does). */
static const char *pm_try (PMState *ms, const char *s, const char *p) {
  const char *e;
  int i;
  ms->level = 0;
  ms->depth = PM_MAXDEPTH;
  e = pm_match(ms, s, p);
  for (i = 0; e != NULL && !ms->whole && i < ms->level; i++)
    if (ms->cap[i].len == PM_UNFINISHED) {
      ms->abort = 1;
      return NULL;
    }
  return e;
}


/* Whether p has none of the characters that make a pattern (a find of
** such a pattern is a plain find in Lua too). */
static int pm_plain (const char *p, size_t lp) {
  size_t i;
  for (i = 0; i < lp; i++)
    if (memchr("^$*+?.([%-", p[i], 10) != NULL) return 0;
  return 1;
}

/* A plain find of p from s1, counting a step per position tried and one
** per 16 bytes compared. */
static void pm_find_plain (PMState *ms, const char *s, const char *s1,
                           const char *p, size_t lp, sn_pattern_run *r) {
  if (lp == 0) {
    r->count = 1;
    r->start = (size_t)(s1 - s) + 1;
    r->end = r->start - 1;
    return;
  }
  for (; (size_t)(ms->src_end - s1) >= lp; s1++) {
    if (!pm_step(ms)) return;
    if (*s1 == *p) {
      ms->steps += (long long)(lp / 16);
      if (memcmp(s1, p, lp) == 0) {
        r->count = 1;
        r->start = (size_t)(s1 - s) + 1;
        r->end = r->start + lp - 1;
        return;
      }
    }
  }
}

void sn_pattern_replay (int what, const char *s, size_t ls, const char *p,
                        size_t lp, long long arg, int has_arg,
                        sn_pattern_run *r) {
  PMState ms;
  memset(&ms, 0, sizeof ms);
  ms.src = s;
  ms.src_end = s + ls;
  ms.p_end = p + lp;
  ms.cap_steps = r->max_steps;
  ms.stop = r->stop;
  r->count = 0;
  r->start = r->end = 0;
  if (what == SN_PAT_FIND || what == SN_PAT_MATCH) {
    size_t init = pm_start(has_arg ? arg : 1, ls) - 1;
    int anchor = *p == '^';
    const char *s1 = s + (init <= ls ? init : ls);
    if (init <= ls && what == SN_PAT_FIND && pm_plain(p, lp))
      pm_find_plain(&ms, s, s1, p, lp, r);
    else if (init <= ls) {
      if (anchor) p++;
      do {
        const char *e = pm_try(&ms, s1, p);
        if (e != NULL) {
          r->count = 1;
          r->start = (size_t)(s1 - s) + 1;
          r->end = (size_t)(e - s);
          break;
        }
      } while (s1++ < ms.src_end && !anchor && !ms.abort);
    }
  }
  else if (what == SN_PAT_GMATCH) {
    size_t init = pm_start(has_arg ? arg : 1, ls) - 1;
    const char *src = s + (init > ls ? ls + 1 : init), *last = NULL;
    while (src <= ms.src_end && !ms.abort) {
      const char *e = pm_try(&ms, src, p);
      if (e != NULL && e != last) {
        r->count++;
        src = last = e;
      }
      else src++;
    }
  }
  else {
    int anchor = *p == '^';
    long long max = has_arg ? arg : (long long)ls + 1;
    const char *src = s, *last = NULL;
    ms.whole = 1;
    if (anchor) p++;
    while (r->count < max && !ms.abort) {
      const char *e = pm_try(&ms, src, p);
      if (e != NULL && e != last) {
        r->count++;
        src = last = e;
      }
      else if (src < ms.src_end) src++;
      else break;
      if (anchor) break;
    }
  }
  r->steps = ms.steps;
  r->status = ms.abort == 1 ? SN_PAT_MALFORMED
            : ms.abort == 2 ? SN_PAT_COSTLY : SN_PAT_OK;
}
