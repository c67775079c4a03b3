//! The C API suite: every `c_tests/*.c` program is compiled with the system
//! C compiler, linked with the freshly built `libcellua.so`, run with a
//! timeout, and its TAP output checked (a plan, every planned result, no
//! `not ok`, exit status 0, no crash).
//!
//! * `c_tests_with_cellua_headers`: built against our `include/`.
//! * `c_tests_with_debian_headers`: the ABI check, built against Debian's
//!   `/usr/include/lua5.1` but linked with our library. Skipped with a note
//!   when those headers are missing, unless `CI=true`.
//! * `c_tests_under_valgrind`: with `CI=true` or `CELLUA_VALGRIND=1`, every
//!   program also runs under valgrind (memory errors, definite or indirect
//!   leaks fail).
//! * `c_tests_under_gc_torture`: the same with `CELLUA_GC_TORTURE=1`.
//! * `exports_cover_liblua51` / `exports_carry_lua51_version`: our library
//!   exports every symbol of `tests/fixtures/liblua5.1.exports` (Debian's
//!   liblua5.1.so.0), with the `LUA_5.1` symbol version.
//! * `c_host_example`: `examples/c_host.c` builds and prints what it should.
//!
//! `CELLUA_C_REFERENCE=1` builds everything against Debian's headers and
//! `-llua5.1` instead: that validates the tests themselves against the
//! reference implementation. `C_TEST_FILTER=substring` runs only the
//! programs whose file name contains the substring.

#[allow(dead_code)] // the runners share helpers this file does not use
mod common;

use common::{wait_with_timeout, Collector};
use std::collections::BTreeSet;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const DEBIAN_INCLUDE: &str = "/usr/include/lua5.1";
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
const VALGRIND_TIMEOUT: Duration = Duration::from_secs(600);
const COMPILE_TIMEOUT: Duration = Duration::from_secs(120);

// ---------------------------------------------------------------------------
// Environment

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env_is(name: &str, value: &str) -> bool {
    env::var(name).map(|v| v == value).unwrap_or(false)
}

fn in_ci() -> bool {
    env_is("CI", "true")
}

fn reference_mode() -> bool {
    env_is("CELLUA_C_REFERENCE", "1")
}

/// target/<profile>/deps, where this test binary lives.
fn deps_dir() -> PathBuf {
    let exe = env::current_exe().expect("current_exe");
    exe.parent()
        .expect("the test binary is in <profile>/deps")
        .to_path_buf()
}

/// The library under test. Before running integration tests cargo builds
/// the crate with all its crate types into target/<profile>/deps/, so
/// deps/libcellua.so is the one built from the sources under test; it is
/// copied up to target/<profile>/libcellua.so only by `cargo build`, so
/// that copy can be stale and is only a fallback.
fn cellua_lib() -> PathBuf {
    let deps = deps_dir();
    let candidates = [
        deps.join("libcellua.so"),
        deps.parent().unwrap_or(&deps).join("libcellua.so"),
    ];
    match candidates.iter().find(|p| p.is_file()) {
        Some(lib) => lib.clone(),
        None => panic!(
            "neither {} nor {} exists: cargo builds the cdylib before integration tests, \
             so the build is broken",
            candidates[0].display(),
            candidates[1].display()
        ),
    }
}

/// Debian's liblua5.1.so as the C compiler finds it (reference mode).
fn reference_lib() -> PathBuf {
    let out = Command::new("cc")
        .arg("-print-file-name=liblua5.1.so")
        .output()
        .expect("cannot run cc");
    let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim().to_string());
    assert!(
        p.is_absolute() && p.exists(),
        "CELLUA_C_REFERENCE=1 needs Debian's liblua5.1-0-dev (cc cannot find liblua5.1.so)"
    );
    fs::canonicalize(&p).unwrap_or(p)
}

fn have_debian_headers() -> bool {
    Path::new(DEBIAN_INCLUDE).join("lua.h").is_file()
}

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// A fresh directory private to one test function of this process.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = env::temp_dir().join(format!("cellua-c_api-{}-{}", std::process::id(), tag));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every c_tests/*.c, sorted, filtered by C_TEST_FILTER.
fn c_programs() -> Vec<PathBuf> {
    let dir = repo_root().join("c_tests");
    let filter = env::var("C_TEST_FILTER").unwrap_or_default();
    let mut progs: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {}", dir.display(), e))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "c").unwrap_or(false))
        .filter(|p| {
            filter.is_empty()
                || p.file_name()
                    .map(|n| n.to_string_lossy().contains(&filter))
                    .unwrap_or(false)
        })
        .collect();
    progs.sort();
    progs
}

