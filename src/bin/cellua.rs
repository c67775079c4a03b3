//! `cellua`: the standalone interpreter, with the command line of `lua5.1`:
//! `cellua [options] [script [args]]`, options `-e stat`, `-l name`, `-i`,
//! `-v`, `--`, `-` (stdin), and `LUA_INIT`. Errors print `cellua: msg` and a
//! stack traceback on stderr and exit with status 1.
//!
//! All output meant for standard output (the version banner, prompts,
//! results) goes through C's `stdout`, the stream `print` and `io.write`
//! use, so it keeps lua5.1's order and buffering; input lines come from
//! C's `stdin`, the stream `io.read` uses.

use cellua::stdlib::io::{stdin_line, stdout_flush, stdout_write};
use cellua::value::Value;
use cellua::vm::MULTRET;
use cellua::{Lua, LuaError};
use std::io::IsTerminal;

const PROGNAME: &str = "cellua";

fn main() {
    // As a C program starts: writing to a closed pipe ends the process,
    // and the commands that os.execute/io.popen start inherit that.
    cellua::stdlib::os::restore_sigpipe();
    cellua::stdlib::os::single_malloc_arena();
    // Run on a thread with a generous stack: deep (bounded) Rust recursion
    // through metamethods and pcall must never hit the OS limit.
    let child = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(real_main);
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => real_main(),
    };
    // C's `exit`: C's streams (all of standard output) are flushed here.
    std::process::exit(code);
}

fn print_usage() {
    eprintln!(
        "usage: {PROGNAME} [options] [script [args]].\n\
         Available options are:\n  \
         -e stat  execute string 'stat'\n  \
         -l name  require library 'name'\n  \
         -i       enter interactive mode after executing 'script'\n  \
         -v       show version information\n  \
         --       stop handling options\n  \
         -        execute stdin and stop handling options"
    );
}

fn print_version() {
    let banner = format!(
        "cellua {} (Lua 5.1 compatible)\n",
        env!("CARGO_PKG_VERSION")
    );
    stdout_write(banner.as_bytes());
}

/// Print an error as `lua.c` does: on stderr, without flushing standard
/// output first (so, into pipes, in lua5.1's order).
fn report(lua: &mut Lua, e: &LuaError) {
    if let LuaError::Runtime(Value::Nil) = e {
        return;
    }
    let msg = lua.error_message(e);
    eprintln!("{PROGNAME}: {msg}");
}

/// The message handler: append a traceback to string messages.
fn traceback_handler(lua: &mut Lua) -> cellua::LuaResult<usize> {
    let v = lua.arg(1);
    let msg = match v {
        Value::String(s) => lua.str_vec(s),
        Value::Number(n) => cellua::number::number_to_string(n).into_bytes(),
        _ => return lua.ret(&[v]),
    };
    let tb = lua.traceback(1);
    let mut out = msg;
    out.push(b'\n');
    out.extend_from_slice(tb.as_bytes());
    let s = lua.new_str(&out);
    lua.ret(&[s])
}

/// Call the function below `nargs` arguments on top of the stack with the
/// traceback handler.
fn docall(lua: &mut Lua, func: usize, nresults: i32) -> Result<(), LuaError> {
    let h = lua.new_native(traceback_handler, "traceback", Vec::new());
    match lua.pcall(func, nresults, Some(h)) {
        Ok(()) => Ok(()),
        Err(v) => {
            // As lua.c: collect after a failed chunk (pending finalizers
            // run now), keeping the error value rooted meanwhile.
            lua.pinned.push(v);
            let _ = lua.collect_garbage();
            lua.pinned.pop();
            Err(LuaError::Runtime(v))
        }
    }
}

fn dochunk(lua: &mut Lua, src: &[u8], name: &[u8]) -> Result<(), LuaError> {
    let f = lua.load(src, name)?;
    let base = lua.top;
    lua.push(f)?;
    let r = docall(lua, base, 0);
    lua.top = base;
    r
}

fn dolibrary(lua: &mut Lua, name: &str) -> Result<(), LuaError> {
    let g = lua.globals;
    let req = lua.get_field(g, b"require");
    let base = lua.top;
    lua.push(req)?;
    let n = lua.new_str(name.as_bytes());
    lua.push(n)?;
    let r = docall(lua, base, 1);
    lua.top = base;
    r
}

fn handle_luainit(lua: &mut Lua) -> Result<(), LuaError> {
    let Some(init) = std::env::var_os("LUA_INIT") else {
        return Ok(());
    };
    let init = init.to_string_lossy().into_owned();
    if let Some(path) = init.strip_prefix('@') {
        let f = cellua::stdlib::base::load_file(lua, Some(path.as_bytes()))?;
        let base = lua.top;
        lua.push(f)?;
        let r = docall(lua, base, 0);
        lua.top = base;
        r
    } else {
        dochunk(lua, init.as_bytes(), b"=LUA_INIT")
    }
}

/// Build the global `arg` table: script at 0, its args at 1.., the
/// interpreter and options at negative indices.
fn make_arg_table(lua: &mut Lua, argv: &[String], script: usize) {
    let t = lua.heap.new_table(argv.len(), 1);
    for (i, a) in argv.iter().enumerate() {
        let v = lua.new_str(a.as_bytes());
        if let Ok(tab) = lua.heap.table(t) {
            tab.set_int(i as i64 - script as i64, v);
        }
    }
    let g = lua.globals;
    lua.set_field(g, b"arg", Value::Table(t));
}

