//! The counsellor's day page (BK-8…BK-16): a date's consultations at the office, one card
//! each with the action the moment calls for. A POST answers on the same page, next to the
//! consultation it concerns. Viewing is audited per person by the use case (PV-4).

pub mod live;
mod rows;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use madoguchi_app::AppError;
use madoguchi_app::consultations::{booking, schedule};
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::schedule::MeetingDetails;

use crate::AppState;
use crate::http::forms::{describe_offences, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use rows::{Card, Outcome};

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/day.html")]
struct DayPage {
    page: Page,
    csrf: String,
    date: String,
    heading: String,
    is_today: bool,
    prev: String,
    next: String,
    /// An answer about a consultation that is not on this date's list.
    stray: Option<Outcome>,
    cards: Vec<Card>,
    /// MT-3: some card has a built-in room, so the page keeps their state live.
    rooms: bool,
    /// Free slots of the office for the next 30 days: (slot id, label).
    free: Vec<(i64, String)>,
}

#[derive(serde::Deserialize)]
pub struct DayQuery {
    /// `YYYY-MM-DD`; today when absent or not a date.
    date: Option<String>,
}

async fn render_day(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    date: Option<NaiveDate>,
    outcome: Option<Outcome>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let today = state.clock.today_jst();
    let day = date.unwrap_or(today);
    let rows = schedule::day(&state.db, state.clock.as_ref(), &me, day)
        .await
        .map_err(|e| PageError(lang, e))?;
    let now = state.clock.now();
    let mut outcome = outcome;
    let cards: Vec<Card> = rows
        .into_iter()
        .map(|r| {
            let mine = outcome.take_if(|o| o.id == r.id);
            rows::card(lang, r, now, mine)
        })
        .collect();
    // MT-3: what each built-in room last recorded, as of this page (`live` keeps it current).
    let mut cards = cards;
    if cards.iter().any(|c| c.room) {
        let live = madoguchi_app::room::live::on_day(&state.db, &me, day)
            .await
            .map_err(|e| PageError(lang, e))?;
        for c in &mut cards {
            if let Some((_, kind)) = live.iter().find(|(id, _)| *id == c.id) {
                c.room_live = lang.t(&format!("room-live-{kind}"));
            }
        }
    }
    // MT-2: Zoom meetings the job gave up on, to be made by hand.
    let by_hand =
        madoguchi_store::zoom::meetings::given_up_on_day(&state.db, me.office.as_deref().unwrap_or_default(), day)
            .await
            .map_err(|e| PageError(lang, e.into()))?;
    for c in &mut cards {
        c.zoom_by_hand = by_hand.contains(&c.id);
    }
    let free = if cards.iter().any(|c| c.book_next) {
        next_free_slots(state, lang, me.office.as_deref().unwrap_or_default())
            .await
            .map_err(|e| PageError(lang, e))?
    } else {
        Vec::new()
    };
    let view = DayPage {
        page: Page::new(lang, "/staff/day", &[("date", day.to_string())]),
        csrf,
        date: day.to_string(),
        heading: lang.t_args("day-heading", &[("date", lang.date(day))]),
        is_today: day == today,
        prev: day.pred_opt().unwrap_or(day).to_string(),
        next: day.succ_opt().unwrap_or(day).to_string(),
        stray: outcome,
        rooms: cards.iter().any(|c| c.room),
        cards,
        free,
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

/// `GET /staff/day?date=YYYY-MM-DD` (today when absent or not a date)
pub async fn day(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<DayQuery>,
) -> Result<Response, PageError> {
    let date = q.date.as_deref().and_then(madoguchi_domain::dates::parse_date);
    render_day(&state, &visitor, lang, date, None).await
}

/// `POST /staff/reservations/{id}/{action}`: `meeting`, `book-next` or a change of state.
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
    let not_found = |what: &str| PageError(lang, AppError::NotFound { what: what.into() });
    let id: i64 = id.parse().map_err(|_| not_found("reservation"))?;
    let mut outcome = Outcome {
        id,
        action: action.clone(),
        note: field_value(&fields, "note"),
        confirmed: field_value(&fields, "confirm") == "yes",
        ..Outcome::default()
    };
    let clock = state.clock.as_ref();
    let result = match action.as_str() {
        "book-next" => {
            let slot: i64 = field_value(&fields, "slot_id").parse().unwrap_or(-1);
            booking::book_next_for(&state.db, clock, &me, id, slot)
                .await
                .map(|_| "day-booked-next")
        }
        "meeting" => {
            let details = MeetingDetails {
                app: String::new(),
                meeting_id: field_value(&fields, "meeting_id").trim().to_owned(),
                passkey: field_value(&fields, "passkey").trim().to_owned(),
                join_url: field_value(&fields, "join_url").trim().to_owned(),
            };
            outcome.meeting = Some(details.clone());
            schedule::set_meeting(&state.db, clock, &me, id, &details)
                .await
                .map(|()| "day-meeting-saved")
        }
        other => {
            let change = rows::change_of(other, outcome.note.clone()).ok_or_else(|| not_found("action"))?;
            if rows::asks_first(other) && field_value(&fields, "confirm") != "yes" {
                Err(AppError::invalid("confirm", "confirm", "tick the box to confirm"))
            } else {
                schedule::record(&state.db, clock, &me, id, &change)
                    .await
                    .map(|()| "day-saved")
            }
        }
    };
    match result {
        Ok(key) => outcome.message = lang.t(key),
        Err(e) => {
            outcome.refused = true;
            outcome.note_error = note_problem(lang, &e);
            outcome.message = refusal(lang, &action, &e).ok_or(PageError(lang, e))?;
            if action == "meeting" {
                outcome.meeting_error = std::mem::take(&mut outcome.message);
                outcome.message = lang.t("day-meeting-refused");
            }
        }
    }
    let date = madoguchi_domain::dates::parse_date(&field_value(&fields, "date"));
    render_day(&state, &visitor, lang, date, Some(outcome)).await
}

/// A refusal in the person's words, naming the field it concerns; `None` for errors that
/// are not about what was asked (not found, another office, the database).
fn refusal(lang: Lang, action: &str, e: &AppError) -> Option<String> {
    let words = words(lang, e.specific_code());
    let label = |field: &str| match field {
        "join_url" => "meeting-url",
        "channel" => "day-channel",
        _ if action == "book-next" => "day-next",
        _ => "day-reason",
    };
    let named = |field: &str, problem: String| {
        lang.t_args(
            "day-field-problem",
            &[("field", lang.t(label(field))), ("problem", problem)],
        )
    };
    Some(match e {
        AppError::Refused { .. } => words,
        // AC-4: the note's characters N10 lacks, each with its position, under its label.
        AppError::InvalidCharacters { fields } => fields
            .iter()
            .map(|(field, offences)| named(field, describe_offences(lang, offences).join(" ")))
            .collect::<Vec<_>>()
            .join(" "),
        AppError::InvalidInput { field, .. } if field == "confirm" => lang.t("day-confirm-missing"),
        AppError::InvalidInput { field, .. } => named(field, words),
        _ => return None,
    })
}

/// What is wrong with an action's note (channel or reason), drawn at that field; "" when the
/// refusal is about something else.
fn note_problem(lang: Lang, e: &AppError) -> String {
    match e {
        AppError::InvalidInput { field, code, .. } if field == "reason" || field == "channel" => words(lang, code),
        AppError::InvalidCharacters { fields } => fields
            .iter()
            .flat_map(|(_, offences)| describe_offences(lang, offences))
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// The booking rule's words, else the field problem's, else a plain refusal: never a code.
fn words(lang: Lang, code: &str) -> String {
    [format!("refused-{code}"), format!("problem-{code}")]
        .into_iter()
        .map(|id| (lang.t(&id), id))
        .find(|(text, id)| text != id)
        .map_or_else(|| lang.t("day-refused"), |(text, _)| text)
}
