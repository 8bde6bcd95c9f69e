//! Seminars and company tours without JavaScript (rules SE-1…SE-4): the list with its
//! filters, one seminar with its seats and waiting list, registering, cancelling.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, offices, seminars};
use madoguchi_store::seminars::{self as store, Registered, SeminarRow};

use crate::AppState;
use crate::http::forms::parse_date;
use crate::http::forms::{Notice, field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use chrono::TimeZone;
use chrono::{DateTime, NaiveDate, Utc};
use madoguchi_app::translations::{Of, Texts};
use madoguchi_domain::clock::jst;
use madoguchi_store::seminars::Filter;

use crate::http::translated::{self, Text};

type Fields = std::collections::HashMap<String, String>;

/// A seminar as listed: (id, kind label, title, office name, time, seats or waiting list);
/// the title in the reader's language or the Japanese marked (issue 16, item 3).
type Item = (i64, String, Text, String, String, String);

#[derive(Template)]
#[template(path = "public/seminars.html")]
struct ListPage {
    page: Page,
    office: String,
    from: String,
    q: String,
    offices: Vec<(String, String)>,
    items: Vec<Item>,
    /// The signed-in user's live registrations: (seminar id, title, state label).
    mine: Vec<(i64, String, String)>,
}

async fn office_names(state: &AppState, lang: Lang) -> Result<Vec<(String, String)>, AppError> {
    let p = Page::new(lang, "/", &[]);
    Ok(offices::list(&state.db)
        .await?
        .into_iter()
        .map(|o| (o.code.to_string(), p.pick(&o.name_ja, &o.name_en).to_owned()))
        .collect())
}

fn item(lang: Lang, names: &[(String, String)], texts: &Texts, s: &SeminarRow) -> Item {
    let office = names
        .iter()
        .find(|(c, _)| *c == s.office_code)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    (
        s.id,
        lang.t(&format!("seminar-kind-{}", s.kind)),
        translated::pick(lang, texts, &s.id.to_string(), &s.title, "").0,
        office,
        lang.date_time(s.starts_at),
        availability(lang, s),
    )
}

/// "3 seats left", or "Full · 4 waiting" (SE-3); "Cancelled" or "Not taking registrations
/// for now" (SE-6).
fn availability(lang: Lang, s: &SeminarRow) -> String {
    let left = s.capacity - s.registered;
    if s.status() != "open" {
        lang.t(&format!("seminar-ops-badge-{}", s.status()))
    } else if left > 0 {
        lang.t_args("seminar-remaining", &[("count", left.to_string())])
    } else {
        format!(
            "{} · {}",
            lang.t("seminar-full"),
            lang.t_args("seminar-waiting", &[("count", s.waitlisted.to_string())])
        )
    }
}

/// `GET /seminars?office=&from=&q=`
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let (office, from, kw) = (field_value(&q, "office"), field_value(&q, "from"), field_value(&q, "q"));
    let filter = crate::public::seminars::filter(&state, Some(&office), Some(&from), None, Some(&kw))
        .map_err(|e| PageError(lang, e))?;
    let rows = seminars::attend::list(&state.db, &filter)
        .await
        .map_err(|e| PageError(lang, e))?;
    let names = office_names(&state, lang).await.map_err(|e| PageError(lang, e))?;
    let texts = translated::read(&state.db, Of::Seminar, rows.iter().map(|s| s.id.to_string()))
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut mine = Vec::new();
    if let Some((user, _)) = visitor.signed_in() {
        for (r, s) in seminars::attend::mine(&state.db, user)
            .await
            .map_err(|e| PageError(lang, e))?
        {
            if r.state == "registered" || r.state == "waitlisted" {
                mine.push((s.id, s.title, lang.t(&format!("seminar-state-{}", r.state))));
            }
        }
    }
    let view = ListPage {
        page: Page::new(lang, "/seminars", &[]),
        items: rows.iter().map(|s| item(lang, &names, &texts, s)).collect(),
        offices: names,
        office,
        from,
        q: kw,
        mine,
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "public/seminar.html")]
struct DetailPage {
    page: Page,
    item: Item,
    description: Text,
    app: String,
    recorded: bool,
    closes: String,
    /// Every seat is taken; `waitlist_open` says whether the waiting list still takes names.
    full: bool,
    waitlist_open: bool,
    signed_in: bool,
    csrf: String,
    /// The user's live registration: (id, state label).
    mine: Option<(i64, String)>,
    error: String,
    /// SE-6: `open`, `suspended` or `cancelled`, and the sentence that says so with the reason.
    status: &'static str,
    status_note: String,
    /// What still blocks a registration, with its fix, before the button (issue 13).
    gates: Vec<crate::http::gates::Gate>,
}

