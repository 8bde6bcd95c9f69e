//! Accounts through the API and the pages: registration, the verification mail over a
//! real SMTP server, sign-in, lockout, sessions and CSRF. Both backends.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Duration;
use serde_json::json;

use super::support::*;

// rules AC-1, AC-6, NO-2, NO-3: register, receive the mail over SMTP, verify, sign in, read My Page.
#[tokio::test]
async fn register_verify_and_sign_in() {
    for w in worlds("acct_flow").await {
        let r = send(
            &w.app,
            post_json("/api/v1/registrations", &registration("yamada.taro"), None),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}: {}", w.backend, r.body);
        // Provisional: signing in is refused until the email is verified.
        let creds = json!({"user_id": "yamada.taro", "password": "Kobe-Sannomiya#2026"});
        let early = send(&w.app, post_json("/api/v1/session", &creds, None)).await;
        assert_eq!(early.json()["code"], "email_not_verified", "{}", w.backend);

        let token = mailed_token(&w).await;
        assert_eq!(token.len(), 43, "{token}");
        let v = send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        assert_eq!(v.status, StatusCode::OK, "{}", v.body);
        let again = send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        assert_eq!(again.json()["code"], "token_invalid", "single use");

        let s = send(&w.app, post_json("/api/v1/session", &creds, None)).await;
        assert_eq!(s.status, StatusCode::OK, "{}", s.body);
        let set = s.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"),
            "{set}"
        );
        let cookie = session_cookie(&s).unwrap();
        let me = send(&w.app, get_with("/api/v1/me", Some(&cookie))).await;
        assert_eq!(me.json()["user_id"], "yamada.taro");
        let inbox = send(&w.app, get_with("/api/v1/me/messages", Some(&cookie)))
            .await
            .json();
        assert_eq!(inbox.as_array().unwrap().len(), 2, "verification and welcome: {inbox}");
        assert!(!inbox.to_string().contains("token="), "no live links in the inbox");

        let out = send(
            &w.app,
            Request::delete("/api/v1/session")
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(out.status, StatusCode::NO_CONTENT);
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

// rules AC-2, AC-3, AC-4: every field checked at once, N10 offences with position and suggestion.
#[tokio::test]
async fn registration_problems_are_reported_per_field() {
    for w in worlds("acct_fields").await {
        let mut bad = registration("yamada.taro");
        bad["name"] = json!("𠮷田 ①郎");
        bad["password"] = json!("short");
        let r = send(&w.app, post_json("/api/v1/registrations", &bad, None)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", w.backend);
        let p = r.json();
        assert_eq!(p["code"], "invalid_characters");
        let errors = p["errors"].as_array().unwrap();
        let yoshi = errors.iter().find(|e| e["character"] == "𠮷").expect("𠮷 reported");
        assert_eq!(
            (
                yoshi["field"].as_str(),
                yoshi["index"].as_u64(),
                yoshi["suggestion"].as_str()
            ),
            (Some("name"), Some(0), Some("吉"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e["character"] == "①" && e["index"] == 3 && e["suggestion"] == "1")
        );
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == "password" && e["code"] == "weak_password")
        );

        // AC-2: user IDs are unique without regard to case.
        assert_eq!(
            send(
                &w.app,
                post_json("/api/v1/registrations", &registration("Yamada.Taro"), None)
            )
            .await
            .status,
            StatusCode::CREATED
        );
        let taken = send(
            &w.app,
            post_json("/api/v1/registrations", &registration("YAMADA.taro"), None),
        )
        .await;
        assert_eq!(taken.json()["code"], "user_id_taken", "{}", w.backend);
    }
}

// Bad input never produces a 5xx: malformed JSON, wrong content type, over-long and empty fields.
#[tokio::test]
async fn malformed_requests_get_problem_documents() {
    for w in worlds("acct_malformed").await {
        let raw = Request::post("/api/v1/registrations")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{\"user_id\": "))
            .unwrap();
        let r = send(&w.app, raw).await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("malformed_json"))
        );
        let form = Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("user_id=a&password=b"))
            .unwrap();
        let r = send(&w.app, form).await;
        assert_eq!(r.json()["code"], "unsupported_media_type");
        let cross = Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::HOST, "madoguchi.test")
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::from("{}"))
            .unwrap();
        let r = send(&w.app, cross).await;
        assert_eq!(
            (r.status, r.json()["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("csrf"))
        );
        for field in ["user_id", "password", "name", "name_kana", "address", "email", "phone"] {
            for value in [json!(""), json!("x".repeat(5000)), json!("\u{0}"), json!(12)] {
                let mut body = registration("someone");
                body[field] = value.clone();
                let r = send(&w.app, post_json("/api/v1/registrations", &body, None)).await;
                assert!(
                    r.status.is_client_error(),
                    "{}: {field}={value}: {} {}",
                    w.backend,
                    r.status,
                    r.body
                );
                assert_eq!(r.content_type(), "application/problem+json");
            }
        }
    }
}

