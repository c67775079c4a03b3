//! Build script. The C API issue compiles `csrc/` with `cc` and regenerates
//! `include/` with cbindgen here; for now it only declares what it watches.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=csrc");
}
