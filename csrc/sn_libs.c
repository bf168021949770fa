/*
** sn_libs.c: the document libraries, loaded on first use (sn_libs.h).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include <dlfcn.h>
#include <pthread.h>

#include "sn_libs.h"

static pthread_mutex_t lib_lock = PTHREAD_MUTEX_INITIALIZER;


/* See sn_libs.h. */
const char *sn_lib_load (sn_lib *lib, void (*fill)(sn_lib *lib, void *h)) {
  pthread_mutex_lock(&lib_lock);
  if (!lib->tried) {
    void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
    lib->tried = 1;
    if (h == NULL) {
      const char *e = dlerror();
      snprintf(lib->err, sizeof lib->err, "%s (%s)", lib->soname,
               e ? e : "cannot be loaded");
    }
    /* (the library stays loaded for the process: it may keep state) */
    else fill(lib, h);
  }
  pthread_mutex_unlock(&lib_lock);
  return lib->err[0] != '\0' ? lib->err : NULL;
}


/* See sn_libs.h. */
void sn_lib_sym (sn_lib *lib, void *h, const char *name, void **slot) {
  if (lib->err[0] == '\0' && (*slot = dlsym(h, name)) == NULL)
    snprintf(lib->err, sizeof lib->err, "%s (it has no %s)", lib->soname, name);
}


#define SN_LIB_SYM(f) sn_lib_sym(lib, h, #f, (void **)&api->f);

sn_xml_api sn_xml;
static sn_lib xml_lib = { SN_XML_SONAME, 0, "" };

static void xml_fill (sn_lib *lib, void *h) {
  sn_xml_api *api = &sn_xml;
  SN_XML_FUNCS(SN_LIB_SYM)
}

/* See sn_libs.h. */
const char *sn_xml_load (void) {
  return sn_lib_load(&xml_lib, xml_fill);
}


sn_zip_api sn_zip;
static sn_lib zip_lib = { SN_ZIP_SONAME, 0, "" };

static void zip_fill (sn_lib *lib, void *h) {
  sn_zip_api *api = &sn_zip;
  SN_ZIP_FUNCS(SN_LIB_SYM)
}

/* See sn_libs.h. */
const char *sn_zip_load (void) {
  return sn_lib_load(&zip_lib, zip_fill);
}
