//! Consultations: slots and their templates, booking and requests, the day's schedule,
//! no-shows (BK-1…BK-16).

pub mod booking;
pub mod no_show;
pub mod requests;
pub mod schedule;
pub mod slots;
pub mod templates;
pub mod week;
