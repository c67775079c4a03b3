/* Userdata and metatables: lua_newuserdata (alignment, stable address),
 * luaL_newmetatable / luaL_checkudata / luaL_getmetafield / luaL_callmeta,
 * __gc at collection and at lua_close, __index and __len on userdata,
 * lua_setfenv / lua_getfenv on userdata. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdint.h>

typedef struct {
    double x, y;
} Point;

static int run_named(lua_State *L, const char *code, const char *name, int nres)
{
    int r = luaL_loadbuffer(L, code, strlen(code), name);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

/* Finalizer bookkeeping: each userdata holds its id; finalizers append it. */
static int gc_order[16];
static int gc_count;

static int counted_gc(lua_State *L)
{
    int *id = (int *)lua_touserdata(L, 1);
    if (id != NULL && gc_count < 16)
        gc_order[gc_count] = *id;
    gc_count++;
    return 0;
}

static void new_counted(lua_State *L, int id)
{
    int *p = (int *)lua_newuserdata(L, sizeof(int));
    *p = id;
    luaL_getmetatable(L, "Counted");
    lua_setmetatable(L, -2);
}

/* Point API */
static int point_new(lua_State *L)
{
    Point *p = (Point *)lua_newuserdata(L, sizeof(Point));
    p->x = luaL_checknumber(L, 1);
    p->y = luaL_checknumber(L, 2);
    luaL_getmetatable(L, "Point");
    lua_setmetatable(L, -2);
    return 1;
}

static int point_sum(lua_State *L)
{
    Point *p = (Point *)luaL_checkudata(L, 1, "Point");
    lua_pushnumber(L, p->x + p->y);
    return 1;
}

static int point_len(lua_State *L)
{
    (void)luaL_checkudata(L, 1, "Point");
    lua_pushinteger(L, 2);
    return 1;
}

static int point_tostring(lua_State *L)
{
    Point *p = (Point *)luaL_checkudata(L, 1, "Point");
    lua_pushfstring(L, "Point(%f, %f)", p->x, p->y);
    return 1;
}

/* __index function on a second type: returns the key doubled */
static int echo_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 2);
    lua_concat(L, 2);
    return 1;
}

