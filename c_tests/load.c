/* Loading and dumping: luaL_loadstring / luaL_loadbuffer / luaL_loadfile,
 * lua_load with a reader returning pieces, syntax error messages, chunk
 * names, lua_dump round trips, and malformed binary chunks. */
#define _POSIX_C_SOURCE 200809L
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <unistd.h>

/* A reader handing out a string `step` bytes at a time. */
typedef struct {
    const char *data;
    size_t len, pos, step;
    int calls;
} Pieces;

static const char *piece_reader(lua_State *L, void *ud, size_t *size)
{
    Pieces *p = (Pieces *)ud;
    size_t n;
    (void)L;
    p->calls++;
    if (p->pos >= p->len) {
        *size = 0;
        return NULL;
    }
    n = p->len - p->pos;
    if (n > p->step)
        n = p->step;
    *size = n;
    p->pos += n;
    return p->data + p->pos - n;
}

/* A growing byte buffer for lua_dump. */
typedef struct {
    char *data;
    size_t len, cap;
    int calls;
} Sink;

static int sink_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    Sink *s = (Sink *)ud;
    (void)L;
    s->calls++;
    if (s->len + sz > s->cap) {
        size_t cap = (s->len + sz) * 2 + 64;
        char *d = (char *)realloc(s->data, cap);
        if (d == NULL)
            return 1;
        s->data = d;
        s->cap = cap;
    }
    memcpy(s->data + s->len, p, sz);
    s->len += sz;
    return 0;
}

static int failing_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    (void)p;
    (void)sz;
    (*(int *)ud)++;
    return 7;
}

static int syntax_msg(lua_State *L, const char *code, const char *name, const char **msg)
{
    int r = luaL_loadbuffer(L, code, strlen(code), name);
    *msg = lua_tostring(L, -1);
    return r;
}

static const char *write_temp(char *path, const char *content)
{
    int fd;
    size_t n = strlen(content);
    strcpy(path, "/tmp/cellua_load_XXXXXX");
    fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    if (write(fd, content, n) != (ssize_t)n) {
        close(fd);
        return NULL;
    }
    close(fd);
    return path;
}

