/*
 * c_host.c - embedding Lua 5.1 (cellua or liblua5.1) in a C program.
 *
 * Shows the usual host tasks: create a state, open the standard libraries,
 * register a C function, run a script, call a Lua function from C with
 * arguments and results, and report an error caught by lua_pcall.
 *
 * Build against cellua (after `cargo build --release`):
 *     cc -std=c99 -Wall -Iinclude examples/c_host.c -Ltarget/release -lcellua \
 *        -Wl,-rpath,$PWD/target/release -lm -o c_host
 * or against Debian's liblua5.1:
 *     cc -std=c99 -Wall -I/usr/include/lua5.1 examples/c_host.c -llua5.1 -lm -o c_host
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* A C function callable from Lua: average(...) of its numeric arguments. */
static int average(lua_State *L)
{
    int i, n = lua_gettop(L);
    lua_Number sum = 0;
    if (n == 0)
        return luaL_error(L, "average needs at least one number");
    for (i = 1; i <= n; i++)
        sum += luaL_checknumber(L, i);
    lua_pushnumber(L, sum / n);
    lua_pushinteger(L, n);
    return 2; /* the average and the count */
}

static const char *script =
    "function greet(name)\n"
    "  return 'Hello, ' .. name .. '!', #name\n"
    "end\n"
    "function fails(key)\n"
    "  local t = nil\n"
    "  return t[key]  -- t is nil: a runtime error\n"
    "end\n"
    "local avg, n = average(1, 2, 3, 4)\n"
    "return string.format('average of %d numbers: %g', n, avg)\n";

/* Calls the global function `name` with one string argument; prints its
 * results, or the error message. Returns lua_pcall's status. */
static int call_global(lua_State *L, const char *name, const char *arg)
{
    int status, base = lua_gettop(L);
    lua_getglobal(L, name);
    lua_pushstring(L, arg);
    status = lua_pcall(L, 1, LUA_MULTRET, 0);
    if (status != 0) {
        printf("error calling %s: %s\n", name, lua_tostring(L, -1));
    } else {
        int i, top = lua_gettop(L);
        printf("%s returned %d value(s):", name, top - base);
        for (i = base + 1; i <= top; i++)
            printf(" [%s]", lua_isstring(L, i) ? lua_tostring(L, i) : luaL_typename(L, i));
        printf("\n");
    }
    lua_settop(L, base);
    return status;
}

int main(void)
{
    int status;
    lua_State *L = luaL_newstate();
    if (L == NULL) {
        fprintf(stderr, "cannot create a Lua state\n");
        return 1;
    }
    luaL_openlibs(L);
    lua_register(L, "average", average);

    status = luaL_loadbuffer(L, script, strlen(script), "=host");
    if (status == 0)
        status = lua_pcall(L, 0, 1, 0);
    if (status != 0) {
        fprintf(stderr, "script failed: %s\n", lua_tostring(L, -1));
        lua_close(L);
        return 1;
    }
    printf("script says: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);

    call_global(L, "greet", "world");
    status = call_global(L, "fails", "ignored");
    printf("pcall status: %s\n", status == LUA_ERRRUN ? "LUA_ERRRUN" : "other");

    /* an error raised by the C function, caught by pcall inside Lua */
    status = luaL_dostring(L, "local ok, e = pcall(average) return e");
    printf("caught in Lua: %s\n", status == 0 ? lua_tostring(L, -1) : "?");
    lua_pop(L, 1);
    printf("stack top at exit: %d\n", lua_gettop(L));
    lua_close(L);
    return status == 0 ? 0 : 1;
}
