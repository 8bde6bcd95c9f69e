//! Closing an office for a day or part of one (rule TM-3) in one transaction: the closure
//! itself, every slot it covers withdrawn, every consultation and seminar place on them ended
//! by the office with the reason, and each seminar it covers cancelled. The booking statements
//! refuse a withdrawn slot, a closed day and a slot in closed hours, so a booking racing the
//! closure either commits first (and is cancelled here) or finds the time closed.
//!
//! What a closure covers: on its day, what starts after `now` (what has begun or is over is
//! left as it is: an office does not cancel a consultation that has started), and for part of
//! a day only what overlaps the window.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use madoguchi_domain::calendar::ClosedHours;

use crate::offices::hours_of;
use crate::{Db, Result, Tx, in_tx, read};

/// The window of a part-day closure as instants; `None` for the whole day.
pub type Window = Option<(DateTime<Utc>, DateTime<Utc>)>;

/// A consultation a closure would cancel, as staff see it in the preview.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Consultation {
    pub id: i64,
    pub user_ref: i64,
    pub starts_at: DateTime<Utc>,
    /// The name given for verification (BK-6), else the account's name.
    pub name: String,
}

/// A seminar a closure would cancel, with the places (seated or waiting) it holds.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Seminar {
    pub id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub places: i64,
}

/// What a closure would touch, shown before it is added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// Slots still open to booking (free or booked) that it covers.
    pub slots: i64,
    /// Consultations holding a seat on those slots.
    pub reservations: Vec<Consultation>,
    /// Seminars it covers.
    pub seminars: Vec<Seminar>,
    /// Seminar places (seated or waiting) on them: (registration, user).
    pub places: Vec<(i64, i64)>,
    /// Open requests with a preference it covers: (request, user). They stay open for staff.
    pub requests: Vec<(i64, i64)>,
}

impl Preview {
    /// How many notices closing would send (one per consultation and per seminar place).
    pub fn people(&self) -> usize {
        self.reservations.len() + self.places.len()
    }
}

/// One person whose booking the closure ended, with what their notice needs. Read inside the
/// transaction: a second pooled connection taken while this one holds the slots' rows could
/// wait for ever behind bookings that wait for those rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub user_ref: i64,
    pub starts_at: DateTime<Utc>,
    /// `consultation` or the seminar's title.
    pub what: String,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// A closure as the console lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub day: NaiveDate,
    pub reason: String,
    /// `None`: the whole day.
    pub hours: Option<ClosedHours>,
    /// The staff member who added it (`None`: the operator's CLI, or added before this was kept).
    pub added_by: Option<String>,
    pub added_at: Option<DateTime<Utc>>,
}

/// A closure to add.
pub struct NewClosure<'a> {
    pub office: &'a str,
    pub day: NaiveDate,
    pub reason: &'a str,
    pub window: Window,
    /// The staff member adding it; `None` for the operator.
    pub staff: Option<i64>,
}

// Parameters shared by every statement below: $1 office, $2 day, $3 now, $4 window start,
// $5 window end (both NULL for the whole day). `{x}` is the table whose times are compared.
macro_rules! covered {
    ($x:literal) => {
        concat!(
            $x,
            ".starts_at > $3 AND ($4 IS NULL OR (",
            $x,
            ".starts_at < $5 AND ",
            $x,
            ".ends_at > $4))"
        )
    };
}

const SLOTS: &str = concat!(
    "SELECT COUNT(*) FROM slots s WHERE s.office_code = $1 AND s.local_date = $2 AND s.removed_at IS NULL AND ",
    covered!("s")
);
const RESERVATIONS: &str = concat!(
    "SELECT r.id, r.user_ref, s.starts_at, COALESCE(NULLIF(r.verify_name, ''), u.name, '') AS name
    FROM reservations r JOIN slots s ON s.id = r.slot_id LEFT JOIN users u ON u.id = r.user_ref
    WHERE r.office_code = $1 AND r.local_date = $2 AND r.state IN ('requested', 'confirmed') AND ",
    covered!("s"),
    " ORDER BY s.starts_at, r.id"
);
const SEMINARS: &str = concat!(
    "SELECT m.id, m.title, m.starts_at, (SELECT COUNT(*) FROM seminar_registrations p
      WHERE p.seminar_id = m.id AND p.state IN ('registered', 'waitlisted')) AS places
    FROM seminars m WHERE m.office_code = $1 AND m.local_date = $2 AND m.cancelled_at IS NULL AND ",
    covered!("m"),
    " ORDER BY m.starts_at, m.id"
);
const PLACES: &str = concat!(
    "SELECT p.id, p.user_ref FROM seminar_registrations p JOIN seminars m ON m.id = p.seminar_id
    WHERE m.office_code = $1 AND m.local_date = $2 AND m.cancelled_at IS NULL
      AND p.state IN ('registered', 'waitlisted') AND ",
    covered!("m"),
    " ORDER BY p.id"
);
const REQUESTS: &str = "SELECT id, user_ref, preferences FROM reservation_requests
    WHERE office_code = $1 AND state = 'open' ORDER BY id";

