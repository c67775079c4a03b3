//! Reading and pushing values: `lua_type`, `lua_is*`, `lua_to*`,
//! `lua_objlen`, the comparisons, and every `lua_push*` but the variadic
//! `lua_pushfstring`/`lua_pushvfstring` (in csrc/shim.c).

use super::*;
use crate::heap::NativeClosure;
use std::ffi::{c_char, CStr};

/// `lua_type`: the type tag, `LUA_TNONE` (-1) for an empty index.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_type(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, -1, |lua| match value_at(lua, idx) {
        Some(v) => v.lua_type() as c_int,
        None => -1,
    })
}

static TYPE_NAMES: [&[u8]; 10] = [
    b"no value\0",
    b"nil\0",
    b"boolean\0",
    b"userdata\0",
    b"number\0",
    b"string\0",
    b"table\0",
    b"function\0",
    b"userdata\0",
    b"thread\0",
];

/// `lua_typename`: the name of a type tag.
///
/// # Safety
/// `L` is not used.
#[no_mangle]
pub unsafe extern "C" fn lua_typename(L: *mut lua_State, tp: c_int) -> *const c_char {
    // SAFETY: nothing is dereferenced; the names are static.
    let _ = L;
    let i = (tp + 1).clamp(0, 9) as usize;
    TYPE_NAMES[i].as_ptr() as *const c_char
}

/// `lua_isnumber`: a number or a string convertible to one.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_isnumber(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        let v = at(lua, idx);
        lua.to_number(v).is_some() as c_int
    })
}

/// `lua_isstring`: a string or a number.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_isstring(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        matches!(at(lua, idx), Value::String(_) | Value::Number(_)) as c_int
    })
}

/// `lua_iscfunction`: any function not written in Lua.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_iscfunction(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        matches!(at(lua, idx), Value::NativeFunction(_)) as c_int
    })
}

/// `lua_isuserdata`: full or light userdata.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_isuserdata(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        matches!(at(lua, idx), Value::UserData(_) | Value::LightUserData(_)) as c_int
    })
}

/// `lua_rawequal`: primitive equality; 0 if an index is empty.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_rawequal(L: *mut lua_State, a: c_int, b: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| match (value_at(lua, a), value_at(lua, b)) {
        (Some(x), Some(y)) => x.raw_eq(&y) as c_int,
        _ => 0,
    })
}

/// `lua_equal`: equality with `__eq`; 0 if an index is empty.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_equal(L: *mut lua_State, a: c_int, b: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| match (value_at(lua, a), value_at(lua, b)) {
        (Some(x), Some(y)) => Ok(lua.equals(x, y)? as c_int),
        _ => Ok(0),
    })
}

/// `lua_lessthan`: `<` with `__lt`; 0 if an index is empty.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_lessthan(L: *mut lua_State, a: c_int, b: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| match (value_at(lua, a), value_at(lua, b)) {
        (Some(x), Some(y)) => Ok(lua.less_than(x, y)? as c_int),
        _ => Ok(0),
    })
}

/// `lua_tonumber`: the number, converting strings; 0 otherwise.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_tonumber(L: *mut lua_State, idx: c_int) -> lua_Number {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0.0, |lua| match at(lua, idx) {
        Value::Number(n) => n,
        v => to_number_slow(lua, v),
    })
}

/// `lua_tonumber` of a value that is not a number (a string converts).
#[inline(never)]
fn to_number_slow(lua: &mut Lua, v: Value) -> lua_Number {
    lua.to_number(v).unwrap_or(0.0)
}

/// `lua_tointeger`: the number truncated toward zero; 0 otherwise.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_tointeger(L: *mut lua_State, idx: c_int) -> lua_Integer {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        let v = at(lua, idx);
        match lua.to_number(v) {
            Some(n) => crate::stdlib::num_to_int(n) as lua_Integer,
            None => 0,
        }
    })
}

/// `lua_toboolean`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_toboolean(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| at(lua, idx).truthy() as c_int)
}

