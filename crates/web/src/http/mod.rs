//! What every request passes through or every handler shares: the accept loop and its
//! limits, the visitor (session, CSRF, the API's origin guard) and its cookie, the usage
//! record's middleware, security headers, problem documents, health and metrics, the
//! maintenance guard, page rendering and its frame, form helpers, and the gates shown
//! before a booking form. Imports nothing from the audience folders.

pub mod cookies;
pub mod forms;
pub mod gates;
pub mod headers;
pub mod health;
pub mod maintenance;
pub mod page;
pub mod problem;
pub mod refusal;
pub mod ruby;
pub mod translated;
pub mod usage;
pub mod visitor;
