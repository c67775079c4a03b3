/* The debug interface: lua_getstack, lua_getinfo ("nSlu", "f", "L", ">"),
 * lua_getlocal / lua_setlocal, lua_sethook with count, line, call and
 * return events, lua_gethook / lua_gethookmask / lua_gethookcount. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int run_named(lua_State *L, const char *code, const char *name, int nres)
{
    int r = luaL_loadbuffer(L, code, strlen(code), name);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

/* What probe() saw about itself (level 0) and its caller (level 1). */
typedef struct {
    int got0, got1, got_deep;
    char what0[16], src0[64], name0[32], namewhat0[16];
    int line0;
    char what1[16], src1[64], source1[64], name1[32], namewhat1[16];
    int line1, linedefined1, lastlinedefined1, nups1;
} ProbeInfo;
static ProbeInfo pi;

static void copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "(null)");
}

static int probe(lua_State *L)
{
    lua_Debug ar;
    memset(&pi, 0, sizeof pi);
    pi.got0 = lua_getstack(L, 0, &ar);
    if (pi.got0 && lua_getinfo(L, "nSl", &ar)) {
        copy(pi.what0, sizeof pi.what0, ar.what);
        copy(pi.src0, sizeof pi.src0, ar.short_src);
        copy(pi.name0, sizeof pi.name0, ar.name);
        copy(pi.namewhat0, sizeof pi.namewhat0, ar.namewhat);
        pi.line0 = ar.currentline;
    }
    pi.got1 = lua_getstack(L, 1, &ar);
    if (pi.got1 && lua_getinfo(L, "nSlu", &ar)) {
        copy(pi.what1, sizeof pi.what1, ar.what);
        copy(pi.src1, sizeof pi.src1, ar.short_src);
        copy(pi.source1, sizeof pi.source1, ar.source);
        copy(pi.name1, sizeof pi.name1, ar.name);
        copy(pi.namewhat1, sizeof pi.namewhat1, ar.namewhat);
        pi.line1 = ar.currentline;
        pi.linedefined1 = ar.linedefined;
        pi.lastlinedefined1 = ar.lastlinedefined;
        pi.nups1 = ar.nups;
    }
    pi.got_deep = lua_getstack(L, 50, &ar);
    return 0;
}

/* Reads and changes the locals of its caller. */
static char local_names[4][16];
static lua_Integer local_a;
static int local_missing;
static int poke(lua_State *L)
{
    lua_Debug ar;
    const char *name;
    int i;
    if (!lua_getstack(L, 1, &ar))
        return luaL_error(L, "no caller");
    for (i = 1; i <= 2; i++) {
        name = lua_getlocal(L, &ar, i);
        copy(local_names[i], sizeof local_names[i], name);
        if (i == 1)
            local_a = lua_tointeger(L, -1);
        if (name)
            lua_pop(L, 1);
    }
    local_missing = lua_getlocal(L, &ar, 50) == NULL;
    lua_pushinteger(L, 99);
    name = lua_setlocal(L, &ar, 1);
    copy(local_names[3], sizeof local_names[3], name);
    return 0;
}

/* hooks */
static int count_hook_calls;
static void stop_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    count_hook_calls++;
    luaL_error(L, "timeout after %d hooks", count_hook_calls);
}

static int line_events;
static char line_log[128];
static void line_hook(lua_State *L, lua_Debug *ar)
{
    size_t used = strlen(line_log);
    if (ar->event != LUA_HOOKLINE)
        return;
    lua_getinfo(L, "l", ar);
    line_events++;
    if (used < sizeof line_log - 8)
        snprintf(line_log + used, sizeof line_log - used, "%s%d", used ? " " : "", ar->currentline);
}

static int call_events, ret_events, lua_calls, main_calls;
static void callret_hook(lua_State *L, lua_Debug *ar)
{
    if (ar->event == LUA_HOOKCALL) {
        call_events++;
        lua_getinfo(L, "S", ar);
        if (strcmp(ar->what, "Lua") == 0)
            lua_calls++;
        else if (strcmp(ar->what, "main") == 0)
            main_calls++;
    } else if (ar->event == LUA_HOOKRET || ar->event == LUA_HOOKTAILRET) {
        ret_events++;
    }
}

