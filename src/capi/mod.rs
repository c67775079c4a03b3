//! The Lua 5.1 C API (`lua.h`, `lauxlib.h`, `lualib.h`) on top of the same
//! internal operations the VM and the standard library use. This layer owns
//! no semantics: each entry point checks, translates its stack index with
//! the one translator here (`slot`), delegates to `Lua`, and adjusts the top.
//!
//! # States and threads
//! A `lua_State *` points to a `lua_State` block: the thread it stands for
//! and the global `CGlobal` block. The main thread's block is made with the
//! global block; a coroutine's when C first needs it (`state_of`), and it
//! lives until the thread is collected. An entry point called with the
//! block of a thread that is not the running one switches that thread in
//! for the duration of the call (`enter`) and back afterwards, so a host
//! can push onto, or `lua_pcall` on, any thread it holds.
//!
//! # Errors and non-local exits
//! C expects `lua_error`, `luaL_error`, `luaL_check*` and every API call
//! that raises never to return. The mechanism:
//! * Every call of a C function from Lua goes through the C trampoline
//!   `cellua_ccall` (csrc/shim.c), which pushes a `jmp_buf` on this state's
//!   chain (`CGlobal::jmp`) and calls the function under `_setjmp`.
//! * An entry point that fails stores the error in `CGlobal::pending`, drops
//!   everything it owns, and as its very last act calls `raise`, which
//!   `_longjmp`s to the innermost trampoline. The only frames skipped are
//!   the C function's own and the entry point's, which by then holds only
//!   `Copy` values (no destructor is ever skipped).
//! * The trampoline returns the failure to `call_c_function`, which hands
//!   the pending error to the VM as an ordinary `Err(LuaError)`.
//! * With no trampoline on the chain (a host calling outside any protected
//!   call) `raise` calls the `lua_atpanic` function and exits, as 5.1 does.
//! * No Rust panic crosses into C: every entry point runs its body under
//!   `catch_unwind` (`enter`), and a panic becomes a Lua error.
//!
//! # Aliasing
//! `CGlobal::lua` is the pointer entry points reach the `Lua` through.
//! Before calling into C, `call_c_function` stores the `&mut Lua` it was
//! given there (and restores the previous value afterwards), so that every
//! reference C's calls derive is a child of the borrow that is live at that
//! moment.

#![allow(non_camel_case_types, non_snake_case, clippy::missing_safety_doc)]

pub mod access;
pub mod buffer;
pub mod call;
pub mod cellua;
pub mod debug;
pub mod lauxlib;
pub mod lualib;
pub mod stack;
pub mod state;
pub mod table;
pub mod types;

pub use types::*;

