//! Mail waiting to be sent (the outbox, NO-3), the My Page inbox, and what calendar files
//! need to know.

pub mod calendar;
pub mod inbox;
pub mod outbox;
