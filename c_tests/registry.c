/* The registry and references: LUA_REGISTRYINDEX, luaL_ref / luaL_unref,
 * lua_rawgeti on refs, LUA_REFNIL, LUA_NOREF, reuse of freed refs, refs in
 * ordinary tables, the lua_getref compatibility macro. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int finalized;
static int note_gc(lua_State *L)
{
    (void)L;
    finalized++;
    return 0;
}

static int key_anchor; /* its address is a registry key */

int main(void)
{
    lua_State *L = luaL_newstate();
    int r1, r2, r3, r4, rnil, i, distinct, top;
    int refs[50];

    tap_plan(40);

    ok(lua_istable(L, LUA_REGISTRYINDEX), "the registry is a table");
    lua_pushstring(L, "stored");
    lua_setfield(L, LUA_REGISTRYINDEX, "cellua.key");
    lua_getfield(L, LUA_REGISTRYINDEX, "cellua.key");
    is_str(lua_tostring(L, -1), "stored", "setfield/getfield on the registry");
    lua_pop(L, 1);
    lua_getglobal(L, "cellua.key");
    ok(lua_isnil(L, -1), "the registry is not the globals table");
    lua_pop(L, 1);

    /* light userdata keys: the usual C idiom */
    lua_pushlightuserdata(L, &key_anchor);
    lua_pushinteger(L, 314);
    lua_rawset(L, LUA_REGISTRYINDEX);
    lua_pushlightuserdata(L, &key_anchor);
    lua_rawget(L, LUA_REGISTRYINDEX);
    is_int(lua_tointeger(L, -1), 314, "a light userdata key in the registry");
    lua_pop(L, 1);

    /* constants */
    is_int(LUA_NOREF, -2, "LUA_NOREF is -2");
    is_int(LUA_REFNIL, -1, "LUA_REFNIL is -1");

    /* refs */
    top = lua_gettop(L);
    lua_pushstring(L, "alpha");
    r1 = luaL_ref(L, LUA_REGISTRYINDEX);
    ok(r1 > 0, "luaL_ref returns a positive reference");
    is_int(lua_gettop(L), top, "luaL_ref pops the value");
    lua_newtable(L);
    lua_pushinteger(L, 5);
    lua_setfield(L, -2, "five");
    r2 = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushinteger(L, 77);
    r3 = luaL_ref(L, LUA_REGISTRYINDEX);
    ok(r1 != r2 && r2 != r3 && r1 != r3, "distinct values get distinct references");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
    is_str(lua_tostring(L, -1), "alpha", "rawgeti(registry, ref) gives the string back");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
    lua_getfield(L, -1, "five");
    is_int(lua_tointeger(L, -1), 5, "... and the table");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r3);
    is_int(lua_tointeger(L, -1), 77, "... and the number");
    lua_settop(L, top);
    lua_getref(L, r1);
    is_str(lua_tostring(L, -1), "alpha", "lua_getref compatibility macro");
    lua_pop(L, 1);

    /* the same value twice gets two references */
    lua_pushstring(L, "alpha");
    r4 = luaL_ref(L, LUA_REGISTRYINDEX);
    ok(r4 != r1, "referencing an equal value again gives a new reference");

    /* nil */
    lua_pushnil(L);
    rnil = luaL_ref(L, LUA_REGISTRYINDEX);
    is_int(rnil, LUA_REFNIL, "luaL_ref of nil is LUA_REFNIL");
    is_int(lua_gettop(L), top, "and pops the nil");
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_REFNIL);
    ok(lua_isnil(L, -1), "rawgeti of LUA_REFNIL is nil");
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, LUA_REFNIL);
    luaL_unref(L, LUA_REGISTRYINDEX, LUA_NOREF);
    is_int(lua_gettop(L), top, "unref of LUA_REFNIL and LUA_NOREF do nothing");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
    is_str(lua_tostring(L, -1), "alpha", "other references survive them");
    lua_pop(L, 1);

    /* unref and reuse */
    luaL_unref(L, LUA_REGISTRYINDEX, r2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
    ok(!lua_istable(L, -1), "after unref the slot no longer holds the value");
    lua_pop(L, 1);
    lua_pushstring(L, "beta");
    i = luaL_ref(L, LUA_REGISTRYINDEX);
    is_int(i, r2, "the freed reference is reused");
    lua_rawgeti(L, LUA_REGISTRYINDEX, i);
    is_str(lua_tostring(L, -1), "beta", "and holds the new value");
    lua_pop(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r3);
    is_int(lua_tointeger(L, -1), 77, "neighbouring references are untouched");
    lua_pop(L, 1);

    /* many refs, all distinct, all retrievable; free and re-take them */
    distinct = 1;
    for (i = 0; i < 50; i++) {
        lua_pushinteger(L, i * 3);
        refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    for (i = 0; i < 50 && distinct; i++) {
        int j;
        for (j = i + 1; j < 50; j++)
            if (refs[i] == refs[j] || refs[i] == r1 || refs[i] == r3)
                distinct = 0;
    }
    ok(distinct, "fifty references are all distinct");
    distinct = 1;
    for (i = 0; i < 50; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, refs[i]);
        if (lua_tointeger(L, -1) != i * 3)
            distinct = 0;
        lua_pop(L, 1);
    }
    ok(distinct, "each holds its value");
    for (i = 0; i < 50; i++)
        luaL_unref(L, LUA_REGISTRYINDEX, refs[i]);
    distinct = 1;
    for (i = 0; i < 50; i++) {
        int j, k, found = 0;
        lua_pushboolean(L, 1);
        k = luaL_ref(L, LUA_REGISTRYINDEX);
        for (j = 0; j < 50; j++)
            if (refs[j] == k)
                found = 1;
        if (!found)
            distinct = 0;
    }
    ok(distinct, "fifty new references reuse the fifty freed ones");

    /* refs keep values alive; unref lets them go */
    luaL_newmetatable(L, "Noted");
    lua_pushcfunction(L, note_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    lua_newuserdata(L, 1);
    luaL_getmetatable(L, "Noted");
    lua_setmetatable(L, -2);
    r4 = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(finalized, 0, "a referenced userdata is not collected");
    lua_rawgeti(L, LUA_REGISTRYINDEX, r4);
    ok(lua_isuserdata(L, -1), "and is still there");
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, r4);
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(finalized, 1, "after unref it is collected");

    /* refs in an ordinary table */
    lua_newtable(L);
    top = lua_gettop(L);
    lua_pushstring(L, "in t");
    r1 = luaL_ref(L, top);
    ok(r1 > 0, "luaL_ref into an ordinary table");
    lua_rawgeti(L, top, r1);
    is_str(lua_tostring(L, -1), "in t", "t[ref] holds the value");
    lua_pop(L, 1);
    lua_pushstring(L, "second");
    r2 = luaL_ref(L, top);
    ok(r2 != r1, "a second ref in the same table");
    luaL_unref(L, top, r1);
    lua_rawgeti(L, top, r1);
    ok(lua_type(L, -1) != LUA_TSTRING, "unref in the table removes the value");
    lua_pop(L, 1);
    lua_pushnil(L);
    is_int(luaL_ref(L, top), LUA_REFNIL, "nil in an ordinary table is LUA_REFNIL too");
    lua_pushstring(L, "third");
    is_int(luaL_ref(L, top), r1, "freed refs of the table are reused");
    lua_rawgeti(L, top, r2);
    is_str(lua_tostring(L, -1), "second", "the other ref is unchanged");
    lua_settop(L, 0);

    /* refs survive a collection */
    lua_newtable(L);
    lua_pushstring(L, "deep");
    lua_setfield(L, -2, "v");
    r1 = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
    lua_getfield(L, -1, "v");
    is_str(lua_tostring(L, -1), "deep", "a referenced table survives a full collection");
    lua_settop(L, 0);

    /* the registry's _LOADED table is package.loaded */
    luaL_openlibs(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
    ok(lua_istable(L, -1), "registry._LOADED is a table after luaL_openlibs");
    lua_getfield(L, -1, "string");
    lua_getglobal(L, "string");
    ok(lua_istable(L, -1) && lua_rawequal(L, -1, -2), "registry._LOADED.string is the string library");
    lua_settop(L, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "loaded");
    ok(lua_rawequal(L, -1, 1), "and package.loaded is that same table");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
