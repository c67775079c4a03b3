//! The garbage collector: a precise, stop-the-world mark & sweep over the
//! heap's arenas.
//!
//! Safe points: a collection runs only from the interpreter loop (at the
//! instructions that allocate or call: `NewTable`, `Closure`, `Concat`,
//! `Call`) and from explicit requests (`collectgarbage`). At those points
//! every live value is reachable from the roots below, because Rust code
//! that calls back into Lua keeps the values it still needs on the Lua
//! stack (see `table.sort`, `Lua::concat`). A handle that survives by
//! mistake is still caught by its slotmap version, never dereferenced.
//!
//! Roots: the registry, the globals, the pre-interned names, the per-type
//! metatables, the running thread's stack up to its top (or its innermost
//! Lua frame's registers), its frames and open upvalues, every thread
//! that is running or waiting on a resume, and the coroutine transfer
//! buffer. Marking is iterative (a gray stack), never recursive.
//!
//! Pacing: the heap counts approximate bytes allocated since the last
//! cycle (`Heap::debt`); as in 5.1, a cycle starts when the heap has grown
//! to `pause`% of the memory the previous cycle found live (default 200%).
//!
//! Weak tables (`__mode` with `k` and/or `v`): weak references are not
//! followed while marking, and entries whose weak key or value died are
//! removed before the sweep; strings are values, never weak references.
//!
//! Finalizers: a dead userdata whose metatable has `__gc` is kept for one
//! more cycle and its `__gc` is called once, newest first, after the sweep;
//! it may resurrect the object. `close` runs every pending finalizer.
//!
//! Not yet here (the GC issue): the host allocator and memory limits.

use crate::error::{LuaError, LuaResult};
use crate::heap::{
    CoStatus, FrameKind, Proto, Upval, CLOSURE_OVERHEAD, STRING_OVERHEAD, TABLE_OVERHEAD,
    THREAD_OVERHEAD, UPVAL_OVERHEAD,
};
use crate::value::{
    ClosureRef, NativeRef, StrRef, TableRef, ThreadRef, UpvalRef, UserDataRef, Value,
};
use crate::vm::Lua;
use slotmap::SecondaryMap;
use std::collections::HashSet;
use std::rc::Rc;

/// Stack slots a collection never takes back from the running thread.
const STACK_KEEP: usize = 1 << 16;

/// Smallest debt that starts a cycle (bytes).
const MIN_THRESHOLD: usize = 1 << 18;

/// With `CELLUA_GC_TORTURE` set in the environment, a cycle starts after
/// every few allocations: the test suite runs under it to catch a value
/// that Rust code holds across a call without rooting it.
const TORTURE_THRESHOLD: usize = 1 << 10;

/// Collector settings and state, as `collectgarbage` sees them.
pub struct GcState {
    /// Debt (bytes) at which the next cycle starts.
    pub threshold: usize,
    /// Memory found live by the last cycle (bytes).
    pub estimate: usize,
    /// `collectgarbage("setpause")`, percent.
    pub pause: usize,
    /// `collectgarbage("setstepmul")`, percent (kept for the API; a cycle
    /// always runs to completion).
    pub stepmul: usize,
    /// `collectgarbage("stop")`.
    pub stopped: bool,
    /// Smallest debt that starts a cycle.
    pub min_threshold: usize,
    /// `heap::growth_mark()` at the last cycle (or when the state was
    /// made): growth of existing objects since counts as debt.
    pub growth_mark: usize,
}

impl Default for GcState {
    fn default() -> Self {
        let min = if std::env::var_os("CELLUA_GC_TORTURE").is_some() {
            TORTURE_THRESHOLD
        } else {
            MIN_THRESHOLD
        };
        GcState {
            min_threshold: min,
            threshold: min,
            estimate: 0,
            pause: 200,
            stepmul: 200,
            stopped: false,
            growth_mark: crate::heap::growth_mark(),
        }
    }
}