// rule AC-5: five failures lock the account for 15 minutes; unknown IDs answer the same.
#[tokio::test]
async fn repeated_failures_lock_the_account() {
    for w in worlds("acct_lockout").await {
        send(
            &w.app,
            post_json("/api/v1/registrations", &registration("yamada.taro"), None),
        )
        .await;
        let token = mailed_token(&w).await;
        send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        let wrong = json!({"user_id": "yamada.taro", "password": "Wrong-password-1"});
        let ghost = json!({"user_id": "nobody.here", "password": "Wrong-password-1"});
        for _ in 0..5 {
            let a = send(&w.app, post_json("/api/v1/session", &wrong, None)).await;
            let b = send(&w.app, post_json("/api/v1/session", &ghost, None)).await;
            assert_eq!(a.json()["code"], "invalid_credentials", "{}", w.backend);
            assert_eq!(
                a.body.replace("yamada.taro", ""),
                b.body.replace("nobody.here", ""),
                "no enumeration"
            );
        }
        let right = json!({"user_id": "yamada.taro", "password": "Kobe-Sannomiya#2026"});
        let locked = send(&w.app, post_json("/api/v1/session", &right, None)).await;
        assert_eq!(locked.json()["code"], "account_locked", "{}", w.backend);
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &ghost, None)).await.json()["code"],
            "account_locked"
        );
        w.clock.advance(Duration::minutes(16));
        assert_eq!(
            send(&w.app, post_json("/api/v1/session", &right, None)).await.status,
            StatusCode::OK
        );
    }
}

// rule AC-5: one client address is limited across many user IDs.
#[tokio::test]
async fn one_address_is_rate_limited() {
    for w in worlds("acct_ratelimit").await {
        let mut last = StatusCode::OK;
        for i in 0..21 {
            let guess = json!({"user_id": format!("guess{i:04}"), "password": "Wrong-password-1"});
            last = send(&w.app, post_json("/api/v1/session", &guess, None)).await.status;
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS, "{}", w.backend);
    }
}

// rules AC-1, AC-6: links expire after 24 h; sessions after 30 idle minutes; provisional accounts purge after 7 days.
#[tokio::test]
async fn expiry_of_links_sessions_and_provisional_accounts() {
    for w in worlds("acct_expiry").await {
        send(
            &w.app,
            post_json("/api/v1/registrations", &registration("late.comer"), None),
        )
        .await;
        let token = mailed_token(&w).await;
        w.clock.advance(Duration::hours(25));
        let r = send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        assert_eq!(r.json()["code"], "token_expired", "{}", w.backend);
        w.clock.advance(Duration::days(7));
        assert_eq!(
            madoguchi_app::accounts::register::purge_unverified(&w.db, w.clock.as_ref())
                .await
                .unwrap(),
            1
        );

        send(
            &w.app,
            post_json("/api/v1/registrations", &registration("on.time"), None),
        )
        .await;
        let token = mailed_token(&w).await;
        send(
            &w.app,
            post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
        )
        .await;
        let s = send(
            &w.app,
            post_json(
                "/api/v1/session",
                &json!({"user_id": "on.time", "password": "Kobe-Sannomiya#2026"}),
                None,
            ),
        )
        .await;
        let cookie = session_cookie(&s).unwrap();
        w.clock.advance(Duration::minutes(29));
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::OK
        );
        w.clock.advance(Duration::minutes(31));
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&cookie))).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

// rules AC-4, AC-6: the HTML form carries a CSRF token, keeps what was typed, and shows each
// problem next to its field; sign-in gives a new session ID.
#[tokio::test]
async fn registration_and_sign_in_pages() {
    for w in worlds("acct_pages").await {
        let form = send(&w.app, get_with("/register", None)).await;
        assert_eq!(form.status, StatusCode::OK, "{}", w.backend);
        let cookie = session_cookie(&form).expect("anonymous session for CSRF");
        let csrf = csrf_of(&form.body);

        let no_csrf = send(&w.app, form_post("/register", &cookie, "user_id=x")).await;
        assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);

        let body = format!(
            "_csrf={csrf}&user_id=yamada.taro&password=Kobe-Sannomiya%232026&name={}&name_kana={}&address={}&email=taro%40example.jp&phone=078-231-8609",
            enc("㈱山田"),
            enc("ヤマダ"),
            enc("神戸市")
        );
        let bad = send(&w.app, form_post("/register", &cookie, &body)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body
                .contains("1文字目の「㈱」（U+3231）は使用できません。「(株)」に置き換えてください。"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("利用規約への同意が必要です。"));
        assert!(bad.body.contains("value=\"yamada.taro\""), "keeps what was typed");
        assert!(!bad.body.contains("Kobe-Sannomiya"), "never echoes the password");

        let good = body.replace(&enc("㈱山田"), &enc("山田 太郎")) + "&accept_terms=yes";
        let ok = send(&w.app, form_post("/register", &cookie, &good)).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let token = mailed_token(&w).await;
        let page = send(
            &w.app,
            get_with(&format!("/register/verify?token={token}"), Some(&cookie)),
        )
        .await;
        assert!(
            page.body.contains("登録を完了する"),
            "a button, not a GET that changes state"
        );
        let done = send(
            &w.app,
            form_post("/register/verify", &cookie, &format!("_csrf={csrf}&token={token}")),
        )
        .await;
        assert!(done.body.contains("登録が完了しました"), "{}", done.body);

        let signin = send(
            &w.app,
            form_post(
                "/sign-in",
                &cookie,
                &format!("_csrf={csrf}&user_id=yamada.taro&password=Kobe-Sannomiya%232026"),
            ),
        )
        .await;
        assert_eq!(signin.status, StatusCode::SEE_OTHER, "{}", signin.body);
        let fresh = session_cookie(&signin).unwrap();
        assert_ne!(fresh, cookie, "a new session ID at sign-in");
        assert_eq!(
            send(&w.app, get_with("/me", Some(&cookie))).await.status,
            StatusCode::SEE_OTHER,
            "old ID is dead"
        );
        let me = send(&w.app, get_with("/me", Some(&fresh))).await;
        assert!(
            me.body.contains("山田 太郎") && me.body.contains("登録が完了しました"),
            "{}",
            me.body
        );
    }
}
