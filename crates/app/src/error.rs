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
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{what} was not found")]
    NotFound { what: String },
    /// A parameter or field is malformed; `code` is a more specific stable code.
    #[error("{message}")]
    InvalidInput { code: &'static str, field: String, message: String },
    /// Text that breaks rule N10, with every offending character per field (rule AC-4).
    #[error("text contains characters that are not accepted")]
    InvalidCharacters { fields: Vec<(String, Vec<Offence>)> },
    #[error("{0}")]
    Conflict(String),
    #[error("the database is unavailable")]
    Unavailable(#[source] StoreError),
    #[error("internal error")]
    Internal(#[source] StoreError),
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::InvalidInput { .. } => ErrorCode::InvalidInput,
            Self::InvalidCharacters { .. } => ErrorCode::InvalidCharacters,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::Unavailable(_) => ErrorCode::Unavailable,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The most specific stable code: `InvalidInput` carries its own.
    pub fn specific_code(&self) -> &'static str {
        match self {
            Self::InvalidInput { code, .. } => code,
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