/// Marks of one cycle.
#[derive(Default)]
struct Marks {
    strings: SecondaryMap<StrRef, ()>,
    tables: SecondaryMap<TableRef, ()>,
    closures: SecondaryMap<ClosureRef, ()>,
    natives: SecondaryMap<NativeRef, ()>,
    upvals: SecondaryMap<UpvalRef, ()>,
    userdata: SecondaryMap<UserDataRef, ()>,
    threads: SecondaryMap<ThreadRef, ()>,
    protos: HashSet<usize>,
    /// Weak tables met while marking, with (weak keys, weak values).
    weak: Vec<(TableRef, bool, bool)>,
}

impl Marks {
    /// Did this value survive marking? (Non-collectable values always do.)
    fn alive(&self, v: &Value) -> bool {
        match v {
            Value::String(s) => self.strings.contains_key(*s),
            Value::Table(t) => self.tables.contains_key(*t),
            Value::LuaFunction(c) => self.closures.contains_key(*c),
            Value::NativeFunction(n) => self.natives.contains_key(*n),
            Value::UserData(u) => self.userdata.contains_key(*u),
            Value::Thread(t) => self.threads.contains_key(*t),
            Value::Nil | Value::Boolean(_) | Value::Number(_) | Value::LightUserData(_) => true,
        }
    }
}

impl Lua {
    /// Run a collection if the allocation debt asks for one. Call only at
    /// a safe point; an error raised by a `__gc` finalizer propagates.
    #[inline]
    pub fn gc_check(&mut self) -> LuaResult<()> {
        if self.refusal.take() {
            return Err(LuaError::Memory);
        }
        let growth = crate::heap::growth_mark().wrapping_sub(self.gc.growth_mark);
        if self.heap.debt.saturating_add(growth) >= self.gc.threshold && !self.gc.stopped {
            self.collect_garbage()?;
        }
        Ok(())
    }

    /// A full mark & sweep cycle, then the `__gc` finalizers of the
    /// userdata it found dead. Call only at a safe point.
    pub fn collect_garbage(&mut self) -> LuaResult<()> {
        let mut m = Marks::default();
        let mut gray: Vec<Value> = Vec::with_capacity(256);
        self.mark_roots(&mut m, &mut gray);
        self.propagate(&mut m, &mut gray);
        // Dead userdata with a `__gc` survive this cycle (with everything
        // they reference) to be finalized; they are freed by a later cycle
        // unless the finalizer resurrects them.
        let doomed = self.separate_finalizable(&m, false);
        for &u in &doomed {
            gray.push(Value::UserData(u));
        }
        self.propagate(&mut m, &mut gray);
        self.clear_weak(&m);
        self.sweep(&m);
        self.pattern_cache = Default::default();
        self.heap.debt = 0;
        self.gc.growth_mark = crate::heap::growth_mark();
        self.gc.estimate = self.memory_in_use();
        // 5.1: the next cycle starts when the heap reaches `pause`% of what
        // this one found live, i.e. after (pause - 100)% of it in new debt.
        self.gc.threshold =
            (self.gc.estimate / 100 * self.gc.pause.saturating_sub(100)).max(self.gc.min_threshold);
        self.run_finalizers(doomed, true)
    }

    /// Userdata to finalize, newest first: the unmarked ones (or, with
    /// `all`, every one) whose metatable has `__gc` and that were not
    /// finalized before. They are flagged finalized here.
    fn separate_finalizable(&mut self, m: &Marks, all: bool) -> Vec<UserDataRef> {
        let gc_name = self.names.gc;
        let tables = self.heap.tables.get_mut();
        let mut found: Vec<(u64, UserDataRef)> = Vec::new();
        for (k, ud) in self.heap.userdata.get_mut().iter_mut() {
            if ud.finalized || (!all && m.userdata.contains_key(k)) {
                continue;
            }
            let has_gc = ud
                .metatable
                .and_then(|mt| tables.get(mt))
                .is_some_and(|mt| !mt.get_str(gc_name).is_nil());
            if has_gc {
                ud.finalized = true;
                found.push((ud.serial, k));
            }
        }
        found.sort_by_key(|entry| std::cmp::Reverse(entry.0));
        found.into_iter().map(|(_, k)| k).collect()
    }

