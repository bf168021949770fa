/*
** fuzz_fold.c: folding (sinorus_fold, sinorus_fold_char, sinorus_is_word).
**
** Checks, for any bytes: the folded length never exceeds the input's;
** a call with a short buffer writes a prefix of the full result and
** returns the same length; folding character by character gives the
** same bytes; the result is valid UTF-8; folding is idempotent.
*/
#include <string.h>

#include "sinorus.h"
#include "fuzz.h"


/* The length of the valid UTF-8 character at s[0..n), or 0. */
static size_t utf8_len (const unsigned char *s, size_t n) {
  if (s[0] < 0x80) return 1;
  if (s[0] >= 0xC2 && s[0] < 0xE0)
    return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (s[0] >= 0xE0 && s[0] < 0xF0) {
    unsigned lo = s[0] == 0xE0 ? 0xA0 : 0x80, hi = s[0] == 0xED ? 0x9F : 0xBF;
    return (n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80)
           ? 3 : 0;
  }
  if (s[0] >= 0xF0 && s[0] < 0xF5) {
    unsigned lo = s[0] == 0xF0 ? 0x90 : 0x80, hi = s[0] == 0xF4 ? 0x8F : 0xBF;
    return (n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80
            && (s[3] & 0xC0) == 0x80) ? 4 : 0;
  }
  return 0;
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t n, n2, cut, i, pos, o;
  char *out, *again, *bychar;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  n = sinorus_fold(s, size, NULL, 0);
  FUZZ_CHECK(n <= size, "folded length %zu > input length %zu", n, size);
  out = malloc(n + 1);
  again = malloc(n + 1);
  bychar = malloc(size * 4 + 1);
  if (!out || !again || !bychar) abort();
  FUZZ_CHECK(sinorus_fold(s, size, out, n) == n, "length changed with room");

  cut = size ? data[0] % (n + 1) : 0;       /* a short buffer: a prefix */
  memset(again, 0x5A, n + 1);
  FUZZ_CHECK(sinorus_fold(s, size, again, cut) == n, "length changed when cut");
  FUZZ_CHECK(memcmp(again, out, cut) == 0, "cut result is not a prefix");
  FUZZ_CHECK((unsigned char)again[cut] == 0x5A, "wrote past outlen %zu", cut);

  for (pos = 0, o = 0; pos < size; ) {      /* character by character */
    size_t before = pos;
    int k = sinorus_fold_char(s, size, &pos, bychar + o);
    FUZZ_CHECK(k >= 0 && k <= 4, "fold_char returned %d", k);
    FUZZ_CHECK(pos > before && pos <= size, "fold_char did not advance");
    if (k > 0) (void)sinorus_is_word(bychar + o, k);
    o += (size_t)k;
  }
  FUZZ_CHECK(o == n && memcmp(bychar, out, n) == 0,
             "fold_char and fold disagree (%zu vs %zu bytes)", o, n);
  {
    size_t end = size;
    char f[4];
    FUZZ_CHECK(sinorus_fold_char(s, size, &end, f) == 0 && end == size,
               "fold_char past the end");
  }

  for (i = 0; i < n; ) {                    /* valid UTF-8 */
    size_t k = utf8_len((const unsigned char *)out + i, n - i);
    FUZZ_CHECK(k > 0, "invalid UTF-8 at folded byte %zu", i);
    (void)sinorus_is_word(out + i, (int)k);
    i += k;
  }

  n2 = sinorus_fold(out, n, again, n);      /* idempotent */
  FUZZ_CHECK(n2 == n && memcmp(again, out, n) == 0, "folding is not idempotent");
  free(out);
  free(again);
  free(bychar);
  return 0;
}
