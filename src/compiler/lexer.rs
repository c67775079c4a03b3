//! Lexer: turns Lua 5.1 source bytes into tokens.
//!
//! Owns the byte-level rules of the language: names and reserved words,
//! numerals (read with 5.1's permissive pattern, then converted), short
//! strings with all 5.1 escapes, long strings and comments, and the
//! line counting used for error messages and line info. Lexical errors are
//! reported with the text of the offending token as 5.1 does.

use super::Error;

/// A token kind. Single-character tokens are `Char`.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    And,
    Break,
    Do,
    Else,
    Elseif,
    End,
    False,
    For,
    Function,
    If,
    In,
    Local,
    Nil,
    Not,
    Or,
    Repeat,
    Return,
    Then,
    True,
    Until,
    While,
    /// `..`
    Concat,
    /// `...`
    Dots,
    /// `==`
    Eq,
    /// `>=`
    Ge,
    /// `<=`
    Le,
    /// `~=`
    Ne,
    Number(f64),
    Name(Vec<u8>),
    String(Vec<u8>),
    Eos,
    Char(u8),
}

/// A token with the raw text 5.1 shows for names, strings and numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Source text (for `Name`, `String`, `Number`; empty otherwise).
    pub text: Vec<u8>,
}

const RESERVED: [(&[u8], Tok); 21] = [
    (b"and", Tok::And),
    (b"break", Tok::Break),
    (b"do", Tok::Do),
    (b"else", Tok::Else),
    (b"elseif", Tok::Elseif),
    (b"end", Tok::End),
    (b"false", Tok::False),
    (b"for", Tok::For),
    (b"function", Tok::Function),
    (b"if", Tok::If),
    (b"in", Tok::In),
    (b"local", Tok::Local),
    (b"nil", Tok::Nil),
    (b"not", Tok::Not),
    (b"or", Tok::Or),
    (b"repeat", Tok::Repeat),
    (b"return", Tok::Return),
    (b"then", Tok::Then),
    (b"true", Tok::True),
    (b"until", Tok::Until),
    (b"while", Tok::While),
];

/// The fixed spelling of a token kind as 5.1's `luaX_token2str` gives it.
pub fn tok2str(t: &Tok) -> Vec<u8> {
    let s: &str = match t {
        Tok::And => "and",
        Tok::Break => "break",
        Tok::Do => "do",
        Tok::Else => "else",
        Tok::Elseif => "elseif",
        Tok::End => "end",
        Tok::False => "false",
        Tok::For => "for",
        Tok::Function => "function",
        Tok::If => "if",
        Tok::In => "in",
        Tok::Local => "local",
        Tok::Nil => "nil",
        Tok::Not => "not",
        Tok::Or => "or",
        Tok::Repeat => "repeat",
        Tok::Return => "return",
        Tok::Then => "then",
        Tok::True => "true",
        Tok::Until => "until",
        Tok::While => "while",
        Tok::Concat => "..",
        Tok::Dots => "...",
        Tok::Eq => "==",
        Tok::Ge => ">=",
        Tok::Le => "<=",
        Tok::Ne => "~=",
        Tok::Number(_) => "<number>",
        Tok::Name(_) => "<name>",
        Tok::String(_) => "<string>",
        Tok::Eos => "<eof>",
        Tok::Char(c) => {
            if c.is_ascii_control() {
                return format!("char({})", c).into_bytes();
            }
            return vec![*c];
        }
    };
    s.as_bytes().to_vec()
}

/// Text shown after `near` for a token (5.1's `txtToken`).
pub fn token_text(t: &Token) -> Vec<u8> {
    match t.tok {
        Tok::Name(_) | Tok::String(_) | Tok::Number(_) => t.text.clone(),
        _ => tok2str(&t.tok),
    }
}

/// The scanner state.
pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    /// Current line (where the scanner is), as 5.1's `linenumber`.
    pub line: u32,
    buf: Vec<u8>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_newline(c: Option<u8>) -> bool {
    matches!(c, Some(b'\n') | Some(b'\r'))
}

