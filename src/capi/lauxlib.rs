//! The auxiliary library of `lauxlib.h` (manual §4), except the buffer
//! functions (`buffer.rs`), `luaL_newstate` (`state.rs`) and the variadic
//! `luaL_error` (csrc/shim.c, built on `luaL_where` here).
//!
//! Every function is one entry point in the style of the rest of `capi`:
//! it translates its indices with `slot`/`value_at`, works on the `Lua`
//! through `api`, and raises its errors (they never return to C). The
//! argument errors have 5.1's words and use the running C function's name
//! as Lua sees it, the way `stdlib`'s `arg_error` does for Rust natives:
//! `bad argument #1 to 'f' (number expected, got nil)`, prefixed with the
//! position of the Lua code that called the function (`luaL_where(L, 1)`).
//!
//! `luaL_register` and `luaL_openlib` keep loaded modules in the registry's
//! `_LOADED` table, as 5.1 does. A state whose libraries were opened on the
//! Rust side has a `package.loaded` but no `_LOADED` yet: the first use
//! adopts `package.loaded`, so `require` and `luaL_register` see one table.

use super::*;
use crate::error::LUA_ERRMEM;
use crate::value::TableRef;
use std::ffi::{c_char, CStr};

/// `LUA_ERRFILE`: `luaL_loadfile` could not open or read the file.
pub const LUA_ERRFILE: c_int = crate::error::LUA_ERRERR + 1;
/// `LUA_NOREF`: a reference that refers to nothing.
pub const LUA_NOREF: c_int = -2;
/// `LUA_REFNIL`: the reference `luaL_ref` returns for nil.
pub const LUA_REFNIL: c_int = -1;

/// The bytes of a C string (empty for NULL).
///
/// # Safety
/// `s` must be NULL or NUL-terminated and live for `'a`.
pub(crate) unsafe fn cstr<'a>(s: *const c_char) -> &'a [u8] {
    if s.is_null() {
        &[]
    } else {
        CStr::from_ptr(s).to_bytes()
    }
}

// ----- errors ------------------------------------------------------------------

/// `luaL_argerror`'s error for argument `narg` of the running C function:
/// `bad argument #narg to 'name' (msg)`, with 5.1's adjustment for methods
/// (`calling 'name' on bad self (msg)` for the receiver) and
/// `bad argument #narg (msg)` when no function is running.
pub(crate) fn bad_arg(lua: &mut Lua, narg: c_int, msg: &[u8]) -> LuaError {
    let mut out = Vec::with_capacity(msg.len() + 40);
    if lua.frames.is_empty() {
        out.extend_from_slice(format!("bad argument #{narg} (").as_bytes());
    } else {
        let idx = lua.frames.len() - 1;
        let (namewhat, name) = lua.frame_name(idx);
        let name = name.unwrap_or_else(|| "?".to_string());
        let mut narg = narg as i64;
        if namewhat == "method" {
            narg -= 1;
            if narg == 0 {
                out.extend_from_slice(format!("calling '{name}' on bad self (").as_bytes());
                out.extend_from_slice(msg);
                out.push(b')');
                return lua.lib_error(out);
            }
        }
        out.extend_from_slice(format!("bad argument #{narg} to '{name}' (").as_bytes());
    }
    out.extend_from_slice(msg);
    out.push(b')');
    lua.lib_error(out)
}

/// `luaL_typerror`'s error: `<tname> expected, got <type of narg>`.
pub(crate) fn type_err(lua: &mut Lua, narg: c_int, tname: &[u8]) -> LuaError {
    let got = match value_at(lua, narg) {
        Some(v) => v.type_name(),
        None => "no value",
    };
    let mut msg = tname.to_vec();
    msg.extend_from_slice(b" expected, got ");
    msg.extend_from_slice(got.as_bytes());
    bad_arg(lua, narg, &msg)
}

/// The name `lua_typename` gives a type tag.
fn tag_name(t: c_int) -> &'static [u8] {
    // SAFETY: `lua_typename` ignores its state and returns a static string.
    unsafe { cstr(access::lua_typename(std::ptr::null_mut(), t)) }
}

/// `luaL_argerror`: raise `bad argument #narg to 'f' (extramsg)`. Never
/// returns.
///
/// # Safety
/// `L` must be a live block; `extramsg` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_argerror(
    L: *mut lua_State,
    narg: c_int,
    extramsg: *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block and a C string (or NULL).
    api(L, |lua| {
        let msg = if extramsg.is_null() {
            &b"(null)"[..]
        } else {
            cstr(extramsg)
        };
        Err(bad_arg(lua, narg, msg))
    })
}

