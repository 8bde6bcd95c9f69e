//! Offices (公共職業安定所 and their branches) and their validated code.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::WeeklyHours;
use crate::characters::{self, FieldKind, Offence};

/// A Hello Work office number: five ASCII digits, prefecture first (e.g. `28010`).
/// The same number opens every job-seeker number issued there (rule AC-11).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OfficeCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an office code is five half-width digits, such as 28010")]
pub struct InvalidOfficeCode;

impl OfficeCode {
    pub fn parse(s: &str) -> Result<Self, InvalidOfficeCode> {
        if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(InvalidOfficeCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OfficeCode {
    type Error = InvalidOfficeCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<OfficeCode> for String {
    fn from(c: OfficeCode) -> Self {
        c.0
    }
}

impl fmt::Display for OfficeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An office as people see it: names in both languages, where it is, when it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub code: OfficeCode,
    pub name_ja: String,
    pub name_en: String,
    pub address: String,
    pub phone: String,
    pub hours: WeeklyHours,
}

/// Why office details were refused: each field with the characters that break rule N10.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOffences {
    pub field: &'static str,
    pub offences: Vec<Offence>,
}

impl Office {
    /// Every text field must pass the N10 rules (rule AC-4); returns all failures at once.
    pub fn check_text(&self) -> Vec<FieldOffences> {
        [
            ("name_ja", &self.name_ja),
            ("name_en", &self.name_en),
            ("address", &self.address),
            ("phone", &self.phone),
        ]
        .into_iter()
        .filter_map(|(field, text)| {
            let offences = characters::validate(text, FieldKind::SingleLine);
            (!offences.is_empty()).then_some(FieldOffences { field, offences })
        })
        .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn office_code_is_five_digits() {
        assert_eq!(OfficeCode::parse("28010").unwrap().as_str(), "28010");
        for bad in ["2801", "280100", "28O10", "２８０１０", ""] {
            assert!(OfficeCode::parse(bad).is_err(), "{bad}");
        }
    }

    // rule AC-4: office text obeys N10 like every other text field.
    #[test]
    fn office_text_is_checked() {
        let office = Office {
            code: OfficeCode::parse("28010").unwrap(),
            name_ja: "灘公共職業安定所三宮分室".into(),
            name_en: "Nada Hello Work, Sannomiya branch".into(),
            address: "神戸市中央区雲井通５丁目１－２ ㈱ビル".into(),
            phone: "078-231-8609".into(),
            hours: WeeklyHours::standard(),
        };
        let bad = office.check_text();
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].field, "address");
        assert_eq!(bad[0].offences[0].ch, '㈱');
    }
}
