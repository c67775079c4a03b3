//! Glue between Lua and the byte-string engines: `string.find`, `match`,
//! `gmatch`, `gsub` over `pattern`, and `string.format` over `format`.
//! Engine errors (plain strings) become library errors with the caller's
//! position, as `luaL_error` raises them.

use super::format::{self, FormatArgs};
use super::pattern::{self, CaptureValue, Match, Pattern};
use crate::error::{LuaError, LuaResult};
use crate::value::{StrRef, TableRef, Value};
use crate::vm::Lua;
use std::rc::Rc;

pub fn register(lua: &mut Lua, t: TableRef) {
    lua.register(t, "find", find);
    lua.register(t, "match", match_);
    lua.register(t, "gmatch", gmatch);
    // 5.1 keeps `gfind` as another name for the same function.
    let gm = lua.get_field(t, b"gmatch");
    lua.set_field(t, b"gfind", gm);
    lua.register(t, "gsub", gsub);
    lua.register(t, "format", format_);
}

/// Compiled patterns keyed by their (interned) source string.
#[derive(Default)]
pub struct PatternCache {
    /// Keyed by handle: a freed string's handle is never reused with the
    /// same version, so a stale entry can never match.
    map: std::collections::HashMap<(StrRef, bool), Rc<Pattern>>,
}

fn compiled(lua: &mut Lua, key: StrRef, gmatch: bool) -> Rc<Pattern> {
    if let Some(p) = lua.pattern_cache.map.get(&(key, gmatch)) {
        return p.clone();
    }
    let cache = &mut lua.pattern_cache.map;
    if cache.len() >= 64 {
        cache.clear();
    }
    let src = lua.heap.str_bytes(key);
    let p = Rc::new(if gmatch {
        Pattern::new_gmatch(src)
    } else {
        Pattern::new(src)
    });
    cache.insert((key, gmatch), p.clone());
    p
}

/// A match value copied out of the subject (so the subject need not be).
enum Owned {
    Str(Vec<u8>),
    Pos(usize),
}

/// Copy the values of `m` out of `subject`.
fn owned_values(m: &Match, subject: &[u8], whole_if_none: bool) -> Result<Vec<Owned>, String> {
    let n = if m.captures.is_empty() && !whole_if_none {
        0
    } else {
        m.num_values()
    };
    (0..n)
        .map(|i| {
            m.value(subject, i).map(|v| match v {
                CaptureValue::Str(s) => Owned::Str(s.to_vec()),
                CaptureValue::Position(p) => Owned::Pos(p),
            })
        })
        .collect()
}

fn push_owned(lua: &mut Lua, vals: Vec<Owned>) -> LuaResult<usize> {
    let n = vals.len();
    lua.ensure_stack(lua.top + n + crate::vm::MIN_STACK)?;
    for v in vals {
        let val = match v {
            Owned::Str(s) => lua.new_str(&s),
            Owned::Pos(p) => Value::Number(p as f64),
        };
        lua.push(val)?;
    }
    Ok(n)
}

/// Push one match value.
fn push_capture(lua: &mut Lua, v: CaptureValue<'_>) -> LuaResult<()> {
    let val = match v {
        CaptureValue::Str(s) => lua.new_str(s),
        CaptureValue::Position(p) => Value::Number(p as f64),
    };
    lua.push(val)
}

/// Push the captures of `m` (or the whole match); returns how many.
fn push_captures(
    lua: &mut Lua,
    m: &Match,
    subject: &[u8],
    whole_if_none: bool,
) -> LuaResult<usize> {
    let n = if m.captures.is_empty() && !whole_if_none {
        0
    } else {
        m.num_values()
    };
    lua.ensure_stack(lua.top + n + crate::vm::MIN_STACK)?;
    for i in 0..n {
        let v = m.value(subject, i).map_err(|e| lua.lib_error(e))?;
        push_capture(lua, v)?;
    }
    Ok(n)
}

