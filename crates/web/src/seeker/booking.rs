//! Booking a consultation without JavaScript: an office's free slots, the booking form
//! (BK-6) and its confirmation (`reservation`), and the reservations on My Page with cancel
//! (BK-10).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Days, TimeZone, Utc};
use madoguchi_app::{AppError, consultations::booking, offices};
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::reservations::{self as store, Details};

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::seeker::reservation::Done;

type Fields = std::collections::HashMap<String, String>;

/// One free slot as listed: (slot id, time, app, seats left).
type SlotItem = (i64, String, String, i32);

#[derive(Template)]
#[template(path = "seeker/book.html")]
struct SlotsPage {
    page: Page,
    code: String,
    office: String,
    error: String,
    days: Vec<(String, Vec<SlotItem>)>,
}

fn app_name(lang: Lang, app: &str) -> String {
    lang.t(&format!("app-{app}"))
}

/// `GET /offices/{code}/book`: free slots from tomorrow for 30 days (BK-3).
pub async fn slots(State(state): State<AppState>, Path(code): Path<String>, lang: Lang) -> Result<Response, PageError> {
    let office = offices::get(&state.db, &code).await.map_err(|e| PageError(lang, e))?;
    let tomorrow = state.clock.today_jst().succ_opt().unwrap_or_default();
    let start = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| jst().from_local_datetime(&t).single())
            .map(|t| t.with_timezone(&Utc))
    };
    let (Some(from), Some(to)) = (
        start(tomorrow),
        tomorrow.checked_add_days(Days::new(30)).and_then(start),
    ) else {
        return Err(PageError(lang, AppError::NotFound { what: "slots".into() }));
    };
    let free = store::free_slots(&state.db, office.code.as_str(), from, to)
        .await
        .map_err(|e| PageError(lang, e.into()))?;
    let mut days: Vec<(String, Vec<SlotItem>)> = Vec::new();
    for s in free {
        let local = s.starts_at.with_timezone(&jst());
        let label = lang.date(local.date_naive());
        let item = (
            s.id,
            local.format("%H:%M").to_string(),
            app_name(lang, &s.app),
            s.capacity - s.booked,
        );
        match days.last_mut() {
            Some((l, items)) if *l == label => items.push(item),
            _ => days.push((label, vec![item])),
        }
    }
    let view = SlotsPage {
        page: Page::new(lang, &format!("/offices/{}/book", office.code), &[]),
        code: office.code.to_string(),
        office: Page::new(lang, "/", &[])
            .pick(&office.name_ja, &office.name_en)
            .to_owned(),
        error: String::new(),
        days,
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "seeker/book_form.html")]
struct BookForm {
    page: Page,
    slot_id: i64,
    when: String,
    office: String,
    app: String,
    csrf: String,
    summary: Vec<SummaryLine>,
    /// Name and number to check who joins, the topic, a companion: as typed after a refusal.
    fields: Vec<FormField>,
}

async fn form(
    state: &AppState,
    lang: Lang,
    slot_id: i64,
    csrf: String,
    user: i64,
    filled: &Filled<'_>,
) -> Result<BookForm, AppError> {
    let slot = store::slot(&state.db, slot_id)
        .await?
        .ok_or(AppError::NotFound { what: "slot".into() })?;
    let office = offices::get(&state.db, &slot.office_code).await?;
    let me = madoguchi_store::accounts::users::by_id(&state.db, user).await?;
    let number = madoguchi_store::eligibility::get(&state.db, user)
        .await?
        .and_then(|e| e.job_seeker_number);
    let name = me.map(|u| u.name).unwrap_or_default();
    let fields: Vec<FormField> = [
        FormField::new(lang, "verify_name", &name).autocomplete("name"),
        FormField::labelled(
            lang,
            "verify_number",
            "field-job_seeker_number",
            &number.unwrap_or_default(),
        ),
        FormField::new(lang, "topic", "").kind("textarea").attr("rows", 4),
        FormField::new(lang, "companion", ""),
    ]
    .into_iter()
    .map(|f| filled.draw("book", f.optional()))
    .collect();
    Ok(BookForm {
        page: Page::new(lang, &format!("/book/{slot_id}"), &[]),
        slot_id,
        when: lang.date_time(slot.starts_at),
        office: Page::new(lang, "/", &[])
            .pick(&office.name_ja, &office.name_en)
            .to_owned(),
        app: app_name(lang, &slot.app),
        csrf,
        summary: filled.summary(&fields.iter().collect::<Vec<_>>()),
        fields,
    })
}

/// `GET /book/{slot}`
pub async fn book_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(slot): Path<String>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let slot: i64 = slot
        .parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "slot".into() }))?;
    let view = form(&state, lang, slot, csrf, user, &Filled::fresh(lang))
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(render(&view, StatusCode::OK))
}

/// `POST /book/{slot}`: confirmed at once, or the form again with the reason in words.
pub async fn book_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(slot): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let slot: i64 = slot
        .parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "slot".into() }))?;
    let details = Details {
        topic: field_value(&fields, "topic"),
        verify_name: field_value(&fields, "verify_name"),
        verify_number: field_value(&fields, "verify_number"),
        companion: field_value(&fields, "companion"),
    };
    let result = booking::book_on(&state.db, state.clock.as_ref(), &state.site, user, slot, &details).await;
    match result {
        // The confirmation: what, when, where, how to join and prepare, the calendar file.
        Ok(id) => {
            crate::seeker::reservation::page(&state, lang, user, csrf, id, Done::Booked, StatusCode::CREATED).await
        }
        // AC-13: new terms in force: the interstitial page, then back to this slot.
        Err(AppError::Forbidden {
            code: "terms_not_accepted",
            ..
        }) => Ok(Redirect::to(&format!("/terms/consultation?next=/book/{slot}")).into_response()),
        // Everything typed stays; the words say which field, or which step is missing.
        Err(e) => {
            let blocker = match &e {
                AppError::Forbidden {
                    code: "not_eligible",
                    message,
                } => Some(lang.t(&format!("blocker-{message}"))),
                _ => None,
            };
            let mut refusal = Refusal::or_page(lang, e)?;
            refusal.also_some(blocker);
            let filled = Filled::refused("book", &fields, refusal);
            let view = form(&state, lang, slot, csrf, user, &filled)
                .await
                .map_err(|e| PageError(lang, e))?;
            Ok(filled.refusal.render(&view))
        }
    }
}

/// `POST /me/reservations/{id}/cancel`
pub async fn cancel(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id: i64 = id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "reservation".into(),
            },
        )
    })?;
    booking::cancel_own_on(&state.db, state.clock.as_ref(), &state.site, user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(Redirect::to("/me").into_response())
}
