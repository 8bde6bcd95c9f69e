//! Pages for an employer, who has no account (issue 18): reached only through a link the
//! office mailed to the employer's contact. `selection`: the day's list of a 管理選考.

pub mod selection;
