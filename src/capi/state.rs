//! State creation and destruction: `lua_newstate`, `luaL_newstate`,
//! `lua_close`, `lua_newthread`, `lua_atpanic`, the allocator accessors.

use super::*;
use crate::heap::{CoStatus, Thread};
use std::ffi::c_char;

/// Make a state with no libraries. All of its memory comes from the host
/// allocator `f`/`ud` (see `heap::alloc`), except when `f` is the C
/// library's allocator that `luaL_newstate` passes. NULL when the
/// allocator refuses the state itself.
///
/// # Safety
/// `f`, when given, must behave as the manual's `lua_Alloc`.
#[no_mangle]
pub unsafe extern "C" fn lua_newstate(f: Option<lua_Alloc>, ud: *mut c_void) -> *mut lua_State {
    // SAFETY: the caller passes a valid allocator (or none).
    let host = match f {
        Some(f) if f as usize != default_alloc as lua_Alloc as usize => {
            crate::heap::alloc::new_host(f, ud)
        }
        _ => std::ptr::null(),
    };
    let prev = crate::heap::alloc::enter_state(host);
    let made = catch_unwind(AssertUnwindSafe(|| {
        let lua = Box::into_raw(Box::new(Lua::new_bare()));
        // SAFETY: just made, exclusively ours.
        let g = global(&mut *lua);
        (*g).lua = lua;
        (*g).owned = true;
        (*g).alloc = f;
        (*g).alloc_ud = ud;
        (*g).host = host;
        (*lua).refusal = crate::heap::alloc::RefusalFlag::of(host);
        (*g).main
    }));
    // The state is usable only if the host gave everything it needed.
    let refused = crate::heap::alloc::RefusalFlag::of(host).take();
    crate::heap::alloc::leave_state(host, prev);
    match made {
        Ok(l) if !refused => l,
        Ok(l) => {
            lua_close(l);
            std::ptr::null_mut()
        }
        Err(_) => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn default_alloc(
    _ud: *mut c_void,
    ptr: *mut c_void,
    _osize: usize,
    nsize: usize,
) -> *mut c_void {
    // SAFETY: `ptr` was returned by this allocator (libc realloc) or is null.
    if nsize == 0 {
        libc::free(ptr);
        std::ptr::null_mut()
    } else {
        libc::realloc(ptr, nsize)
    }
}

unsafe extern "C" fn default_panic(L: *mut lua_State) -> c_int {
    // SAFETY: called by `raise` with a live block and the error on top.
    let msg = api_nofail(L, Vec::new(), |lua| {
        let v = at(lua, -1);
        match v {
            Value::String(s) => lua.heap.str_bytes(s).to_vec(),
            Value::Number(n) => crate::number::number_to_string(n).into_bytes(),
            _ => Vec::new(),
        }
    });
    let mut out = b"PANIC: unprotected error in call to Lua API (".to_vec();
    out.extend_from_slice(&msg);
    out.extend_from_slice(b")\n");
    use std::io::Write;
    let _ = std::io::stderr().write_all(&out);
    0
}

/// `luaL_newstate`: a state with the C library allocator and a panic
/// function that prints the error.
///
/// # Safety
/// Always safe to call.
#[no_mangle]
pub unsafe extern "C" fn luaL_newstate() -> *mut lua_State {
    // SAFETY: `default_alloc` is a valid lua_Alloc.
    let l = lua_newstate(Some(default_alloc), std::ptr::null_mut());
    if !l.is_null() {
        (*(*l).g).panic = Some(default_panic);
    }
    l
}

/// `lua_close`: run pending finalizers, then free the whole state.
///
/// # Safety
/// `L` must be a live block of a state made by `lua_newstate`; no block
/// of the state may be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn lua_close(L: *mut lua_State) {
    // SAFETY: the caller passes a live block.
    let g = (*L).g;
    let lua_ptr = (*g).lua;
    let lua = &mut *lua_ptr;
    // Close on the main thread, as 5.1 does whatever block is given.
    if lua.cur_thread != lua.main_thread {
        let main = lua.main_thread;
        lua.park(lua.cur_thread, CoStatus::Suspended);
        lua.unpark(main);
    }
    lua.frames.clear();
    lua.top = 0;
    let host = (*g).host;
    let owned = (*g).owned;
    let prev = crate::heap::alloc::enter_state(host);
    let _ = catch_unwind(AssertUnwindSafe(|| lua.close()));
    if owned {
        // Frees `g` and every block with it (Lua's Drop).
        drop(Box::from_raw(lua_ptr));
    }
    crate::heap::alloc::leave_state(host, prev);
    if owned && !host.is_null() {
        crate::heap::alloc::retire_host(host);
    }
}

/// `lua_newthread`: push a new thread and return its block.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_newthread(L: *mut lua_State) -> *mut lua_State {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let env = lua.globals;
        let t = lua.heap.new_thread(Thread {
            stack: vec![Value::Nil; 32],
            top: 0,
            frames: Vec::new(),
            open_upvals: Vec::new(),
            status: CoStatus::Suspended,
            base_ccalls: 0,
            env,
        });
        lua.push(Value::Thread(t))?;
        lua.gc_check()?;
        Ok(state_of(lua, t))
    })
}

/// `lua_atpanic`: set the panic function, returning the old one.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_atpanic(
    L: *mut lua_State,
    panicf: Option<lua_CFunction>,
) -> Option<lua_CFunction> {
    // SAFETY: the caller passes a live block.
    let g = (*L).g;
    std::mem::replace(&mut (*g).panic, panicf)
}

/// `lua_getallocf`.
///
/// # Safety
/// `L` must be a live block; `ud` null or writable.
#[no_mangle]
pub unsafe extern "C" fn lua_getallocf(
    L: *mut lua_State,
    ud: *mut *mut c_void,
) -> Option<lua_Alloc> {
    // SAFETY: the caller passes a live block and a valid `ud` pointer.
    let g = (*L).g;
    if !ud.is_null() {
        *ud = (*g).alloc_ud;
    }
    (*g).alloc
}

/// `lua_setallocf`.
///
/// # Safety
/// `L` must be a live block; `f` must be able to free what the previous
/// allocator gave (as the manual requires).
#[no_mangle]
pub unsafe extern "C" fn lua_setallocf(L: *mut lua_State, f: Option<lua_Alloc>, ud: *mut c_void) {
    // SAFETY: the caller passes a live block.
    let g = (*L).g;
    (*g).alloc = f;
    (*g).alloc_ud = ud;
    if let (Some(f), false) = ((*g).alloc, (*g).host.is_null()) {
        (*(*g).host).replace(f, ud);
    }
}

const IDENT: &[u8] = b"$Lua: Lua 5.1.5 (cellua, a Lua 5.1 VM in Rust) $\n\0";

/// `lua_ident`: the identification string liblua5.1 exports (our words).
#[no_mangle]
#[used]
pub static lua_ident: [c_char; IDENT.len()] = ident();

const fn ident() -> [c_char; IDENT.len()] {
    let mut out = [0 as c_char; IDENT.len()];
    let mut i = 0;
    while i < IDENT.len() {
        out[i] = IDENT[i] as c_char;
        i += 1;
    }
    out
}
