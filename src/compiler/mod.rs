//! Compiler: Lua 5.1 source text to `FuncProto` (register bytecode).
//!
//! Lexer (`lexer`), recursive-descent parser with the grammar on each rule
//! (`parser`), and code generator (`codegen`). The output is pure data with
//! no heap handles; the VM interns constants when it loads a chunk.
//! Limits (200 locals, 60 upvalues, 250 registers, 200 nesting levels) are
//! reported as syntax errors in 5.1's wording, never as panics.
//! `dump` holds a disassembler for debugging; `bytecode` the binary chunk
//! format (`string.dump`) and its verifying loader.

pub mod bytecode;
pub mod codegen;
pub mod dump;
pub mod lexer;
pub mod opcodes;
pub mod parser;

pub use dump::disassemble;
pub use opcodes::{Constant, FuncProto, Instr, LocVar, UpvalDesc};

/// A compile error before it is formatted with the chunk id and line.
#[derive(Debug)]
pub enum Error {
    /// Complete message (including any `near` part) at a known line.
    At { line: u32, msg: Vec<u8> },
    /// Message to which ` near '<current token>'` is appended.
    NearCurrent(String),
    /// Message without a `near` part, at the lexer's current line.
    Plain(String),
}

/// Compile a chunk. `chunkname` is the raw name given to `load`
/// (`"@file.lua"`, `"=stdin"`, or the source text itself for `loadstring`).
/// On failure returns the complete 5.1-style message, e.g.
/// `[string "x = = 1"]:1: unexpected symbol near '='`.
pub fn compile(source: &[u8], chunkname: &[u8]) -> Result<FuncProto, String> {
    // (A `#!` first line is skipped by the file loader, not here: 5.1's
    // `loadstring` does not skip it.)
    parser::parse(source, 0, chunkname)
}

/// Format a chunk name for messages as 5.1's `luaO_chunkid` does:
/// `=name` -> `name`, `@file` -> `file` (long names keep their tail, prefixed
/// with `...`), anything else -> `[string "first line..."]`.
/// `bufflen` is 60 in 5.1 (LUA_IDSIZE), used for runtime error positions.
/// (Syntax errors use 80, as 5.1's lexer does; `compile` takes care of it.)
pub fn chunk_id(chunkname: &[u8]) -> String {
    chunk_id_len(chunkname, 60)
}

/// `luaO_chunkid` with an explicit buffer length (including the NUL).
pub fn chunk_id_len(chunkname: &[u8], bufflen: usize) -> String {
    // C strings stop at the first NUL.
    let src = match chunkname.iter().position(|&c| c == 0) {
        Some(p) => &chunkname[..p],
        None => chunkname,
    };
    let mut out: Vec<u8> = Vec::new();
    match src.first() {
        Some(b'=') => {
            let s = &src[1..];
            let n = s.len().min(bufflen.saturating_sub(1));
            out.extend_from_slice(&s[..n]);
        }
        Some(b'@') => {
            let s = &src[1..];
            let room = bufflen.saturating_sub(8);
            if s.len() > room {
                out.extend_from_slice(b"...");
                out.extend_from_slice(&s[s.len() - room..]);
            } else {
                out.extend_from_slice(s);
            }
        }
        _ => {
            let first = src
                .iter()
                .position(|&c| c == b'\n' || c == b'\r')
                .unwrap_or(src.len());
            let room = bufflen.saturating_sub(17);
            let len = first.min(room);
            out.extend_from_slice(b"[string \"");
            if len < src.len() {
                out.extend_from_slice(&src[..len]);
                out.extend_from_slice(b"...");
            } else {
                out.extend_from_slice(src);
            }
            out.extend_from_slice(b"\"]");
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_ids() {
        assert_eq!(chunk_id(b"=foo"), "foo");
        assert_eq!(chunk_id(b"@foo.lua"), "foo.lua");
        assert_eq!(chunk_id(b"x = 1"), "[string \"x = 1\"]");
        assert_eq!(chunk_id(b"x = 1\ny"), "[string \"x = 1...\"]");
        let long = "c".repeat(70);
        assert_eq!(
            chunk_id_len(long.as_bytes(), 80),
            format!("[string \"{}...\"]", "c".repeat(63))
        );
        assert_eq!(
            chunk_id(long.as_bytes()),
            format!("[string \"{}...\"]", "c".repeat(43))
        );
        let f = format!("@{}", "a".repeat(60));
        assert_eq!(chunk_id(f.as_bytes()), format!("...{}", "a".repeat(52)));
        assert_eq!(chunk_id_len(f.as_bytes(), 80), "a".repeat(60));
        let e = format!("={}", "b".repeat(70));
        assert_eq!(chunk_id(e.as_bytes()), "b".repeat(59));
        assert_eq!(chunk_id_len(e.as_bytes(), 80), "b".repeat(70));
    }
}
