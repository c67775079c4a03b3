//! The base library (5.1 manual §5.1) and the coroutine library (§5.2).

use super::lib_table;
use crate::error::{LuaError, LuaResult};
use crate::heap::{CoStatus, FrameKind, UserData};
use crate::number::{str_to_number, str_to_number_base};
use crate::value::Value;
use crate::vm::{Lua, MULTRET};

pub fn open(lua: &mut Lua) {
    let g = lua.globals;
    lua.register(g, "print", print);
    lua.register(g, "type", type_);
    lua.register(g, "tostring", tostring);
    lua.register(g, "tonumber", tonumber);
    lua.register(g, "next", next);
    // As in 5.1, `pairs` returns its own `next` (not the global one, which a
    // script may replace) and `ipairs` always the same iterator.
    let pairs_next = lua.new_native(next, "next", Vec::new());
    let f = lua.new_native(pairs, "pairs", vec![pairs_next]);
    lua.set_field(g, b"pairs", f);
    let iter = lua.new_native(ipairs_aux, "ipairs_aux", Vec::new());
    let f = lua.new_native(ipairs, "ipairs", vec![iter]);
    lua.set_field(g, b"ipairs", f);
    lua.register(g, "select", select);
    lua.register(g, "unpack", unpack);
    lua.register(g, "rawget", rawget);
    lua.register(g, "rawset", rawset);
    lua.register(g, "rawequal", rawequal);
    lua.register(g, "setmetatable", setmetatable);
    lua.register(g, "getmetatable", getmetatable);
    lua.register(g, "assert", assert);
    lua.register(g, "error", error);
    lua.register(g, "pcall", pcall);
    lua.register(g, "xpcall", xpcall);
    lua.register(g, "loadstring", loadstring);
    lua.register(g, "load", load);
    lua.register(g, "loadfile", loadfile);
    lua.register(g, "dofile", dofile);
    lua.register(g, "getfenv", getfenv);
    lua.register(g, "setfenv", setfenv);
    lua.register(g, "collectgarbage", collectgarbage);
    lua.register(g, "gcinfo", gcinfo);
    // `newproxy(p)` accepts only proxies made by `newproxy(true)`: their
    // metatables are the keys of a weak table kept as its upvalue.
    let made = lua.heap.new_table(0, 0);
    let made_mt = lua.heap.new_table(0, 1);
    let mode = lua.new_str(b"k");
    lua.set_field(made_mt, b"__mode", mode);
    if let Ok(t) = lua.heap.table(made) {
        t.metatable = Some(made_mt);
    }
    let f = lua.new_native(newproxy, "newproxy", vec![Value::Table(made)]);
    lua.set_field(g, b"newproxy", f);
    let v = lua.new_str(b"Lua 5.1");
    lua.set_field(g, b"_VERSION", v);

    let co = lib_table(lua, b"coroutine");
    lua.register(co, "create", co_create);
    lua.register(co, "resume", co_resume);
    lua.register(co, "yield", co_yield);
    lua.register(co, "status", co_status);
    lua.register(co, "wrap", co_wrap);
    lua.register(co, "running", co_running);
}

/// 5.1's LUAI_MAXCSTACK: how many values a library function may push
/// (`lua_checkstack` refuses more).
pub const MAX_C_STACK: usize = 8000;

fn print(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    let g = lua.globals;
    let tostring_fn = lua.get_field(g, b"tostring");
    // Called once per argument: keep it rooted between the calls.
    let npinned = lua.pinned.len();
    lua.pinned.push(tostring_fn);
    let r = print_args(lua, n, tostring_fn);
    lua.pinned.truncate(npinned);
    r
}

