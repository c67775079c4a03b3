//! The debug library (manual §5.9), behaving as Debian's lua5.1, and the
//! activation-record queries it shares with the C debug API
//! (`capi::debug`): `debug_info` (`lua_getinfo`), `get_local`/`set_local`,
//! `get_upvalue`/`set_upvalue` and the traceback text.
//!
//! Activations are named as `lua_Debug.i_ci` names them: frame index + 1,
//! 0 for a call lost by a tail call (see `Lua::get_stack` in `vm::hooks`).
//! Every query works on the running thread's frames; the library functions
//! that take a thread switch it in for the query (`with_thread`), and
//! check their arguments before, so that no error is made while another
//! thread's frames are in place.

use super::{lib_table, num_to_int};
use crate::compiler::chunk_id;
use crate::compiler::opcodes::Instr;
use crate::error::LuaResult;
use crate::heap::{CoStatus, FrameKind};
use crate::value::{ThreadRef, Value};
use crate::vm::debug::{current_line, describe_register, local_name};
use crate::vm::hooks::{HookFn, MASK_CALL, MASK_COUNT, MASK_LINE, MASK_RET};
use crate::vm::Lua;

pub fn open(lua: &mut Lua) {
    let d = lib_table(lua, b"debug");
    lua.register(d, "debug", debug);
    lua.register(d, "getfenv", getfenv);
    lua.register(d, "gethook", gethook);
    lua.register(d, "getinfo", getinfo);
    lua.register(d, "getlocal", getlocal);
    lua.register(d, "getmetatable", getmetatable);
    lua.register(d, "getregistry", getregistry);
    lua.register(d, "getupvalue", getupvalue);
    lua.register(d, "setfenv", setfenv);
    lua.register(d, "sethook", sethook);
    lua.register(d, "setlocal", setlocal);
    lua.register(d, "setmetatable", setmetatable);
    lua.register(d, "setupvalue", setupvalue);
    lua.register(d, "traceback", traceback);
}

// ----- activation records ------------------------------------------------------

/// What `lua_getinfo` describes.
#[derive(Clone, Copy, Debug)]
pub enum InfoTarget {
    /// An activation, as `lua_Debug.i_ci` (0: a lost tail call).
    Level(usize),
    /// A function value (the `>` form).
    Func(Value),
}

/// The fields of `lua_Debug` that `lua_getinfo` fills, Rust-side.
#[derive(Clone, Debug)]
pub struct DebugInfo {
    /// Every option was known (`lua_getinfo`'s result).
    pub valid: bool,
    /// A lost tail call: every field below was set, whatever the options.
    pub tail: bool,
    pub what: &'static str,
    pub source: Vec<u8>,
    pub short_src: Vec<u8>,
    pub linedefined: i32,
    pub lastlinedefined: i32,
    pub currentline: i32,
    pub nups: i32,
    pub name: Option<Vec<u8>>,
    pub namewhat: &'static str,
    /// `f`: the function (None for a tail call).
    pub func: Option<Value>,
    /// `L`: the lines holding code (None for C functions and tail calls).
    pub activelines: Option<Vec<u32>>,
}

impl Default for DebugInfo {
    fn default() -> Self {
        DebugInfo {
            valid: true,
            tail: false,
            what: "",
            source: Vec::new(),
            short_src: Vec::new(),
            linedefined: -1,
            lastlinedefined: -1,
            currentline: -1,
            nups: 0,
            name: None,
            namewhat: "",
            func: None,
            activelines: None,
        }
    }
}

impl Lua {
    /// The function of activation `ci` (None for a lost tail call).
    fn activation_function(&self, ci: usize) -> Option<Value> {
        let f = self.frames.get(ci.checked_sub(1)?)?;
        Some(match &f.kind {
            FrameKind::Lua { closure, .. } => Value::LuaFunction(*closure),
            FrameKind::Native { func } => Value::NativeFunction(*func),
        })
    }

