/* luaL_Buffer: luaL_buffinit, luaL_addchar, luaL_addlstring,
 * luaL_addstring, luaL_addvalue, luaL_prepbuffer + luaL_addsize,
 * luaL_pushresult, and strings longer than LUAL_BUFFERSIZE. */
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* Builds "abc\0def" from the pieces. */
static int build_mixed(lua_State *L)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, 'a');
    luaL_addlstring(&b, "bc\0d", 4);
    luaL_addstring(&b, "ef");
    luaL_pushresult(&b);
    return 1;
}

/* Concatenates all arguments with luaL_addvalue (numbers convert). */
static int join_values(lua_State *L)
{
    luaL_Buffer b;
    int i, n = lua_gettop(L);
    luaL_buffinit(L, &b);
    for (i = 1; i <= n; i++) {
        lua_pushvalue(L, i);
        luaL_addvalue(&b);
        if (i < n)
            luaL_addchar(&b, ',');
    }
    luaL_pushresult(&b);
    return 1;
}

/* n copies of character c with luaL_addchar */
static int repeat_char(lua_State *L)
{
    luaL_Buffer b;
    lua_Integer i, n = luaL_checkinteger(L, 1);
    const char *c = luaL_checkstring(L, 2);
    luaL_buffinit(L, &b);
    for (i = 0; i < n; i++)
        luaL_addchar(&b, c[0]);
    luaL_pushresult(&b);
    return 1;
}

/* k full prepbuffer blocks, each filled with a letter */
static int prep_blocks(lua_State *L)
{
    luaL_Buffer b;
    lua_Integer i, k = luaL_checkinteger(L, 1);
    luaL_buffinit(L, &b);
    for (i = 0; i < k; i++) {
        char *p = luaL_prepbuffer(&b);
        memset(p, 'a' + (int)(i % 26), LUAL_BUFFERSIZE);
        luaL_addsize(&b, LUAL_BUFFERSIZE);
    }
    luaL_pushresult(&b);
    return 1;
}

/* a few bytes through prepbuffer, between other additions */
static int prep_small(lua_State *L)
{
    luaL_Buffer b;
    char *p;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "<");
    p = luaL_prepbuffer(&b);
    memcpy(p, "xyz", 3);
    luaL_addsize(&b, 3);
    luaL_addstring(&b, ">");
    luaL_pushresult(&b);
    return 1;
}

static int empty_buffer(lua_State *L)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_pushresult(&b);
    return 1;
}

/* addlstring of a big argument after a small prefix, then a suffix; and
 * addvalue of a big string */
static int wrap_big(lua_State *L)
{
    luaL_Buffer b;
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "[");
    luaL_addlstring(&b, s, len);
    luaL_addstring(&b, "|");
    lua_pushvalue(L, 1);
    luaL_addvalue(&b);
    luaL_addstring(&b, "]");
    luaL_pushresult(&b);
    return 1;
}

/* checks that the buffer leaves the stack balanced around its use */
static int balance_top_before, balance_top_after;
static int balanced(lua_State *L)
{
    luaL_Buffer b;
    int i;
    lua_pushstring(L, "marker");
    balance_top_before = lua_gettop(L);
    luaL_buffinit(L, &b);
    for (i = 0; i < 3 * LUAL_BUFFERSIZE; i++)
        luaL_addchar(&b, 'q');
    luaL_pushresult(&b);
    balance_top_after = lua_gettop(L);
    lua_pushvalue(L, -2); /* the marker must still be just below */
    return 2;
}

static int putchar_compat(lua_State *L)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_putchar(&b, 'o');
    luaL_putchar(&b, 'k');
    luaL_pushresult(&b);
    return 1;
}

static int call_str(lua_State *L, lua_CFunction f, const char *arg)
{
    lua_pushcfunction(L, f);
    if (arg)
        lua_pushstring(L, arg);
    return lua_pcall(L, arg ? 1 : 0, 1, 0);
}

