//! The table library (5.1 manual §5.5) with the 5.1 compatibility
//! functions Debian's lua5.1 keeps (`getn`, `setn`, `foreach`, `foreachi`).

use super::lib_table;
use crate::error::LuaResult;
use crate::value::{TableRef, Value};
use crate::vm::Lua;

pub fn open(lua: &mut Lua) {
    let t = lib_table(lua, b"table");
    lua.register(t, "insert", insert);
    lua.register(t, "remove", remove);
    lua.register(t, "concat", concat);
    lua.register(t, "sort", sort);
    lua.register(t, "getn", getn);
    lua.register(t, "setn", setn);
    lua.register(t, "maxn", maxn);
    lua.register(t, "foreach", foreach);
    lua.register(t, "foreachi", foreachi);
}

fn raw_len(lua: &mut Lua, t: TableRef) -> LuaResult<i64> {
    Ok(lua.heap.table(t)?.len() as i64)
}

fn geti(lua: &mut Lua, t: TableRef, i: i64) -> LuaResult<Value> {
    Ok(lua.heap.table(t)?.get_int(i))
}

fn seti(lua: &mut Lua, t: TableRef, i: i64, v: Value) -> LuaResult<()> {
    lua.heap.table(t)?.set_int(i, v);
    Ok(())
}

fn getn(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let n = raw_len(lua, t)?;
    lua.ret(&[Value::Number(n as f64)])
}

fn setn(lua: &mut Lua) -> LuaResult<usize> {
    lua.check_table(1)?;
    Err(lua.lib_error("'setn' is obsolete"))
}

fn maxn(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let mut max = 0.0f64;
    let mut k = Value::Nil;
    while let Ok(Some((key, _))) = lua.heap.table(t)?.next(&k) {
        if let Value::Number(n) = key {
            if n > max {
                max = n;
            }
        }
        k = key;
    }
    lua.ret(&[Value::Number(max)])
}

fn insert(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let e = raw_len(lua, t)? + 1;
    match lua.nargs() {
        2 => {
            let v = lua.arg(2);
            seti(lua, t, e, v)?;
        }
        3 => {
            let pos = lua.check_cint(2)?;
            let v = lua.arg(3);
            // A position past the end grows the table to it (5.1.5).
            let mut i = e.max(pos);
            if i > pos && lua.heap.table(t)?.shift_array(pos, i, true) {
                i = pos;
            }
            while i > pos {
                let x = geti(lua, t, i - 1)?;
                seti(lua, t, i, x)?;
                i -= 1;
            }
            seti(lua, t, pos, v)?;
        }
        _ => return Err(lua.lib_error("wrong number of arguments to 'insert'")),
    }
    Ok(0)
}

fn remove(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let e = raw_len(lua, t)? as i32 as i64;
    let pos = lua.opt_cint(2, e)?;
    if !(1 <= pos && pos <= e) {
        // Outside 1..#t: nothing to remove (5.1.5).
        return Ok(0);
    }
    let v = geti(lua, t, pos)?;
    let mut i = pos;
    if i < e && lua.heap.table(t)?.shift_array(pos, e, false) {
        i = e;
    }
    while i < e {
        let x = geti(lua, t, i + 1)?;
        seti(lua, t, i, x)?;
        i += 1;
    }
    seti(lua, t, e, Value::Nil)?;
    lua.ret(&[v])
}

fn concat(lua: &mut Lua) -> LuaResult<usize> {
    // 5.1 checks the separator before the table.
    let sep = lua.opt_bytes(2, b"")?;
    let t = lua.check_table(1)?;
    let i = lua.opt_cint(3, 1)?;
    let j = if lua.arg(4).is_nil() {
        raw_len(lua, t)?
    } else {
        lua.check_cint(4)?
    };
    let mut out = Vec::new();
    let mut k = i;
    while k <= j {
        match geti(lua, t, k)? {
            Value::String(s) => out.extend_from_slice(lua.heap.str_bytes(s)),
            Value::Number(n) => crate::number::fmt_number(n, &mut out),
            other => {
                let msg = format!(
                    "invalid value ({}) at index {k} in table for 'concat'",
                    other.type_name()
                );
                return Err(lua.lib_error(msg));
            }
        }
        if k != j {
            out.extend_from_slice(&sep);
        }
        if k == i64::MAX {
            break;
        }
        k += 1;
    }
    let s = lua.new_str(&out);
    lua.ret(&[s])
}

