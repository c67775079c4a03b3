//! Calls, errors, loading and coroutines: `lua_call`, `lua_pcall`,
//! `lua_cpcall`, `lua_error`, `lua_load`, `lua_dump`, `lua_yield`,
//! `lua_resume`, `lua_status`, and the miscellany of `lua.h`
//! (`lua_gc`, `lua_concat`, `lua_setlevel`).

use super::*;
use crate::error::{LUA_ERRRUN, LUA_YIELD};
use crate::heap::CoStatus;
use std::ffi::{c_char, CStr};

/// Position of the function of a call with `nargs` arguments on top.
fn call_base(lua: &mut Lua, nargs: c_int) -> Result<usize, LuaError> {
    let n = nargs.max(0) as usize;
    if n + 1 > lua.top - api_base(lua) {
        return Err(lua.plain_error("not enough values on the stack for the call"));
    }
    Ok(lua.top - n - 1)
}

/// `lua_call`: call the function below the `nargs` top values; errors
/// propagate to the caller's protected call.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_call(L: *mut lua_State, nargs: c_int, nresults: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let func = call_base(lua, nargs)?;
        lua.call(func, nresults)
    })
}

/// `lua_pcall`: a protected call; on error the message (after the
/// handler at `errfunc`, when nonzero) replaces the function and
/// arguments and the status is returned.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pcall(
    L: *mut lua_State,
    nargs: c_int,
    nresults: c_int,
    errfunc: c_int,
) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let handler = if errfunc == 0 {
            None
        } else {
            Some(at(lua, errfunc))
        };
        let func = call_base(lua, nargs)?;
        protected_call(lua, func, nresults, handler)
    })
}

/// The protected call of `lua_pcall` and `lua_cpcall`: 0, or the error
/// status with the error value pushed.
fn protected_call(
    lua: &mut Lua,
    func: usize,
    nresults: c_int,
    handler: Option<Value>,
) -> Result<c_int, LuaError> {
    let r = lua.pcall_status(func, nresults, handler);
    // A refusal after the last check has been served by the system: it
    // does not outlive the protected call.
    lua.refusal.take();
    match r {
        Ok(()) => Ok(0),
        Err((status, v)) => {
            lua.push(v)?;
            Ok(status)
        }
    }
}

/// `lua_cpcall`: call `func(ud)` as a C function in protected mode.
///
/// # Safety
/// `L` must be a live block; `func` a valid C function.
#[no_mangle]
pub unsafe extern "C" fn lua_cpcall(
    L: *mut lua_State,
    func: Option<lua_CFunction>,
    ud: *mut c_void,
) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let Some(f) = func else {
            return Err(lua.plain_error("lua_cpcall: NULL function"));
        };
        let cl = access::new_c_closure(lua, f, Vec::new());
        let base = lua.top;
        lua.push(cl)?;
        lua.push(Value::LightUserData(ud))?;
        protected_call(lua, base, 0, None)
    })
}

/// `lua_error`: raise the value on top of the stack. Never returns.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_error(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    let r: Result<(), ()> = enter(L, |lua| {
        let v = if lua.top > api_base(lua) {
            lua.stack[lua.top - 1]
        } else {
            Value::Nil
        };
        Err(LuaError::Runtime(v))
    });
    let _ = r;
    raise(L)
}

/// `lua_load`: read a chunk through `reader` and push it compiled (or the
/// error message); returns 0, `LUA_ERRSYNTAX` or `LUA_ERRMEM`.
///
/// # Safety
/// `L` must be a live block; `reader` valid for `data`; `chunkname` NULL
/// or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn lua_load(
    L: *mut lua_State,
    reader: Option<lua_Reader>,
    data: *mut c_void,
    chunkname: *const c_char,
) -> c_int {
    // SAFETY: the caller passes a live block and a valid reader.
    let Some(reader) = reader else {
        return api(L, |lua| Err(lua.plain_error("lua_load: NULL reader")));
    };
    // Read everything first: the reader may call back into the API.
    let mut src: Vec<u8> = Vec::new();
    loop {
        let mut sz: usize = 0;
        let p = reader(L, data, &mut sz);
        if p.is_null() || sz == 0 {
            break;
        }
        if src.try_reserve(sz).is_err() {
            drop(src);
            return api(L, |lua| {
                lua.push(Value::String(lua.names.memerr))?;
                Ok(crate::error::LUA_ERRMEM)
            });
        }
        src.extend_from_slice(std::slice::from_raw_parts(p as *const u8, sz));
    }
    let name: Vec<u8> = if chunkname.is_null() {
        b"?".to_vec()
    } else {
        CStr::from_ptr(chunkname).to_bytes().to_vec()
    };
    let r = enter(L, |lua| load_and_push(lua, &src, &name));
    drop(src);
    drop(name);
    match r {
        Ok(st) => st,
        Err(()) => raise(L),
    }
}

