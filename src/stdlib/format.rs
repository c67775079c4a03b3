//! The `string.format` engine of Lua 5.1, as a pure function over bytes.
//!
//! This module owns format-string parsing (5.1's restricted C syntax: flags
//! `- + space # 0`, at most 2 digits of width and of precision) and the
//! rendering of every conversion (`%d %i %u %c %x %X %o %e %E %f %g %G %q %s
//! %%`) exactly as glibc's `printf` renders them for 5.1, in pure Rust.
//! Argument fetching and conversion of Lua values are left to the glue via
//! [`FormatArgs`].
//!
//! 5.1 details reproduced here:
//! * `%d`/`%i` convert the number with C's `(long)` cast (x86-64 semantics:
//!   NaN and out-of-range values become `i64::MIN`); `%u %o %x %X` use the
//!   `(unsigned long)` cast; `%c` uses `(int)` and prints its low byte.
//! * Each conversion's text is cut at its first `\0` byte (5.1 appends the
//!   `sprintf` buffer with `strlen`), so `%c` of 0 adds nothing and `%s` stops
//!   at an embedded zero — except `%s` without precision of a string of 100
//!   bytes or more, which is appended whole (and without padding).
//! * `%q` ignores flags/width/precision.
//! * Before parsing each conversion the argument's presence is checked, so a
//!   missing argument wins over an invalid option, as in 5.1.

use std::fmt::Write as _;

/// Supplies the arguments of one `string.format` call.  `idx` is 1-based
/// among the format arguments (the glue reports it as argument `idx + 1`).
pub trait FormatArgs {
    /// Called once per conversion (before the spec is parsed): fail with
    /// `"bad argument #N to 'format' (no value)"` when argument `idx` is
    /// absent.  The default accepts everything (then the absence is reported
    /// by the fetch method instead, after the spec was validated).
    fn check(&mut self, _idx: usize) -> Result<(), String> {
        Ok(())
    }
    /// The argument as a number (`luaL_checknumber`: numbers and numeric strings).
    fn number(&mut self, idx: usize) -> Result<f64, String>;
    /// The argument for `%s` (5.1 uses `luaL_checklstring`: strings, and
    /// numbers converted with `%.14g`).
    fn string(&mut self, idx: usize) -> Result<Vec<u8>, String>;
    /// The argument for `%q` (same conversion as `%s` in 5.1).
    fn string_for_q(&mut self, idx: usize) -> Result<Vec<u8>, String>;
}

/// A simple argument value, for callers that already have the arguments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FmtArg<'a> {
    Number(f64),
    Str(&'a [u8]),
}

/// [`FormatArgs`] over a slice of [`FmtArg`] (numbers are converted to
/// strings with `%.14g`, strings to numbers are *not* converted: handy for
/// tests and simple callers).
pub struct SliceArgs<'a, 'b>(pub &'b [FmtArg<'a>]);

fn no_value(idx: usize) -> String {
    format!("bad argument #{} to 'format' (no value)", idx + 1)
}

impl FormatArgs for SliceArgs<'_, '_> {
    fn check(&mut self, idx: usize) -> Result<(), String> {
        if idx >= 1 && idx <= self.0.len() {
            Ok(())
        } else {
            Err(no_value(idx))
        }
    }
    fn number(&mut self, idx: usize) -> Result<f64, String> {
        match self.0.get(idx.wrapping_sub(1)) {
            Some(FmtArg::Number(n)) => Ok(*n),
            Some(FmtArg::Str(_)) => Err(format!(
                "bad argument #{} to 'format' (number expected, got string)",
                idx + 1
            )),
            None => Err(no_value(idx)),
        }
    }
    fn string(&mut self, idx: usize) -> Result<Vec<u8>, String> {
        match self.0.get(idx.wrapping_sub(1)) {
            Some(FmtArg::Number(n)) => Ok(format_number_14g(*n)),
            Some(FmtArg::Str(s)) => Ok(s.to_vec()),
            None => Err(no_value(idx)),
        }
    }
    fn string_for_q(&mut self, idx: usize) -> Result<Vec<u8>, String> {
        self.string(idx)
    }
}

/// Lua 5.1's number-to-string conversion (`"%.14g"`), e.g. for `tostring`.
pub fn format_number_14g(n: f64) -> Vec<u8> {
    let spec = Spec {
        prec: Some(14),
        ..Spec::default()
    };
    let mut out = Vec::new();
    format_float(&mut out, n, b'g', &spec);
    out
}

#[derive(Clone, Copy, Debug, Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

const FLAGS: &[u8] = b"-+ #0";

