//! The RefCellHeap: one slotmap arena per object kind, each in its own
//! `RefCell`, referenced by the typed handles of `value`.
//!
//! Access discipline: code that holds `&mut Lua` (the interpreter loop, the
//! natives) reaches an arena with `RefCell::get_mut`, which is statically
//! exclusive and costs nothing; code that only has `&Heap` uses the
//! `try_borrow*` accessors here, which map a conflict to
//! `LuaError::BorrowError` (always a bug). No borrow is ever held across a
//! call into Lua code, a native function or the host.
//!
//! Strings are interned byte strings: equality is handle equality, the hash
//! is cached, and the bytes live in their own boxed allocation with a
//! trailing NUL, so a pointer handed to C stays valid while the string lives
//! even when the arena's vector reallocates.
//!
//! Function prototypes are immutable once compiled; they are shared by `Rc`
//! from the closures that instantiate them (no arena and no `RefCell`
//! needed: nothing ever mutates them), and reached by the collector through
//! those closures.

pub mod alloc;
pub mod table;

use crate::compiler::opcodes::{Instr, LocVar, UpvalDesc};
use crate::error::{LuaError, LuaResult};
use crate::value::{
    ClosureRef, NativeRef, StrRef, TableRef, ThreadRef, UpvalRef, UserDataRef, Value,
};
use slotmap::{Key, SlotMap};
use std::cell::{Ref, RefCell};
use std::rc::Rc;
pub use table::{Table, TableError};

/// An interned, immutable byte string with its cached hash.
pub struct LuaStr {
    /// The bytes followed by one NUL (not part of the string).
    data: Box<[u8]>,
    hash: u64,
}

impl LuaStr {
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data[..self.data.len() - 1]
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.data.len() - 1
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.len() == 1
    }
    #[inline]
    pub fn hash(&self) -> u64 {
        self.hash
    }
    /// Pointer to the NUL-terminated bytes; stable while the string lives.
    pub fn as_ptr(&self) -> *const u8 {
        self.data.as_ptr()
    }
}

/// Hash of a byte string: FNV-1a over every byte of a short string; for a
/// long one over its first and last 64 bytes plus 64 bytes sampled from the
/// middle, so hashing stays O(1) while strings that differ only near an end
/// (`("y"):rep(200) .. i`) still hash apart (5.1's sparse sampling makes
/// them collide).
pub fn hash_bytes(b: &[u8]) -> u64 {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (b.len() as u64);
    let mut feed = |x: u8| h = (h ^ x as u64).wrapping_mul(PRIME);
    if b.len() <= 192 {
        b.iter().for_each(|&x| feed(x));
    } else {
        b[..64].iter().for_each(|&x| feed(x));
        let mid = &b[64..b.len() - 64];
        let step = mid.len() / 64 + 1;
        mid.iter().step_by(step).for_each(|&x| feed(x));
        b[b.len() - 64..].iter().for_each(|&x| feed(x));
    }
    h ^ (h >> 29)
}

