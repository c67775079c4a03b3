//! Lua 5.1 pattern matching over byte strings (reference manual §5.4.1).
//!
//! This module owns the pure algorithms behind `string.find`, `string.match`,
//! `string.gmatch` and `string.gsub`: pattern compilation, a backtracking
//! matcher, plain substring search and gsub replacement-string expansion.
//! It knows nothing about the VM; the glue converts Lua values to and from
//! the types here.
//!
//! # Conventions
//!
//! * All positions are **0-based byte offsets** into the subject.
//!   [`Match::start`]/[`Match::end`] delimit the whole match as `[start, end)`,
//!   so Lua's `string.find` returns `start + 1, end`.
//! * [`Capture::Position`] holds a 0-based offset; the Lua value of a position
//!   capture is that offset plus one.  [`Match::value`] already returns the Lua
//!   value ([`CaptureValue::Position`] is 1-based).
//! * Errors are the Lua 5.1 messages without position prefix, e.g.
//!   `"malformed pattern (ends with '%')"`.  As in 5.1 they are raised lazily:
//!   only when the matcher actually reaches the malformed part of the pattern
//!   (`("b"):match("a(")` is `nil`, `("a"):match("a(")` is an error).
//! * Like 5.1 (which reads patterns as C strings) the pattern is treated as if
//!   it ended at its first `\0` byte; use `%z` to match a zero byte.
//!
//! # Matching is bounded
//!
//! The matcher is an explicit backtracking machine: it never recurses.  Its
//! backtrack stack lives on the heap and holds at most one entry per pattern
//! item, so neither long subjects nor long patterns can overflow the Rust
//! stack.  (Pathological patterns can still take exponential *time*, as in
//! PUC-Rio Lua.)
//!
//! # How the glue implements the library functions
//!
//! * `string.find(s, p, init, plain)`: call [`str_find`] with the raw Lua
//!   `init` (default 1) and `plain` flag.  On `Some(m)` return
//!   `m.start + 1, m.end` followed by `m.value(s, i)?` for every
//!   `i in 0..m.captures.len()` (no whole-match value when there are no
//!   captures).  `None` -> `nil`.
//! * `string.match(s, p, init)`: call [`str_match`]; on `Some(m)` return
//!   `m.value(s, i)?` for `i in 0..m.num_values()` (the whole match when the
//!   pattern has no captures).
//! * `string.gmatch(s, p)`: build a [`GMatch`] (or keep a compiled
//!   [`Pattern::new_gmatch`] plus a `usize` position and call
//!   [`gmatch_next`]).  Each call of the iterator returns the values of the
//!   next match exactly as `string.match` does, or `nil` at the end.  In 5.1
//!   gmatch does **not** treat a leading `^` as an anchor (it is a literal
//!   `^`); `Pattern::new_gmatch` implements that.  After an empty match the
//!   next search starts one byte further.
//! * `string.gsub(s, p, repl, n)`: the glue converts `n` (default: none) to
//!   `max_n` (`Some(0)` for `n <= 0`).  For a string `repl` call
//!   [`gsub_str`]; for a table/function build a closure for [`gsub`]:
//!   a table is indexed with `m.value(s, 0)?` (first capture or whole match),
//!   a function is called with all `m.value(s, i)?` values; when the result is
//!   `false`/`nil` return `Ok(None)` (keep the original text), when it is a
//!   string or number return its bytes, otherwise fail with
//!   `"invalid replacement value (a <type>)"`.  `gsub` returns the new string
//!   and the number of matches (matches whose replacement was kept still
//!   count, as in 5.1).  A leading `^` anchors gsub to the start of the
//!   subject (at most one match).

/// Maximum number of captures in a pattern (5.1's `LUA_MAXCAPTURES`).
pub const MAX_CAPTURES: usize = 32;

const ERR_ENDS_WITH_ESC: &str = "malformed pattern (ends with '%')";
const ERR_MISSING_BRACKET: &str = "malformed pattern (missing ']')";
const ERR_FRONTIER: &str = "missing '[' after '%f' in pattern";
const ERR_CAPTURE_INDEX: &str = "invalid capture index";
const ERR_PATTERN_CAPTURE: &str = "invalid pattern capture";
const ERR_UNFINISHED: &str = "unfinished capture";
const ERR_UNBALANCED: &str = "unbalanced pattern";
const ERR_TOO_MANY: &str = "too many captures";

/// One capture of a successful match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// A position capture `()`: the 0-based offset (the Lua value is `offset + 1`).
    Position(usize),
    /// A substring capture: the byte range `[start, end)` of the subject.
    Slice(usize, usize),
    /// A capture opened but never closed by the pattern (`"(a"`).  Only
    /// [`gsub`] hands such matches out (5.1 only complains when the capture
    /// is used); reading it with [`Match::value`] gives `"unfinished capture"`.
    Unfinished,
}

/// A Lua value produced from a match, ready to be pushed by the glue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureValue<'s> {
    /// A substring of the subject.
    Str(&'s [u8]),
    /// A position capture, already 1-based (the Lua integer to push).
    Position(usize),
}

/// A successful match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// 0-based offset of the first byte of the whole match.
    pub start: usize,
    /// 0-based offset one past the last byte of the whole match.
    pub end: usize,
    /// The captures, in the order of their opening parentheses.
    pub captures: Vec<Capture>,
}

impl Match {
    /// Number of values Lua produces for this match in `string.match`,
    /// `gmatch` and function replacements: the number of captures, or 1 (the
    /// whole match) when the pattern has none.
    pub fn num_values(&self) -> usize {
        self.captures.len().max(1)
    }