use crate::error::LuaError;
use crate::heap::FrameKind;
use crate::value::{NativeRef, ThreadRef, Value};
use crate::vm::Lua;
use std::collections::HashMap;
use std::ffi::{c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Pseudo-index of the registry.
pub const LUA_REGISTRYINDEX: c_int = -10000;
/// Pseudo-index of the running C function's environment.
pub const LUA_ENVIRONINDEX: c_int = -10001;
/// Pseudo-index of the globals table.
pub const LUA_GLOBALSINDEX: c_int = -10002;

// `lua_State` is opaque to C: only pointers to it cross.
#[allow(improper_ctypes)]
extern "C" {
    /// Call `f(L)` under `_setjmp` with a `jmp_buf` pushed on `*chain`;
    /// returns 0 with `*nret` set, or 1 after a `cellua_longjmp`.
    fn cellua_ccall(
        L: *mut lua_State,
        f: lua_CFunction,
        chain: *mut *mut c_void,
        nret: *mut c_int,
    ) -> c_int;
    /// `_longjmp` to the trampoline whose chain node is `node`.
    fn cellua_longjmp(node: *mut c_void) -> !;
}

/// The C API's side of one global state.
pub struct CGlobal {
    /// How entry points reach the state (see "Aliasing" above).
    pub lua: *mut Lua,
    /// Innermost trampoline node (`struct cellua_jmp *` in C), or null.
    pub jmp: *mut c_void,
    pub panic: Option<lua_CFunction>,
    pub alloc: Option<lua_Alloc>,
    pub alloc_ud: *mut c_void,
    /// The host allocator all of this state's memory comes from (null:
    /// the system's; see `heap::alloc`).
    pub host: *const crate::heap::alloc::HostAlloc,
    /// The error an entry point is about to raise.
    pub pending: Option<LuaError>,
    /// Set by `lua_yield`: the C function returning now yields this many
    /// values.
    pub yield_n: Option<usize>,
    /// The main thread's block.
    pub main: *mut lua_State,
    /// Blocks of other threads, made on demand.
    pub threads: HashMap<ThreadRef, *mut lua_State>,
    /// Size of `threads` after the last pruning of dead threads.
    pub threads_pruned: usize,
    /// Status codes `lua_status` reports for threads that died by error.
    pub errored: HashMap<ThreadRef, c_int>,
    /// The `Lua` was made by `lua_newstate` and is freed by `lua_close`.
    pub owned: bool,
}

/// The C-side block of `lua`, made on first use.
#[inline]
pub fn global(lua: &mut Lua) -> *mut CGlobal {
    if lua.capi.is_null() {
        make_global(lua);
    }
    lua.capi
}

#[cold]
#[inline(never)]
fn make_global(lua: &mut Lua) {
    {
        let main = Box::into_raw(Box::new(lua_State {
            g: std::ptr::null_mut(),
            thread: lua.main_thread,
        }));
        let g = Box::into_raw(Box::new(CGlobal {
            lua: lua as *mut Lua,
            jmp: std::ptr::null_mut(),
            panic: None,
            alloc: None,
            alloc_ud: std::ptr::null_mut(),
            host: std::ptr::null(),
            pending: None,
            yield_n: None,
            main,
            threads: HashMap::new(),
            threads_pruned: 0,
            errored: HashMap::new(),
            owned: false,
        }));
        // SAFETY: `main` was just made by Box::into_raw and is not shared.
        unsafe { (*main).g = g };
        lua.capi = g;
    }
}

/// Free the C-side block of `lua` (called when the `Lua` drops).
pub fn free_global(lua: &mut Lua) {
    let g = std::mem::replace(&mut lua.capi, std::ptr::null_mut());
    if g.is_null() {
        return;
    }
    // SAFETY: `g` and the blocks it lists were made by Box::into_raw in
    // `global`/`state_of` and are freed only here, once.
    unsafe {
        let gb = Box::from_raw(g);
        drop(Box::from_raw(gb.main));
        for (_, b) in gb.threads.iter() {
            drop(Box::from_raw(*b));
        }
    }
}

/// The `lua_State` block of thread `t`, made on first use.
#[inline]
pub fn state_of(lua: &mut Lua, t: ThreadRef) -> *mut lua_State {
    let g = global(lua);
    if t == lua.main_thread {
        // SAFETY: `g` is this state's live global block.
        return unsafe { (*g).main };
    }
    thread_state(lua, g, t)
}

/// `state_of` for a thread other than the main one.
#[inline(never)]
fn thread_state(lua: &mut Lua, g: *mut CGlobal, t: ThreadRef) -> *mut lua_State {
    // SAFETY: `g` is this state's live global block.
    let gb = unsafe { &mut *g };
    if let Some(&b) = gb.threads.get(&t) {
        return b;
    }
    if gb.threads.len() >= 2 * gb.threads_pruned.max(32) {
        // Forget the blocks of threads the collector freed.
        let threads = lua.heap.threads.get_mut();
        gb.threads.retain(|k, b| {
            let alive = threads.contains_key(*k);
            if !alive {
                // SAFETY: made by Box::into_raw below, removed from the map
                // here, so freed once.
                unsafe { drop(Box::from_raw(*b)) };
            }
            alive
        });
        gb.errored.retain(|k, _| threads.contains_key(*k));
        gb.threads_pruned = gb.threads.len();
    }
    let b = Box::into_raw(Box::new(lua_State { g, thread: t }));
    gb.threads.insert(t, b);
    b
}

/// Raise the pending error of `L`'s state: `_longjmp` to the innermost
/// trampoline, or run the panic function and exit when there is none.
/// Call only as the last act of an entry point, with nothing that has a
/// destructor alive in the calling frame.
///
/// # Safety
/// `L` must be a live block.
pub(crate) unsafe fn raise(L: *mut lua_State) -> ! {
    let g = (*L).g;
    if !(*g).jmp.is_null() {
        cellua_longjmp((*g).jmp);
    }
    // Unprotected error: 5.1 calls the panic function with the error on
    // top of the stack, then exits.
    let lua = &mut *(*g).lua;
    let e = (*g).pending.take().unwrap_or(LuaError::Memory);
    let v = lua.error_value(e);
    let _ = lua.push(v);
    if let Some(p) = (*g).panic {
        p(L);
    }
    libc::exit(libc::EXIT_FAILURE);
}

/// The thread switched in by `enter` for a non-running block.
struct Switch {
    prev: ThreadRef,
    status: crate::heap::CoStatus,
}

fn switch_in(lua: &mut Lua, t: ThreadRef) -> Option<Switch> {
    if t == lua.cur_thread {
        return None;
    }
    let status = lua.heap.threads.get_mut().get(t)?.status;
    let prev = lua.cur_thread;
    // Parked as "normal", the previous thread stays a GC root.
    lua.park(prev, crate::heap::CoStatus::Normal);
    lua.unpark(t);
    Some(Switch { prev, status })
}

fn switch_out(lua: &mut Lua, s: Switch) {
    let cur = lua.cur_thread;
    let status = match lua.heap.threads.get_mut().get(cur) {
        // A thread that died meanwhile stays dead.
        Some(th) if th.status == crate::heap::CoStatus::Dead => th.status,
        _ => s.status,
    };
    lua.park(cur, status);
    lua.unpark(s.prev);
}

/// Run an entry point's body on `L`'s thread, catching panics. On failure
/// the error is stored as pending and `Err(())` returned: the caller then
/// raises (`api`) or reports it.
///
/// The common case (C code working on the running thread of a state on
/// the system allocator, with no host-allocator state alive, so there is
/// no allocator to switch) is inlined into the entry point and does only
/// the checks; everything else goes through `enter_slow`.
///
/// # Safety
/// `L` must be a live block.
#[inline(always)]
pub(crate) unsafe fn enter<R>(
    L: *mut lua_State,
    f: impl FnOnce(&mut Lua) -> Result<R, LuaError>,
) -> Result<R, ()> {
    let g = (*L).g;
    let lua = (*g).lua;
    if (*g).host.is_null()
        && (*L).thread == (*lua).cur_thread
        && crate::heap::alloc::no_host_states()
    {
        // `enter_state(null)`/`leave_state(null, null)` are no-ops here: a
        // host state made while `f` runs restores the (null) current
        // allocator itself before returning.
        let lua = &mut *lua;
        match catch_unwind(AssertUnwindSafe(move || f(lua))) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => {
                fail(g, e);
                Err(())
            }
            Err(p) => {
                drop_panic(p);
                fail_panic(g);
                Err(())
            }
        }
    } else {
        enter_slow(L, f)
    }
}

