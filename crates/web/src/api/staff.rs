//! `/api/v1/staff/…`: the counsellor's day and what staff record, for office systems.
//! Staff sign in through the console (TOTP); the session cookie authorises these calls.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use chrono::{DateTime, FixedOffset};
use madoguchi_app::AppError;
use madoguchi_app::consultations::schedule::{self, Change};
use madoguchi_domain::clock::jst;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::member;
use crate::api::{body, date_param};
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScheduleQuery {
    /// `YYYY-MM-DD` (default today, JST).
    #[param(required = false, value_type = String, format = Date)]
    date: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleEntry {
    pub id: i64,
    #[schema(value_type = String)]
    pub start: DateTime<FixedOffset>,
    pub state: String,
    pub app: String,
    pub verify_name: String,
    pub verify_number: String,
    pub companion: String,
    pub topic: String,
    pub joined: bool,
    pub checklist_confirmed: bool,
}

/// The office's reservations on a day (audited per person, PV-4).
#[utoipa::path(get, path = "/api/v1/staff/schedule", tag = "staff", params(ScheduleQuery),
    security(("session" = [])),
    responses((status = 200, body = [ScheduleEntry]),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`invalid_date`"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`forbidden`: a staff member without an office")))]
pub async fn schedule_day(
    State(state): State<AppState>,
    visitor: Visitor,
    query: Result<Query<ScheduleQuery>, QueryRejection>,
) -> Result<Json<Vec<ScheduleEntry>>, ApiError> {
    let me = member(&state, &visitor).await?;
    let Query(q) = query.map_err(|e| AppError::invalid("invalid_query", "query", e.body_text()))?;
    let day = date_param("date", q.date.as_deref())?.unwrap_or_else(|| state.clock.today_jst());
    let rows = schedule::day(&state.db, state.clock.as_ref(), &me, day).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| ScheduleEntry {
                id: r.id,
                start: r.starts_at.with_timezone(&jst()),
                state: r.state,
                app: r.app,
                verify_name: r.verify_name,
                verify_number: r.verify_number,
                companion: r.companion,
                topic: r.topic,
                joined: r.joined_at.is_some(),
                checklist_confirmed: r.checklist_at.is_some(),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ChangeRequest {
    /// The channel (phone cancellation) or the reason (corrected no-show, ending early).
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Recorded {
    pub recorded: bool,
}

/// What staff record on a reservation; the path's last segment.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StaffAction {
    Joined,
    Attended,
    PhoneCancel,
    CorrectNoShow,
    EndEarly,
    OfficeCancel,
}

impl StaffAction {
    /// The segment as the document spells it (serde's names), or `None`.
    fn parse(segment: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(segment.to_owned())).ok()
    }
}

/// Records `joined`, `attended`, `phone-cancel` (the note is the channel), `correct-no-show`,
/// `end-early` or `office-cancel` (the note is the reason) (BK-10, BK-11, BK-13, BK-16) on a
/// reservation of the staff member's office.
#[utoipa::path(post, path = "/api/v1/staff/reservations/{id}/{action}", tag = "staff",
    params(("id" = i64, Path), ("action" = inline(StaffAction), Path)), request_body = ChangeRequest,
    security(("session" = [])),
    responses((status = 200, body = Recorded),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`required`: the note"),
        (status = 403, body = Problem, content_type = "application/problem+json",
         description = "`forbidden`: a staff member without an office"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such reservation at the staff member's office, or no such action"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`invalid_state`"),
        (status = 422, body = Problem, content_type = "application/problem+json",
         description = "`invalid_characters` (N10), each offending character in `errors`")))]
pub async fn record(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((id, action)): Path<(String, String)>,
    json: Result<Json<ChangeRequest>, JsonRejection>,
) -> Result<Json<Recorded>, ApiError> {
    let me = member(&state, &visitor).await?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound {
        what: "reservation".into(),
    })?;
    let note = body(json)?.note;
    let Some(action) = StaffAction::parse(&action) else {
        return Err(AppError::NotFound {
            what: format!("action {action}"),
        }
        .into());
    };
    let change = match action {
        StaffAction::Joined => Change::Joined,
        StaffAction::Attended => Change::Attended,
        StaffAction::PhoneCancel => Change::CancelledByPhone { channel: note },
        StaffAction::CorrectNoShow => Change::CorrectNoShow { reason: note },
        StaffAction::EndEarly => Change::EndEarly { reason: note },
        StaffAction::OfficeCancel => Change::CancelByOffice { reason: note },
    };
    schedule::record(&state.db, state.clock.as_ref(), &me, id, &change).await?;
    Ok(Json(Recorded { recorded: true }))
}
