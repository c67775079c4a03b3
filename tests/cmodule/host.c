/* A C host that loads the test module with require (argv[1] is its cpath). */
#include <stdio.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  int st;
  if (argc < 2) return 2;
  luaL_openlibs(L);
  lua_getglobal(L, "package");
  lua_pushstring(L, argv[1]);
  lua_setfield(L, -2, "cpath");
  lua_pop(L, 1);
  st = luaL_dostring(L,
      "local m = require 'testmod'\n"
      "print(m.add(2, 3), m.greet('host'), m.version, require('testmod.sub').name())\n"
      "print(pcall(m.fail))\n"
      "print(pcall(m.add, 1))");
  if (st != 0) {
    printf("error: %s\n", lua_tostring(L, -1));
  }
  lua_close(L);
  return st;
}
