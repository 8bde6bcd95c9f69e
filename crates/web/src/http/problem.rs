//! RFC 9457 problem documents for the API, with a stable `code` member, and the
//! matching HTML error page for people.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use madoguchi_app::{AppError, ErrorCode};
use madoguchi_domain::characters::Offence;
use serde::Serialize;
use utoipa::ToSchema;

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type: `urn:madoguchi:problem:{code}`.
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code, e.g. `invalid_date`, `range_too_long`, `not_found`.
    pub code: String,
    /// For `invalid_input` and `invalid_characters`: which field, and each offending character.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    /// Stable code of the field's problem: `required`, `too_long`, `invalid_characters`,
    /// `weak_password`, `invalid_user_id`, `invalid_email`, …
    pub code: String,
    /// 0-based code-point index of the character, when the error is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character: Option<String>,
    /// `U+XXXX`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codepoint: Option<String>,
    /// The specific reason: for characters e.g. `vendor_specific`; for passwords e.g. `common_password`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Where no replacement exists: what to do instead, as a stable code, e.g.
    /// `latin_as_on_residence_card` (a name in Hangul, Cyrillic, Thai …: write it in Latin
    /// letters as on the residence card).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

impl FieldError {
    pub fn from_offence(field: &str, o: &Offence) -> Self {
        Self {
            field: field.to_owned(),
            code: "invalid_characters".to_owned(),
            index: Some(o.index),
            character: Some(o.ch.to_string()),
            codepoint: Some(format!("U+{:04X}", u32::from(o.ch))),
            reason: Some(o.reason.code().to_owned()),
            suggestion: o.suggestion.map(str::to_owned),
            advice: o.advice().map(|a| a.code().to_owned()),
        }
    }

    pub fn plain(field: &str, code: &str, reason: Option<&str>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            index: None,
            character: None,
            codepoint: None,
            reason: reason.map(str::to_owned),
            suggestion: None,
            advice: None,
        }
    }
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, title: &str, detail: Option<String>) -> Self {
        Self {
            type_uri: format!("urn:madoguchi:problem:{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            errors: Vec::new(),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
    }
}

pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::InvalidInput => StatusCode::BAD_REQUEST,
        ErrorCode::InvalidCharacters => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Busy | ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Adds `Retry-After` to the answer of a refusal that says when to come back (`busy`).
pub fn retry_after(e: &AppError, mut response: Response) -> Response {
    if let AppError::Busy { retry_after_seconds } = e {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, (*retry_after_seconds).into());
    }
    response
}

/// An `AppError` on its way out of the API: logged in full, shown without internals.
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        let status = status_of(e.code());
        let busy = matches!(e, AppError::Busy { .. });
        if status.is_server_error() && !busy {
            tracing::error!(error = ?e, "request failed");
        }
        let detail = (!status.is_server_error() || busy).then(|| e.to_string());
        let mut p = Problem::new(
            status,
            e.specific_code(),
            status.canonical_reason().unwrap_or("Error"),
            detail,
        );
        match &e {
            AppError::InvalidCharacters { fields } => {
                p.errors = fields
                    .iter()
                    .flat_map(|(f, offences)| offences.iter().map(move |o| FieldError::from_offence(f, o)))
                    .collect();
            }
            AppError::InvalidInput { code, field, .. } => p.errors.push(FieldError::plain(field, code, None)),
            AppError::Fields(problems) => {
                for fp in problems {
                    if fp.offences.is_empty() {
                        p.errors.push(FieldError::plain(fp.field, fp.code, fp.detail));
                    } else {
                        p.errors
                            .extend(fp.offences.iter().map(|o| FieldError::from_offence(fp.field, o)));
                    }
                }
            }
            _ => {}
        }
        retry_after(&e, p.into_response())
    }
}

/// Under `/api/`, a method no route has (a 405 from the router, with its `Allow` header)
/// is a problem document too (issue 11, item 7).
pub async fn api_method_not_allowed(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !api || response.status() != StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let detail = allow
        .as_ref()
        .and_then(|a| a.to_str().ok())
        .map(|a| format!("this resource answers {a}"));
    let status = StatusCode::METHOD_NOT_ALLOWED;
    let title = status.canonical_reason().unwrap_or("Error");
    let mut out = Problem::new(status, "method_not_allowed", title, detail).into_response();
    if let Some(allow) = allow {
        out.headers_mut().insert(header::ALLOW, allow);
    }
    out
}
