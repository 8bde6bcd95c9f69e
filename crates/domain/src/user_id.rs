//! User IDs (rule AC-2): 6–32 characters of `A-Z a-z 0-9 . _ -`, unique without regard to case.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UserIdProblem {
    #[error("a user ID has at least 6 characters")]
    TooShort,
    #[error("a user ID has at most 32 characters")]
    TooLong,
    #[error("a user ID uses only A-Z a-z 0-9 . _ -")]
    InvalidCharacters,
}

impl UserIdProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::InvalidCharacters => "invalid_characters",
        }
    }
}

/// A user ID as the person typed it; `normalized()` is the unique key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserId(String);

impl UserId {
    pub fn parse(s: &str) -> Result<Self, UserIdProblem> {
        if !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(UserIdProblem::InvalidCharacters);
        }
        match s.len() {
            0..=5 => Err(UserIdProblem::TooShort),
            6..=32 => Ok(Self(s.to_owned())),
            _ => Err(UserIdProblem::TooLong),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower case: `Yamada.Taro` and `yamada.taro` are the same account (AC-2, decided).
    pub fn normalized(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-2
    #[test]
    fn user_id_rules() {
        assert_eq!(
            UserId::parse("Yamada.Taro_1-2").unwrap().normalized(),
            "yamada.taro_1-2"
        );
        assert!(UserId::parse("abcdef").is_ok());
        assert!(UserId::parse(&"a".repeat(32)).is_ok());
        assert_eq!(UserId::parse("abcde"), Err(UserIdProblem::TooShort));
        assert_eq!(UserId::parse(&"a".repeat(33)), Err(UserIdProblem::TooLong));
        for bad in [
            "yamada taro",
            "山田太郎さん",
            "ｙａｍａｄａ",
            "yamada@taro",
            "yamada\ttaro",
        ] {
            assert_eq!(UserId::parse(bad), Err(UserIdProblem::InvalidCharacters), "{bad}");
        }
    }
}
