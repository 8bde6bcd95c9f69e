//! Madoguchi's domain: types and rules only. No I/O, no async, no wall clock
//! except inside `clock` (rule TM-4).

pub mod area;
pub mod booking;
pub mod calendar;
pub mod characters;
pub mod clock;
pub mod dates;
pub mod email;
pub mod interview;
pub mod job_seeker;
pub mod next_path;
pub mod numbers;
pub mod office;
pub mod password;
pub mod residence;
pub mod room;
pub mod room_key;
pub mod selection;
pub mod staff;
pub mod stats;
pub mod token_bucket;
pub mod totp;
pub mod usage;
pub mod user_id;
