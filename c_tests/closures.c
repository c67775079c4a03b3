/* C closures and upvalues: lua_pushcclosure with n upvalues,
 * lua_upvalueindex reads and lua_replace writes, LUA_ENVIRONINDEX,
 * lua_getupvalue / lua_setupvalue on C and Lua functions, environments of
 * functions (lua_getfenv / lua_setfenv). */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int run(lua_State *L, const char *code, int nres)
{
    int r = luaL_loadstring(L, code);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

/* returns its upvalues 1 and 2 and whether 3 is none */
static int two_ups(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushboolean(L, lua_isnone(L, lua_upvalueindex(3)));
    return 3;
}

/* counter: upvalue 1 is incremented and returned each call */
static int counter(lua_State *L)
{
    lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
    lua_pushinteger(L, n);
    lua_pushvalue(L, -1);
    lua_replace(L, lua_upvalueindex(1));
    return 1;
}

static int make_counter(lua_State *L)
{
    lua_pushinteger(L, luaL_optinteger(L, 1, 0));
    lua_pushcclosure(L, counter, 1);
    return 1;
}

/* reads field "x" of its environment */
static int env_x(lua_State *L)
{
    lua_getfield(L, LUA_ENVIRONINDEX, "x");
    return 1;
}

/* replaces its own environment by its first argument */
static int set_own_env(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushvalue(L, 1);
    lua_replace(L, LUA_ENVIRONINDEX);
    lua_getfield(L, LUA_ENVIRONINDEX, "x");
    return 1;
}

/* a function created by a C function inherits that function's environment */
static int spawn_env_reader(lua_State *L)
{
    lua_pushcfunction(L, env_x);
    return 1;
}

static int uses_many(lua_State *L)
{
    int i;
    lua_Integer sum = 0;
    for (i = 1; i <= 10; i++)
        sum += lua_tointeger(L, lua_upvalueindex(i));
    lua_pushinteger(L, sum);
    return 1;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    const char *name;
    int i, r;

    tap_plan(52);
    luaL_openlibs(L);

    /* two upvalues */
    lua_pushstring(L, "first");
    lua_pushinteger(L, 2);
    lua_pushcclosure(L, two_ups, 2);
    is_int(lua_gettop(L), 1, "pushcclosure pops its upvalues");
    ok(lua_iscfunction(L, 1), "the closure is a C function");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 3);
    is_str(lua_tostring(L, 2), "first", "upvalue 1");
    is_int(lua_tointeger(L, 3), 2, "upvalue 2");
    ok(lua_toboolean(L, 4), "upvalue 3 of a 2-upvalue closure is none");
    lua_settop(L, 1);

    /* getupvalue / setupvalue on a C closure: names are "" */
    name = lua_getupvalue(L, 1, 1);
    is_str(name, "", "a C closure's upvalue name is the empty string");
    is_str(lua_tostring(L, -1), "first", "getupvalue pushes the value");
    lua_pop(L, 1);
    ok(lua_getupvalue(L, 1, 3) == NULL, "getupvalue beyond the last is NULL");
    is_int(lua_gettop(L), 1, "and pushes nothing");
    lua_pushstring(L, "changed");
    name = lua_setupvalue(L, 1, 1);
    is_str(name, "", "setupvalue on a C closure returns \"\"");
    is_int(lua_gettop(L), 1, "setupvalue pops the value");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    is_str(lua_tostring(L, -1), "changed", "the closure sees the new upvalue");
    lua_pop(L, 1);
    lua_pushinteger(L, 0);
    ok(lua_setupvalue(L, 1, 5) == NULL, "setupvalue beyond the last is NULL");
    is_int(lua_gettop(L), 2, "and pops nothing");
    lua_settop(L, 0);

    /* an upvalue written with lua_replace persists between calls */
    lua_register(L, "make_counter", make_counter);
    r = run(L, "local c1, c2 = make_counter(), make_counter(100)\n"
               "c1() c1()\n"
               "return c1(), c2(), c1(), c2()", 4);
    is_int(r, 0, "counters ran");
    ok(lua_tointeger(L, 1) == 3 && lua_tointeger(L, 3) == 4, "counter 1 counts 3, 4");
    ok(lua_tointeger(L, 2) == 101 && lua_tointeger(L, 4) == 102, "counter 2 has its own upvalue");
    lua_settop(L, 0);

    /* ten upvalues */
    for (i = 1; i <= 10; i++)
        lua_pushinteger(L, i);
    lua_pushcclosure(L, uses_many, 10);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 55, "a closure with ten upvalues");
    lua_settop(L, 0);

    /* the same table shared as an upvalue of two closures */
    lua_newtable(L);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, two_ups, 1);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, two_ups, 1);
    lua_call(L, 0, 1);
    lua_insert(L, 2);
    lua_call(L, 0, 1);
    ok(lua_rawequal(L, 1, 2) && lua_rawequal(L, 1, 3), "two closures share one table upvalue");
    lua_settop(L, 0);

    /* pushcclosure with 0 upvalues is pushcfunction */
    lua_pushcclosure(L, env_x, 0);
    ok(lua_tocfunction(L, -1) == env_x, "pushcclosure(f, 0)");
    ok(lua_getupvalue(L, -1, 1) == NULL, "it has no upvalues");
    lua_settop(L, 0);

    /* LUA_ENVIRONINDEX */
    lua_pushinteger(L, 11);
    lua_setglobal(L, "x");
    lua_pushcfunction(L, env_x);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 11, "a C function made in the main chunk has the globals as environment");
    lua_pop(L, 1);
    lua_pushcfunction(L, env_x);
    lua_getfenv(L, -1);
    ok(lua_rawequal(L, -1, LUA_GLOBALSINDEX), "getfenv of that C function is the globals table");
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushinteger(L, 5);
    lua_setfield(L, -2, "x");
    is_int(lua_setfenv(L, -2), 1, "setfenv on a C function returns 1");
    lua_pushvalue(L, -1);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 5, "LUA_ENVIRONINDEX is the new environment");
    lua_pop(L, 1);
    /* a function made by this C function inherits its environment */
    lua_pushcfunction(L, spawn_env_reader);
    lua_getfenv(L, 1);
    lua_setfenv(L, -2);
    lua_call(L, 0, 1);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 5, "a C function created inside it inherits the environment");
    lua_settop(L, 0);
    lua_pushcfunction(L, set_own_env);
    lua_pushvalue(L, -1);
    lua_newtable(L);
    lua_pushstring(L, "mine");
    lua_setfield(L, -2, "x");
    lua_call(L, 1, 1);
    is_str(lua_tostring(L, -1), "mine", "lua_replace(L, LUA_ENVIRONINDEX) changes the running function's env");
    lua_pop(L, 1);
    lua_getfenv(L, 1);
    lua_getfield(L, -1, "x");
    is_str(lua_tostring(L, -1), "mine", "... and it stays changed on the function object");
    lua_settop(L, 0);

    /* Lua closures: names and values of upvalues */
    r = run(L, "local a, b = 1, 'two'\n"
               "local function f() return a, b end\n"
               "local function g() a = a + 1 return a end\n"
               "return f, g", 2);
    is_int(r, 0, "making Lua closures");
    name = lua_getupvalue(L, 1, 1);
    is_str(name, "a", "a Lua upvalue has its variable name");
    is_int(lua_tointeger(L, -1), 1, "and its value");
    lua_pop(L, 1);
    name = lua_getupvalue(L, 1, 2);
    is_str(name, "b", "the second upvalue");
    is_str(lua_tostring(L, -1), "two", "its value");
    lua_pop(L, 1);
    ok(lua_getupvalue(L, 1, 3) == NULL, "no third upvalue");
    lua_pushinteger(L, 10);
    name = lua_setupvalue(L, 1, 1);
    is_str(name, "a", "setupvalue returns the name");
    lua_pushvalue(L, 2);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 11, "the other closure sharing the upvalue sees the change");
    lua_pop(L, 1);
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 11, "and so does the first");
    lua_settop(L, 0);

    /* environments of Lua functions */
    r = run(L, "return function() return y end", 1);
    lua_getfenv(L, 1);
    ok(lua_rawequal(L, -1, LUA_GLOBALSINDEX), "a Lua function's environment is the globals table");
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushstring(L, "from env");
    lua_setfield(L, -2, "y");
    is_int(lua_setfenv(L, 1), 1, "setfenv on a Lua function returns 1");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    is_str(lua_tostring(L, -1), "from env", "the function reads globals from its new environment");
    lua_settop(L, 0);
    r = run(L, "y = 'global y' return getfenv(1) == _G", 1);
    ok(lua_toboolean(L, -1), "the main chunk still sees _G");
    lua_settop(L, 0);

    /* replacing the globals table of the running thread */
    lua_pushvalue(L, LUA_GLOBALSINDEX); /* 1: the real globals */
    lua_newtable(L);
    lua_pushstring(L, "sandbox");
    lua_setfield(L, -2, "y");
    lua_replace(L, LUA_GLOBALSINDEX);
    r = run(L, "return y", 1);
    is_str(lua_tostring(L, -1), "sandbox", "lua_replace(L, LUA_GLOBALSINDEX): new chunks see the new globals");
    lua_pop(L, 1);
    lua_pushvalue(L, 1);
    lua_replace(L, LUA_GLOBALSINDEX);
    r = run(L, "return y", 1);
    is_str(lua_tostring(L, -1), "global y", "putting the old table back");
    lua_settop(L, 0);

    /* the environment of a thread */
    {
        lua_State *co = lua_newthread(L);
        lua_getfenv(L, 1);
        ok(lua_rawequal(L, -1, LUA_GLOBALSINDEX), "a new thread shares the globals table");
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushstring(L, "thread env");
        lua_setfield(L, -2, "y");
        is_int(lua_setfenv(L, 1), 1, "setfenv on a thread returns 1");
        luaL_loadstring(co, "return y");
        lua_call(co, 0, 1);
        is_str(lua_tostring(co, -1), "thread env", "code loaded on the thread sees its environment");
        lua_getglobal(L, "y");
        is_str(lua_tostring(L, -1), "global y", "the main thread's globals are unchanged");
        lua_settop(L, 0);
    }

    /* closure identity and calls from Lua */
    lua_pushinteger(L, 7);
    lua_pushcclosure(L, counter, 1);
    lua_setglobal(L, "tick");
    r = run(L, "return tick() + tick() * 10", 1);
    is_int(lua_tointeger(L, -1), 98, "a C closure stored as a global, called from Lua (8 + 90)");
    lua_settop(L, 0);
    lua_getglobal(L, "tick");
    lua_getupvalue(L, -1, 1);
    is_int(lua_tointeger(L, -1), 9, "its upvalue after two calls");
    lua_settop(L, 0);

    /* 5.1's debug library does not touch C upvalues from Lua */
    r = run(L, "return select('#', debug.getupvalue(tick, 1))", 1);
    ok(r == 0 && lua_tointeger(L, 1) == 0, "debug.getupvalue on a C closure returns nothing");
    lua_settop(L, 0);

    /* environment of a closure reached through a pseudo-index inside Lua */
    r = run(L, "local env = {x = 'sandboxed'}\n"
               "local f = setfenv(function() return x end, env)\n"
               "return f()", 1);
    is_str(lua_tostring(L, -1), "sandboxed", "setfenv from Lua and LUA_GLOBALSINDEX differ");
    lua_settop(L, 0);
    lua_getfield(L, LUA_GLOBALSINDEX, "x");
    is_int(lua_tointeger(L, -1), 11, "the real global x is unchanged");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