/// 5.1's print: each argument through `tostring`, written to C's `stdout`
/// with tabs between and a newline after. What 5.1 writes before calling
/// a `tostring` (or failing on its result) is written before that call
/// here too; pieces with no call between them are gathered and written
/// with one `fwrite`.
fn print_args(lua: &mut Lua, n: usize, tostring_fn: Value) -> LuaResult<usize> {
    // 5.1 calls the global `tostring` for every argument; only while it is
    // still the base library's own can strings and numbers skip the call.
    let builtin = match tostring_fn {
        Value::NativeFunction(f) => lua
            .heap
            .natives
            .get_mut()
            .get(f)
            .is_some_and(|n| n.cfunc.is_none() && n.name == "tostring"),
        _ => false,
    };
    // 5.1 writes each piece with fputs: it ends at an embedded zero.
    fn put(out: &mut Vec<u8>, s: &[u8]) {
        let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
        out.extend_from_slice(&s[..end]);
    }
    let mut out = Vec::with_capacity(64);
    for i in 1..=n {
        let v = lua.arg(i);
        match v {
            Value::String(s) if builtin => {
                if i > 1 {
                    out.push(b'\t');
                }
                put(&mut out, lua.heap.str_bytes(s));
            }
            Value::Number(x) if builtin => {
                if i > 1 {
                    out.push(b'\t');
                }
                crate::number::fmt_number(x, &mut out);
            }
            _ => {
                // The call may write to stdout itself: what came before
                // goes out first.
                super::io::stdout_write(&out);
                out.clear();
                let r = lua.call1(tostring_fn, &[v])?;
                if i > 1 && matches!(r, Value::String(_) | Value::Number(_)) {
                    out.push(b'\t');
                }
                match r {
                    Value::String(s) => put(&mut out, lua.heap.str_bytes(s)),
                    Value::Number(x) => {
                        let b = lua.tostring_raw(Value::Number(x));
                        put(&mut out, &b);
                    }
                    _ => return Err(lua.lib_error("'tostring' must return a string to 'print'")),
                }
            }
        }
    }
    out.push(b'\n');
    super::io::stdout_write(&out);
    Ok(0)
}

fn type_(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(1)?;
    let s = lua.new_str(v.type_name().as_bytes());
    lua.ret(&[s])
}

fn tostring(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(1)?;
    let s = lua.tostring(v)?;
    lua.ret(&[s])
}

fn tonumber(lua: &mut Lua) -> LuaResult<usize> {
    let base = lua.opt_cint(2, 10)?;
    let r = if base == 10 {
        let v = lua.check_any(1)?;
        match v {
            Value::Number(_) => v,
            Value::String(s) => match str_to_number(lua.heap.str_bytes(s)) {
                Some(n) => Value::Number(n),
                None => Value::Nil,
            },
            _ => Value::Nil,
        }
    } else {
        let s = lua.check_bytes(1)?;
        if !(2..=36).contains(&base) {
            return Err(lua.arg_error(2, "base out of range"));
        }
        // 5.1 converts with strtoul: the string ends at its first zero.
        let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
        match str_to_number_base(&s[..end], base as u32) {
            Some(n) => Value::Number(n),
            None => Value::Nil,
        }
    };
    lua.ret(&[r])
}

fn next(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let k = lua.arg(2);
    let r = match lua.heap.table(t)?.next(&k) {
        Ok(r) => r,
        Err(()) => return Err(lua.plain_error("invalid key to 'next'")),
    };
    match r {
        Some((k, v)) => lua.ret(&[k, v]),
        None => lua.ret(&[Value::Nil]),
    }
}

fn pairs(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let nextf = lua.native_upvalue(1);
    lua.ret(&[nextf, Value::Table(t), Value::Nil])
}

fn ipairs_aux(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let i = lua.check_cint(2)? + 1;
    let v = lua.heap.table(t)?.get_int(i);
    if v.is_nil() {
        Ok(0)
    } else {
        lua.ret(&[Value::Number(i as f64), v])
    }
}

fn ipairs(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let f = lua.native_upvalue(1);
    lua.ret(&[f, Value::Table(t), Value::Number(0.0)])
}

fn select(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    // 5.1 looks only at the first character: "#anything" counts too.
    if let Value::String(s) = lua.arg(1) {
        if lua.heap.str_bytes(s).first() == Some(&b'#') {
            return lua.ret(&[Value::Number((n - 1) as f64)]);
        }
    }
    let i = lua.check_cint(1)?;
    let count = n as i64 - 1;
    let i = if i < 0 {
        count + i
    } else if i == 0 {
        return Err(lua.arg_error(1, "index out of range"));
    } else {
        i - 1
    };
    if i < 0 {
        return Err(lua.arg_error(1, "index out of range"));
    }
    // The results are the arguments after `i`: already on top of the stack.
    Ok((count - i).max(0) as usize)
}

fn unpack(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let i = lua.opt_cint(2, 1)?;
    let e = if lua.arg(3).is_nil() {
        lua.heap.table(t)?.len() as i64
    } else {
        lua.check_cint(3)?
    };
    if i > e {
        return Ok(0);
    }
    // `e - i + 1` in C int arithmetic: an overflow is "too many results",
    // and so is more than 5.1's C stack limit (`lua_checkstack`).
    let n = (e - i + 1) as i32 as i64;
    if n <= 0 || lua.nargs() + n as usize > MAX_C_STACK {
        return Err(lua.lib_error("too many results to unpack"));
    }
    let n = n as usize;
    lua.ensure_stack(lua.top + n + crate::vm::MIN_STACK)?;
    for k in 0..n {
        let v = lua.heap.table(t)?.get_int(i + k as i64);
        lua.push(v)?;
    }
    Ok(n)
}

