//! The job seeker's interviews on My Page (IV-1, IV-4, IV-5): accept one, choosing what the
//! employer may see, decline it, or withdraw later (each after a confirmation page), and
//! the outcome once the office recorded it.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::interviews::{Interview, answer};
use madoguchi_domain::interview::{Shares, State as InterviewState};

use crate::AppState;
use crate::http::forms::{Notice, field_value};
use crate::http::page::{PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One interview as My Page lists it.
pub struct MyInterview {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub app: String,
    pub state: String,
    pub outcome: String,
    pub shared: String,
    /// Still to be answered: the accept form and the decline link.
    pub proposed: bool,
    /// Accepted and not begun: the withdraw link.
    pub withdrawable: bool,
    /// IV-3: accepted, in the built-in room, not long over: the way into the room.
    pub room: bool,
}

fn shared(lang: Lang, s: Shares) -> String {
    let what: Vec<String> = [
        (s.address, "me-interviews-share-address"),
        (s.phone, "me-interviews-share-phone"),
        (s.number, "me-interviews-share-number"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| lang.t(key))
    .collect();
    if what.is_empty() {
        lang.t("me-interviews-shared-none")
    } else {
        lang.t_args("me-interviews-shared", &[("what", what.join(", "))])
    }
}

fn view(lang: Lang, i: &Interview, now: chrono::DateTime<chrono::Utc>) -> MyInterview {
    let line = crate::staff::interviews::line(lang, i);
    let r = &i.row;
    MyInterview {
        id: r.id,
        title: lang.t_args(
            "me-interviews-with",
            &[("employer", r.employer_name.clone()), ("job", r.job_title.clone())],
        ),
        when: line.when,
        app: line.app,
        state: line.state,
        outcome: line.outcome,
        shared: if i.state == InterviewState::Accepted {
            shared(lang, i.shares())
        } else {
            String::new()
        },
        proposed: i.state == InterviewState::Proposed && now < r.starts_at,
        withdrawable: i.state == InterviewState::Accepted && now < r.starts_at,
        room: i.state == InterviewState::Accepted
            && r.app == "builtin"
            && now < r.ends_at + chrono::Duration::minutes(i64::from(madoguchi_domain::room::MAX_GRACE_MINUTES)),
    }
}

/// My Page's interviews, latest first.
pub async fn mine(state: &AppState, lang: Lang, user: i64) -> Result<Vec<MyInterview>, PageError> {
    let now = state.clock.now();
    Ok(answer::mine(&state.db, user)
        .await
        .map_err(|e| PageError(lang, e))?
        .iter()
        .map(|i| view(lang, i, now))
        .collect())
}

fn parse_id(lang: Lang, id: &str) -> Result<i64, PageError> {
    id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "interview".into(),
            },
        )
    })
}

/// `POST /me/interviews/{id}/accept` with the share checkboxes.
pub async fn accept(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some(user) = visitor.user_ref() else {
        return Ok(crate::http::page::sign_in_first("/me"));
    };
    let id = parse_id(lang, &id)?;
    let shares = Shares {
        address: fields.contains_key("share_address"),
        phone: fields.contains_key("share_phone"),
        number: fields.contains_key("share_number"),
    };
    answer::accept(&state.db, state.clock.as_ref(), &state.site, user, id, shares)
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(Redirect::to("/me#interviews").into_response())
}

/// `GET /me/interviews/{id}/{decline|withdraw}`: what it means, and the button.
pub async fn confirm_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((id, action)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let Some(user) = visitor.user_ref() else {
        return Ok(crate::http::page::sign_in_first("/me"));
    };
    let id = parse_id(lang, &id)?;
    let (heading, explain) = match action.as_str() {
        "decline" => ("me-interviews-decline", None),
        "withdraw" => ("me-interviews-withdraw", Some("me-interviews-withdraw-confirm")),
        _ => return Err(PageError(lang, AppError::NotFound { what: "page".into() })),
    };
    let i = answer::own(&state.db, user, id).await.map_err(|e| PageError(lang, e))?;
    let v = view(lang, &i, state.clock.now());
    let path = format!("/me/interviews/{id}/{action}");
    let mut page = Notice::new(lang, &path, heading, &[]);
    page.paragraphs = vec![format!("{} · {}", v.title, v.when)];
    page.paragraphs.extend(explain.map(|e| lang.t(e)));
    page.form_action = path;
    page.csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
    page.button = lang.t(heading);
    page.button_class = "danger";
    page.links = vec![("/me#interviews".into(), lang.t("me-interviews"))];
    Ok(render(&page, StatusCode::OK))
}

/// `POST /me/interviews/{id}/{decline|withdraw}`
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
    let Some(user) = visitor.user_ref() else {
        return Ok(crate::http::page::sign_in_first("/me"));
    };
    let id = parse_id(lang, &id)?;
    let clock = state.clock.as_ref();
    let done = match action.as_str() {
        "decline" => answer::decline(&state.db, clock, user, id).await,
        "withdraw" => answer::withdraw(&state.db, clock, user, id).await,
        _ => Err(AppError::NotFound { what: "page".into() }),
    };
    done.map_err(|e| PageError(lang, e))?;
    Ok(Redirect::to("/me#interviews").into_response())
}
