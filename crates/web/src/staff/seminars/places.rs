//! What staff record about one place, as pages (rule SE-6, S6-3 with BK-10 and BK-16): a
//! cancellation the person phoned in, and the correction of a no-show. Both ask first on a
//! confirmation page naming the person; "go back" keeps what was typed; a refusal draws the
//! form again with the problem at its field.

use axum::response::Response;
use madoguchi_app::seminars::places::{self, Correction};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::PageError;
use crate::http::refusal::Filled;
use crate::i18n::Lang;
use crate::staff::seminars::changes::{ConfirmPage, Step, again, step};
use crate::staff::seminars::detail;

type Fields = std::collections::HashMap<String, String>;

/// `POST /staff/seminar-registrations/{reg}/phone-cancel` or `…/correct-no-show`, for the
/// seminar `seminar` whose page the form was on.
#[allow(clippy::too_many_arguments, reason = "one page, its reader and what was sent")]
pub async fn record(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    reg: i64,
    seminar: i64,
    action: &str,
    f: &Fields,
) -> Result<Response, PageError> {
    let phone = action == "phone-cancel";
    let key = if phone {
        format!("phone-{reg}")
    } else {
        format!("correct-{reg}")
    };
    if step(f) == Step::Back {
        return again(state, lang, me, seminar, csrf, &key, f, None).await;
    }
    let (db, clock) = (&state.db, state.clock.as_ref());
    let why = field_value(f, "reason");
    let outcome = if phone {
        Correction::Attended
    } else {
        match Correction::parse(&field_value(f, "outcome")) {
            Ok(o) => o,
            Err(e) => return again(state, lang, me, seminar, csrf, &key, f, Some(e)).await,
        }
    };
    let checked = if phone {
        places::preview_phone_cancel(db, clock, me, reg, &why).await
    } else {
        places::preview_correction(db, clock, me, reg, &why).await
    };
    let (r, s) = match checked {
        Ok(found) => found,
        Err(e) => return again(state, lang, me, seminar, csrf, &key, f, Some(e)).await,
    };
    if step(f) == Step::Ask {
        let action = format!("/staff/seminar-registrations/{reg}/{action}");
        let mut v = ConfirmPage::new(lang, csrf, s.id, &s.title, action, f);
        v.facts = vec![
            (lang.t("staff-seminars-name"), s.title.clone()),
            (lang.t("seminar-when"), lang.date_time(s.starts_at)),
            (lang.t("seminar-ops-person"), r.verify_name.clone()),
        ];
        if phone {
            v.heading = lang.t("seminar-ops-confirm-phone");
            v.consequence = lang.t("seminar-ops-confirm-phone-body");
            v.confirm_label = lang.t("seminar-ops-confirm-phone-button");
        } else {
            let o = field_value(f, "outcome");
            v.facts.push((
                lang.t("seminar-ops-outcome"),
                lang.t(&format!("seminar-ops-outcome-{o}")),
            ));
            v.heading = lang.t("seminar-ops-confirm-correct");
            v.consequence = lang.t("seminar-ops-confirm-correct-body");
            v.confirm_label = lang.t("seminar-ops-confirm-correct-button");
        }
        v.facts.push((lang.t("day-reason"), why.trim().to_owned()));
        return Ok(v.render());
    }
    let done = if phone {
        places::phone_cancel(db, clock, me, reg, &why).await
    } else {
        places::correct_no_show(db, clock, me, reg, outcome, &why).await
    };
    match done {
        Ok(()) => detail::page(state, lang, me, s.id, csrf, lang.t("day-saved"), &Filled::fresh(lang)).await,
        Err(e) => again(state, lang, me, s.id, csrf, &key, f, Some(e)).await,
    }
}
