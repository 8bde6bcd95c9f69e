//! Booking through the API: free slots, direct booking, the refusal codes, cancelling,
//! privacy of reservations, malformed input. Both backends.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{TimeZone, Utc};
use madoguchi_domain::clock::jst;
use serde_json::{Value, json};

use super::support::{World, active_account, get_with, post_json, send, worlds};

async fn slot(w: &World, h: u32, m: u32) -> i64 {
    let start = jst().with_ymd_and_hms(2027, 1, 4, h, m, 0).unwrap().with_timezone(&Utc);
    madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
        .await
        .unwrap()
}

pub(crate) async fn eligible(w: &World, user_id: &str) -> String {
    let cookie = active_account(w, user_id).await;
    let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
    let r = Request::put("/api/v1/me/job-seeker")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, &cookie)
        .body(Body::from(number.to_string()))
        .unwrap();
    send(&w.app, r).await;
    madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), user_id)
        .await
        .unwrap();
    cookie
}

fn book(slot: i64) -> Value {
    json!({"slot_id": slot, "topic": "事務職への転職について", "verify_name": "山田 太郎", "verify_number": "28011-01234567", "companion": ""})
}

// rules BK-2…BK-6, BK-10, BK-16 through the public API.
#[tokio::test]
async fn book_list_and_cancel() {
    for w in worlds("api_booking").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (s1, s2) = (slot(&w, 10, 0).await, slot(&w, 14, 0).await);
        let free = send(
            &w.app,
            get_with("/api/v1/offices/28011/slots?from=2027-01-04&to=2027-01-04", None),
        )
        .await
        .json();
        assert_eq!(
            free[0],
            json!({"id": s1, "start": "2027-01-04T10:00:00+09:00", "end": "2027-01-04T10:30:00+09:00", "remaining": 1, "app": "zoom"}),
            "{}",
            w.backend
        );

        let seeker = eligible(&w, "yamada.taro").await;
        let r = send(&w.app, post_json("/api/v1/reservations", &book(s1), Some(&seeker))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let id = r.json()["id"].as_i64().unwrap();
        assert_eq!(r.json()["state"], "confirmed");
        let second = send(&w.app, post_json("/api/v1/reservations", &book(s2), Some(&seeker))).await;
        assert_eq!(
            (second.status, second.json()["code"].clone()),
            (StatusCode::CONFLICT, json!("daily_limit"))
        );
        let free = send(
            &w.app,
            get_with("/api/v1/offices/28011/slots?from=2027-01-04&to=2027-01-04", None),
        )
        .await
        .json();
        assert_eq!(free.as_array().unwrap().len(), 1, "the booked slot is no longer free");

        let other = eligible(&w, "suzuki.hanako").await;
        let full = send(&w.app, post_json("/api/v1/reservations", &book(s1), Some(&other))).await;
        assert_eq!(full.json()["code"], "slot_full");
        let path = format!("/api/v1/reservations/{id}");
        assert_eq!(
            send(&w.app, get_with(&path, Some(&other))).await.status,
            StatusCode::NOT_FOUND,
            "not someone else's"
        );
        assert_eq!(
            send(&w.app, get_with(&path, Some(&seeker))).await.json()["topic"],
            "事務職への転職について"
        );
        assert_eq!(
            send(&w.app, get_with("/api/v1/reservations", Some(&seeker)))
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            1
        );

        let cancel = format!("/api/v1/reservations/{id}/cancel");
        let c = send(&w.app, post_json(&cancel, &json!({}), Some(&seeker))).await;
        assert_eq!(c.json()["state"], "cancelled_by_user", "{}", c.body);
        assert_eq!(
            send(&w.app, post_json(&cancel, &json!({}), Some(&seeker))).await.json()["code"],
            "already_cancelled"
        );
        assert_eq!(
            send(&w.app, post_json("/api/v1/reservations", &book(s1), Some(&other)))
                .await
                .status,
            StatusCode::CREATED
        );

        // AC-11: without a confirmed registration, booking is refused.
        let unconfirmed = active_account(&w, "sato.jiro").await;
        let r = send(&w.app, post_json("/api/v1/reservations", &book(s2), Some(&unconfirmed))).await;
        assert_eq!(
            (r.status, r.json()["code"].clone()),
            (StatusCode::FORBIDDEN, json!("not_eligible"))
        );
    }
}

