//! The bytecode: register-based instructions close to Lua 5.1's 38 opcodes,
//! and `FuncProto`, the compiler's output for one function.
//!
//! Conventions (the compiler and the VM both rely on them):
//! * `R(x)` is register `x` of the running frame (`base + x`).
//! * An `Rk` operand names a register, or a constant when its top bit
//!   (`RK_CONST`) is set; the constant index is `rk & !RK_CONST`.
//! * `K(x)` is constant `x` of the function's `FuncProto::constants`.
//! * Jump offsets are relative to the instruction *after* the jump
//!   (`pc` has already been advanced when a jump is taken), as in 5.1.
//! * Conditional tests (`Eq`, `Lt`, `Le`, `Test`, `TestSet`, `TForLoop`)
//!   are always followed by a `Jmp`; "skip" means skip that next instruction.
//! * In `Call`/`Return`/`VarArg`/`SetList` counts, 0 means "up to the top of
//!   the stack" as left by the previous multi-result instruction.

/// A register-or-constant operand.
pub type Rk = u16;
/// Flag bit of an `Rk` operand that names a constant.
pub const RK_CONST: u16 = 0x8000;
/// Largest constant index an `Rk` operand can hold.
pub const MAX_RK_CONST: usize = 0x7fff;

/// Is this `Rk` operand a constant?
#[inline]
pub fn rk_is_const(rk: Rk) -> bool {
    rk & RK_CONST != 0
}

/// Make an `Rk` operand for constant `idx` (`idx <= MAX_RK_CONST`).
#[inline]
pub fn rk_const(idx: usize) -> Rk {
    debug_assert!(idx <= MAX_RK_CONST);
    idx as u16 | RK_CONST
}

/// One instruction. 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// R(a) = R(b)
    Move { a: u8, b: u8 },
    /// R(a) = K(bx)
    LoadK { a: u8, bx: u32 },
    /// R(a) = b; if c then skip the next instruction
    LoadBool { a: u8, b: bool, c: bool },
    /// R(a), R(a+1), ..., R(b) = nil  (note: b is the last register, inclusive)
    LoadNil { a: u8, b: u8 },
    /// R(a) = Upvalue[b]
    GetUpval { a: u8, b: u8 },
    /// R(a) = Env[K(bx)]   (K(bx) is a string constant)
    GetGlobal { a: u8, bx: u32 },
    /// R(a) = R(b)[RK(c)]
    GetTable { a: u8, b: u8, c: Rk },
    /// Env[K(bx)] = R(a)
    SetGlobal { a: u8, bx: u32 },
    /// Upvalue[b] = R(a)
    SetUpval { a: u8, b: u8 },
    /// R(a)[RK(b)] = RK(c)
    SetTable { a: u8, b: Rk, c: Rk },
    /// R(a) = {} with size hints: `b` array slots, `c` hash slots
    NewTable { a: u8, b: u16, c: u16 },
    /// R(a+1) = R(b); R(a) = R(b)[RK(c)]
    SelfOp { a: u8, b: u8, c: Rk },
    /// R(a) = RK(b) + RK(c)
    Add { a: u8, b: Rk, c: Rk },
    /// R(a) = RK(b) - RK(c)
    Sub { a: u8, b: Rk, c: Rk },
    /// R(a) = RK(b) * RK(c)
    Mul { a: u8, b: Rk, c: Rk },
    /// R(a) = RK(b) / RK(c)
    Div { a: u8, b: Rk, c: Rk },
    /// R(a) = RK(b) % RK(c)
    Mod { a: u8, b: Rk, c: Rk },
    /// R(a) = RK(b) ^ RK(c)
    Pow { a: u8, b: Rk, c: Rk },
    /// R(a) = -R(b)
    Unm { a: u8, b: u8 },
    /// R(a) = not R(b)
    Not { a: u8, b: u8 },
    /// R(a) = #R(b)
    Len { a: u8, b: u8 },
    /// R(a) = R(b) .. R(b+1) .. ... .. R(c)   (b < c)
    Concat { a: u8, b: u8, c: u8 },
    /// pc += sbx
    Jmp { sbx: i32 },
    /// if (RK(b) == RK(c)) ~= a then skip the next instruction
    Eq { a: bool, b: Rk, c: Rk },
    /// if (RK(b) < RK(c)) ~= a then skip the next instruction
    Lt { a: bool, b: Rk, c: Rk },
    /// if (RK(b) <= RK(c)) ~= a then skip the next instruction
    Le { a: bool, b: Rk, c: Rk },
    /// if truthy(R(a)) ~= c then skip the next instruction
    Test { a: u8, c: bool },
    /// if truthy(R(b)) == c then R(a) = R(b) else skip the next instruction
    TestSet { a: u8, b: u8, c: bool },
    /// R(a), ..., R(a+c-2) = R(a)(R(a+1), ..., R(a+b-1))
    /// b = nargs + 1 (0: args up to top); c = nresults + 1 (0: multiple results, set top)
    Call { a: u8, b: u16, c: u16 },
    /// return R(a)(R(a+1), ..., R(a+b-1))   (b as in `Call`)
    TailCall { a: u8, b: u16 },
    /// return R(a), ..., R(a+b-2)   (b = nresults + 1; 0: up to top)
    Return { a: u8, b: u16 },
    /// R(a) += R(a+2); if R(a) <?= R(a+1) then { pc += sbx; R(a+3) = R(a) }
    ForLoop { a: u8, sbx: i32 },
    /// check R(a), R(a+1), R(a+2) are numbers (coercing strings); R(a) -= R(a+2); pc += sbx
    ForPrep { a: u8, sbx: i32 },
    /// R(a+3), ..., R(a+2+c) = R(a)(R(a+1), R(a+2));
    /// if R(a+3) ~= nil then R(a+2) = R(a+3) else skip the next instruction
    TForLoop { a: u8, c: u8 },
    /// R(a)[c+i] = R(a+i) for 1 <= i <= b  (b = 0: up to top)
    SetList { a: u8, b: u16, c: u32 },
    /// close all open upvalues of registers >= R(a)
    Close { a: u8 },
    /// R(a) = closure(protos[bx]); its upvalues are described by
    /// `protos[bx].upvalues` (captured from this frame's registers or upvalues)
    Closure { a: u8, bx: u32 },
    /// R(a), ..., R(a+b-2) = vararg   (b = 0: all of them, set top)
    VarArg { a: u8, b: u16 },
}

