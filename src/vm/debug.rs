//! Debug information derived from frames and bytecode: source positions,
//! variable descriptions for error messages (`local 't'`, `global 'f'`,
//! `field 'x'`, `method 'm'`, `upvalue 'u'`), function names of frames, and
//! tracebacks in 5.1's format. Only error paths and the debug library use
//! this module; nothing here runs on the hot path.

use super::Lua;
use crate::compiler::chunk_id;
use crate::compiler::opcodes::{Instr, RK_CONST};
use crate::error::LuaError;
use crate::heap::{FrameKind, Proto};
use crate::value::Value;
use std::rc::Rc;

/// What `getinfo` reports about one frame.
pub struct FrameInfo {
    /// "Lua", "C" or "main".
    pub what: &'static str,
    pub short_src: String,
    pub current_line: i64,
    pub line_defined: i64,
    /// "global", "local", "method", "field", "upvalue", "for iterator" or "".
    pub namewhat: &'static str,
    pub name: Option<String>,
    pub tailcalls: u32,
}

/// Name of the `n`-th (0-based) active local at `pc`.
pub fn local_name(p: &Proto, reg: usize, pc: usize) -> Option<Vec<u8>> {
    let mut n = 0;
    for lv in &p.locvars {
        if lv.start_pc as usize > pc {
            break;
        }
        if pc < lv.end_pc as usize {
            if n == reg {
                return Some(lv.name.clone());
            }
            n += 1;
        }
    }
    None
}

/// Does `ins` write register `r`?
fn writes(ins: &Instr, r: usize) -> bool {
    let r8 = r as u8;
    match *ins {
        Instr::Move { a, .. }
        | Instr::LoadK { a, .. }
        | Instr::LoadBool { a, .. }
        | Instr::GetUpval { a, .. }
        | Instr::GetGlobal { a, .. }
        | Instr::GetTable { a, .. }
        | Instr::NewTable { a, .. }
        | Instr::Add { a, .. }
        | Instr::Sub { a, .. }
        | Instr::Mul { a, .. }
        | Instr::Div { a, .. }
        | Instr::Mod { a, .. }
        | Instr::Pow { a, .. }
        | Instr::Unm { a, .. }
        | Instr::Not { a, .. }
        | Instr::Len { a, .. }
        | Instr::Concat { a, .. }
        | Instr::TestSet { a, .. }
        | Instr::Closure { a, .. } => a == r8,
        Instr::LoadNil { a, b } => a <= r8 && r8 <= b,
        Instr::SelfOp { a, .. } => a == r8 || a as usize + 1 == r,
        Instr::Call { a, .. } | Instr::TailCall { a, .. } | Instr::VarArg { a, .. } => {
            r >= a as usize
        }
        Instr::ForLoop { a, .. } | Instr::ForPrep { a, .. } => {
            r >= a as usize && r <= a as usize + 3
        }
        Instr::TForLoop { a, .. } => r >= a as usize + 2,
        _ => false,
    }
}

fn const_name(p: &Proto, rk: u16, heap: &mut crate::heap::Heap) -> Vec<u8> {
    if rk & RK_CONST != 0 {
        if let Some(Value::String(s)) = p.constants.get((rk & !RK_CONST) as usize) {
            return heap.str_bytes(*s).to_vec();
        }
    }
    b"?".to_vec()
}

/// Describe what register `reg` holds at `pc` (the pc of the faulting
/// instruction), as 5.1's `getobjname` does.
pub fn describe_register(
    heap: &mut crate::heap::Heap,
    p: &Proto,
    pc: usize,
    reg: usize,
) -> Option<(&'static str, Vec<u8>)> {
    if let Some(n) = local_name(p, reg, pc) {
        return Some(("local", n));
    }
    // The last instruction before `pc` that wrote `reg`.
    let mut last = None;
    for (i, ins) in p.code.iter().enumerate().take(pc) {
        if writes(ins, reg) {
            last = Some(i);
        }
    }
    let ins = p.code.get(last?)?;
    match *ins {
        Instr::GetGlobal { bx, .. } => match p.constants.get(bx as usize) {
            Some(Value::String(s)) => Some(("global", heap.str_bytes(*s).to_vec())),
            _ => None,
        },
        Instr::GetTable { c, .. } => Some(("field", const_name(p, c, heap))),
        Instr::SelfOp { a, c, .. } if a as usize == reg => Some(("method", const_name(p, c, heap))),
        Instr::GetUpval { b, .. } => p
            .upvalues
            .get(b as usize)
            .map(|u| ("upvalue", u.name.clone())),
        Instr::Move { a, b } if (b as usize) < (a as usize) => {
            local_name(p, b as usize, pc).map(|n| ("local", n))
        }
        _ => None,
    }
}

impl Lua {
    /// `chunk:line: ` of the frame `level` levels below the top (0 = top),
    /// or empty when that frame is not a Lua function.
    pub fn where_(&self, level: usize) -> Vec<u8> {
        let Some(Some(idx)) = self.stack_level(level) else {
            return Vec::new();
        };
        let f = &self.frames[idx];
        if let FrameKind::Lua { proto, .. } = &f.kind {
            let line = current_line(proto, f.pc);
            return format!("{}:{}: ", chunk_id(&proto.source), line).into_bytes();
        }
        Vec::new()
    }

