//! The os library of Lua 5.1 (manual §5.8), behaving as Debian's lua5.1:
//! the same C library calls with the same arguments, so results follow
//! glibc exactly (`os.date` hands each `%x` conversion to `strftime` on
//! its own with a 200-byte buffer, as 5.1 does, so an unknown conversion
//! comes back as glibc prints it; `os.time` normalises through `mktime`;
//! `os.execute` returns `system`'s raw wait status; `os.clock` is the
//! process's CPU time from `clock`).
//!
//! `os.exit` calls C's `exit`, which flushes C's streams (all standard
//! output is C's `stdout`, see io.rs); as in 5.1 the state is not closed,
//! so no finalizer runs. The `unsafe` here is confined to the
//! small helpers that call the C library.

use super::io::{c_string, check_option, push_failure};
use super::{lib_table, num_to_int};
use crate::error::LuaResult;
use crate::value::Value;
use crate::vm::Lua;
use std::ffi::CStr;
use std::ptr;

extern "C" {
    /// ISO C `clock` (the libc crate does not declare it).
    fn clock() -> libc::clock_t;
}

/// glibc's CLOCKS_PER_SEC (POSIX fixes it at one million).
const CLOCKS_PER_SEC: f64 = 1_000_000.0;

/// Give SIGPIPE back its default action (end the process), as a C program
/// such as lua5.1 starts with. The Rust runtime ignores SIGPIPE before
/// `main`, and an ignored signal stays ignored in the commands started by
/// `os.execute` and `io.popen`, so a `yes | head -1` run from a script
/// would see EPIPE instead of being stopped. The `cellua` interpreter calls
/// this first thing; the library never does, so C hosts keep whatever
/// signal handling they chose.
pub fn restore_sigpipe() {
    // SAFETY: installing the default disposition touches no Rust state and
    // no handler code; it changes only what the kernel does on SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Make the C library's allocator use one arena for every thread. The
/// `cellua` interpreter runs scripts on a second thread (for its large
/// stack); glibc would give that thread an arena of its own, next to the
/// main one, which costs a few hundred KB of resident memory for nothing.
/// Called by the interpreter only; a library must not tune its host's
/// allocator.
pub fn single_malloc_arena() {
    // SAFETY: mallopt only changes glibc's allocator settings; it is
    // called before the interpreter starts any thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

// ----- C library helpers -----------------------------------------------------

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// An all-zero `struct tm`.
fn zero_tm() -> libc::tm {
    libc::tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: ptr::null(),
    }
}

/// `gmtime_r` (utc) or `localtime_r`; None when the time does not fit.
fn broken_down(t: libc::time_t, utc: bool) -> Option<libc::tm> {
    let mut tm = zero_tm();
    let r = if utc {
        // SAFETY: both pointers refer to live locals for the whole call.
        unsafe { libc::gmtime_r(&t, &mut tm) }
    } else {
        // SAFETY: as above.
        unsafe { libc::localtime_r(&t, &mut tm) }
    };
    (!r.is_null()).then_some(tm)
}

/// `strftime` of one conversion (`%c` plus its NUL) into a 200-byte
/// buffer, as 5.1 does; the bytes produced (none when they do not fit).
fn strftime_one(spec: &[u8; 3], tm: &libc::tm, out: &mut Vec<u8>) {
    let mut buf = [0u8; 200];
    // SAFETY: `spec` is NUL-terminated, `buf` is writable for its length,
    // and `tm` is a valid broken-down time from gmtime_r/localtime_r.
    let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), buf.len(), spec.as_ptr().cast(), tm) };
    out.extend_from_slice(&buf[..n.min(buf.len())]);
}

fn c_mktime(tm: &mut libc::tm) -> libc::time_t {
    // SAFETY: `tm` is a valid, exclusively borrowed `struct tm`.
    unsafe { libc::mktime(tm) }
}

fn c_difftime(t1: libc::time_t, t0: libc::time_t) -> f64 {
    // SAFETY: plain arithmetic on two values.
    unsafe { libc::difftime(t1, t0) }
}

fn c_clock() -> f64 {
    // SAFETY: no arguments, no memory access.
    (unsafe { clock() }) as f64 / CLOCKS_PER_SEC
}

fn c_system(cmd: Option<&CStr>) -> i32 {
    let p = cmd.map_or(ptr::null(), |c| c.as_ptr());
    // SAFETY: `p` is NULL (asks whether a shell exists) or a valid
    // NUL-terminated command.
    unsafe { libc::system(p) }
}

fn c_remove(name: &CStr) -> bool {
    // SAFETY: a valid NUL-terminated path.
    unsafe { libc::remove(name.as_ptr()) == 0 }
}

