//! Email addresses: a pragmatic check (what a person can fix by looking), not RFC 5322 in full.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this is not an email address of the form name@example.jp")]
pub struct InvalidEmail;

impl InvalidEmail {
    pub fn code(self) -> &'static str {
        "invalid_email"
    }
}

/// An address with one `@`, a local part of at most 64 and a domain with a dot; ASCII only.
/// The domain is lower-cased; the local part is kept as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, InvalidEmail> {
        let s = s.trim();
        if s.len() > 254 || !s.chars().all(|c| c.is_ascii_graphic()) {
            return Err(InvalidEmail);
        }
        let (local, domain) = s.split_once('@').ok_or(InvalidEmail)?;
        let labels_ok = domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        if local_ok && labels_ok && domain.contains('.') {
            Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
        } else {
            Err(InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-1: the registration form's email address.
    #[test]
    fn pragmatic_email_check() {
        assert_eq!(
            Email::parse(" Taro.Yamada+job@Example.JP ").unwrap().as_str(),
            "Taro.Yamada+job@example.jp"
        );
        for bad in [
            "",
            "taro",
            "taro@",
            "@example.jp",
            "taro@example",
            "ta ro@example.jp",
            "taro@@example.jp",
            "たろう@example.jp",
            ".taro@example.jp",
            "taro..y@example.jp",
            "taro@-example.jp",
            "taro@example..jp",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert!(Email::parse(&format!("{}@example.jp", "a".repeat(65))).is_err());
        assert!(Email::parse(&format!("a@{}.jp", "b".repeat(251))).is_err());
        assert_eq!(InvalidEmail.code(), "invalid_email");
    }
}
