//! Keeps `docs/COMPATIBILITY.md` true. Its tables list every function of
//! the 5.1 manual's chapter 5 and of the C API with a status (`done`,
//! `differs: ...` or `missing`); this test checks that:
//!
//! * every library name marked done or differs exists in a fresh `cellua`
//!   state and every one marked missing does not (a Lua probe run through the
//!   binary prints the type of each), and everything a fresh state holds in
//!   its globals, its library tables and the methods of its files is listed;
//! * every C function marked done or differs is exported by `libcellua.so`
//!   (`nm -D --defined-only`) and every one marked missing is not; every
//!   `lua_*`/`luaL_*`/`luaopen_*` export of `libcellua.so`, and of Debian's
//!   `liblua5.1.so.0` when it is installed, is listed;
//! * every macro marked done is `#define`d in `include/*.h`.
//!
//! Without `nm` the C API part is skipped with a warning (a failure under
//! `CI=true`).

mod common;
use common::run_program;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const DEBIAN_SO: &str = "/usr/lib/x86_64-linux-gnu/liblua5.1.so.0";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Section {
    Lua,
    CApi,
    Macro,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
    Done,
    Differs,
    Missing,
}

struct Entry {
    section: Section,
    status: Status,
    line: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of the page: `| `name` | status ... | notes |`, by section.
fn parse_table() -> BTreeMap<String, Entry> {
    let path = root().join("docs/COMPATIBILITY.md");
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut section = None;
    let mut entries = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(h) = line.strip_prefix("## ") {
            section = if h.starts_with("Standard libraries") {
                Some(Section::Lua)
            } else if h.starts_with("C API") {
                Some(Section::CApi)
            } else {
                None
            };
            continue;
        }
        if line.starts_with("### Macros") {
            section = Some(Section::Macro);
            continue;
        }
        let Some(section) = section else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // "", name, status, notes, ""
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let name = cells[1].trim_matches('`').to_string();
        let status = if cells[2] == "done" {
            Status::Done
        } else if cells[2].starts_with("differs: ") && cells[2].len() > "differs: ".len() {
            Status::Differs
        } else if cells[2] == "missing" {
            Status::Missing
        } else {
            panic!(
                "docs/COMPATIBILITY.md:{}: status of `{name}` must be `done`, `differs: how` or `missing`, not {:?}",
                n + 1,
                cells[2]
            );
        };
        if let Some(old) = entries.insert(
            name.clone(),
            Entry {
                section,
                status,
                line: n + 1,
            },
        ) {
            panic!(
                "docs/COMPATIBILITY.md:{}: `{name}` is listed twice (also line {})",
                n + 1,
                old.line
            );
        }
    }
    entries
}

/// Prints `L\t<name>\t<type>` for each listed name and `E\t<name>\t<type>`
/// for everything a fresh state holds.
const PROBE: &str = r#"
local names = ...
local function lookup(name)
  local lib, sep, field = name:match("^([%w_]+)([%.:])([%w_]+)$")
  if not lib then
    return _G[name]
  end
  if sep == ":" then
    local mt = io and io.stdout and getmetatable(io.stdout)
    local methods = type(mt) == "table" and mt.__index
    return type(methods) == "table" and methods[field] or nil
  end
  local t = _G[lib]
  return type(t) == "table" and t[field] or nil
end
for name in names:gmatch("%S+") do
  print("L\t" .. name .. "\t" .. type(lookup(name)))
end
local libs = {coroutine = true, package = true, string = true, table = true, math = true, io = true, os = true, debug = true}
-- (`arg` is the standalone interpreter's, not a library's.)
local skip = {arg = true}
for k, v in pairs(_G) do
  if not libs[k] and not skip[k] then
    print("E\t" .. tostring(k) .. "\t" .. type(v))
  end
end
for lib in pairs(libs) do
  if type(_G[lib]) == "table" then
    for k, v in pairs(_G[lib]) do
      print("E\t" .. lib .. "." .. tostring(k) .. "\t" .. type(v))
    end
  end
end
local mt = io and io.stdout and getmetatable(io.stdout)
if type(mt) == "table" and type(mt.__index) == "table" then
  for k, v in pairs(mt.__index) do
    if not tostring(k):match("^__") then
      print("E\tfile:" .. tostring(k) .. "\t" .. type(v))
    end
  end
end
"#;