fn c_rename(from: &CStr, to: &CStr) -> bool {
    // SAFETY: two valid NUL-terminated paths.
    unsafe { libc::rename(from.as_ptr(), to.as_ptr()) == 0 }
}

/// A fresh name from `mkstemp("/tmp/lua_XXXXXX")` (the file is created,
/// then its descriptor closed, as 5.1 does).
fn c_tmpname() -> Option<Vec<u8>> {
    let mut template = *b"/tmp/lua_XXXXXX\0";
    // SAFETY: `template` is a writable NUL-terminated buffer ending in six
    // X's, as mkstemp requires.
    let fd = unsafe { libc::mkstemp(template.as_mut_ptr().cast()) };
    if fd == -1 {
        return None;
    }
    // SAFETY: `fd` was just opened by mkstemp and is ours to close.
    unsafe { libc::close(fd) };
    Some(template[..template.len() - 1].to_vec())
}

/// `setlocale(category, locale)`; None when refused.
fn c_setlocale(category: libc::c_int, locale: Option<&CStr>) -> Option<Vec<u8>> {
    let p = locale.map_or(ptr::null(), |c| c.as_ptr());
    // SAFETY: `p` is NULL (query) or a valid NUL-terminated name.
    let r = unsafe { libc::setlocale(category, p) };
    if r.is_null() {
        return None;
    }
    // SAFETY: a non-NULL result is a NUL-terminated string valid until the
    // next setlocale call; it is copied out at once.
    Some(unsafe { CStr::from_ptr(r) }.to_bytes().to_vec())
}

/// The current calendar time (`time(NULL)`).
fn now() -> libc::time_t {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as libc::time_t,
        Err(e) => -(e.duration().as_secs() as libc::time_t),
    }
}

/// 5.1's `(time_t)` cast of a Lua number.
fn to_time(n: f64) -> libc::time_t {
    num_to_int(n) as libc::time_t
}

// ----- the library ---------------------------------------------------------------

fn os_clock(lua: &mut Lua) -> LuaResult<usize> {
    lua.ret(&[Value::Number(c_clock())])
}

fn os_date(lua: &mut Lua) -> LuaResult<usize> {
    let fmt = lua.opt_bytes(1, b"%c")?;
    let t = if lua.arg(2).is_nil() {
        now()
    } else {
        to_time(lua.check_number(2)?)
    };
    let fmt = c_string(&fmt);
    let mut s = fmt.as_bytes();
    let utc = s.first() == Some(&b'!');
    if utc {
        s = &s[1..];
    }
    let Some(tm) = broken_down(t, utc) else {
        return lua.ret(&[Value::Nil]);
    };
    if s == b"*t" {
        let t = lua.heap.new_table(0, 9);
        let fields = [
            (&b"sec"[..], tm.tm_sec),
            (b"min", tm.tm_min),
            (b"hour", tm.tm_hour),
            (b"day", tm.tm_mday),
            (b"month", tm.tm_mon + 1),
            (b"year", tm.tm_year + 1900),
            (b"wday", tm.tm_wday + 1),
            (b"yday", tm.tm_yday + 1),
        ];
        for (k, v) in fields {
            lua.set_field(t, k, Value::Number(v as f64));
        }
        if tm.tm_isdst >= 0 {
            lua.set_field(t, b"isdst", Value::Boolean(tm.tm_isdst != 0));
        }
        return lua.ret(&[Value::Table(t)]);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'%' || i + 1 == s.len() {
            out.push(s[i]);
            i += 1;
        } else {
            strftime_one(&[b'%', s[i + 1], 0], &tm, &mut out);
            i += 2;
        }
    }
    let v = lua.new_big_str(&out)?;
    lua.ret(&[v])
}

/// A field of `os.time`'s table (read with metamethods, as `lua_getfield`
/// does), narrowed to a C int; `default < 0` makes it required.
fn date_field(lua: &mut Lua, t: Value, key: &str, default: i32) -> LuaResult<i32> {
    let k = lua.new_str(key.as_bytes());
    let v = lua.index(t, k, None)?;
    match lua.to_number(v) {
        Some(n) => Ok(num_to_int(n) as i32),
        None if default < 0 => Err(lua.lib_error(format!("field '{key}' missing in date table"))),
        None => Ok(default),
    }
}

