/* Calls and errors: lua_call, lua_pcall (with and without a handler),
 * LUA_MULTRET, lua_cpcall, lua_error with any value, luaL_error positions,
 * status codes, C -> Lua -> C -> Lua nesting and the wording of
 * argument-check errors. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* Loads code under a chunk name and pcalls it with no arguments. */
static int run_named(lua_State *L, const char *code, const char *name, int nres)
{
    int r = luaL_loadbuffer(L, code, strlen(code), name);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

static int run(lua_State *L, const char *code, int nres)
{
    int r = luaL_loadstring(L, code);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

/* apply(f, x): calls f(x) with lua_call and returns its result */
static int apply(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_call(L, 1, 1);
    return 1;
}

/* f(n): luaL_checknumber */
static int needs_number(lua_State *L)
{
    lua_pushnumber(L, luaL_checknumber(L, 1) * 2);
    return 1;
}

static int needs_integer(lua_State *L)
{
    lua_pushinteger(L, luaL_checkinteger(L, 1) + 1);
    return 1;
}

static int needs_string(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_pushinteger(L, (lua_Integer)len);
    lua_pushstring(L, s);
    return 2;
}

static int needs_two(lua_State *L)
{
    luaL_checknumber(L, 2);
    luaL_checkstring(L, 1);
    lua_pushboolean(L, 1);
    return 1;
}

static int raise_where(lua_State *L)
{
    return luaL_error(L, "bad %s %d", "thing", 5);
}

static int raise_table(lua_State *L)
{
    lua_newtable(L);
    lua_pushinteger(L, 7);
    lua_setfield(L, -2, "code");
    return lua_error(L);
}

static int raise_number(lua_State *L)
{
    lua_pushinteger(L, 42);
    return lua_error(L);
}

static int raise_nil(lua_State *L)
{
    lua_pushnil(L);
    return lua_error(L);
}

static int handler_prefix(lua_State *L)
{
    lua_pushstring(L, "handled: ");
    lua_pushvalue(L, 1);
    lua_concat(L, 2);
    return 1;
}

static int handler_fails(lua_State *L)
{
    lua_pushstring(L, "again");
    return lua_error(L);
}

static void *cp_seen_ud;
static int cp_seen_top;
static int cp_body(lua_State *L)
{
    cp_seen_top = lua_gettop(L);
    cp_seen_ud = lua_touserdata(L, 1);
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    return 2;
}

static int cp_fails(lua_State *L)
{
    int *p = (int *)lua_touserdata(L, 1);
    return luaL_error(L, "cpcall failed with %d", *p);
}

/* lua_call inside a protected call: errors of the callee propagate */
static int call_unprotected(lua_State *L)
{
    luaL_loadstring(L, "error('deep', 0)");
    lua_call(L, 0, 0);
    lua_pushstring(L, "not reached");
    return 1;
}

/* Each of these triggers a metamethod (set up by the Lua code below) that
 * raises an error: the error must unwind out of the API call and the C
 * function to the enclosing protected call. */
static int mm_gettable(lua_State *L)
{
    lua_getfield(L, 1, "missing");
    lua_pushstring(L, "not reached");
    return 1;
}

static int mm_settable(lua_State *L)
{
    lua_pushinteger(L, 1);
    lua_setfield(L, 1, "missing");
    lua_pushstring(L, "not reached");
    return 1;
}

static int mm_concat(lua_State *L)
{
    lua_pushvalue(L, 1);
    lua_pushstring(L, "x");
    lua_concat(L, 2);
    return 1;
}

static int mm_equal(lua_State *L)
{
    lua_pushboolean(L, lua_equal(L, 1, 2));
    return 1;
}

static int mm_lessthan(lua_State *L)
{
    lua_pushboolean(L, lua_lessthan(L, 1, 2));
    return 1;
}

static int mm_call(lua_State *L)
{
    lua_pushvalue(L, 1);
    lua_call(L, 0, 0);
    lua_pushstring(L, "not reached");
    return 1;
}

static int returns_three(lua_State *L)
{
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_pushinteger(L, 3);
    return 3;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    int r, base;
    int secret = 99;

    tap_plan(88);
    luaL_openlibs(L);

    /* lua_call with arguments and results */
    luaL_loadstring(L, "local a, b = ... return a - b");
    lua_pushinteger(L, 10);
    lua_pushinteger(L, 3);
    lua_call(L, 2, 1);
    is_int(lua_gettop(L), 1, "lua_call leaves nresults values");
    is_int(lua_tointeger(L, -1), 7, "arguments arrive in order");
    lua_settop(L, 0);

    lua_pushinteger(L, 100); /* a value below the call must stay */
    luaL_loadstring(L, "return 1, 2, 3");
    lua_call(L, 0, LUA_MULTRET);
    is_int(lua_gettop(L), 4, "LUA_MULTRET keeps all three results");
    ok(lua_tointeger(L, 1) == 100 && lua_tointeger(L, 2) == 1 && lua_tointeger(L, 4) == 3,
       "results are in order above the untouched slot");
    lua_settop(L, 0);
    luaL_loadstring(L, "return 1, 2");
    lua_call(L, 0, 4);
    ok(lua_gettop(L) == 4 && lua_isnil(L, 3) && lua_isnil(L, 4), "missing results are nil");
    lua_settop(L, 0);
    luaL_loadstring(L, "return 1, 2, 3");
    lua_call(L, 0, 1);
    ok(lua_gettop(L) == 1 && lua_tointeger(L, 1) == 1, "extra results are dropped");
    lua_settop(L, 0);
    luaL_loadstring(L, "return");
    lua_call(L, 0, LUA_MULTRET);
    is_int(lua_gettop(L), 0, "MULTRET with no results");
    lua_pushcfunction(L, returns_three);
    lua_call(L, 0, LUA_MULTRET);
    is_int(lua_gettop(L), 3, "MULTRET of a C function returning 3");
    lua_settop(L, 0);

    /* lua_pcall status and messages */
    r = run(L, "return 5", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 5, "pcall success returns 0");
    lua_settop(L, 0);
    r = run_named(L, "local x = 1\nerror('boom')", "=chunk", 0);
    is_int(r, LUA_ERRRUN, "a runtime error gives LUA_ERRRUN");
    is_str(lua_tostring(L, -1), "chunk:2: boom", "error() adds chunk:line");
    is_int(lua_gettop(L), 1, "only the message is left on the stack");
    lua_settop(L, 0);
    r = run(L, "error('plain', 0)", 0);
    is_str(lua_tostring(L, -1), "plain", "error(msg, 0) adds no position");
    lua_settop(L, 0);
    r = run(L, "error({code = 7})", 0);
    is_int(r, LUA_ERRRUN, "error with a table");
    lua_getfield(L, -1, "code");
    is_int(lua_tointeger(L, -1), 7, "the error object is the table itself");
    lua_settop(L, 0);
    r = run(L, "error()", 0);
    ok(r == LUA_ERRRUN && lua_isnil(L, -1), "error() propagates nil");
    lua_settop(L, 0);
    r = run(L, "local t = nil; return t.x", 0);
    is_int(r, LUA_ERRRUN, "indexing nil");
    is_str(lua_tostring(L, -1), "[string \"local t = nil; return t.x\"]:1: attempt to index local 't' (a nil value)",
           "a Lua runtime error names the local variable");
    lua_settop(L, 0);
    lua_pushinteger(L, 3);
    r = lua_pcall(L, 0, 0, 0);
    is_int(r, LUA_ERRRUN, "pcall of a number fails");
    is_str(lua_tostring(L, -1), "attempt to call a number value", "... 'attempt to call a number value'");
    lua_settop(L, 0);
    r = luaL_loadstring(L, "x = ");
    is_int(r, LUA_ERRSYNTAX, "a syntax error gives LUA_ERRSYNTAX");
    is_str(lua_tostring(L, -1), "[string \"x = \"]:1: unexpected symbol near '<eof>'", "its message");
    lua_settop(L, 0);

    /* error handler */
    lua_pushcfunction(L, handler_prefix);
    luaL_loadstring(L, "error('oops', 0)");
    r = lua_pcall(L, 0, 0, 1);
    is_int(r, LUA_ERRRUN, "pcall with a handler still returns LUA_ERRRUN");
    is_str(lua_tostring(L, -1), "handled: oops", "the handler's result is the error message");
    is_int(lua_gettop(L), 2, "handler and message are on the stack");
    lua_settop(L, 0);
    lua_pushcfunction(L, handler_prefix);
    luaL_loadstring(L, "local a = ... error(a, 0)");
    lua_pushstring(L, "neg");
    r = lua_pcall(L, 1, 0, -3);
    is_str(lua_tostring(L, -1), "handled: neg", "a negative handler index counts from the top at call time");
    lua_settop(L, 0);
    lua_pushcfunction(L, handler_prefix);
    luaL_loadstring(L, "return 'fine'");
    r = lua_pcall(L, 0, 1, 1);
    ok(r == 0 && strcmp(lua_tostring(L, -1), "fine") == 0, "the handler is not called on success");
    lua_settop(L, 0);
    r = run(L, "handler_lua = function(m) return 'L:' .. m end", 0);
    lua_getglobal(L, "handler_lua");
    luaL_loadstring(L, "error('x', 0)");
    r = lua_pcall(L, 0, 0, -2);
    is_str(lua_tostring(L, -1), "L:x", "a Lua function as handler");
    lua_settop(L, 0);
    lua_pushcfunction(L, handler_fails);
    luaL_loadstring(L, "error('first', 0)");
    r = lua_pcall(L, 0, 0, 1);
    is_int(r, LUA_ERRERR, "an error inside the handler gives LUA_ERRERR");
    is_str(lua_tostring(L, -1), "error in error handling", "... 'error in error handling'");
    lua_settop(L, 0);

    /* lua_cpcall */
    r = lua_cpcall(L, cp_body, &secret);
    is_int(r, 0, "cpcall returns 0 on success");
    ok(cp_seen_ud == (void *)&secret, "cpcall passes ud as a light userdata");
    is_int(cp_seen_top, 1, "... as the only argument");
    is_int(lua_gettop(L), 0, "cpcall discards the results");
    r = lua_cpcall(L, cp_fails, &secret);
    is_int(r, LUA_ERRRUN, "cpcall of a failing function returns LUA_ERRRUN");
    is_str(lua_tostring(L, -1), "cpcall failed with 99", "... and pushes the message");
    is_int(lua_gettop(L), 1, "only the message");
    lua_settop(L, 0);
    r = lua_cpcall(L, call_unprotected, NULL);
    ok(r == LUA_ERRRUN && strcmp(lua_tostring(L, -1), "deep") == 0,
       "an error inside lua_call unwinds to the enclosing protected call");
    lua_settop(L, 0);

    /* lua_error with non-string values, seen from Lua's pcall */
    lua_register(L, "raise_table", raise_table);
    lua_register(L, "raise_number", raise_number);
    lua_register(L, "raise_nil", raise_nil);
    r = run(L, "local ok, e = pcall(raise_table) return ok, type(e), e.code", 3);
    ok(r == 0 && !lua_toboolean(L, 1) && strcmp(lua_tostring(L, 2), "table") == 0 && lua_tointeger(L, 3) == 7,
       "lua_error with a table, caught by pcall in Lua");
    lua_settop(L, 0);
    r = run(L, "local ok, e = pcall(raise_number) return type(e), e", 2);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "number") == 0 && lua_tointeger(L, 2) == 42,
       "lua_error with a number keeps it a number");
    lua_settop(L, 0);
    r = run(L, "local ok, e = pcall(raise_nil) return ok, e == nil", 2);
    ok(r == 0 && !lua_toboolean(L, 1) && lua_toboolean(L, 2), "lua_error with nil");
    lua_settop(L, 0);
    lua_pushcfunction(L, raise_table);
    r = lua_pcall(L, 0, 0, 0);
    ok(r == LUA_ERRRUN && lua_istable(L, -1), "lua_error with a table, caught by lua_pcall");
    lua_settop(L, 0);

    /* luaL_error and its position */
    lua_register(L, "raise", raise_where);
    r = run_named(L, "local a = 1\n\nraise()", "=chunk", 0);
    is_str(lua_tostring(L, -1), "chunk:3: bad thing 5", "luaL_error prefixes the Lua caller's position");
    lua_settop(L, 0);
    r = run_named(L, "raise()", "@script.lua", 0);
    is_str(lua_tostring(L, -1), "script.lua:1: bad thing 5", "an @file chunk name");
    lua_settop(L, 0);
    r = run_named(L, "raise()", "raise()", 0);
    is_str(lua_tostring(L, -1), "[string \"raise()\"]:1: bad thing 5", "a string chunk name");
    lua_settop(L, 0);
    lua_pushcfunction(L, raise_where);
    r = lua_pcall(L, 0, 0, 0);
    is_str(lua_tostring(L, -1), "bad thing 5", "called directly from C there is no position");
    lua_settop(L, 0);
    r = run_named(L, "local function f() raise() end\nf()", "=n", 0);
    is_str(lua_tostring(L, -1), "n:1: bad thing 5", "the position is where the C function was called");
    lua_settop(L, 0);

    /* argument checks, as 5.1 words them */
    lua_register(L, "f", needs_number);
    lua_register(L, "g", needs_integer);
    lua_register(L, "h", needs_string);
    lua_register(L, "two", needs_two);
    r = run(L, "f(nil)", 0);
    is_int(r, LUA_ERRRUN, "a failed check is a runtime error");
    is_str(lua_tostring(L, -1), "[string \"f(nil)\"]:1: bad argument #1 to 'f' (number expected, got nil)",
           "checknumber with nil");
    lua_settop(L, 0);
    r = run_named(L, "f()", "=c", 0);
    is_str(lua_tostring(L, -1), "c:1: bad argument #1 to 'f' (number expected, got no value)",
           "checknumber with no argument");
    lua_settop(L, 0);
    r = run_named(L, "g('x')", "=c", 0);
    is_str(lua_tostring(L, -1), "c:1: bad argument #1 to 'g' (number expected, got string)",
           "checkinteger with a non-numeric string");
    lua_settop(L, 0);
    r = run_named(L, "h({})", "=c", 0);
    is_str(lua_tostring(L, -1), "c:1: bad argument #1 to 'h' (string expected, got table)",
           "checkstring with a table");
    lua_settop(L, 0);
    r = run_named(L, "two('a', true)", "=c", 0);
    is_str(lua_tostring(L, -1), "c:1: bad argument #2 to 'two' (number expected, got boolean)",
           "the second argument");
    lua_settop(L, 0);
    r = run_named(L, "local t = {m = f}\nt.m(false)", "=c", 0);
    is_str(lua_tostring(L, -1), "c:2: bad argument #1 to 'm' (number expected, got boolean)",
           "a function called as a field is named by the field");
    lua_settop(L, 0);
    r = run_named(L, "local obj = {m = two}\nobj:m()", "=c", 0);
    is_str(lua_tostring(L, -1), "c:2: bad argument #1 to 'm' (number expected, got no value)",
           "a method call does not count self");
    lua_settop(L, 0);
    r = run_named(L, "local obj = {m = f}\nobj.m = f\nlocal s = 'str'\ns = nil\nobj:m()", "=c", 0);
    is_str(lua_tostring(L, -1), "c:5: calling 'm' on bad self (number expected, got table)",
           "a bad self in a method call");
    lua_settop(L, 0);
    r = run(L, "return f(' 21 '), g(2.0), h(12)", 4);
    ok(r == 0 && lua_tonumber(L, 1) == 42 && lua_tointeger(L, 2) == 3, "checks accept convertible values");
    ok(lua_tointeger(L, 3) == 2 && strcmp(lua_tostring(L, 4), "12") == 0, "checklstring converts a number");
    lua_settop(L, 0);
    lua_pushcfunction(L, needs_number);
    r = lua_pcall(L, 0, 0, 0);
    is_str(lua_tostring(L, -1), "bad argument #1 to '?' (number expected, got no value)",
           "called from C the function has no name");
    lua_settop(L, 0);
    r = run_named(L, "local ok, e = pcall(f, 'x') return e", "=c", 1);
    is_str(lua_tostring(L, -1), "bad argument #1 to '?' (number expected, got string)",
           "called through pcall the function has no name either");
    lua_settop(L, 0);

    /* nesting: C -> Lua -> C -> Lua */
    lua_register(L, "apply", apply);
    r = run(L, "return apply(function(x) return apply(function(y) return y * 2 end, x) + 1 end, 5)", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 11, "C -> Lua -> C -> Lua -> C -> Lua");
    lua_settop(L, 0);
    lua_pushinteger(L, 1234);
    r = run_named(L, "return apply(function(x) return apply(function(y) error('inner ' .. y) end, x) end, 3)",
                  "=nest", 0);
    is_int(r, LUA_ERRRUN, "an error deep in the nesting");
    is_str(lua_tostring(L, -1), "nest:1: inner 3", "reaches the outer pcall with its position");
    is_int(lua_gettop(L), 2, "the stack below the pcall is intact");
    is_int(lua_tointeger(L, 1), 1234, "the value below is untouched");
    lua_settop(L, 0);
    r = run(L, "local ok, e = pcall(apply, function() error('mid', 0) end)\n"
               "return ok, e, apply(function(v) return v end, 'after')", 3);
    ok(r == 0 && !lua_toboolean(L, 1) && strcmp(lua_tostring(L, 2), "mid") == 0,
       "Lua's pcall catches an error raised below a C function");
    is_str(lua_tostring(L, 3), "after", "and calling through C works afterwards");
    lua_settop(L, 0);
    r = run(L, "local function rec(n) if n == 0 then return 0 end return apply(rec, n - 1) + 1 end\n"
               "return rec(50)", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 50, "50 nested C/Lua levels");
    lua_settop(L, 0);
    r = run(L, "local function rec(n) return apply(rec, n + 1) end\nreturn rec(0)", 1);
    is_int(r, LUA_ERRRUN, "unbounded C/Lua recursion is an error, not a crash");
    has_str(lua_tostring(L, -1), "stack overflow", "... a stack overflow");
    lua_settop(L, 0);
    r = run(L, "return apply(function() return 'still alive' end)", 1);
    is_str(lua_tostring(L, -1), "still alive", "the state works after the overflow");
    lua_settop(L, 0);

    /* errors raised by metamethods that API calls invoke */
    r = run(L, "local mt = {}\n"
               "for _, e in ipairs{'__index', '__newindex', '__concat', '__eq', '__lt', '__call'} do\n"
               "  mt[e] = function() error('from ' .. e, 0) end\n"
               "end\n"
               "mmobj, mmobj2 = setmetatable({}, mt), setmetatable({}, mt)", 0);
    is_int(r, 0, "objects whose metamethods raise errors");
    {
        static const struct {
            lua_CFunction f;
            const char *msg;
        } cases[] = {{mm_gettable, "from __index"}, {mm_settable, "from __newindex"},
                     {mm_concat, "from __concat"},  {mm_equal, "from __eq"},
                     {mm_lessthan, "from __lt"},    {mm_call, "from __call"}};
        size_t i;
        for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            int k, all = 1;
            char desc[96];
            /* many times, so that anything leaked per error shows under valgrind */
            for (k = 0; k < 200; k++) {
                lua_pushcfunction(L, cases[i].f);
                lua_getglobal(L, "mmobj");
                lua_getglobal(L, "mmobj2");
                r = lua_pcall(L, 2, 1, 0);
                if (r != LUA_ERRRUN || !lua_isstring(L, -1) || strcmp(lua_tostring(L, -1), cases[i].msg) != 0)
                    all = 0;
                lua_settop(L, 0);
            }
            snprintf(desc, sizeof desc, "an error %s unwinds out of the API call to lua_pcall", cases[i].msg);
            ok(all, desc);
        }
    }
    r = run(L, "local n = 0\n"
               "for i = 1, 100 do if not pcall(function() return mmobj .. 'x' end) then n = n + 1 end end\n"
               "return n", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 100, "the same errors caught by pcall in Lua");
    lua_settop(L, 0);

    /* xpcall with a C handler from Lua */
    lua_register(L, "handler_prefix", handler_prefix);
    r = run(L, "return xpcall(function() error('xp', 0) end, handler_prefix)", 2);
    ok(r == 0 && !lua_toboolean(L, 1) && strcmp(lua_tostring(L, 2), "handled: xp") == 0,
       "xpcall with a C handler");
    lua_settop(L, 0);

    /* status codes are the 5.1 values */
    is_int(LUA_YIELD, 1, "LUA_YIELD is 1");
    is_int(LUA_ERRRUN, 2, "LUA_ERRRUN is 2");
    is_int(LUA_ERRSYNTAX, 3, "LUA_ERRSYNTAX is 3");
    is_int(LUA_ERRMEM, 4, "LUA_ERRMEM is 4");
    is_int(LUA_ERRERR, 5, "LUA_ERRERR is 5");
    is_int(LUA_ERRFILE, 6, "LUA_ERRFILE is 6");
    is_int(LUA_MULTRET, -1, "LUA_MULTRET is -1");

    /* the stack below a failed call */
    base = lua_gettop(L);
    lua_pushstring(L, "keep");
    r = run(L, "error('x')", LUA_MULTRET);
    ok(lua_gettop(L) == base + 2 && strcmp(lua_tostring(L, base + 1), "keep") == 0,
       "a failed pcall replaces function and arguments by one message");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
