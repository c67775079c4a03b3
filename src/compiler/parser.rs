//! Parser: recursive descent over the Lua 5.1 grammar, generating code as
//! it goes through `codegen::FuncState`.
//!
//! Owns the token stream (current token, one token of lookahead, the line
//! of the last consumed token used for line info), the stack of functions
//! being compiled, name resolution (locals, upvalues, globals), every
//! statement and expression rule, the nesting-depth limit, and the
//! formatting of syntax errors in 5.1's exact wording.

use super::codegen::{
    BinOp, ExpDesc, ExpKind, FuncState, UnOp, FIELDS_PER_FLUSH, MULTRET, NO_JUMP,
};
use super::lexer::{tok2str, token_text, Lexer, Tok, Token};
use super::opcodes::{FuncProto, Instr};
use super::{chunk_id_len, Error};

/// Maximum nesting of syntactic levels (5.1's LUAI_MAXCCALLS).
const MAX_LEVELS: usize = 200;
/// Levels already in use when `loadstring` is called from a main chunk in
/// 5.1; counted so the limits trigger at the same depth as the reference.
const BASE_LEVELS: usize = 2;
/// Priority of unary operators.
const UNARY_PRIORITY: u8 = 8;

type PResult<T> = Result<T, Error>;

/// Parser state.
pub struct Parser<'a> {
    lex: Lexer<'a>,
    t: Token,
    ahead: Option<Token>,
    lastline: u32,
    fs: FuncState,
    parents: Vec<FuncState>,
    depth: usize,
    source: Vec<u8>,
}

/// Compile `src` (starting at byte `start`) into the main function.
pub fn parse(src: &[u8], start: usize, chunkname: &[u8]) -> Result<FuncProto, String> {
    let mut p = Parser {
        lex: Lexer::new(src, start),
        t: Token {
            tok: Tok::Eos,
            text: Vec::new(),
        },
        ahead: None,
        lastline: 1,
        fs: FuncState::new(chunkname, 0),
        parents: Vec::new(),
        depth: 0,
        source: chunkname.to_vec(),
    };
    match p.main_func() {
        Ok(f) => Ok(f),
        Err(e) => Err(p.format_error(e)),
    }
}

fn binop(t: &Tok) -> Option<BinOp> {
    Some(match t {
        Tok::Char(b'+') => BinOp::Add,
        Tok::Char(b'-') => BinOp::Sub,
        Tok::Char(b'*') => BinOp::Mul,
        Tok::Char(b'/') => BinOp::Div,
        Tok::Char(b'%') => BinOp::Mod,
        Tok::Char(b'^') => BinOp::Pow,
        Tok::Concat => BinOp::Concat,
        Tok::Ne => BinOp::Ne,
        Tok::Eq => BinOp::Eq,
        Tok::Char(b'<') => BinOp::Lt,
        Tok::Le => BinOp::Le,
        Tok::Char(b'>') => BinOp::Gt,
        Tok::Ge => BinOp::Ge,
        Tok::And => BinOp::And,
        Tok::Or => BinOp::Or,
        _ => return None,
    })
}

fn unop(t: &Tok) -> Option<UnOp> {
    Some(match t {
        Tok::Not => UnOp::Not,
        Tok::Char(b'-') => UnOp::Minus,
        Tok::Char(b'#') => UnOp::Len,
        _ => return None,
    })
}

/// (left, right) priorities of a binary operator.
fn priority(op: BinOp) -> (u8, u8) {
    match op {
        BinOp::Add | BinOp::Sub => (6, 6),
        BinOp::Mul | BinOp::Div | BinOp::Mod => (7, 7),
        BinOp::Pow => (10, 9),
        BinOp::Concat => (5, 4),
        BinOp::Ne | BinOp::Eq | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => (3, 3),
        BinOp::And => (2, 2),
        BinOp::Or => (1, 1),
    }
}

fn block_follow(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Else | Tok::Elseif | Tok::End | Tok::Until | Tok::Eos
    )
}

impl<'a> Parser<'a> {
    // ---- errors and tokens ---------------------------------------------

    fn format_error(&self, e: Error) -> String {
        let id = chunk_id_len(&self.source, 80);
        match e {
            Error::At { line, msg } => {
                format!("{}:{}: {}", id, line, String::from_utf8_lossy(&msg))
            }
            Error::NearCurrent(m) => format!(
                "{}:{}: {} near '{}'",
                id,
                self.lex.line,
                m,
                String::from_utf8_lossy(&token_text(&self.t))
            ),
            Error::Plain(m) => format!("{}:{}: {}", id, self.lex.line, m),
        }
    }

    fn syntax<T>(&self, msg: &str) -> PResult<T> {
        Err(Error::NearCurrent(msg.to_string()))
    }

    fn next(&mut self) -> PResult<()> {
        self.lastline = self.lex.line;
        self.fs.line = self.lastline;
        self.t = match self.ahead.take() {
            Some(t) => t,
            None => self.lex.next_token()?,
        };
        Ok(())
    }

    fn lookahead(&mut self) -> PResult<&Tok> {
        if self.ahead.is_none() {
            self.ahead = Some(self.lex.next_token()?);
        }
        Ok(self.ahead.as_ref().map_or(&Tok::Eos, |t| &t.tok))
    }

    fn is(&self, c: u8) -> bool {
        self.t.tok == Tok::Char(c)
    }

