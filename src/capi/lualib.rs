//! `lualib.h`: the `luaopen_*` functions and `luaL_openlibs`.
//!
//! Each opener runs the Rust library's own `open` (`crate::stdlib`), which
//! puts the library into the globals, then does what 5.1's `luaL_register`
//! adds: records the library table in the registry's `_LOADED`
//! (`package.loaded`) and leaves it on the stack. `luaopen_base` leaves
//! `_G` and `coroutine` (it returns 2, as 5.1's does). Opening a library
//! again refreshes its functions and keeps everything else, including the
//! modules `package.loaded` already holds.

use super::lauxlib::loaded_table;
use super::*;
use crate::stdlib;

/// Open one library with `open`, record the global table `name` as
/// loaded and push it. Returns 1.
fn open_named(lua: &mut Lua, name: &[u8], open: fn(&mut Lua)) -> Result<c_int, LuaError> {
    open(lua);
    let g = lua.globals;
    let lib = lua.get_field(g, name);
    let loaded = loaded_table(lua)?;
    lua.set_field(loaded, name, lib);
    lua.push(lib)?;
    lua.gc_check()?;
    Ok(1)
}

fn open_base(lua: &mut Lua) -> Result<c_int, LuaError> {
    stdlib::base::open(lua);
    let g = lua.globals;
    lua.set_field(g, b"_G", Value::Table(g));
    let co = lua.get_field(g, b"coroutine");
    let loaded = loaded_table(lua)?;
    lua.set_field(loaded, b"_G", Value::Table(g));
    lua.set_field(loaded, b"coroutine", co);
    lua.push(Value::Table(g))?;
    lua.push(co)?;
    lua.gc_check()?;
    Ok(2)
}

fn open_package(lua: &mut Lua) -> Result<c_int, LuaError> {
    // `package::open` keeps the registry's `_LOADED`; make sure there is
    // one (a state opened on the Rust side may only have package.loaded).
    loaded_table(lua)?;
    open_named(lua, b"package", stdlib::package::open)
}

/// A library opener: pushes its results and returns their count.
type Opener = fn(&mut Lua) -> Result<c_int, LuaError>;

/// The openers in 5.1's `luaL_openlibs` order.
const LIBS: [Opener; 8] = [
    open_base,
    open_package,
    |lua| open_named(lua, b"table", stdlib::table::open),
    |lua| open_named(lua, b"io", stdlib::io::open),
    |lua| open_named(lua, b"os", stdlib::os::open),
    |lua| open_named(lua, b"string", stdlib::string::open),
    |lua| open_named(lua, b"math", stdlib::math::open),
    |lua| open_named(lua, b"debug", stdlib::debug::open),
];

/// `luaopen_base`: the base library into the globals, and `coroutine`;
/// pushes `_G` and the coroutine table and returns 2.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_base(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, open_base)
}

/// `luaopen_package`: `require`, `module` and the `package` table; pushes
/// it and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_package(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, open_package)
}

/// `luaopen_table`: pushes the `table` library and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_table(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[2])
}

/// `luaopen_io`: pushes the `io` library and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_io(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[3])
}

/// `luaopen_os`: pushes the `os` library and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_os(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[4])
}

/// `luaopen_string`: pushes the `string` library (also the strings'
/// `__index`) and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_string(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[5])
}

/// `luaopen_math`: pushes the `math` library and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_math(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[6])
}

/// `luaopen_debug`: pushes the `debug` library and returns 1.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaopen_debug(L: *mut lua_State) -> c_int {
    // SAFETY: the caller passes a live block.
    api(L, LIBS[7])
}

/// `luaL_openlibs`: open every standard library, leaving the stack as it
/// was.
///
/// # Safety
/// `L` must be a live block.
#[no_mangle]
pub unsafe extern "C" fn luaL_openlibs(L: *mut lua_State) {
    // SAFETY: the caller passes a live block.
    api(L, |lua| {
        let top = lua.top;
        for open in LIBS {
            open(lua)?;
            lua.top = top;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::super::call::*;
    use super::super::stack::*;
    use super::super::state::*;
    use super::*;

    #[test]
    fn opening_twice_keeps_loaded_modules() {
        // SAFETY: a fresh state used by this thread only.
        unsafe {
            let L = luaL_newstate();
            luaL_openlibs(L);
            assert_eq!(lua_gettop(L), 0);
            let code = c"package.loaded.m = 'kept'";
            assert_eq!(lauxlib::luaL_loadstring(L, code.as_ptr()), 0);
            assert_eq!(lua_pcall(L, 0, 0, 0), 0);
            luaL_openlibs(L);
            assert_eq!(luaopen_base(L), 2);
            assert_eq!(luaopen_package(L), 1);
            lua_settop(L, 0);
            let check = c"assert(package.loaded.m == 'kept' and package.loaded.string == string \
                          and require('string') == string and ('x'):rep(2) == 'xx')";
            assert_eq!(lauxlib::luaL_loadstring(L, check.as_ptr()), 0);
            assert_eq!(lua_pcall(L, 0, 0, 0), 0);
            lua_close(L);
        }
    }
}
