//! The counsellor's day page keeps its rooms' state live (rules MT-3, BK-11):
//! `GET /staff/day/rooms` answers what each room recorded as attendance events happen,
//! for the office's staff only; the page carries the polite live region and its script
//! under a CSP that allows only our own. Both backends.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};

use super::room_setup::{Staff, at, book, listen, move_to, next, open, recorded, say, seeker, sign_in};
use crate::support::{World, get_with, send, worlds};

/// The state and words the endpoint gives for reservation `id`, or `None`.
async fn live(w: &World, cookie: &str, id: i64) -> Option<(String, String)> {
    let r = send(
        &w.app,
        get_with("/staff/day/rooms?date=2027-01-04&lang=en", Some(cookie)),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j: Value = r.json();
    assert_eq!(j["date"], "2027-01-04");
    j["rooms"].as_array().unwrap().iter().find(|x| x["id"] == id).map(|x| {
        (
            x["state"].as_str().unwrap().to_owned(),
            x["label"].as_str().unwrap().to_owned(),
        )
    })
}

// Rules MT-3, BK-11: waiting, in the room, left, as the room records them, without
// reloading the day page; nobody but the office's staff reads it.
#[tokio::test]
async fn room_state_on_the_day_page_follows_attendance() {
    for w in worlds("room_live").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let b = w.backend;
        let mine = seeker(&w, "yamada.taro").await;
        let id = book(&w, &mine, at(10, 0), "builtin").await;
        let kobe = Staff::new(&w, "28011", "kobe.c").await;
        let tokyo = Staff::new(&w, "13010", "tokyo.c").await;
        move_to(&w, at(9, 55));
        let addr = listen(&w).await;
        let mine = sign_in(&w, "yamada.taro").await;
        let c = kobe.sign_in(&w).await;

        // The page: a polite live cell per room and our one script, allowed by its CSP.
        let day = send(&w.app, get_with("/staff/day?date=2027-01-04", Some(&c))).await;
        assert_eq!(day.status, StatusCode::OK, "{b}");
        assert!(
            day.body.contains(&format!(r#"id="room-live-{id}" aria-live="polite""#)),
            "{b}"
        );
        assert!(
            day.body
                .contains(r#"data-room-live="/staff/day/rooms?date=2027-01-04""#)
        );
        assert!(day.body.contains(r#"<script type="module" src="/assets/day-live.js">"#));
        let csp = day.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"),
            "{csp}"
        );
        assert_eq!(live(&w, &c, id).await, None, "{b}: nothing recorded yet");

        let mut s = open(addr, id, Some(&mine), None).await.unwrap();
        next(&mut s, "welcome").await;
        recorded(&w, id, "room_waiting").await;
        assert_eq!(
            live(&w, &c, id).await,
            Some(("room_waiting".into(), "Waiting in the room".into())),
            "{b}"
        );

        let mut k = open(addr, id, Some(&c), None).await.unwrap();
        next(&mut k, "welcome").await;
        let peer = next(&mut k, "peer").await;
        say(&mut k, json!({"t": "admit", "peer": peer["id"]})).await;
        next(&mut s, "admitted").await;
        say(&mut s, json!({"t": "connected"})).await;
        next(&mut k, "attendance").await;
        assert_eq!(
            live(&w, &c, id).await,
            Some(("room_joined".into(), "In the room".into())),
            "{b}"
        );

        drop(s);
        recorded(&w, id, "room_left").await;
        assert_eq!(live(&w, &c, id).await.map(|l| l.0), Some("room_left".into()), "{b}");

        // Only the office's staff: another office sees none of it; others are refused.
        let t = tokyo.sign_in(&w).await;
        assert_eq!(live(&w, &t, id).await, None, "{b}: another office");
        let as_seeker = send(&w.app, get_with("/staff/day/rooms", Some(&mine))).await;
        assert_eq!(as_seeker.status, StatusCode::UNAUTHORIZED, "{b}");
        let nobody = send(&w.app, get_with("/staff/day/rooms", None)).await;
        assert_eq!(nobody.status, StatusCode::UNAUTHORIZED, "{b}");
        drop(k);
    }
}
