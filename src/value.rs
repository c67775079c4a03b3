//! `Value`: the 16-byte, `Copy` representation of every Lua value.
//!
//! Scalars are stored inline; every collectable object is a typed slotmap
//! handle into one of the heap's arenas (see `heap`). A handle whose object
//! was freed is detected by its slotmap version and never dereferenced.
//! Equality here is *raw* equality (no `__eq`); the `Hash`/`Eq` impls make a
//! `Value` usable as a table key (numbers compare by value, `-0 == 0`).

use slotmap::{new_key_type, Key};
use std::ffi::c_void;
use std::hash::{Hash, Hasher};

new_key_type! {
    /// Handle of an interned string.
    pub struct StrRef;
    /// Handle of a table.
    pub struct TableRef;
    /// Handle of a Lua closure.
    pub struct ClosureRef;
    /// Handle of a native (Rust or C) function with its upvalues.
    pub struct NativeRef;
    /// Handle of an upvalue cell.
    pub struct UpvalRef;
    /// Handle of a full userdata.
    pub struct UserDataRef;
    /// Handle of a thread (coroutine).
    pub struct ThreadRef;
}

/// A Lua value. `Copy`, 16 bytes.
#[derive(Clone, Copy, Debug, Default)]
pub enum Value {
    #[default]
    Nil,
    Boolean(bool),
    Number(f64),
    LightUserData(*mut c_void),
    String(StrRef),
    Table(TableRef),
    LuaFunction(ClosureRef),
    NativeFunction(NativeRef),
    UserData(UserDataRef),
    Thread(ThreadRef),
}

/// The basic Lua types, numbered as `lua.h` numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum LuaType {
    None = -1,
    Nil = 0,
    Boolean = 1,
    LightUserData = 2,
    Number = 3,
    String = 4,
    Table = 5,
    Function = 6,
    UserData = 7,
    Thread = 8,
}

impl LuaType {
    /// The name `type()` returns for this type.
    pub fn name(self) -> &'static str {
        match self {
            LuaType::None => "no value",
            LuaType::Nil => "nil",
            LuaType::Boolean => "boolean",
            LuaType::LightUserData | LuaType::UserData => "userdata",
            LuaType::Number => "number",
            LuaType::String => "string",
            LuaType::Table => "table",
            LuaType::Function => "function",
            LuaType::Thread => "thread",
        }
    }
}

impl Value {
    /// The basic type of this value.
    #[inline]
    pub fn lua_type(&self) -> LuaType {
        match self {
            Value::Nil => LuaType::Nil,
            Value::Boolean(_) => LuaType::Boolean,
            Value::Number(_) => LuaType::Number,
            Value::LightUserData(_) => LuaType::LightUserData,
            Value::String(_) => LuaType::String,
            Value::Table(_) => LuaType::Table,
            Value::LuaFunction(_) | Value::NativeFunction(_) => LuaType::Function,
            Value::UserData(_) => LuaType::UserData,
            Value::Thread(_) => LuaType::Thread,
        }
    }

    /// The name `type()` returns for this value.
    #[inline]
    pub fn type_name(&self) -> &'static str {
        self.lua_type().name()
    }

    /// Lua truthiness: only `nil` and `false` are false.
    #[inline]
    pub fn truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Boolean(false))
    }

    #[inline]
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Raw equality (`rawequal`): no metamethods.
    #[inline]
    pub fn raw_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Boolean(a), Value::Boolean(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::LightUserData(a), Value::LightUserData(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Table(a), Value::Table(b)) => a == b,
            (Value::LuaFunction(a), Value::LuaFunction(b)) => a == b,
            (Value::NativeFunction(a), Value::NativeFunction(b)) => a == b,
            (Value::UserData(a), Value::UserData(b)) => a == b,
            (Value::Thread(a), Value::Thread(b)) => a == b,
            _ => false,
        }
    }

    /// A stable identity for `%p`-style printing (`table: 0x...`).
    pub fn identity(&self) -> usize {
        let (tag, bits) = match self {
            Value::LightUserData(p) => return *p as usize,
            Value::String(k) => (1u64, k.data().as_ffi()),
            Value::Table(k) => (2, k.data().as_ffi()),
            Value::LuaFunction(k) => (3, k.data().as_ffi()),
            Value::NativeFunction(k) => (4, k.data().as_ffi()),
            Value::UserData(k) => (5, k.data().as_ffi()),
            Value::Thread(k) => (6, k.data().as_ffi()),
            _ => return 0,
        };
        // Slot index in the low bits, kind in the high bits: distinct per
        // live object, and it looks like an address to users.
        let idx = bits & 0xffff_ffff;
        (0x5500_0000_0000usize) | ((tag as usize) << 36) | ((idx as usize) << 4)
    }
}

impl PartialEq for Value {
    #[inline]
    fn eq(&self, other: &Value) -> bool {
        self.raw_eq(other)
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Value::Nil => state.write_u8(0),
            Value::Boolean(b) => state.write_u8(*b as u8 + 1),
            Value::Number(n) => {
                let n = if *n == 0.0 { 0.0 } else { *n };
                state.write_u64(n.to_bits())
            }
            Value::LightUserData(p) => state.write_usize(*p as usize),
            Value::String(k) => state.write_u64(k.data().as_ffi()),
            Value::Table(k) => state.write_u64(k.data().as_ffi() ^ 1),
            Value::LuaFunction(k) => state.write_u64(k.data().as_ffi() ^ 2),
            Value::NativeFunction(k) => state.write_u64(k.data().as_ffi() ^ 3),
            Value::UserData(k) => state.write_u64(k.data().as_ffi() ^ 4),
            Value::Thread(k) => state.write_u64(k.data().as_ffi() ^ 5),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn truthiness() {
        assert!(!Value::Nil.truthy());
        assert!(!Value::Boolean(false).truthy());
        assert!(Value::Number(0.0).truthy());
    }
}
