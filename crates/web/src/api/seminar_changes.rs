//! `/api/v1/staff` for the office's changes to a seminar and what staff record about a place
//! (rule SE-6, S11-1, S6-3): cancel, suspend, resume, move; a phone cancellation and a
//! no-show's correction. The pages ask first; an API client has asked its user already.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, FixedOffset, Utc};
use madoguchi_app::seminars::places::Correction;
use madoguchi_app::seminars::{self, changes, places};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::seminars::{SeminarJson, id_of, one_json};
use crate::api::{body, member};
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

/// A reason, told to everyone the change reaches.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReasonJson {
    #[schema(max_length = 200)]
    pub reason: String,
}

/// Why registrations stop, and whether those with a place are told it may be cancelled.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SuspensionJson {
    #[schema(max_length = 200)]
    pub reason: String,
    /// Tell everyone registered or waiting (they are then told of the resumption too).
    #[serde(default)]
    pub tell: bool,
}

/// Where the seminar moves (same length), and why (optional, told to the participants).
#[derive(Debug, Deserialize, ToSchema)]
pub struct MoveJson {
    #[schema(value_type = String, example = "2027-01-12T10:00:00+09:00")]
    pub start: DateTime<FixedOffset>,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub reason: String,
}

/// What happened instead of the recorded no-show, and why it is corrected.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CorrectionJson {
    /// `attended`, or `excused` (a valid reason told to the office: recorded as the person's
    /// own cancellation).
    #[schema(pattern = "^(attended|excused)$")]
    pub outcome: String,
    #[schema(max_length = 200)]
    pub reason: String,
}

async fn seminar(state: &AppState, id: i64) -> Result<Json<SeminarJson>, ApiError> {
    Ok(Json(
        one_json(state, seminars::attend::get(&state.db, id).await?).await?,
    ))
}

/// Cancels a seminar (SE-6): every seat and waiting place ends, each person is told the reason.
#[utoipa::path(post, path = "/api/v1/staff/seminars/{id}/cancel", tag = "staff", params(("id" = i64, Path)),
    request_body = ReasonJson, security(("session" = [])),
    responses((status = 200, body = SeminarJson, description = "cancelled"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`required`, `too_long` (`reason`)"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_office_admin`: not an admin of the seminar's office"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such seminar at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`seminar_cancelled`, `already_started`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<ReasonJson>, JsonRejection>,
) -> Result<Json<SeminarJson>, ApiError> {
    let me = member(&state, &visitor).await?;
    let r = body(json)?;
    let id = id_of("seminar", &id)?;
    changes::cancel(&state.db, state.clock.as_ref(), &me, id, &r.reason).await?;
    seminar(&state, id).await
}

/// Stops new registrations and waiting-list places (SE-6, S11-1); places stay.
#[utoipa::path(post, path = "/api/v1/staff/seminars/{id}/suspend", tag = "staff", params(("id" = i64, Path)),
    request_body = SuspensionJson, security(("session" = [])),
    responses((status = 200, body = SeminarJson, description = "suspended"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`required`, `too_long` (`reason`)"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_office_admin`: not an admin of the seminar's office"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such seminar at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`seminar_suspended` (already), `seminar_cancelled`, `already_started`, `invalid_state`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn suspend(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<SuspensionJson>, JsonRejection>,
) -> Result<Json<SeminarJson>, ApiError> {
    let me = member(&state, &visitor).await?;
    let s = body(json)?;
    let id = id_of("seminar", &id)?;
    changes::suspend(&state.db, state.clock.as_ref(), &me, id, &s.reason, s.tell).await?;
    seminar(&state, id).await
}

/// Takes registrations again (SE-6); whoever was told of the suspension is told.
#[utoipa::path(post, path = "/api/v1/staff/seminars/{id}/resume", tag = "staff", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = SeminarJson, description = "registrations reopened"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_office_admin`: not an admin of the seminar's office"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such seminar at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`invalid_state` (not suspended), `seminar_cancelled`, `already_started`")))]
pub async fn resume(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<SeminarJson>, ApiError> {
    let me = member(&state, &visitor).await?;
    let id = id_of("seminar", &id)?;
    changes::resume(&state.db, state.clock.as_ref(), &me, id).await?;
    seminar(&state, id).await
}

/// Moves a seminar to another date or time inside office hours (SE-6); places stay and every
/// person registered or waiting is told.
#[utoipa::path(post, path = "/api/v1/staff/seminars/{id}/move", tag = "staff", params(("id" = i64, Path)),
    request_body = MoveJson, security(("session" = [])),
    responses((status = 200, body = SeminarJson, description = "moved"),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`date_in_past` (`day`), `same_time` (`starts`), `too_long` (`reason`)"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_office_admin`: not an admin of the seminar's office"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such seminar at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`closed_day`, `outside_hours`, `cutoff_passed` (today), `seminar_cancelled`, `already_started`, `invalid_state`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn move_to(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<MoveJson>, JsonRejection>,
) -> Result<Json<SeminarJson>, ApiError> {
    let me = member(&state, &visitor).await?;
    let m = body(json)?;
    let id = id_of("seminar", &id)?;
    let start = m.start.with_timezone(&Utc);
    changes::move_to(&state.db, state.clock.as_ref(), &me, id, start, &m.reason).await?;
    seminar(&state, id).await
}

/// Records a cancellation the person phoned in, before the start (SE-6, S6-3): never a
/// no-show; a freed seat goes to the first waiting.
#[utoipa::path(post, path = "/api/v1/staff/seminar-registrations/{id}/phone-cancel", tag = "staff",
    params(("id" = i64, Path)), request_body = ReasonJson, security(("session" = [])),
    responses((status = 204, description = "recorded"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`required`, `too_long` (`reason`)"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such registration at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`invalid_state` (no longer live), `already_started`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn phone_cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<ReasonJson>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let me = member(&state, &visitor).await?;
    let r = body(json)?;
    let id = id_of("seminar registration", &id)?;
    places::phone_cancel(&state.db, state.clock.as_ref(), &me, id, &r.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Corrects a recorded no-show, after the start (SE-6, S6-3, BK-16); it stops counting
/// toward the booking restriction (BK-12).
#[utoipa::path(post, path = "/api/v1/staff/seminar-registrations/{id}/correct-no-show", tag = "staff",
    params(("id" = i64, Path)), request_body = CorrectionJson, security(("session" = [])),
    responses((status = 204, description = "corrected"),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_choice` (`outcome`), `required`, `too_long` (`reason`)"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such registration at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`invalid_state` (not a no-show), `not_started`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn correct_no_show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<CorrectionJson>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let me = member(&state, &visitor).await?;
    let c = body(json)?;
    let id = id_of("seminar registration", &id)?;
    let outcome = Correction::parse(&c.outcome)?;
    places::correct_no_show(&state.db, state.clock.as_ref(), &me, id, outcome, &c.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
