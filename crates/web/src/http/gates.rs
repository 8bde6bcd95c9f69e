//! Before submit, not after (issue 13, item 6): what still stands between a signed-in job
//! seeker and a booking or a seminar place (AC-11, AC-12, AC-13, BK-12, BK-13), each with the
//! page that fixes it, shown before the form so nobody writes a topic only to be refused.

use madoguchi_app::AppError;

use crate::AppState;
use crate::http::page::url_component;
use crate::i18n::Lang;

/// One thing in the way, in words, and where to fix it.
pub struct Gate {
    pub text: String,
    pub fix_href: String,
    pub fix_label: String,
}

/// The gates for `user` before `service` (`consultation` or `seminar`); empty when they may go
/// ahead. `next` is the page to come back to after accepting new terms; `office` the office
/// to contact for what only staff can fix (its page, else the office finder).
pub async fn gates(
    state: &AppState,
    lang: Lang,
    user: i64,
    service: &str,
    next: &str,
    office: Option<&str>,
) -> Result<Vec<Gate>, AppError> {
    let clock = state.clock.as_ref();
    let contact = office.map_or_else(|| "/offices".to_owned(), |c| format!("/offices/{c}"));
    let mut out: Vec<Gate> = madoguchi_app::eligibility::booking_blockers(&state.db, clock, user)
        .await?
        .into_iter()
        .map(|code| {
            let href = match code {
                "registration_missing" => "/me/eligibility#job_seeker_number".to_owned(),
                "registration_expired" => "/me/eligibility#job_seeker_expires".to_owned(),
                "residence_missing" => "/me/eligibility#nationality".to_owned(),
                "residence_expired" => "/me/eligibility#stay_until".to_owned(),
                "registration_unconfirmed" => "/me/eligibility".to_owned(),
                _ => contact.clone(),
            };
            Gate {
                text: lang.t(&format!("blocker-{code}")),
                fix_href: href,
                fix_label: lang.t(&format!("fix-{code}")),
            }
        })
        .collect();
    if !madoguchi_app::notices::terms::pending(&state.db, clock, user, service)
        .await?
        .is_empty()
    {
        out.push(Gate {
            text: lang.t("gate-terms"),
            fix_href: format!("/terms/{service}?next={}", url_component(next)),
            fix_label: lang.t("fix-terms"),
        });
    }
    Ok(out)
}
