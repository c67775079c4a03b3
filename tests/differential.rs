//! Differential tests: every `tests/diff/*.lua` script is run under the
//! reference interpreter (`lua5.1`, Debian's PUC-Rio 5.1.5) and under the
//! `cellua` binary.  Stdout, the first line of stderr (without the
//! `lua5.1: ` / `cellua: ` program-name prefix) and the exit status must be
//! identical, after replacing every `0x<hex digits>` with `ADDR` in both
//! outputs.
//!
//! Environment:
//! * `DIFF_FILTER=substring` runs only the scripts whose file name contains
//!   the substring.
//! * If `lua5.1` is not on `PATH` the test is skipped with a warning, unless
//!   `CI=true`, in which case it fails.

mod common;
use common::{run_program, RunOutput};
use std::env;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);
const SHOW_BYTES: usize = 400;
const REFERENCE: &str = "lua5.1";

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Runs `program script` in `cwd` with stdin closed and a timeout.
fn run(program: &Path, script: &str, cwd: &Path, torture: bool) -> Result<RunOutput, String> {
    run_program(program, script, cwd, torture, TIMEOUT)
}

/// Replaces every `0x` followed by at least one hex digit with `ADDR`.
fn normalize_addresses(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] == b'0'
            && i + 2 < input.len()
            && input[i + 1] == b'x'
            && input[i + 2].is_ascii_hexdigit()
        {
            let mut j = i + 2;
            while j < input.len() && input[j].is_ascii_hexdigit() {
                j += 1;
            }
            out.extend_from_slice(b"ADDR");
            i = j;
        } else {
            out.push(input[i]);
            i += 1;
        }
    }
    out
}

/// First line of stderr, without a trailing `\r` and without the leading
/// program-name prefix (any of `prefixes`, first match wins).
fn first_stderr_line(stderr: &[u8], prefixes: &[String]) -> Vec<u8> {
    let line = match stderr.iter().position(|&b| b == b'\n') {
        Some(n) => &stderr[..n],
        None => stderr,
    };
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    for p in prefixes {
        if let Some(rest) = line.strip_prefix(p.as_bytes()) {
            return rest.to_vec();
        }
    }
    line.to_vec()
}

fn status_text(r: &RunOutput) -> String {
    if r.timed_out {
        return format!("timed out after {} s", TIMEOUT.as_secs());
    }
    match r.status {
        Some(s) => match s.code() {
            Some(c) => format!("exit {}", c),
            None => format!("killed by signal ({:?})", s),
        },
        None => "unknown (wait failed)".to_string(),
    }
}

fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut s: String = text.chars().take(SHOW_BYTES).collect();
    if text.chars().count() > SHOW_BYTES {
        s.push_str(" …[truncated]");
    }
    format!("{:?}", s)
}

/// Describes the first differing line of two outputs.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let la: Vec<&[u8]> = a.split(|&c| c == b'\n').collect();
    let lb: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    for i in 0..la.len().max(lb.len()) {
        let x = la.get(i).copied();
        let y = lb.get(i).copied();
        if x != y {
            return format!(
                "first difference at stdout line {}:\n      lua5.1: {}\n      cellua: {}",
                i + 1,
                x.map(show).unwrap_or_else(|| "<missing>".into()),
                y.map(show).unwrap_or_else(|| "<missing>".into())
            );
        }
    }
    String::new()
}

