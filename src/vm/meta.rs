//! Metamethod-aware operations: indexing, arithmetic, comparison,
//! concatenation, length, and the coercions between strings and numbers.
//!
//! These are the slow paths of the interpreter loop and the building blocks
//! of the natives. Hazard: every function here may call Lua code (a
//! metamethod), so none holds an arena borrow across `call`.

use super::exec::Arith;
use super::Lua;
use crate::error::LuaResult;
use crate::heap::TableError;
use crate::number::{fmt_number, str_to_number};
use crate::value::{LuaType, StrRef, TableRef, Value};

/// 5.1's MAXTAGLOOP: longest `__index`/`__newindex` chain.
const MAX_TAG_LOOP: usize = 100;

impl Lua {
    /// The metatable of any value.
    pub fn get_metatable(&mut self, v: Value) -> Option<TableRef> {
        match v {
            Value::Table(t) => self.heap.tables.get_mut().get(t).and_then(|t| t.metatable),
            Value::UserData(u) => self
                .heap
                .userdata
                .get_mut()
                .get(u)
                .and_then(|u| u.metatable),
            other => self.type_mt[other.lua_type() as usize],
        }
    }

    /// `getmetatable(v)[name]`, raw; Nil when absent.
    pub fn meta_field(&mut self, v: Value, name: StrRef) -> Value {
        match self.get_metatable(v) {
            Some(mt) => match self.heap.tables.get_mut().get(mt) {
                Some(t) => t.get_str(name),
                None => Value::Nil,
            },
            None => Value::Nil,
        }
    }

    /// Number coercion for arithmetic (strings convert as `tonumber`).
    #[inline]
    pub fn to_number(&mut self, v: Value) -> Option<f64> {
        match v {
            Value::Number(n) => Some(n),
            Value::String(s) => str_to_number(self.heap.str_bytes(s)),
            _ => None,
        }
    }

    /// `obj[key]` with `__index`. `hint` is the register holding `obj` in
    /// the running Lua frame, for the error message.
    pub fn index(
        &mut self,
        mut obj: Value,
        key: Value,
        mut hint: Option<usize>,
    ) -> LuaResult<Value> {
        for _ in 0..MAX_TAG_LOOP {
            let handler = if let Value::Table(t) = obj {
                let (v, mt) = match self.heap.tables.get_mut().get(t) {
                    Some(tab) => (tab.get(&key), tab.metatable),
                    None => (Value::Nil, None),
                };
                if !v.is_nil() {
                    return Ok(v);
                }
                let Some(mt) = mt else { return Ok(Value::Nil) };
                let h = match self.heap.tables.get_mut().get(mt) {
                    Some(m) => m.get_str(self.names.index),
                    None => Value::Nil,
                };
                if h.is_nil() {
                    return Ok(Value::Nil);
                }
                h
            } else {
                let h = self.meta_field(obj, self.names.index);
                if h.is_nil() {
                    return Err(self.type_error(obj, "index", hint));
                }
                h
            };
            if matches!(handler, Value::LuaFunction(_) | Value::NativeFunction(_)) {
                return self.call1(handler, &[obj, key]);
            }
            obj = handler;
            hint = None;
        }
        Err(self.rt_error("loop in gettable"))
    }

    /// `obj[key] = val` with `__newindex`.
    pub fn set_index(
        &mut self,
        mut obj: Value,
        key: Value,
        val: Value,
        mut hint: Option<usize>,
    ) -> LuaResult<()> {
        for _ in 0..MAX_TAG_LOOP {
            let handler = if let Value::Table(t) = obj {
                let newindex = self.names.newindex;
                let (present, mt) = match self.heap.tables.get_mut().get(t) {
                    Some(tab) => (!tab.get(&key).is_nil(), tab.metatable),
                    None => (false, None),
                };
                let h = if present {
                    Value::Nil
                } else {
                    match mt.and_then(|m| self.heap.tables.get_mut().get(m)) {
                        Some(m) => m.get_str(newindex),
                        None => Value::Nil,
                    }
                };
                if h.is_nil() {
                    return self.raw_set(t, key, val);
                }
                h
            } else {
                let h = self.meta_field(obj, self.names.newindex);
                if h.is_nil() {
                    return Err(self.type_error(obj, "index", hint));
                }
                h
            };
            if matches!(handler, Value::LuaFunction(_) | Value::NativeFunction(_)) {
                let saved = self.top;
                self.call_value(handler, &[obj, key, val], 0)?;
                self.top = saved;
                return Ok(());
            }
            obj = handler;
            hint = None;
        }
        Err(self.rt_error("loop in settable"))
    }

    /// Raw `t[key] = val` with 5.1's key errors.
    pub fn raw_set(&mut self, t: TableRef, key: Value, val: Value) -> LuaResult<()> {
        let r = match self.heap.tables.get_mut().get_mut(t) {
            Some(tab) => tab.set(key, val),
            None => Ok(()),
        };
        match r {
            Ok(()) => Ok(()),
            Err(TableError::NilKey) => Err(self.rt_error("table index is nil")),
            Err(TableError::NanKey) => Err(self.rt_error("table index is NaN")),
        }
    }