    /// The whole matched text.
    pub fn whole<'s>(&self, subject: &'s [u8]) -> &'s [u8] {
        subject.get(self.start..self.end).unwrap_or(&[])
    }

    /// Value `i` (0-based) as Lua pushes it: capture `i`, or the whole match
    /// when `i == 0` and the pattern has no captures.  Errors are
    /// `"invalid capture index"` and `"unfinished capture"`.
    pub fn value<'s>(&self, subject: &'s [u8], i: usize) -> Result<CaptureValue<'s>, String> {
        if self.captures.is_empty() {
            return if i == 0 {
                Ok(CaptureValue::Str(self.whole(subject)))
            } else {
                Err(ERR_CAPTURE_INDEX.to_string())
            };
        }
        match self.captures.get(i) {
            None => Err(ERR_CAPTURE_INDEX.to_string()),
            Some(Capture::Position(p)) => Ok(CaptureValue::Position(p + 1)),
            Some(Capture::Slice(a, b)) => Ok(CaptureValue::Str(subject.get(*a..*b).unwrap_or(&[]))),
            Some(Capture::Unfinished) => Err(ERR_UNFINISHED.to_string()),
        }
    }

    /// `Err("unfinished capture")` when some capture is [`Capture::Unfinished`].
    pub fn check_captures(&self) -> Result<(), String> {
        if self.captures.contains(&Capture::Unfinished) {
            Err(ERR_UNFINISHED.to_string())
        } else {
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Character classes (C locale)

fn class_matches(class: u8, c: u8) -> Option<bool> {
    let r = match class.to_ascii_lowercase() {
        b'a' => c.is_ascii_alphabetic(),
        b'c' => c < 32 || c == 127,
        b'd' => c.is_ascii_digit(),
        b'l' => c.is_ascii_lowercase(),
        b'p' => c.is_ascii_punctuation(),
        b's' => c == b' ' || (9..=13).contains(&c),
        b'u' => c.is_ascii_uppercase(),
        b'w' => c.is_ascii_alphanumeric(),
        b'x' => c.is_ascii_hexdigit(),
        b'z' => c == 0,
        _ => return None,
    };
    Some(if class.is_ascii_uppercase() { !r } else { r })
}

/// Adds to `table` the bytes matched by `%<class>` (a literal when `class`
/// is not a class letter).
fn add_escape(table: &mut [bool; 256], class: u8) {
    if class_matches(class, 0).is_none() {
        table[class as usize] = true;
        return;
    }
    for c in 0..=255u8 {
        if class_matches(class, c) == Some(true) {
            table[c as usize] = true;
        }
    }
}

// ---------------------------------------------------------------------------
// Compiled form

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Set {
    Any,
    Lit(u8),
    Table(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rep {
    One,
    Opt,
    Star,
    Plus,
    Lazy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Char(Set, Rep),
    Open(u8),
    Position(u8),
    Close(u8),
    Balance(u8, u8),
    Frontier(u32),
    BackRef(u8),
    EndAnchor,
    Error(&'static str),
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CapKind {
    Position,
    Normal,
    Unfinished,
}

/// A compiled pattern.  Compilation never fails: malformed parts become
/// error items that raise the 5.1 message when the matcher reaches them.
#[derive(Clone, Debug)]
pub struct Pattern {
    items: Vec<Item>,
    tables: Vec<[bool; 256]>,
    kinds: Vec<CapKind>,
    anchored: bool,
}

#[derive(Clone, Copy, Debug)]
enum Choice {
    /// Greedy item `ip` may give back bytes down to offset `min`; currently at `cur`.
    Max { ip: usize, min: usize, cur: usize },
    /// Lazy item `ip` currently stopped at `pos`; may take one more byte.
    Min { ip: usize, pos: usize },
}

/// Reusable matcher scratch space (so scanning allocates nothing per position).
struct Scratch {
    caps: [(usize, usize); MAX_CAPTURES],
    stack: Vec<Choice>,
}

impl Scratch {
    fn new() -> Self {
        Scratch {
            caps: [(0, 0); MAX_CAPTURES],
            stack: Vec::new(),
        }
    }
}

impl Pattern {
    /// Compiles `pat` for `find`/`match`/`gsub`: a leading `^` anchors the
    /// match at the start position.
    pub fn new(pat: &[u8]) -> Pattern {
        Self::compile(pat, true)
    }

    /// Compiles `pat` for `gmatch`: a leading `^` is an ordinary character.
    pub fn new_gmatch(pat: &[u8]) -> Pattern {
        Self::compile(pat, false)
    }

    /// Whether the pattern was anchored with a leading `^`.
    pub fn is_anchored(&self) -> bool {
        self.anchored
    }

    fn compile(pat: &[u8], allow_anchor: bool) -> Pattern {
        // 5.1 reads the pattern as a C string: it ends at the first NUL.
        let n = pat.iter().position(|&b| b == 0).unwrap_or(pat.len());
        let pat = &pat[..n];
        let mut p = Pattern {
            items: Vec::with_capacity(n + 1),
            tables: Vec::new(),
            kinds: Vec::new(),
            anchored: false,
        };
        let mut i = 0;
        if allow_anchor && pat.first() == Some(&b'^') {
            p.anchored = true;
            i = 1;
        }
        let mut open: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = pat.get(i) else {
                for &k in &open {
                    if let Some(kind) = p.kinds.get_mut(k as usize) {
                        *kind = CapKind::Unfinished;
                    }
                }
                p.items.push(Item::End);
                break;
            };
            let next = pat.get(i + 1).copied();
            match (c, next) {
                (b'(', _) => {
                    if p.kinds.len() >= MAX_CAPTURES {
                        p.items.push(Item::Error(ERR_TOO_MANY));
                        break;
                    }
                    let k = p.kinds.len() as u8;
                    if next == Some(b')') {
                        p.kinds.push(CapKind::Position);
                        p.items.push(Item::Position(k));
                        i += 2;
                    } else {
                        p.kinds.push(CapKind::Normal);
                        open.push(k);
                        p.items.push(Item::Open(k));
                        i += 1;
                    }
                }
                (b')', _) => match open.pop() {
                    Some(k) => {
                        p.items.push(Item::Close(k));
                        i += 1;
                    }
                    None => {
                        p.items.push(Item::Error(ERR_PATTERN_CAPTURE));
                        break;
                    }
                },
                (b'$', None) => {
                    p.items.push(Item::EndAnchor);
                    i += 1;
                }
                (b'%', Some(b'b')) => match (pat.get(i + 2), pat.get(i + 3)) {
                    (Some(&a), Some(&b)) => {
                        p.items.push(Item::Balance(a, b));
                        i += 4;
                    }
                    _ => {
                        p.items.push(Item::Error(ERR_UNBALANCED));
                        break;
                    }
                },
                (b'%', Some(b'f')) => {
                    i += 2;
                    if pat.get(i) != Some(&b'[') {
                        p.items.push(Item::Error(ERR_FRONTIER));
                        break;
                    }
                    match p.bracket(pat, i) {
                        Ok((t, ni)) => {
                            p.items.push(Item::Frontier(t));
                            i = ni;
                        }
                        Err(e) => {
                            p.items.push(Item::Error(e));
                            break;
                        }
                    }
                }
                (b'%', Some(d)) if d.is_ascii_digit() => {
                    let l = d - b'0';
                    let ok =
                        l >= 1 && ((l - 1) as usize) < p.kinds.len() && !open.contains(&(l - 1));
                    if !ok {
                        p.items.push(Item::Error(ERR_CAPTURE_INDEX));
                        break;
                    }
                    p.items.push(Item::BackRef(l - 1));
                    i += 2;
                }
                _ => {
                    let (set, ni) = match p.single(pat, i) {
                        Ok(x) => x,
                        Err(e) => {
                            p.items.push(Item::Error(e));
                            break;
                        }
                    };
                    let (rep, ni) = match pat.get(ni) {
                        Some(b'?') => (Rep::Opt, ni + 1),
                        Some(b'*') => (Rep::Star, ni + 1),
                        Some(b'+') => (Rep::Plus, ni + 1),
                        Some(b'-') => (Rep::Lazy, ni + 1),
                        _ => (Rep::One, ni),
                    };
                    p.items.push(Item::Char(set, rep));
                    i = ni;
                }
            }
        }
        p
    }

    /// Parses a single-character class at `pat[i]`; returns it and the index after it.
    fn single(&mut self, pat: &[u8], i: usize) -> Result<(Set, usize), &'static str> {
        match pat.get(i).copied() {
            Some(b'.') => Ok((Set::Any, i + 1)),
            Some(b'%') => match pat.get(i + 1).copied() {
                None => Err(ERR_ENDS_WITH_ESC),
                Some(cl) => {
                    if class_matches(cl, 0).is_none() {
                        Ok((Set::Lit(cl), i + 2))
                    } else {
                        let mut t = [false; 256];
                        add_escape(&mut t, cl);
                        Ok((self.add_table(t), i + 2))
                    }
                }
            },
            Some(b'[') => {
                let (t, ni) = self.bracket(pat, i)?;
                Ok((Set::Table(t), ni))
            }
            Some(c) => Ok((Set::Lit(c), i + 1)),
            None => Err(ERR_ENDS_WITH_ESC),
        }
    }

    fn add_table(&mut self, t: [bool; 256]) -> Set {
        self.tables.push(t);
        Set::Table((self.tables.len() - 1) as u32)
    }

    /// Parses a set `[...]` starting at `pat[i] == '['`; returns its table
    /// index and the index after the closing `]`.
    fn bracket(&mut self, pat: &[u8], i: usize) -> Result<(u32, usize), &'static str> {
        let mut j = i + 1;
        let negate = pat.get(j) == Some(&b'^');
        if negate {
            j += 1;
        }
        let first = j;
        // Find the closing ']': the first byte is always part of the set, and
        // '%' protects the byte after it.
        loop {
            let Some(&c) = pat.get(j) else {
                return Err(ERR_MISSING_BRACKET);
            };
            j += 1;
            if c == b'%' && j < pat.len() {
                j += 1;
            }
            if pat.get(j) == Some(&b']') {
                break;
            }
        }
        let close = j;
        let mut t = [false; 256];
        let mut k = first;
        while k < close {
            let c = pat[k];
            if c == b'%' {
                if let Some(&cl) = pat.get(k + 1) {
                    add_escape(&mut t, cl);
                }
                k += 2;
            } else if k + 2 < close && pat[k + 1] == b'-' {
                let hi = pat[k + 2];
                for b in c..=hi {
                    t[b as usize] = true;
                }
                k += 3;
            } else {
                t[c as usize] = true;
                k += 1;
            }
        }
        if negate {
            for b in t.iter_mut() {
                *b = !*b;
            }
        }
        self.tables.push(t);
        Ok(((self.tables.len() - 1) as u32, close + 1))
    }

    #[inline(always)]
    fn set_has(&self, set: Set, c: u8) -> bool {
        match set {
            Set::Any => true,
            Set::Lit(l) => l == c,
            Set::Table(t) => self.tables[t as usize][c as usize],
        }
    }

    /// Runs the machine at exactly `init`; returns the end of the match.
    fn run(&self, s: &[u8], init: usize, sc: &mut Scratch) -> Result<Option<usize>, String> {
        let items = &self.items[..];
        let len = s.len();
        sc.stack.clear();
        let mut ip = 0usize;
        let mut sp = init;
        loop {
            let ok = match items[ip] {
                Item::Char(set, rep) => match rep {
                    Rep::One => {
                        if sp < len && self.set_has(set, s[sp]) {
                            sp += 1;
                            ip += 1;
                            true
                        } else {
                            false
                        }
                    }
                    Rep::Opt => {
                        if sp < len && self.set_has(set, s[sp]) {
                            sc.stack.push(Choice::Max {
                                ip,
                                min: sp,
                                cur: sp + 1,
                            });
                            sp += 1;
                        }
                        ip += 1;
                        true
                    }
                    Rep::Star | Rep::Plus => {
                        let mut e = sp;
                        match set {
                            Set::Any => e = len,
                            Set::Lit(l) => {
                                while e < len && s[e] == l {
                                    e += 1
                                }
                            }
                            Set::Table(t) => {
                                let tab = &self.tables[t as usize];
                                while e < len && tab[s[e] as usize] {
                                    e += 1
                                }
                            }
                        }
                        let min = if rep == Rep::Plus { sp + 1 } else { sp };
                        if e < min {
                            false
                        } else {
                            if e > min {
                                sc.stack.push(Choice::Max { ip, min, cur: e });
                            }
                            sp = e;
                            ip += 1;
                            true
                        }
                    }
                    Rep::Lazy => {
                        sc.stack.push(Choice::Min { ip, pos: sp });
                        ip += 1;
                        true
                    }
                },
                Item::Open(k) | Item::Position(k) => {
                    sc.caps[k as usize].0 = sp;
                    ip += 1;
                    true
                }
                Item::Close(k) => {
                    sc.caps[k as usize].1 = sp;
                    ip += 1;
                    true
                }
                Item::Balance(open, close) => {
                    if sp < len && s[sp] == open {
                        let mut depth = 1usize;
                        let mut e = sp + 1;
                        let mut found = false;
                        while e < len {
                            let c = s[e];
                            e += 1;
                            if c == close {
                                depth -= 1;
                                if depth == 0 {
                                    found = true;
                                    break;
                                }
                            } else if c == open {
                                depth += 1;
                            }
                        }
                        if found {
                            sp = e;
                            ip += 1;
                        }
                        found
                    } else {
                        false
                    }
                }
                Item::Frontier(t) => {
                    let tab = &self.tables[t as usize];
                    let prev = if sp == 0 { 0 } else { s[sp - 1] };
                    let cur = if sp < len { s[sp] } else { 0 };
                    if !tab[prev as usize] && tab[cur as usize] {
                        ip += 1;
                        true
                    } else {
                        false
                    }
                }
                Item::BackRef(k) => {
                    if self.kinds[k as usize] != CapKind::Normal {
                        false
                    } else {
                        let (a, b) = sc.caps[k as usize];
                        let l = b.saturating_sub(a);
                        let cap = s.get(a..a + l).unwrap_or(&[]);
                        if len - sp >= l && &s[sp..sp + l] == cap {
                            sp += l;
                            ip += 1;
                            true
                        } else {
                            false
                        }
                    }
                }
                Item::EndAnchor => {
                    if sp == len {
                        ip += 1;
                        true
                    } else {
                        false
                    }
                }
                Item::Error(e) => return Err(e.to_string()),
                Item::End => return Ok(Some(sp)),
            };
            if ok {
                continue;
            }
            // Backtrack to the most recent choice point with alternatives left.
            loop {
                let Some(top) = sc.stack.last_mut() else {
                    return Ok(None);
                };
                match top {
                    Choice::Max { ip: cip, min, cur } => {
                        *cur -= 1;
                        sp = *cur;
                        ip = *cip + 1;
                        if *cur == *min {
                            sc.stack.pop();
                        }
                        break;
                    }
                    Choice::Min { ip: cip, pos } => {
                        let p = *pos;
                        let item_ip = *cip;
                        let set = match items[item_ip] {
                            Item::Char(set, _) => set,
                            _ => Set::Any,
                        };
                        if p < len && self.set_has(set, s[p]) {
                            *pos = p + 1;
                            sp = p + 1;
                            ip = item_ip + 1;
                            break;
                        }
                        sc.stack.pop();
                    }
                }
            }
        }
    }

    fn build_match(&self, start: usize, end: usize, sc: &Scratch) -> Match {
        let captures = self
            .kinds
            .iter()
            .enumerate()
            .map(|(k, kind)| match kind {
                CapKind::Position => Capture::Position(sc.caps[k].0),
                CapKind::Normal => Capture::Slice(sc.caps[k].0, sc.caps[k].1),
                CapKind::Unfinished => Capture::Unfinished,
            })
            .collect();
        Match {
            start,
            end,
            captures,
        }
    }

    /// Tries to match exactly at offset `init` (no scanning; the anchor flag
    /// is irrelevant here).  Returns `None` when `init > subject.len()`.
    /// Unfinished captures are reported as the `"unfinished capture"` error.
    pub fn match_at(&self, subject: &[u8], init: usize) -> Result<Option<Match>, String> {
        let mut sc = Scratch::new();
        match self.match_at_raw(subject, init, &mut sc)? {
            Some(m) => m.check_captures().map(|_| Some(m)),
            None => Ok(None),
        }
    }

    fn match_at_raw(
        &self,
        subject: &[u8],
        init: usize,
        sc: &mut Scratch,
    ) -> Result<Option<Match>, String> {
        if init > subject.len() {
            return Ok(None);
        }
        Ok(self
            .run(subject, init, sc)?
            .map(|e| self.build_match(init, e, sc)))
    }

    /// Scans for the first match starting at or after `init` (only at `init`
    /// when anchored).  Unfinished captures give `"unfinished capture"`.
    pub fn find(&self, subject: &[u8], init: usize) -> Result<Option<Match>, String> {
        let mut sc = Scratch::new();
        match self.find_raw(subject, init, &mut sc)? {
            Some(m) => m.check_captures().map(|_| Some(m)),
            None => Ok(None),
        }
    }

    fn find_raw(
        &self,
        subject: &[u8],
        init: usize,
        sc: &mut Scratch,
    ) -> Result<Option<Match>, String> {
        let len = subject.len();
        if init > len {
            return Ok(None);
        }
        if self.anchored {
            return self.match_at_raw(subject, init, sc);
        }
        // A first item that must consume a byte lets us skip hopeless starts.
        let first = match self.items.first() {
            Some(Item::Char(set, Rep::One | Rep::Plus)) => Some(*set),
            _ => None,
        };
        let mut st = init;
        loop {
            if let Some(set) = first {
                match set {
                    Set::Lit(c) => match memchr(c, &subject[st..]) {
                        Some(off) => st += off,
                        None => return Ok(None),
                    },
                    _ => {
                        while st < len && !self.set_has(set, subject[st]) {
                            st += 1;
                        }
                        if st >= len {
                            return Ok(None);
                        }
                    }
                }
            }
            if let Some(e) = self.run(subject, st, sc)? {
                return Ok(Some(self.build_match(st, e, sc)));
            }
            if st >= len {
                return Ok(None);
            }
            st += 1;
        }
    }
}

// ---------------------------------------------------------------------------
// Plain search

/// Finds byte `c` in `hay` (word-at-a-time scan).
pub fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let rep = LO.wrapping_mul(c as u64);
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for ch in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(ch);
        let x = u64::from_le_bytes(w) ^ rep;
        if (x.wrapping_sub(LO) & !x & HI) != 0 {
            return ch.iter().position(|&b| b == c).map(|p| base + p);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == c)
        .map(|p| base + p)
}

/// Finds `needle` in `hay`; an empty needle is found at 0.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    if n == 0 {
        return Some(0);
    }
    if n > hay.len() {
        return None;
    }
    let first = needle[0];
    if n == 1 {
        return memchr(first, hay);
    }
    if n >= 4 && hay.len() >= 512 {
        return horspool(hay, needle);
    }
    let last_start = hay.len() - n;
    let mut i = 0;
    while i <= last_start {
        match memchr(first, &hay[i..=last_start]) {
            None => return None,
            Some(off) => {
                i += off;
                if hay[i + 1..i + n] == needle[1..] {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

fn horspool(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    let mut skip = [n; 256];
    for (i, &b) in needle[..n - 1].iter().enumerate() {
        skip[b as usize] = n - 1 - i;
    }
    let last = needle[n - 1];
    let mut i = 0;
    while i + n <= hay.len() {
        let c = hay[i + n - 1];
        if c == last && hay[i..i + n - 1] == needle[..n - 1] {
            return Some(i);
        }
        i += skip[c as usize];
    }
    None
}

/// True when `pat` has none of 5.1's special characters `^$*+?.([%-`
/// (looking only up to its first `\0`, as 5.1 does), so `string.find` can use
/// a plain substring search (with the *whole* pattern as needle).
pub fn is_plain(pat: &[u8]) -> bool {
    !pat.iter()
        .take_while(|&&b| b != 0)
        .any(|b| b"^$*+?.([%-".contains(b))
}

// ---------------------------------------------------------------------------
// Convenience entry points

/// Tries to match `pat` against `subject` starting exactly at `init` (0-based,
/// no scanning, a leading `^` is just the anchor).
pub fn match_at(subject: &[u8], pat: &[u8], init: usize) -> Result<Option<Match>, String> {
    Pattern::new(pat).match_at(subject, init)
}

/// Scans for the first match at or after `init` (0-based; only at `init`
/// when `pat` starts with `^`).  Always uses the pattern matcher.
pub fn find(subject: &[u8], pat: &[u8], init: usize) -> Result<Option<Match>, String> {
    Pattern::new(pat).find(subject, init)
}

/// 5.1's start-position rule for find/match: `init` is the raw Lua argument
/// (1-based, negative counts from the end); returns a 0-based offset clamped
/// to `[0, len]`.
pub fn lua_init(init: i64, len: usize) -> usize {
    let len_i = len as i64;
    let mut pos = if init < 0 {
        init.saturating_add(len_i + 1)
    } else {
        init
    };
    if pos < 0 {
        pos = 0;
    }
    (pos - 1).clamp(0, len_i) as usize
}

/// `string.find(subject, pat, init, plain)` with 5.1 semantics; `init` is
/// the raw Lua argument (pass 1 when absent).  Plain searches (explicit or
/// because the pattern has no specials) return a match without captures.
pub fn str_find(
    subject: &[u8],
    pat: &[u8],
    init: i64,
    plain: bool,
) -> Result<Option<Match>, String> {
    let init = lua_init(init, subject.len());
    if plain || is_plain(pat) {
        return Ok(find_bytes(&subject[init..], pat).map(|off| Match {
            start: init + off,
            end: init + off + pat.len(),
            captures: Vec::new(),
        }));
    }
    find(subject, pat, init)
}

/// `string.match(subject, pat, init)` with 5.1 semantics; `init` is the raw
/// Lua argument (pass 1 when absent).
pub fn str_match(subject: &[u8], pat: &[u8], init: i64) -> Result<Option<Match>, String> {
    find(subject, pat, lua_init(init, subject.len()))
}

/// One step of `string.gmatch`: finds the next match at or after `*pos`
/// with a pattern compiled by [`Pattern::new_gmatch`], and advances `*pos`
/// (by at least one byte after an empty match).  Start with `*pos = 0`.
pub fn gmatch_next(
    pat: &Pattern,
    subject: &[u8],
    pos: &mut usize,
) -> Result<Option<Match>, String> {
    let mut sc = Scratch::new();
    gmatch_step(pat, subject, pos, &mut sc)
}

fn gmatch_step(
    pat: &Pattern,
    subject: &[u8],
    pos: &mut usize,
    sc: &mut Scratch,
) -> Result<Option<Match>, String> {
    if *pos > subject.len() {
        return Ok(None);
    }
    match pat.find_raw(subject, *pos, sc)? {
        Some(m) => {
            *pos = if m.end == m.start { m.end + 1 } else { m.end };
            m.check_captures()?;
            Ok(Some(m))
        }
        None => {
            *pos = subject.len() + 1;
            Ok(None)
        }
    }
}

/// State of a `string.gmatch` iterator: owns the compiled pattern and the
/// current position; the glue keeps it (and the subject) in the closure.
#[derive(Debug)]
pub struct GMatch {
    pattern: Pattern,
    /// Next 0-based offset to search from.
    pub pos: usize,
}

impl GMatch {
    /// Starts iterating `pat` (with 5.1's gmatch rules: `^` is a literal).
    pub fn new(pat: &[u8]) -> GMatch {
        GMatch {
            pattern: Pattern::new_gmatch(pat),
            pos: 0,
        }
    }

    /// The next match in `subject` (always pass the same subject), or `None`.
    pub fn next_match(&mut self, subject: &[u8]) -> Result<Option<Match>, String> {
        gmatch_next(&self.pattern, subject, &mut self.pos)
    }
}

/// Appends the expansion of gsub replacement string `repl` for match `m`:
/// `%0` is the whole match, `%1`-`%9` captures (position captures as
/// decimal numbers; `%1` is the whole match when there are no captures),
/// `%` followed by any non-digit is that byte (so `%%` is `%`); a trailing
/// lone `%` appends a `\0` byte, as 5.1 does.  Errors: `"invalid capture
/// index"`, `"unfinished capture"`.
pub fn expand_replacement_into(
    repl: &[u8],
    m: &Match,
    subject: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let mut i = 0;
    while i < repl.len() {
        // Copy the literal run up to the next '%'.
        let run = memchr(b'%', &repl[i..]).unwrap_or(repl.len() - i);
        out.extend_from_slice(&repl[i..i + run]);
        i += run;
        if i >= repl.len() {
            break;
        }
        let d = repl.get(i + 1).copied().unwrap_or(0);
        i += 2;
        if !d.is_ascii_digit() {
            out.push(d);
        } else if d == b'0' {
            out.extend_from_slice(m.whole(subject));
        } else {
            match m.value(subject, (d - b'1') as usize)? {
                CaptureValue::Str(s) => out.extend_from_slice(s),
                CaptureValue::Position(p) => out.extend_from_slice(p.to_string().as_bytes()),
            }
        }
    }
    Ok(())
}

/// Returns the expansion of gsub replacement string `repl` for match `m`
/// (see [`expand_replacement_into`]).
pub fn expand_replacement(repl: &[u8], m: &Match, subject: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    expand_replacement_into(repl, m, subject, &mut out)?;
    Ok(out)
}

/// A gsub replacement producer: given a match and the subject, the
/// replacement bytes, or `None` to keep the matched text.
pub type ReplaceFn<'a> = dyn FnMut(&Match, &[u8]) -> Result<Option<Vec<u8>>, String> + 'a;

type AppendFn<'a> = dyn FnMut(&Match, &[u8], &mut Vec<u8>) -> Result<bool, String> + 'a;

/// The 5.1 gsub loop, generic over how a match's replacement is produced.
/// `out_repl` is called with each match and the subject and appends the
/// replacement to the output buffer, returning `Ok(false)` to keep the
/// original text instead.
fn gsub_core(
    subject: &[u8],
    pat: &[u8],
    max_n: Option<usize>,
    repl: &mut AppendFn<'_>,
) -> Result<(Vec<u8>, usize), String> {
    let p = Pattern::new(pat);
    let max_n = max_n.unwrap_or(usize::MAX);
    let len = subject.len();
    let mut out = Vec::with_capacity(len);
    let mut sc = Scratch::new();
    let mut src = 0usize;
    let mut n = 0usize;
    while n < max_n {
        let found = if p.anchored {
            p.match_at_raw(subject, src, &mut sc)?
        } else {
            // Scan, copying the skipped bytes (each would be copied one by
            // one by 5.1's loop after a failed match).
            let m = p.find_raw(subject, src, &mut sc)?;
            match &m {
                Some(m) => {
                    out.extend_from_slice(&subject[src..m.start]);
                    src = m.start;
                }
                None => break,
            }
            m
        };
        let mut end = None;
        if let Some(m) = &found {
            n += 1;
            if !repl(m, subject, &mut out)? {
                out.extend_from_slice(m.whole(subject));
            }
            end = Some(m.end);
        }
        match end {
            Some(e) if e > src => src = e,
            _ => {
                if src < len {
                    out.push(subject[src]);
                    src += 1;
                } else {
                    break;
                }
            }
        }
        if p.anchored {
            break;
        }
    }
    out.extend_from_slice(&subject[src.min(len)..]);
    Ok((out, n))
}

/// `string.gsub` with a replacement produced by `repl`: it receives each
/// match and the subject and returns the replacement bytes, or `None` to
/// keep the original matched text (a `false`/`nil` table or function
/// result).  `max_n` is the optional `n` limit (`None`: unlimited).
/// Returns the result and the number of matches.
pub fn gsub(
    subject: &[u8],
    pat: &[u8],
    max_n: Option<usize>,
    repl: &mut ReplaceFn<'_>,
) -> Result<(Vec<u8>, usize), String> {
    gsub_core(subject, pat, max_n, &mut |m, s, out| {
        Ok(match repl(m, s)? {
            Some(r) => {
                out.extend_from_slice(&r);
                true
            }
            None => false,
        })
    })
}

/// `string.gsub` with a replacement string (expanded with
/// [`expand_replacement_into`]); allocation-free per match.
pub fn gsub_str(
    subject: &[u8],
    pat: &[u8],
    repl: &[u8],
    max_n: Option<usize>,
) -> Result<(Vec<u8>, usize), String> {
    gsub_core(subject, pat, max_n, &mut |m, s, out| {
        expand_replacement_into(repl, m, s, out)?;
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a Lua value list like the generator script did (`%q` for strings).
    fn q(v: CaptureValue) -> Vec<u8> {
        match v {
            CaptureValue::Position(p) => p.to_string().into_bytes(),
            CaptureValue::Str(s) => {
                let mut o = vec![b'"'];
                for &c in s {
                    match c {
                        b'"' | b'\\' | b'\n' => o.extend_from_slice(&[b'\\', c]),
                        b'\r' => o.extend_from_slice(b"\\r"),
                        0 => o.extend_from_slice(b"\\000"),
                        _ => o.push(c),
                    }
                }
                o.push(b'"');
                o
            }
        }
    }

    fn err(e: String) -> Vec<u8> {
        format!("E:{e}").into_bytes()
    }

    fn values(m: &Match, s: &[u8]) -> Result<Vec<u8>, String> {
        let mut parts = vec![];
        for i in 0..m.num_values() {
            parts.push(q(m.value(s, i)?));
        }
        Ok(parts.join(&b","[..]))
    }

    fn r_find(s: &[u8], p: &[u8]) -> Vec<u8> {
        let go = || -> Result<Vec<u8>, String> {
            let Some(m) = str_find(s, p, 1, false)? else {
                return Ok(b"nil".to_vec());
            };
            let mut parts = vec![
                (m.start + 1).to_string().into_bytes(),
                m.end.to_string().into_bytes(),
            ];
            for i in 0..m.captures.len() {
                parts.push(q(m.value(s, i)?));
            }
            Ok(parts.join(&b","[..]))
        };
        go().unwrap_or_else(err)
    }

    fn r_match(s: &[u8], p: &[u8]) -> Vec<u8> {
        match str_match(s, p, 1) {
            Err(e) => err(e),
            Ok(None) => b"nil".to_vec(),
            Ok(Some(m)) => values(&m, s).unwrap_or_else(err),
        }
    }

    fn r_gmatch(s: &[u8], p: &[u8]) -> Vec<u8> {
        let mut g = GMatch::new(p);
        let mut out = vec![];
        while out.len() <= 20 {
            match g.next_match(s) {
                Err(e) => {
                    out.push(err(e));
                    break;
                }
                Ok(None) => break,
                Ok(Some(m)) => match values(&m, s) {
                    Ok(v) => out.push(v),
                    Err(e) => {
                        out.push(err(e));
                        break;
                    }
                },
            }
        }
        out.join(&b";"[..])
    }

    fn r_gsub(s: &[u8], p: &[u8]) -> Vec<u8> {
        match gsub_str(s, p, b"<%0|%1>", Some(3)) {
            Err(e) => err(e),
            Ok((r, n)) => {
                let mut o = q(CaptureValue::Str(&r));
                o.extend_from_slice(format!(",{n}").as_bytes());
                o
            }
        }
    }

    type Case = (
        &'static [u8],
        &'static [u8],
        &'static [u8],
        &'static [u8],
        &'static [u8],
        &'static [u8],
    );

    /// (subject, pattern, find, match, gmatch, gsub(s, p, "<%0|%1>", 3)),
    /// generated with lua5.1.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        (b"hello world from Lua", b"o", b"5,5", b"\"o\"", b"\"o\";\"o\";\"o\"", b"\"hell<o|o> w<o|o>rld fr<o|o>m Lua\",3"),
        (b"hello world from Lua", b"l+", b"3,4", b"\"ll\"", b"\"ll\";\"l\"", b"\"he<ll|ll>o wor<l|l>d from Lua\",2"),
        (b"hello world from Lua", b"^h", b"1,1", b"\"h\"", b"", b"\"<h|h>ello world from Lua\",1"),
        (b"hello world from Lua", b"d$", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%a+", b"1,5", b"\"hello\"", b"\"hello\";\"world\";\"from\";\"Lua\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b"(%w+)%s*=%s*(%w+)", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"^%s*(.-)%s*$", b"1,20,\"hello world from Lua\"", b"\"hello world from Lua\"", b"", b"\"<hello world from Lua|hello world from Lua>\",1"),
        (b"hello world from Lua", b"%b()", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%f[%w]%w+", b"1,5", b"\"hello\"", b"\"hello\";\"world\";\"from\";\"Lua\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b"%f[%a]%a+%f[%A]", b"1,5", b"\"hello\"", b"\"hello\";\"world\";\"from\";\"Lua\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b"()ll()", b"3,4,3,5", b"3,5", b"3,5", b"\"he<ll|3>o world from Lua\",1"),
        (b"hello world from Lua", b"(o)(.)", b"5,6,\"o\",\" \"", b"\"o\",\" \"", b"\"o\",\" \";\"o\",\"r\";\"o\",\"m\"", b"\"hell<o |o>w<or|o>ld fr<om|o> Lua\",3"),
        (b"hello world from Lua", b"^a", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%^a", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"a%$", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"$", b"21,20", b"\"\"", b"\"\"", b"\"hello world from Lua<|>\",1"),
        (b"hello world from Lua", b"", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>h<|>e<|>llo world from Lua\",3"),
        (b"hello world from Lua", b"[%d.]+", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"[^%s]+", b"1,5", b"\"hello\"", b"\"hello\";\"world\";\"from\";\"Lua\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b"[]]", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"[^]]+", b"1,20", b"\"hello world from Lua\"", b"\"hello world from Lua\"", b"\"<hello world from Lua|hello world from Lua>\",1"),
        (b"hello world from Lua", b"[a-c]+", b"20,20", b"\"a\"", b"\"a\"", b"\"hello world from Lu<a|a>\",1"),
        (b"hello world from Lua", b"[%a-]+", b"1,5", b"\"hello\"", b"\"hello\";\"world\";\"from\";\"Lua\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b"%p", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%u+", b"18,18", b"\"L\"", b"\"L\"", b"\"hello world from <L|L>ua\",1"),
        (b"hello world from Lua", b"%l*", b"1,5", b"\"hello\"", b"\"hello\";\"\";\"world\";\"\";\"from\";\"\";\"\";\"ua\";\"\"", b"\"<hello|hello><|> <world|world> from Lua\",3"),
        (b"hello world from Lua", b"%x+", b"2,2", b"\"e\"", b"\"e\";\"d\";\"f\";\"a\"", b"\"h<e|e>llo worl<d|d> <f|f>rom Lua\",3"),
        (b"hello world from Lua", b"%z", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%Z+", b"1,20", b"\"hello world from Lua\"", b"\"hello world from Lua\"", b"\"<hello world from Lua|hello world from Lua>\",1"),
        (b"hello world from Lua", b"a-b", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"a*b", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"a?a?b", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"(a+)(b)", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"(.)%1", b"3,4,\"l\"", b"\"l\"", b"\"l\"", b"\"he<ll|l>o world from Lua\",1"),
        (b"hello world from Lua", b"(%a)%1*", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%-?%d+", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%d+%.?%d*[eE]?%d*", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%s%s+", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%[%[(.-)%]%]", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"%", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')"),
        (b"hello world from Lua", b"[a", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')"),
        (b"hello world from Lua", b"(", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"hello world from Lua", b")", b"nil", b"E:invalid pattern capture", b"E:invalid pattern capture", b"E:invalid pattern capture"),
        (b"hello world from Lua", b"%1", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index"),
        (b"hello world from Lua", b"%b", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern"),
        (b"hello world from Lua", b"%f", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"hello world from Lua", b"%fa", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"hello world from Lua", b"(()", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"hello world from Lua", b"%g", b"nil", b"nil", b"", b"\"hello world from Lua\",0"),
        (b"hello world from Lua", b"(%w+)(%s*)%2", b"1,5,\"hello\",\"\"", b"\"hello\",\"\"", b"\"hello\",\"\";\"world\",\"\";\"from\",\"\";\"Lua\",\"\"", b"\"<hello|hello> <world|world> <from|from> Lua\",3"),
        (b"hello world from Lua", b".-", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>h<|>e<|>llo world from Lua\",3"),
        (b"hello world from Lua", b".*", b"1,20", b"\"hello world from Lua\"", b"\"hello world from Lua\";\"\"", b"\"<hello world from Lua|hello world from Lua><|>\",2"),
        (b"hello world from Lua", b"x*", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>h<|>e<|>llo world from Lua\",3"),
        (b"hello world from Lua", b"()", b"1,0,1", b"1", b"1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21", b"\"<|1>h<|2>e<|3>llo world from Lua\",3"),
        (b"  key = value  ", b"o", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"l+", b"11,11", b"\"l\"", b"\"l\"", b"\"  key = va<l|l>ue  \",1"),
        (b"  key = value  ", b"^h", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"d$", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%a+", b"3,5", b"\"key\"", b"\"key\";\"value\"", b"\"  <key|key> = <value|value>  \",2"),
        (b"  key = value  ", b"(%w+)%s*=%s*(%w+)", b"3,13,\"key\",\"value\"", b"\"key\",\"value\"", b"\"key\",\"value\"", b"\"  <key = value|key>  \",1"),
        (b"  key = value  ", b"^%s*(.-)%s*$", b"1,15,\"key = value\"", b"\"key = value\"", b"", b"\"<  key = value  |key = value>\",1"),
        (b"  key = value  ", b"%b()", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%f[%w]%w+", b"3,5", b"\"key\"", b"\"key\";\"value\"", b"\"  <key|key> = <value|value>  \",2"),
        (b"  key = value  ", b"%f[%a]%a+%f[%A]", b"3,5", b"\"key\"", b"\"key\";\"value\"", b"\"  <key|key> = <value|value>  \",2"),
        (b"  key = value  ", b"()ll()", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"(o)(.)", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"^a", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%^a", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"a%$", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"$", b"16,15", b"\"\"", b"\"\"", b"\"  key = value  <|>\",1"),
        (b"  key = value  ", b"", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|> <|> <|>key = value  \",3"),
        (b"  key = value  ", b"[%d.]+", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"[^%s]+", b"3,5", b"\"key\"", b"\"key\";\"=\";\"value\"", b"\"  <key|key> <=|=> <value|value>  \",3"),
        (b"  key = value  ", b"[]]", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"[^]]+", b"1,15", b"\"  key = value  \"", b"\"  key = value  \"", b"\"<  key = value  |  key = value  >\",1"),
        (b"  key = value  ", b"[a-c]+", b"10,10", b"\"a\"", b"\"a\"", b"\"  key = v<a|a>lue  \",1"),
        (b"  key = value  ", b"[%a-]+", b"3,5", b"\"key\"", b"\"key\";\"value\"", b"\"  <key|key> = <value|value>  \",2"),
        (b"  key = value  ", b"%p", b"7,7", b"\"=\"", b"\"=\"", b"\"  key <=|=> value  \",1"),
        (b"  key = value  ", b"%u+", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%l*", b"1,0", b"\"\"", b"\"\";\"\";\"key\";\"\";\"\";\"\";\"value\";\"\";\"\";\"\"", b"\"<|> <|> <key|key> = value  \",3"),
        (b"  key = value  ", b"%x+", b"4,4", b"\"e\"", b"\"e\";\"a\";\"e\"", b"\"  k<e|e>y = v<a|a>lu<e|e>  \",3"),
        (b"  key = value  ", b"%z", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%Z+", b"1,15", b"\"  key = value  \"", b"\"  key = value  \"", b"\"<  key = value  |  key = value  >\",1"),
        (b"  key = value  ", b"a-b", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"a*b", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"a?a?b", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"(a+)(b)", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"(.)%1", b"1,2,\" \"", b"\" \"", b"\" \";\" \"", b"\"<  | >key = value<  | >\",2"),
        (b"  key = value  ", b"(%a)%1*", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%-?%d+", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%d+%.?%d*[eE]?%d*", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%s%s+", b"1,2", b"\"  \"", b"\"  \";\"  \"", b"\"<  |  >key = value<  |  >\",2"),
        (b"  key = value  ", b"%[%[(.-)%]%]", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"%", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')"),
        (b"  key = value  ", b"[a", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')"),
        (b"  key = value  ", b"(", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"  key = value  ", b")", b"nil", b"E:invalid pattern capture", b"E:invalid pattern capture", b"E:invalid pattern capture"),
        (b"  key = value  ", b"%1", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index"),
        (b"  key = value  ", b"%b", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern"),
        (b"  key = value  ", b"%f", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"  key = value  ", b"%fa", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"  key = value  ", b"(()", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"  key = value  ", b"%g", b"nil", b"nil", b"", b"\"  key = value  \",0"),
        (b"  key = value  ", b"(%w+)(%s*)%2", b"3,5,\"key\",\"\"", b"\"key\",\"\"", b"\"key\",\"\";\"value\",\" \"", b"\"  <key|key> = <value  |value>\",2"),
        (b"  key = value  ", b".-", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|> <|> <|>key = value  \",3"),
        (b"  key = value  ", b".*", b"1,15", b"\"  key = value  \"", b"\"  key = value  \";\"\"", b"\"<  key = value  |  key = value  ><|>\",2"),
        (b"  key = value  ", b"x*", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|> <|> <|>key = value  \",3"),
        (b"  key = value  ", b"()", b"1,0,1", b"1", b"1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16", b"\"<|1> <|2> <|3>key = value  \",3"),
        (b"f(a(b)c)d[x]", b"o", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"l+", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"^h", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"d$", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%a+", b"1,1", b"\"f\"", b"\"f\";\"a\";\"b\";\"c\";\"d\";\"x\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"(%w+)%s*=%s*(%w+)", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"^%s*(.-)%s*$", b"1,12,\"f(a(b)c)d[x]\"", b"\"f(a(b)c)d[x]\"", b"", b"\"<f(a(b)c)d[x]|f(a(b)c)d[x]>\",1"),
        (b"f(a(b)c)d[x]", b"%b()", b"2,8", b"\"(a(b)c)\"", b"\"(a(b)c)\"", b"\"f<(a(b)c)|(a(b)c)>d[x]\",1"),
        (b"f(a(b)c)d[x]", b"%f[%w]%w+", b"1,1", b"\"f\"", b"\"f\";\"a\";\"b\";\"c\";\"d\";\"x\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"%f[%a]%a+%f[%A]", b"1,1", b"\"f\"", b"\"f\";\"a\";\"b\";\"c\";\"d\";\"x\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"()ll()", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"(o)(.)", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"^a", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%^a", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"a%$", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"$", b"13,12", b"\"\"", b"\"\"", b"\"f(a(b)c)d[x]<|>\",1"),
        (b"f(a(b)c)d[x]", b"", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>f<|>(<|>a(b)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"[%d.]+", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"[^%s]+", b"1,12", b"\"f(a(b)c)d[x]\"", b"\"f(a(b)c)d[x]\"", b"\"<f(a(b)c)d[x]|f(a(b)c)d[x]>\",1"),
        (b"f(a(b)c)d[x]", b"[]]", b"12,12", b"\"]\"", b"\"]\"", b"\"f(a(b)c)d[x<]|]>\",1"),
        (b"f(a(b)c)d[x]", b"[^]]+", b"1,11", b"\"f(a(b)c)d[x\"", b"\"f(a(b)c)d[x\"", b"\"<f(a(b)c)d[x|f(a(b)c)d[x>]\",1"),
        (b"f(a(b)c)d[x]", b"[a-c]+", b"3,3", b"\"a\"", b"\"a\";\"b\";\"c\"", b"\"f(<a|a>(<b|b>)<c|c>)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"[%a-]+", b"1,1", b"\"f\"", b"\"f\";\"a\";\"b\";\"c\";\"d\";\"x\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"%p", b"2,2", b"\"(\"", b"\"(\";\"(\";\")\";\")\";\"[\";\"]\"", b"\"f<(|(>a<(|(>b<)|)>c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"%u+", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%l*", b"1,1", b"\"f\"", b"\"f\";\"\";\"a\";\"\";\"b\";\"\";\"c\";\"\";\"d\";\"\";\"x\";\"\";\"\"", b"\"<f|f><|>(<a|a>(b)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"%x+", b"1,1", b"\"f\"", b"\"f\";\"a\";\"b\";\"c\";\"d\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"%z", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%Z+", b"1,12", b"\"f(a(b)c)d[x]\"", b"\"f(a(b)c)d[x]\"", b"\"<f(a(b)c)d[x]|f(a(b)c)d[x]>\",1"),
        (b"f(a(b)c)d[x]", b"a-b", b"5,5", b"\"b\"", b"\"b\"", b"\"f(a(<b|b>)c)d[x]\",1"),
        (b"f(a(b)c)d[x]", b"a*b", b"5,5", b"\"b\"", b"\"b\"", b"\"f(a(<b|b>)c)d[x]\",1"),
        (b"f(a(b)c)d[x]", b"a?a?b", b"5,5", b"\"b\"", b"\"b\"", b"\"f(a(<b|b>)c)d[x]\",1"),
        (b"f(a(b)c)d[x]", b"(a+)(b)", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"(.)%1", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"(%a)%1*", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%-?%d+", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%d+%.?%d*[eE]?%d*", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%s%s+", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%[%[(.-)%]%]", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"%", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')"),
        (b"f(a(b)c)d[x]", b"[a", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')"),
        (b"f(a(b)c)d[x]", b"(", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"f(a(b)c)d[x]", b")", b"6,6", b"E:invalid pattern capture", b"E:invalid pattern capture", b"E:invalid pattern capture"),
        (b"f(a(b)c)d[x]", b"%1", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index"),
        (b"f(a(b)c)d[x]", b"%b", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern"),
        (b"f(a(b)c)d[x]", b"%f", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"f(a(b)c)d[x]", b"%fa", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"f(a(b)c)d[x]", b"(()", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"f(a(b)c)d[x]", b"%g", b"nil", b"nil", b"", b"\"f(a(b)c)d[x]\",0"),
        (b"f(a(b)c)d[x]", b"(%w+)(%s*)%2", b"1,1,\"f\",\"\"", b"\"f\",\"\"", b"\"f\",\"\";\"a\",\"\";\"b\",\"\";\"c\",\"\";\"d\",\"\";\"x\",\"\"", b"\"<f|f>(<a|a>(<b|b>)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b".-", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>f<|>(<|>a(b)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b".*", b"1,12", b"\"f(a(b)c)d[x]\"", b"\"f(a(b)c)d[x]\";\"\"", b"\"<f(a(b)c)d[x]|f(a(b)c)d[x]><|>\",2"),
        (b"f(a(b)c)d[x]", b"x*", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"x\";\"\";\"\"", b"\"<|>f<|>(<|>a(b)c)d[x]\",3"),
        (b"f(a(b)c)d[x]", b"()", b"1,0,1", b"1", b"1;2;3;4;5;6;7;8;9;10;11;12;13", b"\"<|1>f<|2>(<|3>a(b)c)d[x]\",3"),
        (b"x = 12.5e3, y=-7", b"o", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"l+", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"^h", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"d$", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%a+", b"1,1", b"\"x\"", b"\"x\";\"e\";\"y\"", b"\"<x|x> = 12.5<e|e>3, <y|y>=-7\",3"),
        (b"x = 12.5e3, y=-7", b"(%w+)%s*=%s*(%w+)", b"1,6,\"x\",\"12\"", b"\"x\",\"12\"", b"\"x\",\"12\"", b"\"<x = 12|x>.5e3, y=-7\",1"),
        (b"x = 12.5e3, y=-7", b"^%s*(.-)%s*$", b"1,16,\"x = 12.5e3, y=-7\"", b"\"x = 12.5e3, y=-7\"", b"", b"\"<x = 12.5e3, y=-7|x = 12.5e3, y=-7>\",1"),
        (b"x = 12.5e3, y=-7", b"%b()", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%f[%w]%w+", b"1,1", b"\"x\"", b"\"x\";\"12\";\"5e3\";\"y\";\"7\"", b"\"<x|x> = <12|12>.<5e3|5e3>, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"%f[%a]%a+%f[%A]", b"1,1", b"\"x\"", b"\"x\";\"e\";\"y\"", b"\"<x|x> = 12.5<e|e>3, <y|y>=-7\",3"),
        (b"x = 12.5e3, y=-7", b"()ll()", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"(o)(.)", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"^a", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%^a", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"a%$", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"$", b"17,16", b"\"\"", b"\"\"", b"\"x = 12.5e3, y=-7<|>\",1"),
        (b"x = 12.5e3, y=-7", b"", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>x<|> <|>= 12.5e3, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"[%d.]+", b"5,8", b"\"12.5\"", b"\"12.5\";\"3\";\"7\"", b"\"x = <12.5|12.5>e<3|3>, y=-<7|7>\",3"),
        (b"x = 12.5e3, y=-7", b"[^%s]+", b"1,1", b"\"x\"", b"\"x\";\"=\";\"12.5e3,\";\"y=-7\"", b"\"<x|x> <=|=> <12.5e3,|12.5e3,> y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"[]]", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"[^]]+", b"1,16", b"\"x = 12.5e3, y=-7\"", b"\"x = 12.5e3, y=-7\"", b"\"<x = 12.5e3, y=-7|x = 12.5e3, y=-7>\",1"),
        (b"x = 12.5e3, y=-7", b"[a-c]+", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"[%a-]+", b"1,1", b"\"x\"", b"\"x\";\"e\";\"y\";\"-\"", b"\"<x|x> = 12.5<e|e>3, <y|y>=-7\",3"),
        (b"x = 12.5e3, y=-7", b"%p", b"3,3", b"\"=\"", b"\"=\";\".\";\",\";\"=\";\"-\"", b"\"x <=|=> 12<.|.>5e3<,|,> y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"%u+", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%l*", b"1,1", b"\"x\"", b"\"x\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"e\";\"\";\"\";\"\";\"y\";\"\";\"\";\"\";\"\"", b"\"<x|x><|> <|>= 12.5e3, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"%x+", b"5,6", b"\"12\"", b"\"12\";\"5e3\";\"7\"", b"\"x = <12|12>.<5e3|5e3>, y=-<7|7>\",3"),
        (b"x = 12.5e3, y=-7", b"%z", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%Z+", b"1,16", b"\"x = 12.5e3, y=-7\"", b"\"x = 12.5e3, y=-7\"", b"\"<x = 12.5e3, y=-7|x = 12.5e3, y=-7>\",1"),
        (b"x = 12.5e3, y=-7", b"a-b", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"a*b", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"a?a?b", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"(a+)(b)", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"(.)%1", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"(%a)%1*", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%-?%d+", b"5,6", b"\"12\"", b"\"12\";\"5\";\"3\";\"-7\"", b"\"x = <12|12>.<5|5>e<3|3>, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"%d+%.?%d*[eE]?%d*", b"5,10", b"\"12.5e3\"", b"\"12.5e3\";\"7\"", b"\"x = <12.5e3|12.5e3>, y=-<7|7>\",2"),
        (b"x = 12.5e3, y=-7", b"%s%s+", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%[%[(.-)%]%]", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"%", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')"),
        (b"x = 12.5e3, y=-7", b"[a", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')"),
        (b"x = 12.5e3, y=-7", b"(", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"x = 12.5e3, y=-7", b")", b"nil", b"E:invalid pattern capture", b"E:invalid pattern capture", b"E:invalid pattern capture"),
        (b"x = 12.5e3, y=-7", b"%1", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index"),
        (b"x = 12.5e3, y=-7", b"%b", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern"),
        (b"x = 12.5e3, y=-7", b"%f", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"x = 12.5e3, y=-7", b"%fa", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"x = 12.5e3, y=-7", b"(()", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"x = 12.5e3, y=-7", b"%g", b"nil", b"nil", b"", b"\"x = 12.5e3, y=-7\",0"),
        (b"x = 12.5e3, y=-7", b"(%w+)(%s*)%2", b"1,1,\"x\",\"\"", b"\"x\",\"\"", b"\"x\",\"\";\"12\",\"\";\"5e3\",\"\";\"y\",\"\";\"7\",\"\"", b"\"<x|x> = <12|12>.<5e3|5e3>, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b".-", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>x<|> <|>= 12.5e3, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b".*", b"1,16", b"\"x = 12.5e3, y=-7\"", b"\"x = 12.5e3, y=-7\";\"\"", b"\"<x = 12.5e3, y=-7|x = 12.5e3, y=-7><|>\",2"),
        (b"x = 12.5e3, y=-7", b"x*", b"1,1", b"\"x\"", b"\"x\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<x|x><|> <|>= 12.5e3, y=-7\",3"),
        (b"x = 12.5e3, y=-7", b"()", b"1,0,1", b"1", b"1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17", b"\"<|1>x<|2> <|3>= 12.5e3, y=-7\",3"),
        (b"^a^a$", b"o", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"l+", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"^h", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"d$", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%a+", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"(%w+)%s*=%s*(%w+)", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"^%s*(.-)%s*$", b"1,5,\"^a^a$\"", b"\"^a^a$\"", b"\"a^a$\"", b"\"<^a^a$|^a^a$>\",1"),
        (b"^a^a$", b"%b()", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%f[%w]%w+", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"%f[%a]%a+%f[%A]", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"()ll()", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"(o)(.)", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"^a", b"nil", b"nil", b"\"^a\";\"^a\"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%^a", b"1,2", b"\"^a\"", b"\"^a\";\"^a\"", b"\"<^a|^a><^a|^a>$\",2"),
        (b"^a^a$", b"a%$", b"4,5", b"\"a$\"", b"\"a$\"", b"\"^a^<a$|a$>\",1"),
        (b"^a^a$", b"$", b"6,5", b"\"\"", b"\"\"", b"\"^a^a$<|>\",1"),
        (b"^a^a$", b"", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>^<|>a<|>^a$\",3"),
        (b"^a^a$", b"[%d.]+", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"[^%s]+", b"1,5", b"\"^a^a$\"", b"\"^a^a$\"", b"\"<^a^a$|^a^a$>\",1"),
        (b"^a^a$", b"[]]", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"[^]]+", b"1,5", b"\"^a^a$\"", b"\"^a^a$\"", b"\"<^a^a$|^a^a$>\",1"),
        (b"^a^a$", b"[a-c]+", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"[%a-]+", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"%p", b"1,1", b"\"^\"", b"\"^\";\"^\";\"$\"", b"\"<^|^>a<^|^>a<$|$>\",3"),
        (b"^a^a$", b"%u+", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%l*", b"1,0", b"\"\"", b"\"\";\"a\";\"\";\"a\";\"\";\"\"", b"\"<|>^<a|a><|>^a$\",3"),
        (b"^a^a$", b"%x+", b"2,2", b"\"a\"", b"\"a\";\"a\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b"%z", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%Z+", b"1,5", b"\"^a^a$\"", b"\"^a^a$\"", b"\"<^a^a$|^a^a$>\",1"),
        (b"^a^a$", b"a-b", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"a*b", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"a?a?b", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"(a+)(b)", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"(.)%1", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"(%a)%1*", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%-?%d+", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%d+%.?%d*[eE]?%d*", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%s%s+", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%[%[(.-)%]%]", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"%", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')", b"E:malformed pattern (ends with '%')"),
        (b"^a^a$", b"[a", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')", b"E:malformed pattern (missing ']')"),
        (b"^a^a$", b"(", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"^a^a$", b")", b"nil", b"E:invalid pattern capture", b"E:invalid pattern capture", b"E:invalid pattern capture"),
        (b"^a^a$", b"%1", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index", b"E:invalid capture index"),
        (b"^a^a$", b"%b", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern", b"E:unbalanced pattern"),
        (b"^a^a$", b"%f", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"^a^a$", b"%fa", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern", b"E:missing '[' after '%f' in pattern"),
        (b"^a^a$", b"(()", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture", b"E:unfinished capture"),
        (b"^a^a$", b"%g", b"nil", b"nil", b"", b"\"^a^a$\",0"),
        (b"^a^a$", b"(%w+)(%s*)%2", b"2,2,\"a\",\"\"", b"\"a\",\"\"", b"\"a\",\"\";\"a\",\"\"", b"\"^<a|a>^<a|a>$\",2"),
        (b"^a^a$", b".-", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>^<|>a<|>^a$\",3"),
        (b"^a^a$", b".*", b"1,5", b"\"^a^a$\"", b"\"^a^a$\";\"\"", b"\"<^a^a$|^a^a$><|>\",2"),
        (b"^a^a$", b"x*", b"1,0", b"\"\"", b"\"\";\"\";\"\";\"\";\"\";\"\"", b"\"<|>^<|>a<|>^a$\",3"),
        (b"^a^a$", b"()", b"1,0,1", b"1", b"1;2;3;4;5;6", b"\"<|1>^<|2>a<|3>^a$\",3"),
    ];

    #[test]
    fn matches_lua51() {
        for &(s, p, f, m, g, gs) in CASES {
            let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            assert_eq!(
                show(&r_find(s, p)),
                show(f),
                "find {:?} {:?}",
                show(s),
                show(p)
            );
            assert_eq!(
                show(&r_match(s, p)),
                show(m),
                "match {:?} {:?}",
                show(s),
                show(p)
            );
            assert_eq!(
                show(&r_gmatch(s, p)),
                show(g),
                "gmatch {:?} {:?}",
                show(s),
                show(p)
            );
            assert_eq!(
                show(&r_gsub(s, p)),
                show(gs),
                "gsub {:?} {:?}",
                show(s),
                show(p)
            );
        }
    }

    #[test]
    fn special_cases() {
        // 5.1 stops reading the pattern at NUL; plain detection too.
        assert_eq!(r_match(b"a\0b", b"a\0"), b"\"a\"");
        assert_eq!(r_find(b"abc", b"a\0x"), b"nil");
        assert_eq!(r_find(b"a\0(", b"a\0("), b"1,3");
        assert_eq!(
            r_find(b"a\0b", b"[\0]"),
            b"E:malformed pattern (missing ']')"
        );
        assert_eq!(r_find(b"a\0b", b"%z"), b"2,2");
        assert_eq!(r_find(b"x", b"x%f[%z]"), b"1,1");
        // ')' is not special for find's plain check.
        assert_eq!(r_find(b"a)", b"a)"), b"1,2");
        assert_eq!(r_match(b"a", b"a)"), b"E:invalid pattern capture");
        assert_eq!(r_match(b"b", b"a)"), b"nil");
        // Captures.
        assert_eq!(r_match(b"a", &b"()".repeat(33)), b"E:too many captures");
        assert_eq!(r_match(b"a", &b"(a)".repeat(33)), b"nil");
        assert_eq!(r_match(b"aa", b"()%1"), b"nil");
        assert_eq!(r_match(b"aa", b"(a%1)"), b"E:invalid capture index");
        assert_eq!(r_match(b"a", b"(a"), b"E:unfinished capture");
        assert_eq!(r_match(b"b", b"(a"), b"nil");
        assert_eq!(r_match(b"xxx", b"%bxx"), b"\"xx\"");
        assert_eq!(r_match(b"-]", b"[a-]]"), b"\"-]\"");
        assert_eq!(r_match(b"\x80", b"%p"), b"nil");
        // gmatch: '^' is literal; empty matches advance.
        assert_eq!(r_gmatch(b"^a^a", b"^a"), b"\"^a\";\"^a\"");
        assert_eq!(r_gmatch(b"abc", b""), b"\"\";\"\";\"\";\"\"");
        assert_eq!(r_gmatch(b"abc", b"%a*"), b"\"abc\";\"\"");
        // find/match init rules.
        assert_eq!(
            str_find(b"abc", b"", 10, false).unwrap().map(|m| m.start),
            Some(3)
        );
        assert_eq!(str_find(b"abc", b"b", 10, false).unwrap(), None);
        assert_eq!(
            str_find(b"abc", b"c", -1, false).unwrap().map(|m| m.start),
            Some(2)
        );
        assert_eq!(
            str_find(b"abc", b"a", -10, false).unwrap().map(|m| m.start),
            Some(0)
        );
        assert_eq!(
            str_find(b"a.b", b".", 1, true).unwrap().map(|m| m.start),
            Some(1)
        );
        assert_eq!(
            str_match(b"abc", b"^b", 2).unwrap().map(|m| m.start),
            Some(1)
        );
    }

    #[test]
    fn gsub_rules() {
        let g = |s: &[u8], p: &[u8], r: &[u8], n| {
            gsub_str(s, p, r, n).map(|(v, k)| (String::from_utf8_lossy(&v).into_owned(), k))
        };
        assert_eq!(g(b"abc", b"", b"-", None), Ok(("-a-b-c-".into(), 4)));
        assert_eq!(g(b"abc", b"b*", b"-", None), Ok(("-a--c-".into(), 4)));
        assert_eq!(g(b"aaa", b"^a", b"x", None), Ok(("xaa".into(), 1)));
        assert_eq!(g(b"abc", b"$", b"-", None), Ok(("abc-".into(), 1)));
        assert_eq!(
            g(b"hello world", b"o", b"0", Some(1)),
            Ok(("hell0 world".into(), 1))
        );
        assert_eq!(
            g(b"hello world", b"o", b"0", Some(0)),
            Ok(("hello world".into(), 0))
        );
        assert_eq!(g(b"a", b"a", b"%x", None), Ok(("x".into(), 1)));
        assert_eq!(g(b"a", b"a", b"x%", None), Ok(("x\0".into(), 1)));
        assert_eq!(g(b"a", b"a", b"%1", None), Ok(("a".into(), 1)));
        assert_eq!(
            g(b"a", b"a", b"%2", None),
            Err("invalid capture index".into())
        );
        assert_eq!(g(b"a", b"()a", b"%1", None), Ok(("1".into(), 1)));
        assert_eq!(g(b"a", b"(a", b"x", None), Ok(("x".into(), 1)));
        assert_eq!(
            g(b"a", b"(a", b"%1", None),
            Err("unfinished capture".into())
        );
        assert_eq!(g(b"a.b", b"%.", b"%%", None), Ok(("a%b".into(), 1)));
        // Closure form: None keeps the match, captures are available.
        let r = gsub(b"abc", b"(%w)", None, &mut |m, s| {
            Ok(if m.value(s, 0)? == CaptureValue::Str(b"b") {
                None
            } else {
                Some(b"X".to_vec())
            })
        });
        assert_eq!(r, Ok((b"XbX".to_vec(), 3)));
    }

    /// Tiny deterministic generator for the fuzz test.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    #[test]
    fn fuzz_no_panic() {
        let alphabet: &[&[u8]] = &[
            b"a", b"b", b"(", b")", b"%", b"[", b"]", b"^", b"$", b"*", b"+", b"-", b"?", b".",
            b"%a", b"%b", b"%f", b"%1", b"%0", b"%9", b"\0", b"\xff", b"()", b"[^", b"%z",
        ];
        let salpha: &[u8] = b"ab()[]^$%-\0\xff x";
        let mut rng = Lcg(12345);
        for _ in 0..20000 {
            let mut p = Vec::new();
            for _ in 0..rng.next(8) {
                p.extend_from_slice(alphabet[rng.next(alphabet.len())]);
            }
            let s: Vec<u8> = (0..rng.next(10))
                .map(|_| salpha[rng.next(salpha.len())])
                .collect();
            let init = rng.next(14) as i64 - 3;
            let _ = str_find(&s, &p, init, false);
            let _ = str_match(&s, &p, init);
            let _ = gsub_str(&s, &p, &p, None);
            let mut g = GMatch::new(&p);
            for _ in 0..20 {
                match g.next_match(&s) {
                    Ok(Some(m)) => {
                        for i in 0..m.num_values() + 1 {
                            let _ = m.value(&s, i);
                        }
                    }
                    _ => break,
                }
            }
        }
    }

    #[test]
    fn small_stack_long_inputs() {
        let h = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let s = vec![b'a'; 5000];
                assert_eq!(str_match(&s, b".-b", 1).unwrap(), None);
                let s2 = vec![b'x'; 100_000];
                let p2 = [b"x?".repeat(1000), b"x".repeat(1000)].concat();
                let m = str_find(&s2, &p2, 1, false).unwrap().unwrap();
                assert_eq!((m.start, m.end), (0, 2000));
                let p3 = [b"a?".repeat(20000), b"(a-)%1b?".to_vec(), b"a".repeat(5000)].concat();
                let s3 = vec![b'a'; 30000];
                let m = str_find(&s3, &p3, 1, false).unwrap().unwrap();
                assert_eq!((m.start, m.end), (0, 25000));
                let (r, n) = gsub_str(&s2, b"x", b"yy", None).unwrap();
                assert_eq!((r.len(), n), (200_000, 100_000));
            })
            .unwrap();
        h.join().unwrap();
    }

    #[test]
    fn plain_search() {
        let hay: Vec<u8> = (0..5000u32)
            .map(|i| b"abcab"[(i % 5) as usize])
            .chain(*b"abcabd")
            .collect();
        assert_eq!(find_bytes(&hay, b"abcabd"), Some(5000));
        assert_eq!(find_bytes(&hay, b"d"), Some(5005));
        assert_eq!(find_bytes(&hay, b"dd"), None);
        assert_eq!(find_bytes(b"ab", b""), Some(0));
        assert_eq!(find_bytes(b"ab", b"abc"), None);
        assert_eq!(
            memchr(b'z', b"0123456789abcdefghijklmnopqrstuvwxyz"),
            Some(35)
        );
        assert!(is_plain(b"abc)]"));
        assert!(!is_plain(b"a.c"));
        assert!(is_plain(b"a\0."));
    }
}