    /// How the function of frame `idx` was called (5.1's `getfuncname`):
    /// the name its caller's calling instruction gives it.
    fn called_as(&mut self, idx: usize) -> Option<(&'static str, Vec<u8>)> {
        let f = self.frames.get(idx)?;
        if (matches!(f.kind, FrameKind::Lua { .. }) && f.tailcalls > 0) || idx == 0 {
            return None;
        }
        let caller = &self.frames[idx - 1];
        let (proto, pc) = match &caller.kind {
            FrameKind::Lua { proto, .. } => (proto.clone(), caller.pc.saturating_sub(1)),
            FrameKind::Native { .. } => return None,
        };
        match proto.code.get(pc)? {
            Instr::Call { a, .. } | Instr::TailCall { a, .. } | Instr::TForLoop { a, .. } => {
                describe_register(&mut self.heap, &proto, pc, *a as usize)
            }
            _ => None,
        }
    }

    /// `lua_getinfo` with the options after any `>`.
    pub fn debug_info(&mut self, target: InfoTarget, opts: &[u8]) -> DebugInfo {
        let mut info = DebugInfo::default();
        let (func, ci) = match target {
            InfoTarget::Func(f) => (Some(f), None),
            InfoTarget::Level(ci) => (self.activation_function(ci), Some(ci)),
        };
        let Some(func) = func else {
            // A call lost by a tail call: 5.1's `info_tailcall`.
            info.tail = true;
            info.what = "tail";
            info.source = b"=(tail call)".to_vec();
            info.short_src = chunk_id(b"=(tail call)").into_bytes();
            info.name = Some(Vec::new());
            return info;
        };
        info.func = Some(func);
        for &o in opts {
            match o {
                b'S' => self.function_source(func, &mut info),
                b'l' => {
                    info.currentline = match ci.and_then(|c| self.frames.get(c - 1)) {
                        Some(f) => match &f.kind {
                            FrameKind::Lua { proto, .. } => current_line(proto, f.pc) as i32,
                            FrameKind::Native { .. } => -1,
                        },
                        None => -1,
                    }
                }
                b'u' => info.nups = self.upvalue_count(func) as i32,
                b'n' => {
                    let found = ci.and_then(|c| self.called_as(c - 1));
                    match found {
                        Some((what, name)) => {
                            info.namewhat = what;
                            info.name = Some(name);
                        }
                        None => {
                            info.namewhat = "";
                            info.name = None;
                        }
                    }
                }
                b'L' => {
                    if let Value::LuaFunction(cl) = func {
                        info.activelines = self
                            .heap
                            .closures
                            .get_mut()
                            .get(cl)
                            .map(|c| c.proto.lines.clone());
                    }
                }
                b'f' => {}
                _ => info.valid = false,
            }
        }
        info
    }

    /// The `S` fields of a function.
    fn function_source(&mut self, func: Value, info: &mut DebugInfo) {
        let proto = match func {
            Value::LuaFunction(cl) => self
                .heap
                .closures
                .get_mut()
                .get(cl)
                .map(|c| c.proto.clone()),
            _ => None,
        };
        match proto {
            Some(p) => {
                info.source = p.source.to_vec();
                info.linedefined = p.line_defined as i32;
                info.lastlinedefined = p.last_line_defined as i32;
                info.what = if p.line_defined == 0 { "main" } else { "Lua" };
            }
            None => {
                info.source = b"=[C]".to_vec();
                info.linedefined = -1;
                info.lastlinedefined = -1;
                info.what = "C";
            }
        }
        info.short_src = chunk_id(&info.source).into_bytes();
    }

    /// Number of upvalues of a function value.
    pub fn upvalue_count(&mut self, func: Value) -> usize {
        match func {
            Value::LuaFunction(cl) => self
                .heap
                .closures
                .get_mut()
                .get(cl)
                .map_or(0, |c| c.upvals.len()),
            Value::NativeFunction(nf) => self
                .heap
                .natives
                .get_mut()
                .get(nf)
                .map_or(0, |n| n.upvalues.len()),
            _ => 0,
        }
    }

