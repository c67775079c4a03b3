//! Nested Rust-level calls (metamethods, pcall, resume, sort comparators)
//! are bounded by the C-call limit, and that bound fits in the stack of an
//! ordinary thread: a host embedding cellua on a 4 MB thread survives
//! hostile recursion through every re-entry path.

fn run_on_small_stack(src: &'static str) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(move || {
            let mut lua = cellua::Lua::new();
            lua.exec(src.as_bytes(), b"=test")
                .map_err(|e| lua.error_message(&e))
        })
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| Err("thread panicked".to_string()))
}

#[test]
fn recursion_through_pcall_is_bounded() {
    // Each level returns what its pcall got; the innermost failure is the
    // C-call limit, and that message travels back out.
    let r = run_on_small_stack(
        "local function f() local ok, e = pcall(f) return e end\n\
         local msg = f()\n\
         assert(type(msg) == 'string' and msg:find('stack overflow'), tostring(msg))",
    );
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn recursion_through_metamethods_is_an_error() {
    let r = run_on_small_stack(
        "local t = setmetatable({}, {__index = function(t, k) return t[k] end})\n\
         local ok, e = pcall(function() return t.x end)\n\
         assert(not ok and e:find('stack overflow'), e)",
    );
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn recursion_through_resume_sort_and_gsub_is_an_error() {
    let r = run_on_small_stack(
        "local function g() return coroutine.wrap(g)() end\n\
         assert(not pcall(g))\n\
         local function s() table.sort({3, 2, 1}, function(a, b) s() return a < b end) end\n\
         assert(not pcall(s))\n\
         local function r() return (string.gsub('a', 'a', r)) end\n\
         assert(not pcall(r))\n\
         local function ts() return tostring(setmetatable({}, {__tostring = ts})) end\n\
         assert(not pcall(ts))",
    );
    assert!(r.is_ok(), "{r:?}");
}