fn rawget(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let k = lua.check_any(2)?;
    let v = lua.raw_get(t, &k);
    lua.ret(&[v])
}

fn rawset(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let k = lua.check_any(2)?;
    let v = lua.check_any(3)?;
    lua.raw_set(t, k, v)?;
    lua.ret(&[Value::Table(t)])
}

fn rawequal(lua: &mut Lua) -> LuaResult<usize> {
    let a = lua.check_any(1)?;
    let b = lua.check_any(2)?;
    lua.ret(&[Value::Boolean(a.raw_eq(&b))])
}

fn setmetatable(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let mt = match lua.arg(2) {
        Value::Nil if lua.nargs() >= 2 => None,
        Value::Table(m) => Some(m),
        _ => return Err(lua.arg_error(2, "nil or table expected")),
    };
    if !lua
        .meta_field(Value::Table(t), lua.names.metatable)
        .is_nil()
    {
        return Err(lua.lib_error("cannot change a protected metatable"));
    }
    lua.heap.table(t)?.metatable = mt;
    lua.ret(&[Value::Table(t)])
}

fn getmetatable(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(1)?;
    match lua.get_metatable(v) {
        None => lua.ret(&[Value::Nil]),
        Some(mt) => {
            let protected = lua.meta_field(v, lua.names.metatable);
            if protected.is_nil() {
                lua.ret(&[Value::Table(mt)])
            } else {
                lua.ret(&[protected])
            }
        }
    }
}

fn assert(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(1)?;
    if v.truthy() {
        return Ok(lua.nargs());
    }
    let msg = lua.opt_bytes(2, b"assertion failed!")?;
    Err(lua.lib_error(msg))
}

fn error(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.arg(1);
    let level = lua.opt_cint(2, 1)?;
    if matches!(v, Value::String(_) | Value::Number(_)) && level > 0 {
        let mut msg = lua.where_(level as usize);
        msg.extend_from_slice(&lua.tostring_raw(v));
        return Err(LuaError::Runtime(lua.new_str(&msg)));
    }
    Err(LuaError::Runtime(v))
}

fn pcall(lua: &mut Lua) -> LuaResult<usize> {
    lua.check_any(1)?;
    let func = lua.top - lua.nargs();
    protected_results(lua, func, None)
}

fn xpcall(lua: &mut Lua) -> LuaResult<usize> {
    lua.check_any(2)?;
    let f = lua.arg(1);
    let h = lua.arg(2);
    let func = lua.top;
    lua.push(f)?;
    protected_results(lua, func, Some(h))
}

/// Call `stack[func]` protected; results `true, ...` or `false, error`.
fn protected_results(lua: &mut Lua, func: usize, handler: Option<Value>) -> LuaResult<usize> {
    match lua.pcall(func, MULTRET, handler) {
        Ok(()) => {
            let n = lua.top - func;
            lua.ensure_stack(lua.top + 1)?;
            lua.stack.copy_within(func..lua.top, func + 1);
            lua.stack[func] = Value::Boolean(true);
            lua.top += 1;
            Ok(n + 1)
        }
        Err(e) => lua.ret(&[Value::Boolean(false), e]),
    }
}

/// Push the result of a load: the function, or nil and the message.
fn load_result(lua: &mut Lua, r: LuaResult<Value>) -> LuaResult<usize> {
    match r {
        Ok(f) => lua.ret(&[f]),
        Err(LuaError::Syntax(msg)) => {
            let m = lua.new_str(msg.as_bytes());
            lua.ret(&[Value::Nil, m])
        }
        Err(e) => {
            let v = lua.error_value(e);
            lua.ret(&[Value::Nil, v])
        }
    }
}

fn loadstring(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_bytes(1)?;
    let name = lua.opt_bytes(2, &s)?;
    let r = lua.load(&s, &name);
    load_result(lua, r)
}

