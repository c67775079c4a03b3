//! Binary chunks: `string.dump`'s output and the loader that reads it back.
//!
//! The format is cellua's own, never PUC-Rio's (a real `luac` 5.1 chunk is
//! refused with 5.1's "bad header" message). Everything is little-endian.
//!
//! ```text
//! header   12 bytes: 1b 'L' 'u' 'a' | CE (cellua; PUC 5.1 has 51 here) |
//!          format version 01 | 01 (little-endian) | 08 (f64 size) |
//!          1a 0d 0a 00 (catches text-mode and NUL-truncating mangling)
//! source   string: the chunk name the function was compiled with
//! function
//!   line_defined u32, last_line_defined u32
//!   num_params u8, flags u8 (bit 0 vararg, bit 1 needs `arg`), max_stack u8
//!   code     u32 count, then per instruction: opcode u8 (the order of
//!            `Instr`'s variants) and its operands at their Rust widths
//!            (u8 registers, u16 Rk/counts, u32 bx, i32 sbx, 0/1 booleans)
//!   lines    one u32 per instruction
//!   constants u32 count, then tag u8: 0 nil, 1 false, 2 true,
//!            3 number (f64 bits, u64), 4 string
//!   upvalues u32 count, then name string, in_stack u8 (0/1), index u8
//!   locvars  u32 count, then name string, start_pc u32, end_pc u32
//!   protos   u32 count, then each nested function as above
//! string   u32 length, then the bytes (any bytes, zeros included)
//! ```
//!
//! Nested functions share the top-level source (the VM shares it anyway).
//! Upvalue *values* are not saved: the loaded function gets fresh upvalues
//! holding nil, as in 5.1.
//!
//! # Hostile input
//!
//! The interpreter (`vm::exec`) trusts its bytecode, so the loader proves
//! everything it relies on before a chunk can run (`verify`); otherwise the
//! chunk is refused with a syntax-class error
//! `<name>: bad code in precompiled chunk (<what>)`. Reading never
//! allocates more than a small multiple of the input: every count is
//! checked against the bytes left before anything is reserved, and nesting
//! is bounded (`MAX_NESTING`), so the recursive reader cannot exhaust the
//! Rust stack. What `verify` checks, for every function:
//!
//! * `max_stack` <= 250; `num_params` (+1 for `arg`) <= `max_stack`;
//!   `needs_arg` implies vararg; the code is not empty; at most 256
//!   upvalues (all a byte operand can address).
//! * Every register operand is below `max_stack`, including the implicit
//!   ones: `Self` writes `a+1`; `LoadNil` clears `a..=b` (`a <= b`);
//!   `Concat` reads `b..=c` (`b < c`); `Call`/`TailCall` read `a..a+b-1`
//!   and `Call` writes `a..a+c-2`; `Return` reads `a..a+b-2`; `VarArg`
//!   writes `a..a+b-2`; `SetList` reads `a..a+b`; `ForPrep`/`ForLoop` use
//!   `a..=a+3`; `TForLoop` uses `a..=a+5` and `a+3..a+3+c` (`c >= 1`).
//! * Every constant index (`LoadK`, `GetGlobal`, `SetGlobal`, Rk operands)
//!   is in range; `GetGlobal`/`SetGlobal` name a string constant.
//! * Upvalue indices (`GetUpval`, `SetUpval`) are below the upvalue count;
//!   `Closure` names an existing nested prototype, and each upvalue that
//!   prototype captures is a register of this function (`in_stack`) or an
//!   upvalue of it. (The VM reads these descriptors from the nested
//!   prototype; there are no pseudo-instructions after `Closure`.)
//! * Control flow stays inside the code: the targets of `Jmp`, `ForPrep`,
//!   `ForLoop`, the skips of `LoadBool` and of the tests, and every
//!   fall-through (so the last instruction cannot fall off the end).
//! * A test (`Eq`, `Lt`, `Le`, `Test`, `TestSet`, `TForLoop`) is followed
//!   by a `Jmp`.
//! * The "up to top" protocol: an instruction that reads the stack top
//!   (`Call`/`TailCall` with b = 0, `Return` with b = 0, `SetList` with
//!   b = 0) directly follows one that sets it (`Call` with c = 0, `VarArg`
//!   with b = 0; or a `TailCall`, after which it is dead code), starts at
//!   or below that instruction's first result, and is not the target of
//!   any jump or skip; and each top-setter is followed by such a reader.
//!   Without this `top - first` could underflow.
//! * `VarArg` appears only in a vararg function without `arg`.
//! * Debug info: one line per instruction (by construction), local
//!   variables have `start_pc <= end_pc <= #code` and never more of them
//!   are active at once than there are registers.

use super::opcodes::{Constant, FuncProto, Instr, LocVar, UpvalDesc, RK_CONST};
use crate::error::{LuaError, LuaResult};
use crate::heap::{LuaClosure, Proto, Upval};
use crate::value::Value;
use crate::vm::Lua;
use std::rc::Rc;

/// The first byte of every binary chunk (5.1's `LUA_SIGNATURE[0]`).
pub const ESC: u8 = 0x1b;
/// The byte after `"\x1bLua"` that marks cellua's format (5.1 has 0x51).
pub const MARKER: u8 = 0xCE;
/// Version of the format.
pub const FORMAT_VERSION: u8 = 1;
/// The complete header.
pub const HEADER: [u8; 12] = [
    ESC,
    b'L',
    b'u',
    b'a',
    MARKER,
    FORMAT_VERSION,
    1, // little-endian
    8, // size of a number (f64)
    0x1a,
    b'\r',
    b'\n',
    0,
];
/// Deepest function nesting a chunk may have (the compiler stops at 200
/// syntactic levels, so its output is always shallower).
pub const MAX_NESTING: usize = 250;
/// Registers per function (the compiler's limit).
pub const MAX_STACK: usize = 250;
/// Upvalues per function: `GetUpval`/`SetUpval` and the `Closure`
/// descriptors address them with a byte, so more could never be used.
pub const MAX_UPVALUES: usize = 256;

// ----- writing -------------------------------------------------------------

