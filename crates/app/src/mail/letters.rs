//! The mail Madoguchi writes, in Japanese and English, each as a text + HTML pair
//! (rules NO-1, NO-5). Every letter carries the link that locks the account at once
//! (rule AC-8). Nothing secret beyond the single-use links themselves.

use madoguchi_store::mail::outbox::NewMail;

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
    if lang == "en" {
        local.format("%Y-%m-%d %H:%M").to_string()
    } else {
        local.format("%Y年%-m月%-d日 %H:%M").to_string()
    }
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

fn lock_note(lang: &str, lock_url: &str) -> [String; 2] {
    let note = match lang {
        "en" => "If you did not do this, or think someone else knows your password, lock your account at once:",
        _ => {
            "お心当たりのない場合や、パスワードが他人に知られたおそれがある場合は、次のリンクからアカウントを直ちにロックできます。"
        }
    };
    [note.to_owned(), lock_url.to_owned()]
}

/// AC-1: the verification link after registration (valid 24 hours).
pub fn verification(lang: &str, name: &str, verify_url: &str, lock_url: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Please confirm your email address",
            format!("Dear {name},"),
            "We have received your registration. Open this link within 24 hours to complete it:",
        ),
        _ => (
            "【Madoguchi】メールアドレスの確認のお願い",
            format!("{name} 様"),
            "Madoguchi への仮登録を受け付けました。24時間以内に次のリンクを開き、登録を完了してください。",
        ),
    };
    let mut paragraphs = vec![greeting, body.to_owned(), verify_url.to_owned()];
    paragraphs.extend(lock_note(lang, lock_url));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
}

/// AC-1: the account is active.
pub fn welcome(lang: &str, name: &str, lock_url: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Your registration is complete",
            format!("Dear {name},"),
            "Your email address is confirmed and your account is active. You can now sign in.",
        ),
        _ => (
            "【Madoguchi】登録が完了しました",
            format!("{name} 様"),
            "メールアドレスを確認し、アカウントを有効にしました。ログインしてご利用ください。",
        ),
    };
    let mut paragraphs = vec![greeting, body.to_owned()];
    paragraphs.extend(lock_note(lang, lock_url));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
}

/// NO-1, BK-9: the meeting details are ready — on My Page, never in the mail itself.
pub fn details_ready(lang: &str, name: &str, when: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] How to join your consultation is on My Page",
            format!("Dear {name},"),
            format!(
                "How to join your consultation at {when} (Japan time) is now on My Page. Please sign in to see it."
            ),
        ),
        _ => (
            "【Madoguchi】接続情報をマイページに掲載しました",
            format!("{name} 様"),
            format!("{when}（日本時間）の相談の接続情報をマイページに掲載しました。ログインしてご確認ください。"),
        ),
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body],
    }
}

/// NO-1: the reminder the day before.
pub fn reminder(lang: &str, name: &str, when: &str, office: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Reminder: your consultation tomorrow",
            format!("Dear {name},"),
            format!(
                "This is a reminder of your online job consultation tomorrow, {when} (Japan time), {office}. \
                     Please join from a private room; recording is not allowed. How to join is on My Page."
            ),
        ),
        _ => (
            "【Madoguchi】明日の職業相談のお知らせ",
            format!("{name} 様"),
            format!(
                "明日 {when}（日本時間）、{office}のオンライン職業相談です。個室からご参加ください。\
                     録音・録画はできません。接続情報はマイページでご確認ください。"
            ),
        ),
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body],
    }
}

/// BK-11: the reservation was recorded as a no-show.
pub fn no_show(lang: &str, name: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] You did not join your consultation",
            format!("Dear {name},"),
            "You did not join your consultation and did not cancel it, so it is recorded as a no-show. \
             If this is a mistake, please contact the office.",
        ),
        _ => (
            "【Madoguchi】ご予約の相談にご参加がありませんでした",
            format!("{name} 様"),
            "ご予約の相談に、取消の連絡がないままご参加がありませんでした。無断欠席として記録しました。\
             誤りの場合はハローワークにご連絡ください。",
        ),
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body.to_owned()],
    }
}

/// BK-12: online booking is restricted after repeated no-shows; how to get it lifted.
pub fn restricted(lang: &str, name: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Online booking is paused",
            format!("Dear {name},"),
            "After two consultations missed without notice within 90 days, you cannot book online for now. \
             Please contact your Hello Work office by phone or at the counter; staff can lift the restriction.",
        ),
        _ => (
            "【Madoguchi】オンライン予約を一時停止しました",
            format!("{name} 様"),
            "90日以内に2回、連絡のない欠席があったため、オンラインでの予約を一時停止しています。\
             ハローワークの窓口または電話でご相談ください。職員が停止を解除できます。",
        ),
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body.to_owned()],
    }
}

/// AC-10: the notice 30 days before an unused account is deleted.
pub fn inactivity(lang: &str, name: &str, site_url: &str, lock_url: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Your registration will be deleted in 30 days",
            format!("Dear {name},"),
            "You have not signed in for almost a year. Unless you sign in within 30 days, your registration \
             will be deleted and your personal data erased. To keep it, simply sign in:",
        ),
        _ => (
            "【Madoguchi】30日後に利用者登録が削除されます",
            format!("{name} 様"),
            "1年近くログインがありません。30日以内にログインがない場合、利用者登録を削除し、個人情報を消去します。\
             引き続きご利用の場合は、ログインしてください。",
        ),
    };
    let mut paragraphs = vec![greeting, body.to_owned(), site_url.to_owned()];
    paragraphs.extend(lock_note(lang, lock_url));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
}

/// AC-8: a single-use link to set a new password, which also lifts a lock.
pub fn reset(lang: &str, name: &str, reset_url: &str, lock_url: &str) -> Letter {
    let (subject, greeting, body) = match lang {
        "en" => (
            "[Madoguchi] Set a new password",
            format!("Dear {name},"),
            "As you asked at the office, here is a link to set a new password. It works once, within 24 hours, \
             and lifts any lock on your account:",
        ),
        _ => (
            "【Madoguchi】パスワード再設定のご案内",
            format!("{name} 様"),
            "窓口でのお申し出により、パスワード再設定のリンクをお送りします。24時間以内に一度だけ使え、\
             アカウントのロックも解除されます。",
        ),
    };
    let mut paragraphs = vec![greeting, body.to_owned(), reset_url.to_owned()];
    paragraphs.extend(lock_note(lang, lock_url));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
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
