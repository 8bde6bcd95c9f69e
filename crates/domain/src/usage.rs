//! The usage record's rules (PV-1, PV-2, PV-3): what an entry holds, how entries are chained
//! by hash so that an edit, a deletion, an insertion or a reordering shows, and the only
//! form in which a device may appear on a staff screen ("mobile" or "desktop").
//!
//! Each writer (one `serve` process) keeps its own chain per JST day, so replicas never
//! contend for one "previous entry", and a day's chains can be purged whole after the
//! retention period without breaking the chains that remain.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

/// Who made the request. `Visitor` is someone not signed in (a failed sign-in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    User(i64),
    Staff(i64),
    Visitor,
}

impl Actor {
    pub fn kind(self) -> &'static str {
        match self {
            Self::User(_) => "user",
            Self::Staff(_) => "staff",
            Self::Visitor => "visitor",
        }
    }

    pub fn reference(self) -> Option<i64> {
        match self {
            Self::User(id) | Self::Staff(id) => Some(id),
            Self::Visitor => None,
        }
    }

    pub fn from_parts(kind: &str, reference: Option<i64>) -> Option<Self> {
        match (kind, reference) {
            ("user", Some(id)) => Some(Self::User(id)),
            ("staff", Some(id)) => Some(Self::Staff(id)),
            ("visitor", None) => Some(Self::Visitor),
            _ => None,
        }
    }
}

/// One entry's content, everything the hash covers except the link itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub chain: String,
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    /// A route name (`POST /api/v1/reservations`) or an event (`sign_in_failed`), never a
    /// raw URL with its query.
    pub action: String,
    /// The HTTP status of the response.
    pub outcome: i32,
    pub client_addr: String,
    pub user_agent: String,
}

/// Longest user agent kept; longer ones are cut so a client cannot bloat the record.
pub const MAX_USER_AGENT: usize = 512;

/// Times are kept to the microsecond, which both backends store exactly.
pub fn stored_time(at: DateTime<Utc>) -> DateTime<Utc> {
    let micros = at.timestamp_micros();
    DateTime::from_timestamp_micros(micros).unwrap_or(at)
}

/// The "previous hash" of a chain's first entry: bound to the chain's name, so a chain
/// cannot be passed off as another.
pub fn genesis(chain: &str) -> String {
    hex(&Sha256::digest(format!("madoguchi-usage-genesis\n{chain}").as_bytes()))
}

/// The hash of `entry` linked to `prev`. Every field is length-prefixed, so no two
/// different entries share an input.
pub fn link(prev: &str, entry: &Entry) -> String {
    let at = stored_time(entry.at).to_rfc3339_opts(SecondsFormat::Micros, true);
    let seq = entry.seq.to_string();
    let actor_ref = entry.actor.reference().map(|r| r.to_string()).unwrap_or_default();
    let outcome = entry.outcome.to_string();
    let fields: [&str; 10] = [
        prev,
        &entry.chain,
        &seq,
        &at,
        entry.actor.kind(),
        &actor_ref,
        &entry.action,
        &outcome,
        &entry.client_addr,
        &entry.user_agent,
    ];
    let mut h = Sha256::new();
    for f in fields {
        h.update(f.len().to_string().as_bytes());
        h.update(b":");
        h.update(f.as_bytes());
        h.update(b";");
    }
    hex(&h.finalize())
}

/// Lowercase hex, as hashes and chain names are written.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An entry as stored: its content, the link it claims and its row id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub entry: Entry,
    pub prev_hash: String,
    pub hash: String,
}

/// The first thing wrong with a chain (PV-3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The entry's content no longer matches its hash: it was edited.
    Edited { chain: String, seq: i64 },
    /// The entry does not follow the one before it: something was inserted, deleted or
    /// moved before it.
    BrokenLink { chain: String, seq: i64 },
    /// A number is missing between two entries.
    Missing { chain: String, expected: i64, found: i64 },
    /// Rows were stored in another order than their chain order.
    Reordered { chain: String, seq: i64 },
    /// The chain ends before (or goes past) its recorded head: entries were removed from
    /// (or added to) its end.
    Head {
        chain: String,
        head_seq: i64,
        last_seq: i64,
    },
    /// Entries name a chain that is not in the list of chains.
    Orphan { chain: String },
    /// The chain's day no longer matches its name (which would let the purge take it early).
    Relabelled { chain: String },
    /// A head copied elsewhere names a chain that is gone before its retention ended.
    Vanished { chain: String },
    /// A head copied elsewhere no longer matches the entry at that number.
    Rewritten { chain: String, seq: i64 },
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Edited { chain, seq } => write!(f, "{chain} #{seq}: the entry was changed after it was written"),
            Self::BrokenLink { chain, seq } => write!(
                f,
                "{chain} #{seq}: the link to the previous entry is broken (an entry was inserted, deleted or moved)"
            ),
            Self::Missing { chain, expected, found } => {
                write!(
                    f,
                    "{chain}: entry #{expected} is missing (the next one found is #{found})"
                )
            }
            Self::Reordered { chain, seq } => write!(f, "{chain} #{seq}: entries are stored out of order"),
            Self::Head {
                chain,
                head_seq,
                last_seq,
            } => write!(
                f,
                "{chain}: the chain's head says #{head_seq} but its last entry is #{last_seq} (entries removed or added at its end)"
            ),
            Self::Orphan { chain } => write!(f, "{chain}: entries belong to a chain that is not recorded"),
            Self::Relabelled { chain } => write!(f, "{chain}: the chain's day was changed"),
            Self::Vanished { chain } => write!(f, "{chain}: the chain is gone before the end of its retention"),
            Self::Rewritten { chain, seq } => {
                write!(
                    f,
                    "{chain} #{seq}: the entry differs from the head copied earlier (the chain was rewritten)"
                )
            }
        }
    }
}

