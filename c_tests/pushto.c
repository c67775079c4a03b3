/* Every lua_push* and lua_to* / lua_is*, conversions, lua_typename,
 * lua_objlen, comparisons and lua_concat. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int dummy_cfunc(lua_State *L)
{
    lua_pushinteger(L, 1);
    return 1;
}

static const char *vf_wrapper(lua_State *L, const char *fmt, ...)
{
    const char *s;
    va_list ap;
    va_start(ap, fmt);
    s = lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    return s;
}

/* Runs `code` protected; returns the status and leaves its results or the
 * error message on the stack. */
static int run(lua_State *L, const char *code, int nres)
{
    int r = luaL_loadstring(L, code);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

static int compare_num_str(lua_State *L)
{
    lua_pushinteger(L, 1);
    lua_pushstring(L, "2");
    lua_pushboolean(L, lua_lessthan(L, -2, -1));
    return 1;
}

static int concat_table(lua_State *L)
{
    lua_pushstring(L, "x");
    lua_newtable(L);
    lua_concat(L, 2);
    return 1;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    size_t len;
    const char *s;
    int x = 5, y = 6, r;

    tap_plan(116);
    luaL_openlibs(L);

    /* nil */
    lua_pushnil(L);
    is_int(lua_type(L, -1), LUA_TNIL, "pushnil: type nil");
    ok(lua_isnil(L, -1), "lua_isnil");
    ok(!lua_toboolean(L, -1), "nil is false");
    ok(lua_tostring(L, -1) == NULL, "tostring(nil) is NULL");
    ok(!lua_isnumber(L, -1) && !lua_isstring(L, -1), "nil is neither number nor string");
    lua_pop(L, 1);

    /* numbers */
    lua_pushnumber(L, 3.5);
    is_int(lua_type(L, -1), LUA_TNUMBER, "pushnumber: type number");
    is_num(lua_tonumber(L, -1), 3.5, "tonumber(3.5)");
    ok(lua_isnumber(L, -1) && lua_isstring(L, -1), "a number is a number and a string");
    lua_pushinteger(L, 42);
    is_int(lua_tointeger(L, -1), 42, "pushinteger/tointeger");
    is_num(lua_tonumber(L, -1), 42.0, "an integer reads back as a number");
    lua_pushinteger(L, -7);
    is_int(lua_tointeger(L, -1), -7, "negative integer");
    lua_pushnumber(L, 1e15);
    is_int(lua_tointeger(L, -1), 1000000000000000LL, "large integral numbers fit lua_Integer");
    lua_settop(L, 0);

    /* in-place conversion by lua_tolstring */
    lua_pushinteger(L, 12);
    s = lua_tolstring(L, -1, &len);
    is_str(s, "12", "tolstring of 12");
    is_int(len, 2, "its length is 2");
    is_int(lua_type(L, -1), LUA_TSTRING, "tolstring converted the stack slot to a string");
    lua_pushnumber(L, 3.25);
    is_str(lua_tostring(L, -1), "3.25", "tostring(3.25)");
    lua_pushnumber(L, 1e100);
    is_str(lua_tostring(L, -1), "1e+100", "tostring(1e100) uses %.14g");
    lua_pushnumber(L, -0.5);
    is_str(lua_tostring(L, -1), "-0.5", "tostring(-0.5)");
    lua_pushnumber(L, 1.0 / 3.0);
    is_str(lua_tostring(L, -1), "0.33333333333333", "14 significant digits");
    lua_settop(L, 0);

    /* strings to numbers */
    lua_pushstring(L, "  0x10  ");
    is_num(lua_tonumber(L, -1), 16, "tonumber of a hex string with spaces");
    ok(lua_isnumber(L, -1), "isnumber of a numeric string");
    is_int(lua_type(L, -1), LUA_TSTRING, "tonumber does not convert the slot");
    lua_pushstring(L, "1e1");
    is_num(lua_tonumber(L, -1), 10, "tonumber(\"1e1\")");
    lua_pushstring(L, " 42 ");
    is_int(lua_tointeger(L, -1), 42, "tointeger of \" 42 \"");
    lua_pushstring(L, "12abc");
    ok(!lua_isnumber(L, -1), "\"12abc\" is not a number");
    is_num(lua_tonumber(L, -1), 0, "tonumber of a non-number is 0");
    is_int(lua_tointeger(L, -1), 0, "tointeger of a non-number is 0");
    lua_settop(L, 0);

    /* strings, embedded zeros */
    lua_pushlstring(L, "a\0b\0c", 5);
    s = lua_tolstring(L, -1, &len);
    is_mem(s, len, "a\0b\0c", 5, "pushlstring keeps embedded zeros");
    is_int(lua_objlen(L, -1), 5, "objlen counts the zeros");
    ok(s[5] == '\0', "lua_tolstring's result is NUL-terminated after the last byte");
    lua_pushlstring(L, "", 0);
    s = lua_tolstring(L, -1, &len);
    ok(s != NULL && len == 0 && s[0] == '\0', "an empty string");
    lua_pushstring(L, "hello");
    is_str(lua_tostring(L, -1), "hello", "pushstring");
    lua_pushstring(L, NULL);
    ok(lua_isnil(L, -1), "pushstring(NULL) pushes nil");
    lua_pushliteral(L, "lit");
    is_str(lua_tostring(L, -1), "lit", "pushliteral");
    lua_pushstring(L, "hello");
    ok(lua_rawequal(L, -1, 3), "equal strings are raw-equal");
    lua_settop(L, 0);
    {
        char tmp[8];
        strcpy(tmp, "copy");
        lua_pushstring(L, tmp);
        strcpy(tmp, "XXXX");
        is_str(lua_tostring(L, -1), "copy", "pushstring copies its argument");
        lua_pop(L, 1);
    }

    /* a string's pointer stays valid while the string is on the stack */
    lua_pushstring(L, "stable ");
    lua_pushinteger(L, 12345);
    lua_concat(L, 2);
    s = lua_tolstring(L, -1, &len);
    r = run(L, "local t = {} for i = 1, 20000 do t[i] = 'garbage' .. i end t = nil collectgarbage()", 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    ok(r == 0 && lua_tostring(L, 1) == s, "tolstring returns the same pointer after collections");
    is_mem(s, len, "stable 12345", 12, "and the bytes behind it are intact");
    lua_settop(L, 0);

    /* concat of many values */
    ok(lua_checkstack(L, 120), "room for 120 values");
    for (r = 0; r < 100; r++)
        lua_pushinteger(L, r % 10);
    lua_concat(L, 100);
    s = lua_tolstring(L, -1, &len);
    ok(lua_gettop(L) == 1 && len == 100 && memcmp(s, "0123456789", 10) == 0 && s[99] == '9',
       "concat of 100 values");
    lua_settop(L, 0);

    /* pushfstring / pushvfstring */
    s = lua_pushfstring(L, "%s=%d", "n", 42);
    is_str(s, "n=42", "pushfstring %s %d");
    is_str(lua_tostring(L, -1), "n=42", "the pushed string matches the returned pointer");
    lua_pushfstring(L, "%f|%c|%%|%d", 1.5, 'z', -3);
    is_str(lua_tostring(L, -1), "1.5|z|%|-3", "pushfstring %f %c %% and a negative %d");
    lua_pushfstring(L, "%s%s", "ab", "");
    is_str(lua_tostring(L, -1), "ab", "pushfstring with an empty %s");
    s = lua_pushfstring(L, "%p", (void *)&x);
    ok(s != NULL && strlen(s) > 0, "pushfstring %p gives some text");
    s = vf_wrapper(L, "<%s:%d>", "v", 7);
    is_str(s, "<v:7>", "pushvfstring");
    is_int(lua_gettop(L), 5, "each pushfstring pushed one value");
    lua_settop(L, 0);

    /* booleans */
    lua_pushboolean(L, 5);
    is_int(lua_type(L, -1), LUA_TBOOLEAN, "pushboolean: type boolean");
    is_int(lua_toboolean(L, -1), 1, "toboolean(true) is 1");
    ok(lua_isboolean(L, -1), "lua_isboolean");
    lua_pushboolean(L, 0);
    is_int(lua_toboolean(L, -1), 0, "false");
    ok(lua_tostring(L, -1) == NULL, "booleans do not convert to strings");
    lua_pushinteger(L, 0);
    is_int(lua_toboolean(L, -1), 1, "the number 0 is true");
    is_int(lua_toboolean(L, 10), 0, "toboolean of an absent index is 0");
    lua_settop(L, 0);

    /* light userdata */
    lua_pushlightuserdata(L, &x);
    is_int(lua_type(L, -1), LUA_TLIGHTUSERDATA, "pushlightuserdata: type light userdata");
    ok(lua_touserdata(L, -1) == (void *)&x, "touserdata gives the pointer back");
    ok(lua_islightuserdata(L, -1) && lua_isuserdata(L, -1), "islightuserdata and isuserdata");
    ok(lua_topointer(L, -1) == (const void *)&x, "topointer of a light userdata is the pointer");
    lua_pushlightuserdata(L, &x);
    ok(lua_rawequal(L, -1, -2), "light userdata with the same pointer are equal");
    lua_pushlightuserdata(L, &y);
    ok(!lua_rawequal(L, -1, -2), "different pointers are different values");
    lua_settop(L, 0);

    /* C functions */
    lua_pushcfunction(L, dummy_cfunc);
    is_int(lua_type(L, -1), LUA_TFUNCTION, "pushcfunction: type function");
    ok(lua_iscfunction(L, -1) && lua_isfunction(L, -1), "iscfunction and isfunction");
    ok(lua_tocfunction(L, -1) == dummy_cfunc, "tocfunction gives the function back");
    luaL_loadstring(L, "return 1");
    ok(!lua_iscfunction(L, -1) && lua_isfunction(L, -1), "a Lua function is not a C function");
    ok(lua_tocfunction(L, -1) == NULL, "tocfunction of a Lua function is NULL");
    ok(lua_topointer(L, -1) != NULL, "topointer of a function is not NULL");
    lua_settop(L, 0);

    /* threads */
    r = lua_pushthread(L);
    is_int(r, 1, "pushthread of the main thread returns 1");
    ok(lua_isthread(L, -1) && lua_type(L, -1) == LUA_TTHREAD, "pushthread: type thread");
    ok(lua_tothread(L, -1) == L, "tothread gives the state back");
    {
        lua_State *L1 = lua_newthread(L);
        is_int(lua_pushthread(L1), 0, "pushthread of another thread returns 0");
        ok(lua_tothread(L1, -1) == L1, "tothread on the new thread");
        ok(lua_tothread(L, -1) == L1, "lua_newthread pushed the new thread");
    }
    ok(lua_tothread(L, 1) == L && lua_tothread(L, 10) == NULL, "tothread of a non-thread is NULL");
    lua_settop(L, 0);

    /* tables and pointers */
    lua_newtable(L);
    lua_newtable(L);
    ok(lua_topointer(L, 1) != NULL, "topointer of a table");
    ok(lua_topointer(L, 1) != lua_topointer(L, 2), "two tables, two pointers");
    lua_pushvalue(L, 1);
    ok(lua_topointer(L, 1) == lua_topointer(L, 3), "the same table, the same pointer");
    lua_pushinteger(L, 1);
    ok(lua_topointer(L, -1) == NULL, "topointer of a number is NULL");
    ok(lua_tolstring(L, 1, &len) == NULL && len == 0, "tolstring of a table: NULL and length 0");
    ok(lua_touserdata(L, 1) == NULL, "touserdata of a table is NULL");
    ok(lua_tothread(L, 1) == NULL && lua_tocfunction(L, 1) == NULL, "tothread/tocfunction of a table");
    lua_settop(L, 0);

    /* typename */
    is_str(lua_typename(L, LUA_TNONE), "no value", "typename(LUA_TNONE)");
    is_str(lua_typename(L, LUA_TNIL), "nil", "typename(LUA_TNIL)");
    is_str(lua_typename(L, LUA_TBOOLEAN), "boolean", "typename(LUA_TBOOLEAN)");
    is_str(lua_typename(L, LUA_TLIGHTUSERDATA), "userdata", "typename(LUA_TLIGHTUSERDATA)");
    is_str(lua_typename(L, LUA_TNUMBER), "number", "typename(LUA_TNUMBER)");
    is_str(lua_typename(L, LUA_TSTRING), "string", "typename(LUA_TSTRING)");
    is_str(lua_typename(L, LUA_TTABLE), "table", "typename(LUA_TTABLE)");
    is_str(lua_typename(L, LUA_TFUNCTION), "function", "typename(LUA_TFUNCTION)");
    is_str(lua_typename(L, LUA_TUSERDATA), "userdata", "typename(LUA_TUSERDATA)");
    is_str(lua_typename(L, LUA_TTHREAD), "thread", "typename(LUA_TTHREAD)");
    is_str(luaL_typename(L, 1), "no value", "luaL_typename of an empty slot");

    /* objlen */
    r = run(L, "return {1, 2, 3, 4, 5}", 1);
    is_int(lua_objlen(L, -1), 5, "objlen of a sequence");
    lua_newuserdata(L, 24);
    is_int(lua_objlen(L, -1), 24, "objlen of a userdata is its size");
    lua_pushinteger(L, 12345);
    is_int(lua_objlen(L, -1), 5, "objlen of a number is the length of its string form");
    is_int(lua_type(L, -1), LUA_TSTRING, "... converting it in place");
    lua_pushboolean(L, 1);
    is_int(lua_objlen(L, -1), 0, "objlen of a boolean is 0");
    is_int(lua_strlen(L, -3), 24, "lua_strlen compatibility macro");
    lua_settop(L, 0);

    /* equality and order */
    lua_pushinteger(L, 1);
    lua_pushstring(L, "1");
    ok(!lua_rawequal(L, 1, 2) && !lua_equal(L, 1, 2), "1 and \"1\" are not equal");
    ok(!lua_rawequal(L, 1, 5) && !lua_equal(L, 1, 5), "comparing with an absent index gives 0");
    lua_pushnumber(L, 1.0);
    ok(lua_rawequal(L, 1, 3) && lua_equal(L, 1, 3), "1 == 1.0");
    lua_settop(L, 0);
    r = run(L, "local mt = {__eq = function() return true end, __lt = function(a, b) return a.v < b.v end}\n"
               "return setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)", 2);
    is_int(r, 0, "building tables with __eq/__lt");
    ok(lua_equal(L, 1, 2), "lua_equal calls __eq");
    ok(!lua_rawequal(L, 1, 2), "lua_rawequal does not");
    ok(lua_lessthan(L, 1, 2) && !lua_lessthan(L, 2, 1), "lua_lessthan calls __lt");
    lua_settop(L, 0);
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_pushstring(L, "a");
    lua_pushstring(L, "b");
    ok(lua_lessthan(L, 1, 2) && !lua_lessthan(L, 2, 1) && !lua_lessthan(L, 1, 1), "number order");
    ok(lua_lessthan(L, 3, 4) && !lua_lessthan(L, 4, 3), "string order");
    ok(!lua_lessthan(L, 1, 9), "lessthan with an absent index is 0");
    lua_settop(L, 0);
    r = lua_cpcall(L, compare_num_str, NULL);
    is_int(r, LUA_ERRRUN, "comparing a number with a string raises an error");
    is_str(lua_tostring(L, -1), "attempt to compare number with string", "... with 5.1's message");
    lua_settop(L, 0);

    /* concat */
    lua_pushstring(L, "a");
    lua_pushinteger(L, 1);
    lua_pushstring(L, "b");
    lua_pushnumber(L, 2.5);
    lua_concat(L, 4);
    is_int(lua_gettop(L), 1, "concat(4) leaves one value");
    is_str(lua_tostring(L, -1), "a1b2.5", "concat converts numbers");
    lua_concat(L, 1);
    is_str(lua_tostring(L, -1), "a1b2.5", "concat(1) leaves the value");
    lua_concat(L, 0);
    ok(lua_gettop(L) == 2 && lua_isstring(L, -1) && lua_objlen(L, -1) == 0, "concat(0) pushes \"\"");
    lua_settop(L, 0);
    r = run(L, "return setmetatable({}, {__concat = function(a, b)\n"
               "  return (type(a) == 'table' and 'T' or a) .. (type(b) == 'table' and 'T' or b) end})", 1);
    lua_pushstring(L, "<");
    lua_insert(L, 1);
    lua_pushstring(L, ">");
    lua_concat(L, 3);
    is_str(lua_tostring(L, -1), "<T>", "concat uses __concat");
    lua_settop(L, 0);
    r = lua_cpcall(L, concat_table, NULL);
    is_int(r, LUA_ERRRUN, "concatenating a table without __concat is an error");
    is_str(lua_tostring(L, -1), "attempt to concatenate a table value", "... with 5.1's message");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
