//! Host allocators: the process-wide Rust allocator that sends the memory
//! of a state made by `lua_newstate(f, ud)` through the host's `f`.
//!
//! Every Rust allocation goes through `CelluaAlloc`. While an entry point
//! of a state with a host allocator runs, this OS thread's `CURRENT` names
//! that state's `HostAlloc` (set by `enter_state`), and allocations are
//! made by calling `f(ud, NULL, 0, n)`. Each such block carries one word in
//! front of it naming its `HostAlloc`, and is handed out at an address that
//! is 8 modulo 16; every other block comes from the C library's `malloc`
//! at an address that is 0 modulo 16 (x86-64 `malloc` gives 16-byte
//! alignment; anything less is corrected with `posix_memalign`). So a
//! block is always freed by whoever gave it, whatever state is current
//! when it is freed. Blocks that must be 16-aligned (userdata payloads)
//! carry a 16-byte header instead, whose owner word is 0 for a system
//! block; alignments above 16 always come from the system.
//!
//! Refusals: Rust's ordinary collections cannot fail an allocation (they
//! abort), so when the host refuses one of those the block is taken from
//! the system instead and the state's `refused` flag is raised; the VM
//! turns the flag into the "not enough memory" error (`LUA_ERRMEM`) at its
//! next check (`Lua::gc_check`, loop back-edges). The paths a script can
//! drive to a large size (string building, `lua_newuserdata`, table
//! constructors) reserve their memory with `try_reserve` inside `fallible`,
//! where a refusal is returned to them and becomes the same error at once.
//!
//! `lua_close` frees everything with the state's `HostAlloc` current; when
//! a block is still outstanding after that (memory some library kept), the
//! `HostAlloc` is kept alive and marked closed, and such blocks are then
//! leaked rather than given to an allocator the host may have torn down.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A host allocator function (`lua_Alloc`).
pub type AllocFn = unsafe extern "C" fn(
    ud: *mut c_void,
    ptr: *mut c_void,
    osize: usize,
    nsize: usize,
) -> *mut c_void;

/// Extra bytes asked of the host for a block of alignment up to 8 (the
/// owner word, and room to move the payload to an address 8 modulo 16).
const HEADER: usize = 16;
/// Extra bytes for a 16-aligned block (see `alloc16`).
const HEADER16: usize = 32;

/// One state's host allocator and its bookkeeping.
pub struct HostAlloc {
    /// The allocator and its data (`lua_setallocf` replaces them).
    f: Cell<AllocFn>,
    ud: Cell<*mut c_void>,
    /// Blocks and bytes currently held from the host.
    blocks: Cell<usize>,
    bytes: Cell<usize>,
    /// The host refused a block that had to be taken from the system.
    refused: Cell<bool>,
    /// The state is closed: blocks freed from now on are leaked.
    closed: Cell<bool>,
}

impl HostAlloc {
    /// Install another allocator (`lua_setallocf`); it must be able to
    /// free and resize the blocks the previous one gave, as the manual
    /// requires.
    pub fn replace(&self, f: AllocFn, ud: *mut c_void) {
        self.f.set(f);
        self.ud.set(ud);
    }

    /// Bytes currently held from the host.
    pub fn bytes(&self) -> usize {
        self.bytes.get()
    }

    /// Read and clear the refusal flag.
    pub fn take_refusal(&self) -> bool {
        self.refused.replace(false)
    }
}

/// States with a host allocator that are alive: while there are none,
/// allocation skips every thread-local lookup.
static HOST_STATES: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The host allocator of the state whose code runs on this thread.
    static CURRENT: Cell<*const HostAlloc> = const { Cell::new(std::ptr::null()) };
    /// Inside `fallible`: a refusal is reported, not replaced.
    static FALLIBLE: Cell<bool> = const { Cell::new(false) };
}

/// Make a `HostAlloc` for `f`/`ud` (allocated from the system).
pub fn new_host(f: AllocFn, ud: *mut c_void) -> *const HostAlloc {
    let prev = CURRENT.with(|c| c.replace(std::ptr::null()));
    let b = Box::new(HostAlloc {
        f: Cell::new(f),
        ud: Cell::new(ud),
        blocks: Cell::new(0),
        bytes: Cell::new(0),
        refused: Cell::new(false),
        closed: Cell::new(false),
    });
    CURRENT.with(|c| c.set(prev));
    HOST_STATES.fetch_add(1, Ordering::Relaxed);
    Box::into_raw(b)
}

