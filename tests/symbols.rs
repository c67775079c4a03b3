//! The shared library's dynamic symbols, and its use as a drop-in
//! replacement for Debian's liblua5.1:
//! * every exported `lua_*`, `luaL_*`, `luaopen_*` symbol (and `lua_ident`)
//!   carries the `LUA_5.1` version node as its default version, as in
//!   Debian's library;
//! * a program built against Debian's headers and linked with Debian's
//!   `-llua5.1` (so its imports are `lua_x@LUA_5.1`) runs on
//!   `libcellua.so` substituted for `liblua5.1.so.0`, binds to our
//!   symbols, and the loader does not complain about versions.
//!
//! Without gcc, objdump or Debian's library these tests are skipped,
//! unless `CI` is set (then they fail).

use std::path::{Path, PathBuf};
use std::process::Command;

const DEBIAN_SO: &str = "/usr/lib/x86_64-linux-gnu/liblua5.1.so.0";

/// The library under test: cargo builds the crate with all its crate
/// types into `target/<profile>/deps/` before running integration tests;
/// the copy in `target/<profile>/` is made only by `cargo build` (and may
/// be stale), so it is only a fallback.
fn libcellua() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    [
        deps.join("libcellua.so"),
        deps.parent().unwrap().join("libcellua.so"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_else(|| panic!("no libcellua.so in {} or its parent", deps.display()))
}

fn have(what: &[&str]) -> bool {
    for w in what {
        let ok = if w.starts_with('/') {
            Path::new(w).exists()
        } else {
            Command::new(w)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        };
        if !ok {
            if std::env::var_os("CI").is_some() {
                panic!("{w} is missing (needed by this test under CI)");
            }
            eprintln!("skipped: {w} is missing");
            return false;
        }
    }
    true
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cellua-symbols-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Defined dynamic symbols of a shared object: (name, version column of
/// `objdump -T`: `LUA_5.1`, `(LUA_5.1)` for a hidden version, `Base`).
fn dynamic_symbols(so: &Path) -> Vec<(String, String)> {
    let out = Command::new("objdump").arg("-T").arg(so).output().unwrap();
    assert!(out.status.success(), "objdump -T {}", so.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            // ADDR FLAGS... SECTION SIZE VERSION NAME
            let f: Vec<&str> = l.split_whitespace().collect();
            if f.len() < 5 || !f[0].chars().all(|c| c.is_ascii_hexdigit()) || l.contains("*UND*") {
                return None;
            }
            let n = f.len();
            Some((f[n - 1].to_string(), f[n - 2].to_string()))
        })
        .collect()
}

fn is_api(name: &str) -> bool {
    name.starts_with("lua_") || name.starts_with("luaL_") || name.starts_with("luaopen_")
}

#[test]
fn api_symbols_carry_the_lua_5_1_version() {
    if !have(&["objdump"]) {
        return;
    }
    let syms = dynamic_symbols(&libcellua());
    let mut wrong: Vec<String> = syms
        .iter()
        .filter(|(n, v)| is_api(n) && v != "LUA_5.1")
        .map(|(n, v)| format!("{n} ({v})"))
        .collect();
    wrong.sort();
    assert!(
        wrong.is_empty(),
        "API symbols without the default version LUA_5.1: {wrong:?}"
    );
    // Defined in Rust, in C (the variadic ones), and data.
    for want in [
        "lua_pushnumber",
        "lua_tolstring",
        "luaL_newstate",
        "lua_pushfstring",
        "luaL_error",
        "lua_ident",
    ] {
        assert!(
            syms.iter().any(|(n, v)| n == want && v == "LUA_5.1"),
            "{want} is not exported as {want}@@LUA_5.1"
        );
    }
    assert!(
        syms.iter().any(|(n, _)| n == "cellua_version"),
        "cellua_version is not exported"
    );
    // Nothing else leaks into the dynamic symbol table (cellua's own
    // additions are `cellua_*`).
    let mut leaked: Vec<&str> = syms
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !is_api(n) && !n.starts_with("cellua_"))
        .collect();
    leaked.sort();
    assert!(leaked.is_empty(), "unexpected exports: {leaked:?}");
}

/// `objdump -T` size of a defined dynamic symbol.
fn symbol_size(so: &Path, name: &str) -> Option<u64> {
    let out = Command::new("objdump").arg("-T").arg(so).output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.len() >= 5 && f[f.len() - 1] == name && !l.contains("*UND*"))
            .then(|| u64::from_str_radix(f[f.len() - 3], 16).ok())
            .flatten()
    })
}

