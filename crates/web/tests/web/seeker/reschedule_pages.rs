//! Issue 13 through the router on both backends: the booking confirmation (what, when with
//! the weekday, where, how to join and prepare), the calendar download (NO-4), moving a
//! consultation from My Page and through the API (BK-17), and the changed mail (NO-1).

use axum::http::{StatusCode, header};
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::jst;
use serde_json::json;

use super::booking::eligible;
use super::support::{World, csrf_of, form_post, get_with, last_mail, post_json, send, worlds};

async fn slot(w: &World, d: u32, h: u32) -> i64 {
    let start = jst().with_ymd_and_hms(2027, 1, d, h, 0, 0).unwrap().with_timezone(&Utc);
    madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
        .await
        .unwrap()
}

fn ics_line<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("{name} in {ics}"))
}

// rules BK-17, NO-4: the API moves a reservation (same id), the calendar file keeps its UID
// and raises SEQUENCE, and refuses by code; the file is the owner's only (others 404,
// signed out 401); a cancelled one downloads as METHOD:CANCEL.
#[tokio::test]
async fn reschedule_api_and_calendar_download() {
    for w in worlds("web_reschedule_api").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (mon, tue, tue2) = (slot(&w, 4, 10).await, slot(&w, 5, 14).await, slot(&w, 5, 15).await);
        let me = eligible(&w, "yamada.taro").await;
        let booked = send(
            &w.app,
            post_json("/api/v1/reservations", &json!({"slot_id": mon}), Some(&me)),
        )
        .await;
        assert_eq!(booked.status, StatusCode::CREATED, "{}: {}", w.backend, booked.body);
        let id = booked.json()["id"].as_i64().unwrap();
        let ics_path = format!("/api/v1/reservations/{id}/calendar.ics");
        let first = send(&w.app, get_with(&ics_path, Some(&me))).await;
        assert_eq!(first.status, StatusCode::OK);
        assert_eq!(first.content_type(), "text/calendar; charset=utf-8");
        assert!(
            first.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert!(first.body.contains("PRODID:-//Madoguchi//"), "{}", first.body);
        assert_eq!(first.body.matches("BEGIN:VALARM").count(), 2);
        assert_eq!(
            ics_line(&first.body, "URL"),
            format!("http://madoguchi.test/me/reservations/{id}")
        );
        assert!(ics_line(&first.body, "LOCATION").contains("Zoom"));
        let uid = ics_line(&first.body, "UID").to_owned();
        // Someone else's is not found; signed out is 401.
        let other = eligible(&w, "suzuki.hanako").await;
        assert_eq!(
            send(&w.app, get_with(&ics_path, Some(&other))).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            send(&w.app, get_with(&ics_path, None)).await.status,
            StatusCode::UNAUTHORIZED
        );

        let path = format!("/api/v1/reservations/{id}/reschedule");
        let moved = send(&w.app, post_json(&path, &json!({"slot_id": tue}), Some(&me))).await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        assert_eq!(
            (moved.json()["id"].as_i64(), moved.json()["start"].as_str()),
            (Some(id), Some("2027-01-05T14:00:00+09:00"))
        );
        let second = send(&w.app, get_with(&ics_path, Some(&me))).await.body;
        assert_eq!(
            (ics_line(&second, "UID"), ics_line(&second, "SEQUENCE")),
            (uid.as_str(), "1")
        );
        assert!(last_mail(&w).await.contains("職業相談の日時を変更しました"));
        // Refusals by code: someone else's slot is full; someone else's reservation is 404.
        send(
            &w.app,
            post_json("/api/v1/reservations", &json!({"slot_id": tue2}), Some(&other)),
        )
        .await;
        let full = send(&w.app, post_json(&path, &json!({"slot_id": tue2}), Some(&me))).await;
        assert_eq!(
            (full.status, full.json()["code"].as_str()),
            (StatusCode::CONFLICT, Some("slot_full"))
        );
        let same = send(&w.app, post_json(&path, &json!({"slot_id": tue}), Some(&me))).await;
        assert_eq!(same.json()["code"], "same_slot");
        let theirs = send(&w.app, post_json(&path, &json!({"slot_id": mon}), Some(&other))).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let cancel = send(
            &w.app,
            post_json(&format!("/api/v1/reservations/{id}/cancel"), &json!({}), Some(&me)),
        )
        .await;
        assert_eq!(cancel.status, StatusCode::OK, "{}", cancel.body);
        let gone = send(&w.app, post_json(&path, &json!({"slot_id": mon}), Some(&me))).await;
        assert_eq!(
            (gone.status, gone.json()["code"].as_str()),
            (StatusCode::CONFLICT, Some("already_cancelled"))
        );
        let third = send(&w.app, get_with(&ics_path, Some(&me))).await.body;
        assert_eq!(ics_line(&third, "METHOD"), "CANCEL");
        assert_eq!(
            (ics_line(&third, "UID"), ics_line(&third, "SEQUENCE")),
            (uid.as_str(), "2")
        );
    }
}