/// `enter` with the allocator switch and, for a block of a thread that is
/// not running, the thread switch.
#[inline(never)]
unsafe fn enter_slow<R>(
    L: *mut lua_State,
    f: impl FnOnce(&mut Lua) -> Result<R, LuaError>,
) -> Result<R, ()> {
    let g = (*L).g;
    let lua = &mut *(*g).lua;
    let host = (*g).host;
    let prev = crate::heap::alloc::enter_state(host);
    let r = if (*L).thread == lua.cur_thread {
        match catch_unwind(AssertUnwindSafe(|| f(&mut *lua))) {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => {
                fail(g, e);
                Err(())
            }
            Err(p) => {
                drop_panic(p);
                fail_panic(g);
                Err(())
            }
        }
    } else {
        enter_switched(L, f)
    };
    crate::heap::alloc::leave_state(host, prev);
    r
}

/// Drop a caught panic's payload out of line.
#[cold]
#[inline(never)]
fn drop_panic(p: Box<dyn std::any::Any + Send>) {
    drop(p);
}

#[inline(never)]
unsafe fn enter_switched<R>(
    L: *mut lua_State,
    f: impl FnOnce(&mut Lua) -> Result<R, LuaError>,
) -> Result<R, ()> {
    let g = (*L).g;
    let lua = &mut *(*g).lua;
    let sw = switch_in(lua, (*L).thread);
    let r = catch_unwind(AssertUnwindSafe(|| f(&mut *lua)));
    if let Some(s) = sw {
        switch_out(lua, s);
    }
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            fail(g, e);
            Err(())
        }
        Err(p) => {
            drop_panic(p);
            fail_panic(g);
            Err(())
        }
    }
}