/// Whether a request's preferences (RFC 3339 instants, comma-separated) include a
/// consultation on `day` in JST that the window (if any) covers.
fn prefers(preferences: &str, day: NaiveDate, window: Window) -> bool {
    let jst = madoguchi_domain::clock::jst();
    preferences
        .split(',')
        .filter_map(|p| DateTime::parse_from_rfc3339(p.trim()).ok())
        .map(|t| t.with_timezone(&Utc))
        .any(|t| {
            t.with_timezone(&jst).date_naive() == day
                && window.is_none_or(|(from, until)| t < until && t + Duration::minutes(30) > from)
        })
}

/// Binds the shared parameters ($1–$5) to a query of either backend.
macro_rules! bind_cover {
    ($q:expr, $office:expr, $day:expr, $now:expr, $window:expr) => {
        $q.bind($office)
            .bind($day)
            .bind($now)
            .bind($window.map(|w| w.0))
            .bind($window.map(|w| w.1))
    };
}

/// What closing `office` on `day` (in `window`, or whole) would touch after `now`.
pub async fn preview(db: &Db, office: &str, day: NaiveDate, window: Window, now: DateTime<Utc>) -> Result<Preview> {
    Ok(read!(db, |c| {
        let (slots,): (i64,) = bind_cover!(sqlx::query_as(SLOTS), office, day, now, window)
            .fetch_one(c)
            .await?;
        Preview {
            slots,
            reservations: bind_cover!(sqlx::query_as(RESERVATIONS), office, day, now, window)
                .fetch_all(c)
                .await?,
            seminars: bind_cover!(sqlx::query_as(SEMINARS), office, day, now, window)
                .fetch_all(c)
                .await?,
            places: bind_cover!(sqlx::query_as(PLACES), office, day, now, window)
                .fetch_all(c)
                .await?,
            requests: sqlx::query_as::<_, (i64, i64, String)>(REQUESTS)
                .bind(office)
                .fetch_all(c)
                .await?
                .into_iter()
                .filter(|(_, _, p)| prefers(p, day, window))
                .map(|(id, user, _)| (id, user))
                .collect(),
        }
    }))
}

/// The office's closures from `from` on, with who added them, by date.
pub async fn upcoming(db: &Db, office: &str, from: NaiveDate) -> Result<Vec<Listed>> {
    const SQL: &str = "SELECT oc.day, oc.reason, oc.closed_from, oc.closed_until, s.name, oc.added_at
        FROM office_closures oc LEFT JOIN staff s ON s.id = oc.added_by_staff
        WHERE oc.office_code = $1 AND oc.day >= $2 ORDER BY oc.day";
    type Row = (
        NaiveDate,
        String,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
        Option<String>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = read!(db, |c| sqlx::query_as(SQL).bind(office).bind(from).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(day, reason, f, u, added_by, added_at)| Listed {
            day,
            reason,
            hours: hours_of(f, u),
            added_by,
            added_at,
        })
        .collect())
}

