//! The built-in consultation room (rules MT-3, BK-11, BK-14, BK-15): when a room is open,
//! who may be in it, and the short-lived TURN credentials minted per join. Pure: time is a
//! parameter.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};

/// MT-3: a room opens this long before the consultation starts.
pub const OPENS_BEFORE_MINUTES: i64 = 10;
/// MT-3: at most three people: the job seeker, a counsellor and one declared companion.
pub const MAX_PARTICIPANTS: usize = 3;
/// A chat line is at most this many characters (the chat is never stored, BK-15).
pub const MAX_CHAT_CHARS: usize = 1000;
/// MT-3: the longest grace period an office may set after a slot's end, in minutes (the
/// schema's CHECK says the same).
pub const MAX_GRACE_MINUTES: u32 = 60;

/// MT-3: the grace period an office admin typed, in whole minutes from 0 to 60; full-width
/// digits read as half-width (a Japanese keyboard in kana mode). `None` for anything else.
pub fn grace_minutes(typed: &str) -> Option<u32> {
    let digits = crate::numbers::half_width(typed);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 3 {
        return None;
    }
    digits.parse().ok().filter(|m| *m <= MAX_GRACE_MINUTES)
}

/// MT-3: the office's grace period if it set one (and it is within the rule), else the
/// configured default.
pub fn grace(office_minutes: Option<i64>, default: Duration) -> Duration {
    match office_minutes {
        Some(m) if (0..=i64::from(MAX_GRACE_MINUTES)).contains(&m) => Duration::minutes(m),
        _ => default,
    }
}

/// Who is in a room. Each role has one seat; a second connection of a role replaces the
/// first (a re-join after a network drop), so a consultation room never holds more than
/// three and an interview room (IV-3, with its two employer seats) never more than five.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Seeker,
    Counsellor,
    Companion,
    /// IV-3: the employer representative of seat 1 or 2 of an interview.
    Employer1,
    Employer2,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Seeker => "seeker",
            Self::Counsellor => "counsellor",
            Self::Companion => "companion",
            Self::Employer1 => "employer1",
            Self::Employer2 => "employer2",
        }
    }

    /// IV-3: the seat of an employer's link (1 or 2).
    pub fn employer(seat: i32) -> Option<Self> {
        match seat {
            1 => Some(Self::Employer1),
            2 => Some(Self::Employer2),
            _ => None,
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "seeker" => Self::Seeker,
            "counsellor" => Self::Counsellor,
            "companion" => Self::Companion,
            "employer1" => Self::Employer1,
            "employer2" => Self::Employer2,
            _ => return None,
        })
    }

    /// Only the counsellor admits others; the counsellor needs no admission.
    pub fn admits(self) -> bool {
        self == Self::Counsellor
    }
}

/// Where a room stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// More than ten minutes before the start.
    NotOpen {
        opens: DateTime<Utc>,
    },
    Open {
        closes: DateTime<Utc>,
    },
    /// After the end plus the office's grace period.
    Closed,
}

/// MT-3: open from ten minutes before `starts_at` until `ends_at` plus `grace`.
pub fn phase(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, grace: Duration, now: DateTime<Utc>) -> Phase {
    let opens = starts_at - Duration::minutes(OPENS_BEFORE_MINUTES);
    let closes = ends_at + grace;
    if now < opens {
        Phase::NotOpen { opens }
    } else if now < closes {
        Phase::Open { closes }
    } else {
        Phase::Closed
    }
}

/// A TURN credential in coturn's `use-auth-secret` scheme (the "TURN REST API"): the user
/// name is `expiry:subject` and the password `base64(HMAC-SHA1(secret, username))`, so the
/// TURN server checks it with the shared secret alone and refuses it after `expires`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnCredential {
    pub username: String,
    pub password: String,
    pub expires: DateTime<Utc>,
}

pub fn turn_credential(secret: &str, subject: &str, expires: DateTime<Utc>) -> TurnCredential {
    let username = format!("{}:{subject}", expires.timestamp());
    let password = match <Hmac<sha1::Sha1> as Mac>::new_from_slice(secret.as_bytes()) {
        Ok(mut m) => {
            m.update(username.as_bytes());
            STANDARD.encode(m.finalize().into_bytes())
        }
        // HMAC takes a key of any length; this arm cannot be reached.
        Err(_) => String::new(),
    };
    TurnCredential {
        username,
        password,
        expires,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 5, h, m, 0).unwrap()
    }

    // Rule MT-3: ten minutes before the start until the end plus the grace period.
    #[test]
    fn a_room_is_open_from_ten_minutes_before_until_the_end_and_grace() {
        let (start, end, grace) = (t(1, 0), t(1, 30), Duration::minutes(15));
        assert_eq!(phase(start, end, grace, t(0, 49)), Phase::NotOpen { opens: t(0, 50) });
        assert_eq!(phase(start, end, grace, t(0, 50)), Phase::Open { closes: t(1, 45) });
        assert_eq!(phase(start, end, grace, t(1, 44)), Phase::Open { closes: t(1, 45) });
        assert_eq!(phase(start, end, grace, t(1, 45)), Phase::Closed);
    }

    // Rule MT-3: coturn's shared-secret scheme; the value is what Python's hmac computes.
    #[test]
    fn turn_credentials_follow_coturns_shared_secret_scheme() {
        let expires = Utc.timestamp_opt(1_767_225_600, 0).unwrap();
        let c = turn_credential("north-wind", "r42", expires);
        assert_eq!(c.username, "1767225600:r42");
        assert_eq!(c.password, "C1t/oSE2fnrmBynSlOiNtcs0lvM=");
        assert_ne!(turn_credential("other", "r42", expires).password, c.password);
    }

    // Rule MT-3: an office sets 0 to 60 minutes; full-width digits count, nothing else does.
    #[test]
    fn an_office_grace_period_is_zero_to_sixty_minutes() {
        assert_eq!(grace_minutes("0"), Some(0));
        assert_eq!(grace_minutes(" 30 "), Some(30));
        assert_eq!(grace_minutes("６０"), Some(60));
        for bad in ["", "61", "-1", "1.5", "十五", "15分", "0060x", "1000"] {
            assert_eq!(grace_minutes(bad), None, "{bad}");
        }
        let default = Duration::minutes(15);
        assert_eq!(grace(None, default), default);
        assert_eq!(grace(Some(0), default), Duration::zero());
        assert_eq!(grace(Some(30), default), Duration::minutes(30));
        assert_eq!(grace(Some(61), default), default, "out of the rule: the default");
    }

    // Rule MT-3 with the office's grace 0: the room closes at the slot's end.
    #[test]
    fn with_no_grace_the_room_closes_at_the_end() {
        let (start, end) = (t(1, 0), t(1, 30));
        assert_eq!(
            phase(start, end, Duration::zero(), t(1, 29)),
            Phase::Open { closes: t(1, 30) }
        );
        assert_eq!(phase(start, end, Duration::zero(), t(1, 30)), Phase::Closed);
    }

    #[test]
    fn roles_round_trip() {
        for r in [
            Role::Seeker,
            Role::Counsellor,
            Role::Companion,
            Role::Employer1,
            Role::Employer2,
        ] {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
        assert!(Role::Counsellor.admits() && !Role::Seeker.admits());
    }
}
