//! What several use cases share and none of them owns: the error type, a field's problem
//! and the free-text check, the signed-in staff member, the site's address, random tokens, outcome counters.
//! Imports nothing else of this crate.

pub mod codes;
pub mod error;
pub mod fields;
pub mod locales;
pub mod outcomes;
pub mod secrets;
pub mod site;
pub mod staff_member;

pub use fields::FieldProblem;
pub use site::Site;
pub use staff_member::StaffMember;
