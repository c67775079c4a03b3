//! Coroutines: threads in the heap, resumed by swapping their saved state
//! into `Lua` and running the ordinary interpreter loop on it.
//!
//! A yield is `Err(LuaError::Yield)` raised by the `yield` native after it
//! left its values on top of the stack; it propagates (without unwinding any
//! frame) to `resume`, which parks the thread with its frames intact. On the
//! next resume the pending native frame of `yield` returns the resume
//! arguments as its results and the loop continues where it stopped.
//! Yielding is refused when a Rust-level call (a metamethod, `pcall`, an
//! iterator of a generic `for`) sits between `resume` and `yield`, as in 5.1.

use super::Lua;
use crate::error::{LuaError, LuaResult};
use crate::heap::{CoStatus, Thread};
use crate::value::{ThreadRef, Value};

impl Lua {
    /// Create a suspended coroutine that will run `f`.
    pub fn new_thread(&mut self, f: Value) -> ThreadRef {
        let env = self.globals;
        let mut stack = vec![Value::Nil; 32];
        stack[0] = f;
        self.heap.new_thread(Thread {
            stack,
            top: 1,
            frames: Vec::new(),
            open_upvals: Vec::new(),
            status: CoStatus::Suspended,
            base_ccalls: 0,
            env,
        })
    }

    /// Status of a thread as `coroutine.status` names it.
    pub fn thread_status(&mut self, t: ThreadRef) -> CoStatus {
        if t == self.cur_thread {
            return CoStatus::Running;
        }
        match self.heap.threads.get_mut().get(t) {
            Some(th) => th.status,
            None => CoStatus::Dead,
        }
    }

    /// Park the running state into thread `t`.
    pub(crate) fn park(&mut self, t: ThreadRef, status: CoStatus) {
        let stack = std::mem::take(&mut self.stack);
        let frames = std::mem::take(&mut self.frames);
        let open = std::mem::take(&mut self.open_upvals);
        let top = self.top;
        if let Some(th) = self.heap.threads.get_mut().get_mut(t) {
            th.stack = stack;
            th.frames = frames;
            th.open_upvals = open;
            th.top = top;
            th.status = status;
            // Each thread has its own globals table (5.1's `gt`).
            th.env = self.globals;
        }
    }

    /// Make thread `t` the running one.
    pub(crate) fn unpark(&mut self, t: ThreadRef) {
        if let Some(th) = self.heap.threads.get_mut().get_mut(t) {
            self.stack = std::mem::take(&mut th.stack);
            self.frames = std::mem::take(&mut th.frames);
            self.open_upvals = std::mem::take(&mut th.open_upvals);
            self.top = th.top;
            th.status = CoStatus::Running;
            self.globals = th.env;
        }
        self.cur_thread = t;
    }

    /// Resume `co` with `args`; see `resume_top`. Returns the values it
    /// yielded or returned, or the error value.
    pub fn resume(
        &mut self,
        co: ThreadRef,
        args: &[Value],
    ) -> LuaResult<Result<Vec<Value>, Value>> {
        let base = self.top;
        self.ensure_stack(base + args.len() + super::MIN_STACK)?;
        for &a in args {
            self.push(a)?;
        }
        let r = self.resume_top(co, args.len())?;
        let out = match r {
            Ok(n) => Ok(self.stack[self.top - n..self.top].to_vec()),
            Err(e) => Err(e),
        };
        self.top = base;
        Ok(out)
    }