/// SE-6: what a cancelled or suspended seminar's page says, with the office's reason.
fn status_note(lang: Lang, s: &SeminarRow) -> String {
    let (sentence, reason) = match s.status() {
        "cancelled" => ("seminar-ops-cancelled", &s.cancel_reason),
        "suspended" => ("seminar-ops-suspended", &s.suspend_reason),
        _ => return String::new(),
    };
    if reason.is_empty() {
        return lang.t(sentence);
    }
    // Japanese runs sentences together; English puts a space between them.
    let gap = lang.sentence_gap();
    let why = lang.t_args("seminar-ops-reason", &[("reason", reason.clone())]);
    format!("{}{gap}{why}", lang.t(sentence))
}

fn seminar_id(lang: Lang, s: &str) -> Result<i64, PageError> {
    s.parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "seminar".into() }))
}

async fn detail(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    id: i64,
    error: String,
    status: StatusCode,
) -> Result<Response, PageError> {
    let s = seminars::attend::get(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let names = office_names(state, lang).await.map_err(|e| PageError(lang, e))?;
    let (session, cookie) = visitor.ensure(state).await.map_err(|e| PageError(lang, e))?;
    let texts = translated::read(&state.db, Of::Seminar, [id.to_string()])
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut mine = None;
    let mut gates = Vec::new();
    if let Some((user, _)) = visitor.signed_in() {
        let path = format!("/seminars/{id}");
        gates = crate::http::gates::gates(state, lang, user, "seminar", &path, Some(&s.office_code))
            .await
            .map_err(|e| PageError(lang, e))?;
        let rows = store::places::for_user(&state.db, user)
            .await
            .map_err(|e| PageError(lang, e.into()))?;
        mine = rows
            .into_iter()
            .find(|r| r.seminar_id == id && (r.state == "registered" || r.state == "waitlisted"))
            .map(|r| (r.id, lang.t(&format!("seminar-state-{}", r.state))));
    }
    let view = DetailPage {
        page: Page::new(lang, &format!("/seminars/{id}"), &[]),
        item: item(lang, &names, &texts, &s),
        description: translated::pick(lang, &texts, &id.to_string(), "", &s.description).1,
        app: lang.t(&format!("app-{}", s.app)),
        recorded: s.recorded_with_consent,
        closes: lang.date_time(s.cutoff_at),
        full: s.registered >= s.capacity,
        waitlist_open: s.waitlisted < s.waitlist_limit,
        signed_in: visitor.signed_in().is_some(),
        csrf: session.csrf,
        mine,
        error,
        status: s.status(),
        status_note: status_note(lang, &s),
        gates,
    };
    Ok(with_cookie(render(&view, status), cookie))
}

/// `GET /seminars/{id}`
pub async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    detail(
        &state,
        &visitor,
        lang,
        seminar_id(lang, &id)?,
        String::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /seminars/{id}/register`
pub async fn register(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first(&format!("/seminars/{id}")));
    };
    let id = seminar_id(lang, &id)?;
    match seminars::attend::register(&state.db, state.clock.as_ref(), user, id).await {
        Ok(outcome) => {
            let (heading, body) = match outcome {
                Registered::Waitlisted(_) => ("seminar-waitlisted-title", "seminar-waitlisted-body"),
                _ => ("seminar-registered-title", "seminar-registered-body"),
            };
            let mut v = Notice::new(lang, &format!("/seminars/{id}"), heading, &[body]);
            v.links = vec![(format!("/seminars/{id}"), lang.t("seminar-back"))];
            let status = if matches!(outcome, Registered::Waitlisted(_)) {
                StatusCode::ACCEPTED
            } else {
                StatusCode::CREATED
            };
            Ok(render(&v, status))
        }
        Err(AppError::Forbidden {
            code: "terms_not_accepted",
            ..
        }) => Ok(Redirect::to(&format!("/terms/seminar?next=/seminars/{id}")).into_response()),
        Err(e @ (AppError::Refused { .. } | AppError::Forbidden { .. } | AppError::Conflict(_))) => {
            let status = crate::http::problem::status_of(e.code());
            let message = crate::http::refusal::message(lang, e.specific_code());
            detail(&state, &visitor, lang, id, message, status).await
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `GET /seminar-registrations/{id}/cancel`: the place to be cancelled, and one button
/// (issue 13, item 6).
pub async fn cancel_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let path = format!("/seminar-registrations/{id}/cancel");
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first(&path));
    };
    let id = seminar_id(lang, &id)?;
    let r = seminars::attend::own(&state.db, user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let s = seminars::attend::get(&state.db, r.seminar_id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let live = (r.state == "registered" || r.state == "waitlisted") && state.clock.now() < s.starts_at;
    let mut v = Notice::new(lang, &path, "seminar-cancel-confirm-title", &[]);
    v.paragraphs = vec![
        format!(
            "{} · {} · {}",
            s.title,
            lang.date_time(s.starts_at),
            lang.t(&format!("seminar-state-{}", r.state))
        ),
        lang.t(if live {
            "seminar-cancel-confirm-body"
        } else {
            "problem-already_cancelled"
        }),
    ];
    if live {
        v.form_action = path;
        v.csrf = csrf;
        v.button = lang.t("cancel-confirm-submit");
        v.button_class = "danger";
    }
    v.links = vec![("/me".into(), lang.t("cancel-keep"))];
    Ok(render(&v, StatusCode::OK))
}

/// `POST /seminar-registrations/{id}/cancel`: cancelled and mailed; the page says so and
/// leads back to My Page (not to the seminar, which may now offer its waiting list).
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first("/me"));
    };
    let id = seminar_id(lang, &id)?;
    let r = seminars::attend::own(&state.db, user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    seminars::attend::cancel_own(&state.db, state.clock.as_ref(), user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut v = Notice::new(lang, "/me", "seminar-cancelled-title", &["seminar-cancelled-body"]);
    v.links = vec![
        ("/me".into(), lang.t("me-title")),
        (format!("/seminars/{}", r.seminar_id), lang.t("seminar-back")),
    ];
    Ok(render(&v, StatusCode::OK))
}

fn start_of(d: NaiveDate) -> Result<DateTime<Utc>, AppError> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| jst().from_local_datetime(&t).single())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::invalid("invalid_range", "to", "that range cannot be shown"))
}

/// The filter from a query string; shared with the seminar pages.
pub(crate) fn filter(
    state: &AppState,
    office: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    q: Option<&str>,
) -> Result<Filter, AppError> {
    let from = match from.filter(|s| !s.is_empty()) {
        Some(s) => parse_date("from", s)?,
        None => state.clock.today_jst(),
    };
    let to = match to.filter(|s| !s.is_empty()) {
        Some(s) => Some(start_of(parse_date("to", s)?.succ_opt().unwrap_or(from))?),
        None => None,
    };
    let keyword = q.map(str::trim).filter(|k| !k.is_empty());
    if keyword.is_some_and(|k| k.chars().count() > 50) {
        return Err(AppError::invalid("too_long", "q", "at most 50 characters"));
    }
    Ok(Filter {
        office: office.map(str::trim).filter(|o| !o.is_empty()).map(str::to_owned),
        from: Some(start_of(from)?),
        to,
        keyword: keyword.map(str::to_owned),
    })
}