    /// Call `__gc(u)` for each of `list` in order. With `propagate`, the
    /// first error stops the run (the rest are finalized by a later cycle)
    /// and is returned; otherwise errors are ignored (`close`).
    fn run_finalizers(&mut self, list: Vec<UserDataRef>, propagate: bool) -> LuaResult<()> {
        if list.is_empty() {
            return Ok(());
        }
        // Finalizers run above every live register, and the objects still
        // waiting for theirs stay rooted meanwhile.
        let saved_top = self.top;
        self.top = live_extent(&self.frames, self.top).min(self.stack.len());
        let npinned = self.pinned.len();
        self.pinned.extend(list.iter().map(|&u| Value::UserData(u)));
        let gc_name = self.names.gc;
        let mut result = Ok(());
        for (i, &u) in list.iter().enumerate() {
            let h = self.meta_field(Value::UserData(u), gc_name);
            if h.is_nil() {
                continue;
            }
            let top = self.top;
            let r = self.call_value(h, &[Value::UserData(u)], 0);
            self.top = top;
            if let Err(e) = r {
                if propagate {
                    for &rest in &list[i + 1..] {
                        if let Some(ud) = self.heap.userdata.get_mut().get_mut(rest) {
                            ud.finalized = false;
                        }
                    }
                    result = Err(e);
                    break;
                }
            }
        }
        self.pinned.truncate(npinned);
        self.top = saved_top;
        result
    }

    /// `lua_close`'s collection: every pending finalizer runs (reachable
    /// objects included), newest first; their errors are ignored.
    pub fn close(&mut self) {
        let m = Marks::default();
        let all = self.separate_finalizable(&m, true);
        let _ = self.run_finalizers(all, false);
    }

    fn mark_roots(&mut self, m: &mut Marks, gray: &mut Vec<Value>) {
        gray.push(Value::Table(self.registry));
        gray.push(Value::Table(self.globals));
        for s in self.names.all() {
            gray.push(Value::String(s));
        }
        for t in self.type_mt.iter().flatten() {
            gray.push(Value::Table(*t));
        }
        // The live part of the running stack; slots above it hold stale
        // values of finished calls: clear them, as 5.1 does.
        let live = live_extent(&self.frames, self.top).min(self.stack.len());
        gray.extend_from_slice(&self.stack[..live]);
        // After deep recursion give most of the stack back (every frame's
        // window is below `live`; natives re-check room before writing).
        let keep = (2 * live).max(STACK_KEEP);
        if self.stack.len() > 2 * keep {
            self.stack.truncate(keep);
            self.stack.shrink_to_fit();
        }
        for v in &mut self.stack[live..] {
            *v = Value::Nil;
        }
        gray.extend_from_slice(&self.xfer);
        gray.extend_from_slice(&self.pinned);
        for f in &self.frames {
            push_frame(f, gray);
        }
        let open: Vec<UpvalRef> = self.open_upvals.iter().map(|&(_, u)| u).collect();
        for u in open {
            self.mark_upval(u, m, gray);
        }
        gray.push(Value::Thread(self.main_thread));
        gray.push(Value::Thread(self.cur_thread));
        // Threads waiting on a resume they made are live whatever refers
        // to them.
        for (k, t) in self.heap.threads.get_mut().iter() {
            if matches!(t.status, CoStatus::Normal | CoStatus::Running) {
                gray.push(Value::Thread(k));
            }
        }
    }

    fn mark_upval(&mut self, u: UpvalRef, m: &mut Marks, gray: &mut Vec<Value>) {
        if m.upvals.insert(u, ()).is_some() {
            return;
        }
        match self.heap.upvals.get_mut().get(u) {
            Some(Upval::Closed(v)) => gray.push(*v),
            // An open upvalue keeps the value in its slot alive even when
            // its thread is unreachable (the sweep then closes it).
            Some(&Upval::Open { thread, index }) => {
                let v = if thread == self.cur_thread {
                    self.stack.get(index).copied()
                } else {
                    self.heap
                        .threads
                        .get_mut()
                        .get(thread)
                        .and_then(|t| t.stack.get(index).copied())
                };
                if let Some(v) = v {
                    gray.push(v);
                }
            }
            None => {}
        }
    }

    fn mark_proto(p: &Rc<Proto>, m: &mut Marks, gray: &mut Vec<Value>) {
        let mut todo: Vec<&Rc<Proto>> = vec![p];
        while let Some(p) = todo.pop() {
            if m.protos.insert(Rc::as_ptr(p) as usize) {
                gray.extend_from_slice(&p.constants);
                todo.extend(p.protos.iter());
            }
        }
    }

