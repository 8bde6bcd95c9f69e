//! The mail of selection days (IV-2, NO-1, NO-2): the job seeker's referral, and the
//! employer contact's link to the day's list (Japanese: an employer has no account and no
//! language setting).

use chrono::NaiveDate;

use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

/// The day as letters say it: 2027年1月4日 or 2027/1/4.
fn day(lang: Lang, d: NaiveDate) -> String {
    lang.t_args(
        "mail-selection-date",
        &[
            ("year", &d.format("%Y").to_string()),
            ("month", &d.format("%-m").to_string()),
            ("day", &d.format("%-d").to_string()),
        ],
    )
}

/// IV-2: the office referred the person to a selection day; they book a time on My Page.
pub fn referred(lang: &str, name: &str, employer: &str, job_title: &str, date: NaiveDate, my_page: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-selection-referred-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args(
                "mail-selection-referred-body",
                &[("employer", employer), ("job", job_title), ("date", &day(l, date))],
            ),
            my_page.to_owned(),
        ],
    }
}

/// IV-2, IV-5: the contact's single-use link to the day's list, valid until the day ends.
pub fn employer_link(name: &str, employer: &str, date: NaiveDate, url: &str) -> Letter {
    let l = Lang::of("ja");
    Letter {
        subject: l.t("mail-selection-employer-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args(
                "mail-selection-employer-body",
                &[("employer", employer), ("date", &day(l, date))],
            ),
            url.to_owned(),
            l.t("mail-selection-employer-note"),
        ],
    }
}
