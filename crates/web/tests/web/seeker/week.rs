//! Issue 13, items 2 and 6, through the router on both backends: an office's week (closed,
//! full and unbookable days said so, the app filter, each time's accessible name, the next
//! free time, no JavaScript), what blocks a booking shown before the form, full-width digits
//! read as half-width, confirmation pages for cancelling and locking, My Page's order and
//! first block, and a seminar place cancelled from My Page with a letter. The clock stands
//! at Monday 2026-12-28 10:00 JST.

use axum::http::StatusCode;
use chrono::{Duration, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use serde_json::json;

use super::booking::eligible;
use super::form_html::{body, value_of};
use super::seminars::seminar;
use super::start::{element, text};
use super::support::{
    World, active_account, csrf_of, form_post, get_with, last_mail, post_json, registration, send, session_cookie,
    worlds,
};

async fn slot(w: &World, day: u32, h: u32, app: &str, capacity: i32) -> i64 {
    let start = jst()
        .with_ymd_and_hms(2027, 1, day, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, app, capacity)
        .await
        .unwrap()
}

async fn book(w: &World, seeker: &str, slot: i64) -> i64 {
    let b = json!({"slot_id": slot, "topic": "転職の相談", "verify_name": "山田 太郎", "verify_number": "28011-01234567", "companion": ""});
    let r = send(&w.app, post_json("/api/v1/reservations", &b, Some(seeker))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_i64().unwrap()
}

async fn seeded(name: &str) -> Vec<World> {
    let worlds = worlds(name).await;
    for w in &worlds {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
    }
    worlds
}

/// The column of one day.
fn day<'a>(html: &'a str, iso: &str) -> &'a str {
    element(html, &format!(r#"aria-labelledby="day-{iso}""#), "</section>")
}

// Issue 13, item 2 (BK-1, BK-3, TM-3): closed and full days marked, the app filter, each
// time's accessible name with date, time, app and seats, the next free time, no script.
#[tokio::test]
async fn the_week_of_times() {
    for w in seeded("week_view").await {
        let full = slot(&w, 4, 10, "zoom", 1).await;
        let two = slot(&w, 5, 10, "teleoffice", 2).await;
        let zoom = slot(&w, 5, 11, "zoom", 1).await;
        let other = eligible(&w, "week.other").await;
        book(&w, &other, full).await;

        let r = send(&w.app, get_with("/offices/28011/book?week=2027-01-06", None)).await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", w.backend, r.body);
        assert!(!r.body.contains("<script"), "works without JavaScript");
        assert!(
            text(&r.body).contains("2027年1月4日（月） ～ 2027年1月10日（日）"),
            "the week of the day asked"
        );
        // Full: said so, its time drawn but not a link.
        assert!(
            r.body
                .contains(r#"<section class="day st-full" aria-labelledby="day-2027-01-04">"#)
        );
        let monday = day(&r.body, "2027-01-04");
        assert!(text(monday).contains("満席") && !monday.contains("/book/"), "{monday}");
        // A time's name: date, time, app and seats.
        let tuesday = day(&r.body, "2027-01-05");
        let link = element(tuesday, &format!(r#"href="/book/{two}""#), "</a>");
        assert_eq!(text(link), "2027年1月5日（火） 10:00 TeleOffice · 残り2席");
        assert!(
            r.body
                .contains(r#"<section class="day st-open selected" aria-labelledby="day-2027-01-05">"#)
        );
        // Closed: the weekend, with its reason; an open day without times.
        let saturday = day(&r.body, "2027-01-09");
        assert!(
            r.body
                .contains(r#"class="day st-closed" aria-labelledby="day-2027-01-09""#)
        );
        assert!(text(saturday).contains("閉庁 定休日"), "{saturday}");
        // The office's own closure (the demo's, on the first Wednesday a week ahead).
        assert!(text(day(&r.body, "2027-01-06")).contains("閉庁 庁舎設備点検のため閉庁"));
        assert!(text(day(&r.body, "2027-01-08")).contains("受付枠なし"));
        // The next free time, one link at the top.
        let next = element(&r.body, r#"class="next-free""#, "</p>");
        assert!(next.contains(&format!(r#"href="/book/{two}""#)), "{next}");
        assert!(text(next).contains("いちばん早い空き時間: 2027年1月5日（火） 10:00 · TeleOffice · 残り2席"));
        // The day strip for a phone: each day with its state in words, the chosen one current.
        let strip = element(&r.body, r#"class="day-strip""#, "</nav>");
        assert!(strip.contains(r#"aria-current="date""#));
        assert!(text(strip).contains("2027年1月4日（月） 満席"), "{strip}");
        assert!(text(strip).contains("2027年1月5日（火） 空き2件"), "{strip}");

        // Filter by app: only Zoom's times, and the next free one of them.
        let zoom_only = send(&w.app, get_with("/offices/28011/book?week=2027-01-04&app=zoom", None)).await;
        let tuesday = day(&zoom_only.body, "2027-01-05");
        assert!(tuesday.contains(&format!("/book/{zoom}")) && !tuesday.contains(&format!("/book/{two}")));
        assert_eq!(value_of(&zoom_only.body, "app"), "zoom");
        assert!(element(&zoom_only.body, r#"class="next-free""#, "</p>").contains(&format!("/book/{zoom}")));

        // The year-end week: today is not bookable; 12/29–1/3 closed with their names.
        let year_end = send(&w.app, get_with("/offices/28011/book?week=2026-12-28&lang=en", None)).await;
        assert!(text(day(&year_end.body, "2026-12-28")).contains("Not bookable now"));
        assert!(text(day(&year_end.body, "2026-12-29")).contains("Year-end holidays"));
        assert!(text(day(&year_end.body, "2027-01-01")).contains("New Year"));
        assert!(!year_end.body.contains("Previous week"), "nothing bookable before");
        let link = element(&year_end.body, r#"class="next-free""#, "</p>");
        assert!(text(link).contains("Earliest free time: Tue, 5 Jan 2027 10:00 JST · TeleOffice · Seats left: 2"));

        // A phone's previous and next day cross into the neighbouring weeks.
        let chosen = send(
            &w.app,
            get_with("/offices/28011/book?week=2027-01-04&day=2027-01-04", None),
        )
        .await;
        assert!(
            chosen
                .body
                .contains("/offices/28011/book?week=2026-12-28&#38;day=2027-01-03#day-view")
        );
        assert!(
            chosen
                .body
                .contains("/offices/28011/book?week=2027-01-04&#38;day=2027-01-05#day-view")
        );
        let bad = send(&w.app, get_with("/offices/28011/book?week=2027-13-01", None)).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    }
}

// Issue 13, item 6 (AC-11, AC-13): what blocks a booking is shown before the form, each
// with the page that fixes it, so nobody writes a topic to be refused.
#[tokio::test]
async fn gates_come_before_the_form() {
    for w in seeded("week_gates").await {
        let s = slot(&w, 5, 10, "zoom", 1).await;
        let newcomer = active_account(&w, "week.newcomer").await;
        let form = send(&w.app, get_with(&format!("/book/{s}"), Some(&newcomer))).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let gate = element(&form.body, r#"class="notice gate""#, "</div>");
        assert!(
            text(gate).contains("求職番号が登録されていません。 求職番号を登録する"),
            "{gate}"
        );
        assert!(gate.contains(r#"href="/me/eligibility#job_seeker_number""#));
        assert!(
            !form.body.contains(&format!(r#"action="/book/{s}""#)),
            "no form to fill in vain"
        );
        let week = send(&w.app, get_with("/offices/28011/book", Some(&newcomer))).await;
        assert!(
            week.body.contains(r#"href="/me/eligibility#job_seeker_number""#),
            "the week says so too"
        );
        let me = send(&w.app, get_with("/me", Some(&newcomer))).await;
        let first = element(&me.body, r#"class="next-up""#, "</section>");
        assert!(first.contains(r#"href="/offices/28011/book">予約する</a>"#) || first.contains(">予約する</a>"));
        assert!(first.contains(r#"href="/me/eligibility#job_seeker_number""#), "{first}");

        // New terms in force: accepted first, then back to this time.
        let seeker = eligible(&w, "week.terms").await;
        madoguchi_app::notices::terms::publish(
            &w.db,
            w.clock.as_ref(),
            madoguchi_app::notices::Publisher::Operator,
            "consultation",
            "2",
            "第2版",
            w.clock.now(),
        )
        .await
        .unwrap();
        let form = send(&w.app, get_with(&format!("/book/{s}"), Some(&seeker))).await;
        let gate = element(&form.body, r#"class="notice gate""#, "</div>");
        assert!(text(gate).contains("新しい利用規約への同意が必要です。"), "{gate}");
        assert!(
            gate.contains(&format!(r#"href="/terms/consultation?next=/book/{s}""#)),
            "{gate}"
        );
        assert!(!form.body.contains(&format!(r#"action="/book/{s}""#)));
    }
}

// Issue 13, item 6: full-width digits and hyphens are read as half-width in number fields.
#[tokio::test]
async fn full_width_digits_are_read() {
    for w in seeded("week_digits").await {
        let cookie = active_account(&w, "week.digits").await;
        let page = send(&w.app, get_with("/me/eligibility", Some(&cookie))).await;
        let typed = [
            ("job_seeker_number", "２８０１１－０１２３４５６７"),
            ("job_seeker_expires", "2027-12-31"),
        ];
        let r = send(
            &w.app,
            form_post("/me/job-seeker", &cookie, &body(&csrf_of(&page.body), &typed)),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", w.backend, r.body);
        assert_eq!(
            value_of(&r.body, "job_seeker_number"),
            "28011-01234567",
            "kept half-width"
        );
        let mut reg = registration("week.phone");
        reg["phone"] = json!("０７８－２３１－８６０９");
        reg["email"] = json!("phone@example.jp");
        let r = send(&w.app, post_json("/api/v1/registrations", &reg, None)).await;
        assert!(r.status.is_success(), "{}", r.body);
    }
}

// Issue 13, item 6 (BK-10, AC-8): cancelling and locking each take a confirmation page;
// the lock is not beside sign-out.
#[tokio::test]
async fn cancel_and_lock_are_confirmed() {
    for w in seeded("week_confirm").await {
        let seeker = eligible(&w, "week.confirm").await;
        let id = book(&w, &seeker, slot(&w, 5, 10, "zoom", 1).await).await;
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let main = element(&me.body, "id=\"main\"", "</main>");
        let path = format!("/me/reservations/{id}/cancel");
        assert!(main.contains(&format!(r#"href="{path}""#)) && !main.contains(&format!(r#"action="{path}""#)));
        assert!(main.contains(r#"href="/me/lock""#) && !main.contains(r#"action="/me/lock""#));
        assert!(
            !main.contains("/sign-out"),
            "sign-out is in the header, away from the lock"
        );

        let confirm = send(&w.app, get_with(&path, Some(&seeker))).await;
        assert_eq!(confirm.status, StatusCode::OK);
        assert!(
            text(&confirm.body)
                .contains("この予約を取り消しますか 2027年1月5日（火） 10:00 · 灘公共職業安定所三宮分室 · Zoom")
        );
        assert!(confirm.body.contains(&format!(r#"action="{path}""#)) && confirm.body.contains(r#"class="danger""#));
        let one = send(&w.app, get_with(&format!("/api/v1/reservations/{id}"), Some(&seeker))).await;
        assert_eq!(one.json()["state"], "confirmed", "opening the page cancels nothing");
        let r = send(&w.app, form_post(&path, &seeker, &body(&csrf_of(&confirm.body), &[]))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let one = send(&w.app, get_with(&format!("/api/v1/reservations/{id}"), Some(&seeker))).await;
        assert_eq!(one.json()["state"], "cancelled_by_user");
        let again = send(&w.app, get_with(&path, Some(&seeker))).await;
        assert!(
            !again.body.contains(&format!(r#"action="{path}""#)),
            "nothing left to cancel"
        );

        let lock = send(&w.app, get_with("/me/lock", Some(&seeker))).await;
        assert!(text(&lock.body).contains("アカウントをロックしますか"));
        assert!(lock.body.contains(r#"action="/me/lock""#));
        let unlocked = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert_eq!(unlocked.status, StatusCode::OK, "opening the page locks nothing");
    }
}

// Issue 13, items 1 and 6: My Page leads with the next consultation; coming up by date
// ascending, past and cancelled by date descending.
#[tokio::test]
async fn my_page_order_and_first_block() {
    for w in seeded("week_order").await {
        let seeker = eligible(&w, "week.order").await;
        book(&w, &seeker, slot(&w, 8, 10, "zoom", 1).await).await;
        let middle = book(&w, &seeker, slot(&w, 7, 10, "teleoffice", 1).await).await;
        let first = book(&w, &seeker, slot(&w, 5, 11, "zoom", 1).await).await;
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let next = text(element(&me.body, r#"class="next-up""#, "</section>"));
        assert!(
            next.starts_with(
                "次の相談 日時 2027年1月5日（火） 11:00 ハローワーク 灘公共職業安定所三宮分室 相談方法 Zoom · 確定"
            ),
            "{next}"
        );
        let coming = element(&me.body, r#"<ul class="reservations">"#, "</ul>");
        let (a, b, c) = (
            coming.find("1月5日").unwrap(),
            coming.find("1月7日").unwrap(),
            coming.find("1月8日").unwrap(),
        );
        assert!(a < b && b < c, "ascending: {coming}");
        assert!(coming.contains(&format!("/me/reservations/{first}/prepare")));

        let confirm = send(
            &w.app,
            get_with(&format!("/me/reservations/{middle}/cancel"), Some(&seeker)),
        )
        .await;
        let cancel = format!("/me/reservations/{middle}/cancel");
        send(&w.app, form_post(&cancel, &seeker, &body(&csrf_of(&confirm.body), &[]))).await;
        w.clock.advance(Duration::days(12));
        // The session has long expired: sign in again.
        let again = json!({"user_id": "week.order", "password": "Kobe-Sannomiya#2026"});
        let seeker = session_cookie(&send(&w.app, post_json("/api/v1/session", &again, None)).await).unwrap();
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(!me.body.contains(r#"<ul class="reservations">"#), "nothing coming up");
        let past = element(&me.body, r#"<ul class="reservations past">"#, "</ul>");
        let (c, b, a) = (
            past.find("1月8日").unwrap(),
            past.find("1月7日").unwrap(),
            past.find("1月5日").unwrap(),
        );
        assert!(c < b && b < a, "descending: {past}");
        assert!(text(past).contains("取消（ご本人）"));
        assert!(me.body.contains(r#"class="next-up""#) && text(&me.body).contains("予約している相談はありません。"));
    }
}

// Issue 13, item 6 (SE-4, NO-1): a seminar place is cancelled from My Page after a
// confirmation page, the person is told by mail and inbox, and the page does not offer the
// waiting list.
#[tokio::test]
async fn a_seminar_place_is_cancelled_from_my_page() {
    for w in seeded("week_seminar").await {
        let id = seminar(&w, "製造業の職場見学", 12, 5, 2).await;
        let seeker = eligible(&w, "week.seminar").await;
        let r = send(
            &w.app,
            post_json(
                &format!("/api/v1/seminars/{id}/registrations"),
                &json!({}),
                Some(&seeker),
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let reg = r.json()["id"].as_i64().unwrap();
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        let path = format!("/seminar-registrations/{reg}/cancel");
        assert!(me.body.contains(&format!(r#"href="{path}""#)), "{}", me.body);
        let confirm = send(&w.app, get_with(&path, Some(&seeker))).await;
        assert!(text(&confirm.body).contains(
            "このセミナーの申込みを取り消しますか 製造業の職場見学 · 2027年1月12日（火） 13:30 · 参加登録済み"
        ));
        let done = send(&w.app, form_post(&path, &seeker, &body(&csrf_of(&confirm.body), &[]))).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let t = text(&done.body);
        assert!(
            t.contains("セミナーの申込みを取り消しました") && t.contains("メールとマイページでお送りしました"),
            "{t}"
        );
        assert!(!t.contains("キャンセル待ちに登録する"), "no waiting list offered");
        let mail = last_mail(&w).await;
        assert!(mail.contains("【Madoguchi】セミナーの申込みを取り消しました"), "{mail}");
        assert!(
            mail.contains(
                "「製造業の職場見学」（2027年1月12日 13:30、日本時間）の参加登録を、ご本人の操作により取り消しました。"
            ),
            "{mail}"
        );
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains("【Madoguchi】セミナーの申込みを取り消しました"),
            "in the inbox"
        );
        assert!(
            !me.body.contains(&format!(r#"href="{path}""#)),
            "nothing left to cancel"
        );
    }
}
