/* Stack manipulation: gettop settop pushvalue remove insert replace
 * checkstack xmove, negative indices, pseudo-indices, acceptable indices
 * and the window a C function sees. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* Renders the stack as space-separated integers ("1 2 3"); non-numbers
 * print as their type name. */
static const char *stack_str(lua_State *L)
{
    static char buf[512];
    int i, n = lua_gettop(L);
    size_t used = 0;
    buf[0] = '\0';
    for (i = 1; i <= n && used < sizeof buf - 32; i++) {
        if (lua_type(L, i) == LUA_TNUMBER)
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%ld", i > 1 ? " " : "",
                                     (long)lua_tointeger(L, i));
        else
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", i > 1 ? " " : "",
                                     luaL_typename(L, i));
    }
    return buf;
}

static void push_range(lua_State *L, int from, int to)
{
    int i;
    for (i = from; i <= to; i++)
        lua_pushinteger(L, i);
}

/* Records what the C function's own stack window looks like. */
static int seen_top;
static lua_Integer seen_first, seen_last;
static int seen_type_beyond;

static int probe(lua_State *L)
{
    seen_top = lua_gettop(L);
    seen_first = lua_tointeger(L, 1);
    seen_last = lua_tointeger(L, -1);
    seen_type_beyond = lua_type(L, seen_top + 1);
    /* Push something and return only the top value: the caller must see
     * exactly one result. */
    lua_pushinteger(L, 100);
    lua_pushinteger(L, seen_top * 10);
    return 1;
}

/* Pushes far more than LUA_MINSTACK values after asking for room. */
static int deep_push(lua_State *L)
{
    int i, n = (int)luaL_checkinteger(L, 1);
    if (!lua_checkstack(L, n))
        return luaL_error(L, "checkstack refused %d", n);
    for (i = 0; i < n; i++)
        lua_pushinteger(L, i);
    lua_pushinteger(L, lua_gettop(L));
    return 1;
}

/* Returns its argument count and the sum of its integer arguments. */
static int count_args(lua_State *L)
{
    int i, n = lua_gettop(L);
    lua_Integer sum = 0;
    for (i = 1; i <= n; i++)
        sum += lua_tointeger(L, i);
    lua_pushinteger(L, n);
    lua_pushinteger(L, sum);
    return 2;
}

/* Pushes LUA_MINSTACK values without asking: the API guarantees room. */
static int push_minstack(lua_State *L)
{
    int i;
    for (i = 0; i < LUA_MINSTACK; i++)
        lua_pushinteger(L, i + 1);
    return LUA_MINSTACK;
}

