//! The interview room (rules IV-3, MT-3) on both backends, with a hand-moved clock: who may
//! enter an interview's room and when, the employer's two seats and no third, companions,
//! and attendance recorded per side by the room itself.

use chrono::{DateTime, Duration, Utc};
use madoguchi_app::AppError;
use madoguchi_app::accounts::session::Session;
use madoguchi_app::interviews::arrange::{self, Arrangement};
use madoguchi_app::interviews::representatives::{self, Representative};
use madoguchi_app::interviews::{answer, employer};
use madoguchi_app::room::access::{self, Entry};
use madoguchi_app::room::{RoomConfig, attendance, guests};
use madoguchi_app::shared::{Site, StaffMember};
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::interview::Shares;
use madoguchi_domain::room::Role;
use madoguchi_domain::room_key::RoomKey;
use madoguchi_domain::staff::Role as StaffRole;
use madoguchi_store::mail::outbox;
use madoguchi_store::room::interview as room_store;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};

const EMPLOYER: &str = "saiyo@minato.example.jp";

fn site() -> Site {
    Site {
        base_url: "https://madoguchi.example.go.jp".into(),
    }
}

fn session(id: &str, user_ref: Option<i64>, staff_ref: Option<i64>) -> Session {
    Session {
        id: id.into(),
        user_ref,
        staff_ref,
        csrf: String::new(),
        lang: None,
    }
}

fn browser(id: &str) -> Session {
    session(id, None, None)
}

async fn member(db: &Db, clock: &dyn Clock, office: &str, user_id: &str) -> StaffMember {
    let limits = madoguchi_app::accounts::limits::Limits::for_tests();
    madoguchi_app::console::staff::create(
        db,
        clock,
        &limits,
        None,
        StaffRole::Counsellor,
        Some(office),
        user_id,
        "面接 係",
    )
    .await
    .unwrap();
    let key = madoguchi_domain::user_id::UserId::parse(user_id).unwrap().normalized();
    let row = madoguchi_store::accounts::staff::by_key(db, &key)
        .await
        .unwrap()
        .unwrap();
    StaffMember {
        id: row.id,
        name: row.name,
        role: StaffRole::Counsellor,
        office: Some(office.to_owned()),
    }
}

/// An interview for `seeker` on 2026-12-03 (a Thursday) at `time` for 30 minutes.
fn form(seeker: &str, time: &str, app: &str, counsellor_attends: bool) -> Arrangement {
    Arrangement {
        seeker: seeker.into(),
        employer_name: "株式会社みなと製作所".into(),
        contact_name: "採用 担当".into(),
        contact_email: EMPLOYER.into(),
        job_number: "28010-12345678".into(),
        job_title: "機械オペレーター".into(),
        date: "2026-12-03".into(),
        time: time.into(),
        minutes: "30".into(),
        app: app.into(),
        counsellor_attends,
    }
}