    /// The name and stack slot of local `n` of activation `ci`
    /// (`lua_getlocal`): an active local of a Lua function, or else
    /// `(*temporary)` for a slot inside the activation's part of the stack.
    pub fn local_slot(&self, ci: usize, n: i32) -> Option<(Vec<u8>, usize)> {
        let idx = ci.checked_sub(1)?;
        let f = self.frames.get(idx)?;
        if n <= 0 {
            return None;
        }
        let n = n as usize;
        if let FrameKind::Lua { proto, .. } = &f.kind {
            if let Some(name) = local_name(proto, n - 1, f.pc.saturating_sub(1)) {
                return Some((name, f.base + n - 1));
            }
        }
        let limit = match self.frames.get(idx + 1) {
            Some(next) => next.func,
            None => self.top,
        };
        if limit.saturating_sub(f.base) >= n {
            Some((b"(*temporary)".to_vec(), f.base + n - 1))
        } else {
            None
        }
    }

    /// `lua_getlocal`: name and value of local `n` of activation `ci`.
    pub fn get_local(&self, ci: usize, n: i32) -> Option<(Vec<u8>, Value)> {
        let (name, slot) = self.local_slot(ci, n)?;
        Some((name, self.stack.get(slot).copied().unwrap_or(Value::Nil)))
    }

    /// `lua_setlocal`: store `v` into local `n` of activation `ci`.
    pub fn set_local(&mut self, ci: usize, n: i32, v: Value) -> Option<Vec<u8>> {
        let (name, slot) = self.local_slot(ci, n)?;
        *self.stack.get_mut(slot)? = v;
        Some(name)
    }

    /// `lua_getupvalue`: name (`""` for a C function's) and value of
    /// upvalue `n` of a function.
    pub fn get_upvalue(&mut self, func: Value, n: i32) -> Option<(Vec<u8>, Value)> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        match func {
            Value::LuaFunction(cl) => {
                let c = self.heap.closures.get_mut().get(cl)?;
                let name = c.proto.upvalues.get(i)?.name.clone();
                let uv = *c.upvals.get(i)?;
                Some((name, self.upval_get(uv)))
            }
            Value::NativeFunction(nf) => {
                let v = *self.heap.natives.get_mut().get(nf)?.upvalues.get(i)?;
                Some((Vec::new(), v))
            }
            _ => None,
        }
    }

    /// `lua_setupvalue`: store `v` into upvalue `n` of a function.
    pub fn set_upvalue(&mut self, func: Value, n: i32, v: Value) -> Option<Vec<u8>> {
        let i = usize::try_from(n).ok()?.checked_sub(1)?;
        match func {
            Value::LuaFunction(cl) => {
                let c = self.heap.closures.get_mut().get(cl)?;
                let name = c.proto.upvalues.get(i)?.name.clone();
                let uv = *c.upvals.get(i)?;
                self.upval_set(uv, v);
                Some(name)
            }
            Value::NativeFunction(nf) => {
                let slot = self
                    .heap
                    .natives
                    .get_mut()
                    .get_mut(nf)?
                    .upvalues
                    .get_mut(i)?;
                *slot = v;
                Some(Vec::new())
            }
            _ => None,
        }
    }
}

/// Run a query `f` on thread `t`'s frames and stack (the running thread's
/// when `t` is None or running). `f` must not run Lua code or raise.
pub fn with_thread<R>(lua: &mut Lua, t: Option<ThreadRef>, f: impl FnOnce(&mut Lua) -> R) -> R {
    let Some(t) = t.filter(|&t| t != lua.cur_thread) else {
        return f(lua);
    };
    let Some(status) = lua.heap.threads.get_mut().get(t).map(|th| th.status) else {
        return f(lua);
    };
    let prev = lua.cur_thread;
    lua.park(prev, CoStatus::Normal);
    lua.unpark(t);
    // A suspended coroutine's values went to its resumer: 5.1 has moved
    // them off its stack, so they are no longer its `yield`'s slots.
    let saved_top = lua.top;
    if status == CoStatus::Suspended {
        if let Some(fr) = lua.frames.last() {
            lua.top = lua.top.min(fr.base);
        }
    }
    let r = f(lua);
    lua.top = saved_top;
    lua.park(t, status);
    lua.unpark(prev);
    r
}

/// First part and last part of a long traceback (5.1's LEVELS1, LEVELS2).
const LEVELS1: i64 = 12;
const LEVELS2: i64 = 10;

