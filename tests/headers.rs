//! The C headers in `include/`:
//! * they are what the build generates (cbindgen, build.rs);
//! * they compile without warnings as C89 (pedantic), C99 and C++, alone
//!   and through `lua.hpp`, with every 5.1 macro in use;
//! * their macro values, type sizes and struct layouts equal those of
//!   Debian's `/usr/include/lua5.1` (probed by compiling the same program
//!   against both) and the Rust constants;
//! * every prototype agrees with Debian's (Debian's declarations, compiled
//!   after ours, must not conflict), and every function Debian declares is
//!   declared.
//!
//! Without gcc or Debian's headers these tests are skipped, unless `CI` is
//! set (then they fail).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const HEADERS: &[&str] = &[
    "lua.h",
    "luaconf.h",
    "lauxlib.h",
    "lualib.h",
    "lua.hpp",
    "cellua.h",
];
const DEBIAN: &str = "/usr/include/lua5.1";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn include() -> PathBuf {
    root().join("include")
}

/// A directory of our own under the temp dir, emptied first.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cellua-headers-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Whether the tools a test needs are here; skips (or fails under CI).
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

/// Run a command; panic with its output when it fails or prints anything
/// on stderr (a warning).
fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "{cmd:?} failed ({}):\n{stderr}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The compiler modes the headers must be clean under: (name, compiler,
/// flags).
const MODES: &[(&str, &str, &[&str])] = &[
    (
        "c89",
        "gcc",
        &[
            "-x",
            "c",
            "-std=c89",
            "-pedantic",
            "-Wall",
            "-Wextra",
            "-Wstrict-prototypes",
        ],
    ),
    (
        "c99",
        "gcc",
        &[
            "-x",
            "c",
            "-std=c99",
            "-Wall",
            "-Wextra",
            "-Wstrict-prototypes",
        ],
    ),
    ("c++", "g++", &["-x", "c++", "-Wall", "-Wextra"]),
];

#[test]
fn checked_in_headers_are_the_generated_ones() {
    let generated = PathBuf::from(env!("CELLUA_GENERATED_INCLUDE"));
    let mut stale = Vec::new();
    for h in HEADERS {
        let want = std::fs::read_to_string(generated.join(h))
            .unwrap_or_else(|e| panic!("the build did not generate {h} ({e}); see its warnings"));
        match std::fs::read_to_string(include().join(h)) {
            Ok(have) if have == want => {}
            Ok(have) => {
                let line = have
                    .lines()
                    .zip(want.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| have.lines().count().min(want.lines().count()));
                stale.push(format!("{h} (first difference at line {})", line + 1));
            }
            Err(_) => stale.push(format!("{h} (missing)")),
        }
    }
    assert!(
        stale.is_empty(),
        "include/ differs from what the build generates: {}.\n\
         Run scripts/gen-headers.sh and commit include/.",
        stale.join(", ")
    );
}

/// Uses every macro of the headers and a few functions; compiled only.
const USAGE: &str = r#"
#include "lua.h"
#include "luaconf.h"
#include "lauxlib.h"
#include "lualib.h"
#include "cellua.h"

static int cfn(lua_State *L) {
  (void)L;
  return 0;
}

static const char *vfs(lua_State *L, const char *fmt, ...) {
  const char *s;
  va_list ap;
  va_start(ap, fmt);
  s = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return s;
}

int cellua_header_usage(lua_State *L);