    fn test_next(&mut self, t: &Tok) -> PResult<bool> {
        if self.t.tok == *t {
            self.next()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn error_expected<T>(&self, t: &Tok) -> PResult<T> {
        self.syntax(&format!(
            "'{}' expected",
            String::from_utf8_lossy(&tok2str(t))
        ))
    }

    fn check_next(&mut self, t: &Tok) -> PResult<()> {
        if self.t.tok != *t {
            return self.error_expected(t);
        }
        self.next()
    }

    fn check_match(&mut self, what: &Tok, who: &Tok, line: u32) -> PResult<()> {
        if self.test_next(what)? {
            return Ok(());
        }
        if line == self.lex.line {
            self.error_expected(what)
        } else {
            self.syntax(&format!(
                "'{}' expected (to close '{}' at line {})",
                String::from_utf8_lossy(&tok2str(what)),
                String::from_utf8_lossy(&tok2str(who)),
                line
            ))
        }
    }

    fn str_checkname(&mut self) -> PResult<Vec<u8>> {
        if let Tok::Name(n) = &self.t.tok {
            let n = n.clone();
            self.next()?;
            Ok(n)
        } else {
            self.error_expected(&Tok::Name(Vec::new()))
        }
    }

    fn enter_level(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth + BASE_LEVELS > MAX_LEVELS {
            return Err(Error::Plain("chunk has too many syntax levels".into()));
        }
        Ok(())
    }

    fn leave_level(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ---- functions -----------------------------------------------------

    fn open_func(&mut self, line: u32) {
        let mut fs = FuncState::new(&self.source, line);
        fs.line = self.lastline;
        let parent = std::mem::replace(&mut self.fs, fs);
        self.parents.push(parent);
    }

    fn close_func(&mut self) -> FuncProto {
        self.fs.remove_vars(0);
        self.fs.ret(0, 0);
        let parent = self.parents.pop();
        let done = match parent {
            Some(mut p) => {
                p.line = self.lastline;
                std::mem::replace(&mut self.fs, p)
            }
            None => std::mem::replace(&mut self.fs, FuncState::new(&self.source, 0)),
        };
        done.f
    }

    /// mainfunc -> chunk EOS
    fn main_func(&mut self) -> PResult<FuncProto> {
        self.fs.f.is_vararg = true;
        self.next()?;
        self.chunk()?;
        if self.t.tok != Tok::Eos {
            return self.error_expected(&Tok::Eos);
        }
        Ok(self.close_func())
    }

    /// Access the function at nesting `level` (0 = main).
    fn fs_at(&mut self, level: usize) -> &mut FuncState {
        if level < self.parents.len() {
            &mut self.parents[level]
        } else {
            &mut self.fs
        }
    }

    fn singlevaraux(&mut self, level: usize, name: &[u8], base: bool) -> PResult<ExpKind> {
        let fs = self.fs_at(level);
        if let Some(r) = fs.search_var(name) {
            if !base {
                fs.mark_upval(r);
            }
            return Ok(ExpKind::Local(r as u8));
        }
        if level == 0 {
            return Ok(ExpKind::Global(0));
        }
        match self.singlevaraux(level - 1, name, false)? {
            ExpKind::Local(r) => Ok(ExpKind::Upval(
                self.fs_at(level).index_upvalue(name, true, r)?,
            )),
            ExpKind::Upval(u) => Ok(ExpKind::Upval(
                self.fs_at(level).index_upvalue(name, false, u)?,
            )),
            _ => Ok(ExpKind::Global(0)),
        }
    }

    /// singlevar -> NAME
    fn singlevar(&mut self) -> PResult<ExpDesc> {
        let name = self.str_checkname()?;
        let level = self.parents.len();
        let k = match self.singlevaraux(level, &name, true)? {
            ExpKind::Global(_) => ExpKind::Global(self.fs.string_k(&name)),
            k => k,
        };
        Ok(ExpDesc::new(k))
    }

    // ---- statements ----------------------------------------------------

    /// chunk -> { stat [';'] }
    fn chunk(&mut self) -> PResult<()> {
        self.enter_level()?;
        let mut islast = false;
        while !islast && !block_follow(&self.t.tok) {
            islast = self.statement()?;
            self.test_next(&Tok::Char(b';'))?;
            self.fs.freereg = self.fs.nactvar;
        }
        self.leave_level();
        Ok(())
    }

    /// block -> chunk
    fn block(&mut self) -> PResult<()> {
        self.fs.enter_block(false);
        self.chunk()?;
        self.fs.leave_block();
        Ok(())
    }

    /// statement -> ifstat | whilestat | DO block END | forstat | repeatstat
    ///            | funcstat | localstat | retstat | breakstat | exprstat
    /// (returns true for statements that must be last in a block)
    fn statement(&mut self) -> PResult<bool> {
        let line = self.lex.line;
        match self.t.tok {
            Tok::If => self.ifstat(line)?,
            Tok::While => self.whilestat(line)?,
            Tok::Do => {
                self.next()?;
                self.block()?;
                self.check_match(&Tok::End, &Tok::Do, line)?;
            }
            Tok::For => self.forstat(line)?,
            Tok::Repeat => self.repeatstat(line)?,
            Tok::Function => self.funcstat(line)?,
            Tok::Local => {
                self.next()?;
                if self.test_next(&Tok::Function)? {
                    self.localfunc()?;
                } else {
                    self.localstat()?;
                }
            }
            Tok::Return => {
                self.retstat()?;
                return Ok(true);
            }
            Tok::Break => {
                self.next()?;
                self.breakstat()?;
                return Ok(true);
            }
            _ => self.exprstat()?,
        }
        Ok(false)
    }

    /// cond -> exp
    fn cond(&mut self) -> PResult<i32> {
        let mut v = self.expr()?;
        if v.k == ExpKind::Nil {
            v.k = ExpKind::False;
        }
        self.fs.go_if_true(&mut v)?;
        Ok(v.f)
    }

    /// test_then_block -> [IF | ELSEIF] cond THEN block
    fn test_then_block(&mut self) -> PResult<i32> {
        self.next()?;
        let condexit = self.cond()?;
        self.check_next(&Tok::Then)?;
        self.block()?;
        Ok(condexit)
    }

    /// ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
    fn ifstat(&mut self, line: u32) -> PResult<()> {
        let mut escapelist = NO_JUMP;
        let mut flist = self.test_then_block()?;
        while self.t.tok == Tok::Elseif {
            let j = self.fs.jump();
            self.fs.concat(&mut escapelist, j);
            self.fs.patch_to_here(flist);
            flist = self.test_then_block()?;
        }
        if self.t.tok == Tok::Else {
            let j = self.fs.jump();
            self.fs.concat(&mut escapelist, j);
            self.fs.patch_to_here(flist);
            self.next()?;
            self.block()?;
        } else {
            self.fs.concat(&mut escapelist, flist);
        }
        self.fs.patch_to_here(escapelist);
        self.check_match(&Tok::End, &Tok::If, line)
    }

    /// whilestat -> WHILE cond DO block END
    fn whilestat(&mut self, line: u32) -> PResult<()> {
        self.next()?;
        let whileinit = self.fs.get_label();
        let condexit = self.cond()?;
        self.fs.enter_block(true);
        self.check_next(&Tok::Do)?;
        self.block()?;
        let j = self.fs.jump();
        self.fs.patch_list(j, whileinit);
        self.check_match(&Tok::End, &Tok::While, line)?;
        self.fs.leave_block();
        self.fs.patch_to_here(condexit);
        Ok(())
    }

    /// repeatstat -> REPEAT block UNTIL cond
    fn repeatstat(&mut self, line: u32) -> PResult<()> {
        let repeat_init = self.fs.get_label();
        self.fs.enter_block(true); // loop block
        self.fs.enter_block(false); // scope block
        self.next()?;
        self.chunk()?;
        self.check_match(&Tok::Until, &Tok::Repeat, line)?;
        let condexit = self.cond()?;
        let upval = self.fs.blocks.last().is_some_and(|b| b.upval);
        if !upval {
            self.fs.leave_block();
            self.fs.patch_list(condexit, repeat_init);
        } else {
            self.breakstat()?;
            self.fs.patch_to_here(condexit);
            self.fs.leave_block();
            let j = self.fs.jump();
            self.fs.patch_list(j, repeat_init);
        }
        self.fs.leave_block();
        Ok(())
    }

    /// breakstat -> BREAK
    fn breakstat(&mut self) -> PResult<()> {
        let mut upval = false;
        let mut found = None;
        for (i, bl) in self.fs.blocks.iter().enumerate().rev() {
            if bl.breakable {
                found = Some(i);
                break;
            }
            upval |= bl.upval;
        }
        let Some(i) = found else {
            return self.syntax("no loop to break");
        };
        if upval {
            let a = self.fs.blocks[i].nactvar as u8;
            self.fs.code(Instr::Close { a });
        }
        let j = self.fs.jump();
        let mut bl = self.fs.blocks[i].breaklist;
        self.fs.concat(&mut bl, j);
        self.fs.blocks[i].breaklist = bl;
        Ok(())
    }

    /// exp1 -> exp   (into the next register)
    fn exp1(&mut self) -> PResult<()> {
        let mut e = self.expr()?;
        self.fs.exp2nextreg(&mut e)
    }

    /// forbody -> DO block
    fn forbody(&mut self, base: usize, line: u32, nvars: usize, isnum: bool) -> PResult<()> {
        self.fs.adjust_localvars(3);
        self.check_next(&Tok::Do)?;
        let prep = if isnum {
            self.fs.code(Instr::ForPrep {
                a: base as u8,
                sbx: NO_JUMP,
            }) as i32
        } else {
            self.fs.jump()
        };
        self.fs.enter_block(false);
        self.fs.adjust_localvars(nvars);
        self.fs.reserve_regs(nvars)?;
        self.block()?;
        self.fs.leave_block();
        self.fs.patch_to_here(prep);
        let endfor = if isnum {
            self.fs.code(Instr::ForLoop {
                a: base as u8,
                sbx: NO_JUMP,
            }) as i32
        } else {
            self.fs.code(Instr::TForLoop {
                a: base as u8,
                c: nvars as u8,
            }) as i32
        };
        self.fs.fix_line(line);
        let j = if isnum { endfor } else { self.fs.jump() };
        self.fs.patch_list(j, prep as usize + 1);
        Ok(())
    }

    /// fornum -> NAME = exp1 , exp1 [, exp1] forbody
    fn fornum(&mut self, varname: Vec<u8>, line: u32) -> PResult<()> {
        let base = self.fs.freereg;
        self.fs.new_localvar(b"(for index)", 0)?;
        self.fs.new_localvar(b"(for limit)", 1)?;
        self.fs.new_localvar(b"(for step)", 2)?;
        self.fs.new_localvar(&varname, 3)?;
        self.check_next(&Tok::Char(b'='))?;
        self.exp1()?;
        self.check_next(&Tok::Char(b','))?;
        self.exp1()?;
        if self.test_next(&Tok::Char(b','))? {
            self.exp1()?;
        } else {
            let k = self.fs.number_k(1.0);
            let a = self.fs.freereg as u8;
            self.fs.code(Instr::LoadK { a, bx: k });
            self.fs.reserve_regs(1)?;
        }
        self.forbody(base, line, 1, true)
    }

    /// forlist -> NAME {, NAME} IN explist1 forbody
    fn forlist(&mut self, indexname: Vec<u8>) -> PResult<()> {
        let base = self.fs.freereg;
        self.fs.new_localvar(b"(for generator)", 0)?;
        self.fs.new_localvar(b"(for state)", 1)?;
        self.fs.new_localvar(b"(for control)", 2)?;
        self.fs.new_localvar(&indexname, 3)?;
        let mut nvars = 4;
        while self.test_next(&Tok::Char(b','))? {
            let n = self.str_checkname()?;
            self.fs.new_localvar(&n, nvars)?;
            nvars += 1;
        }
        self.check_next(&Tok::In)?;
        let line = self.lex.line;
        let (nexps, mut e) = self.explist1()?;
        self.adjust_assign(3, nexps, &mut e)?;
        self.fs.check_stack(3)?;
        self.forbody(base, line, nvars - 3, false)
    }

    /// forstat -> FOR (fornum | forlist) END
    fn forstat(&mut self, line: u32) -> PResult<()> {
        self.fs.enter_block(true);
        self.next()?;
        let varname = self.str_checkname()?;
        match self.t.tok {
            Tok::Char(b'=') => self.fornum(varname, line)?,
            Tok::Char(b',') | Tok::In => self.forlist(varname)?,
            _ => return self.syntax("'=' or 'in' expected"),
        }
        self.check_match(&Tok::End, &Tok::For, line)?;
        self.fs.leave_block();
        Ok(())
    }

    /// funcstat -> FUNCTION funcname body
    /// funcname -> NAME {'.' NAME} [':' NAME]
    fn funcstat(&mut self, line: u32) -> PResult<()> {
        self.next()?;
        let mut v = self.singlevar()?;
        let mut needself = false;
        while self.is(b'.') {
            self.field(&mut v)?;
        }
        if self.is(b':') {
            needself = true;
            self.field(&mut v)?;
        }
        let mut b = self.body(needself, line)?;
        self.fs.store_var(&v, &mut b)?;
        self.fs.fix_line(line);
        Ok(())
    }

    /// localfunc -> LOCAL FUNCTION NAME body
    fn localfunc(&mut self) -> PResult<()> {
        let name = self.str_checkname()?;
        self.fs.new_localvar(&name, 0)?;
        let v = ExpDesc::new(ExpKind::Local(self.fs.freereg as u8));
        self.fs.reserve_regs(1)?;
        self.fs.adjust_localvars(1);
        let line = self.lex.line;
        let mut b = self.body(false, line)?;
        self.fs.store_var(&v, &mut b)?;
        // debug information sees the variable only from here on
        let pc = self.fs.pc() as u32;
        if let Some(&idx) = self.fs.actvar.get(self.fs.nactvar.wrapping_sub(1)) {
            if let Some(lv) = self.fs.f.locvars.get_mut(idx) {
                lv.start_pc = pc;
            }
        }
        Ok(())
    }

    /// localstat -> LOCAL NAME {',' NAME} ['=' explist1]
    fn localstat(&mut self) -> PResult<()> {
        let mut nvars = 0;
        loop {
            let n = self.str_checkname()?;
            self.fs.new_localvar(&n, nvars)?;
            nvars += 1;
            if !self.test_next(&Tok::Char(b','))? {
                break;
            }
        }
        let (nexps, mut e) = if self.test_next(&Tok::Char(b'='))? {
            self.explist1()?
        } else {
            (0, ExpDesc::new(ExpKind::Void))
        };
        self.adjust_assign(nvars, nexps, &mut e)?;
        self.fs.adjust_localvars(nvars);
        Ok(())
    }

    /// retstat -> RETURN [explist1]
    fn retstat(&mut self) -> PResult<()> {
        self.next()?;
        let (first, nret);
        if block_follow(&self.t.tok) || self.is(b';') {
            first = 0;
            nret = 0;
        } else {
            let (n, mut e) = self.explist1()?;
            if e.has_multret() {
                self.fs.set_multret(&mut e)?;
                if let ExpKind::Call(pc) = e.k {
                    if n == 1 {
                        if let Instr::Call { a, b, .. } = *self.fs.instr_mut(pc) {
                            *self.fs.instr_mut(pc) = Instr::TailCall { a, b };
                        }
                    }
                }
                first = self.fs.nactvar;
                nret = MULTRET;
            } else if n == 1 {
                first = self.fs.exp2anyreg(&mut e)? as usize;
                nret = 1;
            } else {
                self.fs.exp2nextreg(&mut e)?;
                first = self.fs.nactvar;
                nret = n as i32;
            }
        }
        self.fs.ret(first, nret);
        Ok(())
    }

    /// exprstat -> func | assignment
    fn exprstat(&mut self) -> PResult<()> {
        let v = self.primaryexp()?;
        if let ExpKind::Call(pc) = v.k {
            if let Instr::Call { c, .. } = self.fs.instr_mut(pc) {
                *c = 1;
            }
            Ok(())
        } else {
            self.assignment(v)
        }
    }

    /// When a new assignment target is local `r`, earlier indexed targets
    /// using `r` as table or key must use a copy taken before assignment.
    fn check_conflict(&mut self, lhs: &mut [ExpDesc], r: u8) -> PResult<()> {
        let extra = self.fs.freereg as u8;
        let mut conflict = false;
        for v in lhs.iter_mut() {
            if let ExpKind::Indexed(t, k) = v.k {
                let mut t2 = t;
                let mut k2 = k;
                if t == r {
                    conflict = true;
                    t2 = extra;
                }
                if k == r as u16 {
                    conflict = true;
                    k2 = extra as u16;
                }
                v.k = ExpKind::Indexed(t2, k2);
            }
        }
        if conflict {
            self.fs.code(Instr::Move { a: extra, b: r });
            self.fs.reserve_regs(1)?;
        }
        Ok(())
    }

    /// assignment -> suffixedexp {',' suffixedexp} '=' explist1
    fn assignment(&mut self, first: ExpDesc) -> PResult<()> {
        let mut lhs = vec![first];
        loop {
            let is_var = lhs.last().is_some_and(|v| {
                matches!(
                    v.k,
                    ExpKind::Local(_)
                        | ExpKind::Upval(_)
                        | ExpKind::Global(_)
                        | ExpKind::Indexed(..)
                )
            });
            if !is_var {
                return self.syntax("syntax error");
            }
            if !self.test_next(&Tok::Char(b','))? {
                break;
            }
            let nv = self.primaryexp()?;
            if let ExpKind::Local(r) = nv.k {
                self.check_conflict(&mut lhs, r)?;
            }
            let limit = MAX_LEVELS.saturating_sub(self.depth + BASE_LEVELS);
            if lhs.len() > limit {
                return Err(self.fs.limit_error(limit, "variables in assignment"));
            }
            lhs.push(nv);
        }
        self.check_next(&Tok::Char(b'='))?;
        let (nexps, mut e) = self.explist1()?;
        let nvars = lhs.len();
        let mut rest = nvars;
        if nexps != nvars {
            self.adjust_assign(nvars, nexps, &mut e)?;
            if nexps > nvars {
                self.fs.freereg -= nexps - nvars;
            }
        } else {
            self.fs.set_one_ret(&mut e);
            if let Some(v) = lhs.last() {
                self.fs.store_var(v, &mut e)?;
            }
            rest -= 1;
        }
        for v in lhs[..rest].iter().rev() {
            let mut e = ExpDesc::new(ExpKind::NonReloc((self.fs.freereg - 1) as u8));
            self.fs.store_var(v, &mut e)?;
        }
        Ok(())
    }

    /// Adjust `nexps` values (the last being `e`) to `nvars` registers.
    fn adjust_assign(&mut self, nvars: usize, nexps: usize, e: &mut ExpDesc) -> PResult<()> {
        let extra = nvars as i64 - nexps as i64;
        if e.has_multret() {
            let extra = (extra + 1).max(0);
            self.fs.set_returns(e, extra as i32)?;
            if extra > 1 {
                self.fs.reserve_regs((extra - 1) as usize)?;
            }
        } else {
            if e.k != ExpKind::Void {
                self.fs.exp2nextreg(e)?;
            }
            if extra > 0 {
                let reg = self.fs.freereg;
                self.fs.reserve_regs(extra as usize)?;
                self.fs.nil(reg, extra as usize);
            }
        }
        Ok(())
    }

    // ---- expressions ---------------------------------------------------

    /// explist1 -> expr {',' expr}
    fn explist1(&mut self) -> PResult<(usize, ExpDesc)> {
        let mut n = 1;
        let mut e = self.expr()?;
        while self.test_next(&Tok::Char(b','))? {
            self.fs.exp2nextreg(&mut e)?;
            e = self.expr()?;
            n += 1;
        }
        Ok((n, e))
    }

    /// expr -> subexpr
    fn expr(&mut self) -> PResult<ExpDesc> {
        Ok(self.subexpr(0)?.0)
    }

    /// subexpr -> (simpleexp | unop subexpr) { binop subexpr }
    /// where binop is any binary operator with a priority above `limit`
    fn subexpr(&mut self, limit: u8) -> PResult<(ExpDesc, Option<BinOp>)> {
        self.enter_level()?;
        let mut v = if let Some(uop) = unop(&self.t.tok) {
            self.next()?;
            let (mut e, _) = self.subexpr(UNARY_PRIORITY)?;
            self.fs.prefix(uop, &mut e)?;
            e
        } else {
            self.simpleexp()?
        };
        let mut op = binop(&self.t.tok);
        while let Some(o) = op {
            let (left, right) = priority(o);
            if left <= limit {
                break;
            }
            self.next()?;
            self.fs.infix(o, &mut v)?;
            let (mut v2, nextop) = self.subexpr(right)?;
            self.fs.posfix(o, &mut v, &mut v2)?;
            op = nextop;
        }
        self.leave_level();
        Ok((v, op))
    }

    /// simpleexp -> NUMBER | STRING | NIL | TRUE | FALSE | ... | constructor
    ///            | FUNCTION body | primaryexp
    fn simpleexp(&mut self) -> PResult<ExpDesc> {
        let k = match &self.t.tok {
            Tok::Number(n) => ExpKind::KNum(*n),
            Tok::String(s) => {
                let s = s.clone();
                ExpKind::K(self.fs.string_k(&s))
            }
            Tok::Nil => ExpKind::Nil,
            Tok::True => ExpKind::True,
            Tok::False => ExpKind::False,
            Tok::Dots => {
                if !self.fs.f.is_vararg {
                    return self.syntax("cannot use '...' outside a vararg function");
                }
                self.fs.f.needs_arg = false;
                ExpKind::VarArg(self.fs.code(Instr::VarArg { a: 0, b: 1 }))
            }
            Tok::Char(b'{') => return self.constructor(),
            Tok::Function => {
                self.next()?;
                let line = self.lex.line;
                return self.body(false, line);
            }
            _ => return self.primaryexp(),
        };
        self.next()?;
        Ok(ExpDesc::new(k))
    }

    /// prefixexp -> NAME | '(' expr ')'
    fn prefixexp(&mut self) -> PResult<ExpDesc> {
        match self.t.tok {
            Tok::Char(b'(') => {
                let line = self.lex.line;
                self.next()?;
                let mut v = self.expr()?;
                self.check_match(&Tok::Char(b')'), &Tok::Char(b'('), line)?;
                self.fs.discharge_vars(&mut v);
                Ok(v)
            }
            Tok::Name(_) => self.singlevar(),
            _ => self.syntax("unexpected symbol"),
        }
    }

    /// primaryexp -> prefixexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }
    fn primaryexp(&mut self) -> PResult<ExpDesc> {
        let mut v = self.prefixexp()?;
        loop {
            match self.t.tok {
                Tok::Char(b'.') => self.field(&mut v)?,
                Tok::Char(b'[') => {
                    self.fs.exp2anyreg(&mut v)?;
                    let mut k = self.yindex()?;
                    self.fs.indexed(&mut v, &mut k)?;
                }
                Tok::Char(b':') => {
                    self.next()?;
                    let mut key = self.checkname()?;
                    self.fs.self_op(&mut v, &mut key)?;
                    self.funcargs(&mut v)?;
                }
                Tok::Char(b'(') | Tok::String(_) | Tok::Char(b'{') => {
                    self.fs.exp2nextreg(&mut v)?;
                    self.funcargs(&mut v)?;
                }
                _ => return Ok(v),
            }
        }
    }

    /// checkname -> NAME   (as a string constant)
    fn checkname(&mut self) -> PResult<ExpDesc> {
        let n = self.str_checkname()?;
        Ok(ExpDesc::new(ExpKind::K(self.fs.string_k(&n))))
    }

    /// field -> ['.' | ':'] NAME
    fn field(&mut self, v: &mut ExpDesc) -> PResult<()> {
        self.fs.exp2anyreg(v)?;
        self.next()?;
        let mut key = self.checkname()?;
        self.fs.indexed(v, &mut key)
    }

    /// yindex -> '[' expr ']'
    fn yindex(&mut self) -> PResult<ExpDesc> {
        self.next()?;
        let mut e = self.expr()?;
        self.fs.exp2val(&mut e)?;
        self.check_next(&Tok::Char(b']'))?;
        Ok(e)
    }

    /// funcargs -> '(' [explist1] ')' | constructor | STRING
    fn funcargs(&mut self, f: &mut ExpDesc) -> PResult<()> {
        let line = self.lex.line;
        let mut args = match &self.t.tok {
            Tok::Char(b'(') => {
                if line != self.lastline {
                    return self.syntax("ambiguous syntax (function call x new statement)");
                }
                self.next()?;
                let args = if self.is(b')') {
                    ExpDesc::new(ExpKind::Void)
                } else {
                    let (_, mut a) = self.explist1()?;
                    self.fs.set_multret(&mut a)?;
                    a
                };
                self.check_match(&Tok::Char(b')'), &Tok::Char(b'('), line)?;
                args
            }
            Tok::Char(b'{') => self.constructor()?,
            Tok::String(s) => {
                let s = s.clone();
                let k = self.fs.string_k(&s);
                self.next()?;
                ExpDesc::new(ExpKind::K(k))
            }
            _ => return self.syntax("function arguments expected"),
        };
        let base = match f.k {
            ExpKind::NonReloc(r) => r,
            _ => 0,
        };
        let nparams = if args.has_multret() {
            MULTRET
        } else {
            if args.k != ExpKind::Void {
                self.fs.exp2nextreg(&mut args)?;
            }
            self.fs.freereg as i32 - (base as i32 + 1)
        };
        f.k = ExpKind::Call(self.fs.code(Instr::Call {
            a: base,
            b: (nparams + 1) as u16,
            c: 2,
        }));
        self.fs.fix_line(line);
        self.fs.freereg = base as usize + 1;
        Ok(())
    }

    /// constructor -> '{' [ field { fieldsep field } [fieldsep] ] '}'
    /// field -> recfield | listfield ; fieldsep -> ',' | ';'
    fn constructor(&mut self) -> PResult<ExpDesc> {
        let line = self.lex.line;
        let pc = self.fs.code(Instr::NewTable { a: 0, b: 0, c: 0 });
        let mut t = ExpDesc::new(ExpKind::Relocable(pc));
        self.fs.exp2nextreg(&mut t)?;
        let treg = match t.k {
            ExpKind::NonReloc(r) => r,
            _ => 0,
        };
        self.check_next(&Tok::Char(b'{'))?;
        let mut na: usize = 0;
        let mut nh: usize = 0;
        let mut tostore: usize = 0;
        let mut v = ExpDesc::new(ExpKind::Void);
        loop {
            if self.is(b'}') {
                break;
            }
            // close the previous list item
            if v.k != ExpKind::Void {
                self.fs.exp2nextreg(&mut v)?;
                v = ExpDesc::new(ExpKind::Void);
                if tostore == FIELDS_PER_FLUSH {
                    self.fs.set_list(treg, na, tostore as i32);
                    tostore = 0;
                }
            }
            let is_rec = match self.t.tok {
                Tok::Name(_) => *self.lookahead()? == Tok::Char(b'='),
                Tok::Char(b'[') => true,
                _ => false,
            };
            if is_rec {
                self.recfield(treg)?;
                nh += 1;
            } else {
                v = self.expr()?;
                na += 1;
                tostore += 1;
            }
            if !(self.test_next(&Tok::Char(b','))? || self.test_next(&Tok::Char(b';'))?) {
                break;
            }
        }
        self.check_match(&Tok::Char(b'}'), &Tok::Char(b'{'), line)?;
        if tostore > 0 {
            if v.has_multret() {
                self.fs.set_multret(&mut v)?;
                self.fs.set_list(treg, na, MULTRET);
                na -= 1;
            } else {
                if v.k != ExpKind::Void {
                    self.fs.exp2nextreg(&mut v)?;
                }
                self.fs.set_list(treg, na, tostore as i32);
            }
        }
        if let Instr::NewTable { b, c, .. } = self.fs.instr_mut(pc) {
            *b = na.min(u16::MAX as usize) as u16;
            *c = nh.min(u16::MAX as usize) as u16;
        }
        Ok(t)
    }

    /// recfield -> (NAME | '[' exp ']') '=' exp
    fn recfield(&mut self, treg: u8) -> PResult<()> {
        let reg = self.fs.freereg;
        let mut key = if let Tok::Name(_) = self.t.tok {
            self.checkname()?
        } else {
            self.yindex()?
        };
        self.check_next(&Tok::Char(b'='))?;
        let rkkey = self.fs.exp2rk(&mut key)?;
        let mut val = self.expr()?;
        let rv = self.fs.exp2rk(&mut val)?;
        self.fs.code(Instr::SetTable {
            a: treg,
            b: rkkey,
            c: rv,
        });
        self.fs.freereg = reg;
        Ok(())
    }

    /// parlist -> [ param { ',' param } ] ; param -> NAME | '...'
    fn parlist(&mut self) -> PResult<()> {
        let mut nparams = 0;
        let mut has_arg = false;
        if !self.is(b')') {
            loop {
                match &self.t.tok {
                    Tok::Name(n) => {
                        let n = n.clone();
                        self.next()?;
                        self.fs.new_localvar(&n, nparams)?;
                        nparams += 1;
                    }
                    Tok::Dots => {
                        self.next()?;
                        self.fs.new_localvar(b"arg", nparams)?;
                        nparams += 1;
                        has_arg = true;
                        self.fs.f.is_vararg = true;
                        self.fs.f.needs_arg = true;
                    }
                    _ => return self.syntax("<name> or '...' expected"),
                }
                if self.fs.f.is_vararg || !self.test_next(&Tok::Char(b','))? {
                    break;
                }
            }
        }
        self.fs.adjust_localvars(nparams);
        self.fs.f.num_params = (self.fs.nactvar - usize::from(has_arg)) as u8;
        let n = self.fs.nactvar;
        self.fs.reserve_regs(n)
    }

    /// body -> '(' parlist ')' chunk END
    fn body(&mut self, needself: bool, line: u32) -> PResult<ExpDesc> {
        self.open_func(line);
        self.check_next(&Tok::Char(b'('))?;
        if needself {
            self.fs.new_localvar(b"self", 0)?;
            self.fs.adjust_localvars(1);
        }
        self.parlist()?;
        self.check_next(&Tok::Char(b')'))?;
        self.chunk()?;
        self.fs.f.last_line_defined = self.lex.line;
        self.check_match(&Tok::End, &Tok::Function, line)?;
        let proto = self.close_func();
        self.fs.f.protos.push(proto);
        let idx = (self.fs.f.protos.len() - 1) as u32;
        let pc = self.fs.code(Instr::Closure { a: 0, bx: idx });
        Ok(ExpDesc::new(ExpKind::Relocable(pc)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::opcodes::{rk_const, Instr::*};
    use super::super::{compile, disassemble, FuncProto};

    fn err(src: &str) -> String {
        match compile(src.as_bytes(), src.as_bytes()) {
            Ok(_) => "ok".into(),
            Err(e) => e,
        }
    }

    fn ok(src: &str) -> FuncProto {
        match compile(src.as_bytes(), b"=test") {
            Ok(p) => p,
            Err(e) => panic!("compile error: {}", e),
        }
    }

    /// Expected strings checked against Debian's lua5.1 `loadstring`.
    #[test]
    fn syntax_errors_match_lua51() {
        let cases: &[(&str, &str)] = &[
            ("x = = 1", "[string \"x = = 1\"]:1: unexpected symbol near '='"),
            ("x", "[string \"x\"]:1: '=' expected near '<eof>'"),
            ("f(", "[string \"f(\"]:1: unexpected symbol near '<eof>'"),
            (
                "function f() x = 1",
                "[string \"function f() x = 1\"]:1: 'end' expected near '<eof>'",
            ),
            (
                "function f()\n\n  x = 1\n",
                "[string \"function f()...\"]:4: 'end' expected (to close 'function' at line 1) near '<eof>'",
            ),
            ("x = 'abc", "[string \"x = 'abc\"]:1: unfinished string near '<eof>'"),
            (
                "x = \"abc\ny\"",
                "[string \"x = \"abc...\"]:1: unfinished string near '\"abc'",
            ),
            (
                "x = [[abc",
                "[string \"x = [[abc\"]:1: unfinished long string near '<eof>'",
            ),
            ("x = 1e", "[string \"x = 1e\"]:1: malformed number near '1e'"),
            ("x = 3x", "[string \"x = 3x\"]:1: malformed number near '3x'"),
            (
                "local 1 = 2",
                "[string \"local 1 = 2\"]:1: '<name>' expected near '1'",
            ),
            (
                "f\n(1)",
                "[string \"f...\"]:2: ambiguous syntax (function call x new statement) near '('",
            ),
            (
                "return 1 x = 2",
                "[string \"return 1 x = 2\"]:1: '<eof>' expected near 'x'",
            ),
            ("break", "[string \"break\"]:1: no loop to break near '<eof>'"),
            (
                "function f() return ... end",
                "[string \"function f() return ... end\"]:1: cannot use '...' outside a vararg function near '...'",
            ),
            (
                "a.b:c = 1",
                "[string \"a.b:c = 1\"]:1: function arguments expected near '='",
            ),
            (
                "x = '\\300'",
                "[string \"x = '\\300'\"]:1: escape sequence too large near '''",
            ),
            (";", "[string \";\"]:1: unexpected symbol near ';'"),
            ("x = \u{1}", "[string \"x = \u{1}\"]:1: unexpected symbol near 'char(1)'"),
            (
                "for i do end",
                "[string \"for i do end\"]:1: '=' or 'in' expected near 'do'",
            ),
            (
                "x = [= a",
                "[string \"x = [= a\"]:1: invalid long string delimiter near '[='",
            ),
            (
                "x = [[ a [[ b ]] ]]",
                "[string \"x = [[ a [[ b ]] ]]\"]:1: nesting of [[...]] is deprecated near '['",
            ),
            (
                "function f(a,) end",
                "[string \"function f(a,) end\"]:1: <name> or '...' expected near ')'",
            ),
            ("(x) = 1", "[string \"(x) = 1\"]:1: syntax error near '='"),
            (
                "local t = {a b}",
                "[string \"local t = {a b}\"]:1: '}' expected near 'b'",
            ),
            (
                "print('a' 'b')",
                "[string \"print('a' 'b')\"]:1: ')' expected near ''b''",
            ),
            ("a.1 = 3", "[string \"a.1 = 3\"]:1: '=' expected near '.1'"),
            (
                "x = --[[ abc",
                "[string \"x = --[[ abc\"]:1: unfinished long comment near '<eof>'",
            ),
            (
                "x = 'a\\\nb' y",
                "[string \"x = 'a\\...\"]:2: '=' expected near '<eof>'",
            ),
            ("#!shebang\nx = = 1", "[string \"#!shebang...\"]:1: unexpected symbol near '#'"),
        ];
        for (src, want) in cases {
            assert_eq!(err(src), *want, "source: {:?}", src);
        }
        let long = format!("{} = =", "c".repeat(70));
        assert_eq!(
            err(&long),
            format!(
                "[string \"{}...\"]:1: unexpected symbol near '='",
                "c".repeat(63)
            )
        );
        assert_eq!(
            compile(b"x=", b"=foo").err().as_deref(),
            Some("foo:1: unexpected symbol near '<eof>'")
        );
    }

    #[test]
    fn limits() {
        let locals: Vec<String> = (1..=201).map(|i| format!("local a{}", i)).collect();
        assert_eq!(
            err(&locals.join("\n")),
            "[string \"local a1...\"]:201: main function has more than 200 local variables"
        );
        assert_eq!(
            err(&format!("local x\nfunction f()\n{} end", locals.join("\n"))),
            "[string \"local x...\"]:203: function at line 2 has more than 200 local variables"
        );
        let decl: String = (1..=61).map(|i| format!("local a{}\n", i)).collect();
        let uses: Vec<String> = (1..=61).map(|i| format!("a{}", i)).collect();
        let src = format!(
            "do {} function g() local function h() return {} end end end",
            decl,
            uses.join("+")
        );
        assert_eq!(
            err(&src),
            "[string \"do local a1...\"]:62: function at line 62 has more than 60 upvalues"
        );
        let args = vec!["1"; 300].join(",");
        assert!(err(&format!("f({})", args))
            .ends_with(":1: function or expression too complex near '1'"));
        let lhs: Vec<String> = (1..=300).map(|i| format!("a{}", i)).collect();
        assert!(err(&format!("{} = 1", lhs.join(",")))
            .ends_with(":1: main function has more than 197 variables in assignment"));
        assert!(err(&format!("x = {}a", "a .. ".repeat(300)))
            .ends_with(":1: chunk has too many syntax levels"));
        // same thresholds as lua5.1's loadstring
        let p = |n: usize| format!("x = {}1{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(err(&p(196)), "ok");
        assert!(err(&p(197)).ends_with("chunk has too many syntax levels"));
        let d = |n: usize| format!("{}{}", "do ".repeat(n), "end ".repeat(n));
        assert_eq!(err(&d(197)), "ok");
        assert!(err(&d(198)).ends_with("chunk has too many syntax levels"));
        // many constants: Rk falls back to registers
        let t: String = (0..40000).map(|i| format!("x = y + {}\n", i)).collect();
        let p = ok(&t);
        assert!(p.constants.len() > 40000);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for src in [
            "(".repeat(100_000),
            format!("x = {}", "(".repeat(100_000)),
            "do ".repeat(100_000),
            format!("x = {}", "{".repeat(100_000)),
            format!("x = {}", "not - ".repeat(50_000)),
            format!("x = {}", "function() return ".repeat(100_000)),
            format!("x = {}", "f(".repeat(100_000)),
            "if x then ".repeat(100_000),
            "while 1 do ".repeat(100_000),
            format!("x = {}", "a .. ".repeat(100_000)),
            format!("x = {}", "2 ^ ".repeat(100_000)),
            "repeat ".repeat(100_000),
            "for i=1,2 do ".repeat(100_000),
            "local function f() ".repeat(100_000),
        ] {
            let r = compile(src.as_bytes(), b"=deep");
            assert!(r.is_err(), "expected an error for {:?}", &src[..20]);
        }
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let pieces = [
            "local", "x", "=", "(", ")", "{", "}", "[", "]", "...", "..", ",", ";", "function",
            "end", "return", "f", "1", "'s'", "and", "or", "not", "-", "#", "for", "in", "do",
            "while", "repeat", "until", "if", "then", "else", "break", ":", ".", "==", "[[", "--",
            "\n", "0x", "1e", "\\",
        ];
        let mut seed: u64 = 12345;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                s.push(' ');
            }
            let _ = compile(s.as_bytes(), s.as_bytes());
        }
    }

    #[test]
    fn swap_assignment() {
        let p = ok("local a, b = 1, 2\na, b = b, a");
        // locals in R0, R1: old b saved in R2, a stored straight into b
        let tail = &p.code[p.code.len() - 4..];
        assert_eq!(
            tail,
            &[
                Move { a: 2, b: 1 },
                Move { a: 1, b: 0 },
                Move { a: 0, b: 2 },
                Return { a: 0, b: 1 },
            ]
        );
    }

    #[test]
    fn assignment_conflict_copies_local() {
        // t[i], i = 20, i+1: the table key must be the old i
        let p = ok("local t, i = {}, 3\nt[i], i = 20, i + 1");
        assert!(p.code.contains(&Move { a: 2, b: 1 }));
        assert!(p
            .code
            .iter()
            .any(|i| matches!(i, SetTable { a: 0, b: 2, .. })));
    }

    #[test]
    fn tail_call_and_returns() {
        let p = ok("return f(x)");
        assert!(matches!(p.code[p.code.len() - 3], TailCall { a: 0, b: 2 }));
        assert_eq!(p.code[p.code.len() - 2], Return { a: 0, b: 0 });
        let p = ok("return (f(x))");
        assert!(matches!(
            p.code[p.code.len() - 3],
            Call { a: 0, b: 2, c: 2 }
        ));
        assert_eq!(p.code[p.code.len() - 2], Return { a: 0, b: 2 });
    }

    #[test]
    fn numeric_for_shape() {
        let p = ok("for i = 1, 10 do local f = function() return i end end");
        let s = disassemble(&p);
        assert!(s.contains("FORPREP"), "{}", s);
        let prep = p.code.iter().position(|i| matches!(i, ForPrep { .. }));
        let lp = p.code.iter().position(|i| matches!(i, ForLoop { .. }));
        let (Some(prep), Some(lp)) = (prep, lp) else {
            panic!("no for loop: {}", s)
        };
        // body: closure, close of the captured loop variable, then ForLoop
        assert_eq!(p.code[lp - 1], Close { a: 3 });
        assert_eq!(
            p.code[prep],
            ForPrep {
                a: 0,
                sbx: (lp - prep - 1) as i32
            }
        );
        assert_eq!(
            p.code[lp],
            ForLoop {
                a: 0,
                sbx: prep as i32 - lp as i32
            }
        );
        let names: Vec<_> = p.locvars.iter().map(|l| l.name.clone()).collect();
        assert_eq!(
            names,
            vec![
                b"(for index)".to_vec(),
                b"(for limit)".to_vec(),
                b"(for step)".to_vec(),
                b"i".to_vec(),
                b"f".to_vec()
            ]
        );
        assert_eq!(p.protos[0].upvalues[0].name, b"i".to_vec());
        assert!(p.protos[0].upvalues[0].in_stack);
        assert_eq!(p.protos[0].upvalues[0].index, 3);
    }

    #[test]
    fn generic_for_shape() {
        let p = ok("for k, v in pairs(t) do end");
        let tf = p.code.iter().position(|i| matches!(i, TForLoop { .. }));
        let Some(tf) = tf else { panic!("no tforloop") };
        assert_eq!(p.code[tf], TForLoop { a: 0, c: 2 });
        assert!(matches!(p.code[tf + 1], Jmp { .. }));
    }

    #[test]
    fn vararg_and_arg() {
        let p = ok("function f(a, ...) return a end");
        let f = &p.protos[0];
        assert!(f.is_vararg && f.needs_arg);
        assert_eq!(f.num_params, 1);
        assert_eq!(f.locvars[1].name, b"arg".to_vec());
        let p = ok("function f(a, ...) return ... end");
        assert!(p.protos[0].is_vararg && !p.protos[0].needs_arg);
        let p = ok("return ...");
        assert!(p.is_vararg && !p.needs_arg && p.locvars.is_empty());
        assert_eq!(p.code[0], VarArg { a: 0, b: 0 });
    }

    #[test]
    fn comparisons_and_constants() {
        let p = ok("local a, b\nx = a > b");
        assert!(p.code.contains(&Lt {
            a: true,
            b: 1,
            c: 0
        }));
        let p = ok("local a\nx = a ~= 1");
        assert!(p.code.contains(&Eq {
            a: false,
            b: 0,
            c: rk_const(1)
        }));
        // folding, but not of division by zero
        let p = ok("x = 2^53 + 1 y = 1/0 z = -2^2");
        assert!(p
            .constants
            .contains(&super::super::Constant::Number(9007199254740992.0)));
        assert!(p.code.iter().any(|i| matches!(i, Div { .. })));
        assert!(p.constants.contains(&super::super::Constant::Number(-4.0)));
    }

    #[test]
    fn setlist_batches() {
        let items: Vec<String> = (1..=120).map(|i| i.to_string()).collect();
        let p = ok(&format!("t = {{{}, f()}}", items.join(",")));
        let sl: Vec<_> = p
            .code
            .iter()
            .filter(|i| matches!(i, SetList { .. }))
            .cloned()
            .collect();
        assert_eq!(
            sl,
            vec![
                SetList { a: 0, b: 50, c: 0 },
                SetList { a: 0, b: 50, c: 50 },
                SetList { a: 0, b: 0, c: 100 },
            ]
        );
        assert_eq!(p.code[0], NewTable { a: 0, b: 120, c: 0 });
    }

    #[test]
    fn call_lines() {
        let p = ok("f(\n1,\n2)\nlocal x = g(\n3)");
        let calls: Vec<u32> = p
            .code
            .iter()
            .zip(&p.lines)
            .filter(|(i, _)| matches!(i, Call { .. }))
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(calls, vec![1, 4]);
    }
}