// rules BK-17, NO-1, BK-9, BK-14: the booking form confirms with what, when (weekday, JST),
// where, how the details come and how to prepare; My Page offers the change; the change is
// picked, confirmed and told by mail; the page then says it moved.
#[tokio::test]
async fn reschedule_from_my_page() {
    for w in worlds("web_reschedule_pages").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (mon, wed) = (slot(&w, 4, 10).await, slot(&w, 7, 11).await);
        let me = eligible(&w, "yamada.taro").await;
        let form = send(&w.app, get_with(&format!("/book/{mon}"), Some(&me))).await;
        let csrf = csrf_of(&form.body);
        let body = format!("_csrf={csrf}&verify_name=&verify_number=&topic=&companion=");
        let done = send(&w.app, form_post(&format!("/book/{mon}"), &me, &body)).await;
        assert_eq!(done.status, StatusCode::CREATED, "{}: {}", w.backend, done.body);
        for part in [
            "予約が確定しました",
            "2027年1月4日（月） 10:00～10:30",
            "灘公共職業安定所三宮分室",
            "Zoom",
            "前日までにマイページに掲載",
            "/connection-test",
            "/prepare\"",
            "/calendar.ics\"",
            // Issue 13: the calendar download is a 44 px target like the rest of the path.
            "<a class=\"button secondary\" href=\"/api/v1/reservations/",
            "href=\"/me\"",
        ] {
            assert!(done.body.contains(part), "{part} in {}", done.body);
        }
        let id: i64 = {
            let at = done.body.find("/api/v1/reservations/").unwrap() + "/api/v1/reservations/".len();
            done.body[at..].split('/').next().unwrap().parse().unwrap()
        };
        let mail = last_mail(&w).await;
        assert!(
            mail.contains("2027年1月4日（月）10:00") && mail.contains("http://madoguchi.test/connection-test"),
            "{mail}"
        );

        let my_page = send(&w.app, get_with("/me", Some(&me))).await.body;
        assert!(my_page.contains(&format!("/me/reservations/{id}/change")), "{my_page}");
        let list = send(&w.app, get_with(&format!("/me/reservations/{id}/change"), Some(&me))).await;
        assert!(list.body.contains(&format!("change?slot={wed}")), "{}", list.body);
        assert!(!list.body.contains(&format!("change?slot={mon}\"")), "not its own slot");
        let confirm = send(
            &w.app,
            get_with(&format!("/me/reservations/{id}/change?slot={wed}"), Some(&me)),
        )
        .await;
        assert!(confirm.body.contains("2027年1月7日（木） 11:00"), "{}", confirm.body);
        let csrf = csrf_of(&confirm.body);
        let moved = send(
            &w.app,
            form_post(
                &format!("/me/reservations/{id}/change"),
                &me,
                &format!("_csrf={csrf}&slot_id={wed}"),
            ),
        )
        .await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        assert!(
            moved.body.contains("予約の日時を変更しました") && moved.body.contains("<s>2027年1月4日（月） 10:00</s>"),
            "{}",
            moved.body
        );
        let mail = last_mail(&w).await;
        assert!(
            mail.contains("職業相談の日時を変更しました") && mail.contains("SEQUENCE:1"),
            "{mail}"
        );
        // A stale choice (its own slot now) is refused in words on the list.
        let again = send(
            &w.app,
            form_post(
                &format!("/me/reservations/{id}/change"),
                &me,
                &format!("_csrf={csrf}&slot_id={wed}"),
            ),
        )
        .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(again.body.contains("すでにその日時で予約しています"), "{}", again.body);
        // Without the form's token nothing moves (CSRF).
        let forged = send(
            &w.app,
            form_post(&format!("/me/reservations/{id}/change"), &me, &format!("slot_id={mon}")),
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        // Someone else's reservation page is not found.
        let other = eligible(&w, "suzuki.hanako").await;
        assert_eq!(
            send(&w.app, get_with(&format!("/me/reservations/{id}"), Some(&other)))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }
}
