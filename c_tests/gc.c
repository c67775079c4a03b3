/* lua_gc: LUA_GCCOUNT, GCCOUNTB, GCCOLLECT, GCSTOP, GCRESTART, GCSTEP,
 * GCSETPAUSE, GCSETSTEPMUL, and what collection does to weak tables and
 * finalizers. Only relations between counts are checked, never exact
 * sizes. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static long kb(lua_State *L)
{
    return lua_gc(L, LUA_GCCOUNT, 0);
}

static double bytes(lua_State *L)
{
    return (double)lua_gc(L, LUA_GCCOUNT, 0) * 1024.0 + (double)lua_gc(L, LUA_GCCOUNTB, 0);
}

static int finalized;
static int fin(lua_State *L)
{
    (void)L;
    finalized++;
    return 0;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    long k0, k1, k2, max_seen;
    int r, i, steps, countb_ok;
    double b0, b1;

    tap_plan(32);
    luaL_openlibs(L);

    k0 = kb(L);
    ok(k0 > 0, "LUA_GCCOUNT of an opened state is positive");
    countb_ok = 1;
    for (i = 0; i < 50; i++) {
        int b;
        lua_pushstring(L, "some string to change the count a little");
        lua_pushinteger(L, i);
        lua_concat(L, 2);
        b = lua_gc(L, LUA_GCCOUNTB, 0);
        if (b < 0 || b > 1023)
            countb_ok = 0;
        lua_pop(L, 1);
    }
    lua_settop(L, 0);
    ok(countb_ok, "LUA_GCCOUNTB always lies in 0..1023");

    /* Lua and C agree on the count */
    r = luaL_dostring(L, "return collectgarbage('count')");
    b0 = bytes(L);
    ok(r == 0 && lua_tonumber(L, -1) * 1024.0 <= b0 + 4096 && lua_tonumber(L, -1) * 1024.0 >= b0 - 65536,
       "collectgarbage('count') agrees with LUA_GCCOUNT/COUNTB");
    lua_settop(L, 0);

    /* GCCOLLECT frees garbage */
    r = luaL_dostring(L, "local t = {} for i = 1, 50000 do t[i] = {i, tostring(i)} end garbage = t");
    is_int(r, 0, "made garbage-to-be");
    k1 = kb(L);
    ok(k1 > k0 + 1000, "the count grew by more than 1000 KB");
    r = luaL_dostring(L, "garbage = nil");
    is_int(lua_gc(L, LUA_GCCOLLECT, 0), 0, "LUA_GCCOLLECT returns 0");
    k2 = kb(L);
    ok(k2 < k1 - 1000, "after a full collection the count dropped by more than 1000 KB");
    if (!ok(k2 < k0 + (k1 - k0) / 4, "most of the growth was given back"))
        diag("k0 %ld k1 %ld k2 %ld", k0, k1, k2);

    /* GCSTOP: nothing is collected automatically */
    is_int(lua_gc(L, LUA_GCSTOP, 0), 0, "LUA_GCSTOP returns 0");
    k1 = kb(L);
    r = luaL_dostring(L, "for i = 1, 20000 do local t = {i, i, i} end");
    k2 = kb(L);
    ok(r == 0 && k2 > k1 + 500, "with the collector stopped, garbage accumulates");
    finalized = 0;
    luaL_newmetatable(L, "Fin");
    lua_pushcfunction(L, fin);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    for (i = 0; i < 100; i++) {
        lua_newuserdata(L, 64);
        luaL_getmetatable(L, "Fin");
        lua_setmetatable(L, -2);
        lua_pop(L, 1);
    }
    r = luaL_dostring(L, "for i = 1, 20000 do local s = {} end");
    is_int(finalized, 0, "no finalizer runs while the collector is stopped");
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(finalized, 100, "an explicit LUA_GCCOLLECT still collects (and finalizes)");
    ok(kb(L) < k2, "and reduces the count");

    /* GCRESTART: garbage stays bounded */
    is_int(lua_gc(L, LUA_GCRESTART, 0), 0, "LUA_GCRESTART returns 0");
    k1 = kb(L);
    max_seen = 0;
    for (i = 0; i < 40; i++) {
        long k;
        r = luaL_dostring(L, "for i = 1, 5000 do local t = {i, tostring(i)} end");
        k = kb(L);
        if (k > max_seen)
            max_seen = k;
    }
    ok(r == 0 && max_seen < k1 + 20000, "with the collector running, 40 rounds of garbage stay bounded");

    /* GCSTEP */
    r = luaL_dostring(L, "local t = {} for i = 1, 20000 do t[i] = {} end t = nil");
    steps = 0;
    for (i = 0; i < 100000; i++) {
        steps++;
        if (lua_gc(L, LUA_GCSTEP, 0) == 1)
            break;
    }
    ok(i < 100000, "repeated LUA_GCSTEP eventually finishes a cycle (returns 1)");
    lua_gc(L, LUA_GCCOLLECT, 0);
    k1 = kb(L);
    r = luaL_dostring(L, "local t = {} for i = 1, 20000 do t[i] = {} end t = nil");
    k2 = kb(L);
    lua_gc(L, LUA_GCSTOP, 0);
    /* the first cycle may be one that began before the garbage was made */
    for (i = 0, steps = 0; i < 100000 && steps < 2; i++)
        if (lua_gc(L, LUA_GCSTEP, 100) == 1)
            steps++;
    if (!ok(kb(L) < k2 - 300, "two completed step cycles free garbage even with the collector stopped"))
        diag("before %ld after %ld", k2, kb(L));
    lua_gc(L, LUA_GCRESTART, 0);
    (void)k1;

    /* GCSETPAUSE / GCSETSTEPMUL return the previous values */
    is_int(lua_gc(L, LUA_GCSETPAUSE, 150), 200, "GCSETPAUSE returns the default pause 200");
    is_int(lua_gc(L, LUA_GCSETPAUSE, 300), 150, "GCSETPAUSE returns the previous value");
    is_int(lua_gc(L, LUA_GCSETPAUSE, 200), 300, "and again");
    is_int(lua_gc(L, LUA_GCSETSTEPMUL, 400), 200, "GCSETSTEPMUL returns the default 200");
    is_int(lua_gc(L, LUA_GCSETSTEPMUL, 200), 400, "GCSETSTEPMUL returns the previous value");
    r = luaL_dostring(L, "return collectgarbage('setpause', 120), collectgarbage('setpause', 200)");
    ok(r == 0 && lua_tointeger(L, -2) == 200 && lua_tointeger(L, -1) == 120,
       "collectgarbage('setpause') shares the setting");
    lua_settop(L, 0);

    /* weak tables */
    r = luaL_dostring(L, "wv = setmetatable({}, {__mode = 'v'})\n"
                         "wk = setmetatable({}, {__mode = 'k'})\n"
                         "keep = {}\n"
                         "wv[1] = {} wv[2] = keep wv[3] = 'strings are not collectable'\n"
                         "wk[{}] = 1 wk[keep] = 2");
    is_int(r, 0, "weak tables made");
    lua_gc(L, LUA_GCCOLLECT, 0);
    r = luaL_dostring(L, "local n = 0 for k in pairs(wk) do n = n + 1 end\n"
                         "return wv[1] == nil, wv[2] == keep, wv[3] ~= nil, n, wk[keep]");
    ok(r == 0 && lua_toboolean(L, 1), "a weak value without other references is cleared");
    ok(lua_toboolean(L, 2), "a weak value still referenced stays");
    ok(lua_toboolean(L, 3), "strings are values, not cleared");
    is_int(lua_tointeger(L, 4), 1, "a weak key without other references is cleared");
    is_int(lua_tointeger(L, 5), 2, "a referenced weak key stays");
    lua_settop(L, 0);

    /* counts from a second independent state are independent */
    {
        lua_State *L2 = luaL_newstate();
        long a = lua_gc(L2, LUA_GCCOUNT, 0);
        r = luaL_dostring(L, "hold = {} for i = 1, 30000 do hold[i] = {} end");
        ok(lua_gc(L2, LUA_GCCOUNT, 0) == a, "another state's count is unaffected");
        lua_close(L2);
    }

    /* collectgarbage from Lua with the C-visible result */
    b0 = bytes(L);
    r = luaL_dostring(L, "hold = nil collectgarbage('collect')");
    b1 = bytes(L);
    ok(r == 0 && b1 < b0, "collectgarbage('collect') from Lua lowers LUA_GCCOUNT");
    r = luaL_dostring(L, "return collectgarbage('step', 0)");
    ok(r == 0 && lua_isboolean(L, -1), "collectgarbage('step') returns a boolean");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
