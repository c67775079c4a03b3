//! Build script.
//!
//! 1. Compiles the C shim (`csrc/shim.c`) with `cc`.
//! 2. Links the shared library with `csrc/version-script`, and makes every
//!    name listed in its `LUA_5.1` node carry that version as the default
//!    (`@@LUA_5.1`), as Debian's liblua5.1 does (see `version_node`).
//! 3. Generates the C headers (`lua.h`, `luaconf.h`, `lauxlib.h`,
//!    `lualib.h`, `lua.hpp`, `cellua.h`) with cbindgen from the declarations
//!    in `src/capi/` into `$OUT_DIR/include`; `tests/headers.rs` fails when
//!    the checked-in `include/` differs. `CELLUA_WRITE_HEADERS=1 cargo build`
//!    (or `scripts/gen-headers.sh`) also writes them into `include/`.
//!
//! The function prototypes, the typedefs and the structs come from the Rust
//! declarations; the macros, the constants and the three variadic
//! functions (defined in C) are the text below. Names, values and
//! signatures follow the Lua 5.1 manual and Debian's liblua5.1 headers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=csrc");
    println!("cargo:rerun-if-changed=src/capi");
    println!("cargo:rerun-if-env-changed=CELLUA_WRITE_HEADERS");
    cc::Build::new()
        .file("csrc/shim.c")
        .flag_if_supported("-std=c99")
        .warnings(true)
        .extra_warnings(true)
        .compile("cellua_shim");
    version_node(&root);
    // The interpreter exports the C API from its own symbol table, so a C
    // module that `require` loads binds its `lua_*` references to it.
    println!("cargo:rustc-link-arg-bin=cellua=-Wl,--export-dynamic");
    headers(&root);
}

// ----- the LUA_5.1 version node ------------------------------------------

/// Link arguments of the shared library.
///
/// rustc gives the linker its own version script for a cdylib, an
/// anonymous one that lists every `#[no_mangle]` Rust symbol; rust-lld lets
/// an exact name in that script win over the same name in ours, so Rust
/// symbols would come out unversioned ("Base") and only the C-defined ones
/// `LUA_5.1`. A symbol whose *name* says its version takes precedence over
/// every version script, and lld treats `foo@@V` and `foo` as one symbol
/// (the default version of `foo`). So for every name of the `LUA_5.1` node
/// we add an undefined reference `-u name@@LUA_5.1`: it merges with the
/// definition (from Rust or from the shim) and gives it version `LUA_5.1`
/// as its default. A listed name nothing defines stays out of the dynamic
/// symbol table (an unused `-u` undefined symbol is not exported).
fn version_node(root: &Path) {
    let script = root.join("csrc/version-script");
    println!(
        "cargo:rustc-cdylib-link-arg=-Wl,--version-script={}",
        script.display()
    );
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcellua.so");
    // rustc asks for --no-undefined-version; a name in rustc's script that
    // now carries a version in its name, or a listed name not (yet)
    // defined, must not be an error.
    println!("cargo:rustc-cdylib-link-arg=-Wl,--undefined-version");
    let text = std::fs::read_to_string(&script).expect("read csrc/version-script");
    for name in version_script_names(&text, "LUA_5.1") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-u,{name}@@LUA_5.1");
    }
}

