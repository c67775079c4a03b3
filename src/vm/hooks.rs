//! Debug hooks: the call, return, line and count hooks of Lua 5.1
//! (`lua_sethook`, `debug.sethook`), and the stack-level resolution that
//! the debug interface shares with them (`get_stack`).
//!
//! # Cost when no hook is set
//! The interpreter loop is compiled twice (`execute_loop::<false>` and
//! `execute_loop::<true>`, see `exec`). The hook-free copy contains no
//! per-instruction check at all: it looks at `Hooks::any` only where a
//! hook can have been set meanwhile (entering or returning to a frame,
//! after a native call, after the `__index`/`__newindex`, `__len`,
//! `__concat`, `__unm` and generic-`for` iterator call-outs) and then
//! hands over to the hooked copy, which calls `hook_step` before every
//! instruction and fires call and return events. Native calls check the
//! same flag once before and once after running (`call_native`). A hook
//! set from an arithmetic or comparison metamethod or a finalizer takes
//! effect at the next call or return (5.1: at the next instruction);
//! checking there changed the fast paths' code measurably.
//!
//! # Per-thread state
//! As in 5.1, the hook (function, mask, count) belongs to a thread:
//! `debug.sethook(co, f, "l")` hooks only `co`. 5.1 copies the creator's
//! hook into a new thread when it is created; here a thread that has no
//! hook settings of its own copies them, when it first runs with hooks
//! active anywhere, from the thread that ran just before it (its resumer,
//! or for a host the thread it last used or hooked). So a host's count
//! hook also covers the coroutines its script creates. A Lua hook function
//! itself is looked up per thread (as 5.1 does, in a registry table keyed
//! by thread), so a coroutine that inherited a Lua hook's mask does not
//! call the hook function unless it was set on that coroutine too.
//!
//! While a hook runs, hooks of that thread are off (5.1's `allowhook`);
//! the count keeps counting, as in 5.1.
//!
//! # Hook frames
//! A C hook runs on a native pseudo-frame pushed above everything the
//! hooked frame uses, so its `lua_gettop` starts at 0 and its pushes
//! cannot clobber registers. That frame is invisible to stack levels
//! (`get_stack`, tracebacks, `luaL_where`), as 5.1's hooks have no frame
//! of their own: level 0 inside a C hook is the hooked function. A Lua hook
//! is called directly above the hooked frame (level 2 seen from the hook
//! is the hooked function, as in 5.1).
//!
//! Not supported: yielding from inside a hook (5.1 allows a count or line
//! hook to `lua_yield(L, 0)`); such a yield is an error.

use super::Lua;
use crate::error::LuaResult;
use crate::heap::{FrameKind, NativeClosure, Proto};
use crate::value::{NativeRef, ThreadRef, Value};
use slotmap::SecondaryMap;

/// `LUA_MASKCALL`.
pub const MASK_CALL: u8 = 1;
/// `LUA_MASKRET`.
pub const MASK_RET: u8 = 2;
/// `LUA_MASKLINE`.
pub const MASK_LINE: u8 = 4;
/// `LUA_MASKCOUNT`.
pub const MASK_COUNT: u8 = 8;

/// `LUA_HOOKCALL`.
pub const HOOK_CALL: i32 = 0;
/// `LUA_HOOKRET`.
pub const HOOK_RET: i32 = 1;
/// `LUA_HOOKLINE`.
pub const HOOK_LINE: i32 = 2;
/// `LUA_HOOKCOUNT`.
pub const HOOK_COUNT: i32 = 3;
/// `LUA_HOOKTAILRET`.
pub const HOOK_TAILRET: i32 = 4;

/// Event names as `debug.sethook` hook functions receive them.
pub const EVENT_NAMES: [&[u8]; 5] = [b"call", b"return", b"line", b"count", b"tail return"];

