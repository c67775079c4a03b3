//! The debug interface of `lua.h` (manual §3.8): `lua_getstack`,
//! `lua_getinfo`, `lua_getlocal`/`lua_setlocal`,
//! `lua_getupvalue`/`lua_setupvalue`, `lua_sethook` and its accessors; and
//! the C side of hooks: calling a `lua_Hook` through the setjmp trampoline
//! (`cellua_hookcall` in csrc/shim.c) on a pseudo-frame (`call_c_hook`).
//!
//! `lua_Debug.i_ci` holds the activation as `Lua::get_stack` names it
//! (frame index + 1; 0 for a call lost by a tail call).
//!
//! # Lifetime of the strings in `lua_Debug`
//! `what` and `namewhat` point at static strings. `source`, `name` and the
//! names `lua_getlocal`/`lua_getupvalue` return are interned Lua strings
//! kept alive by registry tables with weak keys, keyed by the function
//! they describe: as in 5.1 they stay valid while that function is alive
//! (5.1's point into the function's prototype).

use super::*;
use crate::heap::Frame;
use crate::stdlib::debug::InfoTarget;
use crate::value::TableRef;
use crate::vm::hooks::HookFn;
use std::ffi::{c_char, CStr};

// `lua_State` is opaque to C: only pointers to it cross.
#[allow(improper_ctypes)]
extern "C" {
    /// Call `h(L, ar)` under `_setjmp` with a `jmp_buf` pushed on
    /// `*chain`; returns 0, or 1 after a `cellua_longjmp`.
    fn cellua_hookcall(
        L: *mut lua_State,
        h: lua_Hook,
        ar: *mut lua_Debug,
        chain: *mut *mut c_void,
    ) -> c_int;
    #[link_name = "stdin"]
    static mut C_STDIN: *mut libc::FILE;
}

static ANCHOR_SOURCES: u8 = 0;
static ANCHOR_NAMES: u8 = 0;

/// A static C string for one of the fixed `what`/`namewhat` words.
fn static_cstr(s: &str) -> *const c_char {
    let b: &'static [u8] = match s {
        "Lua" => b"Lua\0",
        "C" => b"C\0",
        "main" => b"main\0",
        "tail" => b"tail\0",
        "global" => b"global\0",
        "local" => b"local\0",
        "method" => b"method\0",
        "field" => b"field\0",
        "upvalue" => b"upvalue\0",
        "for iterator" => b"for iterator\0",
        _ => b"\0",
    };
    b.as_ptr() as *const c_char
}

/// The weak-keyed registry table behind `key`, made on first use.
fn anchor_table(lua: &mut Lua, key: &'static u8) -> TableRef {
    let reg = lua.registry;
    let k = Value::LightUserData(key as *const u8 as *mut c_void);
    if let Value::Table(t) = lua.raw_get(reg, &k) {
        return t;
    }
    let t = lua.heap.new_table(0, 4);
    let mt = lua.heap.new_table(0, 1);
    let mode = lua.new_str(b"k");
    lua.set_field(mt, b"__mode", mode);
    if let Ok(tab) = lua.heap.table(t) {
        tab.metatable = Some(mt);
    }
    let _ = lua.raw_set(reg, k, Value::Table(t));
    t
}

/// A NUL-terminated copy of `bytes` that lives as long as `owner` (a
/// function) does; without an owner, until the next collection.
fn anchored_cstr(
    lua: &mut Lua,
    table: &'static u8,
    owner: Option<Value>,
    bytes: &[u8],
) -> *const c_char {
    let s = lua.intern(bytes);
    if let Some(o) = owner.filter(|o| !o.is_nil()) {
        let t = anchor_table(lua, table);
        let _ = lua.raw_set(t, o, Value::String(s));
    }
    match lua.heap.strings.get_mut().get(s) {
        Some(st) => st.as_ptr() as *const c_char,
        None => static_cstr(""),
    }
}

