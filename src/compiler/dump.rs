//! Disassembler: a human-readable listing of a `FuncProto` and its nested
//! prototypes (instructions with lines, constants, locals, upvalues), in
//! the spirit of `luac -l -l`. For debugging only.

use super::opcodes::{rk_is_const, Constant, FuncProto, Instr, Rk, RK_CONST};
use std::fmt::Write;

fn const_str(c: &Constant) -> String {
    match c {
        Constant::Nil => "nil".into(),
        Constant::Boolean(b) => b.to_string(),
        Constant::Number(n) => format!("{}", n),
        Constant::String(s) => format!("{:?}", String::from_utf8_lossy(s)),
    }
}

fn rk(p: &FuncProto, r: Rk) -> String {
    if rk_is_const(r) {
        let i = (r & !RK_CONST) as usize;
        match p.constants.get(i) {
            Some(c) => format!("K{}({})", i, const_str(c)),
            None => format!("K{}(?)", i),
        }
    } else {
        format!("R{}", r)
    }
}

fn kx(p: &FuncProto, i: u32) -> String {
    match p.constants.get(i as usize) {
        Some(c) => format!("K{}({})", i, const_str(c)),
        None => format!("K{}(?)", i),
    }
}

/// One instruction as text (`pc` is used to show jump targets).
pub fn instr_str(p: &FuncProto, pc: usize, i: &Instr) -> String {
    use Instr::*;
    let tgt = |sbx: i32| pc as i64 + 1 + sbx as i64;
    match *i {
        Move { a, b } => format!("MOVE      R{} R{}", a, b),
        LoadK { a, bx } => format!("LOADK     R{} {}", a, kx(p, bx)),
        LoadBool { a, b, c } => format!("LOADBOOL  R{} {} {}", a, b, if c { "skip" } else { "" }),
        LoadNil { a, b } => format!("LOADNIL   R{}..R{}", a, b),
        GetUpval { a, b } => format!("GETUPVAL  R{} U{}", a, b),
        GetGlobal { a, bx } => format!("GETGLOBAL R{} {}", a, kx(p, bx)),
        GetTable { a, b, c } => format!("GETTABLE  R{} R{} {}", a, b, rk(p, c)),
        SetGlobal { a, bx } => format!("SETGLOBAL R{} {}", a, kx(p, bx)),
        SetUpval { a, b } => format!("SETUPVAL  R{} U{}", a, b),
        SetTable { a, b, c } => format!("SETTABLE  R{} {} {}", a, rk(p, b), rk(p, c)),
        NewTable { a, b, c } => format!("NEWTABLE  R{} {} {}", a, b, c),
        SelfOp { a, b, c } => format!("SELF      R{} R{} {}", a, b, rk(p, c)),
        Add { a, b, c } => format!("ADD       R{} {} {}", a, rk(p, b), rk(p, c)),
        Sub { a, b, c } => format!("SUB       R{} {} {}", a, rk(p, b), rk(p, c)),
        Mul { a, b, c } => format!("MUL       R{} {} {}", a, rk(p, b), rk(p, c)),
        Div { a, b, c } => format!("DIV       R{} {} {}", a, rk(p, b), rk(p, c)),
        Mod { a, b, c } => format!("MOD       R{} {} {}", a, rk(p, b), rk(p, c)),
        Pow { a, b, c } => format!("POW       R{} {} {}", a, rk(p, b), rk(p, c)),
        Unm { a, b } => format!("UNM       R{} R{}", a, b),
        Not { a, b } => format!("NOT       R{} R{}", a, b),
        Len { a, b } => format!("LEN       R{} R{}", a, b),
        Concat { a, b, c } => format!("CONCAT    R{} R{}..R{}", a, b, c),
        Jmp { sbx } => format!("JMP       {} ; to {}", sbx, tgt(sbx)),
        Eq { a, b, c } => format!("EQ        {} {} {}", a as u8, rk(p, b), rk(p, c)),
        Lt { a, b, c } => format!("LT        {} {} {}", a as u8, rk(p, b), rk(p, c)),
        Le { a, b, c } => format!("LE        {} {} {}", a as u8, rk(p, b), rk(p, c)),
        Test { a, c } => format!("TEST      R{} {}", a, c as u8),
        TestSet { a, b, c } => format!("TESTSET   R{} R{} {}", a, b, c as u8),
        Call { a, b, c } => format!("CALL      R{} {} {}", a, b, c),
        TailCall { a, b } => format!("TAILCALL  R{} {}", a, b),
        Return { a, b } => format!("RETURN    R{} {}", a, b),
        ForLoop { a, sbx } => format!("FORLOOP   R{} {} ; to {}", a, sbx, tgt(sbx)),
        ForPrep { a, sbx } => format!("FORPREP   R{} {} ; to {}", a, sbx, tgt(sbx)),
        TForLoop { a, c } => format!("TFORLOOP  R{} {}", a, c),
        SetList { a, b, c } => format!("SETLIST   R{} {} {}", a, b, c),
        Close { a } => format!("CLOSE     R{}", a),
        Closure { a, bx } => format!("CLOSURE   R{} P{}", a, bx),
        VarArg { a, b } => format!("VARARG    R{} {}", a, b),
    }
}

fn dump_into(p: &FuncProto, path: &str, out: &mut String) {
    let _ = writeln!(
        out,
        "function {} <{}:{},{}> ({} instructions)",
        path,
        String::from_utf8_lossy(&p.source)
            .lines()
            .next()
            .unwrap_or(""),
        p.line_defined,
        p.last_line_defined,
        p.code.len()
    );
    let _ = writeln!(
        out,
        "{} params{}{}, {} slots, {} upvalues, {} locals, {} constants, {} functions",
        p.num_params,
        if p.is_vararg { ", vararg" } else { "" },
        if p.needs_arg { " (needs arg)" } else { "" },
        p.max_stack,
        p.upvalues.len(),
        p.locvars.len(),
        p.constants.len(),
        p.protos.len()
    );
    for (pc, i) in p.code.iter().enumerate() {
        let line = p.lines.get(pc).copied().unwrap_or(0);
        let _ = writeln!(out, "  {:>4} [{:>3}] {}", pc, line, instr_str(p, pc, i));
    }
    for (i, c) in p.constants.iter().enumerate() {
        let _ = writeln!(out, "  const {} = {}", i, const_str(c));
    }
    for (i, l) in p.locvars.iter().enumerate() {
        let _ = writeln!(
            out,
            "  local {} {} [{}, {})",
            i,
            String::from_utf8_lossy(&l.name),
            l.start_pc,
            l.end_pc
        );
    }
    for (i, u) in p.upvalues.iter().enumerate() {
        let _ = writeln!(
            out,
            "  upval {} {} {} {}",
            i,
            String::from_utf8_lossy(&u.name),
            if u.in_stack { "R" } else { "U" },
            u.index
        );
    }
    for (i, sub) in p.protos.iter().enumerate() {
        dump_into(sub, &format!("{}.{}", path, i), out);
    }
}

/// A listing of `p` and all nested prototypes.
pub fn disassemble(p: &FuncProto) -> String {
    let mut s = String::new();
    dump_into(p, "main", &mut s);
    s
}
