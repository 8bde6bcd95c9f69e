//! `/api/v1` for seminars and company tours (rules SE-1…SE-5): browse, register (201) or
//! wait (202), cancel; staff create seminars, list participants and remove one.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::BTreeMap;

use madoguchi_app::AppError;
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_app::translations::{Of, Texts};
use madoguchi_domain::clock::jst;
use madoguchi_store::seminars::{Registered, RegistrationRow, SeminarRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::NOT_SIGNED_IN;
use crate::api::{body, date_param};
use crate::http::problem::{ApiError, Problem};
use crate::http::translated::{self, TranslationJson};
use crate::http::visitor::Visitor;
use crate::public::seminars::filter;

#[derive(Debug, Serialize, ToSchema)]
pub struct SeminarJson {
    pub id: i64,
    pub office: String,
    /// `seminar` or `company_tour`.
    pub kind: String,
    pub title: String,
    pub description: String,
    #[schema(value_type = String, example = "2026-12-10T13:30:00+09:00")]
    pub start: DateTime<FixedOffset>,
    #[schema(value_type = String)]
    pub end: DateTime<FixedOffset>,
    pub app: String,
    /// S7-5: the office records it, with the presenters' consent.
    pub recorded_with_consent: bool,
    /// SE-1: registration closes at this instant.
    #[schema(value_type = String)]
    pub registration_closes: DateTime<FixedOffset>,
    pub capacity: i32,
    pub remaining: i32,
    pub waitlist_length: i32,
    /// Places left on the waiting list once the seats are gone.
    pub waitlist_remaining: i32,
    /// SE-6: `open`; `suspended` (the office is not taking registrations for now; places
    /// stay); `cancelled` (every place ended).
    #[schema(pattern = "^(open|suspended|cancelled)$")]
    pub status: String,
    /// SE-6: the office's reason for a suspension or cancellation ("" otherwise, and for a
    /// cancellation by the office's closure of the day).
    pub status_reason: String,
    /// The seminar in other languages, by language tag (`en`, `pt-BR`, …): `title` and
    /// `body` (the description); `title` and `description` above stay the Japanese original.
    /// Empty when nobody translated it.
    pub translations: BTreeMap<String, TranslationJson>,
}

fn jst_time(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&jst())
}

/// The translations of these seminars, in one read (issue 16, item 3).
pub(crate) async fn texts(state: &AppState, rows: &[SeminarRow]) -> Result<Texts, AppError> {
    translated::read(&state.db, Of::Seminar, rows.iter().map(|s| s.id.to_string())).await
}

/// One seminar with its translations.
pub(crate) async fn one_json(state: &AppState, s: SeminarRow) -> Result<SeminarJson, AppError> {
    let texts = texts(state, std::slice::from_ref(&s)).await?;
    Ok(seminar_json(s, &texts))
}

