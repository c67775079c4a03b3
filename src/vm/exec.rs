//! The interpreter loop.
//!
//! `execute` runs Lua frames until the frame at `entry_depth` returns. Calls
//! to Lua functions push a frame and continue the loop (no Rust recursion);
//! natives run inline. The hot state (pc, base, code, constants) is kept in
//! locals; `pc` is written back to the frame before anything that can call
//! out or raise (`save_pc!`), so error positions and tracebacks are exact.
//!
//! Hazard: any call out (natives, metamethods) may grow and so reallocate
//! `self.stack`; registers are always addressed through `self.stack[..]`,
//! never through a slice held across a call.

use super::Lua;
use crate::compiler::opcodes::{Instr, RK_CONST};
use crate::error::{LuaError, LuaResult};
use crate::heap::{FrameKind, LuaClosure};
use crate::value::Value;

/// Arithmetic operators, shared by the fast and slow paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Unm,
}

impl Arith {
    #[inline]
    pub fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            Arith::Add => a + b,
            Arith::Sub => a - b,
            Arith::Mul => a * b,
            Arith::Div => a / b,
            Arith::Mod => a - (a / b).floor() * b,
            Arith::Pow => a.powf(b),
            Arith::Unm => -a,
        }
    }
}

impl Lua {
    /// Run until the frame at index `entry_depth` returns.
    pub(crate) fn execute(&mut self, entry_depth: usize) -> LuaResult<()> {
        // The loop is compiled twice: without any hook check, and with
        // them (see `hooks`); each copy hands over to the other when
        // hooks are switched on or off.
        loop {
            let done = if self.hooks.any {
                self.execute_loop::<true>(entry_depth)?
            } else {
                self.execute_loop::<false>(entry_depth)?
            };
            if done {
                return Ok(());
            }
        }
    }

