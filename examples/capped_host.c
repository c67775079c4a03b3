/*
 * A C host that caps a script's memory: every byte of the state comes from
 * this program's allocator, which refuses to go past a limit. Scripts that
 * allocate forever (tables, strings, closures, coroutines, userdata, a
 * deep recursion) fail with "not enough memory" (LUA_ERRMEM or a caught
 * error), the state stays usable, and lua_close gives every byte back.
 *
 *   cc capped_host.c -Iinclude -Ltarget/release -lcellua -o capped_host
 *   ./capped_host [limit-in-KB]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

struct cap {
  size_t used, limit, peak;
  unsigned long refusals;
};

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  struct cap *c = (struct cap *)ud;
  if (nsize == 0) {
    if (ptr != NULL) c->used -= osize;
    free(ptr);
    return NULL;
  }
  if (c->used - (ptr ? osize : 0) + nsize > c->limit) {
    c->refusals++;
    return NULL;
  }
  ptr = realloc(ptr, nsize);
  if (ptr != NULL) {
    c->used = c->used - osize + nsize;
    if (c->used > c->peak) c->peak = c->used;
  }
  return ptr;
}

static const char *const hogs[][2] = {
  {"tables", "local t = {} while true do t[#t + 1] = {} end"},
  {"array", "local t = {} local i = 1 while true do t[i] = i i = i + 1 end"},
  {"strings", "local t = {} local i = 0 while true do i = i + 1 t[i] = ('x'):rep(100) .. i end"},
  {"one huge string", "local s = ('x'):rep(1e9)"},
  {"doubling string", "local s = 'x' while true do s = s .. s end"},
  {"closures", "local t = {} while true do local x = #t t[#t + 1] = function() return x end end"},
  {"coroutines", "local t = {} while true do t[#t + 1] = coroutine.create(function() end) end"},
  {"userdata", "local t = {} while true do t[#t + 1] = newproxy(true) end"},
  {"recursion", "local function f(n) return 1 + f(n + 1) end return f(1)"},
  {"table.concat", "local t = {} for i = 1, 1e7 do t[i] = 'abcdefgh' end return table.concat(t)"},
};

int main(int argc, char **argv) {
  struct cap c = {0, 0, 0, 0};
  lua_State *L;
  size_t i;
  int failures = 0;
  c.limit = (size_t)(argc > 1 ? atol(argv[1]) : 4096) * 1024;
  L = lua_newstate(capped_alloc, &c);
  if (L == NULL) {
    printf("state refused\n");
    return 1;
  }
  luaL_openlibs(L);
  for (i = 0; i < sizeof hogs / sizeof hogs[0]; i++) {
    int st = luaL_loadstring(L, hogs[i][1]);
    if (st == 0) st = lua_pcall(L, 0, 0, 0);
    printf("%-16s status %d: %s\n", hogs[i][0], st,
           st ? lua_tostring(L, -1) : "(finished)");
    /* A deep recursion may meet the frame limit before the memory cap. */
    if (st == 0 || (strstr(lua_tostring(L, -1), "not enough memory") == NULL &&
                    strstr(lua_tostring(L, -1), "stack overflow") == NULL))
      failures++;
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    /* The state is still usable after each refusal. */
    if (luaL_dostring(L, "x = 0 for i = 1, 100 do x = x + i end return x") != 0 ||
        lua_tonumber(L, -1) != 5050) {
      printf("state unusable after %s\n", hogs[i][0]);
      failures++;
    }
    lua_settop(L, 0);
  }
  printf("peak %lu KB of %lu KB, %lu refusals\n", (unsigned long)(c.peak / 1024),
         (unsigned long)(c.limit / 1024), c.refusals);
  lua_close(L);
  printf("after lua_close: %lu bytes still held\n", (unsigned long)c.used);
  if (c.used != 0) failures++;
  if (c.peak > c.limit) failures++;
  printf(failures ? "FAILED\n" : "ok\n");
  return failures ? 1 : 0;
}
