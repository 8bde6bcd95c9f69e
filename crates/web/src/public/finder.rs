//! Finding one's office (issue 13, item 1): by postal code, or by prefecture and
//! municipality, through each office's 管轄; without JavaScript (choosing a prefecture and
//! sending the form lists its offices and offers its municipalities).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use madoguchi_app::AppError;
use madoguchi_app::offices::{OfficeToday, areas};
use madoguchi_app::translations::{Of, Texts};
use madoguchi_domain::calendar::DayStatus;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError, url_component};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::translated::{self, Text};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// An office as a search result: where it is, today, and what one can do there.
pub struct OfficeCard {
    pub code: String,
    pub name: String,
    /// In the reader's language, or the Japanese marked (issue 16, item 3).
    pub address: Text,
    pub phone: String,
    pub today_hours: Option<String>,
    pub today_reason: String,
    /// The job seeker's own office (My Page).
    pub home: bool,
}

pub fn card(page: &Page, o: &OfficeToday, texts: &Texts, home: Option<&str>) -> OfficeCard {
    let (today_hours, today_reason) = match &o.today {
        DayStatus::Open(h) => (Some(crate::public::browse::hours_label(page.lang, h)), String::new()),
        DayStatus::Closed(c) => (None, page.closure_name(c)),
    };
    let (name, address) = translated::office(page.lang, texts, &o.office);
    OfficeCard {
        code: o.office.code.to_string(),
        name,
        address,
        phone: o.office.phone.clone(),
        today_hours,
        today_reason,
        home: home == Some(o.office.code.as_str()),
    }
}

#[derive(Template)]
#[template(path = "public/finder.html")]
struct FinderPage {
    page: Page,
    summary: Vec<SummaryLine>,
    postal: Vec<FormField>,
    place: Vec<FormField>,
    searched: bool,
    heading: String,
    offices: Vec<OfficeCard>,
    /// Signed in: the CSRF token for "keep as my office", and where to come back to.
    csrf: String,
    back: String,
}

/// `GET /offices?postal_code=…` or `?prefecture=…&municipality=…`
pub async fn find(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let fail = |e: AppError| PageError(lang, e);
    let (postal, mut prefecture, mut municipality) = (
        field_value(&q, "postal_code"),
        field_value(&q, "prefecture"),
        field_value(&q, "municipality"),
    );
    let query: Vec<(&str, String)> = [
        ("postal_code", &postal),
        ("prefecture", &prefecture),
        ("municipality", &municipality),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k, url_component(v)))
    .collect();
    let path_and_query = |q: &[(&str, String)]| {
        let joined: Vec<String> = q.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if joined.is_empty() {
            "/offices".to_owned()
        } else {
            format!("/offices?{}", joined.join("&"))
        }
    };
    let page = Page::new(lang, "/offices", &query);
    let clock = state.clock.as_ref();
    let mut refusal = Refusal::none(lang);
    let mut found = None;
    let mut heading = String::new();
    if !postal.trim().is_empty() {
        match areas::by_postal_code(&state.db, clock, &postal).await {
            Ok((code, f)) => {
                let place = f
                    .prefecture
                    .map(|p| format!("{} {}", page.pick(p.ja, p.en), f.municipalities.join("・")))
                    .unwrap_or_default();
                heading = if place.is_empty() {
                    lang.t_args("finder-by-postal-unknown", &[("code", code.to_string())])
                } else {
                    lang.t_args("finder-by-postal", &[("code", code.to_string()), ("place", place)])
                };
                if let (Some(p), Some(m)) = (f.prefecture, f.municipalities.first()) {
                    prefecture = p.code.to_owned();
                    m.clone_into(&mut municipality);
                }
                found = Some(f);
            }
            Err(e) => refusal = Refusal::or_page(lang, e)?,
        }
    } else if !prefecture.is_empty() {
        match areas::prefecture(&prefecture) {
            Ok(p) => {
                let m = Some(municipality.as_str()).filter(|m| !m.is_empty());
                let f = areas::by_place(&state.db, clock, p, m).await.map_err(fail)?;
                let name = page.pick(p.ja, p.en);
                heading = match m {
                    Some(m) => lang.t_args("finder-by-place", &[("place", format!("{name} {m}"))]),
                    None => lang.t_args("finder-in-prefecture", &[("place", name.to_owned())]),
                };
                p.code.clone_into(&mut prefecture);
                found = Some(f);
            }
            Err(e) => refusal = Refusal::or_page(lang, e)?,
        }
    }
    let prefectures = areas::prefectures(&state.db).await.map_err(fail)?;
    let municipalities = match areas::prefecture(&prefecture) {
        Ok(p) => areas::municipalities(&state.db, p).await.map_err(fail)?,
        Err(_) => Vec::new(),
    };
    let filled = Filled::refused("finder", &q, refusal);
    let postal = vec![
        filled.draw(
            "finder",
            FormField::new(lang, "postal_code", &postal)
                .autocomplete("postal-code")
                .attr("inputmode", "numeric")
                .attr("maxlength", 10)
                .optional(),
        ),
    ];
    let choose = (String::new(), lang.t("finder-choose"));
    let mut place = vec![
        FormField::new(lang, "prefecture", &prefecture)
            .choices(
                std::iter::once(choose).chain(
                    prefectures
                        .iter()
                        .map(|p| (p.code.to_owned(), page.pick(p.ja, p.en).to_owned())),
                ),
            )
            .optional(),
    ];
    if !municipalities.is_empty() {
        let all = (String::new(), lang.t("finder-all-municipalities"));
        place.push(
            FormField::new(lang, "municipality", &municipality)
                .choices(std::iter::once(all).chain(municipalities.into_iter().map(|m| (m.clone(), m))))
                .optional(),
        );
    }
    let (csrf, home) = match visitor.signed_in() {
        Some((user, csrf)) => {
            let home = areas::home_office(&state.db, user).await.map_err(fail)?;
            (
                csrf,
                home.filter(|(_, chosen)| *chosen).map(|(o, _)| o.code.to_string()),
            )
        }
        None => (String::new(), None),
    };
    let searched = found.is_some();
    let codes: Vec<String> = found
        .iter()
        .flat_map(|f| &f.offices)
        .map(|o| o.office.code.to_string())
        .collect();
    let texts = translated::read(&state.db, Of::Office, codes).await.map_err(fail)?;
    let offices = found
        .map(|f| {
            f.offices
                .iter()
                .map(|o| card(&page, o, &texts, home.as_deref()))
                .collect()
        })
        .unwrap_or_default();
    let view = FinderPage {
        summary: filled.summary(&postal.iter().chain(&place).collect::<Vec<_>>()),
        postal,
        place,
        searched,
        heading,
        offices,
        csrf,
        back: path_and_query(&query),
        page,
    };
    Ok(filled.refusal.render(&view))
}
