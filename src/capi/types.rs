//! The C-visible types of `lua.h` and `lauxlib.h`, with the Lua 5.1 layouts
//! of Debian's liblua5.1 on x86-64 (`lua_Debug`, `luaL_Reg`, `luaL_Buffer`),
//! and the function-pointer typedefs. cbindgen turns these declarations
//! into `include/`; C code compiled against Debian's own headers sees the
//! same layouts.

#![allow(non_camel_case_types, non_snake_case)]

use crate::value::ThreadRef;
use std::ffi::{c_char, c_int, c_void};

/// `lua_Number`: `double`, as in Debian's luaconf.h.
pub type lua_Number = f64;
/// `lua_Integer`: `ptrdiff_t`.
pub type lua_Integer = isize;

/// What a `lua_State *` points to: one block per thread, with a stable
/// address for the thread's lifetime. C code sees it as opaque.
pub struct lua_State {
    /// The global state's C-side block (shared by every thread's block).
    pub(crate) g: *mut super::CGlobal,
    /// The thread this block stands for.
    pub(crate) thread: ThreadRef,
}

/// `lua_CFunction`: a C function callable from Lua.
pub type lua_CFunction = unsafe extern "C" fn(L: *mut lua_State) -> c_int;

/// `lua_Reader`: supplies chunk pieces to `lua_load`.
pub type lua_Reader =
    unsafe extern "C" fn(L: *mut lua_State, ud: *mut c_void, sz: *mut usize) -> *const c_char;

/// `lua_Writer`: receives chunk pieces from `lua_dump`.
pub type lua_Writer =
    unsafe extern "C" fn(L: *mut lua_State, p: *const c_void, sz: usize, ud: *mut c_void) -> c_int;

/// `lua_Alloc`: the host's memory allocator.
pub type lua_Alloc = unsafe extern "C" fn(
    ud: *mut c_void,
    ptr: *mut c_void,
    osize: usize,
    nsize: usize,
) -> *mut c_void;

/// `lua_Hook`: a debug hook.
pub type lua_Hook = unsafe extern "C" fn(L: *mut lua_State, ar: *mut lua_Debug);

/// `LUA_IDSIZE`: room for `lua_Debug.short_src`.
pub const LUA_IDSIZE: usize = 60;

/// `LUAL_BUFFERSIZE`: `BUFSIZ` of glibc, as Debian's luaconf.h sets it.
pub const LUAL_BUFFERSIZE: usize = 8192;

/// `lua_Debug`, the 5.1 activation record.
#[repr(C)]
pub struct lua_Debug {
    pub event: c_int,
    /// (n)
    pub name: *const c_char,
    /// (n) `global`, `local`, `field`, `method`
    pub namewhat: *const c_char,
    /// (S) `Lua`, `C`, `main`, `tail`
    pub what: *const c_char,
    /// (S)
    pub source: *const c_char,
    /// (l)
    pub currentline: c_int,
    /// (u) number of upvalues
    pub nups: c_int,
    /// (S)
    pub linedefined: c_int,
    /// (S)
    pub lastlinedefined: c_int,
    /// (S)
    pub short_src: [c_char; LUA_IDSIZE],
    /// private part: the active function's level
    pub i_ci: c_int,
}

/// `luaL_Reg`: one entry of a function list for `luaL_register`.
#[repr(C)]
pub struct luaL_Reg {
    pub name: *const c_char,
    pub func: Option<lua_CFunction>,
}

/// `luaL_Buffer` with the 5.1 layout: the `luaL_addchar` macro writes
/// through `p` into `buffer` directly.
#[repr(C)]
pub struct luaL_Buffer {
    /// current position in buffer
    pub p: *mut c_char,
    /// number of strings in the stack (level)
    pub lvl: c_int,
    pub L: *mut lua_State,
    pub buffer: [c_char; LUAL_BUFFERSIZE],
}
