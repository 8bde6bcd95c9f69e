//! AC-5 under concurrency, on both backends: sign-in attempts are counted in the database
//! before a password is checked, so a parallel burst cannot get past the per-account and
//! per-address limits; registrations from one address stop at their hourly limit.
//! Deterministic without timing: the test holds the only hashing slot while the burst is
//! counted, so every attempt the limits let through is still unchecked when the rest are.
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::accounts::limits::Limits;
use madoguchi_app::accounts::sign_in::{MAX_ADDRESS_FAILURES, MAX_FAILURES, WINDOW};
use madoguchi_app::accounts::{register, sign_in};
use madoguchi_app::console::staff;
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::{staff::Role, totp};
use madoguchi_store::{Db, accounts::attempts, testing};
use tokio::task::JoinSet;

const BURST: usize = 100;
/// The one right password's place in the burst.
const RIGHT_AT: usize = 57;

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 12, 28, 1, 0, 0).unwrap()))
}

/// One hashing slot, and a long wait for it: the burst's checks queue behind the test.
fn one_slot() -> Limits {
    Limits::new(1, StdDuration::from_secs(300), 10)
}

fn code(e: AppError) -> &'static str {
    e.specific_code()
}

/// Sends `BURST` sign-ins for `failure_key`, all wrong but one, while the test holds the only
/// hashing slot. The right one goes first and is surely let through (it is counted, then
/// waits for the slot); the 99 wrong ones follow at once. Those the limits refuse are
/// answered without a hash; once they all are, the slot is freed and the admitted ones are
/// checked. Returns every answer.
async fn burst<F>(
    db: &Db,
    failure_key: &str,
    limits: &Limits,
    attempt: impl Fn(usize, String) -> F,
) -> Vec<Result<(), &'static str>>
where
    F: Future<Output = Result<(), AppError>> + Send + 'static,
{
    let slot = limits.hold().await.unwrap();
    let mut tasks = JoinSet::new();
    tasks.spawn(attempt(RIGHT_AT, "RIGHT".to_owned()));
    let since = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    while attempts::state(db, failure_key, since).await.unwrap().0 == 0 {
        tokio::task::yield_now().await;
    }
    for i in (0..BURST).filter(|i| *i != RIGHT_AT) {
        tasks.spawn(attempt(i, format!("Wrong-Guess#{i:03}")));
    }
    let admitted = usize::try_from(MAX_FAILURES).unwrap();
    let mut answers = Vec::new();
    for _ in 0..BURST - admitted {
        let answer = tasks.join_next().await.unwrap().unwrap().map_err(code);
        // Refused before any password was checked: only the admitted wait for the slot.
        assert_eq!(answer, Err("account_locked"));
        answers.push(answer);
    }
    drop(slot);
    while let Some(answer) = tasks.join_next().await {
        answers.push(answer.unwrap().map_err(code));
    }
    answers
}

fn password_for(guess: String, right: &str) -> String {
    if guess == "RIGHT" { right.to_owned() } else { guess }
}

// rule AC-5: the right password and 99 wrong ones, sent at once for one job seeker from one
// address and then from 100 addresses: only 5 are checked, the right one (let through first)
// is refused because the others locked the account meanwhile, and after the lock the right
// password alone signs in.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_cannot_sign_a_job_seeker_in() {
    use madoguchi_app::demo::{SEEKER_ID, SEEKER_PASSWORD};
    for t in testing::both("ac5_parallel_seeker").await {
        let (clock, limits) = (clock(), one_slot());
        madoguchi_app::demo::seed_job_seeker(&t.db, clock.as_ref())
            .await
            .unwrap();
        for addresses in [1, BURST] {
            let answers = burst(&t.db, SEEKER_ID, &limits, |i, guess| {
                let (db, clock, limits) = (t.db.clone(), clock.clone(), limits.clone());
                let addr = format!("192.0.2.{}", i % addresses);
                async move {
                    let password = password_for(guess, SEEKER_PASSWORD);
                    sign_in::sign_in(&db, clock.as_ref(), &limits, SEEKER_ID, &password, &addr, None)
                        .await
                        .map(|_| ())
                }
            })
            .await;
            assert!(
                answers.iter().all(|a| *a == Err("account_locked")),
                "{} from {addresses} addresses: {answers:?}",
                t.db.backend()
            );
            let (counted, locked) = attempts::state(&t.db, SEEKER_ID, clock.now() - WINDOW).await.unwrap();
            assert_eq!(counted, MAX_FAILURES, "only five passwords were checked");
            assert!(locked.is_some_and(|until| until > clock.now()));

            clock.advance(Duration::minutes(16));
            let alone = sign_in::sign_in(
                &t.db,
                clock.as_ref(),
                &limits,
                SEEKER_ID,
                SEEKER_PASSWORD,
                "192.0.2.1",
                None,
            )
            .await;
            assert!(alone.is_ok(), "{}: {alone:?}", t.db.backend());
        }
    }
}