/// A constant of a function.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Nil,
    Boolean(bool),
    Number(f64),
    /// Byte string (not necessarily UTF-8).
    String(Vec<u8>),
}

/// Where a closure's upvalue comes from when `Closure` creates it.
#[derive(Clone, Debug, PartialEq)]
pub struct UpvalDesc {
    /// Name, for debug info and error messages.
    pub name: Vec<u8>,
    /// true: register `index` of the enclosing function;
    /// false: upvalue `index` of the enclosing function.
    pub in_stack: bool,
    pub index: u8,
}

/// Debug info for one local variable.
#[derive(Clone, Debug, PartialEq)]
pub struct LocVar {
    pub name: Vec<u8>,
    /// First instruction where the variable is active.
    pub start_pc: u32,
    /// First instruction where the variable is dead.
    pub end_pc: u32,
}

/// A compiled function: pure data, no heap handles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FuncProto {
    pub code: Vec<Instr>,
    /// Source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    /// Nested function prototypes, referenced by `Closure`.
    pub protos: Vec<FuncProto>,
    pub upvalues: Vec<UpvalDesc>,
    pub locvars: Vec<LocVar>,
    pub num_params: u8,
    pub is_vararg: bool,
    /// 5.1 compatibility: the function declares `...` and its body never
    /// uses `...`, so the VM fills the local `arg` (the register right after
    /// the fixed parameters) with a table of the extra arguments and `n`.
    pub needs_arg: bool,
    /// Number of registers the function needs (<= 250).
    pub max_stack: u8,
    /// Chunk name as given to `load` (`"@file.lua"`, `"=stdin"`, or the source).
    pub source: Vec<u8>,
    pub line_defined: u32,
    pub last_line_defined: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instr_is_8_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }
}
