//! The virtual machine state (`Lua`) and its call machinery.
//!
//! One `Lua` is one global state. The *running* thread's stack, frames and
//! open upvalues live directly in `Lua` (`stack`, `frames`, `open_upvals`)
//! so that the interpreter loop reaches registers without any arena lookup;
//! every other thread's state is parked in its `Thread` object in the heap
//! and swapped in by `resume` (see `coroutine`).
//!
//! Calls between Lua functions are stackless (`exec`): a call pushes a
//! `Frame` and the loop goes on. Rust recursion happens only when Rust code
//! calls back into Lua (`Lua::call`: metamethods, `pcall`, `sort`
//! comparators, `resume`), bounded by `MAX_CCALLS` ("C stack overflow").
//!
//! Errors are `Err(LuaError)` and unwind lazily: nothing pops frames while an
//! error propagates; the catcher (`pcall`, `resume`, the top level) truncates
//! the frame stack back to where it started, so an error handler still sees
//! the frames of the error point.

pub mod coroutine;
pub mod debug;
pub mod exec;
pub mod hooks;
pub mod meta;

use crate::compiler::{self, Constant, FuncProto};
use crate::error::{LuaError, LuaResult};
use crate::heap::{
    CoStatus, Frame, FrameKind, Heap, LuaClosure, Names, NativeClosure, Proto, RustFn, Thread,
    Upval,
};
use crate::value::{StrRef, TableRef, ThreadRef, UpvalRef, Value};
use std::rc::Rc;

/// Nested Rust-level calls into Lua (5.1's LUAI_MAXCCALLS).
pub const MAX_CCALLS: u32 = 200;
/// Call frames per thread (5.1's LUAI_MAXCALLS).
pub const MAX_CALLS: usize = 20000;
/// Stack slots per thread.
pub const MAX_STACK: usize = 1_000_000;
/// Slots a native function may always use (LUA_MINSTACK).
pub const MIN_STACK: usize = 20;
/// Results wanted: all of them.
pub const MULTRET: i32 = -1;

/// A Lua global state with its running thread.
pub struct Lua {
    pub heap: Heap,
    /// The running thread's value stack; `stack.len()` is its allocated size.
    pub stack: Vec<Value>,
    /// First free slot of the running thread's stack.
    pub top: usize,
    pub frames: Vec<Frame>,
    /// Open upvalues of the running thread, sorted by stack index.
    pub open_upvals: Vec<(usize, UpvalRef)>,
    pub cur_thread: ThreadRef,
    pub main_thread: ThreadRef,
    pub globals: TableRef,
    pub registry: TableRef,
    pub names: Names,
    /// Per-type metatables for non-table, non-userdata types, by `LuaType`.
    pub type_mt: [Option<TableRef>; 9],
    /// Current depth of Rust-level calls into Lua.
    pub ccalls: u32,
    /// Frames allowed per thread: `MAX_CALLS`, plus headroom while an
    /// error handler runs (so a handler can report a stack overflow).
    pub call_limit: usize,
    /// Values Rust code holds across calls into Lua without a stack slot
    /// for them (an error handler, say): GC roots, pushed and popped in
    /// LIFO order.
    pub pinned: Vec<Value>,
    /// The collector's settings and pacing.
    pub gc: crate::gc::GcState,
    /// Reused buffer for values crossing between coroutine stacks.
    pub xfer: Vec<Value>,
    /// Compiled patterns of the string library.
    pub pattern_cache: crate::stdlib::strpat::PatternCache,
    /// The C API's side of this state (`lua_State` blocks, the protected
    /// call chain, the panic function); null until C code first needs it.
    /// Owned: freed when the `Lua` drops.
    pub capi: *mut crate::capi::CGlobal,
    /// Debug hooks of every thread (see `hooks`).
    pub hooks: hooks::Hooks,
    /// Where a refusal of the host allocator shows (`lua_newstate`).
    pub refusal: crate::heap::alloc::RefusalFlag,
}

impl Drop for Lua {
    fn drop(&mut self) {
        crate::capi::free_global(self);
    }
}

impl Default for Lua {
    fn default() -> Self {
        Lua::new_bare()
    }
}

