//! Interviews with employers (rules IV-1, IV-4, IV-5, PV-4, PV-6) on both backends, with a
//! hand-moved clock: arranging inside office hours, the job seeker's answer and what they
//! share, the employer's single-use link and its refusals, the outcome on My Page and in
//! the statistics.

use chrono::{Duration, NaiveDate};
use madoguchi_app::AppError;
use madoguchi_app::accounts::session::Session;
use madoguchi_app::interviews::arrange::{self, Arrangement};
use madoguchi_app::interviews::{answer, employer};
use madoguchi_app::records::{audit, stats};
use madoguchi_app::shared::{Site, StaffMember};
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::interview::{Outcome, Shares, State};
use madoguchi_domain::staff::Role;
use madoguchi_domain::stats::Shown;
use madoguchi_store::mail::outbox;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};

fn site() -> Site {
    Site {
        base_url: "https://madoguchi.example.go.jp".into(),
    }
}

fn browser(id: &str) -> Session {
    Session {
        id: id.into(),
        user_ref: None,
        staff_ref: None,
        csrf: String::new(),
        lang: None,
    }
}

async fn member(db: &Db, clock: &dyn Clock, role: Role, office: Option<&str>, user_id: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        office,
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
        role,
        office: office.map(str::to_owned),
    }
}

/// An arrangement for `seeker` (a user ID made by `seekers`) on 2026-12-03 (a Thursday).
fn form(seeker: &str, time: &str) -> Arrangement {
    Arrangement {
        seeker: seeker.into(),
        employer_name: "株式会社みなと製作所".into(),
        contact_name: "採用 担当".into(),
        contact_email: "saiyo@minato.example.jp".into(),
        job_number: "28010-12345678".into(),
        job_title: "機械オペレーター".into(),
        date: "2026-12-03".into(),
        time: time.into(),
        minutes: "30".into(),
        app: "builtin".into(),
        counsellor_attends: true,
    }
}

/// Mail waiting in the outbox to `to` (claimed, so each is read once).
async fn mail_to(db: &Db, clock: &dyn Clock, to: &str) -> Vec<String> {
    outbox::claim_due(db, clock.now(), Duration::minutes(5), 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == to)
        .map(|m| m.body_text)
        .collect()
}

/// The token of the employer's link in a mail body.
fn token_in(body: &str) -> String {
    let start = body.find("/interviews/join/").expect("a link") + "/interviews/join/".len();
    body[start..].split_whitespace().next().unwrap().to_owned()
}

fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> String {
    match r {
        Ok(v) => panic!("expected a refusal, got {v:?}"),
        Err(e) => e.specific_code().to_owned(),
    }
}

struct Setup {
    clock: ManualClock,
    staff: StaffMember,
    users: Vec<i64>,
}

async fn setup(db: &Db, tag: &str) -> Setup {
    office(db).await;
    let clock = ManualClock::new(now());
    let staff = member(db, &clock, Role::Counsellor, Some("28011"), &format!("iv.{tag}")).await;
    let users = seekers(db, 2, tag).await;
    Setup { clock, staff, users }
}

/// Arranges and accepts an interview at 10:00 with `shares`; the employer's token.
async fn accepted(db: &Db, s: &Setup, tag: &str, user: usize, time: &str, shares: Shares) -> (i64, String) {
    let id = arrange::arrange(db, &s.clock, &s.staff, &form(&format!("{tag}{user:04}"), time))
        .await
        .unwrap();
    answer::accept(db, &s.clock, &site(), s.users[user], id, shares)
        .await
        .unwrap();
    let mails = mail_to(db, &s.clock, "saiyo@minato.example.jp").await;
    (id, token_in(mails.last().unwrap()))
}

