//! `/api/v1` for consultations: free slots, booking, the user's reservations, moving one to
//! another time (BK-17), cancelling.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone, Utc};
use madoguchi_app::{AppError, consultations::booking, offices};
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::reservations::{self as store, Details, ReservationRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::NOT_SIGNED_IN;
use crate::api::{body, date_param};
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

fn jst_time(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&jst())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlotJson {
    pub id: i64,
    /// RFC 3339 in Japan time (+09:00).
    #[schema(value_type = String, example = "2026-12-03T10:00:00+09:00")]
    pub start: DateTime<FixedOffset>,
    #[schema(value_type = String)]
    pub end: DateTime<FixedOffset>,
    pub remaining: i32,
    /// `zoom`, `teleoffice`, `e_tumo` or `builtin`.
    pub app: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotQuery {
    /// First day, `YYYY-MM-DD` (default today).
    #[param(required = false, value_type = String, format = Date)]
    from: Option<String>,
    /// Last day, `YYYY-MM-DD` (default from + 30 days), up to 100 years after `from`.
    #[param(required = false, value_type = String, format = Date)]
    to: Option<String>,
}

/// Free consultation slots of an office (BK-2).
#[utoipa::path(get, path = "/api/v1/offices/{code}/slots", tag = "consultations",
    params(("code" = String, Path, pattern = r"^[0-9]{5}$", description = "Five-digit office number"), SlotQuery),
    responses((status = 200, body = [SlotJson]),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_office_code`, `invalid_date`, `invalid_range`, `range_too_long`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`")))]
pub async fn free_slots(
    State(state): State<AppState>,
    Path(code): Path<String>,
    query: Result<Query<SlotQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<SlotJson>>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::invalid("invalid_query", "query", e.body_text()))?;
    let office = offices::get(&state.db, &code).await?;
    let from = date_param("from", q.from.as_deref())?.unwrap_or_else(|| state.clock.today_jst());
    let to = date_param("to", q.to.as_deref())?.unwrap_or_else(|| from.checked_add_days(Days::new(30)).unwrap_or(from));
    madoguchi_app::offices::calendar::check_range(from, to)?;
    let start = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| jst().from_local_datetime(&t).single())
            .map(|t| t.with_timezone(&Utc))
    };
    let (Some(a), Some(b)) = (start(from), to.succ_opt().and_then(start)) else {
        return Err(AppError::invalid("invalid_range", "to", "that range cannot be shown").into());
    };
    let slots = store::free_slots(&state.db, office.code.as_str(), a, b)
        .await
        .map_err(AppError::from)?;
    Ok(Json(
        slots
            .into_iter()
            .map(|s| SlotJson {
                id: s.id,
                start: jst_time(s.starts_at),
                end: jst_time(s.ends_at),
                remaining: s.capacity - s.booked,
                app: s.app,
            })
            .collect(),
    ))
}

/// BK-6: what the booking records.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReservationRequest {
    pub slot_id: i64,
    /// What the user would like to talk about.
    #[serde(default)]
    #[schema(max_length = 400)]
    pub topic: String,
    /// The name used to verify identity at the start (C6-2).
    #[serde(default)]
    #[schema(max_length = 60)]
    pub verify_name: String,
    /// The job-seeker number used to verify identity.
    #[serde(default)]
    #[schema(max_length = 20)]
    pub verify_number: String,
    /// Anyone who will attend too: interpreter (with language), carer, family, support worker.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub companion: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationJson {
    pub id: i64,
    pub office: String,
    #[schema(value_type = String)]
    pub start: DateTime<FixedOffset>,
    #[schema(value_type = String)]
    pub end: DateTime<FixedOffset>,
    /// BK-16: `requested`, `confirmed`, `attended`, `no_show`, `cancelled_by_user`, …
    pub state: String,
    pub app: String,
    pub topic: String,
}

fn reservation_json(r: ReservationRow) -> ReservationJson {
    ReservationJson {
        id: r.id,
        office: r.office_code,
        start: jst_time(r.starts_at),
        end: jst_time(r.ends_at),
        state: r.state,
        app: r.app,
        topic: r.topic,
    }
}

/// A reservation ID from the path; anything else is a 404 like someone else's.
pub(crate) fn reservation_id(s: &str) -> Result<i64, AppError> {
    s.parse().map_err(|_| AppError::NotFound {
        what: format!("reservation {s}"),
    })
}

fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), AppError> {
    if value.chars().count() > max {
        return Err(AppError::invalid("too_long", field, format!("{field} is too long")));
    }
    let offences = madoguchi_domain::characters::validate(value, madoguchi_domain::characters::FieldKind::MultiLine);
    if offences.is_empty() {
        Ok(())
    } else {
        Err(AppError::InvalidCharacters {
            fields: vec![(field.to_owned(), offences)],
        })
    }
}