int cellua_header_usage(lua_State *L) {
  luaL_Buffer b;
  lua_Debug ar;
  luaL_Reg regs[2];
  luaL_reg *old = regs;
  lua_State *L2;
  lua_Chunkreader rd = 0;
  lua_Chunkwriter wr = 0;
  lua_Hook hk = 0;
  lua_Alloc al = 0;
  lua_CFunction cf = cfn;
  const char *s;
  size_t n = 0;
  int r = 0;
  lua_Number x = 0;
  lua_Integer i = 0;

  regs[0].name = "f";
  regs[0].func = cfn;
  regs[1].name = NULL;
  regs[1].func = NULL;
  luaL_register(L, "lib", old);
  luaI_openlib(L, "lib2", regs, 0);

  lua_pushcfunction(L, cf);
  lua_register(L, "f", cfn);
  lua_newtable(L);
  lua_pop(L, 1);
  r += (int)lua_strlen(L, 1);
  r += lua_isfunction(L, 1) + lua_istable(L, 1) + lua_islightuserdata(L, 1);
  r += lua_isnil(L, 1) + lua_isboolean(L, 1) + lua_isthread(L, 1);
  r += lua_isnone(L, 1) + lua_isnoneornil(L, 1);
  lua_pushliteral(L, "a literal");
  lua_setglobal(L, "g");
  lua_getglobal(L, "g");
  s = lua_tostring(L, -1);
  s = lua_tolstring(L, -1, &n);
  lua_getregistry(L);
  r += lua_getgccount(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, LUA_ENVIRONINDEX);
  x = lua_tonumber(L, 1);
  i = lua_tointeger(L, 1);
  s = lua_pushfstring(L, "%s %d %f %p %c %%", "s", 1, x, (void *)L, 'c');
  s = vfs(L, "%d", 2);
  r += lua_gc(L, LUA_GCCOLLECT, 0) + LUA_GCSTOP + LUA_GCRESTART + LUA_GCCOUNT;
  r += LUA_GCCOUNTB + LUA_GCSTEP + LUA_GCSETPAUSE + LUA_GCSETSTEPMUL;
  r += LUA_YIELD + LUA_ERRRUN + LUA_ERRSYNTAX + LUA_ERRMEM + LUA_ERRERR;
  r += LUA_ERRFILE + LUA_MULTRET + LUA_MINSTACK + LUA_VERSION_NUM;
  r += LUA_TNONE + LUA_TNIL + LUA_TBOOLEAN + LUA_TLIGHTUSERDATA + LUA_TNUMBER;
  r += LUA_TSTRING + LUA_TTABLE + LUA_TFUNCTION + LUA_TUSERDATA + LUA_TTHREAD;
  r += LUA_HOOKCALL + LUA_HOOKRET + LUA_HOOKLINE + LUA_HOOKCOUNT + LUA_HOOKTAILRET;
  r += LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
  r += LUA_NOREF + LUA_REFNIL + LUAI_MAXCCALLS + LUA_IDSIZE + LUAL_BUFFERSIZE;
  ar.currentline = 0;
  ar.short_src[0] = '\0';
  r += ar.currentline + (int)sizeof ar.short_src;

  luaL_buffinit(L, &b);
  luaL_addchar(&b, 'x');
  luaL_putchar(&b, 'y');
  luaL_addsize(&b, 0);
  luaL_addlstring(&b, "ab", 2);
  luaL_addstring(&b, "cd");
  luaL_pushresult(&b);

  luaL_argcheck(L, r > 0, 1, "positive");
  r += luaL_checkint(L, 1) + luaL_optint(L, 2, 0);
  r += (int)luaL_checklong(L, 1) + (int)luaL_optlong(L, 2, 0);
  r += (int)luaL_opt(L, luaL_checkinteger, 3, 7);
  s = luaL_checkstring(L, 1);
  s = luaL_optstring(L, 2, "default");
  s = luaL_typename(L, 1);
  r += luaL_dofile(L, "x.lua") + luaL_dostring(L, "return 1");
  luaL_getmetatable(L, "meta");
  r += luaL_getn(L, 1);
  luaL_setn(L, 1, 2);
  r += lua_ref(L, 1);
  lua_unref(L, 1);
  lua_getref(L, 1);

  r += luaopen_base(L);
  luaL_openlibs(L);
  L2 = lua_open();
  lua_close(L2);
  s = cellua_version();
  r += CELLUA;

  (void)rd;
  (void)wr;
  (void)hk;
  (void)al;
  (void)i;
  (void)lua_ident;
  (void)LUA_VERSION;
  (void)LUA_RELEASE;
  (void)LUA_COPYRIGHT;
  (void)LUA_AUTHORS;
  (void)LUA_SIGNATURE;
  (void)LUA_FILEHANDLE;
  (void)LUA_COLIBNAME;
  (void)LUA_TABLIBNAME;
  (void)LUA_IOLIBNAME;
  (void)LUA_OSLIBNAME;
  (void)LUA_STRLIBNAME;
  (void)LUA_MATHLIBNAME;
  (void)LUA_DBLIBNAME;
  (void)LUA_LOADLIBNAME;
  (void)LUA_NUMBER_FMT;
  (void)CELLUA_VERSION;
  lua_assert(r != 0);
  if (s == NULL)
    return luaL_error(L, "%s", "no string");
  return r;
}
"#;

