//! Who may enter a built-in room (rules MT-3, C12-3, N20-2): the reservation's job seeker,
//! the office's counsellors and the declared companion with a single-use link; the API's
//! room answer, and the WebSocket through a real listener. Both backends.

use axum::http::StatusCode;
use madoguchi_domain::room::turn_credential;
use serde_json::json;

use super::room_setup::{Staff, at, book, listen, move_to, next, open, say, seeker, sign_in};
use crate::support::{csrf_of, form_post, get_with, send, session_cookie, worlds};

// Rule MT-3: GET /api/v1/reservations/{id}/room answers the job seeker and the office's
// staff with the WebSocket and ICE servers whose TURN credential was minted for this join
// and expires when the room closes; 401 signed out, 404 for anyone else, 409 too early.
#[tokio::test]
async fn room_api_answers_the_seeker_and_the_office_only() {
    for w in worlds("room_api").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let mine = seeker(&w, "yamada.taro").await;
        let _ = seeker(&w, "suzuki.hana").await;
        let id = book(&w, &mine, at(10, 0), "builtin").await;
        let zoom = book(&w, &seeker(&w, "tanaka.jiro").await, at(11, 0), "zoom").await;
        let kobe = Staff::new(&w, "28011", "kobe.c").await;
        let tokyo = Staff::new(&w, "13010", "tokyo.c").await;
        let path = format!("/api/v1/reservations/{id}/room");

        let early = send(&w.app, get_with(&path, Some(&mine))).await;
        assert_eq!(early.status, StatusCode::CONFLICT, "{}: {}", w.backend, early.body);
        assert_eq!(early.json()["code"], "room_not_open");

        move_to(&w, at(9, 50));
        let mine = sign_in(&w, "yamada.taro").await;
        let r = send(&w.app, get_with(&path, Some(&mine))).await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", w.backend, r.body);
        let j = r.json();
        assert_eq!(j["role"], "seeker");
        assert_eq!(j["ws_url"], format!("ws://madoguchi.test/rooms/{id}/ws"));
        // Valid until the slot ends plus the 15-minute grace period, and no longer.
        let closes = at(10, 45);
        assert_eq!(
            j["expires_at"],
            closes.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        let turn = j["ice_servers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s.get("username").is_some())
            .unwrap()
            .clone();
        let expected = turn_credential("test-turn-secret", &format!("r{id}-seeker"), closes);
        assert_eq!(turn["username"], expected.username.as_str());
        assert_eq!(turn["credential"], expected.password.as_str());

        let c = kobe.sign_in(&w).await;
        let r = send(&w.app, get_with(&path, Some(&c))).await;
        assert_eq!(r.status, StatusCode::OK, "{}", w.backend);
        assert_eq!(r.json()["role"], "counsellor");

        assert_eq!(
            send(&w.app, get_with(&path, None)).await.status,
            StatusCode::UNAUTHORIZED
        );
        let other = sign_in(&w, "suzuki.hana").await;
        assert_eq!(
            send(&w.app, get_with(&path, Some(&other))).await.status,
            StatusCode::NOT_FOUND
        );
        let t = tokyo.sign_in(&w).await;
        assert_eq!(
            send(&w.app, get_with(&path, Some(&t))).await.status,
            StatusCode::NOT_FOUND
        );
        // A Zoom consultation has no built-in room.
        let zoom_path = format!("/api/v1/reservations/{zoom}/room");
        assert_eq!(
            send(&w.app, get_with(&zoom_path, Some(&c))).await.status,
            StatusCode::NOT_FOUND
        );

        move_to(&w, at(10, 45));
        let mine = sign_in(&w, "yamada.taro").await;
        let late = send(&w.app, get_with(&path, Some(&mine))).await;
        assert_eq!(late.json()["code"], "room_closed", "{}", w.backend);
    }
}

/// The counsellor issues a companion link from the room page; returns the token.
async fn companion_link(w: &crate::support::World, counsellor: &str, id: i64) -> String {
    let page = send(&w.app, get_with(&format!("/rooms/{id}"), Some(counsellor))).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // C6-2, C12-3: the verification name and number and the companion declaration.
    for fact in ["山田 太郎", "28011-01234567", "通訳（ベトナム語）"] {
        assert!(page.body.contains(fact), "{fact}");
    }
    let body = format!("_csrf={}", csrf_of(&page.body));
    let r = send(
        &w.app,
        form_post(&format!("/rooms/{id}/companion-link"), counsellor, &body),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let start = r.body.find("/rooms/join/").unwrap() + "/rooms/join/".len();
    r.body[start..].split('"').next().unwrap().to_owned()
}

/// A browser without an account uses a companion link; returns its session cookie and the
/// answer's status.
async fn use_link(w: &crate::support::World, token: &str) -> (String, StatusCode) {
    let form = send(&w.app, get_with(&format!("/rooms/join/{token}"), None)).await;
    let anon = session_cookie(&form).unwrap();
    let body = format!("_csrf={}", csrf_of(&form.body));
    let r = send(&w.app, form_post(&format!("/rooms/join/{token}"), &anon, &body)).await;
    (anon, r.status)
}

// Rules MT-3, C12-3: the WebSocket refuses an upgrade without a session (401), with
// another job seeker's or another office's counsellor's session (404), from another
// site's page (403), and a companion link works once: the second browser is refused.
#[tokio::test]
async fn room_websocket_refuses_everyone_else() {
    for w in worlds("room_ws_refuses").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let mine = seeker(&w, "yamada.taro").await;
        let _ = seeker(&w, "suzuki.hana").await;
        let id = book(&w, &mine, at(10, 0), "builtin").await;
        let kobe = Staff::new(&w, "28011", "kobe.c").await;
        let tokyo = Staff::new(&w, "13010", "tokyo.c").await;
        move_to(&w, at(9, 55));
        let addr = listen(&w).await;
        let b = w.backend;

        assert_eq!(open(addr, id, None, None).await.err(), Some(401), "{b}");
        let other = sign_in(&w, "suzuki.hana").await;
        assert_eq!(open(addr, id, Some(&other), None).await.err(), Some(404), "{b}");
        let t = tokyo.sign_in(&w).await;
        assert_eq!(open(addr, id, Some(&t), None).await.err(), Some(404), "{b}");
        let mine = sign_in(&w, "yamada.taro").await;
        let evil = Some("https://evil.example");
        assert_eq!(open(addr, id, Some(&mine), evil).await.err(), Some(403), "{b}");

        // The job seeker waits; the counsellor sees them and admits them.
        let mut s = open(addr, id, Some(&mine), Some("http://madoguchi.test"))
            .await
            .unwrap();
        let welcome = next(&mut s, "welcome").await;
        assert_eq!(
            (welcome["role"].as_str(), welcome["admitted"].as_bool()),
            (Some("seeker"), Some(false))
        );
        let c = kobe.sign_in(&w).await;
        let mut k = open(addr, id, Some(&c), None).await.unwrap();
        assert_eq!(next(&mut k, "welcome").await["admitted"], true);
        let waiting = next(&mut k, "peer").await;
        assert_eq!(
            (waiting["role"].as_str(), waiting["admitted"].as_bool()),
            (Some("seeker"), Some(false))
        );
        say(&mut k, json!({"t": "admit", "peer": waiting["id"]})).await;
        next(&mut s, "admitted").await;

        // A companion link works once, in one browser.
        let token = companion_link(&w, &c, id).await;
        let (first, status) = use_link(&w, &token).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{b}");
        let (second, status) = use_link(&w, &token).await;
        assert_eq!(status, StatusCode::GONE, "{b}: a used link");
        assert_eq!(open(addr, id, Some(&second), None).await.err(), Some(401), "{b}");
        let page = send(&w.app, get_with(&format!("/rooms/{id}"), Some(&first))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.body.contains("28011-01234567"),
            "the companion does not see the number"
        );
        let mut g = open(addr, id, Some(&first), None).await.unwrap();
        assert_eq!(next(&mut g, "welcome").await["role"], "companion");
        // The companion's session does not open the API (it is the seeker's and staff's).
        let api = send(
            &w.app,
            get_with(&format!("/api/v1/reservations/{id}/room"), Some(&first)),
        )
        .await;
        assert_eq!(api.status, StatusCode::NOT_FOUND, "{b}");
        // MT-3: one seat per role; a second counsellor connection replaces the first.
        let mut k2 = open(addr, id, Some(&c), None).await.unwrap();
        next(&mut k2, "welcome").await;
        next(&mut k, "replaced").await;
    }
}