impl Lua {
    /// A state with no libraries opened.
    pub fn new_bare() -> Lua {
        let mut heap = Heap::default();
        let names = heap.make_names();
        let globals = heap.new_table(0, 64);
        let registry = heap.new_table(0, 16);
        let main_thread = heap.threads.get_mut().insert(Thread {
            stack: Vec::new(),
            top: 0,
            frames: Vec::new(),
            open_upvals: Vec::new(),
            status: CoStatus::Running,
            base_ccalls: 0,
            env: globals,
        });
        let mut lua = Lua {
            heap,
            stack: vec![Value::Nil; 64],
            top: 0,
            frames: Vec::new(),
            open_upvals: Vec::new(),
            cur_thread: main_thread,
            main_thread,
            globals,
            registry,
            names,
            type_mt: [None; 9],
            ccalls: 0,
            pattern_cache: Default::default(),
            xfer: Vec::new(),
            gc: Default::default(),
            pinned: Vec::new(),
            call_limit: MAX_CALLS,
            capi: std::ptr::null_mut(),
            hooks: Default::default(),
            refusal: Default::default(),
        };
        let g = Value::Table(globals);
        lua.set_field(globals, b"_G", g);
        lua
    }

    /// A state with the standard libraries opened.
    pub fn new() -> Lua {
        let mut lua = Lua::new_bare();
        crate::stdlib::open_libs(&mut lua);
        lua
    }

    // ----- strings and tables --------------------------------------------

    #[inline]
    pub fn intern(&mut self, b: &[u8]) -> StrRef {
        self.heap.intern(b)
    }

    #[inline]
    pub fn new_str(&mut self, b: &[u8]) -> Value {
        Value::String(self.heap.intern(b))
    }

    /// A string value from a buffer a script could have made huge: an
    /// allocation failure is the Lua error "not enough memory".
    pub fn new_big_str(&mut self, b: &[u8]) -> LuaResult<Value> {
        match self.heap.try_intern(b) {
            Some(s) => Ok(Value::String(s)),
            None => Err(LuaError::Memory),
        }
    }

    /// An empty buffer with room for `n` bytes, or "not enough memory".
    pub fn buffer(&mut self, n: usize) -> LuaResult<Vec<u8>> {
        let mut v = Vec::new();
        crate::heap::alloc::fallible(|| v.try_reserve_exact(n)).map_err(|_| LuaError::Memory)?;
        Ok(v)
    }

    /// Bytes of a string value (copied).
    pub fn str_vec(&mut self, s: StrRef) -> Vec<u8> {
        self.heap.str_bytes(s).to_vec()
    }

    /// Raw `t[name] = v` with a Rust string key.
    pub fn set_field(&mut self, t: TableRef, name: &[u8], v: Value) {
        let k = self.heap.intern(name);
        if let Ok(tab) = self.heap.table(t) {
            tab.set_str(k, v);
        }
    }

    /// Raw `t[name]`.
    pub fn get_field(&mut self, t: TableRef, name: &[u8]) -> Value {
        let k = self.heap.intern(name);
        match self.heap.table(t) {
            Ok(tab) => tab.get_str(k),
            Err(_) => Value::Nil,
        }
    }

    /// Register a Rust function as `t[name]`.
    pub fn register(&mut self, t: TableRef, name: &'static str, f: RustFn) {
        let v = self.new_native(f, name, Vec::new());
        self.set_field(t, name.as_bytes(), v);
    }

    /// Make a native closure value.
    pub fn new_native(&mut self, func: RustFn, name: &'static str, upvalues: Vec<Value>) -> Value {
        let env = self.globals;
        let r = self.heap.new_native(NativeClosure {
            func,
            upvalues,
            env,
            name,
            cfunc: None,
        });
        Value::NativeFunction(r)
    }

    // ----- stack -----------------------------------------------------------

    /// Make sure the running stack has at least `n` slots.
    #[inline]
    pub fn ensure_stack(&mut self, n: usize) -> LuaResult<()> {
        if n > self.stack.len() {
            self.grow_stack(n)?;
        }
        Ok(())
    }

    #[cold]
    fn grow_stack(&mut self, n: usize) -> LuaResult<()> {
        if n > MAX_STACK {
            return Err(self.rt_error("stack overflow"));
        }
        let newlen = (self.stack.len() * 2).max(n).min(MAX_STACK);
        crate::heap::note_growth(16 * (newlen - self.stack.len()));
        self.stack.resize(newlen, Value::Nil);
        Ok(())
    }

