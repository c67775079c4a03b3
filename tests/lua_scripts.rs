//! Runs every `tests/lua/*.lua` assert-based script through the `cellua`
//! binary (working directory: the crate root, path given relative) and
//! requires each one to exit with status 0 within 60 seconds.
//!
//! `LUA_FILTER=substring` restricts the run to matching file names.

mod common;
use common::run_program;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);
const SHOW_CHARS: usize = 2000;

fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut s: String = text.chars().take(SHOW_CHARS).collect();
    if text.chars().count() > SHOW_CHARS {
        s.push_str("\n…[truncated]");
    }
    s
}

/// Runs one script; `Err` carries a human-readable failure description.
fn run_script(cellua: &Path, root: &Path, script: &str, torture: bool) -> Result<(), String> {
    let r = run_program(cellua, script, root, torture, TIMEOUT)?;
    let (stdout, stderr, status, timed_out) = (r.stdout, r.stderr, r.status, r.timed_out);

    let verdict = if timed_out {
        Some(format!("timed out after {} s (killed)", TIMEOUT.as_secs()))
    } else {
        match status {
            Some(s) if s.success() => None,
            Some(s) => Some(match s.code() {
                Some(c) => format!("exit status {}", c),
                None => format!("terminated by signal ({:?})", s),
            }),
            None => Some("could not wait for the process".to_string()),
        }
    };
    match verdict {
        None => Ok(()),
        Some(why) => {
            let mut report = format!("  {}\n  stderr:\n{}", why, indent(&show(&stderr)));
            if !stdout.is_empty() {
                report.push_str(&format!("\n  stdout:\n{}", indent(&show(&stdout))));
            }
            Err(report)
        }
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {}", l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn lua_assert_scripts_pass_under_cellua() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cellua = PathBuf::from(env!("CARGO_BIN_EXE_cellua"));
    let filter = env::var("LUA_FILTER").ok().filter(|f| !f.is_empty());

    let dir = root.join("tests").join("lua");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {}", dir.display(), e))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".lua"))
        .filter(|name| filter.as_deref().is_none_or(|f| name.contains(f)))
        .collect();
    names.sort();
    if names.is_empty() {
        if filter.is_some() {
            eprintln!("warning: LUA_FILTER matched no script");
            return;
        }
        panic!("no tests/lua/*.lua scripts found");
    }

    // One thread per script, bounded by a simple chunked pool.
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let mut results: Vec<(String, Result<(), String>)> = Vec::new();
    // Every script runs twice: normally, and under GC torture.
    let runs: Vec<(String, bool)> = names
        .iter()
        .flat_map(|n| [(n.clone(), false), (n.clone(), true)])
        .collect();
    for chunk in runs.chunks(workers) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|(name, torture)| {
                let script = format!("tests/lua/{}", name);
                let cellua = cellua.clone();
                let root = root.clone();
                let torture = *torture;
                thread::spawn(move || {
                    let r = run_script(&cellua, &root, &script, torture);
                    let label = if torture {
                        format!("{script} [CELLUA_GC_TORTURE]")
                    } else {
                        script
                    };
                    (label, r)
                })
            })
            .collect();
        for h in handles {
            results.push(h.join().expect("runner thread panicked"));
        }
    }

    let total = results.len();
    let failures: Vec<String> = results
        .iter()
        .filter_map(|(script, r)| r.as_ref().err().map(|e| format!("--- {}\n{}", script, e)))
        .collect();
    println!(
        "lua scripts: {}/{} passed under cellua",
        total - failures.len(),
        total
    );
    if !failures.is_empty() {
        panic!(
            "{} of {} tests/lua scripts failed under cellua:\n\n{}\n",
            failures.len(),
            total,
            failures.join("\n\n")
        );
    }
}
