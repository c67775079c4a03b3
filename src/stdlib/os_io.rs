//! A first slice of the io and os libraries: `io.write`, `io.read` of
//! lines from stdin, `os.time`, `os.clock`, `os.getenv`, `os.exit`. The
//! standard-library issue replaces this with the complete libraries.

use super::lib_table;
use crate::error::LuaResult;
use crate::value::Value;
use crate::vm::Lua;
use std::io::{BufRead, Write};

pub fn open(lua: &mut Lua) {
    let io = lib_table(lua, b"io");
    lua.register(io, "write", io_write);
    lua.register(io, "read", io_read);
    let os = lib_table(lua, b"os");
    lua.register(os, "time", os_time);
    lua.register(os, "clock", os_clock);
    lua.register(os, "getenv", os_getenv);
    lua.register(os, "exit", os_exit);
}

/// The message part of an I/O error as C's `strerror` words it.
pub fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(p) => s[..p].to_string(),
                None => s,
            }
        }
    }
}

fn io_write(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    let mut out = std::io::stdout().lock();
    for i in 1..=n {
        match lua.arg(i) {
            Value::String(s) => {
                let _ = out.write_all(lua.heap.str_bytes(s));
            }
            Value::Number(x) => {
                let mut b = Vec::new();
                crate::number::fmt_number(x, &mut b);
                let _ = out.write_all(&b);
            }
            _ => {
                drop(out);
                return Err(lua.arg_type_error(i, "string"));
            }
        }
    }
    drop(out);
    lua.ret(&[Value::Boolean(true)])
}

fn io_read(lua: &mut Lua) -> LuaResult<usize> {
    let _ = std::io::stdout().flush();
    let mut line = Vec::new();
    match std::io::stdin().lock().read_until(b'\n', &mut line) {
        Ok(0) | Err(_) => lua.ret(&[Value::Nil]),
        Ok(_) => {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            let s = lua.new_str(&line);
            lua.ret(&[s])
        }
    }
}

fn os_time(lua: &mut Lua) -> LuaResult<usize> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    lua.ret(&[Value::Number(t as f64)])
}

fn os_clock(lua: &mut Lua) -> LuaResult<usize> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    let s = START.with(|s| s.elapsed().as_secs_f64());
    lua.ret(&[Value::Number(s)])
}

fn os_getenv(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    match std::env::var_os(String::from_utf8_lossy(&name).as_ref()) {
        Some(v) => {
            let s = lua.new_str(v.to_string_lossy().as_bytes());
            lua.ret(&[s])
        }
        None => lua.ret(&[Value::Nil]),
    }
}

fn os_exit(lua: &mut Lua) -> LuaResult<usize> {
    let code = lua.opt_cint(1, 0)? as i32;
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}