/// Adds the closure and ends everything it covers. Returns who to tell, or `None` if the
/// office already has a closure that day (nothing is changed then: a second confirmation of
/// the same closure, from another tab, tells nobody twice).
pub async fn close(tx: &mut Tx, new: &NewClosure<'_>, now: DateTime<Utc>, actor: &str) -> Result<Option<Vec<Ended>>> {
    const CLOSURE: &str = "INSERT INTO office_closures
        (office_code, day, reason, closed_from, closed_until, added_by_staff, added_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (office_code, day) DO NOTHING";
    // Withdrawing the slots first takes their rows: a booking statement on one of them waits
    // for this transaction and then finds the slot removed (and the time closed).
    const WITHDRAW: &str = concat!(
        "UPDATE slots SET removed_at = $3 WHERE office_code = $1 AND local_date = $2 AND removed_at IS NULL AND ",
        covered!("slots")
    );
    const CANCEL: &str = concat!(
        "UPDATE reservations SET state = 'cancelled_by_office', state_changed_at = $3, state_actor = $6
        WHERE office_code = $1 AND local_date = $2 AND state IN ('requested', 'confirmed')
          AND slot_id IN (SELECT s.id FROM slots s WHERE s.office_code = $1 AND s.local_date = $2 AND ",
        covered!("s"),
        ") RETURNING id, slot_id, user_ref"
    );
    const FREE: &str = "UPDATE slots SET booked = booked - 1 WHERE id = $1 AND booked > 0";
    const EVENT: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor, note)
        VALUES ($1, $2, 'cancelled_by_office', $3, $4)";
    const SLOT_START: &str = "SELECT starts_at FROM slots WHERE id = $1";
    const CANCEL_SEMINARS: &str = concat!(
        "UPDATE seminars SET cancelled_at = $3
        WHERE office_code = $1 AND local_date = $2 AND cancelled_at IS NULL AND ",
        covered!("seminars"),
        " RETURNING id, title, starts_at"
    );
    const END_PLACES: &str = "UPDATE seminar_registrations SET state = 'removed_by_office', state_changed_at = $2,
        state_actor = $3 WHERE seminar_id = $1 AND state IN ('registered', 'waitlisted') RETURNING id, user_ref";
    const EMPTY: &str = "UPDATE seminars SET registered = 0, waitlisted = 0 WHERE id = $1";
    const USER: &str = "SELECT name, email, lang FROM users WHERE id = $1 AND state = 'active'";
    const PLACE_EVENT: &str = "INSERT INTO seminar_registration_events (registration_id, at, state, actor, note)
        VALUES ($1, $2, 'removed_by_office', $3, $4)";

    let (office, day, window, reason) = (new.office, new.day, new.window, new.reason);
    let mut ended = Vec::new();
    let mut who: Vec<(i64, DateTime<Utc>, String)> = Vec::new();
    let added = in_tx!(tx, |c| {
        let added = sqlx::query(CLOSURE)
            .bind(office)
            .bind(day)
            .bind(reason)
            .bind(window.map(|w| w.0))
            .bind(window.map(|w| w.1))
            .bind(new.staff)
            .bind(now)
            .execute(&mut *c)
            .await?
            .rows_affected()
            == 1;
        if added {
            bind_cover!(sqlx::query(WITHDRAW), office, day, now, window)
                .execute(&mut *c)
                .await?;
            let cancelled: Vec<(i64, i64, i64)> = bind_cover!(sqlx::query_as(CANCEL), office, day, now, window)
                .bind(actor)
                .fetch_all(&mut *c)
                .await?;
            for (id, slot_id, user_ref) in cancelled {
                sqlx::query(FREE).bind(slot_id).execute(&mut *c).await?;
                sqlx::query(EVENT)
                    .bind(id)
                    .bind(now)
                    .bind(actor)
                    .bind(reason)
                    .execute(&mut *c)
                    .await?;
                let (starts_at,): (DateTime<Utc>,) =
                    sqlx::query_as(SLOT_START).bind(slot_id).fetch_one(&mut *c).await?;
                who.push((user_ref, starts_at, "consultation".into()));
            }
            let seminars: Vec<(i64, String, DateTime<Utc>)> =
                bind_cover!(sqlx::query_as(CANCEL_SEMINARS), office, day, now, window)
                    .fetch_all(&mut *c)
                    .await?;
            for (seminar, title, starts_at) in seminars {
                let places: Vec<(i64, i64)> = sqlx::query_as(END_PLACES)
                    .bind(seminar)
                    .bind(now)
                    .bind(actor)
                    .fetch_all(&mut *c)
                    .await?;
                sqlx::query(EMPTY).bind(seminar).execute(&mut *c).await?;
                for (id, user_ref) in places {
                    sqlx::query(PLACE_EVENT)
                        .bind(id)
                        .bind(now)
                        .bind(actor)
                        .bind(reason)
                        .execute(&mut *c)
                        .await?;
                    who.push((user_ref, starts_at, title.clone()));
                }
            }
            for (user_ref, starts_at, what) in who.drain(..) {
                let user: Option<(String, String, String)> =
                    sqlx::query_as(USER).bind(user_ref).fetch_optional(&mut *c).await?;
                if let Some((name, email, lang)) = user {
                    ended.push(Ended {
                        user_ref,
                        starts_at,
                        what,
                        name,
                        email,
                        lang,
                    });
                }
            }
        }
        added
    });
    Ok(added.then_some(ended))
}