#[test]
fn headers_compile_without_warnings() {
    if !have(&["gcc", "g++"]) {
        return;
    }
    let dir = scratch("compile");
    let c = dir.join("usage.c");
    std::fs::write(&c, USAGE).unwrap();
    let hpp = dir.join("usage_hpp.cpp");
    std::fs::write(
        &hpp,
        USAGE.replace("#include \"lua.h\"", "#include \"lua.hpp\""),
    )
    .unwrap();
    let inc = format!("-I{}", include().display());
    for (name, cc, flags) in MODES {
        run(Command::new(cc)
            .args(*flags)
            .arg(&inc)
            .arg("-c")
            .arg(&c)
            .arg("-o")
            .arg(dir.join(format!("{name}.o"))));
    }
    run(Command::new("g++")
        .args(["-Wall", "-Wextra", &inc, "-c"])
        .arg(&hpp)
        .arg("-o")
        .arg(dir.join("hpp.o")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Prints `NAME<tab>value` for macro values, type sizes and struct layouts.
const PROBE: &str = r#"
/* Also what luaconf.h gives the stand-alone interpreter. */
#define lua_c
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static void num(const char *name, long v) {
  printf("%s\t%ld\n", name, v);
}

static void str(const char *name, const char *s) {
  printf("%s\t", name);
  for (; *s; s++) {
    if (*s >= 32 && *s < 127)
      putchar(*s);
    else
      printf("\\%03o", (unsigned)(unsigned char)*s);
  }
  putchar('\n');
}

#define N(m) num(#m, (long)(m))
#define S(m) str(#m, m)
#define DEFINED(m, yes) num("defined " m, yes)

int main(void) {
  N(LUA_VERSION_NUM); N(LUA_MULTRET);
  N(LUA_REGISTRYINDEX); N(LUA_ENVIRONINDEX); N(LUA_GLOBALSINDEX);
  N(lua_upvalueindex(1)); N(lua_upvalueindex(255));
  N(LUA_YIELD); N(LUA_ERRRUN); N(LUA_ERRSYNTAX); N(LUA_ERRMEM); N(LUA_ERRERR);
  N(LUA_ERRFILE);
  N(LUA_TNONE); N(LUA_TNIL); N(LUA_TBOOLEAN); N(LUA_TLIGHTUSERDATA);
  N(LUA_TNUMBER); N(LUA_TSTRING); N(LUA_TTABLE); N(LUA_TFUNCTION);
  N(LUA_TUSERDATA); N(LUA_TTHREAD);
  N(LUA_MINSTACK);
  N(LUA_GCSTOP); N(LUA_GCRESTART); N(LUA_GCCOLLECT); N(LUA_GCCOUNT);
  N(LUA_GCCOUNTB); N(LUA_GCSTEP); N(LUA_GCSETPAUSE); N(LUA_GCSETSTEPMUL);
  N(LUA_HOOKCALL); N(LUA_HOOKRET); N(LUA_HOOKLINE); N(LUA_HOOKCOUNT);
  N(LUA_HOOKTAILRET);
  N(LUA_MASKCALL); N(LUA_MASKRET); N(LUA_MASKLINE); N(LUA_MASKCOUNT);
  N(LUA_IDSIZE); N(LUAL_BUFFERSIZE); N(LUAL_BUFFERSIZE == BUFSIZ);
  N(LUA_NOREF); N(LUA_REFNIL);
  N(LUAI_MAXCALLS); N(LUAI_MAXCSTACK); N(LUAI_MAXCCALLS); N(LUAI_MAXVARS);
  N(LUAI_MAXUPVALUES); N(LUA_MAXCAPTURES); N(LUAI_MAXNUMBER2STR);
  N(LUAI_GCPAUSE); N(LUAI_GCMUL); N(LUA_MAXINPUT); N(LUAI_BITSINT);
  N(LUAI_EXTRASPACE); N(LUA_COMPAT_LSTR); N(LUAI_MAXINT32);

  S(LUA_VERSION); S(LUA_RELEASE); S(LUA_AUTHORS); S(LUA_COPYRIGHT);
  S(LUA_SIGNATURE);
  S(LUA_NUMBER_FMT); S(LUA_NUMBER_SCAN); S(LUA_INTFRMLEN);
  S(LUA_FILEHANDLE);
  S(LUA_COLIBNAME); S(LUA_TABLIBNAME); S(LUA_IOLIBNAME); S(LUA_OSLIBNAME);
  S(LUA_STRLIBNAME); S(LUA_MATHLIBNAME); S(LUA_DBLIBNAME); S(LUA_LOADLIBNAME);
  S(LUA_PATH); S(LUA_CPATH); S(LUA_INIT);
  S(LUA_ROOT); S(LUA_LDIR); S(LUA_CDIR);
  S(LUA_PATH_DEFAULT); S(LUA_CPATH_DEFAULT);
  S(LUA_DIRSEP); S(LUA_PATHSEP); S(LUA_PATH_MARK); S(LUA_EXECDIR);
  S(LUA_IGMARK); S(LUA_QS); S(LUA_QL("x"));
  S(LUA_PROMPT); S(LUA_PROMPT2); S(LUA_PROGNAME);

#ifdef LUA_COMPAT_GETN
  DEFINED("LUA_COMPAT_GETN", 1);
#else
  DEFINED("LUA_COMPAT_GETN", 0);
#endif
#ifdef LUA_COMPAT_LOADLIB
  DEFINED("LUA_COMPAT_LOADLIB", 1);
#else
  DEFINED("LUA_COMPAT_LOADLIB", 0);
#endif
#ifdef LUA_COMPAT_OPENLIB
  DEFINED("LUA_COMPAT_OPENLIB", 1);
#else
  DEFINED("LUA_COMPAT_OPENLIB", 0);
#endif
#ifdef LUA_COMPAT_VARARG
  DEFINED("LUA_COMPAT_VARARG", 1);
#else
  DEFINED("LUA_COMPAT_VARARG", 0);
#endif
#ifdef LUA_COMPAT_MOD
  DEFINED("LUA_COMPAT_MOD", 1);
#else
  DEFINED("LUA_COMPAT_MOD", 0);
#endif
#ifdef LUA_COMPAT_GFIND
  DEFINED("LUA_COMPAT_GFIND", 1);
#else
  DEFINED("LUA_COMPAT_GFIND", 0);
#endif
#ifdef LUA_NUMBER_DOUBLE
  DEFINED("LUA_NUMBER_DOUBLE", 1);
#else
  DEFINED("LUA_NUMBER_DOUBLE", 0);
#endif
#ifdef lua_assert
  DEFINED("lua_assert", 1);
#else
  DEFINED("lua_assert", 0);
#endif

  N(sizeof(lua_Number)); N((lua_Number)0.5 > 0);
  N(sizeof(lua_Integer)); N((lua_Integer)-1 < 0);
  N(sizeof(LUA_INTFRM_T)); N(sizeof(LUAI_UMEM)); N(sizeof(LUAI_MEM));
  N(sizeof(LUAI_UINT32)); N(sizeof(LUAI_INT32));

  N(sizeof(lua_Debug));
  N(offsetof(lua_Debug, event)); N(offsetof(lua_Debug, name));
  N(offsetof(lua_Debug, namewhat)); N(offsetof(lua_Debug, what));
  N(offsetof(lua_Debug, source)); N(offsetof(lua_Debug, currentline));
  N(offsetof(lua_Debug, nups)); N(offsetof(lua_Debug, linedefined));
  N(offsetof(lua_Debug, lastlinedefined)); N(offsetof(lua_Debug, short_src));
  N(offsetof(lua_Debug, i_ci));
  N(sizeof(luaL_Buffer));
  N(offsetof(luaL_Buffer, p)); N(offsetof(luaL_Buffer, lvl));
  N(offsetof(luaL_Buffer, L)); N(offsetof(luaL_Buffer, buffer));
  N(sizeof(luaL_Reg));
  N(offsetof(luaL_Reg, name)); N(offsetof(luaL_Reg, func));
  return 0;
}
"#;

/// Compile and run the probe; its output as a map.
fn probe(
    dir: &Path,
    tag: &str,
    cc: &str,
    flags: &[&str],
    inc: &Path,
    src: &str,
) -> BTreeMap<String, String> {
    let file = dir.join(format!("probe-{tag}.c"));
    std::fs::write(&file, src).unwrap();
    let exe = dir.join(format!("probe-{tag}"));
    run(Command::new(cc)
        .args(flags)
        .arg(format!("-I{}", inc.display()))
        .arg(&file)
        .arg("-o")
        .arg(&exe));
    run(&mut Command::new(&exe))
        .lines()
        .map(|l| {
            let (k, v) = l.split_once('\t').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect()
}

#[test]
fn macro_values_and_layouts_are_debians() {
    if !have(&["gcc", "g++", "/usr/include/lua5.1/lua.h"]) {
        return;
    }
    let dir = scratch("probe");
    let debian = probe(
        &dir,
        "debian",
        "gcc",
        &["-std=c99"],
        Path::new(DEBIAN),
        PROBE,
    );
    let ours: Vec<(String, BTreeMap<String, String>)> = MODES
        .iter()
        .map(|(name, cc, flags)| {
            (
                name.to_string(),
                probe(&dir, name, cc, flags, &include(), PROBE),
            )
        })
        .chain(std::iter::once((
            "lua.hpp".to_string(),
            probe(
                &dir,
                "hpp",
                "g++",
                &["-x", "c++", "-Wall", "-Wextra"],
                &include(),
                &PROBE.replace("#include \"lua.h\"", "#include \"lua.hpp\""),
            ),
        )))
        .collect();
    // cellua's copyright line is its own.
    let own: BTreeSet<&str> = ["LUA_COPYRIGHT"].into_iter().collect();
    let mut bad = Vec::new();
    for (mode, vals) in &ours {
        assert_eq!(
            vals.keys().collect::<Vec<_>>(),
            debian.keys().collect::<Vec<_>>(),
            "probe keys ({mode})"
        );
        for (k, v) in vals {
            if !own.contains(k.as_str()) && debian[k] != *v {
                bad.push(format!("{mode}: {k} is {v}, Debian's is {}", debian[k]));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "macro values differ from Debian's:\n{}",
        bad.join("\n")
    );

    // The headers and the library agree.
    let ours = &ours[1].1;
    let rust = [
        ("LUAL_BUFFERSIZE", cellua::capi::LUAL_BUFFERSIZE as i64),
        ("LUA_IDSIZE", cellua::capi::LUA_IDSIZE as i64),
        ("LUA_REGISTRYINDEX", cellua::capi::LUA_REGISTRYINDEX as i64),
        ("LUA_ENVIRONINDEX", cellua::capi::LUA_ENVIRONINDEX as i64),
        ("LUA_GLOBALSINDEX", cellua::capi::LUA_GLOBALSINDEX as i64),
        (
            "sizeof(lua_Debug)",
            std::mem::size_of::<cellua::capi::lua_Debug>() as i64,
        ),
        (
            "sizeof(luaL_Buffer)",
            std::mem::size_of::<cellua::capi::luaL_Buffer>() as i64,
        ),
        (
            "sizeof(luaL_Reg)",
            std::mem::size_of::<cellua::capi::luaL_Reg>() as i64,
        ),
        (
            "offsetof(luaL_Buffer, buffer)",
            std::mem::offset_of!(cellua::capi::luaL_Buffer, buffer) as i64,
        ),
        (
            "offsetof(lua_Debug, short_src)",
            std::mem::offset_of!(cellua::capi::lua_Debug, short_src) as i64,
        ),
        (
            "offsetof(lua_Debug, i_ci)",
            std::mem::offset_of!(cellua::capi::lua_Debug, i_ci) as i64,
        ),
        (
            "sizeof(lua_Integer)",
            std::mem::size_of::<cellua::capi::lua_Integer>() as i64,
        ),
    ];
    for (k, v) in rust {
        assert_eq!(ours[k], v.to_string(), "{k}: header vs Rust");
    }
    assert_eq!(ours["LUAL_BUFFERSIZE == BUFSIZ"], "1");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Debian's declarations of the API (`extern ...;` statements naming a
/// `lua`/`luaL`/`luaopen` function or object), preprocessed.
fn debian_declarations(dir: &Path) -> Vec<String> {
    let src = dir.join("debian.c");
    std::fs::write(
        &src,
        "#include <lua.h>\n#include <lauxlib.h>\n#include <lualib.h>\n",
    )
    .unwrap();
    let text = run(Command::new("gcc")
        .args(["-E", "-P", "-I", DEBIAN])
        .arg(&src));
    text.split(';')
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| {
            s.starts_with("extern ") && declared_name(s).is_some_and(|n| n.starts_with("lua"))
        })
        .map(|s| format!("{s};"))
        .collect()
}

/// The declared name of `extern T (name) (args)` or `extern T *name(args)`
/// or `extern const char name[]`.
fn declared_name(decl: &str) -> Option<String> {
    let head = match decl.find(") (") {
        Some(i) => &decl[..i],
        None => decl.split(['(', '[']).next()?,
    }
    .trim_end();
    let name: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty()).then_some(name)
}

#[test]
fn prototypes_agree_with_debians() {
    if !have(&["gcc", "g++", "/usr/include/lua5.1/lua.h"]) {
        return;
    }
    let dir = scratch("protos");
    let decls = debian_declarations(&dir);
    assert!(
        decls.len() > 100,
        "found only {} declarations in Debian's headers",
        decls.len()
    );
    // Redeclaring a function with an incompatible type is an error in C
    // ("conflicting types") and in C++ (a C-linkage function redeclared
    // with other parameter types), so const-ness mismatches are caught.
    let mut src =
        String::from("#include \"lua.h\"\n#include \"lauxlib.h\"\n#include \"lualib.h\"\n");
    src.push_str("#ifdef __cplusplus\nextern \"C\" {\n#endif\n");
    for d in &decls {
        src.push_str(d);
        src.push('\n');
    }
    src.push_str("#ifdef __cplusplus\n}\n#endif\n");
    let file = dir.join("protos.c");
    std::fs::write(&file, &src).unwrap();
    let inc = format!("-I{}", include().display());
    for (name, cc, flags) in MODES {
        run(Command::new(cc)
            .args(*flags)
            .args(["-Wno-redundant-decls", &inc, "-c"])
            .arg(&file)
            .arg("-o")
            .arg(dir.join(format!("{name}.o"))));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_debian_function_is_declared() {
    if !have(&["gcc", "/usr/include/lua5.1/lua.h"]) {
        return;
    }
    let dir = scratch("names");
    let theirs: BTreeSet<String> = debian_declarations(&dir)
        .iter()
        .filter_map(|d| declared_name(d))
        .collect();
    let src = dir.join("ours.c");
    std::fs::write(
        &src,
        "#include \"lua.h\"\n#include \"lauxlib.h\"\n#include \"lualib.h\"\n",
    )
    .unwrap();
    let text = run(Command::new("gcc")
        .arg("-E")
        .arg("-P")
        .arg(format!("-I{}", include().display()))
        .arg(&src));
    let ours: BTreeSet<String> = text
        .split(';')
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| s.starts_with("extern "))
        .filter_map(|s| declared_name(&s))
        .collect();
    let missing: Vec<_> = theirs.difference(&ours).collect();
    assert!(
        missing.is_empty(),
        "declared by Debian's headers, not by ours: {missing:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