impl<'a> Lexer<'a> {
    /// Start scanning `src` at byte `start` (used to skip a `#!` line).
    pub fn new(src: &'a [u8], start: usize) -> Self {
        Lexer {
            src,
            pos: start.min(src.len()),
            line: 1,
            buf: Vec::new(),
        }
    }

    fn cur(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn next_char(&mut self) {
        if self.pos < self.src.len() {
            self.pos += 1;
        }
    }

    fn save_and_next(&mut self) {
        if let Some(c) = self.cur() {
            self.buf.push(c);
        }
        self.next_char();
    }

    fn check_next(&mut self, set: &[u8]) -> bool {
        match self.cur() {
            Some(c) if set.contains(&c) => {
                self.save_and_next();
                true
            }
            _ => false,
        }
    }

    /// Skip a newline sequence (`\n`, `\r`, `\n\r` or `\r\n`).
    fn inc_line(&mut self) {
        let old = self.cur();
        self.next_char();
        if is_newline(self.cur()) && self.cur() != old {
            self.next_char();
        }
        self.line = self.line.saturating_add(1);
    }

    fn error(&self, msg: &str, near: Option<Vec<u8>>) -> Error {
        let mut m = msg.as_bytes().to_vec();
        if let Some(n) = near {
            m.extend_from_slice(b" near '");
            m.extend_from_slice(&n);
            m.push(b'\'');
        }
        Error::At {
            line: self.line,
            msg: m,
        }
    }

    fn err_buf(&self, msg: &str) -> Error {
        self.error(msg, Some(self.buf.clone()))
    }

    fn err_eof(&self, msg: &str) -> Error {
        self.error(msg, Some(b"<eof>".to_vec()))
    }

    /// Reads `[=*[` or `]=*]`: returns the level if well formed, else
    /// `-(count) - 1`. Saves the characters.
    fn skip_sep(&mut self) -> i64 {
        let s = self.cur();
        self.save_and_next();
        let mut count: i64 = 0;
        while self.cur() == Some(b'=') {
            self.save_and_next();
            count += 1;
        }
        if self.cur() == s {
            count
        } else {
            -count - 1
        }
    }

    fn read_long_string(&mut self, is_string: bool, sep: i64) -> Result<Vec<u8>, Error> {
        self.save_and_next(); // second '['
        if is_newline(self.cur()) {
            self.inc_line();
        }
        loop {
            match self.cur() {
                None => {
                    return Err(self.err_eof(if is_string {
                        "unfinished long string"
                    } else {
                        "unfinished long comment"
                    }));
                }
                Some(b'[') => {
                    if self.skip_sep() == sep {
                        self.save_and_next();
                        if sep == 0 {
                            return Err(
                                self.error("nesting of [[...]] is deprecated", Some(b"[".to_vec()))
                            );
                        }
                    }
                }
                Some(b']') => {
                    if self.skip_sep() == sep {
                        self.save_and_next();
                        break;
                    }
                }
                Some(b'\n') | Some(b'\r') => {
                    self.buf.push(b'\n');
                    self.inc_line();
                    if !is_string {
                        self.buf.clear();
                    }
                }
                Some(_) => {
                    if is_string {
                        self.save_and_next();
                    } else {
                        self.next_char();
                    }
                }
            }
        }
        let n = (2 + sep) as usize;
        if is_string && self.buf.len() >= 2 * n {
            Ok(self.buf[n..self.buf.len() - n].to_vec())
        } else {
            Ok(Vec::new())
        }
    }

    fn read_string(&mut self, del: u8) -> Result<Vec<u8>, Error> {
        self.save_and_next();
        loop {
            match self.cur() {
                None => return Err(self.err_eof("unfinished string")),
                Some(b'\n') | Some(b'\r') => return Err(self.err_buf("unfinished string")),
                Some(c) if c == del => break,
                Some(b'\\') => {
                    self.next_char();
                    let c = match self.cur() {
                        Some(b'a') => 7,
                        Some(b'b') => 8,
                        Some(b'f') => 12,
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'v') => 11,
                        Some(b'\n') | Some(b'\r') => {
                            self.buf.push(b'\n');
                            self.inc_line();
                            continue;
                        }
                        None => continue, // error reported by the loop
                        Some(d) if d.is_ascii_digit() => {
                            let mut v: u32 = 0;
                            let mut i = 0;
                            while i < 3 {
                                match self.cur() {
                                    Some(d) if d.is_ascii_digit() => {
                                        v = v * 10 + u32::from(d - b'0');
                                        self.next_char();
                                    }
                                    _ => break,
                                }
                                i += 1;
                            }
                            if v > 255 {
                                return Err(self.err_buf("escape sequence too large"));
                            }
                            self.buf.push(v as u8);
                            continue;
                        }
                        Some(_) => {
                            self.save_and_next();
                            continue;
                        }
                    };
                    self.buf.push(c);
                    self.next_char();
                }
                Some(_) => self.save_and_next(),
            }
        }
        self.save_and_next(); // closing delimiter
        Ok(self.buf[1..self.buf.len() - 1].to_vec())
    }