/// What a hook calls.
#[derive(Clone, Copy, Debug)]
pub enum HookFn {
    /// The thread's Lua function in the hook table (`debug.sethook`).
    Lua,
    /// A C `lua_Hook` (`lua_sethook`).
    C(crate::capi::lua_Hook),
}

/// One thread's hook settings.
#[derive(Clone, Copy, Debug, Default)]
pub struct HookState {
    pub func: Option<HookFn>,
    pub mask: u8,
    /// The count of `lua_sethook` (`lua_gethookcount`).
    pub base_count: i32,
    /// Instructions left before the next count event.
    count_left: i32,
    /// A hook of this thread is running (hooks are off meanwhile).
    running: bool,
}

/// The hook settings of every thread.
#[derive(Default)]
pub struct Hooks {
    /// Some thread has a nonzero mask: the interpreter runs its hooked copy.
    pub any: bool,
    states: SecondaryMap<ThreadRef, HookState>,
    /// The thread the hook machinery last saw running (a new thread
    /// inherits its settings).
    last: Option<ThreadRef>,
    /// The native function of hook pseudo-frames.
    marker: Option<NativeRef>,
    /// The call event of the frame on top was fired already (a tail call
    /// fires it before the frame moves down, as 5.1 does).
    pub(crate) call_done: bool,
}

static HOOK_TABLE_KEY: u8 = 0;
static MARKER_KEY: u8 = 0;

/// Registry key (a light userdata, unreachable from Lua code but through
/// `debug.getregistry`) of the table of Lua hook functions by thread.
fn hook_table_key() -> Value {
    Value::LightUserData(&HOOK_TABLE_KEY as *const u8 as *mut std::ffi::c_void)
}

fn marker_key() -> Value {
    Value::LightUserData(&MARKER_KEY as *const u8 as *mut std::ffi::c_void)
}

/// The body of the hook pseudo-frame's function (never called).
fn hook_marker(_: &mut Lua) -> LuaResult<usize> {
    Ok(0)
}

/// Line of instruction `pc` (0 when there is no line information).
#[inline]
fn line_at(p: &Proto, pc: usize) -> i32 {
    match p.lines.get(pc).or(p.lines.last()) {
        Some(&l) => l as i32,
        None => 0,
    }
}

/// Instruction `pc` is the jump of a test (`EQ`, `LT`, `LE`, `TEST`,
/// `TESTSET`, `TFORLOOP` and the `JMP` after it), which 5.1 executes as
/// part of the test: hooks never see it.
fn jump_is_part_of_test(p: &Proto, pc: usize) -> bool {
    use crate::compiler::opcodes::Instr;
    matches!(p.code.get(pc), Some(Instr::Jmp { .. }))
        && matches!(
            p.code.get(pc - 1),
            Some(
                Instr::Eq { .. }
                    | Instr::Lt { .. }
                    | Instr::Le { .. }
                    | Instr::Test { .. }
                    | Instr::TestSet { .. }
                    | Instr::TForLoop { .. }
            )
        )
}

impl Lua {
    // ----- settings ----------------------------------------------------------

    /// `lua_sethook` for thread `t`: a null function or a zero mask turns
    /// the hooks off (the count is kept, as 5.1 keeps it).
    pub fn set_hook(&mut self, t: ThreadRef, func: Option<HookFn>, mask: u8, count: i32) {
        self.adopt_new_threads();
        let (func, mask) = match func {
            Some(f) if mask != 0 => (Some(f), mask),
            _ => (None, 0),
        };
        let running = self.hooks.states.get(t).is_some_and(|s| s.running);
        self.hooks.states.insert(
            t,
            HookState {
                func,
                mask,
                base_count: count,
                count_left: count,
                running,
            },
        );
        self.hooks.last = Some(self.cur_thread);
        self.recompute_any_hook();
    }

    /// The hook settings of thread `t`.
    pub fn hook_of(&mut self, t: ThreadRef) -> HookState {
        self.adopt_new_threads();
        self.hooks.states.get(t).copied().unwrap_or_default()
    }

