/* Tables: gettable getfield rawget rawgeti createtable settable setfield
 * rawset rawseti next, lua_next traversal, metatables and metamethods
 * reached through the C API. */
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

/* __index handler: returns key .. "!" */
static int index_bang(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_pushliteral(L, "!");
    lua_concat(L, 2);
    return 1;
}

/* __newindex handler: stores into the table kept as upvalue 1 */
static int newindex_log(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_rawset(L, lua_upvalueindex(1));
    return 0;
}

static int index_nil(lua_State *L)
{
    lua_pushnil(L);
    lua_getfield(L, -1, "x");
    return 0;
}

static int nil_key(lua_State *L)
{
    lua_newtable(L);
    lua_pushnil(L);
    lua_pushinteger(L, 1);
    lua_settable(L, -3);
    return 0;
}

static int nan_key(lua_State *L)
{
    volatile double zero = 0.0;
    lua_newtable(L);
    lua_pushnumber(L, zero / zero);
    lua_pushinteger(L, 1);
    lua_rawset(L, -3);
    return 0;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    int i, r, count, top;
    int seen[4];
    lua_Integer sum;

    tap_plan(57);
    luaL_openlibs(L);

    lua_createtable(L, 10, 5);
    is_int(lua_type(L, -1), LUA_TTABLE, "createtable makes a table");
    is_int(lua_objlen(L, -1), 0, "preallocated slots are empty");
    lua_pushnil(L);
    is_int(lua_next(L, 1), 0, "next on an empty table returns 0");
    is_int(lua_gettop(L), 1, "... and pops the key");

    /* setfield / getfield */
    lua_pushinteger(L, 1);
    lua_setfield(L, 1, "a");
    is_int(lua_gettop(L), 1, "setfield pops the value");
    lua_getfield(L, 1, "a");
    is_int(lua_tointeger(L, -1), 1, "getfield reads it back");
    lua_getfield(L, 1, "missing");
    ok(lua_isnil(L, -1), "getfield of a missing key is nil");
    lua_settop(L, 1);

    /* settable / gettable with non-string keys */
    lua_pushboolean(L, 1);
    lua_pushstring(L, "yes");
    lua_settable(L, 1);
    is_int(lua_gettop(L), 1, "settable pops key and value");
    lua_pushboolean(L, 1);
    lua_gettable(L, 1);
    is_str(lua_tostring(L, -1), "yes", "gettable with a boolean key");
    is_int(lua_gettop(L), 2, "gettable replaces the key with the value");
    lua_pop(L, 1);
    lua_pushnumber(L, 2.5);
    lua_pushstring(L, "frac");
    lua_settable(L, -3);
    lua_pushnumber(L, 2.5);
    lua_rawget(L, 1);
    is_str(lua_tostring(L, -1), "frac", "a fractional number key");
    lua_pop(L, 1);
    lua_pushinteger(L, 2);
    lua_pushnumber(L, 2.0);
    lua_pushstring(L, "two");
    lua_settable(L, 1);
    lua_gettable(L, 1);
    is_str(lua_tostring(L, -1), "two", "key 2 and key 2.0 are the same key");
    lua_pop(L, 1);

    /* a string key that looks like a number is still a string */
    lua_pushstring(L, "one");
    lua_setfield(L, 1, "1");
    lua_rawgeti(L, 1, 1);
    ok(lua_isnil(L, -1), "t[\"1\"] is not t[1]");
    lua_pop(L, 1);

    /* rawseti / rawgeti / objlen */
    lua_newtable(L);
    for (i = 1; i <= 10; i++) {
        lua_pushinteger(L, i * i);
        lua_rawseti(L, -2, i);
    }
    is_int(lua_objlen(L, -1), 10, "rawseti 1..10 gives length 10");
    lua_rawgeti(L, -1, 7);
    is_int(lua_tointeger(L, -1), 49, "rawgeti 7");
    lua_pop(L, 1);
    lua_rawgeti(L, -1, 11);
    ok(lua_isnil(L, -1), "rawgeti past the end is nil");
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_rawseti(L, -2, 10);
    is_int(lua_objlen(L, -1), 9, "removing the last element shortens the sequence");
    lua_pushstring(L, "far");
    lua_rawseti(L, -2, 1000000);
    lua_rawgeti(L, -1, 1000000);
    is_str(lua_tostring(L, -1), "far", "a large integer key");
    lua_pop(L, 1);
    lua_pushinteger(L, -5);
    lua_rawseti(L, -2, -5);
    lua_pushinteger(L, -5);
    lua_rawget(L, -2);
    is_int(lua_tointeger(L, -1), -5, "a negative integer key; rawget and rawgeti agree");
    lua_settop(L, 1);

    /* lua_next traversal of a mixed table: order not checked */
    r = run(L, "return {10, 20, 30, a = 1, b = 2, c = 3}", 1);
    is_int(r, 0, "building a mixed table");
    top = lua_gettop(L);
    count = 0;
    sum = 0;
    memset(seen, 0, sizeof seen);
    lua_pushnil(L);
    while (lua_next(L, top) != 0) {
        count++;
        sum += lua_tointeger(L, -1);
        if (lua_type(L, -2) == LUA_TNUMBER) {
            lua_Integer k = lua_tointeger(L, -2);
            if (k >= 1 && k <= 3)
                seen[k]++;
        } else if (lua_type(L, -2) == LUA_TSTRING) {
            seen[0]++;
        }
        lua_pop(L, 1);
    }
    is_int(count, 6, "lua_next visits six pairs");
    is_int(sum, 66, "the values add up to 66");
    ok(seen[1] == 1 && seen[2] == 1 && seen[3] == 1 && seen[0] == 3, "each key exactly once");
    is_int(lua_gettop(L), top, "the traversal leaves the stack as it was");

    /* clearing fields during traversal is allowed */
    r = run(L, "local t = {} for i = 1, 100 do t['k' .. i] = i end return t", 1);
    top = lua_gettop(L);
    count = 0;
    lua_pushnil(L);
    while (lua_next(L, top) != 0) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, top);
        count++;
    }
    is_int(count, 100, "clearing each field during traversal still visits all 100");
    lua_pushnil(L);
    is_int(lua_next(L, top), 0, "and the table is empty afterwards");
    lua_settop(L, 1);

    /* metatables */
    lua_newtable(L);
    ok(!lua_getmetatable(L, -1), "a new table has no metatable");
    is_int(lua_gettop(L), 2, "getmetatable pushes nothing when there is none");
    lua_newtable(L);
    lua_pushcfunction(L, index_bang);
    lua_setfield(L, -2, "__index");
    is_int(lua_setmetatable(L, 2), 1, "setmetatable returns 1");
    is_int(lua_gettop(L), 2, "setmetatable pops the metatable");
    ok(lua_getmetatable(L, 2) && lua_istable(L, -1), "getmetatable pushes it");
    lua_pop(L, 1);
    lua_getfield(L, 2, "hi");
    is_str(lua_tostring(L, -1), "hi!", "getfield calls a C __index function");
    lua_pop(L, 1);
    lua_pushstring(L, "yo");
    lua_gettable(L, 2);
    is_str(lua_tostring(L, -1), "yo!", "gettable calls __index too");
    lua_pop(L, 1);
    lua_pushstring(L, "yo");
    lua_rawget(L, 2);
    ok(lua_isnil(L, -1), "rawget bypasses __index");
    lua_pop(L, 1);
    lua_pushinteger(L, 5);
    lua_setfield(L, 2, "present");
    lua_getfield(L, 2, "present");
    is_int(lua_tointeger(L, -1), 5, "__index is not used for present keys");
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setmetatable(L, 2);
    ok(!lua_getmetatable(L, 2), "setmetatable(nil) removes the metatable");
    lua_getfield(L, 2, "hi");
    ok(lua_isnil(L, -1), "without a metatable, missing keys are nil");
    lua_settop(L, 1);

    /* __index chain through tables */
    r = run(L, "local base = {greet = 'hello'}\n"
               "local mid = setmetatable({}, {__index = base})\n"
               "return setmetatable({}, {__index = mid})", 1);
    lua_getfield(L, -1, "greet");
    is_str(lua_tostring(L, -1), "hello", "getfield follows an __index chain of tables");
    lua_settop(L, 1);

    /* __newindex */
    lua_newtable(L);  /* 2: proxy */
    lua_newtable(L);  /* 3: log */
    lua_newtable(L);  /* 4: metatable */
    lua_pushvalue(L, 3);
    lua_pushcclosure(L, newindex_log, 1);
    lua_setfield(L, 4, "__newindex");
    lua_setmetatable(L, 2);
    lua_pushinteger(L, 42);
    lua_setfield(L, 2, "answer");
    lua_getfield(L, 3, "answer");
    is_int(lua_tointeger(L, -1), 42, "setfield calls __newindex");
    lua_pop(L, 1);
    lua_rawgeti(L, 2, 1);
    lua_pushstring(L, "k");
    lua_rawget(L, 2);
    ok(lua_isnil(L, -1) && lua_isnil(L, -2), "the proxy itself stays empty");
    lua_pop(L, 2);
    lua_pushstring(L, "raw");
    lua_pushinteger(L, 1);
    lua_rawset(L, 2);
    lua_getfield(L, 3, "raw");
    ok(lua_isnil(L, -1), "rawset bypasses __newindex");
    lua_pop(L, 1);
    lua_pushstring(L, "raw");
    lua_pushinteger(L, 2);
    lua_settable(L, 2);
    lua_getfield(L, 2, "raw");
    is_int(lua_tointeger(L, -1), 2, "settable on an existing key does not call __newindex");
    lua_getfield(L, 3, "raw");
    ok(lua_isnil(L, -1), "... so the log has no entry");
    lua_settop(L, 1);

    /* __newindex to a table */
    r = run(L, "local store = {}\n"
               "return setmetatable({}, {__newindex = store}), store", 2);
    lua_pushinteger(L, 9);
    lua_setfield(L, 2, "n");
    lua_getfield(L, 3, "n");
    is_int(lua_tointeger(L, -1), 9, "__newindex may be a table");
    lua_settop(L, 1);

    /* indexing non-tables */
    lua_pushstring(L, "abc");
    lua_getfield(L, -1, "len");
    ok(lua_isfunction(L, -1), "strings are indexed through their metatable (string.len)");
    lua_settop(L, 1);
    r = lua_cpcall(L, index_nil, NULL);
    is_int(r, LUA_ERRRUN, "indexing nil from C raises an error");
    is_str(lua_tostring(L, -1), "attempt to index a nil value", "... with 5.1's message");
    lua_settop(L, 1);
    r = lua_cpcall(L, nil_key, NULL);
    is_int(r, LUA_ERRRUN, "a nil key is an error");
    is_str(lua_tostring(L, -1), "table index is nil", "... 'table index is nil'");
    lua_settop(L, 1);
    r = lua_cpcall(L, nan_key, NULL);
    is_int(r, LUA_ERRRUN, "a NaN key is an error");
    is_str(lua_tostring(L, -1), "table index is NaN", "... 'table index is NaN'");
    lua_settop(L, 1);

    /* globals macros */
    lua_pushstring(L, "gv");
    lua_setglobal(L, "gname");
    r = run(L, "return gname .. '!'", 1);
    is_str(lua_tostring(L, -1), "gv!", "lua_setglobal is visible to Lua");
    lua_pop(L, 1);
    r = run(L, "fromlua = {x = 3}", 0);
    lua_getglobal(L, "fromlua");
    lua_getfield(L, -1, "x");
    is_int(lua_tointeger(L, -1), 3, "lua_getglobal sees Lua's globals");
    lua_settop(L, 1);

    /* table length with the border at the array/hash boundary */
    r = run(L, "local t = {} for i = 1, 20 do t[i] = i end return t", 1);
    is_int(lua_objlen(L, -1), 20, "objlen of a table filled in a loop");
    lua_newtable(L);
    lua_pushinteger(L, 1);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, 2);
    lua_rawseti(L, -2, 2);
    is_int(lua_objlen(L, -1), 2, "objlen of a table built with rawseti");
    lua_settop(L, 1);

    /* getfield on the registry and a table reached only from C */
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "cellua.test.t");
    lua_getfield(L, LUA_REGISTRYINDEX, "cellua.test.t");
    ok(lua_istable(L, -1), "a table stored in the registry by name");
    lua_pushinteger(L, 1);
    lua_setfield(L, -2, "v");
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, "cellua.test.t");
    lua_getfield(L, -1, "v");
    is_int(lua_tointeger(L, -1), 1, "it survives a full collection");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
