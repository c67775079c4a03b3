//! The io library of Lua 5.1 (manual §5.7), behaving as Debian's lua5.1.
//!
//! A file handle is a full userdata whose payload is exactly one C
//! `FILE *` (C modules do `FILE **f = luaL_checkudata(L, 1, "FILE*")`),
//! with the metatable stored in the registry under `"FILE*"`
//! (LUA_FILEHANDLE). Closing a handle sets the pointer to NULL; every C
//! stdio call goes through a small helper below that receives a non-NULL
//! pointer taken from a live handle, which is the only `unsafe` here.
//!
//! As in 5.1, how a handle closes depends on its environment table's
//! `__close` field: files of `io.open`/`io.lines`/`io.tmpfile` share the
//! library's environment (`fclose`), those of `io.popen` the pipe
//! environment (`pclose`, which returns true, not the exit status), and the
//! standard files an environment that refuses ("cannot close standard
//! file"). The library's environment also holds the default input (index
//! 1) and output (index 2), as in 5.1.
//!
//! Standard output is C's `stdout` and nothing else: `print` (in
//! base.rs, through [`stdout_write`]), `io.write` and every method on
//! `io.stdout` write to, flush, seek and set the buffering of that one
//! `FILE *`, as 5.1 does. Its buffering is therefore the C library's
//! (fully buffered into a pipe or file, line-buffered on a terminal), so a
//! command run by `os.execute` may print before earlier buffered output,
//! `io.stdout:setvbuf` affects `print` too, and a C host or module that
//! mixes `printf` with Lua output sees the order liblua5.1 gives. Reading
//! a line-buffered or unbuffered stream makes glibc flush a line-buffered
//! `stdout` first, so prompts appear before input is read.
//!
//! Reading lines uses `getline`, so lines of any length and with embedded
//! zeros come back whole (5.1's `fgets`-and-`strlen` loop drops what
//! follows a zero byte; that is a 5.1 bug this library does not copy).
//! Reading numbers calls `fscanf("%lf")` exactly as 5.1 does, so hex,
//! `inf`, `nan` and partial-match consumption are glibc's.

use super::{lib_table, num_to_int};
use crate::error::LuaResult;
use crate::heap::{FrameKind, UserData};
use crate::value::{TableRef, UserDataRef, Value};
use crate::vm::{Lua, MULTRET};
use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr;

/// Registry key of the file-handle metatable (`LUA_FILEHANDLE`).
pub const FILEHANDLE: &[u8] = b"FILE*";

/// Slot of the default input file in the library's environment.
const IO_INPUT: f64 = 1.0;
/// Slot of the default output file in the library's environment.
const IO_OUTPUT: f64 = 2.0;

/// 5.1's LUAL_BUFFERSIZE (BUFSIZ): `setvbuf`'s default size.
const BUFFER_SIZE: i64 = 8192;

/// A C stdio stream.
type CFile = *mut libc::FILE;

// ----- C stdio primitives ----------------------------------------------------
//
// Every helper taking a `CFile` requires a non-NULL stream that has not been
// closed: callers take it from a live handle (`to_file`, `get_io_file`, the
// `lines` iterator), all of which refuse NULL, and a handle's pointer is set
// to NULL in the same step that closes the stream.

extern "C" {
    #[link_name = "stdin"]
    static mut C_STDIN: CFile;
    #[link_name = "stdout"]
    static mut C_STDOUT: CFile;
    #[link_name = "stderr"]
    static mut C_STDERR: CFile;
}

/// C's `stdin`, `stdout`, `stderr` (0, 1, 2).
fn std_stream(which: u8) -> CFile {
    match which {
        // SAFETY: glibc defines `stdin` before main; it is read by value
        // (no reference to the `static mut` is made).
        0 => unsafe { C_STDIN },
        // SAFETY: as for `stdin`.
        1 => unsafe { C_STDOUT },
        // SAFETY: as for `stdin`.
        _ => unsafe { C_STDERR },
    }
}

/// The current C `errno`.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// C's `strerror(e)`, as 5.1's messages quote it.
pub(super) fn strerror(e: i32) -> String {
    let s = std::io::Error::from_raw_os_error(e).to_string();
    let suffix = format!(" (os error {e})");
    match s.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => s,
    }
}

/// The message part of an I/O error as C's `strerror` words it (used by
/// `loadfile`'s "cannot open" message).
pub fn describe_io_error(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => strerror(code),
        None => e.to_string(),
    }
}

