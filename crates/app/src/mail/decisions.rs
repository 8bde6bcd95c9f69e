//! Letters about what staff decided for a person: a request scheduled or declined (BK-7,
//! C6-3), the job-seeker number confirmed (AC-11, C2-1), the registration deleted (N15).
//! In the reader's language, text + HTML like every letter (NO-1, NO-5); no meeting secrets.

use chrono::{DateTime, Datelike, Utc, Weekday};

use crate::mail::letters::{Letter, greeting};
use crate::shared::locales::Lang;

fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// A start time with its weekday, in Japan time: 2027年1月4日（月）10:00 or Mon 4 Jan 2027, 10:00.
pub fn when_with_weekday(lang: &str, t: DateTime<Utc>) -> String {
    let l = Lang::of(lang);
    let local = t.with_timezone(&madoguchi_domain::clock::jst());
    let weekday = l.t(&format!("weekday-{}", weekday_key(local.weekday())));
    let monthname = l.t(&format!("month-{}", local.month()));
    l.t_args(
        "mail-when",
        &[
            ("year", &local.year().to_string()),
            ("month", &local.month().to_string()),
            ("day", &local.day().to_string()),
            ("monthname", &monthname),
            ("weekday", &weekday),
            ("time", &local.format("%H:%M").to_string()),
        ],
    )
}

/// The meeting app's name as a letter says it (BK-1); the products' names are not translated.
pub fn app_name(lang: &str, app: &str) -> String {
    match app {
        "zoom" => "Zoom".into(),
        "teleoffice" => "TeleOffice".into(),
        "e_tumo" => "e-TUMO".into(),
        "builtin" => Lang::of(lang).t("mail-app-builtin"),
        other => other.to_owned(),
    }
}

/// BK-7, C6-3: the office fixed one of the requested times. The meeting ID and passkey
/// reach the person on My Page only (BK-9).
pub fn request_scheduled(lang: &str, name: &str, office: &str, when: &str, app: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-request-scheduled-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args(
                "mail-request-scheduled-body",
                &[("office", office), ("when", when), ("app", app)],
            ),
            l.t("mail-request-scheduled-details"),
        ],
    }
}

/// C6-3: the office could not fit the request, and says why.
pub fn request_declined(lang: &str, name: &str, office: &str, reason: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-request-declined-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args("mail-request-declined-body", &[("office", office), ("reason", reason)]),
            l.t("mail-request-declined-next"),
        ],
    }
}

/// AC-11, C2-1: staff confirmed the job-seeker number; the person is a full registrant.
pub fn registration_confirmed(lang: &str, name: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-registration-confirmed-subject"),
        paragraphs: vec![greeting(l, name), l.t("mail-registration-confirmed-body")],
    }
}

/// N15: staff deleted the registration. The last letter: sent before the address goes.
pub fn deleted_by_office(lang: &str, name: &str, reason: &str) -> Letter {
    let l = Lang::of(lang);
    Letter {
        subject: l.t("mail-deleted-by-office-subject"),
        paragraphs: vec![
            greeting(l, name),
            l.t_args("mail-deleted-by-office-body", &[("reason", reason)]),
            l.t("mail-deleted-by-office-after"),
        ],
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
