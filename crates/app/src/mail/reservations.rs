//! The letters about a person's own consultation (rule NO-1): booked, moved to another time
//! (BK-17), cancelled; and a seminar place cancelled. Each says what, when (Japan time,
//! with the weekday), where (office and app), that the meeting details come on My Page only
//! (BK-9), and how to prepare (BK-14). In the reader's language (NO-5).

use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

/// Where a letter's links point, when the use case knows the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// The reservation on My Page (or My Page itself).
    pub my_page: String,
    /// The connection test (BK-14).
    pub connection_test: String,
}

/// One consultation as a letter names it.
#[derive(Debug, Clone, Copy)]
pub struct Consultation<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub office: &'a str,
    /// The start in Japan time with its weekday (`decisions::when_with_weekday`).
    pub when: &'a str,
    pub app: &'a str,
}

/// What the person needs to know after a booking or a move: how the meeting details come,
/// how to prepare, and where it all is.
fn before_the_day(l: Lang, links: Option<&Links>) -> Vec<String> {
    let mut p = vec![l.t("mail-how-to-join"), l.t("mail-to-prepare")];
    if let Some(links) = links {
        p.push(l.t("mail-connection-test-label"));
        p.push(links.connection_test.clone());
    }
    p.push(l.t("mail-change-or-cancel"));
    if let Some(links) = links {
        p.push(l.t("mail-my-page-label"));
        p.push(links.my_page.clone());
    }
    p
}

/// NO-1: a consultation is booked (or staff scheduled a request, or booked the next one).
pub fn booked(c: &Consultation<'_>, links: Option<&Links>) -> Letter {
    let l = Lang::of(c.lang);
    let body = l.t_args(
        "mail-booked-body",
        &[("when", c.when), ("office", c.office), ("app", c.app)],
    );
    let mut paragraphs = vec![greeting(l, c.name), body];
    paragraphs.extend(before_the_day(l, links));
    Letter {
        subject: l.t("mail-booked-subject"),
        paragraphs,
    }
}

/// NO-1, BK-17: the consultation moved to another time; `was` is the old start.
pub fn changed(c: &Consultation<'_>, was: &str, links: Option<&Links>) -> Letter {
    let l = Lang::of(c.lang);
    let body = l.t_args(
        "mail-changed-body",
        &[("was", was), ("when", c.when), ("office", c.office), ("app", c.app)],
    );
    let mut paragraphs = vec![greeting(l, c.name), body];
    paragraphs.extend(before_the_day(l, links));
    Letter {
        subject: l.t("mail-changed-subject"),
        paragraphs,
    }
}

/// NO-1: a consultation is cancelled.
pub fn cancelled(c: &Consultation<'_>) -> Letter {
    let l = Lang::of(c.lang);
    Letter {
        subject: l.t("mail-cancelled-subject"),
        paragraphs: vec![
            greeting(l, c.name),
            l.t_args("mail-cancelled-body", &[("when", c.when), ("office", c.office)]),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rules NO-1, BK-9, BK-14: what, when with weekday, where, how details come, how to prepare.
    #[test]
    fn a_booking_letter_says_what_when_where_and_how_to_prepare() {
        let links = Links {
            my_page: "https://m.example/me".into(),
            connection_test: "https://m.example/connection-test".into(),
        };
        let c = Consultation {
            lang: "ja",
            name: "山田 太郎",
            office: "灘公共職業安定所三宮分室",
            when: "2027年1月4日（月）10:00",
            app: "Zoom",
        };
        let text = booked(&c, Some(&links)).text();
        for part in [
            "2027年1月4日（月）10:00",
            "灘公共職業安定所三宮分室",
            "Zoom",
            "マイページに掲載",
            "接続テスト",
            "https://m.example/me",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        let moved = changed(&Consultation { lang: "en", ..c }, "Mon 4 Jan 2027, 10:00", None);
        assert!(
            moved.text().contains("from Mon 4 Jan 2027, 10:00 to 2027年1月4日"),
            "{}",
            moved.text()
        );
        assert!(!moved.text().contains("https://"), "no links without a site");
    }
}
