//! `madoguchi office import FILE.csv` (issue 13, item 1): offices and their 管轄 from one
//! CSV file (UTF-8, RFC 4180, header first; see docs/operations.md). One line per
//! municipality an office serves; the office's own columns may be left empty after its
//! first line. Every office in the file is added or updated (its hours are kept, or TM-2's
//! standard hours for a new one) and its 管轄 replaced by the file's lines, all in one
//! transaction, so importing the same file twice changes nothing. Offices not in the file
//! are left as they are. Every text passes the N10 check (AC-4); every problem is reported
//! with its line before anything is written.

use std::collections::BTreeMap;

use madoguchi_domain::area;
use madoguchi_domain::calendar::WeeklyHours;
use madoguchi_domain::characters::{self, FieldKind, Offence};
use madoguchi_domain::office::{Office, OfficeCode};
use madoguchi_store::offices::areas::{self, AreaRow};
use madoguchi_store::{Db, offices as store};

use crate::AppError;

/// The columns a file may have; the first four are required.
pub const COLUMNS: [&str; 8] = [
    "office_code",
    "name_ja",
    "prefecture",
    "municipality",
    "name_en",
    "address",
    "phone",
    "postal_codes",
];
const REQUIRED: usize = 4;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub added: usize,
    pub updated: usize,
    pub areas: usize,
}

/// The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a BOM
/// at the start ignored), each with the line it starts on.
pub fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, AppError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut line, mut start, mut quoted, mut was_quoted) = (1, 1, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() && !was_quoted => (quoted, was_quoted) = (true, true),
            (false, ',') => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                if record.iter().any(|f| !f.is_empty()) {
                    out.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                was_quoted = false;
                line += 1;
                start = line;
            }
            (false, '"') => return Err(bad(&[format!("line {line}: a quote inside an unquoted field")])),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(bad(&[format!("line {start}: a quoted field is not closed")]));
    }
    record.push(field);
    if record.iter().any(|f| !f.is_empty()) {
        out.push((start, record));
    }
    Ok(out)
}

fn bad(problems: &[String]) -> AppError {
    AppError::invalid("invalid_import", "file", problems.join("; "))
}

/// One office of the file with its 管轄.
struct Planned {
    office: Office,
    areas: Vec<AreaRow>,
}

/// Reads and checks the whole file; nothing is written.
fn plan(text: &str) -> Result<Vec<Planned>, AppError> {
    let mut rows = records(text)?.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err(bad(&["the file is empty; the first line names the columns".into()]));
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let mut problems = Vec::new();
    for h in &header {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(format!(
                "line 1: unknown column `{h}` (columns: {})",
                COLUMNS.join(", ")
            ));
        }
    }
    for c in &COLUMNS[..REQUIRED] {
        if !header.iter().any(|h| h == c) {
            problems.push(format!("line 1: the column `{c}` is missing"));
        }
    }
    if !problems.is_empty() {
        return Err(bad(&problems));
    }
    let mut offences: Vec<(String, Vec<Offence>)> = Vec::new();
    let mut planned: BTreeMap<String, (usize, Planned)> = BTreeMap::new();
    for (line, record) in rows {
        let get = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        if record.len() != header.len() {
            problems.push(format!(
                "line {line}: {} fields where the header has {}",
                record.len(),
                header.len()
            ));
            continue;
        }
        let Ok(code) = OfficeCode::parse(&get("office_code")) else {
            problems.push(format!(
                "line {line}: office_code `{}` is not five digits",
                get("office_code")
            ));
            continue;
        };
        let details = [
            ("name_ja", get("name_ja")),
            ("name_en", get("name_en")),
            ("address", get("address")),
            ("phone", get("phone")),
        ];
        let entry = planned.entry(code.to_string()).or_insert_with(|| {
            let office = Office {
                code: code.clone(),
                name_ja: String::new(),
                name_en: String::new(),
                address: String::new(),
                phone: String::new(),
                hours: WeeklyHours::standard(),
            };
            (
                line,
                Planned {
                    office,
                    areas: Vec::new(),
                },
            )
        });
        let (first, p) = (entry.0, &mut entry.1);
        for (name, value) in details {
            let kept = match name {
                "name_ja" => &mut p.office.name_ja,
                "name_en" => &mut p.office.name_en,
                "address" => &mut p.office.address,
                _ => &mut p.office.phone,
            };
            if value.is_empty() {
                continue;
            }
            if kept.is_empty() {
                *kept = value;
            } else if *kept != value {
                problems.push(format!("line {line}: office {code}'s {name} differs from line {first}"));
            }
        }
        let (prefecture, municipality) = (get("prefecture"), get("municipality"));
        if prefecture.is_empty() && municipality.is_empty() {
            continue;
        }
        let Some(pref) = area::prefecture_named(&prefecture) else {
            problems.push(format!(
                "line {line}: prefecture `{prefecture}` is not one of the 47 (write 兵庫県 or 28)"
            ));
            continue;
        };
        if municipality.is_empty() {
            problems.push(format!("line {line}: municipality is empty"));
            continue;
        }
        let found = characters::validate(&municipality, FieldKind::SingleLine);
        if !found.is_empty() {
            offences.push((format!("line {line}, municipality"), found));
        }
        let postal = get("postal_codes");
        let mut prefixes = Vec::new();
        for part in postal.split([' ', ';', '\u{3000}']).filter(|s| !s.is_empty()) {
            match area::postal_prefix(part) {
                Some(p) => prefixes.push(p),
                None => problems.push(format!("line {line}: postal code `{part}` is not 3 to 7 digits")),
            }
        }
        if prefixes.is_empty() {
            prefixes.push(String::new());
        }
        for postal_prefix in prefixes {
            let row = AreaRow {
                office_code: code.to_string(),
                prefecture: pref.code.to_owned(),
                municipality: municipality.clone(),
                postal_prefix,
            };
            if !p.areas.contains(&row) {
                p.areas.push(row);
            }
        }
    }
    for (first, p) in planned.values() {
        if p.office.name_ja.is_empty() {
            problems.push(format!("line {first}: office {} has no name_ja", p.office.code));
        }
        for f in p.office.check_text() {
            offences.push((format!("line {first}, {}", f.field), f.offences));
        }
    }
    if !offences.is_empty() {
        return Err(AppError::InvalidCharacters { fields: offences });
    }
    if !problems.is_empty() {
        return Err(bad(&problems));
    }
    Ok(planned.into_values().map(|(_, p)| p).collect())
}

