//! "Forgot your password?" (rule AC-8) through the router on both backends: the link on the
//! sign-in page and in the lock message, the same answer for any user ID (page and API),
//! the mailed link setting a new password once and ending every session, the limit per ID,
//! and the token never reaching the usage record (PV-1).

use axum::http::StatusCode;
use chrono::Duration;
use madoguchi_domain::clock::Clock;
use serde_json::json;

use super::support::{
    active_account, csrf_of, form_post, get_with, last_mail, link_in, post_json, send, session_cookie, worlds,
};

// rules AC-8, AC-5: the sign-in page links to the reset, and so does the lock message after
// five failures.
#[tokio::test]
async fn password_reset_is_offered_on_the_sign_in_page() {
    for w in worlds("web_forgot_link").await {
        active_account(&w, "yamada.taro").await;
        let page = send(&w.app, get_with("/sign-in", None)).await;
        assert!(
            page.body.contains("href=\"/password-reset\"") && page.body.contains("パスワードを忘れた方"),
            "{}",
            w.backend
        );
        let cookie = session_cookie(&page).unwrap();
        let csrf = csrf_of(&page.body);
        let mut last = String::new();
        for _ in 0..6 {
            let body = format!("_csrf={csrf}&user_id=yamada.taro&password=Wrong-Password%23000");
            last = send(&w.app, form_post("/sign-in", &cookie, &body)).await.body;
        }
        assert!(
            last.contains("ロックされています") && last.contains("「パスワードを忘れた方」"),
            "{last}"
        );
        let en = send(&w.app, get_with("/password-reset?lang=en", None)).await;
        assert!(
            en.body.contains("Forgot your password?") && en.body.contains("name=\"_csrf\""),
            "{}",
            en.body
        );
    }
}

// rule AC-8: the page and the API answer the same for a known and an unknown user ID; the
// mailed link sets the new password once, within 30 minutes, and ends every session.
#[tokio::test]
async fn password_reset_by_mail_page_and_api() {
    for mut w in worlds("web_forgot_flow").await {
        let old = active_account(&w, "yamada.taro").await;
        let form = send(&w.app, get_with("/password-reset", None)).await;
        let (cookie, csrf) = (session_cookie(&form).unwrap(), csrf_of(&form.body));
        let known = send(
            &w.app,
            form_post("/password-reset", &cookie, &format!("_csrf={csrf}&user_id=YAMADA.TARO")),
        )
        .await;
        let unknown = send(
            &w.app,
            form_post(
                "/password-reset",
                &cookie,
                &format!("_csrf={csrf}&user_id=nobody.at.all"),
            ),
        )
        .await;
        assert_eq!(
            (known.status, unknown.status),
            (StatusCode::OK, StatusCode::OK),
            "{}",
            w.backend
        );
        assert_eq!(known.body, unknown.body, "the same page either way");
        assert!(known.body.contains("メールをご確認ください"));
        let empty = send(
            &w.app,
            form_post("/password-reset", &cookie, &format!("_csrf={csrf}&user_id=")),
        )
        .await;
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
        assert!(empty.body.contains("aria-invalid=\"true\""), "{}", empty.body);

        let api_known = send(
            &w.app,
            post_json("/api/v1/password-resets", &json!({"user_id": "yamada.taro"}), None),
        )
        .await;
        let api_unknown = send(
            &w.app,
            post_json("/api/v1/password-resets", &json!({"user_id": "nobody.at.all"}), None),
        )
        .await;
        assert_eq!(
            (api_known.status, api_known.body.clone()),
            (StatusCode::ACCEPTED, api_unknown.body.clone())
        );
        assert_eq!(api_unknown.status, StatusCode::ACCEPTED);
        // A third request for the ID in the hour is the last; the fourth is refused, for any ID.
        send(
            &w.app,
            post_json("/api/v1/password-resets", &json!({"user_id": "yamada.taro"}), None),
        )
        .await;
        for id in ["yamada.taro", "nobody.at.all"] {
            send(
                &w.app,
                post_json("/api/v1/password-resets", &json!({"user_id": id}), None),
            )
            .await;
        }
        let limited = send(
            &w.app,
            post_json("/api/v1/password-resets", &json!({"user_id": "yamada.taro"}), None),
        )
        .await;
        assert_eq!(
            (limited.status, limited.json()["code"].as_str()),
            (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
        );

        let token = link_in(&last_mail(&w).await, "/reset");
        let page = send(&w.app, get_with(&format!("/reset?token={token}"), None)).await;
        assert!(page.body.contains(&token), "the form carries the link's token");
        let confirm = json!({"token": token, "password": "Kobe-Motomachi#2027"});
        let done = send(&w.app, post_json("/api/v1/password-resets/confirm", &confirm, None)).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let again = send(&w.app, post_json("/api/v1/password-resets/confirm", &confirm, None)).await;
        assert_eq!(again.json()["code"], "token_invalid");
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&old))).await.status,
            StatusCode::UNAUTHORIZED,
            "signed out"
        );
        let signed_in = send(
            &w.app,
            post_json(
                "/api/v1/session",
                &json!({"user_id": "yamada.taro", "password": "Kobe-Motomachi#2027"}),
                None,
            ),
        )
        .await;
        assert_eq!(signed_in.status, StatusCode::OK);
        let weak = send(
            &w.app,
            post_json(
                "/api/v1/password-resets/confirm",
                &json!({"token": "x", "password": "short"}),
                None,
            ),
        )
        .await;
        assert_eq!(
            weak.json()["code"],
            "token_invalid",
            "an unknown token is refused first"
        );

        // An hour later the ID may ask again; that link expires after 30 minutes.
        w.clock.advance(Duration::minutes(61));
        send(
            &w.app,
            post_json("/api/v1/password-resets", &json!({"user_id": "yamada.taro"}), None),
        )
        .await;
        let late = link_in(&last_mail(&w).await, "/reset");
        w.clock.advance(Duration::minutes(31));
        let expired = send(
            &w.app,
            post_json(
                "/api/v1/password-resets/confirm",
                &json!({"token": late, "password": "Kobe-Motomachi#2028"}),
                None,
            ),
        )
        .await;
        assert_eq!(expired.json()["code"], "token_expired");

        // PV-1: the usage record names routes, never a link's token.
        w.flush_usage().await;
        let from = w.clock.now() - Duration::days(1);
        let rows =
            madoguchi_store::records::usage::for_disclosure(&w.db, None, from, w.clock.now() + Duration::days(1))
                .await
                .unwrap();
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|r| !r.entry.action.contains(&token) && !r.entry.action.contains(&late))
        );
    }
}
