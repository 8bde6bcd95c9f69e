//! What the consultations' and the seminars' meetings share (MT-2): the retry rules, a
//! round's report, the passcode, and a call to Zoom with the cached access token (a 401 on a
//! cached token gets one fresh token and one more try).

use chrono::{DateTime, Duration, Utc};
use hyper::Method;
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::zoom::{self as store, ZoomAccount};

use super::ZoomConfig;
use super::client::{self, Answer, CallError};
use crate::AppError;

/// Attempts before the counsellor is sent to hand entry (back-off 30 s doubling to 30 min:
/// about an hour and a half in all).
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a round's claim on a row lasts.
pub(super) const CLAIM: i64 = 120;
/// What a round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RoundReport {
    pub created: usize,
    pub patched: usize,
    pub deleted: usize,
    pub retried: usize,
    pub gave_up: usize,
}

/// The wait before attempt `attempts + 1` after a failure.
pub fn backoff(attempts: i32) -> Duration {
    let shift = attempts.clamp(1, 7) - 1;
    Duration::seconds((30_i64 << shift).min(1800))
}

/// A random passcode of 10 letters and digits (Zoom's maximum length).
pub(super) fn passcode() -> Result<String, AppError> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0_u8; 10];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Random(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// The meeting ID in Zoom's answer to a create ("" when it has none).
pub(super) fn meeting_id(json: &serde_json::Value) -> String {
    match &json["id"] {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

/// A meeting Zoom created that was not recorded here (the database refused the write, the
/// answer was unusable, or another round recorded one first) is deleted again at once: the
/// next round creates the one that is kept, and no meeting is left that nobody knows of.
/// If even that fails the operator finds its ID in the log (an ID is not a secret).
pub(super) async fn undo_create(db: &Db, clock: &dyn Clock, config: &ZoomConfig, account: &ZoomAccount, id: &str) {
    if id.is_empty() {
        return;
    }
    let url = format!("{}/v2/meetings/{id}", config.api_base.trim_end_matches('/'));
    match call_with_token(db, clock, config, account, Method::DELETE, &url, None).await {
        Ok(a) if matches!(a.status, 200 | 204 | 404) => {}
        outcome => {
            let reason = match outcome {
                Ok(a) => format!("http {}", a.status),
                Err(e) => e.to_string(),
            };
            tracing::warn!(meeting = id, reason = %reason, "zoom meeting created but not recorded; delete it in Zoom");
        }
    }
}

/// The call with the cached token; a 401 on a cached token gets one fresh token and one
/// more try.
pub(super) async fn call_with_token(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    account: &ZoomAccount,
    method: Method,
    url: &str,
    body: Option<&serde_json::Value>,
) -> Result<Answer, CallError> {
    let (token, cached) = match cached_token(config, account, clock.now()) {
        Some(t) => (t, true),
        None => match fresh_token(db, clock, config, account).await? {
            Ok(t) => (t, false),
            Err(a) => return Ok(a),
        },
    };
    let answer = client::call(method.clone(), url, &format!("Bearer {token}"), body, config.timeout).await?;
    if answer.status != 401 || !cached {
        return Ok(answer);
    }
    let _ = store::set_token(db, &account.office_code, None).await;
    match fresh_token(db, clock, config, account).await? {
        Ok(t) => client::call(method, url, &format!("Bearer {t}"), body, config.timeout).await,
        Err(a) => Ok(a),
    }
}

fn cached_token(config: &ZoomConfig, account: &ZoomAccount, now: DateTime<Utc>) -> Option<String> {
    let keys = config.keys.as_ref()?;
    let expires = account.token_expires_at?;
    if expires <= now + Duration::seconds(60) {
        return None;
    }
    keys.open(account.access_token.as_deref()?).ok()
}

/// A new token from Zoom (cached sealed until it expires), or Zoom's refusal as the answer.
async fn fresh_token(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    account: &ZoomAccount,
) -> Result<Result<String, Answer>, CallError> {
    let keys = config.keys.as_ref().ok_or(CallError::BadUrl)?;
    let secret = keys.open(&account.client_secret).map_err(|_| CallError::BadUrl)?;
    let url = format!(
        "{}/oauth/token?grant_type=account_credentials&account_id={}",
        config.oauth_base.trim_end_matches('/'),
        account.account_id
    );
    let a = client::call(
        Method::POST,
        &url,
        &client::basic(&account.client_id, &secret),
        None,
        config.timeout,
    )
    .await?;
    if a.status != 200 {
        return Ok(Err(a));
    }
    let json: serde_json::Value = serde_json::from_slice(&a.body).unwrap_or_default();
    let (Some(token), Some(expires_in)) = (json["access_token"].as_str(), json["expires_in"].as_i64()) else {
        return Ok(Err(Answer { status: 502, ..a }));
    };
    if let Ok(sealed) = keys.seal(token) {
        let until = clock.now() + Duration::seconds(expires_in);
        let _ = store::set_token(db, &account.office_code, Some((&sealed, until))).await;
    }
    Ok(Ok(token.to_owned()))
}