    /// Resume `co` with the top `nargs` values of the running stack as
    /// arguments (they are popped). On success the values it yielded or
    /// returned are pushed and their number returned; otherwise the error
    /// value (`cannot resume dead coroutine`, or the error it raised).
    /// Values cross between the two stacks through one reused buffer, so a
    /// resume/yield round trip allocates nothing.
    pub fn resume_top(&mut self, co: ThreadRef, nargs: usize) -> LuaResult<Result<usize, Value>> {
        let status = self.thread_status(co);
        if status != CoStatus::Suspended {
            let msg: &[u8] = match status {
                CoStatus::Dead => b"cannot resume dead coroutine",
                CoStatus::Running => b"cannot resume running coroutine",
                _ => b"cannot resume normal coroutine",
            };
            self.top -= nargs;
            return Ok(Err(self.new_str(msg)));
        }
        if self.ccalls >= super::MAX_CCALLS {
            self.top -= nargs;
            return Ok(Err(self.new_str(b"C stack overflow")));
        }
        let mut xfer = std::mem::take(&mut self.xfer);
        xfer.clear();
        xfer.extend_from_slice(&self.stack[self.top - nargs..self.top]);
        self.top -= nargs;
        let prev = self.cur_thread;
        self.park(prev, CoStatus::Normal);
        self.unpark(co);
        let saved_ccalls = self.ccalls;
        self.ccalls += 1;
        if let Some(th) = self.heap.threads.get_mut().get_mut(co) {
            th.base_ccalls = self.ccalls;
        }
        let result = self.resume_inner(&xfer);
        self.ccalls = saved_ccalls;
        xfer.clear();
        let (err, dead) = match result {
            Ok(true) => {
                // Finished: results are everything on the stack.
                xfer.extend_from_slice(&self.stack[..self.top]);
                self.close_upvals(0);
                (None, true)
            }
            Ok(false) => {
                // Yielded: the values are the yield frame's arguments.
                let base = self.frames.last().map(|f| f.base).unwrap_or(self.top);
                xfer.extend_from_slice(&self.stack[base..self.top]);
                (None, false)
            }
            Err(e) => {
                self.close_upvals(0);
                (Some(self.error_value(e)), true)
            }
        };
        let status = if dead {
            CoStatus::Dead
        } else {
            CoStatus::Suspended
        };
        self.park(co, status);
        // A coroutine that finished gives its stack back; one that died by
        // error keeps its frames, as 5.1 does, so `debug.traceback(co)`
        // and `debug.getinfo(co, ...)` can still show where it failed.
        if status == CoStatus::Dead && err.is_none() {
            if let Some(th) = self.heap.threads.get_mut().get_mut(co) {
                th.stack = Vec::new();
                th.frames = Vec::new();
                th.top = 0;
            }
        }
        self.unpark(prev);
        let out = match err {
            Some(e) => Err(e),
            None => {
                let n = xfer.len();
                self.ensure_stack(self.top + n + super::MIN_STACK)?;
                self.stack[self.top..self.top + n].copy_from_slice(&xfer);
                self.top += n;
                Ok(n)
            }
        };
        self.xfer = xfer;
        Ok(out)
    }

    /// Run the unparked coroutine. Ok(true): finished; Ok(false): yielded.
    fn resume_inner(&mut self, args: &[Value]) -> LuaResult<bool> {
        let r = if self.frames.is_empty() {
            // First resume: call the body with the arguments.
            self.top = 1;
            for &a in args {
                self.push(a)?;
            }
            self.call_inner_for_resume()
        } else {
            // Return the resume arguments from the pending `yield`.
            let fb = self.frames.last().map(|f| f.base).unwrap_or(0);
            self.top = fb;
            for &a in args {
                self.push(a)?;
            }
            self.post_call(args.len());
            if self.frames.is_empty() {
                return Ok(true);
            }
            self.execute(0)
        };
        match r {
            Ok(()) => Ok(true),
            Err(LuaError::Yield) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn call_inner_for_resume(&mut self) -> LuaResult<()> {
        if self.precall(0, super::MULTRET, true)? {
            self.execute(0)?;
        }
        Ok(())
    }

    /// Called by the `yield` native: check that yielding is allowed here.
    pub fn can_yield(&mut self) -> Result<(), &'static str> {
        if self.cur_thread == self.main_thread {
            // 5.1 reports this case with the boundary message too.
            return Err("attempt to yield across metamethod/C-call boundary");
        }
        let base = self
            .heap
            .threads
            .get_mut()
            .get(self.cur_thread)
            .map(|t| t.base_ccalls)
            .unwrap_or(0);
        if self.ccalls != base {
            return Err("attempt to yield across metamethod/C-call boundary");
        }
        Ok(())
    }
}
