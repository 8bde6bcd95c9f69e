//! The letters of a self-service password reset (rule AC-8): the single-use link, valid
//! 30 minutes, with the lock link every letter carries; or, for an account its owner or
//! the office locked, where to go instead. In the reader's language (NO-5).

use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

/// AC-8: the link the person asked for on the sign-in page.
pub fn reset_requested(lang: &str, name: &str, reset_url: &str, lock_url: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-reset-requested-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t("mail-reset-requested-body"),
            reset_url.to_owned(),
            l.t("mail-reset-requested-not-you"),
            lock_url.to_owned(),
        ],
    }
}

/// AC-8: a reset was asked for an account that is locked until the office lifts it (the
/// owner locked it, perhaps because the password or the mailbox leaked): no link, the way.
pub fn reset_while_locked(lang: &str, name: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-reset-while-locked-subject"),
        paragraphs: vec![greeting(l, name), l.t("mail-reset-while-locked-body")],
    }
}
