//! What staff record about one seminar place (rules SE-6, S6-3 with BK-10, BK-11, BK-12,
//! BK-16) on both backends: a phone cancellation frees the seat for the first waiting and is
//! never a no-show; a corrected no-show stops counting toward the restriction.
use madoguchi_app::consultations::no_show;
use madoguchi_app::eligibility::restriction;
use madoguchi_app::seminars::places::{self, Correction};
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_domain::clock::{Clock, FixedClock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::seminars::{self as store, Registered};
use madoguchi_store::{mail::inbox, testing};

use crate::booking_under_load::{office, seekers};
use crate::seminar_changes::member;
use crate::seminars::{admin, input, jst_at};

// rules SE-6, S6-3, BK-10, SE-3, BK-11: a counsellor records a cancellation received by
// phone, with a reason, before the start: the place ends as the person's own cancellation
// (set by staff), the seat goes to the first waiting, who is told, the person is told, it is
// audited, and the sweep never makes it a no-show. After the start it is refused.
#[tokio::test]
async fn a_phone_cancellation_frees_the_seat_and_is_no_no_show() {
    for t in testing::both("se6_phone").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &FixedClock(jst_at(2, 10, 0, 0)), "kobe.se6p").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 1))
            .await
            .unwrap();
        let u = seekers(&t.db, 2, "se6p").await;
        let Registered::Registered(seat) = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap() else {
            panic!()
        };
        let Registered::Waitlisted(wait) = seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap() else {
            panic!()
        };
        let counsellor = member(&t.db, Role::Counsellor, Some("28011"), "kobe.se6p.c").await;
        let tokyo = member(&t.db, Role::Counsellor, Some("13010"), "tokyo.se6p.c").await;
        let e = places::phone_cancel(&t.db, &clock, &tokyo, seat, "本人から電話").await;
        assert_eq!(e.unwrap_err().specific_code(), "not_found", "another office's place");
        let e = places::preview_phone_cancel(&t.db, &clock, &counsellor, seat, "本人から電話①").await;
        assert_eq!(e.unwrap_err().specific_code(), "invalid_characters");

        places::phone_cancel(&t.db, &clock, &counsellor, seat, "本人から電話（体調不良）")
            .await
            .unwrap();
        assert_eq!(
            store::places::registration(&t.db, seat).await.unwrap().unwrap().state,
            "cancelled_by_user",
            "{}",
            t.db.backend()
        );
        assert_eq!(
            store::places::registration(&t.db, wait).await.unwrap().unwrap().state,
            "registered"
        );
        assert!(
            inbox::list(&t.db, u[0]).await.unwrap()[0]
                .subject
                .contains("取り消しました")
        );
        assert!(
            inbox::list(&t.db, u[1]).await.unwrap()[0]
                .subject
                .contains("参加登録に切り替わりました")
        );
        let audit = madoguchi_store::accounts::staff::audit_for_user(&t.db, u[0])
            .await
            .unwrap();
        assert!(audit.iter().any(|a| a.action == "seminar_phone_cancel"));
        let e = places::phone_cancel(&t.db, &clock, &counsellor, seat, "二度目").await;
        assert_eq!(e.unwrap_err().specific_code(), "invalid_state");

        // After the start: refused; and the sweep marks only the one who did not join.
        clock.advance(jst_at(10, 13, 45, 0) - jst_at(2, 10, 0, 0));
        let e = places::phone_cancel(&t.db, &clock, &counsellor, wait, "遅い連絡").await;
        assert_eq!(e.unwrap_err().specific_code(), "already_started");
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1);
        assert_eq!(
            store::places::registration(&t.db, seat).await.unwrap().unwrap().state,
            "cancelled_by_user"
        );
        assert!(!restriction::restricted(&t.db, &clock, u[0]).await.unwrap());
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rules SE-6, S6-3, BK-11, BK-12, BK-16: two missed seminars restrict booking; correcting one
// (the person attended) lifts the restriction because it no longer counts; the other is
// corrected as excused (a valid reason: recorded as the person's own cancellation, its seat
// off the count). Each correction has a reason, tells the person and is audited; only a
// no-show can be corrected, and only by the seminar's office.
#[tokio::test]
async fn a_corrected_no_show_stops_counting() {
    for t in testing::both("se6_correct").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &FixedClock(jst_at(2, 10, 0, 0)), "kobe.se6n").await;
        let first = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(5, 0))
            .await
            .unwrap();
        let second = seminars::organise::create(
            &t.db,
            &clock,
            &boss,
            "28011",
            &SeminarInput {
                starts_at: jst_at(11, 10, 0, 0),
                ..input(5, 0)
            },
        )
        .await
        .unwrap();
        let u = seekers(&t.db, 1, "se6n").await[0];
        let mut regs = Vec::new();
        for s in [first, second] {
            let Registered::Registered(r) = seminars::attend::register(&t.db, &clock, u, s).await.unwrap() else {
                panic!()
            };
            regs.push(r);
        }
        // Before the start there is nothing to correct.
        let e = places::correct_no_show(&t.db, &clock, &boss, regs[0], Correction::Attended, "参加していた").await;
        assert_eq!(e.unwrap_err().specific_code(), "invalid_state");
        clock.advance(jst_at(11, 12, 0, 0) - jst_at(2, 10, 0, 0));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 2, "{}", t.db.backend());
        assert!(restriction::restricted(&t.db, &clock, u).await.unwrap());

        let tokyo = member(&t.db, Role::OfficeAdmin, Some("13010"), "tokyo.se6n").await;
        let e = places::correct_no_show(&t.db, &clock, &tokyo, regs[0], Correction::Attended, "参加").await;
        assert_eq!(e.unwrap_err().specific_code(), "not_found");
        let e = places::preview_correction(&t.db, &clock, &boss, regs[0], "").await;
        assert_eq!(e.unwrap_err().specific_code(), "required");
        let counsellor = member(&t.db, Role::Counsellor, Some("28011"), "kobe.se6n.c").await;
        places::correct_no_show(
            &t.db,
            &clock,
            &counsellor,
            regs[0],
            Correction::Attended,
            "途中から参加していた（接続記録あり）",
        )
        .await
        .unwrap();
        assert_eq!(
            store::places::registration(&t.db, regs[0])
                .await
                .unwrap()
                .unwrap()
                .state,
            "attended"
        );
        assert!(
            !restriction::restricted(&t.db, &clock, u).await.unwrap(),
            "one no-show left: no longer restricted"
        );
        let e = seminars::attend::register(&t.db, &clock, u, first).await.unwrap_err();
        assert_ne!(e.specific_code(), "booking_restricted");
        let letter = &inbox::list(&t.db, u).await.unwrap()[0];
        assert!(letter.subject.contains("訂正"), "{}", letter.subject);

        places::correct_no_show(&t.db, &clock, &boss, regs[1], Correction::Excused, "急病の連絡があった")
            .await
            .unwrap();
        let r = store::places::registration(&t.db, regs[1]).await.unwrap().unwrap();
        assert_eq!(r.state, "cancelled_by_user");
        let since = clock.now() - chrono::Duration::days(90);
        assert!(
            madoguchi_store::consultations::reservations::no_shows_since(&t.db, u, since)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            store::catalogue::get(&t.db, second).await.unwrap().unwrap().registered,
            0
        );
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
        let e = places::correct_no_show(&t.db, &clock, &boss, regs[1], Correction::Attended, "再訂正").await;
        assert_eq!(e.unwrap_err().specific_code(), "invalid_state");
        let audit = madoguchi_store::accounts::staff::audit_for_user(&t.db, u)
            .await
            .unwrap();
        let corrections = audit.iter().filter(|a| a.action == "seminar_correct_no_show").count();
        assert_eq!(corrections, 2);
        assert_eq!(
            Correction::parse("later").unwrap_err().specific_code(),
            "invalid_choice"
        );
    }
}