pub(crate) fn seminar_json(s: SeminarRow, texts: &Texts) -> SeminarJson {
    let status = s.status().to_owned();
    let status_reason = match status.as_str() {
        "cancelled" => s.cancel_reason.clone(),
        "suspended" => s.suspend_reason.clone(),
        _ => String::new(),
    };
    SeminarJson {
        translations: translated::json(texts, &s.id.to_string()),
        id: s.id,
        office: s.office_code,
        kind: s.kind,
        title: s.title,
        description: s.description,
        start: jst_time(s.starts_at),
        end: jst_time(s.ends_at),
        app: s.app,
        recorded_with_consent: s.recorded_with_consent,
        registration_closes: jst_time(s.cutoff_at),
        capacity: s.capacity,
        remaining: s.capacity - s.registered,
        waitlist_length: s.waitlisted,
        waitlist_remaining: s.waitlist_limit - s.waitlisted,
        status,
        status_reason,
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeminarQuery {
    /// Only this office's (an office code; any other text matches none).
    #[param(required = false, value_type = String)]
    office: Option<String>,
    /// First day, `YYYY-MM-DD` (default today).
    #[param(required = false, value_type = String, format = Date)]
    from: Option<String>,
    /// Last day, `YYYY-MM-DD` (default: no limit).
    #[param(required = false, value_type = String, format = Date)]
    to: Option<String>,
    /// A word in the title or description.
    #[param(required = false, value_type = String, max_length = 50)]
    q: Option<String>,
}

/// Upcoming seminars and company tours across offices (SE-1), cancelled ones included with
/// their `status` (SE-6).
#[utoipa::path(get, path = "/api/v1/seminars", tag = "seminars", params(SeminarQuery),
    responses((status = 200, body = [SeminarJson]),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_date`, `invalid_range`, `too_long` (`q`)")))]
pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<SeminarQuery>, QueryRejection>,
) -> Result<Json<Vec<SeminarJson>>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::invalid("invalid_query", "query", e.body_text()))?;
    // The document's rules, stricter than the pages': no blank dates, `q` counted untrimmed.
    date_param("from", q.from.as_deref())?;
    date_param("to", q.to.as_deref())?;
    if q.q.as_deref().is_some_and(|k| k.chars().count() > 50) {
        return Err(AppError::invalid("too_long", "q", "at most 50 characters").into());
    }
    let f = filter(
        &state,
        q.office.as_deref(),
        q.from.as_deref(),
        q.to.as_deref(),
        q.q.as_deref(),
    )?;
    let rows = seminars::attend::list(&state.db, &f).await?;
    let texts = texts(&state, &rows).await?;
    Ok(Json(rows.into_iter().map(|s| seminar_json(s, &texts)).collect()))
}

pub(crate) fn id_of(what: &str, s: &str) -> Result<i64, AppError> {
    s.parse().map_err(|_| AppError::NotFound {
        what: format!("{what} {s}"),
    })
}

/// One seminar, with `remaining` seats and `waitlist_length`.
#[utoipa::path(get, path = "/api/v1/seminars/{id}", tag = "seminars", params(("id" = i64, Path)),
    responses((status = 200, body = SeminarJson),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`")))]
pub async fn one(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<SeminarJson>, ApiError> {
    let s = seminars::attend::get(&state.db, id_of("seminar", &id)?).await?;
    Ok(Json(one_json(&state, s).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationJson {
    pub id: i64,
    pub seminar_id: i64,
    /// `registered`, `waitlisted`, `attended`, `no_show`, `cancelled_by_user`, `removed_by_office`.
    pub state: String,
}

fn registration_json(r: &RegistrationRow) -> RegistrationJson {
    RegistrationJson {
        id: r.id,
        seminar_id: r.seminar_id,
        state: r.state.clone(),
    }
}

/// Registers for a seminar (SE-2): `201` with a seat, `202` on the waiting list (SE-3).
#[utoipa::path(post, path = "/api/v1/seminars/{id}/registrations", tag = "seminars", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 201, body = RegistrationJson, description = "registered"),
        (status = 202, body = RegistrationJson, description = "on the waiting list"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_eligible`, `booking_restricted`, `terms_not_accepted`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`seminar_full` (the waiting list is closed too), `cutoff_passed`, `seminar_cancelled`, `seminar_suspended` (SE-6), `conflict` (already registered)")))]
pub async fn register(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = id_of("seminar", &id)?;
    let (status, reg) = match seminars::attend::register(&state.db, state.clock.as_ref(), user, id).await? {
        Registered::Registered(r) => (StatusCode::CREATED, r),
        Registered::Waitlisted(r) => (StatusCode::ACCEPTED, r),
        _ => return Err(AppError::Conflict("not registered".into()).into()),
    };
    let row = seminars::attend::own(&state.db, user, reg).await?;
    Ok((status, Json(registration_json(&row))).into_response())
}

/// The signed-in user's seminar registrations, newest first.
#[utoipa::path(get, path = "/api/v1/seminar-registrations", tag = "seminars", security(("session" = [])),
    responses((status = 200, body = [RegistrationJson])))]
pub async fn mine(State(state): State<AppState>, visitor: Visitor) -> Result<Json<Vec<RegistrationJson>>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let rows = madoguchi_store::seminars::places::for_user(&state.db, user)
        .await
        .map_err(AppError::from)?;
    Ok(Json(rows.iter().map(registration_json).collect()))
}

/// Cancels a registration or a waiting-list place (SE-4); a freed seat goes to the first waiting.
#[utoipa::path(post, path = "/api/v1/seminar-registrations/{id}/cancel", tag = "seminars", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = RegistrationJson),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`already_cancelled`, `cutoff_passed`")))]
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<RegistrationJson>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = id_of("seminar registration", &id)?;
    seminars::attend::cancel_own(&state.db, state.clock.as_ref(), user, id).await?;
    let row = seminars::attend::own(&state.db, user, id).await?;
    Ok(Json(registration_json(&row)))
}

/// What an office admin sends to create a seminar (SE-1).
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewSeminarJson {
    /// `seminar` or `company_tour`.
    #[schema(pattern = "^(seminar|company_tour)$")]
    pub kind: String,
    #[schema(max_length = 100)]
    pub title: String,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub description: String,
    #[schema(value_type = String, example = "2026-12-10T13:30:00+09:00")]
    pub start: DateTime<FixedOffset>,
    #[schema(minimum = 15, maximum = 480)]
    pub minutes: i64,
    /// `zoom`, `teleoffice`, `e_tumo` or `builtin`.
    #[schema(pattern = "^(zoom|teleoffice|e_tumo|builtin)$")]
    pub app: String,
    #[serde(default)]
    pub recorded_with_consent: bool,
    #[schema(minimum = 1, maximum = 500)]
    pub capacity: i32,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1000)]
    pub waitlist_limit: i32,
}

/// Creates a seminar at the admin's office (SE-1).
#[utoipa::path(post, path = "/api/v1/staff/seminars", tag = "staff", request_body = NewSeminarJson,
    security(("session" = [])),
    responses((status = 201, body = SeminarJson),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_choice`, `invalid_duration`, `invalid_seats`, `required`, `too_long`, \
                        `invalid_office_code` (a staff member without an office)"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "`forbidden`: not an office admin"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`closed_day`, `outside_hours`, `cutoff_passed` (today or earlier)"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn create(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<NewSeminarJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let me = crate::api::member(&state, &visitor).await?;
    let s = body(json)?;
    let input = SeminarInput {
        kind: s.kind,
        title: s.title,
        description: s.description,
        starts_at: s.start.with_timezone(&Utc),
        minutes: s.minutes,
        app: s.app,
        recorded_with_consent: s.recorded_with_consent,
        capacity: s.capacity,
        waitlist_limit: s.waitlist_limit,
    };
    let office = me.office.clone().unwrap_or_default();
    let id = seminars::organise::create(&state.db, state.clock.as_ref(), &me, &office, &input).await?;
    let row = seminars::attend::get(&state.db, id).await?;
    Ok((StatusCode::CREATED, Json(one_json(&state, row).await?)).into_response())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantJson {
    pub id: i64,
    pub state: String,
    /// SE-2: the identity recorded for verification.
    pub name: String,
    pub job_seeker_number: String,
}

/// The participant list with verification identities (SE-5); audited per person (PV-4).
#[utoipa::path(get, path = "/api/v1/staff/seminars/{id}/participants", tag = "staff", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = [ParticipantJson]),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such seminar at the staff member's office")))]
pub async fn participants(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<Vec<ParticipantJson>>, ApiError> {
    let me = crate::api::member(&state, &visitor).await?;
    let rows = seminars::organise::participants(&state.db, state.clock.as_ref(), &me, id_of("seminar", &id)?).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ParticipantJson {
                id: r.id,
                state: r.state,
                name: r.verify_name,
                job_seeker_number: r.verify_number,
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RemovalJson {
    #[schema(max_length = 200)]
    pub reason: String,
}

/// Removes a participant with a reason (SE-5); the seat goes to the first waiting.
#[utoipa::path(post, path = "/api/v1/staff/seminar-registrations/{id}/remove", tag = "staff", params(("id" = i64, Path)),
    request_body = RemovalJson, security(("session" = [])),
    responses((status = 204, description = "removed"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`required`, `too_long` (`reason`)"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such registration at the staff member's office"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`invalid_state`: no longer live"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn remove(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<RemovalJson>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let me = crate::api::member(&state, &visitor).await?;
    let r = body(json)?;
    let id = id_of("seminar registration", &id)?;
    seminars::organise::remove(&state.db, state.clock.as_ref(), &me, id, &r.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