async fn staff_member(db: &Db, clock: &ManualClock) -> (String, Vec<u8>) {
    madoguchi_app::demo::seed_if_empty(db, clock).await.unwrap();
    let c = staff::create(
        db,
        clock,
        &Limits::for_tests(),
        None,
        Role::Counsellor,
        Some("28011"),
        "kobe.guard",
        "職員",
    )
    .await
    .unwrap();
    (c.password, totp::base32_decode(&c.totp_secret).unwrap())
}

fn totp_now(key: &[u8], clock: &ManualClock) -> String {
    format!(
        "{:06}",
        totp::totp(totp::Algorithm::Sha1, key, clock.now().timestamp(), 6)
    )
}

// rule AC-5: the same burst against a staff member, every request with a valid one-time code:
// refused, then after the lock the right password and a fresh code sign in.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_cannot_sign_a_staff_member_in() {
    for t in testing::both("ac5_parallel_staff").await {
        let (clock, limits) = (clock(), one_slot());
        let (right, key) = staff_member(&t.db, clock.as_ref()).await;
        for addresses in [1, BURST] {
            let answers = burst(&t.db, "staff:kobe.guard", &limits, |i, guess| {
                let (db, clock, limits) = (t.db.clone(), clock.clone(), limits.clone());
                let (password, code) = (password_for(guess, &right), totp_now(&key, &clock));
                let addr = format!("198.51.100.{}", i % addresses);
                async move {
                    staff::sign_in(
                        &db,
                        clock.as_ref(),
                        &limits,
                        "kobe.guard",
                        &password,
                        &code,
                        &addr,
                        None,
                    )
                    .await
                    .map(|_| ())
                }
            })
            .await;
            assert!(
                answers.iter().all(|a| *a == Err("account_locked")),
                "{} from {addresses} addresses: {answers:?}",
                t.db.backend()
            );
            let since = clock.now() - WINDOW;
            assert_eq!(
                attempts::state(&t.db, "staff:kobe.guard", since).await.unwrap().0,
                MAX_FAILURES
            );

            clock.advance(Duration::minutes(16));
            let code = totp_now(&key, &clock);
            let alone = staff::sign_in(
                &t.db,
                clock.as_ref(),
                &limits,
                "kobe.guard",
                &right,
                &code,
                "198.51.100.1",
                None,
            )
            .await;
            assert!(alone.is_ok(), "{}: {alone:?}", t.db.backend());
        }
    }
}

// rule AC-5: 100 different user IDs guessed at once from one address: exactly 20 passwords
// are checked, the other 80 are refused as rate limited.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_address_is_limited_under_a_parallel_burst() {
    for t in testing::both("ac5_parallel_address").await {
        let (clock, limits) = (clock(), Limits::for_tests());
        let mut tasks = JoinSet::new();
        for i in 0..BURST {
            let (db, clock, limits) = (t.db.clone(), clock.clone(), limits.clone());
            tasks.spawn(async move {
                let user = format!("guess.{i:03}");
                sign_in::sign_in(
                    &db,
                    clock.as_ref(),
                    &limits,
                    &user,
                    "Wrong-Guess#1",
                    "203.0.113.9",
                    None,
                )
                .await
                .map(|_| ())
                .map_err(code)
            });
        }
        let answers = tasks.join_all().await;
        let count = |c: &str| answers.iter().filter(|a| **a == Err(c)).count();
        let limit = usize::try_from(MAX_ADDRESS_FAILURES).unwrap();
        assert_eq!(
            (count("invalid_credentials"), count("rate_limited")),
            (limit, BURST - limit),
            "{}: {answers:?}",
            t.db.backend()
        );
    }
}

