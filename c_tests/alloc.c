/* Host allocators: lua_newstate with a counting lua_Alloc, lua_getallocf,
 * lua_setallocf, the osize contract, memory limits (LUA_ERRMEM, "not
 * enough memory") and everything freed by lua_close. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdint.h>

/* Each block carries a 16-byte header with its size, so the allocator can
 * check the osize Lua claims for it. */
typedef struct {
    size_t cur;        /* bytes currently allocated */
    size_t peak;
    size_t limit;      /* refuse growth beyond this (0: no limit) */
    long allocs, frees, reallocs, calls;
    long osize_mismatches;
    long refusals;
} Counter;

#define HDR 16

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Counter *c = (Counter *)ud;
    unsigned char *base = ptr ? (unsigned char *)ptr - HDR : NULL;
    size_t real_old = 0;
    c->calls++;
    if (base != NULL) {
        memcpy(&real_old, base, sizeof real_old);
        if (real_old != osize)
            c->osize_mismatches++;
    }
    if (nsize == 0) {
        if (base != NULL) {
            c->cur -= real_old;
            c->frees++;
            free(base);
        }
        return NULL;
    }
    if (c->limit != 0 && nsize > real_old && c->cur + (nsize - real_old) > c->limit) {
        c->refusals++;
        return NULL;
    }
    {
        unsigned char *nb = (unsigned char *)realloc(base, nsize + HDR);
        if (nb == NULL)
            return NULL;
        if (base == NULL)
            c->allocs++;
        else
            c->reallocs++;
        c->cur = c->cur - real_old + nsize;
        if (c->cur > c->peak)
            c->peak = c->cur;
        memcpy(nb, &nsize, sizeof nsize);
        return nb + HDR;
    }
}

/* A second allocator with the same block layout, counting its own calls. */
static long second_calls;
static void *second_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    second_calls++;
    return counting_alloc(ud, ptr, osize, nsize);
}

static void *refuse_all(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return NULL;
}

/* luaL_dostring's value is only 0 or 1; this returns the status itself */
static int dostring(lua_State *L, const char *code)
{
    int r = luaL_loadstring(L, code);
    if (r == 0)
        r = lua_pcall(L, 0, LUA_MULTRET, 0);
    return r;
}

static int panic_quiet(lua_State *L)
{
    (void)L;
    return 0;
}