/// The `global:` names of node `node` in a version script.
fn version_script_names(text: &str, node: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_node = false;
    let mut global = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if !in_node {
            if line.split_whitespace().next() == Some(node) {
                in_node = true;
                global = true;
            }
            continue;
        }
        if line.starts_with('}') {
            break;
        }
        match line {
            "global:" => global = true,
            "local:" => global = false,
            _ if global => {
                for n in line.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                    if n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        out.push(n.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

// ----- headers ---------------------------------------------------------------

/// One generated header.
struct Header {
    file: &'static str,
    /// Include guard (the names Debian's headers use).
    guard: Option<&'static str>,
    sys_includes: &'static [&'static str],
    includes: &'static [&'static str],
    /// Text between the includes and the generated declarations.
    before: String,
    /// Text after the generated declarations.
    after: String,
    /// Macro put before every prototype.
    prefix: &'static str,
    /// Which Rust item names this header declares.
    wants: fn(&str) -> bool,
}

fn headers(root: &Path) {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let gen_dir = out_dir.join("include");
    std::fs::create_dir_all(&gen_dir).expect("create $OUT_DIR/include");
    // Where tests/headers.rs finds them.
    println!(
        "cargo:rustc-env=CELLUA_GENERATED_INCLUDE={}",
        gen_dir.display()
    );
    let capi = root.join("src/capi");
    let names = rust_item_names(&capi);
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_else(|_| "0.0.0".into());
    let write = std::env::var("CELLUA_WRITE_HEADERS").is_ok_and(|v| !v.is_empty() && v != "0");
    for h in header_list(&version) {
        let text = match generate(&capi.join("mod.rs"), &h, &names) {
            Ok(t) => t,
            Err(e) => {
                // Not fatal: the crate itself does not need the headers;
                // tests/headers.rs fails on the missing or stale file.
                println!("cargo:warning=cbindgen could not generate {}: {e}", h.file);
                continue;
            }
        };
        write_if_changed(&gen_dir.join(h.file), &text);
        if write {
            write_if_changed(&root.join("include").join(h.file), &text);
        }
    }
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

/// Run cbindgen over `src/capi/` (it follows the `mod` items of `mod.rs`)
/// keeping only the items `h` wants.
fn generate(mod_rs: &Path, h: &Header, names: &Names) -> Result<String, String> {
    use cbindgen::{
        Builder, Config, ExportConfig, FunctionConfig, ItemType, Language, Layout, SortKey, Style,
    };
    // An item is declared by the header that wants it; everything else
    // (other headers' items, internal types, functions the Rust code
    // imports from C) is excluded by name.
    let mut exclude: Vec<String> = names
        .items
        .iter()
        .filter(|n| !(h.wants)(n) || names.imported.contains(*n))
        .cloned()
        .collect();
    // Declared by hand: cbindgen cannot size `[c_char; IDENT.len()]`.
    exclude.push("lua_ident".to_string());
    // cbindgen makes a nullable function pointer of `Option<extern fn>`
    // but not of `Option<T>` with `T` a function-pointer typedef: it
    // would declare an opaque `Option_T`. The typedef already is the C
    // type (C function pointers are nullable), so name it instead.
    let mut rename = std::collections::HashMap::new();
    for n in &names.fn_typedefs {
        exclude.push(format!("Option_{n}"));
        rename.insert(format!("Option_{n}"), n.clone());
    }
    // Every type of the header is declared, used by a function or not
    // (lua_Hook, lua_Debug, luaL_Reg, ...).
    let include = names
        .types
        .iter()
        .filter(|n| (h.wants)(n))
        .cloned()
        .collect();
    let config = Config {
        // The guard is written by hand: cbindgen puts its trailer after
        // its own guard's `#endif`.
        header: Some(match h.guard {
            Some(g) => format!("{}\n#ifndef {g}\n#define {g}", banner(h.file)),
            None => banner(h.file),
        }),
        no_includes: true,
        sys_includes: h.sys_includes.iter().map(|s| s.to_string()).collect(),
        includes: h.includes.iter().map(|s| s.to_string()).collect(),
        after_includes: Some(format!("\n{}", h.before)),
        trailer: Some(match h.guard {
            Some(g) => format!("{}\n#endif /* {g} */", h.after),
            None => h.after.clone(),
        }),
        language: Language::C,
        style: Style::Both,
        usize_is_size_t: true,
        documentation: false,
        sort_by: SortKey::Name,
        tab_width: 2,
        line_length: 100,
        function: FunctionConfig {
            prefix: Some(h.prefix.to_string()),
            args: Layout::Auto,
            sort_by: Some(SortKey::Name),
            ..Default::default()
        },
        export: ExportConfig {
            exclude,
            include,
            rename,
            // Constants are written by hand (in the 5.1 spelling, with
            // parentheses); tests/headers.rs checks them against Rust.
            item_types: vec![
                ItemType::Globals,
                ItemType::Structs,
                ItemType::Typedefs,
                ItemType::OpaqueItems,
                ItemType::Functions,
            ],
            ..Default::default()
        },
        ..Default::default()
    };
    let bindings = Builder::new()
        .with_config(config)
        .with_src(mod_rs)
        .generate()
        .map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    bindings.write(&mut buf);
    let text = String::from_utf8(buf).map_err(|e| e.to_string())?;
    // At most one blank line in a row (an empty item list leaves several).
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let b = line.trim().is_empty();
        if !(b && blank) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        blank = b;
    }
    Ok(out)
}

/// Item names found in the Rust sources, and the functions declared in
/// `extern` blocks (imports from C, never declared by our headers).
struct Names {
    items: BTreeSet<String>,
    imported: BTreeSet<String>,
    /// Names of types (`type`, `struct`, `enum`, `union`).
    types: BTreeSet<String>,
    /// Type aliases of function pointers (`type F = unsafe extern "C" fn..`).
    fn_typedefs: BTreeSet<String>,
}

/// A rough scan of every `.rs` file under `dir`: the identifier after
/// `fn`, `static`, `const`, `type`, `struct`, `enum` and `union`. It only
/// has to over-approximate (an extra name just excludes nothing).
fn rust_item_names(dir: &Path) -> Names {
    let mut names = Names {
        items: BTreeSet::new(),
        imported: BTreeSet::new(),
        types: BTreeSet::new(),
        fn_typedefs: BTreeSet::new(),
    };
    let mut files = Vec::new();
    collect_rs(dir, &mut files);
    files.sort();
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else {
            continue;
        };
        scan_items(&src, &mut names);
    }
    names
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn scan_items(src: &str, names: &mut Names) {
    let b = src.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if ident(b[i]) {
            let s = i;
            while i < b.len() && ident(b[i]) {
                i += 1;
            }
            words.push((s, i));
        } else {
            i += 1;
        }
    }
    for w in words.windows(2) {
        let kw = &src[w[0].0..w[0].1];
        if !matches!(
            kw,
            "fn" | "static" | "const" | "type" | "struct" | "enum" | "union"
        ) {
            continue;
        }
        // `static mut NAME`
        let name = &src[w[1].0..w[1].1];
        if name == "mut" {
            continue;
        }
        names.items.insert(name.to_string());
        if matches!(kw, "type" | "struct" | "enum" | "union") {
            names.types.insert(name.to_string());
        }
        if kw == "type" {
            let rest = &src[w[1].1..];
            let def = &rest[..rest.find(';').unwrap_or(rest.len())];
            if def.contains("fn(") || def.contains("fn (") {
                names.fn_typedefs.insert(name.to_string());
            }
        }
        if kw == "fn" {
            // A declaration without a body (`fn f(..) -> T;`) is an import.
            let mut depth = 0i32;
            for &c in &b[w[1].1..] {
                match c {
                    b'(' | b'<' | b'[' => depth += 1,
                    b')' | b'>' | b']' => depth -= 1,
                    b'{' => break,
                    b';' if depth <= 0 => {
                        names.imported.insert(name.to_string());
                        break;
                    }
                    _ => {}
                }
            }
        }
    }
    // `static mut NAME` and `pub(crate) static mut NAME`
    for w in words.windows(3) {
        if &src[w[0].0..w[0].1] == "static" && &src[w[1].0..w[1].1] == "mut" {
            names.items.insert(src[w[2].0..w[2].1].to_string());
        }
    }
}

fn banner(file: &str) -> String {
    format!(
        "/*\n * {file}: part of the Lua 5.1 C API of cellua, a Lua 5.1 virtual machine\n \
         * written in Rust.\n *\n \
         * Generated by build.rs with cbindgen from the declarations in src/capi/.\n \
         * Do not edit: run scripts/gen-headers.sh to regenerate include/.\n *\n \
         * Names, values and signatures are those of Lua 5.1 (as packaged by\n \
         * Debian's liblua5.1), so that C code written for it builds unchanged.\n \
         */"
    )
}

fn starts(n: &str, p: &str) -> bool {
    n.starts_with(p)
}

fn header_list(version: &str) -> Vec<Header> {
    let mut v = version.split(['.', '-', '+']);
    let mut part = || v.next().and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let (major, minor, patch) = (part(), part(), part());
    vec![
        Header {
            file: "luaconf.h",
            guard: Some("lconfig_h"),
            sys_includes: &["limits.h", "stddef.h"],
            includes: &[],
            before: LUACONF_H.to_string(),
            after: String::new(),
            prefix: "",
            wants: |_| false,
        },
        Header {
            file: "lua.h",
            guard: Some("lua_h"),
            sys_includes: &["stdarg.h", "stddef.h"],
            includes: &["luaconf.h"],
            before: LUA_H_BEFORE.to_string(),
            after: LUA_H_AFTER.to_string(),
            prefix: "LUA_API",
            wants: |n| starts(n, "lua_"),
        },
        Header {
            file: "lauxlib.h",
            guard: Some("lauxlib_h"),
            sys_includes: &["stddef.h", "stdio.h"],
            includes: &["lua.h"],
            before: LAUXLIB_H_BEFORE.to_string(),
            after: LAUXLIB_H_AFTER.to_string(),
            prefix: "LUALIB_API",
            wants: |n| starts(n, "luaL_") && n != "luaL_openlibs",
        },
        Header {
            file: "lualib.h",
            guard: Some("lualib_h"),
            sys_includes: &[],
            includes: &["lua.h"],
            before: LUALIB_H_BEFORE.to_string(),
            after: LUALIB_H_AFTER.to_string(),
            prefix: "LUALIB_API",
            wants: |n| starts(n, "luaopen_") || n == "luaL_openlibs",
        },
        Header {
            file: "lua.hpp",
            guard: Some("cellua_lua_hpp"),
            sys_includes: &[],
            includes: &[],
            before: LUA_HPP.to_string(),
            after: String::new(),
            prefix: "",
            wants: |_| false,
        },
        Header {
            file: "cellua.h",
            guard: Some("cellua_h"),
            sys_includes: &[],
            includes: &["lua.h"],
            before: format!(
                "/* This header is cellua's own: compile-time and run-time ways to\n   \
                 know that the Lua 5.1 library in use is cellua. */\n\
                 #define CELLUA 1\n\
                 #define CELLUA_VERSION \"{version}\"\n\
                 #define CELLUA_VERSION_MAJOR {major}\n\
                 #define CELLUA_VERSION_MINOR {minor}\n\
                 #define CELLUA_VERSION_PATCH {patch}\n\n{CPP_OPEN}"
            ),
            after: CPP_CLOSE.to_string(),
            prefix: "LUA_API",
            wants: |n| starts(n, "cellua_"),
        },
    ]
}

const CPP_OPEN: &str = "#ifdef __cplusplus\nextern \"C\" {\n#endif\n";
const CPP_CLOSE: &str = "#ifdef __cplusplus\n}\n#endif\n";

const LUACONF_H: &str = r#"/* ---- how the API is declared ---- */

/* The library's functions have C linkage in C++ too. */
#ifndef LUA_API
#ifdef __cplusplus
#define LUA_API extern "C"
#else
#define LUA_API extern
#endif
#endif

#ifndef LUALIB_API
#define LUALIB_API LUA_API
#endif

/* Internal functions and data of the reference implementation; kept so
   that code using these macros still compiles. */
#define LUAI_FUNC extern
#define LUAI_DATA extern

/* ---- platform ---- */

#if defined(__STRICT_ANSI__)
#define LUA_ANSI
#endif

#if defined(LUA_USE_LINUX)
#define LUA_USE_POSIX
#define LUA_USE_DLOPEN
#define LUA_USE_READLINE
#endif

#if defined(LUA_USE_POSIX)
#define LUA_USE_MKSTEMP
#define LUA_USE_ISATTY
#define LUA_USE_POPEN
#define LUA_USE_ULONGJMP
#endif

#if defined(LUA_USE_DLOPEN)
#define LUA_DL_DLOPEN
#endif

/* ---- environment variables and search paths ---- */

#define LUA_PATH "LUA_PATH"
#define LUA_CPATH "LUA_CPATH"
#define LUA_INIT "LUA_INIT"

/* The multiarch directory of Debian's C module path. */
#ifndef DEB_HOST_MULTIARCH
#if defined(__x86_64__) && defined(__ILP32__)
#define DEB_HOST_MULTIARCH "x86_64-linux-gnux32"
#elif defined(__x86_64__)
#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"
#elif defined(__aarch64__)
#define DEB_HOST_MULTIARCH "aarch64-linux-gnu"
#elif defined(__i386__)
#define DEB_HOST_MULTIARCH "i386-linux-gnu"
#elif defined(__arm__)
#define DEB_HOST_MULTIARCH "arm-linux-gnueabihf"
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define DEB_HOST_MULTIARCH "powerpc64le-linux-gnu"
#elif defined(__riscv) && __riscv_xlen == 64
#define DEB_HOST_MULTIARCH "riscv64-linux-gnu"
#elif defined(__s390x__)
#define DEB_HOST_MULTIARCH "s390x-linux-gnu"
#else
#define DEB_HOST_MULTIARCH "unknown-linux-gnu"
#endif
#endif

#define LUA_ROOT "/usr/local/"
#define LUA_ROOT2 "/usr/"
#define LUA_LDIR LUA_ROOT "share/lua/5.1/"
#define LUA_LDIR2 LUA_ROOT2 "share/lua/5.1/"
#define LUA_CDIR LUA_ROOT "lib/lua/5.1/"
#define LUA_CDIR2 LUA_ROOT2 "lib/" DEB_HOST_MULTIARCH "/lua/5.1/"
#define LUA_CDIR3 LUA_ROOT2 "lib/lua/5.1/"
#define LUA_PATH_DEFAULT \
  "./?.lua;" LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" LUA_CDIR "?.lua;" \
  LUA_CDIR "?/init.lua;" LUA_LDIR2 "?.lua;" LUA_LDIR2 "?/init.lua"
#define LUA_CPATH_DEFAULT \
  "./?.so;" LUA_CDIR "?.so;" LUA_CDIR2 "?.so;" LUA_CDIR3 "?.so;" \
  LUA_CDIR "loadall.so"

#define LUA_DIRSEP "/"
#define LUA_PATHSEP ";"
#define LUA_PATH_MARK "?"
#define LUA_EXECDIR "!"
#define LUA_IGMARK "-"

/* ---- numbers ---- */

#define LUA_NUMBER_DOUBLE
#define LUA_NUMBER double
#define LUAI_UACNUMBER double
#define LUA_INTEGER ptrdiff_t

#define LUA_NUMBER_SCAN "%lf"
#define LUA_NUMBER_FMT "%.14g"
#define LUAI_MAXNUMBER2STR 32
#define lua_number2str(s, n) sprintf((s), LUA_NUMBER_FMT, (n))
#define lua_str2number(s, p) strtod((s), (p))
#define lua_number2int(i, d) ((i) = (int)(d))
#define lua_number2integer(i, d) ((i) = (lua_Integer)(d))

#define LUA_INTFRMLEN "l"
#define LUA_INTFRM_T long

#define LUAI_BITSINT 32
#define LUAI_UINT32 unsigned int
#define LUAI_INT32 int
#define LUAI_MAXINT32 INT_MAX
#define LUAI_UMEM size_t
#define LUAI_MEM ptrdiff_t

/* ---- limits ---- */

/* Size of lua_Debug.short_src. */
#define LUA_IDSIZE 60

/* Size of the buffer inside luaL_Buffer: BUFSIZ of <stdio.h>, as in
   Debian's build (8192 with glibc; lauxlib.h checks it). */
#define LUAL_BUFFERSIZE BUFSIZ

#define LUAI_MAXCALLS 20000
#define LUAI_MAXCSTACK 8000
#define LUAI_MAXCCALLS 200
#define LUAI_MAXVARS 200
#define LUAI_MAXUPVALUES 60
#define LUA_MAXCAPTURES 32
#define LUAI_EXTRASPACE 0
#define LUAI_GCPAUSE 200
#define LUAI_GCMUL 200

/* ---- the stand-alone interpreter (for sources that define lua_c) ---- */

#if defined(lua_c) || defined(luaall_c)

#if defined(LUA_USE_ISATTY)
#include <unistd.h>
#define lua_stdin_is_tty() isatty(0)
#else
#define lua_stdin_is_tty() 1
#endif

#define LUA_PROMPT "> "
#define LUA_PROMPT2 ">> "
#define LUA_PROGNAME "lua"
#define LUA_MAXINPUT 512

#if defined(LUA_USE_READLINE)
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#define lua_readline(L, b, p) ((void)L, ((b) = readline(p)) != NULL)
#define lua_saveline(L, idx) \
  if (lua_strlen(L, idx) > 0) \
    add_history(lua_tostring(L, idx));
#define lua_freeline(L, b) ((void)L, free(b))
#else
#define lua_readline(L, b, p) \
  ((void)L, fputs(p, stdout), fflush(stdout), \
   fgets(b, LUA_MAXINPUT, stdin) != NULL)
#define lua_saveline(L, idx) { (void)L; (void)idx; }
#define lua_freeline(L, b) { (void)L; (void)b; }
#endif

#endif

/* ---- compatibility switches of 5.1 (as Debian sets them) ---- */

#undef LUA_COMPAT_GETN
#undef LUA_COMPAT_LOADLIB
#define LUA_COMPAT_VARARG
#define LUA_COMPAT_MOD
#define LUA_COMPAT_LSTR 1
#define LUA_COMPAT_GFIND
#define LUA_COMPAT_OPENLIB

/* ---- quoting in messages ---- */

#define LUA_QL(x) "'" x "'"
#define LUA_QS LUA_QL("%s")

#define luai_apicheck(L, o) { (void)L; }
"#;

const LUA_H_BEFORE: &str = r#"#define LUA_VERSION "Lua 5.1"
#define LUA_RELEASE "Lua 5.1.5"
#define LUA_VERSION_NUM 501
#define LUA_COPYRIGHT \
  "cellua (MIT license); Lua 5.1 is Copyright (C) 1994-2012 Lua.org, PUC-Rio"
#define LUA_AUTHORS "R. Ierusalimschy, L. H. de Figueiredo & W. Celes"

/* First bytes of a precompiled chunk: ESC 'L' 'u' 'a'. */
#define LUA_SIGNATURE "\033Lua"

/* Ask lua_call and lua_pcall for all results. */
#define LUA_MULTRET (-1)

/* Pseudo-indices. */
#define LUA_REGISTRYINDEX (-10000)
#define LUA_ENVIRONINDEX (-10001)
#define LUA_GLOBALSINDEX (-10002)
#define lua_upvalueindex(i) (LUA_GLOBALSINDEX - (i))

/* Status codes of lua_resume, lua_pcall, lua_load, ... */
#define LUA_YIELD 1
#define LUA_ERRRUN 2
#define LUA_ERRSYNTAX 3
#define LUA_ERRMEM 4
#define LUA_ERRERR 5

/* Type tags (lua_type). */
#define LUA_TNONE (-1)
#define LUA_TNIL 0
#define LUA_TBOOLEAN 1
#define LUA_TLIGHTUSERDATA 2
#define LUA_TNUMBER 3
#define LUA_TSTRING 4
#define LUA_TTABLE 5
#define LUA_TFUNCTION 6
#define LUA_TUSERDATA 7
#define LUA_TTHREAD 8

/* Stack slots a C function may use without lua_checkstack. */
#define LUA_MINSTACK 20

/* Options of lua_gc. */
#define LUA_GCSTOP 0
#define LUA_GCRESTART 1
#define LUA_GCCOLLECT 2
#define LUA_GCCOUNT 3
#define LUA_GCCOUNTB 4
#define LUA_GCSTEP 5
#define LUA_GCSETPAUSE 6
#define LUA_GCSETSTEPMUL 7

/* Debug hook events and masks. */
#define LUA_HOOKCALL 0
#define LUA_HOOKRET 1
#define LUA_HOOKLINE 2
#define LUA_HOOKCOUNT 3
#define LUA_HOOKTAILRET 4
#define LUA_MASKCALL (1 << LUA_HOOKCALL)
#define LUA_MASKRET (1 << LUA_HOOKRET)
#define LUA_MASKLINE (1 << LUA_HOOKLINE)
#define LUA_MASKCOUNT (1 << LUA_HOOKCOUNT)

#ifdef __cplusplus
extern "C" {
#endif

struct lua_Debug;
"#;

const LUA_H_AFTER: &str = r#"/* The identification string of the library. */
LUA_API const char lua_ident[];

/* Defined in C (csrc/shim.c): they take a format and its arguments. */
LUA_API const char *lua_pushvfstring(lua_State *L, const char *fmt,
                                     va_list argp);
LUA_API const char *lua_pushfstring(lua_State *L, const char *fmt, ...);

#ifdef __cplusplus
}
#endif

/* ---- the API's macros ---- */

#define lua_pop(L, n) lua_settop(L, -(n)-1)
#define lua_newtable(L) lua_createtable(L, 0, 0)
#define lua_register(L, n, f) (lua_pushcfunction(L, (f)), lua_setglobal(L, (n)))
#define lua_pushcfunction(L, f) lua_pushcclosure(L, (f), 0)
#define lua_strlen(L, i) lua_objlen(L, (i))

#define lua_isfunction(L, n) (lua_type(L, (n)) == LUA_TFUNCTION)
#define lua_istable(L, n) (lua_type(L, (n)) == LUA_TTABLE)
#define lua_islightuserdata(L, n) (lua_type(L, (n)) == LUA_TLIGHTUSERDATA)
#define lua_isnil(L, n) (lua_type(L, (n)) == LUA_TNIL)
#define lua_isboolean(L, n) (lua_type(L, (n)) == LUA_TBOOLEAN)
#define lua_isthread(L, n) (lua_type(L, (n)) == LUA_TTHREAD)
#define lua_isnone(L, n) (lua_type(L, (n)) == LUA_TNONE)
#define lua_isnoneornil(L, n) (lua_type(L, (n)) <= 0)

#define lua_pushliteral(L, s) \
  lua_pushlstring(L, "" s, (sizeof(s) / sizeof(char)) - 1)

#define lua_setglobal(L, s) lua_setfield(L, LUA_GLOBALSINDEX, (s))
#define lua_getglobal(L, s) lua_getfield(L, LUA_GLOBALSINDEX, (s))
#define lua_tostring(L, i) lua_tolstring(L, (i), NULL)

/* ---- compatibility with Lua 5.0 ---- */

#define lua_open() luaL_newstate()
#define lua_getregistry(L) lua_pushvalue(L, LUA_REGISTRYINDEX)
#define lua_getgccount(L) lua_gc(L, LUA_GCCOUNT, 0)
#define lua_Chunkreader lua_Reader
#define lua_Chunkwriter lua_Writer
"#;

const LAUXLIB_H_BEFORE: &str = r#"/* Status of luaL_loadfile when the file cannot be opened or read. */
#define LUA_ERRFILE (LUA_ERRERR + 1)

/* The library's buffer must have the size this header gives it. */
typedef char cellua_luaL_Buffer_size_check[(LUAL_BUFFERSIZE == 8192) ? 1 : -1];

#ifdef __cplusplus
extern "C" {
#endif
"#;

const LAUXLIB_H_AFTER: &str = r#"/* Defined in C (csrc/shim.c): raises an error with a formatted message
   prefixed by the position (luaL_where(L, 1)); never returns. */
LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...);

#ifdef __cplusplus
}
#endif

