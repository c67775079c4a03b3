//! `LuaError`: the error type of every fallible operation inside cellua, and
//! the 5.1 status codes it maps to at the C boundary.

use crate::value::Value;
use thiserror::Error;

/// Status codes of `lua.h`.
pub const LUA_OK: i32 = 0;
pub const LUA_YIELD: i32 = 1;
pub const LUA_ERRRUN: i32 = 2;
pub const LUA_ERRSYNTAX: i32 = 3;
pub const LUA_ERRMEM: i32 = 4;
pub const LUA_ERRERR: i32 = 5;

/// An error raised while compiling or running Lua code.
#[derive(Debug, Clone, Error)]
pub enum LuaError {
    /// A runtime error; the payload is the Lua error object (any value).
    #[error("runtime error")]
    Runtime(Value),
    /// A syntax error; the message is already in 5.1's form
    /// (`[string "x"]:1: unexpected symbol near '='`).
    #[error("{0}")]
    Syntax(String),
    /// An allocation was refused.
    #[error("not enough memory")]
    Memory,
    /// An error inside an error handler (`xpcall`).
    #[error("error in error handling")]
    ErrorInHandler(Value),
    /// Not an error: a coroutine is yielding; carried up to `resume`.
    #[error("yield")]
    Yield,
    /// A `RefCell` arena was already borrowed: always a cellua bug.
    #[error("internal borrow conflict: {0}")]
    BorrowError(&'static str),
    /// A stale or foreign handle: always a cellua bug.
    #[error("invalid handle")]
    InvalidHandle,
}

impl LuaError {
    /// The `lua.h` status code for this error.
    pub fn status(&self) -> i32 {
        match self {
            LuaError::Runtime(_) | LuaError::BorrowError(_) | LuaError::InvalidHandle => LUA_ERRRUN,
            LuaError::Syntax(_) => LUA_ERRSYNTAX,
            LuaError::Memory => LUA_ERRMEM,
            LuaError::ErrorInHandler(_) => LUA_ERRERR,
            LuaError::Yield => LUA_YIELD,
        }
    }
}

pub type LuaResult<T> = Result<T, LuaError>;
