//! `luaL_Buffer`, the string builder of `lauxlib.h`, with 5.1's layout and
//! protocol: C's `luaL_addchar` and `luaL_addsize` macros write into
//! `B->buffer` through `B->p` themselves, so the struct is shared state.
//!
//! Bytes collect in `B->buffer`; when it fills, its contents become a
//! string *piece* pushed on the stack (`B->lvl` counts the pieces, which
//! are always the top `lvl` values at a buffer call: the manual lets C
//! push and pop in between only in a balanced way). After each new piece
//! the top pieces are merged until every piece is longer than all the
//! pieces above it together and there are at most `MAX_PIECES`, so a
//! buffer of n bytes uses O(log n) stack slots and copies each byte
//! O(log n) times. `luaL_pushresult` joins the pieces into one string.

use super::*;
use crate::value::StrRef;
use std::ffi::c_char;
use std::ptr::addr_of_mut;

/// Most pieces a buffer keeps on the stack (a C function may rely on only
/// `LUA_MINSTACK` = 20 free slots).
const MAX_PIECES: usize = 10;

/// Start of `B->buffer`.
///
/// # Safety
/// `B` must point to a `luaL_Buffer`.
#[inline]
unsafe fn area(B: *mut luaL_Buffer) -> *mut c_char {
    addr_of_mut!((*B).buffer) as *mut c_char
}

/// Bytes written into `B->buffer`, or `None` when `B->p` points outside
/// it (the C code overran the area).
///
/// # Safety
/// `B` must point to a `luaL_Buffer`.
#[inline]
unsafe fn used(B: *mut luaL_Buffer) -> Option<usize> {
    let n = ((*B).p as usize).wrapping_sub(area(B) as usize);
    (n <= LUAL_BUFFERSIZE).then_some(n)
}

/// The buffer's state, checked: bytes in the area and the piece count.
///
/// # Safety
/// `B` must point to a `luaL_Buffer`.
unsafe fn state(lua: &mut Lua, B: *mut luaL_Buffer) -> Result<(usize, usize), LuaError> {
    let Some(n) = used(B) else {
        return Err(lua.plain_error("luaL_Buffer: position outside the buffer"));
    };
    let lvl = (*B).lvl;
    if lvl < 0 || lvl as usize > lua.top - api_base(lua) {
        return Err(lua.plain_error("luaL_Buffer: its pieces are no longer on the stack"));
    }
    Ok((n, lvl as usize))
}

/// The string piece at stack slot `i`.
fn piece(lua: &mut Lua, i: usize) -> Result<StrRef, LuaError> {
    match lua.stack[i] {
        Value::String(s) => Ok(s),
        v => Err(lua.plain_error(format!(
            "luaL_Buffer: the stack is unbalanced (a {} value where a piece should be)",
            v.type_name()
        ))),
    }
}

/// Join the top `k` pieces into one.
fn join_top(lua: &mut Lua, k: usize) -> Result<(), LuaError> {
    if k < 2 {
        return Ok(());
    }
    let first = lua.top - k;
    let mut total = 0usize;
    for i in first..lua.top {
        let s = piece(lua, i)?;
        total = total.saturating_add(lua.heap.str_bytes(s).len());
    }
    let mut out = lua.buffer(total)?;
    for i in first..lua.top {
        let s = piece(lua, i)?;
        out.extend_from_slice(lua.heap.str_bytes(s));
    }
    let v = lua.new_big_str(&out)?;
    drop(out);
    lua.stack[first] = v;
    lua.top = first + 1;
    Ok(())
}

/// After a new piece: merge the top pieces as the module docs describe.
/// Returns the new piece count.
fn rebalance(lua: &mut Lua, lvl: usize) -> Result<usize, LuaError> {
    if lvl < 2 {
        return Ok(lvl);
    }
    let top = lua.top;
    let s = piece(lua, top - 1)?;
    let mut acc = lua.heap.str_bytes(s).len();
    let mut k = 1;
    while k < lvl {
        let s = piece(lua, top - 1 - k)?;
        let below = lua.heap.str_bytes(s).len();
        if acc >= below || lvl - k >= MAX_PIECES {
            acc += below;
            k += 1;
        } else {
            break;
        }
    }
    join_top(lua, k)?;
    Ok(lvl - k + 1)
}

