/*
 * A C module for the package-library tests: built as testmod.so against
 * our include/, loaded with require from the cellua binary and from a C
 * host. luaopen_testmod registers a few functions; luaopen_testmod_sub is
 * found by the all-in-one loader for require "testmod.sub".
 */
#include "lua.h"
#include "lauxlib.h"

static int tm_add(lua_State *L) {
  lua_pushnumber(L, luaL_checknumber(L, 1) + luaL_checknumber(L, 2));
  return 1;
}

static int tm_greet(lua_State *L) {
  const char *who = luaL_optstring(L, 1, "world");
  lua_pushfstring(L, "hello, %s!", who);
  return 1;
}

static int tm_fail(lua_State *L) {
  return luaL_error(L, "failing on purpose (%d)", 42);
}

static const luaL_Reg tm_funcs[] = {
  {"add", tm_add},
  {"greet", tm_greet},
  {"fail", tm_fail},
  {NULL, NULL}
};

int luaopen_testmod(lua_State *L) {
  luaL_register(L, "testmod", tm_funcs);
  lua_pushstring(L, "1.0");
  lua_setfield(L, -2, "version");
  return 1;
}

static int sub_name(lua_State *L) {
  lua_pushstring(L, "sub");
  return 1;
}

int luaopen_testmod_sub(lua_State *L) {
  lua_newtable(L);
  lua_pushcfunction(L, sub_name);
  lua_setfield(L, -2, "name");
  return 1;
}
