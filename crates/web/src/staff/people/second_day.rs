//! A second consultation on one day (BK-4, N12-2-1) from the console: the day and the reason,
//! for a person of one's own office; the console again with the outcome.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::console::staff;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::PageError;
use crate::http::refusal::{Filled, Refusal};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::people::console::{console_for, current};

type Fields = std::collections::HashMap<String, String>;

/// `POST /staff/seekers/{user_id}/second-consultation`: BK-4 (N12-2-1), a second consultation
/// on one day, with a reason; the console again with the outcome.
pub async fn allow_second(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(user_id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let day = madoguchi_domain::dates::parse_date(field_value(&fields, "day").trim());
    let reason = field_value(&fields, "reason");
    let result = madoguchi_app::console::second_consultation::allow(
        &state.db,
        state.clock.as_ref(),
        &me,
        &user_id,
        day,
        &reason,
    )
    .await;
    // A refusal comes back as typed, each problem at its field (a day already allowed is
    // the day's).
    let (message, filled) = match result {
        Ok(()) => (lang.t("console-done-allow_second_consultation"), Filled::fresh(lang)),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("already_allowed", "day");
            (String::new(), Filled::refused("second", &fields, refusal))
        }
    };
    let seeker = staff::after_action(&state.db, state.clock.as_ref(), &me, &user_id)
        .await
        .ok();
    let asked: std::collections::HashMap<String, String> = [("user_id".to_owned(), user_id.clone())].into();
    let view = console_for(&state, lang, &me, csrf, &asked, seeker, message, &filled).await?;
    Ok(filled.refusal.render(&view))
}