/// The lines of a traceback from `level` down (each `\n\t...`), as 5.1's
/// `debug.traceback` writes them, on the running thread.
pub fn traceback_lines(lua: &mut Lua, level: i64) -> Vec<u8> {
    let runs = lua.stack_levels();
    // Levels as runs: the level numbers each run starts at.
    let mut starts = Vec::with_capacity(runs.len());
    let mut total: i64 = 0;
    for &(_, n) in &runs {
        starts.push(total);
        total = total.saturating_add(n.min(i64::MAX as u64) as i64);
    }
    let ci_at = |lv: i64| -> Option<usize> {
        if lv < 0 {
            return Some(0);
        }
        if lv >= total {
            return None;
        }
        let r = starts.partition_point(|&s| s <= lv) - 1;
        Some(runs[r].0.map_or(0, |i| i + 1))
    };
    let mut out = Vec::new();
    let mut level = level;
    let mut first_part = true;
    while let Some(ci) = ci_at(level) {
        level += 1;
        if level > LEVELS1 && first_part {
            if ci_at(level + LEVELS2).is_none() {
                level -= 1;
            } else {
                out.extend_from_slice(b"\n\t...");
                level = level.max(total - LEVELS2);
            }
            first_part = false;
            continue;
        }
        let info = lua.debug_info(InfoTarget::Level(ci), b"Snl");
        out.extend_from_slice(b"\n\t");
        out.extend_from_slice(&info.short_src);
        out.push(b':');
        if info.currentline > 0 {
            out.extend_from_slice(format!("{}:", info.currentline).as_bytes());
        }
        if !info.namewhat.is_empty() {
            out.extend_from_slice(b" in function '");
            out.extend_from_slice(info.name.as_deref().unwrap_or(b""));
            out.push(b'\'');
        } else if info.what == "main" {
            out.extend_from_slice(b" in main chunk");
        } else if info.what == "C" || info.what == "tail" {
            out.extend_from_slice(b" ?");
        } else {
            out.extend_from_slice(b" in function <");
            out.extend_from_slice(&info.short_src);
            out.extend_from_slice(format!(":{}>", info.linedefined).as_bytes());
        }
    }
    out
}

// ----- the library -------------------------------------------------------------

/// An optional thread first argument (5.1's `getthread`): the thread, and
/// how many arguments it takes.
fn thread_arg(lua: &Lua) -> (Option<ThreadRef>, usize) {
    match lua.arg(1) {
        Value::Thread(t) => (Some(t), 1),
        _ => (None, 0),
    }
}

/// `lua_isnumber` + `(int)lua_tointeger`.
fn int_arg(lua: &mut Lua, i: usize) -> Option<i64> {
    let v = lua.arg(i);
    lua.to_number(v).map(|n| num_to_int(n) as i32 as i64)
}

fn is_function(v: Value) -> bool {
    matches!(v, Value::LuaFunction(_) | Value::NativeFunction(_))
}

fn opt_str(lua: &mut Lua, b: Option<&[u8]>) -> Value {
    match b {
        Some(s) => lua.new_str(s),
        None => Value::Nil,
    }
}

