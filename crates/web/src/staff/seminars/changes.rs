//! The office's changes to a seminar as pages (rule SE-6, S11-1): cancel and move ask first
//! (a confirmation page naming who will be told; "go back" keeps what was typed), suspend and
//! resume do not (nobody loses a place). A refusal draws the form again as typed, the
//! problem at its field. The use cases decide who may (office admins and national admins).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use madoguchi_app::AppError;
use madoguchi_app::seminars::changes::{self, Impact};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::acting;
use crate::staff::seminars::detail;
use crate::staff::seminars::forms::{self as form, number};

type Fields = std::collections::HashMap<String, String>;

/// What a destructive form's post is: the first press (show what will happen), the
/// confirmation, or "go back and change it".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Ask,
    Confirmed,
    Back,
}

pub fn step(f: &Fields) -> Step {
    if f.contains_key("back") {
        Step::Back
    } else if field_value(f, "confirm") == "yes" {
        Step::Confirmed
    } else {
        Step::Ask
    }
}

/// The confirmation step of a change that cannot be undone.
#[derive(Template)]
#[template(path = "staff/seminars/confirm.html")]
pub struct ConfirmPage {
    pub page: Page,
    pub csrf: String,
    /// The seminar, for the way back.
    pub id: i64,
    pub title: String,
    pub heading: String,
    /// (label, value) of what is about to happen.
    pub facts: Vec<(String, String)>,
    pub consequence: String,
    pub action: String,
    /// What was typed, sent again with the confirmation.
    pub carried: Vec<(String, String)>,
    pub confirm_label: String,
}

impl ConfirmPage {
    pub fn new(lang: Lang, csrf: String, id: i64, title: &str, action: String, f: &Fields) -> Self {
        let mut carried: Vec<(String, String)> = f
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "_csrf" | "confirm" | "back"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        carried.sort();
        Self {
            page: Page::new(lang, &format!("/staff/seminars/{id}"), &[]),
            csrf,
            id,
            title: title.to_owned(),
            heading: String::new(),
            facts: Vec::new(),
            consequence: String::new(),
            action,
            carried,
            confirm_label: String::new(),
        }
    }

    pub fn render(&self) -> Response {
        render(self, StatusCode::OK)
    }
}

/// The seminar page again with form `key` as typed: after "go back" (no problem), or with
/// why the use case said no, the rule's refusals pinned to their fields.
#[allow(clippy::too_many_arguments, reason = "one page, its reader and what was sent")]
pub async fn again(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    id: i64,
    csrf: String,
    key: &str,
    f: &Fields,
    e: Option<AppError>,
) -> Result<Response, PageError> {
    let refusal = match e {
        None => Refusal::none(lang),
        Some(e) => Refusal::or_page(lang, e)?
            .pin("closed_day", "day")
            .pin("cutoff_passed", "day")
            .pin("outside_hours", "starts"),
    };
    let filled = Filled::refused(key, f, refusal);
    detail::page(state, lang, me, id, csrf, String::new(), &filled).await
}

fn told(lang: Lang, key: &str, n: usize) -> String {
    lang.t_args(key, &[("count", n.to_string())])
}

/// Who will be told, then what follows (`body`), as one paragraph.
fn who(lang: Lang, i: &Impact, body: &str) -> String {
    let who = lang.t_args(
        "seminar-ops-who",
        &[("seated", i.seated.to_string()), ("waiting", i.waiting.to_string())],
    );
    // Japanese runs sentences together; English puts a space between them.
    let gap = lang.sentence_gap();
    format!("{who}{gap}{}", lang.t(body))
}

