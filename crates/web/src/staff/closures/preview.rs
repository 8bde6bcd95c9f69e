//! Adding a closure in two steps (rule TM-3): the preview says what it would touch — slots,
//! consultations with their time and the name given for verification, seminars with their
//! titles and places, open requests preferring that time — and changes nothing; the
//! confirmation checks everything again and closes in one transaction. Confirming twice (a
//! second tab, a reload) is refused `already_closed`, so nobody is told twice.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use madoguchi_app::closures::{self, Closer, Closing};
use madoguchi_app::offices;
use madoguchi_app::shared::StaffMember;
use madoguchi_store::closures::Preview;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::closures::page::{checked, office_for, page, refused, refused_role, when};
use crate::staff::forms::acting;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/closures/preview.html")]
struct PreviewPage {
    page: Page,
    csrf: String,
    office: String,
    office_name: String,
    when: String,
    reason: String,
    /// How many slots are withdrawn, in words.
    slots: String,
    /// (time, name given for verification)
    consultations: Vec<(String, String)>,
    /// (time, title, places)
    seminars: Vec<(String, String, i64)>,
    /// Open requests preferring that time, in words; they stay open.
    requests: String,
    any_requests: bool,
    /// How many people will be told, in words.
    people: String,
    /// What was typed, sent again with the confirmation (or back to the form).
    hidden: Vec<(&'static str, String)>,
    confirm: String,
}

fn hhmm(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&madoguchi_domain::clock::jst())
        .format("%H:%M")
        .to_string()
}

#[allow(clippy::too_many_arguments, reason = "one page, its reader and what it shows")]
async fn preview_page(
    state: &AppState,
    lang: Lang,
    csrf: String,
    office: &str,
    fields: &Fields,
    c: &Closing,
    p: &Preview,
) -> Result<Response, PageError> {
    let o = offices::get(&state.db, office).await.map_err(|e| PageError(lang, e))?;
    let mut hidden = vec![("office", office.to_owned())];
    for name in ["day", "extent", "from", "until", "reason"] {
        hidden.push((name, field_value(fields, name)));
    }
    let count = |n: String| lang.t_args("closures-count", &[("count", n)]);
    let view = PreviewPage {
        page: Page::new(lang, "/staff/closures", &[("office", office.to_owned())]),
        csrf,
        office: office.to_owned(),
        office_name: lang.pick(&o.name_ja, &o.name_en).to_owned(),
        when: when(lang, c.day, c.hours),
        reason: c.reason.clone(),
        slots: count(p.slots.to_string()),
        consultations: p
            .reservations
            .iter()
            .map(|r| (hhmm(r.starts_at), r.name.clone()))
            .collect(),
        seminars: p
            .seminars
            .iter()
            .map(|s| (hhmm(s.starts_at), s.title.clone(), s.places))
            .collect(),
        requests: count(p.requests.len().to_string()),
        any_requests: !p.requests.is_empty(),
        people: lang.t_args("closures-people-count", &[("count", p.people().to_string())]),
        hidden,
        confirm: lang.t_args("closures-confirm", &[("count", p.people().to_string())]),
    };
    Ok(render(&view, StatusCode::OK))
}

/// The signed-in admin for a post, the office it is about, or the answer to give instead.
async fn admin(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    fields: &Fields,
) -> Result<Result<(StaffMember, String, String), Response>, PageError> {
    let (me, csrf) = match acting(state, visitor, lang, fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    if let Some(r) = refused_role(lang, &me) {
        return Ok(Err(r));
    }
    let office = office_for(&me, &field_value(fields, "office"));
    Ok(Ok((me, csrf, office)))
}

/// `POST /staff/closures/preview`: what the closure would touch. Changes nothing.
pub async fn preview(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf, office) = match admin(&state, &visitor, lang, &fields).await? {
        Ok(a) => a,
        Err(r) => return Ok(r),
    };
    let seen = match checked(&state, &fields) {
        Ok(c) => closures::preview(&state.db, state.clock.as_ref(), &Closer::Staff(&me), &office, &c)
            .await
            .map(|p| (c, p)),
        Err(e) => Err(e),
    };
    match seen {
        Ok((c, p)) => preview_page(&state, lang, csrf, &office, &fields, &c, &p).await,
        Err(e) => refused(&state, lang, &me, csrf, &office, &fields, e).await,
    }
}

/// `POST /staff/closures/confirm`: closes (checking everything again), or goes back to the
/// form as typed (`step=change`).
pub async fn confirm(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf, office) = match admin(&state, &visitor, lang, &fields).await? {
        Ok(a) => a,
        Err(r) => return Ok(r),
    };
    if field_value(&fields, "step") == "change" {
        let filled = Filled::refused("close", &fields, Refusal::none(lang));
        return page(&state, lang, &me, csrf, &office, String::new(), &filled).await;
    }
    let closed = match checked(&state, &fields) {
        Ok(c) => closures::close(
            &state.db,
            state.clock.as_ref(),
            &state.site,
            &Closer::Staff(&me),
            &office,
            &c,
        )
        .await
        .map(|told| (c, told)),
        Err(e) => Err(e),
    };
    match closed {
        Ok((c, told)) => {
            let message = lang.t_args(
                "closures-done",
                &[("when", when(lang, c.day, c.hours)), ("count", told.to_string())],
            );
            page(&state, lang, &me, csrf, &office, message, &Filled::fresh(lang)).await
        }
        Err(e) => refused(&state, lang, &me, csrf, &office, &fields, e).await,
    }
}
