//! Zoom from outside (rules MT-1, MT-2, BK-11; issue 15), both backends: an office admin
//! sets the office's apps and its Zoom app on `/staff/apps` (CSRF, a refused form keeps what
//! was typed except the secrets, which are never shown back: only their last four); the
//! webhook endpoint answers 401 and records nothing without a valid signature, 404 for an
//! office without Zoom, Zoom's URL validation as documented, and takes a signed event sent
//! by the local Zoom over a real connection; no page or answer carries a secret.

use axum::http::StatusCode;
use madoguchi_app::zoom::local::LocalZoom;
use madoguchi_app::zoom::webhooks;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;

use super::staff::{code, staff, staff_sign_in};
use super::support::{World, csrf_of, enc, form_post, get_with, send, worlds};

const SECRET: &str = "cs-PageSecretValue4242abcd";
const WEBHOOK: &str = "wh-PageWebhookToken9999wxyz";

async fn taken(w: &World) -> i64 {
    let (n,): (i64,) = madoguchi_store::read!(&w.db, |c| sqlx::query_as("SELECT COUNT(*) FROM zoom_webhook_events")
        .fetch_one(c)
        .await
        .unwrap());
    n
}

// MT-1, MT-2: the office admin's page; CSRF; a refused form; the secrets shown as their
// last four characters only; a counsellor is refused.
#[tokio::test]
async fn office_admin_sets_apps_and_zoom() {
    for w in worlds("web_zoom_page").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.zoom").await;
        let admin = staff_sign_in(&w, "kobe.zoom", &pw, &code(&w, &key)).await.unwrap();
        let home = send(&w.app, get_with("/staff", Some(&admin))).await;
        assert!(home.body.contains(r#"href="/staff/apps""#), "linked from the console");
        let page = send(&w.app, get_with("/staff/apps", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{}", w.backend);
        assert!(
            page.body.contains("http://madoguchi.test/webhooks/zoom/28011"),
            "the webhook URL to give Zoom"
        );
        let csrf = csrf_of(&page.body);

        let zoom_form = |csrf: &str, account: &str, secret: &str| {
            format!(
                "_csrf={csrf}&action=zoom&account_id={}&client_id=client-1&client_secret={}&webhook_secret={}",
                enc(account),
                enc(secret),
                enc(WEBHOOK)
            )
        };
        let forged = send(&w.app, form_post("/staff/apps", &admin, &zoom_form("", "acct", SECRET))).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        assert!(madoguchi_store::zoom::account(&w.db, "28011").await.unwrap().is_none());

        // Refused: the account ID in full-width letters, no client secret. What was typed
        // comes back, except the secrets.
        let refused = send(
            &w.app,
            form_post("/staff/apps", &admin, &zoom_form(&csrf, "ＡＣＣＴ", "")),
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains(r#"value="ＡＣＣＴ""#), "kept as typed");
        assert!(refused.body.contains(r#"value="client-1""#));
        assert!(refused.body.contains(r#"id="account_id-error-1""#));
        assert!(refused.body.contains(r#"id="client_secret-error-1""#));
        assert!(!refused.body.contains(WEBHOOK), "a secret is never drawn again");

        let saved = send(
            &w.app,
            form_post("/staff/apps", &admin, &zoom_form(&csrf, "acct-1", SECRET)),
        )
        .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        assert!(
            saved.body.contains("…abcd") && saved.body.contains("…wxyz"),
            "{}",
            saved.body
        );
        assert!(!saved.body.contains(SECRET) && !saved.body.contains(WEBHOOK));
        let again = send(&w.app, get_with("/staff/apps", Some(&admin))).await;
        assert!(!again.body.contains(SECRET) && !again.body.contains(WEBHOOK));

        // MT-1: consultations on Zoom and the built-in room only, Zoom first.
        let apps = format!("_csrf={csrf}&action=consultation&app_zoom=on&app_builtin=on&default=zoom");
        let ok = send(&w.app, form_post("/staff/apps", &admin, &apps)).await;
        assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
        let choice = madoguchi_app::offices::apps::choice(&w.db, "28011", "consultation")
            .await
            .unwrap();
        assert_eq!((choice.apps, choice.default), (vec!["zoom", "builtin"], "zoom"));
        let bad = format!("_csrf={csrf}&action=seminar&app_zoom=on&default=e_tumo");
        let refused = send(&w.app, form_post("/staff/apps", &admin, &bad)).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
        assert!(refused.body.contains(r#"id="seminar-default-error-1""#) || refused.body.contains("default-error-1"));
        // A one-off TeleOffice slot is now refused: the office does not use it.
        let slot = format!("_csrf={csrf}&day=2026-12-29&starts=10%3A00&app=teleoffice&capacity=1");
        let r = send(&w.app, form_post("/staff/slots/one-off", &admin, &slot)).await;
        assert!(
            r.body.contains("このサービスにそのアプリを使っていません"),
            "{}",
            r.body
        );

        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.counsellor").await;
        let counsellor = staff_sign_in(&w, "kobe.counsellor", &pw, &code(&w, &key))
            .await
            .unwrap();
        let r = send(&w.app, get_with("/staff/apps", Some(&counsellor))).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

// MT-2, BK-11: the webhook contract, over a real connection from the local Zoom.
#[tokio::test]
async fn webhooks_need_a_valid_signature() {
    for w in worlds("web_zoom_webhook").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.hook").await;
        let admin = staff_sign_in(&w, "kobe.hook", &pw, &code(&w, &key)).await.unwrap();
        let csrf = csrf_of(&send(&w.app, get_with("/staff/apps", Some(&admin))).await.body);
        let form = format!(
            "_csrf={csrf}&action=zoom&account_id=acct-1&client_id=client-1&client_secret={SECRET}&webhook_secret={WEBHOOK}"
        );
        assert_eq!(
            send(&w.app, form_post("/staff/apps", &admin, &form)).await.status,
            StatusCode::OK
        );
        let addr = crate::room_setup::listen(&w).await;
        let url = format!("http://{addr}/webhooks/zoom/28011");
        let now = w.clock.now().timestamp();

        // Zoom's URL validation, signed like every event; no cookie, no CSRF token.
        let v = serde_json::json!({"event": "endpoint.url_validation", "event_ts": now * 1000,
            "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}})
        .to_string();
        let (status, body) = LocalZoom::send_webhook(&url, WEBHOOK, now, &v).await;
        assert_eq!(status, 200, "{body}");
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(answer["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
        assert_eq!(
            answer["encryptedToken"],
            webhooks::sign(WEBHOOK, b"qgg8vlvZRS6UYooatFL8Aw")
        );

        let event = serde_json::json!({"event": "meeting.participant_joined", "event_ts": now * 1000,
            "payload": {"object": {"id": "85000000001", "host_id": "h", "participant": {"user_id": "1"}}}})
        .to_string();
        // Without a valid signature: 401 and nothing recorded.
        let (status, body) = LocalZoom::send_raw(&url, "v0=00", now, &event).await;
        assert_eq!(status, 401, "{body}");
        assert!(body.contains("invalid_signature"));
        let (status, _) = LocalZoom::send_webhook(&url, "another-secret", now, &event).await;
        assert_eq!(status, 401);
        let (status, _) = LocalZoom::send_webhook(&url, WEBHOOK, now - 360, &event).await;
        assert_eq!(status, 401, "six minutes old");
        assert_eq!(taken(&w).await, 0, "{}", w.backend);
        // Signed: taken (the meeting is none of ours: ignored), then a replay ignored.
        let (status, body) = LocalZoom::send_webhook(&url, WEBHOOK, now, &event).await;
        assert_eq!((status, body.as_str()), (200, r#"{"status":"ignored"}"#));
        assert_eq!(taken(&w).await, 1);
        LocalZoom::send_webhook(&url, WEBHOOK, now, &event).await;
        assert_eq!(taken(&w).await, 1, "a replay adds nothing");
        // An office without Zoom.
        let (status, body) =
            LocalZoom::send_webhook(&format!("http://{addr}/webhooks/zoom/27020"), WEBHOOK, now, &event).await;
        assert_eq!(status, 404, "{body}");
        assert!(!body.contains(WEBHOOK) && !body.contains(SECRET));
        // Only this path is exempt from CSRF: the staff form still needs its token.
        let forged = send(&w.app, form_post("/staff/apps", &admin, "action=zoom")).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
    }
}

// MT-2, BK-9: a Zoom booking made through the API gets its meeting from the job (the local
// Zoom), and My Page shows its ID, passcode and join URL; a booking whose meeting Zoom never
// made (down through every attempt) is "create by hand" on the counsellor's day page.
#[tokio::test]
async fn booked_meeting_on_my_page_and_by_hand_on_the_day_page() {
    use chrono::{TimeZone, Utc};
    use madoguchi_domain::clock::jst;
    use serde_json::json;

    use super::support::{active_account, post_json, put_json};

    for w in worlds("web_zoom_my_page").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.mypage").await;
        let admin = staff_sign_in(&w, "kobe.mypage", &pw, &code(&w, &key)).await.unwrap();
        let csrf = csrf_of(&send(&w.app, get_with("/staff/apps", Some(&admin))).await.body);
        let form = format!(
            "_csrf={csrf}&action=zoom&account_id=acct-1&client_id=client-1&client_secret={SECRET}&webhook_secret={WEBHOOK}"
        );
        assert_eq!(
            send(&w.app, form_post("/staff/apps", &admin, &form)).await.status,
            StatusCode::OK
        );
        let zoom = LocalZoom::start("acct-1", "client-1", SECRET).await;
        let config = madoguchi_app::zoom::ZoomConfig {
            api_base: zoom.base.clone(),
            oauth_base: zoom.base.clone(),
            ..super::support::zoom_config()
        };
        let seeker = active_account(&w, "yamada.zoom").await;
        let number = json!({"number": "28011-01234567", "expires": "2027-12-31"});
        send(&w.app, put_json("/api/v1/me/job-seeker", &number, &seeker)).await;
        madoguchi_app::eligibility::confirm_job_seeker(&w.db, w.clock.as_ref(), "yamada.zoom")
            .await
            .unwrap();
        let mut ids = Vec::new();
        for day in [4, 5] {
            let start = jst()
                .with_ymd_and_hms(2027, 1, day, 10, 0, 0)
                .unwrap()
                .with_timezone(&Utc);
            let slot = madoguchi_app::consultations::booking::publish_slot(&w.db, "28011", start, "zoom", 1)
                .await
                .unwrap();
            let body = json!({"slot_id": slot, "verify_name": "山田 花子", "verify_number": "28011-01234567", "topic": "転職"});
            let r = send(&w.app, post_json("/api/v1/reservations", &body, Some(&seeker))).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            ids.push(r.json()["id"].as_i64().unwrap());
            if day == 4 {
                let round = madoguchi_app::zoom::meetings::run(&w.db, w.clock.as_ref(), &config)
                    .await
                    .unwrap();
                assert_eq!(round.created, 1, "{}", w.backend);
            }
        }
        let (meeting_id, passcode) = zoom.with(|z| {
            let (id, m) = z.meetings.iter().next().unwrap();
            (id.to_string(), m["password"].as_str().unwrap().to_owned())
        });
        let me = send(&w.app, get_with("/me", Some(&seeker))).await;
        assert!(
            me.body.contains(&meeting_id) && me.body.contains(&passcode),
            "{}",
            me.body
        );
        assert!(me.body.contains(&format!("https://us06web.zoom.us/j/{meeting_id}")));
        let api = send(
            &w.app,
            get_with(&format!("/api/v1/reservations/{}", ids[0]), Some(&seeker)),
        )
        .await;
        assert!(!api.body.contains(SECRET) && !api.body.contains(WEBHOOK));

        // The second booking: Zoom is down through every attempt.
        zoom.with(|z| z.down = true);
        for _ in 0..madoguchi_app::zoom::meetings::MAX_ATTEMPTS {
            madoguchi_app::zoom::meetings::run(&w.db, w.clock.as_ref(), &config)
                .await
                .unwrap();
            w.clock.advance(chrono::Duration::minutes(31));
        }
        let (pw, key) = staff(&w, Role::Counsellor, Some("28011"), "kobe.day").await;
        let counsellor = staff_sign_in(&w, "kobe.day", &pw, &code(&w, &key)).await.unwrap();
        let day = send(&w.app, get_with("/staff/day?date=2027-01-05", Some(&counsellor))).await;
        assert!(
            day.body.contains(&format!(r#"id="zoom-by-hand-{}""#, ids[1])),
            "{}",
            day.body
        );
        let other = send(&w.app, get_with("/staff/day?date=2027-01-04", Some(&counsellor))).await;
        assert!(!other.body.contains("zoom-by-hand-"), "the meeting Zoom made is not");
    }
}
