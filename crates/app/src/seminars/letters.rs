//! The mail about seminars and company tours (rules SE-2, SE-3, NO-1), in Japanese and
//! English. Like every letter they say only that meeting details are on My Page.

use crate::mail::letters::Letter;

fn letter(lang: &str, name: &str, ja: (&str, String), en: (&str, String)) -> Letter {
    let (subject, body, greeting, after) = if lang == "en" {
        (
            en.0,
            en.1,
            format!("Dear {name},"),
            "How to join is shown on My Page. To cancel, use My Page.",
        )
    } else {
        (
            ja.0,
            ja.1,
            format!("{name} 様"),
            "参加方法はマイページでお知らせします。取消はマイページからできます。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body, after.to_owned()],
    }
}

/// SE-2: a seat is taken.
pub fn registered(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(
        lang,
        name,
        (
            "【Madoguchi】セミナーの参加登録が完了しました",
            format!("「{title}」（{when}、日本時間）の参加登録が完了しました。"),
        ),
        (
            "[Madoguchi] You are registered for a seminar",
            format!("You are registered for \"{title}\" ({when}, Japan time)."),
        ),
    )
}

/// SE-3: full; a place on the waiting list.
pub fn waitlisted(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(
        lang,
        name,
        (
            "【Madoguchi】セミナーのキャンセル待ちに登録しました",
            format!(
                "「{title}」（{when}、日本時間）は満席のため、キャンセル待ちに登録しました。席が空くと、締切までは順番に参加登録に切り替え、お知らせします。"
            ),
        ),
        (
            "[Madoguchi] You are on a seminar's waiting list",
            format!(
                "\"{title}\" ({when}, Japan time) is full, so you are on its waiting list. If a seat frees up before the registration deadline, the first in line is registered and told."
            ),
        ),
    )
}

/// SE-3: moved up from the waiting list.
pub fn promoted(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(
        lang,
        name,
        (
            "【Madoguchi】キャンセル待ちから参加登録に切り替わりました",
            format!("席が空いたため、「{title}」（{when}、日本時間）の参加登録が完了しました。"),
        ),
        (
            "[Madoguchi] A seat freed up: you are registered",
            format!("A seat freed up, so you are now registered for \"{title}\" ({when}, Japan time)."),
        ),
    )
}

/// SE-4 (BK-10): the person cancelled their place on My Page or the seminar's page;
/// `waiting` for a place on the waiting list (issue 13, item 6: the cancellation is mailed).
pub fn cancelled_by_user(lang: &str, name: &str, title: &str, when: &str, waiting: bool) -> Letter {
    let (subject, greeting, body, after) = if lang == "en" {
        let place = if waiting {
            "place on the waiting list"
        } else {
            "registration"
        };
        (
            "[Madoguchi] Your seminar place is cancelled",
            format!("Dear {name},"),
            format!("As you asked, your {place} for \"{title}\" ({when}, Japan time) is cancelled."),
            "Other seminars are listed on the seminars page.",
        )
    } else {
        let place = if waiting {
            "キャンセル待ち"
        } else {
            "参加登録"
        };
        (
            "【Madoguchi】セミナーの申込みを取り消しました",
            format!("{name} 様"),
            format!("「{title}」（{when}、日本時間）の{place}を、ご本人の操作により取り消しました。"),
            "ほかのセミナーは、セミナー一覧からお申し込みいただけます。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body, after.to_owned()],
    }
}

/// SE-5: the office removed the participant, with its reason.
pub fn removed(lang: &str, name: &str, title: &str, when: &str, reason: &str) -> Letter {
    letter(
        lang,
        name,
        (
            "【Madoguchi】セミナーの参加登録が取り消されました",
            format!("「{title}」（{when}、日本時間）の参加登録は、ハローワークにより取り消されました。理由: {reason}"),
        ),
        (
            "[Madoguchi] Your seminar registration was cancelled",
            format!("The office cancelled your registration for \"{title}\" ({when}, Japan time). Reason: {reason}"),
        ),
    )
}
