//! The counsellor's day page: the office's reservations for a date and what staff record
//! about them (BK-9, BK-10, BK-11, BK-13, BK-16).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::consultations::schedule::{self, Change};
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::schedule::MeetingDetails;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

pub struct Row {
    id: i64,
    time: String,
    state: String,
    verify_name: String,
    verify_number: String,
    companion: String,
    topic: String,
    joined: String,
    checklist: String,
    confirmed: bool,
    /// BK-8: the counsellor can book the next consultation from this one.
    can_book_next: bool,
    /// (action, button label, label of the note it needs or "")
    actions: Vec<(&'static str, String, String)>,
}

#[derive(Template)]
#[template(path = "staff/day.html")]
struct DayPage {
    page: Page,
    csrf: String,
    date: String,
    message: String,
    rows: Vec<Row>,
    /// Free slots of the office for the next 30 days: (slot id, label).
    free: Vec<(i64, String)>,
}

#[derive(serde::Deserialize)]
pub struct DayQuery {
    date: Option<String>,
}

async fn render_day(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    date: Option<&str>,
    message: String,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let day = date
        .and_then(madoguchi_domain::dates::parse_date)
        .unwrap_or_else(|| state.clock.today_jst());
    let rows = schedule::day(&state.db, state.clock.as_ref(), &me, day)
        .await
        .map_err(|e| PageError(lang, e))?;
    let rows = rows
        .into_iter()
        .map(|r| {
            let action = |a: &'static str, note: &str| (a, lang.t(&format!("day-action-{a}")), note.to_owned());
            let actions = match r.state.as_str() {
                "confirmed" if r.joined_at.is_none() => vec![
                    action("joined", ""),
                    action("attended", ""),
                    action("phone-cancel", &lang.t("day-channel")),
                    action("end-early", &lang.t("day-reason")),
                    action("office-cancel", &lang.t("day-reason")),
                ],
                "confirmed" => vec![action("attended", ""), action("end-early", &lang.t("day-reason"))],
                "requested" => vec![action("phone-cancel", &lang.t("day-channel"))],
                "no_show" => vec![action("correct-no-show", &lang.t("day-reason"))],
                "attended" => vec![action("end-early", &lang.t("day-reason"))],
                _ => Vec::new(),
            };
            Row {
                can_book_next: matches!(r.state.as_str(), "confirmed" | "attended"),
                id: r.id,
                time: r.starts_at.with_timezone(&jst()).format("%H:%M").to_string(),
                state: lang.t(&format!("state-{}", r.state)),
                confirmed: r.state == "confirmed",
                verify_name: r.verify_name,
                verify_number: r.verify_number,
                companion: r.companion,
                topic: r.topic,
                joined: r
                    .joined_at
                    .map(|t| t.with_timezone(&jst()).format("%H:%M").to_string())
                    .unwrap_or_default(),
                checklist: if r.checklist_at.is_some() {
                    lang.t("checklist-done")
                } else {
                    String::new()
                },
                actions,
            }
        })
        .collect();
    let free = next_free_slots(state, lang, me.office.as_deref().unwrap_or_default())
        .await
        .map_err(|e| PageError(lang, e))?;
    let view = DayPage {
        free,
        page: Page::new(lang, "/staff/day", &[]),
        csrf,
        date: day.to_string(),
        message,
        rows,
    };
    Ok(render(&view, StatusCode::OK))
}

/// Up to 40 free slots at the office from tomorrow for 30 days, for on-the-spot booking.
pub(crate) async fn next_free_slots(
    state: &AppState,
    lang: Lang,
    office: &str,
) -> Result<Vec<(i64, String)>, AppError> {
    use chrono::TimeZone;
    let tomorrow = state.clock.today_jst().succ_opt().unwrap_or_default();
    let from = jst()
        .from_local_datetime(&tomorrow.and_hms_opt(0, 0, 0).unwrap_or_default())
        .single();
    let Some(from) = from.map(|t| t.with_timezone(&chrono::Utc)) else {
        return Ok(Vec::new());
    };
    let slots = madoguchi_store::consultations::reservations::free_slots(
        &state.db,
        office,
        from,
        from + chrono::Duration::days(30),
    )
    .await?;
    Ok(slots
        .into_iter()
        .take(40)
        .map(|s| (s.id, lang.date_time(s.starts_at)))
        .collect())
}

/// `GET /staff/day?date=YYYY-MM-DD`
pub async fn day(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<DayQuery>,
) -> Result<Response, PageError> {
    render_day(&state, &visitor, lang, q.date.as_deref(), String::new()).await
}

/// `POST /staff/reservations/{id}/{action}`
pub async fn act(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((id, action)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, _)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id: i64 = id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "reservation".into(),
            },
        )
    })?;
    let note = field_value(&fields, "note");
    let result = match action.as_str() {
        "book-next" => {
            let slot: i64 = field_value(&fields, "slot_id").parse().unwrap_or(-1);
            madoguchi_app::consultations::booking::book_next_for(&state.db, state.clock.as_ref(), &me, id, slot)
                .await
                .map(|_| ())
        }
        "meeting" => {
            let details = MeetingDetails {
                app: String::new(),
                meeting_id: field_value(&fields, "meeting_id"),
                passkey: field_value(&fields, "passkey"),
                join_url: field_value(&fields, "join_url").trim().to_owned(),
            };
            schedule::set_meeting(&state.db, state.clock.as_ref(), &me, id, &details).await
        }
        other => {
            let change = match other {
                "joined" => Change::Joined,
                "attended" => Change::Attended,
                "phone-cancel" => Change::CancelledByPhone { channel: note },
                "correct-no-show" => Change::CorrectNoShow { reason: note },
                "end-early" => Change::EndEarly { reason: note },
                "office-cancel" => Change::CancelByOffice { reason: note },
                _ => return Err(PageError(lang, AppError::NotFound { what: "action".into() })),
            };
            schedule::record(&state.db, state.clock.as_ref(), &me, id, &change).await
        }
    };
    let message = match result {
        Ok(()) => lang.t("day-saved"),
        Err(
            e @ AppError::Refused {
                code: "slot_full" | "daily_limit" | "cutoff_passed" | "outside_horizon",
                ..
            },
        ) => lang.t(&format!("refused-{}", e.specific_code())),
        Err(e @ (AppError::InvalidInput { .. } | AppError::InvalidCharacters { .. } | AppError::Refused { .. })) => {
            lang.t(&format!("problem-{}", e.specific_code()))
        }
        Err(e) => return Err(PageError(lang, e)),
    };
    let date = field_value(&fields, "date");
    render_day(&state, &visitor, lang, Some(&date), message).await
}