/// The bytes pointer and length of a string value (stable while the
/// string lives).
pub(crate) fn str_ptr(lua: &mut Lua, s: crate::value::StrRef) -> (*const c_char, usize) {
    match lua.heap.strings.get_mut().get(s) {
        Some(x) => (x.as_ptr() as *const c_char, x.len()),
        None => (std::ptr::null(), 0),
    }
}

/// `lua_tolstring`: the string, converting a number in place (the stack
/// slot then holds the string); NULL for other types.
///
/// # Safety
/// `L` must be a live block; `len` null or writable.
#[no_mangle]
pub unsafe extern "C" fn lua_tolstring(
    L: *mut lua_State,
    idx: c_int,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: the caller passes a live block and a valid `len`.
    let (p, n) = api(L, |lua| {
        let s = slot(lua, idx);
        match get_slot(lua, s) {
            Some(Value::String(r)) => Ok(str_ptr(lua, r)),
            Some(Value::Number(x)) => {
                let mut b = Vec::new();
                crate::number::fmt_number(x, &mut b);
                let r = lua.intern(&b);
                if let Slot::Stack(i) = s {
                    lua.stack[i] = Value::String(r);
                } else {
                    set_slot(lua, s, Value::String(r))?;
                }
                Ok(str_ptr(lua, r))
            }
            _ => Ok((std::ptr::null(), 0)),
        }
    });
    if !len.is_null() {
        *len = n;
    }
    p
}

/// `lua_objlen`: string length, userdata size, table border; 0 otherwise.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_objlen(L: *mut lua_State, idx: c_int) -> usize {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        Ok(match at(lua, idx) {
            Value::String(s) => lua.heap.str_bytes(s).len(),
            Value::UserData(u) => lua.heap.userdata.get_mut().get(u).map_or(0, |x| x.size),
            Value::Table(t) => lua.heap.table(t)?.len(),
            Value::Number(x) => {
                // Converted in place, as `lua_tolstring` does.
                let mut b = Vec::new();
                crate::number::fmt_number(x, &mut b);
                let r = lua.intern(&b);
                if let Slot::Stack(i) = slot(lua, idx) {
                    lua.stack[i] = Value::String(r);
                }
                b.len()
            }
            _ => 0,
        })
    })
}

/// `lua_tocfunction`: the C function of a C closure; NULL otherwise
/// (also for cellua's built-in library functions, which are Rust).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_tocfunction(L: *mut lua_State, idx: c_int) -> Option<lua_CFunction> {
    // SAFETY: the caller passes a live block.
    api_nofail(L, None, |lua| match at(lua, idx) {
        Value::NativeFunction(n) => lua.heap.natives.get_mut().get(n).and_then(|n| n.cfunc),
        _ => None,
    })
}

/// The address of a full userdata's block.
pub(crate) fn udata_ptr(lua: &mut Lua, u: crate::value::UserDataRef) -> *mut c_void {
    match lua.heap.userdata.get_mut().get_mut(u) {
        Some(x) => x.data.as_mut_ptr() as *mut c_void,
        None => std::ptr::null_mut(),
    }
}

/// `lua_touserdata`: the block of a full userdata, the pointer of a light
/// one, NULL otherwise.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_touserdata(L: *mut lua_State, idx: c_int) -> *mut c_void {
    // SAFETY: the caller passes a live block.
    api_nofail(L, std::ptr::null_mut(), |lua| match at(lua, idx) {
        Value::UserData(u) => udata_ptr(lua, u),
        Value::LightUserData(p) => p,
        _ => std::ptr::null_mut(),
    })
}

/// `lua_tothread`: the block of a thread value, NULL otherwise.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_tothread(L: *mut lua_State, idx: c_int) -> *mut lua_State {
    // SAFETY: the caller passes a live block.
    api_nofail(L, std::ptr::null_mut(), |lua| match at(lua, idx) {
        Value::Thread(t) => state_of(lua, t),
        _ => std::ptr::null_mut(),
    })
}

