/*
** fuzz_extract.c: the text of document files (sn_extract).
**
** The first byte of the input picks the format (its low 3 bits mod 5, in the
** order of the SN_FMT_ values) and, for text formats, whether an
** encoding is given (bit 3: WINDOWS-1251; bit 4: GB18030); the rest is
** the file. Checks, for any bytes: a success gives valid UTF-8 text with
** no NUL and no control character but tab, line feed and form feed,
** that ends in a line feed unless it is a text file's own, pages in
** order within the text; a failure gives a message and a known kind, and
** an encoding failure an offset inside the input. ASan checks that
** neither leaks.
*/
#include <string.h>

#include "sn_extract.h"
#include "fuzz.h"


/* The offset of the first byte of s[0..n) that is not valid UTF-8, or n. */
static size_t bad_utf8 (const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xC2 && s[i] < 0xE0 ? 2
               : s[i] >= 0xE0 && s[i] < 0xF0 ? 3 : s[i] >= 0xF0 && s[i] < 0xF5 ? 4 : 0;
    size_t k;
    if (len == 0 || n - i < len) return i;
    for (k = 1; k < len; k++)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return n;
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  sn_doc doc;
  char err[256];
  int format, st;
  const char *enc = NULL;
  size_t i;
  if (size < 1) return 0;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  format = (data[0] & 7) % 5;
  if (format <= SN_FMT_MARKDOWN && (data[0] & 8)) enc = "WINDOWS-1251";
  if (format <= SN_FMT_MARKDOWN && (data[0] & 16)) enc = "GB18030";
  memset(&doc, 0, sizeof doc);
  err[0] = '\0';
  st = sn_extract((const char *)data + 1, size - 1, format, enc, &doc, err, sizeof err);
  if (st == SN_X_OK) {
    const unsigned char *t = (const unsigned char *)doc.text.p;
    FUZZ_CHECK(doc.text.n > 0 && t != NULL, "success with no text");
    FUZZ_CHECK(bad_utf8(t, doc.text.n) == doc.text.n, "text not UTF-8 at %zu",
               bad_utf8(t, doc.text.n));
    for (i = 0; i < doc.text.n; i++)
      FUZZ_CHECK(t[i] >= 0x20 || t[i] == '\t' || t[i] == '\n' || t[i] == '\f',
                 "control byte %u at %zu", t[i], i);
    if (format > SN_FMT_MARKDOWN)
      FUZZ_CHECK(t[doc.text.n - 1] == '\n', "no final line feed");
    for (i = 0; i < doc.npages; i++) {
      FUZZ_CHECK(doc.pages[i] <= doc.text.n, "page %zu starts past the text", i);
      if (i > 0) FUZZ_CHECK(doc.pages[i] >= doc.pages[i - 1], "page %zu out of order", i);
    }
  } else {
    FUZZ_CHECK(st > SN_X_OK && st <= SN_X_EMPTY, "status %d", st);
    FUZZ_CHECK(err[0] != '\0', "failure %d with no message", st);
    if (doc.has_bad) FUZZ_CHECK(doc.bad < size - 1, "bad offset %zu of %zu", doc.bad, size - 1);
  }
  sn_doc_free(&doc);
  return 0;
}
