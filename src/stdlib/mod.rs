//! The standard library, written against the VM's native-function API (not
//! through the C API), and that API itself: argument access and checking
//! with 5.1's messages (`bad argument #1 to 'f' (number expected, got nil)`).
//!
//! A native sees its arguments as the stack slots `base..top` of its frame
//! and returns results by pushing them and returning their count.

pub mod base;
pub mod debug;
pub mod format;
pub mod io;
pub mod math;
pub mod os;
/// The former home of `describe_io_error` (still used by `base`).
pub use self::io as os_io;
pub mod package;
pub mod pattern;
pub mod string;
pub mod strpat;
pub mod table;

use crate::error::{LuaError, LuaResult};
use crate::value::{StrRef, TableRef, Value};
use crate::vm::Lua;

/// Open every library into the globals.
pub fn open_libs(lua: &mut Lua) {
    base::open(lua);
    string::open(lua);
    table::open(lua);
    math::open(lua);
    io::open(lua);
    os::open(lua);
    debug::open(lua);
    package::open(lua);
}

/// Make (or fetch) the global table `name` for a library.
pub fn lib_table(lua: &mut Lua, name: &[u8]) -> TableRef {
    let g = lua.globals;
    if let Value::Table(t) = lua.get_field(g, name) {
        return t;
    }
    let t = lua.heap.new_table(0, 32);
    lua.set_field(g, name, Value::Table(t));
    t
}

impl Lua {
    /// Base of the running native frame.
    #[inline]
    fn native_base(&self) -> usize {
        self.frames.last().map(|f| f.base).unwrap_or(0)
    }

    /// Number of arguments of the running native.
    #[inline]
    pub fn nargs(&self) -> usize {
        self.top.saturating_sub(self.native_base())
    }

    /// Argument `i` (1-based); Nil when absent.
    #[inline]
    pub fn arg(&self, i: usize) -> Value {
        let b = self.native_base();
        if b + i - 1 < self.top {
            self.stack[b + i - 1]
        } else {
            Value::Nil
        }
    }

    /// Upvalue `i` (1-based) of the running native closure.
    pub fn native_upvalue(&mut self, i: usize) -> Value {
        let nf = match self.frames.last().map(|f| &f.kind) {
            Some(crate::heap::FrameKind::Native { func }) => *func,
            _ => return Value::Nil,
        };
        match self.heap.natives.get_mut().get(nf) {
            Some(n) => n.upvalues.get(i - 1).copied().unwrap_or(Value::Nil),
            None => Value::Nil,
        }
    }

    /// Replace upvalue `i` (1-based) of the running native closure.
    pub fn set_native_upvalue(&mut self, i: usize, v: Value) {
        let nf = match self.frames.last().map(|f| &f.kind) {
            Some(crate::heap::FrameKind::Native { func }) => *func,
            _ => return,
        };
        if let Some(slot) = self
            .heap
            .natives
            .get_mut()
            .get_mut(nf)
            .and_then(|n| n.upvalues.get_mut(i - 1))
        {
            *slot = v;
        }
    }

    /// Push results and return their count (for `Ok(lua.ret(..)?)`).
    pub fn ret(&mut self, vals: &[Value]) -> LuaResult<usize> {
        for &v in vals {
            self.push(v)?;
        }
        Ok(vals.len())
    }

    /// The name of the running native as callers see it, and whether it
    /// was called as a method.
    fn native_name(&mut self) -> (String, bool) {
        let idx = self.frames.len().saturating_sub(1);
        let (what, name) = self.frame_name(idx);
        (name.unwrap_or_else(|| "?".to_string()), what == "method")
    }

    /// `bad argument #i to 'f' (msg)`, with 5.1's method adjustment.
    #[cold]
    pub fn arg_error(&mut self, i: usize, msg: &str) -> LuaError {
        let (name, method) = self.native_name();
        let mut i = i;
        if method {
            i -= 1;
            if i == 0 {
                return self.lib_error(format!("calling '{name}' on bad self ({msg})"));
            }
        }
        self.lib_error(format!("bad argument #{i} to '{name}' ({msg})"))
    }

