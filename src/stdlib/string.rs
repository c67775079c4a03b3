//! The string library (5.1 manual §5.4): byte-string functions, the glue to
//! the pattern matcher (`pattern`) and the `format` engine (`format`), and
//! the string metatable (`("x"):rep(3)`). `dump` writes the binary chunk
//! format of `compiler::bytecode`.

use super::lib_table;
use crate::error::LuaResult;
use crate::value::{LuaType, Value};
use crate::vm::Lua;

pub fn open(lua: &mut Lua) {
    let s = lib_table(lua, b"string");
    lua.register(s, "len", len);
    lua.register(s, "sub", sub);
    lua.register(s, "upper", upper);
    lua.register(s, "lower", lower);
    lua.register(s, "rep", rep);
    lua.register(s, "reverse", reverse);
    lua.register(s, "byte", byte);
    lua.register(s, "char", char);
    lua.register(s, "dump", dump);
    super::strpat::register(lua, s);
    let mt = lua.heap.new_table(0, 1);
    lua.set_field(mt, b"__index", Value::Table(s));
    lua.type_mt[LuaType::String as usize] = Some(mt);
}

/// 5.1's relative string position: negative counts from the end.
pub fn posrelat(pos: i64, len: usize) -> i64 {
    if pos < 0 {
        (len as i64 + pos + 1).max(0)
    } else {
        pos
    }
}

fn len(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let n = lua.heap.str_bytes(s).len();
    lua.ret(&[Value::Number(n as f64)])
}

fn sub(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let i = lua.check_int(2)?;
    let j = lua.opt_int(3, -1)?;
    let b = lua.heap.str_bytes(s);
    let l = b.len();
    let start = posrelat(i, l).max(1);
    let end = posrelat(j, l).min(l as i64);
    let r = if start <= end {
        let piece = b[(start - 1) as usize..end as usize].to_vec();
        lua.new_str(&piece)
    } else {
        lua.new_str(b"")
    };
    lua.ret(&[r])
}

fn upper(lua: &mut Lua) -> LuaResult<usize> {
    let b = lua.check_bytes(1)?.to_ascii_uppercase();
    let r = lua.new_str(&b);
    lua.ret(&[r])
}

fn lower(lua: &mut Lua) -> LuaResult<usize> {
    let b = lua.check_bytes(1)?.to_ascii_lowercase();
    let r = lua.new_str(&b);
    lua.ret(&[r])
}

/// Largest string a script may build (bytes).
pub const MAX_STRING: usize = 1 << 31;

fn rep(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let n = lua.check_cint(2)?;
    let b = lua.heap.str_bytes(s);
    if n <= 0 || b.is_empty() {
        let r = lua.new_str(b"");
        return lua.ret(&[r]);
    }
    let total = (b.len() as u128) * (n as u128);
    if total > MAX_STRING as u128 {
        return Err(lua.lib_error("not enough memory"));
    }
    let b = b.to_vec();
    let mut out = lua.buffer(total as usize)?;
    for _ in 0..n {
        out.extend_from_slice(&b);
    }
    let r = lua.new_big_str(&out)?;
    lua.ret(&[r])
}

fn reverse(lua: &mut Lua) -> LuaResult<usize> {
    let mut b = lua.check_bytes(1)?;
    b.reverse();
    let r = lua.new_str(&b);
    lua.ret(&[r])
}

fn byte(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_strref(1)?;
    let i = lua.opt_int(2, 1)?;
    let j = match lua.arg(3) {
        Value::Nil => i,
        _ => lua.check_int(3)?,
    };
    let b = lua.heap.str_bytes(s);
    let l = b.len();
    let start = posrelat(i, l).max(1);
    let end = posrelat(j, l).min(l as i64);
    if start > end {
        return Ok(0);
    }
    let vals: Vec<Value> = b[(start - 1) as usize..end as usize]
        .iter()
        .map(|&c| Value::Number(c as f64))
        .collect();
    // 5.1's luaL_checkstack: no more values than its C stack limit.
    if lua.nargs() + vals.len() > super::base::MAX_C_STACK {
        return Err(lua.lib_error("stack overflow (string slice too long)"));
    }
    lua.ensure_stack(lua.top + vals.len() + crate::vm::MIN_STACK)?;
    lua.ret(&vals)
}

fn char(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    let mut out = Vec::with_capacity(n);
    for i in 1..=n {
        let c = lua.check_cint(i)?;
        if !(0..=255).contains(&c) {
            return Err(lua.arg_error(i, "invalid value"));
        }
        out.push(c as u8);
    }
    let r = lua.new_str(&out);
    lua.ret(&[r])
}

/// `string.dump(f)`: the binary chunk of a Lua function (its upvalues'
/// values are not saved).
fn dump(lua: &mut Lua) -> LuaResult<usize> {
    let f = lua.arg(1);
    if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(1, "function"));
    }
    match crate::compiler::bytecode::dump_function(lua, f) {
        Some(bytes) => {
            let r = lua.new_big_str(&bytes)?;
            lua.ret(&[r])
        }
        None => Err(lua.lib_error("unable to dump given function")),
    }
}