/// `debug.getinfo([thread,] f|level [, what])`.
fn getinfo(lua: &mut Lua) -> LuaResult<usize> {
    let (th, arg) = thread_arg(lua);
    let opts = lua.opt_bytes(arg + 2, b"flnSu")?;
    let target = match int_arg(lua, arg + 1) {
        Some(level) => match with_thread(lua, th, |l| l.get_stack(level)) {
            Some(ci) => InfoTarget::Level(ci),
            None => return lua.ret(&[Value::Nil]),
        },
        None => {
            let f = lua.arg(arg + 1);
            if !is_function(f) {
                return Err(lua.arg_error(arg + 1, "function or level expected"));
            }
            InfoTarget::Func(f)
        }
    };
    let mut info = with_thread(lua, th, |l| l.debug_info(target, &opts));
    if matches!(target, InfoTarget::Level(_)) && opts.first() == Some(&b'>') && !info.tail {
        // `>` takes a function from the stack: meaningless with a level.
        info.valid = false;
    }
    if !info.valid {
        return Err(lua.arg_error(arg + 2, "invalid option"));
    }
    let t = lua.heap.new_table(0, 2);
    let has = |c: u8| opts.contains(&c);
    let mut fields: Vec<(&[u8], Value)> = Vec::new();
    if has(b'S') {
        let source = lua.new_str(&info.source);
        let short = lua.new_str(&info.short_src);
        let what = lua.new_str(info.what.as_bytes());
        fields.push((b"source", source));
        fields.push((b"short_src", short));
        fields.push((b"linedefined", Value::Number(info.linedefined as f64)));
        fields.push((
            b"lastlinedefined",
            Value::Number(info.lastlinedefined as f64),
        ));
        fields.push((b"what", what));
    }
    if has(b'l') {
        fields.push((b"currentline", Value::Number(info.currentline as f64)));
    }
    if has(b'u') {
        fields.push((b"nups", Value::Number(info.nups as f64)));
    }
    if has(b'n') {
        let name = opt_str(lua, info.name.as_deref());
        let namewhat = lua.new_str(info.namewhat.as_bytes());
        fields.push((b"name", name));
        fields.push((b"namewhat", namewhat));
    }
    if has(b'L') {
        if let Some(lines) = &info.activelines {
            let lt = lua.heap.new_table(0, lines.len());
            for &l in lines {
                let _ = lua.raw_set(lt, Value::Number(l as f64), Value::Boolean(true));
            }
            fields.push((b"activelines", Value::Table(lt)));
        }
    }
    if has(b'f') {
        if let Some(f) = info.func {
            fields.push((b"func", f));
        }
    }
    for (k, v) in fields {
        if !v.is_nil() {
            lua.set_field(t, k, v);
        }
    }
    lua.ret(&[Value::Table(t)])
}

/// `debug.getlocal([thread,] level, local)`.
fn getlocal(lua: &mut Lua) -> LuaResult<usize> {
    let (th, arg) = thread_arg(lua);
    let level = lua.check_cint(arg + 1)?;
    let Some(ci) = with_thread(lua, th, |l| l.get_stack(level)) else {
        return Err(lua.arg_error(arg + 1, "level out of range"));
    };
    let n = lua.check_cint(arg + 2)? as i32;
    match with_thread(lua, th, |l| l.get_local(ci, n)) {
        Some((name, v)) => {
            let s = lua.new_str(&name);
            lua.ret(&[s, v])
        }
        None => lua.ret(&[Value::Nil]),
    }
}

/// `debug.setlocal([thread,] level, local, value)`.
fn setlocal(lua: &mut Lua) -> LuaResult<usize> {
    let (th, arg) = thread_arg(lua);
    let level = lua.check_cint(arg + 1)?;
    let Some(ci) = with_thread(lua, th, |l| l.get_stack(level)) else {
        return Err(lua.arg_error(arg + 1, "level out of range"));
    };
    let v = lua.check_any(arg + 3)?;
    let n = lua.check_cint(arg + 2)? as i32;
    // As 5.1 (`lua_settop(L, arg + 3)`): this function's own window, level
    // 0, ends with the value.
    let keep = lua.top;
    let base = lua.frames.last().map_or(0, |f| f.base);
    lua.top = lua.top.min(base + arg + 3);
    let name = with_thread(lua, th, |l| l.set_local(ci, n, v));
    lua.top = keep;
    let r = opt_str(lua, name.as_deref());
    lua.ret(&[r])
}

/// Upvalue index and function for get/setupvalue, checked in 5.1's
/// order; None for a C function (Lua code may not touch its upvalues).
fn upvalue_args(lua: &mut Lua) -> LuaResult<Option<(Value, i32)>> {
    let n = lua.check_cint(2)? as i32;
    let f = lua.arg(1);
    if !is_function(f) {
        return Err(lua.arg_type_error(1, "function"));
    }
    if matches!(f, Value::NativeFunction(_)) {
        return Ok(None);
    }
    Ok(Some((f, n)))
}

/// `debug.getupvalue(f, up)`.
fn getupvalue(lua: &mut Lua) -> LuaResult<usize> {
    let Some((f, n)) = upvalue_args(lua)? else {
        return Ok(0);
    };
    match lua.get_upvalue(f, n) {
        Some((name, v)) => {
            let s = lua.new_str(&name);
            lua.ret(&[s, v])
        }
        None => Ok(0),
    }
}

