/*
 * cellua's C shim: the only C inside the library.
 *
 * 1. The protected-call trampoline. Every call of a C function from Lua
 *    goes through cellua_ccall, which pushes a node holding a jmp_buf on
 *    the state's chain and calls the function under _setjmp. An API entry
 *    point that must raise an error (lua_error, luaL_error, a failing
 *    lua_call, ...) stores the error on the Rust side, drops everything it
 *    owns, and as its last act calls cellua_longjmp on the innermost node.
 *    The frames a longjmp skips are therefore only the C function's own
 *    and the entry point's, which holds nothing with a destructor by then.
 *    No Rust frame that owns a value with Drop is ever skipped.
 *
 * 2. The variadic entry points, which stable Rust cannot define:
 *    lua_pushfstring, lua_pushvfstring and luaL_error. They format 5.1's
 *    subset (%s %d %f %p %c %%) by pushing the pieces with the ordinary
 *    API and concatenating them with lua_concat, so no memory of their own
 *    can leak when a push raises.
 *
 * Written against the Lua 5.1 manual; uses only the public API.
 */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <stddef.h>

typedef struct lua_State lua_State;
typedef int (*lua_CFunction)(lua_State *L);

struct cellua_jmp {
  jmp_buf buf;
  struct cellua_jmp *prev;
};

int cellua_ccall(lua_State *L, lua_CFunction f, void **chain, int *nret) {
  struct cellua_jmp node;
  node.prev = (struct cellua_jmp *)*chain;
  *chain = &node;
  if (_setjmp(node.buf) == 0) {
    *nret = f(L);
    *chain = node.prev;
    return 0;
  }
  /* Reached by cellua_longjmp: node and chain were not modified after
     _setjmp, so their values are intact. */
  *chain = node.prev;
  return 1;
}

void cellua_longjmp(void *node) {
  _longjmp(((struct cellua_jmp *)node)->buf, 1);
}

/* The API functions the variadic ones are built from. */
void lua_pushlstring(lua_State *L, const char *s, size_t l);
void lua_pushstring(lua_State *L, const char *s);
void lua_pushnumber(lua_State *L, double n);
void lua_concat(lua_State *L, int n);
const char *lua_tolstring(lua_State *L, int idx, size_t *len);
int lua_error(lua_State *L);
void luaL_where(lua_State *L, int lvl);

const char *lua_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  int pieces = 0;
  const char *lit = fmt;
  const char *p;
  while ((p = strchr(lit, '%')) != NULL) {
    lua_pushlstring(L, lit, (size_t)(p - lit));
    pieces++;
    switch (p[1]) {
      case 's': {
        const char *s = va_arg(argp, const char *);
        lua_pushstring(L, s != NULL ? s : "(null)");
        break;
      }
      case 'c': {
        char c = (char)va_arg(argp, int);
        lua_pushlstring(L, &c, 1);
        break;
      }
      case 'd':
        lua_pushnumber(L, (double)va_arg(argp, int));
        break;
      case 'f':
        lua_pushnumber(L, va_arg(argp, double));
        break;
      case 'p': {
        char buf[4 * sizeof(void *) + 8];
        snprintf(buf, sizeof buf, "%p", va_arg(argp, void *));
        lua_pushstring(L, buf);
        break;
      }
      case '%':
        lua_pushlstring(L, "%", 1);
        break;
      case '\0':
        /* A lone '%' at the end is kept as is. */
        lua_pushlstring(L, "%", 1);
        pieces++;
        lua_concat(L, pieces);
        return lua_tolstring(L, -1, NULL);
      default: {
        /* Unknown conversion: keep both characters. */
        lua_pushlstring(L, p, 2);
        break;
      }
    }
    pieces++;
    lit = p + 2;
  }
  lua_pushstring(L, lit);
  pieces++;
  lua_concat(L, pieces);
  return lua_tolstring(L, -1, NULL);
}

const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *s;
  va_list argp;
  va_start(argp, fmt);
  s = lua_pushvfstring(L, fmt, argp);
  va_end(argp);
  return s;
}

int luaL_error(lua_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  luaL_where(L, 1);
  lua_pushvfstring(L, fmt, argp);
  va_end(argp);
  lua_concat(L, 2);
  return lua_error(L);
}

/* 3. The hook trampoline: a lua_Hook is called like a C function, under
   _setjmp with a node on the chain, so that a hook raising an error
   (lua_error, luaL_error) unwinds only its own frames. */
typedef struct lua_Debug lua_Debug;
typedef void (*lua_Hook)(lua_State *L, lua_Debug *ar);

int cellua_hookcall(lua_State *L, lua_Hook h, lua_Debug *ar, void **chain) {
  struct cellua_jmp node;
  node.prev = (struct cellua_jmp *)*chain;
  *chain = &node;
  if (_setjmp(node.buf) == 0) {
    h(L, ar);
    *chain = node.prev;
    return 0;
  }
  *chain = node.prev;
  return 1;
}
