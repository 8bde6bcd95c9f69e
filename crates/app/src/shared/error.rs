//! The one error type of the use cases, with stable codes for the API and the CLI.

use madoguchi_domain::characters::Offence;
use madoguchi_store::StoreError;

/// Stable machine-readable codes: they appear in problem documents and never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    InvalidCharacters,
    Conflict,
    /// Wrong credentials or no session.
    Unauthorized,
    /// The account is locked (AC-5, AC-8) or not yet usable.
    Forbidden,
    /// Too many attempts from one client address (AC-5, registrations).
    RateLimited,
    /// Every password-hashing slot stayed taken: try again shortly (503 with `Retry-After`).
    Busy,
    Unavailable,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::InvalidInput => "invalid_input",
            Self::InvalidCharacters => "invalid_characters",
            Self::Conflict => "conflict",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::RateLimited => "rate_limited",
            Self::Busy => "busy",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    /// The server could not answer (busy, unavailable, internal), as opposed to a refusal.
    pub fn is_server_side(self) -> bool {
        matches!(self, Self::Busy | Self::Unavailable | Self::Internal)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{what} was not found")]
    NotFound { what: String },
    /// A parameter or field is malformed; `code` is a more specific stable code.
    #[error("{message}")]
    InvalidInput {
        code: &'static str,
        field: String,
        message: String,
    },
    /// Text that breaks rule N10, with every offending character per field (rule AC-4).
    #[error("text contains characters that are not accepted")]
    InvalidCharacters { fields: Vec<(String, Vec<Offence>)> },
    /// A form with several problems, each with a stable code (registration and the like).
    #[error("some fields need attention")]
    Fields(Vec<crate::shared::FieldProblem>),
    #[error("{0}")]
    Conflict(String),
    /// A booking rule said no: `slot_full`, `daily_limit`, `cutoff_passed`, `outside_horizon`,
    /// `already_cancelled` (409).
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    /// `code` is specific: `invalid_credentials`, `not_signed_in`.
    #[error("{message}")]
    Unauthorized { code: &'static str, message: &'static str },
    /// `code` is specific: `account_locked`, `email_not_verified`, `csrf`.
    #[error("{message}")]
    Forbidden { code: &'static str, message: &'static str },
    #[error("too many attempts; please wait and try again")]
    RateLimited,
    /// The server is checking as many passwords as it may at once; nothing was checked.
    #[error("the server is busy; please try again in {retry_after_seconds} seconds")]
    Busy { retry_after_seconds: u64 },
    #[error("the database is unavailable")]
    Unavailable(#[source] StoreError),
    #[error("internal error")]
    Internal(#[source] StoreError),
    /// The operating system could not supply randomness; never shown to users.
    #[error("internal error: randomness unavailable ({0})")]
    Random(String),
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidInput { .. } => ErrorCode::InvalidInput,
            Self::InvalidCharacters { .. } => ErrorCode::InvalidCharacters,
            Self::Fields(_) => ErrorCode::InvalidInput,
            Self::Conflict(_) | Self::Refused { .. } => ErrorCode::Conflict,
            Self::Unauthorized { .. } => ErrorCode::Unauthorized,
            Self::Forbidden { .. } => ErrorCode::Forbidden,
            Self::RateLimited => ErrorCode::RateLimited,
            Self::Busy { .. } => ErrorCode::Busy,
            Self::Unavailable(_) => ErrorCode::Unavailable,
            Self::Internal(_) | Self::Random(_) => ErrorCode::Internal,
        }
    }

    /// The most specific stable code: `InvalidInput` carries its own.
    pub fn specific_code(&self) -> &'static str {
        match self {
            Self::InvalidInput { code, .. }
            | Self::Unauthorized { code, .. }
            | Self::Forbidden { code, .. }
            | Self::Refused { code, .. } => code,
            // The most telling problem names the whole: characters, then the password.
            Self::Fields(problems) => ["invalid_characters", "weak_password"]
                .into_iter()
                .find(|c| problems.iter().any(|p| p.code == *c))
                .unwrap_or("invalid_input"),
            other => other.code().as_str(),
        }
    }

    pub fn invalid(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        Self::InvalidInput {
            code,
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            e if e.is_unique_violation() => Self::Conflict("it already exists".into()),
            e if e.is_unavailable() => Self::Unavailable(e),
            e => Self::Internal(e),
        }
    }
}
