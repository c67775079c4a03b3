//! The package library: `require` driven by `package.loaders` in 5.1's
//! order (preload, Lua file on `package.path`, C library on
//! `package.cpath`, all-in-one C library), `package.loadlib` through
//! `dlopen`/`dlsym`, `module` and `package.seeall`.
//!
//! C libraries stay loaded for the life of the process (never `dlclose`d):
//! a function of theirs may survive in any state, so unloading could leave
//! a dangling code pointer.

use super::lib_table;
use crate::error::{LuaError, LuaResult};
use crate::value::{TableRef, Value};
use crate::vm::Lua;
use std::ffi::{c_void, CStr, CString};

/// Debian's lua5.1 default search path for Lua modules.
const DEFAULT_PATH: &str = "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua";
/// Debian's lua5.1 default search path for C modules.
const DEFAULT_CPATH: &str = "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so";

/// The value `package.loaded[name]` holds while `name` is being loaded
/// (a light userdata with a unique address): meeting it again is a loop.
static SENTINEL: u8 = 0;

fn sentinel() -> Value {
    Value::LightUserData(&SENTINEL as *const u8 as *mut c_void)
}

pub fn open(lua: &mut Lua) {
    let p = lib_table(lua, b"package");
    let loaded = lua.heap.new_table(0, 16);
    let preload = lua.heap.new_table(0, 4);
    lua.set_field(p, b"loaded", Value::Table(loaded));
    // The registry's `_LOADED` is the same table (lauxlib's register uses it).
    let reg = lua.registry;
    let loaded = match lua.get_field(reg, b"_LOADED") {
        Value::Table(t) => {
            lua.set_field(p, b"loaded", Value::Table(t));
            t
        }
        _ => {
            lua.set_field(reg, b"_LOADED", Value::Table(loaded));
            loaded
        }
    };
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
    lua.register(p, "loadlib", loadlib);
    let loaders = lua.heap.new_table(4, 0);
    let fs: [(&'static str, crate::heap::RustFn); 4] = [
        ("loader_preload", loader_preload),
        ("loader_Lua", loader_lua),
        ("loader_C", loader_c),
        ("loader_Croot", loader_croot),
    ];
    for (i, (name, f)) in fs.into_iter().enumerate() {
        let v = lua.new_native(f, name, vec![Value::Table(p)]);
        if let Ok(t) = lua.heap.table(loaders) {
            t.set_int(i as i64 + 1, v);
        }
    }
    lua.set_field(p, b"loaders", Value::Table(loaders));
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

/// The `package` table a loader was made with (its upvalue).
fn package_table(lua: &mut Lua) -> LuaResult<TableRef> {
    match lua.native_upvalue(1) {
        Value::Table(t) => Ok(t),
        _ => Err(lua.lib_error("'package' must be a table")),
    }
}

/// `require(name)`.
fn require(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let name_v = lua.arg(1);
    let sname = String::from_utf8_lossy(&name).into_owned();
    let reg = lua.registry;
    let loaded = match lua.get_field(reg, b"_LOADED") {
        Value::Table(t) => t,
        _ => {
            let g = lua.globals;
            match lua.get_field(g, b"package") {
                Value::Table(p) => match lua.get_field(p, b"loaded") {
                    Value::Table(t) => t,
                    _ => return Err(lua.lib_error("'package.loaded' must be a table")),
                },
                _ => return Err(lua.lib_error("'package' must be a table")),
            }
        }
    };
    // `loaded` stays on the stack while loaders run (they may replace
    // `package.loaded`; this table must stay alive for the caching below).
    lua.push(Value::Table(loaded))?;
    let existing = lua.get_field(loaded, &name);
    if existing.truthy() {
        if existing.raw_eq(&sentinel()) {
            return Err(lua.lib_error(format!("loop or previous error loading module '{sname}'")));
        }
        return lua.ret(&[existing]);
    }
    let g = lua.globals;
    let loaders = match lua.get_field(g, b"package") {
        Value::Table(p) => lua.get_field(p, b"loaders"),
        _ => Value::Nil,
    };
    let Value::Table(loaders) = loaders else {
        return Err(lua.lib_error("'package.loaders' must be a table"));
    };
    lua.push(Value::Table(loaders))?;
    let mut tried: Vec<u8> = Vec::new();
    let mut i = 1;
    let loader = loop {
        let f = lua.heap.table(loaders)?.get_int(i);
        if f.is_nil() {
            let mut msg = format!("module '{sname}' not found:").into_bytes();
            msg.extend_from_slice(&tried);
            return Err(lua.lib_error(msg));
        }
        let r = lua.call1(f, &[name_v])?;
        match r {
            Value::LuaFunction(_) | Value::NativeFunction(_) => break r,
            Value::String(s) => tried.extend_from_slice(lua.heap.str_bytes(s)),
            _ => {}
        }
        i += 1;
    };
    lua.push(loader)?;
    lua.set_field(loaded, &name, sentinel());
    let r = lua.call1(loader, &[name_v])?;
    if !r.is_nil() {
        lua.set_field(loaded, &name, r);
    }
    let v = lua.get_field(loaded, &name);
    if v.raw_eq(&sentinel()) {
        lua.set_field(loaded, &name, Value::Boolean(true));
        return lua.ret(&[Value::Boolean(true)]);
    }
    lua.ret(&[v])
}

/// `package.loaders[1]`: `package.preload[name]`.
fn loader_preload(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let p = package_table(lua)?;
    let Value::Table(pre) = lua.get_field(p, b"preload") else {
        return Err(lua.lib_error("'package.preload' must be a table"));
    };
    let f = lua.get_field(pre, &name);
    if f.is_nil() {
        let mut msg = b"\n\tno field package.preload['".to_vec();
        msg.extend_from_slice(&name);
        msg.extend_from_slice(b"']");
        let v = lua.new_str(&msg);
        return lua.ret(&[v]);
    }
    lua.ret(&[f])
}

/// Search `package[pname]` for `name` (dots become `/`). Returns the file
/// found, or the "no file" lines for every candidate tried.
fn find_file(lua: &mut Lua, name: &[u8], pname: &str) -> LuaResult<Result<Vec<u8>, Vec<u8>>> {
    let p = package_table(lua)?;
    let path = match lua.get_field(p, pname.as_bytes()) {
        Value::String(s) => lua.heap.str_bytes(s).to_vec(),
        _ => return Err(lua.lib_error(format!("'package.{pname}' must be a string"))),
    };
    let file: Vec<u8> = name
        .iter()
        .map(|&c| if c == b'.' { b'/' } else { c })
        .collect();
    let mut tried = Vec::new();
    for templ in path.split(|&c| c == b';').filter(|t| !t.is_empty()) {
        let mut cand = Vec::with_capacity(templ.len() + file.len());
        for &c in templ {
            if c == b'?' {
                cand.extend_from_slice(&file);
            } else {
                cand.push(c);
            }
        }
        if readable(&cand) {
            return Ok(Ok(cand));
        }
        tried.extend_from_slice(b"\n\tno file '");
        tried.extend_from_slice(&cand);
        tried.push(b'\'');
    }
    Ok(Err(tried))
}

fn readable(path: &[u8]) -> bool {
    use std::os::unix::ffi::OsStrExt;
    std::fs::File::open(std::ffi::OsStr::from_bytes(path)).is_ok()
}

fn load_error(lua: &mut Lua, name: &[u8], file: &[u8], msg: &[u8]) -> LuaError {
    let mut s = b"error loading module '".to_vec();
    s.extend_from_slice(name);
    s.extend_from_slice(b"' from file '");
    s.extend_from_slice(file);
    s.extend_from_slice(b"':\n\t");
    s.extend_from_slice(msg);
    lua.lib_error(s)
}

/// `package.loaders[2]`: a Lua file on `package.path`.
fn loader_lua(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let file = match find_file(lua, &name, "path")? {
        Ok(f) => f,
        Err(tried) => {
            let v = lua.new_str(&tried);
            return lua.ret(&[v]);
        }
    };
    match crate::stdlib::base::load_file(lua, Some(&file)) {
        Ok(f) => lua.ret(&[f]),
        Err(e) => {
            let msg = match e {
                LuaError::Syntax(m) => m.into_bytes(),
                LuaError::Runtime(Value::String(s)) => lua.heap.str_bytes(s).to_vec(),
                other => lua.error_message(&other).into_bytes(),
            };
            Err(load_error(lua, &name, &file, &msg))
        }
    }
}

/// `luaopen_` plus the module name with everything up to a `-` dropped and
/// dots turned into `_`.
fn open_func_name(name: &[u8]) -> Vec<u8> {
    let tail = match name.iter().position(|&c| c == b'-') {
        Some(p) => &name[p + 1..],
        None => name,
    };
    let mut f = b"luaopen_".to_vec();
    f.extend(tail.iter().map(|&c| if c == b'.' { b'_' } else { c }));
    f
}

/// Why a C function could not be loaded.
enum LoadFail {
    /// The library could not be opened (`dlerror`'s text).
    Open(Vec<u8>),
    /// The library has no such symbol.
    Init(Vec<u8>),
}

fn dl_error() -> Vec<u8> {
    // SAFETY: dlerror returns NULL or a NUL-terminated string owned by
    // libc, valid until the next dl* call on this thread; copied at once.
    unsafe {
        let e = libc::dlerror();
        if e.is_null() {
            b"unknown dynamic-linking error".to_vec()
        } else {
            CStr::from_ptr(e).to_bytes().to_vec()
        }
    }
}

/// `dlopen` `path` and make a C function of its symbol `sym`.
fn load_c_function(lua: &mut Lua, path: &[u8], sym: &[u8]) -> Result<Value, LoadFail> {
    let (Ok(cpath), Ok(csym)) = (CString::new(path), CString::new(sym)) else {
        return Err(LoadFail::Open(b"name contains a zero byte".to_vec()));
    };
    // SAFETY: both strings are NUL-terminated. The handle is never closed
    // (see the module docs).
    let handle = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW) };
    if handle.is_null() {
        return Err(LoadFail::Open(dl_error()));
    }
    // SAFETY: `handle` is a live handle from dlopen.
    let f = unsafe { libc::dlsym(handle, csym.as_ptr()) };
    if f.is_null() {
        return Err(LoadFail::Init(dl_error()));
    }
    // SAFETY: by the loadlib contract the symbol is a `lua_CFunction`.
    let cf: crate::capi::lua_CFunction = unsafe { std::mem::transmute(f) };
    Ok(crate::capi::access::new_c_closure(lua, cf, Vec::new()))
}

