//! The JSON API under `/api/v1`, one file per resource; the extractors and answers every
//! resource shares live here. The OpenAPI document is `doc`.

pub mod accounts;
pub mod booking;
pub mod calendar;
pub mod doc;
pub mod interviews;
pub mod offices;
pub mod password_resets;
pub mod seminar_changes;
pub mod seminars;
pub mod staff;
pub mod zoom_webhooks;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use chrono::NaiveDate;
use madoguchi_app::AppError;

use crate::AppState;
use crate::http::problem::ApiError;
use crate::http::visitor::Visitor;

/// A malformed body or wrong content type is the client's error, told as a problem document.
pub fn body<T>(json: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    json.map(|Json(t)| t).map_err(|e| {
        let code = match e {
            JsonRejection::MissingJsonContentType(_) => "unsupported_media_type",
            _ => "malformed_json",
        };
        ApiError(AppError::invalid(code, "body", e.body_text()))
    })
}

/// An optional date parameter: absent is `None`, but given it must be a date. The pages take
/// an empty one (a blank form field) as absent; the API document calls it malformed.
pub(crate) fn date_param(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    value.map(|v| crate::http::forms::parse_date(field, v)).transpose()
}

pub(crate) const NOT_SIGNED_IN: AppError = AppError::Unauthorized {
    code: "not_signed_in",
    message: "please sign in",
};

const NOT_STAFF: AppError = AppError::Unauthorized {
    code: "not_signed_in",
    message: "sign in as staff",
};

pub(crate) async fn member(
    state: &AppState,
    visitor: &Visitor,
) -> Result<madoguchi_app::shared::StaffMember, AppError> {
    let id = visitor.staff_ref().ok_or(NOT_STAFF)?;
    madoguchi_app::console::staff::member(&state.db, id)
        .await?
        .ok_or(NOT_STAFF)
}
