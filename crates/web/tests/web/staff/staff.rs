//! The staff console: TOTP sign-in, audited look-ups, office-scoped actions. Both backends.

use axum::http::StatusCode;
use madoguchi_domain::staff::Role;
use madoguchi_domain::totp;
use serde_json::json;

use super::support::{World, active_account, csrf_of, form_post, get_with, put_json, send, session_cookie, worlds};

pub(crate) async fn staff(w: &World, role: Role, office: Option<&str>, user_id: &str) -> (String, Vec<u8>) {
    let c = madoguchi_app::console::staff::create(
        &w.db,
        w.clock.as_ref(),
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        office,
        user_id,
        "職員 一郎",
    )
    .await
    .unwrap();
    (c.password, totp::base32_decode(&c.totp_secret).unwrap())
}

pub(crate) fn code(w: &World, key: &[u8]) -> String {
    use madoguchi_domain::clock::Clock;
    format!(
        "{:06}",
        totp::totp(totp::Algorithm::Sha1, key, w.clock.now().timestamp(), 6)
    )
}

/// Signs a staff member in through the page; returns the session cookie, or the status.
pub(crate) async fn staff_sign_in(w: &World, user_id: &str, password: &str, code: &str) -> Result<String, StatusCode> {
    let form = send(&w.app, get_with("/staff/sign-in", None)).await;
    let anon = session_cookie(&form).unwrap();
    let csrf = csrf_of(&form.body);
    let body = format!(
        "_csrf={csrf}&user_id={user_id}&password={}&totp_code={code}",
        enc(password)
    );
    let r = send(&w.app, form_post("/staff/sign-in", &anon, &body)).await;
    if r.status == StatusCode::SEE_OTHER {
        Ok(session_cookie(&r).unwrap())
    } else {
        Err(r.status)
    }
}

pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub(crate) async fn audit_actions(w: &World) -> Vec<(String, Option<i64>)> {
    madoguchi_store::read!(&w.db, |c| sqlx::query_as(
        "SELECT action, user_ref FROM audit_log ORDER BY id"
    )
    .fetch_all(c)
    .await
    .unwrap())
}