fn registration(i: usize) -> madoguchi_app::accounts::fields::RegistrationForm {
    madoguchi_app::accounts::fields::RegistrationForm {
        user_id: format!("burst.user{i:03}"),
        password: "Kobe-Sannomiya#2026".into(),
        name: "山田 太郎".into(),
        name_kana: "ヤマダ タロウ".into(),
        address: "神戸市中央区".into(),
        email: format!("burst{i}@example.jp"),
        phone: "078-231-8609".into(),
        accept_terms: true,
        lang: "ja".into(),
    }
}

async fn users(db: &Db) -> i64 {
    let (n,): (i64,) = match db {
        Db::Sqlite(s) => sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&s.read).await,
        Db::Postgres(p) => sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(p).await,
    }
    .unwrap();
    n
}

// Issue 11: 30 registrations at once from one address make exactly the 10 accounts of the
// hourly limit; the rest are refused as rate limited; an hour later the address may again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_registration_burst_stops_at_the_limit() {
    let site = madoguchi_app::shared::Site {
        base_url: "http://madoguchi.test".into(),
    };
    for t in testing::both("registration_burst").await {
        let (clock, limits) = (clock(), Limits::for_tests());
        let mut tasks = JoinSet::new();
        for i in 0..30 {
            let (db, clock, limits, site) = (t.db.clone(), clock.clone(), limits.clone(), site.clone());
            tasks.spawn(async move {
                let form = registration(i);
                let made = register::register(&db, clock.as_ref(), &site, &limits, &form, "192.0.2.77");
                (i, made.await.map(|_| ()).map_err(code))
            });
        }
        let answers = tasks.join_all().await;
        let made: Vec<usize> = answers.iter().filter(|(_, a)| a.is_ok()).map(|(i, _)| *i).collect();
        let refused = answers.iter().filter(|(_, a)| *a == Err("rate_limited")).count();
        assert_eq!(
            (made.len(), refused, users(&t.db).await),
            (10, 20, 10),
            "{}: {answers:?}",
            t.db.backend()
        );
        // An hour later the address may register again; registrations that do not happen
        // (taken user IDs) are taken off the count.
        clock.advance(Duration::minutes(61));
        for i in made {
            let taken = register::register(&t.db, clock.as_ref(), &site, &limits, &registration(i), "192.0.2.77").await;
            assert_eq!(taken.map_err(code), Err("user_id_taken"));
        }
        register::register(&t.db, clock.as_ref(), &site, &limits, &registration(99), "192.0.2.77")
            .await
            .unwrap();
        assert_eq!(users(&t.db).await, 11);
    }
}

// rule AC-5: housekeeping deletes counted attempts and their keys once they are older than
// every window (an hour), and nothing younger.
#[tokio::test]
async fn old_attempts_are_purged() {
    let site = madoguchi_app::shared::Site {
        base_url: "http://madoguchi.test".into(),
    };
    for t in testing::both("attempts_purge").await {
        let (clock, limits) = (clock(), Limits::for_tests());
        for _ in 0..5 {
            let failed = sign_in::sign_in(
                &t.db,
                clock.as_ref(),
                &limits,
                "purge.me",
                "Wrong-Guess#1",
                "192.0.2.5",
                None,
            );
            assert_eq!(failed.await.map(|_| ()).map_err(code), Err("invalid_credentials"));
        }
        register::register(&t.db, clock.as_ref(), &site, &limits, &registration(1), "192.0.2.5")
            .await
            .unwrap();
        let hour_ago = |c: &ManualClock| c.now() - register::REGISTRATION_WINDOW;
        assert_eq!(attempts::purge(&t.db, hour_ago(&clock), clock.now()).await.unwrap(), 0);
        clock.advance(Duration::minutes(61));
        // 5 failures, 1 registration, and the keys user:purge.me, addr:… and register:….
        assert_eq!(
            attempts::purge(&t.db, hour_ago(&clock), clock.now()).await.unwrap(),
            9,
            "{}",
            t.db.backend()
        );
        let since = clock.now() - Duration::days(1);
        assert_eq!(attempts::state(&t.db, "purge.me", since).await.unwrap(), (0, None));
    }
}