/// `POST /staff/seminars/{id}/cancel`: the reason, then the confirmation (SE-6).
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    let why = field_value(&f, "reason");
    let (db, clock) = (&state.db, state.clock.as_ref());
    match step(&f) {
        Step::Back => again(&state, lang, &me, id, csrf, "cancel", &f, None).await,
        Step::Ask => match changes::preview_cancel(db, clock, &me, id, &why).await {
            Ok(i) => {
                let mut v = ConfirmPage::new(
                    lang,
                    csrf,
                    id,
                    &i.seminar.title,
                    format!("/staff/seminars/{id}/cancel"),
                    &f,
                );
                v.heading = lang.t("seminar-ops-confirm-cancel");
                v.facts = vec![
                    (lang.t("staff-seminars-name"), i.seminar.title.clone()),
                    (lang.t("seminar-when"), lang.date_time(i.seminar.starts_at)),
                    (lang.t("day-reason"), why.trim().to_owned()),
                ];
                v.consequence = who(lang, &i, "seminar-ops-confirm-cancel-body");
                v.confirm_label = lang.t("seminar-ops-confirm-cancel-button");
                Ok(v.render())
            }
            Err(e) => again(&state, lang, &me, id, csrf, "cancel", &f, Some(e)).await,
        },
        Step::Confirmed => match changes::cancel(db, clock, &me, id, &why).await {
            Ok(n) => {
                let message = told(lang, "seminar-ops-done-cancelled", n);
                detail::page(&state, lang, &me, id, csrf, message, &Filled::fresh(lang)).await
            }
            Err(e) => again(&state, lang, &me, id, csrf, "cancel", &f, Some(e)).await,
        },
    }
}

/// `POST /staff/seminars/{id}/move`: the new day and time, then the confirmation (SE-6).
pub async fn move_to(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    if step(&f) == Step::Back {
        return again(&state, lang, &me, id, csrf, "move", &f, None).await;
    }
    let starts_at = match form::start(lang, &f) {
        Ok(t) => t,
        Err(refusal) => {
            let filled = Filled::refused("move", &f, refusal);
            return detail::page(&state, lang, &me, id, csrf, String::new(), &filled).await;
        }
    };
    let why = field_value(&f, "reason");
    let (db, clock) = (&state.db, state.clock.as_ref());
    if step(&f) == Step::Ask {
        return match changes::preview_move(db, clock, &me, id, starts_at, &why).await {
            Ok(i) => {
                let mut v = ConfirmPage::new(
                    lang,
                    csrf,
                    id,
                    &i.seminar.title,
                    format!("/staff/seminars/{id}/move"),
                    &f,
                );
                v.heading = lang.t("seminar-ops-confirm-move");
                v.facts = vec![
                    (lang.t("staff-seminars-name"), i.seminar.title.clone()),
                    (lang.t("seminar-ops-now"), lang.date_time(i.seminar.starts_at)),
                    (lang.t("seminar-ops-new-when"), lang.date_time(starts_at)),
                ];
                if !why.trim().is_empty() {
                    v.facts.push((lang.t("day-reason"), why.trim().to_owned()));
                }
                v.consequence = who(lang, &i, "seminar-ops-confirm-move-body");
                v.confirm_label = lang.t("seminar-ops-confirm-move-button");
                Ok(v.render())
            }
            Err(e) => again(&state, lang, &me, id, csrf, "move", &f, Some(e)).await,
        };
    }
    match changes::move_to(db, clock, &me, id, starts_at, &why).await {
        Ok(n) => {
            let message = told(lang, "seminar-ops-done-moved", n);
            detail::page(&state, lang, &me, id, csrf, message, &Filled::fresh(lang)).await
        }
        Err(e) => again(&state, lang, &me, id, csrf, "move", &f, Some(e)).await,
    }
}

/// `POST /staff/seminars/{id}/suspend`: registrations stop; places stay (SE-6, S11-1).
pub async fn suspend(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    let tell = f.contains_key("tell");
    let why = field_value(&f, "reason");
    match changes::suspend(&state.db, state.clock.as_ref(), &me, id, &why, tell).await {
        Ok(n) => {
            let message = told(lang, "seminar-ops-done-suspended", n);
            detail::page(&state, lang, &me, id, csrf, message, &Filled::fresh(lang)).await
        }
        Err(e) => again(&state, lang, &me, id, csrf, "suspend", &f, Some(e)).await,
    }
}

/// `POST /staff/seminars/{id}/resume`: registrations reopen (SE-6).
pub async fn resume(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    match changes::resume(&state.db, state.clock.as_ref(), &me, id).await {
        Ok(n) => {
            let message = told(lang, "seminar-ops-done-resumed", n);
            detail::page(&state, lang, &me, id, csrf, message, &Filled::fresh(lang)).await
        }
        Err(e) => again(&state, lang, &me, id, csrf, "resume", &f, Some(e)).await,
    }
}