/// Walks one chain segment in seq order. `state` carries the previous entry between pages
/// of a long chain: `(seq, hash, row id)`, starting from `start(chain)`.
pub fn check_segment(state: &mut (i64, String, i64), rows: &[Stored]) -> Result<(), Break> {
    for row in rows {
        let e = &row.entry;
        let chain = e.chain.clone();
        if e.seq != state.0 + 1 {
            return Err(Break::Missing {
                chain,
                expected: state.0 + 1,
                found: e.seq,
            });
        }
        if link(&row.prev_hash, e) != row.hash {
            return Err(Break::Edited { chain, seq: e.seq });
        }
        if row.prev_hash != state.1 {
            return Err(Break::BrokenLink { chain, seq: e.seq });
        }
        if row.id <= state.2 {
            return Err(Break::Reordered { chain, seq: e.seq });
        }
        *state = (e.seq, row.hash.clone(), row.id);
    }
    Ok(())
}

/// The walking state before a chain's first entry.
pub fn start(chain: &str) -> (i64, String, i64) {
    (0, genesis(chain), i64::MIN)
}

/// After the last page: the chain must end exactly at its recorded head.
pub fn check_head(chain: &str, state: &(i64, String, i64), head_seq: i64, head_hash: &str) -> Result<(), Break> {
    if state.0 != head_seq || (head_seq > 0 && state.1 != head_hash) {
        return Err(Break::Head {
            chain: chain.to_owned(),
            head_seq,
            last_seq: state.0,
        });
    }
    Ok(())
}

/// PV-2: the most a staff screen may say about a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceClass {
    Mobile,
    Desktop,
}

pub fn device_class(user_agent: &str) -> DeviceClass {
    let ua = user_agent.to_ascii_lowercase();
    let mobile = ["mobile", "android", "iphone", "ipad", "ipod"]
        .iter()
        .any(|m| ua.contains(m));
    if mobile {
        DeviceClass::Mobile
    } else {
        DeviceClass::Desktop
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn chain(n: i64) -> Vec<Stored> {
        let mut prev = genesis("2026-11-27/a");
        (1..=n)
            .map(|seq| {
                let entry = Entry {
                    chain: "2026-11-27/a".into(),
                    seq,
                    at: Utc.with_ymd_and_hms(2026, 11, 27, 1, 0, seq as u32).unwrap(),
                    actor: Actor::User(7),
                    action: "GET /me".into(),
                    outcome: 200,
                    client_addr: "192.0.2.1".into(),
                    user_agent: "Mozilla/5.0".into(),
                };
                let hash = link(&prev, &entry);
                let row = Stored {
                    id: seq * 10,
                    entry,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    fn verify(rows: &[Stored], head: i64) -> Result<(), Break> {
        let mut s = start("2026-11-27/a");
        check_segment(&mut s, rows)?;
        let head_hash = rows
            .iter()
            .find(|r| r.entry.seq == head)
            .map(|r| r.hash.clone())
            .unwrap_or_default();
        check_head("2026-11-27/a", &s, head, &head_hash)
    }

    // rule PV-3: an intact chain verifies; each kind of tampering is named.
    #[test]
    fn pv3_chain_catches_each_tampering() {
        let rows = chain(5);
        assert_eq!(verify(&rows, 5), Ok(()));

        let mut edited = rows.clone();
        edited[2].entry.client_addr = "198.51.100.9".into();
        assert!(matches!(verify(&edited, 5), Err(Break::Edited { seq: 3, .. })));

        let mut deleted = rows.clone();
        deleted.remove(2);
        assert!(matches!(
            verify(&deleted, 5),
            Err(Break::Missing {
                expected: 3,
                found: 4,
                ..
            })
        ));

        let mut tail = rows.clone();
        tail.pop();
        assert!(matches!(
            verify(&tail, 5),
            Err(Break::Head {
                head_seq: 5,
                last_seq: 4,
                ..
            })
        ));

        let mut swapped = rows.clone();
        swapped.swap(1, 2);
        (swapped[1].id, swapped[2].id) = (swapped[2].id, swapped[1].id);
        assert!(matches!(verify(&swapped, 5), Err(Break::Missing { .. })));

        let mut renumbered = rows.clone();
        renumbered[1].entry.seq = 3;
        renumbered[2].entry.seq = 2;
        renumbered.swap(1, 2);
        assert!(verify(&renumbered, 5).is_err());

        let mut stored_out_of_order = rows.clone();
        stored_out_of_order[3].id = 1;
        assert!(matches!(
            verify(&stored_out_of_order, 5),
            Err(Break::Reordered { seq: 4, .. })
        ));
    }

    // rule PV-2: staff screens learn only the device class.
    #[test]
    fn pv2_device_class_only() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
        assert_eq!(device_class(iphone), DeviceClass::Mobile);
        assert_eq!(
            device_class("Mozilla/5.0 (X11; Linux x86_64) Chrome/126"),
            DeviceClass::Desktop
        );
    }
}
