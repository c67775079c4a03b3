//! Table-driven conformance tests of the string library against lua5.1's
//! answers: the pattern matcher (`tests/fixtures/patterns.txt`: find, match,
//! gmatch, gsub over every class, set, anchor, quantifier, capture kind and
//! malformed pattern) and `string.format` (`tests/fixtures/format.txt`: every
//! conversion with flags, widths and precisions, and the errors of bad
//! formats and arguments).
//!
//! Each fixture line is `<Lua expression>\t<lua5.1's result>`, made by
//! `lua5.1 tests/fixtures/gen_stdlib_cases.lua patterns|format` (see that
//! script and `tests/fixtures/stdlib_cases.lua`, which defines how a result is
//! written). The test builds a driver script holding every expression, runs
//! it through the `cellua` binary, and compares each case's result line;
//! lua5.1 is not needed. When lua5.1 is on `PATH`, `fixtures_are_current`
//! also regenerates the fixtures and checks that they are up to date.
//!
//! `CASE_FILTER=substring` compares only the cases whose expression contains
//! the substring.

mod common;
use common::run_program;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(180);
const MAX_REPORTED: usize = 60;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A Lua string literal for any bytes (decimal escapes outside `[A-Za-z0-9 ]`).
fn lua_literal(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2 + 2);
    s.push('"');
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b == b' ' {
            s.push(b as char);
        } else {
            s.push_str(&format!("\\{:03}", b));
        }
    }
    s.push('"');
    s
}

struct Case {
    line: usize,
    expr: Vec<u8>,
    expected: Vec<u8>,
}

fn read_cases(fixture: &str) -> Vec<Case> {
    let path = root().join("tests").join("fixtures").join(fixture);
    let text = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut cases = Vec::new();
    for (n, line) in text.split(|&c| c == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let tab = line
            .iter()
            .position(|&c| c == b'\t')
            .unwrap_or_else(|| panic!("{}:{}: no tab in fixture line", path.display(), n + 1));
        cases.push(Case {
            line: n + 1,
            expr: line[..tab].to_vec(),
            expected: line[tab + 1..].to_vec(),
        });
    }
    cases
}

/// The driver: the shared helpers (loaded under the same chunk name as the
/// generator uses), then one result line per case: `<index>\t<result>`.
fn driver_source(cases: &[&Case]) -> Vec<u8> {
    let helpers_path = root().join("tests/fixtures/stdlib_cases.lua");
    let helpers = fs::read(&helpers_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", helpers_path.display()));
    let mut src = String::new();
    src.push_str(&format!(
        "assert(loadstring({}, \"=stdlib_cases\"))()\n",
        lua_literal(&helpers)
    ));
    // Cases in chunks of functions: one constant table per chunk keeps each
    // function's constant list small.
    src.push_str("local cases = {}\n");
    for chunk in cases.chunks(200) {
        src.push_str("do local t = {\n");
        for c in chunk {
            src.push_str(&lua_literal(&c.expr));
            src.push_str(",\n");
        }
        src.push_str("} for _, c in ipairs(t) do cases[#cases + 1] = c end end\n");
    }
    src.push_str("for i, c in ipairs(cases) do print(i .. \"\\t\" .. RUN_CASE(c)) end\n");
    src.into_bytes()
}

fn show(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    if s.chars().count() > 300 {
        let cut: String = s.chars().take(300).collect();
        format!("{cut}…")
    } else {
        s.into_owned()
    }
}

fn check_fixture(fixture: &str, min_cases: usize) {
    let all = read_cases(fixture);
    assert!(
        all.len() >= min_cases,
        "{fixture}: only {} cases (expected at least {min_cases})",
        all.len()
    );
    let filter = env::var("CASE_FILTER").ok().filter(|f| !f.is_empty());
    let cases: Vec<&Case> = all
        .iter()
        .filter(|c| {
            filter
                .as_deref()
                .is_none_or(|f| String::from_utf8_lossy(&c.expr).contains(f))
        })
        .collect();
    if cases.is_empty() {
        eprintln!("warning: CASE_FILTER matched no case of {fixture}");
        return;
    }

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let driver = dir.join(format!("stdlib_cases_{}.lua", fixture.replace('.', "_")));
    fs::write(&driver, driver_source(&cases))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", driver.display()));
    let cellua = PathBuf::from(env!("CARGO_BIN_EXE_cellua"));
    let out = run_program(
        &cellua,
        driver.to_str().expect("temporary path is UTF-8"),
        &root(),
        false,
        TIMEOUT,
    )
    .unwrap_or_else(|e| panic!("cannot run cellua: {e}"));

    let mut got: Vec<Option<&[u8]>> = vec![None; cases.len()];
    for line in out.stdout.split(|&c| c == b'\n') {
        let Some(tab) = line.iter().position(|&c| c == b'\t') else {
            continue;
        };
        let idx: Option<usize> = std::str::from_utf8(&line[..tab])
            .ok()
            .and_then(|s| s.parse().ok());
        if let Some(i) = idx.filter(|&i| i >= 1 && i <= cases.len()) {
            got[i - 1] = Some(&line[tab + 1..]);
        }
    }

    let mut failures = Vec::new();
    for (c, g) in cases.iter().zip(&got) {
        match g {
            Some(g) if *g == c.expected.as_slice() => {}
            _ => failures.push(format!(
                "  {fixture}:{}: {}\n      lua5.1: {}\n      cellua: {}",
                c.line,
                show(&c.expr),
                show(&c.expected),
                g.map(show).unwrap_or_else(|| "<no result>".to_string())
            )),
        }
    }
    let passed = cases.len() - failures.len();
    println!("{fixture}: {passed}/{} cases match lua5.1", cases.len());
    if !failures.is_empty() || out.timed_out || !out.status.is_some_and(|s| s.success()) {
        let n = failures.len();
        failures.truncate(MAX_REPORTED);
        panic!(
            "{fixture}: {n} of {} cases differ from lua5.1 (cellua {}; stderr: {})\n{}{}",
            cases.len(),
            if out.timed_out {
                "timed out".to_string()
            } else {
                format!("exited with {:?}", out.status.and_then(|s| s.code()))
            },
            show(&out.stderr),
            failures.join("\n"),
            if n > MAX_REPORTED {
                format!("\n  ... and {} more", n - MAX_REPORTED)
            } else {
                String::new()
            }
        );
    }
}

#[test]
fn pattern_cases_match_lua51() {
    check_fixture("patterns.txt", 1000);
}

#[test]
fn format_cases_match_lua51() {
    check_fixture("format.txt", 1000);
}

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// With lua5.1 available, the checked-in fixtures must be what the
/// generator makes now (so an edited generator cannot leave stale cases).
#[test]
fn fixtures_are_current() {
    let Some(lua51) = find_in_path("lua5.1") else {
        eprintln!("warning: lua5.1 not found on PATH; fixtures not regenerated");
        return;
    };
    for (kind, fixture) in [("patterns", "patterns.txt"), ("format", "format.txt")] {
        let out = std::process::Command::new(&lua51)
            .arg("tests/fixtures/gen_stdlib_cases.lua")
            .arg(kind)
            .current_dir(root())
            .output()
            .unwrap_or_else(|e| panic!("cannot run lua5.1: {e}"));
        assert!(
            out.status.success(),
            "generator failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path: &Path = &root().join("tests/fixtures").join(fixture);
        let current = fs::read(path).unwrap_or_default();
        assert!(
            current == out.stdout,
            "{} is stale: regenerate it with `lua5.1 tests/fixtures/gen_stdlib_cases.lua {kind} > tests/fixtures/{fixture}`",
            path.display()
        );
    }
}
