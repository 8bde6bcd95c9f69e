//! The day page's rooms, live (MT-3, BK-11): `GET /staff/day/rooms?date=YYYY-MM-DD` answers
//! what each built-in room of the office last recorded that day, by reservation id, with
//! its words in the reader's language. `assets/day-live.js` asks every 10 seconds and writes
//! the words into each card's `aria-live="polite"` cell; without script the page shows the
//! state as of loading. Office staff only; no personal data, so not audited.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use madoguchi_app::AppError;
use serde::Serialize;

use super::DayQuery;
use crate::AppState;
use crate::http::problem::ApiError;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

#[derive(Serialize)]
pub struct RoomState {
    /// The reservation.
    pub id: i64,
    /// `room_waiting`, `room_joined`, `room_rejoined`, `room_left` or `room_ended`.
    pub state: String,
    /// The state in the reader's words, as the card shows it.
    pub label: String,
}

#[derive(Serialize)]
pub struct DayRooms {
    pub date: String,
    pub rooms: Vec<RoomState>,
}

/// `GET /staff/day/rooms?date=YYYY-MM-DD` (today when absent or not a date)
pub async fn rooms(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<DayQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let Some((me, _)) = visitor.staff_member(&state).await? else {
        return Err(AppError::Unauthorized {
            code: "not_signed_in",
            message: "sign in as office staff",
        }
        .into());
    };
    let day = q
        .date
        .as_deref()
        .and_then(madoguchi_domain::dates::parse_date)
        .unwrap_or_else(|| state.clock.today_jst());
    let rooms = madoguchi_app::room::live::on_day(&state.db, &me, day)
        .await?
        .into_iter()
        .map(|(id, kind)| RoomState {
            id,
            label: lang.t(&format!("room-live-{kind}")),
            state: kind,
        })
        .collect();
    let body = DayRooms {
        date: day.to_string(),
        rooms,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(body)))
}
