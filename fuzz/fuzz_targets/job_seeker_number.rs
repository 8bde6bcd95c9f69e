//! Job-seeker number: what is accepted is `NNNNN-NNNN…` (5 digits, 4–8 digits) after
//! trimming, keeps exactly that text, and parses again to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use madoguchi_domain::job_seeker::JobSeekerNumber;

fuzz_target!(|s: &str| {
    let Ok(n) = JobSeekerNumber::parse(s) else {
        return;
    };
    let kept = n.as_str();
    assert_eq!(kept, s.trim());
    let (office, serial) = kept.split_once('-').unwrap();
    assert!(
        office.len() == 5 && office.bytes().all(|b| b.is_ascii_digit()),
        "{kept:?}"
    );
    assert!(
        (4..=8).contains(&serial.len()) && serial.bytes().all(|b| b.is_ascii_digit()),
        "{kept:?}"
    );
    assert_eq!(n.office_part(), office);
    assert_eq!(JobSeekerNumber::parse(kept).unwrap().as_str(), kept);
});
