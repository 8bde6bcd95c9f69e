//! Deleting a job seeker's registration from the console (N15): office admins of the
//! person's office and national admins. A page names the person and what will happen, asks
//! for the reason and a second press; then the same erasure as self-deletion (AC-9, PV-6).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::console::removal;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::staff::Role;

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::page::{Page, PageError, error_page, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/people/delete_seeker.html")]
struct DeletePage {
    page: Page,
    csrf: String,
    user_id: String,
    name: String,
    summary: Vec<SummaryLine>,
    /// The reason, as typed when it was refused, with its problems.
    reason: FormField,
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    user_id: &str,
    filled: &Filled<'_>,
) -> Result<DeletePage, PageError> {
    // The read of the person's name is audited as a console action (PV-4).
    let seeker = removal::preview(&state.db, state.clock.as_ref(), me, user_id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let reason = FormField::labelled(lang, "reason", "delete-seeker-reason", "")
        .hint(lang.t("delete-seeker-reason-hint"))
        .kind("textarea")
        .attr("rows", 3);
    let reason = filled.draw("delete", reason);
    Ok(DeletePage {
        page: Page::new(lang, &format!("/staff/seekers/{user_id}/delete"), &[]),
        csrf,
        user_id: seeker.user_id,
        name: seeker.name,
        summary: filled.summary(&[&reason]),
        reason,
    })
}

/// N15 is for office and national admins: anyone else gets the refusal in words.
fn admins_only(lang: Lang, me: &StaffMember) -> Option<Response> {
    (me.role == Role::Counsellor).then(|| {
        error_page(
            lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
            "delete-seeker-admins-only",
        )
    })
}

/// `GET /staff/seekers/{user_id}/delete`: the confirmation step.
pub async fn confirm(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(user_id): Path<String>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if let Some(refused) = admins_only(lang, &me) {
        return Ok(refused);
    }
    let view = page(&state, lang, &me, csrf, &user_id, &Filled::fresh(lang)).await?;
    Ok(render(&view, StatusCode::OK))
}

/// `POST /staff/seekers/{user_id}/delete`: deletes, or the page again with the reason kept.
pub async fn delete(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(user_id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if let Some(refused) = admins_only(lang, &me) {
        return Ok(refused);
    }
    let reason = field_value(&fields, "reason");
    match removal::delete(&state.db, state.clock.as_ref(), &me, &user_id, &reason).await {
        Ok(()) => {
            let mut v = Notice::new(lang, "/staff", "delete-seeker-done-title", &["delete-seeker-done-body"]);
            v.links = vec![("/staff".into(), lang.t("console-title"))];
            Ok(render(&v, StatusCode::OK))
        }
        // The reason as typed, its problem at the field (the character and its position).
        Err(e @ (AppError::InvalidInput { .. } | AppError::InvalidCharacters { .. })) => {
            let filled = Filled::refused("delete", &fields, Refusal::or_page(lang, e)?);
            let view = page(&state, lang, &me, csrf, &user_id, &filled).await?;
            Ok(filled.refusal.render(&view))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