int main(void)
{
    lua_State *L, *L1;
    int r;

    tap_plan(56);

    L = luaL_newstate();
    ok(L != NULL, "luaL_newstate returns a state");
    is_int(lua_gettop(L), 0, "a fresh state has an empty stack");

    push_range(L, 1, 3);
    is_int(lua_gettop(L), 3, "three pushes give gettop 3");
    is_int(lua_tointeger(L, -1), 3, "index -1 is the top");
    is_int(lua_tointeger(L, -3), 1, "index -3 is the bottom of three");
    is_int(lua_tointeger(L, 2), 2, "positive index 2");

    lua_settop(L, 5);
    is_int(lua_gettop(L), 5, "settop(5) grows the stack");
    ok(lua_isnil(L, 4) && lua_isnil(L, 5), "settop fills new slots with nil");
    lua_settop(L, -3);
    is_str(stack_str(L), "1 2 3", "settop(-3) removes two elements");
    lua_pop(L, 1);
    is_str(stack_str(L), "1 2", "lua_pop(1)");
    lua_settop(L, 0);
    is_int(lua_gettop(L), 0, "settop(0) empties the stack");

    push_range(L, 1, 3);
    lua_pushvalue(L, 1);
    is_str(stack_str(L), "1 2 3 1", "pushvalue(1) copies the bottom");
    lua_pushvalue(L, -2);
    is_str(stack_str(L), "1 2 3 1 3", "pushvalue(-2) copies relative to the top");
    lua_settop(L, 0);

    push_range(L, 1, 5);
    lua_remove(L, 2);
    is_str(stack_str(L), "1 3 4 5", "remove(2) shifts down");
    lua_remove(L, -1);
    is_str(stack_str(L), "1 3 4", "remove(-1) removes the top");
    lua_remove(L, 1);
    is_str(stack_str(L), "3 4", "remove(1) removes the bottom");
    lua_settop(L, 0);

    push_range(L, 1, 4);
    lua_insert(L, 1);
    is_str(stack_str(L), "4 1 2 3", "insert(1) moves the top to the bottom");
    lua_insert(L, -2);
    is_str(stack_str(L), "4 1 3 2", "insert(-2) swaps the top two");
    lua_insert(L, -1);
    is_str(stack_str(L), "4 1 3 2", "insert(-1) changes nothing");
    lua_insert(L, 2);
    is_str(stack_str(L), "4 2 1 3", "insert(2) opens a gap at 2");
    lua_settop(L, 0);

    push_range(L, 1, 4);
    lua_replace(L, 1);
    is_str(stack_str(L), "4 2 3", "replace(1) pops the top into slot 1");
    lua_replace(L, -2);
    is_str(stack_str(L), "4 3", "replace(-2) overwrites the element below the top");
    lua_pushinteger(L, 9);
    lua_replace(L, -1);
    is_str(stack_str(L), "4 3", "replace(-1) just pops");
    lua_settop(L, 0);

    /* Acceptable indices above the top. */
    lua_pushinteger(L, 1);
    is_int(lua_type(L, 2), LUA_TNONE, "type of an acceptable index above the top is LUA_TNONE");
    ok(lua_isnone(L, 5), "lua_isnone above the top");
    ok(lua_isnoneornil(L, 2) && !lua_isnoneornil(L, 1), "lua_isnoneornil");
    ok(!lua_isnil(L, 3), "an absent index is not nil (it is none)");
    lua_settop(L, 0);

    /* Pseudo-indices do not count as stack slots. */
    lua_pushvalue(L, LUA_REGISTRYINDEX);
    ok(lua_istable(L, -1), "LUA_REGISTRYINDEX holds a table");
    lua_pushvalue(L, LUA_GLOBALSINDEX);
    ok(lua_istable(L, -1), "LUA_GLOBALSINDEX holds a table");
    ok(!lua_rawequal(L, -1, -2), "registry and globals are different tables");
    is_int(lua_gettop(L), 2, "pushing pseudo-indices pushed exactly two values");
    lua_pushinteger(L, 77);
    lua_setfield(L, LUA_GLOBALSINDEX, "seventy_seven");
    is_int(lua_gettop(L), 2, "setfield on a pseudo-index pops only the value");
    lua_getfield(L, -1, "seventy_seven");
    is_int(lua_tointeger(L, -1), 77, "a global set through LUA_GLOBALSINDEX is in the globals table");
    lua_settop(L, 0);

    /* checkstack */
    ok(lua_checkstack(L, 100), "lua_checkstack(100) succeeds");
    for (r = 0; r < 100; r++)
        lua_pushinteger(L, r);
    is_int(lua_gettop(L), 100, "100 values pushed after checkstack");
    is_int(lua_tointeger(L, 50), 49, "values deep in a grown stack are intact");
    lua_settop(L, 0);
    /* LUAI_MAXCSTACK is 8000 in luaconf.h: a million slots is refused. */
    ok(!lua_checkstack(L, 1000000), "lua_checkstack refuses a million slots");
    is_int(lua_gettop(L), 0, "a refused checkstack leaves the stack alone");

    lua_pushcfunction(L, deep_push);
    lua_pushinteger(L, 5000);
    r = lua_pcall(L, 1, 1, 0);
    is_int(r, 0, "a C function can push 5000 values after checkstack");
    is_int(lua_tointeger(L, -1), 5001, "... and counts them all (argument + 5000)");
    lua_settop(L, 0);

    /* The window of a C function. */
    push_range(L, 1, 2);
    lua_pushcfunction(L, probe);
    push_range(L, 10, 12);
    lua_call(L, 3, 1);
    is_int(seen_top, 3, "a C function sees only its arguments");
    ok(seen_first == 10 && seen_last == 12, "index 1 and -1 are its first and last argument");
    is_int(seen_type_beyond, LUA_TNONE, "just above its arguments is none");
    is_str(stack_str(L), "1 2 30", "the caller gets the one result in place of function and args");
    lua_settop(L, 0);

    /* The same window when called from Lua. */
    lua_register(L, "probe", probe);
    r = luaL_loadstring(L, "local a, b = 1, 2; return probe('x', a, b, 4)");
    if (r == 0)
        r = lua_pcall(L, 0, 1, 0);
    is_int(r, 0, "calling a C function from Lua");
    ok(seen_top == 4 && seen_last == 4, "from Lua it also sees exactly its four arguments");
    is_int(lua_tointeger(L, -1), 40, "and Lua gets its single result");
    lua_settop(L, 0);

    /* many arguments and many results across the boundary */
    luaL_openlibs(L);
    lua_register(L, "count_args", count_args);
    lua_register(L, "push_minstack", push_minstack);
    r = luaL_loadstring(L, "local t = {} for i = 1, 250 do t[i] = i end return count_args(unpack(t))");
    if (r == 0)
        r = lua_pcall(L, 0, 2, 0);
    ok(r == 0 && lua_tointeger(L, 1) == 250, "a C function called with 250 arguments sees all of them");
    is_int(lua_tointeger(L, 2), 250 * 251 / 2, "with their values");
    lua_settop(L, 0);
    r = luaL_loadstring(L, "return select('#', push_minstack()), select(20, push_minstack())");
    if (r == 0)
        r = lua_pcall(L, 0, 2, 0);
    ok(r == 0 && lua_tointeger(L, 1) == LUA_MINSTACK, "LUA_MINSTACK pushes need no checkstack");
    is_int(lua_tointeger(L, 2), 20, "and all arrive in Lua");
    lua_settop(L, 0);

    /* xmove between threads of the same state. */
    L1 = lua_newthread(L);
    is_int(lua_gettop(L1), 0, "a new thread has an empty stack");
    push_range(L, 1, 3);
    lua_xmove(L, L1, 2);
    is_str(stack_str(L), "thread 1", "xmove(2) pops two values from the source");
    is_str(stack_str(L1), "2 3", "xmove keeps their order on the destination");
    lua_xmove(L1, L, 0);
    ok(lua_gettop(L1) == 2 && lua_gettop(L) == 2, "xmove of zero values changes nothing");
    lua_xmove(L1, L, 1);
    is_str(stack_str(L), "thread 1 3", "xmove back from the thread");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