    /// Push a value on the running stack.
    #[inline(always)]
    pub fn push(&mut self, v: Value) -> LuaResult<()> {
        match self.stack.get_mut(self.top) {
            Some(slot) => {
                *slot = v;
                self.top += 1;
                Ok(())
            }
            None => self.push_grow(v),
        }
    }

    #[cold]
    #[inline(never)]
    fn push_grow(&mut self, v: Value) -> LuaResult<()> {
        self.grow_stack(self.top + 1)?;
        self.stack[self.top] = v;
        self.top += 1;
        Ok(())
    }

    // ----- loading ---------------------------------------------------------

    /// Compile a chunk into a function value (environment: the globals).
    pub fn load(&mut self, src: &[u8], chunkname: &[u8]) -> LuaResult<Value> {
        if src.first() == Some(&compiler::bytecode::ESC) {
            // A binary chunk (`string.dump`): verified before it can run.
            return compiler::bytecode::load_binary(self, src, chunkname);
        }
        let fp = compiler::compile(src, chunkname).map_err(LuaError::Syntax)?;
        let source: Rc<[u8]> = Rc::from(chunkname);
        let proto = self.instantiate(&fp, &source);
        let env = self.globals;
        let cl = self.heap.new_closure(LuaClosure {
            proto,
            upvals: Vec::new(),
            env,
        });
        Ok(Value::LuaFunction(cl))
    }

    /// Turn the compiler's output into a runnable prototype.
    pub fn instantiate(&mut self, fp: &FuncProto, source: &Rc<[u8]>) -> Rc<Proto> {
        let constants = fp
            .constants
            .iter()
            .map(|c| match c {
                Constant::Nil => Value::Nil,
                Constant::Boolean(b) => Value::Boolean(*b),
                Constant::Number(n) => Value::Number(*n),
                Constant::String(s) => Value::String(self.heap.intern(s)),
            })
            .collect();
        let protos = fp
            .protos
            .iter()
            .map(|p| self.instantiate(p, source))
            .collect();
        Rc::new(Proto {
            code: fp.code.clone(),
            lines: fp.lines.clone(),
            constants,
            protos,
            upvalues: fp.upvalues.clone(),
            locvars: fp.locvars.clone(),
            num_params: fp.num_params,
            is_vararg: fp.is_vararg,
            needs_arg: fp.needs_arg,
            max_stack: fp.max_stack.max(2),
            source: source.clone(),
            line_defined: fp.line_defined,
            last_line_defined: fp.last_line_defined,
        })
    }

    // ----- calls -----------------------------------------------------------

    /// Call the function at `stack[func]` with the `top - func - 1` values
    /// above it as arguments. Results replace the function and arguments
    /// (`nresults` of them, or all when `MULTRET`), and `top` ends after them.
    pub fn call(&mut self, func: usize, nresults: i32) -> LuaResult<()> {
        if self.ccalls >= MAX_CCALLS {
            if self.ccalls >= MAX_CCALLS + MAX_CCALLS / 8 {
                return Err(LuaError::ErrorInHandler(
                    self.new_str(b"error in error handling"),
                ));
            }
            return Err(self.rt_error("C stack overflow"));
        }
        self.ccalls += 1;
        let r = self.call_inner(func, nresults);
        self.ccalls -= 1;
        r
    }

    fn call_inner(&mut self, func: usize, nresults: i32) -> LuaResult<()> {
        if self.precall(func, nresults, true)? {
            let depth = self.frames.len() - 1;
            self.execute(depth)?;
        }
        Ok(())
    }

    /// Push `f` and `args`, call with `nresults`; results start at the
    /// returned stack index.
    pub fn call_value(&mut self, f: Value, args: &[Value], nresults: i32) -> LuaResult<usize> {
        let func = self.top;
        self.ensure_stack(func + args.len() + 1 + MIN_STACK)?;
        self.stack[func] = f;
        self.stack[func + 1..func + 1 + args.len()].copy_from_slice(args);
        self.top = func + 1 + args.len();
        self.call(func, nresults)?;
        Ok(func)
    }

