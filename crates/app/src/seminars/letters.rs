//! The mail about seminars and company tours (rules SE-2, SE-3, SE-6, NO-1), in Japanese and
//! English. Like every letter they say only that meeting details are on My Page.

use crate::mail::letters::Letter;

/// What most seminar letters end with.
const MY_PAGE: (&str, &str) = (
    "参加方法はマイページでお知らせします。取消はマイページからできます。",
    "How to join is shown on My Page. To cancel, use My Page.",
);

fn letter(lang: &str, name: &str, ja: (&str, String), en: (&str, String)) -> Letter {
    letter_ending(lang, name, ja, en, MY_PAGE)
}

/// A letter whose last paragraph is `after` (Japanese, English).
fn letter_ending(lang: &str, name: &str, ja: (&str, String), en: (&str, String), after: (&str, &str)) -> Letter {
    let (subject, body, greeting, after) = if lang == "en" {
        (en.0, en.1, format!("Dear {name},"), after.1)
    } else {
        (ja.0, ja.1, format!("{name} 様"), after.0)
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

/// What to do after the office ended a place: ask the office, or find another seminar.
const ASK_THE_OFFICE: (&str, &str) = (
    "ご不明な点はハローワークにお問い合わせください。ほかのセミナーはセミナー一覧からお申し込みいただけます。",
    "For questions, please contact the office. Other seminars are listed on the seminars page.",
);

/// SE-6: the office cancelled the seminar; `waiting` for a place on the waiting list.
pub fn cancelled(lang: &str, name: &str, title: &str, when: &str, reason: &str, waiting: bool) -> Letter {
    let (place_ja, place_en) = if waiting {
        ("キャンセル待ち", "place on the waiting list")
    } else {
        ("参加登録", "registration")
    };
    letter_ending(
        lang,
        name,
        (
            "【Madoguchi】セミナーが中止になりました",
            format!(
                "「{title}」（{when}、日本時間）は、ハローワークの判断により中止となりました。{place_ja}は取り消されています。理由: {reason}"
            ),
        ),
        (
            "[Madoguchi] A seminar is cancelled",
            format!(
                "The office has cancelled \"{title}\" ({when}, Japan time), so your {place_en} is cancelled. Reason: {reason}"
            ),
        ),
        ASK_THE_OFFICE,
    )
}

/// SE-6 (S11-1): registrations are suspended and the seminar may be cancelled; places stay.
pub fn suspended(lang: &str, name: &str, title: &str, when: &str, reason: &str) -> Letter {
    letter_ending(
        lang,
        name,
        (
            "【Madoguchi】セミナーの受付を一時停止しました",
            format!(
                "「{title}」（{when}、日本時間）は、新しい申込みの受付を一時停止しました。中止となる場合があります。中止が決まったときは改めてお知らせします。今のお申込みはそのままです。理由: {reason}"
            ),
        ),
        (
            "[Madoguchi] A seminar has stopped taking registrations",
            format!(
                "\"{title}\" ({when}, Japan time) is not taking new registrations for now and may be cancelled. If it is cancelled, you will be told. Your place stays as it is. Reason: {reason}"
            ),
        ),
        MY_PAGE,
    )
}

/// SE-6: registrations reopened after a suspension the person was told of.
pub fn resumed(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter(
        lang,
        name,
        (
            "【Madoguchi】セミナーの受付を再開しました",
            format!("「{title}」（{when}、日本時間）は、予定どおり開催します。申込みの受付も再開しました。"),
        ),
        (
            "[Madoguchi] A seminar takes place as planned",
            format!("\"{title}\" ({when}, Japan time) takes place as planned, and registrations have reopened."),
        ),
    )
}

/// SE-6: the office moved the seminar; the place stays, and may be cancelled on My Page.
pub fn moved(lang: &str, name: &str, title: &str, from: &str, to: &str, reason: &str) -> Letter {
    let (why_ja, why_en) = if reason.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("理由: {reason}"), format!(" Reason: {reason}"))
    };
    letter_ending(
        lang,
        name,
        (
            "【Madoguchi】セミナーの日時が変更になりました",
            format!(
                "「{title}」の日時を、{from}から{to}（日本時間）に変更しました。お申込みは新しい日時に引き継がれます。{why_ja}"
            ),
        ),
        (
            "[Madoguchi] A seminar has a new date and time",
            format!("\"{title}\" has moved from {from} to {to} (Japan time). Your place moves with it.{why_en}"),
        ),
        (
            "新しい日時のご都合が悪い場合は、マイページから取り消すことができます。",
            "If the new time does not suit you, you can cancel on My Page.",
        ),
    )
}

/// SE-6 (S6-3, BK-10): staff recorded the person's cancellation received by phone.
pub fn phone_cancelled(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter_ending(
        lang,
        name,
        (
            "【Madoguchi】セミナーのお申込みを取り消しました",
            format!(
                "お電話でのご連絡により、「{title}」（{when}、日本時間）のお申込みを取り消しました。無断欠席にはなりません。"
            ),
        ),
        (
            "[Madoguchi] Your seminar place is cancelled",
            format!(
                "As you told the office by phone, your place in \"{title}\" ({when}, Japan time) is cancelled. It does not count as a no-show."
            ),
        ),
        ASK_THE_OFFICE,
    )
}

/// SE-6 (S6-3, BK-12): a recorded no-show was corrected and no longer counts.
pub fn no_show_corrected(lang: &str, name: &str, title: &str, when: &str) -> Letter {
    letter_ending(
        lang,
        name,
        (
            "【Madoguchi】無断欠席の記録を訂正しました",
            format!(
                "「{title}」（{when}、日本時間）の無断欠席の記録を、ハローワークが訂正しました。この回は無断欠席として数えません。"
            ),
        ),
        (
            "[Madoguchi] A no-show record was corrected",
            format!(
                "The office corrected the no-show recorded for \"{title}\" ({when}, Japan time). It no longer counts as a no-show."
            ),
        ),
        ASK_THE_OFFICE,
    )
}
