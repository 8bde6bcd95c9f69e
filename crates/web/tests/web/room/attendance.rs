//! Attendance recorded by the room itself (rules BK-11, BK-13, BK-16, MT-3), through the
//! WebSocket with the test clock: nobody clicks "joined" for a built-in consultation.
//! Both backends.

use axum::http::StatusCode;
use serde_json::json;

use super::room_setup::{
    Staff, at, book_slot, events, listen, move_to, next, open, recorded, say, seeker, sign_in, slot,
};
use crate::support::{get_with, send, worlds};

async fn state_of(w: &crate::support::World, id: i64) -> (String, bool) {
    let r = madoguchi_store::room::room(&w.db, id).await.unwrap().unwrap();
    (r.state, r.joined_at.is_some())
}

// Rule BK-11: a job seeker admitted at start + 9 minutes whose browser reports a connected
// peer has joined (the same `joined_at` staff record by hand), so the sweep at + 10 leaves
// them alone, while the one who never came becomes a no-show. A drop and a re-join within
// the slot stay one consultation (left, re-joined); the counsellor's "end" records it as
// attended (BK-16) and closes the room for everyone.
#[tokio::test]
async fn room_attendance_is_recorded_without_a_click() {
    for w in worlds("room_attendance").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let b = w.backend;
        let slot = slot(&w, at(10, 0), "builtin").await;
        let came = book_slot(&w, &seeker(&w, "yamada.taro").await, slot).await;
        let absent = book_slot(&w, &seeker(&w, "suzuki.hana").await, slot).await;
        let kobe = Staff::new(&w, "28011", "kobe.c").await;
        move_to(&w, at(10, 9));
        let addr = listen(&w).await;
        let mine = sign_in(&w, "yamada.taro").await;
        let c = kobe.sign_in(&w).await;

        let mut s = open(addr, came, Some(&mine), None).await.unwrap();
        next(&mut s, "welcome").await;
        recorded(&w, came, "room_waiting").await;
        let mut k = open(addr, came, Some(&c), None).await.unwrap();
        next(&mut k, "welcome").await;
        let peer = next(&mut k, "peer").await;
        // Admitted, but not yet connected: nothing is recorded as joined.
        say(&mut k, json!({"t": "admit", "peer": peer["id"]})).await;
        next(&mut s, "admitted").await;
        assert_eq!(state_of(&w, came).await, ("confirmed".into(), false), "{b}");
        say(&mut s, json!({"t": "connected"})).await;
        assert_eq!(next(&mut k, "attendance").await["kind"], "room_joined", "{b}");
        assert_eq!(state_of(&w, came).await, ("confirmed".into(), true), "{b}");

        move_to(&w, at(10, 10));
        let marked = madoguchi_app::consultations::no_show::sweep(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        assert_eq!(marked, 1, "{b}");
        assert_eq!(state_of(&w, absent).await, ("no_show".into(), false), "{b}");
        assert_eq!(state_of(&w, came).await.0, "confirmed", "{b}");

        // A network drop: the socket goes; the re-join needs no second admission.
        drop(s);
        recorded(&w, came, "room_left").await;
        let mine = sign_in(&w, "yamada.taro").await;
        let mut s = open(addr, came, Some(&mine), None).await.unwrap();
        assert_eq!(next(&mut s, "welcome").await["admitted"], true, "{b}");
        say(&mut s, json!({"t": "connected"})).await;
        assert_eq!(next(&mut k, "attendance").await["kind"], "room_rejoined", "{b}");
        madoguchi_app::consultations::no_show::sweep(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        assert_eq!(state_of(&w, came).await.0, "confirmed", "{b}: one consultation");

        // The day page shows what the room recorded.
        let c = kobe.sign_in(&w).await;
        let day = send(&w.app, get_with("/staff/day?date=2027-01-04&lang=en", Some(&c))).await;
        assert_eq!(day.status, StatusCode::OK);
        assert!(day.body.contains("In the room (joined again)"), "{b}");
        assert!(day.body.contains(&format!("href=\"/rooms/{came}\"")), "{b}");

        say(&mut k, json!({"t": "end"})).await;
        next(&mut s, "ended").await;
        assert_eq!(state_of(&w, came).await.0, "attended", "{b}");
        assert_eq!(
            events(&w, came).await,
            [
                "room_waiting",
                "room_joined",
                "room_left",
                "room_rejoined",
                "room_ended"
            ],
            "{b}"
        );
        // The room is closed now.
        assert_eq!(open(addr, came, Some(&mine), None).await.err(), Some(409), "{b}");
    }
}
