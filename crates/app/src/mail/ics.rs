//! The calendar file attached to a confirmation (rule NO-4): times in UTC, no meeting
//! secrets, RFC 5545 folding and escaping by the icalendar crate.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// An `.ics` for a consultation. `uid` must be stable for the same reservation.
pub fn consultation(uid: &str, summary: &str, starts: DateTime<Utc>, ends: DateTime<Utc>, note: &str) -> String {
    let event = Event::new()
        .uid(uid)
        .summary(summary)
        .description(note)
        .starts(starts)
        .ends(ends)
        .done();
    Calendar::new().name("Madoguchi").push(event).done().to_string()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    // rule NO-4: UTC times, and nothing but what the user may see in an email.
    #[test]
    fn ics_in_utc_without_secrets() {
        let s = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        let ics = consultation(
            "slot-1-user-2@madoguchi",
            "オンライン職業相談",
            s,
            s + chrono::Duration::minutes(30),
            "接続情報はマイページで",
        );
        assert!(ics.contains("DTSTART:20261203T010000Z"), "{ics}");
        assert!(ics.contains("DTEND:20261203T013000Z"));
        assert!(ics.contains("UID:slot-1-user-2@madoguchi"));
        assert!(!ics.to_ascii_lowercase().contains("passcode") && !ics.contains("zoom.us"));
    }
}
