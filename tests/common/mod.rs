//! Helpers shared by the integration-test runners: reading a child's pipes
//! on background threads and waiting for it with a timeout.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Reads a pipe on a background thread into a shared buffer.
pub struct Collector {
    buf: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

impl Collector {
    pub fn start<R: Read + Send + 'static>(src: Option<R>) -> Collector {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let (tx, done) = mpsc::channel();
        let shared = Arc::clone(&buf);
        thread::spawn(move || {
            if let Some(mut r) = src {
                let mut chunk = [0u8; 8192];
                loop {
                    match r.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => shared.lock().unwrap().extend_from_slice(&chunk[..n]),
                        Err(ref e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(_) => break,
                    }
                }
            }
            let _ = tx.send(());
        });
        Collector { buf, done }
    }

    pub fn finish(self, deadline: Instant) -> Vec<u8> {
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = self.done.recv_timeout(left);
        let data = self.buf.lock().unwrap().clone();
        data
    }
}

pub fn wait_with_timeout(child: &mut Child, timeout: Duration) -> (Option<ExitStatus>, bool) {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) => {
                if Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    return (None, true);
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return (None, false);
            }
        }
    }
}

/// What one run of a program printed and how it ended.
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: Option<ExitStatus>,
    pub timed_out: bool,
}

/// Runs `program script` in `cwd` with stdin closed and a timeout; with
/// `torture`, under `CELLUA_GC_TORTURE=1` (a collection after every few
/// allocations, which exposes values Rust holds across a call unrooted).
pub fn run_program(
    program: &Path,
    script: &str,
    cwd: &Path,
    torture: bool,
    timeout: Duration,
) -> Result<RunOutput, String> {
    let mut cmd = Command::new(program);
    if torture {
        cmd.env("CELLUA_GC_TORTURE", "1");
    } else {
        cmd.env_remove("CELLUA_GC_TORTURE");
    }
    let mut child = cmd
        .arg(script)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {}", program.display(), e))?;
    let out = Collector::start(child.stdout.take());
    let err = Collector::start(child.stderr.take());
    let (status, timed_out) = wait_with_timeout(&mut child, timeout);
    // A killed process may have left descendants holding the pipes open:
    // wait only briefly for end-of-file, then take what has been read.
    let grace = Instant::now() + Duration::from_secs(2);
    Ok(RunOutput {
        stdout: out.finish(grace),
        stderr: err.finish(grace),
        status,
        timed_out,
    })
}

/// The directory holding the just-built libcellua.so: `cargo test` puts it
/// beside the test executable (target/<profile>/deps); only `cargo build`
/// copies it up to target/<profile>, where it can be stale.
#[allow(dead_code)]
pub fn cellua_lib_dir() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("deps directory").to_path_buf();
    if deps.join("libcellua.so").exists() {
        return deps;
    }
    deps.parent().map(Path::to_path_buf).unwrap_or(deps)
}
