//! `POST /webhooks/zoom/{office}` (MT-2, BK-11, issue 15): Zoom's signed webhooks. The
//! signature is the guard (no session, no CSRF token: Zoom has neither); the body is read
//! raw, because the signature covers its exact bytes. The work is
//! `madoguchi_app::zoom::webhooks`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use madoguchi_app::zoom::webhooks::{self, Delivery, Received};

use crate::AppState;
use crate::http::problem::{ApiError, Problem};

/// What Zoom is told after an event: received (also for a replay, which changes nothing).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct WebhookAnswer {
    /// `recorded` or `ignored` (a replay, an event or meeting Madoguchi does not follow).
    pub status: &'static str,
}

/// The answer to `endpoint.url_validation`, as Zoom documents it.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[allow(non_snake_case)]
pub struct UrlValidation {
    pub plainToken: String,
    /// Hex HMAC-SHA256 of `plainToken` with the webhook secret token.
    pub encryptedToken: String,
}

#[utoipa::path(post, path = "/webhooks/zoom/{office}", tag = "zoom",
    operation_id = "zoom_webhook",
    params(("office" = String, Path, description = "The office's code (5 digits)"),
        ("x-zm-signature" = String, Header, description = "`v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`"),
        ("x-zm-request-timestamp" = String, Header, description = "Seconds since 1970; at most 5 minutes off")),
    request_body(content = serde_json::Value, content_type = "application/json",
        description = "Zoom's event: `endpoint.url_validation`, `meeting.participant_joined`, `meeting.participant_left`, `meeting.ended`"),
    responses((status = 200, body = WebhookAnswer, description = "Taken (or a replay, ignored)"),
        (status = 200, body = UrlValidation, description = "`endpoint.url_validation` answered"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`invalid_input`: a signed body that is not JSON"),
        (status = 401, body = Problem, content_type = "application/problem+json",
         description = "`invalid_signature`: missing or wrong signature, or a timestamp more than 5 minutes off; nothing recorded"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`: the office has no Zoom set up")))]
pub async fn receive(
    State(state): State<AppState>,
    Path(office): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let delivery = Delivery {
        signature: header("x-zm-signature"),
        timestamp: header("x-zm-request-timestamp"),
        body: &body,
    };
    let received = webhooks::receive(&state.db, state.clock.as_ref(), &state.zoom, &office, &delivery).await?;
    Ok(match received {
        Received::Validation(json) => (StatusCode::OK, Json(json)).into_response(),
        Received::Recorded => (StatusCode::OK, Json(WebhookAnswer { status: "recorded" })).into_response(),
        Received::Ignored => (StatusCode::OK, Json(WebhookAnswer { status: "ignored" })).into_response(),
    })
}