int main(void)
{
    lua_State *L = luaL_newstate();
    const char *s;
    size_t len, i;
    int r, good;
    char *big;

    tap_plan(33);
    luaL_openlibs(L);
    ok(LUAL_BUFFERSIZE > 0, "LUAL_BUFFERSIZE is defined and positive");

    r = call_str(L, build_mixed, NULL);
    is_int(r, 0, "addchar/addlstring/addstring");
    s = lua_tolstring(L, -1, &len);
    is_mem(s, len, "abc\0def", 7, "the result has the embedded zero");
    lua_settop(L, 0);

    lua_pushcfunction(L, join_values);
    lua_pushstring(L, "x");
    lua_pushinteger(L, 12);
    lua_pushnumber(L, 2.5);
    lua_pushlstring(L, "n\0l", 3);
    r = lua_pcall(L, 4, 1, 0);
    is_int(r, 0, "addvalue of strings and numbers");
    s = lua_tolstring(L, -1, &len);
    is_mem(s, len, "x,12,2.5,n\0l", 12, "addvalue converts numbers and keeps zeros");
    is_int(lua_gettop(L), 1, "one result");
    lua_settop(L, 0);

    r = call_str(L, prep_small, NULL);
    is_str(lua_tostring(L, -1), "<xyz>", "prepbuffer + addsize between other additions");
    lua_settop(L, 0);

    r = call_str(L, empty_buffer, NULL);
    s = lua_tolstring(L, -1, &len);
    ok(r == 0 && s != NULL && len == 0, "an empty buffer gives the empty string");
    lua_settop(L, 0);

    r = call_str(L, putchar_compat, NULL);
    is_str(lua_tostring(L, -1), "ok", "luaL_putchar compatibility macro");
    lua_settop(L, 0);

    /* long strings */
    lua_pushcfunction(L, repeat_char);
    lua_pushinteger(L, 10000);
    lua_pushstring(L, "z");
    r = lua_pcall(L, 2, 1, 0);
    s = lua_tolstring(L, -1, &len);
    is_int(len, 10000, "10000 addchar calls give 10000 bytes");
    good = s != NULL;
    for (i = 0; good && i < len; i++)
        if (s[i] != 'z')
            good = 0;
    ok(good, "all of them 'z'");
    lua_settop(L, 0);

    lua_pushcfunction(L, repeat_char);
    lua_pushinteger(L, LUAL_BUFFERSIZE);
    lua_pushstring(L, "e");
    r = lua_pcall(L, 2, 1, 0);
    is_int(lua_objlen(L, -1), LUAL_BUFFERSIZE, "exactly LUAL_BUFFERSIZE characters");
    lua_settop(L, 0);
    lua_pushcfunction(L, repeat_char);
    lua_pushinteger(L, LUAL_BUFFERSIZE + 1);
    lua_pushstring(L, "e");
    r = lua_pcall(L, 2, 1, 0);
    is_int(lua_objlen(L, -1), LUAL_BUFFERSIZE + 1, "LUAL_BUFFERSIZE + 1 characters");
    lua_settop(L, 0);
    lua_pushcfunction(L, repeat_char);
    lua_pushinteger(L, 0);
    lua_pushstring(L, "e");
    r = lua_pcall(L, 2, 1, 0);
    is_int(lua_objlen(L, -1), 0, "zero characters");
    lua_settop(L, 0);

    lua_pushcfunction(L, prep_blocks);
    lua_pushinteger(L, 5);
    r = lua_pcall(L, 1, 1, 0);
    is_int(r, 0, "five full prepbuffer blocks");
    s = lua_tolstring(L, -1, &len);
    is_int(len, 5 * LUAL_BUFFERSIZE, "their total length");
    ok(s != NULL && s[0] == 'a' && s[LUAL_BUFFERSIZE] == 'b' && s[5 * LUAL_BUFFERSIZE - 1] == 'e',
       "each block holds its letter");
    lua_settop(L, 0);

    big = (char *)malloc(3 * LUAL_BUFFERSIZE + 7);
    for (i = 0; i < 3 * LUAL_BUFFERSIZE + 7; i++)
        big[i] = (char)('0' + i % 10);
    lua_pushcfunction(L, wrap_big);
    lua_pushlstring(L, big, 3 * LUAL_BUFFERSIZE + 7);
    r = lua_pcall(L, 1, 1, 0);
    is_int(r, 0, "addlstring and addvalue of strings longer than the buffer");
    s = lua_tolstring(L, -1, &len);
    is_int(len, 2 * (3 * LUAL_BUFFERSIZE + 7) + 3, "total length");
    ok(s != NULL && s[0] == '[' && s[len - 1] == ']' && s[3 * LUAL_BUFFERSIZE + 8] == '|',
       "delimiters in place");
    ok(s != NULL && memcmp(s + 1, big, 3 * LUAL_BUFFERSIZE + 7) == 0, "first copy intact");
    ok(s != NULL && memcmp(s + 3 * LUAL_BUFFERSIZE + 9, big, 3 * LUAL_BUFFERSIZE + 7) == 0,
       "second copy intact");
    free(big);
    lua_settop(L, 0);

    lua_pushcfunction(L, balanced);
    r = lua_pcall(L, 0, 2, 0);
    is_int(r, 0, "a buffer used between other stack values");
    is_int(balance_top_after, balance_top_before + 1, "pushresult leaves exactly one more value");
    is_int(lua_objlen(L, 1), 3 * LUAL_BUFFERSIZE, "the long result");
    is_str(lua_tostring(L, 2), "marker", "the value below the buffer is unharmed");
    lua_settop(L, 0);

    /* buffers used from Lua code many times */
    lua_register(L, "rep", repeat_char);
    lua_register(L, "join", join_values);
    r = luaL_dostring(L, "local t = {} for i = 1, 200 do t[i] = rep(i, 'k') end\n"
                         "local total = 0 for i = 1, 200 do total = total + #t[i] end\n"
                         "return total, join('a', 1, 'b', 2)");
    is_int(r, 0, "buffers called from a Lua loop");
    is_int(lua_tointeger(L, -2), 20100, "all lengths right");
    is_str(lua_tostring(L, -1), "a,1,b,2", "join from Lua");
    lua_settop(L, 0);

    /* errors raised while a buffer is open do not break the state */
    r = luaL_dostring(L, "return pcall(rep, 'x', 'y')");
    ok(r == 0 && !lua_toboolean(L, 1), "a failed check before buffinit");
    lua_settop(L, 0);
    r = luaL_dostring(L, "return pcall(rep, 3)");
    ok(r == 0 && !lua_toboolean(L, 1), "a failed check of the second argument");
    has_str(lua_tostring(L, 2), "bad argument #2", "names argument 2");
    lua_settop(L, 0);
    r = luaL_dostring(L, "return rep(3, 'w')");
    is_str(lua_tostring(L, -1), "www", "the state works afterwards");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
