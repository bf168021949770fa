/*
** extract_nolib_test.c: reading a PDF where poppler-glib cannot be
** loaded (sn_extract.c loads it when the first PDF is read) is a clear
** error, every time, and the other formats still read. Compiled with
** sn_extract.c itself, told to load a library that does not exist (the
** Makefile links it without build/obj/sn_extract.o).
*/
#undef SN_POPPLER_SONAME
#define SN_POPPLER_SONAME "libsinorus-test-no-such-library.so.0"
#include "../../csrc/sn_extract.c"

#include "check.h"

static char *slurp (const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *b = NULL;
  long len;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0
      && (b = (char *)malloc((size_t)len)) != NULL) {
    *n = fread(b, 1, (size_t)len, f);
  }
  fclose(f);
  return b;
}

int main (void) {
  size_t n = 0;
  char *pdf = slurp("spec/fixtures/formats/en.pdf", &n);
  char err[256];
  int i;
  CHECK(pdf != NULL && n > 0, "the PDF fixture");
  for (i = 0; pdf != NULL && i < 2; i++) {       /* the second from the once */
    sn_doc doc;
    int st;
    memset(&doc, 0, sizeof doc);
    err[0] = '\0';
    st = sn_extract(pdf, n, SN_FMT_PDF, NULL, &doc, err, sizeof err);
    CHECK(st == SN_X_CORRUPT, "status %d", st);
    CHECK(strstr(err, "reading PDF needs libsinorus-test-no-such-library.so.0 (") == err,
          "message: %s", err);
    sn_doc_free(&doc);
  }
  {
    sn_doc doc;
    const char *md = "# Title\n\nSome text.\n";
    memset(&doc, 0, sizeof doc);
    CHECK(sn_extract(md, strlen(md), SN_FMT_MARKDOWN, NULL, &doc, err, sizeof err) == SN_X_OK,
          "markdown: %s", err);
    sn_doc_free(&doc);
  }
  free(pdf);
  printf("extract_nolib_test: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