/// Push the bytes of the area as a piece (when there are any) and empty
/// it. Returns whether a piece was pushed.
///
/// # Safety
/// `B` must point to a `luaL_Buffer` with `n` bytes in its area.
unsafe fn flush(lua: &mut Lua, B: *mut luaL_Buffer, n: usize) -> Result<bool, LuaError> {
    if n == 0 {
        return Ok(false);
    }
    let bytes = std::slice::from_raw_parts(area(B) as *const u8, n);
    let v = lua.new_big_str(bytes)?;
    lua.push(v)?;
    (*B).p = area(B);
    (*B).lvl += 1;
    Ok(true)
}

/// `luaL_buffinit`: start an empty buffer on `L`. It pushes nothing.
///
/// # Safety
/// `B` must point to writable memory for a `luaL_Buffer`.
#[no_mangle]
pub unsafe extern "C" fn luaL_buffinit(L: *mut lua_State, B: *mut luaL_Buffer) {
    // SAFETY: the caller passes a writable buffer struct.
    if B.is_null() {
        return;
    }
    (*B).p = area(B);
    (*B).lvl = 0;
    (*B).L = L;
}

/// `luaL_prepbuffer`: make the whole area free (its bytes become a piece)
/// and return it; C writes up to `LUAL_BUFFERSIZE` bytes there and then
/// calls `luaL_addsize`.
///
/// # Safety
/// `B` must be a buffer set up by `luaL_buffinit` with a live state.
#[no_mangle]
pub unsafe extern "C" fn luaL_prepbuffer(B: *mut luaL_Buffer) -> *mut c_char {
    // SAFETY: the caller passes an initialized buffer.
    if B.is_null() {
        return std::ptr::null_mut();
    }
    api((*B).L, |lua| {
        let (n, _) = state(lua, B)?;
        if flush(lua, B, n)? {
            (*B).lvl = rebalance(lua, (*B).lvl as usize)? as c_int;
            lua.gc_check()?;
        }
        Ok(())
    });
    area(B)
}

/// `luaL_addlstring`: append `l` bytes at `s` (zeros included).
///
/// # Safety
/// `B` must be a buffer set up by `luaL_buffinit` with a live state; `s`
/// readable for `l` bytes.
#[no_mangle]
pub unsafe extern "C" fn luaL_addlstring(B: *mut luaL_Buffer, s: *const c_char, l: usize) {
    // SAFETY: the caller passes an initialized buffer and `l` readable
    // bytes at `s`.
    if B.is_null() || l == 0 || s.is_null() {
        return;
    }
    if let Some(n) = used(B) {
        if l <= LUAL_BUFFERSIZE - n {
            // Fits: a plain copy (`ptr::copy`: `s` may point into the area).
            std::ptr::copy(s, (*B).p, l);
            (*B).p = (*B).p.add(l);
            return;
        }
    }
    api((*B).L, |lua| {
        let (n, _) = state(lua, B)?;
        flush(lua, B, n)?;
        if l < LUAL_BUFFERSIZE {
            std::ptr::copy(s, area(B), l);
            (*B).p = area(B).add(l);
        } else {
            // Long: it becomes a piece of its own.
            let v = lua.new_big_str(std::slice::from_raw_parts(s as *const u8, l))?;
            lua.push(v)?;
            (*B).lvl += 1;
        }
        (*B).lvl = rebalance(lua, (*B).lvl as usize)? as c_int;
        lua.gc_check()
    })
}

/// `luaL_addstring`: append a NUL-terminated string.
///
/// # Safety
/// As `luaL_addlstring`; `s` NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn luaL_addstring(B: *mut luaL_Buffer, s: *const c_char) {
    // SAFETY: the caller passes an initialized buffer and a C string.
    if s.is_null() {
        return;
    }
    luaL_addlstring(B, s, libc::strlen(s));
}

