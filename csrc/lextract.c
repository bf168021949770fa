/*
** lextract.c: the Lua binding of sn_extract (document files as text).
**
** The extraction result lives in a userdata whose __gc frees it, so
** nothing is held only in a C local while the results are pushed.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lsn.h"
#include "sn_extract.h"

#define DOC_TNAME "sinorus.ExtractedDoc"

/* The format names, in the order of the SN_FMT_ values. */
static const char *const FORMATS[] = {
  "text", "markdown", "html", "pdf", "docx", NULL
};

/* The failure kinds, in the order of the SN_X_ values. */
static const char *const KINDS[] = {
  "ok", "memory", "encoding", "corrupt", "too_big", "empty"
};

static int doc_gc (lua_State *L) {
  sn_doc *doc = (sn_doc *)luaL_checkudata(L, 1, DOC_TNAME);
  sn_doc_free(doc);
  return 0;
}

static void set_str (lua_State *L, const char *key, const char *v) {
  if (v == NULL) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, key);
}

/*
** core.extract(data, format [, encoding]) -> doc | nil, message, kind [, offset]
**
** doc: text (UTF-8, LF line ends), markdown (boolean), encoding, title,
** author, date (strings or nil) and pages (for PDF: the byte offset,
** from 0, where each page starts in text). kind names the failure:
** "encoding" (with offset, the position of the first bad byte counted
** from 1, when the bytes do not decode), "corrupt", "too_big", "empty" or "memory".
*/
static int l_extract (lua_State *L) {
  size_t n;
  const char *data = luaL_checklstring(L, 1, &n);
  int format = luaL_checkoption(L, 2, NULL, FORMATS);
  const char *enc = luaL_optstring(L, 3, NULL);
  char err[256];
  sn_doc *doc;
  int st;
  size_t i;
  doc = (sn_doc *)lua_newuserdatauv(L, sizeof *doc, 0);
  memset(doc, 0, sizeof *doc);
  if (luaL_newmetatable(L, DOC_TNAME)) {
    lua_pushcfunction(L, doc_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  err[0] = '\0';
  st = sn_extract(data, n, format, enc, doc, err, sizeof err);
  if (st != SN_X_OK) {
    int bad = doc->has_bad;
    size_t off = doc->bad;
    sn_doc_free(doc);
    if (st == SN_X_NOMEM) return luaL_error(L, "not enough memory");
    lua_pushnil(L);
    lua_pushstring(L, err);
    lua_pushstring(L, KINDS[st]);
    if (!bad) return 3;
    lua_pushinteger(L, (lua_Integer)off + 1);
    return 4;
  }
  lua_createtable(L, 0, 8);
  lua_pushlstring(L, doc->text.p ? doc->text.p : "", doc->text.n);
  lua_setfield(L, -2, "text");
  lua_pushboolean(L, doc->markdown);
  lua_setfield(L, -2, "markdown");
  set_str(L, "encoding", doc->encoding);
  set_str(L, "title", doc->title);
  set_str(L, "author", doc->author);
  set_str(L, "date", doc->date);
  if (doc->pages != NULL) {
    lua_createtable(L, (int)doc->npages, 0);
    for (i = 0; i < doc->npages; i++) {
      lua_pushinteger(L, (lua_Integer)doc->pages[i]);
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "pages");
  }
  sn_doc_free(doc);
  return 1;
}

/* core.text_hash(text) -> 16 hex digits (sn_text_hash). */
static int l_text_hash (lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  char hex[17];
  snprintf(hex, sizeof hex, "%016llx", sn_text_hash(s, n));
  lua_pushstring(L, hex);
  return 1;
}

/*
** core.list_dir(path) -> names, kinds | nil, message
**
** The entries of directory path but "." and "..", in no order, and a
** table of the kind of each ("file", "dir" or "other", following
** symbolic links). The directory handle lives in a userdata whose __gc
** closes it, so a raise while the list grows does not leak it.
*/
typedef struct DirBox { DIR *d; } DirBox;

static int dir_gc (lua_State *L) {
  DirBox *b = (DirBox *)lua_touserdata(L, 1);
  if (b->d) closedir(b->d);
  b->d = NULL;
  return 0;
}

static int l_list_dir (lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DirBox *box = (DirBox *)lua_newuserdatauv(L, sizeof *box, 0);
  struct dirent *e;
  lua_Integer n = 0;
  box->d = NULL;
  if (luaL_newmetatable(L, "sinorus.DirHandle")) {
    lua_pushcfunction(L, dir_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  box->d = opendir(path);
  if (box->d == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    return 2;
  }
  lua_newtable(L);
  lua_newtable(L);
  while ((e = readdir(box->d)) != NULL) {
    struct stat st;
    const char *kind = "other";
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushfstring(L, "%s/%s", path, e->d_name);
    if (stat(lua_tostring(L, -1), &st) == 0)
      kind = S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : "other";
    lua_pop(L, 1);
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -3, ++n);
    lua_pushstring(L, kind);
    lua_rawseti(L, -2, n);
  }
  closedir(box->d);
  box->d = NULL;
  return 2;
}

/* Adds extract, text_hash, list_dir, FORMATS and ENCODINGS to the module table on
** the top. */
void sn_lua_extract (lua_State *L) {
  int i;
  lua_pushcfunction(L, l_extract);
  lua_setfield(L, -2, "extract");
  lua_pushcfunction(L, l_text_hash);
  lua_setfield(L, -2, "text_hash");
  lua_pushcfunction(L, l_list_dir);
  lua_setfield(L, -2, "list_dir");
  lua_newtable(L);
  for (i = 0; FORMATS[i] != NULL; i++) {
    lua_pushstring(L, FORMATS[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "FORMATS");
  lua_newtable(L);
  for (i = 0; sn_encodings[i] != NULL; i++) {
    lua_pushstring(L, sn_encodings[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "ENCODINGS");
}
