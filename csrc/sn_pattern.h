/*
** sn_pattern.h: the cost of a Lua pattern call, replayed (sn_pattern.c).
**
** Lua's pattern matcher (lstrlib.c) backtracks in C, where no hook runs:
** ".-b" takes n^2 steps on n bytes without a "b", and each further
** quantifier multiplies by n. sn_pattern_replay replays a call of
** string.find, match, gmatch (the whole iteration) or gsub by a matcher
** that follows the rules of Lua 5.4's step for step, counting its steps
** and giving up past a number of steps or a time, and reports what the
** call finds. The sandbox (csrc/lsandbox.c) charges the steps before the
** real call; fuzz/fuzz_pattern.c checks the findings against Lua's.
** Pure C, no Lua headers; reentrant; never allocates.
*/
#ifndef SN_PATTERN_H
#define SN_PATTERN_H

#include <stddef.h>

#if defined(__GNUC__)
#define SN_PATTERN_API __attribute__((visibility("hidden")))
#else
#define SN_PATTERN_API
#endif

enum { SN_PAT_FIND, SN_PAT_MATCH, SN_PAT_GMATCH, SN_PAT_GSUB };
enum { SN_PAT_OK, SN_PAT_MALFORMED, SN_PAT_COSTLY };

typedef struct sn_pattern_run {
  long long max_steps;   /* in: give up past this many steps */
  double stop;           /* in: CLOCK_MONOTONIC seconds to give up at; 0: never */
  long long steps;       /* out: steps taken */
  int status;            /* out: SN_PAT_*; MALFORMED: Lua raises an error
                            for this pattern (at the step it is found) */
  long long count;       /* out: matches (gmatch, gsub) */
  size_t start, end;     /* out: find/match: the first match, 1-based,
                            inclusive (end = start - 1 when empty); 0, 0
                            when none */
} sn_pattern_run;

/*
** Replays the call what (SN_PAT_*) on subject s (ls bytes, s[ls] must be
** readable and '\0', as in a Lua string) with pattern p (lp bytes, same),
** and arg: find/match/gmatch's init, gsub's max_n (has_arg 0: absent).
** A find is replayed as a pattern find (the caller handles plain finds).
*/
SN_PATTERN_API void sn_pattern_replay (int what, const char *s, size_t ls,
                                       const char *p, size_t lp,
                                       long long arg, int has_arg,
                                       sn_pattern_run *r);

#endif
