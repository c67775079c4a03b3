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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &str) -> f64 {
        match v {
            "-nan" => -f64::NAN,
            "nan" => f64::NAN,
            _ => v.parse().unwrap(),
        }
    }

    fn run(f: &[u8], v: Option<&str>) -> Vec<u8> {
        let args: Vec<FmtArg> = v.map(|v| FmtArg::Number(parse(v))).into_iter().collect();
        match format(f, &mut SliceArgs(&args)) {
            Ok(r) => r,
            Err(e) => format!("E:{e}").into_bytes(),
        }
    }

    /// (format, number argument as "%.17g" or no argument, lua5.1's result).
    #[rustfmt::skip]
    const CASES: &[(&[u8], Option<&str>, &[u8])] = &[
        (b"%5.2f|%-8d|%+.3e|%#x|%g", Some("3.1415899999999999"), b"E:bad argument #3 to 'format' (no value)"),
        (b"%d", Some("3.7000000000000002"), b"3"),
        (b"%d", Some("-3.7000000000000002"), b"-3"),
        (b"%d", Some("1e+100"), b"-9223372036854775808"),
        (b"%d", Some("-1e+100"), b"-9223372036854775808"),
        (b"%d", Some("-nan"), b"-9223372036854775808"),
        (b"%d", Some("9.2233720368547758e+18"), b"-9223372036854775808"),
        (b"%d", Some("9007199254740992"), b"9007199254740992"),
        (b"%i", Some("-0.5"), b"0"),
        (b"%x", Some("-1"), b"ffffffffffffffff"),
        (b"%x", Some("-1e+100"), b"8000000000000000"),
        (b"%x", Some("1e+100"), b"0"),
        (b"%x", Some("-nan"), b"8000000000000000"),
        (b"%u", Some("-3.5"), b"18446744073709551613"),
        (b"%x", Some("9.2233720368547758e+18"), b"8000000000000000"),
        (b"%x", Some("1.8446744073709552e+19"), b"0"),
        (b"%o", Some("9.2233720368558244e+18"), b"1000000000000004000000"),
        (b"%X", Some("255"), b"FF"),
        (b"%#X", Some("255"), b"0XFF"),
        (b"%#o", Some("0"), b"0"),
        (b"%#x", Some("0"), b"0"),
        (b"%#.3o", Some("8"), b"010"),
        (b"%.0d", Some("0"), b""),
        (b"%5.0d|", Some("0"), b"     |"),
        (b"%+.0d|", Some("0"), b"+|"),
        (b"%.3x", Some("10"), b"00a"),
        (b"%08.3d", Some("42"), b"     042"),
        (b"%+08d", Some("42"), b"+0000042"),
        (b"%-08d|", Some("42"), b"42      |"),
        (b"% d", Some("42"), b" 42"),
        (b"%+ d", Some("42"), b"+42"),
        (b"%#08x", Some("255"), b"0x0000ff"),
        (b"%#.0x", Some("0"), b""),
        (b"%-#8o|", Some("8"), b"010     |"),
        (b"%+u|", Some("5"), b"5|"),
        (b"% x|", Some("5"), b"5|"),
        (b"%c", Some("65"), b"A"),
        (b"%c", Some("0"), b""),
        (b"%c", Some("321"), b"A"),
        (b"%c", Some("-191"), b"A"),
        (b"%c", Some("4294967361"), b""),
        (b"%5c|", Some("0"), b"    |"),
        (b"%-5c|", Some("0"), b"|"),
        (b"%05c|", Some("65"), b"    A|"),
        (b"%c", Some("65.900000000000006"), b"A"),
        (b"%5.1f", Some("inf"), b"  inf"),
        (b"%05.1f", Some("inf"), b"  inf"),
        (b"%05.1f", Some("-inf"), b" -inf"),
        (b"%+f", Some("inf"), b"+inf"),
        (b"% f", Some("inf"), b" inf"),
        (b"%f", Some("-nan"), b"-nan"),
        (b"%f", Some("nan"), b"nan"),
        (b"%E", Some("inf"), b"INF"),
        (b"%G", Some("-nan"), b"-NAN"),
        (b"%-6e|", Some("inf"), b"inf   |"),
        (b"%.0f", Some("0.5"), b"0"),
        (b"%.0f", Some("1.5"), b"2"),
        (b"%.0f", Some("2.5"), b"2"),
        (b"%.1f", Some("0.25"), b"0.2"),
        (b"%.1f", Some("0.34999999999999998"), b"0.3"),
        (b"%.2e", Some("1.125"), b"1.12e+00"),
        (b"%.0e", Some("9.5"), b"1e+01"),
        (b"%.0f", Some("-0.40000000000000002"), b"-0"),
        (b"%+.0f", Some("0"), b"+0"),
        (b"% e", Some("0"), b" 0.000000e+00"),
        (b"%010.2e", Some("-1234.5"), b"-01.23e+03"),
        (b"%10.3G", Some("9.9999999999999995e-21"), b"     1E-20"),
        (b"%08.3f", Some("-3.1415899999999999"), b"-003.142"),
        (b"%-8.3f|", Some("-3.1415899999999999"), b"-3.142  |"),
        (b"% 08.3f", Some("3.1415899999999999"), b" 003.142"),
        (b"%.20f", Some("0.10000000000000001"), b"0.10000000000000000555"),
        (b"%.99f", Some("0.10000000000000001"), b"0.100000000000000005551115123125782702118158340454101562500000000000000000000000000000000000000000000"),
        (b"%f", Some("1.0000000000000001e+300"), b"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
        (b"%.3e", Some("1.0000000000000001e+300"), b"1.000e+300"),
        (b"%e", Some("4.9406564584124654e-324"), b"4.940656e-324"),
        (b"%.17g", Some("4.9406564584124654e-324"), b"4.9406564584124654e-324"),
        (b"%e", Some("-1.5000000000000001e-300"), b"-1.500000e-300"),
        (b"%g", Some("0"), b"0"),
        (b"%g", Some("0"), b"0"),
        (b"%e", Some("0"), b"0.000000e+00"),
        (b"%g", Some("100000"), b"100000"),
        (b"%g", Some("1000000"), b"1e+06"),
        (b"%g", Some("0.0001"), b"0.0001"),
        (b"%g", Some("1.0000000000000001e-05"), b"1e-05"),
        (b"%.0g", Some("0.5"), b"0.5"),
        (b"%g", Some("123456789"), b"1.23457e+08"),
        (b"%G", Some("1e-10"), b"1E-10"),
        (b"%#G", Some("1e-10"), b"1.00000E-10"),
        (b"%#.3g", Some("100"), b"100."),
        (b"%g", Some("0.00012339999999999999"), b"0.0001234"),
        (b"%.3g", Some("1.234e-05"), b"1.23e-05"),
        (b"%g", Some("9.2233720368547758e+18"), b"9.22337e+18"),
        (b"%.15g", Some("9.2233720368547758e+18"), b"9.22337203685478e+18"),
        (b"%.14g", Some("0.10000000000000001"), b"0.1"),
        (b"%.14g", Some("1000000000000000"), b"1e+15"),
        (b"%.14g", Some("0.33333333333333331"), b"0.33333333333333"),
        (b"%.14g", Some("9007199254740992"), b"9.007199254741e+15"),
        (b"%.14g", Some("-123.456"), b"-123.456"),
        (b"%.3g", Some("1.0004999999999999"), b"1"),
        (b"%g", Some("999999.5"), b"1e+06"),
        (b"%g", Some("9999995"), b"1e+07"),
        (b"%.1g", Some("0.94999999999999996"), b"0.9"),
        (b"%.1g", Some("9.5"), b"1e+01"),
        (b"%#g", Some("999999.5"), b"1.e+06"),
        (b"%#.3g", Some("999.5"), b"1.e+03"),
        (b"%#.2g", Some("99.5"), b"1.e+02"),
        (b"%#.2g", Some("99.999600000000001"), b"1.e+02"),
        (b"%#.1g", Some("9.5"), b"1.e+01"),
        (b"%#g", Some("9.9999994999999998e-05"), b"0.000100000"),
        (b"%#.10g", Some("9.99999999996"), b"10.00000000"),
        (b"%#g", Some("0"), b"0.00000"),
        (b"%#.0g", Some("0"), b"0."),
        (b"%#.3g", Some("10000000000"), b"1.00e+10"),
        (b"%#.1g", Some("10000000000"), b"1.e+10"),
        (b"%#g", Some("1"), b"1.00000"),
        (b"%#.0f", Some("1"), b"1."),
        (b"%#.0e", Some("1"), b"1.e+00"),
        (b"%-----5d|", Some("1"), b"1    |"),
        (b"%-+ #0d|", Some("5"), b"+5|"),
        (b"%.d", Some("7"), b"7"),
        (b"%.f", Some("7.5"), b"8"),
        (b"%.e", Some("7.5"), b"8e+00"),
        (b"%.g", Some("7.5"), b"8"),
        (b"%99.99f", Some("10000000000"), b"10000000000.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        (b"%+.3e", Some("12345.678"), b"+1.235e+04"),
        (b"%s", Some("12"), b"12"),
        (b"%5s|", Some("12"), b"   12|"),
        (b"%.1s|", Some("12.5"), b"1|"),
        (b"%q", Some("0.33333333333333331"), b"\"0.33333333333333\""),
        (b"%d%%", Some("50"), b"50%"),
        (b"%", Some("1"), b"E:invalid option '%' to 'format'"),
        (b"%5", Some("1"), b"E:invalid option '%' to 'format'"),
        (b"%5%", Some("1"), b"E:invalid option '%%' to 'format'"),
        (b"%-%", Some("1"), b"E:invalid option '%%' to 'format'"),
        (b"%y", Some("1"), b"E:invalid option '%y' to 'format'"),
        (b"%10.3y", Some("1"), b"E:invalid option '%y' to 'format'"),
        (b"%5.5.5d", Some("1"), b"E:invalid option '%.' to 'format'"),
        (b"%------d", Some("1"), b"E:invalid format (repeated flags)"),
        (b"%100d", Some("1"), b"E:invalid format (width or precision too long)"),
        (b"%1.100d", Some("1"), b"E:invalid format (width or precision too long)"),
        (b"%123", Some("1"), b"E:invalid format (width or precision too long)"),
        (b"%ld", Some("1"), b"E:invalid option '%l' to 'format'"),
        (b"%a", Some("1"), b"E:invalid option '%a' to 'format'"),
        (b"%y", None, b"E:bad argument #2 to 'format' (no value)"),
        (b"%d", None, b"E:bad argument #2 to 'format' (no value)"),
        (b"%d %d", Some("1"), b"E:bad argument #3 to 'format' (no value)"),
        (b"%%", None, b"%"),
        (b"a\x00b%d", Some("7"), b"a\x00b7"),
        (b"%\x00d", Some("7"), b"E:invalid option '%' to 'format'"),
    ];

    /// Random specs, generated with lua5.1.
    #[rustfmt::skip]
    const NUM_RANDOM: &[(&[u8], &str, &[u8])] = &[
        (b"[%+01.1X]", "1.2345678899999999e-07", b"[0]"),
        (b"[%-8.17g]", "-0.66666666666666663", b"[-0.66666666666666663]"),
        (b"[%8.e]", "0.125", b"[   1e-01]"),
        (b"[%+ .0d]", "1.8446744073709552e+19", b"[-9223372036854775808]"),
        (b"[%+1o]", "0.5", b"[0]"),
        (b"[%-#8.3u]", "2147483648", b"[2147483648]"),
        (b"[%+ 12i]", "0.33333333333333331", b"[          +0]"),
        (b"[%#1.17u]", "0.10000000000000001", b"[00000000000000000]"),
        (b"[%1.10u]", "2147483648", b"[2147483648]"),
        (b"[%+0.40g]", "-1", b"[-1]"),
        (b"[%#.1x]", "9.5", b"[0x9]"),
        (b"[%+01.i]", "-1.0000000000000001e+300", b"[-9223372036854775808]"),
        (b"[%30.i]", "0", b"[                              ]"),
        (b"[%08.0u]", "99.989999999999995", b"[      99]"),
        (b"[%-01u]", "-9.2233720368547758e+18", b"[9223372036854775808]"),
        (b"[%-#30.1f]", "255", b"[255.0                         ]"),
        (b"[%-0.10G]", "-1.0000000000000001e+300", b"[-1E+300]"),
        (b"[%#8.10X]", "0.94999999999999996", b"[0000000000]"),
        (b"[%+8.1X]", "65", b"[      41]"),
        (b"[%-030.g]", "0.5", b"[0.5                           ]"),
        (b"[%0#+1.0G]", "nan", b"[+NAN]"),
        (b"[%+ 30.1u]", "nan", b"[           9223372036854775808]"),
        (b"[%12.10f]", "1e-300", b"[0.0000000000]"),
        (b"[%-.g]", "9.5", b"[1e+01]"),
        (b"[%+ .c]", "-inf", b"[]"),
        (b"[%+ 30.1G]", "999999.5", b"[                        +1E+06]"),
        (b"[%+030G]", "1000000", b"[+0000000000000000000000001E+06]"),
        (b"[%+012.10G]", "1.0004999999999999", b"[+000001.0005]"),
        (b"[% .10G]", "100000", b"[ 100000]"),
        (b"[%0.40e]", "0.125", b"[1.2500000000000000000000000000000000000000e-01]"),
        (b"[%-08e]", "9.9999000000000003e-05", b"[9.999900e-05]"),
        (b"[%+08.3d]", "-9.2233720368547758e+18", b"[-9223372036854775808]"),
        (b"[% 12.0c]", "nan", b"[           ]"),
        (b"[%+30.0g]", "2147483648", b"[                        +2e+09]"),
        (b"[% .40d]", "0", b"[ 0000000000000000000000000000000000000000]"),
        (b"[%- 8E]", "3.7000000000000002", b"[ 3.700000E+00]"),
        (b"[%1.3i]", "2147483648", b"[2147483648]"),
        (b"[%#12.0G]", "12345.678", b"[      1.E+04]"),
        (b"[%- 1.0i]", "-inf", b"[-9223372036854775808]"),
        (b"[%0#+1.1c]", "1.5", b"[\x01]"),
        (b"[% 8.0u]", "nan", b"[9223372036854775808]"),
        (b"[% 30x]", "999999.5", b"[                         f423f]"),
        (b"[%-8.17E]", "-inf", b"[-INF    ]"),
        (b"[%- .d]", "0", b"[ ]"),
        (b"[%0#+12.0c]", "-2147483649", b"[           ]"),
        (b"[%+ 1.u]", "-1.0000000000000001e+300", b"[9223372036854775808]"),
        (b"[%#8o]", "0.00012345600000000001", b"[       0]"),
        (b"[%#030.10e]", "123456.789", b"[000000000000001.2345678900e+05]"),
        (b"[%#12.10u]", "1e+100", b"[  0000000000]"),
        (b"[% 30.3X]", "5.0000000000000002e-05", b"[                           000]"),
        (b"[%-08.17f]", "1e-300", b"[0.00000000000000000]"),
        (b"[%#012.40f]", "2147483648", b"[2147483648.0000000000000000000000000000000000000000]"),
        (b"[%0.1X]", "12345.678", b"[3039]"),
        (b"[%-.3g]", "99.989999999999995", b"[100]"),
        (b"[%-#1.3e]", "1.8446744073709552e+19", b"[1.845e+19]"),
        (b"[%0#+30.1X]", "9.2233720368547758e+18", b"[            0X8000000000000000]"),
        (b"[%#.17u]", "1000000", b"[00000000001000000]"),
        (b"[%-030.1X]", "65", b"[41                            ]"),
        (b"[%#30.17E]", "1000000000000000", b"[       1.00000000000000000E+15]"),
        (b"[%-030.1i]", "0.00012345600000000001", b"[0                             ]"),
        (b"[%+.40E]", "255", b"[+2.5500000000000000000000000000000000000000E+02]"),
        (b"[%012.3f]", "2.5", b"[00000002.500]"),
        (b"[%0#+.f]", "1e+21", b"[+1000000000000000000000.]"),
        (b"[%1.o]", "0.00012345600000000001", b"[ ]"),
        (b"[%+ 30.3e]", "nan", b"[                          +nan]"),
        (b"[%-#.1c]", "1000000000000000", b"[]"),
        (b"[%+8.0i]", "-0.66666666666666663", b"[       +]"),
        (b"[%8.40e]", "1e+21", b"[1.0000000000000000000000000000000000000000e+21]"),
        (b"[%-12.3c]", "1.8446744073709552e+19", b"[]"),
        (b"[%-#1.17d]", "2147483648", b"[00000002147483648]"),
        (b"[%-030.10i]", "-nan", b"[-9223372036854775808          ]"),
        (b"[% 30.10E]", "1000000000000000", b"[              1.0000000000E+15]"),
        (b"[%30.17X]", "-1", b"[             0FFFFFFFFFFFFFFFF]"),
        (b"[%8.10G]", "2.5", b"[     2.5]"),
        (b"[%.17o]", "9.2233720368547758e+18", b"[1000000000000000000000]"),
        (b"[% 8.10d]", "inf", b"[-9223372036854775808]"),
        (b"[%+08.1c]", "9.5", b"[       \x09]"),
        (b"[%0#+8.3E]", "1000000000000000", b"[+1.000E+15]"),
        (b"[%-#30.E]", "-0.66666666666666663", b"[-7.E-01                       ]"),
        (b"[%#30.10G]", "0.0001", b"[               0.0001000000000]"),
        (b"[%-#30.40E]", "inf", b"[INF                           ]"),
        (b"[% 30.40d]", "0", b"[ 0000000000000000000000000000000000000000]"),
        (b"[%-012.3g]", "0.25", b"[0.25        ]"),
        (b"[%-30.3E]", "999999.5", b"[1.000E+06                     ]"),
        (b"[%+ 12.1d]", "1e+21", b"[-9223372036854775808]"),
        (b"[%#01.X]", "1e+21", b"[ ]"),
        (b"[%0#+1.0g]", "-1", b"[-1.]"),
        (b"[%-#f]", "0.5", b"[0.500000]"),
        (b"[%-1.10e]", "0.33333333333333331", b"[3.3333333333e-01]"),
        (b"[%#012.u]", "9.2233720368547758e+18", b"[9223372036854775808]"),
        (b"[%+ u]", "3.7000000000000002", b"[3]"),
        (b"[%#30.1o]", "10000000000000000", b"[           0434157115760200000]"),
        (b"[%-#8.10u]", "10000000000000000", b"[10000000000000000]"),
        (b"[%+ .1g]", "2147483648", b"[+2e+09]"),
        (b"[%+030.c]", "inf", b"[                             ]"),
        (b"[%030.o]", "2.5", b"[                             2]"),
        (b"[%+01.e]", "inf", b"[+inf]"),
        (b"[% 30.1f]", "4.9406564584124654e-324", b"[                           0.0]"),
        (b"[%- 12.40X]", "9.9999000000000003e-05", b"[0000000000000000000000000000000000000000]"),
        (b"[%#1.17f]", "-1", b"[-1.00000000000000000]"),
        (b"[%- 1.40g]", "0.94999999999999996", b"[ 0.9499999999999999555910790149937383830547]"),
        (b"[%-01.3E]", "100000", b"[1.000E+05]"),
        (b"[%+ 1.G]", "0.25", b"[+0.2]"),
        (b"[%#01.40d]", "0", b"[0000000000000000000000000000000000000000]"),
        (b"[%030.10x]", "1.0000000000000001e-05", b"[                    0000000000]"),
        (b"[%012.1c]", "-1.0000000000000001e+300", b"[           ]"),
        (b"[%-0.17o]", "0.25", b"[00000000000000000]"),
        (b"[%0.d]", "12345.678", b"[12345]"),
        (b"[%30u]", "9.9999000000000003e-05", b"[                             0]"),
        (b"[%0#+30g]", "4294967361", b"[+0000000000000000004.29497e+09]"),
        (b"[%-1.10E]", "65", b"[6.5000000000E+01]"),
        (b"[%0#+.1X]", "4.9406564584124654e-324", b"[0]"),
        (b"[%-#30.3e]", "4.9406564584124654e-324", b"[4.941e-324                    ]"),
        (b"[%-0.3E]", "-3.7000000000000002", b"[-3.700E+00]"),
        (b"[%+12.40c]", "5.0000000000000002e-05", b"[           ]"),
        (b"[%- 1.17f]", "-3.7000000000000002", b"[-3.70000000000000018]"),
        (b"[%- 30.1X]", "0.94999999999999996", b"[0                             ]"),
        (b"[%8.17X]", "2147483648", b"[00000000080000000]"),
        (b"[%#1.17g]", "0.125", b"[0.12500000000000000]"),
        (b"[%#1f]", "-1", b"[-1.000000]"),
    ];

    #[test]
    fn numbers_match_lua51() {
        let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        for &(f, v, want) in CASES {
            assert_eq!(show(&run(f, v)), show(want), "{:?} {:?}", show(f), v);
        }
        for &(f, v, want) in NUM_RANDOM {
            assert_eq!(show(&run(f, Some(v))), show(want), "{:?} {:?}", show(f), v);
        }
    }

    #[test]
    fn strings_match_lua51() {
        let long = [b"z".repeat(150), b"\0end".to_vec()].concat();
        let f =
            |fmt: &[u8], s: &[u8]| format(fmt, &mut SliceArgs(&[FmtArg::Str(s), FmtArg::Str(s)]));
        assert_eq!(f(b"%s", b"a\0b").unwrap(), b"a");
        assert_eq!(f(b"%5s", b"a\0b").unwrap(), b"    a");
        assert_eq!(f(b"%-5s|", b"abc").unwrap(), b"abc  |");
        assert_eq!(f(b"%05s|", b"ab").unwrap(), b"   ab|");
        assert_eq!(f(b"%10.3s|", b"abcdef").unwrap(), b"       abc|");
        assert_eq!(f(b"%.0s|%.s", b"abc").unwrap(), b"|");
        assert_eq!(f(b"%s", &long).unwrap(), long);
        assert_eq!(f(b"%99s", &long).unwrap(), long);
        assert_eq!(
            f(b"%.99s|", &long).unwrap(),
            [b"z".repeat(99), b"|".to_vec()].concat()
        );
        assert_eq!(f(b"%s", &b"x".repeat(99)).unwrap(), b"x".repeat(99));
        assert_eq!(
            f(b"%q", b"\"q\\\n\r\0\x01\x7f\xff").unwrap(),
            b"\"\\\"q\\\\\\\n\\r\\000\x01\x7f\xff\""
        );
        assert_eq!(f(b"%10q|%-q", b"ab").unwrap(), b"\"ab\"|\"ab\"");
        assert_eq!(f(b"%%%s%%", b"x").unwrap(), b"%x%");
        assert_eq!(
            f(b"%s%s%s", b"x").unwrap_err(),
            "bad argument #4 to 'format' (no value)"
        );
        assert_eq!(format_number_14g(1.0 / 3.0), b"0.33333333333333");
        assert_eq!(format_number_14g(1e15), b"1e+15");
        assert_eq!(format_number_14g(-0.0), b"-0");
        assert_eq!(format_number_14g(100.0), b"100");
    }

    #[test]
    fn no_panic_on_odd_specs() {
        let specs: &[&[u8]] = &[
            b"%", b"%-", b"%99", b"%99.", b"%.99", b"%#", b"%\xff", b"%5\0", b"%0-+ #",
        ];
        for s in specs {
            for v in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e308, -5e-324] {
                let _ = format(s, &mut SliceArgs(&[FmtArg::Number(v)]));
                for c in b"diucxXoeEfgGqs" {
                    let mut f = s.to_vec();
                    f.push(*c);
                    let _ = format(&f, &mut SliceArgs(&[FmtArg::Number(v)]));
                }
            }
        }
    }
}