/// A Lua string as C sees it through `const char *`: cut at the first NUL.
pub(super) fn c_string(b: &[u8]) -> CString {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    // No NUL is left in `b[..end]`, so this cannot fail.
    CString::new(&b[..end]).unwrap_or_default()
}

fn c_fopen(name: &CStr, mode: &CStr) -> CFile {
    // SAFETY: both arguments are valid NUL-terminated strings.
    unsafe { libc::fopen(name.as_ptr(), mode.as_ptr()) }
}

fn c_popen(cmd: &CStr, mode: &CStr) -> CFile {
    // SAFETY: both arguments are valid NUL-terminated strings.
    unsafe { libc::popen(cmd.as_ptr(), mode.as_ptr()) }
}

fn c_tmpfile() -> CFile {
    // SAFETY: no arguments; returns NULL or a new stream.
    unsafe { libc::tmpfile() }
}

/// `fclose(f) == 0`; `f` is invalid afterwards whatever the result.
fn c_fclose(f: CFile) -> bool {
    // SAFETY: `f` is an open stream (see above) and the caller forgets it.
    unsafe { libc::fclose(f) == 0 }
}

/// `pclose(f) != -1`; `f` is invalid afterwards.
fn c_pclose(f: CFile) -> bool {
    // SAFETY: `f` is an open stream made by `popen` and the caller forgets it.
    unsafe { libc::pclose(f) != -1 }
}

/// `fflush(f)`; NULL flushes every output stream.
fn c_fflush(f: CFile) -> bool {
    // SAFETY: `f` is NULL (allowed: all streams) or an open stream.
    unsafe { libc::fflush(f) == 0 }
}

fn c_fread(f: CFile, buf: &mut [u8]) -> usize {
    // SAFETY: `f` is an open stream; `buf` is writable for `buf.len()` bytes.
    unsafe { libc::fread(buf.as_mut_ptr().cast(), 1, buf.len(), f) }
}

fn c_fwrite(f: CFile, buf: &[u8]) -> usize {
    // SAFETY: `f` is an open stream; `buf` is readable for `buf.len()` bytes.
    unsafe { libc::fwrite(buf.as_ptr().cast(), 1, buf.len(), f) }
}

fn c_ferror(f: CFile) -> bool {
    // SAFETY: `f` is an open stream.
    unsafe { libc::ferror(f) != 0 }
}

fn c_clearerr(f: CFile) {
    // SAFETY: `f` is an open stream.
    unsafe { libc::clearerr(f) }
}

/// `getc` then `ungetc`: is `f` at end of file?
fn c_at_eof(f: CFile) -> bool {
    // SAFETY: `f` is an open stream.
    let c = unsafe { libc::fgetc(f) };
    // SAFETY: `f` is an open stream; `ungetc(EOF)` is a documented no-op.
    unsafe { libc::ungetc(c, f) };
    c == libc::EOF
}

/// `fscanf(f, "%lf")`, as 5.1 reads a number.
fn c_scan_number(f: CFile) -> Option<f64> {
    let mut d: f64 = 0.0;
    // SAFETY: `f` is an open stream; the format has exactly one `%lf`
    // conversion and its argument points to a live `double`.
    let n = unsafe { libc::fscanf(f, c"%lf".as_ptr(), &mut d as *mut f64) };
    (n == 1).then_some(d)
}

/// `getline`'s buffer, kept for the thread's life so reading a line
/// costs no allocation of its own (the C library's memory, freed when the
/// thread ends).
struct LineBuf {
    p: *mut c_char,
    cap: libc::size_t,
}

impl Drop for LineBuf {
    fn drop(&mut self) {
        // SAFETY: `p` is NULL or the buffer getline allocated with malloc;
        // nothing else frees it.
        unsafe { libc::free(self.p.cast()) };
    }
}

thread_local! {
    static LINE_BUF: std::cell::RefCell<LineBuf> =
        const { std::cell::RefCell::new(LineBuf { p: ptr::null_mut(), cap: 0 }) };
}