/// Record an entry point's error as pending.
#[cold]
#[inline(never)]
unsafe fn fail(g: *mut CGlobal, e: LuaError) {
    (*g).pending = Some(e);
}

/// Record a caught panic as a pending Lua error.
#[cold]
#[inline(never)]
unsafe fn fail_panic(g: *mut CGlobal) {
    let lua = &mut *(*g).lua;
    let msg = lua.new_str(b"cellua: internal error (a Rust panic was caught)");
    (*g).pending = Some(LuaError::Runtime(msg));
}

/// An entry point that raises its errors: runs `f` on `L`'s thread and
/// returns its value, or raises the error (never returns then).
///
/// # Safety
/// `L` must be a live block.
#[inline(always)]
pub(crate) unsafe fn api<R>(
    L: *mut lua_State,
    f: impl FnOnce(&mut Lua) -> Result<R, LuaError>,
) -> R {
    match enter(L, f) {
        Ok(v) => v,
        Err(()) => raise(L),
    }
}

/// An entry point that cannot fail in Rust terms (no allocation, no Lua
/// code): runs `f`, and returns `default` if it panicked.
///
/// # Safety
/// `L` must be a live block.
#[inline(always)]
pub(crate) unsafe fn api_nofail<R>(
    L: *mut lua_State,
    default: R,
    f: impl FnOnce(&mut Lua) -> R,
) -> R {
    let g = (*L).g;
    let lua = (*g).lua;
    if (*g).host.is_null()
        && (*L).thread == (*lua).cur_thread
        && crate::heap::alloc::no_host_states()
    {
        // As in `enter`'s fast path.
        let lua = &mut *lua;
        match catch_unwind(AssertUnwindSafe(move || f(lua))) {
            Ok(v) => v,
            Err(p) => {
                drop_panic(p);
                fail_panic(g);
                default
            }
        }
    } else {
        enter_slow(L, |lua| Ok(f(lua))).unwrap_or(default)
    }
}

// ----- index translation ---------------------------------------------------

/// Where a C stack index or pseudo-index points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    Stack(usize),
    Registry,
    Globals,
    Env,
    /// Upvalue `n` (1-based) of the running C function.
    Upval(usize),
    /// An acceptable but empty index (above the top, or index 0).
    None,
}

/// First slot of the running C function's window (index 1).
#[inline(always)]
pub(crate) fn api_base(lua: &Lua) -> usize {
    lua.frames.last().map_or(0, |f| f.base)
}