struct Writer {
    out: Vec<u8>,
    /// A length did not fit its u32 field.
    too_big: bool,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.out.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn bool(&mut self, v: bool) {
        self.out.push(u8::from(v));
    }
    fn len(&mut self, n: usize) {
        match u32::try_from(n) {
            Ok(v) => self.u32(v),
            Err(_) => {
                self.too_big = true;
                self.u32(0);
            }
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.out.extend_from_slice(b);
    }

    fn instr(&mut self, i: &Instr) {
        use Instr::*;
        self.u8(opcode(i));
        match *i {
            Move { a, b }
            | LoadNil { a, b }
            | GetUpval { a, b }
            | SetUpval { a, b }
            | Unm { a, b }
            | Not { a, b }
            | Len { a, b } => {
                self.u8(a);
                self.u8(b);
            }
            LoadK { a, bx } | GetGlobal { a, bx } | SetGlobal { a, bx } | Closure { a, bx } => {
                self.u8(a);
                self.u32(bx);
            }
            LoadBool { a, b, c } => {
                self.u8(a);
                self.bool(b);
                self.bool(c);
            }
            GetTable { a, b, c } | SelfOp { a, b, c } => {
                self.u8(a);
                self.u8(b);
                self.u16(c);
            }
            SetTable { a, b, c }
            | Add { a, b, c }
            | Sub { a, b, c }
            | Mul { a, b, c }
            | Div { a, b, c }
            | Mod { a, b, c }
            | Pow { a, b, c } => {
                self.u8(a);
                self.u16(b);
                self.u16(c);
            }
            NewTable { a, b, c } | Call { a, b, c } => {
                self.u8(a);
                self.u16(b);
                self.u16(c);
            }
            Concat { a, b, c } => {
                self.u8(a);
                self.u8(b);
                self.u8(c);
            }
            Jmp { sbx } => self.i32(sbx),
            Eq { a, b, c } | Lt { a, b, c } | Le { a, b, c } => {
                self.bool(a);
                self.u16(b);
                self.u16(c);
            }
            Test { a, c } => {
                self.u8(a);
                self.bool(c);
            }
            TestSet { a, b, c } => {
                self.u8(a);
                self.u8(b);
                self.bool(c);
            }
            TailCall { a, b } | Return { a, b } | VarArg { a, b } => {
                self.u8(a);
                self.u16(b);
            }
            ForLoop { a, sbx } | ForPrep { a, sbx } => {
                self.u8(a);
                self.i32(sbx);
            }
            TForLoop { a, c } => {
                self.u8(a);
                self.u8(c);
            }
            SetList { a, b, c } => {
                self.u8(a);
                self.u16(b);
                self.u32(c);
            }
            Close { a } => self.u8(a),
        }
    }

    fn function(&mut self, p: &FuncProto) {
        self.u32(p.line_defined);
        self.u32(p.last_line_defined);
        self.u8(p.num_params);
        self.u8(u8::from(p.is_vararg) | (u8::from(p.needs_arg) << 1));
        self.u8(p.max_stack);
        self.len(p.code.len());
        for i in &p.code {
            self.instr(i);
        }
        for pc in 0..p.code.len() {
            self.u32(p.lines.get(pc).copied().unwrap_or(0));
        }
        self.len(p.constants.len());
        for c in &p.constants {
            match c {
                Constant::Nil => self.u8(0),
                Constant::Boolean(false) => self.u8(1),
                Constant::Boolean(true) => self.u8(2),
                Constant::Number(n) => {
                    self.u8(3);
                    self.out.extend_from_slice(&n.to_bits().to_le_bytes());
                }
                Constant::String(s) => {
                    self.u8(4);
                    self.bytes(s);
                }
            }
        }
        self.len(p.upvalues.len());
        for u in &p.upvalues {
            self.bytes(&u.name);
            self.bool(u.in_stack);
            self.u8(u.index);
        }
        self.len(p.locvars.len());
        for l in &p.locvars {
            self.bytes(&l.name);
            self.u32(l.start_pc);
            self.u32(l.end_pc);
        }
        self.len(p.protos.len());
        for sub in &p.protos {
            self.function(sub);
        }
    }
}

/// The opcode byte of an instruction: the position of its variant.
fn opcode(i: &Instr) -> u8 {
    use Instr::*;
    match i {
        Move { .. } => 0,
        LoadK { .. } => 1,
        LoadBool { .. } => 2,
        LoadNil { .. } => 3,
        GetUpval { .. } => 4,
        GetGlobal { .. } => 5,
        GetTable { .. } => 6,
        SetGlobal { .. } => 7,
        SetUpval { .. } => 8,
        SetTable { .. } => 9,
        NewTable { .. } => 10,
        SelfOp { .. } => 11,
        Add { .. } => 12,
        Sub { .. } => 13,
        Mul { .. } => 14,
        Div { .. } => 15,
        Mod { .. } => 16,
        Pow { .. } => 17,
        Unm { .. } => 18,
        Not { .. } => 19,
        Len { .. } => 20,
        Concat { .. } => 21,
        Jmp { .. } => 22,
        Eq { .. } => 23,
        Lt { .. } => 24,
        Le { .. } => 25,
        Test { .. } => 26,
        TestSet { .. } => 27,
        Call { .. } => 28,
        TailCall { .. } => 29,
        Return { .. } => 30,
        ForLoop { .. } => 31,
        ForPrep { .. } => 32,
        TForLoop { .. } => 33,
        SetList { .. } => 34,
        Close { .. } => 35,
        Closure { .. } => 36,
        VarArg { .. } => 37,
    }
}

/// Serialize a compiled function and its nested functions. The source
/// written is `p.source`. `None` only when a length exceeds 4 GB.
pub fn encode(p: &FuncProto) -> Option<Vec<u8>> {
    let mut w = Writer {
        out: HEADER.to_vec(),
        too_big: false,
    };
    w.bytes(&p.source);
    w.function(p);
    if w.too_big {
        None
    } else {
        Some(w.out)
    }
}

/// The compiler-level form of a runtime prototype (constants back to data).
pub fn proto_to_func_proto(lua: &mut Lua, p: &Proto) -> FuncProto {
    let constants = p
        .constants
        .iter()
        .map(|v| match *v {
            Value::Boolean(b) => Constant::Boolean(b),
            Value::Number(n) => Constant::Number(n),
            Value::String(s) => Constant::String(lua.heap.str_bytes(s).to_vec()),
            _ => Constant::Nil,
        })
        .collect();
    let protos = p
        .protos
        .iter()
        .map(|sub| proto_to_func_proto(lua, sub))
        .collect();
    FuncProto {
        code: p.code.clone(),
        lines: p.lines.clone(),
        constants,
        protos,
        upvalues: p.upvalues.clone(),
        locvars: p.locvars.clone(),
        num_params: p.num_params,
        is_vararg: p.is_vararg,
        needs_arg: p.needs_arg,
        max_stack: p.max_stack,
        source: p.source.to_vec(),
        line_defined: p.line_defined,
        last_line_defined: p.last_line_defined,
    }
}

/// `lua_dump`/`string.dump`: the binary chunk of a Lua function; `None`
/// for anything else (a native function, a non-function).
pub fn dump_function(lua: &mut Lua, f: Value) -> Option<Vec<u8>> {
    let Value::LuaFunction(cl) = f else {
        return None;
    };
    let proto = lua.heap.closures.get_mut().get(cl)?.proto.clone();
    let fp = proto_to_func_proto(lua, &proto);
    encode(&fp)
}

// ----- reading -------------------------------------------------------------

/// Why a chunk was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The input ended early.
    Truncated,
    /// Not cellua's header (PUC's luac output, another version, garbage).
    BadHeader,
    /// Malformed or unsafe contents.
    BadCode(String),
}

type Res<T> = Result<T, LoadError>;

