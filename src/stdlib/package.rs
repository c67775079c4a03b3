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
    let g = lua.globals;
    lua.register(g, "require", require);
    // Libraries already opened count as loaded.
    for name in [&b"_G"[..], b"string", b"table", b"math", b"io", b"os", b"coroutine", b"package", b"debug"] {
        let v = if name == b"_G" { Value::Table(g) } else { lua.get_field(g, name) };
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
