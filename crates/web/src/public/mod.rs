//! Pages anyone may read, signed in or not: the top page and offices, the office finder,
//! notices (also as Atom and JSON), seminars and their registration, terms, the privacy
//! notice.

pub mod browse;
pub mod employer;
pub mod finder;
pub mod notices;
pub mod privacy;
pub mod seminars;
pub mod terms;