fn load(lua: &mut Lua) -> LuaResult<usize> {
    // 5.1 checks the chunk name before the reader.
    let name = lua.opt_bytes(2, b"=(load)")?;
    let f = lua.arg(1);
    if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(1, "function"));
    }
    let mut src = Vec::new();
    loop {
        // Protected: a failing reader makes `load` return nil and the error.
        let func = lua.top;
        lua.push(f)?;
        let piece = match lua.pcall(func, 1, None) {
            Ok(()) => {
                lua.top = func;
                lua.stack[func]
            }
            Err(e) => return lua.ret(&[Value::Nil, e]),
        };
        match piece {
            Value::Nil => break,
            Value::String(_) | Value::Number(_) => {
                let b = lua.tostring_raw(piece);
                if b.is_empty() {
                    break;
                }
                src.extend_from_slice(&b);
            }
            _ => {
                // Raised inside the load (luaL_error): the caller's position.
                let mut msg = lua.where_(1);
                msg.extend_from_slice(b"reader function must return a string");
                let m = lua.new_str(&msg);
                return lua.ret(&[Value::Nil, m]);
            }
        }
    }
    let r = lua.load(&src, &name);
    load_result(lua, r)
}

/// `luaL_loadfile`: `None` path reads stdin.
pub fn load_file(lua: &mut Lua, path: Option<&[u8]>) -> LuaResult<Value> {
    let (src, name) = match path {
        Some(p) => match read_file(p) {
            Ok(s) => {
                let mut n = b"@".to_vec();
                n.extend_from_slice(p);
                (s, n)
            }
            Err((what, e)) => {
                // 5.1: "cannot open x: ..." or, when the open worked but
                // the read failed (a directory), "cannot read x: ...".
                let mut msg = format!("cannot {what} ").into_bytes();
                msg.extend_from_slice(p);
                msg.extend_from_slice(b": ");
                msg.extend_from_slice(crate::stdlib::os_io::describe_io_error(&e).as_bytes());
                return Err(LuaError::Runtime(lua.new_str(&msg)));
            }
        },
        None => {
            let mut s = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut s);
            (s, b"=stdin".to_vec())
        }
    };
    lua.load(skip_hash_line(&src), &name)
}

/// Read a whole file as C's `fopen` sees its name (up to the first zero
/// byte); the error says which step failed ("open" or "read").
fn read_file(path: &[u8]) -> Result<Vec<u8>, (&'static str, std::io::Error)> {
    use std::io::Read;
    let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
    let name = &path[..end];
    #[cfg(unix)]
    let os_name = {
        use std::os::unix::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(name).to_owned()
    };
    #[cfg(not(unix))]
    let os_name = std::ffi::OsString::from(String::from_utf8_lossy(name).into_owned());
    let mut f = std::fs::File::open(&os_name).map_err(|e| ("open", e))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).map_err(|e| ("read", e))?;
    Ok(buf)
}

/// Files may start with a `#` line (`#!/usr/bin/lua`): drop its text but
/// keep its newline so line numbers stay right.
fn skip_hash_line(src: &[u8]) -> &[u8] {
    if src.first() == Some(&b'#') {
        let nl = src.iter().position(|&c| c == b'\n').unwrap_or(src.len());
        if src.get(nl + 1) == Some(&crate::compiler::bytecode::ESC) {
            return &src[nl + 1..]; // a binary chunk after the `#!` line
        }
        &src[nl..]
    } else {
        src
    }
}

fn loadfile(lua: &mut Lua) -> LuaResult<usize> {
    let p = if lua.arg(1).is_nil() {
        None
    } else {
        Some(lua.check_bytes(1)?)
    };
    let r = load_file(lua, p.as_deref());
    load_result(lua, r)
}

fn dofile(lua: &mut Lua) -> LuaResult<usize> {
    let p = if lua.arg(1).is_nil() {
        None
    } else {
        Some(lua.check_bytes(1)?)
    };
    let f = load_file(lua, p.as_deref())?;
    let func = lua.top;
    lua.push(f)?;
    lua.call(func, MULTRET)?;
    Ok(lua.top - func)
}

/// The function at `level` for getfenv/setfenv (level 1 = the caller).
fn level_function(lua: &mut Lua, level: i64) -> LuaResult<Value> {
    let idx = match lua.stack_level(level.max(0) as usize) {
        Some(Some(idx)) if level >= 0 => idx,
        Some(None) => {
            let msg = format!("no function environment for tail call at level {level}");
            return Err(lua.lib_error(msg));
        }
        _ => return Err(lua.arg_error(1, "invalid level")),
    };
    let fr = &lua.frames[idx];
    Ok(match &fr.kind {
        FrameKind::Lua { closure, .. } => Value::LuaFunction(*closure),
        FrameKind::Native { func } => Value::NativeFunction(*func),
    })
}