/// `luaL_typerror`: raise `bad argument #narg to 'f' (tname expected, got
/// <type>)`. Never returns.
///
/// # Safety
/// `L` must be a live block; `tname` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_typerror(
    L: *mut lua_State,
    narg: c_int,
    tname: *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block and a C string (or NULL).
    api(L, |lua| {
        let t = if tname.is_null() {
            &b"(null)"[..]
        } else {
            cstr(tname)
        };
        Err(type_err(lua, narg, t))
    })
}

/// `luaL_where`: push `chunkname:currentline: ` of the function at stack
/// level `lvl` (1 = the caller of the running C function), or "" when
/// that is not a Lua function.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_where(L: *mut lua_State, lvl: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let w = if lvl < 0 {
            Vec::new()
        } else {
            lua.where_(lvl as usize)
        };
        let v = lua.new_str(&w);
        lua.push(v)
    })
}

// ----- argument checks ----------------------------------------------------------

/// The string at `narg`, converting a number in place (the slot then holds
/// the string); `None` for other values.
fn to_lstring(lua: &mut Lua, narg: c_int) -> Result<Option<(*const c_char, usize)>, LuaError> {
    let s = slot(lua, narg);
    match get_slot(lua, s) {
        Some(Value::String(r)) => Ok(Some(access::str_ptr(lua, r))),
        Some(Value::Number(x)) => {
            let mut b = Vec::new();
            crate::number::fmt_number(x, &mut b);
            let r = lua.intern(&b);
            set_slot(lua, s, Value::String(r))?;
            Ok(Some(access::str_ptr(lua, r)))
        }
        _ => Ok(None),
    }
}

/// `luaL_checklstring` on the Rust side.
fn check_lstring(lua: &mut Lua, narg: c_int) -> Result<(*const c_char, usize), LuaError> {
    match to_lstring(lua, narg)? {
        Some(r) => Ok(r),
        None => Err(type_err(lua, narg, b"string")),
    }
}

/// `lua_isnoneornil`.
fn none_or_nil(lua: &mut Lua, narg: c_int) -> bool {
    matches!(value_at(lua, narg), None | Some(Value::Nil))
}

/// `luaL_checklstring`: the string argument `narg` (a number is converted
/// in place), its length in `*l` when `l` is not NULL. The pointer stays
/// valid while the value is on the stack.
///
/// # Safety
/// `L` must be a live block; `l` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn luaL_checklstring(
    L: *mut lua_State,
    narg: c_int,
    l: *mut usize,
) -> *const c_char {
    // SAFETY: the caller passes a live block and a valid `l`.
    let (p, n) = api(L, |lua| check_lstring(lua, narg));
    if !l.is_null() {
        *l = n;
    }
    p
}

/// `luaL_optlstring`: like `luaL_checklstring`, but `def` (which may be
/// NULL) when the argument is none or nil.
///
/// # Safety
/// `L` must be a live block; `def` NULL or NUL-terminated; `l` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn luaL_optlstring(
    L: *mut lua_State,
    narg: c_int,
    def: *const c_char,
    l: *mut usize,
) -> *const c_char {
    // SAFETY: the caller passes a live block, a C string (or NULL) and a
    // valid `l`.
    let (p, n) = api(L, |lua| {
        if none_or_nil(lua, narg) {
            Ok((def, cstr(def).len()))
        } else {
            check_lstring(lua, narg)
        }
    });
    if !l.is_null() {
        *l = n;
    }
    p
}

/// `luaL_checknumber` on the Rust side.
fn check_number(lua: &mut Lua, narg: c_int) -> Result<f64, LuaError> {
    let v = at(lua, narg);
    match lua.to_number(v) {
        Some(n) => Ok(n),
        None => Err(type_err(lua, narg, b"number")),
    }
}

/// `luaL_checknumber`: the number argument `narg` (strings convertible to
/// numbers are accepted).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_checknumber(L: *mut lua_State, narg: c_int) -> lua_Number {
    // SAFETY: the caller passes a live block.
    api(L, |lua| check_number(lua, narg))
}

/// `luaL_optnumber`: `def` when the argument is none or nil.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_optnumber(
    L: *mut lua_State,
    narg: c_int,
    def: lua_Number,
) -> lua_Number {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        if none_or_nil(lua, narg) {
            Ok(def)
        } else {
            check_number(lua, narg)
        }
    })
}

/// `luaL_checkinteger`: the number argument truncated toward zero.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_checkinteger(L: *mut lua_State, narg: c_int) -> lua_Integer {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        check_number(lua, narg).map(|n| crate::stdlib::num_to_int(n) as lua_Integer)
    })
}

