//! The room page and the companion's link (MT-3, BK-14, BK-15, C6-2, C12-3), for a
//! consultation's room (`/rooms/42`) and an interview's (`/rooms/i7`, IV-3).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::room::{access, guests};
use madoguchi_domain::room::{Phase, Role};
use madoguchi_domain::room_key::RoomKey;

use crate::AppState;
use crate::http::forms::{field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::seeker::prepare::CHECKLIST;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "room/room.html")]
struct RoomPage {
    page: Page,
    csrf: String,
    /// The room's key in its address: `42` or `i7`.
    id: String,
    /// Where the page leads back to (My Page, the day, the interview).
    back: (String, String),
    /// An interview's room (IV-3): a companion link without one declared.
    interview: bool,
    role: &'static str,
    when: String,
    /// `not_open`, `open` or `closed`.
    phase: &'static str,
    opens: String,
    /// BK-14, for the job seeker: confirmed already, the items, a refusal.
    checklist_done: bool,
    items: Vec<(&'static str, String)>,
    checklist_error: String,
    /// C6-2, C12-3, for the counsellor: what to check before admitting.
    verify_name: String,
    verify_number: String,
    companion: String,
    /// A companion link just issued (shown once), or why not.
    link: String,
    link_error: String,
}

impl RoomPage {
    fn counsellor(&self) -> bool {
        self.role == "counsellor"
    }

    fn ready(&self) -> bool {
        self.phase == "open" && (self.role != "seeker" || self.checklist_done)
    }
}

fn parse_id(lang: Lang, id: &str) -> Result<RoomKey, PageError> {
    RoomKey::parse(id).ok_or_else(|| PageError(lang, AppError::NotFound { what: "room".into() }))
}

/// The page's way back for this person.
fn back(lang: Lang, entry: &access::Entry) -> (String, String) {
    match (entry.key, entry.role) {
        (RoomKey::Consultation(_), Role::Counsellor) => ("/staff/day".into(), lang.t("room-back-day")),
        (RoomKey::Interview(id), Role::Counsellor) => {
            (format!("/staff/interviews/{id}"), lang.t("iroom-back-interview"))
        }
        (RoomKey::Interview(id), Role::Employer1 | Role::Employer2) => {
            (format!("/interviews/{id}/employer"), lang.t("iroom-back-interview"))
        }
        (_, Role::Seeker) => ("/me".into(), lang.t("me-title")),
        _ => (String::new(), String::new()),
    }
}

async fn build(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    id: RoomKey,
) -> Result<Result<RoomPage, Response>, PageError> {
    let entry = match access::who_key(&state.db, visitor.session.as_ref(), id).await {
        Ok(e) => e,
        Err(AppError::Unauthorized { .. }) => {
            return Ok(Err(Redirect::to(&format!("/sign-in?next=/rooms/{id}")).into_response()));
        }
        Err(e) => return Err(PageError(lang, e)),
    };
    let now = state.clock.now();
    let (phase, opens) = match access::standing(&entry.room, &state.room.config, now) {
        Phase::NotOpen { opens } => ("not_open", lang.date_time(opens)),
        Phase::Open { .. } => ("open", String::new()),
        Phase::Closed => ("closed", String::new()),
    };
    let counsellor = entry.role == Role::Counsellor;
    if counsellor {
        access::audit_view(&state.db, state.clock.as_ref(), &entry)
            .await
            .map_err(|e| PageError(lang, e))?;
    }
    let r = &entry.room;
    let shown = |v: &str| if counsellor { v.to_owned() } else { String::new() };
    Ok(Ok(RoomPage {
        page: Page::new(lang, &format!("/rooms/{id}"), &[]),
        csrf: visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default(),
        id: id.to_string(),
        back: back(lang, &entry),
        interview: matches!(id, RoomKey::Interview(_)),
        role: entry.role.code(),
        when: format!(
            "{}–{}",
            lang.date_time(r.starts_at),
            r.ends_at.with_timezone(&madoguchi_domain::clock::jst()).format("%H:%M")
        ),
        phase,
        opens,
        checklist_done: r.checklist_at.is_some(),
        items: CHECKLIST
            .iter()
            .map(|c| (*c, lang.t(&format!("checklist-{c}"))))
            .collect(),
        checklist_error: String::new(),
        verify_name: shown(&r.verify_name),
        verify_number: shown(&r.verify_number),
        companion: if entry.role != Role::Counsellor {
            String::new()
        } else {
            r.companion.clone()
        },
        link: String::new(),
        link_error: String::new(),
    }))
}

/// `GET /rooms/{id}`
pub async fn room_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(lang, &id)?;
    Ok(match build(&state, &visitor, lang, id).await? {
        Ok(view) => render(&view, StatusCode::OK),
        Err(redirect) => redirect,
    })
}

/// `POST /rooms/{id}/checklist`: BK-14, every item ticked, before the job seeker joins.
pub async fn checklist(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let id = parse_id(lang, &id)?;
    let mut view = match build(&state, &visitor, lang, id).await? {
        Ok(v) if v.role == "seeker" => v,
        Ok(_) => return Err(PageError(lang, AppError::NotFound { what: "room".into() })),
        Err(redirect) => return Ok(redirect),
    };
    if CHECKLIST.iter().any(|c| !fields.contains_key(*c)) {
        view.checklist_error = lang.t("checklist-incomplete");
        return Ok(render(&view, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let entry = access::who_key(&state.db, visitor.session.as_ref(), id)
        .await
        .map_err(|e| PageError(lang, e))?;
    access::confirm_checklist(&state.db, state.clock.as_ref(), &entry)
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(Redirect::to(&format!("/rooms/{id}")).into_response())
}

/// `POST /rooms/{id}/companion-link`: the counsellor issues the declared companion's
/// single-use link; it is shown once, here.
pub async fn companion_link(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let id = parse_id(lang, &id)?;
    let mut view = match build(&state, &visitor, lang, id).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    let entry = access::who_key(&state.db, visitor.session.as_ref(), id)
        .await
        .map_err(|e| PageError(lang, e))?;
    match guests::issue(&state.db, state.clock.as_ref(), &state.room.config, &entry).await {
        Ok(token) => view.link = format!("{}/rooms/join/{token}", state.site.base_url.trim_end_matches('/')),
        Err(e @ AppError::Refused { .. }) => view.link_error = lang.t(&format!("problem-{}", e.specific_code())),
        Err(e) => return Err(PageError(lang, e)),
    }
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "room/join.html")]
struct JoinPage {
    page: Page,
    csrf: String,
    token: String,
    error: String,
}

/// `GET /rooms/join/{token}`: a button, so that a link checker cannot spend the link.
pub async fn join_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let view = JoinPage {
        page: Page::new(lang, "/rooms/join", &[]),
        csrf: s.csrf,
        token,
        error: String::new(),
    };
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// `POST /rooms/join/{token}`: spends the link for this browser's session.
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
        return Err(PageError(lang, AppError::NotFound { what: "link".into() }));
    };
    match guests::redeem_key(&state.db, state.clock.as_ref(), &token, session).await {
        Ok(key) => Ok(Redirect::to(&format!("/rooms/{key}")).into_response()),
        Err(e @ AppError::Refused { .. }) => {
            let view = JoinPage {
                page: Page::new(lang, "/rooms/join", &[]),
                csrf: session.csrf.clone(),
                token,
                error: lang.t(&format!("problem-{}", e.specific_code())),
            };
            Ok(render(&view, StatusCode::GONE))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