// IV-1: staff arrange inside office hours; the job seeker is told (mail and inbox) and the
// employer hears nothing until the job seeker accepts; then the employer's mail carries the
// link, and only it. A second answer is refused.
#[tokio::test]
async fn iv1_arrange_then_accept_mails_the_employer() {
    for t in testing::both("iv1_arrange").await {
        let s = setup(&t.db, "iva").await;
        let id = arrange::arrange(&t.db, &s.clock, &s.staff, &form("iva0000", "10:00"))
            .await
            .unwrap();
        let mine = answer::mine(&t.db, s.users[0]).await.unwrap();
        assert_eq!(mine.len(), 1, "{}", t.db.backend());
        assert_eq!(mine[0].state, State::Proposed);
        let inbox = madoguchi_store::mail::inbox::list(&t.db, s.users[0]).await.unwrap();
        assert!(
            inbox.iter().any(|m| m.body.contains("株式会社みなと製作所")),
            "{inbox:?}"
        );
        assert_eq!(mail_to(&t.db, &s.clock, "iva0@example.jp").await.len(), 1);
        assert!(
            mail_to(&t.db, &s.clock, "saiyo@minato.example.jp").await.is_empty(),
            "not before acceptance"
        );

        answer::accept(&t.db, &s.clock, &site(), s.users[0], id, Shares::default())
            .await
            .unwrap();
        let mails = mail_to(&t.db, &s.clock, "saiyo@minato.example.jp").await;
        assert_eq!(mails.len(), 1);
        assert!(mails[0].contains("https://madoguchi.example.go.jp/interviews/join/"));
        assert!(
            !mails[0].contains("山田"),
            "the job seeker's name is on the page, not in the mail"
        );
        let token = token_in(&mails[0]);
        let inbox = madoguchi_store::mail::inbox::list(&t.db, s.users[0]).await.unwrap();
        assert!(inbox.iter().all(|m| !m.body.contains(&token)));
        assert_eq!(
            code(answer::decline(&t.db, &s.clock, s.users[0], id).await),
            "already_decided"
        );
        // Another person's interview is not found.
        assert_eq!(code(answer::own(&t.db, s.users[1], id).await), "not_found");
        let kinds: Vec<String> = madoguchi_store::interviews::events(&t.db, id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.1)
            .collect();
        assert_eq!(kinds, ["arranged", "accepted", "link_issued"]);
    }
}

// IV-1: outside office hours, on a closed day or in the past is refused; a form's problems
// come back all at once, per field; only the office's counsellors and admins arrange.
#[tokio::test]
async fn iv1_refusals_outside_office_hours_and_bad_fields() {
    for t in testing::both("iv1_refusals").await {
        let s = setup(&t.db, "ivr").await;
        let c = &s.clock;
        assert_eq!(
            code(arrange::arrange(&t.db, c, &s.staff, &form("ivr0000", "17:00")).await),
            "outside_hours"
        );
        assert_eq!(
            code(arrange::arrange(&t.db, c, &s.staff, &form("ivr0000", "08:00")).await),
            "outside_hours"
        );
        let saturday = Arrangement {
            date: "2026-12-05".into(),
            ..form("ivr0000", "10:00")
        };
        assert_eq!(
            code(arrange::arrange(&t.db, c, &s.staff, &saturday).await),
            "closed_day"
        );
        let past = Arrangement {
            date: "2026-12-02".into(),
            ..form("ivr0000", "09:00")
        };
        assert_eq!(code(arrange::arrange(&t.db, c, &s.staff, &past).await), "date_in_past");
        let bad = Arrangement {
            contact_email: "not-an-address".into(),
            employer_name: "株式会社①".into(),
            seeker: "nobody-here".into(),
            minutes: "5".into(),
            ..form("ivr0000", "10:00")
        };
        match arrange::arrange(&t.db, c, &s.staff, &bad).await {
            Err(AppError::Fields(problems)) => {
                let got: Vec<(&str, &str)> = problems.iter().map(|p| (p.field, p.code)).collect();
                for want in [
                    ("employer_name", "invalid_characters"),
                    ("contact_email", "invalid_email"),
                    ("minutes", "invalid_duration"),
                    ("seeker", "unknown_job_seeker"),
                ] {
                    assert!(got.contains(&want), "{want:?} in {got:?}");
                }
            }
            other => panic!("{other:?}"),
        }
        let national = member(&t.db, c, Role::NationalAdmin, None, "iv.national").await;
        assert_eq!(
            code(arrange::arrange(&t.db, c, &national, &form("ivr0000", "10:00")).await),
            "forbidden"
        );
        let id = arrange::arrange(&t.db, c, &s.staff, &form("ivr0000", "10:00"))
            .await
            .unwrap();
        let other = member(&t.db, c, Role::Counsellor, Some("27020"), "iv.other").await;
        assert_eq!(code(arrange::detail(&t.db, c, &other, id).await), "not_found");
        assert!(answer::mine(&t.db, s.users[0]).await.unwrap().len() == 1);
    }
}

