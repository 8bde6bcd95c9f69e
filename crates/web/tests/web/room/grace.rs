//! The office's grace period for its built-in rooms (rule MT-3) on the pages: an office admin
//! sets it on the slot page (CSRF, a refused value comes back as typed, audited), and My
//! Page's room link and the API's TURN expiry follow it. Both backends.

use axum::http::StatusCode;
use madoguchi_domain::staff::Role;

use super::room_setup::{at, book, move_to, seeker, sign_in};
use crate::staff::{audit_actions, code, staff, staff_sign_in};
use crate::support::{csrf_of, form_post, get_with, send, worlds};

fn secs(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

// Rule MT-3: "until the slot ends + a grace period the office sets". Grace 30: the link
// on My Page and the API's answer at end + 29, with the TURN credential until end + 30;
// at end + 31 neither. Grace 0: at the end itself the link is gone.
#[tokio::test]
async fn room_grace_is_set_by_the_office_and_followed() {
    for w in worlds("room_grace_web").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let b = w.backend;
        let mine = seeker(&w, "yamada.taro").await;
        let a = book(&w, &mine, at(10, 0), "builtin").await;
        let other = seeker(&w, "suzuki.hana").await;
        let z = book(&w, &other, at(14, 0), "builtin").await;
        let (pw, key) = staff(&w, Role::OfficeAdmin, Some("28011"), "kobe.admin").await;
        let admin = staff_sign_in(&w, "kobe.admin", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/slots?lang=en", Some(&admin))).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert!(page.body.contains("the default of 15 minutes applies"), "{b}");
        let csrf = csrf_of(&page.body);
        let post = |body: String| form_post("/staff/slots/room-grace", &admin, &body);

        // A refused value keeps what was typed, with the problem at its field.
        let refused = send(&w.app, post(format!("_csrf={csrf}&grace_minutes=61"))).await;
        assert!(refused.body.contains("0〜60の整数"), "{b}: {}", refused.body);
        assert!(
            refused
                .body
                .contains(r#"name="grace_minutes" type="number" value="61""#),
            "{b}: the typed value stays"
        );
        assert!(refused.body.contains("aria-invalid=\"true\""), "{b}");
        // Without the form's token nothing changes.
        let forged = send(&w.app, post("grace_minutes=30".into())).await;
        assert_ne!(forged.status, StatusCode::OK, "{b}: CSRF");
        let g = madoguchi_app::room::grace::of_office(&w.db, &Default::default(), "28011").await;
        assert!(!g.unwrap().chosen, "{b}");

        let saved = send(&w.app, post(format!("_csrf={csrf}&grace_minutes=30"))).await;
        assert!(saved.body.contains("30分にしました"), "{b}: {}", saved.body);
        assert!(saved.body.contains(r#"name="grace_minutes" type="number" value="30""#));
        let audited = audit_actions(&w).await;
        assert!(audited.iter().any(|(a, _)| a == "set_room_grace"), "{b}: {audited:?}");

        // End (10:30) + 29: My Page links to the room; the API's credential runs to + 30.
        move_to(&w, at(10, 59));
        let mine = sign_in(&w, "yamada.taro").await;
        let me = send(&w.app, get_with("/me", Some(&mine))).await;
        assert!(me.body.contains(&format!("href=\"/rooms/{a}\"")), "{b}: end + 29");
        let api = send(&w.app, get_with(&format!("/api/v1/reservations/{a}/room"), Some(&mine))).await;
        assert_eq!(api.status, StatusCode::OK, "{b}: {}", api.body);
        assert_eq!(api.json()["expires_at"], secs(at(11, 0)), "{b}");
        let turn = api.json()["ice_servers"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|s| s["username"].as_str().map(str::to_owned))
            .unwrap();
        assert!(turn.starts_with(&format!("{}:", at(11, 0).timestamp())), "{b}: {turn}");
        // End + 31: gone.
        move_to(&w, at(11, 1));
        let mine = sign_in(&w, "yamada.taro").await;
        let me = send(&w.app, get_with("/me", Some(&mine))).await;
        assert!(!me.body.contains(&format!("href=\"/rooms/{a}\"")), "{b}: end + 31");
        let api = send(&w.app, get_with(&format!("/api/v1/reservations/{a}/room"), Some(&mine))).await;
        assert_eq!(api.json()["code"], "room_closed", "{b}");

        // Grace 0: the 14:00–14:30 room's link stays to 14:29 and is gone at 14:30.
        let admin = staff_sign_in(&w, "kobe.admin", &pw, &code(&w, &key)).await.unwrap();
        let page = send(&w.app, get_with("/staff/slots", Some(&admin))).await;
        let csrf = csrf_of(&page.body);
        let body = format!("_csrf={csrf}&grace_minutes=%EF%BC%90");
        let zero = send(&w.app, form_post("/staff/slots/room-grace", &admin, &body)).await;
        assert!(zero.body.contains("0分にしました"), "{b}: full-width ０ reads as 0");
        move_to(&w, at(14, 29));
        let other = sign_in(&w, "suzuki.hana").await;
        let me = send(&w.app, get_with("/me", Some(&other))).await;
        assert!(me.body.contains(&format!("href=\"/rooms/{z}\"")), "{b}: end - 1");
        move_to(&w, at(14, 30));
        let other = sign_in(&w, "suzuki.hana").await;
        let me = send(&w.app, get_with("/me", Some(&other))).await;
        assert!(!me.body.contains(&format!("href=\"/rooms/{z}\"")), "{b}: end + 0");
    }
}