/// `luaL_optinteger`: `def` when the argument is none or nil.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_optinteger(
    L: *mut lua_State,
    narg: c_int,
    def: lua_Integer,
) -> lua_Integer {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        if none_or_nil(lua, narg) {
            Ok(def)
        } else {
            check_number(lua, narg).map(|n| crate::stdlib::num_to_int(n) as lua_Integer)
        }
    })
}

/// `luaL_checkstack`: grow the stack by `sz` slots or raise
/// `stack overflow (msg)`.
///
/// # Safety
/// `L` must be a live block; `msg` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_checkstack(L: *mut lua_State, sz: c_int, msg: *const c_char) {
    // SAFETY: the caller passes a live block and a C string (or NULL).
    if stack::lua_checkstack(L, sz) != 0 {
        return;
    }
    api(L, |lua| {
        let mut m = b"stack overflow (".to_vec();
        m.extend_from_slice(if msg.is_null() { b"(null)" } else { cstr(msg) });
        m.push(b')');
        Err::<(), _>(lua.lib_error(m))
    })
}

/// `luaL_checktype`: raise a type error unless argument `narg` has type
/// `t`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_checktype(L: *mut lua_State, narg: c_int, t: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let actual = value_at(lua, narg).map_or(-1, |v| v.lua_type() as c_int);
        if actual == t {
            Ok(())
        } else {
            Err(type_err(lua, narg, tag_name(t)))
        }
    })
}

/// `luaL_checkany`: raise `value expected` when there is no argument
/// `narg` (nil is a value).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_checkany(L: *mut lua_State, narg: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| match value_at(lua, narg) {
        Some(_) => Ok(()),
        None => Err(bad_arg(lua, narg, b"value expected")),
    })
}

/// `luaL_checkoption`: the index in the NULL-terminated `lst` of the
/// string argument `narg` (or of `def` when it is absent and `def` is not
/// NULL); raises `invalid option 'x'` for a string not in the list.
///
/// # Safety
/// `L` must be a live block; `def` NULL or NUL-terminated; `lst` a
/// NULL-terminated array of C strings.
#[no_mangle]
pub unsafe extern "C" fn luaL_checkoption(
    L: *mut lua_State,
    narg: c_int,
    def: *const c_char,
    lst: *const *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block and valid C strings.
    api(L, |lua| {
        let (p, _) = if !def.is_null() && none_or_nil(lua, narg) {
            (def, 0)
        } else {
            check_lstring(lua, narg)?
        };
        // Compared as C strings (up to the first NUL), as strcmp does.
        let name = cstr(p);
        if !lst.is_null() {
            let mut i = 0usize;
            loop {
                let e = *lst.add(i);
                if e.is_null() {
                    break;
                }
                if cstr(e) == name {
                    return Ok(i as c_int);
                }
                i += 1;
            }
        }
        let mut msg = b"invalid option '".to_vec();
        msg.extend_from_slice(name);
        msg.push(b'\'');
        Err(bad_arg(lua, narg, &msg))
    })
}

// ----- metatables and userdata ---------------------------------------------------

/// `luaL_newmetatable`: push `registry[tname]`; when it is absent, make it
/// a new table first and return 1, else return 0.
///
/// # Safety
/// `L` must be a live block; `tname` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_newmetatable(L: *mut lua_State, tname: *const c_char) -> c_int {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let reg = Value::Table(lua.registry);
        let key = lua.new_str(cstr(tname));
        let old = lua.index(reg, key, None)?;
        if !old.is_nil() {
            lua.push(old)?;
            return Ok(0);
        }
        let t = lua.heap.new_table(0, 2);
        lua.push(Value::Table(t))?;
        lua.set_index(reg, key, Value::Table(t), None)?;
        lua.gc_check()?;
        Ok(1)
    })
}

/// `luaL_checkudata`: the block of the userdata argument `ud` when its
/// metatable is `registry[tname]`; raises `tname expected, got <type>`
/// otherwise.
///
/// # Safety
/// `L` must be a live block; `tname` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_checkudata(
    L: *mut lua_State,
    ud: c_int,
    tname: *const c_char,
) -> *mut c_void {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let name = cstr(tname);
        let v = at(lua, ud);
        let p = match v {
            Value::UserData(u) => access::udata_ptr(lua, u),
            Value::LightUserData(p) => p,
            _ => std::ptr::null_mut(),
        };
        if !p.is_null() {
            if let Some(mt) = lua.get_metatable(v) {
                let reg = lua.registry;
                let key = lua.new_str(name);
                if lua.raw_get(reg, &key).raw_eq(&Value::Table(mt)) {
                    return Ok(p);
                }
            }
        }
        Err(type_err(lua, ud, name))
    })
}