static void noop_hook(lua_State *L, lua_Debug *ar)
{
    (void)L;
    (void)ar;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    lua_Debug ar;
    int r;

    tap_plan(67);
    luaL_openlibs(L);
    lua_register(L, "probe", probe);
    lua_register(L, "poke", poke);

    /* a C function called from the main chunk */
    r = run_named(L, "local x = 1\n\nprobe()", "=main", 0);
    is_int(r, 0, "probe ran");
    ok(pi.got0 && pi.got1, "getstack levels 0 and 1 exist");
    ok(!pi.got_deep, "getstack of a level deeper than the stack returns 0");
    is_str(pi.what0, "C", "level 0 is the C function: what 'C'");
    is_str(pi.src0, "[C]", "its short_src is [C]");
    is_int(pi.line0, -1, "its currentline is -1");
    is_str(pi.name0, "probe", "it is named after the global");
    is_str(pi.namewhat0, "global", "namewhat 'global'");
    is_str(pi.what1, "main", "level 1 is the main chunk: what 'main'");
    is_str(pi.src1, "main", "short_src of a =name chunk");
    is_str(pi.source1, "=main", "source keeps the prefix");
    is_int(pi.line1, 3, "currentline is the line of the call");
    is_int(pi.linedefined1, 0, "a main chunk has linedefined 0");

    /* a Lua function called through a local */
    r = run_named(L, "local function inner(a)\n"
                     "  local b = a\n"
                     "  probe()\n"
                     "end\n"
                     "inner(1)", "@dbg.lua", 0);
    is_int(r, 0, "probe inside a local function");
    is_str(pi.what1, "Lua", "the caller is a Lua function");
    is_str(pi.name1, "inner", "named after the local");
    is_str(pi.namewhat1, "local", "namewhat 'local'");
    is_str(pi.src1, "dbg.lua", "short_src of an @file chunk");
    is_int(pi.line1, 3, "currentline inside the function");
    ok(pi.linedefined1 == 1 && pi.lastlinedefined1 == 4, "linedefined 1, lastlinedefined 4");
    is_int(pi.nups1, 0, "no upvalues");

    r = run_named(L, "local up1, up2 = 1, 2\n"
                     "local t = {}\n"
                     "function t.field() probe() return up1 + up2 end\n"
                     "t.field()", "=f", 0);
    is_str(pi.name1, "field", "a function called as t.field is named field");
    is_str(pi.namewhat1, "field", "namewhat 'field'");
    is_int(pi.nups1, 2, "nups counts two upvalues");
    r = run_named(L, "local obj = {}\n"
                     "function obj:meth() probe() end\n"
                     "obj:meth()", "=m", 0);
    is_str(pi.name1, "meth", "a method call");
    is_str(pi.namewhat1, "method", "namewhat 'method'");
    r = run_named(L, "local function outer() probe() end\nlocal function get() return outer end\nget()()", "=a", 0);
    is_str(pi.namewhat1, "", "a function returned by a call has namewhat \"\"");
    ok(pi.name1[0] == '(', "and no name (NULL)");

    /* lua_getinfo with '>' on a function value */
    r = run_named(L, "\n\nreturn function(a, b)\n  return a\nend", "=gi", 1);
    r = lua_getinfo(L, ">Su", &ar);
    ok(r != 0, "getinfo '>' succeeds");
    is_int(lua_gettop(L), 0, "getinfo '>' pops the function");
    is_str(ar.what, "Lua", "what 'Lua'");
    ok(ar.linedefined == 3 && ar.lastlinedefined == 5, "its line range");
    is_str(ar.short_src, "gi", "its short_src");
    is_int(ar.nups, 0, "no upvalues");
    lua_pushcfunction(L, probe);
    lua_getinfo(L, ">S", &ar);
    ok(strcmp(ar.what, "C") == 0 && strcmp(ar.source, "=[C]") == 0, "a C function: what 'C', source =[C]");
    ok(ar.linedefined == -1, "linedefined -1 for C");
    r = run_named(L, "return function()\n  local a = 1\n\n  return a\nend", "=lines", 1);
    lua_getinfo(L, ">L", &ar);
    ok(lua_istable(L, -1), "getinfo 'L' pushes a table of valid lines");
    lua_rawgeti(L, -1, 2);
    lua_rawgeti(L, -2, 3);
    lua_rawgeti(L, -3, 4);
    ok(lua_toboolean(L, -3) && !lua_toboolean(L, -2) && lua_toboolean(L, -1),
       "lines 2 and 4 have code, the blank line 3 has none");
    lua_settop(L, 0);
    r = run_named(L, "return function() end", "=ff", 1);
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">f", &ar);
    ok(lua_rawequal(L, -1, -2), "getinfo 'f' pushes the function itself");
    lua_settop(L, 0);

    /* locals */
    r = run_named(L, "local a, b = 10, 'x'\n"
                     "poke()\n"
                     "return a, b", "=loc", 2);
    is_int(r, 0, "poke ran");
    is_str(local_names[1], "a", "getlocal 1 is a");
    is_int(local_a, 10, "with value 10");
    is_str(local_names[2], "b", "getlocal 2 is b");
    ok(local_missing, "getlocal past the last local is NULL");
    is_str(local_names[3], "a", "setlocal returns the name");
    is_int(lua_tointeger(L, 1), 99, "setlocal changed the caller's local");
    is_str(lua_tostring(L, 2), "x", "the other local is unchanged");
    lua_settop(L, 0);

    /* a count hook stops an endless loop */
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 1000);
    ok(lua_gethook(L) == stop_hook, "gethook returns the hook");
    is_int(lua_gethookmask(L), LUA_MASKCOUNT, "gethookmask");
    is_int(lua_gethookcount(L), 1000, "gethookcount");
    count_hook_calls = 0;
    r = run_named(L, "local n = 0 while true do n = n + 1 end", "=loop", 0);
    is_int(r, LUA_ERRRUN, "the hook's error stops while true do end");
    has_str(lua_tostring(L, -1), "timeout after 1 hooks", "with the hook's message");
    is_int(count_hook_calls, 1, "the hook ran once");
    lua_settop(L, 0);
    lua_sethook(L, NULL, 0, 0);
    ok(lua_gethook(L) == NULL && lua_gethookmask(L) == 0, "sethook(NULL, 0) removes the hook");
    r = run_named(L, "local n = 0 for i = 1, 100000 do n = n + i end return n", "=after", 1);
    ok(r == 0 && lua_tonumber(L, -1) == 5000050000.0, "the state runs normally afterwards");
    lua_settop(L, 0);

    /* line hook */
    line_events = 0;
    line_log[0] = '\0';
    lua_sethook(L, line_hook, LUA_MASKLINE, 0);
    is_int(lua_gethookmask(L), LUA_MASKLINE, "mask LUA_MASKLINE");
    r = run_named(L, "local a = 1\nlocal b = 2\nlocal c = a + b", "=lines", 0);
    lua_sethook(L, NULL, 0, 0);
    is_int(r, 0, "the chunk ran under a line hook");
    is_int(line_events, 3, "three line events");
    is_str(line_log, "1 2 3", "for lines 1, 2, 3");
    lua_settop(L, 0);
    line_events = 0;
    line_log[0] = '\0';
    lua_sethook(L, line_hook, LUA_MASKLINE, 0);
    r = run_named(L, "local s = 0\nfor i = 1, 3 do\n  s = s + i\nend\nreturn s", "=loop", 1);
    lua_sethook(L, NULL, 0, 0);
    ok(r == 0 && lua_tointeger(L, -1) == 6, "a loop under a line hook");
    ok(line_events >= 5 && strstr(line_log, "3 2 3") != NULL, "loop body lines are reported on each iteration");
    lua_settop(L, 0);

    /* call and return hooks */
    call_events = ret_events = lua_calls = main_calls = 0;
    lua_sethook(L, callret_hook, LUA_MASKCALL | LUA_MASKRET, 0);
    is_int(lua_gethookmask(L), LUA_MASKCALL | LUA_MASKRET, "mask call|ret");
    r = run_named(L, "local function f(x) return x end\nf(1) f(2) f(3)", "=calls", 0);
    lua_sethook(L, NULL, 0, 0);
    is_int(r, 0, "the chunk ran under call/return hooks");
    is_int(lua_calls, 3, "three calls of the Lua function f");
    is_int(main_calls, 1, "one call of the main chunk");
    is_int(ret_events, call_events, "as many returns as calls");
    lua_settop(L, 0);

    /* hook with count but also another mask */
    lua_sethook(L, noop_hook, LUA_MASKCOUNT | LUA_MASKLINE, 7);
    ok(lua_gethookcount(L) == 7 && lua_gethookmask(L) == (LUA_MASKCOUNT | LUA_MASKLINE), "combined mask and count");
    lua_sethook(L, NULL, 0, 0);

    lua_close(L);
    return tap_done();
}
