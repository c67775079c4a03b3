//! The collector keeps a long-running allocation loop bounded: a script that
//! allocates and drops several GB (tables, strings, closures, coroutines)
//! with a small live set stays under fixed bounds for both
//! `collectgarbage("count")` and the process's peak RSS.

use std::process::Command;

#[test]
fn allocation_churn_stays_bounded() {
    let root = env!("CARGO_MANIFEST_DIR");
    let time = "/usr/bin/time";
    if !std::path::Path::new(time).exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "/usr/bin/time is required under CI"
        );
        eprintln!("warning: /usr/bin/time missing, peak RSS not checked");
        return;
    }
    let o = Command::new(time)
        .args([
            "-f",
            "MAXRSS %M",
            env!("CARGO_BIN_EXE_cellua"),
            "tests/scripts/churn.lua",
        ])
        .current_dir(root)
        .output()
        .expect("run cellua under /usr/bin/time");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "churn.lua failed: {stderr}");
    let max_kb: f64 = stdout.trim().parse().unwrap_or(f64::MAX);
    let rss_kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("MAXRSS "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(u64::MAX);
    // The live set is under 1 MB; with the default pause (200%) the heap
    // may grow to about twice what the last cycle found live, plus the
    // 1 MB minimum threshold and one round of 50,000 iterations of debt.
    // lua5.1 peaks at about 3 MB on this script.
    assert!(
        max_kb < 16.0 * 1024.0,
        "collectgarbage(\"count\") reached {max_kb} KB"
    );
    assert!(rss_kb < 64 * 1024, "peak RSS {rss_kb} KB");
}