// ---------------------------------------------------------------------------
// Building

/// Which headers and which library a program is built with.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Build {
    /// include/ + libcellua.so
    Cellua,
    /// /usr/include/lua5.1 + libcellua.so (the ABI check)
    DebianHeaders,
    /// /usr/include/lua5.1 + -llua5.1 (validates the tests)
    Reference,
}

impl Build {
    /// The build a test function asks for, after CELLUA_C_REFERENCE.
    fn effective(self) -> Build {
        if reference_mode() {
            Build::Reference
        } else {
            self
        }
    }
}

struct Output {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<std::process::ExitStatus>,
    timed_out: bool,
}

fn run_command(mut cmd: Command, timeout: Duration) -> Result<Output, String> {
    let shown = format!("{:?}", cmd);
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {}", shown, e))?;
    let out = Collector::start(child.stdout.take());
    let err = Collector::start(child.stderr.take());
    let (status, timed_out) = wait_with_timeout(&mut child, timeout);
    let grace = Instant::now() + Duration::from_secs(2);
    Ok(Output {
        stdout: out.finish(grace),
        stderr: err.finish(grace),
        status,
        timed_out,
    })
}

/// Compiles `src` into `out`; the error is the compiler's diagnostics.
fn compile(src: &Path, out: &Path, build: Build) -> Result<(), String> {
    let mut cmd = Command::new("cc");
    cmd.args(["-std=c99", "-Wall", "-Werror", "-g"]);
    match build {
        Build::Cellua => {
            let inc = repo_root().join("include");
            if !inc.join("lua.h").is_file() {
                return Err(format!("{} does not exist", inc.join("lua.h").display()));
            }
            cmd.arg(format!("-I{}", inc.display()));
        }
        Build::DebianHeaders | Build::Reference => {
            cmd.arg(format!("-I{}", DEBIAN_INCLUDE));
        }
    }
    cmd.arg(src);
    match build {
        Build::Cellua | Build::DebianHeaders => {
            let lib = cellua_lib();
            let dir = lib.parent().unwrap().to_path_buf();
            cmd.arg(format!("-L{}", dir.display()))
                .arg("-lcellua")
                .arg(format!("-Wl,-rpath,{}", dir.display()));
        }
        Build::Reference => {
            cmd.arg("-llua5.1");
        }
    }
    cmd.arg("-lm").arg("-o").arg(out);
    let shown = format!("{:?}", cmd);
    let res = run_command(cmd, COMPILE_TIMEOUT)?;
    if res.timed_out {
        return Err(format!("compiler timed out: {}", shown));
    }
    match res.status {
        Some(s) if s.success() => Ok(()),
        _ => Err(format!(
            "compile failed: {}\n{}{}",
            shown,
            String::from_utf8_lossy(&res.stdout),
            tail(&String::from_utf8_lossy(&res.stderr), 60)
        )),
    }
}

