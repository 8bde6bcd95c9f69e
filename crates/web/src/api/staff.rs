//! `/api/v1/staff/…`: the counsellor's day and what staff record, for office systems.
//! Staff sign in through the console (TOTP); the session cookie authorises these calls.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use chrono::{DateTime, FixedOffset};
use madoguchi_app::AppError;
use madoguchi_app::consultations::schedule::{self, Change};
use madoguchi_domain::clock::jst;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::body;
use crate::api::member;
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ScheduleQuery {
    /// `YYYY-MM-DD` (default today, JST).
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
    responses((status = 200, body = [ScheduleEntry]),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "`not_signed_in`")))]
pub async fn schedule_day(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<ScheduleQuery>,
) -> Result<Json<Vec<ScheduleEntry>>, ApiError> {
    let me = member(&state, &visitor).await?;
    let day = match q.date.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => crate::http::params::parse_date("date", d)?,
        None => state.clock.today_jst(),
    };
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

/// Records `joined`, `attended`, `phone-cancel`, `correct-no-show` or `end-early` (BK-10,
/// BK-11, BK-13, BK-16) on a reservation of the staff member's office.
#[utoipa::path(post, path = "/api/v1/staff/reservations/{id}/{action}", tag = "staff",
    params(("id" = i64, Path), ("action" = String, Path)), request_body = ChangeRequest,
    responses((status = 200, body = Recorded),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`invalid_state`")))]
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
    let change = match action.as_str() {
        "joined" => Change::Joined,
        "attended" => Change::Attended,
        "phone-cancel" => Change::CancelledByPhone { channel: note },
        "correct-no-show" => Change::CorrectNoShow { reason: note },
        "end-early" => Change::EndEarly { reason: note },
        "office-cancel" => Change::CancelByOffice { reason: note },
        _ => {
            return Err(AppError::NotFound {
                what: format!("action {action}"),
            }
            .into());
        }
    };
    schedule::record(&state.db, state.clock.as_ref(), &me, id, &change).await?;
    Ok(Json(Recorded { recorded: true }))
}
