//! 管理選考 for the job seeker (IV-2, IV-5): the selection days they were referred to on My
//! Page, one day's free interview times with what the employer may see ticked by the person,
//! booking (a refusal keeps the choices), and cancelling after a confirmation page.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use madoguchi_app::AppError;
use madoguchi_app::selection::book;
use madoguchi_domain::selection::Shares;

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::page::{Page, PageError, render, sign_in_first};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// A selection day on My Page: the employer and job, the day, and the person's time if booked.
pub struct MyDay {
    pub href: String,
    pub title: String,
    pub when: String,
    pub booked: String,
}

fn range(lang: Lang, from: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let jst = madoguchi_domain::clock::jst();
    lang.t_args(
        "hours-range",
        &[
            ("opens", from.with_timezone(&jst).format("%H:%M").to_string()),
            ("closes", until.with_timezone(&jst).format("%H:%M").to_string()),
        ],
    )
}

/// The days for My Page's section.
pub async fn mine(state: &AppState, lang: Lang, user: i64) -> Result<Vec<MyDay>, PageError> {
    Ok(book::my_days(&state.db, state.clock.as_ref(), user)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|d| MyDay {
            href: format!("/me/selection/{}", d.day_id),
            title: format!("{} · {}", d.employer_name, d.job_title),
            when: lang.date(d.local_date),
            booked: match (d.starts_at, d.ends_at) {
                (Some(s), Some(e)) => lang.t_args("selection-your-time", &[("time", range(lang, s, e))]),
                _ => lang.t("selection-choose-time"),
            },
        })
        .collect())
}

#[derive(Template)]
#[template(path = "seeker/selection.html")]
struct DayPage {
    page: Page,
    csrf: String,
    summary: Vec<SummaryLine>,
    id: i64,
    heading: String,
    job: String,
    app: String,
    /// The person's booking: its time and cancel link (empty when none).
    booked_time: String,
    cancel_href: String,
    /// The free times as a radio group and the three share boxes; empty when none is free.
    fields: Vec<FormField>,
}

fn not_found(lang: Lang) -> PageError {
    PageError(
        lang,
        AppError::NotFound {
            what: "selection day".into(),
        },
    )
}

async fn page(
    state: &AppState,
    lang: Lang,
    user: i64,
    csrf: String,
    id: i64,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let d = book::day(&state.db, state.clock.as_ref(), user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mine = d
        .mine
        .as_ref()
        .and_then(|m| match (m.interview_id, m.starts_at, m.ends_at) {
            (Some(i), Some(s), Some(e)) => Some((range(lang, s, e), format!("/me/selection/bookings/{i}/cancel"))),
            _ => None,
        });
    let mut fields = Vec::new();
    if mine.is_none() && !d.free.is_empty() {
        let times = d.free.iter().map(|s| (s.id, range(lang, s.starts_at, s.ends_at)));
        fields.push(
            FormField::labelled(lang, "slot", "selection-field-slot", "")
                .choices(times)
                .kind("radio"),
        );
        for (name, label) in [
            ("share_address", "selection-share-address"),
            ("share_phone", "selection-share-phone"),
            ("share_number", "selection-share-number"),
        ] {
            fields.push(FormField::labelled(lang, name, label, "").kind("checkbox").optional());
        }
    }
    let fields: Vec<FormField> = fields.into_iter().map(|f| filled.draw("book", f)).collect();
    let view = DayPage {
        page: Page::new(lang, &format!("/me/selection/{id}"), &[]),
        csrf,
        summary: filled.summary(&fields.iter().collect::<Vec<_>>()),
        id,
        heading: lang.t_args(
            "selection-day-heading",
            &[
                ("employer", d.day.employer_name.clone()),
                ("date", lang.date(d.day.local_date)),
            ],
        ),
        job: format!("{} {}", d.day.job_number, d.day.job_title),
        app: lang.t(&format!("app-{}", d.day.app)),
        booked_time: mine.as_ref().map(|m| m.0.clone()).unwrap_or_default(),
        cancel_href: mine.map(|m| m.1).unwrap_or_default(),
        fields,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /me/selection/{id}`
pub async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(sign_in_first(&format!("/me/selection/{id}")));
    };
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    page(&state, lang, user, csrf, id, &Filled::fresh(lang)).await
}

/// `POST /me/selection/{id}`: books the chosen time, or the form again as ticked.
pub async fn book_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(sign_in_first(&format!("/me/selection/{id}")));
    };
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    let result = match field_value(&fields, "slot").parse::<i64>() {
        Ok(slot) => {
            let shares = Shares {
                address: field_value(&fields, "share_address") == "on",
                phone: field_value(&fields, "share_phone") == "on",
                number: field_value(&fields, "share_number") == "on",
            };
            book::book(&state.db, state.clock.as_ref(), user, id, slot, shares).await
        }
        Err(_) => Err(AppError::invalid("required", "slot", "choose a time")),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/me/selection/{id}")).into_response()),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("slot_full", "slot");
            let filled = Filled::refused("book", &fields, refusal);
            page(&state, lang, user, csrf, id, &filled).await
        }
    }
}

/// `GET /me/selection/bookings/{id}/cancel`: what will be cancelled, and one button.
pub async fn cancel_page(visitor: Visitor, lang: Lang, Path(id): Path<String>) -> Result<Response, PageError> {
    let path = format!("/me/selection/bookings/{id}/cancel");
    let Some((_, csrf)) = visitor.signed_in() else {
        return Ok(sign_in_first(&path));
    };
    let mut v = Notice::new(lang, &path, "selection-cancel-title", &["selection-cancel-body"]);
    v.form_action = path;
    v.csrf = csrf;
    v.button = lang.t("selection-cancel-submit");
    v.button_class = "danger";
    v.links = vec![("/me".into(), lang.t("cancel-keep"))];
    Ok(render(&v, StatusCode::OK))
}

/// `POST /me/selection/bookings/{id}/cancel`
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
        return Ok(sign_in_first("/me"));
    };
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    book::cancel(&state.db, state.clock.as_ref(), user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut v = Notice::new(lang, "/me", "selection-cancelled", &[]);
    v.links = vec![("/me".into(), lang.t("me-title"))];
    Ok(render(&v, StatusCode::OK))
}

/// IV-5, PV-4: the employers' views of this person, as rows of "who viewed my data"
/// (when, who, what was shown, why).
pub async fn viewed(state: &AppState, lang: Lang, user: i64) -> Result<Vec<[String; 4]>, PageError> {
    let what = |shown: &str| {
        shown
            .split(',')
            .map(|w| lang.t(&format!("selection-shown-{w}")))
            .collect::<Vec<_>>()
            .join(lang.t("selection-list-separator").as_str())
    };
    Ok(madoguchi_app::selection::lists::employer_views(&state.db, user)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|v| {
            [
                lang.date_time(v.at),
                lang.t_args("selection-viewed-who", &[("employer", v.employer_name)]),
                what(&v.shown),
                lang.t("selection-viewed-why"),
            ]
        })
        .collect())
}