// IV-4: the outcome only for an accepted interview once it has begun; the job seeker sees
// it and is told; statistics count it, a single interview withheld as x.
#[tokio::test]
async fn iv4_outcome_on_my_page_and_in_statistics() {
    for t in testing::both("iv4_outcome").await {
        let s = setup(&t.db, "ivo").await;
        let (id, _) = accepted(&t.db, &s, "ivo", 0, "10:00", Shares::default()).await;
        let proposed = arrange::arrange(&t.db, &s.clock, &s.staff, &form("ivo0001", "11:00"))
            .await
            .unwrap();
        assert_eq!(
            code(arrange::record_outcome(&t.db, &s.clock, &s.staff, id, "hired", "2026-12-03").await),
            "not_started"
        );
        s.clock.advance(at(10, 40) - s.clock.now());
        assert_eq!(
            code(arrange::record_outcome(&t.db, &s.clock, &s.staff, proposed, "hired", "2026-12-03").await),
            "not_started",
            "never accepted"
        );
        assert_eq!(
            code(arrange::record_outcome(&t.db, &s.clock, &s.staff, id, "hired", "2026-12-04").await),
            "invalid_date"
        );
        assert_eq!(
            code(arrange::record_outcome(&t.db, &s.clock, &s.staff, id, "maybe", "2026-12-03").await),
            "invalid_choice"
        );
        arrange::record_outcome(&t.db, &s.clock, &s.staff, id, "in_progress", "2026-12-03")
            .await
            .unwrap();
        arrange::record_outcome(&t.db, &s.clock, &s.staff, id, "hired", "2026-12-03")
            .await
            .unwrap();
        let mine = answer::mine(&t.db, s.users[0]).await.unwrap();
        assert_eq!(mine[0].outcome, Some(Outcome::Hired), "{}", t.db.backend());
        assert_eq!(mine[0].row.outcome_on, NaiveDate::from_ymd_opt(2026, 12, 3));
        let inbox = madoguchi_store::mail::inbox::list(&t.db, s.users[0]).await.unwrap();
        assert!(inbox.iter().any(|m| m.body.contains("採用")), "{inbox:?}");

        // PV-5: one hired interview is a count of 1: withheld, and not derivable.
        let period = stats::Period::parse("2026-12-01", "2027-01-01").unwrap();
        let national = member(&t.db, &s.clock, Role::NationalAdmin, None, "iv.stats").await;
        let report = stats::report(&t.db, &national, period).await.unwrap();
        let month = report.tables.iter().find(|t| t.id == "month_interview").unwrap();
        let hired = month.columns.iter().position(|c| c == "hired").unwrap();
        assert_eq!(month.published.cells[0][hired], Shown::Hidden);
        assert_ne!(month.grand_total, Shown::Count(2), "the total of two is withheld too");
        let by_office = report.tables.iter().find(|t| t.id == "office_interview").unwrap();
        assert!(by_office.rows.contains(&"28011".to_owned()));
        assert!(stats::csv(&report).contains("month_interview,2026-12,hired,x\n"));
    }
}