    /// Raw `t[key]`.
    pub fn raw_get(&mut self, t: TableRef, key: &Value) -> Value {
        match self.heap.tables.get_mut().get(t) {
            Some(tab) => tab.get(key),
            None => Value::Nil,
        }
    }

    /// Arithmetic with coercion and metamethods. `hb`/`hc` are the operand
    /// registers for the error message.
    pub fn arith(
        &mut self,
        op: Arith,
        b: Value,
        c: Value,
        hb: Option<usize>,
        hc: Option<usize>,
    ) -> LuaResult<Value> {
        if let (Some(x), Some(y)) = (self.to_number(b), self.to_number(c)) {
            return Ok(Value::Number(op.apply(x, y)));
        }
        let name = match op {
            Arith::Add => self.names.add,
            Arith::Sub => self.names.sub,
            Arith::Mul => self.names.mul,
            Arith::Div => self.names.div,
            Arith::Mod => self.names.mod_,
            Arith::Pow => self.names.pow,
            Arith::Unm => self.names.unm,
        };
        let mut h = self.meta_field(b, name);
        if h.is_nil() {
            h = self.meta_field(c, name);
        }
        if h.is_nil() {
            // Blame the operand that is not convertible (the second if the
            // first one is fine).
            let (bad, hint) = if self.to_number(b).is_some() {
                (c, hc)
            } else {
                (b, hb)
            };
            return Err(self.type_error(bad, "perform arithmetic on", hint));
        }
        self.call1(h, &[b, c])
    }

    /// `a == b` with `__eq`.
    pub fn equals(&mut self, a: Value, b: Value) -> LuaResult<bool> {
        if a.raw_eq(&b) {
            return Ok(true);
        }
        match (a, b) {
            (Value::Table(_), Value::Table(_)) | (Value::UserData(_), Value::UserData(_)) => {}
            _ => return Ok(false),
        }
        let h = self.comparison_handler(a, b, self.names.eq);
        match h {
            Some(h) => Ok(self.call1(h, &[a, b])?.truthy()),
            None => Ok(false),
        }
    }

    /// The shared handler of two operands for `__eq`/`__lt`/`__le`: both
    /// metatables must give the same (raw-equal) metamethod.
    fn comparison_handler(&mut self, a: Value, b: Value, name: StrRef) -> Option<Value> {
        let ma = self.get_metatable(a);
        let mb = self.get_metatable(b);
        let ha = self.meta_field(a, name);
        if ha.is_nil() {
            return None;
        }
        if ma == mb {
            return Some(ha);
        }
        let hb = self.meta_field(b, name);
        if ha.raw_eq(&hb) {
            Some(ha)
        } else {
            None
        }
    }

    /// Byte-wise string comparison.
    fn str_less(&mut self, a: StrRef, b: StrRef, or_equal: bool) -> bool {
        let strings = self.heap.strings.get_mut();
        let x = strings.get(a).map(|s| s.as_bytes()).unwrap_or(b"");
        let y = strings.get(b).map(|s| s.as_bytes()).unwrap_or(b"");
        if or_equal {
            x <= y
        } else {
            x < y
        }
    }