    fn propagate(&mut self, m: &mut Marks, gray: &mut Vec<Value>) {
        while let Some(v) = gray.pop() {
            match v {
                Value::String(s) => {
                    m.strings.insert(s, ());
                }
                Value::Table(t) => {
                    if m.tables.insert(t, ()).is_some() {
                        continue;
                    }
                    let (weak_k, weak_v) = self.weak_mode(t);
                    if weak_k || weak_v {
                        m.weak.push((t, weak_k, weak_v));
                    }
                    if let Some(tab) = self.heap.tables.get_mut().get(t) {
                        if let Some(mt) = tab.metatable {
                            gray.push(Value::Table(mt));
                        }
                        // Weak references are not followed; strings count
                        // as values, never as weak references (5.1).
                        tab.for_each(|k, v| {
                            if !weak_k || matches!(k, Value::String(_)) {
                                gray.push(*k);
                            }
                            if !weak_v || matches!(v, Value::String(_)) {
                                gray.push(*v);
                            }
                        });
                    }
                }
                Value::LuaFunction(c) => {
                    if m.closures.insert(c, ()).is_some() {
                        continue;
                    }
                    let (proto, upvals, env) = match self.heap.closures.get_mut().get(c) {
                        Some(cl) => (cl.proto.clone(), cl.upvals.clone(), cl.env),
                        None => continue,
                    };
                    gray.push(Value::Table(env));
                    Self::mark_proto(&proto, m, gray);
                    for u in upvals {
                        self.mark_upval(u, m, gray);
                    }
                }
                Value::NativeFunction(n) => {
                    if m.natives.insert(n, ()).is_some() {
                        continue;
                    }
                    if let Some(nc) = self.heap.natives.get_mut().get(n) {
                        gray.push(Value::Table(nc.env));
                        gray.extend_from_slice(&nc.upvalues);
                    }
                }
                Value::UserData(u) => {
                    if m.userdata.insert(u, ()).is_some() {
                        continue;
                    }
                    if let Some(ud) = self.heap.userdata.get_mut().get(u) {
                        gray.push(Value::Table(ud.env));
                        if let Some(mt) = ud.metatable {
                            gray.push(Value::Table(mt));
                        }
                    }
                }
                Value::Thread(t) => {
                    if m.threads.insert(t, ()).is_some() {
                        continue;
                    }
                    let open: Vec<UpvalRef> = match self.heap.threads.get_mut().get(t) {
                        Some(th) => {
                            let live = live_extent(&th.frames, th.top).min(th.stack.len());
                            gray.extend_from_slice(&th.stack[..live]);
                            gray.push(Value::Table(th.env));
                            for f in &th.frames {
                                push_frame(f, gray);
                            }
                            th.open_upvals.iter().map(|&(_, u)| u).collect()
                        }
                        None => continue,
                    };
                    for u in open {
                        self.mark_upval(u, m, gray);
                    }
                }
                Value::Nil | Value::Boolean(_) | Value::Number(_) | Value::LightUserData(_) => {}
            }
        }
    }

    /// `__mode` of a table's metatable: (weak keys, weak values).
    fn weak_mode(&mut self, t: TableRef) -> (bool, bool) {
        let mode_key = self.names.mode;
        let tables = self.heap.tables.get_mut();
        let mode = tables
            .get(t)
            .and_then(|tab| tab.metatable)
            .and_then(|mt| tables.get(mt))
            .map(|mt| mt.get_str(mode_key));
        match mode {
            Some(Value::String(s)) => match self.heap.strings.get_mut().get(s) {
                Some(st) => (st.as_bytes().contains(&b'k'), st.as_bytes().contains(&b'v')),
                None => (false, false),
            },
            _ => (false, false),
        }
    }

