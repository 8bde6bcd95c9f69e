//! Mail waiting to be sent (the outbox, NO-3) and the My Page inbox.

pub mod inbox;
pub mod outbox;