fn foreachi(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let f = lua.arg(2);
    if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(2, "function"));
    }
    let n = raw_len(lua, t)?;
    for i in 1..=n {
        let v = geti(lua, t, i)?;
        let r = lua.call1(f, &[Value::Number(i as f64), v])?;
        if !r.is_nil() {
            return lua.ret(&[r]);
        }
    }
    Ok(0)
}

fn foreach(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let f = lua.arg(2);
    if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(2, "function"));
    }
    let mut k = Value::Nil;
    loop {
        let next = match lua.heap.table(t)?.next(&k) {
            Ok(n) => n,
            Err(()) => return Err(lua.plain_error("invalid key to 'next'")),
        };
        let Some((key, v)) = next else { break };
        let r = lua.call1(f, &[key, v])?;
        if !r.is_nil() {
            return lua.ret(&[r]);
        }
        k = key;
    }
    Ok(0)
}

/// `a < b` for sort: the comparator or the `<` operator.
fn sort_less(lua: &mut Lua, cmp: Value, a: Value, b: Value) -> LuaResult<bool> {
    if cmp.is_nil() {
        lua.less_than(a, b)
    } else {
        Ok(lua.call1(cmp, &[a, b])?.truthy())
    }
}

fn sort(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let n = raw_len(lua, t)? as i32 as i64;
    let cmp = lua.arg(2);
    if !cmp.is_nil() && !matches!(cmp, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(2, "function"));
    }
    // Three stack slots above the arguments hold the values in flight (the
    // pivot and the two elements being compared), so they stay rooted while
    // the comparator runs, even if it clears them from the table.
    let off = lua.top;
    lua.ensure_stack(off + 3 + crate::vm::MIN_STACK)?;
    for k in 0..3 {
        lua.stack[off + k] = Value::Nil;
    }
    lua.top = off + 3;
    // Without a comparator, an array of only numbers or only strings is
    // sorted in a copy: `<` on such values calls nothing and allocates
    // nothing, so no one can observe the table meanwhile, and the same
    // algorithm on the copy makes the same comparisons and moves.
    let snap = if cmp.is_nil() && n > 1 {
        snapshot(lua, t, n)?
    } else {
        None
    };
    if let Some(v) = &snap {
        if let Some(sorted) = sorted_numbers(v) {
            let tab = lua.heap.table(t)?;
            for (i, x) in sorted.into_iter().enumerate() {
                tab.set_int(i as i64 + 1, Value::Number(x));
            }
            lua.top = off;
            return Ok(0);
        }
    }
    let mut s = Sorter { t, cmp, off, snap };
    let r = s.sort(lua, 1, n);
    if let Some(v) = s.snap.take() {
        let tab = lua.heap.table(t)?;
        for (i, x) in v.into_iter().enumerate() {
            tab.set_int(i as i64 + 1, x);
        }
    }
    lua.top = off;
    r.map(|_| 0)
}

/// The numbers of `v` in ascending order, when the result cannot depend on
/// the algorithm: every value a number, none NaN (unordered) and no -0
/// (equal to 0 but printed differently). Then every correct sort gives
/// 5.1's result, so a faster one may be used.
fn sorted_numbers(v: &[Value]) -> Option<Vec<f64>> {
    let mut out = Vec::new();
    out.try_reserve_exact(v.len()).ok()?;
    for x in v {
        match *x {
            Value::Number(n) if !(n.is_nan() || n == 0.0 && n.is_sign_negative()) => out.push(n),
            _ => return None,
        }
    }
    out.sort_unstable_by(|a, b| a.total_cmp(b));
    Some(out)
}

/// `t[1..=n]` when every value is a number or every value is a string.
fn snapshot(lua: &mut Lua, t: TableRef, n: i64) -> LuaResult<Option<Vec<Value>>> {
    let tab = lua.heap.table(t)?;
    let first = tab.get_int(1);
    if !matches!(first, Value::Number(_) | Value::String(_)) {
        return Ok(None);
    }
    let mut v = Vec::new();
    if v.try_reserve_exact(n as usize).is_err() {
        return Ok(None);
    }
    for i in 1..=n {
        let x = tab.get_int(i);
        let same = matches!(
            (first, x),
            (Value::Number(_), Value::Number(_)) | (Value::String(_), Value::String(_))
        );
        if !same {
            return Ok(None);
        }
        v.push(x);
    }
    Ok(Some(v))
}

