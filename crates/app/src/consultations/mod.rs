//! Consultations: slots and their templates, booking and requests, moving a booking to
//! another time (BK-17), what the person is told (`tell`), the day's schedule, no-shows
//! (BK-1…BK-17).

pub mod booking;
pub mod no_show;
pub mod requests;
pub mod reschedule;
pub mod schedule;
pub mod slots;
pub mod tell;
pub mod templates;
pub mod week;