int main(void)
{
    Counter c, c2;
    lua_State *L;
    lua_Alloc f;
    void *ud = NULL;
    size_t before, after_alloc, after_free;
    int r, aligned;

    tap_plan(32);
    memset(&c, 0, sizeof c);

    L = lua_newstate(counting_alloc, &c);
    ok(L != NULL, "lua_newstate with a counting allocator");
    ok(c.cur > 0 && c.allocs > 0, "the state's own memory came from the allocator");
    f = lua_getallocf(L, &ud);
    ok(f == counting_alloc, "lua_getallocf returns the allocator");
    ok(ud == (void *)&c, "and its ud");
    ok(lua_getallocf(L, NULL) == counting_alloc, "lua_getallocf accepts a NULL ud pointer");
    lua_atpanic(L, panic_quiet);

    luaL_openlibs(L);
    before = c.cur;
    r = dostring(L, "big = {} for i = 1, 20000 do big[i] = {i} end");
    is_int(r, 0, "a script building 20000 tables");
    after_alloc = c.cur;
    ok(after_alloc > before + 20000 * 16, "memory in use grew through the allocator");
    r = dostring(L, "big = nil");
    lua_gc(L, LUA_GCCOLLECT, 0);
    after_free = c.cur;
    ok(after_free < after_alloc - 20000 * 16, "releasing and collecting gave it back");
    ok(c.frees > 0, "blocks were freed through the allocator");

    /* lua_gc counts what the allocator holds */
    {
        size_t counted = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
        if (!ok(counted > 0 && counted <= c.cur + 4096 && counted + c.cur / 2 >= c.cur,
                "LUA_GCCOUNT/COUNTB is close to what the allocator holds"))
            diag("lua_gc counts %lu bytes, the allocator holds %lu", (unsigned long)counted,
                 (unsigned long)c.cur);
    }

    /* userdata blocks from a host allocator */
    aligned = 1;
    {
        int i;
        for (i = 0; i < 20; i++) {
            void *u = lua_newuserdata(L, (size_t)(i + 1) * 5);
            if ((uintptr_t)u % sizeof(double) != 0)
                aligned = 0;
            memset(u, 0xAB, (size_t)(i + 1) * 5);
        }
        lua_settop(L, 0);
    }
    ok(aligned, "userdata from the host allocator are aligned");

    /* lua_setallocf */
    second_calls = 0;
    lua_setallocf(L, second_alloc, &c);
    f = lua_getallocf(L, &ud);
    ok(f == second_alloc && ud == (void *)&c, "lua_setallocf installs the new allocator");
    r = dostring(L, "local t = {} for i = 1, 1000 do t[i] = tostring(i) .. 'x' end");
    is_int(r, 0, "a script after setallocf");
    if (!ok(second_calls > 0, "later allocations go through the new allocator"))
        diag("the new allocator was called %ld times", second_calls);

    /* a memory limit */
    c.limit = c.cur + 256 * 1024;
    c.refusals = 0;
    r = dostring(L, "local t = {} for i = 1, 1e7 do t[i] = {} end");
    is_int(r, LUA_ERRMEM, "exceeding the limit: LUA_ERRMEM");
    is_str(lua_tostring(L, -1), "not enough memory", "with the message 'not enough memory'");
    ok(c.refusals > 0, "the allocator refused at least once");
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    r = dostring(L, "return string.rep('x', 1000)");
    ok(r == 0 && lua_objlen(L, -1) == 1000, "the state is usable again under the limit");
    lua_settop(L, 0);
    r = dostring(L, "local s = string.rep('y', 1024 * 1024)");
    is_int(r, LUA_ERRMEM, "a single allocation over the limit fails");
    lua_settop(L, 0);
    r = dostring(L, "local ok, e = pcall(string.rep, 'z', 1024 * 1024) return ok, e");
    ok(r == 0 && !lua_toboolean(L, 1), "pcall in Lua catches a memory error");
    is_str(lua_tostring(L, 2), "not enough memory", "as the string 'not enough memory'");
    lua_settop(L, 0);
    c.limit = 0;
    r = dostring(L, "local s = string.rep('y', 1024 * 1024) return #s");
    ok(r == 0 && lua_tointeger(L, -1) == 1024 * 1024, "lifting the limit lets it succeed");
    lua_settop(L, 0);

    ok(c.peak >= c.cur, "peak bookkeeping");
    lua_close(L);
    is_int(c.cur, 0, "lua_close frees every byte it allocated");
    is_int(c.allocs, c.frees, "every block allocated was freed");
    is_int(c.osize_mismatches, 0, "osize always matched the block's size");

    /* an allocator that refuses everything */
    L = lua_newstate(refuse_all, NULL);
    ok(L == NULL, "lua_newstate returns NULL when the allocator refuses");

    /* a small limit from the start: the state can still be made and closed */
    memset(&c2, 0, sizeof c2);
    L = lua_newstate(counting_alloc, &c2);
    ok(L != NULL, "a second independent state");
    lua_atpanic(L, panic_quiet);
    c2.limit = c2.cur + 64 * 1024;
    r = dostring(L, "x = 1");
    ok(r == 0 || r == LUA_ERRMEM, "a script under a tight limit either runs or fails with LUA_ERRMEM");
    lua_pushcfunction(L, luaopen_string);
    r = lua_pcall(L, 0, 0, 0);
    ok(r == 0 || r == LUA_ERRMEM, "opening a library under a tight limit is protected");
    lua_settop(L, 0);
    c2.limit = 0;
    lua_close(L);
    is_int(c2.cur, 0, "closing it frees everything");
    is_int(c2.osize_mismatches, 0, "with correct osizes");
    return tap_done();
}
