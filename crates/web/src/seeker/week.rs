//! Picking a time (issue 13, item 2): an office's week without JavaScript. On a wide screen
//! the days are columns; on a phone one day shows at a time, with a strip of the week's days
//! and previous/next links (no swiping). Closed and full days say so; times can be filtered
//! by app; every time is a 44×44 px link whose name carries the date, time, app and seats;
//! the next free time is one link at the top. Signed in, what still blocks a booking is
//! shown here, with its fix, before any form (item 6).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, Days, NaiveDate};
use madoguchi_app::consultations::week::{self, DayKind, Time};
use madoguchi_domain::clock::jst;

use crate::AppState;
use crate::http::forms::{field_value, parse_date};
use crate::http::gates::{Gate, gates};
use crate::http::page::{Page, PageError, render, url_component};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One time as drawn: the link, what it shows, and its full accessible name's hidden part.
pub struct TimeItem {
    pub slot_id: i64,
    pub time: String,
    /// App and seats ("Zoom · 1 seat left"), or app and "full".
    pub meta: String,
    pub free: bool,
}

/// One day column (or, on a phone, the one day shown).
pub struct DayColumn {
    pub iso: String,
    pub label: String,
    /// The column's heading: the date without the year (the week's heading has it).
    pub head: String,
    /// The day strip's short form: weekday and day of month.
    pub short: String,
    /// `open`, `full`, `none` (open, no times), `closed` or `outside`.
    pub state: &'static str,
    /// The closure's reason, or the day's hours.
    pub note: String,
    /// What the state says in words (the strip's hidden text, the column's label).
    pub state_label: String,
    pub times: Vec<TimeItem>,
    pub selected: bool,
    pub href: String,
}

#[derive(Template)]
#[template(path = "seeker/week.html")]
struct WeekPage {
    page: Page,
    code: String,
    office: String,
    takes_requests: bool,
    gates: Vec<Gate>,
    week_iso: String,
    range_label: String,
    app: String,
    apps: Vec<(String, String)>,
    next_free: Option<(i64, String)>,
    prev_week: String,
    next_week: String,
    prev_day: String,
    next_day: String,
    days: Vec<DayColumn>,
}

fn app_name(lang: Lang, app: &str) -> String {
    lang.t(&format!("app-{app}"))
}

fn seats(lang: Lang, remaining: i32) -> String {
    lang.t_args("week-seats", &[("count", remaining.to_string())])
}

fn item(lang: Lang, t: &Time) -> TimeItem {
    let local = t.starts_at.with_timezone(&jst());
    let app = app_name(lang, &t.app);
    let (meta, free) = if t.remaining > 0 {
        (format!("{app} · {}", seats(lang, t.remaining)), true)
    } else {
        (format!("{app} · {}", lang.t("week-taken")), false)
    };
    TimeItem {
        slot_id: t.slot_id,
        time: local.format("%H:%M").to_string(),
        meta,
        free,
    }
}

