//! The notice a closure sends (TM-3, NO-1): what was cancelled, why, the office's phone
//! number, and where to book again.

use chrono::{DateTime, Utc};
use madoguchi_domain::calendar::ClosedHours;
use madoguchi_domain::office::Office;

use crate::mail::letters::{Letter, start_time};

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
    let when = start_time(c.lang, c.starts_at);
    let o = c.office;
    let hours = c
        .hours
        .map(|h| (h.from.format("%H:%M").to_string(), h.until.format("%H:%M").to_string()));
    let paragraphs = if c.lang == "en" {
        let what = if c.what == "consultation" {
            "Your online job consultation".to_owned()
        } else {
            format!("Your place in \"{}\"", c.what)
        };
        vec![
            format!("Dear {},", c.name),
            match &hours {
                None => format!(
                    "{what} at {when} (Japan time), {}, is cancelled because the office is closed that day: {}.",
                    o.name_en, c.reason
                ),
                Some((from, until)) => format!(
                    "{what} at {when} (Japan time), {}, is cancelled because the office is closed from {from} to {until} that day: {}.",
                    o.name_en, c.reason
                ),
            },
            format!("We are sorry. For questions, call the office: {}.", o.phone),
            "To book another time:".to_owned(),
            c.book_again.to_owned(),
        ]
    } else {
        let what = if c.what == "consultation" {
            "オンライン職業相談のご予約".to_owned()
        } else {
            format!("「{}」のお申し込み", c.what)
        };
        vec![
            format!("{} 様", c.name),
            match &hours {
                None => format!(
                    "{when}（日本時間）の{}での{what}は、当日が休所となったため取り消しました。理由：{}",
                    o.name_ja, c.reason
                ),
                Some((from, until)) => format!(
                    "{when}（日本時間）の{}での{what}は、当日{from}～{until}が休所となったため取り消しました。理由：{}",
                    o.name_ja, c.reason
                ),
            },
            format!(
                "ご迷惑をおかけし申し訳ありません。お問い合わせは{}（{}）までお電話ください。",
                o.name_ja, o.phone
            ),
            "別の日時のご予約はこちらから：".to_owned(),
            c.book_again.to_owned(),
        ]
    };
    Letter {
        subject: if c.lang == "en" {
            "[Madoguchi] Cancelled: the office is closed".to_owned()
        } else {
            "【Madoguchi】休所のため予約を取り消しました".to_owned()
        },
        paragraphs,
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
