//! Before the session (rules BK-14, BK-15): the environment checklist per reservation, the
//! no-recording notice, and the in-browser connection test.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, consultations::booking};

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::SummaryLine;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// BK-14: what the user confirms before joining (C5, C12-3/4, N11).
pub const CHECKLIST: [&str; 5] = [
    "private_room",
    "os_updated",
    "firewall_on",
    "antivirus_updated",
    "no_file_sharing",
];

#[derive(Template)]
#[template(path = "seeker/prepare.html")]
struct PreparePage {
    page: Page,
    id: i64,
    when: String,
    csrf: String,
    done: bool,
    /// After a refusal: the sentence above the form, then each box left unticked.
    summary: Vec<SummaryLine>,
    items: Vec<Item>,
}

/// One box of the checklist: ticked as sent (or once confirmed), and whether it was missing.
struct Item {
    name: &'static str,
    label: String,
    checked: bool,
    missing: bool,
}

async fn prepare_page(state: &AppState, lang: Lang, user: i64, id: i64, csrf: String) -> Result<PreparePage, AppError> {
    let r = booking::own(&state.db, user, id).await?;
    let done = madoguchi_store::consultations::schedule::checklist_at(&state.db, r.id)
        .await?
        .is_some();
    Ok(PreparePage {
        page: Page::new(lang, &format!("/me/reservations/{id}/prepare"), &[]),
        id,
        when: lang.date_time(r.starts_at),
        csrf,
        done,
        summary: Vec::new(),
        items: CHECKLIST
            .iter()
            .map(|c| Item {
                name: c,
                label: lang.t(&format!("checklist-{c}")),
                checked: done,
                missing: false,
            })
            .collect(),
    })
}

fn parse_id(lang: Lang, id: &str) -> Result<i64, PageError> {
    id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "reservation".into(),
            },
        )
    })
}

/// `GET /me/reservations/{id}/prepare`
pub async fn prepare(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first(&format!(
            "/me/reservations/{id}/prepare"
        )));
    };
    let view = prepare_page(&state, lang, user, parse_id(lang, &id)?, csrf)
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(render(&view, StatusCode::OK))
}

/// `POST /me/reservations/{id}/checklist`: every item must be ticked.
pub async fn confirm(
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
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = parse_id(lang, &id)?;
    let mut view = prepare_page(&state, lang, user, id, csrf)
        .await
        .map_err(|e| PageError(lang, e))?;
    if CHECKLIST.iter().any(|c| !fields.contains_key(*c)) {
        // The boxes ticked stay ticked; each one left is named above and marked at itself.
        view.summary = vec![SummaryLine {
            href: String::new(),
            text: lang.t("checklist-incomplete"),
        }];
        for item in &mut view.items {
            item.checked = fields.contains_key(item.name);
            item.missing = !item.checked;
            if item.missing {
                view.summary.push(SummaryLine {
                    href: format!("check-{}", item.name),
                    text: format!("{}: {}", item.label, lang.t("checklist-unticked")),
                });
            }
        }
        return Ok(render(&view, StatusCode::UNPROCESSABLE_ENTITY));
    }
    madoguchi_store::consultations::schedule::confirm_checklist(&state.db, id, user, state.clock.now())
        .await
        .map_err(|e| PageError(lang, e.into()))?;
    view.done = true;
    for item in &mut view.items {
        item.checked = true;
    }
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "seeker/connection_test.html")]
struct TestPage {
    page: Page,
}

/// `GET /connection-test`: runs in the browser; needs JavaScript by nature (camera, mic).
pub async fn connection_test(lang: Lang) -> Response {
    render(
        &TestPage {
            page: Page::new(lang, "/connection-test", &[]),
        },
        StatusCode::OK,
    )
}

const SCRIPT: &str = include_str!("../../assets/connection-test.js");

pub async fn script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT)
}

/// 2 MB of incompressible-looking bytes for the speed check, made once per process.
pub async fn payload() -> impl IntoResponse {
    static BODY: std::sync::OnceLock<&'static [u8]> = std::sync::OnceLock::new();
    let body: &'static [u8] = BODY.get_or_init(|| {
        let bytes: Vec<u8> = (0..2_000_000_u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        bytes.leak()
    });
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
}