/* ---- argument checking ---- */

#define luaL_argcheck(L, cond, numarg, extramsg) \
  ((void)((cond) || luaL_argerror(L, (numarg), (extramsg))))
#define luaL_checkstring(L, n) (luaL_checklstring(L, (n), NULL))
#define luaL_optstring(L, n, d) (luaL_optlstring(L, (n), (d), NULL))
#define luaL_checkint(L, n) ((int)luaL_checkinteger(L, (n)))
#define luaL_optint(L, n, d) ((int)luaL_optinteger(L, (n), (d)))
#define luaL_checklong(L, n) ((long)luaL_checkinteger(L, (n)))
#define luaL_optlong(L, n, d) ((long)luaL_optinteger(L, (n), (d)))
#define luaL_typename(L, i) lua_typename(L, lua_type(L, (i)))
#define luaL_opt(L, f, n, d) (lua_isnoneornil(L, (n)) ? (d) : f(L, (n)))

#define luaL_dofile(L, fn) \
  (luaL_loadfile(L, fn) || lua_pcall(L, 0, LUA_MULTRET, 0))
#define luaL_dostring(L, s) \
  (luaL_loadstring(L, s) || lua_pcall(L, 0, LUA_MULTRET, 0))
#define luaL_getmetatable(L, n) (lua_getfield(L, LUA_REGISTRYINDEX, (n)))