/// 5.1's in-place quicksort (median of three, the pivot parked at `u-1`,
/// the smaller part sorted recursively and the larger one iteratively),
/// working on the table with raw accesses as 5.1 does: the order of equal
/// elements, the comparator's call sequence and the point where an
/// inconsistent comparator is detected ("invalid order function for
/// sorting") are 5.1's. Indices stay within `l-1..=u+1`, so no comparator
/// can make it run off the ends or loop forever.
struct Sorter {
    t: TableRef,
    cmp: Value,
    /// Stack slots: `off` pivot, `off+1` and `off+2` compared elements.
    off: usize,
    /// The array being sorted in a copy (see `sort`), or None to work on
    /// the table itself.
    snap: Option<Vec<Value>>,
}

impl Sorter {
    #[inline]
    fn get(&self, lua: &mut Lua, i: i64, slot: usize) -> LuaResult<Value> {
        let v = match &self.snap {
            Some(a) => usize::try_from(i - 1)
                .ok()
                .and_then(|k| a.get(k).copied())
                .unwrap_or(Value::Nil),
            None => geti(lua, self.t, i)?,
        };
        lua.stack[self.off + slot] = v;
        Ok(v)
    }

    #[inline]
    fn set(&mut self, lua: &mut Lua, i: i64, v: Value) -> LuaResult<()> {
        match &mut self.snap {
            Some(a) => {
                if let Some(x) = usize::try_from(i - 1).ok().and_then(|k| a.get_mut(k)) {
                    *x = v;
                }
                Ok(())
            }
            None => seti(lua, self.t, i, v),
        }
    }

    #[inline]
    fn less(&self, lua: &mut Lua, a: Value, b: Value) -> LuaResult<bool> {
        if let (Value::Nil, Value::Number(x), Value::Number(y)) = (self.cmp, a, b) {
            return Ok(x < y);
        }
        sort_less(lua, self.cmp, a, b)
    }

    fn invalid(lua: &mut Lua) -> crate::error::LuaError {
        lua.lib_error("invalid order function for sorting")
    }

    fn sort(&mut self, lua: &mut Lua, mut l: i64, mut u: i64) -> LuaResult<()> {
        while l < u {
            // Order a[l], a[(l+u)/2], a[u].
            let al = self.get(lua, l, 1)?;
            let au = self.get(lua, u, 2)?;
            if self.less(lua, au, al)? {
                self.set(lua, l, au)?;
                self.set(lua, u, al)?;
            }
            if u - l == 1 {
                break;
            }
            let mut i = (l + u) / 2;
            let ai = self.get(lua, i, 1)?;
            let al = self.get(lua, l, 2)?;
            if self.less(lua, ai, al)? {
                self.set(lua, i, al)?;
                self.set(lua, l, ai)?;
            } else {
                let au = self.get(lua, u, 2)?;
                if self.less(lua, au, ai)? {
                    self.set(lua, i, au)?;
                    self.set(lua, u, ai)?;
                }
            }
            if u - l == 2 {
                break;
            }
            // The pivot goes to u-1; partition l+1..u-2 around it.
            let p = self.get(lua, i, 0)?;
            let x = self.get(lua, u - 1, 1)?;
            self.set(lua, i, x)?;
            self.set(lua, u - 1, p)?;
            i = l;
            let mut j = u - 1;
            loop {
                let ai = loop {
                    i += 1;
                    let ai = self.get(lua, i, 1)?;
                    if !self.less(lua, ai, p)? {
                        break ai;
                    }
                    if i > u {
                        return Err(Self::invalid(lua));
                    }
                };
                let aj = loop {
                    j -= 1;
                    let aj = self.get(lua, j, 2)?;
                    if !self.less(lua, p, aj)? {
                        break aj;
                    }
                    if j < l {
                        return Err(Self::invalid(lua));
                    }
                };
                if j < i {
                    break;
                }
                self.set(lua, i, aj)?;
                self.set(lua, j, ai)?;
            }
            let x = self.get(lua, u - 1, 1)?;
            let y = self.get(lua, i, 2)?;
            self.set(lua, u - 1, y)?;
            self.set(lua, i, x)?;
            // Recurse into the smaller part, loop on the larger one.
            if i - l < u - i {
                self.sort(lua, l, i - 1)?;
                l = i + 1;
            } else {
                self.sort(lua, i + 1, u)?;
                u = i - 1;
            }
        }
        Ok(())
    }
}