/// Retire a `HostAlloc` after its state was freed: it is freed when no
/// block of its is outstanding, kept (and closed) otherwise. Returns the
/// blocks still outstanding.
///
/// # Safety
/// `h` came from `new_host` and is retired once.
pub unsafe fn retire_host(h: *const HostAlloc) -> usize {
    let left = (*h).blocks.get();
    (*h).closed.set(true);
    HOST_STATES.fetch_sub(1, Ordering::Relaxed);
    if left == 0 {
        let prev = CURRENT.with(|c| c.replace(std::ptr::null()));
        drop(Box::from_raw(h as *mut HostAlloc));
        CURRENT.with(|c| c.set(prev));
    }
    left
}

/// No state with a host allocator is alive: `enter_state(null)` and
/// `leave_state(null, null)` would do nothing (the C API's fast path).
#[inline(always)]
pub fn no_host_states() -> bool {
    HOST_STATES.load(Ordering::Relaxed) == 0
}

/// Make `h` (or the system, for null) the allocator of this thread's
/// allocations; returns the previous one for `leave_state`.
#[inline]
pub fn enter_state(h: *const HostAlloc) -> *const HostAlloc {
    if h.is_null() && HOST_STATES.load(Ordering::Relaxed) == 0 {
        return std::ptr::null();
    }
    CURRENT.with(|c| c.replace(h))
}

/// Undo `enter_state`.
#[inline]
pub fn leave_state(h: *const HostAlloc, prev: *const HostAlloc) {
    if h.is_null() && prev.is_null() && HOST_STATES.load(Ordering::Relaxed) == 0 {
        return;
    }
    CURRENT.with(|c| c.set(prev));
}

/// Run `f` with refusals reported to it (for `try_reserve` paths).
#[inline]
pub fn fallible<R>(f: impl FnOnce() -> R) -> R {
    if HOST_STATES.load(Ordering::Relaxed) == 0 {
        return f();
    }
    let prev = FALLIBLE.with(|c| c.replace(true));
    let r = f();
    FALLIBLE.with(|c| c.set(prev));
    r
}

/// A system block for alignment up to 16: the C library's `malloc`, whose
/// blocks are 16-aligned on x86-64 (so their addresses are 0 modulo 16,
/// see the module docs); a `malloc` that hands out less is corrected with
/// `posix_memalign`.
#[inline]
unsafe fn sys_alloc(size: usize) -> *mut u8 {
    let p = libc::malloc(size) as *mut u8;
    if (p as usize) & 15 == 0 {
        return p;
    }
    sys_alloc_aligned(p, size)
}

#[cold]
unsafe fn sys_alloc_aligned(p: *mut u8, size: usize) -> *mut u8 {
    libc::free(p as *mut c_void);
    let mut q: *mut c_void = std::ptr::null_mut();
    if libc::posix_memalign(&mut q, 16, size) != 0 {
        return std::ptr::null_mut();
    }
    q as *mut u8
}

#[inline]
unsafe fn sys_realloc(p: *mut u8, old: usize, new: usize) -> *mut u8 {
    let q = libc::realloc(p as *mut c_void, new) as *mut u8;
    if q.is_null() || (q as usize) & 15 == 0 {
        return q;
    }
    // Moved to a block that is not 16-aligned: move it again.
    let r = sys_alloc_aligned(std::ptr::null_mut(), new);
    if !r.is_null() {
        std::ptr::copy_nonoverlapping(q, r, old.min(new));
    }
    libc::free(q as *mut c_void);
    r
}

/// The process allocator (see the module docs).
pub struct CelluaAlloc;

#[inline]
fn is_host_block(p: *mut u8) -> bool {
    (p as usize) & 15 == 8
}

