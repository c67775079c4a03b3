//! A first slice of the debug library: `debug.traceback`. The rest of the
//! library arrives with the standard-library issue.

use super::lib_table;
use crate::error::LuaResult;
use crate::value::Value;
use crate::vm::Lua;

pub fn open(lua: &mut Lua) {
    let d = lib_table(lua, b"debug");
    lua.register(d, "traceback", traceback);
}

/// `debug.traceback([msg [, level]])`.
fn traceback(lua: &mut Lua) -> LuaResult<usize> {
    // An optional thread first: only the message is used for it.
    let skip = usize::from(matches!(lua.arg(1), Value::Thread(_)));
    if skip == 1 {
        let msg = lua.arg(2);
        let mut out = match msg {
            Value::String(_) | Value::Number(_) => {
                let mut b = lua.tostring_raw(msg);
                b.push(b'\n');
                b
            }
            Value::Nil => Vec::new(),
            other => return lua.ret(&[other]),
        };
        out.extend_from_slice(b"stack traceback:");
        let s = lua.new_str(&out);
        return lua.ret(&[s]);
    }
    let msg = lua.arg(1);
    if !matches!(msg, Value::Nil | Value::String(_) | Value::Number(_)) {
        return lua.ret(&[msg]);
    }
    let level = lua.opt_cint(2, 1)?.max(0) as usize;
    let mut out = Vec::new();
    if !msg.is_nil() {
        let s = lua.check_bytes(1)?;
        out.extend_from_slice(&s);
        out.push(b'\n');
    }
    out.extend_from_slice(lua.traceback(level).as_bytes());
    let s = lua.new_str(&out);
    lua.ret(&[s])
}
