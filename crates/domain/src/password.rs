//! Passwords (rule AC-3, CH-8): 12–64 characters of the N10 password alphabet, not
//! containing the user ID, not a common password; stored as Argon2id (OWASP parameters).
//! Hashing is slow on purpose: callers run `hash` and `verify` in `spawn_blocking`.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

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

fn argon2() -> Result<Argon2<'static>, argon2::Error> {
    // OWASP: Argon2id, m = 19 MiB, t = 2, p = 1.
    Ok(Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19_456, 2, 1, None)?,
    ))
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl HashError {
    pub fn code(&self) -> &'static str {
        "hash_failed"
    }
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    let a = argon2().map_err(|e| HashError(e.to_string()))?;
    a.hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string; a malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    let (Ok(parsed), Ok(a)) = (PasswordHash::new(phc), argon2()) else {
        return false;
    };
    a.verify_password(password.as_bytes(), &parsed).is_ok()
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
