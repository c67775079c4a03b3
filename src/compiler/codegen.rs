//! Code generator: per-function state (`FuncState`) and the expression
//! descriptor machinery that turns parsed expressions into instructions.
//!
//! Owns register allocation (the `freereg` stack discipline), the constant
//! table, jump lists (chained through the `sbx` fields of pending jumps, with
//! the "jump to here" list `jpc`), conditional jumps for `and`/`or`/`not`
//! and comparisons, constant folding, and local/upvalue bookkeeping.
//! Same design ideas as 5.1's code generator; written from scratch.

use super::opcodes::{rk_const, rk_is_const, Constant, FuncProto, Instr, LocVar, Rk, MAX_RK_CONST};
use super::Error;
use std::collections::HashMap;

/// End of a jump list.
pub const NO_JUMP: i32 = -1;
/// "No register" marker in a `TestSet` whose target is not yet known.
pub const NO_REG: u8 = 255;
/// Maximum number of registers of a function.
pub const MAX_REGS: usize = 250;
/// Maximum number of active locals of a function.
pub const MAX_VARS: usize = 200;
/// Maximum number of upvalues of a function.
pub const MAX_UPVALS: usize = 60;
/// Positional table items stored per `SetList`.
pub const FIELDS_PER_FLUSH: usize = 50;
/// `nresults` meaning "all results".
pub const MULTRET: i32 = -1;

/// What an expression is, before it is placed anywhere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ExpKind {
    /// No value (empty list).
    Void,
    Nil,
    True,
    False,
    /// Constant `K(idx)`.
    K(u32),
    /// Numeric literal not yet in the constant table.
    KNum(f64),
    /// Local variable in a register.
    Local(u8),
    /// Upvalue index.
    Upval(u8),
    /// Global; constant index of its name.
    Global(u32),
    /// `R(t)[RK(key)]`.
    Indexed(u8, Rk),
    /// A comparison; pc of its `Jmp` (taken when the test is true).
    Jmp(usize),
    /// Instruction at pc whose destination register `a` is still free.
    Relocable(usize),
    /// Value in a fixed register.
    NonReloc(u8),
    /// `Call` at pc.
    Call(usize),
    /// `VarArg` at pc.
    VarArg(usize),
}

/// An expression descriptor with its exit lists.
#[derive(Clone, Copy, Debug)]
pub struct ExpDesc {
    pub k: ExpKind,
    /// Jumps taken when the expression is true.
    pub t: i32,
    /// Jumps taken when the expression is false.
    pub f: i32,
}

impl ExpDesc {
    pub fn new(k: ExpKind) -> Self {
        ExpDesc {
            k,
            t: NO_JUMP,
            f: NO_JUMP,
        }
    }

    pub fn has_jumps(&self) -> bool {
        self.t != NO_JUMP || self.f != NO_JUMP
    }

    pub fn has_multret(&self) -> bool {
        matches!(self.k, ExpKind::Call(_) | ExpKind::VarArg(_))
    }

    fn is_numeral(&self) -> Option<f64> {
        match self.k {
            ExpKind::KNum(n) if !self.has_jumps() => Some(n),
            _ => None,
        }
    }
}

/// Binary operators, in 5.1's order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Concat,
    Ne,
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UnOp {
    Minus,
    Not,
    Len,
}

/// A lexical block.
#[derive(Debug)]
pub struct BlockCnt {
    pub breaklist: i32,
    pub nactvar: usize,
    /// Some local of this block is captured as an upvalue.
    pub upval: bool,
    /// A loop (target of `break`).
    pub breakable: bool,
}

#[derive(Hash, PartialEq, Eq)]
enum KKey {
    Nil,
    Bool(bool),
    Num(u64),
    Str(Vec<u8>),
}

/// State of the function being compiled.
pub struct FuncState {
    pub f: FuncProto,
    kcache: HashMap<KKey, u32>,
    /// Number of active locals.
    pub nactvar: usize,
    /// `f.locvars` index of each declared (active or pending) local.
    pub actvar: Vec<usize>,
    /// First free register.
    pub freereg: usize,
    pub blocks: Vec<BlockCnt>,
    /// Jumps pending to the next instruction emitted.
    jpc: i32,
    /// pc of the last jump target.
    lasttarget: usize,
    /// Line attached to emitted instructions.
    pub line: u32,
}

