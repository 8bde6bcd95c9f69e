//! The job seeker's pages: registration and sign-in, a forgotten password, My Page and its
//! forms (password, deletion, locking, eligibility, one's office), an office's week of times,
//! booking or requesting, one reservation (its confirmation, the change of time), and
//! preparing for a consultation.

pub mod account;
pub mod booking;
pub mod eligibility;
pub mod interviews;
pub mod language;
pub mod me;
pub mod my_office;
pub mod my_page;
pub mod password;
pub mod prepare;
pub mod requests;
pub mod reservation;
pub mod selection;
pub mod week;
