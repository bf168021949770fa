/*
** sn_libs.h: the document libraries, loaded on first use.
**
** libxml2 (HTML, DOCX), libzip (DOCX, the .qdpx writer) and poppler-glib
** (PDF) are not linked: each is opened with dlopen the first time a
** document or file needs it, so that a process that reads none pays
** nothing for them. Linked, libxml2 and libzip and what they need (ICU,
** libcrypto, libstdc++) took about 3 ms of every start-up, poppler-glib
** 6 ms (bench/cli.lua). A call goes through the table its loading fills
** in: SN_ZIP(zip_fopen)(...) for zip_fopen(...). Each loader returns NULL
** when the library and every symbol were found, else "<soname> (why
** not)", the same every time; SN_*_SONAME is the library the build
** compiled against (the Makefile reads it from the library).
*/
#ifndef SN_LIBS_H
#define SN_LIBS_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#ifndef SN_XML_SONAME
#define SN_XML_SONAME "libxml2.so.2"
#endif
#ifndef SN_ZIP_SONAME
#define SN_ZIP_SONAME "libzip.so.4"
#endif

/* (xmlFree is a variable that holds a function) */
#define SN_XML_FUNCS(X) \
  X(htmlReadMemory) X(xmlReadMemory) X(xmlDocGetRootElement) X(xmlFreeDoc) \
  X(xmlNodeGetContent) X(xmlGetNsProp) X(xmlGetProp) X(xmlFree)

#define SN_ZIP_FUNCS(X) \
  X(zip_close) X(zip_discard) X(zip_error_fini) X(zip_error_init) \
  X(zip_error_strerror) X(zip_fclose) X(zip_file_add) X(zip_file_set_dostime) \
  X(zip_fopen) X(zip_fread) X(zip_open_from_source) X(zip_source_buffer) \
  X(zip_source_buffer_create) X(zip_source_close) X(zip_source_error) \
  X(zip_source_free) X(zip_source_keep) X(zip_source_open) X(zip_source_read) \
  X(zip_source_stat) X(zip_stat_init) X(zip_strerror)

#define SN_LIB_PTR(f) __typeof__(&f) f;
typedef struct sn_xml_api { SN_XML_FUNCS(SN_LIB_PTR) } sn_xml_api;
typedef struct sn_zip_api { SN_ZIP_FUNCS(SN_LIB_PTR) } sn_zip_api;

extern sn_xml_api sn_xml;
extern sn_zip_api sn_zip;
const char *sn_xml_load(void);
const char *sn_zip_load(void);

#define SN_XML(f) (*sn_xml.f)
#define SN_ZIP(f) (*sn_zip.f)

/*
** The loader each library's uses: opens lib->soname once (under a lock
** of the process) and calls fill(lib, handle), which looks up each
** symbol with sn_lib_sym; NULL when all were found, else "<soname>
** (why not)".
*/
typedef struct sn_lib {
  const char *soname;
  int tried;
  char err[200];
} sn_lib;
const char *sn_lib_load(sn_lib *lib, void (*fill)(sn_lib *lib, void *h));
void sn_lib_sym(sn_lib *lib, void *h, const char *name, void **slot);

/* The table sn_<name> of the functions FUNCS (of type sn_<name>_api, a
** struct of SN_LIB_PTR), the library and its loader sn_<name>_load. */
#define SN_LIB_SYM(f) sn_lib_sym(lib, h, #f, (void **)&api->f);
#define SN_LIB_DEFINE(name, soname, FUNCS) \
  sn_##name##_api sn_##name; \
  static sn_lib name##_lib = { soname, 0, "" }; \
  static void name##_fill (sn_lib *lib, void *h) { \
    sn_##name##_api *api = &sn_##name; \
    FUNCS(SN_LIB_SYM) \
  } \
  const char *sn_##name##_load (void) { \
    return sn_lib_load(&name##_lib, name##_fill); \
  }

#endif
