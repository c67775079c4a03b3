//! A first slice of the package library: `require` for Lua modules found
//! through `package.path` or `package.preload`, `package.loaded`. Loading C
//! modules (`package.cpath`, `loadlib`) arrives with the C API.

use super::lib_table;
use crate::error::{LuaError, LuaResult};
use crate::value::Value;
use crate::vm::Lua;

/// Debian's lua5.1 default search path for Lua modules.
const DEFAULT_PATH: &str = "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua";
/// Debian's lua5.1 default search path for C modules.
const DEFAULT_CPATH: &str = "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so";

pub fn open(lua: &mut Lua) {
    let p = lib_table(lua, b"package");
    let loaded = lua.heap.new_table(0, 16);
    let preload = lua.heap.new_table(0, 4);
    lua.set_field(p, b"loaded", Value::Table(loaded));
    lua.set_field(p, b"preload", Value::Table(preload));
    let path = env_path("LUA_PATH", DEFAULT_PATH);
    let v = lua.new_str(path.as_bytes());
    lua.set_field(p, b"path", v);
    let cpath = env_path("LUA_CPATH", DEFAULT_CPATH);
    let v = lua.new_str(cpath.as_bytes());
    lua.set_field(p, b"cpath", v);
    let v = lua.new_str(b"/\n;\n?\n!\n-");
    lua.set_field(p, b"config", v);
    lua.register(p, "seeall", seeall);
    let g = lua.globals;
    lua.register(g, "require", require);
    lua.register(g, "module", module);
    // Libraries already opened count as loaded.
    for name in [
        &b"_G"[..],
        b"string",
        b"table",
        b"math",
        b"io",
        b"os",
        b"coroutine",
        b"package",
        b"debug",
    ] {
        let v = if name == b"_G" {
            Value::Table(g)
        } else {
            lua.get_field(g, name)
        };
        if !v.is_nil() {
            lua.set_field(loaded, name, v);
        }
    }
}

/// `LUA_PATH`-style override with `;;` standing for the default.
fn env_path(var: &str, default: &str) -> String {
    match std::env::var(var) {
        Ok(v) => v.replace(";;", &format!(";{default};")),
        Err(_) => default.to_string(),
    }
}

fn require(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let g = lua.globals;
    let pkg = match lua.get_field(g, b"package") {
        Value::Table(t) => t,
        _ => return Err(lua.lib_error("'package' must be a table")),
    };
    let loaded = match lua.get_field(pkg, b"loaded") {
        Value::Table(t) => t,
        _ => return Err(lua.lib_error("'package.loaded' must be a table")),
    };
    let existing = lua.get_field(loaded, &name);
    if existing.truthy() {
        return lua.ret(&[existing]);
    }
    let sname = String::from_utf8_lossy(&name).into_owned();
    let mut tried = String::new();
    let mut loader = Value::Nil;
    if let Value::Table(pre) = lua.get_field(pkg, b"preload") {
        loader = lua.get_field(pre, &name);
    }
    if loader.is_nil() {
        tried.push_str(&format!("\n\tno field package.preload['{sname}']"));
        let path = match lua.get_field(pkg, b"path") {
            Value::String(s) => String::from_utf8_lossy(lua.heap.str_bytes(s)).into_owned(),
            _ => return Err(lua.lib_error("'package.path' must be a string")),
        };
        let file = sname.replace('.', "/");
        for templ in path.split(';').filter(|t| !t.is_empty()) {
            let candidate = templ.replace('?', &file);
            if std::fs::metadata(&candidate).is_ok() {
                match crate::stdlib::base::load_file(lua, Some(candidate.as_bytes())) {
                    Ok(f) => {
                        loader = f;
                        break;
                    }
                    Err(e) => {
                        let msg = match e {
                            LuaError::Syntax(m) => m,
                            other => lua.error_message(&other),
                        };
                        return Err(lua.lib_error(format!(
                            "error loading module '{sname}' from file '{candidate}':\n\t{msg}"
                        )));
                    }
                }
            }
            tried.push_str(&format!("\n\tno file '{candidate}'"));
        }
    }
    if loader.is_nil() {
        return Err(lua.lib_error(format!("module '{sname}' not found:{tried}")));
    }
    let name_v = lua.arg(1);
    // `loaded` stays on the stack while the loader runs (it may replace
    // `package.loaded`; this table must stay alive for the caching below).
    lua.push(Value::Table(loaded))?;
    let r = lua.call1(loader, &[name_v])?;
    if !r.is_nil() {
        lua.set_field(loaded, &name, r);
    }
    let v = lua.get_field(loaded, &name);
    if v.is_nil() {
        lua.set_field(loaded, &name, Value::Boolean(true));
        return lua.ret(&[Value::Boolean(true)]);
    }
    lua.ret(&[v])
}