fn getfenv(lua: &mut Lua) -> LuaResult<usize> {
    let f = match lua.arg(1) {
        v @ (Value::LuaFunction(_) | Value::NativeFunction(_)) => v,
        _ => {
            let level = lua.opt_cint(1, 1)?;
            if level < 0 {
                return Err(lua.arg_error(1, "level must be non-negative"));
            }
            if level == 0 {
                return lua.ret(&[Value::Table(lua.globals)]);
            }
            level_function(lua, level)?
        }
    };
    let env = match f {
        Value::LuaFunction(c) => lua.heap.closures.get_mut().get(c).map(|c| c.env),
        Value::NativeFunction(n) => lua.heap.natives.get_mut().get(n).map(|n| n.env),
        _ => None,
    };
    lua.ret(&[env.map(Value::Table).unwrap_or(Value::Nil)])
}

fn setfenv(lua: &mut Lua) -> LuaResult<usize> {
    let t = match lua.arg(2) {
        Value::Table(t) => t,
        _ => return Err(lua.arg_type_error(2, "table")),
    };
    let f = match lua.arg(1) {
        v @ (Value::LuaFunction(_) | Value::NativeFunction(_)) => v,
        _ => {
            let level = lua.check_cint(1)?;
            if level < 0 {
                return Err(lua.arg_error(1, "level must be non-negative"));
            }
            if level == 0 {
                lua.globals = t;
                return Ok(0);
            }
            level_function(lua, level)?
        }
    };
    match f {
        Value::LuaFunction(c) => {
            set_closure_env(lua, c, t);
            lua.ret(&[f])
        }
        _ => Err(lua.lib_error("'setfenv' cannot change environment of given object")),
    }
}

/// Change a Lua function's environment, including in its running frames.
pub fn set_closure_env(lua: &mut Lua, c: crate::value::ClosureRef, t: crate::value::TableRef) {
    if let Some(cl) = lua.heap.closures.get_mut().get_mut(c) {
        cl.env = t;
    }
    let retarget = |frames: &mut Vec<crate::heap::Frame>| {
        for fr in frames.iter_mut() {
            if let FrameKind::Lua { closure, env, .. } = &mut fr.kind {
                if *closure == c {
                    *env = t;
                }
            }
        }
    };
    retarget(&mut lua.frames);
    // Frames of suspended and waiting coroutines see it too.
    for th in lua.heap.threads.get_mut().values_mut() {
        retarget(&mut th.frames);
    }
}

fn collectgarbage(lua: &mut Lua) -> LuaResult<usize> {
    let opt = lua.opt_bytes(1, b"collect")?;
    const OPTIONS: [&[u8]; 7] = [
        b"stop",
        b"restart",
        b"collect",
        b"count",
        b"step",
        b"setpause",
        b"setstepmul",
    ];
    // The option is checked before the data argument, as in 5.1.
    if !OPTIONS.contains(&&opt[..]) {
        let msg = format!("invalid option '{}'", String::from_utf8_lossy(&opt));
        return Err(lua.arg_error(1, &msg));
    }
    let data = lua.opt_cint(2, 0)?;
    let r = match &opt[..] {
        b"count" => Value::Number(lua.memory_in_use() as f64 / 1024.0),
        b"collect" => {
            lua.collect_garbage()?;
            Value::Number(0.0)
        }
        b"stop" => {
            lua.gc.stopped = true;
            Value::Number(0.0)
        }
        b"restart" => {
            lua.gc.stopped = false;
            Value::Number(0.0)
        }
        b"step" => {
            // A step here is a whole cycle: it always ends one.
            lua.collect_garbage()?;
            Value::Boolean(true)
        }
        b"setpause" => {
            let old = lua.gc.pause;
            lua.gc.pause = data.max(0) as usize;
            Value::Number(old as f64)
        }
        b"setstepmul" => {
            let old = lua.gc.stepmul;
            lua.gc.stepmul = data.max(0) as usize;
            Value::Number(old as f64)
        }
        _ => {
            let msg = format!("invalid option '{}'", String::from_utf8_lossy(&opt));
            return Err(lua.arg_error(1, &msg));
        }
    };
    lua.ret(&[r])
}

fn gcinfo(lua: &mut Lua) -> LuaResult<usize> {
    let kb = (lua.memory_in_use() / 1024) as f64;
    lua.ret(&[Value::Number(kb)])
}