/// `debug.setupvalue(f, up, value)`.
fn setupvalue(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(3)?;
    let Some((f, n)) = upvalue_args(lua)? else {
        return Ok(0);
    };
    match lua.set_upvalue(f, n, v) {
        Some(name) => {
            let s = lua.new_str(&name);
            lua.ret(&[s])
        }
        None => Ok(0),
    }
}

/// `debug.sethook([thread,] hook, mask [, count])`, or with no hook:
/// hooks off.
fn sethook(lua: &mut Lua) -> LuaResult<usize> {
    let (th, arg) = thread_arg(lua);
    let t = th.unwrap_or(lua.cur_thread);
    let hook = lua.arg(arg + 1);
    let (func, mask, count) = if hook.is_nil() {
        (None, 0, 0)
    } else {
        let smask = lua.check_bytes(arg + 2)?;
        if !is_function(hook) {
            return Err(lua.arg_type_error(arg + 1, "function"));
        }
        let count = lua.opt_cint(arg + 3, 0)?;
        let mut mask = 0;
        for (c, m) in [(b'c', MASK_CALL), (b'r', MASK_RET), (b'l', MASK_LINE)] {
            if smask.contains(&c) {
                mask |= m;
            }
        }
        if count > 0 {
            mask |= MASK_COUNT;
        }
        (Some(HookFn::Lua), mask, count as i32)
    };
    let tab = lua.hook_table();
    lua.raw_set(tab, Value::Thread(t), hook)?;
    lua.set_hook(t, func, mask, count);
    Ok(0)
}

/// `debug.gethook([thread])`: hook function (or "external hook" for a C
/// hook), mask string and count.
fn gethook(lua: &mut Lua) -> LuaResult<usize> {
    let (th, _) = thread_arg(lua);
    let t = th.unwrap_or(lua.cur_thread);
    let st = lua.hook_of(t);
    let hook = match st.func {
        Some(HookFn::C(_)) => lua.new_str(b"external hook"),
        _ => {
            let tab = lua.hook_table();
            lua.raw_get(tab, &Value::Thread(t))
        }
    };
    let mut smask = Vec::new();
    for (c, m) in [(b'c', MASK_CALL), (b'r', MASK_RET), (b'l', MASK_LINE)] {
        if st.mask & m != 0 {
            smask.push(c);
        }
    }
    let smask = lua.new_str(&smask);
    lua.ret(&[hook, smask, Value::Number(st.base_count as f64)])
}

/// `debug.getfenv(o)`.
fn getfenv(lua: &mut Lua) -> LuaResult<usize> {
    let o = lua.check_any(1)?;
    let env = match o {
        Value::LuaFunction(c) => lua.heap.closures.get_mut().get(c).map(|c| c.env),
        Value::NativeFunction(n) => lua.heap.natives.get_mut().get(n).map(|n| n.env),
        Value::UserData(u) => lua.heap.userdata.get_mut().get(u).map(|u| u.env),
        Value::Thread(t) if t == lua.cur_thread => Some(lua.globals),
        Value::Thread(t) => lua.heap.threads.get_mut().get(t).map(|th| th.env),
        _ => None,
    };
    lua.ret(&[env.map_or(Value::Nil, Value::Table)])
}

/// `debug.setfenv(o, table)`: returns `o`.
fn setfenv(lua: &mut Lua) -> LuaResult<usize> {
    let Value::Table(env) = lua.arg(2) else {
        return Err(lua.arg_type_error(2, "table"));
    };
    let o = lua.arg(1);
    let done = match o {
        Value::LuaFunction(c) => {
            super::base::set_closure_env(lua, c, env);
            true
        }
        Value::NativeFunction(n) => match lua.heap.natives.get_mut().get_mut(n) {
            Some(nat) => {
                nat.env = env;
                true
            }
            None => false,
        },
        Value::UserData(u) => match lua.heap.userdata.get_mut().get_mut(u) {
            Some(ud) => {
                ud.env = env;
                true
            }
            None => false,
        },
        Value::Thread(t) => {
            if t == lua.cur_thread {
                lua.globals = env;
            }
            match lua.heap.threads.get_mut().get_mut(t) {
                Some(th) => {
                    th.env = env;
                    true
                }
                None => false,
            }
        }
        _ => false,
    };
    if !done {
        return Err(lua.lib_error("'setfenv' cannot change environment of given object"));
    }
    lua.ret(&[o])
}

