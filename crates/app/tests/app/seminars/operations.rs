//! Running a seminar: no-shows and the restriction, editing seats, meeting details and removal.
use crate::booking_under_load::{office, seekers};
use crate::seminars::{admin, input, jst_at};
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_domain::clock::FixedClock;
use madoguchi_store::seminars::{self as store, Registered};
use madoguchi_store::testing;

// rules SE-4, SE-5, BK-11, BK-12: a seminar participant not marked as joined by start + 10
// minutes is a no-show by the same sweep, and two of them (a seminar and a consultation)
// restrict booking either; a participant marked as attended is never a no-show.
#[tokio::test]
async fn seminar_no_shows_count_toward_the_restriction() {
    use madoguchi_app::consultations::no_show;
    use madoguchi_app::eligibility::restriction;
    use madoguchi_domain::clock::ManualClock;
    use madoguchi_store::consultations::reservations::Details;
    for t in testing::both("se4_no_show").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &FixedClock(jst_at(2, 10, 0, 0)), "kobe.se4").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(5, 0))
            .await
            .unwrap();
        let u = seekers(&t.db, 2, "sen").await;
        let Registered::Registered(missed) = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap() else {
            panic!()
        };
        let Registered::Registered(came) = seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap() else {
            panic!()
        };
        let slot = madoguchi_app::consultations::booking::publish_slot(&t.db, "28011", jst_at(8, 10, 0, 0), "zoom", 1)
            .await
            .unwrap();
        madoguchi_app::consultations::booking::book(&t.db, &clock, u[0], slot, &Details::default())
            .await
            .unwrap();
        // The consultation on 12/8 is missed first.
        clock.advance(jst_at(8, 10, 11, 0) - jst_at(2, 10, 0, 0));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1);
        assert!(!restriction::restricted(&t.db, &clock, u[0]).await.unwrap());
        // The seminar on 12/10 13:30: one participant is marked, the other is not.
        clock.advance(jst_at(10, 13, 35, 0) - jst_at(8, 10, 11, 0));
        seminars::organise::mark(&t.db, &clock, &boss, came, "joined")
            .await
            .unwrap();
        clock.advance(chrono::Duration::minutes(6));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1, "{}", t.db.backend());
        assert_eq!(
            store::places::registration(&t.db, missed).await.unwrap().unwrap().state,
            "no_show"
        );
        seminars::organise::mark(&t.db, &clock, &boss, came, "attended")
            .await
            .unwrap();
        assert_eq!(
            store::places::registration(&t.db, came).await.unwrap().unwrap().state,
            "attended"
        );
        assert!(
            restriction::restricted(&t.db, &clock, u[0]).await.unwrap(),
            "two no-shows in 90 days"
        );
        let next = seminars::organise::create(
            &t.db,
            &FixedClock(jst_at(10, 14, 0, 0)),
            &boss,
            "28011",
            &SeminarInput {
                starts_at: jst_at(17, 13, 30, 0),
                ..input(5, 0)
            },
        )
        .await
        .unwrap();
        let e = seminars::attend::register(&t.db, &clock, u[0], next).await.unwrap_err();
        assert_eq!(e.specific_code(), "booking_restricted");
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rule SE-1: an office admin edits a seminar; more seats go to the first waiting at once,
// fewer than those taken is refused, and the text is checked like every text (N10).
#[tokio::test]
async fn editing_adds_seats_for_the_waiting() {
    for t in testing::both("se1_edit").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.se1").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 3))
            .await
            .unwrap();
        let u = seekers(&t.db, 3, "sed").await;
        let mut regs = Vec::new();
        for user in &u {
            regs.push(seminars::attend::register(&t.db, &clock, *user, id).await.unwrap());
        }
        let edit = |capacity, title: &str| store::Edit {
            title: title.into(),
            description: String::new(),
            app: "teleoffice".into(),
            recorded_with_consent: true,
            capacity,
            waitlist_limit: 3,
        };
        assert_eq!(
            seminars::organise::edit(&t.db, &clock, &boss, id, &edit(2, "面接対策（増席）"))
                .await
                .unwrap(),
            1
        );
        let Registered::Waitlisted(first_waiting) = regs[1] else {
            panic!()
        };
        assert_eq!(
            store::places::registration(&t.db, first_waiting)
                .await
                .unwrap()
                .unwrap()
                .state,
            "registered"
        );
        let inbox = madoguchi_store::mail::inbox::list(&t.db, u[1]).await.unwrap();
        assert!(
            inbox[0].subject.contains("参加登録に切り替わりました"),
            "{}",
            t.db.backend()
        );
        let e = seminars::organise::edit(&t.db, &clock, &boss, id, &edit(1, "面接対策"))
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "below_taken");
        let e = seminars::organise::edit(&t.db, &clock, &boss, id, &edit(2, "髙橋講師の回"))
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "invalid_characters");
        let s = store::catalogue::get(&t.db, id).await.unwrap().unwrap();
        assert_eq!(
            (s.title.as_str(), s.app.as_str(), s.registered, s.waitlisted),
            ("面接対策（増席）", "teleoffice", 2, 1)
        );
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rules SE-1 (with BK-9), SE-5: how to join reaches those with a seat on My Page only; mail
// says only that it is ready; a participant removed by staff is told the reason.
#[tokio::test]
async fn meeting_details_and_the_removal_notice() {
    use madoguchi_store::consultations::schedule::MeetingDetails;
    for t in testing::both("se_meeting").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.sem").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 1))
            .await
            .unwrap();
        let u = seekers(&t.db, 2, "smt").await;
        let Registered::Registered(seat) = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap() else {
            panic!()
        };
        seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap();
        let m = |url: &str| MeetingDetails {
            app: "zoom".into(),
            meeting_id: "812 3456 7890".into(),
            passkey: "kobe-2026".into(),
            join_url: url.into(),
        };
        let e = seminars::organise::set_meeting(&t.db, &clock, &boss, id, &m("http://example.jp/j/1"))
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "invalid_url");
        seminars::organise::set_meeting(&t.db, &clock, &boss, id, &m("https://example.zoom.us/j/8123456790"))
            .await
            .unwrap();
        let mine = seminars::attend::mine(&t.db, u[0]).await.unwrap();
        let meeting = seminars::attend::meeting_for(&t.db, &mine[0].0).await.unwrap();
        assert_eq!(
            meeting.as_ref().map(|d| d.passkey.as_str()),
            Some("kobe-2026"),
            "{}",
            t.db.backend()
        );
        assert!(
            seminars::attend::meeting_for(&t.db, &seminars::attend::mine(&t.db, u[1]).await.unwrap()[0].0)
                .await
                .unwrap()
                .is_none(),
            "not while waiting"
        );
        let mail =
            madoguchi_store::mail::outbox::claim_due(&t.db, jst_at(31, 0, 0, 0), chrono::Duration::minutes(5), 100)
                .await
                .unwrap();
        assert!(
            mail.iter().any(|m| m.recipient.starts_with("smt0")),
            "the participant is told"
        );
        assert!(
            mail.iter()
                .all(|m| !m.body_text.contains("kobe-2026") && !m.body_text.contains("8123456790")),
            "never in mail"
        );
        seminars::organise::remove(&t.db, &clock, &boss, seat, "他の参加者への迷惑行為")
            .await
            .unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, u[0]).await.unwrap();
        assert!(inbox[0].subject.contains("取り消されました") && inbox[0].body.contains("迷惑行為"));
        assert_eq!(
            seminars::attend::mine(&t.db, u[1]).await.unwrap()[0].0.state,
            "registered",
            "promoted"
        );
    }
}