fn os_time(lua: &mut Lua) -> LuaResult<usize> {
    let t = if lua.arg(1).is_nil() {
        now()
    } else {
        let tab = Value::Table(lua.check_table(1)?);
        let mut tm = zero_tm();
        tm.tm_sec = date_field(lua, tab, "sec", 0)?;
        tm.tm_min = date_field(lua, tab, "min", 0)?;
        tm.tm_hour = date_field(lua, tab, "hour", 12)?;
        tm.tm_mday = date_field(lua, tab, "day", -1)?;
        tm.tm_mon = date_field(lua, tab, "month", -1)?.wrapping_sub(1);
        tm.tm_year = date_field(lua, tab, "year", -1)?.wrapping_sub(1900);
        let k = lua.new_str(b"isdst");
        let dst = lua.index(tab, k, None)?;
        tm.tm_isdst = if dst.is_nil() {
            -1
        } else {
            dst.truthy() as i32
        };
        c_mktime(&mut tm)
    };
    if t == -1 {
        lua.ret(&[Value::Nil])
    } else {
        lua.ret(&[Value::Number(t as f64)])
    }
}

fn os_difftime(lua: &mut Lua) -> LuaResult<usize> {
    let t1 = to_time(lua.check_number(1)?);
    let t0 = to_time(lua.opt_number(2, 0.0)?);
    lua.ret(&[Value::Number(c_difftime(t1, t0))])
}

fn os_execute(lua: &mut Lua) -> LuaResult<usize> {
    let cmd = if lua.arg(1).is_nil() {
        None
    } else {
        Some(c_string(&lua.check_bytes(1)?))
    };
    let status = c_system(cmd.as_deref());
    lua.ret(&[Value::Number(status as f64)])
}

fn os_exit(lua: &mut Lua) -> LuaResult<usize> {
    let code = lua.opt_cint(1, 0)? as i32;
    // `process::exit` ends in C's `exit`: C streams are flushed there.
    std::process::exit(code)
}

fn os_getenv(lua: &mut Lua) -> LuaResult<usize> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let name = lua.check_bytes(1)?;
    let name = c_string(&name);
    let v = if name.as_bytes().is_empty() {
        None
    } else {
        std::env::var_os(std::ffi::OsStr::from_bytes(name.as_bytes()))
    };
    match v {
        Some(v) => {
            let s = lua.new_str(&v.into_vec());
            lua.ret(&[s])
        }
        None => lua.ret(&[Value::Nil]),
    }
}

/// 5.1's `os_pushresult`: true, or nil, "<name>: <strerror>", errno.
fn push_os_result(lua: &mut Lua, ok: bool, name: &[u8]) -> LuaResult<usize> {
    if ok {
        lua.ret(&[Value::Boolean(true)])
    } else {
        push_failure(lua, errno(), Some(name))
    }
}

fn os_remove(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let ok = c_remove(&c_string(&name));
    push_os_result(lua, ok, &name)
}

fn os_rename(lua: &mut Lua) -> LuaResult<usize> {
    let from = lua.check_bytes(1)?;
    let to = lua.check_bytes(2)?;
    let ok = c_rename(&c_string(&from), &c_string(&to));
    push_os_result(lua, ok, &from)
}

fn os_setlocale(lua: &mut Lua) -> LuaResult<usize> {
    let locale = if lua.arg(1).is_nil() {
        None
    } else {
        Some(c_string(&lua.check_bytes(1)?))
    };
    let names = ["all", "collate", "ctype", "monetary", "numeric", "time"];
    let cats = [
        libc::LC_ALL,
        libc::LC_COLLATE,
        libc::LC_CTYPE,
        libc::LC_MONETARY,
        libc::LC_NUMERIC,
        libc::LC_TIME,
    ];
    let op = check_option(lua, 2, Some("all"), &names)?;
    match c_setlocale(cats[op], locale.as_deref()) {
        Some(r) => {
            let s = lua.new_str(&r);
            lua.ret(&[s])
        }
        None => lua.ret(&[Value::Nil]),
    }
}

fn os_tmpname(lua: &mut Lua) -> LuaResult<usize> {
    match c_tmpname() {
        Some(n) => {
            let s = lua.new_str(&n);
            lua.ret(&[s])
        }
        None => Err(lua.lib_error("unable to generate a unique filename")),
    }
}

/// Open the os library into the globals (`luaopen_os`).
pub fn open(lua: &mut Lua) {
    let os = lib_table(lua, b"os");
    let funcs: [(&'static str, crate::heap::RustFn); 11] = [
        ("clock", os_clock),
        ("date", os_date),
        ("difftime", os_difftime),
        ("execute", os_execute),
        ("exit", os_exit),
        ("getenv", os_getenv),
        ("remove", os_remove),
        ("rename", os_rename),
        ("setlocale", os_setlocale),
        ("time", os_time),
        ("tmpname", os_tmpname),
    ];
    for (name, f) in funcs {
        lua.register(os, name, f);
    }
}