/// Read one line with `getline` (newline included when there was one) and
/// hand it to `f`; None at end of file or on error with nothing read.
fn c_getline_with<R>(file: CFile, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    LINE_BUF.with(|b| {
        let mut guard = b.try_borrow_mut();
        let mut own = LineBuf {
            p: ptr::null_mut(),
            cap: 0,
        };
        // A nested read (only possible through a re-entrant stream) uses a
        // buffer of its own.
        let buf = match guard {
            Ok(ref mut g) => &mut **g,
            Err(_) => &mut own,
        };
        // SAFETY: `file` is an open stream; `buf.p`/`buf.cap` are NULL/0 or
        // a malloc'd buffer of that capacity that getline may grow.
        let n = unsafe { libc::getline(&mut buf.p, &mut buf.cap, file) };
        if n <= 0 || buf.p.is_null() {
            return None;
        }
        // SAFETY: on success the first `n` bytes of the buffer are the line.
        let line = unsafe { std::slice::from_raw_parts(buf.p.cast::<u8>(), n as usize) };
        Some(f(line))
    })
}

/// One line with `getline` (newline included when there was one) appended
/// to `out`; false at end of file or on error with nothing read.
fn c_getline(file: CFile, out: &mut Vec<u8>) -> bool {
    c_getline_with(file, |line| out.extend_from_slice(line)).is_some()
}

fn c_fseek(f: CFile, offset: i64, whence: c_int) -> bool {
    // SAFETY: `f` is an open stream.
    unsafe { libc::fseek(f, offset as libc::c_long, whence) == 0 }
}

fn c_ftell(f: CFile) -> i64 {
    // SAFETY: `f` is an open stream.
    unsafe { libc::ftell(f) as i64 }
}

fn c_setvbuf(f: CFile, mode: c_int, size: usize) -> bool {
    // SAFETY: `f` is an open stream; a NULL buffer lets the C library
    // allocate its own.
    unsafe { libc::setvbuf(f, ptr::null_mut(), mode, size) == 0 }
}

/// Write `b` to `f`; the `errno` of a failure.
fn write_bytes(f: CFile, b: &[u8]) -> Result<(), i32> {
    if c_fwrite(f, b) == b.len() {
        Ok(())
    } else {
        Err(errno())
    }
}

// ----- the standard streams for the rest of the crate and the interpreter ---

/// Write `b` to C's `stdout` (`print`'s output, the interpreter's prompts
/// and results); false when the C library reports a short write.
pub fn stdout_write(b: &[u8]) -> bool {
    b.is_empty() || c_fwrite(std_stream(1), b) == b.len()
}

/// `fflush(stdout)`.
pub fn stdout_flush() -> bool {
    c_fflush(std_stream(1))
}

/// One line of C's `stdin` (newline included when there was one), read
/// whole with `getline`; None at end of input or on error.
pub fn stdin_line() -> Option<Vec<u8>> {
    let mut line = Vec::new();
    c_getline(std_stream(0), &mut line).then_some(line)
}

// ----- handles -----------------------------------------------------------------

/// The `FILE *` stored in a handle (NULL when closed or not a handle).
fn handle_ptr(lua: &mut Lua, u: UserDataRef) -> CFile {
    match lua.heap.userdata.get_mut().get(u) {
        Some(ud) if ud.size >= std::mem::size_of::<CFile>() => match ud.data.first() {
            Some(&w) => ptr::with_exposed_provenance_mut(w as u64 as usize),
            None => ptr::null_mut(),
        },
        _ => ptr::null_mut(),
    }
}

/// Store `p` as the handle's `FILE *` (NULL marks it closed).
fn set_handle_ptr(lua: &mut Lua, u: UserDataRef, p: CFile) {
    if let Some(ud) = lua.heap.userdata.get_mut().get_mut(u) {
        if let Some(w) = ud.data.first_mut() {
            *w = p.expose_provenance() as u64 as u128;
        }
    }
}

/// The environment of the running native (the io library's state table).
fn current_env(lua: &mut Lua) -> TableRef {
    let func = match lua.frames.last().map(|f| &f.kind) {
        Some(FrameKind::Native { func }) => Some(*func),
        _ => None,
    };
    func.and_then(|f| lua.heap.natives.get_mut().get(f).map(|n| n.env))
        .unwrap_or(lua.globals)
}