    /// Call `f(args)` and return its first result; leaves `top` unchanged.
    pub fn call1(&mut self, f: Value, args: &[Value]) -> LuaResult<Value> {
        let saved = self.top;
        let at = self.call_value(f, args, 1)?;
        let v = self.stack[at];
        self.top = saved;
        Ok(v)
    }

    /// Prepare a call of `stack[func]`. For a Lua function pushes its frame
    /// and returns true (the caller must run `execute`); for a native one
    /// runs it to completion and returns false. Resolves `__call`.
    pub(crate) fn precall(&mut self, func: usize, nresults: i32, entry: bool) -> LuaResult<bool> {
        match self.stack[func] {
            Value::LuaFunction(cl) => {
                if !self.push_lua_frame_fast(func, cl, nresults, entry) {
                    self.push_lua_frame(func, cl, nresults, entry)?;
                }
                Ok(true)
            }
            Value::NativeFunction(nf) => {
                self.call_native(func, nf, nresults)?;
                Ok(false)
            }
            other => {
                // One level of `__call`, which must be a function (5.1).
                let h = self.meta_field(other, self.names.call);
                if !matches!(h, Value::LuaFunction(_) | Value::NativeFunction(_)) {
                    return Err(self.call_error(func, other));
                }
                // Insert the handler below the callee: h(obj, args...).
                self.ensure_stack(self.top + 1)?;
                self.stack.copy_within(func..self.top, func + 1);
                self.stack[func] = h;
                self.top += 1;
                self.precall(func, nresults, entry)
            }
        }
    }

    /// `push_lua_frame` for the common case, inlined into the call sites:
    /// a fixed-parameter function, room on the stack, the frame limit not
    /// reached. Returns false (having changed nothing) otherwise; the
    /// caller then goes through `push_lua_frame`, which handles the rest
    /// and raises the errors.
    #[inline(always)]
    pub(crate) fn push_lua_frame_fast(
        &mut self,
        func: usize,
        cl: crate::value::ClosureRef,
        nresults: i32,
        entry: bool,
    ) -> bool {
        let Some(c) = self.heap.closures.get_mut().get(cl) else {
            return false;
        };
        let p = &*c.proto;
        let base = func + 1;
        let maxs = p.max_stack as usize;
        if p.is_vararg
            || self.frames.len() >= self.call_limit
            || base + maxs + MIN_STACK > self.stack.len()
            || self.top < base
        {
            return false;
        }
        let np = p.num_params as usize;
        let nargs = self.top - base;
        if nargs < np {
            // Missing parameters are nil (`base + np <= stack.len()` was
            // checked above: `np <= max_stack`).
            if let Some(missing) = self.stack.get_mut(base + nargs..base + np) {
                missing.fill(Value::Nil);
            }
        }
        let proto = c.proto.clone();
        let env = c.env;
        self.frames.push(Frame {
            kind: FrameKind::Lua {
                closure: cl,
                proto,
                env,
            },
            func,
            base,
            pc: 0,
            nresults,
            nvarargs: 0,
            tailcalls: 0,
            entry,
        });
        self.top = base + maxs;
        true
    }

    /// Set up a frame for a Lua closure whose arguments are `func+1..top`.
    #[inline]
    pub(crate) fn push_lua_frame(
        &mut self,
        func: usize,
        cl: crate::value::ClosureRef,
        nresults: i32,
        entry: bool,
    ) -> LuaResult<()> {
        let (proto, env) = match self.heap.closures.get_mut().get(cl) {
            Some(c) => (c.proto.clone(), c.env),
            None => return Err(LuaError::InvalidHandle),
        };
        if self.frames.len() >= self.call_limit {
            return Err(self.rt_error("stack overflow"));
        }
        let np = proto.num_params as usize;
        let maxs = proto.max_stack as usize;
        let mut nargs = self.top - func - 1;
        let base;
        let mut nvarargs = 0;
        if !proto.is_vararg {
            base = func + 1;
            self.ensure_stack(base + maxs + MIN_STACK)?;
            for i in nargs..np {
                self.stack[base + i] = Value::Nil;
            }
        } else {
            self.ensure_stack(func + 1 + nargs.max(np) + maxs + MIN_STACK)?;
            for i in nargs..np {
                self.stack[func + 1 + i] = Value::Nil;
            }
            nargs = nargs.max(np);
            nvarargs = nargs - np;
            base = func + 1 + nargs;
            for i in 0..np {
                self.stack[base + i] = self.stack[func + 1 + i];
                self.stack[func + 1 + i] = Value::Nil;
            }
            if proto.needs_arg {
                let t = self.heap.new_table(nvarargs, 1);
                let first = func + 1 + np;
                let nkey = self.names.n;
                let stack = &self.stack;
                if let Some(tab) = self.heap.tables.get_mut().get_mut(t) {
                    for i in 0..nvarargs {
                        tab.set_int(i as i64 + 1, stack[first + i]);
                    }
                    tab.set_str(nkey, Value::Number(nvarargs as f64));
                }
                self.stack[base + np] = Value::Table(t);
            } else if np < maxs {
                self.stack[base + np] = Value::Nil;
            }
        }
        self.frames.push(Frame {
            kind: FrameKind::Lua {
                closure: cl,
                proto,
                env,
            },
            func,
            base,
            pc: 0,
            nresults,
            nvarargs,
            tailcalls: 0,
            entry,
        });
        self.top = base + maxs;
        Ok(())
    }

