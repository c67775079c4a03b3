/* Coroutines through the C API: lua_newthread, lua_resume of a Lua
 * function that yields several times, lua_yield from a C function,
 * lua_status, lua_xmove, lua_pcall on a fresh thread, errors inside
 * coroutines and resuming dead ones. */
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

/* yields 7 to the resumer; the values of the next resume become its results */
static int c_yield_one(lua_State *L)
{
    lua_pushinteger(L, 7);
    return lua_yield(L, 1);
}

/* yields its two arguments, swapped */
static int c_yield_swap(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 1);
    return lua_yield(L, 2);
}

/* calls its first argument with lua_call: a C frame in between */
static int c_apply(lua_State *L)
{
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    return 1;
}

static int c_yield_count;
static int c_body_yields(lua_State *L)
{
    c_yield_count++;
    lua_pushstring(L, "from C body");
    return lua_yield(L, 1);
}

int main(void)
{
    lua_State *L = luaL_newstate();
    lua_State *co, *co2;
    int r, top;

    tap_plan(61);
    luaL_openlibs(L);
    lua_register(L, "c_yield_one", c_yield_one);
    lua_register(L, "c_yield_swap", c_yield_swap);
    lua_register(L, "c_apply", c_apply);

    co = lua_newthread(L);
    ok(co != NULL && co != L, "lua_newthread returns a new state");
    ok(lua_isthread(L, -1) && lua_tothread(L, -1) == co, "and pushes it on the creating stack");
    is_int(lua_status(co), 0, "a new thread has status 0");
    is_int(lua_gettop(co), 0, "and an empty stack");
    lua_setglobal(L, "co_anchor"); /* keep it alive */

    /* yields from Lua, three times, with values both ways */
    r = luaL_loadstring(co, "local a = ...\n"
                            "local b = coroutine.yield(a + 1)\n"
                            "local c, d = coroutine.yield(b * 2, 'two')\n"
                            "return a + b + c, d");
    is_int(r, 0, "a chunk loaded on the thread");
    lua_pushinteger(co, 10);
    r = lua_resume(co, 1);
    is_int(r, LUA_YIELD, "first resume yields");
    is_int(lua_status(co), LUA_YIELD, "lua_status of a suspended thread is LUA_YIELD");
    is_int(lua_gettop(co), 1, "one yielded value on the thread's stack");
    is_int(lua_tointeger(co, 1), 11, "the yielded value");
    lua_settop(co, 0);
    lua_pushinteger(co, 3);
    r = lua_resume(co, 1);
    is_int(r, LUA_YIELD, "second resume yields");
    is_int(lua_gettop(co), 2, "two yielded values");
    ok(lua_tointeger(co, 1) == 6 && strcmp(lua_tostring(co, 2), "two") == 0, "their values");
    lua_settop(co, 0);
    lua_pushinteger(co, 4);
    lua_pushstring(co, "dee");
    r = lua_resume(co, 2);
    is_int(r, 0, "the last resume returns 0: the body finished");
    is_int(lua_status(co), 0, "status 0 again");
    is_int(lua_gettop(co), 2, "the return values are on the thread's stack");
    ok(lua_tointeger(co, 1) == 17 && strcmp(lua_tostring(co, 2), "dee") == 0, "return values");
    lua_settop(co, 0);

    /* the finished coroutine seen from Lua */
    r = run(L, "return coroutine.status(co_anchor)", 1);
    is_str(lua_tostring(L, -1), "dead", "coroutine.status says dead");
    lua_pop(L, 1);
    r = run(L, "return coroutine.resume(co_anchor)", 2);
    ok(r == 0 && !lua_toboolean(L, -2), "coroutine.resume of a dead coroutine fails");
    is_str(lua_tostring(L, -1), "cannot resume dead coroutine", "with 5.1's message");
    lua_settop(L, 0);

    /* yield from a C function */
    co = lua_newthread(L);
    luaL_loadstring(co, "local x = c_yield_one() return x * 2");
    r = lua_resume(co, 0);
    is_int(r, LUA_YIELD, "a C function's lua_yield suspends the coroutine");
    is_int(lua_tointeger(co, -1), 7, "with the value it yielded");
    lua_settop(co, 0);
    lua_pushinteger(co, 21);
    r = lua_resume(co, 1);
    is_int(r, 0, "resuming it finishes the body");
    is_int(lua_tointeger(co, -1), 42, "the resume values became the C function's results");
    lua_settop(L, 0);

    co = lua_newthread(L);
    luaL_loadstring(co, "local a, b = c_yield_swap(1, 2) return a .. b");
    r = lua_resume(co, 0);
    ok(r == LUA_YIELD && lua_gettop(co) == 2, "lua_yield with two values");
    ok(lua_tointeger(co, 1) == 2 && lua_tointeger(co, 2) == 1, "in order");
    lua_settop(co, 0);
    lua_pushstring(co, "p");
    lua_pushstring(co, "q");
    r = lua_resume(co, 2);
    ok(r == 0 && strcmp(lua_tostring(co, -1), "pq") == 0, "two resume values, two results");
    lua_settop(L, 0);

    /* a coroutine whose body is a C function that yields (5.1 cannot resume
     * such a thread again: it continues in luaV_execute on a C frame, so
     * only the first resume is checked and the thread is then dropped) */
    co = lua_newthread(L);
    lua_pushcfunction(co, c_body_yields);
    c_yield_count = 0;
    r = lua_resume(co, 0);
    ok(r == LUA_YIELD && c_yield_count == 1, "a C function as coroutine body can yield");
    is_str(lua_tostring(co, -1), "from C body", "its yielded value");
    lua_settop(L, 0);

    /* lua_xmove to pass the function and arguments, and to fetch results */
    co = lua_newthread(L);
    top = lua_gettop(L);
    luaL_loadstring(L, "local s = 0 for i, v in ipairs({...}) do s = s + v end\n"
                       "coroutine.yield(s)\n"
                       "return 'done', s * 2");
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_pushinteger(L, 3);
    lua_xmove(L, co, 4);
    is_int(lua_gettop(L), top, "xmove took function and arguments off the main stack");
    r = lua_resume(co, 3);
    is_int(r, LUA_YIELD, "a function moved with xmove runs");
    lua_xmove(co, L, 1);
    is_int(lua_tointeger(L, -1), 6, "its yielded value moved back with xmove");
    lua_pop(L, 1);
    r = lua_resume(co, 0);
    is_int(r, 0, "then it finishes");
    lua_xmove(co, L, lua_gettop(co));
    ok(strcmp(lua_tostring(L, -2), "done") == 0 && lua_tointeger(L, -1) == 12, "both results moved");
    lua_settop(L, 0);

    /* errors inside a coroutine */
    co = lua_newthread(L);
    lua_pushvalue(L, -1);
    lua_setglobal(L, "co_err");
    luaL_loadbuffer(co, "coroutine.yield(1)\nerror('inside')", 34, "=cor");
    r = lua_resume(co, 0);
    is_int(r, LUA_YIELD, "yields before failing");
    lua_settop(co, 0);
    r = lua_resume(co, 0);
    is_int(r, LUA_ERRRUN, "an error in the body: lua_resume returns LUA_ERRRUN");
    is_str(lua_tostring(co, -1), "cor:2: inside", "the message is on the thread's stack");
    is_int(lua_status(co), LUA_ERRRUN, "lua_status is LUA_ERRRUN afterwards");
    lua_settop(co, 0);
    r = lua_resume(co, 0);
    is_int(r, LUA_ERRRUN, "resuming a thread that died of an error fails");
    is_str(lua_tostring(co, -1), "cannot resume non-suspended coroutine", "with 5.1's message");
    r = run(L, "return coroutine.status(co_err)", 1);
    is_str(lua_tostring(L, -1), "dead", "Lua sees the failed coroutine as dead");
    lua_settop(L, 0);

    /* lua_pcall on a thread that is not running */
    co2 = lua_newthread(L);
    luaL_loadstring(co2, "return 1 + 1, ...");
    lua_pushstring(co2, "arg");
    r = lua_pcall(co2, 1, LUA_MULTRET, 0);
    is_int(r, 0, "lua_pcall on a fresh thread works");
    ok(lua_gettop(co2) == 2 && lua_tointeger(co2, 1) == 2 && strcmp(lua_tostring(co2, 2), "arg") == 0,
       "its results are on that thread");
    lua_settop(co2, 0);
    luaL_loadstring(co2, "error('on thread', 0)");
    r = lua_pcall(co2, 0, 0, 0);
    ok(r == LUA_ERRRUN && strcmp(lua_tostring(co2, -1), "on thread") == 0, "and catches errors there");
    is_int(lua_status(co2), 0, "a pcall error does not kill the thread");
    lua_settop(co2, 0);
    luaL_loadstring(co2, "return coroutine.yield('y')");
    r = lua_resume(co2, 0);
    is_int(r, LUA_YIELD, "the same thread can still be used as a coroutine");
    lua_settop(L, 0);

    /* threads share the globals of their state */
    co = lua_newthread(L);
    lua_pushstring(co, "shared");
    lua_setglobal(co, "from_thread");
    lua_getglobal(L, "from_thread");
    is_str(lua_tostring(L, -1), "shared", "a global set on a thread is visible on the main thread");
    lua_settop(L, 0);

    /* coroutine.wrap and yield of a C function inside Lua code */
    r = run(L, "local gen = coroutine.wrap(function() for i = 1, 3 do c_yield_swap(i, -i) end return 'end' end)\n"
               "local a1, b1 = gen() local a2, b2 = gen() local a3, b3 = gen()\n"
               "return a1 + a2 + a3, b1 + b2 + b3, gen()", 3);
    ok(r == 0 && lua_tointeger(L, 1) == -6 && lua_tointeger(L, 2) == 6, "C yields inside coroutine.wrap");
    is_str(lua_tostring(L, 3), "end", "and the final return");
    lua_settop(L, 0);
    r = run(L, "local gen = coroutine.wrap(function() end) gen() return gen()", 0);
    is_int(r, LUA_ERRRUN, "calling a finished wrap fails");
    has_str(lua_tostring(L, -1), "cannot resume dead coroutine", "... cannot resume dead coroutine");
    lua_settop(L, 0);

    /* a yield below a C function that used lua_call is refused */
    co = lua_newthread(L);
    luaL_loadstring(co, "return c_apply(function() coroutine.yield(1) return 2 end)");
    r = lua_resume(co, 0);
    is_int(r, LUA_ERRRUN, "yield across a C function's lua_call fails");
    has_str(lua_tostring(co, -1), "attempt to yield across metamethod/C-call boundary", "with 5.1's message");
    lua_settop(L, 0);
    co = lua_newthread(L);
    luaL_loadstring(co, "return c_apply(function() return 'no yield' end)");
    r = lua_resume(co, 0);
    ok(r == 0 && strcmp(lua_tostring(co, -1), "no yield") == 0, "lua_call inside a coroutine works without a yield");
    lua_settop(L, 0);

    /* 5.1 refuses to yield across pcall and from the main thread */
    r = run(L, "local co = coroutine.create(function() return pcall(coroutine.yield, 1) end)\n"
               "return coroutine.resume(co)", 3);
    ok(r == 0 && lua_toboolean(L, 1) && !lua_toboolean(L, 2), "yield inside pcall inside a coroutine fails");
    is_str(lua_tostring(L, 3), "attempt to yield across metamethod/C-call boundary", "with 5.1's message");
    lua_settop(L, 0);
    r = run(L, "coroutine.yield(1)", 0);
    is_int(r, LUA_ERRRUN, "yield from the main thread is an error");
    is_str(lua_tostring(L, -1), "attempt to yield across metamethod/C-call boundary", "the same message");
    lua_settop(L, 0);

    /* coroutine.running / isyieldable-style checks from C-created threads */
    co = lua_newthread(L);
    luaL_loadstring(co, "return coroutine.running()");
    r = lua_resume(co, 0);
    ok(r == 0 && lua_tothread(co, -1) == co, "coroutine.running inside a C-resumed thread is that thread");
    lua_settop(L, 0);
    r = run(L, "return coroutine.running()", 1);
    ok(r == 0 && lua_isnil(L, -1), "coroutine.running on the main thread is nil in 5.1");
    lua_settop(L, 0);

    /* many suspended coroutines, released, collected; close cleans the rest */
    r = run(L, "local t = {}\n"
               "for i = 1, 200 do t[i] = coroutine.create(function(x) coroutine.yield(x) return x end) "
               "coroutine.resume(t[i], i) end\n"
               "keep_one = t[100] t = nil collectgarbage()\n"
               "return select(2, coroutine.resume(keep_one))", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 100, "suspended coroutines survive and resume after a collection");
    lua_settop(L, 0);
    co = lua_newthread(L);
    luaL_loadstring(co, "coroutine.yield()");
    r = lua_resume(co, 0);
    is_int(r, LUA_YIELD, "a thread left suspended at close");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
