//! Letters about what staff decided for a person: a request scheduled or declined (BK-7,
//! C6-3), the job-seeker number confirmed (AC-11, C2-1), the registration deleted (N15).
//! Japanese and English, text + HTML like every letter (NO-1, NO-5); no meeting secrets.

use chrono::{DateTime, Datelike, Utc, Weekday};

use crate::mail::letters::Letter;

/// A start time with its weekday, in Japan time: 2027年1月4日（月）10:00 or Mon 4 Jan 2027, 10:00.
pub fn when_with_weekday(lang: &str, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&madoguchi_domain::clock::jst());
    let (ja, en) = match local.weekday() {
        Weekday::Mon => ("月", "Mon"),
        Weekday::Tue => ("火", "Tue"),
        Weekday::Wed => ("水", "Wed"),
        Weekday::Thu => ("木", "Thu"),
        Weekday::Fri => ("金", "Fri"),
        Weekday::Sat => ("土", "Sat"),
        Weekday::Sun => ("日", "Sun"),
    };
    if lang == "en" {
        format!("{en} {}", local.format("%-d %b %Y, %H:%M"))
    } else {
        format!("{}（{ja}）{}", local.format("%Y年%-m月%-d日"), local.format("%H:%M"))
    }
}

/// The meeting app's name as a letter says it (BK-1).
pub fn app_name(lang: &str, app: &str) -> String {
    match (app, lang) {
        ("zoom", _) => "Zoom".into(),
        ("teleoffice", _) => "TeleOffice".into(),
        ("e_tumo", _) => "e-TUMO".into(),
        ("builtin", "en") => "Built-in video (in the browser)".into(),
        ("builtin", _) => "内蔵ビデオ（ブラウザ）".into(),
        (other, _) => other.to_owned(),
    }
}

fn greeting(lang: &str, name: &str) -> String {
    if lang == "en" {
        format!("Dear {name},")
    } else {
        format!("{name} 様")
    }
}

/// BK-7, C6-3: the office fixed one of the requested times. The meeting ID and passkey
/// reach the person on My Page only (BK-9).
pub fn request_scheduled(lang: &str, name: &str, office: &str, when: &str, app: &str) -> Letter {
    let (subject, body, details) = if lang == "en" {
        (
            "[Madoguchi] Your requested consultation is scheduled",
            format!("{office} has scheduled your online job consultation: {when} (Japan time), using {app}."),
            "The meeting ID, passkey and link will be shown on My Page before the day; they are never sent by \
             mail. Recording is not allowed. To cancel, use My Page until the start time.",
        )
    } else {
        (
            "【Madoguchi】ご希望の職業相談の日時が決まりました",
            format!(
                "{office}で、オンライン職業相談の日時を次のとおり決定しました。{when}（日本時間）、使用するアプリ：{app}。"
            ),
            "接続に必要なID・パスキー・URLは、前日までにマイページでお知らせします（メールではお送りしません）。\
             録音・録画はできません。取消は開始時刻までマイページからできます。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting(lang, name), body, details.to_owned()],
    }
}

/// C6-3: the office could not fit the request, and says why.
pub fn request_declined(lang: &str, name: &str, office: &str, reason: &str) -> Letter {
    let (subject, body, next) = if lang == "en" {
        (
            "[Madoguchi] Your consultation request could not be scheduled",
            format!("{office} could not schedule your consultation request. Reason: {reason}"),
            "You are welcome to send a request for other times, or to contact the office by phone.",
        )
    } else {
        (
            "【Madoguchi】職業相談のご希望日時で調整できませんでした",
            format!("{office}では、お申し込みの職業相談を調整できませんでした。理由：{reason}"),
            "別の日時で改めてお申し込みいただくか、ハローワークに電話でお問い合わせください。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting(lang, name), body, next.to_owned()],
    }
}

/// AC-11, C2-1: staff confirmed the job-seeker number; the person is a full registrant.
pub fn registration_confirmed(lang: &str, name: &str) -> Letter {
    let (subject, body) = if lang == "en" {
        (
            "[Madoguchi] Your job-seeker registration is confirmed",
            "Hello Work has confirmed your job-seeker number. Until it expires you can book online consultations \
             and seminars. If you change the number or its expiry date, Hello Work will confirm it again.",
        )
    } else {
        (
            "【Madoguchi】求職登録を確認しました",
            "ハローワークが求職番号を確認しました。有効期限まで、オンライン職業相談やセミナーを予約できます。\
             求職番号や有効期限を変更した場合は、改めて確認します。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting(lang, name), body.to_owned()],
    }
}

/// N15: staff deleted the registration. The last letter: sent before the address goes.
pub fn deleted_by_office(lang: &str, name: &str, reason: &str) -> Letter {
    let (subject, body, after) = if lang == "en" {
        (
            "[Madoguchi] Your registration has been deleted",
            format!(
                "Under article 15 of the terms of use, Hello Work has deleted your Madoguchi registration. \
                 Reason: {reason}"
            ),
            "Your upcoming consultations and seminar places are cancelled, and your personal data is erased \
             once this message is sent. For questions, please contact your Hello Work office.",
        )
    } else {
        (
            "【Madoguchi】利用者登録を削除しました",
            format!("利用規約第15条に基づき、Madoguchi の利用者登録を削除しました。理由：{reason}"),
            "予約中の相談・セミナーは取り消しました。個人情報は、このメールの送信後に消去します。\
             ご不明な点は、ハローワークにお問い合わせください。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting(lang, name), body, after.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    // rule BK-7 (C6-3): the date in a letter is Japan time with its weekday.
    #[test]
    fn dates_are_japan_time_with_weekday() {
        // 2027-01-04 01:00 UTC is Monday 10:00 in Japan.
        let t = Utc.with_ymd_and_hms(2027, 1, 4, 1, 0, 0).unwrap();
        assert_eq!(when_with_weekday("ja", t), "2027年1月4日（月）10:00");
        assert_eq!(when_with_weekday("en", t), "Mon 4 Jan 2027, 10:00");
        // 15:30 UTC on Sunday is already Monday 00:30 in Japan.
        let late = Utc.with_ymd_and_hms(2027, 1, 3, 15, 30, 0).unwrap();
        assert_eq!(when_with_weekday("ja", late), "2027年1月4日（月）00:30");
        let l = request_scheduled("ja", "山田 太郎", "三宮分室", "2027年1月4日（月）10:00", "Zoom");
        assert!(l.text().contains("マイページ") && !l.text().contains("パスキー："));
    }
}