/// The one index translator.
#[inline]
pub(crate) fn slot(lua: &Lua, idx: c_int) -> Slot {
    if idx > 0 {
        let i = api_base(lua) + idx as usize - 1;
        if i < lua.top {
            Slot::Stack(i)
        } else {
            Slot::None
        }
    } else if idx > LUA_REGISTRYINDEX {
        let k = (-(idx as i64)) as usize;
        if idx != 0 && k <= lua.top - api_base(lua) {
            Slot::Stack(lua.top - k)
        } else {
            Slot::None
        }
    } else {
        match idx {
            LUA_REGISTRYINDEX => Slot::Registry,
            LUA_ENVIRONINDEX => Slot::Env,
            LUA_GLOBALSINDEX => Slot::Globals,
            _ => Slot::Upval((LUA_GLOBALSINDEX - idx) as usize),
        }
    }
}

/// The running native function, if any.
#[inline]
pub(crate) fn running_native(lua: &Lua) -> Option<NativeRef> {
    match lua.frames.last().map(|f| &f.kind) {
        Some(FrameKind::Native { func }) => Some(*func),
        _ => None,
    }
}

/// The value at a slot; `None` for an empty index.
#[inline]
pub(crate) fn get_slot(lua: &mut Lua, s: Slot) -> Option<Value> {
    match s {
        Slot::Stack(i) => Some(lua.stack[i]),
        Slot::Registry => Some(Value::Table(lua.registry)),
        Slot::Globals => Some(Value::Table(lua.globals)),
        Slot::Env => {
            let env = running_native(lua)
                .and_then(|f| lua.heap.natives.get_mut().get(f).map(|n| n.env))
                .unwrap_or(lua.globals);
            Some(Value::Table(env))
        }
        Slot::Upval(n) => {
            let f = running_native(lua)?;
            let nat = lua.heap.natives.get_mut().get(f)?;
            if n == 0 {
                return None;
            }
            nat.upvalues.get(n - 1).copied()
        }
        Slot::None => None,
    }
}

/// The value at an index (`None` for an empty one). Stack indices take
/// an inlined fast path; pseudo-indices go through `get_slot`.
#[inline(always)]
pub(crate) fn value_at(lua: &mut Lua, idx: c_int) -> Option<Value> {
    let base = api_base(lua);
    if idx > 0 {
        let i = base + idx as usize - 1;
        if i < lua.top {
            return lua.stack.get(i).copied();
        }
        None
    } else if idx > LUA_REGISTRYINDEX && idx != 0 {
        let k = idx.unsigned_abs() as usize;
        if k <= lua.top - base {
            return lua.stack.get(lua.top - k).copied();
        }
        None
    } else {
        pseudo_value(lua, idx)
    }
}

#[inline(never)]
fn pseudo_value(lua: &mut Lua, idx: c_int) -> Option<Value> {
    let s = slot(lua, idx);
    get_slot(lua, s)
}

/// The value at an index, nil for an empty one.
#[inline(always)]
pub(crate) fn at(lua: &mut Lua, idx: c_int) -> Value {
    let base = api_base(lua);
    if idx > 0 {
        let i = base + idx as usize - 1;
        if i < lua.top {
            if let Some(v) = lua.stack.get(i) {
                return *v;
            }
        }
        Value::Nil
    } else if idx > LUA_REGISTRYINDEX && idx != 0 {
        let k = idx.unsigned_abs() as usize;
        if k <= lua.top - base {
            if let Some(v) = lua.stack.get(lua.top - k) {
                return *v;
            }
        }
        Value::Nil
    } else {
        pseudo_value(lua, idx).unwrap_or(Value::Nil)
    }
}

