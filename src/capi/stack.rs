//! Stack manipulation: `lua_gettop`, `settop`, `pushvalue`, `remove`,
//! `insert`, `replace`, `checkstack`, `xmove`.

use super::*;

/// Slots a C function's stack window may grow to (5.1's LUAI_MAXCSTACK).
pub const MAX_C_STACK: usize = 8000;

/// `lua_gettop`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_gettop(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| (lua.top - api_base(lua)) as c_int)
}

/// `lua_settop`: a negative index counts from the top; new slots are nil.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_settop(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let base = api_base(lua);
        let new_top = if idx >= 0 {
            base + idx as usize
        } else {
            let k = (-(idx as i64)) as usize - 1;
            if k > lua.top - base {
                return Err(lua.plain_error("invalid new top in lua_settop"));
            }
            lua.top - k
        };
        if new_top > lua.top {
            lua.ensure_stack(new_top + 1)?;
            lua.stack[lua.top..new_top].fill(Value::Nil);
        }
        lua.top = new_top;
        Ok(())
    })
}

/// `lua_pushvalue`.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_pushvalue(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let v = at(lua, idx);
        lua.push(v)
    })
}

fn stack_pos(lua: &mut Lua, idx: c_int, what: &str) -> Result<usize, LuaError> {
    match slot(lua, idx) {
        Slot::Stack(i) => Ok(i),
        _ => Err(lua.plain_error(format!("invalid index {idx} for {what}"))),
    }
}

/// `lua_remove`: remove the value at a stack index, shifting down.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_remove(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let i = stack_pos(lua, idx, "lua_remove")?;
        let top = lua.top;
        lua.stack.copy_within(i + 1..top, i);
        lua.top -= 1;
        Ok(())
    })
}

/// `lua_insert`: move the top value to a stack index, shifting up.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_insert(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let i = stack_pos(lua, idx, "lua_insert")?;
        let top = lua.top;
        let v = lua.stack[top - 1];
        lua.stack.copy_within(i..top - 1, i + 1);
        lua.stack[i] = v;
        Ok(())
    })
}

/// `lua_replace`: pop the top value into an index (pseudo-indices too).
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_replace(L: *mut lua_State, idx: c_int) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        if lua.top <= api_base(lua) {
            return Err(lua.plain_error("lua_replace on an empty stack"));
        }
        let v = lua.stack[lua.top - 1];
        let s = slot(lua, idx);
        set_slot(lua, s, v)?;
        lua.top -= 1;
        Ok(())
    })
}

/// `lua_checkstack`: make room for `sz` more values; 0 when impossible.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn lua_checkstack(L: *mut lua_State, sz: c_int) -> c_int {
    // SAFETY: the caller passes a live block.
    api_nofail(L, 0, |lua| {
        // 5.1's limit on a C function's stack (LUAI_MAXCSTACK).
        let used = lua.top - api_base(lua);
        if sz < 0 || sz as usize > MAX_C_STACK || used + sz as usize > MAX_C_STACK {
            return 0;
        }
        let want = lua.top + sz as usize;
        lua.ensure_stack(want).is_ok() as c_int
    })
}

/// `lua_xmove`: pop `n` values from `from` and push them onto `to`.
///
/// # Safety
/// Both blocks must be live and of the same state.
#[no_mangle]
pub unsafe extern "C" fn lua_xmove(from: *mut lua_State, to: *mut lua_State, n: c_int) {
    // SAFETY: the caller passes live blocks of one state.
    if from == to || n <= 0 {
        return;
    }
    let vals = api(from, |lua| {
        let n = n as usize;
        if n > lua.top - api_base(lua) {
            return Err(lua.plain_error("not enough values to move in lua_xmove"));
        }
        let v = lua.stack[lua.top - n..lua.top].to_vec();
        lua.top -= n;
        Ok(v)
    });
    let r = enter(to, |lua| {
        for v in &vals {
            lua.push(*v)?;
        }
        Ok(())
    });
    drop(vals);
    if r.is_err() {
        raise(to);
    }
}
