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


SN_LIB_DEFINE(xml, SN_XML_SONAME, SN_XML_FUNCS)
SN_LIB_DEFINE(zip, SN_ZIP_SONAME, SN_ZIP_FUNCS)