/// `luaL_getmetafield`: push field `e` of the metatable of the value at
/// `obj` and return 1, or push nothing and return 0.
///
/// # Safety
/// `L` must be a live block; `e` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_getmetafield(
    L: *mut lua_State,
    obj: c_int,
    e: *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| get_metafield(lua, obj, cstr(e)))
}

fn get_metafield(lua: &mut Lua, obj: c_int, e: &[u8]) -> Result<c_int, LuaError> {
    let Some(v) = value_at(lua, obj) else {
        return Ok(0);
    };
    let Some(mt) = lua.get_metatable(v) else {
        return Ok(0);
    };
    let key = lua.new_str(e);
    let f = lua.raw_get(mt, &key);
    if f.is_nil() {
        return Ok(0);
    }
    lua.push(f)?;
    Ok(1)
}

/// `luaL_callmeta`: when the value at `obj` has a metafield `e`, call it
/// with the value, push its one result and return 1; else return 0.
///
/// # Safety
/// `L` must be a live block; `e` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_callmeta(L: *mut lua_State, obj: c_int, e: *const c_char) -> c_int {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let obj = abs_index(lua, obj);
        if get_metafield(lua, obj, cstr(e))? == 0 {
            return Ok(0);
        }
        let v = at(lua, obj);
        let func = lua.top - 1;
        lua.push(v)?;
        lua.call(func, 1)?;
        Ok(1)
    })
}

// ----- references ---------------------------------------------------------------

/// `luaL_ref`: pop the top value into a fresh integer key of the table at
/// `t` and return the key; `LUA_REFNIL` (popping it) for nil. Freed keys
/// are kept in a free list headed by `t[0]` and reused first.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_ref(L: *mut lua_State, t: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = abs_index(lua, t);
        let tab = table_at(lua, t)?;
        if lua.top <= api_base(lua) {
            return Err(lua.plain_error("luaL_ref: no value on the stack"));
        }
        let v = lua.stack[lua.top - 1];
        if v.is_nil() {
            lua.top -= 1;
            return Ok(LUA_REFNIL);
        }
        let head = lua.heap.table(tab)?.get_int(0);
        let free = match head {
            Value::Number(n) => crate::stdlib::num_to_int(n) as c_int,
            other => lua
                .to_number(other)
                .map_or(0, |n| crate::stdlib::num_to_int(n) as c_int),
        };
        let r = if free != 0 {
            // Unlink the head of the free list.
            let next = lua.heap.table(tab)?.get_int(free as i64);
            lua.heap.table(tab)?.set_int(0, next);
            free
        } else {
            (lua.heap.table(tab)?.len() as c_int).wrapping_add(1)
        };
        lua.heap.table(tab)?.set_int(r as i64, v);
        lua.top -= 1;
        Ok(r)
    })
}

/// `luaL_unref`: free reference `r` of the table at `t` (the key goes on
/// the free list, its value is dropped); negative references are ignored.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_unref(L: *mut lua_State, t: c_int, r: c_int) {
    // SAFETY: the caller passes a live block.
    if r < 0 {
        return;
    }
    api(L, |lua| {
        let tab = table_at(lua, t)?;
        let tb = lua.heap.table(tab)?;
        let head = tb.get_int(0);
        tb.set_int(r as i64, head);
        tb.set_int(0, Value::Number(r as f64));
        Ok(())
    })
}

// ----- loading ------------------------------------------------------------------

/// Compile `src` as chunk `name` and push the function, or push the error
/// message; the load status. `Err(())` when even that failed (the pending
/// error is set: the caller drops what it owns and raises).
///
/// # Safety
/// `L` must be a live block.
unsafe fn load_chunk(L: *mut lua_State, src: &[u8], name: &[u8]) -> Result<c_int, ()> {
    enter(L, |lua| super::call::load_and_push(lua, src, name))
}

/// `luaL_loadbuffer`: load `sz` bytes at `buff` as chunk `name` (NULL
/// gives "?"); pushes the function or the error message and returns the
/// status, as `lua_load`.
///
/// # Safety
/// `L` must be a live block; `buff` readable for `sz` bytes; `name` NULL
/// or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_loadbuffer(
    L: *mut lua_State,
    buff: *const c_char,
    sz: usize,
    name: *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block, `sz` readable bytes and a C
    // string (or NULL). Nothing here owns memory, so raising is safe.
    let src: &[u8] = if buff.is_null() || sz == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(buff as *const u8, sz)
    };
    let name: &[u8] = if name.is_null() { b"?" } else { cstr(name) };
    match load_chunk(L, src, name) {
        Ok(st) => st,
        Err(()) => raise(L),
    }
}

