//! Which built-in room (MT-3, IV-3): a consultation's, named by its reservation (`/rooms/42`),
//! or an interview's, named `i` and the interview (`/rooms/i7`). Both share the waiting
//! room, the signalling, TURN and the grace period; they differ in who may sit where.

use std::fmt;

use crate::room::{MAX_PARTICIPANTS, Role};

/// IV-3: job seeker, a companion, a counsellor and two employer representatives.
pub const MAX_INTERVIEW_PARTICIPANTS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoomKey {
    Consultation(i64),
    Interview(i64),
}

impl RoomKey {
    /// `42` or `i7`; anything else (signs, spaces, `i`) is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let (make, digits): (fn(i64) -> Self, &str) = match s.strip_prefix('i') {
            Some(rest) => (Self::Interview, rest),
            None => (Self::Consultation, s),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(make)
    }

    /// The reservation's or the interview's id.
    pub fn id(self) -> i64 {
        match self {
            Self::Consultation(id) | Self::Interview(id) => id,
        }
    }

    /// The seats of this kind of room: one connection per role.
    pub fn seats(self) -> &'static [Role] {
        match self {
            Self::Consultation(_) => &[Role::Seeker, Role::Counsellor, Role::Companion],
            Self::Interview(_) => &[
                Role::Seeker,
                Role::Companion,
                Role::Counsellor,
                Role::Employer1,
                Role::Employer2,
            ],
        }
    }

    /// MT-3 and IV-3: at most three in a consultation, five in an interview.
    pub fn max_participants(self) -> usize {
        match self {
            Self::Consultation(_) => MAX_PARTICIPANTS,
            Self::Interview(_) => MAX_INTERVIEW_PARTICIPANTS,
        }
    }

    /// Whether `role` has a seat in this room.
    pub fn seats_role(self, role: Role) -> bool {
        self.seats().contains(&role)
    }
}

impl fmt::Display for RoomKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Consultation(id) => write!(f, "{id}"),
            Self::Interview(id) => write!(f, "i{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in [RoomKey::Consultation(42), RoomKey::Interview(7)] {
            assert_eq!(RoomKey::parse(&k.to_string()), Some(k));
        }
        for bad in ["", "i", "i-1", "+4", "i+4", " 4", "x4", "4i", "ii4"] {
            assert_eq!(RoomKey::parse(bad), None, "{bad}");
        }
    }

    // IV-3: five seats in an interview room (one per role), three in a consultation's (MT-3).
    #[test]
    fn an_interview_room_seats_five() {
        let i = RoomKey::Interview(1);
        assert_eq!(i.seats().len(), i.max_participants());
        assert_eq!(i.max_participants(), 5);
        assert!(i.seats_role(Role::Employer2));
        let c = RoomKey::Consultation(1);
        assert_eq!(c.seats().len(), 3);
        assert!(!c.seats_role(Role::Employer1));
    }
}
