//! Tables, metatables, environments and userdata: `lua_gettable`,
//! `getfield`, `rawget`, `rawgeti`, `createtable`, `newuserdata`,
//! `getmetatable`, `getfenv`, `settable`, `setfield`, `rawset`, `rawseti`,
//! `setmetatable`, `setfenv`, `next`.

use super::*;
use crate::heap::UserData;
use std::ffi::{c_char, CStr};

/// Pop the top value (the caller checked there is one).
fn pop(lua: &mut Lua) -> Result<Value, LuaError> {
    if lua.top <= api_base(lua) {
        return Err(lua.plain_error("not enough values on the stack"));
    }
    lua.top -= 1;
    Ok(lua.stack[lua.top])
}

/// An index that must name a value (not an empty slot).
fn valid(lua: &mut Lua, idx: c_int) -> Result<Value, LuaError> {
    match value_at(lua, idx) {
        Some(v) => Ok(v),
        None => Err(lua.plain_error(format!("invalid stack index {idx}"))),
    }
}

/// `lua_gettable`: `t[k]` with metamethods; `k` is popped.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gettable(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = valid(lua, idx)?;
        let k = pop(lua)?;
        let v = lua.index(t, k, None)?;
        lua.push(v)
    })
}

/// `lua_getfield`: push `t[k]` with metamethods.
///
/// # Safety
/// `L` must be a live block; `k` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn lua_getfield(L: *mut lua_State, idx: c_int, k: *const c_char) {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let t = valid(lua, idx)?;
        let key = lua.new_str(CStr::from_ptr(k).to_bytes());
        let v = lua.index(t, key, None)?;
        lua.push(v)
    })
}

/// `lua_rawget`: `t[k]` without metamethods; `k` is popped.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_rawget(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = table_at(lua, idx)?;
        let k = pop(lua)?;
        let v = lua.raw_get(t, &k);
        lua.push(v)
    })
}

/// `lua_rawgeti`: push `t[n]` without metamethods.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_rawgeti(L: *mut lua_State, idx: c_int, n: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = table_at(lua, idx)?;
        let v = lua.heap.table(t)?.get_int(n as i64);
        lua.push(v)
    })
}

/// `lua_createtable`: push a new table with room preallocated.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_createtable(L: *mut lua_State, narr: c_int, nrec: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        // Sizes are hints: cap them so a hostile size cannot abort.
        let na = (narr.max(0) as usize).min(1 << 24);
        let nh = (nrec.max(0) as usize).min(1 << 24);
        let t = lua.heap.new_table(na, nh);
        lua.push(Value::Table(t))?;
        lua.gc_check()
    })
}

/// `lua_newuserdata`: push a full userdata of `size` bytes and return its
/// block: 16-byte aligned, fixed for the userdata's life.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_newuserdata(L: *mut lua_State, size: usize) -> *mut c_void {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let words = size.div_ceil(16).max(1);
        let mut v: Vec<u128> = Vec::new();
        crate::heap::alloc::fallible(|| v.try_reserve_exact(words))
            .map_err(|_| LuaError::Memory)?;
        v.resize(words, 0);
        let env = match get_slot(lua, Slot::Env) {
            Some(Value::Table(t)) => t,
            _ => lua.globals,
        };
        let u = lua.heap.new_userdata(UserData {
            data: v.into_boxed_slice(),
            size,
            metatable: None,
            env,
            serial: 0,
            finalized: false,
        });
        lua.push(Value::UserData(u))?;
        let p = access::udata_ptr(lua, u);
        lua.gc_check()?;
        Ok(p)
    })
}

/// `lua_getmetatable`: push the metatable and return 1, or push nothing
/// and return 0.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_getmetatable(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let Some(v) = value_at(lua, idx) else {
            return Ok(0);
        };
        match lua.get_metatable(v) {
            Some(mt) => {
                lua.push(Value::Table(mt))?;
                Ok(1)
            }
            None => Ok(0),
        }
    })
}

/// `lua_getfenv`: push the environment of a function, userdata or thread
/// (nil for other values).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_getfenv(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let env = match at(lua, idx) {
            Value::LuaFunction(c) => lua.heap.closures.get_mut().get(c).map(|c| c.env),
            Value::NativeFunction(n) => lua.heap.natives.get_mut().get(n).map(|n| n.env),
            Value::UserData(u) => lua.heap.userdata.get_mut().get(u).map(|u| u.env),
            Value::Thread(t) if t == lua.cur_thread => Some(lua.globals),
            Value::Thread(t) => lua.heap.threads.get_mut().get(t).map(|th| th.env),
            _ => None,
        };
        lua.push(env.map_or(Value::Nil, Value::Table))
    })
}