fn tail(s: &str, lines: usize) -> String {
    let v: Vec<&str> = s.lines().collect();
    let start = v.len().saturating_sub(lines);
    let mut out = v[start..].join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// TAP

#[derive(Debug, Default)]
struct Tap {
    planned: Option<usize>,
    passed: usize,
    failed: Vec<String>,
    problems: Vec<String>,
}

/// Parses TAP: a plan line `1..N` (first or last), results `ok N - desc` /
/// `not ok N - desc`, numbered 1, 2, 3...; `#` lines are diagnostics and are
/// attached to the failure they follow.
fn parse_tap(text: &str) -> Tap {
    let mut tap = Tap::default();
    let mut expected_number = 1usize;
    let mut results = 0usize;
    let mut last_was_failure = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(n) = line.strip_prefix("1..") {
            match n.trim().parse::<usize>() {
                Ok(n) if tap.planned.is_none() => tap.planned = Some(n),
                Ok(_) => tap.problems.push("more than one plan line".to_string()),
                Err(_) => tap.problems.push(format!("bad plan line: {}", line)),
            }
            last_was_failure = false;
            continue;
        }
        let (ok, rest) = if let Some(r) = line.strip_prefix("ok ") {
            (true, r)
        } else if let Some(r) = line.strip_prefix("not ok ") {
            (false, r)
        } else if line == "ok" || line == "not ok" {
            (line == "ok", "")
        } else {
            if line.starts_with('#') && last_was_failure {
                if let Some(f) = tap.failed.last_mut() {
                    f.push_str("\n      ");
                    f.push_str(line);
                }
            }
            continue;
        };
        results += 1;
        let num_text: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        match num_text.parse::<usize>() {
            Ok(n) if n == expected_number => {}
            Ok(n) => tap.problems.push(format!(
                "result numbered {} where {} was expected",
                n, expected_number
            )),
            Err(_) => tap
                .problems
                .push(format!("result without a number: {}", line)),
        }
        expected_number += 1;
        if ok {
            tap.passed += 1;
            last_was_failure = false;
        } else {
            tap.failed.push(line.to_string());
            last_was_failure = true;
        }
    }
    match tap.planned {
        None => tap.problems.push("no plan line (1..N)".to_string()),
        Some(n) if n != results => tap.problems.push(format!(
            "planned {} checks but {} results were printed",
            n, results
        )),
        Some(0) => tap.problems.push("empty plan".to_string()),
        _ => {}
    }
    tap
}

/// How a built program is run.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Plain,
    /// under valgrind: memory errors and definite/indirect leaks fail
    Valgrind,
    /// with CELLUA_GC_TORTURE=1: a collection every kilobyte of allocation
    Torture,
}

/// Runs one built program and returns a report of everything wrong with
/// it, or the number of passed checks.
fn run_tap_program(exe: &Path, cwd: &Path, mode: Mode) -> Result<usize, String> {
    let mut cmd;
    let timeout;
    if mode == Mode::Valgrind {
        cmd = Command::new("valgrind");
        cmd.args([
            "--error-exitcode=1",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect",
            "-q",
        ])
        .arg(exe);
        timeout = VALGRIND_TIMEOUT;
    } else {
        cmd = Command::new(exe);
        timeout = RUN_TIMEOUT;
    }
    cmd.current_dir(cwd);
    if mode == Mode::Torture {
        cmd.env("CELLUA_GC_TORTURE", "1");
    } else {
        cmd.env_remove("CELLUA_GC_TORTURE");
    }
    let out = run_command(cmd, timeout)?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let tap = parse_tap(&stdout);
    let mut report = Vec::new();
    if out.timed_out {
        report.push(format!("timed out after {:?}", timeout));
    }
    match out.status {
        Some(s) if s.success() => {}
        Some(s) => {
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                if let Some(sig) = s.signal() {
                    report.push(format!("killed by signal {} (crash)", sig));
                } else {
                    report.push(format!("exit status {}", s.code().unwrap_or(-1)));
                }
            }
            #[cfg(not(unix))]
            report.push(format!("exit status {:?}", s));
        }
        None if !out.timed_out => report.push("could not be waited for".to_string()),
        None => {}
    }
    for p in &tap.problems {
        report.push(p.clone());
    }
    for f in &tap.failed {
        report.push(f.clone());
    }
    if report.is_empty() {
        Ok(tap.passed)
    } else {
        if !stderr.trim().is_empty() {
            report.push(format!("stderr:\n{}", tail(&stderr, 40)));
        }
        // The last lines show where a crash or an early exit happened.
        if !tap.problems.is_empty() || tap.failed.is_empty() {
            report.push(format!("last output:\n{}", tail(&stdout, 10)));
        }
        Err(report.join("\n    "))
    }
}

/// Builds and runs one program in its own corner of `dir`.
fn build_and_run(src: &Path, dir: &Path, build: Build, mode: Mode) -> Result<usize, String> {
    let stem = src.file_stem().unwrap().to_string_lossy().to_string();
    let exe = dir.join(&stem);
    let work = dir.join(format!("{}.cwd", stem));
    fs::create_dir_all(&work).map_err(|e| format!("{}: {}", work.display(), e))?;
    compile(src, &exe, build)?;
    run_tap_program(&exe, &work, mode)
}

