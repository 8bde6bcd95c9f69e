//! The mail about interviews (IV-1, IV-4, NO-1), in the reader's language. The employer,
//! who has no account, is written to in Japanese. Only the employer's letter carries the
//! link; the job seeker's letters point to My Page.

use madoguchi_domain::interview::Outcome;
use madoguchi_store::interviews::{InterviewRow, NewInterview};

use crate::mail::decisions::{app_name, when_with_weekday};
use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

/// The language employers are written to.
const EMPLOYER_LANG: &str = "ja";

/// The office's name in the reader's language.
pub fn office_name(lang: &str, ja: &str, en: &str) -> String {
    if Lang::of(lang).prefers_english() && !en.is_empty() {
        en.to_owned()
    } else {
        ja.to_owned()
    }
}

fn letter(lang: &str, name: &str, key: &str, args: &[(&'static str, &str)], after: &[&str]) -> Letter {
    let l = Lang::of(lang);
    let mut paragraphs = vec![greeting(l, name), l.t_args(&format!("mail-interview-{key}-body"), args)];
    paragraphs.extend(
        after
            .iter()
            .map(|a| if a.starts_with("http") { (*a).to_owned() } else { l.t(a) }),
    );
    Letter {
        subject: l.t(&format!("mail-interview-{key}-subject")),
        paragraphs,
    }
}

/// IV-1: the office proposes an interview; the job seeker answers on My Page.
pub fn proposed(lang: &str, name: &str, i: &NewInterview, office: &str) -> Letter {
    let when = when_with_weekday(lang, i.starts_at);
    let app = app_name(lang, &i.app);
    letter(
        lang,
        name,
        "proposed",
        &[
            ("employer", &i.employer_name),
            ("job", &i.job_title),
            ("when", &when),
            ("office", office),
            ("app", &app),
        ],
        &["mail-interview-answer-on-my-page"],
    )
}

/// IV-1: the job seeker accepted; the employer's contact gets the single-use link.
pub fn employer_link(i: &InterviewRow, url: &str) -> Letter {
    let when = when_with_weekday(EMPLOYER_LANG, i.starts_at);
    let app = app_name(EMPLOYER_LANG, &i.app);
    letter(
        EMPLOYER_LANG,
        &i.contact_name,
        "employer",
        &[
            ("employer", &i.employer_name),
            ("job", &i.job_title),
            ("number", &i.job_number),
            ("when", &when),
            ("app", &app),
        ],
        &["mail-interview-employer-link-note", url],
    )
}

/// The interview was cancelled (by the office, or withdrawn by the job seeker).
pub fn cancelled(lang: &str, name: &str, i: &InterviewRow, by_office: bool) -> Letter {
    let when = when_with_weekday(lang, i.starts_at);
    let key = if by_office { "cancelled" } else { "withdrawn" };
    letter(
        lang,
        name,
        key,
        &[("employer", &i.employer_name), ("job", &i.job_title), ("when", &when)],
        &["mail-interview-answer-on-my-page"],
    )
}

/// The employer is told that an interview they were sent a link for will not take place.
pub fn employer_cancelled(i: &InterviewRow) -> Letter {
    let when = when_with_weekday(EMPLOYER_LANG, i.starts_at);
    letter(
        EMPLOYER_LANG,
        &i.contact_name,
        "employer-cancelled",
        &[("employer", &i.employer_name), ("job", &i.job_title), ("when", &when)],
        &[],
    )
}

/// IV-4: the outcome the employer reported.
pub fn outcome(lang: &str, name: &str, i: &InterviewRow, outcome: Outcome) -> Letter {
    let label = Lang::of(lang).t(&format!("interview-outcome-{}", outcome.code()));
    letter(
        lang,
        name,
        "outcome",
        &[
            ("employer", &i.employer_name),
            ("job", &i.job_title),
            ("outcome", &label),
        ],
        &["mail-interview-answer-on-my-page"],
    )
}