    fn recompute_any_hook(&mut self) {
        let threads = self.heap.threads.get_mut();
        // Forget the settings of threads that were collected.
        self.hooks.states.retain(|k, _| threads.contains_key(k));
        self.hooks.any = self.hooks.states.values().any(|s| s.mask != 0);
        // New threads inherit hooks: note them while there are any.
        self.heap.new_threads = if self.hooks.any {
            Some(self.heap.new_threads.take().unwrap_or_default())
        } else {
            None
        };
    }

    /// Give the threads made since the last look their creator's hook
    /// settings. The creator is taken to be the running thread (threads
    /// are made by natives, and this runs when a native returns), or for
    /// a thread that is itself running by now (a host's `lua_newthread`
    /// then `lua_resume`), the thread that ran before it.
    fn adopt_new_threads(&mut self) {
        let list = match self.heap.new_threads.as_mut() {
            Some(v) if !v.is_empty() => std::mem::take(v),
            _ => return,
        };
        for t in list {
            if self.hooks.states.contains_key(t) {
                continue;
            }
            let parent = if t == self.cur_thread {
                self.hooks.last
            } else {
                Some(self.cur_thread)
            };
            if let Some(p) = parent.and_then(|p| self.hooks.states.get(p)).copied() {
                let inherited = HookState {
                    running: false,
                    count_left: p.base_count,
                    ..p
                };
                self.hooks.states.insert(t, inherited);
            }
        }
    }

    /// The running thread's settings.
    fn cur_hook(&mut self) -> Option<&mut HookState> {
        if self
            .heap
            .new_threads
            .as_ref()
            .is_some_and(|v| !v.is_empty())
        {
            self.adopt_new_threads();
        }
        let t = self.cur_thread;
        self.hooks.last = Some(t);
        self.hooks.states.get_mut(t)
    }

    /// The table of Lua hook functions by thread (weak keys), made on
    /// first use.
    pub(crate) fn hook_table(&mut self) -> crate::value::TableRef {
        let reg = self.registry;
        let key = hook_table_key();
        if let Value::Table(t) = self.raw_get(reg, &key) {
            return t;
        }
        let t = self.heap.new_table(0, 1);
        let mt = self.heap.new_table(0, 1);
        let k = self.new_str(b"k");
        self.set_field(mt, b"__mode", k);
        if let Ok(tab) = self.heap.table(t) {
            tab.metatable = Some(mt);
        }
        let _ = self.raw_set(reg, key, Value::Table(t));
        t
    }

    /// The native function of hook pseudo-frames (rooted in the registry).
    pub(crate) fn hook_marker(&mut self) -> NativeRef {
        if let Some(m) = self.hooks.marker {
            if self.heap.natives.get_mut().contains_key(m) {
                return m;
            }
        }
        let env = self.globals;
        let m = self.heap.new_native(NativeClosure {
            func: hook_marker,
            upvalues: Vec::new(),
            env,
            name: "?",
            cfunc: None,
        });
        let reg = self.registry;
        let _ = self.raw_set(reg, marker_key(), Value::NativeFunction(m));
        self.hooks.marker = Some(m);
        m
    }

    /// Frame `idx` is a hook pseudo-frame (invisible to stack levels).
    #[inline]
    pub fn is_hook_frame(&self, idx: usize) -> bool {
        match (self.hooks.marker, self.frames.get(idx).map(|f| &f.kind)) {
            (Some(m), Some(FrameKind::Native { func })) => *func == m,
            _ => false,
        }
    }

    // ----- stack levels --------------------------------------------------------