/// Builds and runs every program, a few at a time; panics listing every
/// failure.
fn run_suite(tag: &str, build: Build, mode: Mode) {
    let build = build.effective();
    let programs = c_programs();
    assert!(!programs.is_empty(), "no c_tests/*.c programs found");
    if build == Build::Cellua {
        let header = repo_root().join("include/lua.h");
        assert!(header.is_file(), "{} does not exist", header.display());
    }
    let tmp = TempDir::new(tag);
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 8)
        .min(programs.len());
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<usize, String>>>> =
        programs.iter().map(|_| Mutex::new(None)).collect();
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= programs.len() {
                    break;
                }
                let res = build_and_run(&programs[i], &tmp.0, build, mode);
                *slots[i].lock().unwrap() = Some(res);
            });
        }
    });
    let results: Vec<(PathBuf, Result<usize, String>)> = programs
        .iter()
        .zip(slots)
        .map(|(p, slot)| {
            let res = slot
                .into_inner()
                .unwrap()
                .unwrap_or_else(|| Err("the runner thread died".to_string()));
            (p.clone(), res)
        })
        .collect();
    let mut failures = Vec::new();
    let mut total = 0;
    for (src, res) in &results {
        let name = src.file_name().unwrap().to_string_lossy();
        match res {
            Ok(n) => {
                total += n;
                println!("c_tests/{}: {} checks ok", name, n);
            }
            Err(e) => failures.push(format!(
                "c_tests/{} ({:?}, {:?}):\n    {}",
                name, build, mode, e
            )),
        }
    }
    println!(
        "{} checks passed in {} programs ({:?}, {:?})",
        total,
        results.len(),
        build,
        mode
    );
    assert!(
        failures.is_empty(),
        "{} of {} C test programs failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The tests

#[test]
fn c_tests_with_cellua_headers() {
    run_suite("cellua", Build::Cellua, Mode::Plain);
}

/// The collector runs every kilobyte: a value the C API holds without
/// rooting it shows up here.
#[test]
fn c_tests_under_gc_torture() {
    run_suite("torture", Build::Cellua, Mode::Torture);
}

#[test]
fn c_tests_with_debian_headers() {
    if !have_debian_headers() {
        assert!(
            !in_ci(),
            "{} is missing (install liblua5.1-0-dev); required under CI",
            DEBIAN_INCLUDE
        );
        println!("note: {} not found; skipping the ABI check", DEBIAN_INCLUDE);
        return;
    }
    run_suite("debian", Build::DebianHeaders, Mode::Plain);
}

#[test]
fn c_tests_under_valgrind() {
    if !(in_ci() || env_is("CELLUA_VALGRIND", "1")) {
        println!("note: set CI=true or CELLUA_VALGRIND=1 to run the C tests under valgrind");
        return;
    }
    assert!(
        find_in_path("valgrind").is_some(),
        "valgrind is not installed but CI=true or CELLUA_VALGRIND=1 asks for it"
    );
    run_suite("valgrind", Build::Cellua, Mode::Valgrind);
}

/// The names in the fixture (Debian's liblua5.1.so.0 exports).
fn fixture_exports() -> Vec<String> {
    let path = repo_root().join("tests/fixtures/liblua5.1.exports");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The library the export tests look at.
fn library_under_test() -> PathBuf {
    if reference_mode() {
        reference_lib()
    } else {
        cellua_lib()
    }
}

#[test]
fn export_fixture_is_well_formed() {
    let names = fixture_exports();
    assert_eq!(names.len(), 124, "liblua5.1.so.0 exports 124 symbols");
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted, names,
        "the fixture must be sorted and free of duplicates"
    );
    assert!(names.iter().all(|n| n.starts_with("lua")), "only API names");
    assert!(names.contains(&"lua_ident".to_string()));
}

#[test]
fn exports_cover_liblua51() {
    let lib = library_under_test();
    let out = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(&lib)
        .output()
        .expect("cannot run nm");
    assert!(out.status.success(), "nm failed on {}", lib.display());
    let text = String::from_utf8_lossy(&out.stdout);
    let defined: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|n| n.split('@').next().unwrap_or(n).to_string())
        .collect();
    let missing: Vec<String> = fixture_exports()
        .into_iter()
        .filter(|n| !defined.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "{} is missing {} of liblua5.1's exports:\n  {}",
        lib.display(),
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn exports_carry_lua51_version() {
    let lib = library_under_test();
    let rv = Command::new("readelf")
        .arg("-V")
        .arg(&lib)
        .output()
        .expect("cannot run readelf");
    let rv_text = String::from_utf8_lossy(&rv.stdout);
    assert!(
        rv_text.contains("Version definition section") && rv_text.contains("Name: LUA_5.1"),
        "{} defines no LUA_5.1 symbol version (readelf -V)",
        lib.display()
    );
    let out = Command::new("objdump")
        .arg("-T")
        .arg(&lib)
        .output()
        .expect("cannot run objdump");
    assert!(
        out.status.success(),
        "objdump -T failed on {}",
        lib.display()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let wanted: BTreeSet<String> = fixture_exports().into_iter().collect();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for line in text.lines() {
        // 0000000000012340 g    DF .text  0000000000000011  LUA_5.1     lua_gettop
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 4 || line.contains("*UND*") {
            continue;
        }
        let name = fields[fields.len() - 1];
        if !wanted.contains(name) {
            continue;
        }
        let version = fields[fields.len() - 2];
        if version != "LUA_5.1" {
            problems.push(format!(
                "{} has version {} (want LUA_5.1 as default)",
                name, version
            ));
        }
        let kind = if line.contains(" DF ") {
            "DF"
        } else if line.contains(" DO ") {
            "DO"
        } else {
            "?"
        };
        let want_kind = if name == "lua_ident" { "DO" } else { "DF" };
        if kind != want_kind {
            problems.push(format!(
                "{} is a {} symbol, want {} ({})",
                name,
                kind,
                want_kind,
                if want_kind == "DO" {
                    "C programs take a copy relocation of this data object"
                } else {
                    "a function"
                }
            ));
        }
        seen.insert(name.to_string());
    }
    for n in wanted.difference(&seen) {
        problems.push(format!("{} is not in the dynamic symbol table", n));
    }
    assert!(
        problems.is_empty(),
        "symbol versions of {}:\n  {}",
        lib.display(),
        problems.join("\n  ")
    );
}

const C_HOST_EXPECTED: &str = "script says: average of 4 numbers: 2.5
greet returned 2 value(s): [Hello, world!] [5]
error calling fails: host:6: attempt to index local 't' (a nil value)
pcall status: LUA_ERRRUN
caught in Lua: average needs at least one number
stack top at exit: 0
";

#[test]
fn c_host_example() {
    let build = Build::Cellua.effective();
    let tmp = TempDir::new("c_host");
    let exe = tmp.0.join("c_host");
    if let Err(e) = compile(&repo_root().join("examples/c_host.c"), &exe, build) {
        panic!("examples/c_host.c ({:?}): {}", build, e);
    }
    let out = run_command(Command::new(&exe), RUN_TIMEOUT).expect("run c_host");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.map(|s| s.success()).unwrap_or(false),
        "c_host failed ({:?}, timed out: {}):\nstdout:\n{}\nstderr:\n{}",
        out.status,
        out.timed_out,
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout, C_HOST_EXPECTED,
        "output of examples/c_host.c ({:?})",
        build
    );
}

// The harness checks itself: each way a TAP stream can be wrong is caught.
#[test]
fn tap_parser_catches_bad_streams() {
    let good = parse_tap("1..2\nok 1 - a\nok 2 - b\n");
    assert!(good.problems.is_empty() && good.failed.is_empty() && good.passed == 2);
    let trailing_plan = parse_tap("ok 1\nok 2\n1..2\n");
    assert!(trailing_plan.problems.is_empty());
    let failed = parse_tap("1..2\nok 1 - a\nnot ok 2 - b\n#   failed at x.c:3\n");
    assert_eq!(failed.failed.len(), 1);
    assert!(failed.failed[0].contains("failed at x.c:3"));
    let short = parse_tap("1..3\nok 1\nok 2\n");
    assert!(short.problems.iter().any(|p| p.contains("planned 3")));
    let no_plan = parse_tap("ok 1\n");
    assert!(no_plan.problems.iter().any(|p| p.contains("no plan")));
    let misnumbered = parse_tap("1..2\nok 1\nok 3\n");
    assert!(misnumbered
        .problems
        .iter()
        .any(|p| p.contains("numbered 3")));
    let empty = parse_tap("");
    assert!(!empty.problems.is_empty());
    let two_plans = parse_tap("1..1\nok 1\n1..1\n");
    assert!(two_plans
        .problems
        .iter()
        .any(|p| p.contains("more than one plan")));
}
