//! The `cellua` command line behaves like `lua5.1`'s: script arguments and
//! the `arg` table, `-e`, `-l`, `-` for stdin, `LUA_INIT`, error reports on
//! stderr with exit status 1.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cellua(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cellua"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("LUA_INIT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn cellua");
    if let Some(mut si) = child.stdin.take() {
        si.write_all(stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait for cellua")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_script(name: &str, body: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cellua-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, body).expect("write script");
    p.to_string_lossy().into_owned()
}

#[test]
fn script_gets_arguments_and_arg_table() {
    let s = temp_script("args.lua", "print(select('#', ...), ...)\nprint(arg[0] ~= nil, arg[1], arg[2], arg[-1] ~= nil, #arg)\n");
    let o = cellua(&[&s, "a", "b"], "", &[]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "2\ta\tb\ntrue\ta\tb\ttrue\t2\n");
}

#[test]
fn dash_e_runs_in_order_before_the_script() {
    let s = temp_script("e.lua", "print(x * 2)\n");
    let o = cellua(&["-e", "x = 20", "-e", "print(x)", &s], "", &[]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "20\n40\n");
}

#[test]
fn dash_reads_the_script_from_stdin() {
    let o = cellua(&["-", "q"], "print('from stdin', ...)", &[]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "from stdin\tq\n");
}

#[test]
fn lua_init_runs_first() {
    let o = cellua(&["-e", "print(y)"], "", &[("LUA_INIT", "y = 'init'")]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "init\n");
}

#[test]
fn dash_l_requires_a_module() {
    let s = temp_script("climod.lua", "return { answer = 42 }\n");
    let dir = std::path::Path::new(&s)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = format!("{dir}/?.lua");
    let o = cellua(
        &["-l", "climod", "-e", "print(package.loaded.climod.answer)"],
        "",
        &[("LUA_PATH", &path)],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o), "42\n");
}

#[test]
fn runtime_error_reports_message_and_traceback() {
    let s = temp_script("boom.lua", "local t = nil\nprint(t.x)\n");
    let o = cellua(&[&s], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    let first = e.lines().next().unwrap_or("");
    assert!(
        first.starts_with("cellua: ")
            && first.ends_with(":2: attempt to index local 't' (a nil value)"),
        "{e}"
    );
    assert!(e.contains("stack traceback:"), "{e}");
}

#[test]
fn syntax_error_in_script_exits_1() {
    let s = temp_script("bad.lua", "x = = 1\n");
    let o = cellua(&[&s], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains(":1: unexpected symbol near '='"),
        "{}",
        err(&o)
    );
}

#[test]
fn missing_script_is_an_error() {
    let o = cellua(&["/nonexistent/x.lua"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("cannot open /nonexistent/x.lua"),
        "{}",
        err(&o)
    );
}

#[test]
fn interactive_mode_evaluates_lines() {
    let o = cellua(
        &["-i"],
        "x = 3\n=x + 1\nfor i = 1, 2 do\nprint(i)\nend\n",
        &[],
    );
    assert!(o.status.success(), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("4\n") && s.contains("1\n2\n"), "{s}");
}

#[test]
fn a_refused_allocation_is_a_lua_error_not_an_abort() {
    // Under a 3 GB address-space limit, building 4.5 GB of strings must
    // fail with "not enough memory" inside pcall, and the script goes on.
    let s = temp_script(
        "oom.lua",
        "local ok, e = pcall(function() local s = ('x'):rep(2^29) local t = {} for i = 1, 8 do t[i] = s .. i end end)\nprint(ok, e)\nprint('alive')\n",
    );
    let script = format!(
        "ulimit -v 3000000; exec '{}' '{}'",
        env!("CARGO_BIN_EXE_cellua"),
        s
    );
    let o = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("run sh");
    assert!(o.status.success(), "status {:?}: {}", o.status, err(&o));
    assert_eq!(out(&o), "false\tnot enough memory\nalive\n");
}
