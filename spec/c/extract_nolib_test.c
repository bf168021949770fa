/*
** extract_nolib_test.c: reading a PDF, an HTML or a DOCX file, or writing
** a .qdpx file, where the library it needs cannot be loaded (sn_libs.h:
** poppler-glib, libxml2 and libzip are loaded on first use) is a clear
** error, every time, and the other formats still read. Compiled with
** sn_extract.c and sn_libs.c themselves, told to load libraries that do
** not exist (the Makefile links it without their objects).
*/
#undef SN_POPPLER_SONAME
#define SN_POPPLER_SONAME "libsinorus-test-no-such-library.so.0"
#undef SN_XML_SONAME
#define SN_XML_SONAME "libsinorus-test-no-such-xml.so.0"
#undef SN_ZIP_SONAME
#define SN_ZIP_SONAME "libsinorus-test-no-such-zip.so.0"
#include "../../csrc/sn_libs.c"
#include "../../csrc/sn_extract.c"

#include "sinorus_graph.h"
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
  for (i = 0; i < 2; i++) {
    static const struct { const char *path; int fmt; const char *want; } other[] = {
      { "spec/fixtures/formats/zh.docx", SN_FMT_DOCX, "reading DOCX needs "
        "libsinorus-test-no-such-zip.so.0 (" },
      { "spec/fixtures/formats/ru-cp1251.html", SN_FMT_HTML, "reading HTML needs "
        "libsinorus-test-no-such-xml.so.0 (" },
    };
    size_t k;
    for (k = 0; k < sizeof other / sizeof other[0]; k++) {
      size_t len = 0;
      char *data = slurp(other[k].path, &len);
      sn_doc doc;
      int st;
      CHECK(data != NULL && len > 0, "the fixture %s", other[k].path);
      memset(&doc, 0, sizeof doc);
      err[0] = '\0';
      st = data ? sn_extract(data, len, other[k].fmt, NULL, &doc, err, sizeof err) : -1;
      CHECK(st == SN_X_CORRUPT, "%s: status %d", other[k].path, st);
      CHECK(strstr(err, other[k].want) == err, "message: %s", err);
      sn_doc_free(&doc);
      free(data);
    }
  }
  {
    sinorus_qda_source src = { "s", "Source", "text", 4 };
    const char *out = "build/test/extract_nolib_test.qdpx";
    int st;
    remove(out);
    err[0] = '\0';
    st = sinorus_write_qdpx(out, "p", NULL, 0, &src, 1, NULL, 0, err, sizeof err);
    CHECK(st == SINORUS_ERROR, "qdpx: status %d", st);
    CHECK(strstr(err, "writing .qdpx needs libsinorus-test-no-such-zip.so.0 (") != NULL,
          "message: %s", err);
    CHECK(fopen(out, "rb") == NULL, "no file written");
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