/// `lua_settable`: `t[k] = v` with metamethods; `k` and `v` are popped.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_settable(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = valid(lua, idx)?;
        if lua.top < api_base(lua) + 2 {
            return Err(lua.plain_error("not enough values on the stack"));
        }
        let (k, v) = (lua.stack[lua.top - 2], lua.stack[lua.top - 1]);
        lua.set_index(t, k, v, None)?;
        lua.top -= 2;
        Ok(())
    })
}

/// `lua_setfield`: `t[k] = v` with metamethods; `v` is popped.
///
/// # Safety
/// `L` must be a live block; `k` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn lua_setfield(L: *mut lua_State, idx: c_int, k: *const c_char) {
    // SAFETY: the caller passes a live block and a C string.
    api(L, |lua| {
        let t = valid(lua, idx)?;
        if lua.top <= api_base(lua) {
            return Err(lua.plain_error("not enough values on the stack"));
        }
        let key = lua.new_str(CStr::from_ptr(k).to_bytes());
        let v = lua.stack[lua.top - 1];
        lua.set_index(t, key, v, None)?;
        lua.top -= 1;
        Ok(())
    })
}

/// `lua_rawset`: `t[k] = v` without metamethods; both popped.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_rawset(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = table_at(lua, idx)?;
        if lua.top < api_base(lua) + 2 {
            return Err(lua.plain_error("not enough values on the stack"));
        }
        let (k, v) = (lua.stack[lua.top - 2], lua.stack[lua.top - 1]);
        lua.raw_set(t, k, v)?;
        lua.top -= 2;
        Ok(())
    })
}

/// `lua_rawseti`: `t[n] = v` without metamethods; `v` popped.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_rawseti(L: *mut lua_State, idx: c_int, n: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = table_at(lua, idx)?;
        let v = pop(lua)?;
        lua.heap.table(t)?.set_int(n as i64, v);
        Ok(())
    })
}

/// `lua_setmetatable`: pop a table (or nil) and make it the metatable of
/// the value at `idx`. Always returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_setmetatable(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let obj = valid(lua, idx)?;
        let mt = match pop(lua)? {
            Value::Table(t) => Some(t),
            Value::Nil => None,
            _ => return Err(lua.plain_error("table expected")),
        };
        match obj {
            Value::Table(t) => lua.heap.table(t)?.metatable = mt,
            Value::UserData(u) => {
                if let Some(ud) = lua.heap.userdata.get_mut().get_mut(u) {
                    ud.metatable = mt;
                }
            }
            other => lua.type_mt[other.lua_type() as usize] = mt,
        }
        Ok(1)
    })
}

/// `lua_setfenv`: pop a table and make it the environment of the function,
/// userdata or thread at `idx`; 0 for other values.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_setfenv(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let obj = valid(lua, idx)?;
        let Value::Table(env) = pop(lua)? else {
            return Err(lua.plain_error("table expected"));
        };
        Ok(match obj {
            Value::LuaFunction(c) => {
                crate::stdlib::base::set_closure_env(lua, c, env);
                1
            }
            Value::NativeFunction(n) => match lua.heap.natives.get_mut().get_mut(n) {
                Some(nat) => {
                    nat.env = env;
                    1
                }
                None => 0,
            },
            Value::UserData(u) => match lua.heap.userdata.get_mut().get_mut(u) {
                Some(ud) => {
                    ud.env = env;
                    1
                }
                None => 0,
            },
            Value::Thread(t) => {
                if t == lua.cur_thread {
                    lua.globals = env;
                }
                if let Some(th) = lua.heap.threads.get_mut().get_mut(t) {
                    th.env = env;
                }
                1
            }
            _ => 0,
        })
    })
}

/// `lua_next`: pop a key, push the next key and value of the table and
/// return 1, or push nothing and return 0 at the end.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_next(L: *mut lua_State, idx: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let t = table_at(lua, idx)?;
        let k = pop(lua)?;
        let r = match lua.heap.table(t)?.next(&k) {
            Ok(r) => r,
            Err(()) => return Err(lua.plain_error("invalid key to 'next'")),
        };
        match r {
            Some((k, v)) => {
                lua.push(k)?;
                lua.push(v)?;
                Ok(1)
            }
            None => Ok(0),
        }
    })
}
