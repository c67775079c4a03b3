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
    while i < e {
        let x = geti(lua, t, i + 1)?;
        seti(lua, t, i, x)?;
        i += 1;
    }
    seti(lua, t, e, Value::Nil)?;
    lua.ret(&[v])
}

fn concat(lua: &mut Lua) -> LuaResult<usize> {
    let t = lua.check_table(1)?;
    let sep = lua.opt_bytes(2, b"")?;
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
    let n = raw_len(lua, t)?.max(0) as usize;
    let cmp = lua.arg(2);
    if !cmp.is_nil() && !matches!(cmp, Value::LuaFunction(_) | Value::NativeFunction(_)) {
        return Err(lua.arg_type_error(2, "function"));
    }
    // Sort in a window of the Lua stack above the arguments: the values stay
    // rooted for the collector while the comparator runs, and the window is
    // an array, not a table. The comparator sees the table unchanged until
    // the write-back (5.1 sorts in place; a consistent comparator cannot
    // tell the difference).
    let off = lua.top;
    lua.ensure_stack(off + n + crate::vm::MIN_STACK)?;
    for i in 0..n {
        let v = geti(lua, t, i as i64 + 1)?;
        lua.stack[off + i] = v;
    }
    lua.top = off + n;
    let r = quicksort(lua, cmp, off, n);
    if r.is_ok() {
        for i in 0..n {
            let v = lua.stack[off + i];
            seti(lua, t, i as i64 + 1, v)?;
        }
    }
    lua.top = off;
    r.map(|_| 0)
}

/// Quicksort of `stack[off..off+n]` with median-of-three; bounded indices,
/// so an inconsistent comparator raises "invalid order function for
/// sorting" instead of running off the ends.
fn quicksort(lua: &mut Lua, cmp: Value, off: usize, n: usize) -> LuaResult<()> {
    let mut todo = vec![(0usize, n)];
    macro_rules! at {
        ($i:expr) => {
            lua.stack[off + $i]
        };
    }
    macro_rules! swap {
        ($i:expr, $j:expr) => {
            lua.stack.swap(off + $i, off + $j)
        };
    }
    while let Some((lo, hi)) = todo.pop() {
        let len = hi - lo;
        if len < 2 {
            continue;
        }
        if len <= 8 {
            // Insertion sort.
            for i in lo + 1..hi {
                let mut j = i;
                while j > lo && sort_less(lua, cmp, at!(j), at!(j - 1))? {
                    swap!(j, j - 1);
                    j -= 1;
                }
            }
            continue;
        }
        let mid = lo + len / 2;
        if sort_less(lua, cmp, at!(mid), at!(lo))? {
            swap!(mid, lo);
        }
        if sort_less(lua, cmp, at!(hi - 1), at!(mid))? {
            swap!(hi - 1, mid);
            if sort_less(lua, cmp, at!(mid), at!(lo))? {
                swap!(mid, lo);
            }
        }
        swap!(mid, hi - 2);
        let pivot_at = hi - 2;
        let mut i = lo;
        let mut j = hi - 2;
        loop {
            i += 1;
            while sort_less(lua, cmp, at!(i), at!(pivot_at))? {
                if i >= hi - 2 {
                    return Err(lua.lib_error("invalid order function for sorting"));
                }
                i += 1;
            }
            j -= 1;
            while sort_less(lua, cmp, at!(pivot_at), at!(j))? {
                if j <= lo {
                    return Err(lua.lib_error("invalid order function for sorting"));
                }
                j -= 1;
            }
            if j < i {
                break;
            }
            swap!(i, j);
        }
        swap!(i, hi - 2);
        todo.push((lo, i));
        todo.push((i + 1, hi));
    }
    Ok(())
}
