//! A consultation moved between apps (MT-1, MT-2, BK-9, BK-17) on both backends: meeting
//! details belong to the app they were made for, so a move to a slot of another app drops
//! them at once, and the Zoom job follows: away from Zoom it deletes the meeting, back to Zoom
//! it makes a new one, and away and back before a round it replaces the old one. At every
//! step Zoom holds exactly the meeting My Page shows, or none.
use chrono::Duration;
use madoguchi_app::consultations::{booking, reschedule};
use madoguchi_app::zoom::meetings;
use madoguchi_store::consultations::reservations::Details;
use madoguchi_store::consultations::schedule as schedule_store;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::at;
use crate::zoom::{Setup, setup};

/// Zoom's meetings now, and the ID My Page shows.
async fn seen(db: &Db, s: &Setup, id: i64) -> (Vec<String>, Option<String>) {
    let at_zoom = s.zoom.with(|z| z.meetings.keys().map(i64::to_string).collect());
    let shown = schedule_store::meeting(db, id).await.unwrap().map(|d| d.meeting_id);
    (at_zoom, shown)
}

async fn round(db: &Db, s: &Setup) -> meetings::RoundReport {
    s.clock.advance(Duration::seconds(1));
    meetings::run(db, &s.clock, &s.config).await.unwrap()
}

#[tokio::test]
async fn a_move_between_apps_moves_the_meeting_with_it() {
    for t in testing::both("zoom_app_moves").await {
        let (db, b) = (&t.db, t.db.backend());
        let s = setup(db).await;
        let room = booking::publish_slot(db, "28011", at(14, 0), "builtin", 1)
            .await
            .unwrap();
        let id = booking::book(db, &s.clock, s.user, s.slots[0], &Details::default())
            .await
            .unwrap();
        assert_eq!(round(db, &s).await.created, 1, "{b}");
        let (zoom, shown) = seen(db, &s, id).await;
        assert_eq!(zoom.len(), 1, "{b}");
        assert_eq!(shown.as_ref(), Some(&zoom[0]), "{b}");

        // To the built-in room: the Zoom details go with the move, the meeting with the round.
        reschedule::reschedule(db, &s.clock, None, s.user, id, room)
            .await
            .unwrap();
        assert_eq!(
            seen(db, &s, id).await.1,
            None,
            "{b}: no Zoom details for a room consultation"
        );
        assert_eq!(round(db, &s).await.deleted, 1, "{b}");
        assert_eq!(seen(db, &s, id).await, (vec![], None), "{b}");

        // Back to Zoom: a new meeting, shown on My Page.
        reschedule::reschedule(db, &s.clock, None, s.user, id, s.slots[1])
            .await
            .unwrap();
        assert_eq!(round(db, &s).await.created, 1, "{b}");
        let (zoom, shown) = seen(db, &s, id).await;
        assert_eq!((zoom.len(), shown.as_ref()), (1, Some(&zoom[0])), "{b}");

        // Away and back before a round: the old meeting is replaced, never left behind.
        reschedule::reschedule(db, &s.clock, None, s.user, id, room)
            .await
            .unwrap();
        reschedule::reschedule(db, &s.clock, None, s.user, id, s.slots[0])
            .await
            .unwrap();
        assert_eq!(round(db, &s).await.deleted, 1, "{b}: the old one deleted");
        assert_eq!(round(db, &s).await.created, 1, "{b}: a new one made");
        let (again, shown) = seen(db, &s, id).await;
        assert_eq!((again.len(), shown.as_ref()), (1, Some(&again[0])), "{b}");
        assert_ne!(again, zoom, "{b}");
        // Nothing more to do.
        assert_eq!(round(db, &s).await, meetings::RoundReport::default(), "{b}");
    }
}