fn find_aux(lua: &mut Lua, is_find: bool) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let p = lua.check_strref(2)?;
    let init = lua.opt_int(3, 1)?;
    let plain = is_find && lua.arg(4).truthy();
    let len = lua.heap.str_bytes(s).len() as i64;
    // 5.1 clamps a start past the end to the end.
    let init1 = if init < 0 {
        (len + init + 1).max(1)
    } else {
        init.max(1)
    }
    .min(len + 1);
    let use_plain = is_find && (plain || pattern::is_plain(lua.heap.str_bytes(p)));
    let pc = if use_plain {
        None
    } else {
        Some(compiled(lua, p, false))
    };
    // Match in place (no copy of the subject): find loops over a long
    // string with a moving init must stay linear.
    let r = {
        let strings = lua.heap.strings.get_mut();
        let subject = strings.get(s).map(|x| x.as_bytes()).unwrap_or(b"");
        let m = match &pc {
            None => {
                let pat = strings.get(p).map(|x| x.as_bytes()).unwrap_or(b"");
                pattern::str_find(subject, pat, init1, true)
            }
            Some(pc) => pc.find(subject, (init1 - 1) as usize),
        };
        m.and_then(|m| match m {
            None => Ok(None),
            Some(m) => owned_values(&m, subject, !is_find).map(|v| Some((m.start, m.end, v))),
        })
    };
    match r {
        Err(e) => Err(lua.lib_error(e)),
        Ok(None) => lua.ret(&[Value::Nil]),
        Ok(Some((start, end, vals))) => {
            if is_find {
                lua.push(Value::Number((start + 1) as f64))?;
                lua.push(Value::Number(end as f64))?;
                Ok(2 + push_owned(lua, vals)?)
            } else {
                push_owned(lua, vals)
            }
        }
    }
}

fn find(lua: &mut Lua) -> LuaResult<usize> {
    find_aux(lua, true)
}

fn match_(lua: &mut Lua) -> LuaResult<usize> {
    find_aux(lua, false)
}

/// The iterator of `gmatch`: upvalues (subject, pattern, position).
fn gmatch_aux(lua: &mut Lua) -> LuaResult<usize> {
    let (s, p) = match (lua.native_upvalue(1), lua.native_upvalue(2)) {
        (Value::String(s), Value::String(p)) => (s, p),
        _ => return Err(LuaError::InvalidHandle),
    };
    let mut pos = match lua.native_upvalue(3) {
        Value::Number(n) => n as usize,
        _ => 0,
    };
    let pc = compiled(lua, p, true);
    // Match against the subject in place: copying it per call would make
    // a gmatch loop quadratic.
    let subject = lua.heap.str_bytes(s);
    let r = pattern::gmatch_next(&pc, subject, &mut pos)
        .and_then(|m| m.map(|m| owned_values(&m, subject, true)).transpose());
    lua.set_native_upvalue(3, Value::Number(pos as f64));
    match r {
        Err(e) => Err(lua.lib_error(e)),
        Ok(None) => Ok(0),
        Ok(Some(vals)) => push_owned(lua, vals),
    }
}

fn gmatch(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let p = lua.check_strref(2)?;
    let f = lua.new_native(
        gmatch_aux,
        "gmatch_aux",
        vec![Value::String(s), Value::String(p), Value::Number(0.0)],
    );
    lua.ret(&[f])
}