    /// An error raised by a library function: position of its caller
    /// (`luaL_error` uses level 1).
    #[cold]
    pub fn lib_error(&mut self, msg: impl AsRef<[u8]>) -> LuaError {
        let mut s = self.where_(1);
        s.extend_from_slice(msg.as_ref());
        LuaError::Runtime(self.new_str(&s))
    }

    /// `X expected, got Y` argument error.
    #[cold]
    pub fn arg_type_error(&mut self, i: usize, expected: &str) -> LuaError {
        let got = if i > self.nargs() {
            "no value"
        } else {
            self.arg(i).type_name()
        };
        self.arg_error(i, &format!("{expected} expected, got {got}"))
    }

    pub fn check_any(&mut self, i: usize) -> LuaResult<Value> {
        if i > self.nargs() {
            return Err(self.arg_error(i, "value expected"));
        }
        Ok(self.arg(i))
    }

    pub fn check_table(&mut self, i: usize) -> LuaResult<TableRef> {
        match self.arg(i) {
            Value::Table(t) => Ok(t),
            _ => Err(self.arg_type_error(i, "table")),
        }
    }

    pub fn check_number(&mut self, i: usize) -> LuaResult<f64> {
        let v = self.arg(i);
        match self.to_number(v) {
            Some(n) => Ok(n),
            None => Err(self.arg_type_error(i, "number")),
        }
    }

    /// `luaL_checkinteger`: the number truncated toward zero.
    pub fn check_int(&mut self, i: usize) -> LuaResult<i64> {
        let n = self.check_number(i)?;
        Ok(num_to_int(n))
    }

    /// `luaL_checkint`: the integer narrowed to a C `int` the way x86-64
    /// narrows it (the low 32 bits), as 5.1's library functions see it.
    pub fn check_cint(&mut self, i: usize) -> LuaResult<i64> {
        Ok(self.check_int(i)? as i32 as i64)
    }

    /// `luaL_optint`.
    pub fn opt_cint(&mut self, i: usize, default: i64) -> LuaResult<i64> {
        Ok(self.opt_int(i, default)? as i32 as i64)
    }

    pub fn opt_number(&mut self, i: usize, default: f64) -> LuaResult<f64> {
        if self.arg(i).is_nil() {
            Ok(default)
        } else {
            self.check_number(i)
        }
    }

    pub fn opt_int(&mut self, i: usize, default: i64) -> LuaResult<i64> {
        if self.arg(i).is_nil() {
            Ok(default)
        } else {
            self.check_int(i)
        }
    }

    /// A string argument (numbers are converted, as `luaL_checklstring`
    /// does, and the stack slot is updated in place).
    pub fn check_strref(&mut self, i: usize) -> LuaResult<StrRef> {
        match self.arg(i) {
            Value::String(s) => Ok(s),
            Value::Number(n) => {
                let mut b = Vec::new();
                crate::number::fmt_number(n, &mut b);
                let s = self.intern(&b);
                let slot = self.native_base() + i - 1;
                self.stack[slot] = Value::String(s);
                Ok(s)
            }
            _ => Err(self.arg_type_error(i, "string")),
        }
    }

    /// A string argument's bytes (copied).
    pub fn check_bytes(&mut self, i: usize) -> LuaResult<Vec<u8>> {
        let s = self.check_strref(i)?;
        Ok(self.heap.str_bytes(s).to_vec())
    }

    pub fn opt_bytes(&mut self, i: usize, default: &[u8]) -> LuaResult<Vec<u8>> {
        if self.arg(i).is_nil() {
            Ok(default.to_vec())
        } else {
            self.check_bytes(i)
        }
    }
}

/// 5.1's `lua_Number` -> `lua_Integer` cast (truncation; out of range and
/// NaN map to the C conversion's usual result, i64::MIN).
#[inline]
pub fn num_to_int(n: f64) -> i64 {
    if n.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&n) {
        i64::MIN
    } else {
        n as i64
    }
}
