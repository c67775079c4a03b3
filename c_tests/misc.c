/* The rest of the API: lua_atpanic (returning the old handler, and a real
 * panic in a child process), lua_setlevel, lua_ident, luaL_openlibs and
 * each luaopen_* through lua_call, luaL_register / luaL_openlib,
 * luaL_findtable, luaL_gsub, luaL_checkoption, luaL_opt*, luaL_checktype,
 * luaL_checkany, luaL_typerror, luaL_argerror, luaL_where, luaL_checkstack,
 * luaL_newstate and lua_open. */
#define _POSIX_C_SOURCE 200809L
#include "tap.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Exported by liblua5.1 (lapi.c) but declared in no public header. */
extern const char lua_ident[];

static int run_named(lua_State *L, const char *code, const char *name, int nres)
{
    int r = luaL_loadbuffer(L, code, strlen(code), name);
    if (r == 0)
        r = lua_pcall(L, 0, nres, 0);
    return r;
}

/* Runs code named "=t" and returns its error message ("" on success). */
static const char *err_of(lua_State *L, const char *code)
{
    static char buf[256];
    int r = run_named(L, code, "=t", 0);
    snprintf(buf, sizeof buf, "%s", r == 0 ? "" : (lua_tostring(L, -1) ? lua_tostring(L, -1) : "(non-string)"));
    lua_settop(L, 0);
    return buf;
}

static int panic_a(lua_State *L)
{
    (void)L;
    return 0;
}

static int panic_b(lua_State *L)
{
    (void)L;
    return 0;
}

/* used in the child: reports the message on stdout, then returns, and 5.1
 * then exits with EXIT_FAILURE */
static int panic_report(lua_State *L)
{
    const char *m = lua_tostring(L, -1);
    printf("# panic handler got: %s\n", m ? m : "(null)");
    printf("PANIC:%s\n", m ? m : "(null)");
    fflush(stdout);
    return 0;
}

/* module functions */
static int mod_add(lua_State *L)
{
    lua_pushnumber(L, luaL_checknumber(L, 1) + luaL_checknumber(L, 2));
    return 1;
}

static int mod_neg(lua_State *L)
{
    lua_pushnumber(L, -luaL_checknumber(L, 1));
    return 1;
}

static int mod_up(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    return 1;
}

static const luaL_Reg mod_funcs[] = {{"add", mod_add}, {"neg", mod_neg}, {NULL, NULL}};
static const luaL_Reg mod_more[] = {{"neg2", mod_neg}, {NULL, NULL}};
static const luaL_Reg up_funcs[] = {{"up1", mod_up}, {"up2", mod_up}, {NULL, NULL}};

/* argument helpers */
static int f_option(lua_State *L)
{
    static const char *const opts[] = {"one", "two", "three", NULL};
    lua_pushinteger(L, luaL_checkoption(L, 1, "three", opts));
    return 1;
}

static int f_option_nodef(lua_State *L)
{
    static const char *const opts[] = {"a", "b", NULL};
    lua_pushinteger(L, luaL_checkoption(L, 1, NULL, opts));
    return 1;
}

static int f_optint(lua_State *L)
{
    lua_pushinteger(L, luaL_optinteger(L, 1, 7));
    return 1;
}

static int f_optnum(lua_State *L)
{
    lua_pushnumber(L, luaL_optnumber(L, 1, 2.5));
    return 1;
}

static int f_optstr(lua_State *L)
{
    size_t len = 999;
    const char *s = luaL_optlstring(L, 1, "dflt", &len);
    lua_pushstring(L, s);
    lua_pushinteger(L, (lua_Integer)len);
    return 2;
}

static int f_optmacros(lua_State *L)
{
    lua_pushinteger(L, luaL_optint(L, 1, 3) + luaL_optlong(L, 2, 4));
    lua_pushstring(L, luaL_optstring(L, 3, "s"));
    return 2;
}

static int f_checktable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushboolean(L, 1);
    return 1;
}

static int f_checkany(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    return 1;
}

static int f_typerror(lua_State *L)
{
    return luaL_typerror(L, 1, "widget");
}

static int f_argerror(lua_State *L)
{
    return luaL_argerror(L, 2, "custom complaint");
}

static int f_argcheck(lua_State *L)
{
    lua_Integer n = luaL_checkinteger(L, 1);
    luaL_argcheck(L, n > 0, 1, "must be positive");
    lua_pushinteger(L, n);
    return 1;
}

static int f_checkint_macro(lua_State *L)
{
    lua_pushinteger(L, luaL_checkint(L, 1) + (int)luaL_checklong(L, 2));
    return 1;
}

