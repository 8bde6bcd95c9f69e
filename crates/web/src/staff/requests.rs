//! The request queue (rule BK-7): staff schedule a request into a free slot, or decline it
//! with the reason the person is told (C6-3).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::DateTime;
use madoguchi_app::shared::StaffMember;
use madoguchi_app::{AppError, consultations::requests};

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One open request: (id, who, preferences, topic, the free slot to schedule it into, the
/// reason to decline it with).
type Row = (i64, String, String, String, Option<FormField>, FormField);

#[derive(Template)]
#[template(path = "staff/requests.html")]
struct RequestsPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    rows: Vec<Row>,
}

async fn me(state: &AppState, visitor: &Visitor, lang: Lang) -> Result<Option<(StaffMember, String)>, PageError> {
    visitor.staff_member(state).await.map_err(|e| PageError(lang, e))
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let free = crate::staff::day::next_free_slots(state, lang, me.office.as_deref().unwrap_or_default())
        .await
        .map_err(|e| PageError(lang, e))?;
    let open = requests::open(&state.db, state.clock.as_ref(), me)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut rows = Vec::new();
    for r in open {
        let who = madoguchi_store::accounts::users::by_id(&state.db, r.user_ref)
            .await
            .map_err(|e| PageError(lang, e.into()))?
            .map(|u| format!("{}（{}）", u.name, u.user_id))
            .unwrap_or_default();
        let prefs = r
            .preferences
            .split(',')
            .filter_map(|p| DateTime::parse_from_rfc3339(p).ok())
            .map(|p| lang.date_time(p))
            .collect::<Vec<_>>()
            .join(" / ");
        // The slot chosen stays chosen when scheduling it was refused.
        let slot = (!free.is_empty()).then(|| {
            let f = FormField::labelled(lang, "slot_id", "requests-slot", "")
                .id(&format!("slot-{}", r.id))
                .choices(free.iter().map(|(id, label)| (id, label)));
            filled.draw(&format!("schedule-{}", r.id), f)
        });
        // C6-3: the reason the person is told stays as typed when it was refused.
        let reason = FormField::labelled(lang, "reason", "requests-decline-reason", "")
            .id(&format!("reason-{}", r.id))
            .hint(lang.t("requests-decline-reason-hint"))
            .kind("textarea")
            .attr("rows", 2)
            .attr("maxlength", 400);
        let reason = filled.draw(&format!("decline-{}", r.id), reason);
        rows.push((r.id, who, prefs, r.topic, slot, reason));
    }
    let drawn: Vec<&FormField> = rows
        .iter()
        .flat_map(|r| r.4.iter().chain(std::iter::once(&r.5)))
        .collect();
    let view = RequestsPage {
        page: Page::new(lang, "/staff/requests", &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        rows,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/requests`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    page(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
}

/// `POST /staff/requests/{id}/{schedule|decline}`
pub async fn decide(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((id, action)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id: i64 = id.parse().unwrap_or(-1);
    let result = match action.as_str() {
        "schedule" => {
            let slot: i64 = field_value(&fields, "slot_id").parse().unwrap_or(-1);
            requests::schedule(&state.db, state.clock.as_ref(), &me, id, slot)
                .await
                .map(|_| ())
        }
        "decline" => {
            let reason = field_value(&fields, "reason");
            requests::decline(&state.db, state.clock.as_ref(), &me, id, &reason).await
        }
        _ => Err(AppError::NotFound { what: "action".into() }),
    };
    match result {
        Ok(()) => page(&state, lang, &me, csrf, lang.t("day-saved"), &Filled::fresh(lang)).await,
        Err(e) => {
            let mut refusal = Refusal::or_page(lang, e)?
                .pin("slot_full", "slot_id")
                .pin("daily_limit", "slot_id");
            // C6-3: the person is told why, so a decline without a reason says so in words.
            if action == "decline" && field_value(&fields, "reason").trim().is_empty() {
                refusal = Refusal::none(lang).with_field("reason", lang.t("requests-decline-reason-needed"));
            }
            let filled = Filled::refused(&format!("{action}-{id}"), &fields, refusal);
            page(&state, lang, &me, csrf, String::new(), &filled).await
        }
    }
}