/// Write the fields `opts` asks for (all of them for a tail call).
///
/// # Safety
/// `ar` must be valid for writes.
unsafe fn fill_debug(
    lua: &mut Lua,
    ar: *mut lua_Debug,
    info: &crate::stdlib::debug::DebugInfo,
    opts: &[u8],
) {
    let all = info.tail;
    let has = |c: u8| all || opts.contains(&c);
    if has(b'S') {
        (*ar).source = anchored_cstr(lua, &ANCHOR_SOURCES, info.func, &info.source);
        let n = info.short_src.len().min(LUA_IDSIZE - 1);
        for (d, s) in (*ar).short_src.iter_mut().zip(&info.short_src[..n]) {
            *d = *s as c_char;
        }
        (*ar).short_src[n] = 0;
        (*ar).linedefined = info.linedefined;
        (*ar).lastlinedefined = info.lastlinedefined;
        (*ar).what = static_cstr(info.what);
    }
    if has(b'l') {
        (*ar).currentline = info.currentline;
    }
    if has(b'u') {
        (*ar).nups = info.nups;
    }
    if has(b'n') {
        (*ar).namewhat = static_cstr(info.namewhat);
        (*ar).name = match &info.name {
            Some(n) if n.is_empty() => static_cstr(""),
            Some(n) => anchored_cstr(lua, &ANCHOR_NAMES, info.func, n),
            None => std::ptr::null(),
        };
    }
}

/// `lua_getstack`: fill `ar.i_ci` with the activation at `level`; 0 when
/// there is no such level.
///
/// # Safety
/// `L` must be a live block; `ar` valid for writes.
#[no_mangle]
pub unsafe extern "C" fn lua_getstack(
    L: *mut lua_State,
    level: c_int,
    ar: *mut lua_Debug,
) -> c_int {
    // SAFETY: the caller passes a live block and a writable `ar`.
    api_nofail(L, 0, |lua| match lua.get_stack(level as i64) {
        Some(ci) if !ar.is_null() => {
            (*ar).i_ci = ci as c_int;
            1
        }
        _ => 0,
    })
}

/// `lua_getinfo`: fill `ar` as the options in `what` ask, for the
/// activation `ar.i_ci`, or (`>` first) for the function popped from the
/// stack; `f` and `L` push the function and its valid lines. Returns 0
/// for an unknown option.
///
/// # Safety
/// `L` must be a live block; `what` NUL-terminated; `ar` valid.
#[no_mangle]
pub unsafe extern "C" fn lua_getinfo(
    L: *mut lua_State,
    what: *const c_char,
    ar: *mut lua_Debug,
) -> c_int {
    // SAFETY: the caller passes a live block, a C string and a valid `ar`.
    api(L, |lua| {
        if what.is_null() || ar.is_null() {
            return Err(lua.plain_error("lua_getinfo: NULL argument"));
        }
        let all = CStr::from_ptr(what).to_bytes();
        let (target, opts) = if all.first() == Some(&b'>') {
            let f = if lua.top > api_base(lua) {
                lua.stack[lua.top - 1]
            } else {
                Value::Nil
            };
            if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
                return Err(lua.plain_error("function expected"));
            }
            lua.top -= 1;
            (InfoTarget::Func(f), &all[1..])
        } else {
            let ci = usize::try_from((*ar).i_ci).unwrap_or(usize::MAX);
            let ci = if ci > lua.frames.len() { 0 } else { ci };
            (InfoTarget::Level(ci), all)
        };
        let info = lua.debug_info(target, opts);
        // Keep the function reachable while its strings are anchored.
        fill_debug(lua, ar, &info, opts);
        if opts.contains(&b'f') {
            lua.push(info.func.unwrap_or(Value::Nil))?;
        }
        if opts.contains(&b'L') {
            let v = match &info.activelines {
                Some(lines) => {
                    let t = lua.heap.new_table(0, lines.len());
                    for &l in lines {
                        lua.raw_set(t, Value::Number(l as f64), Value::Boolean(true))?;
                    }
                    Value::Table(t)
                }
                None => Value::Nil,
            };
            lua.push(v)?;
        }
        Ok(c_int::from(info.valid || info.tail))
    })
}

/// The activation named by `ar` (0, a lost tail call, for a bad one).
///
/// # Safety
/// `ar` must be NULL or valid for reads.
unsafe fn ci_of(lua: &Lua, ar: *const lua_Debug) -> usize {
    if ar.is_null() {
        return 0;
    }
    match usize::try_from((*ar).i_ci) {
        Ok(ci) if ci <= lua.frames.len() => ci,
        _ => 0,
    }
}