unsafe fn host_alloc(h: *const HostAlloc, l: Layout) -> *mut u8 {
    let h = &*h;
    let total = l.size() + HEADER;
    let p = if h.closed.get() {
        std::ptr::null_mut()
    } else {
        (h.f.get())(h.ud.get(), std::ptr::null_mut(), 0, total) as *mut u8
    };
    if p.is_null() || (p as usize) & 7 != 0 {
        if !p.is_null() {
            // Not even 8-aligned: unusable; give it back.
            (h.f.get())(h.ud.get(), p as *mut c_void, total, 0);
        }
        if FALLIBLE.with(|c| c.get()) {
            return std::ptr::null_mut();
        }
        h.refused.set(true);
        return sys_alloc(l.size());
    }
    // A 16-aligned block starts its payload 8 bytes in; an 8-aligned one
    // 16 bytes in; both payloads are 8 modulo 16.
    let (q, off) = if (p as usize) & 15 == 0 {
        (p.add(8), 0usize)
    } else {
        (p.add(16), 1usize)
    };
    (q.sub(8) as *mut usize).write((h as *const HostAlloc as usize) | off);
    h.blocks.set(h.blocks.get() + 1);
    h.bytes.set(h.bytes.get() + total);
    q
}

unsafe fn host_free(q: *mut u8, l: Layout) {
    let word = (q.sub(8) as *const usize).read();
    let h = &*((word & !7) as *const HostAlloc);
    let p = if word & 1 == 0 { q.sub(8) } else { q.sub(16) };
    let total = l.size() + HEADER;
    h.blocks.set(h.blocks.get().saturating_sub(1));
    h.bytes.set(h.bytes.get().saturating_sub(total));
    if !h.closed.get() {
        (h.f.get())(h.ud.get(), p as *mut c_void, total, 0);
    }
}

/// A 16-aligned block: `[.. pad | offset word | owner word | payload]`,
/// the payload 16-aligned, the owner 0 for a system block.
unsafe fn alloc16(l: Layout) -> *mut u8 {
    let h = if HOST_STATES.load(Ordering::Relaxed) != 0 {
        CURRENT.with(|c| c.get())
    } else {
        std::ptr::null()
    };
    if !h.is_null() {
        let hr = &*h;
        let total = l.size() + HEADER16;
        let p = if hr.closed.get() {
            std::ptr::null_mut()
        } else {
            (hr.f.get())(hr.ud.get(), std::ptr::null_mut(), 0, total) as *mut u8
        };
        if !p.is_null() && (p as usize) & 7 == 0 {
            let q = ((p as usize + 16 + 15) & !15) as *mut u8;
            (q.sub(16) as *mut usize).write(q as usize - p as usize);
            (q.sub(8) as *mut usize).write(h as usize);
            hr.blocks.set(hr.blocks.get() + 1);
            hr.bytes.set(hr.bytes.get() + total);
            return q;
        }
        if !p.is_null() {
            (hr.f.get())(hr.ud.get(), p as *mut c_void, total, 0);
        }
        if FALLIBLE.with(|c| c.get()) {
            return std::ptr::null_mut();
        }
        hr.refused.set(true);
    }
    let p = sys_alloc(l.size() + 16);
    if p.is_null() {
        return p;
    }
    let q = p.add(16);
    (q.sub(16) as *mut usize).write(16);
    (q.sub(8) as *mut usize).write(0);
    q
}

unsafe fn free16(q: *mut u8, l: Layout) {
    let off = (q.sub(16) as *const usize).read();
    let owner = (q.sub(8) as *const usize).read() as *const HostAlloc;
    let p = q.sub(off);
    if owner.is_null() {
        libc::free(p as *mut c_void);
        return;
    }
    let h = &*owner;
    let total = l.size() + HEADER16;
    h.blocks.set(h.blocks.get().saturating_sub(1));
    h.bytes.set(h.bytes.get().saturating_sub(total));
    if !h.closed.get() {
        (h.f.get())(h.ud.get(), p as *mut c_void, total, 0);
    }
}