    /// Run a native function whose arguments are `func+1..top`, then move
    /// its results into place (see `post_call`).
    pub(crate) fn call_native(
        &mut self,
        func: usize,
        nf: crate::value::NativeRef,
        nresults: i32,
    ) -> LuaResult<()> {
        let (f, cf) = match self.heap.natives.get_mut().get(nf) {
            Some(n) => (n.func, n.cfunc),
            None => return Err(LuaError::InvalidHandle),
        };
        if self.frames.len() >= self.call_limit {
            return Err(self.rt_error("stack overflow"));
        }
        self.ensure_stack(self.top + MIN_STACK)?;
        self.frames.push(Frame {
            kind: FrameKind::Native { func: nf },
            func,
            base: func + 1,
            pc: 0,
            nresults,
            nvarargs: 0,
            tailcalls: 0,
            entry: false,
        });
        if self.hooks.any {
            self.hook_call(self.top)?;
        }
        // A C closure's `func` is `capi::call_c_function`; calling the
        // C function directly saves looking it up again.
        let n = match cf {
            Some(cf) => crate::capi::call_c(self, cf)?,
            None => f(self)?,
        };
        if self.hooks.any {
            self.hook_return(self.top)?;
        }
        self.post_call(n);
        Ok(())
    }

    /// Pop the top frame, whose `n` results are the top `n` stack values,
    /// moving them to the frame's function slot and adjusting them to the
    /// number the caller wants.
    pub(crate) fn post_call(&mut self, n: usize) {
        let (dest, nresults) = match self.frames.last() {
            Some(f) => (f.func, f.nresults),
            None => return,
        };
        // Drop the frame in place (no move of the whole record).
        self.frames.truncate(self.frames.len() - 1);
        let first = self.top - n;
        if nresults == 1 && n > 0 {
            // The usual case: one result wanted and given; a slot-to-slot
            // copy (see `do_return`).
            self.stack[dest] = self.stack[first];
            self.top = dest + 1;
            return;
        }
        let wanted = if nresults < 0 { n } else { nresults as usize };
        let ncopy = n.min(wanted);
        // `ensure_stack` was done by the frame's setup (MIN_STACK slack);
        // guard anyway so a bogus count cannot index out of bounds.
        if dest + wanted > self.stack.len() {
            self.stack.resize(dest + wanted, Value::Nil);
        }
        if dest != first {
            if ncopy <= 4 {
                // `dest < first`: a forward element-wise copy is safe, and
                // cheaper than a memmove call for the usual few results.
                for i in 0..ncopy {
                    self.stack[dest + i] = self.stack[first + i];
                }
            } else {
                self.stack.copy_within(first..first + ncopy, dest);
            }
        }
        for v in &mut self.stack[dest + ncopy..dest + wanted] {
            *v = Value::Nil;
        }
        self.top = dest + wanted;
    }

    // ----- upvalues --------------------------------------------------------

