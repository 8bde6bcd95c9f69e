//! Accounts through the API and the pages: registration, the verification mail over a
//! real SMTP server, sign-in, lockout, sessions and CSRF. Both backends.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, TimeZone, Utc};
use http_body_util::BodyExt;
use madoguchi_app::mail::{self, SmtpSettings, TlsMode, Transport};
use madoguchi_app::smtp_sink::SmtpSink;
use madoguchi_domain::clock::ManualClock;
use madoguchi_store::{Db, testing};
use madoguchi_web::{AppState, router};
use serde_json::{Value, json};
use tower::ServiceExt;

use super::Reply;

pub(crate) struct World {
    pub backend: &'static str,
    pub db: Db,
    pub clock: Arc<ManualClock>,
    pub app: Router,
}

pub(crate) async fn worlds(name: &str) -> Vec<World> {
    let mut out = Vec::new();
    for t in testing::both(name).await {
        let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 28, 1, 0, 0).unwrap()));
        let state = AppState {
            db: t.db.clone(),
            clock: clock.clone(),
            site: madoguchi_app::register::Site {
                base_url: "http://madoguchi.test".into(),
            },
            cookie_secure: true,
            mailbox: None,
        };
        out.push(World {
            backend: t.db.backend(),
            db: t.db,
            clock,
            app: router(state),
        });
    }
    out
}

pub(crate) async fn send(app: &Router, req: Request<Body>) -> Reply {
    let response = app.clone().oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub(crate) fn post_json(uri: &str, body: &Value, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

pub(crate) fn get_with(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::get(uri);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::empty()).unwrap()
}

/// `mdg_session=…` from a response's Set-Cookie.
pub(crate) fn session_cookie(r: &Reply) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mdg_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

pub(crate) fn registration(user_id: &str) -> Value {
    json!({
        "user_id": user_id,
        "password": "Kobe-Sannomiya#2026",
        "name": "山田 太郎",
        "name_kana": "ヤマダ タロウ",
        "address": "兵庫県神戸市中央区雲井通５－３－１",
        "email": "taro@example.jp",
        "phone": "078-231-8609",
        "accept_terms": true
    })
}

fn smtp(port: u16) -> Transport {
    Transport::smtp(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        tls: TlsMode::None,
        username: None,
        password: None,
        from: "Madoguchi <no-reply@madoguchi.test>".into(),
        timeout: std::time::Duration::from_secs(5),
    })
    .unwrap()
}

/// Every MIME part of a received message, with base64 and quoted-printable undone.
fn decoded_parts(data: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    for part in data.split("\r\n--") {
        let Some((head, body)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let head = head.to_ascii_lowercase();
        if head.contains("content-transfer-encoding: base64") {
            let joined: String = body.lines().take_while(|l| !l.is_empty()).collect();
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(joined.trim()) {
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
        } else {
            out.push_str(&body.replace("=\r\n", "").replace("=3D", "="));
        }
    }
    out
}

/// Delivers the outbox through a real SMTP server; the last message, decoded.
async fn last_mail(w: &World) -> String {
    let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
    mail::deliver_due(&w.db, &smtp(sink.addr.port()), w.clock.as_ref(), 10)
        .await
        .unwrap();
    let got = sink.received();
    decoded_parts(&got.last().expect("a mail arrived").data)
}

/// The token of the link to `path` in a decoded mail.
fn link_in(plain: &str, path: &str) -> String {
    let marker = format!("{path}?token=");
    let start = plain.find(&marker).expect("link in the mail") + marker.len();
    plain[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The verification token of the last mail.
pub(crate) async fn mailed_token(w: &World) -> String {
    link_in(&last_mail(w).await, "/register/verify")
}

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
            madoguchi_app::register::purge_unverified(&w.db, w.clock.as_ref())
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

pub(crate) fn form_post(uri: &str, cookie: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

pub(crate) fn csrf_of(html: &str) -> String {
    let start = html.find("name=\"_csrf\" value=\"").unwrap() + "name=\"_csrf\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
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
                .contains("1文字目の「㈱」（U+3231）は使用できません。 「(株)」に置き換えてください。"),
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

pub(crate) async fn active_account(w: &World, user_id: &str) -> String {
    send(&w.app, post_json("/api/v1/registrations", &registration(user_id), None)).await;
    let token = mailed_token(w).await;
    send(
        &w.app,
        post_json("/api/v1/registrations/verify", &json!({ "token": token }), None),
    )
    .await;
    let s = send(
        &w.app,
        post_json(
            "/api/v1/session",
            &json!({"user_id": user_id, "password": "Kobe-Sannomiya#2026"}),
            None,
        ),
    )
    .await;
    session_cookie(&s).expect("signed in")
}

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
        let site = madoguchi_app::register::Site {
            base_url: "http://madoguchi.test".into(),
        };
        madoguchi_app::lock::send_reset(&w.db, w.clock.as_ref(), &site, "Yamada.Taro")
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

pub(crate) fn put_json(uri: &str, body: &Value, cookie: &str) -> Request<Body> {
    Request::put(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap()
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
        site: madoguchi_app::register::Site {
            base_url: "http://madoguchi.test".into(),
        },
        cookie_secure: true,
        mailbox: Some(dir.clone()),
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
        site: madoguchi_app::register::Site {
            base_url: "http://madoguchi.test".into(),
        },
        cookie_secure: true,
        mailbox: None,
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
                json!({"number": "２８０１０-０１２３", "expires": "2027-01-01"}),
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