/// `debug.getmetatable(o)`: the metatable, ignoring `__metatable`.
fn getmetatable(lua: &mut Lua) -> LuaResult<usize> {
    let o = lua.check_any(1)?;
    let mt = lua.get_metatable(o);
    lua.ret(&[mt.map_or(Value::Nil, Value::Table)])
}

/// `debug.setmetatable(o, mt)`: for any type (per-type metatables for
/// types other than tables and userdata); returns true.
fn setmetatable(lua: &mut Lua) -> LuaResult<usize> {
    let mt = match lua.arg(2) {
        Value::Table(t) => Some(t),
        Value::Nil if lua.nargs() >= 2 => None,
        _ => return Err(lua.arg_error(2, "nil or table expected")),
    };
    match lua.arg(1) {
        Value::Table(t) => lua.heap.table(t)?.metatable = mt,
        Value::UserData(u) => {
            if let Some(ud) = lua.heap.userdata.get_mut().get_mut(u) {
                ud.metatable = mt;
            }
        }
        other => lua.type_mt[other.lua_type() as usize] = mt,
    }
    lua.ret(&[Value::Boolean(true)])
}

/// `debug.getregistry()`.
fn getregistry(lua: &mut Lua) -> LuaResult<usize> {
    let r = lua.registry;
    lua.ret(&[Value::Table(r)])
}

/// `debug.debug()`: run lines read from standard input until `cont` (or
/// end of input), reporting errors on standard error.
fn debug(lua: &mut Lua) -> LuaResult<usize> {
    use std::io::Write;
    let base = lua.top;
    loop {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(b"lua_debug> ");
        let Some(line) = crate::capi::debug::read_stdin_line(250) else {
            return Ok(0);
        };
        if line == b"cont\n" {
            return Ok(0);
        }
        let r = match lua.load(&line, b"=(debug command)") {
            Ok(f) => {
                let func = lua.top;
                lua.push(f)?;
                lua.pcall(func, 0, None)
            }
            Err(e) => Err(lua.error_value(e)),
        };
        if let Err(v) = r {
            let mut msg = match v {
                Value::String(_) | Value::Number(_) => lua.tostring_raw(v),
                // 5.1 prints `lua_tostring` of it: NULL, which glibc's
                // fputs would crash on; say what it is instead.
                other => format!("({} error object)", other.type_name()).into_bytes(),
            };
            msg.push(b'\n');
            let _ = std::io::stderr().write_all(&msg);
        }
        lua.top = base;
    }
}

/// `debug.traceback([thread,] [message [, level]])`, with 5.1's handling
/// of its arguments: a non-string message is returned as is, and the
/// level is taken off the top only when it is a number.
fn traceback(lua: &mut Lua) -> LuaResult<usize> {
    let (th, arg) = thread_arg(lua);
    let same = th.is_none_or(|t| t == lua.cur_thread);
    let base = lua.frames.last().map_or(0, |f| f.base);
    let level = match int_arg(lua, arg + 2) {
        Some(l) => {
            lua.top -= 1;
            l
        }
        // Level 0 of the running thread is this function.
        None => i64::from(same),
    };
    let top = lua.nargs();
    if top == arg {
        let e = lua.new_str(b"");
        lua.push(e)?;
    } else if !matches!(lua.arg(arg + 1), Value::String(_) | Value::Number(_)) {
        return Ok(1);
    } else {
        let nl = lua.new_str(b"\n");
        lua.push(nl)?;
    }
    let mut text = b"stack traceback:".to_vec();
    let lines = with_thread(lua, th, |l| traceback_lines(l, level));
    text.extend_from_slice(&lines);
    let s = lua.new_big_str(&text)?;
    lua.push(s)?;
    let first = base + arg;
    let r = lua.concat(first, lua.top - 1)?;
    lua.top = first;
    lua.ret(&[r])
}
