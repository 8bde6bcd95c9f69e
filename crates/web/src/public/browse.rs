//! The public pages: the top page (start here), and one office's page with its calendar
//! and 管轄.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Days, NaiveDate, NaiveTime, Weekday};
use madoguchi_app::offices;
use madoguchi_app::translations::Of;
use madoguchi_domain::calendar::{DayStatus, OpenHours};
use serde::Deserialize;

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::translated::{self, Text};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

const CALENDAR_DAYS: u32 = 60;

#[derive(Template)]
#[template(path = "public/index.html")]
struct IndexPage {
    page: Page,
    /// Where "book a consultation" leads: the person's own office's week, else the finder.
    book_href: String,
    /// The signed-in person's office, if known: (code, name).
    home: Option<(String, String)>,
    offices: usize,
    /// NT-1: what is published now, planned maintenance with its window.
    notices: Vec<crate::public::notices::Shown>,
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub fn hours_label(lang: Lang, h: &OpenHours) -> String {
    lang.t_args("hours-range", &[("opens", hhmm(h.opens)), ("closes", hhmm(h.closes))])
}

fn closed_hours_label(lang: Lang, h: Option<madoguchi_domain::calendar::ClosedHours>) -> String {
    h.map(|h| lang.t_args("hours-range", &[("opens", hhmm(h.from)), ("closes", hhmm(h.until))]))
        .unwrap_or_default()
}

/// `GET /`: start here (issue 13, item 1): what this is and what is needed, the two ways
/// in (a consultation, a seminar), finding one's office by postal code, and the notices.
pub async fn index(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let fail = |e| PageError(lang, e);
    let page = Page::new(lang, "/", &[]);
    let home = match visitor.user_ref() {
        Some(user) => madoguchi_app::offices::areas::home_office(&state.db, user)
            .await
            .map_err(fail)?
            .map(|(o, _)| (o.code.to_string(), page.pick(&o.name_ja, &o.name_en).to_owned())),
        None => None,
    };
    let rows = madoguchi_app::notices::current(&state.db, state.clock.as_ref())
        .await
        .map_err(fail)?;
    let texts = crate::public::notices::texts(&state, &rows).await.map_err(fail)?;
    let notices = rows
        .iter()
        .map(|n| crate::public::notices::shown(lang, n, &texts))
        .collect();
    let view = IndexPage {
        book_href: home
            .as_ref()
            .map_or_else(|| "/offices".to_owned(), |(code, _)| format!("/offices/{code}/book")),
        home,
        offices: offices::list(&state.db).await.map_err(fail)?.len(),
        page,
        notices,
    };
    Ok(render(&view, StatusCode::OK))
}

struct DayRow {
    iso: String,
    label: String,
    open: bool,
    detail: String,
}

#[derive(Template)]
#[template(path = "public/office.html")]
struct OfficePage {
    page: Page,
    code: String,
    name: String,
    /// In the reader's language, or the Japanese marked (issue 16, item 3).
    address: Text,
    phone: String,
    weekly: Vec<(String, String)>,
    range_label: String,
    prev_href: String,
    next_href: String,
    days: Vec<DayRow>,
    /// BK-7: the office takes requests (up to three preferred times) instead of bookings.
    takes_requests: bool,
    /// Its 管轄: the municipalities it serves (issue 13, item 1).
    served: Vec<String>,
    /// Signed in: the CSRF token for "keep as my office"; whether it is already theirs.
    csrf: String,
    home: bool,
}

#[derive(Debug, Deserialize)]
pub struct OfficeQuery {
    from: Option<String>,
}

/// `GET /offices/{code}?from=YYYY-MM-DD`: 60 days of open and closed days, with reasons.
pub async fn office(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(code): Path<String>,
    Query(q): Query<OfficeQuery>,
    lang: Lang,
) -> Result<Response, PageError> {
    let from = match q.from.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(crate::http::forms::parse_date("from", s).map_err(|e| PageError(lang, e))?),
    };
    let view = offices::days(&state.db, state.clock.as_ref(), &code, from, CALENDAR_DAYS)
        .await
        .map_err(|e| PageError(lang, e))?;
    let first = view
        .days
        .first()
        .map(|(d, _)| *d)
        .unwrap_or_else(|| state.clock.today_jst());
    let last = view.days.last().map(|(d, _)| *d).unwrap_or(first);
    let query = q.from.map(|f| vec![("from", f)]).unwrap_or_default();
    let page = Page::new(lang, &format!("/offices/{}", view.office.code), &query);
    let shift = |d: NaiveDate, forward: bool| {
        let days = Days::new(u64::from(CALENDAR_DAYS));
        let to = if forward {
            d.checked_add_days(days)
        } else {
            d.checked_sub_days(days)
        };
        format!("/offices/{}?from={}#calendar", view.office.code, to.unwrap_or(d))
    };
    let weekly = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .map(|w| {
        let hours = view
            .office
            .hours
            .on(w)
            .map_or_else(|| lang.t("closed-weekday"), |h| hours_label(lang, &h));
        (lang.weekday_long(w), hours)
    })
    .collect();
    let days = view
        .days
        .iter()
        .map(|(d, status)| match status {
            DayStatus::Open(h) => DayRow {
                iso: d.to_string(),
                label: lang.date(*d),
                open: true,
                detail: match view.part_closures.iter().find(|c| c.date == *d) {
                    // TM-3: open, but not in the hours the office closed.
                    Some(c) => format!(
                        "{} {}",
                        hours_label(lang, h),
                        lang.t_args(
                            "closure-hours-note",
                            &[
                                ("hours", closed_hours_label(lang, c.hours)),
                                ("reason", c.reason.clone())
                            ]
                        )
                    ),
                    None => hours_label(lang, h),
                },
            },
            DayStatus::Closed(c) => DayRow {
                iso: d.to_string(),
                label: lang.date(*d),
                open: false,
                detail: page.closure_name(c),
            },
        })
        .collect();
    let takes_requests = madoguchi_app::consultations::requests::takes_requests(&state.db, view.office.code.as_str())
        .await
        .map_err(|e| PageError(lang, e))?;
    let served = madoguchi_app::offices::areas::served_by(&state.db, &view.office)
        .await
        .map_err(|e| PageError(lang, e))?;
    let (csrf, home) = match visitor.signed_in() {
        Some((user, csrf)) => {
            let home = madoguchi_app::offices::areas::home_office(&state.db, user)
                .await
                .map_err(|e| PageError(lang, e))?;
            (
                csrf,
                home.is_some_and(|(o, chosen)| chosen && o.code == view.office.code),
            )
        }
        None => (String::new(), false),
    };
    let texts = translated::read(&state.db, Of::Office, [view.office.code.to_string()])
        .await
        .map_err(|e| PageError(lang, e))?;
    let (name, address) = translated::office(lang, &texts, &view.office);
    let out = OfficePage {
        served,
        csrf,
        home,
        takes_requests,
        code: view.office.code.to_string(),
        name,
        address,
        phone: view.office.phone.clone(),
        weekly,
        range_label: lang.t_args("range", &[("from", lang.date(first)), ("to", lang.date(last))]),
        prev_href: shift(first, false),
        next_href: shift(first, true),
        days,
        page,
    };
    Ok(render(&out, StatusCode::OK))
}