/// The file-handle metatable from the registry.
fn file_metatable(lua: &mut Lua) -> Option<TableRef> {
    let reg = lua.registry;
    match lua.get_field(reg, FILEHANDLE) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// Is `v` a file handle (a userdata with the `FILE*` metatable)?
fn as_handle(lua: &mut Lua, v: Value) -> Option<UserDataRef> {
    let Value::UserData(u) = v else { return None };
    let mt = lua.get_metatable(v)?;
    (Some(mt) == file_metatable(lua)).then_some(u)
}

/// A new handle for `p` whose environment is the running function's (as
/// `lua_newuserdata` does in 5.1).
fn new_file(lua: &mut Lua, p: CFile) -> Value {
    let env = current_env(lua);
    new_file_with_env(lua, p, env)
}

fn new_file_with_env(lua: &mut Lua, p: CFile, env: TableRef) -> Value {
    let metatable = file_metatable(lua);
    let u = lua.heap.new_userdata(UserData {
        data: vec![0u128].into_boxed_slice(),
        size: std::mem::size_of::<CFile>(),
        metatable,
        env,
        serial: 0,
        finalized: false,
    });
    set_handle_ptr(lua, u, p);
    Value::UserData(u)
}

/// `luaL_checkudata(L, i, "FILE*")`.
fn check_handle(lua: &mut Lua, i: usize) -> LuaResult<UserDataRef> {
    let v = lua.arg(i);
    match as_handle(lua, v) {
        Some(u) => Ok(u),
        None => Err(lua.arg_type_error(i, "FILE*")),
    }
}

/// Argument `i` as an open file.
fn to_file(lua: &mut Lua, i: usize) -> LuaResult<(UserDataRef, CFile)> {
    let u = check_handle(lua, i)?;
    let p = handle_ptr(lua, u);
    if p.is_null() {
        return Err(lua.lib_error("attempt to use a closed file"));
    }
    Ok((u, p))
}

/// The default input (`IO_INPUT`) or output file, open.
fn get_io_file(lua: &mut Lua, slot: f64) -> LuaResult<CFile> {
    let env = current_env(lua);
    let v = lua.raw_get(env, &Value::Number(slot));
    let p = match as_handle(lua, v) {
        Some(u) => handle_ptr(lua, u),
        None => ptr::null_mut(),
    };
    if p.is_null() {
        let which = if slot == IO_INPUT { "input" } else { "output" };
        return Err(lua.lib_error(format!("standard {which} file is closed")));
    }
    Ok(p)
}

/// 5.1's `pushresult`: true, or nil, message (prefixed by `name`), errno.
fn push_result(lua: &mut Lua, r: Result<(), i32>, name: Option<&[u8]>) -> LuaResult<usize> {
    match r {
        Ok(()) => lua.ret(&[Value::Boolean(true)]),
        Err(e) => push_failure(lua, e, name),
    }
}

/// nil, "<name>: <strerror>" (or just the strerror), errno.
pub(super) fn push_failure(lua: &mut Lua, e: i32, name: Option<&[u8]>) -> LuaResult<usize> {
    let mut msg = Vec::new();
    if let Some(n) = name {
        msg.extend_from_slice(c_string(n).as_bytes());
        msg.extend_from_slice(b": ");
    }
    msg.extend_from_slice(strerror(e).as_bytes());
    let m = lua.new_str(&msg);
    lua.ret(&[Value::Nil, m, Value::Number(e as f64)])
}

/// `luaL_checkoption`: the index of argument `i` in `names` (compared as
/// C strings), `def` when absent and allowed.
pub(super) fn check_option(
    lua: &mut Lua,
    i: usize,
    def: Option<&str>,
    names: &[&str],
) -> LuaResult<usize> {
    let name = match def {
        Some(d) => lua.opt_bytes(i, d.as_bytes())?,
        None => lua.check_bytes(i)?,
    };
    let name = c_string(&name);
    if let Some(k) = names.iter().position(|n| n.as_bytes() == name.as_bytes()) {
        return Ok(k);
    }
    let mut msg = b"invalid option '".to_vec();
    msg.extend_from_slice(name.as_bytes());
    msg.push(b'\'');
    let msg = String::from_utf8_lossy(&msg).into_owned();
    Err(lua.arg_error(i, &msg))
}

/// A native with the given environment.
fn new_fn(lua: &mut Lua, f: crate::heap::RustFn, name: &'static str, env: TableRef) -> Value {
    let v = lua.new_native(f, name, Vec::new());
    if let Value::NativeFunction(r) = v {
        if let Some(n) = lua.heap.natives.get_mut().get_mut(r) {
            n.env = env;
        }
    }
    v
}

// ----- closing -----------------------------------------------------------------

/// How a handle closes, from its environment's `__close`.
enum Closer {
    File,
    Pipe,
    Std,
    Other(Value),
}

fn closer_of(lua: &mut Lua, u: UserDataRef) -> Closer {
    let env = lua.heap.userdata.get_mut().get(u).map(|ud| ud.env);
    let close = match env {
        Some(e) => lua.get_field(e, b"__close"),
        None => Value::Nil,
    };
    match close {
        Value::Nil => Closer::File,
        Value::NativeFunction(r) => {
            let f = lua.heap.natives.get_mut().get(r).map(|n| n.func);
            match f {
                Some(f) if ptr::fn_addr_eq(f, close_file as crate::heap::RustFn) => Closer::File,
                Some(f) if ptr::fn_addr_eq(f, close_pipe as crate::heap::RustFn) => Closer::Pipe,
                Some(f) if ptr::fn_addr_eq(f, close_std as crate::heap::RustFn) => Closer::Std,
                _ => Closer::Other(close),
            }
        }
        other => Closer::Other(other),
    }
}

/// 5.1's `aux_close`: close an open handle the way its environment says.
fn aux_close(lua: &mut Lua, u: UserDataRef) -> LuaResult<usize> {
    match closer_of(lua, u) {
        Closer::File => do_close(lua, u, false),
        Closer::Pipe => do_close(lua, u, true),
        Closer::Std => std_refusal(lua),
        Closer::Other(f) => {
            let at = lua.call_value(f, &[Value::UserData(u)], MULTRET)?;
            Ok(lua.top - at)
        }
    }
}

fn do_close(lua: &mut Lua, u: UserDataRef, pipe: bool) -> LuaResult<usize> {
    let p = handle_ptr(lua, u);
    if p.is_null() {
        return Err(lua.lib_error("attempt to use a closed file"));
    }
    set_handle_ptr(lua, u, ptr::null_mut());
    let ok = if pipe { c_pclose(p) } else { c_fclose(p) };
    let r = if ok { Ok(()) } else { Err(errno()) };
    push_result(lua, r, None)
}

fn std_refusal(lua: &mut Lua) -> LuaResult<usize> {
    let m = lua.new_str(b"cannot close standard file");
    lua.ret(&[Value::Nil, m])
}

/// `__close` of ordinary files.
fn close_file(lua: &mut Lua) -> LuaResult<usize> {
    let u = check_handle(lua, 1)?;
    do_close(lua, u, false)
}

/// `__close` of `io.popen` files.
fn close_pipe(lua: &mut Lua) -> LuaResult<usize> {
    let u = check_handle(lua, 1)?;
    do_close(lua, u, true)
}

/// `__close` of the standard files.
fn close_std(lua: &mut Lua) -> LuaResult<usize> {
    std_refusal(lua)
}

// ----- reading -----------------------------------------------------------------

/// `*l`: a line without its newline; None at end of file.
fn read_line(lua: &mut Lua, f: CFile) -> LuaResult<Option<Value>> {
    let r = c_getline_with(f, |line| {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        lua.new_big_str(line)
    });
    match r {
        Some(v) => Ok(Some(v?)),
        None => Ok(None),
    }
}

/// Up to `n` bytes (`*a`: all of them); None when `n > 0` and nothing was
/// read.
fn read_chars(lua: &mut Lua, f: CFile, n: u64) -> LuaResult<Option<Value>> {
    let mut buf: Vec<u8> = Vec::new();
    let mut left = n;
    let mut chunk: u64 = 8192;
    while left > 0 {
        let want = chunk.min(left) as usize;
        let old = buf.len();
        buf.try_reserve(want)
            .map_err(|_| crate::error::LuaError::Memory)?;
        buf.resize(old + want, 0);
        let got = c_fread(f, &mut buf[old..]);
        buf.truncate(old + got);
        left -= got as u64;
        if got < want {
            break;
        }
        chunk = (chunk * 2).min(1 << 20);
    }
    if left == 0 || !buf.is_empty() {
        Ok(Some(lua.new_big_str(&buf)?))
    } else {
        Ok(None)
    }
}

/// 5.1's `g_read`: the formats are arguments `first..`.
fn g_read(lua: &mut Lua, f: CFile, first: usize) -> LuaResult<usize> {
    c_clearerr(f);
    let nargs = lua.nargs();
    // A failed read gives nil in its place and ends the reading.
    let mut results: Vec<Value> = Vec::new();
    if nargs < first {
        let r = read_line(lua, f)?;
        results.push(r.unwrap_or(Value::Nil));
    } else {
        for n in first..=nargs {
            let r = match lua.arg(n) {
                Value::Number(x) => {
                    let count = num_to_int(x) as u64;
                    if count == 0 {
                        if c_at_eof(f) {
                            None
                        } else {
                            Some(lua.new_str(b""))
                        }
                    } else {
                        read_chars(lua, f, count)?
                    }
                }
                v => {
                    let fmt = match v {
                        Value::String(s) => lua.str_vec(s),
                        _ => Vec::new(),
                    };
                    if fmt.first() != Some(&b'*') {
                        return Err(lua.arg_error(n, "invalid option"));
                    }
                    match fmt.get(1) {
                        Some(b'n') => c_scan_number(f).map(Value::Number),
                        Some(b'l') => read_line(lua, f)?,
                        Some(b'a') => {
                            let r = read_chars(lua, f, u64::MAX)?;
                            Some(r.unwrap_or_else(|| lua.new_str(b"")))
                        }
                        _ => return Err(lua.arg_error(n, "invalid format")),
                    }
                }
            };
            let failed = r.is_none();
            results.push(r.unwrap_or(Value::Nil));
            if failed {
                break;
            }
        }
    }
    if c_ferror(f) {
        return push_failure(lua, errno(), None);
    }
    lua.ret(&results)
}

fn io_read(lua: &mut Lua) -> LuaResult<usize> {
    let f = get_io_file(lua, IO_INPUT)?;
    g_read(lua, f, 1)
}

fn f_read(lua: &mut Lua) -> LuaResult<usize> {
    let (_, f) = to_file(lua, 1)?;
    g_read(lua, f, 2)
}

/// A `lines` iterator over `file`; with `close`, the file is closed at
/// end of file (`io.lines(name)`).
fn make_lines(lua: &mut Lua, file: Value, close: bool) -> LuaResult<usize> {
    let it = lua.new_native(lines_iter, "lines", vec![file, Value::Boolean(close)]);
    lua.ret(&[it])
}

fn lines_iter(lua: &mut Lua) -> LuaResult<usize> {
    let file = lua.native_upvalue(1);
    let u = match file {
        Value::UserData(u) => Some(u),
        _ => None,
    };
    let p = u.map(|u| handle_ptr(lua, u)).unwrap_or(ptr::null_mut());
    let Some(u) = u.filter(|_| !p.is_null()) else {
        return Err(lua.lib_error("file is already closed"));
    };
    let line = read_line(lua, p)?;
    if c_ferror(p) {
        let m = strerror(errno());
        return Err(lua.lib_error(m));
    }
    if let Some(l) = line {
        return lua.ret(&[l]);
    }
    if lua.native_upvalue(2).truthy() {
        // End of an `io.lines(name)` loop: close the file, no results.
        let top = lua.top;
        aux_close(lua, u)?;
        lua.top = top;
    }
    Ok(0)
}

fn f_lines(lua: &mut Lua) -> LuaResult<usize> {
    to_file(lua, 1)?;
    let file = lua.arg(1);
    make_lines(lua, file, false)
}

fn io_lines(lua: &mut Lua) -> LuaResult<usize> {
    if lua.nargs() == 0 {
        // As 5.1: the default input, checked like a method's self.
        let env = current_env(lua);
        let input = lua.raw_get(env, &Value::Number(IO_INPUT));
        lua.push(input)?;
        return f_lines(lua);
    }
    if lua.arg(1).is_nil() {
        return Err(lua.arg_type_error(1, "FILE*"));
    }
    let name = lua.check_bytes(1)?;
    let p = c_fopen(&c_string(&name), c"r");
    if p.is_null() {
        return Err(file_error(lua, 1, &name));
    }
    let file = new_file(lua, p);
    make_lines(lua, file, true)
}

/// 5.1's `fileerror`: `bad argument #i to 'f' (<name>: <strerror>)`.
fn file_error(lua: &mut Lua, i: usize, name: &[u8]) -> crate::error::LuaError {
    let e = errno();
    let mut msg = c_string(name).as_bytes().to_vec();
    msg.extend_from_slice(b": ");
    msg.extend_from_slice(strerror(e).as_bytes());
    let msg = String::from_utf8_lossy(&msg).into_owned();
    lua.arg_error(i, &msg)
}

// ----- writing and the rest ----------------------------------------------------

/// 5.1's `g_write`: arguments `first..`; numbers as `%.14g`. Once a write
/// fails the rest are still checked but not written.
fn g_write(lua: &mut Lua, f: CFile, first: usize) -> LuaResult<usize> {
    let nargs = lua.nargs();
    let mut status: Result<(), i32> = Ok(());
    let mut num = Vec::new();
    for i in first..=nargs {
        if let Value::Number(x) = lua.arg(i) {
            if status.is_ok() {
                num.clear();
                crate::number::fmt_number(x, &mut num);
                status = write_bytes(f, &num);
            }
        } else {
            let s = lua.check_strref(i)?;
            if status.is_ok() {
                status = write_bytes(f, lua.heap.str_bytes(s));
            }
        }
    }
    push_result(lua, status, None)
}

fn io_write(lua: &mut Lua) -> LuaResult<usize> {
    let f = get_io_file(lua, IO_OUTPUT)?;
    g_write(lua, f, 1)
}

fn f_write(lua: &mut Lua) -> LuaResult<usize> {
    let (_, f) = to_file(lua, 1)?;
    g_write(lua, f, 2)
}

/// `fflush(f)`; the `errno` of a failure.
fn flush_file(f: CFile) -> Result<(), i32> {
    if c_fflush(f) {
        Ok(())
    } else {
        Err(errno())
    }
}

fn io_flush(lua: &mut Lua) -> LuaResult<usize> {
    let f = get_io_file(lua, IO_OUTPUT)?;
    let r = flush_file(f);
    push_result(lua, r, None)
}

fn f_flush(lua: &mut Lua) -> LuaResult<usize> {
    let (_, f) = to_file(lua, 1)?;
    let r = flush_file(f);
    push_result(lua, r, None)
}

fn f_seek(lua: &mut Lua) -> LuaResult<usize> {
    let (_, f) = to_file(lua, 1)?;
    let op = check_option(lua, 2, Some("cur"), &["set", "cur", "end"])?;
    let offset = lua.opt_int(3, 0)?;
    let whence = [libc::SEEK_SET, libc::SEEK_CUR, libc::SEEK_END][op];
    if !c_fseek(f, offset, whence) {
        return push_failure(lua, errno(), None);
    }
    let pos = c_ftell(f);
    lua.ret(&[Value::Number(pos as f64)])
}

fn f_setvbuf(lua: &mut Lua) -> LuaResult<usize> {
    let (_, f) = to_file(lua, 1)?;
    let op = check_option(lua, 2, None, &["no", "full", "line"])?;
    let size = lua.opt_int(3, BUFFER_SIZE)?;
    let mode = [libc::_IONBF, libc::_IOFBF, libc::_IOLBF][op];
    let r = if c_setvbuf(f, mode, size as usize) {
        Ok(())
    } else {
        Err(errno())
    };
    push_result(lua, r, None)
}

fn f_close(lua: &mut Lua) -> LuaResult<usize> {
    let (u, _) = to_file(lua, 1)?;
    aux_close(lua, u)
}

fn io_close(lua: &mut Lua) -> LuaResult<usize> {
    if lua.nargs() == 0 {
        let env = current_env(lua);
        let out = lua.raw_get(env, &Value::Number(IO_OUTPUT));
        lua.push(out)?;
    }
    f_close(lua)
}

fn f_gc(lua: &mut Lua) -> LuaResult<usize> {
    let u = check_handle(lua, 1)?;
    if !handle_ptr(lua, u).is_null() {
        let top = lua.top;
        aux_close(lua, u)?;
        lua.top = top;
    }
    Ok(0)
}

fn f_tostring(lua: &mut Lua) -> LuaResult<usize> {
    let u = check_handle(lua, 1)?;
    let p = handle_ptr(lua, u);
    let s = if p.is_null() {
        "file (closed)".to_string()
    } else {
        format!("file ({p:p})")
    };
    let v = lua.new_str(s.as_bytes());
    lua.ret(&[v])
}

fn io_open(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let mode = lua.opt_bytes(2, b"r")?;
    let p = c_fopen(&c_string(&name), &c_string(&mode));
    if p.is_null() {
        return push_failure(lua, errno(), Some(&name));
    }
    let f = new_file(lua, p);
    lua.ret(&[f])
}

fn io_popen(lua: &mut Lua) -> LuaResult<usize> {
    let cmd = lua.check_bytes(1)?;
    let mode = lua.opt_bytes(2, b"r")?;
    // 5.1 flushes every output stream before starting the command.
    c_fflush(ptr::null_mut());
    let p = c_popen(&c_string(&cmd), &c_string(&mode));
    if p.is_null() {
        return push_failure(lua, errno(), Some(&cmd));
    }
    let f = new_file(lua, p);
    lua.ret(&[f])
}

fn io_tmpfile(lua: &mut Lua) -> LuaResult<usize> {
    let p = c_tmpfile();
    if p.is_null() {
        return push_failure(lua, errno(), None);
    }
    let f = new_file(lua, p);
    lua.ret(&[f])
}

fn io_type(lua: &mut Lua) -> LuaResult<usize> {
    let v = lua.check_any(1)?;
    let r = match as_handle(lua, v) {
        None => Value::Nil,
        Some(u) if handle_ptr(lua, u).is_null() => lua.new_str(b"closed file"),
        Some(_) => lua.new_str(b"file"),
    };
    lua.ret(&[r])
}

/// `io.input` / `io.output`: set the default file from a name or a handle,
/// return the current one.
fn g_iofile(lua: &mut Lua, slot: f64, mode: &CStr) -> LuaResult<usize> {
    let env = current_env(lua);
    let v = lua.arg(1);
    if !v.is_nil() {
        let newf = match v {
            Value::String(_) | Value::Number(_) => {
                let name = lua.check_bytes(1)?;
                let p = c_fopen(&c_string(&name), mode);
                if p.is_null() {
                    return Err(file_error(lua, 1, &name));
                }
                new_file(lua, p)
            }
            _ => {
                to_file(lua, 1)?;
                v
            }
        };
        lua.raw_set(env, Value::Number(slot), newf)?;
    }
    let cur = lua.raw_get(env, &Value::Number(slot));
    lua.ret(&[cur])
}

fn io_input(lua: &mut Lua) -> LuaResult<usize> {
    g_iofile(lua, IO_INPUT, c"r")
}

fn io_output(lua: &mut Lua) -> LuaResult<usize> {
    g_iofile(lua, IO_OUTPUT, c"w")
}

/// A table `{__close = f}` (an environment for handles).
fn close_env(lua: &mut Lua, f: crate::heap::RustFn) -> TableRef {
    let t = lua.heap.new_table(0, 4);
    let g = lua.globals;
    let c = new_fn(lua, f, "__close", g);
    lua.set_field(t, b"__close", c);
    t
}

/// Open the io library into the globals (`luaopen_io`).
pub fn open(lua: &mut Lua) {
    // The handle metatable, shared through the registry.
    let mt = match file_metatable(lua) {
        Some(t) => t,
        None => {
            let t = lua.heap.new_table(0, 12);
            let reg = lua.registry;
            lua.set_field(reg, FILEHANDLE, Value::Table(t));
            t
        }
    };
    lua.set_field(mt, b"__index", Value::Table(mt));
    // As in 5.1 the `close` method is `io.close` itself, with the globals
    // as its environment: `f.close()` without a handle reads `_G[2]`.
    let methods: [(&'static str, crate::heap::RustFn); 9] = [
        ("close", io_close),
        ("flush", f_flush),
        ("lines", f_lines),
        ("read", f_read),
        ("seek", f_seek),
        ("setvbuf", f_setvbuf),
        ("write", f_write),
        ("__gc", f_gc),
        ("__tostring", f_tostring),
    ];
    for (name, f) in methods {
        lua.register(mt, name, f);
    }

    // The library's environment: default files and the ordinary closer.
    let env = close_env(lua, close_file);
    let io = lib_table(lua, b"io");
    let funcs: [(&'static str, crate::heap::RustFn); 10] = [
        ("close", io_close),
        ("flush", io_flush),
        ("input", io_input),
        ("lines", io_lines),
        ("open", io_open),
        ("output", io_output),
        ("read", io_read),
        ("tmpfile", io_tmpfile),
        ("type", io_type),
        ("write", io_write),
    ];
    for (name, f) in funcs {
        let v = new_fn(lua, f, name, env);
        lua.set_field(io, name.as_bytes(), v);
    }
    // io.popen's environment makes its files close with pclose.
    let pipe_env = close_env(lua, close_pipe);
    let popen = new_fn(lua, io_popen, "popen", pipe_env);
    lua.set_field(io, b"popen", popen);

    let std_env = close_env(lua, close_std);
    for (which, name, slot) in [
        (0u8, &b"stdin"[..], Some(IO_INPUT)),
        (1, b"stdout", Some(IO_OUTPUT)),
        (2, b"stderr", None),
    ] {
        let f = new_file_with_env(lua, std_stream(which), std_env);
        if let Some(k) = slot {
            let _ = lua.raw_set(env, Value::Number(k), f);
        }
        lua.set_field(io, name, f);
    }
}
