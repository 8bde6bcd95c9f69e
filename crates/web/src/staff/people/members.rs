//! Staff accounts: admins create members for their own scope; the new password and TOTP
//! secret are shown once. A refused form keeps the role, office, user ID and name typed.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::console::staff;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::staff::{Role, may_create};

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/people/members.html")]
struct MembersPage {
    page: Page,
    csrf: String,
    summary: Vec<SummaryLine>,
    created: Option<staff::Credentials>,
    fields: Vec<FormField>,
}

/// The roles this member may create, in words.
fn roles(lang: Lang, me: &StaffMember) -> Vec<(&'static str, String)> {
    Role::ALL
        .into_iter()
        .filter(|r| {
            may_create(
                me.role,
                me.office.as_deref(),
                *r,
                me.office.as_deref().filter(|_| *r != Role::NationalAdmin),
            )
        })
        .map(|r| (r.code(), lang.t(&format!("role-{}", r.code()))))
        .collect()
}

fn members_page(lang: Lang, me: &StaffMember, csrf: String, filled: &Filled<'_>) -> MembersPage {
    let roles = roles(lang, me);
    let first = roles.first().map(|r| r.0).unwrap_or_default();
    let office = me.office.clone().unwrap_or_default();
    let fields: Vec<FormField> = [
        FormField::labelled(lang, "role", "members-role", first).choices(roles),
        FormField::labelled(lang, "office", "members-office", &office)
            .hint(lang.t("members-office-hint"))
            .optional(),
        FormField::new(lang, "user_id", "").hint(String::new()),
        FormField::new(lang, "name", "").hint(String::new()),
    ]
    .into_iter()
    .map(|f| filled.draw("member", f))
    .collect();
    MembersPage {
        page: Page::new(lang, "/staff/members", &[]),
        csrf,
        summary: filled.summary(&fields.iter().collect::<Vec<_>>()),
        created: None,
        fields,
    }
}

/// `GET /staff/members`: admins create staff for their own scope.
pub async fn members(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if roles(lang, &me).is_empty() {
        return Ok(crate::http::page::error_page(
            lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
            "problem-forbidden",
        ));
    }
    Ok(Refusal::none(lang).render(&members_page(lang, &me, csrf, &Filled::fresh(lang))))
}

/// `POST /staff/members`: shows the new member's password and TOTP secret once.
pub async fn create_member(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let Some(role) = Role::parse(&field_value(&fields, "role")) else {
        let filled = Filled::refused("member", &fields, Refusal::field(lang, "role", "invalid_choice"));
        return Ok(filled.refusal.render(&members_page(lang, &me, csrf, &filled)));
    };
    let office = field_value(&fields, "office");
    let office = Some(office.trim()).filter(|o| !o.is_empty());
    let result = staff::create(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        Some(&me),
        role,
        office,
        &field_value(&fields, "user_id"),
        &field_value(&fields, "name"),
    )
    .await;
    match result {
        Ok(c) => {
            let mut view = members_page(lang, &me, csrf, &Filled::fresh(lang));
            view.created = Some(c);
            Ok(Refusal::none(lang).render(&view))
        }
        // An office that does not exist, or is not one's own, is the office field's problem.
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?
                .pin("not_found", "office")
                .pin("forbidden", "office");
            let filled = Filled::refused("member", &fields, refusal);
            Ok(filled.refusal.render(&members_page(lang, &me, csrf, &filled)))
        }
    }
}
