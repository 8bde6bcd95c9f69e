//! Issue 12, item 3, BK-4, BK-7: the request queue's form refused (one consultation a day)
//! comes back with the slot that was chosen still chosen and the problem at that field.

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use serde_json::{Value, json};

use super::booking::eligible;
use super::form_html::{body, errors_of, summary, value_of};
use super::staff::{code, staff, staff_sign_in};
use super::support::{csrf_of, form_post, get_with, post_json, send, worlds};

#[tokio::test]
async fn a_refused_scheduling_keeps_the_chosen_slot() {
    for w in worlds("forms_requests").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let seeker = eligible(&w, "forms.requester").await;
        let at = |h: u32, m: u32| {
            let start = jst().with_ymd_and_hms(2027, 1, 4, h, m, 0).unwrap().with_timezone(&Utc);
            madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
        };
        let (morning, afternoon) = (at(10, 0).await.unwrap(), at(14, 30).await.unwrap());
        let booking = json!({"slot_id": morning, "topic": "", "verify_name": "山田 太郎", "verify_number": "28011-01234567", "companion": ""});
        let booked = send(&w.app, post_json("/api/v1/reservations", &booking, Some(&seeker))).await;
        assert_eq!(booked.status, StatusCode::CREATED, "{}: {}", w.backend, booked.body);
        madoguchi_app::offices::set_booking_mode(&w.db, "28011", "request")
            .await
            .unwrap();
        let ask =
            json!({"office": "28011", "preferences": ["2027-01-04T14:30:00+09:00"], "topic": "午後にも相談したい"});
        let request: Value = send(&w.app, post_json("/api/v1/reservation-requests", &ask, Some(&seeker)))
            .await
            .json();
        let id = request["id"].as_i64().unwrap();

        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.requests").await;
        let admin = staff_sign_in(&w, "kobe.requests", &pw, &code(&w, &key)).await.unwrap();
        let csrf = csrf_of(&send(&w.app, get_with("/staff/requests", Some(&admin))).await.body);
        let chosen = afternoon.to_string();
        let sent = body(&csrf, &[("slot_id", chosen.as_str())]);
        let r = send(
            &w.app,
            form_post(&format!("/staff/requests/{id}/schedule"), &admin, &sent),
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let field = format!("slot-{id}");
        assert_eq!(value_of(&r.body, &field), chosen, "the chosen slot stays chosen");
        assert_eq!(
            errors_of(&r.body, &field),
            ["同じ日にすでに相談の予約があります（1日1件まで）。"]
        );
        assert!(summary(&r.body).contains("確定する枠: 同じ日に"), "{}", r.body);

        // C6-3, AC-4: a decline whose reason N10 refuses keeps the reason at its field.
        let sent = body(&csrf, &[("reason", "空きがないため①")]);
        let r = send(
            &w.app,
            form_post(&format!("/staff/requests/{id}/decline"), &admin, &sent),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let field = format!("reason-{id}");
        assert_eq!(value_of(&r.body, &field), "空きがないため①");
        assert_eq!(
            errors_of(&r.body, &field),
            ["8文字目の「①」（U+2460）は使用できません。「1」に置き換えてください。"]
        );
        assert!(
            summary(&r.body).contains("お断りの理由（ご本人に伝わります）: 8文字目"),
            "{}",
            r.body
        );

        // BK-7: the request form refused for its topic keeps the times and names the topic.
        let path = "/offices/28011/request";
        let csrf = csrf_of(&send(&w.app, get_with(path, Some(&seeker))).await.body);
        let typed = [
            ("day1", "2027-01-04"),
            ("time1", "15:00"),
            ("topic", "応募書類①の書き方"),
        ];
        let r = send(&w.app, form_post(path, &seeker, &body(&csrf, &typed))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_eq!(value_of(&r.body, "day1"), "2027-01-04");
        assert_eq!(value_of(&r.body, "time1"), "15:00");
        assert_eq!(value_of(&r.body, "topic"), "応募書類①の書き方");
        assert!(summary(&r.body).contains("ご相談の内容: 5文字目の「①」"), "{}", r.body);
    }
}
