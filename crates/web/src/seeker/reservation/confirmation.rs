//! One reservation on My Page: the booking confirmation (also drawn right after the booking
//! and after a move, BK-17) says what, when (Japan time with the weekday), where (office and
//! app), how the meeting details come (BK-9), how to prepare (BK-14), and offers the
//! calendar file (NO-4), the change of time and the cancellation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::consultations::{booking, reschedule};
use madoguchi_app::{AppError, offices};
use madoguchi_domain::clock::jst;

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

/// What just happened, for the heading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Nothing,
    Booked,
    Moved,
}

#[derive(Template)]
#[template(path = "seeker/reservation/show.html")]
struct ReservationPage {
    page: Page,
    csrf: String,
    heading: String,
    /// A `role=status` line after a booking or a move.
    status: String,
    id: i64,
    /// The start (JST, with the weekday) to the end.
    when: String,
    office: String,
    app: String,
    state: String,
    confirmed: bool,
    movable: bool,
    cancellable: bool,
    /// BK-17: the times it was moved from, oldest first.
    moved_from: Vec<String>,
}

/// A reservation id from the path; anything else is "not found", like someone else's.
pub(crate) fn reservation_id(lang: Lang, s: &str) -> Result<i64, PageError> {
    s.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "reservation".into(),
            },
        )
    })
}

/// The page for the person's reservation `id`, after `done`.
pub(crate) async fn page(
    state: &AppState,
    lang: Lang,
    user: i64,
    csrf: String,
    id: i64,
    done: Done,
    status: StatusCode,
) -> Result<Response, PageError> {
    let fail = |e: AppError| PageError(lang, e);
    let r = booking::own(&state.db, user, id).await.map_err(fail)?;
    let office = offices::get(&state.db, &r.office_code).await.map_err(fail)?;
    let policy = offices::booking_policy(&state.db, &r.office_code).await.map_err(fail)?;
    let now = state.clock.now();
    let st = madoguchi_domain::booking::State::parse(&r.state);
    let moved_from = madoguchi_store::consultations::moves::moves(&state.db, id)
        .await
        .map_err(|e| fail(e.into()))?
        .into_iter()
        .map(|(_, _, was)| lang.date_time(was))
        .collect();
    let (heading, line) = match done {
        Done::Booked => ("booked-title", "reservation-booked-status"),
        Done::Moved => ("reservation-moved-title", "reservation-moved-status"),
        Done::Nothing => ("reservation-title", ""),
    };
    let view = ReservationPage {
        page: Page::new(lang, &format!("/me/reservations/{id}"), &[]),
        csrf,
        heading: lang.t(heading),
        status: if line.is_empty() { String::new() } else { lang.t(line) },
        id,
        when: lang.t_args(
            "reservation-when-range",
            &[
                ("start", lang.date_time(r.starts_at)),
                ("end", r.ends_at.with_timezone(&jst()).format("%H:%M").to_string()),
            ],
        ),
        office: lang.pick(&office.name_ja, &office.name_en).to_owned(),
        app: lang.t(&format!("app-{}", r.app)),
        state: lang.t(&format!("state-{}", r.state)),
        confirmed: r.state == "confirmed",
        movable: reschedule::may_move(&r, now, policy),
        cancellable: st.is_some_and(|s| madoguchi_domain::booking::user_may_cancel(s, r.starts_at, now)),
        moved_from,
    };
    Ok(render(&view, status))
}

/// `GET /me/reservations/{id}`
pub async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = reservation_id(lang, &id)?;
    page(&state, lang, user, csrf, id, Done::Nothing, StatusCode::OK).await
}