/// Formats `fmt` like Lua 5.1's `string.format`, fetching arguments from `args`.
pub fn format(fmt: &[u8], args: &mut dyn FormatArgs) -> Result<Vec<u8>, String> {
    let n = fmt.len();
    let mut out = Vec::with_capacity(n + 16);
    let mut i = 0;
    let mut arg = 0usize;
    while i < n {
        if fmt[i] != b'%' {
            let run = fmt[i..].iter().position(|&b| b == b'%').unwrap_or(n - i);
            out.extend_from_slice(&fmt[i..i + run]);
            i += run;
            continue;
        }
        i += 1;
        if fmt.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        arg += 1;
        args.check(arg)?;
        let mut spec = Spec::default();
        let flags_start = i;
        while i < n && FLAGS.contains(&fmt[i]) {
            match fmt[i] {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        if i - flags_start > FLAGS.len() {
            return Err("invalid format (repeated flags)".to_string());
        }
        let digit = |i: usize| {
            fmt.get(i)
                .filter(|b| b.is_ascii_digit())
                .map(|b| (b - b'0') as usize)
        };
        for _ in 0..2 {
            if let Some(d) = digit(i) {
                spec.width = spec.width * 10 + d;
                i += 1;
            }
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0;
            for _ in 0..2 {
                if let Some(d) = digit(i) {
                    p = p * 10 + d;
                    i += 1;
                }
            }
            spec.prec = Some(p);
        }
        if digit(i).is_some() {
            return Err("invalid format (width or precision too long)".to_string());
        }
        let conv = fmt.get(i).copied().unwrap_or(0);
        i += 1;
        let item_start = out.len();
        match conv {
            b'c' => {
                let byte = c_int_cast(args.number(arg)?) as u8;
                pad(&mut out, &spec, false, b"", &[byte]);
            }
            b'd' | b'i' => {
                let v = c_long_cast(args.number(arg)?);
                let sign: &[u8] = if v < 0 {
                    b"-"
                } else if spec.plus {
                    b"+"
                } else if spec.space {
                    b" "
                } else {
                    b""
                };
                format_int(&mut out, &spec, sign, b"", v.unsigned_abs(), 10, false);
            }
            b'u' | b'o' | b'x' | b'X' => {
                let v = c_ulong_cast(args.number(arg)?);
                let (base, upper) = match conv {
                    b'u' => (10, false),
                    b'o' => (8, false),
                    b'x' => (16, false),
                    _ => (16, true),
                };
                let prefix: &[u8] = match conv {
                    b'x' if spec.alt && v != 0 => b"0x",
                    b'X' if spec.alt && v != 0 => b"0X",
                    _ => b"",
                };
                format_int(&mut out, &spec, b"", prefix, v, base, upper);
            }
            b'e' | b'E' | b'f' | b'g' | b'G' => {
                let x = args.number(arg)?;
                format_float(&mut out, x, conv, &spec);
            }
            b'q' => {
                let s = args.string_for_q(arg)?;
                add_quoted(&mut out, &s);
                continue;
            }
            b's' => {
                let s = args.string(arg)?;
                if spec.prec.is_none() && s.len() >= 100 {
                    out.extend_from_slice(&s);
                    continue;
                }
                let mut body: &[u8] = &s;
                if let Some(z) = body.iter().position(|&b| b == 0) {
                    body = &body[..z];
                }
                if let Some(p) = spec.prec {
                    body = &body[..p.min(body.len())];
                }
                pad(&mut out, &spec, false, b"", body);
            }
            _ => {
                let mut msg = String::from("invalid option '%");
                if conv != 0 {
                    msg.push_str(&String::from_utf8_lossy(&[conv]));
                }
                msg.push_str("' to 'format'");
                return Err(msg);
            }
        }
        // 5.1 appends the sprintf buffer up to its first NUL.
        if let Some(z) = out[item_start..].iter().position(|&b| b == 0) {
            out.truncate(item_start + z);
        }
    }
    Ok(out)
}

/// C's `(int)x` on x86-64 (`cvttsd2si`): NaN/out of range give `i32::MIN`.
fn c_int_cast(x: f64) -> i32 {
    let t = x.trunc();
    if t.is_nan() || !(-2147483648.0..=2147483647.0).contains(&t) {
        i32::MIN
    } else {
        t as i32
    }
}

/// C's `(long)x` on x86-64: NaN/out of range give `i64::MIN`.
fn c_long_cast(x: f64) -> i64 {
    let t = x.trunc();
    if t.is_nan() || !(-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        i64::MIN
    } else {
        t as i64
    }
}

/// C's `(unsigned long)x` as gcc compiles it on x86-64.
fn c_ulong_cast(x: f64) -> u64 {
    const TWO63: f64 = 9223372036854775808.0;
    if x >= TWO63 {
        (c_long_cast(x - TWO63) as u64) ^ (1u64 << 63)
    } else {
        c_long_cast(x) as u64
    }
}

/// Appends `sign`/`prefix` + `body` padded to the width: spaces on the
/// left (or right with `-`), or zeros between prefix and body when
/// `zero_ok` and the `0` flag is set.
fn pad(out: &mut Vec<u8>, spec: &Spec, zero_ok: bool, prefix: &[u8], body: &[u8]) {
    let len = prefix.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if spec.zero && zero_ok {
        out.extend_from_slice(prefix);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

fn format_int(
    out: &mut Vec<u8>,
    spec: &Spec,
    sign: &[u8],
    prefix: &[u8],
    v: u64,
    base: u32,
    upper: bool,
) {
    let mut digits = [0u8; 64];
    let mut k = digits.len();
    let mut x = v;
    while x != 0 {
        let d = (x % base as u64) as u8;
        k -= 1;
        digits[k] = match d {
            0..=9 => b'0' + d,
            _ if upper => b'A' + d - 10,
            _ => b'a' + d - 10,
        };
        x /= base as u64;
    }
    let mut body: Vec<u8> = Vec::with_capacity(24);
    let nd = digits.len() - k;
    let min_digits = spec.prec.unwrap_or(1);
    if nd < min_digits {
        body.resize(min_digits - nd, b'0');
    }
    body.extend_from_slice(&digits[k..]);
    if base == 8 && spec.alt && body.first() != Some(&b'0') {
        body.insert(0, b'0');
    }
    let mut pre = Vec::with_capacity(3);
    pre.extend_from_slice(sign);
    pre.extend_from_slice(prefix);
    pad(out, spec, spec.prec.is_none(), &pre, &body);
}

/// `%e` body of a finite non-negative `a` with `p` decimals.
fn exp_body(a: f64, p: usize, alt: bool, upper: bool) -> String {
    let s = format!("{:.*e}", p, a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut r = String::with_capacity(mant.len() + 6);
    r.push_str(mant);
    if alt && p == 0 {
        r.push('.');
    }
    r.push(if upper { 'E' } else { 'e' });
    r.push(if exp < 0 { '-' } else { '+' });
    let _ = write!(r, "{:02}", exp.unsigned_abs());
    r
}

fn strip_zeros(s: &mut String) {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(t);
    }
}

fn format_float(out: &mut Vec<u8>, x: f64, conv: u8, spec: &Spec) {
    let upper = conv.is_ascii_uppercase();
    let sign: &[u8] = if x.is_sign_negative() {
        b"-"
    } else if spec.plus {
        b"+"
    } else if spec.space {
        b" "
    } else {
        b""
    };
    if !x.is_finite() {
        let body: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        pad(out, spec, false, sign, body);
        return;
    }
    let a = x.abs();
    let p = spec.prec.unwrap_or(6);
    let body = match conv {
        b'f' => {
            let mut s = format!("{:.*}", p, a);
            if spec.alt && p == 0 {
                s.push('.');
            }
            s
        }
        b'e' | b'E' => exp_body(a, p, spec.alt, upper),
        _ => {
            let p = p.max(1);
            let e = exp_body(a, p - 1, spec.alt, upper);
            let xexp: i64 = if a == 0.0 {
                0
            } else {
                e.rsplit(['e', 'E'])
                    .next()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0)
            };
            // glibc quirk: when rounding carries a value just below 10^p into
            // exponent p, "%#g" prints the mantissa with no decimals ("1.e+06").
            let carried = spec.alt && xexp == p as i64 && {
                let shortest = format!("{:e}", a);
                shortest
                    .rsplit('e')
                    .next()
                    .and_then(|t| t.parse::<i64>().ok())
                    == Some(p as i64 - 1)
            };
            if carried {
                exp_body(a, 0, true, upper)
            } else if xexp < p as i64 && xexp >= -4 {
                let fp = (p as i64 - 1 - xexp) as usize;
                let mut s = format!("{:.*}", fp, a);
                if spec.alt {
                    if !s.contains('.') {
                        s.push('.');
                    }
                } else {
                    strip_zeros(&mut s);
                }
                s
            } else if spec.alt {
                e
            } else {
                let (m, rest) = e.split_at(e.find(['e', 'E']).unwrap_or(e.len()));
                let mut m = m.to_string();
                strip_zeros(&mut m);
                m.push_str(rest);
                m
            }
        }
    };
    pad(out, spec, true, sign, body.as_bytes());
}

/// Appends `s` quoted as 5.1's `%q` does.
pub fn add_quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    for &c in s {
        match c {
            b'"' | b'\\' | b'\n' => {
                out.push(b'\\');
                out.push(c);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            0 => out.extend_from_slice(b"\\000"),
            _ => out.push(c),
        }
    }
    out.push(b'"');
}