fn gsub(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let p = lua.check_strref(2)?;
    let repl = lua.arg(3);
    // 5.1 reads the count (argument 4) before it checks the replacement.
    let max_n = if lua.arg(4).is_nil() {
        None
    } else {
        Some(lua.check_cint(4)?.max(0) as usize)
    };
    match repl {
        Value::Number(_)
        | Value::String(_)
        | Value::Table(_)
        | Value::LuaFunction(_)
        | Value::NativeFunction(_) => {}
        _ => return Err(lua.arg_error(3, "string/function/table expected")),
    }
    let subject = lua.heap.str_bytes(s).to_vec();
    let pat = lua.heap.str_bytes(p).to_vec();
    let result = match repl {
        Value::String(_) | Value::Number(_) => {
            let r = lua.check_bytes(3)?;
            pattern::gsub_str(&subject, &pat, &r, max_n).map_err(|e| lua.lib_error(e))?
        }
        _ => {
            let mut lua_err: Option<LuaError> = None;
            let r = pattern::gsub(&subject, &pat, max_n, &mut |m, subj| match replace_value(
                lua, repl, m, subj,
            ) {
                Ok(v) => Ok(v),
                Err(e) => {
                    lua_err = Some(e);
                    Err(String::new())
                }
            });
            match r {
                Ok(x) => x,
                Err(e) => {
                    return Err(match lua_err {
                        Some(le) => le,
                        None => lua.lib_error(e),
                    })
                }
            }
        }
    };
    let (out, n) = result;
    let v = lua.new_str(&out);
    lua.ret(&[v, Value::Number(n as f64)])
}

/// The replacement for one match from a table or function.
fn replace_value(
    lua: &mut Lua,
    repl: Value,
    m: &Match,
    subject: &[u8],
) -> LuaResult<Option<Vec<u8>>> {
    let saved = lua.top;
    let v = match repl {
        Value::Table(t) => {
            let first = m.value(subject, 0).map_err(|e| lua.lib_error(e))?;
            let key = match first {
                CaptureValue::Str(s) => lua.new_str(s),
                CaptureValue::Position(p) => Value::Number(p as f64),
            };
            lua.index(Value::Table(t), key, None)?
        }
        f => {
            let func = lua.top;
            lua.push(f)?;
            let n = push_captures(lua, m, subject, true)?;
            let _ = n;
            lua.call(func, 1)?;
            lua.stack[func]
        }
    };
    lua.top = saved;
    match v {
        Value::Nil | Value::Boolean(false) => Ok(None),
        Value::String(s) => Ok(Some(lua.heap.str_bytes(s).to_vec())),
        Value::Number(n) => {
            let mut b = Vec::new();
            crate::number::fmt_number(n, &mut b);
            Ok(Some(b))
        }
        other => Err(lua.lib_error(format!(
            "invalid replacement value (a {})",
            other.type_name()
        ))),
    }
}

/// `FormatArgs` over the running native's arguments (format args start at
/// Lua argument 2).
struct LuaFormatArgs<'a> {
    lua: &'a mut Lua,
    err: Option<LuaError>,
}

impl LuaFormatArgs<'_> {
    fn fail(&mut self, e: LuaError) -> String {
        self.err = Some(e);
        String::new()
    }
}

impl FormatArgs for LuaFormatArgs<'_> {
    fn check(&mut self, idx: usize) -> Result<(), String> {
        if idx + 1 > self.lua.nargs() {
            let e = self.lua.arg_error(idx + 1, "no value");
            return Err(self.fail(e));
        }
        Ok(())
    }
    fn number(&mut self, idx: usize) -> Result<f64, String> {
        match self.lua.check_number(idx + 1) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.fail(e)),
        }
    }
    fn string(&mut self, idx: usize) -> Result<Vec<u8>, String> {
        match self.lua.check_bytes(idx + 1) {
            Ok(s) => Ok(s),
            Err(e) => Err(self.fail(e)),
        }
    }
    fn string_for_q(&mut self, idx: usize) -> Result<Vec<u8>, String> {
        self.string(idx)
    }
}

fn format_(lua: &mut Lua) -> LuaResult<usize> {
    let fmt = lua.check_bytes(1)?;
    let mut args = LuaFormatArgs { lua, err: None };
    let r = format::format(&fmt, &mut args);
    let err = args.err.take();
    match r {
        Ok(out) => {
            let v = lua.new_str(&out);
            lua.ret(&[v])
        }
        Err(msg) => Err(match err {
            Some(e) => e,
            None => lua.lib_error(msg),
        }),
    }
}
