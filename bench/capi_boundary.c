/*
 * C API boundary benchmark (issue 3, section 6): the cost of one call in
 * each direction. Built once against Debian's liblua5.1 and once against
 * cellua by scripts/bench-capi.sh, which prints both timings and the ratio.
 *
 *   c->lua: N round trips of push / lua_call of a small Lua function /
 *           lua_tonumber / pop
 *   lua->c: a Lua loop making N calls of a C function
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cinc(lua_State *L) {
  lua_pushnumber(L, lua_tonumber(L, 1) + 1);
  return 1;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000000L;
  long i;
  double t0, t1, t2, acc = 0;
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_dostring(L, "function inc(x) return x + 1 end")) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    return 1;
  }
  lua_getglobal(L, "inc");
  t0 = now();
  for (i = 0; i < n; i++) {
    lua_pushvalue(L, -1);
    lua_pushnumber(L, (lua_Number)i);
    lua_call(L, 1, 1);
    acc += lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  t1 = now();
  lua_pop(L, 1);
  lua_pushcfunction(L, cinc);
  lua_setglobal(L, "cinc");
  lua_pushnumber(L, (lua_Number)n);
  lua_setglobal(L, "N");
  if (luaL_dostring(L, "local f, x = cinc, 0 for i = 1, N do x = f(x) end RESULT = x")) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    return 1;
  }
  t2 = now();
  lua_getglobal(L, "RESULT");
  printf("c->lua %.3f s  lua->c %.3f s  (checks %.0f %.0f)\n", t1 - t0, t2 - t1, acc,
         lua_tonumber(L, -1));
  lua_close(L);
  return 0;
}
