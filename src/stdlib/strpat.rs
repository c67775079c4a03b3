//! Glue between Lua and the pattern matcher and format engine:
//! `string.find`, `match`, `gmatch`, `gsub`, `format`.

use crate::value::TableRef;
use crate::vm::Lua;

pub fn register(_lua: &mut Lua, _t: TableRef) {}