/// `luaL_loadstring`: load the C string `s`, which is also the chunk's
/// name (messages say `[string "..."]`).
///
/// # Safety
/// `L` must be a live block; `s` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_loadstring(L: *mut lua_State, s: *const c_char) -> c_int {
    // SAFETY: the caller passes a live block and a C string.
    if s.is_null() {
        return api(
            L,
            |lua| Err(lua.plain_error("luaL_loadstring: NULL string")),
        );
    }
    luaL_loadbuffer(L, s, CStr::from_ptr(s).to_bytes().len(), s)
}

extern "C" {
    /// The C library's `stdin`.
    static mut stdin: *mut libc::FILE;
}

/// `strerror(errno)` of the last failure.
fn last_os_error() -> Vec<u8> {
    // SAFETY: errno is thread-local; strerror returns a NUL-terminated
    // string that we copy at once.
    unsafe {
        let e = *libc::__errno_location();
        cstr(libc::strerror(e)).to_vec()
    }
}

/// Read a whole stream. `Err(None)` for memory exhaustion, `Err(Some(msg))`
/// for a read error (`strerror`).
///
/// # Safety
/// `f` must be an open stream.
unsafe fn read_stream(f: *mut libc::FILE) -> Result<Vec<u8>, Option<Vec<u8>>> {
    let mut out: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 16384];
    loop {
        let n = libc::fread(chunk.as_mut_ptr() as *mut c_void, 1, chunk.len(), f);
        if n > 0 {
            out.try_reserve(n).map_err(|_| None)?;
            out.extend_from_slice(&chunk[..n]);
        }
        if n < chunk.len() {
            if libc::ferror(f) != 0 {
                return Err(Some(last_os_error()));
            }
            return Ok(out);
        }
    }
}

/// A file may start with a `#` line (`#!/usr/bin/lua`): its text is
/// dropped but its newline kept, so line numbers stay those of the file.
/// A binary chunk after such a line starts at its signature byte (ESC).
fn skip_hash_line(src: &[u8]) -> &[u8] {
    if src.first() != Some(&b'#') {
        return src;
    }
    let nl = src.iter().position(|&c| c == b'\n').unwrap_or(src.len());
    if src.get(nl + 1) == Some(&0x1b) {
        &src[nl + 1..]
    } else {
        &src[nl..]
    }
}

/// `luaL_loadfile`: load the file `filename` (NULL: the standard input)
/// as chunk `@filename` (`=stdin`). Returns `LUA_ERRFILE` with
/// `cannot open <name>: <reason>` (or `cannot read`) pushed when the file
/// cannot be opened or read, else as `lua_load`.
///
/// # Safety
/// `L` must be a live block; `filename` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_loadfile(L: *mut lua_State, filename: *const c_char) -> c_int {
    // SAFETY: the caller passes a live block and a C string (or NULL).
    let (shown, chunkname): (&[u8], Vec<u8>) = if filename.is_null() {
        (b"stdin", b"=stdin".to_vec())
    } else {
        let f = cstr(filename);
        let mut n = Vec::with_capacity(f.len() + 1);
        n.push(b'@');
        n.extend_from_slice(f);
        (f, n)
    };
    let read = if filename.is_null() {
        read_stream(stdin)
    } else {
        let f = libc::fopen(filename, c"r".as_ptr());
        if f.is_null() {
            let mut msg = b"cannot open ".to_vec();
            msg.extend_from_slice(shown);
            msg.extend_from_slice(b": ");
            msg.extend_from_slice(&last_os_error());
            return push_file_error(L, msg, chunkname);
        }
        let r = read_stream(f);
        libc::fclose(f);
        r
    };
    let src = match read {
        Ok(s) => s,
        Err(Some(why)) => {
            let mut msg = b"cannot read ".to_vec();
            msg.extend_from_slice(shown);
            msg.extend_from_slice(b": ");
            msg.extend_from_slice(&why);
            return push_file_error(L, msg, chunkname);
        }
        Err(None) => {
            drop(chunkname);
            return match enter(L, |lua| lua.push(Value::String(lua.names.memerr))) {
                Ok(()) => LUA_ERRMEM,
                Err(()) => raise(L),
            };
        }
    };
    let r = load_chunk(L, skip_hash_line(&src), &chunkname);
    drop(src);
    drop(chunkname);
    match r {
        Ok(st) => st,
        Err(()) => raise(L),
    }
}

