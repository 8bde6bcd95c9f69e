//! The job-seeker registration a booking needs (rule AC-11): the 求職番号 and its expiry,
//! confirmed by staff, or a staff exemption (N3-3).

use std::fmt;

use chrono::NaiveDate;

/// 求職番号: the 5-digit office number, a hyphen, and 4–8 digits (e.g. `28010-01234567`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSeekerNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a job-seeker number is five digits, a hyphen and 4 to 8 digits, such as 28010-01234567")]
pub struct InvalidJobSeekerNumber;

impl InvalidJobSeekerNumber {
    pub fn code(self) -> &'static str {
        "invalid_job_seeker_number"
    }
}

impl JobSeekerNumber {
    /// Full-width digits and hyphens are read as half-width (issue 13, item 6): it is a
    /// number, typed as often in kana mode as not. The half-width form is what is kept.
    pub fn parse(s: &str) -> Result<Self, InvalidJobSeekerNumber> {
        let s = crate::numbers::half_width(s);
        let s = s.as_str();
        let (office, serial) = s.split_once('-').ok_or(InvalidJobSeekerNumber)?;
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if office.len() == 5 && digits(office) && (4..=8).contains(&serial.len()) && digits(serial) {
            Ok(Self(s.to_owned()))
        } else {
            Err(InvalidJobSeekerNumber)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The office that issued it: the staff there confirm it.
    pub fn office_part(&self) -> &str {
        &self.0[..5]
    }
}

impl fmt::Display for JobSeekerNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the account records about its job-seeker registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Registration {
    pub has_number: bool,
    pub expires: Option<NaiveDate>,
    /// Staff confirmed the number (C2-1: online registrant → full registrant).
    pub confirmed: bool,
    /// Staff let this person book without a confirmed registration (N3-3).
    pub exempt: bool,
}

/// Why booking is not yet possible; `code()` is stable (`not_eligible` is the API umbrella).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EligibilityProblem {
    #[error("record your job-seeker number first")]
    NoRegistration,
    #[error("the office has not yet confirmed your job-seeker number")]
    Unconfirmed,
    #[error("your job-seeker registration has expired")]
    Expired,
}

impl EligibilityProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::NoRegistration => "registration_missing",
            Self::Unconfirmed => "registration_unconfirmed",
            Self::Expired => "registration_expired",
        }
    }
}

/// AC-11: booking needs a confirmed registration that has not expired, or an exemption.
/// The expiry day itself still counts.
pub fn registration_allows_booking(r: Registration, today: NaiveDate) -> Result<(), EligibilityProblem> {
    if r.exempt {
        return Ok(());
    }
    if !r.has_number {
        return Err(EligibilityProblem::NoRegistration);
    }
    if !r.confirmed {
        return Err(EligibilityProblem::Unconfirmed);
    }
    match r.expires {
        Some(d) if d >= today => Ok(()),
        _ => Err(EligibilityProblem::Expired),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-11
    #[test]
    fn job_seeker_number_format() {
        let n = JobSeekerNumber::parse("28010-01234567").unwrap();
        assert_eq!(n.office_part(), "28010");
        assert!(JobSeekerNumber::parse("28010-1234").is_ok());
        // Issue 13, item 6: read as half-width, kept as half-width.
        assert_eq!(
            JobSeekerNumber::parse("２８０１０－０１２３４５６７").map(|n| n.to_string()),
            Ok("28010-01234567".to_owned())
        );
        assert_eq!(
            JobSeekerNumber::parse("28010ー1234").map(|n| n.to_string()),
            Ok("28010-1234".to_owned())
        );
        for bad in [
            "2801-01234567",
            "28010-123",
            "28010-123456789",
            "28010_01234567",
            "２８０１０_1234",
            "28010-12a4",
            "",
        ] {
            assert!(JobSeekerNumber::parse(bad).is_err(), "{bad}");
        }
    }

    // rule AC-11: confirmed and unexpired, or exempt. Tested at the expiry day and the day after.
    #[test]
    fn booking_needs_a_confirmed_unexpired_registration() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let ok = Registration {
            has_number: true,
            expires: Some(day(12, 28)),
            confirmed: true,
            exempt: false,
        };
        assert_eq!(registration_allows_booking(ok, day(12, 28)), Ok(()));
        assert_eq!(
            registration_allows_booking(ok, day(12, 29)),
            Err(EligibilityProblem::Expired)
        );
        let unconfirmed = Registration { confirmed: false, ..ok };
        assert_eq!(
            registration_allows_booking(unconfirmed, day(11, 1)),
            Err(EligibilityProblem::Unconfirmed)
        );
        assert_eq!(
            registration_allows_booking(Registration::default(), day(11, 1)),
            Err(EligibilityProblem::NoRegistration)
        );
        let exempt = Registration {
            exempt: true,
            ..Registration::default()
        };
        assert_eq!(registration_allows_booking(exempt, day(11, 1)), Ok(()));
    }
}
