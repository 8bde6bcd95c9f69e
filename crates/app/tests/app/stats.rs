//! Statistics (rule PV-5) on both backends: finished consultations and seminar registrations
//! in every state, counted by outcome and channel, suppressed, scoped, and exported as CSV.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use madoguchi_app::consultations::booking;
use madoguchi_app::consultations::schedule::{self, Change};
use madoguchi_app::records::stats::{self, Period, Report, Table};
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_domain::stats::{Published, Shown, THRESHOLD, recoverable};
use madoguchi_store::consultations::reservations::Details;
use madoguchi_store::seminars::Registered;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{office, seekers, staff_member as member};

fn jst_at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// At 28011 in December 2026: consultations on Thursday 3rd at 10:00 — 7 attended, 1 ended
/// by the office (counts as attended), 3 no-shows, 6 cancelled online, 3 cancelled by phone,
/// 2 cancelled by the office, 2 still confirmed; a seminar on Thursday 10th at 13:30 — 5
/// attended, 1 cancelled online, 1 removed by the office, 1 still registered.
async fn seed(db: &Db) -> Vec<i64> {
    office(db).await;
    let clock = FixedClock(jst_at(2, 10, 0));
    let counsellor = member(db, &clock, Role::Counsellor, Some("28011"), "kobe.stats.c").await;
    let admin = member(db, &clock, Role::OfficeAdmin, Some("28011"), "kobe.stats.a").await;
    let slot = booking::publish_slot(db, "28011", jst_at(3, 10, 0), "zoom", 30)
        .await
        .unwrap();
    let users = seekers(db, 32, "stat").await;
    let mut ids = Vec::new();
    for u in &users[..24] {
        ids.push(booking::book(db, &clock, *u, slot, &Details::default()).await.unwrap());
    }
    let move_to = |id: i64, from: &'static str, to: &'static str| {
        let db = db.clone();
        async move {
            let done = madoguchi_store::consultations::schedule::transition(
                &db,
                id,
                &[from],
                to,
                jst_at(3, 11, 0),
                "system",
                "",
                None,
            )
            .await
            .unwrap();
            assert!(done, "{id} {from} → {to}");
        }
    };
    for id in &ids[..8] {
        move_to(*id, "confirmed", "attended").await;
    }
    move_to(ids[7], "attended", "ended_by_office").await;
    for id in &ids[8..11] {
        move_to(*id, "confirmed", "no_show").await;
    }
    for (u, id) in users[11..17].iter().zip(&ids[11..17]) {
        booking::cancel_own(db, &clock, *u, *id).await.unwrap();
    }
    for id in &ids[17..20] {
        let phone = Change::CancelledByPhone {
            channel: "電話".into()
        };
        schedule::record(db, &clock, &counsellor, *id, &phone).await.unwrap();
    }
    for id in &ids[20..22] {
        move_to(*id, "confirmed", "cancelled_by_office").await;
    }

    let input = SeminarInput {
        kind: "seminar".into(),
        title: "応募書類の書き方セミナー".into(),
        description: "履歴書の書き方".into(),
        starts_at: jst_at(10, 13, 30),
        minutes: 90,
        app: "zoom".into(),
        recorded_with_consent: false,
        capacity: 20,
        waitlist_limit: 0,
    };
    let seminar = seminars::organise::create(db, &clock, &admin, "28011", &input)
        .await
        .unwrap();
    let mut regs = Vec::new();
    for u in &users[24..32] {
        let Registered::Registered(r) = seminars::attend::register(db, &clock, *u, seminar).await.unwrap() else {
            panic!("a seat for everyone");
        };
        regs.push(r);
    }
    for r in &regs[..5] {
        let done = madoguchi_store::seminars::places::mark(db, *r, "attended", jst_at(10, 15, 0), "staff:1")
            .await
            .unwrap();
        assert!(done);
    }
    seminars::attend::cancel_own(db, &clock, users[29], regs[5])
        .await
        .unwrap();
    seminars::organise::remove(db, &clock, &admin, regs[6], "迷惑行為")
        .await
        .unwrap();
    users
}

fn table<'a>(r: &'a Report, id: &str) -> &'a Table {
    r.tables.iter().find(|t| t.id == id).unwrap()
}

fn cell(t: &Table, row: &str, col: &str) -> Shown {
    let r = t.rows.iter().position(|k| k == row).unwrap();
    let c = t.columns.iter().position(|k| k == col).unwrap();
    t.published.cells[r][c]
}

fn december() -> Period {
    Period::new(
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
    )
    .unwrap()
}

