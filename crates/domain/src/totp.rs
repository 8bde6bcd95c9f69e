//! Time-based one-time passwords for staff sign-in (RFC 6238 over RFC 4226 HOTP), with
//! the base32 secret encoding authenticator apps expect. Time is a parameter.

use hmac::{Hmac, Mac};

/// The HMAC behind the codes; authenticator apps use SHA-1 by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    fn name(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA1",
            Self::Sha256 => "SHA256",
            Self::Sha512 => "SHA512",
        }
    }
}

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;

fn mac(alg: Algorithm, key: &[u8], msg: &[u8]) -> Vec<u8> {
    fn run<M: Mac + hmac::digest::KeyInit>(key: &[u8], msg: &[u8]) -> Vec<u8> {
        // Any key length is valid for HMAC; the fallback is unreachable.
        match <M as hmac::digest::KeyInit>::new_from_slice(key) {
            Ok(mut m) => {
                m.update(msg);
                m.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        }
    }
    match alg {
        Algorithm::Sha1 => run::<Hmac<sha1::Sha1>>(key, msg),
        Algorithm::Sha256 => run::<Hmac<sha2::Sha256>>(key, msg),
        Algorithm::Sha512 => run::<Hmac<sha2::Sha512>>(key, msg),
    }
}

/// RFC 4226 HOTP with dynamic truncation; `digits` above 9 would not fit, so it is capped.
pub fn hotp(alg: Algorithm, key: &[u8], counter: u64, digits: u32) -> u32 {
    let h = mac(alg, key, &counter.to_be_bytes());
    let Some(last) = h.last() else { return 0 };
    let offset = usize::from(last & 0x0f);
    let Some(b) = h.get(offset..offset + 4) else { return 0 };
    let code = (u32::from(b[0] & 0x7f) << 24) | (u32::from(b[1]) << 16) | (u32::from(b[2]) << 8) | u32::from(b[3]);
    code % 10_u32.pow(digits.clamp(1, 9))
}

/// The time step of a Unix time (seconds).
pub fn step(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// RFC 6238 TOTP at `unix_seconds`.
pub fn totp(alg: Algorithm, key: &[u8], unix_seconds: i64, digits: u32) -> u32 {
    hotp(alg, key, u64::try_from(step(unix_seconds)).unwrap_or(0), digits)
}

/// Checks a 6-digit SHA-1 code against the current step and one step either side (clock
/// drift). Returns the matching step, so the caller can refuse a code used before.
pub fn verify(key: &[u8], code: &str, unix_seconds: i64) -> Option<i64> {
    let code = code.trim();
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let wanted: u32 = code.parse().ok()?;
    let now = step(unix_seconds);
    [now - 1, now, now + 1]
        .into_iter()
        .filter(|s| *s >= 0)
        .find(|s| hotp(Algorithm::Sha1, key, u64::try_from(*s).unwrap_or(0), DIGITS) == wanted)
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding, as authenticator apps take secrets.
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(5) {
        let mut buf = [0_u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0_u64, |acc, b| (acc << 8) | u64::from(*b));
        let chars = (chunk.len() * 8).div_ceil(5);
        for i in 0..chars {
            out.push(char::from(BASE32[((n >> (35 - i * 5)) & 31) as usize]));
        }
    }
    out
}

pub fn base32_decode(s: &str) -> Option<Vec<u8>> {
    let mut bits = 0_u64;
    let mut count = 0;
    let mut out = Vec::new();
    for c in s.trim_end_matches('=').bytes().filter(|c| *c != b' ') {
        let v = BASE32.iter().position(|x| *x == c.to_ascii_uppercase())?;
        bits = (bits << 5) | v as u64;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

/// A new random 20-byte secret (160 bits, as RFC 4226 recommends), base32.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut key = [0_u8; 20];
    getrandom::fill(&mut key)?;
    Ok(base32_encode(&key))
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The Key URI an authenticator app scans: `otpauth://totp/Issuer:account?secret=…`.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm={}&digits={DIGITS}&period={STEP_SECONDS}",
        percent(issuer),
        percent(account),
        percent(issuer),
        Algorithm::Sha1.name()
    )
}

#[cfg(test)]
mod tests;
