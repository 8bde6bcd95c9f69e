//! Passwords (rule AC-3, CH-8): 12–64 characters of the N10 password alphabet, not
//! containing the user ID, not a common password; stored as Argon2id (OWASP parameters).
//! Hashing is slow on purpose: callers run `hash` and `verify` in `spawn_blocking`.

use std::collections::HashSet;
use std::sync::OnceLock;

use std::cell::RefCell;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::characters::in_password_alphabet;

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("a password has at least 12 characters")]
    TooShort,
    #[error("a password has at most 64 characters")]
    TooLong,
    #[error("a password uses only letters, digits and ! # $ % & * + - = ? @ _")]
    InvalidCharacters { indices: Vec<usize> },
    #[error("a password must not contain the user ID")]
    ContainsUserId,
    #[error("this password is too common")]
    CommonPassword,
    #[error("the new password must differ from the current one")]
    SameAsCurrent,
}

impl PasswordProblem {
    /// Stable code; the API's umbrella code is `weak_password`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::InvalidCharacters { .. } => "invalid_characters",
            Self::ContainsUserId => "contains_user_id",
            Self::CommonPassword => "common_password",
            Self::SameAsCurrent => "same_as_current",
        }
    }
}

fn common() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("common-passwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Checks a new password (AC-3); `current` is the present password when changing it (AC-7).
pub fn validate_new(password: &str, user_id: &str, current: Option<&str>) -> Result<(), PasswordProblem> {
    let indices: Vec<usize> = password
        .chars()
        .enumerate()
        .filter(|(_, c)| !in_password_alphabet(*c))
        .map(|(i, _)| i)
        .collect();
    if !indices.is_empty() {
        return Err(PasswordProblem::InvalidCharacters { indices });
    }
    match password.len() {
        n if n < MIN_LEN => return Err(PasswordProblem::TooShort),
        n if n > MAX_LEN => return Err(PasswordProblem::TooLong),
        _ => {}
    }
    let lower = password.to_ascii_lowercase();
    if !user_id.is_empty() && lower.contains(&user_id.to_ascii_lowercase()) {
        return Err(PasswordProblem::ContainsUserId);
    }
    if common().contains(lower.as_str()) {
        return Err(PasswordProblem::CommonPassword);
    }
    if current == Some(password) {
        return Err(PasswordProblem::SameAsCurrent);
    }
    Ok(())
}

/// OWASP: Argon2id, m = 19 MiB, t = 2, p = 1.
const M_COST: u32 = 19_456;

fn params() -> Result<Params, argon2::Error> {
    Params::new(M_COST, 2, 1, None)
}

thread_local! {
    /// This thread's Argon2 working memory (19 MiB), allocated once and kept. Allocating and
    /// freeing 19 MiB per hash made the C allocator raise its mmap threshold and keep the
    /// freed blocks: a burst of sign-ins left hundreds of MiB resident for good. Hashing
    /// runs on a few long-lived threads (`app::accounts::limits`), so this is bounded.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Runs Argon2id with `params` over `password` and raw `salt` into `out`, in this thread's
/// reused working memory.
fn argon2_into(
    version: Version,
    params: Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> Result<(), argon2::Error> {
    let blocks = params.block_count();
    let a = Argon2::new(Algorithm::Argon2id, version, params);
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < blocks {
            *m = vec![Block::default(); blocks];
        }
        a.hash_password_into_with_memory(password, salt, out, &mut m[..blocks])
    })
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl HashError {
    pub fn code(&self) -> &'static str {
        "hash_failed"
    }
}

fn hash_err(e: impl std::fmt::Display) -> HashError {
    HashError(e.to_string())
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    let params = params().map_err(hash_err)?;
    let mut raw_salt = [0u8; 64];
    let raw_salt = salt.decode_b64(&mut raw_salt).map_err(hash_err)?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2_into(Version::V0x13, params.clone(), password.as_bytes(), raw_salt, &mut out).map_err(hash_err)?;
    let phc = PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(hash_err)?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(hash_err)?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string; a malformed hash never matches. The output is
/// compared in constant time (`Output`'s equality).
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    if parsed.algorithm != argon2::ARGON2ID_IDENT {
        return false;
    }
    let (Ok(params), Ok(version)) = (
        Params::try_from(&parsed),
        Version::try_from(parsed.version.unwrap_or(0x13)),
    ) else {
        return false;
    };
    let mut raw_salt = [0u8; 64];
    let Ok(raw_salt) = salt.decode_b64(&mut raw_salt) else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    if argon2_into(version, params, password.as_bytes(), raw_salt, &mut out).is_err() {
        return false;
    }
    Output::new(&out).is_ok_and(|o| o == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-3
    #[test]
    fn password_policy() {
        assert_eq!(validate_new("Kobe-Sannomiya#2026", "yamada.taro", None), Ok(()));
        assert_eq!(validate_new("Short-1", "u", None), Err(PasswordProblem::TooShort));
        assert_eq!(validate_new(&"a1".repeat(33), "u", None), Err(PasswordProblem::TooLong));
        assert_eq!(
            validate_new("pass word 12345", "u", None),
            Err(PasswordProblem::InvalidCharacters { indices: vec![4, 9] })
        );
        assert_eq!(
            validate_new("xxYAMADA_TAROxx", "yamada_taro", None),
            Err(PasswordProblem::ContainsUserId)
        );
        assert_eq!(
            validate_new("Qwertyuiop123", "someone", None),
            Err(PasswordProblem::CommonPassword)
        );
        assert!(common().len() > 100);
        // rule AC-7: a new password must differ from the current one.
        assert_eq!(
            validate_new("Kobe-Sannomiya#2026", "u", Some("Kobe-Sannomiya#2026")),
            Err(PasswordProblem::SameAsCurrent)
        );
    }

    // rule AC-3: the reused-memory hashing reads and writes the same PHC strings as the
    // argon2 crate's own hasher (hashes stored before it still verify, and the other way).
    #[test]
    fn same_phc_strings_as_the_crate() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let crate_hasher = Argon2::new(Algorithm::Argon2id, Version::V0x13, params().unwrap());
        let salt = SaltString::generate(&mut OsRng);
        let old = crate_hasher
            .hash_password(b"Kobe-Sannomiya#2026", &salt)
            .unwrap()
            .to_string();
        assert!(verify("Kobe-Sannomiya#2026", &old));
        assert!(!verify("Kobe-Sannomiya#2027", &old));
        let new = hash("Kobe-Sannomiya#2026").unwrap();
        let parsed = PasswordHash::new(&new).unwrap();
        assert!(crate_hasher.verify_password(b"Kobe-Sannomiya#2026", &parsed).is_ok());
        assert!(!verify("x", "$argon2id$v=19$m=19456,t=2,p=1$bm90YXNhbHQ$"), "malformed");
    }

    // rule AC-3: stored with Argon2id.
    #[test]
    fn argon2id_round_trip() {
        let h = hash("Kobe-Sannomiya#2026").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("Kobe-Sannomiya#2026", &h));
        assert!(!verify("Kobe-Sannomiya#2027", &h));
        assert!(!verify("anything", "not a hash"));
        assert_ne!(hash("Kobe-Sannomiya#2026").unwrap(), h, "random salt");
    }
}