    /// Remove the entries of weak tables whose key or value died.
    fn clear_weak(&mut self, m: &Marks) {
        let userdata = self.heap.userdata.get_mut();
        // As in 5.1, a finalized userdata (even a resurrected one) no
        // longer counts as a weak table's value.
        let finalized = |v: &Value| match v {
            Value::UserData(u) => userdata.get(*u).is_some_and(|ud| ud.finalized),
            _ => false,
        };
        for &(t, _, weak_v) in &m.weak {
            if let Some(tab) = self.heap.tables.get_mut().get_mut(t) {
                tab.clear_dead_for_gc(|k, v| m.alive(k) && m.alive(v) && !(weak_v && finalized(v)));
            }
        }
    }

    fn sweep(&mut self, m: &Marks) {
        self.heap
            .strings
            .get_mut()
            .retain(|k, _| m.strings.contains_key(k));
        self.heap.purge_intern_table();
        self.heap
            .tables
            .get_mut()
            .retain(|k, _| m.tables.contains_key(k));
        self.heap
            .closures
            .get_mut()
            .retain(|k, _| m.closures.contains_key(k));
        self.heap
            .natives
            .get_mut()
            .retain(|k, _| m.natives.contains_key(k));
        self.heap
            .upvals
            .get_mut()
            .retain(|k, _| m.upvals.contains_key(k));
        self.heap
            .userdata
            .get_mut()
            .retain(|k, _| m.userdata.contains_key(k));
        // A dying thread's open upvalues that are still in use become
        // closed, keeping the values of their slots.
        let threads = self.heap.threads.get_mut();
        let upvals = self.heap.upvals.get_mut();
        for (k, th) in threads.iter() {
            if m.threads.contains_key(k) {
                continue;
            }
            for &(idx, u) in &th.open_upvals {
                if m.upvals.contains_key(u) {
                    if let Some(cell) = upvals.get_mut(u) {
                        *cell = Upval::Closed(th.stack.get(idx).copied().unwrap_or(Value::Nil));
                    }
                }
            }
        }
        threads.retain(|k, _| m.threads.contains_key(k));
    }

    /// Approximate bytes the heap holds now.
    pub fn memory_in_use(&mut self) -> usize {
        // A state on a host allocator knows its bytes exactly.
        if let Some(b) = self.refusal.host_bytes() {
            return b;
        }
        let h = &mut self.heap;
        let strings: usize = h
            .strings
            .get_mut()
            .values()
            .map(|s| s.len() + STRING_OVERHEAD)
            .sum();
        let tables: usize = h
            .tables
            .get_mut()
            .values()
            .map(|t| t.memory_bytes() + TABLE_OVERHEAD)
            .sum();
        let closures: usize = h
            .closures
            .get_mut()
            .values()
            .map(|c| CLOSURE_OVERHEAD + 8 * c.upvals.len())
            .sum();
        let natives: usize = h
            .natives
            .get_mut()
            .values()
            .map(|n| CLOSURE_OVERHEAD + 16 * n.upvalues.len())
            .sum();
        let upvals = h.upvals.get_mut().len() * UPVAL_OVERHEAD;
        let userdata: usize = h
            .userdata
            .get_mut()
            .values()
            .map(|u| CLOSURE_OVERHEAD + u.size)
            .sum();
        let threads: usize = h
            .threads
            .get_mut()
            .values()
            .map(|t| THREAD_OVERHEAD + 16 * t.stack.capacity())
            .sum();
        strings
            + tables
            + closures
            + natives
            + upvals
            + userdata
            + threads
            + 16 * self.stack.capacity()
    }
}

/// End of the live part of a stack: its top, or the innermost frame's
/// register window when that is a Lua frame reaching higher. (An outer
/// frame's registers above its callee's slot hold only dead temporaries.)
fn live_extent(frames: &[crate::heap::Frame], top: usize) -> usize {
    match frames.last() {
        Some(f) => match &f.kind {
            FrameKind::Lua { proto, .. } => top.max(f.base + proto.max_stack as usize),
            FrameKind::Native { .. } => top,
        },
        None => top,
    }
}

fn push_frame(f: &crate::heap::Frame, gray: &mut Vec<Value>) {
    match &f.kind {
        FrameKind::Lua { closure, env, .. } => {
            gray.push(Value::LuaFunction(*closure));
            gray.push(Value::Table(*env));
        }
        FrameKind::Native { func } => gray.push(Value::NativeFunction(*func)),
    }
}