/// `package.loaders[3]`: a C library on `package.cpath`.
fn loader_c(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let file = match find_file(lua, &name, "cpath")? {
        Ok(f) => f,
        Err(tried) => {
            let v = lua.new_str(&tried);
            return lua.ret(&[v]);
        }
    };
    let sym = open_func_name(&name);
    match load_c_function(lua, &file, &sym) {
        Ok(f) => lua.ret(&[f]),
        Err(LoadFail::Open(m) | LoadFail::Init(m)) => Err(load_error(lua, &name, &file, &m)),
    }
}

/// `package.loaders[4]`: the library of a dotted name's root on
/// `package.cpath`, holding the submodule's `luaopen_` function.
fn loader_croot(lua: &mut Lua) -> LuaResult<usize> {
    let name = lua.check_bytes(1)?;
    let Some(dot) = name.iter().position(|&c| c == b'.') else {
        return Ok(0);
    };
    let file = match find_file(lua, &name[..dot], "cpath")? {
        Ok(f) => f,
        Err(tried) => {
            let v = lua.new_str(&tried);
            return lua.ret(&[v]);
        }
    };
    let sym = open_func_name(&name);
    match load_c_function(lua, &file, &sym) {
        Ok(f) => lua.ret(&[f]),
        Err(LoadFail::Init(_)) => {
            let mut msg = b"\n\tno module '".to_vec();
            msg.extend_from_slice(&name);
            msg.extend_from_slice(b"' in file '");
            msg.extend_from_slice(&file);
            msg.push(b'\'');
            let v = lua.new_str(&msg);
            lua.ret(&[v])
        }
        Err(LoadFail::Open(m)) => Err(load_error(lua, &name, &file, &m)),
    }
}

/// `package.loadlib(path, funcname)`: the C function, or nil, the message
/// and "open" or "init".
fn loadlib(lua: &mut Lua) -> LuaResult<usize> {
    let path = lua.check_bytes(1)?;
    let sym = lua.check_bytes(2)?;
    match load_c_function(lua, &path, &sym) {
        Ok(f) => lua.ret(&[f]),
        Err(fail) => {
            let (m, what): (Vec<u8>, &[u8]) = match fail {
                LoadFail::Open(m) => (m, b"open"),
                LoadFail::Init(m) => (m, b"init"),
            };
            let m = lua.new_str(&m);
            let w = lua.new_str(what);
            lua.ret(&[Value::Nil, m, w])
        }
    }
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