/// Compile (or undump) `src` as chunk `name` and push the function, or
/// push the error message; returns the `lua_load` status. A refused
/// allocation is the status `LUA_ERRMEM`, not a raised error.
pub(crate) fn load_and_push(lua: &mut Lua, src: &[u8], name: &[u8]) -> Result<c_int, LuaError> {
    let loaded = lua.load(src, name).and_then(|f| {
        lua.push(f)?;
        lua.gc_check()
    });
    match loaded {
        Ok(()) => Ok(0),
        Err(e) => {
            let st = e.status();
            let v = lua.error_value(e);
            lua.push(v)?;
            Ok(st)
        }
    }
}

/// `lua_dump`: write the Lua function on top of the stack as a chunk that
/// `lua_load` reads back; returns the writer's last status, or 1 when the
/// value cannot be dumped.
///
/// # Safety
/// `L` must be a live block; `writer` valid for `data`.
#[no_mangle]
pub unsafe extern "C" fn lua_dump(
    L: *mut lua_State,
    writer: Option<lua_Writer>,
    data: *mut c_void,
) -> c_int {
    // SAFETY: the caller passes a live block and a valid writer.
    let Some(writer) = writer else {
        return 1;
    };
    let bytes = api(L, |lua| {
        let f = at(lua, -1);
        Ok(crate::compiler::bytecode::dump_function(lua, f))
    });
    match bytes {
        Some(b) => {
            let st = writer(L, b.as_ptr() as *const c_void, b.len(), data);
            drop(b);
            st
        }
        None => 1,
    }
}

/// `lua_yield`: used as `return lua_yield(L, n)` by a C function: the
/// coroutine yields the `n` top values.
///
/// # Safety
/// `L` must be a live block of the running thread.
#[no_mangle]
pub unsafe extern "C" fn lua_yield(L: *mut lua_State, nresults: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        if (*L).thread != lua.cur_thread {
            return Err(lua.plain_error("attempt to yield a thread that is not running"));
        }
        if let Err(msg) = lua.can_yield() {
            return Err(lua.plain_error(msg));
        }
        (*(*L).g).yield_n = Some(nresults.max(0) as usize);
        Ok(-1)
    })
}

/// Values on a parked thread's stack: pop the top `n` (and, when `with_fn`,
/// the function below them).
fn take_from_parked(
    lua: &mut Lua,
    t: crate::value::ThreadRef,
    n: usize,
    with_fn: bool,
) -> Option<Vec<Value>> {
    let th = lua.heap.threads.get_mut().get_mut(t)?;
    let base = th.frames.last().map_or(0, |f| f.base);
    let need = n + with_fn as usize;
    if th.top < base + need {
        return None;
    }
    let first = th.top - need;
    let v = th.stack[first..th.top].to_vec();
    th.top = first;
    Some(v)
}

/// Push values onto a parked thread's stack.
fn give_to_parked(lua: &mut Lua, t: crate::value::ThreadRef, vals: &[Value]) {
    if let Some(th) = lua.heap.threads.get_mut().get_mut(t) {
        let need = th.top + vals.len() + crate::vm::MIN_STACK;
        if th.stack.len() < need {
            th.stack.resize(need, Value::Nil);
        }
        th.stack[th.top..th.top + vals.len()].copy_from_slice(vals);
        th.top += vals.len();
    }
}