/// Push a `luaL_loadfile` error message and return `LUA_ERRFILE`.
///
/// # Safety
/// `L` must be a live block.
unsafe fn push_file_error(L: *mut lua_State, msg: Vec<u8>, chunkname: Vec<u8>) -> c_int {
    drop(chunkname);
    let r = enter(L, |lua| {
        let v = lua.new_big_str(&msg)?;
        lua.push(v)
    });
    drop(msg);
    match r {
        Ok(()) => LUA_ERRFILE,
        Err(()) => raise(L),
    }
}

// ----- strings and tables --------------------------------------------------------

/// `luaL_gsub`: push a copy of `s` with every occurrence of `p` replaced
/// by `r`, and return it. (An empty `p` matches nowhere here; 5.1 loops
/// forever on it.)
///
/// # Safety
/// `L` must be a live block; `s`, `p`, `r` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_gsub(
    L: *mut lua_State,
    s: *const c_char,
    p: *const c_char,
    r: *const c_char,
) -> *const c_char {
    // SAFETY: the caller passes a live block and C strings.
    api(L, |lua| {
        let (s, p, r) = (cstr(s), cstr(p), cstr(r));
        let mut out = Vec::with_capacity(s.len());
        let mut rest = s;
        if !p.is_empty() {
            while let Some(i) = rest.windows(p.len()).position(|w| w == p) {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(r);
                rest = &rest[i + p.len()..];
            }
        }
        out.extend_from_slice(rest);
        let v = lua.new_big_str(&out)?;
        drop(out);
        lua.push(v)?;
        let Value::String(sr) = v else {
            return Ok(std::ptr::null());
        };
        let ptr = access::str_ptr(lua, sr).0;
        lua.gc_check()?;
        Ok(ptr)
    })
}

/// `luaL_findtable` on the Rust side: starting from the value on top of
/// the stack, walk the dotted `fname`, making missing tables (`szhint`
/// fields for the last one). On success the last table replaces the start
/// value and `None` is returned; on a non-table field the start value is
/// popped and the byte offset of the offending part returned.
pub(crate) fn find_table(
    lua: &mut Lua,
    fname: &[u8],
    szhint: c_int,
) -> Result<Option<usize>, LuaError> {
    let slot_i = lua.top - 1;
    let mut start = 0usize;
    loop {
        let end = fname[start..]
            .iter()
            .position(|&c| c == b'.')
            .map_or(fname.len(), |i| start + i);
        let more = end < fname.len();
        let cur = match lua.stack[slot_i] {
            Value::Table(t) => t,
            v => {
                return Err(lua.plain_error(format!("table expected, got {}", v.type_name())));
            }
        };
        let key = lua.new_str(&fname[start..end]);
        match lua.raw_get(cur, &key) {
            Value::Nil => {
                let hint = if more { 1 } else { szhint.max(0) as usize };
                let t = lua.heap.new_table(0, hint.min(1 << 16));
                lua.push(Value::Table(t))?;
                lua.set_index(Value::Table(cur), key, Value::Table(t), None)?;
                lua.top -= 1;
                lua.stack[slot_i] = Value::Table(t);
            }
            v @ Value::Table(_) => lua.stack[slot_i] = v,
            _ => {
                lua.top = slot_i;
                return Ok(Some(start));
            }
        }
        if !more {
            return Ok(None);
        }
        start = end + 1;
    }
}

/// `luaL_findtable`: push the table `t.a.b...` for the dotted `fname`
/// starting at the value at `idx`, creating missing tables on the way;
/// returns NULL, or (pushing nothing) the part of `fname` from the first
/// name that holds a non-table value.
///
/// # Safety
/// `L` must be a live block; `fname` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_findtable(
    L: *mut lua_State,
    idx: c_int,
    fname: *const c_char,
    szhint: c_int,
) -> *const c_char {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let v = at(lua, idx);
        lua.push(v)?;
        let r = find_table(lua, cstr(fname), szhint)?;
        lua.gc_check()?;
        Ok(match r {
            None => std::ptr::null(),
            Some(off) => fname.add(off),
        })
    })
}

// ----- libraries ----------------------------------------------------------------