    /// `lua_getstack`: the activation at `level` (0 = the running
    /// function) as a `lua_Debug.i_ci`: frame index + 1, or 0 for a call
    /// lost by a tail call (also what a negative level gives, as in 5.1).
    /// `None` when there is no such level. Hook pseudo-frames are skipped.
    pub fn get_stack(&self, level: i64) -> Option<usize> {
        let mut level = level;
        let mut idx = self.frames.len();
        loop {
            while idx > 0 && self.is_hook_frame(idx - 1) {
                idx -= 1;
            }
            if level <= 0 || idx == 0 {
                break;
            }
            level -= 1;
            if matches!(self.frames[idx - 1].kind, FrameKind::Lua { .. }) {
                level -= self.frames[idx - 1].tailcalls as i64;
            }
            idx -= 1;
        }
        if level == 0 && idx > 0 {
            Some(idx)
        } else if level < 0 {
            Some(0)
        } else {
            None
        }
    }

    /// Every stack level from 0 down, as runs: `(Some(frame index), 1)`
    /// for a frame, `(None, n)` for the `n` calls lost by its tail calls.
    pub fn stack_levels(&self) -> Vec<(Option<usize>, u64)> {
        let mut out = Vec::new();
        for idx in (0..self.frames.len()).rev() {
            if self.is_hook_frame(idx) {
                continue;
            }
            out.push((Some(idx), 1));
            let f = &self.frames[idx];
            if matches!(f.kind, FrameKind::Lua { .. }) && f.tailcalls > 0 {
                out.push((None, f.tailcalls as u64));
            }
        }
        out
    }

    // ----- firing --------------------------------------------------------------

    /// Before instruction `pc` of a Lua frame, in the hooked interpreter:
    /// the count and line events. `oldpc` is the frame's previous saved pc
    /// (5.1's `savedpc`); `guard` the first slot a hook may use. The
    /// caller has saved `pc + 1` in the frame.
    #[inline(never)]
    pub(crate) fn hook_step(
        &mut self,
        proto: &Proto,
        pc: usize,
        oldpc: &mut usize,
        guard: usize,
    ) -> LuaResult<()> {
        if *oldpc == pc && pc > 0 && jump_is_part_of_test(proto, pc) {
            // 5.1 runs this jump inside the test before it: no event.
            return Ok(());
        }
        let old = std::mem::replace(oldpc, pc + 1);
        let Some(st) = self.cur_hook() else {
            return Ok(());
        };
        let mask = st.mask;
        if mask & (MASK_LINE | MASK_COUNT) == 0 {
            return Ok(());
        }
        st.count_left = st.count_left.wrapping_sub(1);
        let count_due = mask & MASK_COUNT != 0 && st.count_left == 0;
        if count_due {
            st.count_left = st.base_count;
            self.run_hook(HOOK_COUNT, -1, guard)?;
        }
        if mask & MASK_LINE != 0 {
            let line = line_at(proto, pc);
            // A new function, a jump back (loop), or a new line.
            if pc == 0 || pc < old || line != line_at(proto, old.wrapping_sub(1)) {
                self.run_hook(HOOK_LINE, line, guard)?;
            }
        }
        Ok(())
    }

    /// The call event for the frame on top (just entered).
    #[inline(never)]
    pub(crate) fn hook_call(&mut self, guard: usize) -> LuaResult<()> {
        if self.cur_hook().is_some_and(|s| s.mask & MASK_CALL != 0) {
            self.run_hook(HOOK_CALL, -1, guard)?;
        }
        Ok(())
    }

    /// The return event for the frame on top (about to return; its
    /// results end before `guard`), then one tail-return event per call
    /// its tail calls replaced.
    #[inline(never)]
    pub(crate) fn hook_return(&mut self, guard: usize) -> LuaResult<()> {
        if self.cur_hook().is_none_or(|s| s.mask & MASK_RET == 0) {
            return Ok(());
        }
        self.run_hook(HOOK_RET, -1, guard)?;
        let tailcalls = match self.frames.last() {
            Some(f) if matches!(f.kind, FrameKind::Lua { .. }) => f.tailcalls,
            _ => 0,
        };
        for i in 0..tailcalls {
            if self.cur_hook().and_then(|s| s.func).is_none() {
                break;
            }
            // 5.1 counts the frame's tail calls down while reporting them.
            if let Some(f) = self.frames.last_mut() {
                f.tailcalls = tailcalls - 1 - i;
            }
            self.run_hook(HOOK_TAILRET, -1, guard)?;
        }
        Ok(())
    }

