//! The math library (5.1 manual §5.6), including the compatibility
//! `math.mod`. `random` and `randomseed` reproduce what Debian's lua5.1
//! gets from glibc's `rand`/`srand` (the additive-feedback generator of
//! glibc's `random`, 31 words of state, lag 3): the same seed gives the same
//! sequence as lua5.1, and an unseeded state starts as C's does (seed 1).
//! Like C's generator, the state is shared by every Lua state of a thread.

use super::lib_table;
use crate::error::LuaResult;
use crate::value::Value;
use crate::vm::Lua;
use std::cell::RefCell;

/// glibc's `random` state (TYPE_3): 31 words, the front and rear indices.
struct Rand {
    state: [u32; 31],
    front: usize,
    rear: usize,
}

impl Rand {
    /// `srand(seed)`: the words are filled by the Park-Miller recurrence
    /// (16807 * x mod 2^31-1), then 310 outputs are discarded.
    fn seeded(seed: u32) -> Rand {
        let seed = if seed == 0 { 1 } else { seed };
        let mut state = [0u32; 31];
        state[0] = seed;
        let mut word = seed as i32 as i64;
        for slot in state.iter_mut().skip(1) {
            let hi = word / 127_773;
            let lo = word % 127_773;
            word = 16_807 * lo - 2_836 * hi;
            if word < 0 {
                word += 2_147_483_647;
            }
            *slot = word as u32;
        }
        let mut r = Rand {
            state,
            front: 3,
            rear: 0,
        };
        for _ in 0..310 {
            r.next();
        }
        r
    }

    /// `rand()`: a number in 0..=RAND_MAX (2^31-1).
    fn next(&mut self) -> u32 {
        let v = self.state[self.front].wrapping_add(self.state[self.rear]);
        self.state[self.front] = v;
        self.front = (self.front + 1) % 31;
        self.rear = (self.rear + 1) % 31;
        v >> 1
    }
}

const RAND_MAX: u32 = 2_147_483_647;

thread_local! {
    static RAND: RefCell<Option<Rand>> = const { RefCell::new(None) };
}

pub fn open(lua: &mut Lua) {
    let m = lib_table(lua, b"math");
    macro_rules! f1 {
        ($name:expr, $f:expr) => {{
            fn native(lua: &mut Lua) -> LuaResult<usize> {
                let x = lua.check_number(1)?;
                let f: fn(f64) -> f64 = $f;
                lua.ret(&[Value::Number(f(x))])
            }
            lua.register(m, $name, native);
        }};
    }
    f1!("abs", f64::abs);
    f1!("acos", f64::acos);
    f1!("asin", f64::asin);
    f1!("atan", f64::atan);
    f1!("ceil", f64::ceil);
    f1!("cos", f64::cos);
    f1!("cosh", f64::cosh);
    f1!("deg", |x| x / (std::f64::consts::PI / 180.0));
    f1!("exp", f64::exp);
    f1!("floor", f64::floor);
    f1!("log", f64::ln);
    f1!("log10", f64::log10);
    f1!("rad", |x| x * (std::f64::consts::PI / 180.0));
    f1!("sin", f64::sin);
    f1!("sinh", f64::sinh);
    f1!("sqrt", f64::sqrt);
    f1!("tan", f64::tan);
    f1!("tanh", f64::tanh);
    lua.register(m, "atan2", atan2);
    lua.register(m, "fmod", fmod);
    // 5.1 keeps `mod` as another name for the same function.
    let fm = lua.get_field(m, b"fmod");
    lua.set_field(m, b"mod", fm);
    lua.register(m, "pow", pow);
    lua.register(m, "modf", modf);
    lua.register(m, "frexp", frexp);
    lua.register(m, "ldexp", ldexp);
    lua.register(m, "max", max);
    lua.register(m, "min", min);
    lua.register(m, "random", random);
    lua.register(m, "randomseed", randomseed);
    lua.set_field(m, b"pi", Value::Number(std::f64::consts::PI));
    lua.set_field(m, b"huge", Value::Number(f64::INFINITY));
}

// The two-argument functions check argument 2 first: 5.1 passes both
// checks as arguments of one C call, which gcc evaluates right to left.

