//! The job seeker's pages: registration and sign-in, My Page and its forms (password,
//! deletion, locking, eligibility, one's office), an office's week of times, booking or
//! requesting, and preparing for a consultation.

pub mod account;
pub mod booking;
pub mod eligibility;
pub mod lock;
pub mod me;
pub mod my_office;
pub mod my_page;
pub mod prepare;
pub mod requests;
pub mod week;