    /// A tail call of Lua closure `cl` at `func` from the frame on top,
    /// with hooks active: as in 5.1 the callee's frame is pushed above the
    /// caller's, its call event fired, and only then is it moved down over
    /// the caller's (which must have closed its upvalues).
    pub(crate) fn tail_call_hooked(
        &mut self,
        func: usize,
        cl: crate::value::ClosureRef,
    ) -> LuaResult<()> {
        let (dest, nresults, entry, tailcalls) = match self.frames.last() {
            Some(f) => (f.func, f.nresults, f.entry, f.tailcalls),
            None => return Err(crate::error::LuaError::InvalidHandle),
        };
        self.push_lua_frame(func, cl, nresults, entry)?;
        self.hook_call(self.top)?;
        let (Some(mut callee), Some(_)) = (self.frames.pop(), self.frames.pop()) else {
            return Err(crate::error::LuaError::InvalidHandle);
        };
        let delta = func - dest;
        self.stack.copy_within(func..self.top, dest);
        callee.func -= delta;
        callee.base -= delta;
        callee.tailcalls = tailcalls + 1;
        self.top -= delta;
        self.frames.push(callee);
        self.hooks.call_done = true;
        Ok(())
    }

    /// Call the running thread's hook for `event` (`line` for line events,
    /// else -1), with hooks off meanwhile. The hook works above
    /// `max(top, guard)`; `top` is restored afterwards.
    fn run_hook(&mut self, event: i32, line: i32, guard: usize) -> LuaResult<()> {
        let t = self.cur_thread;
        let func = match self.cur_hook() {
            Some(s) if !s.running => match s.func {
                Some(f) => {
                    s.running = true;
                    f
                }
                None => return Ok(()),
            },
            _ => return Ok(()),
        };
        let saved_top = self.top;
        self.top = self.top.max(guard);
        // As 5.1, a tail return carries no activation (`i_ci` 0).
        let hooked_ci = if event == HOOK_TAILRET {
            0
        } else {
            self.frames.len()
        };
        let r = match func {
            HookFn::Lua => self.call_lua_hook(event, line),
            HookFn::C(h) => crate::capi::debug::call_c_hook(self, h, event, line, hooked_ci),
        };
        self.top = saved_top;
        if let Some(s) = self.hooks.states.get_mut(t) {
            s.running = false;
        }
        r
    }

    /// 5.1's `hookf`: call the thread's Lua hook function with the event
    /// name and the line (or nil).
    pub(crate) fn call_lua_hook(&mut self, event: i32, line: i32) -> LuaResult<()> {
        let tab = self.hook_table();
        let f = self.raw_get(tab, &Value::Thread(self.cur_thread));
        if !matches!(f, Value::LuaFunction(_) | Value::NativeFunction(_)) {
            return Ok(());
        }
        let name = EVENT_NAMES.get(event as usize).copied().unwrap_or(b"count");
        let ev = self.new_str(name);
        let lv = if line >= 0 {
            Value::Number(line as f64)
        } else {
            Value::Nil
        };
        let base = self.top;
        self.ensure_stack(base + 4 + super::MIN_STACK)?;
        // As in 5.1, the hook table sits just below the hook function.
        self.stack[base] = Value::Table(tab);
        self.stack[base + 1] = f;
        self.stack[base + 2] = ev;
        self.stack[base + 3] = lv;
        self.top = base + 4;
        self.call(base + 1, 0)
    }
}