fn set_a(i: &mut Instr, v: u8) {
    use Instr::*;
    match i {
        Move { a, .. }
        | LoadK { a, .. }
        | LoadBool { a, .. }
        | LoadNil { a, .. }
        | GetUpval { a, .. }
        | GetGlobal { a, .. }
        | GetTable { a, .. }
        | SetGlobal { a, .. }
        | SetUpval { a, .. }
        | SetTable { a, .. }
        | NewTable { a, .. }
        | SelfOp { a, .. }
        | Add { a, .. }
        | Sub { a, .. }
        | Mul { a, .. }
        | Div { a, .. }
        | Mod { a, .. }
        | Pow { a, .. }
        | Unm { a, .. }
        | Not { a, .. }
        | Len { a, .. }
        | Concat { a, .. }
        | Test { a, .. }
        | TestSet { a, .. }
        | Call { a, .. }
        | TailCall { a, .. }
        | Return { a, .. }
        | ForLoop { a, .. }
        | ForPrep { a, .. }
        | TForLoop { a, .. }
        | SetList { a, .. }
        | Close { a }
        | Closure { a, .. }
        | VarArg { a, .. } => *a = v,
        Jmp { .. } | Eq { .. } | Lt { .. } | Le { .. } => {}
    }
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

impl FuncState {
    pub fn new(source: &[u8], line_defined: u32) -> Self {
        let f = FuncProto {
            source: source.to_vec(),
            line_defined,
            max_stack: 2,
            ..Default::default()
        };
        FuncState {
            f,
            kcache: HashMap::new(),
            nactvar: 0,
            actvar: Vec::new(),
            freereg: 0,
            blocks: Vec::new(),
            jpc: NO_JUMP,
            lasttarget: 0,
            line: line_defined,
        }
    }

    pub fn pc(&self) -> usize {
        self.f.code.len()
    }

    /// Message for exceeding a per-function limit.
    pub fn limit_error(&self, limit: usize, what: &str) -> Error {
        if self.f.line_defined == 0 {
            Error::Plain(format!("main function has more than {} {}", limit, what))
        } else {
            Error::Plain(format!(
                "function at line {} has more than {} {}",
                self.f.line_defined, limit, what
            ))
        }
    }

    // ---- emission --------------------------------------------------------

    /// Emit an instruction (after resolving pending jumps to it).
    pub fn code(&mut self, i: Instr) -> usize {
        self.discharge_jpc();
        self.f.code.push(i);
        self.f.lines.push(self.line);
        self.f.code.len() - 1
    }

    /// Set the line of the last emitted instruction.
    pub fn fix_line(&mut self, line: u32) {
        if let Some(l) = self.f.lines.last_mut() {
            *l = line;
        }
    }

    pub fn instr_mut(&mut self, pc: usize) -> &mut Instr {
        &mut self.f.code[pc]
    }

    // ---- constants -------------------------------------------------------

    fn add_k(&mut self, key: KKey, c: Constant) -> u32 {
        if let Some(&i) = self.kcache.get(&key) {
            return i;
        }
        let i = self.f.constants.len() as u32;
        self.f.constants.push(c);
        self.kcache.insert(key, i);
        i
    }

    pub fn string_k(&mut self, s: &[u8]) -> u32 {
        self.add_k(KKey::Str(s.to_vec()), Constant::String(s.to_vec()))
    }

    pub fn number_k(&mut self, n: f64) -> u32 {
        // Keyed by value as 5.1's constant table is: 0 and -0 share a slot.
        let bits = if n == 0.0 {
            0f64.to_bits()
        } else {
            n.to_bits()
        };
        self.add_k(KKey::Num(bits), Constant::Number(n))
    }

    fn bool_k(&mut self, b: bool) -> u32 {
        self.add_k(KKey::Bool(b), Constant::Boolean(b))
    }

    fn nil_k(&mut self) -> u32 {
        self.add_k(KKey::Nil, Constant::Nil)
    }

    // ---- registers -------------------------------------------------------

    pub fn check_stack(&mut self, n: usize) -> Result<(), Error> {
        let newstack = self.freereg + n;
        if newstack > self.f.max_stack as usize {
            if newstack > MAX_REGS {
                return Err(Error::NearCurrent(
                    "function or expression too complex".into(),
                ));
            }
            self.f.max_stack = newstack as u8;
        }
        Ok(())
    }

    pub fn reserve_regs(&mut self, n: usize) -> Result<(), Error> {
        self.check_stack(n)?;
        self.freereg += n;
        Ok(())
    }

    fn free_reg(&mut self, r: usize) {
        if r >= self.nactvar && self.freereg > 0 {
            self.freereg -= 1;
            debug_assert_eq!(r, self.freereg, "register stack discipline");
        }
    }

    fn free_rk(&mut self, rk: Rk) {
        if !rk_is_const(rk) {
            self.free_reg(rk as usize);
        }
    }

    fn free_exp(&mut self, e: &ExpDesc) {
        if let ExpKind::NonReloc(r) = e.k {
            self.free_reg(r as usize);
        }
    }

    // ---- locals ----------------------------------------------------------

    /// Declare local number `n` past the active ones (activated later).
    pub fn new_localvar(&mut self, name: &[u8], n: usize) -> Result<(), Error> {
        if self.nactvar + n + 1 > MAX_VARS {
            return Err(self.limit_error(MAX_VARS, "local variables"));
        }
        self.f.locvars.push(LocVar {
            name: name.to_vec(),
            start_pc: 0,
            end_pc: 0,
        });
        let idx = self.f.locvars.len() - 1;
        self.actvar.truncate(self.nactvar + n);
        while self.actvar.len() < self.nactvar + n {
            // Cannot happen with the parser's usage; keep indices aligned.
            self.actvar.push(idx);
        }
        self.actvar.push(idx);
        Ok(())
    }

    /// Activate the next `n` declared locals.
    pub fn adjust_localvars(&mut self, n: usize) {
        let pc = self.pc() as u32;
        for _ in 0..n {
            if let Some(&idx) = self.actvar.get(self.nactvar) {
                if let Some(lv) = self.f.locvars.get_mut(idx) {
                    lv.start_pc = pc;
                }
            }
            self.nactvar += 1;
        }
    }

    /// Deactivate locals down to `level`.
    pub fn remove_vars(&mut self, level: usize) {
        let pc = self.pc() as u32;
        while self.nactvar > level {
            self.nactvar -= 1;
            if let Some(&idx) = self.actvar.get(self.nactvar) {
                if let Some(lv) = self.f.locvars.get_mut(idx) {
                    lv.end_pc = pc;
                }
            }
        }
        self.actvar.truncate(self.nactvar);
    }

    /// Register of the active local called `name`, innermost first.
    pub fn search_var(&self, name: &[u8]) -> Option<usize> {
        (0..self.nactvar).rev().find(|&i| {
            self.actvar
                .get(i)
                .and_then(|&idx| self.f.locvars.get(idx))
                .is_some_and(|lv| lv.name == name)
        })
    }

    /// Mark the block declaring register `level` as having a captured local.
    pub fn mark_upval(&mut self, level: usize) {
        for bl in self.blocks.iter_mut().rev() {
            if bl.nactvar <= level {
                bl.upval = true;
                return;
            }
        }
    }

    /// Index of the upvalue `name` (creating it).
    pub fn index_upvalue(&mut self, name: &[u8], in_stack: bool, index: u8) -> Result<u8, Error> {
        for (i, u) in self.f.upvalues.iter().enumerate() {
            if u.in_stack == in_stack && u.index == index {
                return Ok(i as u8);
            }
        }
        if self.f.upvalues.len() + 1 > MAX_UPVALS {
            return Err(self.limit_error(MAX_UPVALS, "upvalues"));
        }
        self.f.upvalues.push(super::opcodes::UpvalDesc {
            name: name.to_vec(),
            in_stack,
            index,
        });
        Ok((self.f.upvalues.len() - 1) as u8)
    }

    // ---- blocks ----------------------------------------------------------

    pub fn enter_block(&mut self, breakable: bool) {
        self.blocks.push(BlockCnt {
            breaklist: NO_JUMP,
            nactvar: self.nactvar,
            upval: false,
            breakable,
        });
    }

    pub fn leave_block(&mut self) {
        if let Some(bl) = self.blocks.pop() {
            self.remove_vars(bl.nactvar);
            if bl.upval {
                self.code(Instr::Close {
                    a: bl.nactvar as u8,
                });
            }
            self.freereg = self.nactvar;
            self.patch_to_here(bl.breaklist);
        }
    }

    // ---- jumps -----------------------------------------------------------

    fn get_jump(&self, pc: usize) -> i32 {
        let off = match self.f.code.get(pc) {
            Some(Instr::Jmp { sbx })
            | Some(Instr::ForPrep { sbx, .. })
            | Some(Instr::ForLoop { sbx, .. }) => *sbx,
            _ => NO_JUMP,
        };
        if off == NO_JUMP {
            NO_JUMP
        } else {
            pc as i32 + 1 + off
        }
    }

    fn fix_jump(&mut self, pc: usize, dest: i32) {
        let off = dest - (pc as i32 + 1);
        match self.f.code.get_mut(pc) {
            Some(Instr::Jmp { sbx })
            | Some(Instr::ForPrep { sbx, .. })
            | Some(Instr::ForLoop { sbx, .. }) => *sbx = off,
            _ => debug_assert!(false, "fix_jump on a non-jump"),
        }
    }

    /// Append list `l2` to list `l1`.
    pub fn concat(&mut self, l1: &mut i32, l2: i32) {
        if l2 == NO_JUMP {
            return;
        }
        if *l1 == NO_JUMP {
            *l1 = l2;
            return;
        }
        let mut list = *l1;
        loop {
            let next = self.get_jump(list as usize);
            if next == NO_JUMP {
                break;
            }
            list = next;
        }
        self.fix_jump(list as usize, l2);
    }

    /// Emit a `Jmp` (to be patched); pending jumps to here follow it.
    pub fn jump(&mut self) -> i32 {
        let jpc = self.jpc;
        self.jpc = NO_JUMP;
        let mut j = self.code(Instr::Jmp { sbx: NO_JUMP }) as i32;
        self.concat(&mut j, jpc);
        j
    }

    /// Mark the current pc as a jump target and return it.
    pub fn get_label(&mut self) -> usize {
        self.lasttarget = self.pc();
        self.pc()
    }

    fn jump_control(&self, pc: usize) -> usize {
        if pc >= 1 && self.f.code.get(pc - 1).is_some_and(is_test) {
            pc - 1
        } else {
            pc
        }
    }

    fn need_value(&self, mut list: i32) -> bool {
        while list != NO_JUMP {
            let c = self.jump_control(list as usize);
            if !matches!(self.f.code.get(c), Some(Instr::TestSet { .. })) {
                return true;
            }
            list = self.get_jump(list as usize);
        }
        false
    }

    fn patch_test_reg(&mut self, node: usize, reg: u8) -> bool {
        let c = self.jump_control(node);
        if let Some(Instr::TestSet { b, c: cv, .. }) = self.f.code.get(c).copied() {
            self.f.code[c] = if reg != NO_REG && reg != b {
                Instr::TestSet { a: reg, b, c: cv }
            } else {
                Instr::Test { a: b, c: cv }
            };
            true
        } else {
            false
        }
    }

    fn remove_values(&mut self, mut list: i32) {
        while list != NO_JUMP {
            self.patch_test_reg(list as usize, NO_REG);
            list = self.get_jump(list as usize);
        }
    }

    fn patch_list_aux(&mut self, mut list: i32, vtarget: usize, reg: u8, dtarget: usize) {
        while list != NO_JUMP {
            let next = self.get_jump(list as usize);
            if self.patch_test_reg(list as usize, reg) {
                self.fix_jump(list as usize, vtarget as i32);
            } else {
                self.fix_jump(list as usize, dtarget as i32);
            }
            list = next;
        }
    }

    fn discharge_jpc(&mut self) {
        let jpc = self.jpc;
        self.jpc = NO_JUMP;
        let pc = self.pc();
        self.patch_list_aux(jpc, pc, NO_REG, pc);
    }

    /// Make every jump of `list` go to `target`.
    pub fn patch_list(&mut self, list: i32, target: usize) {
        if target == self.pc() {
            self.patch_to_here(list);
        } else {
            self.patch_list_aux(list, target, NO_REG, target);
        }
    }

    /// Make every jump of `list` go to the next instruction emitted.
    pub fn patch_to_here(&mut self, list: i32) {
        self.get_label();
        let mut j = self.jpc;
        self.concat(&mut j, list);
        self.jpc = j;
    }

    fn cond_jump(&mut self, i: Instr) -> i32 {
        self.code(i);
        self.jump()
    }

    // ---- simple emitters -------------------------------------------------

    /// Set `n` registers from `from` to nil (merging with a previous LoadNil).
    pub fn nil(&mut self, from: usize, n: usize) {
        if n == 0 {
            return;
        }
        let last = (from + n - 1) as u8;
        let pc = self.pc();
        if pc > self.lasttarget && pc > 0 && self.jpc == NO_JUMP {
            if let Some(Instr::LoadNil { a, b }) = self.f.code.get_mut(pc - 1) {
                let (pfrom, pto) = (*a as usize, *b as usize);
                if pfrom <= from && from <= pto + 1 {
                    if from + n - 1 > pto {
                        *b = last;
                    }
                    return;
                }
            }
        }
        self.code(Instr::LoadNil {
            a: from as u8,
            b: last,
        });
    }

    /// `return R(first) .. R(first+nret-1)`; `nret == MULTRET`: up to top.
    pub fn ret(&mut self, first: usize, nret: i32) {
        self.code(Instr::Return {
            a: first as u8,
            b: (nret + 1) as u16,
        });
    }

    // ---- expressions -----------------------------------------------------

    /// Set the number of results of a call or vararg expression.
    pub fn set_returns(&mut self, e: &mut ExpDesc, nresults: i32) -> Result<(), Error> {
        match e.k {
            ExpKind::Call(pc) => {
                if let Instr::Call { c, .. } = self.instr_mut(pc) {
                    *c = (nresults + 1) as u16;
                }
            }
            ExpKind::VarArg(pc) => {
                let fr = self.freereg as u8;
                if let Instr::VarArg { a, b } = self.instr_mut(pc) {
                    *b = (nresults + 1) as u16;
                    *a = fr;
                }
                self.reserve_regs(1)?;
            }
            _ => {}
        }
        Ok(())
    }

    pub fn set_multret(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        self.set_returns(e, MULTRET)
    }

    /// Truncate a multi-result expression to one value.
    pub fn set_one_ret(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Call(pc) => {
                if let Instr::Call { a, .. } = self.f.code[pc] {
                    e.k = ExpKind::NonReloc(a);
                }
            }
            ExpKind::VarArg(pc) => {
                if let Instr::VarArg { b, .. } = self.instr_mut(pc) {
                    *b = 2;
                }
                e.k = ExpKind::Relocable(pc);
            }
            _ => {}
        }
    }

    /// Turn variables into values (loads that still need a register).
    pub fn discharge_vars(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Local(r) => e.k = ExpKind::NonReloc(r),
            ExpKind::Upval(u) => {
                e.k = ExpKind::Relocable(self.code(Instr::GetUpval { a: 0, b: u }));
            }
            ExpKind::Global(k) => {
                e.k = ExpKind::Relocable(self.code(Instr::GetGlobal { a: 0, bx: k }));
            }
            ExpKind::Indexed(t, key) => {
                self.free_rk(key);
                self.free_reg(t as usize);
                e.k = ExpKind::Relocable(self.code(Instr::GetTable { a: 0, b: t, c: key }));
            }
            ExpKind::Call(_) | ExpKind::VarArg(_) => self.set_one_ret(e),
            _ => {}
        }
    }

    fn discharge2reg(&mut self, e: &mut ExpDesc, reg: u8) {
        self.discharge_vars(e);
        match e.k {
            ExpKind::Nil => self.nil(reg as usize, 1),
            ExpKind::False | ExpKind::True => {
                self.code(Instr::LoadBool {
                    a: reg,
                    b: e.k == ExpKind::True,
                    c: false,
                });
            }
            ExpKind::K(k) => {
                self.code(Instr::LoadK { a: reg, bx: k });
            }
            ExpKind::KNum(n) => {
                let k = self.number_k(n);
                self.code(Instr::LoadK { a: reg, bx: k });
            }
            ExpKind::Relocable(pc) => set_a(self.instr_mut(pc), reg),
            ExpKind::NonReloc(r) => {
                if r != reg {
                    self.code(Instr::Move { a: reg, b: r });
                }
            }
            _ => return, // Void or Jmp: nothing to do
        }
        e.k = ExpKind::NonReloc(reg);
    }

    fn discharge2anyreg(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        if !matches!(e.k, ExpKind::NonReloc(_)) {
            self.reserve_regs(1)?;
            let r = (self.freereg - 1) as u8;
            self.discharge2reg(e, r);
        }
        Ok(())
    }

    fn code_label(&mut self, reg: u8, b: bool, jump: bool) -> usize {
        self.get_label();
        self.code(Instr::LoadBool { a: reg, b, c: jump })
    }

    /// Put the value of `e` (including its jump lists) into register `reg`.
    fn exp2reg(&mut self, e: &mut ExpDesc, reg: u8) {
        self.discharge2reg(e, reg);
        if let ExpKind::Jmp(pc) = e.k {
            let mut t = e.t;
            self.concat(&mut t, pc as i32);
            e.t = t;
        }
        if e.has_jumps() {
            let mut p_f = NO_JUMP as isize;
            let mut p_t = NO_JUMP as isize;
            if self.need_value(e.t) || self.need_value(e.f) {
                let fj = if matches!(e.k, ExpKind::Jmp(_)) {
                    NO_JUMP
                } else {
                    self.jump()
                };
                p_f = self.code_label(reg, false, true) as isize;
                p_t = self.code_label(reg, true, false) as isize;
                self.patch_to_here(fj);
            }
            let fin = self.get_label();
            let pf = if p_f < 0 { fin } else { p_f as usize };
            let pt = if p_t < 0 { fin } else { p_t as usize };
            self.patch_list_aux(e.f, fin, reg, pf);
            self.patch_list_aux(e.t, fin, reg, pt);
        }
        e.t = NO_JUMP;
        e.f = NO_JUMP;
        e.k = ExpKind::NonReloc(reg);
    }

    /// Put the value of `e` into the next free register.
    pub fn exp2nextreg(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        self.discharge_vars(e);
        self.free_exp(e);
        self.reserve_regs(1)?;
        let r = (self.freereg - 1) as u8;
        self.exp2reg(e, r);
        Ok(())
    }

    /// Put the value of `e` into some register and return it.
    pub fn exp2anyreg(&mut self, e: &mut ExpDesc) -> Result<u8, Error> {
        self.discharge_vars(e);
        if let ExpKind::NonReloc(r) = e.k {
            if !e.has_jumps() {
                return Ok(r);
            }
            if r as usize >= self.nactvar {
                self.exp2reg(e, r);
                return Ok(r);
            }
        }
        self.exp2nextreg(e)?;
        match e.k {
            ExpKind::NonReloc(r) => Ok(r),
            _ => Ok(0),
        }
    }

    /// Make `e` a value (register or constant), not a variable.
    pub fn exp2val(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        if e.has_jumps() {
            self.exp2anyreg(e)?;
        } else {
            self.discharge_vars(e);
        }
        Ok(())
    }

    /// Make `e` an `Rk` operand.
    pub fn exp2rk(&mut self, e: &mut ExpDesc) -> Result<Rk, Error> {
        self.exp2val(e)?;
        let k = match e.k {
            ExpKind::KNum(n) => Some(self.number_k(n)),
            ExpKind::True => Some(self.bool_k(true)),
            ExpKind::False => Some(self.bool_k(false)),
            ExpKind::Nil => Some(self.nil_k()),
            ExpKind::K(k) => Some(k),
            _ => None,
        };
        if let Some(k) = k {
            if k as usize <= MAX_RK_CONST {
                e.k = ExpKind::K(k);
                return Ok(rk_const(k as usize));
            }
            e.k = ExpKind::K(k);
        }
        Ok(self.exp2anyreg(e)? as Rk)
    }

    /// Store `ex` into the variable `var`.
    pub fn store_var(&mut self, var: &ExpDesc, ex: &mut ExpDesc) -> Result<(), Error> {
        match var.k {
            ExpKind::Local(r) => {
                self.free_exp(ex);
                self.exp2reg(ex, r);
                return Ok(());
            }
            ExpKind::Upval(u) => {
                let e = self.exp2anyreg(ex)?;
                self.code(Instr::SetUpval { a: e, b: u });
            }
            ExpKind::Global(k) => {
                let e = self.exp2anyreg(ex)?;
                self.code(Instr::SetGlobal { a: e, bx: k });
            }
            ExpKind::Indexed(t, key) => {
                let e = self.exp2rk(ex)?;
                self.code(Instr::SetTable { a: t, b: key, c: e });
            }
            _ => debug_assert!(false, "store to a non-variable"),
        }
        self.free_exp(ex);
        Ok(())
    }

    /// `e:key` -> function in R(a), self in R(a+1).
    pub fn self_op(&mut self, e: &mut ExpDesc, key: &mut ExpDesc) -> Result<(), Error> {
        let r = self.exp2anyreg(e)?;
        self.free_exp(e);
        let func = self.freereg as u8;
        self.reserve_regs(2)?;
        let k = self.exp2rk(key)?;
        self.code(Instr::SelfOp {
            a: func,
            b: r,
            c: k,
        });
        self.free_exp(key);
        e.k = ExpKind::NonReloc(func);
        Ok(())
    }

    /// `t[k]`: `t` must already be in a register.
    pub fn indexed(&mut self, t: &mut ExpDesc, k: &mut ExpDesc) -> Result<(), Error> {
        let key = self.exp2rk(k)?;
        if let ExpKind::NonReloc(r) | ExpKind::Local(r) = t.k {
            t.k = ExpKind::Indexed(r, key);
        }
        Ok(())
    }

    fn invert_jump(&mut self, pc: usize) {
        let c = self.jump_control(pc);
        match self.instr_mut(c) {
            Instr::Eq { a, .. } | Instr::Lt { a, .. } | Instr::Le { a, .. } => *a = !*a,
            _ => debug_assert!(false, "invert_jump on a non-comparison"),
        }
    }

    fn jump_on_cond(&mut self, e: &mut ExpDesc, cond: bool) -> Result<i32, Error> {
        if let ExpKind::Relocable(pc) = e.k {
            if let Some(&Instr::Not { b, .. }) = self.f.code.get(pc) {
                if pc + 1 == self.pc() {
                    self.f.code.pop();
                    self.f.lines.pop();
                    return Ok(self.cond_jump(Instr::Test { a: b, c: !cond }));
                }
            }
        }
        self.discharge2anyreg(e)?;
        self.free_exp(e);
        let r = match e.k {
            ExpKind::NonReloc(r) => r,
            _ => 0,
        };
        Ok(self.cond_jump(Instr::TestSet {
            a: NO_REG,
            b: r,
            c: cond,
        }))
    }

    /// Fall through when `e` is true; jump (via `e.f`) when false.
    pub fn go_if_true(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        self.discharge_vars(e);
        let pc = match e.k {
            ExpKind::K(_) | ExpKind::KNum(_) | ExpKind::True => NO_JUMP,
            ExpKind::Jmp(pc) => {
                self.invert_jump(pc);
                pc as i32
            }
            _ => self.jump_on_cond(e, false)?,
        };
        let mut f = e.f;
        self.concat(&mut f, pc);
        e.f = f;
        self.patch_to_here(e.t);
        e.t = NO_JUMP;
        Ok(())
    }

    /// Fall through when `e` is false; jump (via `e.t`) when true.
    pub fn go_if_false(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        self.discharge_vars(e);
        let pc = match e.k {
            ExpKind::Nil | ExpKind::False => NO_JUMP,
            ExpKind::Jmp(pc) => pc as i32,
            _ => self.jump_on_cond(e, true)?,
        };
        let mut t = e.t;
        self.concat(&mut t, pc);
        e.t = t;
        self.patch_to_here(e.f);
        e.f = NO_JUMP;
        Ok(())
    }

    fn code_not(&mut self, e: &mut ExpDesc) -> Result<(), Error> {
        self.discharge_vars(e);
        match e.k {
            ExpKind::Nil | ExpKind::False => e.k = ExpKind::True,
            ExpKind::K(_) | ExpKind::KNum(_) | ExpKind::True => e.k = ExpKind::False,
            ExpKind::Jmp(pc) => self.invert_jump(pc),
            ExpKind::Relocable(_) | ExpKind::NonReloc(_) => {
                self.discharge2anyreg(e)?;
                self.free_exp(e);
                let r = match e.k {
                    ExpKind::NonReloc(r) => r,
                    _ => 0,
                };
                e.k = ExpKind::Relocable(self.code(Instr::Not { a: 0, b: r }));
            }
            _ => debug_assert!(false, "code_not on an unexpected expression"),
        }
        std::mem::swap(&mut e.t, &mut e.f);
        self.remove_values(e.f);
        self.remove_values(e.t);
        Ok(())
    }

    fn const_folding(op: BinOp, e1: &mut ExpDesc, v2: Option<f64>) -> bool {
        let (Some(a), Some(b)) = (e1.is_numeral(), v2) else {
            return false;
        };
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return false;
                }
                a / b
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return false;
                }
                a - (a / b).floor() * b
            }
            BinOp::Pow => a.powf(b),
            _ => return false,
        };
        if r.is_nan() {
            return false;
        }
        e1.k = ExpKind::KNum(r);
        true
    }

    fn code_arith(&mut self, op: BinOp, e1: &mut ExpDesc, e2: &mut ExpDesc) -> Result<(), Error> {
        if Self::const_folding(op, e1, e2.is_numeral()) {
            return Ok(());
        }
        let o2 = self.exp2rk(e2)?;
        let o1 = self.exp2rk(e1)?;
        if o1 > o2 {
            self.free_exp(e1);
            self.free_exp(e2);
        } else {
            self.free_exp(e2);
            self.free_exp(e1);
        }
        let i = match op {
            BinOp::Add => Instr::Add { a: 0, b: o1, c: o2 },
            BinOp::Sub => Instr::Sub { a: 0, b: o1, c: o2 },
            BinOp::Mul => Instr::Mul { a: 0, b: o1, c: o2 },
            BinOp::Div => Instr::Div { a: 0, b: o1, c: o2 },
            BinOp::Mod => Instr::Mod { a: 0, b: o1, c: o2 },
            BinOp::Pow => Instr::Pow { a: 0, b: o1, c: o2 },
            _ => Instr::Concat {
                a: 0,
                b: o1 as u8,
                c: o2 as u8,
            },
        };
        e1.k = ExpKind::Relocable(self.code(i));
        Ok(())
    }

    fn code_comp(&mut self, op: BinOp, e1: &mut ExpDesc, e2: &mut ExpDesc) -> Result<(), Error> {
        let mut o1 = self.exp2rk(e1)?;
        let mut o2 = self.exp2rk(e2)?;
        self.free_exp(e2);
        self.free_exp(e1);
        let i = match op {
            BinOp::Eq => Instr::Eq {
                a: true,
                b: o1,
                c: o2,
            },
            BinOp::Ne => Instr::Eq {
                a: false,
                b: o1,
                c: o2,
            },
            BinOp::Lt => Instr::Lt {
                a: true,
                b: o1,
                c: o2,
            },
            BinOp::Le => Instr::Le {
                a: true,
                b: o1,
                c: o2,
            },
            BinOp::Gt => {
                std::mem::swap(&mut o1, &mut o2);
                Instr::Lt {
                    a: true,
                    b: o1,
                    c: o2,
                }
            }
            _ => {
                std::mem::swap(&mut o1, &mut o2);
                Instr::Le {
                    a: true,
                    b: o1,
                    c: o2,
                }
            }
        };
        e1.k = ExpKind::Jmp(self.cond_jump(i) as usize);
        Ok(())
    }

    /// Apply a unary operator.
    pub fn prefix(&mut self, op: UnOp, e: &mut ExpDesc) -> Result<(), Error> {
        match op {
            UnOp::Minus => {
                if let Some(n) = e.is_numeral() {
                    e.k = ExpKind::KNum(-n);
                    return Ok(());
                }
                let r = self.exp2anyreg(e)?;
                self.free_exp(e);
                e.k = ExpKind::Relocable(self.code(Instr::Unm { a: 0, b: r }));
            }
            UnOp::Not => self.code_not(e)?,
            UnOp::Len => {
                let r = self.exp2anyreg(e)?;
                self.free_exp(e);
                e.k = ExpKind::Relocable(self.code(Instr::Len { a: 0, b: r }));
            }
        }
        Ok(())
    }

    /// Prepare the left operand before the right one is parsed.
    pub fn infix(&mut self, op: BinOp, v: &mut ExpDesc) -> Result<(), Error> {
        match op {
            BinOp::And => self.go_if_true(v)?,
            BinOp::Or => self.go_if_false(v)?,
            BinOp::Concat => self.exp2nextreg(v)?,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Pow => {
                if v.is_numeral().is_none() {
                    self.exp2rk(v)?;
                }
            }
            _ => {
                self.exp2rk(v)?;
            }
        }
        Ok(())
    }

    /// Combine both operands of a binary operator.
    pub fn posfix(&mut self, op: BinOp, e1: &mut ExpDesc, e2: &mut ExpDesc) -> Result<(), Error> {
        match op {
            BinOp::And => {
                debug_assert_eq!(e1.t, NO_JUMP);
                self.discharge_vars(e2);
                let mut f = e2.f;
                self.concat(&mut f, e1.f);
                e2.f = f;
                *e1 = *e2;
            }
            BinOp::Or => {
                debug_assert_eq!(e1.f, NO_JUMP);
                self.discharge_vars(e2);
                let mut t = e2.t;
                self.concat(&mut t, e1.t);
                e2.t = t;
                *e1 = *e2;
            }
            BinOp::Concat => {
                self.exp2val(e2)?;
                if let ExpKind::Relocable(pc) = e2.k {
                    if let Instr::Concat { b, .. } = self.f.code[pc] {
                        if let ExpKind::NonReloc(r1) = e1.k {
                            debug_assert_eq!(r1 as usize + 1, b as usize);
                            self.free_exp(e1);
                            if let Instr::Concat { b, .. } = self.instr_mut(pc) {
                                *b = r1;
                            }
                            e1.k = ExpKind::Relocable(pc);
                            return Ok(());
                        }
                    }
                }
                self.exp2nextreg(e2)?;
                self.code_arith(op, e1, e2)?;
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Pow => {
                self.code_arith(op, e1, e2)?
            }
            _ => self.code_comp(op, e1, e2)?,
        }
        Ok(())
    }

    /// Emit `SetList` for `tostore` items (MULTRET: up to top) ending at
    /// positional item number `nelems`.
    pub fn set_list(&mut self, base: u8, nelems: usize, tostore: i32) {
        let offset = nelems.saturating_sub(1) / FIELDS_PER_FLUSH * FIELDS_PER_FLUSH;
        let b = if tostore == MULTRET {
            0
        } else {
            tostore as u16
        };
        self.code(Instr::SetList {
            a: base,
            b,
            c: offset as u32,
        });
        self.freereg = base as usize + 1;
    }
}