fn newproxy(lua: &mut Lua) -> LuaResult<usize> {
    let arg = lua.arg(1);
    let made = match lua.native_upvalue(1) {
        Value::Table(t) => Some(t),
        _ => None,
    };
    let mt = match arg {
        Value::Nil | Value::Boolean(false) => None,
        Value::Boolean(true) => {
            let m = lua.heap.new_table(0, 0);
            if let Some(made) = made {
                lua.raw_set(made, Value::Table(m), Value::Boolean(true))?;
            }
            Some(m)
        }
        other => {
            // Any value whose metatable came from `newproxy(true)`.
            let m = lua.get_metatable(other);
            let valid = match (m, made) {
                (Some(m), Some(made)) => lua.raw_get(made, &Value::Table(m)).truthy(),
                _ => false,
            };
            if !valid {
                return Err(lua.arg_error(1, "boolean or proxy expected"));
            }
            m
        }
    };
    let env = lua.globals;
    let u = lua.heap.new_userdata(UserData {
        data: Vec::new().into_boxed_slice(),
        size: 0,
        metatable: mt,
        env,
        serial: 0,
        finalized: false,
    });
    lua.ret(&[Value::UserData(u)])
}

// ----- coroutine library ------------------------------------------------------

fn co_create(lua: &mut Lua) -> LuaResult<usize> {
    let f = lua.arg(1);
    if !matches!(f, Value::LuaFunction(_)) {
        return Err(lua.arg_error(1, "Lua function expected"));
    }
    let t = lua.new_thread(f);
    lua.ret(&[Value::Thread(t)])
}

fn check_thread(lua: &mut Lua, i: usize) -> LuaResult<crate::value::ThreadRef> {
    match lua.arg(i) {
        Value::Thread(t) => Ok(t),
        _ => Err(lua.arg_error(i, "coroutine expected")),
    }
}

fn co_resume(lua: &mut Lua) -> LuaResult<usize> {
    let co = check_thread(lua, 1)?;
    let nargs = lua.nargs() - 1;
    let at = lua.top - nargs;
    match lua.resume_top(co, nargs)? {
        Ok(n) => {
            // Put `true` in front of the results.
            lua.ensure_stack(lua.top + 1)?;
            lua.stack.copy_within(at..at + n, at + 1);
            lua.stack[at] = Value::Boolean(true);
            lua.top = at + n + 1;
            Ok(n + 1)
        }
        Err(e) => lua.ret(&[Value::Boolean(false), e]),
    }
}

fn co_yield(lua: &mut Lua) -> LuaResult<usize> {
    if let Err(msg) = lua.can_yield() {
        return Err(lua.plain_error(msg));
    }
    Err(LuaError::Yield)
}

fn co_status(lua: &mut Lua) -> LuaResult<usize> {
    let co = check_thread(lua, 1)?;
    let s: &[u8] = match lua.thread_status(co) {
        CoStatus::Suspended => b"suspended",
        CoStatus::Running => b"running",
        CoStatus::Normal => b"normal",
        CoStatus::Dead => b"dead",
    };
    let v = lua.new_str(s);
    lua.ret(&[v])
}

fn co_wrap_aux(lua: &mut Lua) -> LuaResult<usize> {
    let co = match lua.native_upvalue(1) {
        Value::Thread(t) => t,
        _ => return Err(LuaError::InvalidHandle),
    };
    let nargs = lua.nargs();
    match lua.resume_top(co, nargs)? {
        Ok(n) => Ok(n),
        Err(e) => {
            // 5.1 prefixes string errors with the caller's position.
            if let Value::String(s) = e {
                let mut m = lua.where_(1);
                m.extend_from_slice(lua.heap.str_bytes(s));
                return Err(LuaError::Runtime(lua.new_str(&m)));
            }
            Err(LuaError::Runtime(e))
        }
    }
}

fn co_wrap(lua: &mut Lua) -> LuaResult<usize> {
    let f = lua.arg(1);
    if !matches!(f, Value::LuaFunction(_)) {
        return Err(lua.arg_error(1, "Lua function expected"));
    }
    let t = lua.new_thread(f);
    let w = lua.new_native(co_wrap_aux, "wrap", vec![Value::Thread(t)]);
    lua.ret(&[w])
}

fn co_running(lua: &mut Lua) -> LuaResult<usize> {
    if lua.cur_thread == lua.main_thread {
        return lua.ret(&[Value::Nil]);
    }
    let t = lua.cur_thread;
    lua.ret(&[Value::Thread(t)])
}
