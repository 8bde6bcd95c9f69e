//! National and office notices as staff write them (NT-1).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::notices::{self, Mode, NoticeInput, Publisher};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;

type Fields = std::collections::HashMap<String, String>;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "staff/notices.html")]
struct StaffPage {
    page: Page,
    csrf: String,
    message: String,
    national: bool,
    mode: String,
    kinds: Vec<(&'static str, String)>,
}

async fn staff_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
) -> Result<Response, PageError> {
    let (mode, _) = notices::mode(&state.db).await.map_err(|e| PageError(lang, e))?;
    let view = StaffPage {
        page: Page::new(lang, "/staff/notices", &[]),
        csrf,
        message,
        national: me.role == Role::NationalAdmin,
        mode: lang.t(&format!("mode-{}", mode.code())),
        kinds: notices::KINDS
            .iter()
            .map(|k| (*k, lang.t(&format!("notice-kind-{k}"))))
            .collect(),
    };
    Ok(render(&view, StatusCode::OK))
}

/// `GET /staff/notices`
pub async fn staff(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    staff_page(&state, lang, &me, csrf, String::new()).await
}

/// A `datetime-local` field in Japan time.
fn local(fields: &Fields, name: &str) -> Option<DateTime<Utc>> {
    let v = field_value(fields, name);
    madoguchi_domain::dates::parse_date_time(v.trim())
        .ok_or(())
        .ok()
        .and_then(|t| jst().from_local_datetime(&t).single())
        .map(|t| t.with_timezone(&Utc))
}

/// `POST /staff/notices`: `action=publish` or `action=switch`.
pub async fn staff_post(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&f, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let (db, clock) = (&state.db, state.clock.as_ref());
    let action = field_value(&f, "action");
    let result = if action == "terms" {
        match local(&f, "effective_from") {
            Some(at) => madoguchi_app::notices::terms::publish(
                db,
                clock,
                Publisher::Staff(&me),
                &field_value(&f, "service"),
                &field_value(&f, "version"),
                &field_value(&f, "body"),
                at,
            )
            .await
            .map(|_| lang.t("day-saved")),
            None => Err(AppError::invalid("invalid_date", "effective_from", "YYYY-MM-DDTHH:MM")),
        }
    } else if action == "switch" {
        match Mode::parse(&field_value(&f, "mode")) {
            Some(mode) => {
                let (title, body) = (field_value(&f, "title"), field_value(&f, "body"));
                let notice = (mode != Mode::Open).then_some((title.as_str(), body.as_str()));
                let r = notices::switch(db, clock, Publisher::Staff(&me), mode, notice).await;
                // This replica answers in the new mode at once; the others within seconds.
                state.maintenance.forget();
                r.map(|()| lang.t("day-saved"))
            }
            None => Err(AppError::invalid("invalid_choice", "mode", "open, read_only or closed")),
        }
    } else {
        let window = local(&f, "window_from").zip(local(&f, "window_until"));
        let input = NoticeInput {
            kind: field_value(&f, "kind"),
            title: field_value(&f, "title"),
            body: field_value(&f, "body"),
            publish_from: local(&f, "publish_from"),
            publish_until: local(&f, "publish_until"),
            window,
        };
        notices::publish(db, clock, Publisher::Staff(&me), &input)
            .await
            .map(|_| lang.t("day-saved"))
    };
    let message = match result {
        Ok(m) => m,
        Err(
            e @ (AppError::InvalidInput { .. }
            | AppError::InvalidCharacters { .. }
            | AppError::Forbidden { .. }
            | AppError::Conflict(_)
            | AppError::NotFound { .. }),
        ) => lang.t(&format!("problem-{}", e.specific_code())),
        Err(e) => return Err(PageError(lang, e)),
    };
    staff_page(&state, lang, &me, csrf, message).await
}
