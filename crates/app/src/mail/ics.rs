//! Calendar files (rule NO-4): attached to the mail about a booking, a move (BK-17) and a
//! cancellation, and downloaded from the site. Times in UTC, no meeting secrets (BK-9),
//! RFC 5545 folding and escaping by the icalendar crate. One UID per reservation (or per
//! person and seminar) for its whole life; SEQUENCE rises with each change, so a calendar
//! replaces what it holds; a cancellation is `METHOD:CANCEL` with `STATUS:CANCELLED`.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Trigger};

/// The product that writes the files (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Madoguchi//Online Hello Work Counter 1.0//JA";

/// When the reminders ring, before the start: a day, and half an hour (RFC 5545 durations).
pub const ALARMS: [&str; 2] = ["-P1D", "-PT30M"];

/// What one calendar entry says.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub uid: &'a str,
    pub sequence: u32,
    pub summary: &'a str,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    /// The office and the meeting app (never a meeting ID or link).
    pub location: &'a str,
    pub description: &'a str,
    /// Where the person sees it on My Page (an absolute URL), when the site is known.
    pub url: Option<&'a str>,
    /// When the file was written (`DTSTAMP`): the clock's now.
    pub stamp: DateTime<Utc>,
    /// The reminders' text.
    pub alarm: &'a str,
}

/// The entry as a calendar to add or update (`METHOD:PUBLISH`), with its reminders.
pub fn publish(e: &Entry<'_>) -> String {
    write(e, "PUBLISH", EventStatus::Confirmed)
}

/// The entry withdrawn (`METHOD:CANCEL`, `STATUS:CANCELLED`); same UID, higher SEQUENCE.
pub fn cancel(e: &Entry<'_>) -> String {
    write(e, "CANCEL", EventStatus::Cancelled)
}

/// The MIME type an attachment of this method carries.
pub fn content_type(method: &str) -> String {
    format!("text/calendar; charset=utf-8; method={method}")
}

fn write(e: &Entry<'_>, method: &str, status: EventStatus) -> String {
    let mut event = Event::new();
    event
        .uid(e.uid)
        .sequence(e.sequence)
        .timestamp(e.stamp)
        .summary(e.summary)
        .description(e.description)
        .location(e.location)
        .starts(e.starts)
        .ends(e.ends)
        .status(status);
    if let Some(url) = e.url {
        event.url(url);
    }
    if method == "PUBLISH" {
        for (n, before) in ALARMS.into_iter().enumerate() {
            let mut alarm = Alarm::display(e.alarm, Trigger::before_start(Duration::zero()));
            // A plain trigger relative to the start, and a fixed UID (RFC 9074): the crate
            // would otherwise write a random one.
            alarm
                .append_property(("TRIGGER", before))
                .append_property(("UID", format!("{}-alarm-{}", e.uid, n + 1).as_str()))
                .timestamp(e.stamp);
            event.alarm(alarm);
        }
    }
    let text = Calendar::empty()
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method))
        .push(event.done())
        .done()
        .to_string();
    without_alarm_stamps(&text)
}

/// The crate stamps every component; RFC 5545 gives an alarm no DTSTAMP, so it goes.
fn without_alarm_stamps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_alarm = false;
    for line in text.split_inclusive("\r\n") {
        match line.trim_end() {
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            l if in_alarm && l.starts_with("DTSTAMP:") => continue,
            _ => {}
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn entry(url: Option<&str>) -> Entry<'_> {
        let s = Utc.with_ymd_and_hms(2026, 12, 3, 1, 0, 0).unwrap();
        Entry {
            uid: "r-abc@madoguchi",
            sequence: 2,
            summary: "オンライン職業相談",
            starts: s,
            ends: s + Duration::minutes(30),
            location: "灘公共職業安定所三宮分室（Zoom）",
            description: "接続情報はマイページで",
            url,
            stamp: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
            alarm: "まもなくオンライン職業相談です",
        }
    }

    // rules NO-4, BK-9: UTC times, the product's PRODID, the reminders, nothing secret.
    #[test]
    fn a_published_entry_in_utc_with_reminders_and_no_secrets() {
        let ics = publish(&entry(Some("https://m.example/me/reservations/7")));
        for line in [
            "PRODID:-//Madoguchi//Online Hello Work Counter 1.0//JA",
            "METHOD:PUBLISH",
            "DTSTART:20261203T010000Z",
            "DTEND:20261203T013000Z",
            "DTSTAMP:20261201T000000Z",
            "UID:r-abc@madoguchi",
            "SEQUENCE:2",
            "STATUS:CONFIRMED",
            "URL:https://m.example/me/reservations/7",
            "LOCATION:灘公共職業安定所三宮分室（Zoom）",
        ] {
            assert!(ics.contains(&format!("{line}\r\n")), "{line} in {ics}");
        }
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 2, "{ics}");
        for line in [
            "TRIGGER:-P1D",
            "TRIGGER:-PT30M",
            "UID:r-abc@madoguchi-alarm-1",
            "ACTION:DISPLAY",
        ] {
            assert!(ics.contains(&format!("{line}\r\n")), "{line} in {ics}");
        }
        assert_eq!(ics.matches("DTSTAMP:").count(), 1, "only the event's: {ics}");
        assert!(!ics.to_ascii_lowercase().contains("passcode") && !ics.contains("zoom.us"));
    }

    // rule NO-4: a cancellation keeps the UID, says CANCEL and CANCELLED, and rings nothing.
    #[test]
    fn a_cancellation_keeps_the_uid() {
        let ics = cancel(&Entry {
            sequence: 3,
            ..entry(None)
        });
        for line in ["METHOD:CANCEL", "STATUS:CANCELLED", "UID:r-abc@madoguchi", "SEQUENCE:3"] {
            assert!(ics.contains(&format!("{line}\r\n")), "{line} in {ics}");
        }
        assert!(!ics.contains("VALARM") && !ics.contains("URL:"), "{ics}");
    }
}
