//! The notice a closure sends (TM-3, NO-1): what was cancelled, why, the office's phone
//! number, and where to book again.

use chrono::{DateTime, Utc};
use madoguchi_domain::calendar::ClosedHours;
use madoguchi_domain::office::Office;

use crate::mail::letters::{Letter, greeting, start_time};
use crate::shared::locales::Lang;

pub(crate) struct Closed<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub office: &'a Office,
    /// `consultation`, or a seminar's title.
    pub what: &'a str,
    pub starts_at: DateTime<Utc>,
    /// `None`: the office closed the whole day.
    pub hours: Option<ClosedHours>,
    pub reason: &'a str,
    pub book_again: &'a str,
}

pub(crate) fn closed(c: &Closed<'_>) -> Letter {
    let l = Lang::of(c.lang);
    let when = start_time(c.lang, c.starts_at);
    let o = c.office;
    let office = if l.prefers_english() { &o.name_en } else { &o.name_ja };
    let what = if c.what == "consultation" {
        l.t("mail-closed-what-consultation")
    } else {
        l.t_args("mail-closed-what-seminar", &[("title", c.what)])
    };
    let args = [
        ("what", what.as_str()),
        ("when", &when),
        ("office", office),
        ("reason", c.reason),
    ];
    let cancelled = match c.hours {
        None => l.t_args("mail-closed-day", &args),
        Some(h) => {
            let (from, until) = (h.from.format("%H:%M").to_string(), h.until.format("%H:%M").to_string());
            let mut args = args.to_vec();
            args.extend([("from", from.as_str()), ("until", until.as_str())]);
            l.t_args("mail-closed-hours", &args)
        }
    };
    Letter {
        subject: l.t("mail-closed-subject"),
        paragraphs: vec![
            greeting(l, c.name),
            cancelled,
            l.t_args("mail-closed-sorry", &[("office", &o.name_ja), ("phone", &o.phone)]),
            l.t("mail-closed-book-again"),
            c.book_again.to_owned(),
        ],
    }
}

/// The letter as the My Page inbox keeps it. Unlike the single-use links other letters carry
/// (which the inbox drops), the link to book again may be kept: it stays with its sentence.
pub(crate) fn inbox_text(l: &Letter) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in &l.paragraphs {
        match out.last_mut() {
            Some(last) if p.starts_with("https://") || p.starts_with("http://") => {
                last.push_str(if last.ends_with('：') { "" } else { " " });
                last.push_str(p);
            }
            _ => out.push(p.clone()),
        }
    }
    out.join("\n\n")
}