/// `lua_getlocal`: push local `n` of the activation `ar` and return its
/// name (`(*temporary)` for other slots of the activation); NULL, and
/// nothing pushed, when there is no such local.
///
/// # Safety
/// `L` must be a live block; `ar` filled by `lua_getstack` or a hook.
#[no_mangle]
pub unsafe extern "C" fn lua_getlocal(
    L: *mut lua_State,
    ar: *const lua_Debug,
    n: c_int,
) -> *const c_char {
    // SAFETY: the caller passes a live block and a valid `ar`.
    api(L, |lua| {
        let ci = ci_of(lua, ar);
        match lua.get_local(ci, n) {
            Some((name, v)) => {
                lua.push(v)?;
                let owner = lua.frames.get(ci.wrapping_sub(1)).map(frame_function);
                Ok(anchored_cstr(lua, &ANCHOR_NAMES, owner, &name))
            }
            None => Ok(std::ptr::null()),
        }
    })
}

/// `lua_setlocal`: pop the top value into local `n` of the activation
/// `ar`; returns its name, or NULL (the value is popped anyway).
///
/// # Safety
/// `L` must be a live block; `ar` filled by `lua_getstack` or a hook.
#[no_mangle]
pub unsafe extern "C" fn lua_setlocal(
    L: *mut lua_State,
    ar: *const lua_Debug,
    n: c_int,
) -> *const c_char {
    // SAFETY: the caller passes a live block and a valid `ar`.
    api(L, |lua| {
        if lua.top <= api_base(lua) {
            return Err(lua.plain_error("not enough values on the stack"));
        }
        let ci = ci_of(lua, ar);
        let v = lua.stack[lua.top - 1];
        let name = lua.set_local(ci, n, v);
        lua.top -= 1;
        match name {
            Some(name) => {
                let owner = lua.frames.get(ci.wrapping_sub(1)).map(frame_function);
                Ok(anchored_cstr(lua, &ANCHOR_NAMES, owner, &name))
            }
            None => Ok(std::ptr::null()),
        }
    })
}

fn frame_function(f: &Frame) -> Value {
    match &f.kind {
        FrameKind::Lua { closure, .. } => Value::LuaFunction(*closure),
        FrameKind::Native { func } => Value::NativeFunction(*func),
    }
}

/// The name to hand C for upvalue `name` of `f`: `""` (static) for a C
/// function's, else anchored by the function.
fn upvalue_name(lua: &mut Lua, f: Value, name: &[u8]) -> *const c_char {
    if name.is_empty() {
        static_cstr("")
    } else {
        anchored_cstr(lua, &ANCHOR_NAMES, Some(f), name)
    }
}

/// `lua_getupvalue`: push upvalue `n` of the function at `funcindex` and
/// return its name (`""` for a C function); NULL when there is none.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_getupvalue(
    L: *mut lua_State,
    funcindex: c_int,
    n: c_int,
) -> *const c_char {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let f = at(lua, funcindex);
        match lua.get_upvalue(f, n) {
            Some((name, v)) => {
                lua.push(v)?;
                Ok(upvalue_name(lua, f, &name))
            }
            None => Ok(std::ptr::null()),
        }
    })
}

/// `lua_setupvalue`: pop the top value into upvalue `n` of the function at
/// `funcindex`; returns its name, or NULL (nothing popped then).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_setupvalue(
    L: *mut lua_State,
    funcindex: c_int,
    n: c_int,
) -> *const c_char {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        if lua.top <= api_base(lua) {
            return Err(lua.plain_error("not enough values on the stack"));
        }
        let f = at(lua, funcindex);
        let v = lua.stack[lua.top - 1];
        match lua.set_upvalue(f, n, v) {
            Some(name) => {
                lua.top -= 1;
                Ok(upvalue_name(lua, f, &name))
            }
            None => Ok(std::ptr::null()),
        }
    })
}

/// The `lua_Hook` that `lua_gethook` reports for a hook set by
/// `debug.sethook` (5.1's `hookf`): calls the thread's Lua hook function.
///
/// # Safety
/// `L` must be a live block; `ar` valid for reads.
pub unsafe extern "C" fn cellua_lua_hook(L: *mut lua_State, ar: *mut lua_Debug) {
    if ar.is_null() {
        return;
    }
    let (event, line) = ((*ar).event, (*ar).currentline);
    // SAFETY: the caller passes a live block.
    api(L, |lua| lua.call_lua_hook(event, line))
}

fn is_lua_dispatch(h: lua_Hook) -> bool {
    std::ptr::fn_addr_eq(h, cellua_lua_hook as lua_Hook)
}