    fn read_numeral(&mut self) -> Result<Tok, Error> {
        loop {
            self.save_and_next();
            match self.cur() {
                Some(c) if c.is_ascii_digit() || c == b'.' => {}
                _ => break,
            }
        }
        if self.check_next(b"Ee") {
            self.check_next(b"+-");
        }
        while let Some(c) = self.cur() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.save_and_next();
            } else {
                break;
            }
        }
        match crate::number::str_to_number(&self.buf) {
            Some(n) => Ok(Tok::Number(n)),
            None => Err(self.err_buf("malformed number")),
        }
    }

    /// Scan the next token.
    pub fn next_token(&mut self) -> Result<Token, Error> {
        self.buf.clear();
        let tok = self.scan()?;
        let text = match tok {
            Tok::Name(_) | Tok::String(_) | Tok::Number(_) => std::mem::take(&mut self.buf),
            _ => Vec::new(),
        };
        Ok(Token { tok, text })
    }

    fn scan(&mut self) -> Result<Tok, Error> {
        loop {
            let c = match self.cur() {
                None => return Ok(Tok::Eos),
                Some(c) => c,
            };
            match c {
                b'\n' | b'\r' => self.inc_line(),
                b'-' => {
                    self.next_char();
                    if self.cur() != Some(b'-') {
                        return Ok(Tok::Char(b'-'));
                    }
                    self.next_char();
                    if self.cur() == Some(b'[') {
                        let sep = self.skip_sep();
                        self.buf.clear();
                        if sep >= 0 {
                            self.read_long_string(false, sep)?;
                            self.buf.clear();
                            continue;
                        }
                    }
                    while !is_newline(self.cur()) && self.cur().is_some() {
                        self.next_char();
                    }
                }
                b'[' => {
                    let sep = self.skip_sep();
                    if sep >= 0 {
                        let s = self.read_long_string(true, sep)?;
                        return Ok(Tok::String(s));
                    } else if sep == -1 {
                        return Ok(Tok::Char(b'['));
                    } else {
                        return Err(self.err_buf("invalid long string delimiter"));
                    }
                }
                b'=' | b'<' | b'>' | b'~' => {
                    self.next_char();
                    if self.cur() != Some(b'=') {
                        return Ok(Tok::Char(c));
                    }
                    self.next_char();
                    return Ok(match c {
                        b'=' => Tok::Eq,
                        b'<' => Tok::Le,
                        b'>' => Tok::Ge,
                        _ => Tok::Ne,
                    });
                }
                b'"' | b'\'' => return Ok(Tok::String(self.read_string(c)?)),
                b'.' => {
                    self.save_and_next();
                    if self.check_next(b".") {
                        if self.check_next(b".") {
                            return Ok(Tok::Dots);
                        }
                        return Ok(Tok::Concat);
                    }
                    match self.cur() {
                        Some(d) if d.is_ascii_digit() => return self.read_numeral(),
                        _ => return Ok(Tok::Char(b'.')),
                    }
                }
                _ => {
                    if is_space(c) {
                        self.next_char();
                    } else if c.is_ascii_digit() {
                        return self.read_numeral();
                    } else if c.is_ascii_alphabetic() || c == b'_' {
                        while let Some(d) = self.cur() {
                            if d.is_ascii_alphanumeric() || d == b'_' {
                                self.save_and_next();
                            } else {
                                break;
                            }
                        }
                        for (w, t) in RESERVED.iter() {
                            if *w == self.buf.as_slice() {
                                return Ok(t.clone());
                            }
                        }
                        return Ok(Tok::Name(self.buf.clone()));
                    } else {
                        self.next_char();
                        return Ok(Tok::Char(c));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut l = Lexer::new(s.as_bytes(), 0);
        let mut v = Vec::new();
        loop {
            let t = l.next_token().expect("lex error");
            if t.tok == Tok::Eos {
                return v;
            }
            v.push(t.tok);
        }
    }

    fn lex_err(s: &str) -> String {
        let mut l = Lexer::new(s.as_bytes(), 0);
        loop {
            match l.next_token() {
                Ok(t) if t.tok == Tok::Eos => return "no error".into(),
                Ok(_) => {}
                Err(Error::At { line, msg }) => {
                    return format!("{}: {}", line, String::from_utf8_lossy(&msg));
                }
                Err(_) => return "other".into(),
            }
        }
    }

    #[test]
    fn basic_tokens() {
        assert_eq!(
            toks("local x = 1 .. 2 ... ~= == <= >= < > -- comment\n y"),
            vec![
                Tok::Local,
                Tok::Name(b"x".to_vec()),
                Tok::Char(b'='),
                Tok::Number(1.0),
                Tok::Concat,
                Tok::Number(2.0),
                Tok::Dots,
                Tok::Ne,
                Tok::Eq,
                Tok::Le,
                Tok::Ge,
                Tok::Char(b'<'),
                Tok::Char(b'>'),
                Tok::Name(b"y".to_vec()),
            ]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("3 3.0 2.5 250e-2 0.25E1 0xff 0x56 .5 1e5 5."),
            vec![
                Tok::Number(3.0),
                Tok::Number(3.0),
                Tok::Number(2.5),
                Tok::Number(2.5),
                Tok::Number(2.5),
                Tok::Number(255.0),
                Tok::Number(86.0),
                Tok::Number(0.5),
                Tok::Number(1e5),
                Tok::Number(5.0),
            ]
        );
        // Numerals convert with the same function as `tonumber` (5.1's
        // luaO_str2d): hex with a binary exponent included.
        assert_eq!(toks("0x1p4"), vec![Tok::Number(16.0)]);
    }

    #[test]
    fn strings() {
        assert_eq!(
            toks(r#"'a\tb\65\066\0067x\q\\\"' "\z""#),
            vec![
                Tok::String(b"a\tbAB\x067xq\\\"".to_vec()),
                Tok::String(b"z".to_vec())
            ]
        );
        assert_eq!(
            toks("'a\\\nb' [[\nx]] [==[a]]b]==]"),
            vec![
                Tok::String(b"a\nb".to_vec()),
                Tok::String(b"x".to_vec()),
                Tok::String(b"a]]b".to_vec())
            ]
        );
        assert_eq!(
            toks("--[==[ long\n comment ]==] x"),
            vec![Tok::Name(b"x".to_vec())]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(lex_err("x = 'abc"), "1: unfinished string near '<eof>'");
        assert_eq!(
            lex_err("x = \"abc\ny\""),
            "1: unfinished string near '\"abc'"
        );
        assert_eq!(
            lex_err("x = [[abc"),
            "1: unfinished long string near '<eof>'"
        );
        assert_eq!(lex_err("x = 3x"), "1: malformed number near '3x'");
        assert_eq!(lex_err("x = 1..2"), "1: malformed number near '1..2'");
        assert_eq!(
            lex_err("x = '\\300'"),
            "1: escape sequence too large near '''"
        );
        assert_eq!(
            lex_err("x = [= a"),
            "1: invalid long string delimiter near '[='"
        );
        assert_eq!(
            lex_err("x = [[ a [[ b ]] ]]"),
            "1: nesting of [[...]] is deprecated near '['"
        );
        assert_eq!(
            lex_err("--[==[ x\n"),
            "2: unfinished long comment near '<eof>'"
        );
        assert_eq!(lex_err("x = \"a\\\rb"), "2: unfinished string near '<eof>'");
    }
}