#[test]
fn lua_ident_fits_debians_copy_relocation() {
    // A program linked against Debian's library that reads lua_ident gets
    // a copy relocation sized by Debian's symbol; the loader copies the
    // smaller of the two sizes and complains when ours is larger.
    if !have(&["objdump", DEBIAN_SO]) {
        return;
    }
    let ours = symbol_size(&libcellua(), "lua_ident").expect("lua_ident is exported");
    let theirs = symbol_size(Path::new(DEBIAN_SO), "lua_ident").expect("Debian's lua_ident");
    assert!(
        ours <= theirs,
        "lua_ident is {ours} bytes, more than Debian's {theirs}"
    );
}

#[test]
fn version_node_matches_debians() {
    if !have(&["objdump", DEBIAN_SO]) {
        return;
    }
    let ours = dynamic_symbols(&libcellua());
    let theirs = dynamic_symbols(Path::new(DEBIAN_SO));
    for (n, v) in theirs.iter().filter(|(n, _)| is_api(n)) {
        assert_eq!(v, "LUA_5.1", "Debian's {n}");
        if let Some((_, ov)) = ours.iter().find(|(o, _)| o == n) {
            assert_eq!(ov, v, "version of {n}");
        }
    }
}

/// A host written against Debian's headers: uses Rust- and C-defined API
/// functions and says which library it ran on.
const HOST: &str = r#"
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>

/* Exported by liblua5.1 but not declared by its headers. */
extern const char lua_ident[];

int main(void) {
  lua_State *L = luaL_newstate();
  const char *(*version)(void);
  size_t len = 0;
  const char *s;
  if (L == NULL)
    return 2;
  lua_pushstring(L, "hello");
  lua_pushnumber(L, 42);
  s = lua_pushfstring(L, "%s-%d", lua_tostring(L, 1), (int)lua_tonumber(L, 2));
  printf("pushed: %s\n", s);
  s = lua_tolstring(L, -1, &len);
  printf("len: %d top: %d\n", (int)len, lua_gettop(L));
  printf("ident: %s", lua_ident);
  version = (const char *(*)(void))dlsym(RTLD_DEFAULT, "cellua_version");
  printf("cellua: %s\n", version != NULL ? version() : "no");
  lua_close(L);
  return 0;
}
"#;

#[test]
fn debian_linked_program_runs_on_cellua() {
    if !have(&["gcc", "objdump", DEBIAN_SO, "/usr/include/lua5.1/lua.h"]) {
        return;
    }
    let ours = libcellua();
    let dir = scratch("host");
    let src = dir.join("host.c");
    std::fs::write(&src, HOST).unwrap();
    let exe = dir.join("host");
    let out = Command::new("gcc")
        .args(["-std=c99", "-Wall", "-I/usr/include/lua5.1"])
        .arg(&src)
        .args(["-o"])
        .arg(&exe)
        .args(["-llua5.1", "-ldl"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "gcc: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Its imports are versioned: that is what we must satisfy.
    let dynsym = String::from_utf8_lossy(
        &Command::new("objdump")
            .arg("-T")
            .arg(&exe)
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(
        dynsym
            .lines()
            .any(|l| l.contains("LUA_5.1") && l.ends_with("lua_pushstring")),
        "the host's imports are not versioned:\n{dynsym}"
    );

    // On Debian's library, as built.
    let run = |libdir: Option<&Path>| {
        let mut cmd = Command::new(&exe);
        cmd.env("LD_BIND_NOW", "1").env_remove("LD_PRELOAD");
        if let Some(d) = libdir {
            cmd.env("LD_LIBRARY_PATH", d);
        }
        let o = cmd.output().unwrap();
        (
            o.status,
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (st, stdout, stderr) = run(None);
    assert!(
        st.success(),
        "on Debian's liblua5.1: {st}\n{stdout}{stderr}"
    );
    assert!(stdout.contains("cellua: no"), "{stdout}");

    // On ours, substituted for liblua5.1.so.0.
    let libdir = dir.join("lib");
    std::fs::create_dir_all(&libdir).unwrap();
    std::os::unix::fs::symlink(&ours, libdir.join("liblua5.1.so.0")).unwrap();
    let (st, stdout, stderr) = run(Some(&libdir));
    assert!(
        !stderr.contains("no version information"),
        "the loader complains about versions:\n{stderr}"
    );
    assert!(st.success(), "on libcellua.so: {st}\n{stdout}{stderr}");
    assert!(stderr.trim().is_empty(), "stderr: {stderr}");
    assert!(stdout.contains("pushed: hello-42\n"), "{stdout}");
    assert!(stdout.contains("len: 8 top: 3\n"), "{stdout}");
    assert!(
        stdout.contains("ident: $Lua: Lua 5.1.5 (cellua"),
        "did not run on cellua:\n{stdout}"
    );
    let version = format!("cellua: {}\n", env!("CARGO_PKG_VERSION"));
    assert!(
        stdout.contains(&version),
        "did not run on cellua:\n{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