/// The registry's `_LOADED` table (made on first use: `package.loaded`
/// when the package library is open, else a new table).
pub(crate) fn loaded_table(lua: &mut Lua) -> Result<TableRef, LuaError> {
    let reg = lua.registry;
    if let Value::Table(t) = lua.get_field(reg, b"_LOADED") {
        return Ok(t);
    }
    let g = lua.globals;
    let from_package = match lua.get_field(g, b"package") {
        Value::Table(p) => match lua.get_field(p, b"loaded") {
            Value::Table(l) => Some(l),
            _ => None,
        },
        _ => None,
    };
    let t = from_package.unwrap_or_else(|| lua.heap.new_table(0, 16));
    lua.set_field(reg, b"_LOADED", Value::Table(t));
    Ok(t)
}

/// Called in place of a `luaL_Reg` entry whose function is NULL.
fn null_function(lua: &mut Lua) -> crate::error::LuaResult<usize> {
    Err(lua.rt_error("attempt to call a NULL C function"))
}

/// `luaL_openlib` on the Rust side.
///
/// # Safety
/// `libname` NULL or NUL-terminated; `l` NULL or an array ended by an entry
/// with a NULL name.
unsafe fn open_lib(
    lua: &mut Lua,
    libname: *const c_char,
    l: *const luaL_Reg,
    nup: c_int,
) -> Result<(), LuaError> {
    let nup = nup.max(0) as usize;
    let have = lua.top - api_base(lua);
    if have < nup + libname.is_null() as usize {
        return Err(lua.plain_error("luaL_register: not enough values on the stack"));
    }
    let mut nfuncs = 0usize;
    if !l.is_null() {
        while !(*l.add(nfuncs)).name.is_null() {
            nfuncs += 1;
        }
    }
    if !libname.is_null() {
        let name = cstr(libname);
        let loaded = loaded_table(lua)?;
        let key = lua.new_str(name);
        let lib = lua.index(Value::Table(loaded), key, None)?;
        if let Value::Table(_) = lib {
            lua.push(lib)?;
        } else {
            // Not loaded yet: the global of that name (made if absent).
            lua.push(Value::Table(lua.globals))?;
            let size = nfuncs.min(c_int::MAX as usize) as c_int;
            if find_table(lua, name, size)?.is_some() {
                let mut m = b"name conflict for module '".to_vec();
                m.extend_from_slice(name);
                m.push(b'\'');
                return Err(lua.lib_error(m));
            }
            let lib = lua.stack[lua.top - 1];
            lua.set_index(Value::Table(loaded), key, lib, None)?;
        }
        // The library table goes below the upvalues.
        let top = lua.top;
        let lib = lua.stack[top - 1];
        lua.stack.copy_within(top - 1 - nup..top - 1, top - nup);
        lua.stack[top - 1 - nup] = lib;
    }
    let lib = lua.stack[lua.top - 1 - nup];
    for i in 0..nfuncs {
        let reg = &*l.add(i);
        let ups = lua.stack[lua.top - nup..lua.top].to_vec();
        let f = match reg.func {
            Some(f) => access::new_c_closure(lua, f, ups),
            None => lua.new_native(null_function, "?", ups),
        };
        let key = lua.new_str(cstr(reg.name));
        lua.push(f)?;
        lua.set_index(lib, key, f, None)?;
        lua.top -= 1;
    }
    lua.top -= nup;
    lua.gc_check()
}

/// `luaL_openlib` (`luaI_openlib`): register the functions of `l` as C
/// closures sharing the `nup` upvalues on top of the stack (which are
/// popped). With `libname` NULL they go into the table below the
/// upvalues; else into `package.loaded[libname]`, or the global table
/// `libname` (made if absent and recorded in `package.loaded`), which is
/// left on the stack.
///
/// # Safety
/// `L` must be a live block; `libname` NULL or NUL-terminated; `l` an
/// array ended by an entry with a NULL name.
#[no_mangle]
pub unsafe extern "C" fn luaL_openlib(
    L: *mut lua_State,
    libname: *const c_char,
    l: *const luaL_Reg,
    nup: c_int,
) {
    // SAFETY: the caller passes a live block and a valid function list.
    api(L, |lua| open_lib(lua, libname, l, nup))
}

/// `luaL_register`: `luaL_openlib` with no upvalues.
///
/// # Safety
/// As `luaL_openlib`.
#[no_mangle]
pub unsafe extern "C" fn luaL_register(
    L: *mut lua_State,
    libname: *const c_char,
    l: *const luaL_Reg,
) {
    // SAFETY: the caller passes a live block and a valid function list.
    api(L, |lua| open_lib(lua, libname, l, 0))
}

#[cfg(test)]
mod tests {
    use super::super::access::*;
    use super::super::call::*;
    use super::super::stack::*;
    use super::super::state::*;
    use super::super::table::*;
    use super::*;