// IV-5, PV-4, PV-1, N18: the employer sees the name and only what was shared; every showing is a
// view the job seeker finds in "who viewed my data" under the company's name; the same
// browser may reload.
#[tokio::test]
async fn iv5_employer_sees_only_what_was_shared() {
    for t in testing::both("iv5_shares").await {
        let s = setup(&t.db, "ivs").await;
        let shares = Shares {
            phone: true,
            ..Shares::default()
        };
        let (id, token) = accepted(&t.db, &s, "ivs", 0, "10:00", shares).await;
        let b = browser("employer-browser");
        assert_eq!(employer::redeem(&t.db, &s.clock, &token, &b).await.unwrap(), id);
        let page = employer::page(&t.db, &s.clock, id, &b).await.unwrap();
        assert_eq!(page.seeker_name, "山田 太郎", "{}", t.db.backend());
        assert_eq!(page.phone.as_deref(), Some("078-231-8609"));
        assert_eq!(page.address, None);
        assert_eq!(page.job_seeker_number, None);
        assert_eq!(page.employer_name, "株式会社みなと製作所");
        // The same browser may open the link again.
        assert_eq!(employer::redeem(&t.db, &s.clock, &token, &b).await.unwrap(), id);
        employer::page(&t.db, &s.clock, id, &b).await.unwrap();
        let views = madoguchi_store::interviews::links::views_of(&t.db, s.users[0], 10)
            .await
            .unwrap();
        assert_eq!(views.len(), 2);
        assert_eq!(views[0].shown, "name,phone", "field names, never values");
        let viewed = audit::who_viewed(&t.db, s.users[0]).await.unwrap();
        let employer_rows: Vec<_> = viewed.iter().filter(|v| v.employer.is_some()).collect();
        assert_eq!(employer_rows.len(), 2);
        assert_eq!(employer_rows[0].employer.as_deref(), Some("株式会社みなと製作所"));
        assert_eq!(employer_rows[0].action, "employer_view");
        // The staff's arranging is there too (PV-4), by office and role.
        assert!(viewed.iter().any(|v| v.action == "arrange_interview"));
        // Another job seeker sees none of it.
        assert!(audit::who_viewed(&t.db, s.users[1]).await.unwrap().is_empty());

        // Everything shared.
        let all = Shares {
            address: true,
            phone: true,
            number: true,
        };
        let (id2, token2) = accepted(&t.db, &s, "ivs", 1, "11:00", all).await;
        let b2 = browser("employer-two");
        employer::redeem(&t.db, &s.clock, &token2, &b2).await.unwrap();
        let page = employer::page(&t.db, &s.clock, id2, &b2).await.unwrap();
        assert_eq!(page.address.as_deref(), Some("神戸市"));
        assert_eq!(page.job_seeker_number.as_deref(), Some("28011-00001234"));
    }
}

