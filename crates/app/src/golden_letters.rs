//! Every letter, calendar file and inbox text in every language with the Japanese and English
//! texts written out in `golden_letters.txt` (rules NO-1, NO-5): moving the words into Fluent
//! files (issue 16) must not change one of them. `GOLDEN_WRITE=1` rewrites the file.

use chrono::{TimeZone, Utc};
use madoguchi_domain::calendar::{ClosedHours, WeeklyHours};
use madoguchi_domain::office::{Office, OfficeCode};
use madoguchi_store::consultations::reservations::SlotRow;
use madoguchi_store::mail::outbox::NewMail;
use madoguchi_store::seminars::SeminarRow;

use crate::closures::letter::{Closed, closed};
use crate::consultations::tell::{Calendar, file};
use crate::mail::letters::{self, Letter};
use crate::mail::{decisions, password, reservations};
use crate::seminars::letters as sem;

fn show(out: &mut String, name: &str, lang: &str, l: &Letter) {
    out.push_str(&format!("=== {name} [{lang}]\nSubject: {}\n{}", l.subject, l.text()));
}

fn all(lang: &str, out: &mut String) {
    let t = Utc.with_ymd_and_hms(2027, 1, 4, 1, 0, 0).single().unwrap_or_default();
    let when = letters::start_time(lang, t);
    let ww = decisions::when_with_weekday(lang, t);
    out.push_str(&format!("start_time: {when}\nwhen_with_weekday: {ww}\n"));
    for app in ["zoom", "teleoffice", "e_tumo", "builtin", "other"] {
        out.push_str(&format!("app {app}: {}\n", decisions::app_name(lang, app)));
    }
    let n = "山田 太郎";
    let (u, l) = ("https://m.example/u?t=1", "https://m.example/lock?t=2");
    show(out, "verification", lang, &letters::verification(lang, n, u, l));
    show(out, "welcome", lang, &letters::welcome(lang, n, l));
    show(out, "details_ready", lang, &letters::details_ready(lang, n, &when));
    show(out, "reminder", lang, &letters::reminder(lang, n, &when, "三宮分室"));
    show(out, "no_show", lang, &letters::no_show(lang, n));
    show(out, "restricted", lang, &letters::restricted(lang, n));
    show(
        out,
        "inactivity",
        lang,
        &letters::inactivity(lang, n, "https://m.example/", l),
    );
    show(out, "reset", lang, &letters::reset(lang, n, u, l));
    show(out, "reset_requested", lang, &password::reset_requested(lang, n, u, l));
    show(out, "reset_while_locked", lang, &password::reset_while_locked(lang, n));
    show(
        out,
        "request_scheduled",
        lang,
        &decisions::request_scheduled(lang, n, "三宮分室", &ww, "Zoom"),
    );
    show(
        out,
        "request_declined",
        lang,
        &decisions::request_declined(lang, n, "三宮分室", "満席"),
    );
    show(
        out,
        "registration_confirmed",
        lang,
        &decisions::registration_confirmed(lang, n),
    );
    show(
        out,
        "deleted_by_office",
        lang,
        &decisions::deleted_by_office(lang, n, "不正利用"),
    );
    let c = reservations::Consultation {
        lang,
        name: n,
        office: "三宮分室",
        when: &ww,
        app: "Zoom",
    };
    let links = reservations::Links {
        my_page: "https://m.example/me".into(),
        connection_test: "https://m.example/connection-test".into(),
    };
    show(out, "booked", lang, &reservations::booked(&c, Some(&links)));
    show(out, "booked-nolinks", lang, &reservations::booked(&c, None));
    show(out, "changed", lang, &reservations::changed(&c, "WAS", Some(&links)));
    show(out, "cancelled", lang, &reservations::cancelled(&c));
    let title = "面接セミナー";
    show(out, "sem-registered", lang, &sem::registered(lang, n, title, &when));
    show(out, "sem-waitlisted", lang, &sem::waitlisted(lang, n, title, &when));
    show(out, "sem-promoted", lang, &sem::promoted(lang, n, title, &when));
    for waiting in [false, true] {
        show(
            out,
            "sem-cancelled_by_user",
            lang,
            &sem::cancelled_by_user(lang, n, title, &when, waiting),
        );
        show(
            out,
            "sem-cancelled",
            lang,
            &sem::cancelled(lang, n, title, &when, "講師急病", waiting),
        );
    }
    show(out, "sem-removed", lang, &sem::removed(lang, n, title, &when, "重複"));
    show(
        out,
        "sem-suspended",
        lang,
        &sem::suspended(lang, n, title, &when, "調整中"),
    );
    show(out, "sem-resumed", lang, &sem::resumed(lang, n, title, &when));
    show(
        out,
        "sem-moved",
        lang,
        &sem::moved(lang, n, title, &when, "NEW", "会場変更"),
    );
    show(
        out,
        "sem-moved-noreason",
        lang,
        &sem::moved(lang, n, title, &when, "NEW", ""),
    );
    show(
        out,
        "sem-phone_cancelled",
        lang,
        &sem::phone_cancelled(lang, n, title, &when),
    );
    show(
        out,
        "sem-no_show_corrected",
        lang,
        &sem::no_show_corrected(lang, n, title, &when),
    );
    for s in ["consultation", "seminar", "system"] {
        let label = crate::notices::terms::label(lang, s);
        show(
            out,
            "terms",
            lang,
            &crate::notices::terms::announcement(lang, n, &label, "2", &when),
        );
    }
    let office = Office {
        code: OfficeCode::parse("28011").unwrap_or_else(|_| unreachable!()),
        name_ja: "灘公共職業安定所三宮分室".into(),
        name_en: "Sannomiya Branch".into(),
        address: "神戸市".into(),
        phone: "078-000-0000".into(),
        hours: WeeklyHours::standard(),
    };
    let hours = ClosedHours::new(
        chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap_or_default(),
        chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default(),
    );
    for (what, hours) in [("consultation", None), (title, hours)] {
        let c = Closed {
            lang,
            name: n,
            office: &office,
            what,
            starts_at: t,
            hours,
            reason: "停電",
            book_again: "https://m.example/offices/28011",
        };
        let letter = closed(&c);
        show(out, "closed", lang, &letter);
        out.push_str(&format!("inbox: {}\n", crate::closures::letter::inbox_text(&letter)));
    }
    let slot = SlotRow {
        id: 1,
        office_code: "28011".into(),
        starts_at: t,
        ends_at: t + chrono::Duration::minutes(30),
        local_date: t.date_naive(),
        app: "builtin".into(),
        capacity: 1,
        booked: 0,
    };
    let site = crate::shared::Site {
        base_url: "https://m.example".into(),
    };
    let cal = Calendar {
        uid: "r-x@madoguchi",
        sequence: 0,
        reservation: Some(7),
        site: Some(&site),
        now: t,
    };
    for cancelled in [false, true] {
        out.push_str(&file(lang, "三宮分室", &slot, &cal, cancelled).replace("\r\n", "\n"));
    }
    let seminar = SeminarRow {
        id: 3,
        office_code: "28011".into(),
        kind: "seminar".into(),
        title: title.into(),
        description: String::new(),
        starts_at: t,
        ends_at: t + chrono::Duration::minutes(60),
        local_date: t.date_naive(),
        app: "zoom".into(),
        recorded_with_consent: false,
        cutoff_at: t,
        capacity: 1,
        registered: 0,
        waitlist_limit: 0,
        waitlisted: 0,
        cancelled_at: None,
        cancel_reason: String::new(),
        suspended_at: None,
        suspend_reason: String::new(),
    };
    let place = crate::seminars::calendar::Place {
        lang,
        office: "三宮分室",
        user_ref: 5,
        round: 0,
        now: t,
    };
    for cancelled in [false, true] {
        let mut mail = NewMail {
            recipient: "a@example.jp".into(),
            subject: String::new(),
            body_text: String::new(),
            body_html: None,
            attachment: None,
        };
        crate::seminars::calendar::attach(&mut mail, &seminar, &place, cancelled);
        if let Some(a) = mail.attachment {
            out.push_str(&a.body.replace("\r\n", "\n"));
        }
    }
}

#[test]
fn every_letter_reads_as_before() {
    let mut out = String::new();
    for lang in ["ja", "en"] {
        all(lang, &mut out);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/golden_letters.txt");
    if std::env::var_os("GOLDEN_WRITE").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(path).unwrap();
    for (n, (a, b)) in golden.lines().zip(out.lines()).enumerate() {
        assert_eq!(a, b, "line {}", n + 1);
    }
    assert_eq!(golden, out);
}