// SPEC §1 (staff use TOTP), rule PV-4: office-scoped actions and an audit row for every look-up.
#[tokio::test]
pub(crate) async fn staff_console_is_scoped_and_audited() {
    for w in worlds("staff_console").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (kobe_pw, kobe_key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.counsellor").await;
        let (tokyo_pw, tokyo_key) = staff(&w, Role::Counsellor, Some("13010"), "tokyo.counsellor").await;
        let seeker = active_account(&w, "yamada.taro").await;
        let number = json!({"number": "28011-01234567", "expires": "2027-03-31"});
        send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;

        // TOTP: a wrong code fails, a right code works once, a replayed code fails.
        assert_eq!(
            staff_sign_in(&w, "kobe.counsellor", &kobe_pw, "000000").await,
            Err(StatusCode::UNAUTHORIZED)
        );
        let c = code(&w, &kobe_key);
        let kobe = staff_sign_in(&w, "kobe.counsellor", &kobe_pw, &c)
            .await
            .expect("staff signed in");
        assert_eq!(
            staff_sign_in(&w, "kobe.counsellor", &kobe_pw, &c).await,
            Err(StatusCode::UNAUTHORIZED),
            "{}: replay",
            w.backend
        );
        w.clock.advance(chrono::Duration::seconds(30));
        let tokyo = staff_sign_in(&w, "tokyo.counsellor", &tokyo_pw, &code(&w, &tokyo_key))
            .await
            .unwrap();

        let seen = send(
            &w.app,
            get_with("/staff/seekers?user_id=yamada.taro&purpose=counter", Some(&kobe)),
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", w.backend);
        assert!(seen.body.contains("山田 太郎") && seen.body.contains("taro@example.jp"));
        // PV-4: another office reads with a purpose, recorded, without actions (console_rules.rs).
        let across = get_with("/staff/seekers?user_id=yamada.taro&purpose=counter", Some(&tokyo));
        assert_eq!(send(&w.app, across).await.status, StatusCode::OK);
        let no_purpose = send(&w.app, get_with("/staff/seekers?user_id=yamada.taro", Some(&kobe))).await;
        assert_eq!(no_purpose.status, StatusCode::BAD_REQUEST, "PV-4: why is required");
        let actions = audit_actions(&w).await;
        assert_eq!(actions[0].0, "view_job_seeker");
        assert!(actions[0].1.is_some());
        assert_eq!(
            actions[1].0, "view_job_seeker",
            "the look-up across offices is recorded"
        );

        // A job seeker's session is not a staff session.
        assert_eq!(
            send(&w.app, get_with("/staff", Some(&seeker))).await.status,
            StatusCode::SEE_OTHER
        );

        // Confirm the registration: the job seeker may now book (AC-11).
        let csrf = csrf_of(&seen.body);
        let done = send(
            &w.app,
            form_post("/staff/seekers/yamada.taro/confirm", &kobe, &format!("_csrf={csrf}")),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let me = send(&w.app, get_with("/api/v1/me", Some(&seeker))).await.json();
        assert_eq!(me["booking_blockers"], json!([]));
        // Another office's staff cannot act either.
        let tokyo_csrf = csrf_of(&send(&w.app, get_with("/staff", Some(&tokyo))).await.body);
        let denied = send(
            &w.app,
            form_post(
                "/staff/seekers/yamada.taro/lock",
                &tokyo,
                &format!("_csrf={tokyo_csrf}"),
            ),
        )
        .await;
        assert_eq!(denied.status, StatusCode::NOT_FOUND);
        // BK-13, AC-12: suspension with a recorded reason blocks booking; lifting it unblocks.
        let suspended = send(
            &w.app,
            form_post(
                "/staff/seekers/yamada.taro/suspend",
                &kobe,
                &format!(
                    "_csrf={csrf}&reason=%E7%9B%B8%E8%AB%87%E7%9B%AE%E7%9A%84%E5%A4%96%E3%81%AE%E5%88%A9%E7%94%A8"
                ),
            ),
        )
        .await;
        assert!(
            suspended.body.contains("利用停止中（相談目的外の利用）"),
            "{}",
            suspended.body
        );
        let me = send(&w.app, get_with("/api/v1/me", Some(&seeker))).await.json();
        assert_eq!(me["booking_blockers"], json!(["account_suspended"]));
        let no_reason = send(
            &w.app,
            form_post("/staff/seekers/yamada.taro/suspend", &kobe, &format!("_csrf={csrf}")),
        )
        .await;
        assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
        send(
            &w.app,
            form_post("/staff/seekers/yamada.taro/unsuspend", &kobe, &format!("_csrf={csrf}")),
        )
        .await;
        let me = send(&w.app, get_with("/api/v1/me", Some(&seeker))).await.json();
        assert_eq!(me["booking_blockers"], json!([]));
        // Lock at the person's request (AC-8): their sessions end.
        send(
            &w.app,
            form_post("/staff/seekers/yamada.taro/lock", &kobe, &format!("_csrf={csrf}")),
        )
        .await;
        assert_eq!(
            send(&w.app, get_with("/api/v1/me", Some(&seeker))).await.status,
            StatusCode::UNAUTHORIZED
        );
        let trail: Vec<String> = audit_actions(&w).await.into_iter().map(|(a, _)| a).collect();
        assert!(
            trail.contains(&"confirm_registration".to_owned()) && trail.contains(&"lock_account".to_owned()),
            "{trail:?}"
        );

        // A national admin sees every office.
        let (admin_pw, admin_key) = staff(&w, Role::NationalAdmin, None, "national.admin").await;
        w.clock.advance(chrono::Duration::seconds(30));
        let admin = staff_sign_in(&w, "national.admin", &admin_pw, &code(&w, &admin_key))
            .await
            .unwrap();
        assert_eq!(
            send(
                &w.app,
                get_with("/staff/seekers?user_id=yamada.taro&purpose=counter", Some(&admin))
            )
            .await
            .status,
            StatusCode::OK
        );
    }
}

// SPEC §1: admins create staff only within their own scope, in the console.
#[tokio::test]
pub(crate) async fn admins_create_staff_within_their_scope() {
    for w in worlds("staff_members").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.admin").await;
        let admin = staff_sign_in(&w, "kobe.admin", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/members", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        assert!(
            !page.body.contains("value=\"national_admin\""),
            "an office admin cannot create national admins"
        );
        let csrf = csrf_of(&page.body);
        let ok = send(
            &w.app,
            form_post(
                "/staff/members",
                &admin,
                &format!("_csrf={csrf}&role=counsellor&office=28011&user_id=kobe.new&name=x"),
            ),
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        assert!(
            ok.body.contains("otpauth://totp/Madoguchi:kobe.new"),
            "credentials shown once"
        );
        let other = send(
            &w.app,
            form_post(
                "/staff/members",
                &admin,
                &format!("_csrf={csrf}&role=counsellor&office=13010&user_id=tokyo.new&name=x"),
            ),
        )
        .await;
        assert_eq!(other.status, StatusCode::FORBIDDEN, "another office");
        let (cpw, ckey) = staff(&w, Role::Counsellor, Some("28011"), "kobe.c").await;
        w.clock.advance(chrono::Duration::seconds(30));
        let counsellor = staff_sign_in(&w, "kobe.c", &cpw, &code(&w, &ckey)).await.unwrap();
        assert_eq!(
            send(&w.app, get_with("/staff/members", Some(&counsellor))).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

pub(crate) async fn free_ids(w: &World, day: &str) -> Vec<i64> {
    let free = send(
        &w.app,
        get_with(&format!("/api/v1/offices/28011/slots?from={day}&to={day}"), None),
    )
    .await
    .json();
    free.as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}
