//! cellua's own additions to the C API (`include/cellua.h`): a way for C
//! code to know at run time that the Lua 5.1 library it runs on is cellua.

use std::ffi::c_char;

const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// `cellua_version`: cellua's version (`CELLUA_VERSION` of `cellua.h`), a
/// static NUL-terminated string. Hosts linked against any liblua5.1 can
/// look it up with `dlsym` to learn whether cellua is the one loaded.
///
/// # Safety
/// None: takes nothing and returns a pointer to static memory.
#[no_mangle]
pub extern "C" fn cellua_version() -> *const c_char {
    // SAFETY (for callers): the pointer is to static, NUL-terminated text.
    VERSION.as_ptr().cast()
}
