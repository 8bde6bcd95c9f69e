//! Zoom's signed webhooks (MT-2, BK-11): `POST /webhooks/zoom/{office}`. Every request must
//! carry `x-zm-signature` = `v0=` + hex HMAC-SHA256(webhook secret token,
//! `v0:{x-zm-request-timestamp}:{raw body}`), checked in constant time, with a timestamp
//! within five minutes of the server's clock; otherwise 401 and nothing is recorded.
//! `endpoint.url_validation` is answered with `plainToken` and `encryptedToken` (hex
//! HMAC-SHA256 of the plain token). Other events are taken once (event, meeting, event time:
//! a primary key) and become the reservation's attendance events, the ones the built-in
//! room writes, so the no-show sweeper treats a Zoom join like a room join: the first
//! participant who is not the host is the job seeker joining (`joined_at`, `room_joined`),
//! `participant_left` is `room_left`, `meeting.ended` is `room_ended` (attended if joined).
//! Seminars' attendance stays with staff.

use hmac::{Hmac, Mac};
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::zoom as store;
use sha2::Sha256;

use super::ZoomConfig;
use crate::AppError;

/// How far a webhook's timestamp may be from the server's clock.
pub const TOLERANCE_SECONDS: i64 = 300;
/// The actor written in `reservation_events`.
const ACTOR: &str = "zoom";

/// What the endpoint answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    /// `endpoint.url_validation`: the JSON to send back.
    Validation(serde_json::Value),
    /// An attendance event recorded.
    Recorded,
    /// Signed and well-formed but nothing to record (a replay, another event, an unknown meeting).
    Ignored,
}

/// What arrived: the two headers and the raw body.
pub struct Delivery<'a> {
    pub signature: Option<&'a str>,
    pub timestamp: Option<&'a str>,
    pub body: &'a [u8],
}

fn unsigned() -> AppError {
    AppError::Unauthorized {
        code: "invalid_signature",
        message: "the webhook's signature or timestamp is not valid",
    }
}

/// Lowercase hex of HMAC-SHA256(`key`, `message`).
pub fn sign(key: &str, message: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(message);
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Checks the signature (constant time, `Mac::verify_slice`) and the timestamp.
fn verify(secret: &str, d: &Delivery<'_>, now_seconds: i64) -> Result<(), AppError> {
    let ts = d.timestamp.ok_or_else(unsigned)?;
    let at: i64 = ts.trim().parse().map_err(|_| unsigned())?;
    if (now_seconds - at).abs() > TOLERANCE_SECONDS {
        return Err(unsigned());
    }
    let given = d
        .signature
        .and_then(|s| s.strip_prefix("v0="))
        .and_then(unhex)
        .ok_or_else(unsigned)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|_| unsigned())?;
    mac.update(format!("v0:{ts}:").as_bytes());
    mac.update(d.body);
    mac.verify_slice(&given).map_err(|_| unsigned())
}

fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Receives one webhook for `office`.
pub async fn receive(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    office: &str,
    delivery: &Delivery<'_>,
) -> Result<Received, AppError> {
    let not_set_up = || AppError::NotFound {
        what: format!("Zoom at office {office}"),
    };
    let account = store::account(db, office).await?.ok_or_else(not_set_up)?;
    let keys = config.keys.as_ref().ok_or_else(not_set_up)?;
    let secret = keys.open(&account.webhook_secret).map_err(|_| not_set_up())?;
    let now = clock.now();
    verify(&secret, delivery, now.timestamp())?;
    let json: serde_json::Value = serde_json::from_slice(delivery.body)
        .map_err(|_| AppError::invalid("invalid_input", "body", "the webhook's body is not JSON"))?;
    let event = json["event"].as_str().unwrap_or_default();
    if event == "endpoint.url_validation" {
        let plain = json["payload"]["plainToken"].as_str().unwrap_or_default();
        return Ok(Received::Validation(serde_json::json!({
            "plainToken": plain,
            "encryptedToken": sign(&secret, plain.as_bytes()),
        })));
    }
    let object = &json["payload"]["object"];
    let meeting_id = text_of(&object["id"]);
    let event_ts = json["event_ts"].as_i64().unwrap_or_default();
    let participant = &object["participant"];
    let host_id = text_of(&object["host_id"]);
    let is_host = !host_id.is_empty()
        && [&participant["id"], &participant["user_id"]]
            .iter()
            .any(|v| text_of(v) == host_id);
    let reservation = store::meetings::reservation_of(db, office, &meeting_id).await?;
    let mut tx = db.begin().await?;
    if !store::webhooks::take(&mut tx, office, event, &meeting_id, event_ts, now).await? {
        return Ok(Received::Ignored);
    }
    let recorded = match (event, reservation) {
        ("meeting.participant_joined", Some(id)) if !is_host => {
            madoguchi_store::room::joined_in(&mut tx, id, ACTOR, now).await?;
            true
        }
        ("meeting.participant_left", Some(id)) if !is_host => {
            madoguchi_store::room::event_in(&mut tx, id, "room_left", ACTOR, now).await?;
            true
        }
        ("meeting.ended", Some(id)) => {
            madoguchi_store::room::end_in(&mut tx, id, ACTOR, now).await?;
            true
        }
        _ => false,
    };
    tx.commit().await?;
    Ok(if recorded {
        Received::Recorded
    } else {
        Received::Ignored
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_follow_zoom() {
        // HMAC-SHA256 test vector (RFC 4231 case 2).
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let body = br#"{"event":"x"}"#;
        let good = format!("v0={}", sign("s", b"v0:1000:{\"event\":\"x\"}"));
        let d = |sig: &'static str, ts: &'static str, body: &'static [u8]| (sig, ts, body);
        let ok = Delivery {
            signature: Some(&good),
            timestamp: Some("1000"),
            body,
        };
        assert!(verify("s", &ok, 1000).is_ok());
        assert!(verify("s", &ok, 1300).is_ok());
        assert!(verify("s", &ok, 1301).is_err(), "more than five minutes off");
        assert!(verify("t", &ok, 1000).is_err(), "another secret");
        let (_, _, changed) = d("", "1000", br#"{"event":"y"}"#);
        assert!(verify("s", &Delivery { body: changed, ..ok }, 1000).is_err());
        let ok = Delivery {
            signature: Some(&good),
            timestamp: Some("1000"),
            body,
        };
        assert!(verify("s", &Delivery { timestamp: None, ..ok }, 1000).is_err());
        assert!(
            verify(
                "s",
                &Delivery {
                    signature: Some("v0=zz"),
                    timestamp: Some("1000"),
                    body
                },
                1000
            )
            .is_err()
        );
    }
}