/// `lua_topointer`: an identity for tables, functions, threads and
/// userdata; NULL for other values.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_topointer(L: *mut lua_State, idx: c_int) -> *const c_void {
    // SAFETY: the caller passes a live block.
    api_nofail(L, std::ptr::null(), |lua| match at(lua, idx) {
        Value::UserData(u) => udata_ptr(lua, u) as *const c_void,
        v @ (Value::Table(_)
        | Value::LuaFunction(_)
        | Value::NativeFunction(_)
        | Value::Thread(_)
        | Value::LightUserData(_)) => v.identity() as *const c_void,
        _ => std::ptr::null(),
    })
}

// ----- push ------------------------------------------------------------------

/// `lua_pushnil`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushnil(L: *mut lua_State) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.push(Value::Nil))
}

/// `lua_pushnumber`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushnumber(L: *mut lua_State, n: lua_Number) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.push(Value::Number(n)))
}

/// `lua_pushinteger`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushinteger(L: *mut lua_State, n: lua_Integer) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.push(Value::Number(n as f64)))
}

/// Push a copy of `len` bytes at `s` as a string.
///
/// # Safety
/// `s` must be readable for `len` bytes (or `len` 0).
pub(crate) unsafe fn push_bytes(
    lua: &mut Lua,
    s: *const c_char,
    len: usize,
) -> Result<(), LuaError> {
    let bytes: &[u8] = if len == 0 || s.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(s as *const u8, len)
    };
    let v = lua.new_big_str(bytes)?;
    lua.push(v)?;
    lua.gc_check()
}

/// `lua_pushlstring`: a copy of `len` bytes, zeros included.
///
/// # Safety
/// `L` must be a live block; `s` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn lua_pushlstring(L: *mut lua_State, s: *const c_char, len: usize) {
    // SAFETY: the caller passes a live block and `len` readable bytes.
    api(L, |lua| push_bytes(lua, s, len))
}

/// `lua_pushstring`: a copy of a NUL-terminated string; nil for NULL.
///
/// # Safety
/// `L` must be a live block; `s` NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn lua_pushstring(L: *mut lua_State, s: *const c_char) {
    // SAFETY: the caller passes a live block and a C string (or NULL).
    api(L, |lua| {
        if s.is_null() {
            return lua.push(Value::Nil);
        }
        let n = CStr::from_ptr(s).to_bytes().len();
        push_bytes(lua, s, n)
    })
}

/// `lua_pushboolean`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushboolean(L: *mut lua_State, b: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.push(Value::Boolean(b != 0)))
}

/// `lua_pushlightuserdata`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushlightuserdata(L: *mut lua_State, p: *mut c_void) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.push(Value::LightUserData(p)))
}

/// `lua_pushthread`: push `L`'s own thread; 1 if it is the main thread.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushthread(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = lua.cur_thread;
        lua.push(Value::Thread(t))?;
        Ok((t == lua.main_thread) as c_int)
    })
}

/// Make a C closure value of `f` with `upvalues`, its environment the
/// running function's.
pub(crate) fn new_c_closure(lua: &mut Lua, f: lua_CFunction, upvalues: Vec<Value>) -> Value {
    let env = match get_slot(lua, Slot::Env) {
        Some(Value::Table(t)) => t,
        _ => lua.globals,
    };
    let r = lua.heap.new_native(NativeClosure {
        func: call_c_function,
        upvalues,
        env,
        name: "?",
        cfunc: Some(f),
    });
    Value::NativeFunction(r)
}

/// `lua_pushcclosure`: pop `n` upvalues and push a C closure of `f`.
///
/// # Safety
/// `L` must be a live block; `f` a valid C function.
#[no_mangle]
pub unsafe extern "C" fn lua_pushcclosure(L: *mut lua_State, f: Option<lua_CFunction>, n: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let Some(f) = f else {
            return Err(lua.plain_error("lua_pushcclosure: NULL function"));
        };
        let n = n.max(0) as usize;
        if n > lua.top - api_base(lua) || n > 255 {
            return Err(lua.plain_error("lua_pushcclosure: not enough upvalues on the stack"));
        }
        let ups = lua.stack[lua.top - n..lua.top].to_vec();
        let v = new_c_closure(lua, f, ups);
        lua.top -= n;
        lua.push(v)?;
        lua.gc_check()
    })
}
