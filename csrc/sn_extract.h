/*
** sn_extract.h: the text of a document file (HTML, PDF, DOCX, plain
** text or Markdown in one of the supported encodings), as UTF-8 with its
** metadata and pages (sn_extract.c).
*/
#ifndef SN_EXTRACT_H
#define SN_EXTRACT_H

#include <stddef.h>

#include "sn_internal.h"

/* The formats a document file can have. */
enum {
  SN_FMT_TEXT,       /* plain text */
  SN_FMT_MARKDOWN,   /* Markdown: "# " headings */
  SN_FMT_HTML,
  SN_FMT_PDF,
  SN_FMT_DOCX
};

/* Results: SN_X_OK or the kind of failure (err says more). */
enum {
  SN_X_OK,
  SN_X_NOMEM,        /* out of memory */
  SN_X_ENCODING,     /* the bytes do not decode (bad: the first bad byte) */
  SN_X_CORRUPT,      /* not a readable file of its format */
  SN_X_TOOBIG,       /* past SN_EXTRACT_MAX (a zip bomb, say) */
  SN_X_EMPTY         /* decodes, but holds no text */
};

/* The most text (in bytes) an extraction produces, and the most bytes
** one member of a DOCX file may inflate to. */
#ifndef SN_EXTRACT_MAX
#define SN_EXTRACT_MAX ((size_t)256 << 20)
#endif

/* A growable byte buffer; oom is set once a growth failed. */
typedef struct sn_buf {
  char *p;
  size_t n, cap;
  int oom;
} sn_buf;

/* What an extraction gives: text (UTF-8, LF line ends), whether it is
** Markdown (headings as "# " lines) or plain, the metadata found (each
** NULL or a malloc'd UTF-8 string) and, for PDF, the byte offset where
** each page's text starts in text (page i runs to the start of page
** i + 1, the last to the end of text). */
typedef struct sn_doc {
  sn_buf text;
  int markdown;
  char *title, *author, *date;
  size_t *pages;
  size_t npages;
  const char *encoding;   /* the encoding decoded (static), or NULL */
  size_t bad;             /* SN_X_ENCODING: offset (from 0) of the first bad byte, */
  int has_bad;            /* when has_bad is set */
} sn_doc;

/* The encodings that detection chooses among, NULL-terminated. */
SN_INTERNAL extern const char *const sn_encodings[];

/*
** Extracts the text of data[0..n) read as format; encoding names the
** encoding of text formats (and overrides an HTML document's own
** declaration) or is NULL to detect it. doc must be zeroed; it is
** filled in either way, and sn_doc_free releases it. Returns SN_X_OK or
** a failure with a message in err.
*/
SN_INTERNAL int sn_extract(const char *data, size_t n, int format,
                           const char *encoding, sn_doc *doc, char *err,
                           size_t errlen);

/* Releases what an extraction allocated (doc is zeroed). */
SN_INTERNAL void sn_doc_free(sn_doc *doc);

/* A 64-bit hash of text with runs of white space as one space and none
** at either end (two documents differing only in spacing hash alike). */
SN_INTERNAL unsigned long long sn_text_hash(const char *s, size_t n);

#endif