    /// Resolve a stack level as `lua_getstack` does (0 = the running
    /// function): `None` when there is no such level, `Some(None)` for the
    /// lost caller of a tail call, else the frame index.
    pub fn stack_level(&self, level: usize) -> Option<Option<usize>> {
        match self.get_stack(level.min(i64::MAX as usize) as i64)? {
            0 => Some(None),
            ci => Some(Some(ci - 1)),
        }
    }

    /// Describe register `reg` of the running Lua frame.
    fn describe_top_register(&mut self, reg: usize) -> Option<(&'static str, Vec<u8>)> {
        let f = self.frames.last()?;
        let (proto, pc) = match &f.kind {
            FrameKind::Lua { proto, .. } => (proto.clone(), f.pc.saturating_sub(1)),
            _ => return None,
        };
        describe_register(&mut self.heap, &proto, pc, reg)
    }

    /// "attempt to <op> <desc> (a <type> value)".
    #[cold]
    pub fn type_error(&mut self, v: Value, op: &str, hint: Option<usize>) -> LuaError {
        let tn = v.type_name();
        let desc = hint.and_then(|r| self.describe_top_register(r));
        // Built as bytes: a variable name may be any byte string.
        let msg = match desc {
            Some((kind, name)) => {
                let mut m = format!("attempt to {op} {kind} '").into_bytes();
                m.extend_from_slice(&name);
                m.extend_from_slice(format!("' (a {tn} value)").as_bytes());
                m
            }
            None => format!("attempt to {op} a {tn} value").into_bytes(),
        };
        self.rt_error(msg)
    }

    /// Error for calling the non-callable value at stack slot `func`.
    #[cold]
    pub fn call_error(&mut self, func: usize, v: Value) -> LuaError {
        let hint = self
            .frames
            .last()
            .filter(|f| matches!(f.kind, FrameKind::Lua { .. }))
            .and_then(|f| func.checked_sub(f.base));
        self.type_error(v, "call", hint)
    }

    /// Information about the frame `level` levels below the top.
    pub fn frame_info(&mut self, level: usize) -> Option<FrameInfo> {
        let n = self.frames.len();
        if level >= n {
            return None;
        }
        let idx = n - 1 - level;
        let f = self.frames[idx].clone();
        let (namewhat, name) = self.frame_name(idx);
        Some(match &f.kind {
            FrameKind::Lua { proto, .. } => FrameInfo {
                what: if proto.line_defined == 0 {
                    "main"
                } else {
                    "Lua"
                },
                short_src: chunk_id(&proto.source),
                current_line: current_line(proto, f.pc) as i64,
                line_defined: proto.line_defined as i64,
                namewhat,
                name,
                tailcalls: f.tailcalls,
            },
            FrameKind::Native { func } => {
                let _ = func;
                FrameInfo {
                    what: "C",
                    short_src: "[C]".to_string(),
                    current_line: -1,
                    line_defined: -1,
                    namewhat,
                    name,
                    tailcalls: 0,
                }
            }
        })
    }

    /// How the function of frame `idx` was called, from its caller's
    /// calling instruction.
    pub fn frame_name(&mut self, idx: usize) -> (&'static str, Option<String>) {
        if idx == 0 || self.frames[idx].tailcalls > 0 {
            return ("", None);
        }
        let caller = &self.frames[idx - 1];
        let (proto, pc): (Rc<Proto>, usize) = match &caller.kind {
            FrameKind::Lua { proto, .. } => (proto.clone(), caller.pc.saturating_sub(1)),
            _ => return ("", None),
        };
        match proto.code.get(pc) {
            Some(Instr::Call { a, .. }) | Some(Instr::TailCall { a, .. }) => {
                match describe_register(&mut self.heap, &proto, pc, *a as usize) {
                    Some((kind, name)) => (kind, Some(String::from_utf8_lossy(&name).into_owned())),
                    None => ("", None),
                }
            }
            // 5.1 names a generic `for`'s iterator by its register: the
            // local `(for generator)`.
            Some(Instr::TForLoop { a, .. }) => {
                match describe_register(&mut self.heap, &proto, pc, *a as usize) {
                    Some((kind, name)) => (kind, Some(String::from_utf8_lossy(&name).into_owned())),
                    None => ("", None),
                }
            }
            _ => ("", None),
        }
    }

    /// A 5.1-style traceback of the stack levels from `level` down (as
    /// `debug.traceback` builds it).
    pub fn traceback(&mut self, level: usize) -> String {
        let mut out = b"stack traceback:".to_vec();
        let lines =
            crate::stdlib::debug::traceback_lines(self, level.min(i32::MAX as usize) as i64);
        out.extend_from_slice(&lines);
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// Source line of the instruction before saved `pc`.
pub fn current_line(p: &Proto, pc: usize) -> u32 {
    if p.lines.is_empty() {
        return 0;
    }
    let i = pc.saturating_sub(1).min(p.lines.len() - 1);
    p.lines[i]
}
