//! `/api/v1/password-resets` (rule AC-8): ask for a reset link by user ID (the same answer
//! whether or not it exists), and set a new password with the mailed token.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use madoguchi_app::accounts::{forgot, lock};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::body;
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// The user ID of the account, in any case (AC-2).
    #[schema(pattern = r"^[A-Za-z0-9._-]{6,32}$")]
    pub user_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResetAccepted {
    /// Always `accepted`: if the user ID names an active account, a link valid for 30
    /// minutes went to its registered address. The answer never says whether it exists.
    pub status: &'static str,
}

/// Asks for a password reset link by mail (AC-8). The same answer, after the same work, for
/// any user ID; limited per user ID and per client address.
#[utoipa::path(post, path = "/api/v1/password-resets", tag = "accounts", request_body = ResetRequest,
    operation_id = "create_password_reset",
    responses((status = 202, body = ResetAccepted),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`required`: no user ID; `invalid_user_id`: not 6 to 32 of `A-Z a-z 0-9 . _ -`"),
        (status = 429, body = Problem, content_type = "application/problem+json",
         description = "`rate_limited`: this user ID or this client address has asked too often this hour")))]
pub async fn create(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<ResetRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let r = body(json)?;
    forgot::request_reset(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &r.user_id,
        &visitor.client_addr,
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(ResetAccepted { status: "accepted" })).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetConfirm {
    /// The `token` of the mailed link.
    pub token: String,
    /// AC-3, as at registration: 12 to 64 half-width letters, digits and
    /// `! # $ % & * + - = ? @ _`; not the user ID, not a common password.
    #[schema(pattern = r"^[A-Za-z0-9!#$%&*+=?@_-]{12,64}$")]
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResetDone {
    /// Always `reset`: sign in with the new password. Every session was ended.
    pub status: &'static str,
}

/// Sets a new password with the mailed token (AC-8): the token works once, within its time;
/// every session of the account ends and a lock after failed sign-ins is lifted.
#[utoipa::path(post, path = "/api/v1/password-resets/confirm", tag = "accounts", request_body = ResetConfirm,
    operation_id = "confirm_password_reset",
    responses((status = 200, body = ResetDone),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`token_invalid` (unknown or used), `token_expired`; `weak_password` with the reason in `errors`"),
        (status = 503, body = Problem, content_type = "application/problem+json",
         description = "`busy`: every password-hashing slot stayed taken; see `Retry-After`")))]
pub async fn confirm(
    State(state): State<AppState>,
    json: Result<Json<ResetConfirm>, JsonRejection>,
) -> Result<Json<ResetDone>, ApiError> {
    let r = body(json)?;
    lock::reset_password(&state.db, state.clock.as_ref(), &state.limits, &r.token, &r.password).await?;
    Ok(Json(ResetDone { status: "reset" }))
}
