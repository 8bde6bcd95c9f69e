//! The closures page (rules TM-3, C13, S11): an office admin lists the office's coming
//! closures, lifts one after a confirmation page, and adds one — a day or part of it — through
//! a preview of what it touches (`preview`). National admins choose the office first;
//! counsellors are refused in words. A refused form comes back as typed, each problem at its
//! field.

mod page;
pub mod preview;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use madoguchi_app::closures::{self, Closer};

use crate::AppState;
use crate::http::forms::Notice;
use crate::http::page::{PageError, render};
use crate::http::refusal::{Filled, Refusal};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::closures::page::{OfficeQuery, office_for, page, refused_role, when};
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;

/// `GET /staff/closures[?office=]`
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<OfficeQuery>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if let Some(r) = refused_role(lang, &me) {
        return Ok(r);
    }
    let office = office_for(&me, q.office.as_deref().unwrap_or_default());
    page(&state, lang, &me, csrf, &office, String::new(), &Filled::fresh(lang)).await
}

fn parse_day(lang: Lang, day: &str) -> Result<NaiveDate, PageError> {
    madoguchi_domain::dates::parse_date(day)
        .ok_or_else(|| PageError(lang, madoguchi_app::AppError::NotFound { what: "closure".into() }))
}

/// `GET /staff/closures/{office}/{day}/lift`: what lifting means, and the button.
pub async fn lift_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((office, day)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if let Some(r) = refused_role(lang, &me) {
        return Ok(r);
    }
    let day = parse_day(lang, &day)?;
    let c = closures::one(&state.db, &Closer::Staff(&me), &office, day)
        .await
        .map_err(|e| PageError(lang, e))?;
    let path = format!("/staff/closures/{office}/{day}/lift");
    let mut view = Notice::new(lang, &path, "closures-lift-title", &[]);
    view.paragraphs = vec![
        format!("{}：{}", when(lang, c.day, c.hours), c.reason),
        lang.t("closures-lift-explain"),
    ];
    view.form_action = path;
    view.csrf = csrf;
    view.button = lang.t("closures-lift-submit");
    view.links = vec![(format!("/staff/closures?office={office}"), lang.t("closures-keep"))];
    Ok(render(&view, StatusCode::OK))
}

/// `POST /staff/closures/{office}/{day}/lift`
pub async fn lift(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((office, day)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    if let Some(r) = refused_role(lang, &me) {
        return Ok(r);
    }
    let day = parse_day(lang, &day)?;
    let c = closures::one(&state.db, &Closer::Staff(&me), &office, day).await;
    let lifted = match c {
        Ok(c) => closures::reopen(&state.db, state.clock.as_ref(), &Closer::Staff(&me), &office, day)
            .await
            .map(|()| lang.t_args("closures-lifted", &[("when", when(lang, c.day, c.hours))])),
        Err(e) => Err(e),
    };
    let office = office_for(&me, &office);
    match lifted {
        Ok(message) => page(&state, lang, &me, csrf, &office, message, &Filled::fresh(lang)).await,
        Err(e) => {
            let filled = Filled::refused("lift", &fields, Refusal::or_page(lang, e)?);
            page(&state, lang, &me, csrf, &office, String::new(), &filled).await
        }
    }
}