    /// `a < b`.
    pub fn less_than(&mut self, a: Value, b: Value) -> LuaResult<bool> {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => Ok(x < y),
            (Value::String(x), Value::String(y)) => Ok(self.str_less(x, y, false)),
            _ => {
                if a.lua_type() == b.lua_type() {
                    if let Some(h) = self.comparison_handler(a, b, self.names.lt) {
                        return Ok(self.call1(h, &[a, b])?.truthy());
                    }
                }
                Err(self.order_error(a, b))
            }
        }
    }

    /// `a <= b` (falls back to `not (b < a)` through `__lt`).
    pub fn less_equal(&mut self, a: Value, b: Value) -> LuaResult<bool> {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => Ok(x <= y),
            (Value::String(x), Value::String(y)) => Ok(self.str_less(x, y, true)),
            _ => {
                if a.lua_type() == b.lua_type() {
                    if let Some(h) = self.comparison_handler(a, b, self.names.le) {
                        return Ok(self.call1(h, &[a, b])?.truthy());
                    }
                    if let Some(h) = self.comparison_handler(b, a, self.names.lt) {
                        return Ok(!self.call1(h, &[b, a])?.truthy());
                    }
                }
                Err(self.order_error(a, b))
            }
        }
    }

    #[cold]
    fn order_error(&mut self, a: Value, b: Value) -> crate::error::LuaError {
        let (t1, t2) = (a.type_name(), b.type_name());
        if t1 == t2 {
            self.rt_error(format!("attempt to compare two {t1} values"))
        } else {
            self.rt_error(format!("attempt to compare {t1} with {t2}"))
        }
    }

    /// `#v`: strings and tables raw (5.1 ignores `__len` on tables), other
    /// types through `__len`.
    pub fn len_of(&mut self, v: Value, hint: Option<usize>) -> LuaResult<Value> {
        match v {
            Value::String(s) => Ok(Value::Number(self.heap.str_bytes(s).len() as f64)),
            Value::Table(t) => Ok(Value::Number(match self.heap.tables.get_mut().get(t) {
                Some(tab) => tab.len() as f64,
                None => 0.0,
            })),
            _ => {
                let h = self.meta_field(v, self.names.len);
                if h.is_nil() {
                    return Err(self.type_error(v, "get length of", hint));
                }
                self.call1(h, &[v, Value::Nil])
            }
        }
    }

    /// Append the string form of a string or number to `out`; false for
    /// other types.
    #[inline]
    fn append_str_or_num(&mut self, v: Value, out: &mut Vec<u8>) -> bool {
        match v {
            Value::String(s) => {
                out.extend_from_slice(self.heap.str_bytes(s));
                true
            }
            Value::Number(n) => {
                fmt_number(n, out);
                true
            }
            _ => false,
        }
    }

    /// `stack[first] .. ... .. stack[last]`, right to left as 5.1 does, with
    /// `__concat` for operands that are not strings or numbers.
    pub fn concat(&mut self, first: usize, last: usize) -> LuaResult<Value> {
        // Fast path: everything is a string or number.
        let all_plain = self.stack[first..=last]
            .iter()
            .all(|v| matches!(v, Value::String(_) | Value::Number(_)));
        if all_plain {
            let total = self.concat_len(first, last);
            let mut buf = self.buffer(total)?;
            for i in first..=last {
                let v = self.stack[i];
                self.append_str_or_num(v, &mut buf);
            }
            return self.new_big_str(&buf);
        }
        // General case: fold from the right.
        let mut acc = self.stack[last];
        let mut i = last;
        while i > first {
            i -= 1;
            let left = self.stack[i];
            let lp = matches!(left, Value::String(_) | Value::Number(_));
            let rp = matches!(acc, Value::String(_) | Value::Number(_));
            if lp && rp {
                // Gather as many plain operands to the left as possible.
                let mut j = i;
                while j > first && matches!(self.stack[j - 1], Value::String(_) | Value::Number(_))
                {
                    j -= 1;
                }
                let acc_len = self.concat_len_of(acc);
                let total = self.concat_len(j, i).saturating_add(acc_len);
                let mut buf = self.buffer(total)?;
                for p in j..=i {
                    let v = self.stack[p];
                    self.append_str_or_num(v, &mut buf);
                }
                self.append_str_or_num(acc, &mut buf);
                acc = self.new_big_str(&buf)?;
                i = j;
            } else {
                let mut h = self.meta_field(left, self.names.concat);
                if h.is_nil() {
                    h = self.meta_field(acc, self.names.concat);
                }
                if h.is_nil() {
                    let bad = if lp { acc } else { left };
                    // 5.1 keeps the running result in the slot after the
                    // left operand; blame whichever slot holds the bad value.
                    let slot = if lp { i + 1 } else { i };
                    let hint = self.frame_register(slot);
                    return Err(self.type_error(bad, "concatenate", hint));
                }
                acc = self.call1(h, &[left, acc])?;
            }
        }
        Ok(acc)
    }

    /// Upper bound of the concatenated length of `stack[first..=last]`.
    fn concat_len(&mut self, first: usize, last: usize) -> usize {
        let mut n = 0usize;
        for i in first..=last {
            let v = self.stack[i];
            n = n.saturating_add(self.concat_len_of(v));
        }
        n
    }

    fn concat_len_of(&mut self, v: Value) -> usize {
        match v {
            Value::String(s) => self.heap.str_bytes(s).len(),
            _ => 32,
        }
    }

    /// Register number of stack slot `slot` in the running Lua frame.
    fn frame_register(&self, slot: usize) -> Option<usize> {
        let f = self.frames.last()?;
        slot.checked_sub(f.base)
    }

    /// `tostring(v)` without `__tostring`.
    pub fn tostring_raw(&mut self, v: Value) -> Vec<u8> {
        match v {
            Value::Nil => b"nil".to_vec(),
            Value::Boolean(true) => b"true".to_vec(),
            Value::Boolean(false) => b"false".to_vec(),
            Value::Number(n) => {
                let mut out = Vec::new();
                fmt_number(n, &mut out);
                out
            }
            Value::String(s) => self.heap.str_bytes(s).to_vec(),
            other => {
                let kind = match other.lua_type() {
                    LuaType::LightUserData => "userdata",
                    t => t.name(),
                };
                format!("{}: 0x{:08x}", kind, other.identity()).into_bytes()
            }
        }
    }

    /// `tostring(v)` with `__tostring`.
    pub fn tostring(&mut self, v: Value) -> LuaResult<Value> {
        if let Value::String(_) = v {
            return Ok(v);
        }
        let h = self.meta_field(v, self.names.tostring);
        if !h.is_nil() {
            return self.call1(h, &[v]);
        }
        let b = self.tostring_raw(v);
        Ok(self.new_str(&b))
    }
}