fn bad<T>(msg: impl Into<String>) -> Res<T> {
    Err(LoadError::BadCode(msg.into()))
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }
    fn take(&mut self, n: usize) -> Res<&'a [u8]> {
        if n > self.remaining() {
            return Err(LoadError::Truncated);
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Res<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Res<u8> {
        Ok(self.array::<1>()?[0])
    }
    fn u16(&mut self) -> Res<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Res<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn i32(&mut self) -> Res<i32> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Res<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn bool(&mut self) -> Res<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            b => bad(format!("bad boolean {b}")),
        }
    }
    /// A count of items that take at least `min_size` bytes each: refused
    /// (as truncation) when the rest of the input cannot hold that many, so
    /// no count can make the loader reserve more than the input justifies.
    fn count(&mut self, min_size: usize) -> Res<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.remaining() {
            return Err(LoadError::Truncated);
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Res<Vec<u8>> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }

    fn instr(&mut self) -> Res<Instr> {
        use Instr::*;
        let op = self.u8()?;
        Ok(match op {
            0 => Move {
                a: self.u8()?,
                b: self.u8()?,
            },
            1 => LoadK {
                a: self.u8()?,
                bx: self.u32()?,
            },
            2 => LoadBool {
                a: self.u8()?,
                b: self.bool()?,
                c: self.bool()?,
            },
            3 => LoadNil {
                a: self.u8()?,
                b: self.u8()?,
            },
            4 => GetUpval {
                a: self.u8()?,
                b: self.u8()?,
            },
            5 => GetGlobal {
                a: self.u8()?,
                bx: self.u32()?,
            },
            6 => GetTable {
                a: self.u8()?,
                b: self.u8()?,
                c: self.u16()?,
            },
            7 => SetGlobal {
                a: self.u8()?,
                bx: self.u32()?,
            },
            8 => SetUpval {
                a: self.u8()?,
                b: self.u8()?,
            },
            9 => SetTable {
                a: self.u8()?,
                b: self.u16()?,
                c: self.u16()?,
            },
            10 => NewTable {
                a: self.u8()?,
                b: self.u16()?,
                c: self.u16()?,
            },
            11 => SelfOp {
                a: self.u8()?,
                b: self.u8()?,
                c: self.u16()?,
            },
            12..=17 => {
                let (a, b, c) = (self.u8()?, self.u16()?, self.u16()?);
                match op {
                    12 => Add { a, b, c },
                    13 => Sub { a, b, c },
                    14 => Mul { a, b, c },
                    15 => Div { a, b, c },
                    16 => Mod { a, b, c },
                    _ => Pow { a, b, c },
                }
            }
            18 => Unm {
                a: self.u8()?,
                b: self.u8()?,
            },
            19 => Not {
                a: self.u8()?,
                b: self.u8()?,
            },
            20 => Len {
                a: self.u8()?,
                b: self.u8()?,
            },
            21 => Concat {
                a: self.u8()?,
                b: self.u8()?,
                c: self.u8()?,
            },
            22 => Jmp { sbx: self.i32()? },
            23..=25 => {
                let (a, b, c) = (self.bool()?, self.u16()?, self.u16()?);
                match op {
                    23 => Eq { a, b, c },
                    24 => Lt { a, b, c },
                    _ => Le { a, b, c },
                }
            }
            26 => Test {
                a: self.u8()?,
                c: self.bool()?,
            },
            27 => TestSet {
                a: self.u8()?,
                b: self.u8()?,
                c: self.bool()?,
            },
            28 => Call {
                a: self.u8()?,
                b: self.u16()?,
                c: self.u16()?,
            },
            29 => TailCall {
                a: self.u8()?,
                b: self.u16()?,
            },
            30 => Return {
                a: self.u8()?,
                b: self.u16()?,
            },
            31 => ForLoop {
                a: self.u8()?,
                sbx: self.i32()?,
            },
            32 => ForPrep {
                a: self.u8()?,
                sbx: self.i32()?,
            },
            33 => TForLoop {
                a: self.u8()?,
                c: self.u8()?,
            },
            34 => SetList {
                a: self.u8()?,
                b: self.u16()?,
                c: self.u32()?,
            },
            35 => Close { a: self.u8()? },
            36 => Closure {
                a: self.u8()?,
                bx: self.u32()?,
            },
            37 => VarArg {
                a: self.u8()?,
                b: self.u16()?,
            },
            _ => return bad(format!("unknown opcode {op}")),
        })
    }

    fn function(&mut self, source: &[u8], depth: usize) -> Res<FuncProto> {
        if depth > MAX_NESTING {
            return bad("functions nested too deeply");
        }
        let line_defined = self.u32()?;
        let last_line_defined = self.u32()?;
        let num_params = self.u8()?;
        let flags = self.u8()?;
        if flags & !3 != 0 {
            return bad(format!("bad function flags {flags}"));
        }
        let max_stack = self.u8()?;
        // An instruction takes at least 2 bytes, plus 4 for its line.
        let ncode = self.count(6)?;
        let mut code = Vec::with_capacity(ncode);
        for _ in 0..ncode {
            code.push(self.instr()?);
        }
        let mut lines = Vec::with_capacity(ncode);
        for _ in 0..ncode {
            lines.push(self.u32()?);
        }
        let nk = self.count(1)?;
        let mut constants = Vec::with_capacity(nk);
        for _ in 0..nk {
            constants.push(match self.u8()? {
                0 => Constant::Nil,
                1 => Constant::Boolean(false),
                2 => Constant::Boolean(true),
                3 => Constant::Number(f64::from_bits(self.u64()?)),
                4 => Constant::String(self.bytes()?),
                t => return bad(format!("bad constant tag {t}")),
            });
        }
        let nup = self.count(6)?;
        let mut upvalues = Vec::with_capacity(nup);
        for _ in 0..nup {
            upvalues.push(UpvalDesc {
                name: self.bytes()?,
                in_stack: self.bool()?,
                index: self.u8()?,
            });
        }
        let nloc = self.count(12)?;
        let mut locvars = Vec::with_capacity(nloc);
        for _ in 0..nloc {
            locvars.push(LocVar {
                name: self.bytes()?,
                start_pc: self.u32()?,
                end_pc: self.u32()?,
            });
        }
        // A function takes at least 35 bytes (empty code and lists).
        let nprotos = self.count(35)?;
        let mut protos = Vec::with_capacity(nprotos);
        for _ in 0..nprotos {
            protos.push(self.function(source, depth + 1)?);
        }
        Ok(FuncProto {
            code,
            lines,
            constants,
            protos,
            upvalues,
            locvars,
            num_params,
            is_vararg: flags & 1 != 0,
            needs_arg: flags & 2 != 0,
            max_stack,
            source: source.to_vec(),
            line_defined,
            last_line_defined,
        })
    }
}

/// Parse a binary chunk (header included) and verify it. The result is
/// safe to hand to `Lua::instantiate`.
pub fn decode(data: &[u8]) -> Result<FuncProto, LoadError> {
    let mut r = Reader { data, pos: 0 };
    // As 5.1: the whole header is read before it is compared, so a short
    // chunk is "unexpected end" and a wrong one "bad header".
    let header = r.take(HEADER.len())?;
    if header != HEADER {
        return Err(LoadError::BadHeader);
    }
    let source = r.bytes()?;
    let fp = r.function(&source, 0)?;
    if r.remaining() != 0 {
        return bad("extra bytes after the main function");
    }
    verify(&fp)?;
    Ok(fp)
}

/// The name 5.1 uses in loader messages: `@file`/`=name` without their
/// first character, `"binary string"` for a name that is itself a binary
/// chunk (what `loadstring(s)` passes), anything else as is.
fn loader_name(chunkname: &[u8]) -> String {
    let name = match chunkname.iter().position(|&c| c == 0) {
        Some(p) => &chunkname[..p],
        None => chunkname,
    };
    match name.first() {
        Some(b'@') | Some(b'=') => String::from_utf8_lossy(&name[1..]).into_owned(),
        Some(&ESC) => "binary string".to_string(),
        _ => String::from_utf8_lossy(name).into_owned(),
    }
}

/// The complete message for a refused chunk, in 5.1's form
/// (`binary string: bad header in precompiled chunk`).
pub fn load_error_message(chunkname: &[u8], e: &LoadError) -> String {
    let why = match e {
        LoadError::Truncated => "unexpected end".to_string(),
        LoadError::BadHeader => "bad header".to_string(),
        LoadError::BadCode(d) => {
            return format!(
                "{}: bad code in precompiled chunk ({d})",
                loader_name(chunkname)
            )
        }
    };
    format!("{}: {why} in precompiled chunk", loader_name(chunkname))
}