/// `luaL_addvalue`: pop the string or number on top of the stack (above
/// the buffer's pieces) and append it.
///
/// # Safety
/// `B` must be a buffer set up by `luaL_buffinit` with a live state.
#[no_mangle]
pub unsafe extern "C" fn luaL_addvalue(B: *mut luaL_Buffer) {
    // SAFETY: the caller passes an initialized buffer.
    if B.is_null() {
        return;
    }
    api((*B).L, |lua| {
        let Some(n) = used(B) else {
            return Err(lua.plain_error("luaL_Buffer: position outside the buffer"));
        };
        let lvl = (*B).lvl;
        if lvl < 0 || lvl as usize + 1 > lua.top - api_base(lua) {
            return Err(lua.plain_error("luaL_addvalue: no value on top of the buffer"));
        }
        let s = match lua.stack[lua.top - 1] {
            Value::String(s) => s,
            Value::Number(x) => {
                let mut b = Vec::new();
                crate::number::fmt_number(x, &mut b);
                let s = lua.intern(&b);
                lua.stack[lua.top - 1] = Value::String(s);
                s
            }
            v => {
                return Err(
                    lua.plain_error(format!("attempt to concatenate a {} value", v.type_name()))
                )
            }
        };
        let bytes = lua.heap.str_bytes(s);
        let vl = bytes.len();
        if vl <= LUAL_BUFFERSIZE - n {
            std::ptr::copy_nonoverlapping(bytes.as_ptr() as *const c_char, (*B).p, vl);
            (*B).p = (*B).p.add(vl);
            lua.top -= 1;
            return Ok(());
        }
        // Too long for the area: the value becomes a piece, after the
        // area's bytes (pushed below it).
        if n > 0 {
            let piece = lua.new_big_str(std::slice::from_raw_parts(area(B) as *const u8, n))?;
            let v = lua.stack[lua.top - 1];
            lua.stack[lua.top - 1] = piece;
            lua.push(v)?;
            (*B).p = area(B);
            (*B).lvl += 1;
        }
        (*B).lvl += 1;
        (*B).lvl = rebalance(lua, (*B).lvl as usize)? as c_int;
        lua.gc_check()
    })
}

/// `luaL_pushresult`: finish the buffer, leaving its string on the stack
/// in place of the pieces.
///
/// # Safety
/// `B` must be a buffer set up by `luaL_buffinit` with a live state.
#[no_mangle]
pub unsafe extern "C" fn luaL_pushresult(B: *mut luaL_Buffer) {
    // SAFETY: the caller passes an initialized buffer.
    if B.is_null() {
        return;
    }
    api((*B).L, |lua| {
        let (n, _) = state(lua, B)?;
        flush(lua, B, n)?;
        let lvl = (*B).lvl as usize;
        if lvl == 0 {
            let v = lua.new_str(b"");
            lua.push(v)?;
        } else {
            join_top(lua, lvl)?;
        }
        (*B).lvl = 1;
        lua.gc_check()
    })
}

#[cfg(test)]
mod tests {
    use super::super::access::*;
    use super::super::stack::*;
    use super::super::state::*;
    use super::*;

    #[test]
    fn buffer_builds_long_strings_with_few_stack_slots() {
        // SAFETY: a fresh state used by this thread only; the buffer lives
        // on this frame.
        unsafe {
            let L = luaL_newstate();
            let mut b: Box<luaL_Buffer> = Box::new(std::mem::zeroed());
            let B: *mut luaL_Buffer = &mut *b;
            luaL_buffinit(L, B);
            let mut want = Vec::new();
            let big = vec![b'z'; 3 * LUAL_BUFFERSIZE + 5];
            for i in 0..200 {
                let piece = format!("<{i}>\0");
                luaL_addstring(B, piece.as_ptr() as *const c_char);
                want.extend_from_slice(&piece.as_bytes()[..piece.len() - 1]);
                luaL_addlstring(B, big.as_ptr() as *const c_char, i * 97);
                want.extend_from_slice(&big[..i * 97]);
                lua_pushnumber(L, i as f64 + 0.5);
                luaL_addvalue(B);
                want.extend_from_slice(format!("{}.5", i).as_bytes());
                assert!((*B).lvl as usize <= MAX_PIECES);
            }
            luaL_addlstring(B, b"a\0b".as_ptr() as *const c_char, 3);
            want.extend_from_slice(b"a\0b");
            luaL_pushresult(B);
            assert_eq!(lua_gettop(L), 1);
            let mut n = 0usize;
            let p = lua_tolstring(L, -1, &mut n);
            assert_eq!(std::slice::from_raw_parts(p as *const u8, n), &want[..]);
            lua_close(L);
        }
    }

    #[test]
    fn empty_buffer_gives_the_empty_string() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            let mut b: Box<luaL_Buffer> = Box::new(std::mem::zeroed());
            let B: *mut luaL_Buffer = &mut *b;
            luaL_buffinit(L, B);
            luaL_pushresult(B);
            let mut n = 9usize;
            lua_tolstring(L, -1, &mut n);
            assert_eq!(n, 0);
            lua_close(L);
        }
    }
}