fn run_script(lua: &mut Lua, argv: &[String], script: usize) -> Result<(), LuaError> {
    let path = &argv[script];
    let f = if path == "-" {
        cellua::stdlib::base::load_file(lua, None)?
    } else {
        cellua::stdlib::base::load_file(lua, Some(path.as_bytes()))?
    };
    let base = lua.top;
    lua.push(f)?;
    for a in &argv[script + 1..] {
        let v = lua.new_str(a.as_bytes());
        lua.push(v)?;
    }
    let r = docall(lua, base, 0);
    lua.top = base;
    r
}

/// A plain line-reading REPL (`-i`, or no script on a terminal): the
/// prompt is written to C's `stdout` and flushed, a line read from C's
/// `stdin`, as lua.c does without readline.
fn interactive(lua: &mut Lua) {
    let mut buf: Vec<u8> = Vec::new();
    loop {
        stdout_write(if buf.is_empty() { b"> " } else { b">> " });
        stdout_flush();
        let Some(mut line) = stdin_line() else {
            stdout_write(b"\n");
            stdout_flush();
            return;
        };
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if buf.is_empty() {
            if let Some(expr) = line.strip_prefix(b"=") {
                buf = b"return ".to_vec();
                buf.extend_from_slice(expr);
            } else {
                buf = line;
            }
        } else {
            buf.push(b'\n');
            buf.extend_from_slice(&line);
        }
        match lua.load(&buf, b"=stdin") {
            Err(LuaError::Syntax(m)) if m.ends_with("'<eof>'") => continue,
            Err(e) => {
                report(lua, &e);
                buf.clear();
            }
            Ok(f) => {
                buf.clear();
                let base = lua.top;
                let _ = lua.push(f);
                match docall(lua, base, MULTRET) {
                    Ok(()) => {
                        let n = lua.top - base;
                        if n > 0 {
                            let g = lua.globals;
                            let p = lua.get_field(g, b"print");
                            let args: Vec<Value> = lua.stack[base..base + n].to_vec();
                            lua.top = base;
                            if let Err(e) = lua.call_value(p, &args, 0) {
                                report(lua, &e);
                            }
                        }
                    }
                    Err(e) => report(lua, &e),
                }
                lua.top = base;
            }
        }
    }
}

/// lua.c's `pmain`: the interpreter's work runs inside a native frame, so
/// the main chunk has a `[C]` level below it, as in lua5.1 (tracebacks end
/// with `[C]: ?`, `debug.getinfo(2)` in the main chunk describes it).
fn pmain(lua: &mut Lua) -> cellua::LuaResult<usize> {
    let code = main_body(lua);
    lua.ret(&[Value::Number(code as f64)])
}

fn real_main() -> i32 {
    let mut lua = Lua::new();
    let f = lua.new_native(pmain, "pmain", Vec::new());
    let code = match lua.call_value(f, &[], 1) {
        Ok(at) => match lua.stack[at] {
            Value::Number(n) => n as i32,
            _ => 1,
        },
        Err(e) => {
            report(&mut lua, &e);
            1
        }
    };
    // As lua.c's lua_close: pending `__gc` finalizers run before exit.
    lua.close();
    code
}

fn main_body(lua: &mut Lua) -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    if let Err(e) = handle_luainit(lua) {
        report(lua, &e);
        return 1;
    }
    // Scan options.
    let mut i = 1;
    let mut interactive_flag = false;
    let mut version = false;
    let mut has_e = false;
    let mut script = None;
    while i < argv.len() {
        let a = &argv[i];
        if !a.starts_with('-') {
            script = Some(i);
            break;
        }
        match a.as_str() {
            "--" => {
                if i + 1 < argv.len() {
                    script = Some(i + 1);
                }
                break;
            }
            "-" => {
                script = Some(i);
                break;
            }
            "-i" => interactive_flag = true,
            "-v" => version = true,
            "-e" | "-l" => {
                has_e |= a == "-e";
                i += 1;
                if i >= argv.len() {
                    print_usage();
                    return 1;
                }
            }
            s if s.starts_with("-e") => has_e = true,
            s if s.starts_with("-l") => {}
            _ => {
                print_usage();
                return 1;
            }
        }
        i += 1;
    }
    if version || interactive_flag {
        print_version();
    }
    make_arg_table(lua, &argv, script.unwrap_or(argv.len()));
    // Run -e and -l in order.
    let end = script.unwrap_or(argv.len());
    let mut j = 1;
    while j < end {
        let a = argv[j].clone();
        let (opt, inline) = if a.len() > 2 && (a.starts_with("-e") || a.starts_with("-l")) {
            (a[..2].to_string(), Some(a[2..].to_string()))
        } else {
            (a.clone(), None)
        };
        if opt == "-e" || opt == "-l" {
            let val = match inline {
                Some(v) => v,
                None => {
                    j += 1;
                    argv.get(j).cloned().unwrap_or_default()
                }
            };
            let r = if opt == "-e" {
                dochunk(lua, val.as_bytes(), b"=(command line)")
            } else {
                dolibrary(lua, &val)
            };
            if let Err(e) = r {
                report(lua, &e);
                return 1;
            }
        }
        j += 1;
    }
    if let Some(s) = script {
        if let Err(e) = run_script(lua, &argv, s) {
            report(lua, &e);
            return 1;
        }
    }
    if interactive_flag {
        interactive(lua);
    } else if script.is_none() && !has_e && !version {
        if std::io::stdin().is_terminal() {
            print_version();
            interactive(lua);
        } else {
            let r = (|| -> Result<(), LuaError> {
                let f = cellua::stdlib::base::load_file(lua, None)?;
                let base = lua.top;
                lua.push(f)?;
                let r = docall(lua, base, 0);
                lua.top = base;
                r
            })();
            if let Err(e) = r {
                report(lua, &e);
                return 1;
            }
        }
    }
    0
}