/* ---- buffers ---- */

#define luaL_addchar(B, c) \
  ((void)((B)->p < ((B)->buffer + LUAL_BUFFERSIZE) || luaL_prepbuffer(B)), \
   (*(B)->p++ = (char)(c)))
#define luaL_putchar(B, c) luaL_addchar(B, c)
#define luaL_addsize(B, n) ((B)->p += (n))

/* ---- references ---- */

#define LUA_NOREF (-2)
#define LUA_REFNIL (-1)

/* ---- compatibility ---- */

/* Table sizes are lengths in 5.1 (LUA_COMPAT_GETN is off). */
#define luaL_getn(L, i) ((int)lua_objlen(L, i))
#define luaL_setn(L, i, j) ((void)0)

#define luaI_openlib luaL_openlib
#define luaL_reg luaL_Reg

#define lua_ref(L, lock) \
  ((lock) ? luaL_ref(L, LUA_REGISTRYINDEX) \
          : (lua_pushstring(L, "unlocked references are obsolete"), \
             lua_error(L), 0))
#define lua_unref(L, ref) luaL_unref(L, LUA_REGISTRYINDEX, (ref))
#define lua_getref(L, ref) lua_rawgeti(L, LUA_REGISTRYINDEX, (ref))
"#;

const LUALIB_H_BEFORE: &str = r#"/* Metatable name of io's file handles. */
#define LUA_FILEHANDLE "FILE*"

/* Names of the standard libraries. */
#define LUA_COLIBNAME "coroutine"
#define LUA_TABLIBNAME "table"
#define LUA_IOLIBNAME "io"
#define LUA_OSLIBNAME "os"
#define LUA_STRLIBNAME "string"
#define LUA_MATHLIBNAME "math"
#define LUA_DBLIBNAME "debug"
#define LUA_LOADLIBNAME "package"

#ifdef __cplusplus
extern "C" {
#endif
"#;

const LUALIB_H_AFTER: &str = r#"#ifdef __cplusplus
}
#endif

#ifndef lua_assert
#define lua_assert(x) ((void)0)
#endif
"#;

const LUA_HPP: &str = r#"/* The three headers of the C API, with C linkage, for C++. */
extern "C" {
#include "lua.h"
#include "lualib.h"
#include "lauxlib.h"
}
"#;