/// Books a free slot directly (BK-3…BK-6); confirmed at once.
#[utoipa::path(post, path = "/api/v1/reservations", tag = "consultations", request_body = ReservationRequest,
    security(("session" = [])),
    responses((status = 201, body = ReservationJson),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`too_long`"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_eligible`, `booking_restricted`, `terms_not_accepted`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`: no such slot"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`slot_full`, `daily_limit`, `cutoff_passed`, `outside_horizon`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn create(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<ReservationRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    check_text("topic", &r.topic, 400)?;
    check_text("verify_name", &r.verify_name, 60)?;
    check_text("verify_number", &r.verify_number, 20)?;
    check_text("companion", &r.companion, 200)?;
    let details = Details {
        topic: r.topic,
        verify_name: r.verify_name,
        verify_number: r.verify_number,
        companion: r.companion,
    };
    let row = booking::book_row_on(&state.db, state.clock.as_ref(), &state.site, user, r.slot_id, &details).await?;
    Ok((StatusCode::CREATED, Json(reservation_json(row))).into_response())
}

/// The signed-in user's reservations, newest first.
#[utoipa::path(get, path = "/api/v1/reservations", tag = "consultations", security(("session" = [])),
    responses((status = 200, body = [ReservationJson])))]
pub async fn list(State(state): State<AppState>, visitor: Visitor) -> Result<Json<Vec<ReservationJson>>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let rows = store::for_user(&state.db, user).await.map_err(AppError::from)?;
    Ok(Json(rows.into_iter().map(reservation_json).collect()))
}

/// One reservation; someone else's is `404`.
#[utoipa::path(get, path = "/api/v1/reservations/{id}", tag = "consultations", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = ReservationJson),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`")))]
pub async fn one(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<ReservationJson>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = reservation_id(&id)?;
    Ok(Json(reservation_json(booking::own(&state.db, user, id).await?)))
}

/// Cancels until the start time (BK-10). The reservation stays, as `cancelled_by_user`.
#[utoipa::path(post, path = "/api/v1/reservations/{id}/cancel", tag = "consultations", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = ReservationJson),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`already_cancelled`, `cutoff_passed`")))]
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<ReservationJson>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = reservation_id(&id)?;
    booking::cancel_own_on(&state.db, state.clock.as_ref(), &state.site, user, id).await?;
    Ok(Json(reservation_json(booking::own(&state.db, user, id).await?)))
}

/// BK-17: the free slot to move to.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RescheduleRequest {
    /// A free slot at the same office (`GET /api/v1/offices/{code}/slots`).
    pub slot_id: i64,
}

/// Moves the reservation to another free slot of the same office until its cut-off
/// (BK-17, N12-2-4), in one transaction; every booking rule applies to the new time as if
/// the old booking were gone. The reservation keeps its id; the person gets a "changed"
/// mail whose calendar file keeps the UID with a higher SEQUENCE.
#[utoipa::path(post, path = "/api/v1/reservations/{id}/reschedule", tag = "consultations",
    params(("id" = i64, Path)), request_body = RescheduleRequest, security(("session" = [])),
    responses((status = 200, body = ReservationJson, description = "The moved reservation"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_eligible`, `booking_restricted`, `terms_not_accepted`"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such reservation of yours, or no such slot"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`slot_full`, `daily_limit`, `cutoff_passed`, `outside_horizon`, `already_cancelled`, \
                        `other_office`, `same_slot`, `closed_day`, `request_only`")))]
pub async fn reschedule(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    json: Result<Json<RescheduleRequest>, JsonRejection>,
) -> Result<Json<ReservationJson>, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = reservation_id(&id)?;
    let r = body(json)?;
    let moved = madoguchi_app::consultations::reschedule::reschedule(
        &state.db,
        state.clock.as_ref(),
        Some(&state.site),
        user,
        id,
        r.slot_id,
    )
    .await?;
    Ok(Json(reservation_json(moved)))
}

/// BK-7: a request with up to three preferred times.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RequestBody {
    /// Five-digit office code.
    pub office: String,
    /// One to three start times, RFC 3339 (e.g. `2027-01-04T10:00:00+09:00`).
    #[schema(value_type = Vec<String>, min_items = 1, max_items = 3)]
    pub preferences: Vec<DateTime<FixedOffset>>,
    #[serde(default)]
    #[schema(max_length = 400)]
    pub topic: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestCreated {
    pub id: i64,
    /// `open` until staff schedule or decline it.
    pub state: &'static str,
}

/// Sends a reservation request to an office in request mode (BK-7); staff schedule it.
#[utoipa::path(post, path = "/api/v1/reservation-requests", tag = "consultations", request_body = RequestBody,
    security(("session" = [])),
    responses((status = 201, body = RequestCreated),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`invalid_office_code`; `invalid_input` or `invalid_characters` with each field's problem \
                        in `errors` (`preferences`: `one_to_three`, `cutoff_passed`, `closed_day`, …; `topic`)"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`not_eligible`, `booking_restricted`, `terms_not_accepted`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`: no such office"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`direct_booking`")))]
pub async fn create_request(
    State(state): State<AppState>,
    visitor: Visitor,
    json: Result<Json<RequestBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let r = body(json)?;
    let prefs: Vec<DateTime<Utc>> = r.preferences.iter().map(|p| p.with_timezone(&Utc)).collect();
    let id = madoguchi_app::consultations::requests::request(
        &state.db,
        state.clock.as_ref(),
        user,
        &r.office,
        &prefs,
        &r.topic,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(RequestCreated { id, state: "open" })).into_response())
}