// SAFETY: every block is freed by the allocator that made it: host blocks
// are recognised by their address class and owner word (or, 16-aligned,
// by their header); system blocks come from malloc/posix_memalign and go
// back to free.
unsafe impl GlobalAlloc for CelluaAlloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if l.align() <= 8 {
            if HOST_STATES.load(Ordering::Relaxed) != 0 {
                let h = CURRENT.with(|c| c.get());
                if !h.is_null() {
                    return host_alloc(h, l);
                }
            }
            sys_alloc(l.size())
        } else if l.align() == 16 {
            alloc16(l)
        } else {
            System.alloc(l)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        if l.align() <= 8
            && (HOST_STATES.load(Ordering::Relaxed) == 0 || CURRENT.with(|c| c.get()).is_null())
        {
            let p = libc::calloc(1, l.size()) as *mut u8;
            if (p as usize) & 15 == 0 {
                return p;
            }
            let q = sys_alloc_aligned(p, l.size());
            if !q.is_null() {
                std::ptr::write_bytes(q, 0, l.size());
            }
            return q;
        }
        let p = self.alloc(l);
        if !p.is_null() {
            std::ptr::write_bytes(p, 0, l.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        if l.align() <= 8 {
            if is_host_block(p) {
                host_free(p, l)
            } else {
                libc::free(p as *mut c_void)
            }
        } else if l.align() == 16 {
            free16(p, l)
        } else {
            System.dealloc(p, l)
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        let plain = l.align() <= 8
            && !is_host_block(p)
            && (HOST_STATES.load(Ordering::Relaxed) == 0 || CURRENT.with(|c| c.get()).is_null());
        if plain {
            return sys_realloc(p, l.size(), new_size);
        }
        if l.align() > 16 {
            return System.realloc(p, l, new_size);
        }
        let nl = Layout::from_size_align_unchecked(new_size, l.align());
        let n = self.alloc(nl);
        if !n.is_null() {
            std::ptr::copy_nonoverlapping(p, n, l.size().min(new_size));
            self.dealloc(p, l);
        }
        n
    }
}

/// Where the VM looks for a refusal of its state's host allocator: the
/// state's `HostAlloc`, or nothing for a state on the system allocator.
#[derive(Clone, Copy)]
pub struct RefusalFlag(*const HostAlloc);

impl Default for RefusalFlag {
    fn default() -> Self {
        RefusalFlag(std::ptr::null())
    }
}

impl RefusalFlag {
    /// The flag of `h` (null: none). `h` must outlive every use of the
    /// flag: `lua_newstate` retires it only after the state is freed.
    pub fn of(h: *const HostAlloc) -> RefusalFlag {
        RefusalFlag(h)
    }

    /// Did the host refuse a block since the last call? (Clears it.)
    #[inline]
    pub fn take(self) -> bool {
        if self.0.is_null() {
            return false;
        }
        // SAFETY: a non-null flag points to a live HostAlloc (see `of`).
        unsafe { (*self.0).take_refusal() }
    }

    /// Bytes the state holds from its host allocator (None: none).
    pub fn host_bytes(self) -> Option<usize> {
        if self.0.is_null() {
            return None;
        }
        // SAFETY: as in `take`.
        Some(unsafe { (*self.0).bytes() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
    static USED: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "C" fn capped(
        _ud: *mut c_void,
        p: *mut c_void,
        osize: usize,
        nsize: usize,
    ) -> *mut c_void {
        // SAFETY: `p` is NULL or a block this allocator made with malloc.
        if nsize == 0 {
            USED.fetch_sub(osize, Ordering::SeqCst);
            libc::free(p);
            return std::ptr::null_mut();
        }
        if USED.load(Ordering::SeqCst) + nsize > LIMIT.load(Ordering::SeqCst) {
            return std::ptr::null_mut();
        }
        USED.fetch_add(nsize, Ordering::SeqCst);
        libc::malloc(nsize)
    }

    #[test]
    fn host_blocks_go_back_to_the_host_and_refusals_are_flagged() {
        let h = new_host(capped, std::ptr::null_mut());
        let prev = enter_state(h);
        let v: Vec<u64> = (0..1000).collect();
        let b16: Box<[u128]> = vec![7u128; 10].into_boxed_slice();
        assert!(USED.load(Ordering::SeqCst) >= 8000 + 160);
        assert_eq!((b16.as_ptr() as usize) % 16, 0);
        LIMIT.store(USED.load(Ordering::SeqCst), Ordering::SeqCst);
        // Fallible: the refusal is reported.
        let mut w: Vec<u8> = Vec::new();
        assert!(fallible(|| w.try_reserve(1 << 20)).is_err());
        // Infallible: served by the system, flagged.
        let x: Vec<u8> = vec![1; 4096];
        assert!(RefusalFlag::of(h).take());
        assert!(!RefusalFlag::of(h).take());
        leave_state(h, prev);
        drop((v, b16, x, w));
        assert_eq!(USED.load(Ordering::SeqCst), 0);
        // SAFETY: made above, retired once.
        assert_eq!(unsafe { retire_host(h) }, 0);
    }
}
