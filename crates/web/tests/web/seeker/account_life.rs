//! The account's life after registration: locking and reset, password change, deletion,
//! what booking needs, the development mailbox, bad input on signed-in endpoints. Both backends.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, TimeZone, Utc};
use madoguchi_app::mail::{self, Transport};
use madoguchi_domain::clock::ManualClock;
use madoguchi_store::testing;
use madoguchi_web::{AppState, router};
use serde_json::{Value, json};

use super::support::*;

// rule AC-8: lock at once (API and email link), staff-sent reset lifts the lock; never re-issued.
#[tokio::test]
async fn lock_and_reset() {
    for w in worlds("acct_lock").await {
        let cookie = active_account(&w, "yamada.taro").await;
        let r = send(
            &w.app,
            Request::post("/api/v1/me/lock")
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}: {}", w.backend, r.body);
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::UNAUTHORIZED,
            "sessions ended"
        );
        let creds = json!({"user_id": "yamada.taro", "password": "Kobe-Sannomiya#2026"});
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &creds, None)).await.json()["code"],
            "account_locked"
        );

        // Staff verify identity and send the reset link (CLI stand-in for the console).
        let site = madoguchi_app::shared::Site {
            base_url: "http://madoguchi.test".into(),
        };
        madoguchi_app::accounts::lock::send_reset(&w.db, w.clock.as_ref(), &site, "Yamada.Taro")
            .await
            .unwrap();
        let letter = last_mail(&w).await;
        let reset = link_in(&letter, "/reset");
        let form = send(&w.app, get_with(&format!("/reset?token={reset}"), None)).await;
        let anon = session_cookie(&form).unwrap();
        let csrf = csrf_of(&form.body);
        let weak = send(
            &w.app,
            form_post("/reset", &anon, &format!("_csrf={csrf}&token={reset}&password=short")),
        )
        .await;
        assert_eq!(
            weak.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a typo does not use up the link"
        );
        let done = send(
            &w.app,
            form_post(
                "/reset",
                &anon,
                &format!("_csrf={csrf}&token={reset}&password=Nada-Branch%3D2027"),
            ),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let again = send(
            &w.app,
            form_post(
                "/reset",
                &anon,
                &format!("_csrf={csrf}&token={reset}&password=Nada-Branch%3D2028"),
            ),
        )
        .await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "single use");
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &creds, None)).await.json()["code"],
            "invalid_credentials"
        );
        let new = json!({"user_id": "yamada.taro", "password": "Nada-Branch=2027"});
        let s = send(&w.app, post_json("/api/v1/session", &new, None)).await;
        assert_eq!(s.status, StatusCode::OK, "lock lifted: {}", s.body);

        // The lock link in that same mail locks the account without signing in.
        let lock = link_in(&letter, "/lock");
        let page = send(&w.app, get_with(&format!("/lock?token={lock}"), None)).await;
        let anon = session_cookie(&page).unwrap();
        let csrf = csrf_of(&page.body);
        let locked = send(&w.app, form_post("/lock", &anon, &format!("_csrf={csrf}&token={lock}"))).await;
        assert!(locked.body.contains("アカウントをロックしました"), "{}", locked.body);
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &new, None)).await.json()["code"],
            "account_locked"
        );
    }
}

// rule AC-7: change at any time, must differ, reminder after 365 days.
#[tokio::test]
async fn password_change_and_yearly_reminder() {
    for w in worlds("acct_password").await {
        let cookie = active_account(&w, "yamada.taro").await;
        let same = json!({"current_password": "Kobe-Sannomiya#2026", "new_password": "Kobe-Sannomiya#2026"});
        let r = send(&w.app, put_json("/api/v1/me/password", &same, &cookie)).await;
        assert_eq!(
            r.json()["errors"][0]["reason"],
            "same_as_current",
            "{}: {}",
            w.backend,
            r.body
        );
        let wrong = json!({"current_password": "Not-the-password1", "new_password": "Nada-Branch=2027"});
        assert_eq!(
            send(&w.app, put_json("/api/v1/me/password", &wrong, &cookie))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        let good = json!({"current_password": "Kobe-Sannomiya#2026", "new_password": "Nada-Branch=2027"});
        let r = send(&w.app, put_json("/api/v1/me/password", &good, &cookie)).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
        let fresh = session_cookie(&r).unwrap();
        assert_ne!(fresh, cookie);
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&fresh))).await.status,
            StatusCode::OK
        );

        let creds = json!({"user_id": "yamada.taro", "password": "Nada-Branch=2027"});
        let s = send(&w.app, post_json("/api/v1/session", &creds, None)).await;
        assert_eq!(s.json()["password_change_due"], false);
        w.clock.advance(Duration::days(366));
        let s = send(&w.app, post_json("/api/v1/session", &creds, None)).await;
        assert_eq!(s.json()["password_change_due"], true, "{}", w.backend);
    }
}

