//! The mail about seminars and company tours (rules SE-2, SE-3, SE-6, NO-1), in the
//! reader's language. Like every letter they say only that meeting details are on My Page.

use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

/// A letter: the greeting, the message `mail-seminar-{key}-body` with `args`, and `after`.
fn letter_ending(lang: &str, name: &str, key: &str, args: &[(&'static str, &str)], after: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t(&format!("mail-seminar-{key}-subject")),
        paragraphs: vec![
            greeting(l, name),
            l.t_args(&format!("mail-seminar-{key}-body"), args),
            l.t(after),
        ],
    }
}

/// What most seminar letters end with: how to join and cancel is on My Page.
fn letter(lang: &str, name: &str, key: &str, title: &str, when: &str) -> Letter {
    letter_ending(
        lang,
        name,
        key,
        &[("title", title), ("when", when)],
        "mail-seminar-my-page",
    )
}

/// What to do after the office ended a place: ask the office, or find another seminar.
const ASK_THE_OFFICE: &str = "mail-seminar-ask-office";

fn place(lang: &str, waiting: bool) -> String {
    Lang::of(lang).t(if waiting {
        "mail-seminar-place-waiting"
    } else {
        "mail-seminar-place-registration"
    })
}

/// SE-2: a seat is taken.
pub fn registered(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(lang, name, "registered", title, when)
}

/// SE-3: full; a place on the waiting list.
pub fn waitlisted(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(lang, name, "waitlisted", title, when)
}

/// SE-3: moved up from the waiting list.
pub fn promoted(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(lang, name, "promoted", title, when)
}

/// SE-4 (BK-10): the person cancelled their place on My Page or the seminar's page;
/// `waiting` for a place on the waiting list (issue 13, item 6: the cancellation is mailed).
pub fn cancelled_by_user(lang: &str, name: &str, title: &str, when: &str, waiting: bool) -> Letter {
    let place = place(lang, waiting);
    letter_ending(
        lang,
        name,
        "cancelled-by-user",
        &[("title", title), ("when", when), ("place", &place)],
        "mail-seminar-cancelled-by-user-after",
    )
}

/// SE-5: the office removed the participant, with its reason.
pub fn removed(lang: &str, name: &str, title: &str, when: &str, reason: &str) -> Letter {
    letter_ending(
        lang,
        name,
        "removed",
        &[("title", title), ("when", when), ("reason", reason)],
        "mail-seminar-my-page",
    )
}

/// SE-6: the office cancelled the seminar; `waiting` for a place on the waiting list.
pub fn cancelled(lang: &str, name: &str, title: &str, when: &str, reason: &str, waiting: bool) -> Letter {
    let place = place(lang, waiting);
    letter_ending(
        lang,
        name,
        "cancelled",
        &[("title", title), ("when", when), ("place", &place), ("reason", reason)],
        ASK_THE_OFFICE,
    )
}

/// SE-6 (S11-1): registrations are suspended and the seminar may be cancelled; places stay.
pub fn suspended(lang: &str, name: &str, title: &str, when: &str, reason: &str) -> Letter {
    letter_ending(
        lang,
        name,
        "suspended",
        &[("title", title), ("when", when), ("reason", reason)],
        "mail-seminar-my-page",
    )
}

/// SE-6: registrations reopened after a suspension the person was told of.
pub fn resumed(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(lang, name, "resumed", title, when)
}

/// SE-6: the office moved the seminar; the place stays, and may be cancelled on My Page.
pub fn moved(lang: &str, name: &str, title: &str, from: &str, to: &str, reason: &str) -> Letter {
    let l = Lang::of(lang);
    let args = [("title", title), ("from", from), ("to", to), ("reason", reason)];
    let body = if reason.is_empty() {
        "mail-seminar-moved-body"
    } else {
        "mail-seminar-moved-body-reason"
    };
    Letter {
        subject: l.t("mail-seminar-moved-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args(body, &args),
            l.t("mail-seminar-moved-after"),
        ],
    }
}

/// SE-6 (S6-3, BK-10): staff recorded the person's cancellation received by phone.
pub fn phone_cancelled(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter_ending(
        lang,
        name,
        "phone-cancelled",
        &[("title", title), ("when", when)],
        ASK_THE_OFFICE,
    )
}

/// SE-6 (S6-3, BK-12): a recorded no-show was corrected and no longer counts.
pub fn no_show_corrected(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter_ending(
        lang,
        name,
        "no-show-corrected",
        &[("title", title), ("when", when)],
        ASK_THE_OFFICE,
    )
}