/// Store into a slot (`lua_replace`). Errors for a read-only or invalid
/// target.
pub(crate) fn set_slot(lua: &mut Lua, s: Slot, v: Value) -> Result<(), LuaError> {
    match s {
        Slot::Stack(i) => {
            lua.stack[i] = v;
            Ok(())
        }
        Slot::Globals => match v {
            Value::Table(t) => {
                lua.globals = t;
                Ok(())
            }
            _ => Err(lua.plain_error("table expected for LUA_GLOBALSINDEX")),
        },
        Slot::Env => {
            let Value::Table(t) = v else {
                return Err(lua.plain_error("table expected for LUA_ENVIRONINDEX"));
            };
            match running_native(lua).and_then(|f| lua.heap.natives.get_mut().get_mut(f)) {
                Some(n) => {
                    n.env = t;
                    Ok(())
                }
                None => Err(lua.plain_error("no calling environment")),
            }
        }
        Slot::Upval(n) => {
            let slot = running_native(lua)
                .and_then(|f| lua.heap.natives.get_mut().get_mut(f))
                .and_then(|nat| nat.upvalues.get_mut(n.wrapping_sub(1)));
            match slot {
                Some(u) => {
                    *u = v;
                    Ok(())
                }
                None => Err(lua.plain_error("invalid upvalue index")),
            }
        }
        Slot::Registry => Err(lua.plain_error("cannot replace the registry")),
        Slot::None => Err(lua.plain_error("invalid stack index")),
    }
}

/// A table at an index, or an error naming the index.
pub(crate) fn table_at(lua: &mut Lua, idx: c_int) -> Result<crate::value::TableRef, LuaError> {
    match at(lua, idx) {
        Value::Table(t) => Ok(t),
        v => Err(lua.plain_error(format!("table expected, got {}", v.type_name()))),
    }
}

/// Absolute stack position of a non-pseudo index (for functions that keep
/// an index across pushes).
#[inline]
pub(crate) fn abs_index(lua: &Lua, idx: c_int) -> c_int {
    if idx > 0 || idx <= LUA_REGISTRYINDEX {
        idx
    } else {
        (lua.top - api_base(lua)) as c_int + idx + 1
    }
}

// ----- calling C functions from Lua ------------------------------------------

/// The `RustFn` behind every C closure: calls its C function through the
/// trampoline, then turns a raised error or a `lua_yield` into the VM's
/// `Err` forms. (`Lua::call_native` calls `call_c` directly with the C
/// function it has already looked up.)
pub fn call_c_function(lua: &mut Lua) -> Result<usize, LuaError> {
    let f = running_native(lua)
        .and_then(|nf| lua.heap.natives.get_mut().get(nf))
        .and_then(|n| n.cfunc)
        .ok_or(LuaError::InvalidHandle)?;
    call_c(lua, f)
}

/// Call C function `f` for the running native frame (see
/// `call_c_function`).
#[inline]
pub fn call_c(lua: &mut Lua, f: lua_CFunction) -> Result<usize, LuaError> {
    let g = global(lua);
    let t = lua.cur_thread;
    let L = state_of(lua, t);
    let base = api_base(lua);
    let mut nret: c_int = 0;
    // SAFETY: `g` is this state's global block; the C function gets a live
    // block of the running thread. `lua` is not used until the call
    // returns; C reaches the state through the pointer stored here, derived
    // from `lua`.
    let status = unsafe {
        let saved = (*g).lua;
        (*g).lua = lua as *mut Lua;
        let st = cellua_ccall(L, f, &mut (*g).jmp, &mut nret);
        (*g).lua = saved;
        st
    };
    // SAFETY: as above; C has returned.
    let gb = unsafe { &mut *g };
    if status != 0 {
        return Err(gb.pending.take().unwrap_or(LuaError::Runtime(Value::Nil)));
    }
    let avail = lua.top.saturating_sub(base);
    if let Some(n) = gb.yield_n.take() {
        let n = n.min(avail);
        let first = lua.top - n;
        lua.stack.copy_within(first..lua.top, base);
        lua.top = base + n;
        return Err(LuaError::Yield);
    }
    if nret < 0 {
        return Err(lua.plain_error("C function returned a negative result count"));
    }
    Ok((nret as usize).min(avail))
}