/// Load a chunk that starts with ESC (`Lua::load` sends those here): a
/// cellua binary chunk becomes a function (environment: the globals; its
/// upvalues fresh and nil); anything else is a syntax-class error.
pub fn load_binary(lua: &mut Lua, data: &[u8], chunkname: &[u8]) -> LuaResult<Value> {
    let fp = decode(data).map_err(|e| LuaError::Syntax(load_error_message(chunkname, &e)))?;
    let source: Rc<[u8]> = Rc::from(&fp.source[..]);
    let proto = lua.instantiate(&fp, &source);
    let upvals = (0..proto.upvalues.len())
        .map(|_| lua.heap.new_upval(Upval::Closed(Value::Nil)))
        .collect();
    let env = lua.globals;
    let cl = lua.heap.new_closure(LuaClosure { proto, upvals, env });
    Ok(Value::LuaFunction(cl))
}

// ----- verification ----------------------------------------------------------

/// Is this instruction one that reads the stack top left by the previous
/// instruction (its count operand is 0)?
fn reads_top(i: &Instr) -> bool {
    matches!(
        i,
        Instr::Call { b: 0, .. }
            | Instr::TailCall { b: 0, .. }
            | Instr::Return { b: 0, .. }
            | Instr::SetList { b: 0, .. }
    )
}

fn is_test(i: &Instr) -> bool {
    matches!(
        i,
        Instr::Eq { .. }
            | Instr::Lt { .. }
            | Instr::Le { .. }
            | Instr::Test { .. }
            | Instr::TestSet { .. }
            | Instr::TForLoop { .. }
    )
}

/// Check one function and, recursively, its nested functions (see the
/// module docs for the list).
pub fn verify(p: &FuncProto) -> Res<()> {
    verify_one(p)?;
    for sub in &p.protos {
        verify(sub)?;
    }
    Ok(())
}