// rules SE-6, N10 (AC-4), BK-9: the meeting ID and passcode staff type are checked like every
// text, naming the field; a cancelled seminar takes no meeting details and no edits.
#[tokio::test]
async fn meeting_details_are_checked_like_every_text() {
    use madoguchi_store::consultations::schedule::MeetingDetails;
    for t in testing::both("se6_meeting").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.se6d").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(5, 0))
            .await
            .unwrap();
        let details = |meeting_id: &str, passkey: &str| MeetingDetails {
            app: "zoom".into(),
            meeting_id: meeting_id.into(),
            passkey: passkey.into(),
            join_url: String::new(),
        };
        for (d, field) in [
            (details("842 1234 ①", "kobe"), "meeting_id"),
            (details("842 1234 5678", "ｋｏ\tｂｅ"), "passkey"),
        ] {
            match seminars::organise::set_meeting(&t.db, &clock, &boss, id, &d).await {
                Err(madoguchi_app::AppError::InvalidCharacters { fields }) => {
                    assert_eq!(fields[0].0, field, "{}", t.db.backend());
                }
                other => panic!("{other:?}"),
            }
        }
        seminars::organise::set_meeting(&t.db, &clock, &boss, id, &details("842 1234 5678", "kobe2026"))
            .await
            .unwrap();
        seminars::changes::cancel(&t.db, &clock, &boss, id, "中止")
            .await
            .unwrap();
        let e = seminars::organise::set_meeting(&t.db, &clock, &boss, id, &details("1", "2"))
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "seminar_cancelled");
    }
}
