//! The employer's view of a selection day (IV-2, IV-5). The mailed link opens a page with one
//! button (so a mail scanner cannot spend it); the button spends the link for this browser
//! and leads to the day's list, which shows each booked job seeker's name and time and only
//! what they agreed to share. Every view is recorded per person shown (`selection_views`)
//! and in the usage record (PV-1) as `selection_list_view`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::selection::lists;

use crate::AppState;
use crate::http::forms::{Notice, confirm_link, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::usage::Event;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// PV-1: an employer's view has no account behind it; the event names it.
const VIEWED: Event = Event {
    name: "selection_list_view",
    actor: None,
};

/// `GET /selection/list/{token}`: the button that spends the link.
pub async fn open_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    confirm_link(
        &state,
        &visitor,
        lang,
        lists::LINK_PATH,
        token,
        ("selection-open-title", "selection-open-body", "selection-open-submit"),
    )
    .await
}

/// `POST /selection/list`: spends the link for this browser, then the list.
pub async fn open_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some(session) = visitor.session.as_ref() else {
        return Err(PageError(lang, AppError::NotFound { what: "link".into() }));
    };
    match lists::redeem(&state.db, state.clock.as_ref(), &field_value(&fields, "token"), session).await {
        Ok(day) => Ok(Redirect::to(&format!("/selection/days/{day}")).into_response()),
        Err(e @ AppError::Refused { .. }) => {
            let mut v = Notice::new(lang, lists::LINK_PATH, "selection-open-title", &[]);
            v.paragraphs = vec![lang.t(&format!("problem-{}", e.specific_code()))];
            Ok(render(&v, StatusCode::GONE))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

struct Row {
    time: String,
    name: String,
    address: String,
    phone: String,
    number: String,
}

#[derive(Template)]
#[template(path = "employer/selection.html")]
struct ListPage {
    page: Page,
    heading: String,
    job: String,
    rows: Vec<Row>,
}

/// `GET /selection/days/{id}`: the list, for the browser that spent the day's link.
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let refused = || {
        let mut v = Notice::new(lang, lists::LINK_PATH, "selection-open-title", &["problem-link_used"]);
        v.links = Vec::new();
        render(&v, StatusCode::GONE)
    };
    let (Ok(id), Some(session)) = (id.parse::<i64>(), visitor.session.as_ref()) else {
        return Ok(refused());
    };
    let l = match lists::for_employer(&state.db, state.clock.as_ref(), id, session).await {
        Ok(l) => l,
        Err(AppError::Refused { .. }) => return Ok(refused()),
        Err(e) => return Err(PageError(lang, e)),
    };
    let jst = madoguchi_domain::clock::jst();
    let not_shared = lang.t("selection-not-shared");
    let shown = |v: Option<String>| v.unwrap_or_else(|| not_shared.clone());
    let rows = l
        .rows
        .into_iter()
        .map(|r| Row {
            time: lang.t_args(
                "hours-range",
                &[
                    ("opens", r.starts_at.with_timezone(&jst).format("%H:%M").to_string()),
                    ("closes", r.ends_at.with_timezone(&jst).format("%H:%M").to_string()),
                ],
            ),
            name: format!("{}（{}）", r.name, r.name_kana),
            address: shown(r.address),
            phone: shown(r.phone),
            number: shown(r.job_seeker_number),
        })
        .collect();
    let view = ListPage {
        page: Page::new(lang, &format!("/selection/days/{id}"), &[]),
        heading: lang.t_args(
            "selection-day-heading",
            &[
                ("employer", l.day.employer_name.clone()),
                ("date", lang.date(l.day.local_date)),
            ],
        ),
        job: format!("{} {}", l.day.job_number, l.day.job_title),
        rows,
    };
    Ok(VIEWED.on(render(&view, StatusCode::OK)))
}
