/*
** fuzz_pattern.c: the pattern replay of the sandbox (csrc/sn_pattern.c)
** against Lua 5.4's own matcher.
**
** Input: byte 0 chooses the call (find, match, gmatch, gsub) and whether
** an init / max_n argument is given (byte 1, signed, is its value); then
** the pattern up to the first newline, then the subject. The replay runs
** with a step allowance; when it finishes within it, Lua runs the same
** call (string.find/match/gsub, or a count of gmatch's matches) and:
**   - a pattern the replay calls malformed makes Lua raise, and one it
**     accepts Lua accepts;
**   - find/match: the same first match (start, end) or none;
**   - gmatch/gsub: the same number of matches;
**   - replaying twice gives the same steps (it is deterministic).
** Those agreements are what make the steps a faithful measure of the real
** call's work. Links liblua (fuzz/Makefile.inc: FUZZ_LIBS_pattern).
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "fuzz.h"
#include "sn_pattern.h"

#define MAX_STEPS 200000

static lua_State *L;

/* Lua's answer, run protected: returns 1 if Lua raised. */
static int lua_answer (int what, const char *s, size_t ls, const char *p,
                       size_t lp, long long arg, int has_arg,
                       long long *count, long long *start, long long *end) {
  static const char *const code[] = {
    "local s, p, a = ... return string.find(s, p, a)",
    "local s, p, a = ... local r = table.pack(string.find(s, p, a)) "
      "if string.match(s, p, a) == nil then return nil end return r[1], r[2]",
    "local s, p, a = ... local n = 0 for _ in string.gmatch(s, p, a) do "
      "n = n + 1 end return n",
    "local s, p, a = ... return select(2, string.gsub(s, p, '%0', a))",
  };
  int top = lua_gettop(L), raised;
  if (luaL_loadstring(L, code[what]) != LUA_OK) abort();
  lua_pushlstring(L, s, ls);
  lua_pushlstring(L, p, lp);
  if (has_arg) lua_pushinteger(L, (lua_Integer)arg);
  else lua_pushnil(L);
  raised = lua_pcall(L, 3, 2, 0) != LUA_OK;
  *count = 0;
  *start = *end = 0;
  if (!raised) {
    if (what == SN_PAT_GMATCH || what == SN_PAT_GSUB)
      *count = (long long)lua_tointeger(L, -2);
    else if (!lua_isnil(L, -2)) {
      *count = 1;
      *start = (long long)lua_tointeger(L, -2);
      *end = (long long)lua_tointeger(L, -1);
    }
  }
  lua_settop(L, top);
  return raised;
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  const char *nl;
  char *buf;
  size_t lp, ls;
  int what, has_arg, raised;
  long long arg, count, start, end;
  sn_pattern_run r1, r2;
  if (L == NULL) {
    L = luaL_newstate();
    if (L == NULL) abort();
    luaL_openlibs(L);
  }
  if (size < 2) return 0;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  what = data[0] & 3;
  has_arg = (data[0] >> 2) & 1;
  arg = (long long)(signed char)data[1];
  if (what == SN_PAT_GSUB && arg < 0) arg = -arg;
  data += 2;
  size -= 2;
  /* pattern and subject, each NUL-terminated as Lua's strings are */
  buf = (char *)malloc(size + 2);
  if (buf == NULL) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  nl = memchr(buf, '\n', size);
  lp = nl != NULL ? (size_t)(nl - buf) : size;
  ls = nl != NULL ? size - lp - 1 : 0;
  buf[lp] = '\0';
  if (nl == NULL) buf[size + 1] = '\0';
  memset(&r1, 0, sizeof r1);
  r1.max_steps = MAX_STEPS;
  r2 = r1;
  sn_pattern_replay(what, nl != NULL ? buf + lp + 1 : buf + size + 1, ls,
                    buf, lp, arg, has_arg, &r1);
  sn_pattern_replay(what, nl != NULL ? buf + lp + 1 : buf + size + 1, ls,
                    buf, lp, arg, has_arg, &r2);
  FUZZ_CHECK(r1.steps == r2.steps && r1.status == r2.status,
             "replay not deterministic");
  FUZZ_CHECK(r1.status != SN_PAT_COSTLY || r1.steps > MAX_STEPS,
             "costly before the allowance");
  if (r1.status != SN_PAT_COSTLY) {
    raised = lua_answer(what, nl != NULL ? buf + lp + 1 : buf + size + 1, ls,
                        buf, lp, arg, has_arg, &count, &start, &end);
    FUZZ_CHECK(raised == (r1.status == SN_PAT_MALFORMED),
               "Lua %s, the replay %s", raised ? "raised" : "did not raise",
               r1.status == SN_PAT_MALFORMED ? "called it malformed" : "did not");
    if (!raised) {
      FUZZ_CHECK(count == r1.count, "matches: Lua %lld, replay %lld", count,
                 r1.count);
      FUZZ_CHECK(start == (long long)r1.start && end == (long long)r1.end,
                 "first match: Lua %lld-%lld, replay %zu-%zu", start, end,
                 r1.start, r1.end);
    }
  }
  free(buf);
  return 0;
}