// rules AC-9, PV-6: deletion erases personal data at once and keeps an anonymous row.
#[tokio::test]
async fn deleting_the_registration_erases_personal_data() {
    for w in worlds("acct_delete").await {
        let cookie = active_account(&w, "yamada.taro").await;
        let del = |pw: &str| {
            Request::delete("/api/v1/me")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::COOKIE, &cookie)
                .body(Body::from(json!({ "current_password": pw }).to_string()))
                .unwrap()
        };
        assert_eq!(
            send(&w.app, del("wrong-password-1")).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            send(&w.app, del("Kobe-Sannomiya#2026")).await.status,
            StatusCode::NO_CONTENT,
            "{}",
            w.backend
        );
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::UNAUTHORIZED
        );
        let creds = json!({"user_id": "yamada.taro", "password": "Kobe-Sannomiya#2026"});
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &creds, None)).await.json()["code"],
            "invalid_credentials"
        );
        let left: Vec<(String, String, String, String)> =
            madoguchi_store::read!(&w.db, |c| sqlx::query_as("SELECT state, name, email, phone FROM users")
                .fetch_all(c)
                .await
                .unwrap());
        assert_eq!(
            left,
            vec![("deleted".into(), String::new(), String::new(), String::new())]
        );
        // The user ID is free again, for a new registration (the old account is not re-issued).
        let again = send(
            &w.app,
            post_json("/api/v1/registrations", &registration("yamada.taro"), None),
        )
        .await;
        assert_eq!(again.status, StatusCode::CREATED);
    }
}

// rules AC-11, AC-12: booking needs a confirmed, unexpired registration and, for foreign
// nationals, a recorded, unexpired residence status.
#[tokio::test]
async fn eligibility_to_book() {
    for w in worlds("acct_eligibility").await {
        let cookie = active_account(&w, "yamada.taro").await;
        let blockers = |me: Value| me["booking_blockers"].clone();
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!(["registration_missing"]), "{}", w.backend);

        let bad = json!({"number": "2801-0123", "expires": "2026-01-01"});
        let r = send(&w.app, put_json("/api/v1/me/job-seeker", &bad, &cookie)).await;
        let codes: Vec<_> = r.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].clone())
            .collect();
        assert_eq!(codes, vec![json!("invalid_job_seeker_number"), json!("date_in_past")]);
        let good = json!({"number": "28010-01234567", "expires": "2027-03-31"});
        assert_eq!(
            send(&w.app, put_json("/api/v1/me/job-seeker", &good, &cookie))
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!(["registration_unconfirmed"]));
        madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), "yamada.taro")
            .await
            .unwrap();
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!([]));

        let foreign = json!({"nationality": "other", "residence_status": "student"});
        let r = send(&w.app, put_json("/api/v1/me/residence", &foreign, &cookie)).await;
        assert_eq!(r.json()["errors"][0]["field"], "stay_until");
        let unknown = json!({"nationality": "other", "residence_status": "tourist", "stay_until": "2027-01-31"});
        assert_eq!(
            send(&w.app, put_json("/api/v1/me/residence", &unknown, &cookie))
                .await
                .json()["errors"][0]["code"],
            "invalid_choice"
        );
        let foreign = json!({"nationality": "other", "residence_status": "student", "stay_until": "2027-01-31"});
        assert_eq!(
            send(&w.app, put_json("/api/v1/me/residence", &foreign, &cookie))
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!([]));
        // The period of stay ends: the day after it, booking is blocked (the session is renewed first).
        w.clock.advance(Duration::days(35));
        let s = send(
            &w.app,
            post_json(
                "/api/v1/session",
                &json!({"user_id": "yamada.taro", "password": "Kobe-Sannomiya#2026"}),
                None,
            ),
        )
        .await;
        let cookie = session_cookie(&s).unwrap();
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!(["residence_expired"]), "{}", w.backend);
        let permanent = json!({"nationality": "other", "residence_status": "permanent_resident"});
        assert_eq!(
            send(&w.app, put_json("/api/v1/me/residence", &permanent, &cookie))
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.json();
        assert_eq!(blockers(me), json!([]));
    }
}