fn compare(script: &str, root: &Path, reference: &Path, cellua: &Path) -> Result<(), String> {
    let expected = run(reference, script, root, false)?;
    let actual = run(cellua, script, root, false)?;
    // The same script with a collection after every few allocations must
    // give the same output (catches values held across calls unrooted).
    let tortured = run(cellua, script, root, true)?;
    let mut problems = Vec::new();
    // (Addresses may differ: the collector reuses slots differently.)
    let (a_out, t_out) = (
        normalize_addresses(&actual.stdout),
        normalize_addresses(&tortured.stdout),
    );
    let (a_err, t_err) = (
        normalize_addresses(&actual.stderr),
        normalize_addresses(&tortured.stderr),
    );
    if t_out != a_out
        || t_err != a_err
        || tortured.status.map(|s| s.code()) != actual.status.map(|s| s.code())
    {
        problems.push(format!(
            "  output differs under CELLUA_GC_TORTURE:\n    normal:  {}\n    torture: {}",
            first_difference(&a_out, &t_out),
            show(&t_err)
        ));
    }

    if expected.timed_out {
        problems.push("  reference lua5.1 timed out (script must finish quickly)".to_string());
    }
    if actual.timed_out {
        problems.push(format!("  cellua timed out after {} s", TIMEOUT.as_secs()));
    }

    let out_e = normalize_addresses(&expected.stdout);
    let out_a = normalize_addresses(&actual.stdout);
    if out_e != out_a {
        problems.push(format!(
            "  stdout differs\n    lua5.1: {}\n    cellua: {}\n    {}",
            show(&out_e),
            show(&out_a),
            first_difference(&out_e, &out_a)
        ));
    }

    // Strip the program-name prefix that lua.c puts in front of uncaught
    // errors (`lua5.1: ...`, `cellua: ...`, or the binary's full path).
    let prefixes = vec![
        format!("{}: ", REFERENCE),
        "cellua: ".to_string(),
        format!("{}: ", reference.display()),
        format!("{}: ", cellua.display()),
        format!(
            "{}: ",
            cellua
                .file_name()
                .and_then(OsStr::to_str)
                .unwrap_or("cellua")
        ),
    ];
    let err_e = normalize_addresses(&first_stderr_line(&expected.stderr, &prefixes));
    let err_a = normalize_addresses(&first_stderr_line(&actual.stderr, &prefixes));
    if err_e != err_a {
        problems.push(format!(
            "  first stderr line differs\n    lua5.1: {}\n    cellua: {}",
            show(&err_e),
            show(&err_a)
        ));
    }

    let st_e = status_text(&expected);
    let st_a = status_text(&actual);
    if st_e != st_a {
        problems.push(format!(
            "  exit status differs\n    lua5.1: {}\n    cellua: {}",
            st_e, st_a
        ));
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn collect_scripts(root: &Path, filter: Option<&str>) -> Vec<String> {
    let dir = root.join("tests").join("diff");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {}", dir.display(), e))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".lua"))
        .filter(|name| filter.is_none_or(|f| name.contains(f)))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| format!("tests/diff/{}", n))
        .collect()
}

#[test]
fn differential_against_lua51() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cellua = PathBuf::from(env!("CARGO_BIN_EXE_cellua"));

    let reference = match find_in_path(REFERENCE) {
        Some(p) => p,
        None => {
            if env::var("CI").map(|v| v == "true").unwrap_or(false) {
                panic!("lua5.1 is required under CI (not found on PATH)");
            }
            eprintln!("warning: lua5.1 not found on PATH; skipping differential tests");
            return;
        }
    };

    let filter = env::var("DIFF_FILTER").ok().filter(|f| !f.is_empty());
    let scripts = collect_scripts(&root, filter.as_deref());
    if scripts.is_empty() {
        if let Some(f) = &filter {
            eprintln!("warning: DIFF_FILTER={f:?} matched no script");
            return;
        }
        panic!("no tests/diff/*.lua scripts found");
    }

    // Run the scripts on a small pool of worker threads; keep results in
    // script order so the report is deterministic.
    let total = scripts.len();
    let scripts = Arc::new(scripts);
    let next = Arc::new(Mutex::new(0usize));
    type Outcome = Option<Result<(), String>>;
    let results: Arc<Mutex<Vec<Outcome>>> =
        Arc::new(Mutex::new((0..total).map(|_| None).collect()));
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let scripts = Arc::clone(&scripts);
        let next = Arc::clone(&next);
        let results = Arc::clone(&results);
        let root = root.clone();
        let reference = reference.clone();
        let cellua = cellua.clone();
        handles.push(thread::spawn(move || loop {
            let idx = {
                let mut n = next.lock().unwrap();
                if *n >= scripts.len() {
                    break;
                }
                *n += 1;
                *n - 1
            };
            let outcome = compare(&scripts[idx], &root, &reference, &cellua);
            results.lock().unwrap()[idx] = Some(outcome);
        }));
    }
    for h in handles {
        h.join().expect("worker thread panicked");
    }

    let results = results.lock().unwrap();
    let mut failures = Vec::new();
    let mut passed = 0;
    for (script, outcome) in scripts.iter().zip(results.iter()) {
        match outcome {
            Some(Ok(())) => passed += 1,
            Some(Err(report)) => failures.push(format!("--- {}\n{}", script, report)),
            None => failures.push(format!("--- {}\n  not run", script)),
        }
    }

    println!("differential: {}/{} scripts match lua5.1", passed, total);
    if !failures.is_empty() {
        panic!(
            "{} of {} differential scripts differ from lua5.1 ({} pass):\n\n{}\n",
            failures.len(),
            total,
            passed,
            failures.join("\n\n")
        );
    }
}