/// `lua_sethook`: set the hook of `L`'s thread; a NULL function or a zero
/// mask turns hooks off. Returns 1.
///
/// # Safety
/// `L` must be a live block; `func` a valid hook or NULL.
#[no_mangle]
pub unsafe extern "C" fn lua_sethook(
    L: *mut lua_State,
    func: Option<lua_Hook>,
    mask: c_int,
    count: c_int,
) -> c_int {
    // SAFETY: the caller passes a live block.
    let t = (*L).thread;
    api_nofail(L, 1, |lua| {
        let f = func.map(|h| {
            if is_lua_dispatch(h) {
                HookFn::Lua
            } else {
                HookFn::C(h)
            }
        });
        lua.set_hook(t, f, (mask & 0x0f) as u8, count);
        1
    })
}

/// `lua_gethook`: the hook function of `L`'s thread, or NULL.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gethook(L: *mut lua_State) -> Option<lua_Hook> {
    // SAFETY: the caller passes a live block.
    let t = (*L).thread;
    api_nofail(L, None, |lua| match lua.hook_of(t).func {
        Some(HookFn::C(h)) => Some(h),
        Some(HookFn::Lua) => Some(cellua_lua_hook as lua_Hook),
        None => None,
    })
}

/// `lua_gethookmask`: the hook mask of `L`'s thread.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gethookmask(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    let t = (*L).thread;
    api_nofail(L, 0, |lua| lua.hook_of(t).mask as c_int)
}

/// `lua_gethookcount`: the hook count of `L`'s thread.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gethookcount(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    let t = (*L).thread;
    api_nofail(L, 0, |lua| lua.hook_of(t).base_count)
}

/// Call the C hook `h` for `event` on the running thread, whose frame
/// `ci - 1` is the hooked one, on a pseudo-frame above `top` (the caller
/// raised `top` above everything the hooked frame uses). An error the
/// hook raises (`lua_error`, `luaL_error`) comes back as `Err`, with the
/// frames left as they were at the error (the catcher unwinds them).
pub(crate) fn call_c_hook(
    lua: &mut Lua,
    h: lua_Hook,
    event: c_int,
    line: c_int,
    ci: usize,
) -> Result<(), LuaError> {
    let marker = lua.hook_marker();
    let window = lua.top;
    lua.ensure_stack(window + 1 + crate::vm::MIN_STACK)?;
    lua.stack[window] = Value::NativeFunction(marker);
    let nframes = lua.frames.len();
    lua.frames.push(Frame {
        kind: FrameKind::Native { func: marker },
        func: window,
        base: window + 1,
        pc: 0,
        nresults: 0,
        nvarargs: 0,
        tailcalls: 0,
        entry: false,
    });
    lua.top = window + 1;
    let mut ar = lua_Debug {
        event,
        name: std::ptr::null(),
        namewhat: std::ptr::null(),
        what: std::ptr::null(),
        source: std::ptr::null(),
        currentline: line,
        nups: 0,
        linedefined: 0,
        lastlinedefined: 0,
        short_src: [0; LUA_IDSIZE],
        i_ci: c_int::try_from(ci).unwrap_or(0),
    };
    let g = global(lua);
    let t = lua.cur_thread;
    let L = state_of(lua, t);
    // SAFETY: `g` is this state's global block and `L` a live block of the
    // running thread; `ar` lives across the call. As in
    // `call_c_function`, C reaches the state through the pointer stored
    // here, derived from `lua`, which is not used until the call returns.
    let status = unsafe {
        let saved = (*g).lua;
        (*g).lua = lua as *mut Lua;
        let st = cellua_hookcall(L, h, &mut ar, &mut (*g).jmp);
        (*g).lua = saved;
        st
    };
    // SAFETY: as above; C has returned.
    let gb = unsafe { &mut *g };
    let yielded = gb.yield_n.take().is_some();
    if status != 0 {
        return Err(gb.pending.take().unwrap_or(LuaError::Runtime(Value::Nil)));
    }
    lua.frames.truncate(nframes);
    if yielded {
        return Err(lua.rt_error("attempt to yield across metamethod/C-call boundary"));
    }
    Ok(())
}

/// One line of C's standard input as `fgets` with a `max`-byte buffer
/// reads it (cut at an embedded NUL, as 5.1's `strlen` does); None at end
/// of input or on error.
pub(crate) fn read_stdin_line(max: usize) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; max.max(2)];
    let n = c_int::try_from(buf.len()).unwrap_or(c_int::MAX);
    // SAFETY: `buf` has `n` writable bytes; glibc's `stdin` is a valid
    // stream for the whole program, read by value here.
    let p = unsafe { libc::fgets(buf.as_mut_ptr() as *mut c_char, n, C_STDIN) };
    if p.is_null() {
        return None;
    }
    let len = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
    buf.truncate(len);
    Some(buf)
}