fn atan2(lua: &mut Lua) -> LuaResult<usize> {
    let x = lua.check_number(2)?;
    let y = lua.check_number(1)?;
    lua.ret(&[Value::Number(y.atan2(x))])
}

fn fmod(lua: &mut Lua) -> LuaResult<usize> {
    let b = lua.check_number(2)?;
    let a = lua.check_number(1)?;
    lua.ret(&[Value::Number(a % b)])
}

fn pow(lua: &mut Lua) -> LuaResult<usize> {
    let b = lua.check_number(2)?;
    let a = lua.check_number(1)?;
    lua.ret(&[Value::Number(a.powf(b))])
}

fn modf(lua: &mut Lua) -> LuaResult<usize> {
    let x = lua.check_number(1)?;
    let ip = x.trunc();
    // C's modf: the fraction carries the sign of x (-1 -> -0).
    let fp = if x.is_infinite() { 0.0 } else { x - ip };
    let fp = if fp == 0.0 { 0.0f64.copysign(x) } else { fp };
    lua.ret(&[Value::Number(ip), Value::Number(fp)])
}

/// C's `frexp`: `x = m * 2^e` with `0.5 <= |m| < 1`, exact for every
/// finite double (subnormals included).
pub fn frexp_parts(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp_parts(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// C's `ldexp`: `m * 2^e` without intermediate overflow.
pub fn ldexp_value(mut m: f64, mut e: i64) -> f64 {
    while e > 1023 {
        m *= 2f64.powi(1023);
        e -= 1023;
        if m.is_infinite() || m == 0.0 {
            return m;
        }
    }
    while e < -1022 {
        m *= 2f64.powi(-1022);
        e += 1022;
        if m == 0.0 {
            return m;
        }
    }
    m * 2f64.powi(e as i32)
}

fn frexp(lua: &mut Lua) -> LuaResult<usize> {
    let x = lua.check_number(1)?;
    let (m, e) = frexp_parts(x);
    lua.ret(&[Value::Number(m), Value::Number(e as f64)])
}

fn ldexp(lua: &mut Lua) -> LuaResult<usize> {
    let e = lua.check_cint(2)?;
    let m = lua.check_number(1)?;
    lua.ret(&[Value::Number(ldexp_value(m, e))])
}

fn max(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    let mut best = lua.check_number(1)?;
    for i in 2..=n {
        let x = lua.check_number(i)?;
        if x > best {
            best = x;
        }
    }
    lua.ret(&[Value::Number(best)])
}

fn min(lua: &mut Lua) -> LuaResult<usize> {
    let n = lua.nargs();
    let mut best = lua.check_number(1)?;
    for i in 2..=n {
        let x = lua.check_number(i)?;
        if x < best {
            best = x;
        }
    }
    lua.ret(&[Value::Number(best)])
}

/// 5.1's `(rand() % RAND_MAX) / RAND_MAX`: a number in [0, 1).
fn next_random() -> f64 {
    let x = RAND.with(|r| {
        let mut r = r.borrow_mut();
        r.get_or_insert_with(|| Rand::seeded(1)).next()
    });
    (x % RAND_MAX) as f64 / RAND_MAX as f64
}

fn random(lua: &mut Lua) -> LuaResult<usize> {
    let r = next_random();
    match lua.nargs() {
        0 => lua.ret(&[Value::Number(r)]),
        1 => {
            let u = lua.check_cint(1)?;
            if u < 1 {
                return Err(lua.arg_error(1, "interval is empty"));
            }
            lua.ret(&[Value::Number((r * u as f64).floor() + 1.0)])
        }
        2 => {
            let l = lua.check_cint(1)?;
            let u = lua.check_cint(2)?;
            if l > u {
                return Err(lua.arg_error(2, "interval is empty"));
            }
            // `u-l+1` is C int arithmetic in 5.1 (it wraps for huge spans).
            let span = (u as i32).wrapping_sub(l as i32).wrapping_add(1);
            lua.ret(&[Value::Number((r * span as f64).floor() + l as f64)])
        }
        _ => Err(lua.lib_error("wrong number of arguments")),
    }
}

fn randomseed(lua: &mut Lua) -> LuaResult<usize> {
    let s = lua.check_cint(1)?;
    RAND.with(|r| *r.borrow_mut() = Some(Rand::seeded(s as i32 as u32)));
    Ok(0)
}
