//! C modules: `tests/cmodule/testmod.c` is built as a shared object
//! against our `include/` and loaded with `require` from the `cellua`
//! binary (which exports the C API symbols dynamically, so the module's
//! `lua_*` references bind to it) and from a C host linked with
//! libcellua.so. The expected output is what Debian's lua5.1 prints for
//! the same module and script.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cellua-cmod-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

fn cc(args: &[&str]) {
    let out = Command::new("gcc").args(args).output().expect("gcc runs");
    assert!(
        out.status.success(),
        "gcc {:?} failed:\n{}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
}

fn build_module(dir: &Path) {
    let inc = root().join("include");
    let src = root().join("tests/cmodule/testmod.c");
    let so = dir.join("testmod.so");
    cc(&[
        "-shared",
        "-fPIC",
        "-Wall",
        "-Werror",
        &format!("-I{}", inc.display()),
        &src.to_string_lossy(),
        "-o",
        &so.to_string_lossy(),
    ]);
}

fn expected(dir: &Path) -> String {
    let d = dir.display();
    format!(
        "5\thello, host!\t1.0\tsub\n\
         false\tfailing on purpose (42)\n\
         false\tbad argument #2 to '?' (number expected, got no value)\n\
         module 'testmod.nosub' not found:\n\
         \tno field package.preload['testmod.nosub']\n\
         \tno file '/nonexistent/testmod/nosub.lua'\n\
         \tno file '{d}/testmod/nosub.so'\n\
         \tno module 'testmod.nosub' in file '{d}/testmod.so'\n\
         nil\t{d}/testmod.so: undefined symbol: luaopen_nothing\tinit\n"
    )
}

#[test]
fn require_loads_a_c_module_into_the_cellua_binary() {
    let dir = scratch("bin");
    build_module(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_cellua"))
        .arg(root().join("tests/cmodule/require.lua"))
        .arg(format!("{}/?.so", dir.display()))
        .env("LUA_PATH", "/nonexistent/?.lua")
        .output()
        .expect("cellua runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "cellua failed: {}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout, expected(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn require_loads_a_c_module_into_a_c_host() {
    let dir = scratch("host");
    build_module(&dir);
    let host = dir.join("host");
    let lib = common::cellua_lib_dir();
    cc(&[
        "-Wall",
        "-Werror",
        &format!("-I{}", root().join("include").display()),
        &root().join("tests/cmodule/host.c").to_string_lossy(),
        &format!("-L{}", lib.display()),
        "-lcellua",
        &format!("-Wl,-rpath,{}", lib.display()),
        "-o",
        &host.to_string_lossy(),
    ]);
    let out = Command::new(&host)
        .arg(format!("{}/?.so", dir.display()))
        .output()
        .expect("host runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "host failed: {stdout}");
    assert_eq!(
        stdout,
        "5\thello, host!\t1.0\tsub\n\
         false\tfailing on purpose (42)\n\
         false\tbad argument #2 to '?' (number expected, got no value)\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