// No 5xx for malformed input to the booking endpoints.
#[tokio::test]
async fn malformed_booking_input() {
    for w in worlds("api_booking_bad").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let s = slot(&w, 10, 0).await;
        let seeker = eligible(&w, "yamada.taro").await;
        let long = "x".repeat(5000);
        for body in [
            json!({"slot_id": "x"}),
            json!({}),
            json!({"slot_id": 999_999}),
            json!({"slot_id": s, "topic": long}),
            json!({"slot_id": s, "topic": "①について"}),
            json!({"slot_id": s, "companion": "\u{0}"}),
            json!({"slot_id": -1}),
        ] {
            let r = send(&w.app, post_json("/api/v1/reservations", &body, Some(&seeker))).await;
            assert!(
                r.status.is_client_error(),
                "{}: {body}: {} {}",
                w.backend,
                r.status,
                r.body
            );
            assert_eq!(r.content_type(), "application/problem+json");
        }
        for uri in [
            "/api/v1/reservations/abc",
            "/api/v1/reservations/99999999999999999999",
            "/api/v1/offices/28011/slots?from=2027-02-30",
            "/api/v1/offices/x/slots",
        ] {
            let r = send(&w.app, get_with(uri, Some(&seeker))).await;
            assert!(r.status.is_client_error(), "{uri}: {}", r.status);
            assert_eq!(r.content_type(), "application/problem+json", "{uri}");
        }
        assert_eq!(
            send(&w.app, get_with("/api/v1/reservations", None)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

// rules BK-14, BK-15: the checklist is recorded per reservation only when complete; the
// no-recording notice is shown; the connection test runs our own script under a strict CSP.
#[tokio::test]
async fn checklist_and_connection_test() {
    use super::support::{csrf_of, form_post};
    for w in worlds("bk14_checklist").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let s = slot(&w, 10, 0).await;
        let seeker = eligible(&w, "yamada.taro").await;
        let id = send(&w.app, post_json("/api/v1/reservations", &book(s), Some(&seeker)))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let page = send(
            &w.app,
            get_with(&format!("/me/reservations/{id}/prepare"), Some(&seeker)),
        )
        .await;
        assert!(
            page.body.contains("録音・録画・撮影はできません"),
            "{}: BK-15",
            w.backend
        );
        let csrf = csrf_of(&page.body);
        let path = format!("/me/reservations/{id}/checklist");
        let partial = send(
            &w.app,
            form_post(&path, &seeker, &format!("_csrf={csrf}&private_room=yes")),
        )
        .await;
        assert_eq!(partial.status, StatusCode::UNPROCESSABLE_ENTITY);
        let all = format!(
            "_csrf={csrf}&private_room=yes&os_updated=yes&firewall_on=yes&antivirus_updated=yes&no_file_sharing=yes"
        );
        let done = send(&w.app, form_post(&path, &seeker, &all)).await;
        assert!(done.body.contains("確認済みです"), "{}", done.body);
        let day = madoguchi_store::consultations::schedule::for_office_day(
            &w.db,
            "28011",
            chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        )
        .await
        .unwrap();
        assert!(day[0].checklist_at.is_some(), "the counsellor sees it");

        let test = send(&w.app, get_with("/connection-test", None)).await;
        assert!(
            test.body
                .contains("<script src=\"/assets/connection-test.js\"></script>")
        );
        let csp = test
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        let payload = send(&w.app, get_with("/connection-test/payload", None)).await;
        assert_eq!(payload.status, StatusCode::OK);
    }
}

// rule BK-7 through the API: a request to an office in request mode; direct offices refuse.
#[tokio::test]
async fn reservation_requests_api() {
    for w in worlds("api_requests").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let seeker = eligible(&w, "yamada.taro").await;
        let body = json!({"office": "28011", "preferences": ["2027-01-04T10:00:00+09:00", "2027-01-05T14:00:00+09:00"], "topic": "相談"});
        let direct = send(&w.app, post_json("/api/v1/reservation-requests", &body, Some(&seeker))).await;
        assert_eq!(direct.json()["code"], "direct_booking", "{}", w.backend);
        madoguchi_app::offices::set_booking_mode(&w.db, "28011", "request")
            .await
            .unwrap();
        let ok = send(&w.app, post_json("/api/v1/reservation-requests", &body, Some(&seeker))).await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
        assert_eq!(ok.json()["state"], "open");
        for bad in [
            json!({"office": "28011", "preferences": []}),
            json!({"office": "28011", "preferences": ["not a time"]}),
            json!({"office": "28011", "preferences": ["2027-01-09T10:00:00+09:00"]}),
            json!({"office": "99999", "preferences": ["2027-01-04T10:00:00+09:00"]}),
        ] {
            let r = send(&w.app, post_json("/api/v1/reservation-requests", &bad, Some(&seeker))).await;
            assert!(r.status.is_client_error(), "{bad}: {} {}", r.status, r.body);
        }
    }
}
