//! The employer's side of an interview (IV-1, IV-5). The mailed link shows a button first
//! (a mail scanner that fetches the link spends nothing); the post binds the link to this
//! browser and leads to the interview's page, so the token leaves the address bar. Each
//! showing of the page is in the usage record (PV-1, event `employer_view`) and in the
//! job seeker's "who viewed my data" (PV-4). Refusals are 403 pages in words.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::interviews::employer::{self, EmployerPage};
use madoguchi_domain::usage::Actor;

use crate::AppState;
use crate::http::forms::{Notice, field_value, with_cookie};
use crate::http::page::{Page, PageError, error_page, render};
use crate::http::usage::Event;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// The usage record's event for every employer request: there is no account to name.
const VIEW: Event = Event {
    name: "employer_view",
    actor: Some(Actor::Visitor),
};

/// A link refusal in words; anything else is the error page.
fn refused(lang: Lang, e: AppError) -> Result<Response, PageError> {
    match e {
        AppError::Forbidden { code, .. } => Ok(error_page(
            lang,
            StatusCode::FORBIDDEN,
            "employer-title",
            &format!("problem-{code}"),
        )),
        e => Err(PageError(lang, e)),
    }
}

/// `GET /interviews/join/{token}`: the button that opens the interview's page.
pub async fn join_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let path = format!("/interviews/join/{token}");
    let mut view = Notice::new(lang, "/interviews/join", "employer-title", &["employer-intro"]);
    view.form_action = path;
    view.csrf = s.csrf;
    view.button = lang.t("interviews-open");
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// `POST /interviews/join/{token}`: binds the link to this browser (or finds it bound to it).
pub async fn join_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(token): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some(session) = visitor.session.as_ref() else {
        return refused(
            lang,
            AppError::Forbidden {
                code: "link_invalid",
                message: "no session",
            },
        );
    };
    let response = match employer::redeem(&state.db, state.clock.as_ref(), &token, session).await {
        Ok(id) => Redirect::to(&format!("/interviews/{id}/employer")).into_response(),
        Err(e) => refused(lang, e)?,
    };
    Ok(VIEW.on(response))
}

#[derive(Template)]
#[template(path = "public/employer.html")]
struct EmployerView {
    page: Page,
    p: EmployerPage,
    when: String,
    app: String,
    office: String,
}

/// `GET /interviews/{id}/employer`: the interview's page for the browser bound to its link.
pub async fn page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "interview".into(),
            },
        )
    })?;
    let Some(session) = visitor.session.as_ref() else {
        return refused(
            lang,
            AppError::Forbidden {
                code: "link_invalid",
                message: "no session",
            },
        )
        .map(|r| VIEW.on(r));
    };
    let response = match employer::page(&state.db, state.clock.as_ref(), id, session).await {
        Ok(p) => {
            let view = EmployerView {
                page: Page::new(lang, "/interviews/employer", &[]),
                when: format!(
                    "{} – {}",
                    lang.date_time(p.starts_at),
                    p.ends_at.with_timezone(&madoguchi_domain::clock::jst()).format("%H:%M")
                ),
                app: lang.t(&format!("interview-app-{}", p.app)),
                office: format!("{}（{}）", lang.pick(&p.office.0, &p.office.1), p.office_phone),
                p,
            };
            render(&view, StatusCode::OK)
        }
        Err(e) => refused(lang, e)?,
    };
    Ok(VIEW.on(response))
}