    /// Find or create the open upvalue for running-stack slot `index`.
    pub(crate) fn find_upval(&mut self, index: usize) -> UpvalRef {
        match self.open_upvals.binary_search_by_key(&index, |&(i, _)| i) {
            Ok(p) => self.open_upvals[p].1,
            Err(p) => {
                let r = self.heap.new_upval(Upval::Open {
                    thread: self.cur_thread,
                    index,
                });
                self.open_upvals.insert(p, (index, r));
                r
            }
        }
    }

    /// Close every open upvalue of a slot `>= level`.
    pub(crate) fn close_upvals(&mut self, level: usize) {
        while let Some(&(idx, r)) = self.open_upvals.last() {
            if idx < level {
                break;
            }
            self.open_upvals.pop();
            let v = self.stack[idx];
            if let Some(u) = self.heap.upvals.get_mut().get_mut(r) {
                *u = Upval::Closed(v);
            }
        }
    }

    /// Read an upvalue cell.
    #[inline]
    pub(crate) fn upval_get(&mut self, r: UpvalRef) -> Value {
        match self.heap.upvals.get_mut().get(r) {
            Some(Upval::Closed(v)) => *v,
            Some(Upval::Open { thread, index }) => {
                let (t, i) = (*thread, *index);
                if t == self.cur_thread {
                    self.stack[i]
                } else {
                    self.heap
                        .threads
                        .get_mut()
                        .get(t)
                        .and_then(|th| th.stack.get(i).copied())
                        .unwrap_or(Value::Nil)
                }
            }
            None => Value::Nil,
        }
    }

    /// Write an upvalue cell.
    #[inline]
    pub(crate) fn upval_set(&mut self, r: UpvalRef, v: Value) {
        let cur = self.cur_thread;
        match self.heap.upvals.get_mut().get_mut(r) {
            Some(Upval::Closed(c)) => *c = v,
            Some(Upval::Open { thread, index }) => {
                let (t, i) = (*thread, *index);
                if t == cur {
                    self.stack[i] = v;
                } else if let Some(slot) = self
                    .heap
                    .threads
                    .get_mut()
                    .get_mut(t)
                    .and_then(|th| th.stack.get_mut(i))
                {
                    *slot = v;
                }
            }
            None => {}
        }
    }

    // ----- protected calls -------------------------------------------------

    /// Call `stack[func]` in protected mode. On error, everything above
    /// `func` is discarded, frames are unwound and the error value is
    /// returned; the stack top is left at `func`.
    pub fn pcall(
        &mut self,
        func: usize,
        nresults: i32,
        handler: Option<Value>,
    ) -> Result<(), Value> {
        self.pcall_status(func, nresults, handler)
            .map_err(|(_, v)| v)
    }

    /// `pcall` that also reports the `lua.h` status of a failure
    /// (`LUA_ERRRUN`, `LUA_ERRMEM`, `LUA_ERRERR`), as `lua_pcall` needs.
    pub fn pcall_status(
        &mut self,
        func: usize,
        nresults: i32,
        handler: Option<Value>,
    ) -> Result<(), (i32, Value)> {
        let nframes = self.frames.len();
        let ccalls = self.ccalls;
        let npinned = self.pinned.len();
        if let Some(h) = handler {
            // The handler lives only in this Rust frame: keep it rooted.
            self.pinned.push(h);
        }
        let r = self.call(func, nresults);
        match r {
            Ok(()) => {
                self.pinned.truncate(npinned);
                Ok(())
            }
            Err(e) => {
                let mut status = match e.status() {
                    crate::error::LUA_YIELD => crate::error::LUA_ERRRUN,
                    s => s,
                };
                let mut ev = self.error_value(e);
                if let Some(h) = handler {
                    let (v, failed) = self.run_handler(h, ev);
                    ev = v;
                    if failed {
                        status = crate::error::LUA_ERRERR;
                    }
                }
                self.pinned.truncate(npinned);
                self.ccalls = ccalls;
                self.close_upvals(func);
                self.frames.truncate(nframes);
                self.top = func;
                Err((status, ev))
            }
        }
    }