// rule PV-5: outcomes, services, weekdays, hours and channels are counted on both backends;
// hidden entries are published as "x" (秘匿, in the CSV too) and no hidden cell can be worked out.
#[tokio::test]
async fn statistics_count_suppress_and_export() {
    for t in testing::both("pv5_stats").await {
        seed(&t.db).await;
        let report = stats::national_report(&t.db, None, december()).await.unwrap();
        let b = t.db.backend();
        let month = table(&report, "month_outcome");
        assert_eq!(month.rows, vec!["2026-12"], "{b}");
        assert_eq!(cell(month, "2026-12", "attended"), Shown::Count(13), "{b}: 8 + 5");
        assert_eq!(
            cell(month, "2026-12", "cancelled_by_user"),
            Shown::Count(10),
            "{b}: 6 + 3 + 1"
        );
        assert_eq!(
            cell(month, "2026-12", "cancelled_by_office"),
            Shown::Hidden,
            "{b}: 2 + 1"
        );
        assert_eq!(cell(month, "2026-12", "no_show"), Shown::Hidden, "{b}: 3");
        assert_eq!(month.published.row_totals, vec![Shown::Count(29)], "{b}");

        let office = table(&report, "office_service");
        assert_eq!(office.rows.len(), 4, "every demo office");
        assert_eq!(cell(office, "28011", "consultation"), Shown::Count(22), "{b}");
        assert_eq!(cell(office, "28011", "seminar"), Shown::Count(7), "{b}");
        assert_eq!(
            cell(office, "13010", "seminar"),
            Shown::Count(0),
            "a zero identifies nobody"
        );

        let week = table(&report, "weekday_hour");
        assert_eq!(cell(week, "thu", "10"), Shown::Count(22), "{b}: the consultations");
        assert_eq!(cell(week, "thu", "13"), Shown::Count(7), "{b}: the seminar");

        // The phone cancellations (3) would follow from the naive row total 10 − 7 online.
        let channel = table(&report, "outcome_channel");
        assert_eq!(cell(channel, "cancelled_by_user", "phone"), Shown::Hidden, "{b}");
        assert_eq!(cell(channel, "cancelled_by_user", "online"), Shown::Hidden, "{b}");
        for t in &report.tables {
            assert_eq!(recoverable(&t.published), vec![], "{b}: {}", t.id);
        }

        let csv = stats::csv(&report);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "table,row,column,value");
        for want in [
            "month_outcome,2026-12,attended,13",
            "month_outcome,2026-12,no_show,x",
            "month_outcome,2026-12,total,29",
            "outcome_channel,cancelled_by_user,phone,x",
            "office_service,28011,consultation,22",
            "weekday_hour,thu,13,7",
        ] {
            assert!(lines.contains(&want), "{b}: {want} in\n{csv}");
        }
        for l in &lines[1..] {
            let value = l.rsplit(',').next().unwrap();
            let n: Option<u64> = value.parse().ok();
            assert!(
                n.is_none_or(|n| n == 0 || n >= THRESHOLD),
                "{b}: no count of 1–4 is printed: {l}"
            );
        }
    }
}

// rule PV-5: a table where the naive publication (small cells hidden, totals shown) gives a
// phone-cancellation count of 3 away, while the published table keeps it hidden.
#[tokio::test]
async fn naive_sums_would_reveal_a_small_cell() {
    for t in testing::both("pv5_naive").await {
        seed(&t.db).await;
        let report = stats::national_report(&t.db, Some("28011"), december()).await.unwrap();
        let channel = table(&report, "outcome_channel");
        // The true counts, rebuilt from what the seed made.
        let counts = [[13u64, 0], [7, 3], [3, 0], [3, 0]];
        let naive_shown = |n: u64| {
            if n > 0 && n < THRESHOLD {
                Shown::Hidden
            } else {
                Shown::Count(n)
            }
        };
        let naive = Published {
            cells: counts
                .iter()
                .map(|r| r.iter().map(|n| naive_shown(*n)).collect())
                .collect(),
            row_totals: counts.iter().map(|r| naive_shown(r.iter().sum())).collect(),
            column_totals: (0..2).map(|c| naive_shown(counts.iter().map(|r| r[c]).sum())).collect(),
            grand_total: naive_shown(counts.iter().flatten().sum()),
        };
        assert!(
            recoverable(&naive).contains(&(1, 1, 3)),
            "the naive table gives the 3 away"
        );
        assert_eq!(channel.published.row_totals[1], Shown::Count(10), "{}", t.db.backend());
        assert_eq!(recoverable(&channel.published), vec![], "{}", t.db.backend());
        assert_eq!(channel.published.cells[1][1], Shown::Hidden);
    }
}

// rules PV-5, PV-6: office staff see only their own office; a deleted user's reservations
// still count; a bad period is refused with a stable code.
#[tokio::test]
async fn scope_deletion_and_periods() {
    for t in testing::both("pv5_scope").await {
        let users = seed(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0));
        let tokyo = member(&t.db, &clock, Role::Counsellor, Some("13010"), "tokyo.stats").await;
        let national = member(&t.db, &clock, Role::NationalAdmin, None, "national.stats").await;
        let theirs = stats::report(&t.db, &tokyo, december()).await.unwrap();
        let office = table(&theirs, "office_service");
        assert_eq!(office.rows, vec!["13010"], "{}", t.db.backend());
        assert!(
            office.published.cells.iter().flatten().all(|s| *s == Shown::Count(0)),
            "nothing at 13010"
        );
        let all = stats::report(&t.db, &national, december()).await.unwrap();

        // Erasing every seeker (PV-6) changes no count.
        let mut tx = t.db.begin().await.unwrap();
        for u in users {
            madoguchi_store::accounts::erase::erase_user(&mut tx, u, jst_at(20, 9, 0))
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        assert_eq!(stats::report(&t.db, &national, december()).await.unwrap(), all);

        let e = Period::parse("2026-12-01", "2026-12-01").unwrap_err();
        assert_eq!(e.specific_code(), "invalid_period");
        let e = Period::parse("2026-13-01", "2027-01-01").unwrap_err();
        assert_eq!(e.specific_code(), "invalid_date");
        let e = stats::national_report(&t.db, Some("99999"), december())
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "not_found");
        let p = Period::last_twelve_months(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(p.from.to_string(), "2025-12-01");
        assert_eq!(p.to.to_string(), "2026-11-26");
    }
}