/* asks for a terabyte */
static int huge_userdata(lua_State *L)
{
    void *p = lua_newuserdata(L, (size_t)1 << 40);
    lua_pushboolean(L, p != NULL);
    return 1;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    void *p, *q;
    unsigned char *bytes;
    int i, r, intact, aligned;

    tap_plan(60);
    luaL_openlibs(L);

    /* newuserdata basics */
    p = lua_newuserdata(L, 100);
    ok(p != NULL, "newuserdata returns a block");
    is_int(lua_type(L, -1), LUA_TUSERDATA, "type userdata");
    ok(lua_isuserdata(L, -1) && !lua_islightuserdata(L, -1), "a full userdata is not light");
    ok(lua_touserdata(L, -1) == p, "touserdata returns the same address");
    is_int(lua_objlen(L, -1), 100, "objlen is the requested size");
    ok(!lua_getmetatable(L, -1), "a new userdata has no metatable");
    q = lua_newuserdata(L, 0);
    ok(lua_type(L, -1) == LUA_TUSERDATA && lua_objlen(L, -1) == 0, "a zero-sized userdata");
    ok(!lua_rawequal(L, -1, -2) && !lua_equal(L, -1, -2), "two userdata are different values");
    (void)q;
    lua_settop(L, 0);

    /* a userdata the allocator cannot provide */
    r = lua_cpcall(L, huge_userdata, NULL);
    is_int(r, LUA_ERRMEM, "a terabyte userdata fails with LUA_ERRMEM");
    is_str(lua_tostring(L, -1), "not enough memory", "and 'not enough memory'");
    lua_settop(L, 0);
    ok(lua_newuserdata(L, 16) != NULL, "the state still allocates afterwards");
    lua_settop(L, 0);

    /* alignment: at least that of double, pointers and long (5.1's
     * L_Umaxalign); Debian's liblua5.1 gives 8-byte alignment on x86-64. */
    aligned = 1;
    for (i = 1; i <= 40; i++) {
        void *u = lua_newuserdata(L, (size_t)i * 3);
        if ((uintptr_t)u % sizeof(double) != 0 || (uintptr_t)u % sizeof(void *) != 0)
            aligned = 0;
        lua_pop(L, 1);
    }
    ok(aligned, "userdata blocks are aligned for double and pointers");

    /* a stable address across heavy allocation and collections */
    bytes = (unsigned char *)lua_newuserdata(L, 256);
    for (i = 0; i < 256; i++)
        bytes[i] = (unsigned char)i;
    lua_setfield(L, LUA_REGISTRYINDEX, "keep.ud");
    r = run_named(L, "local t = {} for i = 1, 20000 do t[i] = {i, tostring(i)} end\n"
                     "for i = 1, 20000 do t[i] = nil end collectgarbage()", "=churn", 0);
    is_int(r, 0, "allocation churn ran");
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_getfield(L, LUA_REGISTRYINDEX, "keep.ud");
    ok(lua_touserdata(L, -1) == (void *)bytes, "the userdata did not move");
    intact = 1;
    for (i = 0; i < 256; i++)
        if (bytes[i] != (unsigned char)i)
            intact = 0;
    ok(intact, "its contents are intact");
    lua_settop(L, 0);

    /* luaL_newmetatable */
    is_int(luaL_newmetatable(L, "Point"), 1, "newmetatable creates a new table: 1");
    ok(lua_istable(L, -1), "and leaves it on the stack");
    is_int(luaL_newmetatable(L, "Point"), 0, "a second newmetatable with the same name: 0");
    ok(lua_rawequal(L, -1, -2), "and leaves the existing table");
    lua_getfield(L, LUA_REGISTRYINDEX, "Point");
    ok(lua_rawequal(L, -1, 1), "the metatable is registry[name]");
    luaL_getmetatable(L, "Point");
    ok(lua_rawequal(L, -1, 1), "luaL_getmetatable fetches it");
    lua_settop(L, 1);
    lua_pushcfunction(L, point_sum);
    lua_setfield(L, 1, "sum");
    lua_pushvalue(L, 1);
    lua_setfield(L, 1, "__index");
    lua_pushcfunction(L, point_len);
    lua_setfield(L, 1, "__len");
    lua_pushcfunction(L, point_tostring);
    lua_setfield(L, 1, "__tostring");
    lua_pushstring(L, "point-meta");
    lua_setfield(L, 1, "tag");
    lua_settop(L, 0);
    lua_register(L, "Point", point_new);
    lua_register(L, "psum", point_sum);

    r = run_named(L, "local p = Point(1.5, 2) return p:sum(), #p, tostring(p)", "=pt", 3);
    is_int(r, 0, "methods through __index on userdata");
    is_num(lua_tonumber(L, 1), 3.5, "p:sum() reads the C struct");
    is_int(lua_tointeger(L, 2), 2, "#p calls __len on userdata");
    is_str(lua_tostring(L, 3), "Point(1.5, 2)", "tostring calls __tostring");
    lua_settop(L, 0);
    r = run_named(L, "return psum(42)", "=pt", 0);
    is_str(lua_tostring(L, -1), "pt:1: bad argument #1 to 'psum' (Point expected, got number)",
           "checkudata with a number");
    lua_settop(L, 0);
    r = run_named(L, "return psum(io.stdout)", "=pt", 0);
    is_str(lua_tostring(L, -1), "pt:1: bad argument #1 to 'psum' (Point expected, got userdata)",
           "checkudata with a userdata of another type");
    lua_settop(L, 0);
    r = run_named(L, "return psum(setmetatable({}, getmetatable(Point(0, 0))))", "=pt", 0);
    is_str(lua_tostring(L, -1), "pt:1: bad argument #1 to 'psum' (Point expected, got table)",
           "checkudata with a table carrying the right metatable");
    lua_settop(L, 0);
    r = run_named(L, "return Point(1, 2).nosuch", "=pt", 1);
    ok(r == 0 && lua_isnil(L, -1), "a missing method is nil");
    lua_settop(L, 0);

    /* getmetafield / callmeta */
    lua_pushcfunction(L, point_new);
    lua_pushinteger(L, 3);
    lua_pushinteger(L, 4);
    lua_call(L, 2, 1);
    is_int(luaL_getmetafield(L, 1, "tag"), 1, "getmetafield finds a field: 1");
    is_str(lua_tostring(L, -1), "point-meta", "and pushes it");
    lua_pop(L, 1);
    is_int(luaL_getmetafield(L, 1, "nosuch"), 0, "a missing field: 0");
    is_int(lua_gettop(L), 1, "pushes nothing");
    lua_pushinteger(L, 1);
    is_int(luaL_getmetafield(L, 2, "tag"), 0, "a value without a metatable: 0");
    is_int(lua_gettop(L), 2, "pushes nothing either");
    lua_pop(L, 1);
    is_int(luaL_callmeta(L, 1, "__tostring"), 1, "callmeta calls __tostring: 1");
    is_str(lua_tostring(L, -1), "Point(3, 4)", "and pushes its result");
    lua_pop(L, 1);
    is_int(luaL_callmeta(L, -1, "__len"), 1, "callmeta with a negative index");
    is_int(lua_tointeger(L, -1), 2, "__len result");
    lua_pop(L, 1);
    is_int(luaL_callmeta(L, 1, "__nothing"), 0, "callmeta without that field: 0");
    is_int(lua_gettop(L), 1, "pushes nothing");
    lua_settop(L, 0);

    /* environments of userdata */
    lua_newuserdata(L, 8);
    lua_getfenv(L, 1);
    ok(lua_istable(L, -1), "a userdata made in the main chunk has a table environment");
    ok(lua_rawequal(L, -1, LUA_GLOBALSINDEX), "it is the globals table");
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushinteger(L, 5);
    lua_setfield(L, -2, "envfield");
    is_int(lua_setfenv(L, 1), 1, "setfenv on a userdata returns 1");
    is_int(lua_gettop(L), 1, "setfenv pops the table");
    lua_getfenv(L, 1);
    lua_getfield(L, -1, "envfield");
    is_int(lua_tointeger(L, -1), 5, "getfenv returns the new environment");
    lua_settop(L, 1);
    lua_pushinteger(L, 1);
    lua_newtable(L);
    is_int(lua_setfenv(L, 2), 0, "setfenv on a number returns 0");
    is_int(lua_gettop(L), 2, "and still pops the table");
    lua_getfenv(L, 2);
    ok(lua_isnil(L, -1), "getfenv of a number pushes nil");
    lua_settop(L, 0);

    /* __index function on userdata */
    luaL_newmetatable(L, "Echo");
    lua_pushcfunction(L, echo_index);
    lua_setfield(L, -2, "__index");
    lua_newuserdata(L, 1);
    lua_pushvalue(L, 1);
    lua_setmetatable(L, -2);
    lua_getfield(L, -1, "ab");
    is_str(lua_tostring(L, -1), "abab", "__index function on a userdata, through getfield");
    lua_settop(L, 0);

    /* __gc when collected */
    luaL_newmetatable(L, "Counted");
    lua_pushcfunction(L, counted_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    gc_count = 0;
    new_counted(L, 1);
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(gc_count, 1, "an unreachable userdata is finalized by a full collection");
    is_int(gc_order[0], 1, "the finalizer receives the userdata");
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(gc_count, 1, "a finalizer runs only once");
    new_counted(L, 2);
    lua_setfield(L, LUA_REGISTRYINDEX, "keep.counted");
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(gc_count, 1, "a reachable userdata is not finalized");
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "keep.counted");
    lua_gc(L, LUA_GCCOLLECT, 0);
    is_int(gc_count, 2, "once unreferenced it is finalized");

    /* finalizers at lua_close, newest first */
    gc_count = 0;
    new_counted(L, 10);
    new_counted(L, 11);
    new_counted(L, 12);
    lua_setfield(L, LUA_GLOBALSINDEX, "keep12");
    lua_setfield(L, LUA_REGISTRYINDEX, "keep11");
    new_counted(L, 13);
    lua_pop(L, 1);
    is_int(gc_count, 0, "no finalizer ran before lua_close");
    lua_close(L);
    is_int(gc_count, 4, "lua_close finalizes every remaining userdata (stack, globals, registry, garbage)");
    ok(gc_order[0] == 13 && gc_order[1] == 12 && gc_order[2] == 11 && gc_order[3] == 10,
       "in reverse order of creation");

    /* a __gc finalizer may use the state */
    L = luaL_newstate();
    luaL_openlibs(L);
    r = run_named(L, "log = {}\n"
                     "local mt = {__gc = function(u) log[#log + 1] = 'fin' end}\n"
                     "return mt", "=gcmt", 1);
    lua_newuserdata(L, 4);
    lua_pushvalue(L, 1);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT, 0);
    r = run_named(L, "return #log, log[1]", "=gclog", 2);
    ok(r == 0 && lua_tointeger(L, -2) == 1, "a Lua __gc function ran");
    is_str(lua_tostring(L, -1), "fin", "and changed the state");
    lua_close(L);
    return tap_done();
}