    /// Run an `xpcall` handler at the error point (frames still intact).
    /// Returns its result, and whether the handler itself failed.
    fn run_handler(&mut self, h: Value, ev: Value) -> (Value, bool) {
        let saved_top = self.top;
        // The handler runs above everything, including the failed frames.
        let max_top = self
            .frames
            .iter()
            .map(|f| match &f.kind {
                FrameKind::Lua { proto, .. } => f.base + proto.max_stack as usize,
                _ => f.base,
            })
            .max()
            .unwrap_or(0);
        self.top = self.top.max(max_top);
        let saved_limit = self.call_limit;
        self.call_limit = MAX_CALLS + 250;
        let r = match self.call1(h, &[ev]) {
            Ok(v) => (v, false),
            Err(LuaError::ErrorInHandler(v)) => (v, true),
            Err(_) => (self.new_str(b"error in error handling"), true),
        };
        self.call_limit = saved_limit;
        self.top = saved_top;
        r
    }

    /// Turn any error into the Lua value `pcall` returns for it.
    pub fn error_value(&mut self, e: LuaError) -> Value {
        match e {
            LuaError::Runtime(v) | LuaError::ErrorInHandler(v) => v,
            LuaError::Syntax(s) => self.new_str(s.as_bytes()),
            LuaError::Memory => Value::String(self.names.memerr),
            LuaError::Yield => self.new_str(b"attempt to yield across metamethod/C-call boundary"),
            other => {
                let s = other.to_string();
                self.new_str(s.as_bytes())
            }
        }
    }

    /// A runtime error with the position of the running Lua function
    /// prepended (as 5.1's luaG_runerror does).
    #[cold]
    pub fn rt_error(&mut self, msg: impl AsRef<[u8]>) -> LuaError {
        let mut s = self.where_(0);
        s.extend_from_slice(msg.as_ref());
        LuaError::Runtime(self.new_str(&s))
    }

    /// A runtime error whose message is used as is.
    #[cold]
    pub fn plain_error(&mut self, msg: impl AsRef<[u8]>) -> LuaError {
        LuaError::Runtime(self.new_str(msg.as_ref()))
    }

    // ----- running chunks --------------------------------------------------

    /// Load and run a chunk with no arguments, discarding results.
    pub fn exec(&mut self, src: &[u8], chunkname: &[u8]) -> LuaResult<()> {
        let f = self.load(src, chunkname)?;
        let base = self.top;
        let nframes = self.frames.len();
        self.push(f)?;
        let r = self.call(base, 0);
        if r.is_err() {
            // Unwind only what this call pushed: `exec` may run inside a
            // native, whose caller's frames must survive.
            self.close_upvals(base);
            self.frames.truncate(nframes);
        }
        self.top = base;
        r
    }

    /// Describe an error for a top-level report (`lua.c`'s message rules).
    pub fn error_message(&mut self, e: &LuaError) -> String {
        match e {
            LuaError::Runtime(v) | LuaError::ErrorInHandler(v) => match v {
                Value::String(s) => String::from_utf8_lossy(self.heap.str_bytes(*s)).into_owned(),
                Value::Number(n) => crate::number::number_to_string(*n),
                Value::Nil => "nil".to_string(),
                _ => "(error object is not a string)".to_string(),
            },
            other => other.to_string(),
        }
    }
}

/// Run a script file through a fresh state with the standard libraries;
/// returns the error message on failure.
pub fn run_file(path: &str) -> Result<(), String> {
    let src = std::fs::read(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let mut lua = Lua::new();
    let name = format!("@{path}");
    lua.exec(&src, name.as_bytes())
        .map_err(|e| lua.error_message(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_failing_chunk(lua: &mut Lua) -> LuaResult<usize> {
        let failed = lua.exec(b"error('inner')", b"=inner").is_err();
        lua.ret(&[Value::Boolean(failed)])
    }

    #[test]
    fn exec_inside_a_native_unwinds_only_its_own_frames() {
        let mut lua = Lua::new();
        let g = lua.globals;
        lua.register(g, "run_failing_chunk", run_failing_chunk);
        let r = lua.exec(
            b"local function f() local ok = run_failing_chunk() return ok, 42 end\n\
              local a, b = f()\n\
              assert(a == true and b == 42)\n\
              finished = b",
            b"=outer",
        );
        assert!(
            r.is_ok(),
            "{}",
            r.err().map(|e| lua.error_message(&e)).unwrap_or_default()
        );
        // The outer chunk really ran to its end.
        let g = lua.globals;
        assert!(matches!(lua.get_field(g, b"finished"), Value::Number(n) if n == 42.0));
    }
}