    /// The string at `idx` (copied).
    unsafe fn string_at(L: *mut lua_State, idx: c_int) -> Vec<u8> {
        let mut n = 0usize;
        let p = lua_tolstring(L, idx, &mut n);
        assert!(!p.is_null());
        std::slice::from_raw_parts(p as *const u8, n).to_vec()
    }

    /// Run `f` as a C function under `lua_cpcall`; the error message, if any.
    unsafe fn protected(L: *mut lua_State, f: lua_CFunction) -> Option<Vec<u8>> {
        if lua_cpcall(L, Some(f), std::ptr::null_mut()) == 0 {
            return None;
        }
        let m = string_at(L, -1);
        lua_settop(L, -2);
        Some(m)
    }

    #[test]
    fn refs_reuse_freed_keys() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            lua_pushstring(L, c"a".as_ptr());
            let r1 = luaL_ref(L, LUA_REGISTRYINDEX);
            lua_pushstring(L, c"b".as_ptr());
            let r2 = luaL_ref(L, LUA_REGISTRYINDEX);
            assert!(r1 > 0 && r2 == r1 + 1);
            lua_pushnil(L);
            assert_eq!(luaL_ref(L, LUA_REGISTRYINDEX), LUA_REFNIL);
            assert_eq!(lua_gettop(L), 0);
            luaL_unref(L, LUA_REGISTRYINDEX, r1);
            luaL_unref(L, LUA_REGISTRYINDEX, LUA_NOREF);
            lua_pushstring(L, c"c".as_ptr());
            assert_eq!(luaL_ref(L, LUA_REGISTRYINDEX), r1);
            lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
            assert_eq!(string_at(L, -1), b"c");
            lua_close(L);
        }
    }

    #[test]
    fn findtable_makes_paths_and_reports_conflicts() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            let name = c"a.b.c";
            assert!(luaL_findtable(L, LUA_GLOBALSINDEX, name.as_ptr(), 4).is_null());
            assert_eq!(lua_type(L, -1), 5);
            lua_pushnumber(L, 1.0);
            lua_setfield(L, -2, c"n".as_ptr());
            lua_settop(L, 0);
            let bad = c"a.b.c.n.x";
            let p = luaL_findtable(L, LUA_GLOBALSINDEX, bad.as_ptr(), 0);
            assert_eq!(cstr(p), b"n.x");
            assert_eq!(lua_gettop(L), 0);
            lua_close(L);
        }
    }

    #[test]
    fn gsub_replaces_every_occurrence() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            let p = luaL_gsub(L, c"a-b-c".as_ptr(), c"-".as_ptr(), c"+=".as_ptr());
            assert_eq!(cstr(p), b"a+=b+=c");
            let p = luaL_gsub(L, c"abc".as_ptr(), c"".as_ptr(), c"x".as_ptr());
            assert_eq!(cstr(p), b"abc");
            assert_eq!(lua_gettop(L), 2);
            lua_close(L);
        }
    }

    unsafe extern "C" fn bad_option(L: *mut lua_State) -> c_int {
        // SAFETY: called by lua_cpcall with a live block.
        let opts = [c"one".as_ptr(), c"two".as_ptr(), std::ptr::null()];
        lua_pushstring(L, c"three".as_ptr());
        lua_replace(L, 1);
        luaL_checkoption(L, 1, std::ptr::null(), opts.as_ptr())
    }

    unsafe extern "C" fn bad_number(L: *mut lua_State) -> c_int {
        // SAFETY: called by lua_cpcall with a live block.
        luaL_checknumber(L, 2);
        0
    }

    #[test]
    fn argument_errors_have_51_messages() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            assert_eq!(
                protected(L, bad_option).as_deref(),
                Some(&b"bad argument #1 to '?' (invalid option 'three')"[..])
            );
            assert_eq!(
                protected(L, bad_number).as_deref(),
                Some(&b"bad argument #2 to '?' (number expected, got no value)"[..])
            );
            lua_close(L);
        }
    }

    #[test]
    fn loadstring_names_the_chunk_after_its_text() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            assert_eq!(luaL_loadstring(L, c"x = = 1".as_ptr()), 3);
            assert_eq!(
                string_at(L, -1),
                b"[string \"x = = 1\"]:1: unexpected symbol near '='"
            );
            assert_eq!(
                luaL_loadfile(L, c"/nonexistent/x.lua".as_ptr()),
                LUA_ERRFILE
            );
            assert_eq!(
                string_at(L, -1),
                b"cannot open /nonexistent/x.lua: No such file or directory"
            );
            lua_close(L);
        }
    }
}