/// Imports the file: all of it, or nothing if any line is wrong.
pub async fn import(db: &Db, text: &str) -> Result<Report, AppError> {
    let planned = plan(text)?;
    let mut report = Report::default();
    let mut ready = Vec::with_capacity(planned.len());
    for mut p in planned {
        match store::get(db, &p.office.code).await? {
            Some(existing) => {
                p.office.hours = existing.hours;
                report.updated += 1;
            }
            None => report.added += 1,
        }
        report.areas += p.areas.len();
        ready.push(p);
    }
    let mut tx = db.begin().await?;
    for p in &ready {
        store::save(&mut tx, &p.office).await?;
        areas::replace(&mut tx, p.office.code.as_str(), &p.areas).await?;
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_records() {
        let text = "\u{feff}a,b,c\r\n1,\"x, \"\"y\"\"\",\n\n\"multi\nline\",2,3";
        let got = records(text).unwrap();
        assert_eq!(got[0], (1, vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(got[1], (2, vec!["1".into(), "x, \"y\"".into(), String::new()]));
        assert_eq!(got[2], (4, vec!["multi\nline".into(), "2".into(), "3".into()]));
        assert!(records("a,\"b").is_err());
        assert!(records("a,b\"c\"").is_err());
    }

    // Issue 13, item 1: every problem is named with its line, and nothing is kept.
    #[test]
    fn problems_are_named_by_line() {
        let text = "office_code,name_ja,prefecture,municipality,postal_codes\n\
                    2801,灘,兵庫県,神戸市中央区,650\n\
                    28011,三宮,兵庫,神戸市中央区,650\n\
                    28011,三宮,兵庫県,神戸市中央区,65\n\
                    28011,三宮分室,兵庫県,神戸市灘区,657\n";
        let e = plan(text).err().unwrap().to_string();
        for part in [
            "line 2: office_code `2801`",
            "line 3: prefecture `兵庫`",
            "line 4: postal code `65`",
            "line 5: office 28011's name_ja differs from line 3",
        ] {
            assert!(e.contains(part), "{part} in {e}");
        }
        let e = plan("office_code,name,prefecture\n").err().unwrap().to_string();
        assert!(
            e.contains("unknown column `name`") && e.contains("`municipality` is missing"),
            "{e}"
        );
        match plan("office_code,name_ja,prefecture,municipality\n28011,三宮,兵庫県,神戸市①区\n") {
            Err(AppError::InvalidCharacters { fields }) => assert_eq!(fields[0].0, "line 2, municipality"),
            other => panic!("{:?}", other.err()),
        }
    }
}