static char where_buf[2][64];
static int f_where(lua_State *L)
{
    luaL_where(L, 1);
    snprintf(where_buf[0], sizeof where_buf[0], "%s", lua_tostring(L, -1));
    luaL_where(L, 0);
    snprintf(where_buf[1], sizeof where_buf[1], "%s", lua_tostring(L, -1));
    lua_pop(L, 2);
    return 0;
}

static int f_checkstack(lua_State *L)
{
    luaL_checkstack(L, 30, "fine");
    luaL_checkstack(L, 1000000, "too many things");
    return 0;
}

static int setlevel_and_resume(lua_State *L)
{
    lua_State *co = lua_newthread(L);
    int r;
    lua_setlevel(L, co);
    luaL_loadstring(co, "local a = ... coroutine.yield(a * 3) return 'fin'");
    lua_pushinteger(co, 5);
    r = lua_resume(co, 1);
    lua_pushinteger(L, r);
    lua_pushinteger(L, lua_tointeger(co, -1));
    return 2;
}

int main(void)
{
    lua_State *L, *L2;
    lua_CFunction old;
    const char *s;
    int r;

    tap_plan(87);

    /* luaL_newstate, lua_open, lua_atpanic */
    L = luaL_newstate();
    ok(L != NULL, "luaL_newstate");
    old = lua_atpanic(L, panic_a);
    ok(old != NULL, "luaL_newstate installs a panic function");
    ok(lua_atpanic(L, panic_b) == panic_a, "lua_atpanic returns the previous handler");
    ok(lua_atpanic(L, old) == panic_b, "and again");
    L2 = lua_open();
    ok(L2 != NULL && L2 != L, "lua_open() makes another state");
    lua_close(L2);

    /* a real panic, in a child process */
    fflush(stdout);
    {
        int fds[2];
        if (pipe(fds) == 0) {
            pid_t pid = fork();
            if (pid == 0) {
                lua_State *C = luaL_newstate();
                close(fds[0]);
                dup2(fds[1], 1);
                lua_atpanic(C, panic_report);
                lua_pushstring(C, "unprotected boom");
                lua_error(C); /* no protected caller: panic, then exit */
                printf("RETURNED\n");
                fflush(stdout);
                _exit(0);
            } else if (pid > 0) {
                char out[256];
                ssize_t n, total = 0;
                int status = 0;
                close(fds[1]);
                while (total < (ssize_t)sizeof out - 1 &&
                       (n = read(fds[0], out + total, sizeof out - 1 - (size_t)total)) > 0)
                    total += n;
                out[total] = '\0';
                close(fds[0]);
                waitpid(pid, &status, 0);
                has_str(out, "PANIC:unprotected boom", "an unprotected error calls the panic function with the message");
                ok(strstr(out, "RETURNED") == NULL, "lua_error does not return after the panic function");
                ok(WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
                   "the process exits with EXIT_FAILURE");
            } else {
                ok(0, "fork failed");
                ok(0, "skipped");
                ok(0, "skipped");
            }
        } else {
            ok(0, "pipe failed");
            ok(0, "skipped");
            ok(0, "skipped");
        }
    }

    /* lua_ident */
    ok(strlen(lua_ident) > 0, "lua_ident is a non-empty string");
    has_str(lua_ident, "Lua", "lua_ident mentions Lua");

    /* luaL_openlibs and a script using several libraries */
    luaL_openlibs(L);
    r = run_named(L, "return string.format('%d-%s', 3, string.rep('a', 3)) .. table.concat({1, 2, 3}, ',')"
                     " .. math.floor(3.7) .. string.upper('x') .. #string.format('%5.1f', math.pi)", "=libs", 1);
    is_int(r, 0, "a script using string, table and math");
    is_str(lua_tostring(L, -1), "3-aaa1,2,33X5", "with the right result");
    lua_settop(L, 0);
    r = run_named(L, "local t = {5, 2, 8, 1} table.sort(t) table.insert(t, 9)\n"
                     "return t[1] .. t[4] .. t[5], select('#', unpack(t)), type(os.time()), type(io.write)", "=libs2", 4);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "189") == 0 && lua_tointeger(L, 2) == 5, "table.sort/insert, unpack");
    ok(strcmp(lua_tostring(L, 3), "number") == 0 && strcmp(lua_tostring(L, 4), "function") == 0,
       "os and io are there");
    lua_settop(L, 0);

    /* each luaopen_* through lua_call on a fresh state */
    L2 = luaL_newstate();
    {
        static const struct {
            const char *name, *global;
            lua_CFunction f;
        } libs[] = {{"", "_G", luaopen_base},         {LUA_LOADLIBNAME, "package", luaopen_package},
                    {LUA_TABLIBNAME, "table", luaopen_table}, {LUA_IOLIBNAME, "io", luaopen_io},
                    {LUA_OSLIBNAME, "os", luaopen_os},       {LUA_STRLIBNAME, "string", luaopen_string},
                    {LUA_MATHLIBNAME, "math", luaopen_math}, {LUA_DBLIBNAME, "debug", luaopen_debug}};
        size_t i;
        for (i = 0; i < sizeof libs / sizeof libs[0]; i++) {
            char desc[96];
            lua_pushcfunction(L2, libs[i].f);
            lua_pushstring(L2, libs[i].name);
            r = lua_pcall(L2, 1, 1, 0);
            lua_getglobal(L2, libs[i].global);
            snprintf(desc, sizeof desc, "luaopen for '%s' returns its table and sets the global",
                     libs[i].global);
            ok(r == 0 && lua_istable(L2, -2) && lua_rawequal(L2, -1, -2), desc);
            lua_settop(L2, 0);
        }
    }
    r = run_named(L2, "return type(print), type(string.byte), type(math.sqrt), type(package.loaded),"
                      " package.loaded.string == string", "=opened", 5);
    ok(r == 0 && strcmp(lua_tostring(L2, 1), "function") == 0 && strcmp(lua_tostring(L2, 3), "function") == 0,
       "the opened libraries work");
    ok(lua_toboolean(L2, 5), "package.loaded records the libraries");
    lua_close(L2);
    is_str(LUA_COLIBNAME, "coroutine", "LUA_COLIBNAME");

    /* luaL_register */
    luaL_register(L, "mymod", mod_funcs);
    ok(lua_istable(L, -1), "luaL_register leaves the module table");
    lua_getglobal(L, "mymod");
    ok(lua_rawequal(L, -1, -2), "and sets the global");
    lua_settop(L, 0);
    r = run_named(L, "return mymod.add(2, 3), mymod.neg(4), package.loaded.mymod == mymod", "=mod", 3);
    ok(r == 0 && lua_tonumber(L, 1) == 5 && lua_tonumber(L, 2) == -4, "the module functions work");
    ok(lua_toboolean(L, 3), "package.loaded[name] is the module");
    lua_settop(L, 0);
    luaL_register(L, "mymod", mod_more);
    lua_getglobal(L, "mymod");
    ok(lua_rawequal(L, -1, -2), "a second luaL_register with the same name reuses the table");
    lua_getfield(L, -1, "add");
    lua_getfield(L, -2, "neg2");
    ok(lua_isfunction(L, -1) && lua_isfunction(L, -2), "old and new functions are both there");
    lua_settop(L, 0);
    lua_newtable(L);
    luaL_register(L, NULL, mod_funcs);
    lua_getfield(L, -1, "add");
    ok(lua_tocfunction(L, -1) == mod_add && lua_gettop(L) == 2, "luaL_register(NULL) fills the table on top");
    lua_settop(L, 0);
    luaL_register(L, "deep.er.mod", mod_funcs);
    r = run_named(L, "return deep.er.mod.add(1, 1)", "=deep", 1);
    ok(r == 0 && lua_tonumber(L, -1) == 2, "a dotted module name creates nested tables");
    lua_settop(L, 0);

    /* luaL_openlib with upvalues */
    lua_pushstring(L, "shared up");
    luaL_openlib(L, "upmod", up_funcs, 1);
    ok(lua_istable(L, -1) && lua_gettop(L) == 1, "luaL_openlib pops the upvalues and leaves the table");
    lua_settop(L, 0);
    r = run_named(L, "return upmod.up1(), upmod.up2()", "=up", 2);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "shared up") == 0 && strcmp(lua_tostring(L, 2), "shared up") == 0,
       "each function gets the upvalue");
    lua_settop(L, 0);

    /* luaL_findtable */
    s = luaL_findtable(L, LUA_GLOBALSINDEX, "fa.fb.fc", 4);
    ok(s == NULL, "findtable creates a path: NULL");
    ok(lua_istable(L, -1) && lua_gettop(L) == 1, "and leaves the last table");
    lua_pushinteger(L, 1);
    lua_setfield(L, -2, "leaf");
    lua_settop(L, 0);
    r = run_named(L, "return fa.fb.fc.leaf", "=ft", 1);
    is_int(lua_tointeger(L, -1), 1, "the path is reachable from Lua");
    lua_settop(L, 0);
    s = luaL_findtable(L, LUA_GLOBALSINDEX, "fa.fb", 0);
    ok(s == NULL && lua_istable(L, -1), "findtable of an existing path");
    lua_getfield(L, -1, "fc");
    ok(lua_istable(L, -1), "returns the existing table");
    lua_settop(L, 0);
    r = run_named(L, "fa.num = 5", "=ft", 0);
    s = luaL_findtable(L, LUA_GLOBALSINDEX, "fa.num.x", 0);
    is_str(s, "num.x", "a non-table on the path: returns the problematic part of the name");
    is_int(lua_gettop(L), 0, "and leaves nothing on the stack");
    lua_newtable(L);
    s = luaL_findtable(L, 1, "k", 0);
    ok(s == NULL && lua_gettop(L) == 2 && lua_istable(L, 2), "findtable relative to a stack table");
    lua_settop(L, 0);

    /* luaL_gsub */
    s = luaL_gsub(L, "a.b.c", ".", "::");
    is_str(s, "a::b::c", "luaL_gsub returns the result");
    is_str(lua_tostring(L, -1), "a::b::c", "and pushes it");
    s = luaL_gsub(L, "nothing here", "xyz", "!");
    is_str(s, "nothing here", "no match: the same string");
    s = luaL_gsub(L, "aaa", "a", "");
    is_str(s, "", "replacing with nothing");
    is_int(lua_gettop(L), 3, "each gsub pushed one string");
    lua_settop(L, 0);

    /* argument helpers */
    lua_register(L, "opt", f_option);
    lua_register(L, "optnd", f_option_nodef);
    lua_register(L, "oint", f_optint);
    lua_register(L, "onum", f_optnum);
    lua_register(L, "ostr", f_optstr);
    lua_register(L, "omac", f_optmacros);
    lua_register(L, "ctab", f_checktable);
    lua_register(L, "cany", f_checkany);
    lua_register(L, "terr", f_typerror);
    lua_register(L, "aerr", f_argerror);
    lua_register(L, "acheck", f_argcheck);
    lua_register(L, "cint", f_checkint_macro);
    lua_register(L, "where", f_where);

    r = run_named(L, "return opt('one'), opt('three'), opt(), optnd('b')", "=o", 4);
    ok(r == 0 && lua_tointeger(L, 1) == 0 && lua_tointeger(L, 2) == 2, "checkoption returns the index");
    ok(lua_tointeger(L, 3) == 2 && lua_tointeger(L, 4) == 1, "checkoption's default");
    lua_settop(L, 0);
    is_str(err_of(L, "opt('four')"), "t:1: bad argument #1 to 'opt' (invalid option 'four')", "an invalid option");
    is_str(err_of(L, "optnd()"), "t:1: bad argument #1 to 'optnd' (string expected, got no value)",
           "checkoption without a default needs a string");
    r = run_named(L, "return oint(), oint(nil), oint(3), oint('12')", "=o", 4);
    ok(r == 0 && lua_tointeger(L, 1) == 7 && lua_tointeger(L, 2) == 7, "optinteger default for none and nil");
    ok(lua_tointeger(L, 3) == 3 && lua_tointeger(L, 4) == 12, "optinteger with values");
    lua_settop(L, 0);
    is_str(err_of(L, "oint('x')"), "t:1: bad argument #1 to 'oint' (number expected, got string)",
           "optinteger with a non-number");
    r = run_named(L, "return onum(), onum(0.25)", "=o", 2);
    ok(r == 0 && lua_tonumber(L, 1) == 2.5 && lua_tonumber(L, 2) == 0.25, "optnumber");
    lua_settop(L, 0);
    is_str(err_of(L, "onum({})"), "t:1: bad argument #1 to 'onum' (number expected, got table)",
           "optnumber with a table");
    r = run_named(L, "return ostr()", "=o", 2);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "dflt") == 0 && lua_tointeger(L, 2) == 4,
       "optlstring default and its length");
    lua_settop(L, 0);
    r = run_named(L, "return ostr('given!')", "=o", 2);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "given!") == 0 && lua_tointeger(L, 2) == 6, "optlstring with a value");
    lua_settop(L, 0);
    r = run_named(L, "return ostr(42)", "=o", 2);
    ok(r == 0 && strcmp(lua_tostring(L, 1), "42") == 0, "optlstring converts a number");
    lua_settop(L, 0);
    is_str(err_of(L, "ostr(true)"), "t:1: bad argument #1 to 'ostr' (string expected, got boolean)",
           "optlstring with a boolean");
    r = run_named(L, "local a, b = omac() return a, b, omac(1, 2, 'z')", "=o", 4);
    ok(r == 0 && lua_tointeger(L, 1) == 7 && strcmp(lua_tostring(L, 2), "s") == 0, "optint/optlong/optstring defaults");
    ok(lua_tointeger(L, 3) == 3 && strcmp(lua_tostring(L, 4), "z") == 0, "and with values");
    lua_settop(L, 0);
    r = run_named(L, "return cint(2, 3)", "=o", 1);
    ok(r == 0 && lua_tointeger(L, -1) == 5, "checkint/checklong macros");
    lua_settop(L, 0);

    is_str(err_of(L, "ctab(1)"), "t:1: bad argument #1 to 'ctab' (table expected, got number)", "checktype");
    is_str(err_of(L, "ctab({})"), "", "checktype accepts the type");
    is_str(err_of(L, "cany()"), "t:1: bad argument #1 to 'cany' (value expected)", "checkany with nothing");
    is_str(err_of(L, "cany(nil)"), "", "checkany accepts nil");
    is_str(err_of(L, "terr(true)"), "t:1: bad argument #1 to 'terr' (widget expected, got boolean)", "typerror");
    is_str(err_of(L, "terr()"), "t:1: bad argument #1 to 'terr' (widget expected, got no value)",
           "typerror with no argument");
    is_str(err_of(L, "aerr(1, 2)"), "t:1: bad argument #2 to 'aerr' (custom complaint)", "argerror");
    is_str(err_of(L, "acheck(-1)"), "t:1: bad argument #1 to 'acheck' (must be positive)", "luaL_argcheck");
    is_str(err_of(L, "acheck(1)"), "", "luaL_argcheck passes");
    is_str(err_of(L, "local x = 1\n\nterr(x)"), "t:3: bad argument #1 to 'terr' (widget expected, got number)",
           "the position is the calling line");

    /* luaL_where */
    r = run_named(L, "local a\nwhere()", "=w", 0);
    is_str(where_buf[0], "w:2: ", "luaL_where(1) is the caller's position");
    is_str(where_buf[1], "", "luaL_where(0) in a C function is empty");
    lua_pushcfunction(L, f_where);
    lua_call(L, 0, 0);
    is_str(where_buf[0], "", "luaL_where(1) with no Lua caller is empty");

    /* luaL_checkstack */
    lua_pushcfunction(L, f_checkstack);
    r = lua_pcall(L, 0, 0, 0);
    is_int(r, LUA_ERRRUN, "luaL_checkstack raises an error when it cannot grow");
    is_str(lua_tostring(L, -1), "stack overflow (too many things)", "stack overflow (msg)");
    lua_settop(L, 0);

    /* lua_setlevel: a smoke test, then a coroutine still works */
    lua_pushcfunction(L, setlevel_and_resume);
    r = lua_pcall(L, 0, 2, 0);
    ok(r == 0 && lua_tointeger(L, 1) == LUA_YIELD && lua_tointeger(L, 2) == 15,
       "after lua_setlevel a coroutine on the other thread runs");
    lua_settop(L, 0);
    {
        lua_State *co = lua_newthread(L);
        lua_setlevel(L, co);
        luaL_loadstring(co, "return 'ok'");
        r = lua_resume(co, 0);
        ok(r == 0 && strcmp(lua_tostring(co, -1), "ok") == 0, "lua_setlevel from the top level");
        lua_settop(L, 0);
    }

    /* macros of lua.h that wrap API functions */
    lua_newtable(L);
    ok(lua_istable(L, -1), "lua_newtable");
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "k");
    lua_setglobal(L, "macro_t");
    r = luaL_dostring(L, "return macro_t.k");
    ok(r == 0 && strcmp(lua_tostring(L, -1), "v") == 0, "luaL_dostring and lua_setglobal");
    lua_settop(L, 0);
    ok(luaL_dostring(L, "error('x')") != 0, "luaL_dostring reports failure");
    lua_settop(L, 0);
    luaL_newmetatable(L, "MiscType");
    luaL_getmetatable(L, "MiscType");
    ok(lua_rawequal(L, -1, -2), "luaL_getmetatable macro");
    lua_settop(L, 0);
    lua_pushstring(L, "x");
    ok(luaL_checkstring(L, 1) != NULL && strcmp(luaL_checkstring(L, 1), "x") == 0, "luaL_checkstring macro");
    ok(strcmp(luaL_typename(L, 1), "string") == 0, "luaL_typename macro");
    lua_settop(L, 0);

    lua_close(L);
    return tap_done();
}
