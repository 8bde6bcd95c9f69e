//! Booking a consultation without JavaScript: the booking form (BK-6), with what still
//! blocks a booking shown instead of it (issue 13, item 6), its confirmation
//! (`reservation.rs`), and cancelling from My Page after a confirmation page (BK-10). The
//! week of times is `week.rs`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, consultations::booking, offices};
use madoguchi_store::consultations::reservations::{self as store, Details};

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::gates::{Gate, gates};
use crate::http::page::{Page, PageError, render, sign_in_first};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::seeker::reservation::confirmation::Done;

type Fields = std::collections::HashMap<String, String>;

fn app_name(lang: Lang, app: &str) -> String {
    lang.t(&format!("app-{app}"))
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
    /// What still blocks a booking, with its fix: shown instead of the form (issue 13), or
    /// above it when a sent form came back.
    gates: Vec<Gate>,
    show_form: bool,
    /// The office's week, to pick another time.
    week_href: String,
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
    let path = format!("/book/{slot_id}");
    let gates = gates(state, lang, user, "consultation", &path, Some(office.code.as_str())).await?;
    let week_href = format!(
        "/offices/{}/book?week={}",
        office.code,
        madoguchi_domain::booking::local_date(slot.starts_at)
    );
    Ok(BookForm {
        show_form: gates.is_empty() || !filled.refusal.is_empty(),
        gates,
        week_href,
        page: Page::new(lang, &path, &[]),
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
        // Issue 13, item 1: signed in, the person comes back to this time.
        return Ok(sign_in_first(&format!("/book/{slot}")));
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
        return Ok(sign_in_first(&format!("/book/{slot}")));
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
            crate::seeker::reservation::confirmation::page(
                &state,
                lang,
                user,
                csrf,
                id,
                Done::Booked,
                StatusCode::CREATED,
            )
            .await
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

/// `GET /me/reservations/{id}/cancel`: what will be cancelled, and one button (issue 13,
/// item 6: nothing is cancelled by a single click).
pub async fn cancel_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let path = format!("/me/reservations/{id}/cancel");
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(sign_in_first(&path));
    };
    let not_found = || {
        PageError(
            lang,
            AppError::NotFound {
                what: "reservation".into(),
            },
        )
    };
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let r = booking::own(&state.db, user, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let state_code = madoguchi_domain::booking::State::parse(&r.state);
    let may = state_code.is_some_and(|s| madoguchi_domain::booking::user_may_cancel(s, r.starts_at, state.clock.now()));
    let office = offices::get(&state.db, &r.office_code)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut v = Notice::new(lang, &path, "cancel-confirm-title", &[]);
    v.paragraphs = vec![
        format!(
            "{} · {} · {}",
            lang.date_time(r.starts_at),
            lang.pick(&office.name_ja, &office.name_en),
            app_name(lang, &r.app)
        ),
        lang.t(if may {
            "cancel-confirm-body"
        } else {
            "problem-cutoff_passed"
        }),
    ];
    if may {
        v.form_action = path;
        v.csrf = csrf;
        v.button = lang.t("cancel-confirm-submit");
        v.button_class = "danger";
    }
    v.links = vec![("/me".into(), lang.t("cancel-keep"))];
    Ok(render(&v, StatusCode::OK))
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
        return Ok(sign_in_first("/me"));
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