/// The token of the last employer link mailed to `to`.
async fn token_to(db: &Db, clock: &dyn Clock, to: &str) -> String {
    let mails: Vec<String> = outbox::claim_due(db, clock.now(), Duration::minutes(5), 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == to)
        .map(|m| m.body_text)
        .collect();
    let body = mails.last().expect("a mail with a link");
    let start = body.find("/interviews/join/").expect("a link") + "/interviews/join/".len();
    body[start..].split_whitespace().next().unwrap().to_owned()
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> String {
    match r {
        Ok(v) => panic!("expected a refusal, got {v:?}"),
        Err(e) => e.specific_code().to_owned(),
    }
}

fn to(clock: &ManualClock, t: DateTime<Utc>) {
    clock.advance(t - clock.now());
}

struct Setup {
    clock: ManualClock,
    config: RoomConfig,
    staff: StaffMember,
    users: Vec<i64>,
    tag: &'static str,
}

impl Setup {
    async fn new(db: &Db, tag: &'static str) -> Self {
        office(db).await;
        let clock = ManualClock::new(now());
        let staff = member(db, &clock, "28011", &format!("ir.{tag}")).await;
        let users = seekers(db, 3, tag).await;
        Self {
            clock,
            config: RoomConfig::default(),
            staff,
            users,
            tag,
        }
    }

    fn seeker(&self, n: usize) -> Session {
        session(&format!("seeker-{n}"), Some(self.users[n]), None)
    }

    fn counsellor(&self) -> Session {
        session("staff-browser", None, Some(self.staff.id))
    }

    /// Arranges an interview for user `n`; accepted (the employer's token) or left proposed.
    async fn interview(&self, db: &Db, n: usize, time: &str, app: &str, accept: bool) -> (i64, String) {
        let f = form(&format!("{}{n:04}", self.tag), time, app, true);
        let id = arrange::arrange(db, &self.clock, &self.staff, &f).await.unwrap();
        if !accept {
            return (id, String::new());
        }
        answer::accept(db, &self.clock, &site(), self.users[n], id, Shares::default())
            .await
            .unwrap();
        (id, token_to(db, &self.clock, EMPLOYER).await)
    }

    async fn enter(&self, db: &Db, s: &Session, id: i64) -> Result<Entry, AppError> {
        access::enter_key(db, &self.clock, &self.config, Some(s), RoomKey::Interview(id)).await
    }
}

// IV-3, MT-3: the accepted job seeker, staff of the office and the employer's bound
// browser enter from ten minutes before the start until the end plus the grace period;
// before and after, a declined or cancelled interview, staff of another office, a browser
// without a link and one bound to another interview's link are refused.
#[tokio::test]
async fn iv3_who_enters_an_interview_room_and_when() {
    for t in testing::both("iv3_who").await {
        let (db, s) = (&t.db, Setup::new(&t.db, "irw").await);
        let (id, token) = s.interview(db, 0, "10:00", "builtin", true).await;
        let emp = browser("employer-one");
        assert_eq!(employer::redeem(db, &s.clock, &token, &emp).await.unwrap(), id);

        // IV-3: not before ten minutes ahead (the page says when it opens).
        to(&s.clock, at(9, 49));
        assert_eq!(code(s.enter(db, &s.seeker(0), id).await), "room_not_open");
        assert_eq!(code(s.enter(db, &emp, id).await), "room_not_open");
        to(&s.clock, at(9, 50));
        let seeker = s.enter(db, &s.seeker(0), id).await.unwrap();
        assert_eq!((seeker.role, seeker.actor.as_str()), (Role::Seeker, "seeker"));
        let staff = s.enter(db, &s.counsellor(), id).await.unwrap();
        assert_eq!(staff.role, Role::Counsellor, "{}", t.db.backend());
        assert_eq!(staff.actor, format!("staff:{}", s.staff.id));
        let e = s.enter(db, &emp, id).await.unwrap();
        assert_eq!((e.role, e.actor.as_str()), (Role::Employer1, "employer:1"));
        // The employer's link opens this interview's room only, not a room of the same number.
        assert!(
            access::who_key(db, Some(&emp), RoomKey::Consultation(id))
                .await
                .is_err()
        );

        // Nobody else: another job seeker, staff of another office, a browser without a link.
        assert_eq!(code(s.enter(db, &s.seeker(1), id).await), "not_found");
        let kobe = member(db, &s.clock, "27020", "ir.elsewhere").await;
        let elsewhere = session("elsewhere", None, Some(kobe.id));
        assert_eq!(code(s.enter(db, &elsewhere, id).await), "not_found");
        assert_eq!(code(s.enter(db, &browser("stranger"), id).await), "not_signed_in");
        assert_eq!(
            code(access::who_key(db, None, RoomKey::Interview(id)).await),
            "not_signed_in"
        );

        // A proposal not yet accepted, a declined one, a cancelled one.
        let (proposed, _) = s.interview(db, 1, "11:00", "builtin", false).await;
        assert_eq!(
            code(s.enter(db, &s.seeker(1), proposed).await),
            "interview_not_accepted"
        );
        answer::decline(db, &s.clock, s.users[1], proposed).await.unwrap();
        assert_eq!(code(s.enter(db, &s.seeker(1), proposed).await), "room_closed");
        let (cancelled, other_token) = s.interview(db, 2, "13:00", "builtin", true).await;
        let other_emp = browser("employer-two");
        employer::redeem(db, &s.clock, &other_token, &other_emp).await.unwrap();
        // The first employer's browser is bound to another interview's link only.
        assert_eq!(code(s.enter(db, &emp, cancelled).await), "not_signed_in");
        assert_eq!(code(s.enter(db, &other_emp, id).await), "not_signed_in");
        arrange::cancel(db, &s.clock, &s.staff, cancelled).await.unwrap();
        to(&s.clock, at(12, 55));
        assert_eq!(code(s.enter(db, &s.seeker(2), cancelled).await), "room_closed");
        assert_eq!(code(s.enter(db, &other_emp, cancelled).await), "not_signed_in");

        // MT-3's grace period (the default 15 minutes here) after the 10:30 end.
        to(&s.clock, at(10, 44));
        assert!(s.enter(db, &emp, id).await.is_ok());
        to(&s.clock, at(10, 45));
        assert_eq!(code(s.enter(db, &s.seeker(0), id).await), "room_closed");
        assert_eq!(code(s.enter(db, &emp, id).await), "room_closed");
        assert_eq!(code(s.enter(db, &s.counsellor(), id).await), "room_closed");
    }
}

// IV-3: a Zoom interview has no built-in room.
#[tokio::test]
async fn iv3_a_zoom_interview_has_no_room() {
    for t in testing::both("iv3_zoom").await {
        let (db, s) = (&t.db, Setup::new(&t.db, "irz").await);
        let (id, _) = s.interview(db, 0, "10:00", "zoom", true).await;
        to(&s.clock, at(9, 55));
        assert_eq!(code(s.enter(db, &s.seeker(0), id).await), "not_found");
    }
}

// IV-3: the second representative gets their own link (seat 2) by mail; there is no third
// seat; a seat's new link stops its earlier one; with a companion the room seats five,
// one per role, so a sixth person has no seat of their own (another counsellor of the
// office takes the counsellor's seat, as a re-join does).
#[tokio::test]
async fn iv3_two_employer_seats_a_companion_and_no_sixth_seat() {
    for t in testing::both("iv3_seats").await {
        let (db, s) = (&t.db, Setup::new(&t.db, "irs").await);
        let (id, token) = s.interview(db, 0, "10:00", "builtin", true).await;
        let rep = |name: &str, email: &str| Representative {
            name: name.into(),
            email: email.into(),
        };
        let second = rep("人事 花子", "hanako@minato.example.jp");
        // A refused form names each field.
        match representatives::issue_link(db, &s.clock, &site(), &s.staff, id, 2, &rep("", "nope")).await {
            Err(AppError::Fields(p)) => {
                let got: Vec<(&str, &str)> = p.iter().map(|p| (p.field, p.code)).collect();
                assert!(got.contains(&("rep_name", "required")), "{got:?}");
                assert!(got.contains(&("rep_email", "invalid_email")), "{got:?}");
            }
            other => panic!("{other:?}"),
        }
        // IV-3: a third employer seat does not exist.
        assert_eq!(
            code(representatives::issue_link(db, &s.clock, &site(), &s.staff, id, 3, &second).await),
            "no_such_seat"
        );
        representatives::issue_link(db, &s.clock, &site(), &s.staff, id, 2, &second)
            .await
            .unwrap();
        let seat2 = token_to(db, &s.clock, "hanako@minato.example.jp").await;
        let (one, two) = (browser("rep-one"), browser("rep-two"));
        employer::redeem(db, &s.clock, &token, &one).await.unwrap();
        employer::redeem(db, &s.clock, &seat2, &two).await.unwrap();
        // A link is the browser's that opened it first.
        assert_eq!(
            code(employer::redeem(db, &s.clock, &seat2, &browser("rep-three")).await),
            "link_used"
        );

        to(&s.clock, at(9, 50));
        let staff = s.enter(db, &s.counsellor(), id).await.unwrap();
        let companion_token = guests::issue(db, &s.clock, &s.config, &staff).await.unwrap();
        let friend = browser("companion");
        assert_eq!(
            guests::redeem_key(db, &s.clock, &companion_token, &friend)
                .await
                .unwrap(),
            RoomKey::Interview(id)
        );
        assert_eq!(
            code(guests::redeem_key(db, &s.clock, &companion_token, &browser("late")).await),
            "link_used"
        );
        let mut roles = Vec::new();
        for who in [s.seeker(0), s.counsellor(), friend, one, two.clone()] {
            roles.push(s.enter(db, &who, id).await.unwrap().role);
        }
        assert_eq!(
            roles,
            [
                Role::Seeker,
                Role::Counsellor,
                Role::Companion,
                Role::Employer1,
                Role::Employer2
            ]
        );
        let key = RoomKey::Interview(id);
        assert!(roles.iter().all(|r| key.seats_role(*r)));
        assert_eq!(key.max_participants(), 5);
        // A sixth: another counsellor of the office has the counsellor's seat, not a new one.
        let colleague = member(db, &s.clock, "28011", "ir.colleague").await;
        let sixth = s
            .enter(db, &session("colleague", None, Some(colleague.id)), id)
            .await
            .unwrap();
        assert!(roles.contains(&sixth.role));

        // A new seat-2 link stops the earlier one's browser.
        representatives::issue_link(
            db,
            &s.clock,
            &site(),
            &s.staff,
            id,
            2,
            &rep("人事 次郎", "jiro@minato.example.jp"),
        )
        .await
        .unwrap();
        assert_eq!(code(s.enter(db, &two, id).await), "not_signed_in");
        let kinds: Vec<(String, String)> = madoguchi_store::interviews::events(db, id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.1 == "link_issued")
            .map(|e| (e.2, e.3))
            .collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert_eq!(kinds[1], (format!("staff:{}", s.staff.id), "seat 2".to_owned()));
    }
}

// IV-3: each side's attendance is recorded by the room itself, in the interview's events
// with whose it is, and the first join of each side on the interview; a re-join after
// leaving is one; a companion and someone who only waited leave no trace; the counsellor's
// end closes the room. With no counsellor attending, nobody waits to be admitted.
#[tokio::test]
async fn iv3_attendance_is_recorded_per_side() {
    for t in testing::both("iv3_attendance").await {
        let (db, s) = (&t.db, Setup::new(&t.db, "ira").await);
        let (id, token) = s.interview(db, 0, "10:00", "builtin", true).await;
        let rep = Representative {
            name: "人事 花子".into(),
            email: "hanako@minato.example.jp".into(),
        };
        representatives::issue_link(db, &s.clock, &site(), &s.staff, id, 2, &rep)
            .await
            .unwrap();
        let seat2 = token_to(db, &s.clock, "hanako@minato.example.jp").await;
        let (one, two) = (browser("rep-one"), browser("rep-two"));
        employer::redeem(db, &s.clock, &token, &one).await.unwrap();
        employer::redeem(db, &s.clock, &seat2, &two).await.unwrap();
        to(&s.clock, at(9, 58));
        let c = &s.clock;
        let seeker = s.enter(db, &s.seeker(0), id).await.unwrap();
        let staff = s.enter(db, &s.counsellor(), id).await.unwrap();
        let e1 = s.enter(db, &one, id).await.unwrap();
        let e2 = s.enter(db, &two, id).await.unwrap();
        assert!(seeker.waits() && e1.waits() && !staff.waits(), "the counsellor admits");

        // BK-14 for interviews: the job seeker's checklist is kept on the interview.
        access::confirm_checklist(db, c, &seeker).await.unwrap();
        assert_eq!(code(access::confirm_checklist(db, c, &e1).await), "not_found");

        // Someone who waited and left without joining leaves nothing.
        attendance::waiting(db, c, &e2).await.unwrap();
        attendance::left(db, c, &e2).await.unwrap();
        assert_eq!(attendance::connected(db, c, &staff).await.unwrap(), Some("room_joined"));
        assert_eq!(
            attendance::connected(db, c, &seeker).await.unwrap(),
            Some("room_joined")
        );
        assert_eq!(
            attendance::connected(db, c, &seeker).await.unwrap(),
            None,
            "a second peer"
        );
        s.clock.advance(Duration::minutes(3));
        assert_eq!(attendance::connected(db, c, &e1).await.unwrap(), Some("room_joined"));
        let first_employer = s.clock.now();
        s.clock.advance(Duration::minutes(1));
        assert_eq!(attendance::connected(db, c, &e2).await.unwrap(), Some("room_joined"));
        attendance::left(db, c, &seeker).await.unwrap();
        assert_eq!(
            attendance::connected(db, c, &seeker).await.unwrap(),
            Some("room_rejoined")
        );

        let room = room_store::room(db, id).await.unwrap().unwrap();
        assert_eq!(room.room.joined_at, Some(at(9, 58)), "{}", t.db.backend());
        assert_eq!(room.employer_joined_at, Some(first_employer), "seat 2 later leaves it");
        assert!(room.room.checklist_at.is_some());

        let staff_actor = format!("staff:{}", s.staff.id);
        let got: Vec<(String, String)> = madoguchi_store::interviews::events(db, id)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.1.starts_with("room_"))
            .map(|e| (e.1, e.2))
            .collect();
        let want: Vec<(String, String)> = [
            ("room_joined", staff_actor.as_str()),
            ("room_joined", "seeker"),
            ("room_joined", "employer:1"),
            ("room_joined", "employer:2"),
            ("room_left", "seeker"),
            ("room_rejoined", "seeker"),
        ]
        .iter()
        .map(|(k, a)| ((*k).to_owned(), (*a).to_owned()))
        .collect();
        assert_eq!(got, want);

        // Only the counsellor ends it; then the room is closed to everyone.
        assert_eq!(code(attendance::end(db, c, &e1).await), "forbidden");
        assert!(!attendance::end(db, c, &staff).await.unwrap());
        assert_eq!(code(s.enter(db, &s.seeker(0), id).await), "room_closed");
        assert_eq!(code(s.enter(db, &one, id).await), "room_closed");

        // IV-3: with no counsellor attending, the room admits everyone itself.
        let f = form("ira0001", "11:00", "builtin", false);
        let alone = arrange::arrange(db, c, &s.staff, &f).await.unwrap();
        answer::accept(db, c, &site(), s.users[1], alone, Shares::default())
            .await
            .unwrap();
        to(&s.clock, at(10, 55));
        assert!(!s.enter(db, &s.seeker(1), alone).await.unwrap().waits());
    }
}
