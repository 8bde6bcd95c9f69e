//! Random tokens for cookies and email links. Only their SHA-256 is stored, so the
//! database never holds a working session or link.
//!
//! Issue 15: secrets the application must use again (an office's Zoom client secret and
//! webhook secret token, the access token Zoom gives back) cannot be hashed; they are sealed
//! with the operator key (`secrets.key`, 32 bytes) by XChaCha20-Poly1305 and stored as
//! `v1.` + base64 of the 24-byte random nonce and the ciphertext. A previous key may be given
//! while rotating: opening tries the current key, then the previous one; `reseal` writes
//! with the current one.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// 32 random bytes from the OS, URL-safe base64 (43 characters).
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The stored form of a token: lowercase hex SHA-256.
pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The operator key and, while rotating, the one before it. `Debug` shows neither.
#[derive(Clone)]
pub struct SealKeys {
    current: [u8; 32],
    previous: Option<[u8; 32]>,
}

impl std::fmt::Debug for SealKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKeys(..)")
    }
}

/// Why a key or a sealed value was not accepted. Never carries the secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the operator key must be 32 bytes in standard base64 (44 characters)")]
    BadKey,
    #[error("a sealed value could not be opened with the operator key")]
    Unopenable,
    #[error("randomness unavailable")]
    Random,
}

const SEALED_PREFIX: &str = "v1.";

impl SealKeys {
    /// From the base64 text of the configuration (`secrets.key`, e.g. `MADOGUCHI_SECRETS_KEY`)
    /// and, while rotating, the previous key.
    pub fn from_base64(current: &str, previous: Option<&str>) -> Result<Self, SealError> {
        Ok(Self {
            current: key_bytes(current)?,
            previous: previous.map(key_bytes).transpose()?,
        })
    }

    /// Seals `plain` with the current key.
    pub fn seal(&self, plain: &str) -> Result<String, SealError> {
        use chacha20poly1305::aead::{Aead, KeyInit};
        let cipher = chacha20poly1305::XChaCha20Poly1305::new((&self.current).into());
        let mut nonce = [0_u8; 24];
        getrandom::fill(&mut nonce).map_err(|_| SealError::Random)?;
        let sealed = cipher
            .encrypt((&nonce).into(), plain.as_bytes())
            .map_err(|_| SealError::Unopenable)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!("{SEALED_PREFIX}{}", STANDARD.encode(out)))
    }

    /// Opens a value sealed with the current key or, while rotating, the previous one.
    pub fn open(&self, sealed: &str) -> Result<String, SealError> {
        let raw = sealed
            .strip_prefix(SEALED_PREFIX)
            .and_then(|b| STANDARD.decode(b).ok())
            .filter(|r| r.len() > 24)
            .ok_or(SealError::Unopenable)?;
        let (nonce, body) = raw.split_at(24);
        for key in std::iter::once(&self.current).chain(self.previous.as_ref()) {
            use chacha20poly1305::aead::{Aead, KeyInit};
            let cipher = chacha20poly1305::XChaCha20Poly1305::new(key.into());
            if let Ok(plain) = cipher.decrypt(nonce.into(), body) {
                return String::from_utf8(plain).map_err(|_| SealError::Unopenable);
            }
        }
        Err(SealError::Unopenable)
    }

    /// Rotation: the same secret sealed again with the current key.
    pub fn reseal(&self, sealed: &str) -> Result<String, SealError> {
        self.seal(&self.open(sealed)?)
    }
}

fn key_bytes(text: &str) -> Result<[u8; 32], SealError> {
    STANDARD
        .decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .ok_or(SealError::BadKey)
}

/// What a form shows of a secret: its last four characters.
pub fn tail(secret: &str) -> String {
    let n = secret.chars().count();
    secret.chars().skip(n.saturating_sub(4)).collect()
}

/// Compares secrets in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same("a", "ab"));
    }

    #[test]
    fn sealed_secrets_open_with_the_key_and_after_rotation() {
        let k1 = STANDARD.encode([1_u8; 32]);
        let k2 = STANDARD.encode([2_u8; 32]);
        let old = SealKeys::from_base64(&k1, None).unwrap();
        let sealed = old.seal("s3cret-value").unwrap();
        assert!(sealed.starts_with("v1.") && !sealed.contains("s3cret"));
        assert_ne!(sealed, old.seal("s3cret-value").unwrap(), "a fresh nonce each time");
        assert_eq!(old.open(&sealed).unwrap(), "s3cret-value");
        let new_only = SealKeys::from_base64(&k2, None).unwrap();
        assert_eq!(new_only.open(&sealed), Err(SealError::Unopenable));
        let rotating = SealKeys::from_base64(&k2, Some(&k1)).unwrap();
        let resealed = rotating.reseal(&sealed).unwrap();
        assert_eq!(new_only.open(&resealed).unwrap(), "s3cret-value");
        assert_eq!(SealKeys::from_base64("short", None).unwrap_err(), SealError::BadKey);
        assert_eq!(tail("abcdefgh"), "efgh");
        assert_eq!(tail("ab"), "ab");
        assert_eq!(format!("{old:?}"), "SealKeys(..)");
    }
}