/// Bytes that existing objects (tables, stacks) of any state grew by since
/// the process started (wrapping). A state takes the growth since its last
/// collection as the difference from the mark it recorded then
/// (`GcState::growth_mark`). The counter is process-wide rather than per
/// state because the table code has no heap at hand: states merely collect
/// a little earlier for each other, and no collection of one state hides
/// growth from another. A global rather than a thread-local so that the
/// collector's check is a plain load, also in the shared library (where a
/// thread-local read is a `__tls_get_addr` call).
static GROWTH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Record that an existing object grew by `bytes` (collector pacing).
#[inline]
pub fn note_growth(bytes: usize) {
    GROWTH.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// The growth counter now; growth since a mark is `growth_mark() - mark`
/// (wrapping).
#[inline(always)]
pub fn growth_mark() -> usize {
    GROWTH.load(std::sync::atomic::Ordering::Relaxed)
}

/// Approximate per-object sizes used for memory accounting.
pub const STRING_OVERHEAD: usize = 48;
pub const TABLE_OVERHEAD: usize = 96;
pub const CLOSURE_OVERHEAD: usize = 64;
pub const UPVAL_OVERHEAD: usize = 40;
pub const THREAD_OVERHEAD: usize = 256;

/// The intern table: open addressing with linear probing over a
/// power-of-two array of (low 32 bits of the hash, handle) slots, at most
/// three quarters full. A lookup compares stored hashes first and touches a
/// string's bytes only on a hash match; inserting allocates nothing but the occasional doubling.
/// Slots of strings the collector freed are dropped by
/// `purge_intern_table`, which rebuilds the array.
#[derive(Default)]
struct InternTable {
    slots: Vec<(u32, StrRef)>,
    count: usize,
}

impl InternTable {
    /// The slot holding `hash`'s string equal to `bytes`, or the empty
    /// slot where it belongs (`slots` must not be empty).
    #[inline]
    fn find(
        &self,
        strings: &SlotMap<StrRef, LuaStr>,
        hash: u64,
        bytes: &[u8],
    ) -> Result<StrRef, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (hash as usize) & mask;
        loop {
            let (h, k) = self.slots[i];
            if k.is_null() {
                return Err(i);
            }
            if h == hash as u32 {
                if let Some(s) = strings.get(k) {
                    if s.as_bytes() == bytes {
                        return Ok(k);
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Put `k` into a table known not to hold it.
    /// Put `k` into a table known not to hold it. The slot index comes
    /// from the low bits of the hash, which the stored 32 bits keep (tables
    /// stay far below 2^32 slots).
    fn place(slots: &mut [(u32, StrRef)], hash: u32, k: StrRef) {
        let mask = slots.len() - 1;
        let mut i = (hash as usize) & mask;
        while !slots[i].1.is_null() {
            i = (i + 1) & mask;
        }
        slots[i] = (hash, k);
    }

    /// Rebuild with room for `live` entries, keeping those `keep` accepts.
    fn rebuild(&mut self, live: usize, keep: impl Fn(StrRef) -> bool) {
        let n = (live + live / 2).next_power_of_two().max(256);
        let mut slots = vec![(0u32, StrRef::null()); n];
        let mut count = 0;
        for &(h, k) in &self.slots {
            if !k.is_null() && keep(k) {
                Self::place(&mut slots, h, k);
                count += 1;
            }
        }
        self.slots = slots;
        self.count = count;
    }
}

/// A prototype ready to run: the compiler's output with constants interned.
pub struct Proto {
    pub code: Vec<Instr>,
    pub lines: Vec<u32>,
    pub constants: Vec<Value>,
    pub protos: Vec<Rc<Proto>>,
    pub upvalues: Vec<UpvalDesc>,
    pub locvars: Vec<LocVar>,
    pub num_params: u8,
    pub is_vararg: bool,
    pub needs_arg: bool,
    pub max_stack: u8,
    pub source: Rc<[u8]>,
    pub line_defined: u32,
    pub last_line_defined: u32,
}

/// A Lua function: a prototype with its upvalues and environment.
pub struct LuaClosure {
    pub proto: Rc<Proto>,
    pub upvals: Vec<UpvalRef>,
    pub env: TableRef,
}

/// The signature of a native function written in Rust. Arguments are the
/// stack slots of the running native frame; results are pushed on top and
/// their number returned.
pub type RustFn = fn(&mut crate::vm::Lua) -> LuaResult<usize>;

/// A native function with its upvalues and environment (a "C closure").
pub struct NativeClosure {
    pub func: RustFn,
    pub upvalues: Vec<Value>,
    pub env: TableRef,
    /// Name for messages when no better one is known.
    pub name: &'static str,
    /// The C function behind a closure made by `lua_pushcclosure`; `func`
    /// is then the C-call trampoline (`capi::call_c_function`).
    pub cfunc: Option<crate::capi::lua_CFunction>,
}

/// An upvalue cell: open (aliasing a live stack slot of a thread) or closed.
#[derive(Clone, Copy, Debug)]
pub enum Upval {
    Open { thread: ThreadRef, index: usize },
    Closed(Value),
}

/// A full userdata: a fixed-address, 16-byte-aligned block.
pub struct UserData {
    pub data: Box<[u128]>,
    pub size: usize,
    pub metatable: Option<TableRef>,
    pub env: TableRef,
    /// Creation order (set by `Heap::new_userdata`): finalizers of objects
    /// found dead together run newest first, as in 5.1.
    pub serial: u64,
    /// Its `__gc` has been called (or queued): never again.
    pub finalized: bool,
}

/// Coroutine status as `coroutine.status` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoStatus {
    Suspended,
    Running,
    Normal,
    Dead,
}

/// What a call frame runs.
#[derive(Clone)]
pub enum FrameKind {
    Lua {
        closure: ClosureRef,
        proto: Rc<Proto>,
        env: TableRef,
    },
    Native {
        func: NativeRef,
    },
}

/// One activation record on a thread's frame stack.
#[derive(Clone)]
pub struct Frame {
    pub kind: FrameKind,
    /// Stack index of the called function.
    pub func: usize,
    /// Stack index of register 0 / the first argument.
    pub base: usize,
    /// Saved program counter (Lua frames), valid whenever the frame is not
    /// the one executing.
    pub pc: usize,
    /// Results the caller wants (-1: all).
    pub nresults: i32,
    /// Number of extra arguments of a vararg Lua function (they sit just
    /// below `base`).
    pub nvarargs: usize,
    /// Tail calls that replaced this frame (for tracebacks).
    pub tailcalls: u32,
    /// This frame was entered from Rust (`Lua::call`): returning from it
    /// leaves the interpreter loop.
    pub entry: bool,
}

/// A thread's saved execution state (the running thread's state lives in
/// `Lua` itself and is swapped in and out on resume/yield).
pub struct Thread {
    pub stack: Vec<Value>,
    pub top: usize,
    pub frames: Vec<Frame>,
    pub open_upvals: Vec<(usize, UpvalRef)>,
    pub status: CoStatus,
    /// Rust call depth at which the thread was resumed (yield boundary).
    pub base_ccalls: u32,
    pub env: TableRef,
}

/// Pre-interned names the VM looks up constantly.
#[derive(Clone, Copy)]
pub struct Names {
    pub index: StrRef,
    pub newindex: StrRef,
    pub call: StrRef,
    pub add: StrRef,
    pub sub: StrRef,
    pub mul: StrRef,
    pub div: StrRef,
    pub mod_: StrRef,
    pub pow: StrRef,
    pub unm: StrRef,
    pub concat: StrRef,
    pub len: StrRef,
    pub eq: StrRef,
    pub lt: StrRef,
    pub le: StrRef,
    pub tostring: StrRef,
    pub metatable: StrRef,
    pub gc: StrRef,
    pub mode: StrRef,
    pub name: StrRef,
    pub n: StrRef,
    /// "not enough memory", made up front: reporting a refused allocation
    /// must not need an allocation.
    pub memerr: StrRef,
}

impl Names {
    /// Every pre-interned name (GC roots).
    pub fn all(&self) -> [StrRef; 22] {
        [
            self.index,
            self.newindex,
            self.call,
            self.add,
            self.sub,
            self.mul,
            self.div,
            self.mod_,
            self.pow,
            self.unm,
            self.concat,
            self.len,
            self.eq,
            self.lt,
            self.le,
            self.tostring,
            self.metatable,
            self.gc,
            self.mode,
            self.name,
            self.n,
            self.memerr,
        ]
    }
}

/// The arenas.
#[derive(Default)]
pub struct Heap {
    pub strings: RefCell<SlotMap<StrRef, LuaStr>>,
    intern: RefCell<InternTable>,
    pub tables: RefCell<SlotMap<TableRef, Table>>,
    pub closures: RefCell<SlotMap<ClosureRef, LuaClosure>>,
    pub natives: RefCell<SlotMap<NativeRef, NativeClosure>>,
    pub upvals: RefCell<SlotMap<UpvalRef, Upval>>,
    pub userdata: RefCell<SlotMap<UserDataRef, UserData>>,
    pub threads: RefCell<SlotMap<ThreadRef, Thread>>,
    /// Approximate bytes allocated since the last collection (the
    /// collector's pacing debt; see `gc`).
    pub debt: usize,
    /// Counter behind `UserData::serial`.
    pub userdata_serial: u64,
    /// Threads made since the hook machinery last looked (recorded only
    /// while some hook is set: a new thread inherits its creator's hook,
    /// see `vm::hooks`).
    pub new_threads: Option<Vec<ThreadRef>>,
}

impl Heap {
    /// Intern a byte string, returning the existing handle when the same
    /// bytes are already interned.
    pub fn intern(&mut self, bytes: &[u8]) -> StrRef {
        // Not `fallible`: a host allocator's refusal is served by the
        // system and flagged (see `alloc`), so only a real system
        // out-of-memory gets here as None.
        match self.intern_with(bytes, false) {
            Some(k) => k,
            None => std::alloc::handle_alloc_error(
                std::alloc::Layout::array::<u8>(bytes.len() + 1)
                    .unwrap_or(std::alloc::Layout::new::<u8>()),
            ),
        }
    }

    /// Intern a byte string; `None` when its copy cannot be allocated (the
    /// caller raises "not enough memory"). Producers of large strings use
    /// this so that a script cannot abort the process with one huge string.
    pub fn try_intern(&mut self, bytes: &[u8]) -> Option<StrRef> {
        self.intern_with(bytes, true)
    }

    /// `try_intern`, with a host allocator's refusal reported (`fallible`)
    /// or served by the system.
    fn intern_with(&mut self, bytes: &[u8], fallible: bool) -> Option<StrRef> {
        let hash = hash_bytes(bytes);
        let strings = self.strings.get_mut();
        let intern = self.intern.get_mut();
        if intern.slots.is_empty() {
            intern.rebuild(0, |_| true);
        }
        let slot = match intern.find(strings, hash, bytes) {
            Ok(k) => return Some(k),
            Err(i) => i,
        };
        let mut data = Vec::new();
        if fallible {
            alloc::fallible(|| data.try_reserve_exact(bytes.len() + 1)).ok()?;
        } else {
            data.try_reserve_exact(bytes.len() + 1).ok()?;
        }
        data.extend_from_slice(bytes);
        data.push(0);
        let k = strings.insert(LuaStr {
            data: data.into_boxed_slice(),
            hash,
        });
        self.debt += bytes.len() + STRING_OVERHEAD;
        intern.slots[slot] = (hash as u32, k);
        intern.count += 1;
        if intern.count * 4 > intern.slots.len() * 3 {
            let live = intern.count;
            intern.rebuild(live, |_| true);
        }
        Some(k)
    }

    /// Borrow a string's bytes through a shared `Ref` (for `&Heap` users).
    pub fn try_str(&self, s: StrRef) -> LuaResult<Ref<'_, [u8]>> {
        let strings = self
            .strings
            .try_borrow()
            .map_err(|_| LuaError::BorrowError("strings"))?;
        Ref::filter_map(strings, |m| m.get(s).map(|x| x.as_bytes()))
            .map_err(|_| LuaError::InvalidHandle)
    }

    /// A string's bytes (exclusive access path).
    #[inline]
    pub fn str_bytes(&mut self, s: StrRef) -> &[u8] {
        match self.strings.get_mut().get(s) {
            Some(x) => x.as_bytes(),
            None => b"",
        }
    }

    /// Make a new table.
    pub fn new_table(&mut self, narr: usize, nhash: usize) -> TableRef {
        self.debt += TABLE_OVERHEAD + 16 * narr.min(1 << 20) + 32 * nhash.min(1 << 20);
        self.tables.get_mut().insert(Table::new(narr, nhash))
    }

    /// Make a Lua closure.
    pub fn new_closure(&mut self, c: LuaClosure) -> ClosureRef {
        self.debt += CLOSURE_OVERHEAD + 8 * c.upvals.len();
        self.closures.get_mut().insert(c)
    }

    /// Make a native closure.
    pub fn new_native(&mut self, n: NativeClosure) -> NativeRef {
        self.debt += CLOSURE_OVERHEAD + 16 * n.upvalues.len();
        self.natives.get_mut().insert(n)
    }

    /// Make an upvalue cell.
    pub fn new_upval(&mut self, u: Upval) -> UpvalRef {
        self.debt += UPVAL_OVERHEAD;
        self.upvals.get_mut().insert(u)
    }

    /// Make a full userdata.
    pub fn new_userdata(&mut self, mut u: UserData) -> UserDataRef {
        self.debt += CLOSURE_OVERHEAD + u.size;
        self.userdata_serial += 1;
        u.serial = self.userdata_serial;
        self.userdata.get_mut().insert(u)
    }

    /// Make a thread.
    pub fn new_thread(&mut self, t: Thread) -> ThreadRef {
        self.debt += THREAD_OVERHEAD + 16 * t.stack.len();
        let k = self.threads.get_mut().insert(t);
        if let Some(v) = &mut self.new_threads {
            v.push(k);
        }
        k
    }

    /// Drop interned-string entries whose string was freed.
    pub fn purge_intern_table(&mut self) {
        let strings = self.strings.get_mut();
        let intern = self.intern.get_mut();
        let live = strings.len();
        intern.rebuild(live, |k| strings.contains_key(k));
    }

    #[inline]
    pub fn table(&mut self, t: TableRef) -> LuaResult<&mut Table> {
        self.tables
            .get_mut()
            .get_mut(t)
            .ok_or(LuaError::InvalidHandle)
    }

    /// The pre-interned names, interned once per heap.
    pub fn make_names(&mut self) -> Names {
        Names {
            index: self.intern(b"__index"),
            newindex: self.intern(b"__newindex"),
            call: self.intern(b"__call"),
            add: self.intern(b"__add"),
            sub: self.intern(b"__sub"),
            mul: self.intern(b"__mul"),
            div: self.intern(b"__div"),
            mod_: self.intern(b"__mod"),
            pow: self.intern(b"__pow"),
            unm: self.intern(b"__unm"),
            concat: self.intern(b"__concat"),
            len: self.intern(b"__len"),
            eq: self.intern(b"__eq"),
            lt: self.intern(b"__lt"),
            le: self.intern(b"__le"),
            tostring: self.intern(b"__tostring"),
            metatable: self.intern(b"__metatable"),
            gc: self.intern(b"__gc"),
            mode: self.intern(b"__mode"),
            name: self.intern(b"__name"),
            n: self.intern(b"n"),
            memerr: self.intern(b"not enough memory"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_returns_same_handle() {
        let mut h = Heap::default();
        let a = h.intern(b"hello");
        let b = h.intern(b"hello");
        let c = h.intern(b"hell\0o");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(h.str_bytes(c), b"hell\0o");
        for i in 0..5000 {
            h.intern(format!("s{i}").as_bytes());
        }
        assert_eq!(h.intern(b"s42"), h.intern(b"s42"));
        assert_eq!(h.intern(b"hello"), a);
    }

    #[test]
    fn stale_handles_are_rejected() {
        let mut h = Heap::default();
        let t = h.new_table(0, 0);
        h.tables.get_mut().remove(t);
        let t2 = h.new_table(0, 0);
        assert!(h.table(t).is_err());
        assert!(h.table(t2).is_ok());
    }

    #[test]
    fn string_bytes_are_nul_terminated_and_stable() {
        let mut h = Heap::default();
        let s = h.intern(b"abc");
        let p = h.strings.get_mut().get(s).map(|x| x.as_ptr());
        for i in 0..10000 {
            h.intern(format!("x{i}").as_bytes());
        }
        let p2 = h.strings.get_mut().get(s).map(|x| x.as_ptr());
        assert_eq!(p, p2);
        let r = h.try_str(s).map(|b| b.to_vec()).unwrap_or_default();
        assert_eq!(r, b"abc");
    }
}