int main(void)
{
    lua_State *L = luaL_newstate();
    const char *msg;
    char path[64];
    Pieces pc;
    Sink sink;
    int r, i, wcalls, all_failed, all_strings;

    tap_plan(58);
    luaL_openlibs(L);

    /* luaL_loadstring */
    r = luaL_loadstring(L, "return 6 * 7");
    is_int(r, 0, "loadstring returns 0");
    ok(lua_isfunction(L, -1) && !lua_iscfunction(L, -1), "and pushes a Lua function");
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 42, "which runs");
    lua_settop(L, 0);
    r = luaL_loadstring(L, "");
    ok(r == 0 && lua_isfunction(L, -1), "an empty chunk loads");
    lua_call(L, 0, LUA_MULTRET);
    is_int(lua_gettop(L), 0, "and returns nothing");
    r = luaL_loadstring(L, "return ...");
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_call(L, 2, LUA_MULTRET);
    is_int(lua_gettop(L), 2, "a chunk is a vararg function");
    lua_settop(L, 0);

    /* luaL_loadbuffer: length and name */
    r = luaL_loadbuffer(L, "return 'a\0b'", 12, "zero");
    is_int(r, 0, "loadbuffer of source with a raw zero byte inside a string");
    lua_call(L, 0, 1);
    is_int(lua_objlen(L, -1), 3, "the zero is part of the string");
    lua_settop(L, 0);
    r = luaL_loadbuffer(L, "return 1 garbage after", 8, "=cut");
    is_int(r, 0, "loadbuffer reads only the given length");
    lua_call(L, 0, 1);
    is_int(lua_tointeger(L, -1), 1, "of the buffer");
    lua_settop(L, 0);
    r = luaL_loadbuffer(L, "\nerror('e')", 11, "=mychunk");
    lua_pcall(L, 0, 0, 0);
    is_str(lua_tostring(L, -1), "mychunk:2: e", "a =name chunk is reported as name");
    lua_settop(L, 0);
    r = luaL_loadbuffer(L, "error('e')", 10, "@some/file.lua");
    lua_pcall(L, 0, 0, 0);
    is_str(lua_tostring(L, -1), "some/file.lua:1: e", "an @name chunk is reported as a file");
    lua_settop(L, 0);

    /* syntax errors */
    r = syntax_msg(L, "x = ", "x = ", &msg);
    is_int(r, LUA_ERRSYNTAX, "syntax error status");
    is_str(msg, "[string \"x = \"]:1: unexpected symbol near '<eof>'", "unexpected symbol near '<eof>'");
    lua_settop(L, 0);
    r = syntax_msg(L, "x = = 2", "=(load)", &msg);
    is_str(msg, "(load):1: unexpected symbol near '='", "unexpected symbol near '='");
    lua_settop(L, 0);
    r = syntax_msg(L, "x = 1\ny = ", "x = 1\ny = ", &msg);
    is_str(msg, "[string \"x = 1...\"]:2: unexpected symbol near '<eof>'",
           "a multi-line source is cut at its first line");
    lua_settop(L, 0);
    r = syntax_msg(L, "if x then", "if x then", &msg);
    is_str(msg, "[string \"if x then\"]:1: 'end' expected near '<eof>'", "'end' expected");
    lua_settop(L, 0);
    r = syntax_msg(L, "f(\n\n", "=p", &msg);
    is_str(msg, "p:3: unexpected symbol near '<eof>'", "the line of the end of the input");
    lua_settop(L, 0);
    r = syntax_msg(L, "local s = 'unfinished", "=s", &msg);
    is_str(msg, "s:1: unfinished string near '<eof>'", "unfinished string at the end of input");
    lua_settop(L, 0);
    r = syntax_msg(L, "local s = 'unfinished\nx", "=s", &msg);
    is_str(msg, "s:1: unfinished string near ''unfinished'", "unfinished string at a newline");
    lua_settop(L, 0);
    r = syntax_msg(L, "for i = 1 do end", "=f", &msg);
    is_str(msg, "f:1: ',' expected near 'do'", "',' expected");
    lua_settop(L, 0);
    r = syntax_msg(L, "x = 3 +* 4", "=o", &msg);
    is_str(msg, "o:1: unexpected symbol near '*'", "unexpected operator");
    lua_settop(L, 0);
    r = syntax_msg(L, "break", "=b", &msg);
    is_str(msg, "b:1: no loop to break near '<eof>'", "break outside a loop");
    lua_settop(L, 0);

    /* lua_load with a reader */
    {
        const char *src = "local t = {}\nfor i = 1, 10 do t[i] = i * i end\nreturn t[10] + #'pieces'";
        pc.data = src;
        pc.len = strlen(src);
        pc.pos = 0;
        pc.step = 3;
        pc.calls = 0;
        r = lua_load(L, piece_reader, &pc, "=pieces");
        is_int(r, 0, "lua_load with 3-byte pieces");
        ok(pc.calls > 10, "the reader was called many times");
        lua_call(L, 0, 1);
        is_int(lua_tointeger(L, -1), 106, "the pieced-together chunk runs");
        lua_settop(L, 0);
        pc.pos = 0;
        pc.step = 1;
        r = lua_load(L, piece_reader, &pc, "=bytes");
        ok(r == 0 && lua_isfunction(L, -1), "lua_load one byte at a time");
        lua_settop(L, 0);
        pc.data = "return 1 +";
        pc.len = strlen(pc.data);
        pc.pos = 0;
        pc.step = 4;
        r = lua_load(L, piece_reader, &pc, "=piecewise");
        is_int(r, LUA_ERRSYNTAX, "a syntax error through a reader");
        is_str(lua_tostring(L, -1), "piecewise:1: unexpected symbol near '<eof>'", "its message");
        lua_settop(L, 0);
        pc.data = "";
        pc.len = 0;
        pc.pos = 0;
        r = lua_load(L, piece_reader, &pc, "=empty");
        ok(r == 0 && lua_isfunction(L, -1), "a reader that returns NULL at once gives an empty chunk");
        lua_settop(L, 0);
        pc.data = "error('where')";
        pc.len = strlen(pc.data);
        pc.pos = 0;
        r = lua_load(L, piece_reader, &pc, "named");
        lua_pcall(L, 0, 0, 0);
        is_str(lua_tostring(L, -1), "[string \"named\"]:1: where", "lua_load's chunk name is used as given");
        lua_settop(L, 0);
    }

    /* luaL_loadfile */
    if (write_temp(path, "local a, b = ...\nreturn (a or 1) + (b or 2)") != NULL) {
        r = luaL_loadfile(L, path);
        is_int(r, 0, "loadfile of a temporary file");
        lua_call(L, 0, 1);
        is_int(lua_tointeger(L, -1), 3, "runs it");
        lua_settop(L, 0);
        r = luaL_dofile(L, path);
        ok(r == 0 && lua_tointeger(L, -1) == 3, "luaL_dofile");
        lua_settop(L, 0);
        unlink(path);
    } else {
        ok(0, "could not create a temporary file");
        ok(0, "skipped");
        ok(0, "skipped");
    }
    if (write_temp(path, "#!/usr/bin/lua this line is skipped\nreturn 'shebang'") != NULL) {
        r = luaL_loadfile(L, path);
        ok(r == 0 && lua_pcall(L, 0, 1, 0) == 0 && strcmp(lua_tostring(L, -1), "shebang") == 0,
           "loadfile skips a first line starting with #");
        lua_settop(L, 0);
        unlink(path);
    } else {
        ok(0, "could not create a temporary file");
    }
    if (write_temp(path, "\n\nerror('in file')") != NULL) {
        char want[128];
        r = luaL_loadfile(L, path);
        lua_pcall(L, 0, 0, 0);
        snprintf(want, sizeof want, "%s:3: in file", path);
        is_str(lua_tostring(L, -1), want, "a file's errors name the file");
        lua_settop(L, 0);
        unlink(path);
    } else {
        ok(0, "could not create a temporary file");
    }
    if (write_temp(path, "x = ") != NULL) {
        char want[128];
        r = luaL_loadfile(L, path);
        snprintf(want, sizeof want, "%s:1: unexpected symbol near '<eof>'", path);
        ok(r == LUA_ERRSYNTAX, "a syntax error in a file is LUA_ERRSYNTAX");
        is_str(lua_tostring(L, -1), want, "and names the file");
        lua_settop(L, 0);
        unlink(path);
    } else {
        ok(0, "could not create a temporary file");
        ok(0, "skipped");
    }
    r = luaL_loadfile(L, "/nonexistent/dir/x.lua");
    is_int(r, LUA_ERRFILE, "a missing file gives LUA_ERRFILE");
    is_str(lua_tostring(L, -1), "cannot open /nonexistent/dir/x.lua: No such file or directory",
           "cannot open <name>: <strerror>");
    lua_settop(L, 0);

    /* lua_dump round trip */
    r = luaL_loadstring(L, "local n, s = ...\n"
                           "local function sq(x) return x * x end\n"
                           "local t = {}\n"
                           "for i = 1, n do t[#t + 1] = s .. sq(i) end\n"
                           "return table.concat(t, ','), 0.5, true, nil");
    memset(&sink, 0, sizeof sink);
    r = lua_dump(L, sink_writer, &sink);
    is_int(r, 0, "lua_dump returns 0");
    ok(sink.calls > 0 && sink.len > 0, "the writer received bytes");
    ok(sink.len >= 4 && memcmp(sink.data, LUA_SIGNATURE, 4) == 0, "a binary chunk starts with LUA_SIGNATURE");
    is_int(lua_gettop(L), 1, "lua_dump leaves the function on the stack");
    lua_settop(L, 0);
    r = luaL_loadbuffer(L, sink.data, sink.len, "=dumped");
    is_int(r, 0, "the dumped chunk loads back");
    lua_pushinteger(L, 3);
    lua_pushstring(L, "v");
    r = lua_pcall(L, 2, 4, 0);
    is_int(r, 0, "and runs");
    is_str(lua_tostring(L, 1), "v1,v4,v9", "with the same behaviour (nested function, loop, constants)");
    ok(lua_tonumber(L, 2) == 0.5 && lua_toboolean(L, 3) && lua_isnil(L, 4), "number, boolean, nil constants");
    lua_settop(L, 0);
    pc.data = sink.data;
    pc.len = sink.len;
    pc.pos = 0;
    pc.step = 5;
    r = lua_load(L, piece_reader, &pc, "=dumped-pieces");
    ok(r == 0 && lua_isfunction(L, -1), "a binary chunk also loads through a reader in pieces");
    lua_settop(L, 0);

    /* truncated dumps and garbage with the binary signature fail cleanly */
    all_failed = 1;
    all_strings = 1;
    for (i = 1; i < (int)sink.len; i++) {
        r = luaL_loadbuffer(L, sink.data, (size_t)i, "=truncated");
        if (r == 0)
            all_failed = 0;
        if (!lua_isstring(L, -1))
            all_strings = 0;
        lua_settop(L, 0);
    }
    ok(all_failed, "every truncation of a binary chunk fails to load");
    ok(all_strings, "each with an error message");
    free(sink.data);
    r = luaL_loadbuffer(L, "\033Lua garbage that is not a chunk", 31, "=junk");
    ok(r != 0, "garbage behind \\033Lua fails to load");
    ok(lua_isstring(L, -1) && lua_objlen(L, -1) > 0, "with an error message");
    lua_settop(L, 0);
    r = luaL_loadbuffer(L, "\033Lua", 4, "=sig");
    ok(r != 0 && lua_isstring(L, -1), "the bare signature fails to load");
    lua_settop(L, 0);

    /* lua_dump of things that cannot be dumped, and a failing writer */
    lua_pushcfunction(L, luaopen_base);
    wcalls = 0;
    r = lua_dump(L, failing_writer, &wcalls);
    ok(r != 0, "lua_dump of a C function fails");
    lua_settop(L, 0);
    luaL_loadstring(L, "return 1");
    wcalls = 0;
    r = lua_dump(L, failing_writer, &wcalls);
    is_int(r, 7, "lua_dump returns the writer's error code");
    ok(wcalls >= 1, "after calling the writer");
    lua_settop(L, 0);

    /* string.dump is the same mechanism seen from Lua: load(string.dump(f)) */
    r = luaL_dostring(L, "local f = function(a) return a + 100 end\n"
                         "local ok, d = pcall(string.dump, f)\n"
                         "if not ok then return 'no dump' end\n"
                         "return loadstring(d)(1)");
    ok(r == 0 && lua_tointeger(L, -1) == 101, "string.dump round trip from Lua");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