    /// The interpreter loop proper. Returns `Ok(false)` when it must
    /// continue in the other copy (`HOOKED` no longer matches
    /// `hooks.any`); the top frame's saved pc is where to continue.
    fn execute_loop<const HOOKED: bool>(&mut self, entry_depth: usize) -> LuaResult<bool> {
        'newframe: loop {
            let call_done = HOOKED && std::mem::take(&mut self.hooks.call_done);
            if HOOKED != self.hooks.any {
                return Ok(false);
            }
            let fi = self.frames.len() - 1;
            let (proto, closure, _) = match &self.frames[fi].kind {
                FrameKind::Lua {
                    proto,
                    closure,
                    env,
                } => (proto.clone(), *closure, *env),
                FrameKind::Native { .. } => return Err(LuaError::InvalidHandle),
            };
            let base = self.frames[fi].base;
            let mut pc = self.frames[fi].pc;
            let code = &proto.code[..];
            let k = &proto.constants[..];
            let frame_top = base + proto.max_stack as usize;
            // 5.1's `savedpc` as the line hook compares it.
            let mut oldpc = pc;
            if HOOKED && pc == 0 && !call_done {
                self.hook_call(frame_top)?;
            }

            macro_rules! reg {
                ($r:expr) => {
                    self.stack[base + $r as usize]
                };
            }
            macro_rules! rk {
                ($r:expr) => {{
                    let r = $r;
                    if r & RK_CONST != 0 {
                        k[(r & !RK_CONST) as usize]
                    } else {
                        self.stack[base + r as usize]
                    }
                }};
            }
            // The number in an Rk operand, read through a reference so the
            // 16-byte value is never copied just to test its tag.
            macro_rules! rk_num {
                ($r:expr) => {{
                    let r = $r;
                    let v: &Value = if r & RK_CONST != 0 {
                        &k[(r & !RK_CONST) as usize]
                    } else {
                        &self.stack[base + r as usize]
                    };
                    match v {
                        Value::Number(n) => Some(*n),
                        _ => None,
                    }
                }};
            }
            // The running function's environment, read from its frame each
            // time: any call out (a metamethod, an iterator) may have run
            // `setfenv` on it.
            macro_rules! cur_env {
                () => {
                    match &self.frames[fi].kind {
                        FrameKind::Lua { env, .. } => *env,
                        FrameKind::Native { .. } => return Err(LuaError::InvalidHandle),
                    }
                };
            }
            macro_rules! save_pc {
                () => {
                    self.frames[fi].pc = pc;
                    if self.top < frame_top {
                        self.top = frame_top;
                    }
                };
            }
            // After a call out that completed an instruction: a hook set
            // meanwhile (by an `__index` function, say) takes effect from
            // the next instruction on. Not done after arithmetic and
            // comparison metamethods and collector safe points, where it
            // costs the fast paths (measured); a hook set there takes
            // effect at the next call or return.
            macro_rules! check_hooks {
                () => {
                    if !HOOKED && self.hooks.any {
                        self.frames[fi].pc = pc;
                        return Ok(false);
                    }
                };
            }
            macro_rules! rk_hint {
                ($r:expr) => {{
                    let r = $r;
                    if r & RK_CONST != 0 {
                        None
                    } else {
                        Some(r as usize)
                    }
                }};
            }

            loop {
                if HOOKED {
                    self.frames[fi].pc = pc + 1;
                    self.hook_step(&proto, pc, &mut oldpc, frame_top)?;
                }
                let ins = code[pc];
                pc += 1;
                match ins {
                    Instr::Move { a, b } => {
                        reg!(a) = reg!(b);
                    }
                    Instr::LoadK { a, bx } => {
                        reg!(a) = k[bx as usize];
                    }
                    Instr::LoadBool { a, b, c } => {
                        reg!(a) = Value::Boolean(b);
                        if c {
                            pc += 1;
                        }
                    }
                    Instr::LoadNil { a, b } => {
                        for r in a..=b {
                            reg!(r) = Value::Nil;
                        }
                    }
                    Instr::GetUpval { a, b } => {
                        let uv = self.closure_upval(closure, b)?;
                        // A closed upvalue, or an open one of the running
                        // thread (the usual cases), is copied place to
                        // place: going through `upval_get`'s result moved
                        // the value in overlapping pieces (see `do_return`).
                        let cur = self.cur_thread;
                        let dst = base + a as usize;
                        match self.heap.upvals.get_mut().get(uv) {
                            Some(crate::heap::Upval::Closed(v)) => self.stack[dst] = *v,
                            Some(crate::heap::Upval::Open { thread, index }) if *thread == cur => {
                                let i = *index;
                                self.stack[dst] = self.stack[i];
                            }
                            _ => reg!(a) = self.upval_get(uv),
                        }
                    }
                    Instr::GetGlobal { a, bx } => {
                        let key = k[bx as usize];
                        let env = cur_env!();
                        let v = match (key, self.heap.tables.get_mut().get(env)) {
                            (Value::String(s), Some(t)) => t.get_str(s),
                            _ => Value::Nil,
                        };
                        if v.is_nil() && self.has_metatable_table(env) {
                            save_pc!();
                            let v = self.index(Value::Table(env), key, None)?;
                            reg!(a) = v;
                            check_hooks!();
                        } else {
                            reg!(a) = v;
                        }
                    }
                    Instr::SetGlobal { a, bx } => {
                        let key = k[bx as usize];
                        let env = cur_env!();
                        let v = reg!(a);
                        if self.has_metatable_table(env) {
                            save_pc!();
                            self.set_index(Value::Table(env), key, v, None)?;
                            check_hooks!();
                        } else if let (Value::String(s), Some(t)) =
                            (key, self.heap.tables.get_mut().get_mut(env))
                        {
                            t.set_str(s, v);
                        }
                    }
                    Instr::GetTable { a, b, c } => {
                        let obj = reg!(b);
                        let key = rk!(c);
                        if let Value::Table(t) = obj {
                            if let Some(tab) = self.heap.tables.get_mut().get(t) {
                                let v = match key {
                                    Value::String(s) => tab.get_str(s),
                                    Value::Number(n) => {
                                        let i = n as i64;
                                        if i as f64 == n {
                                            tab.get_int(i)
                                        } else {
                                            tab.get(&key)
                                        }
                                    }
                                    _ => tab.get(&key),
                                };
                                if !v.is_nil() || tab.metatable.is_none() {
                                    reg!(a) = v;
                                    continue;
                                }
                            }
                        }
                        save_pc!();
                        let v = self.index(obj, key, Some(b as usize))?;
                        reg!(a) = v;
                        check_hooks!();
                    }
                    Instr::SetTable { a, b, c } => {
                        let obj = reg!(a);
                        let key = rk!(b);
                        let val = rk!(c);
                        if let Value::Table(t) = obj {
                            if let Some(tab) = self.heap.tables.get_mut().get_mut(t) {
                                if tab.metatable.is_none() {
                                    match key {
                                        Value::String(s) => {
                                            tab.set_str(s, val);
                                            continue;
                                        }
                                        Value::Number(n) if (n as i64) as f64 == n => {
                                            tab.set_int(n as i64, val);
                                            continue;
                                        }
                                        _ => {}
                                    }
                                }
                            }
                        }
                        save_pc!();
                        self.set_index(obj, key, val, Some(a as usize))?;
                        check_hooks!();
                    }
                    Instr::SetUpval { a, b } => {
                        let uv = self.closure_upval(closure, b)?;
                        let v = reg!(a);
                        self.upval_set(uv, v);
                    }
                    Instr::NewTable { a, b, c } => {
                        self.frames[fi].pc = pc; // safe point
                        self.gc_check()?;
                        let t = self.heap.new_table(b as usize, c as usize);
                        reg!(a) = Value::Table(t);
                    }
                    Instr::SelfOp { a, b, c } => {
                        let obj = reg!(b);
                        let key = rk!(c);
                        reg!(a + 1) = obj;
                        if let (Value::Table(t), Value::String(s)) = (obj, key) {
                            if let Some(tab) = self.heap.tables.get_mut().get(t) {
                                let v = tab.get_str(s);
                                if !v.is_nil() || tab.metatable.is_none() {
                                    reg!(a) = v;
                                    continue;
                                }
                            }
                        }
                        save_pc!();
                        let v = self.index(obj, key, Some(b as usize))?;
                        reg!(a) = v;
                        check_hooks!();
                    }
                    Instr::Add { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Add, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Sub { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Sub, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Mul { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Mul, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Div { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Div, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Mod { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Mod, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Pow { a, b, c } => {
                        arith_op!(self, rk_num, Arith::Pow, a, b, c, rk, reg, rk_hint, save_pc);
                    }
                    Instr::Unm { a, b } => {
                        let v = reg!(b);
                        if let Value::Number(x) = v {
                            reg!(a) = Value::Number(-x);
                        } else {
                            save_pc!();
                            let r =
                                self.arith(Arith::Unm, v, v, Some(b as usize), Some(b as usize))?;
                            reg!(a) = r;
                            check_hooks!();
                        }
                    }
                    Instr::Not { a, b } => {
                        reg!(a) = Value::Boolean(!reg!(b).truthy());
                    }
                    Instr::Len { a, b } => {
                        let v = reg!(b);
                        let n = match v {
                            Value::Table(t) => {
                                self.heap.tables.get_mut().get(t).map(|tab| tab.len())
                            }
                            Value::String(s) => {
                                self.heap.strings.get_mut().get(s).map(|st| st.len())
                            }
                            _ => None,
                        };
                        match n {
                            Some(n) => reg!(a) = Value::Number(n as f64),
                            None => {
                                save_pc!();
                                let r = self.len_of(v, Some(b as usize))?;
                                reg!(a) = r;
                                check_hooks!();
                            }
                        }
                    }
                    Instr::Concat { a, b, c } => {
                        self.frames[fi].pc = pc; // safe point
                        self.gc_check()?;
                        save_pc!();
                        let r = self.concat(base + b as usize, base + c as usize)?;
                        reg!(a) = r;
                        check_hooks!();
                    }
                    Instr::Jmp { sbx } => {
                        pc = (pc as isize + sbx as isize) as usize;
                        // Loop back-edges are where a refused host
                        // allocation surfaces (see `heap::alloc`).
                        if sbx < 0 && self.refusal.take() {
                            save_pc!();
                            return Err(LuaError::Memory);
                        }
                    }
                    Instr::Eq { a, b, c } => {
                        let x = rk!(b);
                        let y = rk!(c);
                        let r = match (x, y) {
                            (Value::Number(p), Value::Number(q)) => p == q,
                            (Value::Table(_), Value::Table(_))
                            | (Value::UserData(_), Value::UserData(_)) => {
                                if x.raw_eq(&y) {
                                    true
                                } else {
                                    save_pc!();
                                    self.equals(x, y)?
                                }
                            }
                            _ => x.raw_eq(&y),
                        };
                        if r != a {
                            pc += 1;
                        }
                    }
                    Instr::Lt { a, b, c } => {
                        let r = if let (Some(p), Some(q)) = (rk_num!(b), rk_num!(c)) {
                            p < q
                        } else {
                            let x = rk!(b);
                            let y = rk!(c);
                            save_pc!();
                            self.less_than(x, y)?
                        };
                        if r != a {
                            pc += 1;
                        }
                    }
                    Instr::Le { a, b, c } => {
                        let r = if let (Some(p), Some(q)) = (rk_num!(b), rk_num!(c)) {
                            p <= q
                        } else {
                            let x = rk!(b);
                            let y = rk!(c);
                            save_pc!();
                            self.less_equal(x, y)?
                        };
                        if r != a {
                            pc += 1;
                        }
                    }
                    Instr::Test { a, c } => {
                        if reg!(a).truthy() != c {
                            pc += 1;
                        }
                    }
                    Instr::TestSet { a, b, c } => {
                        let v = reg!(b);
                        if v.truthy() == c {
                            reg!(a) = v;
                        } else {
                            pc += 1;
                        }
                    }
                    Instr::Call { a, b, c } => {
                        // Safe point: the arguments are in registers.
                        self.frames[fi].pc = pc;
                        self.gc_check()?;
                        let func = base + a as usize;
                        if b != 0 {
                            self.top = func + b as usize;
                        }
                        self.frames[fi].pc = pc;
                        let nres = c as i32 - 1;
                        if let Value::LuaFunction(cl) = self.stack[func] {
                            if !self.push_lua_frame_fast(func, cl, nres, false) {
                                self.push_lua_frame(func, cl, nres, false)?;
                            }
                            continue 'newframe;
                        }
                        if self.precall(func, nres, false)? {
                            continue 'newframe;
                        }
                        if nres >= 0 {
                            self.top = frame_top;
                        }
                        if !HOOKED && self.hooks.any {
                            // The native set a hook: go on hooked.
                            return Ok(false);
                        }
                    }
                    Instr::TailCall { a, b } => {
                        let func = base + a as usize;
                        if b != 0 {
                            self.top = func + b as usize;
                        }
                        self.frames[fi].pc = pc;
                        if !matches!(self.stack[func], Value::LuaFunction(_)) {
                            // Resolve __call first so the replacement is a Lua
                            // function or a native.
                            let f = self.stack[func];
                            if !matches!(f, Value::NativeFunction(_)) {
                                let h = self.meta_field(f, self.names.call);
                                if !matches!(h, Value::LuaFunction(_) | Value::NativeFunction(_)) {
                                    return Err(self.call_error(func, f));
                                }
                                self.ensure_stack(self.top + 1)?;
                                self.stack.copy_within(func..self.top, func + 1);
                                self.stack[func] = h;
                                self.top += 1;
                            }
                        }
                        if let (true, Value::LuaFunction(cl)) = (HOOKED, self.stack[func]) {
                            if !self.open_upvals.is_empty() {
                                self.close_upvals(base);
                            }
                            self.tail_call_hooked(func, cl)?;
                            continue 'newframe;
                        }
                        if let Value::LuaFunction(cl) = self.stack[func] {
                            // Replace the running frame.
                            if !self.open_upvals.is_empty() {
                                self.close_upvals(base);
                            }
                            let old = match self.frames.pop() {
                                Some(f) => f,
                                None => return Err(LuaError::InvalidHandle),
                            };
                            let dest = old.func;
                            let n = self.top - func;
                            self.stack.copy_within(func..func + n, dest);
                            self.top = dest + n;
                            self.push_lua_frame(dest, cl, old.nresults, old.entry)?;
                            if let Some(f) = self.frames.last_mut() {
                                f.tailcalls = old.tailcalls + 1;
                            }
                            continue 'newframe;
                        }
                        // A native: an ordinary call, then return its results.
                        if !self.open_upvals.is_empty() {
                            self.close_upvals(base);
                        }
                        self.precall(func, crate::vm::MULTRET, false)?;
                        let n = self.top - func;
                        if HOOKED {
                            self.hook_return(self.top)?;
                        }
                        if self.do_return(func, n) || self.frames.len() <= entry_depth {
                            return Ok(true);
                        }
                        continue 'newframe;
                    }
                    Instr::Return { a, b } => {
                        let first = base + a as usize;
                        let n = if b != 0 {
                            b as usize - 1
                        } else {
                            self.top - first
                        };
                        if !self.open_upvals.is_empty() {
                            self.close_upvals(base);
                        }
                        if HOOKED {
                            self.hook_return(first + n)?;
                        }
                        if self.do_return(first, n) || self.frames.len() <= entry_depth {
                            return Ok(true);
                        }
                        continue 'newframe;
                    }
                    Instr::ForLoop { a, sbx } => {
                        let ra = base + a as usize;
                        if let (Value::Number(idx), Value::Number(limit), Value::Number(step)) =
                            (&self.stack[ra], &self.stack[ra + 1], &self.stack[ra + 2])
                        {
                            let (idx, limit, step) = (*idx, *limit, *step);
                            let idx = idx + step;
                            let go = if step > 0.0 {
                                idx <= limit
                            } else {
                                limit <= idx
                            };
                            if go {
                                pc = (pc as isize + sbx as isize) as usize;
                                if self.refusal.take() {
                                    save_pc!();
                                    return Err(LuaError::Memory);
                                }
                                self.stack[ra] = Value::Number(idx);
                                self.stack[ra + 3] = Value::Number(idx);
                            }
                        }
                    }
                    Instr::ForPrep { a, sbx } => {
                        let ra = base + a as usize;
                        save_pc!();
                        let init = self.for_number(ra, "'for' initial value must be a number")?;
                        let limit = self.for_number(ra + 1, "'for' limit must be a number")?;
                        let step = self.for_number(ra + 2, "'for' step must be a number")?;
                        self.stack[ra] = Value::Number(init - step);
                        self.stack[ra + 1] = Value::Number(limit);
                        self.stack[ra + 2] = Value::Number(step);
                        pc = (pc as isize + sbx as isize) as usize;
                    }
                    Instr::TForLoop { a, c } => {
                        let ra = base + a as usize;
                        let cb = ra + 3;
                        self.stack[cb] = self.stack[ra];
                        self.stack[cb + 1] = self.stack[ra + 1];
                        self.stack[cb + 2] = self.stack[ra + 2];
                        self.top = cb + 3;
                        save_pc!();
                        self.top = cb + 3;
                        self.call(cb, c as i32)?;
                        self.top = frame_top;
                        // A safe point: an iterator (io.lines, gmatch) may
                        // allocate on every step of a loop that has no
                        // other; this also raises a host allocator's
                        // refusal.
                        self.gc_check()?;
                        let v = self.stack[cb];
                        if !v.is_nil() {
                            self.stack[cb - 1] = v;
                        } else {
                            pc += 1;
                        }
                        check_hooks!();
                    }
                    Instr::SetList { a, b, c } => {
                        let ra = base + a as usize;
                        let n = if b == 0 {
                            self.top - ra - 1
                        } else {
                            b as usize
                        };
                        if let Value::Table(t) = self.stack[ra] {
                            let stack = &self.stack;
                            if let Some(tab) = self.heap.tables.get_mut().get_mut(t) {
                                // 5.1 sizes the array part for the whole list
                                // (`{...}` with nils keeps its length).
                                tab.ensure_array(c as usize + n);
                                for i in 1..=n {
                                    tab.set_int(c as i64 + i as i64, stack[ra + i]);
                                }
                            }
                        }
                        self.top = frame_top;
                    }
                    Instr::Close { a } => {
                        self.close_upvals(base + a as usize);
                    }
                    Instr::Closure { a, bx } => {
                        let env = cur_env!();
                        self.frames[fi].pc = pc; // safe point
                        self.gc_check()?;
                        let p = proto.protos[bx as usize].clone();
                        let mut upvals = Vec::with_capacity(p.upvalues.len());
                        for d in &p.upvalues {
                            if d.in_stack {
                                upvals.push(self.find_upval(base + d.index as usize));
                            } else {
                                upvals.push(self.closure_upval(closure, d.index)?);
                            }
                        }
                        let cl = self.heap.new_closure(LuaClosure {
                            proto: p,
                            upvals,
                            env,
                        });
                        reg!(a) = Value::LuaFunction(cl);
                    }
                    Instr::VarArg { a, b } => {
                        let nvar = self.frames[fi].nvarargs;
                        let ra = base + a as usize;
                        let from = base - nvar;
                        if b == 0 {
                            self.ensure_stack(ra + nvar + crate::vm::MIN_STACK)?;
                            self.stack.copy_within(from..from + nvar, ra);
                            self.top = ra + nvar;
                        } else {
                            let want = b as usize - 1;
                            for i in 0..want {
                                self.stack[ra + i] = if i < nvar {
                                    self.stack[from + i]
                                } else {
                                    Value::Nil
                                };
                            }
                        }
                    }
                }
            }
        }
    }

    /// Return from the top frame with `n` results at `first`. Returns true
    /// when the frame was entered from Rust (the loop must exit).
    #[inline(always)]
    fn do_return(&mut self, first: usize, n: usize) -> bool {
        let (dest, nresults, entry) = match self.frames.last() {
            Some(f) => (f.func, f.nresults, f.entry),
            None => return true,
        };
        // Drop the frame in place (no move of the whole record).
        self.frames.truncate(self.frames.len() - 1);
        if nresults == 1 && n > 0 {
            // The usual case: one result wanted and given. A copy from slot
            // to slot (choosing between the result and nil here made the
            // compiler move the value in overlapping pieces, which stalls
            // the next 16-byte load of the slot: measured).
            self.stack[dest] = self.stack[first];
            self.top = dest + 1;
            return entry;
        }
        // `dest < first`, so a forward element-wise copy is safe (and, for
        // the usual one or two results, cheaper than a memmove call).
        if nresults < 0 {
            for i in 0..n {
                self.stack[dest + i] = self.stack[first + i];
            }
            self.top = dest + n;
        } else {
            let wanted = nresults as usize;
            let ncopy = n.min(wanted);
            for i in 0..ncopy {
                self.stack[dest + i] = self.stack[first + i];
            }
            for i in ncopy..wanted {
                self.stack[dest + i] = Value::Nil;
            }
            // A Lua caller may continue with `top` below its register
            // window: every instruction that reads `top` either sets it
            // first or follows a multi-result instruction, and every call
            // out raises it to the frame top (`save_pc!`).
            self.top = dest + wanted;
        }
        entry
    }

    #[inline]
    fn closure_upval(
        &mut self,
        cl: crate::value::ClosureRef,
        idx: u8,
    ) -> LuaResult<crate::value::UpvalRef> {
        match self.heap.closures.get_mut().get(cl) {
            Some(c) => c
                .upvals
                .get(idx as usize)
                .copied()
                .ok_or(LuaError::InvalidHandle),
            None => Err(LuaError::InvalidHandle),
        }
    }

    #[inline]
    fn has_metatable_table(&mut self, t: crate::value::TableRef) -> bool {
        match self.heap.tables.get_mut().get(t) {
            Some(tab) => tab.metatable.is_some(),
            None => false,
        }
    }

    /// Coerce a `for` control value to a number or raise `msg`.
    fn for_number(&mut self, idx: usize, msg: &str) -> LuaResult<f64> {
        match self.to_number(self.stack[idx]) {
            Some(n) => Ok(n),
            None => Err(self.rt_error(msg)),
        }
    }
}

/// The arithmetic instruction body: number fast path, else coercion and
/// metamethods in `Lua::arith`.
macro_rules! arith_op {
    ($self:ident, $rkn:ident, $op:expr, $a:ident, $b:ident, $c:ident, $rk:ident, $reg:ident, $hint:ident, $save:ident) => {{
        if let (Some(p), Some(q)) = ($rkn!($b), $rkn!($c)) {
            $reg!($a) = Value::Number($op.apply(p, q));
        } else {
            let x = $rk!($b);
            let y = $rk!($c);
            $save!();
            let r = $self.arith($op, x, y, $hint!($b), $hint!($c))?;
            $reg!($a) = r;
        }
    }};
}
use arith_op;
