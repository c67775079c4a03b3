//! Build script: compiles the C shim (`csrc/`) with `cc`, and links the
//! shared library with Debian's liblua5.1 version script so every exported
//! API symbol carries the `LUA_5.1` version node.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=csrc");
    cc::Build::new()
        .file("csrc/shim.c")
        .flag_if_supported("-std=c99")
        .warnings(true)
        .extra_warnings(true)
        .compile("cellua_shim");
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    println!("cargo:rerun-if-changed=csrc/version-script");
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={dir}/csrc/version-script");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcellua.so");
    // A name listed but not (yet) defined is not a link error; the export
    // test (tests/c_api.rs) is what fails on a missing symbol.
    println!("cargo:rustc-cdylib-link-arg=-Wl,--undefined-version");
}