/// `lua_resume`: start or continue the coroutine `L` with the `narg`
/// values on its stack (below them, for a start, its function). Returns
/// `LUA_YIELD`, 0 when it finished, or an error status with the message
/// on its stack.
///
/// # Safety
/// `L` must be a live block of a thread other than the running one.
#[no_mangle]
pub unsafe extern "C" fn lua_resume(L: *mut lua_State, narg: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    let g = (*L).g;
    let co = (*L).thread;
    let lua = &mut *(*g).lua;
    let r = catch_unwind(AssertUnwindSafe(|| -> Result<c_int, LuaError> {
        let n = narg.max(0) as usize;
        let status = lua.thread_status(co);
        let fresh = lua
            .heap
            .threads
            .get_mut()
            .get(co)
            .is_some_and(|t| t.frames.is_empty());
        // A coroutine that finished normally can be started again with a
        // new function, as 5.1 allows (hosts reuse threads this way).
        let reusable = status == CoStatus::Dead && !(*g).errored.contains_key(&co);
        if reusable {
            if let Some(th) = lua.heap.threads.get_mut().get_mut(co) {
                th.status = CoStatus::Suspended;
            }
        }
        if (status != CoStatus::Suspended && !reusable) || co == lua.main_thread {
            let msg = lua.new_str(b"cannot resume non-suspended coroutine");
            if co == lua.cur_thread {
                lua.push(msg)?;
            } else {
                give_to_parked(lua, co, &[msg]);
            }
            return Ok(LUA_ERRRUN);
        }
        let Some(mut vals) = take_from_parked(lua, co, n, fresh) else {
            let msg = lua.new_str(b"cannot resume: not enough values on the coroutine's stack");
            give_to_parked(lua, co, &[msg]);
            return Ok(LUA_ERRRUN);
        };
        if fresh {
            // The body goes to slot 0, where `resume_top` expects it.
            let f = vals.remove(0);
            if let Some(th) = lua.heap.threads.get_mut().get_mut(co) {
                th.stack[0] = f;
                th.top = 1;
            }
        }
        let base = lua.top;
        lua.ensure_stack(base + vals.len() + crate::vm::MIN_STACK)?;
        for v in &vals {
            lua.push(*v)?;
        }
        let r = lua.resume_top(co, vals.len())?;
        lua.refusal.take();
        match r {
            Ok(k) => {
                let out = lua.stack[lua.top - k..lua.top].to_vec();
                lua.top -= k;
                if lua.thread_status(co) == CoStatus::Dead {
                    // Finished: its stack was emptied; the results go there.
                    give_to_parked(lua, co, &out);
                    Ok(0)
                } else {
                    // Yielded: the values already sit on its stack, in
                    // the window of the frame that yielded.
                    Ok(LUA_YIELD)
                }
            }
            Err(ev) => {
                give_to_parked(lua, co, &[ev]);
                (*g).errored.insert(co, LUA_ERRRUN);
                Ok(LUA_ERRRUN)
            }
        }
    }));
    match r {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            let v = lua.error_value(e);
            give_to_parked(lua, co, &[v]);
            LUA_ERRRUN
        }
        Err(_) => LUA_ERRRUN,
    }
}

/// `lua_status`: 0 for a normal thread, `LUA_YIELD` for a suspended
/// coroutine, the error status for one that died by error.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_status(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    let g = (*L).g;
    let t = (*L).thread;
    if let Some(&s) = (*g).errored.get(&t) {
        return s;
    }
    let lua = &mut *(*g).lua;
    match lua.heap.threads.get_mut().get(t) {
        Some(th)
            if t != lua.cur_thread && th.status == CoStatus::Suspended && !th.frames.is_empty() =>
        {
            LUA_YIELD
        }
        _ => 0,
    }
}

/// `lua_concat`: concatenate the `n` top values (with `__concat`); `n`
/// 0 pushes the empty string, 1 leaves the value.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_concat(L: *mut lua_State, n: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let n = n.max(0) as usize;
        if n > lua.top - api_base(lua) {
            return Err(lua.plain_error("not enough values to concatenate"));
        }
        match n {
            0 => {
                let v = lua.new_str(b"");
                lua.push(v)?;
            }
            1 => {}
            _ => {
                let first = lua.top - n;
                let v = lua.concat(first, lua.top - 1)?;
                lua.stack[first] = v;
                lua.top = first + 1;
            }
        }
        lua.gc_check()
    })
}

/// `lua_gc`: the collector's controls, as 5.1 defines them.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gc(L: *mut lua_State, what: c_int, data: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        Ok(match what {
            0 => {
                lua.gc.stopped = true;
                0
            }
            1 => {
                lua.gc.stopped = false;
                0
            }
            2 => {
                lua.collect_garbage()?;
                0
            }
            3 => (lua.memory_in_use() >> 10) as c_int,
            4 => (lua.memory_in_use() & 0x3ff) as c_int,
            5 => {
                // A step runs a whole cycle here: it always ends one.
                lua.collect_garbage()?;
                1
            }
            6 => std::mem::replace(&mut lua.gc.pause, data.max(0) as usize) as c_int,
            7 => std::mem::replace(&mut lua.gc.stepmul, data.max(0) as usize) as c_int,
            _ => -1,
        })
    })
}

/// `lua_setlevel`: moves nothing here (5.1 uses it to copy the C-call
/// depth between threads; cellua keeps one depth per state).
///
/// # Safety
/// Always safe.
#[no_mangle]
pub unsafe extern "C" fn lua_setlevel(_from: *mut lua_State, _to: *mut lua_State) {
    // SAFETY: nothing is dereferenced.
}