/// `GET /offices/{code}/book?week=YYYY-MM-DD&day=YYYY-MM-DD&app=zoom`
pub async fn week(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(code): Path<String>,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let fail = |e| PageError(lang, e);
    let date = |name: &str| -> Result<Option<NaiveDate>, PageError> {
        let v = field_value(&q, name);
        if v.is_empty() {
            Ok(None)
        } else {
            parse_date(name, &v).map(Some).map_err(fail)
        }
    };
    let (week_day, chosen_day) = (date("week")?, date("day")?);
    let app = field_value(&q, "app");
    let app = app.trim();
    let filter = (!app.is_empty()).then_some(app);
    let w = week::week(&state.db, state.clock.as_ref(), &code, week_day.or(chosen_day), filter)
        .await
        .map_err(fail)?;
    let code = w.office.code.to_string();
    let link = |monday: NaiveDate, day: Option<NaiveDate>| {
        let mut href = format!("/offices/{code}/book?week={monday}");
        if let Some(d) = day {
            href.push_str(&format!("&day={d}"));
        }
        if !app.is_empty() {
            href.push_str(&format!("&app={}", url_component(app)));
        }
        href
    };
    let shift = |d: NaiveDate, days: i64| {
        let step = Days::new(days.unsigned_abs());
        if days < 0 {
            d.checked_sub_days(step)
        } else {
            d.checked_add_days(step)
        }
        .unwrap_or(d)
    };
    let monday_of = |d: NaiveDate| shift(d, -i64::from(d.weekday().num_days_from_monday()));
    // The day a phone shows: the one asked for, else the first with a free time, else the
    // first open day, else Monday.
    let selected = chosen_day
        .filter(|d| w.days.iter().any(|x| x.date == *d))
        .or_else(|| w.days.iter().find(|d| d.free().next().is_some()).map(|d| d.date))
        .or_else(|| {
            w.days
                .iter()
                .find(|d| !matches!(d.kind, DayKind::Closed(_)))
                .map(|d| d.date)
        })
        .unwrap_or(w.monday);
    let page = Page::new(lang, &format!("/offices/{code}/book"), &{
        let mut query = vec![("week", w.monday.to_string())];
        if !app.is_empty() {
            query.push(("app", url_component(app)));
        }
        query
    });
    let days = w
        .days
        .iter()
        .map(|d| {
            let (state_name, note, times) = match &d.kind {
                DayKind::Closed(c) => ("closed", page.closure_name(c), Vec::new()),
                DayKind::NotBookable(h) => ("outside", crate::public::browse::hours_label(lang, h), Vec::new()),
                DayKind::Open(h, times) => {
                    let hours = crate::public::browse::hours_label(lang, h);
                    let state_name = if times.is_empty() {
                        "none"
                    } else if d.full() {
                        "full"
                    } else {
                        "open"
                    };
                    (state_name, hours, times.iter().map(|t| item(lang, t)).collect())
                }
            };
            let free = d.free().count();
            let state_label = match state_name {
                "open" => lang.t_args("week-free-count", &[("count", free.to_string())]),
                other => lang.t(&format!("week-{other}")),
            };
            DayColumn {
                iso: d.date.to_string(),
                label: lang.date(d.date),
                head: lang.t_args(
                    "week-day-head",
                    &[
                        ("month", d.date.month().to_string()),
                        ("monthname", lang.t(&format!("month-{}", d.date.month()))),
                        ("day", d.date.day().to_string()),
                        ("weekday", lang.weekday(d.date.weekday())),
                    ],
                ),
                short: lang.t_args(
                    "week-short-day",
                    &[
                        ("weekday", lang.weekday(d.date.weekday())),
                        ("day", d.date.day().to_string()),
                    ],
                ),
                state: state_name,
                note,
                state_label,
                times,
                selected: d.date == selected,
                href: link(w.monday, Some(d.date)),
            }
        })
        .collect();
    let gates = match visitor.signed_in() {
        Some((user, _)) => gates(
            &state,
            lang,
            user,
            "consultation",
            &page_path(&code, w.monday, app),
            Some(&code),
        )
        .await
        .map_err(fail)?,
        None => Vec::new(),
    };
    let next_free = w.next_free.as_ref().map(|t| {
        let label = lang.t_args(
            "week-next-free",
            &[
                ("when", lang.date_time(t.starts_at)),
                ("app", app_name(lang, &t.app)),
                ("seats", seats(lang, t.remaining)),
            ],
        );
        (t.slot_id, label)
    });
    let (prev_day, next_day) = (shift(selected, -1), shift(selected, 1));
    // Issue 16, item 3: the office's name as translated for this language, if it is.
    let texts = crate::http::translated::read(
        &state.db,
        madoguchi_app::translations::Of::Office,
        [w.office.code.to_string()],
    )
    .await
    .map_err(|e| PageError(lang, e))?;
    let view = WeekPage {
        office: crate::http::translated::office(lang, &texts, &w.office).0,
        takes_requests: w.takes_requests,
        gates,
        week_iso: w.monday.to_string(),
        range_label: lang.t_args(
            "range",
            &[("from", lang.date(w.monday)), ("to", lang.date(shift(w.monday, 6)))],
        ),
        apps: w.apps.iter().map(|a| (a.clone(), app_name(lang, a))).collect(),
        app: app.to_owned(),
        next_free,
        prev_week: if w.earlier {
            link(shift(w.monday, -7), None)
        } else {
            String::new()
        },
        next_week: if w.later {
            link(shift(w.monday, 7), None)
        } else {
            String::new()
        },
        prev_day: if w.earlier || selected > w.monday {
            link(monday_of(prev_day), Some(prev_day))
        } else {
            String::new()
        },
        next_day: if w.later || selected < shift(w.monday, 6) {
            link(monday_of(next_day), Some(next_day))
        } else {
            String::new()
        },
        days,
        code,
        page,
    };
    Ok(render(&view, StatusCode::OK))
}

/// This week's page, for coming back after accepting new terms.
fn page_path(code: &str, monday: NaiveDate, app: &str) -> String {
    if app.is_empty() {
        format!("/offices/{code}/book?week={monday}")
    } else {
        format!("/offices/{code}/book?week={monday}&app={app}")
    }
}
