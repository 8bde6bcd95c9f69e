//! One selection day in the console (IV-2, IV-5): the facts, each slot with its seats, the
//! form to refer a job seeker (user ID or job-seeker number; a refusal keeps what was
//! typed), the people referred and the bookings with what each agreed the employer may see,
//! and a new link for the employer's contact. Each person listed is audited (PV-4).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::selection::{lists, refer};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;

struct Slot {
    time: String,
    seats: String,
}

struct Referral {
    name: String,
    user_id: String,
    booked: String,
}

struct Booking {
    time: String,
    name: String,
    shares: String,
}

#[derive(Template)]
#[template(path = "staff/selection/day.html")]
struct DayPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    id: i64,
    heading: String,
    facts: Vec<(String, String)>,
    slots: Vec<Slot>,
    referrals: Vec<Referral>,
    bookings: Vec<Booking>,
    refer: Vec<FormField>,
}

#[derive(serde::Deserialize)]
pub struct Done {
    pub published: Option<String>,
}

fn not_found(lang: Lang) -> PageError {
    PageError(
        lang,
        AppError::NotFound {
            what: "selection day".into(),
        },
    )
}

fn time_range(lang: Lang, from: chrono::DateTime<chrono::Utc>, until: chrono::DateTime<chrono::Utc>) -> String {
    let jst = madoguchi_domain::clock::jst();
    lang.t_args(
        "hours-range",
        &[
            ("opens", from.with_timezone(&jst).format("%H:%M").to_string()),
            ("closes", until.with_timezone(&jst).format("%H:%M").to_string()),
        ],
    )
}

/// What the person agreed to share, in words: "phone, job-seeker number" or "name only".
fn shares_words(lang: Lang, address: bool, phone: bool, number: bool) -> String {
    let picked: Vec<String> = [
        (address, "selection-share-address-short"),
        (phone, "selection-share-phone-short"),
        (number, "selection-share-number-short"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| lang.t(key))
    .collect();
    if picked.is_empty() {
        lang.t("selection-shares-none")
    } else {
        picked.join(lang.t("selection-list-separator").as_str())
    }
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    id: i64,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let d = lists::for_staff(&state.db, state.clock.as_ref(), me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let day = &d.day;
    let facts = vec![
        (lang.t("selection-field-job-number"), day.job_number.clone()),
        (lang.t("selection-field-job-title"), day.job_title.clone()),
        (
            lang.t("selection-contact"),
            format!("{} <{}>", day.contact_name, day.contact_email),
        ),
        (lang.t("selection-field-app"), lang.t(&format!("app-{}", day.app))),
    ];
    let slots = d
        .slots
        .iter()
        .map(|s| Slot {
            time: time_range(lang, s.starts_at, s.ends_at),
            seats: lang.t_args(
                "selection-seats",
                &[("booked", s.booked.to_string()), ("capacity", s.capacity.to_string())],
            ),
        })
        .collect();
    let referrals = d
        .referrals
        .iter()
        .map(|r| Referral {
            name: r.name.clone(),
            user_id: r.user_id.clone(),
            booked: match r.starts_at {
                Some(t) => lang.date_time(t),
                None => lang.t("selection-not-booked"),
            },
        })
        .collect();
    let bookings = d
        .booked
        .iter()
        .map(|b| Booking {
            time: time_range(lang, b.starts_at, b.ends_at),
            name: format!("{}（{}）", b.name, b.name_kana),
            shares: shares_words(lang, b.share_address, b.share_phone, b.share_number),
        })
        .collect();
    let refer = vec![filled.draw(
        "refer",
        FormField::labelled(lang, "who", "selection-field-who", "").hint(lang.t("selection-hint-who")),
    )];
    let view = DayPage {
        page: Page::new(lang, &format!("/staff/selection/{id}"), &[]),
        csrf,
        message,
        summary: filled.summary(&refer.iter().collect::<Vec<_>>()),
        id,
        heading: lang.t_args(
            "selection-day-heading",
            &[
                ("employer", day.employer_name.clone()),
                ("date", lang.date(day.local_date)),
            ],
        ),
        facts,
        slots,
        referrals,
        bookings,
        refer,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/selection/{id}`
pub async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    let message = match done.published {
        Some(_) => lang.t("selection-published"),
        None => String::new(),
    };
    page(&state, lang, &me, csrf, id, message, &Filled::fresh(lang)).await
}

/// `POST /staff/selection/{id}/refer`
pub async fn refer_submit(
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
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    let who = field_value(&fields, "who");
    match refer::refer(&state.db, state.clock.as_ref(), &state.site, &me, id, &who).await {
        Ok(r) => {
            let key = if r.newly {
                "selection-referred"
            } else {
                "selection-already-referred"
            };
            let message = lang.t_args(key, &[("name", r.name)]);
            page(&state, lang, &me, csrf, id, message, &Filled::fresh(lang)).await
        }
        // About the person typed; a day this member may not see fails to draw the page.
        Err(AppError::NotFound { .. }) => {
            let refusal = Refusal::none(lang).with_field("who", lang.t("selection-who-not-found"));
            let filled = Filled::refused("refer", &fields, refusal);
            page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
        Err(e) => {
            let filled = Filled::refused("refer", &fields, Refusal::or_page(lang, e)?);
            page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
    }
}

/// `POST /staff/selection/{id}/link`: a new link for the contact; the earlier stops working.
pub async fn send_link(
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
    let id: i64 = id.parse().map_err(|_| not_found(lang))?;
    match lists::send_link(&state.db, state.clock.as_ref(), &state.site, &me, id).await {
        Ok(()) => {
            page(
                &state,
                lang,
                &me,
                csrf,
                id,
                lang.t("selection-link-sent"),
                &Filled::fresh(lang),
            )
            .await
        }
        Err(e) => {
            let filled = Filled::refused("link", &fields, Refusal::or_page(lang, e)?);
            page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
    }
}
