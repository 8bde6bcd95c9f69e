//! The letters about a person's own consultation (rule NO-1): booked, moved to another time
//! (BK-17), cancelled; and a seminar place cancelled. Each says what, when (Japan time,
//! with the weekday), where (office and app), that the meeting details come on My Page only
//! (BK-9), and how to prepare (BK-14). Japanese and English (NO-5).

use crate::mail::letters::Letter;

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

fn greeting(c: &Consultation<'_>) -> String {
    if c.lang == "en" {
        format!("Dear {},", c.name)
    } else {
        format!("{} 様", c.name)
    }
}

/// What the person needs to know after a booking or a move: how the meeting details come,
/// how to prepare, and where it all is.
fn before_the_day(c: &Consultation<'_>, links: Option<&Links>) -> Vec<String> {
    let en = c.lang == "en";
    let mut p = vec![
        if en {
            "How to join (meeting ID, passkey and link) is shown on My Page before the day, and we mail you \
             when it is there; it is never sent by mail. Recording is not allowed."
        } else {
            "接続に必要な情報（ミーティングID・パスキー・URL）は、前日までにマイページに掲載し、掲載したことをメールでお知らせします\
             （接続情報そのものはメールではお送りしません）。録音・録画はできません。"
        }
        .to_owned(),
        if en {
            "To prepare: join from a private room, on a device with current updates, and check your camera, \
             microphone and connection with the connection test beforehand. The checklist for the day is on My Page."
        } else {
            "ご準備：個室から、更新を適用した端末でご参加ください。事前に接続テストでカメラ・マイク・回線をご確認いただけます。\
             当日の確認事項はマイページにあります。"
        }
        .to_owned(),
    ];
    if let Some(l) = links {
        p.push(if en { "Connection test:" } else { "接続テスト：" }.to_owned());
        p.push(l.connection_test.clone());
    }
    p.push(
        if en {
            "To change the time or cancel, use My Page until the day before (cancelling is possible until the start)."
        } else {
            "日時の変更は前日まで、取消は開始時刻まで、マイページからできます。"
        }
        .to_owned(),
    );
    if let Some(l) = links {
        p.push(if en { "My Page:" } else { "マイページ：" }.to_owned());
        p.push(l.my_page.clone());
    }
    p
}

/// NO-1: a consultation is booked (or staff scheduled a request, or booked the next one).
pub fn booked(c: &Consultation<'_>, links: Option<&Links>) -> Letter {
    let (subject, body) = if c.lang == "en" {
        (
            "[Madoguchi] Your consultation is booked",
            format!(
                "Your online job consultation (30 minutes) is confirmed: {} (Japan time), {}, using {}.",
                c.when, c.office, c.app
            ),
        )
    } else {
        (
            "【Madoguchi】職業相談の予約が確定しました",
            format!(
                "オンライン職業相談（30分）の予約が確定しました。日時：{}（日本時間）、場所：{}、使用するアプリ：{}。",
                c.when, c.office, c.app
            ),
        )
    };
    let mut paragraphs = vec![greeting(c), body];
    paragraphs.extend(before_the_day(c, links));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
}

/// NO-1, BK-17: the consultation moved to another time; `was` is the old start.
pub fn changed(c: &Consultation<'_>, was: &str, links: Option<&Links>) -> Letter {
    let (subject, body) = if c.lang == "en" {
        (
            "[Madoguchi] Your consultation has moved",
            format!(
                "Your online job consultation has moved from {was} to {} (Japan time), {}, using {}. \
                 The earlier time is free again.",
                c.when, c.office, c.app
            ),
        )
    } else {
        (
            "【Madoguchi】職業相談の日時を変更しました",
            format!(
                "オンライン職業相談の日時を、{was} から {}（日本時間）に変更しました。場所：{}、使用するアプリ：{}。\
                 変更前の日時の予約はなくなりました。",
                c.when, c.office, c.app
            ),
        )
    };
    let mut paragraphs = vec![greeting(c), body];
    paragraphs.extend(before_the_day(c, links));
    Letter {
        subject: subject.to_owned(),
        paragraphs,
    }
}

/// NO-1: a consultation is cancelled.
pub fn cancelled(c: &Consultation<'_>) -> Letter {
    let (subject, body) = if c.lang == "en" {
        (
            "[Madoguchi] Your consultation is cancelled",
            format!(
                "Your consultation at {} (Japan time), {}, is cancelled. The attached calendar file removes it \
                 from your calendar.",
                c.when, c.office
            ),
        )
    } else {
        (
            "【Madoguchi】職業相談の予約を取り消しました",
            format!(
                "{}（日本時間）、{}の職業相談の予約を取り消しました。添付のカレンダーファイルで、カレンダーからも削除できます。",
                c.when, c.office
            ),
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting(c), body],
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
