//! cellua: a Lua 5.1 virtual machine with a RefCell arena heap.
//!
//! Layers (data flows downward):
//! * `compiler`: source -> `FuncProto`
//! * `heap`: arenas of strings, tables, closures, upvalues, userdata, threads
//! * `vm`: the interpreter loop, calls, metamethods, coroutines
//! * `stdlib`: the standard library, written against the VM's native API
//! * `capi`: the Lua 5.1 C API on top of the same operations

pub mod capi;
pub mod compiler;
pub mod error;
pub mod gc;
pub mod heap;
pub mod number;
pub mod stdlib;
pub mod value;
pub mod vm;

pub use error::{LuaError, LuaResult};

/// Every allocation goes through cellua's allocator, which sends the
/// memory of a state made with a host allocator to that allocator (see
/// `heap::alloc`).
#[global_allocator]
static ALLOCATOR: heap::alloc::CelluaAlloc = heap::alloc::CelluaAlloc;
pub use value::{LuaType, Value};
pub use vm::{run_file, Lua};