#[test]
fn lua_library_rows_match_a_fresh_state() {
    let entries = parse_table();
    let listed: Vec<&String> = entries
        .iter()
        .filter(|(_, e)| e.section == Section::Lua)
        .map(|(n, _)| n)
        .collect();
    assert!(
        listed.len() > 140,
        "only {} library rows in docs/COMPATIBILITY.md",
        listed.len()
    );

    let names: Vec<&str> = listed.iter().map(|s| s.as_str()).collect();
    let script = format!(
        "assert(loadstring({}, \"=probe\"))({})\n",
        lua_literal(PROBE),
        lua_literal(&names.join(" "))
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("compat_probe.lua");
    fs::write(&path, script).expect("write probe");
    let cellua = PathBuf::from(env!("CARGO_BIN_EXE_cellua"));
    let out = run_program(
        &cellua,
        path.to_str().expect("UTF-8 path"),
        &root(),
        false,
        Duration::from_secs(60),
    )
    .expect("run cellua");
    assert!(
        !out.timed_out && out.status.is_some_and(|s| s.success()),
        "probe failed{}: {}",
        if out.timed_out { " (timed out)" } else { "" },
        String::from_utf8_lossy(&out.stderr)
    );

    let text = String::from_utf8_lossy(&out.stdout);
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            continue;
        }
        let (kind, name, ty) = (f[0], f[1], f[2]);
        match kind {
            "L" => {
                seen.insert(name.to_string());
                let e = &entries[name];
                match (e.status, ty) {
                    (Status::Missing, "nil") => {}
                    (Status::Missing, t) => problems.push(format!(
                        "line {}: `{name}` is marked missing but a fresh state has it (a {t})",
                        e.line
                    )),
                    (_, "nil") => problems.push(format!(
                        "line {}: `{name}` is marked {:?} but a fresh state does not have it",
                        e.line, e.status
                    )),
                    _ => {}
                }
            }
            "E" if !entries.contains_key(name) => {
                problems.push(format!(
                    "`{name}` ({ty}) exists in a fresh state but is not listed"
                ));
            }
            _ => {}
        }
    }
    for n in &names {
        if !seen.contains(*n) {
            problems.push(format!("the probe did not report `{n}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/COMPATIBILITY.md is out of date:\n  {}",
        problems.join("\n  ")
    );
}

/// A Lua string literal for any text.
fn lua_literal(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b' ' {
            out.push(b as char);
        } else {
            out.push_str(&format!("\\{:03}", b));
        }
    }
    out.push('"');
    out
}

/// The freshly built shared library: cargo puts it beside the test
/// executables (`deps/`) and copies it to their parent on `cargo build`.
fn libcellua() -> PathBuf {
    let exe = std::env::current_exe().expect("current_exe");
    let deps = exe.parent().expect("exe dir");
    [
        deps.join("libcellua.so"),
        deps.parent().unwrap_or(deps).join("libcellua.so"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .unwrap_or_else(|| panic!("no libcellua.so in {} or its parent", deps.display()))
}

/// Function and data names a shared library defines (version suffixes off).
fn exports(lib: &Path) -> Option<BTreeSet<String>> {
    let out = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(lib)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().nth(2))
            .map(|s| s.split('@').next().unwrap_or(s).to_string())
            .collect(),
    )
}

fn is_api(name: &str) -> bool {
    name.starts_with("lua_") || name.starts_with("luaL_") || name.starts_with("luaopen_")
}

#[test]
fn c_api_rows_match_the_exports() {
    let entries = parse_table();
    let lib = libcellua();
    let Some(ours) = exports(&lib) else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("nm is required under CI");
        }
        eprintln!("warning: nm not available; C API rows not checked");
        return;
    };
    let mut problems = Vec::new();
    let mut count = 0;
    for (name, e) in entries.iter().filter(|(_, e)| e.section == Section::CApi) {
        count += 1;
        let exported = ours.contains(name);
        match e.status {
            Status::Missing if exported => problems.push(format!(
                "line {}: `{name}` is marked missing but {} exports it",
                e.line,
                lib.display()
            )),
            Status::Done | Status::Differs if !exported => problems.push(format!(
                "line {}: `{name}` is marked {:?} but {} does not export it",
                e.line,
                e.status,
                lib.display()
            )),
            _ => {}
        }
    }
    assert!(
        count >= 100,
        "only {count} C API rows in docs/COMPATIBILITY.md"
    );
    for name in ours.iter().filter(|n| is_api(n)) {
        if !entries.contains_key(name) {
            problems.push(format!("`{name}` is exported but not listed"));
        }
    }
    if Path::new(DEBIAN_SO).exists() {
        if let Some(theirs) = exports(Path::new(DEBIAN_SO)) {
            for name in theirs.iter().filter(|n| is_api(n)) {
                if !entries.contains_key(name) {
                    problems.push(format!(
                        "`{name}` is exported by {DEBIAN_SO} but not listed"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "docs/COMPATIBILITY.md is out of date:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn macro_rows_are_defined_in_the_headers() {
    let entries = parse_table();
    let mut defined = BTreeSet::new();
    let dir = root().join("include");
    for ent in fs::read_dir(&dir).expect("include/") {
        let p = ent.expect("dir entry").path();
        if p.extension().is_some_and(|e| e == "h") {
            let text = fs::read_to_string(&p).unwrap_or_default();
            for line in text.lines() {
                let l = line.trim_start();
                if let Some(rest) = l.strip_prefix('#') {
                    if let Some(def) = rest.trim_start().strip_prefix("define") {
                        if let Some(name) = def
                            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .find(|s| !s.is_empty())
                        {
                            defined.insert(name.to_string());
                        }
                    }
                }
            }
        }
    }
    let mut problems = Vec::new();
    for (name, e) in entries.iter().filter(|(_, e)| e.section == Section::Macro) {
        let has = defined.contains(name);
        if e.status == Status::Missing && has {
            problems.push(format!(
                "line {}: macro `{name}` is marked missing but is defined",
                e.line
            ));
        }
        if e.status != Status::Missing && !has {
            problems.push(format!(
                "line {}: macro `{name}` is not defined in include/",
                e.line
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/COMPATIBILITY.md is out of date:\n  {}",
        problems.join("\n  ")
    );
}
