/* Garbage made of cycles: tables that reference themselves and each other,
 * a coroutine and a table that reference each other, suspended coroutines
 * holding values in their stacks, userdata whose environment and metatable
 * point back at them. A collection frees what is unreachable (seen through
 * weak tables and __gc), the rest is freed by lua_close: under valgrind
 * (the harness runs this file there in CI) nothing may leak. The same
 * checks run with a counting host allocator, which must get every byte
 * back at lua_close. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int finalized;
static int count_gc(lua_State *L)
{
    (void)L;
    finalized++;
    return 0;
}

struct counter {
    size_t cur;
};

static void *counting(void *ud, void *p, size_t osize, size_t nsize)
{
    struct counter *c = (struct counter *)ud;
    if (nsize == 0) {
        if (p != NULL)
            c->cur -= osize;
        free(p);
        return NULL;
    }
    p = realloc(p, nsize);
    if (p != NULL)
        c->cur = c->cur - osize + nsize;
    return p;
}

static int run(lua_State *L, const char *code)
{
    int r = luaL_loadstring(L, code);
    if (r == 0)
        r = lua_pcall(L, 0, LUA_MULTRET, 0);
    if (r != 0)
        diag("error: %s", lua_tostring(L, -1));
    return r;
}

static const char *build =
    "weak = setmetatable({}, {__mode = 'v'})\n"
    "keep = {}\n"
    "for i = 1, 2000 do\n"
    "  local a, b = {}, {}\n"
    "  a.other, b.other, a.self = b, a, a\n"
    "  local ring = {} ring.next = {prev = ring} ring.next.next = ring\n"
    "  local co\n"
    "  local t = {}\n"
    "  co = coroutine.create(function(x) local held = {t, x} coroutine.yield(held) end)\n"
    "  t.co = co\n"
    "  coroutine.resume(co, a)\n"
    "  local u = newud()\n"
    "  debug.setfenv(u, {u = u, t = t})\n"
    "  weak[3 * i - 2] = a\n"
    "  weak[3 * i - 1] = co\n"
    "  weak[3 * i] = u\n"
    "  made = 3 * i\n"
    "  if i % 100 == 0 then keep[#keep + 1] = {a = a, co = co, u = u} end\n"
    "end\n"
    "return made\n";

static void check_state(lua_State *L, const char *what)
{
    char desc[128];
    int r, alive;
    finalized = 0;
    lua_pushcfunction(L, count_gc);
    lua_setglobal(L, "count_gc");
    r = run(L,
            "function newud() local u = newproxy(true) getmetatable(u).__gc = count_gc return u end\n"
            "return true");
    lua_settop(L, 0);
    r = run(L, build);
    snprintf(desc, sizeof desc, "%s: built 2000 groups of cycles", what);
    ok(r == 0 && lua_tointeger(L, -1) == 6000, desc);
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    r = run(L, "local n = 0 for _, v in pairs(weak) do n = n + 1 end return n");
    alive = (int)lua_tointeger(L, -1);
    lua_settop(L, 0);
    snprintf(desc, sizeof desc, "%s: only the kept groups survive a collection", what);
    if (!ok(r == 0 && alive == 60, desc))
        diag("%d weak entries left", alive);
    snprintf(desc, sizeof desc, "%s: the unreachable userdata were finalized", what);
    if (!ok(finalized == 1980, desc))
        diag("%d finalized", finalized);
    r = run(L,
            "for _, g in ipairs(keep) do\n"
            "  assert(g.a.other.other == g.a and coroutine.status(g.co) == 'suspended')\n"
            "  assert(debug.getfenv(g.u).u == g.u)\n"
            "end return true");
    snprintf(desc, sizeof desc, "%s: the kept groups are intact", what);
    ok(r == 0, desc);
    lua_settop(L, 0);
}

int main(void)
{
    lua_State *L;
    struct counter c = {0};

    tap_plan(11);
    L = luaL_newstate();
    luaL_openlibs(L);
    check_state(L, "system allocator");
    finalized = 0;
    lua_close(L);
    ok(finalized == 20, "lua_close finalizes the kept userdata");

    L = lua_newstate(counting, &c);
    luaL_openlibs(L);
    check_state(L, "host allocator");
    finalized = 0;
    lua_close(L);
    ok(finalized == 20, "lua_close finalizes the kept userdata (host allocator)");
    if (!ok(c.cur == 0, "lua_close gives the host allocator every byte back"))
        diag("%lu bytes still held", (unsigned long)c.cur);
    return tap_done();
}