fn verify_one(p: &FuncProto) -> Res<()> {
    let where_ = |pc: usize, what: String| -> LoadError {
        LoadError::BadCode(format!(
            "function at line {}, instruction {}: {what}",
            p.line_defined,
            pc + 1
        ))
    };
    let fun = |what: &str| -> LoadError {
        LoadError::BadCode(format!("function at line {}: {what}", p.line_defined))
    };
    let maxs = p.max_stack as usize;
    let n = p.code.len();
    let nk = p.constants.len();
    let nups = p.upvalues.len();
    if maxs > MAX_STACK {
        return Err(fun("too many registers"));
    }
    if p.num_params as usize + usize::from(p.needs_arg) > maxs {
        return Err(fun("more parameters than registers"));
    }
    if p.needs_arg && !p.is_vararg {
        return Err(fun("'arg' in a function without '...'"));
    }
    if n == 0 {
        return Err(fun("no code"));
    }
    if nups > MAX_UPVALUES {
        return Err(fun("too many upvalues"));
    }
    if p.lines.len() != n {
        return Err(fun("line info does not match the code"));
    }
    // Local variables: ranges inside the code, no more active than registers.
    let mut events: Vec<(u32, i32)> = Vec::with_capacity(2 * p.locvars.len());
    for lv in &p.locvars {
        if lv.start_pc > lv.end_pc || lv.end_pc as usize > n {
            return Err(fun("bad local variable range"));
        }
        if lv.start_pc < lv.end_pc {
            events.push((lv.start_pc, 1));
            events.push((lv.end_pc, -1));
        }
    }
    events.sort_unstable();
    let mut active: i64 = 0;
    for (_, d) in events {
        active += d as i64;
        if active > maxs as i64 {
            return Err(fun("more active locals than registers"));
        }
    }

    // Targets of jumps and skips (edges other than falling through).
    let mut jumped_to = vec![false; n];
    for (pc, ins) in p.code.iter().enumerate() {
        let e = |what: String| where_(pc, what);
        let reg = |r: usize| -> Res<()> {
            if r < maxs {
                Ok(())
            } else {
                Err(e(format!("register {r} out of range")))
            }
        };
        let kst = |k: usize| -> Res<()> {
            if k < nk {
                Ok(())
            } else {
                Err(e(format!("constant {k} out of range")))
            }
        };
        let rk = |x: u16| -> Res<()> {
            if x & RK_CONST != 0 {
                kst((x & !RK_CONST) as usize)
            } else {
                reg(x as usize)
            }
        };
        let upv = |u: u8| -> Res<()> {
            if (u as usize) < nups {
                Ok(())
            } else {
                Err(e(format!("upvalue {u} out of range")))
            }
        };
        let string_k = |k: u32| -> Res<()> {
            kst(k as usize)?;
            match p.constants.get(k as usize) {
                Some(Constant::String(_)) => Ok(()),
                _ => Err(e("global name is not a string".to_string())),
            }
        };
        // Successors: `fall` = falls through to pc+1; `jumps` = other targets.
        let mut fall = true;
        let mut jumps: [Option<i64>; 1] = [None];
        let next = pc as i64 + 1;
        let rel = |sbx: i32| next + sbx as i64;
        use Instr::*;
        match *ins {
            Move { a, b } | Unm { a, b } | Not { a, b } | Len { a, b } => {
                reg(a as usize)?;
                reg(b as usize)?;
            }
            LoadK { a, bx } => {
                reg(a as usize)?;
                kst(bx as usize)?;
            }
            LoadBool { a, c, .. } => {
                reg(a as usize)?;
                if c {
                    fall = false;
                    jumps[0] = Some(next + 1);
                }
            }
            LoadNil { a, b } => {
                if a > b {
                    return Err(e("empty nil range".to_string()));
                }
                reg(b as usize)?;
            }
            GetUpval { a, b } | SetUpval { a, b } => {
                reg(a as usize)?;
                upv(b)?;
            }
            GetGlobal { a, bx } | SetGlobal { a, bx } => {
                reg(a as usize)?;
                string_k(bx)?;
            }
            GetTable { a, b, c } => {
                reg(a as usize)?;
                reg(b as usize)?;
                rk(c)?;
            }
            SetTable { a, b, c }
            | Add { a, b, c }
            | Sub { a, b, c }
            | Mul { a, b, c }
            | Div { a, b, c }
            | Mod { a, b, c }
            | Pow { a, b, c } => {
                reg(a as usize)?;
                rk(b)?;
                rk(c)?;
            }
            NewTable { a, .. } => reg(a as usize)?,
            SelfOp { a, b, c } => {
                reg(a as usize + 1)?;
                reg(b as usize)?;
                rk(c)?;
            }
            Concat { a, b, c } => {
                reg(a as usize)?;
                if b >= c {
                    return Err(e("empty concatenation".to_string()));
                }
                reg(c as usize)?;
            }
            Jmp { sbx } => {
                fall = false;
                jumps[0] = Some(rel(sbx));
            }
            Eq { b, c, .. } | Lt { b, c, .. } | Le { b, c, .. } => {
                rk(b)?;
                rk(c)?;
                jumps[0] = Some(next + 1);
            }
            Test { a, .. } => {
                reg(a as usize)?;
                jumps[0] = Some(next + 1);
            }
            TestSet { a, b, .. } => {
                reg(a as usize)?;
                reg(b as usize)?;
                jumps[0] = Some(next + 1);
            }
            Call { a, b, c } => {
                reg(a as usize)?;
                if b > 0 {
                    reg(a as usize + b as usize - 1)?;
                }
                if c > 1 {
                    reg(a as usize + c as usize - 2)?;
                }
            }
            TailCall { a, b } => {
                reg(a as usize)?;
                if b > 0 {
                    reg(a as usize + b as usize - 1)?;
                }
                fall = false;
            }
            Return { a, b } => {
                if b > 1 {
                    reg(a as usize + b as usize - 2)?;
                } else if a as usize > maxs {
                    return Err(e(format!("register {a} out of range")));
                }
                fall = false;
            }
            ForLoop { a, sbx } => {
                reg(a as usize + 3)?;
                jumps[0] = Some(rel(sbx));
            }
            ForPrep { a, sbx } => {
                reg(a as usize + 3)?;
                fall = false;
                jumps[0] = Some(rel(sbx));
            }
            TForLoop { a, c } => {
                if c == 0 {
                    return Err(e("generic for without variables".to_string()));
                }
                reg(a as usize + 5)?;
                reg(a as usize + 2 + c as usize)?;
                jumps[0] = Some(next + 1);
            }
            SetList { a, b, .. } => {
                reg(a as usize)?;
                if b > 0 {
                    reg(a as usize + b as usize)?;
                }
            }
            Close { a } => {
                if a as usize > maxs {
                    return Err(e(format!("register {a} out of range")));
                }
            }
            Closure { a, bx } => {
                reg(a as usize)?;
                let Some(sub) = p.protos.get(bx as usize) else {
                    return Err(e(format!("function {bx} out of range")));
                };
                for d in &sub.upvalues {
                    if d.in_stack {
                        reg(d.index as usize)?;
                    } else {
                        upv(d.index)?;
                    }
                }
            }
            VarArg { a, b } => {
                if !p.is_vararg || p.needs_arg {
                    return Err(e("'...' outside a vararg function".to_string()));
                }
                reg(a as usize)?;
                if b > 1 {
                    reg(a as usize + b as usize - 2)?;
                }
            }
        }
        if is_test(ins) && !matches!(p.code.get(pc + 1), Some(Jmp { .. })) {
            return Err(e("test not followed by a jump".to_string()));
        }
        if fall && pc + 1 >= n {
            return Err(e("falls off the end of the code".to_string()));
        }
        for t in jumps.into_iter().flatten() {
            if t < 0 || t >= n as i64 {
                return Err(e(format!("jump to {} outside the code", t + 1)));
            }
            jumped_to[t as usize] = true;
        }
        // A top-setter must hand over to a top-reader.
        let sets_top = matches!(ins, Call { c: 0, .. } | VarArg { b: 0, .. });
        if sets_top && !p.code.get(pc + 1).is_some_and(reads_top) {
            return Err(e("open result not used by the next instruction".to_string()));
        }
    }
    // Every top-reader follows a top-setter and cannot be jumped to.
    for (pc, ins) in p.code.iter().enumerate() {
        if !reads_top(ins) {
            continue;
        }
        let e = |what: &str| where_(pc, what.to_string());
        if jumped_to[pc] {
            return Err(e("jump to an instruction that uses the stack top"));
        }
        // The first register the reader takes from the top-delimited run.
        let start = match *ins {
            Instr::Return { a, .. } => a as usize,
            Instr::Call { a, .. } | Instr::TailCall { a, .. } | Instr::SetList { a, .. } => {
                a as usize + 1
            }
            _ => 0,
        };
        let ok = match pc.checked_sub(1).and_then(|q| p.code.get(q)) {
            Some(Instr::Call { a, c: 0, .. }) | Some(Instr::VarArg { a, b: 0 }) => {
                start <= *a as usize
            }
            // Unreachable: a tail call never falls through.
            Some(Instr::TailCall { .. }) => true,
            _ => false,
        };
        if !ok {
            return Err(e("stack top used without an open result before it"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::compile;
    use std::panic::{catch_unwind, AssertUnwindSafe};

    /// Every compilable `tests/lua/*.lua` and `tests/diff/*.lua`, compiled.
    fn corpus() -> Vec<(String, FuncProto)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["tests/lua", "tests/diff"] {
            let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            let mut paths: Vec<_> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "lua"))
                .collect();
            paths.sort();
            for p in paths {
                let Ok(src) = std::fs::read(&p) else { continue };
                let name = format!("@{}", p.display());
                if let Ok(fp) = compile(&src, name.as_bytes()) {
                    out.push((name, fp));
                }
            }
        }
        out
    }

    fn each_proto<'a>(p: &'a FuncProto, out: &mut Vec<&'a FuncProto>) {
        out.push(p);
        for sub in &p.protos {
            each_proto(sub, out);
        }
    }

    /// The dumps of every function of every corpus file (each nested
    /// function also dumped on its own, as `string.dump` would).
    fn dumps() -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for (_, fp) in corpus() {
            let mut all = Vec::new();
            each_proto(&fp, &mut all);
            for p in all {
                out.push(encode(p).expect("encodable"));
            }
        }
        out
    }

    #[test]
    fn compiler_output_verifies_and_round_trips() {
        let corpus = corpus();
        assert!(corpus.len() > 50, "corpus too small: {}", corpus.len());
        let mut n = 0;
        for (name, fp) in &corpus {
            let mut all = Vec::new();
            each_proto(fp, &mut all);
            for p in all {
                let bytes = encode(p).expect("encodable");
                let back = decode(&bytes).unwrap_or_else(|e| {
                    panic!(
                        "{name}: {}\n{}",
                        load_error_message(name.as_bytes(), &e),
                        crate::compiler::disassemble(p)
                    )
                });
                // Compare encodings (NaN constants are not PartialEq).
                assert_eq!(encode(&back).as_deref(), Some(&bytes[..]), "{name}");
                n += 1;
            }
        }
        assert!(n > 200, "only {n} functions");
    }

    #[test]
    fn header_errors_read_like_5_1() {
        let msg = |data: &[u8], name: &[u8]| match decode(data) {
            Ok(_) => "loaded".to_string(),
            Err(e) => load_error_message(name, &e),
        };
        assert_eq!(
            msg(b"\x1bLuajunk", b"\x1bLuajunk"),
            "binary string: unexpected end in precompiled chunk"
        );
        assert_eq!(
            msg(b"\x1bLuaQ\0\x01\x04\x08\x04\x08\0rest", b"=x"),
            "x: bad header in precompiled chunk"
        );
        let good = encode(&compile(b"return 1", b"=t").unwrap()).unwrap();
        assert!(decode(&good).is_ok());
        assert_ne!(good[4], 0x51);
        assert_eq!(
            msg(&good[..good.len() - 1], b"@f.luac"),
            "f.luac: unexpected end in precompiled chunk"
        );
        let mut extra = good.clone();
        extra.push(0);
        assert!(msg(&extra, b"=x").contains("bad code in precompiled chunk"));
    }

    #[test]
    fn huge_counts_and_deep_nesting_are_refused_cheaply() {
        // A header, a source and a function that claims 2^32-1 instructions.
        let mut b = HEADER.to_vec();
        b.extend_from_slice(&0u32.to_le_bytes());
        b.extend_from_slice(&[0; 8]);
        b.extend_from_slice(&[0, 0, 2]);
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&b).err(), Some(LoadError::Truncated));
        // A source string that claims 4 GB.
        let mut b = HEADER.to_vec();
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&b).err(), Some(LoadError::Truncated));

        let leaf = compile(b"return 1", b"=deep").unwrap();
        let nest = |levels: usize| {
            let mut p = leaf.clone();
            for _ in 0..levels {
                let mut outer = leaf.clone();
                outer.protos.push(p);
                p = outer;
            }
            p
        };
        assert!(decode(&encode(&nest(MAX_NESTING)).unwrap()).is_ok());
        match decode(&encode(&nest(MAX_NESTING + 1)).unwrap()) {
            Err(LoadError::BadCode(m)) => assert!(m.contains("nested too deeply"), "{m}"),
            other => panic!("{other:?}"),
        }
        // Far deeper than any Rust stack would survive if the reader did
        // not stop early (each level is only 35 bytes).
        let mut b = HEADER.to_vec();
        b.extend_from_slice(&0u32.to_le_bytes());
        for _ in 0..100_000 {
            b.extend_from_slice(&[0; 8]);
            b.extend_from_slice(&[0, 0, 2]);
            b.extend_from_slice(&[0; 16]);
            b.extend_from_slice(&1u32.to_le_bytes());
        }
        assert!(matches!(decode(&b), Err(LoadError::BadCode(_))));
    }

    #[test]
    fn dump_function_and_loading_paths() {
        let mut lua = Lua::new();
        lua.exec(
            b"local up = 1\n\
              function dumped(a, ...) return a, select('#', ...), up end",
            b"=src",
        )
        .unwrap();
        let g = lua.globals;
        let f = lua.get_field(g, b"dumped");
        let print = lua.get_field(g, b"print");
        assert!(dump_function(&mut lua, print).is_none());
        assert!(dump_function(&mut lua, Value::Nil).is_none());
        let bytes = dump_function(&mut lua, f).expect("a Lua function dumps");
        // Lua::load takes binary chunks, with fresh (nil) upvalues.
        let loaded = lua.load(&bytes, b"=bin").unwrap();
        let at = lua
            .call_value(
                loaded,
                &[Value::Number(7.0), Value::Nil],
                crate::vm::MULTRET,
            )
            .unwrap();
        assert!(matches!(lua.stack[at], Value::Number(n) if n == 7.0));
        assert!(matches!(lua.stack[at + 1], Value::Number(n) if n == 1.0));
        assert!(lua.stack[at + 2].is_nil());
        lua.top = at;
        // loadfile and dofile read binary files.
        let path = std::env::temp_dir().join(format!("cellua_dump_{}.luac", std::process::id()));
        let main = compile(b"return 6 * 7, ...", b"@file.lua").unwrap();
        std::fs::write(&path, encode(&main).unwrap()).unwrap();
        let p = path.to_string_lossy().into_owned();
        // With a `#!` line before the binary chunk, as 5.1 allows.
        let hashed =
            std::env::temp_dir().join(format!("cellua_dump_{}_x.luac", std::process::id()));
        let mut with_hash = b"#!/usr/bin/env cellua\n".to_vec();
        with_hash.extend_from_slice(&encode(&main).unwrap());
        std::fs::write(&hashed, with_hash).unwrap();
        let ph = hashed.to_string_lossy().into_owned();
        let script = format!(
            "local f = assert(loadfile({p:?}))\n\
             assert(f() == 42)\n\
             assert(dofile({p:?}) == 42)\n\
             assert(dofile({ph:?}) == 42)\n\
             ok_from_file = true"
        );
        let r = lua.exec(script.as_bytes(), b"=files");
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(&hashed);
        if let Err(e) = r {
            panic!("{}", lua.error_message(&e));
        }
        assert_eq!(lua.get_field(g, b"ok_from_file"), Value::Boolean(true));
        // Refusals are syntax-class errors.
        assert!(matches!(
            lua.load(b"\x1bLuaQ\0\x01\x04\x08\x04\x08\0", b"=puc"),
            Err(LuaError::Syntax(m)) if m == "puc: bad header in precompiled chunk"
        ));
    }

    /// Hand-made functions the verifier must refuse.
    #[test]
    fn verifier_refuses_unsafe_code() {
        use Instr::*;
        let base = FuncProto {
            code: vec![Return { a: 0, b: 1 }],
            lines: vec![1],
            max_stack: 2,
            is_vararg: true,
            ..Default::default()
        };
        let with = |code: Vec<Instr>| {
            let mut p = base.clone();
            p.lines = vec![1; code.len()];
            p.code = code;
            p
        };
        let ret = Return { a: 0, b: 1 };
        let bad_cases: Vec<(&str, FuncProto)> = vec![
            ("register", with(vec![Move { a: 2, b: 0 }, ret])),
            ("constant", with(vec![LoadK { a: 0, bx: 0 }, ret])),
            (
                "rk constant",
                with(vec![
                    Add {
                        a: 0,
                        b: RK_CONST,
                        c: 0,
                    },
                    ret,
                ]),
            ),
            ("upvalue", with(vec![GetUpval { a: 0, b: 0 }, ret])),
            ("jump out", with(vec![Jmp { sbx: 5 }, ret])),
            ("jump before", with(vec![Jmp { sbx: -2 }, ret])),
            ("fall off", with(vec![Move { a: 0, b: 0 }])),
            ("no code", with(vec![])),
            (
                "test then no jump",
                with(vec![Test { a: 0, c: false }, ret, ret]),
            ),
            (
                "loadbool skip out",
                with(vec![
                    LoadBool {
                        a: 0,
                        b: true,
                        c: true,
                    },
                    ret,
                ]),
            ),
            ("nil range", with(vec![LoadNil { a: 1, b: 0 }, ret])),
            ("nil range end", with(vec![LoadNil { a: 0, b: 2 }, ret])),
            ("concat", with(vec![Concat { a: 0, b: 1, c: 1 }, ret])),
            ("self", with(vec![SelfOp { a: 1, b: 0, c: 0 }, ret])),
            ("call args", with(vec![Call { a: 0, b: 3, c: 1 }, ret])),
            ("call results", with(vec![Call { a: 0, b: 1, c: 4 }, ret])),
            ("return values", with(vec![Return { a: 1, b: 3 }])),
            ("open return", with(vec![Return { a: 0, b: 0 }])),
            (
                "open call after fixed call",
                with(vec![
                    Call { a: 0, b: 1, c: 2 },
                    Call { a: 0, b: 0, c: 1 },
                    ret,
                ]),
            ),
            (
                "open reader above the results",
                with(vec![VarArg { a: 0, b: 0 }, Return { a: 1, b: 0 }]),
            ),
            ("open result unused", with(vec![VarArg { a: 0, b: 0 }, ret])),
            (
                "jump to a top reader",
                with(vec![
                    Jmp { sbx: 1 },
                    VarArg { a: 0, b: 0 },
                    Return { a: 0, b: 0 },
                ]),
            ),
            ("for prep", with(vec![ForPrep { a: 0, sbx: 0 }, ret])),
            ("setlist", with(vec![SetList { a: 0, b: 2, c: 0 }, ret])),
            ("global name", {
                let mut p = with(vec![GetGlobal { a: 0, bx: 0 }, ret]);
                p.constants = vec![Constant::Number(1.0)];
                p
            }),
            ("closure index", with(vec![Closure { a: 0, bx: 0 }, ret])),
            ("closure upvalue", {
                let mut p = with(vec![Closure { a: 0, bx: 0 }, ret]);
                let mut sub = base.clone();
                sub.upvalues = vec![UpvalDesc {
                    name: b"u".to_vec(),
                    in_stack: true,
                    index: 9,
                }];
                p.protos = vec![sub];
                p
            }),
            ("vararg outside vararg function", {
                let mut p = with(vec![VarArg { a: 0, b: 2 }, ret]);
                p.is_vararg = false;
                p
            }),
            ("too many upvalues", {
                let mut p = base.clone();
                p.upvalues = (0..=MAX_UPVALUES)
                    .map(|_| UpvalDesc {
                        name: b"u".to_vec(),
                        in_stack: true,
                        index: 0,
                    })
                    .collect();
                p
            }),
            ("params", {
                let mut p = base.clone();
                p.num_params = 3;
                p
            }),
            ("locals", {
                let mut p = base.clone();
                p.locvars = (0..3)
                    .map(|_| LocVar {
                        name: b"x".to_vec(),
                        start_pc: 0,
                        end_pc: 1,
                    })
                    .collect();
                p
            }),
            (
                "tforloop",
                with(vec![TForLoop { a: 0, c: 1 }, Jmp { sbx: -2 }, ret]),
            ),
        ];
        assert!(verify(&base).is_ok());
        for (what, p) in bad_cases {
            let bytes = encode(&p).expect("encodable");
            match decode(&bytes) {
                Err(LoadError::BadCode(_)) => {}
                other => panic!("{what}: {other:?}"),
            }
        }
    }

    /// A tiny deterministic PRNG (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            if n == 0 {
                0
            } else {
                (self.next() % n as u64) as usize
            }
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        /// An index below `n`, or (`percent`% of the time) up to `n`.
        fn idx(&mut self, n: usize, percent: usize) -> usize {
            let extra = usize::from(self.chance(percent));
            self.below(n + extra)
        }
    }

    fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
        let mut v = input.to_vec();
        for _ in 0..1 + rng.below(3) {
            if v.is_empty() {
                break;
            }
            let at = rng.below(v.len());
            match rng.below(8) {
                0 => v[at] ^= 1 << rng.below(8),
                1 => v[at] = rng.next() as u8,
                2 => v[at] = [0u8, 1, 2, 0x7f, 0x80, 0xfe, 0xff][rng.below(7)],
                3 => v.truncate(at),
                4 => {
                    let specials = [0u32, 1, 2, 0xff, 0xffff, 0x7fff_ffff, 0xffff_ffff];
                    let w = if rng.chance(50) {
                        specials[rng.below(specials.len())]
                    } else {
                        rng.next() as u32 % 300
                    };
                    for (i, b) in w.to_le_bytes().iter().enumerate() {
                        if let Some(x) = v.get_mut(at + i) {
                            *x = *b;
                        }
                    }
                }
                5 => {
                    let end = (at + 1 + rng.below(8)).min(v.len());
                    v.drain(at..end);
                }
                6 => {
                    for _ in 0..1 + rng.below(4) {
                        v.insert(at, rng.next() as u8);
                    }
                }
                _ => {
                    let len = 1 + rng.below(16);
                    let end = (at + len).min(v.len());
                    let piece = v[at..end].to_vec();
                    let to = rng.below(v.len());
                    for (i, b) in piece.into_iter().enumerate() {
                        v.insert(to + i, b);
                    }
                }
            }
        }
        v
    }

    /// When every jump goes forward and there are no tail calls, each
    /// activation runs each instruction at most once: the run is bounded
    /// by (calls per function)^(call depth) x (code length). Returns the
    /// frame limit that keeps that bound small, or None for a chunk that
    /// could loop.
    fn bounded_depth(fp: &FuncProto) -> Option<usize> {
        let mut all = Vec::new();
        each_proto(fp, &mut all);
        let (mut calls, mut len) = (1usize, 1usize);
        for p in all {
            let mut c = 0;
            for i in &p.code {
                match *i {
                    Instr::Jmp { sbx }
                    | Instr::ForLoop { sbx, .. }
                    | Instr::ForPrep { sbx, .. }
                        if sbx < 0 =>
                    {
                        return None
                    }
                    Instr::TailCall { .. } => return None,
                    Instr::Call { .. } | Instr::TForLoop { .. } => c += 1,
                    _ => {}
                }
            }
            calls = calls.max(c);
            len = len.max(p.code.len());
        }
        let mut depth = 1;
        let mut work = calls * len;
        while depth < 8 && work.saturating_mul(calls) <= 200_000 {
            work = work.saturating_mul(calls);
            depth += 1;
        }
        Some(depth)
    }

    /// Cases per fuzz test: `CELLUA_FUZZ_CASES` overrides the default and
    /// `CELLUA_FUZZ_SEED` changes the seed (for longer local runs).
    fn fuzz_cases(default: usize) -> usize {
        std::env::var("CELLUA_FUZZ_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    }

    fn fuzz_rng(seed: u64) -> Rng {
        let extra: u64 = std::env::var("CELLUA_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Rng((seed ^ extra.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1)
    }

    #[derive(Default, Debug)]
    struct Stats {
        rejected: usize,
        loaded: usize,
        ran: usize,
    }

    /// Load `bytes`; when it loads and provably terminates soon, run it in
    /// a bare state (no libraries, no metatables) with a few arguments.
    fn try_case(bytes: &[u8], stats: &mut Stats) {
        let fp = match decode(bytes) {
            Ok(fp) => fp,
            Err(_) => {
                stats.rejected += 1;
                let mut lua = Lua::new_bare();
                assert!(load_binary(&mut lua, bytes, b"=fuzz").is_err());
                return;
            }
        };
        stats.loaded += 1;
        let mut lua = Lua::new_bare();
        let f = match load_binary(&mut lua, bytes, b"=fuzz") {
            Ok(f) => f,
            Err(e) => panic!("decoded but did not load: {e}"),
        };
        let Some(depth) = bounded_depth(&fp) else {
            return;
        };
        stats.ran += 1;
        lua.call_limit = depth + 1;
        let t = lua.heap.new_table(0, 0);
        let s = lua.new_str(b"str");
        let args = [
            Value::Number(1.0),
            s,
            Value::Table(t),
            Value::Nil,
            Value::Boolean(true),
        ];
        let func = lua.top;
        let _ = lua.push(f);
        for a in args {
            let _ = lua.push(a);
        }
        let _ = lua.pcall(func, crate::vm::MULTRET, None);
        // The state is still usable afterwards.
        lua.top = 0;
        assert!(lua.exec(b"local x = 1 + 1", b"=after").is_ok());
    }

    fn run_cases(cases: impl Iterator<Item = Vec<u8>>) -> Stats {
        let mut stats = Stats::default();
        let mut panics = Vec::new();
        for (i, bytes) in cases.enumerate() {
            let r = catch_unwind(AssertUnwindSafe(|| try_case(&bytes, &mut stats)));
            if r.is_err() {
                panics.push((i, bytes));
            }
        }
        if let Some((i, bytes)) = panics.first() {
            panic!(
                "{} of the cases panicked; first: case {i}, bytes {:02x?}",
                panics.len(),
                bytes
            );
        }
        stats
    }

    #[test]
    fn fuzz_mutated_dumps_never_panic() {
        let dumps = dumps();
        assert!(!dumps.is_empty());
        let mut rng = fuzz_rng(0x9e37_79b9_7f4a_7c15);
        let n = fuzz_cases(30_000);
        let cases = (0..n).map(|_| {
            let d = &dumps[rng.below(dumps.len())];
            mutate(&mut rng, d)
        });
        let stats = run_cases(cases);
        eprintln!("mutated dumps: {stats:?}");
        assert_eq!(stats.rejected + stats.loaded, n);
        assert!(stats.loaded > 100 && stats.ran > 100, "{stats:?}");
    }

    /// Random, mostly well-formed functions: exercises the verifier's
    /// boundaries and runs what it accepts.
    fn random_proto(rng: &mut Rng, depth: usize, parent: Option<(usize, usize)>) -> FuncProto {
        use Instr::*;
        let maxs = 2 + rng.below(12);
        let mut p = FuncProto {
            max_stack: maxs as u8,
            num_params: rng.below(3) as u8,
            is_vararg: rng.chance(50),
            source: b"=random".to_vec(),
            line_defined: depth as u32,
            ..Default::default()
        };
        p.needs_arg = p.is_vararg && rng.chance(10);
        for _ in 0..rng.below(6) {
            p.constants.push(match rng.below(4) {
                0 => Constant::Nil,
                1 => Constant::Boolean(rng.chance(50)),
                2 => Constant::Number((rng.below(7) as f64) - 2.0),
                _ => Constant::String(vec![b'a' + rng.below(3) as u8]),
            });
        }
        let nk = p.constants.len();
        if let Some((pmaxs, pnups)) = parent {
            for _ in 0..rng.below(3) {
                let in_stack = pnups == 0 || rng.chance(60);
                let lim = if in_stack { pmaxs } else { pnups };
                p.upvalues.push(UpvalDesc {
                    name: b"u".to_vec(),
                    in_stack,
                    index: rng.idx(lim, 3) as u8,
                });
            }
        }
        let nups = p.upvalues.len();
        if depth < 2 {
            for _ in 0..rng.below(3) {
                let sub = random_proto(rng, depth + 1, Some((maxs, nups)));
                p.protos.push(sub);
            }
        }
        let np = p.protos.len();
        // Mostly in range, sometimes just past the end.
        let len = 1 + rng.below(14);
        let mut code = Vec::new();
        while code.len() < len {
            let k = |rng: &mut Rng| rng.idx(nk, 2) as u32;
            let rk = |rng: &mut Rng| -> u16 {
                if nk > 0 && rng.chance(40) {
                    RK_CONST | rng.idx(nk, 2) as u16
                } else {
                    rng.idx(maxs, 2) as u16
                }
            };
            let sbx = |rng: &mut Rng| rng.below(4) as i32 - i32::from(rng.chance(10));
            let small = |rng: &mut Rng| rng.below(4) as u16;
            let i = match rng.below(31) {
                0 => Move {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(maxs, 2) as u8,
                },
                1 => LoadK {
                    a: rng.idx(maxs, 2) as u8,
                    bx: k(rng),
                },
                2 => LoadBool {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.chance(50),
                    c: rng.chance(20),
                },
                3 => {
                    let a = rng.idx(maxs, 2) as u8;
                    LoadNil {
                        a,
                        b: a.saturating_add(rng.below(3) as u8),
                    }
                }
                4 => GetUpval {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(nups, 3) as u8,
                },
                5 => SetUpval {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(nups, 3) as u8,
                },
                6 => GetGlobal {
                    a: rng.idx(maxs, 2) as u8,
                    bx: k(rng),
                },
                7 => SetGlobal {
                    a: rng.idx(maxs, 2) as u8,
                    bx: k(rng),
                },
                8 => GetTable {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(maxs, 2) as u8,
                    c: rk(rng),
                },
                9 => SetTable {
                    a: rng.idx(maxs, 2) as u8,
                    b: rk(rng),
                    c: rk(rng),
                },
                10 => NewTable {
                    a: rng.idx(maxs, 2) as u8,
                    b: small(rng),
                    c: small(rng),
                },
                11 => SelfOp {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(maxs, 2) as u8,
                    c: rk(rng),
                },
                12 => Add {
                    a: rng.idx(maxs, 2) as u8,
                    b: rk(rng),
                    c: rk(rng),
                },
                13 => Mod {
                    a: rng.idx(maxs, 2) as u8,
                    b: rk(rng),
                    c: rk(rng),
                },
                14 => Unm {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(maxs, 2) as u8,
                },
                15 => Len {
                    a: rng.idx(maxs, 2) as u8,
                    b: rng.idx(maxs, 2) as u8,
                },
                16 => {
                    let b = rng.idx(maxs, 2) as u8;
                    Concat {
                        a: rng.idx(maxs, 2) as u8,
                        b,
                        c: b.saturating_add(rng.below(3) as u8),
                    }
                }
                17 => Jmp { sbx: sbx(rng) },
                18 | 19 => {
                    let t = match rng.below(5) {
                        0 => Eq {
                            a: rng.chance(50),
                            b: rk(rng),
                            c: rk(rng),
                        },
                        1 => Lt {
                            a: rng.chance(50),
                            b: rk(rng),
                            c: rk(rng),
                        },
                        2 => Test {
                            a: rng.idx(maxs, 2) as u8,
                            c: rng.chance(50),
                        },
                        3 => TestSet {
                            a: rng.idx(maxs, 2) as u8,
                            b: rng.idx(maxs, 2) as u8,
                            c: rng.chance(50),
                        },
                        _ => TForLoop {
                            a: rng.idx(maxs, 2) as u8,
                            c: 1 + rng.below(2) as u8,
                        },
                    };
                    code.push(t);
                    Jmp { sbx: sbx(rng) }
                }
                20 | 21 => {
                    let a = rng.idx(maxs, 2) as u8;
                    let c = if rng.chance(30) { 0 } else { small(rng) };
                    let call = Call {
                        a,
                        b: if rng.chance(20) { 0 } else { small(rng) },
                        c,
                    };
                    code.push(call);
                    if c == 0 {
                        let lo = a.saturating_sub(1 + rng.below(2) as u8);
                        match rng.below(3) {
                            0 => Return { a: lo, b: 0 },
                            1 => SetList { a: lo, b: 0, c: 0 },
                            _ => Call { a: lo, b: 0, c: 1 },
                        }
                    } else {
                        continue;
                    }
                }
                22 => {
                    let a = rng.idx(maxs, 2) as u8;
                    if rng.chance(50) {
                        code.push(VarArg { a, b: 0 });
                        Return {
                            a: a.saturating_sub(rng.below(2) as u8),
                            b: 0,
                        }
                    } else {
                        VarArg { a, b: small(rng) }
                    }
                }
                23 => Return {
                    a: rng.idx(maxs, 2) as u8,
                    b: small(rng),
                },
                24 => ForPrep {
                    a: rng.idx(maxs, 2) as u8,
                    sbx: sbx(rng),
                },
                25 => ForLoop {
                    a: rng.idx(maxs, 2) as u8,
                    sbx: sbx(rng),
                },
                26 => SetList {
                    a: rng.idx(maxs, 2) as u8,
                    b: small(rng),
                    c: rng.below(3) as u32,
                },
                27 => Close {
                    a: rng.idx(maxs, 2) as u8,
                },
                28 => Closure {
                    a: rng.idx(maxs, 2) as u8,
                    bx: rng.idx(np, 3) as u32,
                },
                29 if np > 0 => {
                    // Make a closure and call it, so that Lua-to-Lua calls
                    // (which leave the stack top low) are common.
                    let a = rng.idx(maxs, 2) as u8;
                    code.push(Closure {
                        a,
                        bx: rng.below(np) as u32,
                    });
                    let c = if rng.chance(30) { 0 } else { small(rng) };
                    code.push(Call {
                        a,
                        b: small(rng),
                        c,
                    });
                    // A top reader, sometimes with no open result before it
                    // or starting above it.
                    let lo = rng.idx(maxs, 2) as u8;
                    match rng.below(4) {
                        0 => Return { a: lo, b: 0 },
                        1 => SetList { a: lo, b: 0, c: 0 },
                        2 => Call { a: lo, b: 0, c: 1 },
                        _ => continue,
                    }
                }
                29 => Return {
                    a: rng.idx(maxs, 2) as u8,
                    b: 0,
                },
                _ => TailCall {
                    a: rng.idx(maxs, 2) as u8,
                    b: small(rng),
                },
            };
            code.push(i);
        }
        code.push(Return { a: 0, b: 1 });
        p.lines = vec![1; code.len()];
        p.code = code;
        p
    }

    #[test]
    fn fuzz_random_functions_never_panic() {
        let mut rng = fuzz_rng(0x1234_5678_9abc_def1);
        let n = fuzz_cases(30_000);
        let cases = (0..n).map(|_| {
            let p = random_proto(&mut rng, 0, None);
            encode(&p).expect("encodable")
        });
        let stats = run_cases(cases);
        eprintln!("random functions: {stats:?}");
        assert!(stats.ran > 1000, "{stats:?}");
    }
}