// IV-1: the employer's link is refused when used in a second browser, after it expired, for
// another interview, without a token or with an unknown one, and once the interview was
// cancelled.
#[tokio::test]
async fn iv1_employer_link_refusals() {
    for t in testing::both("iv1_links").await {
        let s = setup(&t.db, "ivl").await;
        let (id, token) = accepted(&t.db, &s, "ivl", 0, "10:00", Shares::default()).await;
        let (other, other_token) = accepted(&t.db, &s, "ivl", 1, "11:00", Shares::default()).await;
        let first = browser("first-browser");
        employer::redeem(&t.db, &s.clock, &token, &first).await.unwrap();
        let second = browser("second-browser");
        assert_eq!(
            code(employer::redeem(&t.db, &s.clock, &token, &second).await),
            "link_used",
            "{}",
            t.db.backend()
        );
        assert_eq!(
            code(employer::page(&t.db, &s.clock, id, &second).await),
            "link_other_interview"
        );
        assert_eq!(
            code(employer::page(&t.db, &s.clock, other, &first).await),
            "link_other_interview"
        );
        assert_eq!(
            code(employer::redeem(&t.db, &s.clock, "", &second).await),
            "link_invalid"
        );
        assert_eq!(
            code(employer::redeem(&t.db, &s.clock, "no-such-token", &second).await),
            "link_invalid"
        );
        // Cancelled: the link stops.
        let third = browser("third-browser");
        answer::withdraw(&t.db, &s.clock, s.users[1], other).await.unwrap();
        assert_eq!(
            code(employer::redeem(&t.db, &s.clock, &other_token, &third).await),
            "link_expired"
        );
        assert!(
            mail_to(&t.db, &s.clock, "saiyo@minato.example.jp")
                .await
                .iter()
                .any(|m| m.contains("機械オペレーター")),
            "the employer is told of the withdrawal"
        );
        // After the interview's end, even the bound browser is refused.
        s.clock.advance(at(10, 30) - s.clock.now());
        assert_eq!(
            code(employer::redeem(&t.db, &s.clock, &token, &first).await),
            "link_expired"
        );
        assert_eq!(code(employer::page(&t.db, &s.clock, id, &first).await), "link_expired");
    }
}

// IV-1: the job seeker declines a proposal, or withdraws from an accepted one; the office
// cancels one that stands; a cancelled interview cannot be answered.
#[tokio::test]
async fn iv1_decline_withdraw_and_cancel() {
    for t in testing::both("iv1_decline").await {
        let s = setup(&t.db, "ivd").await;
        let a = arrange::arrange(&t.db, &s.clock, &s.staff, &form("ivd0000", "10:00"))
            .await
            .unwrap();
        answer::decline(&t.db, &s.clock, s.users[0], a).await.unwrap();
        assert_eq!(
            code(answer::accept(&t.db, &s.clock, &site(), s.users[0], a, Shares::default()).await),
            "already_decided"
        );
        let b = arrange::arrange(&t.db, &s.clock, &s.staff, &form("ivd0001", "11:00"))
            .await
            .unwrap();
        arrange::cancel(&t.db, &s.clock, &s.staff, b).await.unwrap();
        assert_eq!(
            code(arrange::cancel(&t.db, &s.clock, &s.staff, b).await),
            "already_decided"
        );
        assert_eq!(
            code(answer::accept(&t.db, &s.clock, &site(), s.users[1], b, Shares::default()).await),
            "already_decided"
        );
        let states: Vec<State> = answer::mine(&t.db, s.users[1])
            .await
            .unwrap()
            .into_iter()
            .map(|i| i.state)
            .collect();
        assert_eq!(states, [State::CancelledByOffice], "{}", t.db.backend());
    }
}

// PV-6: deleting the job seeker withdraws their shares and the employer's link; the
// interview keeps the employer's and job's data for statistics.
#[tokio::test]
async fn pv6_deletion_stops_the_employer_link() {
    for t in testing::both("iv_pv6").await {
        let s = setup(&t.db, "ive").await;
        let all = Shares {
            address: true,
            phone: true,
            number: true,
        };
        let (id, token) = accepted(&t.db, &s, "ive", 0, "10:00", all).await;
        let b = browser("employer-pv6");
        employer::redeem(&t.db, &s.clock, &token, &b).await.unwrap();
        madoguchi_app::accounts::account::release_future(&t.db, &s.clock, s.users[0])
            .await
            .unwrap();
        let mut tx = t.db.begin().await.unwrap();
        madoguchi_store::accounts::erase::erase_user(&mut tx, s.users[0], s.clock.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert!(employer::page(&t.db, &s.clock, id, &b).await.is_err());
        let row = madoguchi_store::interviews::interview(&t.db, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (row.share_address, row.share_phone, row.share_number),
            (false, false, false)
        );
        assert_eq!(row.state, "cancelled_by_user", "{}", t.db.backend());
        assert_eq!(row.employer_name, "株式会社みなと製作所");
    }
}
