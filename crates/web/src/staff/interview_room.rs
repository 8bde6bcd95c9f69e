//! The interview room on the staff interview page (IV-3): the way into a built-in
//! interview's room, the room's attendance in the events (who: the job seeker, an employer
//! seat, staff), and the form that mails the second employer representative their own link.
//! A refused form comes back as typed.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use madoguchi_app::interviews::Interview;
use madoguchi_app::interviews::representatives::{self, Representative};
use madoguchi_domain::interview::State as InterviewState;

use super::interviews::{detail_page, parse_id};
use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::PageError;
use crate::http::refusal::{Filled, Refusal};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::acting;

type Fields = std::collections::HashMap<String, String>;

/// The room's address and the representative form, for an accepted built-in interview that
/// has not ended; nothing otherwise.
pub(crate) fn parts(lang: Lang, i: &Interview, now: DateTime<Utc>, filled: &Filled<'_>) -> (String, Vec<FormField>) {
    let r = &i.row;
    if i.state != InterviewState::Accepted || r.app != "builtin" || now >= r.ends_at {
        return (String::new(), Vec::new());
    }
    let form = [
        FormField::labelled(lang, "rep_name", "iroom-rep-name", "").hint(String::new()),
        FormField::labelled(lang, "rep_email", "iroom-rep-email", "")
            .kind("email")
            .hint(String::new()),
    ]
    .into_iter()
    .map(|f| filled.draw("representative", f))
    .collect();
    (format!("/rooms/i{}", r.id), form)
}

/// An event as the page lists it, in the page's language: room events say whose they are
/// (the job seeker, employer representative 1 or 2, staff), the others their kind only.
pub(crate) fn event_line(lang: Lang, kind: &str, actor: &str) -> String {
    let what = lang.t_or_code("interview-event", kind);
    if !kind.starts_with("room_") {
        return what;
    }
    let who = match actor.split_once(':') {
        Some(("employer", seat)) => lang.t_args("interview-actor-employer", &[("seat", seat.to_owned())]),
        Some(("staff", _)) => lang.t("interview-actor-staff"),
        _ if actor == "seeker" => lang.t("interview-actor-seeker"),
        _ => actor.to_owned(),
    };
    format!("{what} ({who})")
}

/// `POST /staff/interviews/{id}/representative`: seat 2's link, mailed (IV-3).
pub async fn representative(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = parse_id(lang, &id)?;
    let rep = Representative {
        name: field_value(&fields, "rep_name"),
        email: field_value(&fields, "rep_email"),
    };
    match representatives::issue_link(&state.db, state.clock.as_ref(), &state.site, &me, id, 2, &rep).await {
        Ok(()) => Ok(Redirect::to(&format!("/staff/interviews/{id}?done=representative")).into_response()),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?;
            let filled = Filled::refused("representative", &fields, refusal);
            detail_page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
    }
}
