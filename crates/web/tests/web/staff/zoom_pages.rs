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