// Demo mode: mail becomes .eml files, and the development mailbox shows them with live links.
#[tokio::test]
async fn development_mailbox_shows_demo_mail() {
    let t = testing::sqlite("dev_mailbox").await.unwrap();
    let dir = std::env::temp_dir().join(format!("mdg-devmail-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 28, 1, 0, 0).unwrap()));
    let state = AppState {
        db: t.db.clone(),
        clock: clock.clone(),
        site: madoguchi_app::shared::Site {
            base_url: "http://madoguchi.test".into(),
        },
        cookie_secure: true,
        mailbox: Some(dir.clone()),
        test_clock: None,
        usage: madoguchi_app::records::usage::Recorder::off(365),
        maintenance: madoguchi_web::http::maintenance::ModeCache::new(std::time::Duration::ZERO),
        http: madoguchi_web::serving::limits::HttpConfig::default(),
        limits: madoguchi_app::accounts::limits::Limits::for_tests(),
        room: Default::default(),
        zoom: Default::default(),
    };
    let app = router(state);
    send(
        &app,
        post_json("/api/v1/registrations", &registration("yamada.taro"), None),
    )
    .await;
    let transport = Transport::files(dir.clone(), "Madoguchi <no-reply@madoguchi.test>").unwrap();
    mail::deliver_due(&t.db, &transport, clock.as_ref(), 10).await.unwrap();
    let list = send(&app, get_with("/dev/mail", None)).await;
    assert!(
        list.body.contains("【Madoguchi】メールアドレスの確認のお願い"),
        "{}",
        list.body
    );
    let one = send(&app, get_with("/dev/mail/00000001.eml", None)).await;
    assert!(
        one.body
            .contains("<a href=\"http://madoguchi.test/register/verify?token="),
        "{}",
        one.body
    );
    assert_eq!(
        send(&app, get_with("/dev/mail/..%2Fsecret.eml", None)).await.status,
        StatusCode::NOT_FOUND
    );
    // Outside demo mode the page does not exist.
    let t2 = testing::sqlite("no_mailbox").await.unwrap();
    let plain = router(AppState {
        db: t2.db,
        clock,
        site: madoguchi_app::shared::Site {
            base_url: "http://madoguchi.test".into(),
        },
        cookie_secure: true,
        mailbox: None,
        test_clock: None,
        usage: madoguchi_app::records::usage::Recorder::off(365),
        maintenance: madoguchi_web::http::maintenance::ModeCache::new(std::time::Duration::ZERO),
        http: madoguchi_web::serving::limits::HttpConfig::default(),
        limits: madoguchi_app::accounts::limits::Limits::for_tests(),
        room: Default::default(),
        zoom: Default::default(),
    });
    assert_eq!(
        send(&plain, get_with("/dev/mail", None)).await.status,
        StatusCode::NOT_FOUND
    );
}

// Bad input never produces a 5xx on the signed-in endpoints either.
#[tokio::test]
async fn signed_in_endpoints_reject_bad_input_with_4xx() {
    for w in worlds("acct_bad_input").await {
        let cookie = active_account(&w, "yamada.taro").await;
        let long = "x".repeat(5000);
        let bodies: Vec<(&str, Value)> = vec![
            ("/api/v1/me/job-seeker", json!({"number": "", "expires": null})),
            (
                "/api/v1/me/job-seeker",
                json!({"number": long, "expires": "2027-01-01"}),
            ),
            (
                "/api/v1/me/job-seeker",
                json!({"number": "28010-0123", "expires": "not a date"}),
            ),
            (
                "/api/v1/me/job-seeker",
                // Full-width digits are read as half-width (issue 13); an underscore is not a hyphen.
                json!({"number": "２８０１０＿０１２３", "expires": "2027-01-01"}),
            ),
            (
                "/api/v1/me/residence",
                json!({"nationality": "", "residence_status": null}),
            ),
            (
                "/api/v1/me/residence",
                json!({"nationality": long, "residence_status": long}),
            ),
            (
                "/api/v1/me/residence",
                json!({"nationality": "other", "residence_status": "student", "stay_until": "2026-13-01"}),
            ),
            (
                "/api/v1/me/password",
                json!({"current_password": "", "new_password": ""}),
            ),
            (
                "/api/v1/me/password",
                json!({"current_password": "Kobe-Sannomiya#2026", "new_password": long}),
            ),
            (
                "/api/v1/me/password",
                json!({"current_password": "Kobe-Sannomiya#2026", "new_password": "パスワード１２３４５６７８"}),
            ),
            ("/api/v1/me/password", json!({"current_password": 12})),
        ];
        for (uri, body) in bodies {
            let r = send(&w.app, put_json(uri, &body, &cookie)).await;
            assert!(
                r.status.is_client_error(),
                "{}: {uri} {body}: {} {}",
                w.backend,
                r.status,
                r.body
            );
            assert_eq!(r.content_type(), "application/problem+json", "{uri}");
        }
        for body in [
            json!({"user_id": "", "password": ""}),
            json!({"user_id": long, "password": long}),
            json!({"user_id": "\u{0}"}),
            json!([]),
        ] {
            let r = send(&w.app, post_json("/api/v1/session", &body, None)).await;
            assert!(
                r.status.is_client_error(),
                "{}: session {body}: {}",
                w.backend,
                r.status
            );
        }
    }
}