/// `package.seeall(m)`: give `m` a metatable whose `__index` is `_G`.
fn seeall(lua: &mut Lua) -> LuaResult<usize> {
    let m = lua.check_table(1)?;
    let mt = match lua.heap.table(m)?.metatable {
        Some(mt) => mt,
        None => {
            let mt = lua.heap.new_table(0, 1);
            lua.heap.table(m)?.metatable = Some(mt);
            mt
        }
    };
    let g = lua.globals;
    lua.set_field(mt, b"__index", Value::Table(g));
    Ok(0)
}

/// Find or create the table at dotted path `name` under `root`.
fn find_table(
    lua: &mut Lua,
    root: crate::value::TableRef,
    name: &[u8],
) -> Option<crate::value::TableRef> {
    let mut t = root;
    for part in name.split(|&c| c == b'.') {
        match lua.get_field(t, part) {
            Value::Nil => {
                let n = lua.heap.new_table(0, 4);
                lua.set_field(t, part, Value::Table(n));
                t = n;
            }
            Value::Table(n) => t = n,
            _ => return None,
        }
    }
    Some(t)
}

/// `module(name, ...)`: the 5.1 module system.
fn module(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let g = lua.globals;
    let loaded = match lua.get_field(g, b"package") {
        Value::Table(p) => match lua.get_field(p, b"loaded") {
            Value::Table(l) => l,
            _ => return Err(lua.lib_error("'package.loaded' must be a table")),
        },
        _ => return Err(lua.lib_error("'package' must be a table")),
    };
    let m = match lua.get_field(loaded, &name) {
        Value::Table(t) => t,
        _ => {
            let Some(t) = find_table(lua, g, &name) else {
                let msg = format!(
                    "name conflict for module '{}'",
                    String::from_utf8_lossy(&name)
                );
                return Err(lua.lib_error(msg));
            };
            lua.set_field(loaded, &name, Value::Table(t));
            t
        }
    };
    if lua.get_field(m, b"_NAME").is_nil() {
        lua.set_field(m, b"_M", Value::Table(m));
        let n = lua.new_str(&name);
        lua.set_field(m, b"_NAME", n);
        let pkg = match name.iter().rposition(|&c| c == b'.') {
            Some(p) => name[..=p].to_vec(),
            None => Vec::new(),
        };
        let p = lua.new_str(&pkg);
        lua.set_field(m, b"_PACKAGE", p);
    }
    // The calling function's environment becomes the module.
    let n = lua.frames.len();
    let caller = if n >= 2 {
        Some(lua.frames[n - 2].kind.clone())
    } else {
        None
    };
    match caller {
        Some(crate::heap::FrameKind::Lua { closure, .. }) => {
            crate::stdlib::base::set_closure_env(lua, closure, m);
        }
        _ => return Err(lua.lib_error("'module' not called from a Lua function")),
    }
    let n = lua.nargs();
    // The module stays on the stack while its option functions run.
    lua.push(Value::Table(m))?;
    for i in 2..=n {
        let f = lua.arg(i);
        lua.call1(f, &[Value::Table(m)])?;
    }
    Ok(0)
}
