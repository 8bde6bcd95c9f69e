//! `GET /api/v1/reservations/{id}/calendar.ics` (rule NO-4): the person's own reservation
//! as a calendar file, with the UID and SEQUENCE its mail carried; someone else's is 404.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::api::NOT_SIGNED_IN;
use crate::api::booking::reservation_id;
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

/// The reservation as an iCalendar file (RFC 5545): `METHOD:PUBLISH` with reminders a day
/// and 30 minutes before, or `METHOD:CANCEL` once cancelled. No meeting secrets (BK-9).
#[utoipa::path(get, path = "/api/v1/reservations/{id}/calendar.ics", tag = "consultations",
    operation_id = "reservation_calendar",
    params(("id" = i64, Path)), security(("session" = [])),
    responses((status = 200, content_type = "text/calendar", body = String,
         description = "The calendar file, as a download"),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: no such reservation of yours")))]
pub async fn calendar(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let user = visitor.user_ref().ok_or(NOT_SIGNED_IN)?;
    let id = reservation_id(&id)?;
    let ics = madoguchi_app::consultations::tell::calendar_file(&state.db, state.clock.as_ref(), &state.site, user, id)
        .await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"consultation-{id}.ics\""),
            ),
        ],
        ics,
    )
        .into_response())
}
