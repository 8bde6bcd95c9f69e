//! The mail Madoguchi writes, in the reader's language (words in `locales/<tag>/mail.ftl`), each as a text + HTML pair
//! (rules NO-1, NO-5). Every letter carries the link that locks the account at once
//! (rule AC-8). Nothing secret beyond the single-use links themselves.

use madoguchi_store::mail::outbox::NewMail;

use crate::shared::locales::Lang;

/// A letter before it has a recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    /// Paragraphs; a paragraph that is a URL becomes a link in HTML.
    pub paragraphs: Vec<String>,
}

impl Letter {
    pub fn to(&self, recipient: &str) -> NewMail {
        NewMail {
            recipient: recipient.to_owned(),
            subject: self.subject.clone(),
            body_text: self.text(),
            body_html: Some(self.html()),
            attachment: None,
        }
    }

    pub fn text(&self) -> String {
        let mut out = self.paragraphs.join("\n\n");
        out.push('\n');
        out
    }

    pub fn html(&self) -> String {
        let body: String = self
            .paragraphs
            .iter()
            .map(|p| {
                if p.starts_with("http://") || p.starts_with("https://") {
                    format!("<p><a href=\"{0}\">{0}</a></p>\n", escape(p))
                } else {
                    format!("<p>{}</p>\n", escape(p).replace('\n', "<br>"))
                }
            })
            .collect();
        format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>{}</title></head><body>\n{body}</body></html>\n",
            escape(&self.subject)
        )
    }

    /// The text kept in the My Page inbox: the letter without its single-use links.
    pub fn inbox_body(&self) -> String {
        self.paragraphs
            .iter()
            .filter(|p| !p.starts_with("http://") && !p.starts_with("https://"))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A start time as a letter says it, in Japan time: 2027年1月4日 10:00 or 2027-01-04 10:00.
pub fn start_time(lang: &str, t: chrono::DateTime<chrono::Utc>) -> String {
    let local = t.with_timezone(&madoguchi_domain::clock::jst());
    let (month, day) = (local.format("%-m").to_string(), local.format("%-d").to_string());
    let (mm, dd) = (local.format("%m").to_string(), local.format("%d").to_string());
    Lang::of(lang).t_args(
        "mail-start-time",
        &[
            ("year", &local.format("%Y").to_string()),
            ("month", &month),
            ("day", &day),
            ("mm", &mm),
            ("dd", &dd),
            ("time", &local.format("%H:%M").to_string()),
        ],
    )
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `Dear {name},` or `{name} 様`.
pub fn greeting(lang: Lang, name: &str) -> String {
    lang.t_args("mail-greeting", &[("name", name)])
}

fn lock_note(lang: Lang, lock_url: &str) -> [String; 2] {
    [lang.t("mail-lock-note"), lock_url.to_owned()]
}

/// A letter of the message `subject`, a greeting and the message `body`, then `more`.
fn plain_letter(lang: Lang, [subject, body]: [&str; 2], name: &str, more: Vec<String>) -> Letter {
    let mut paragraphs = vec![greeting(lang, name), lang.t(body)];
    paragraphs.extend(more);
    Letter {
        subject: lang.t(subject),
        paragraphs,
    }
}

/// AC-1: the verification link after registration (valid 24 hours).
pub fn verification(lang: &str, name: &str, verify_url: &str, lock_url: &str) -> Letter {
    let l = Lang::of(lang);
    let mut more = vec![verify_url.to_owned()];
    more.extend(lock_note(l, lock_url));
    plain_letter(l, ["mail-verification-subject", "mail-verification-body"], name, more)
}

/// AC-1: the account is active.
pub fn welcome(lang: &str, name: &str, lock_url: &str) -> Letter {
    let l = Lang::of(lang);
    plain_letter(
        l,
        ["mail-welcome-subject", "mail-welcome-body"],
        name,
        lock_note(l, lock_url).into(),
    )
}

/// NO-1, BK-9: the meeting details are ready — on My Page, never in the mail itself.
pub fn details_ready(lang: &str, name: &str, when: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-details-ready-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args("mail-details-ready-body", &[("when", when)]),
        ],
    }
}

/// NO-1: the reminder the day before.
pub fn reminder(lang: &str, name: &str, when: &str, office: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-reminder-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args("mail-reminder-body", &[("when", when), ("office", office)]),
        ],
    }
}

/// BK-11: the reservation was recorded as a no-show.
pub fn no_show(lang: &str, name: &str) -> Letter {
    plain_letter(
        Lang::of(lang),
        ["mail-no-show-subject", "mail-no-show-body"],
        name,
        Vec::new(),
    )
}

/// BK-12: online booking is restricted after repeated no-shows; how to get it lifted.
pub fn restricted(lang: &str, name: &str) -> Letter {
    plain_letter(
        Lang::of(lang),
        ["mail-restricted-subject", "mail-restricted-body"],
        name,
        Vec::new(),
    )
}

/// AC-10: the notice 30 days before an unused account is deleted.
pub fn inactivity(lang: &str, name: &str, site_url: &str, lock_url: &str) -> Letter {
    let l = Lang::of(lang);
    let mut more = vec![site_url.to_owned()];
    more.extend(lock_note(l, lock_url));
    plain_letter(l, ["mail-inactivity-subject", "mail-inactivity-body"], name, more)
}

/// AC-8: a single-use link to set a new password, which also lifts a lock.
pub fn reset(lang: &str, name: &str, reset_url: &str, lock_url: &str) -> Letter {
    let l = Lang::of(lang);
    let mut more = vec![reset_url.to_owned()];
    more.extend(lock_note(l, lock_url));
    plain_letter(l, ["mail-reset-subject", "mail-reset-body"], name, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-8: every letter carries the lock link; NO-1: text and HTML pair.
    #[test]
    fn letters_carry_the_lock_link_in_both_forms() {
        for lang in ["ja", "en"] {
            let l = verification(
                lang,
                "山田 <太郎>",
                "https://m.example/verify?t=a&b",
                "https://m.example/lock?t=x",
            );
            let mail = l.to("a@example.jp");
            assert!(mail.body_text.contains("https://m.example/lock?t=x"));
            let html = mail.body_html.unwrap();
            assert!(html.contains("href=\"https://m.example/verify?t=a&amp;b\""), "{html}");
            assert!(html.contains("山田 &lt;太郎&gt;"), "escaped");
            assert!(!l.inbox_body().contains("https://"), "no live links in the inbox");
        }
        assert!(verification("ja", "x", "u", "l").subject.starts_with("【Madoguchi】"));
        assert!(welcome("en", "x", "l").subject.starts_with("[Madoguchi]"));
    }
}
