//! Issue 17 item 3: `/metrics` reports what operators alert on, on both backends; the
//! names pass `promtool check metrics`; every metric is documented in the operator's guide;
//! the alert rules (docs/alerts.yml) load and behave as their unit tests say.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::backup::{PASSWORD, seed};
use super::scratch;
use super::support::{Postgres, Serve, required};

/// The value of the first line of `name` carrying every one of `labels` (`k="v"`).
fn value(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|l| l.strip_prefix(name).is_some_and(|r| r.starts_with(['{', ' '])))
        .find(|l| labels.iter().all(|lb| l.contains(lb)))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `promtool` from Debian's `prometheus` package (scripts/test installs it).
fn promtool() -> Option<Command> {
    let found = Command::new("promtool")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (found || required("promtool (Debian package prometheus)")).then(|| Command::new("promtool"))
}

/// Bookings (one booked, one refused), readiness and the jobs' first rounds, then a scrape.
fn exercise(url: &str, name: &str) -> String {
    let dir = scratch(name);
    let (names, slots) = seed(url);
    let serve = Serve::start_plain(url, &dir, &[]);
    let body = format!(r#"{{"user_id":"{}","password":"{PASSWORD}"}}"#, names[0]);
    let cookie = serve.request("POST", "/api/v1/session", None, Some(&body)).cookies;
    let slot = format!(r#"{{"slot_id":{}}}"#, slots[0][0]);
    let booked = serve.request("POST", "/api/v1/reservations", Some(&cookie), Some(&slot));
    assert_eq!(booked.status, 201, "{}", booked.body);
    // The same day in another slot: one consultation a day (BK-4).
    let other = format!(r#"{{"slot_id":{}}}"#, slots[1][0]);
    let again = serve.request("POST", "/api/v1/reservations", Some(&cookie), Some(&other));
    assert_eq!(again.status, 409, "{}", again.body);
    assert_eq!(serve.request("GET", "/readyz", None, None).status, 200);
    // The jobs' first rounds start with the server; a generous bound, not a measurement.
    let started = Instant::now();
    loop {
        let text = serve.request("GET", "/metrics", None, None).body;
        let done = ["no_shows", "housekeeping"].iter().all(|job| {
            value(
                &text,
                "madoguchi_job_last_success_timestamp_seconds",
                &[&format!("job=\"{job}\"")],
            )
            .is_some()
        });
        if done {
            return text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no job round reported: {text}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn check(text: &str) {
    let v =
        |name: &str, labels: &[&str]| value(text, name, labels).unwrap_or_else(|| panic!("{name} {labels:?}: {text}"));
    assert_eq!(
        v(
            "madoguchi_consultation_bookings_total",
            &["outcome=\"booked\"", "code=\"none\""]
        ),
        1.0
    );
    assert_eq!(
        v(
            "madoguchi_consultation_bookings_total",
            &["outcome=\"refused\"", "code=\"daily_limit\""]
        ),
        1.0
    );
    // No SMTP server is configured: the confirmation waits in the outbox.
    assert!(v("madoguchi_mail_waiting", &[]) >= 1.0);
    assert!(v("madoguchi_mail_oldest_waiting_age_seconds", &[]) >= 0.0);
    assert_eq!(v("madoguchi_mail_send_failures_total", &[]), 0.0);
    assert_eq!(v("madoguchi_job_lease_held", &["job=\"no_shows\"", "replica=\""]), 1.0);
    assert!(v("madoguchi_job_last_success_timestamp_seconds", &["job=\"no_shows\""]) > 1.7e9);
    assert_eq!(v("madoguchi_ready", &[]), 1.0);
    assert!(v("madoguchi_usage_queue_depth", &[]) >= 0.0);
    assert!(v("madoguchi_db_pool_connections", &["state=\"idle\""]) >= 0.0);
    assert!(v("madoguchi_db_pool_max_connections", &[]) >= 1.0);
    assert_eq!(v("madoguchi_db_pool_timeouts_total", &[]), 0.0);
    assert_eq!(v("madoguchi_busy_answers_total", &["reason=\"password_hashing\""]), 0.0);
}

/// Every metric served has a help text and a line in the operator's guide, and every
/// metric an alert uses is served.
fn documented(text: &str) {
    let served: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# HELP "))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let guide = std::fs::read_to_string(repo().join("docs/operations.md")).unwrap();
    let undocumented: Vec<_> = served.iter().filter(|n| !guide.contains(**n)).collect();
    assert!(undocumented.is_empty(), "not in docs/operations.md: {undocumented:?}");
    let rules = std::fs::read_to_string(repo().join("docs/alerts.yml")).unwrap();
    let mut unknown: Vec<String> = rules
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("madoguchi_"))
        .map(|w| w.trim_end_matches("_bucket").to_owned())
        .filter(|w| !served.contains(&w.as_str()))
        .collect();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "alerts use metrics /metrics does not serve: {unknown:?}"
    );
}

fn promtool_check_metrics(text: &str) {
    let Some(mut promtool) = promtool() else { return };
    let mut child = promtool
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "promtool check metrics: {said}");
}

// Issue 17 item 3: the metrics that matter, on SQLite.
#[test]
fn metrics_report_bookings_mail_jobs_and_pools_on_sqlite() {
    let dir = scratch("metrics-sqlite-db");
    let text = exercise(&format!("sqlite:{}", dir.join("m.db").display()), "metrics-sqlite");
    check(&text);
    assert!(value(&text, "madoguchi_db_pool_max_connections", &["pool=\"write\""]) == Some(1.0));
    documented(&text);
    promtool_check_metrics(&text);
}

// Issue 17 item 3: the same on PostgreSQL (the outbox query and the pool differ).
#[test]
fn metrics_report_bookings_mail_jobs_and_pools_on_postgresql() {
    let Some(pg) = Postgres::create("metrics") else {
        return;
    };
    let text = exercise(&pg.url, "metrics-pg");
    check(&text);
    assert!(value(&text, "madoguchi_db_pool_connections", &["pool=\"postgres\""]).is_some());
}

// Issue 17 item 3: the alert rules load, and fire (or stay quiet) as their tests expect.
#[test]
fn alert_rules_pass_promtool() {
    for args in [
        ["check", "rules", "docs/alerts.yml"],
        ["test", "rules", "docs/alerts.test.yml"],
    ] {
        let Some(mut promtool) = promtool() else { return };
        let out = promtool.args(args).current_dir(repo()).output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "promtool {args:?}: {said}");
    }
}
