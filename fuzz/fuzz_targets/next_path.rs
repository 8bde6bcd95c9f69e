//! `next` parser (issue 11, item 4): an accepted value is visible ASCII, one leading slash,
//! never `//` or `\`, no fragment, within the limit, accepted again unchanged, and a browser
//! (the WHATWG parser of the `url` crate) following it as a `Location` stays on this site.
#![no_main]

use libfuzzer_sys::fuzz_target;
use madoguchi_domain::next_path::{MAX_LEN, parse};
use url::Url;

fuzz_target!(|s: &str| {
    let Some(out) = parse(s) else {
        return;
    };
    assert!(out.len() <= MAX_LEN);
    assert!(out.bytes().all(|b| b.is_ascii_graphic()), "{out:?}");
    assert!(out.starts_with('/') && !out.starts_with("//"), "{out:?}");
    assert!(!out.contains('\\') && !out.contains('#'), "{out:?}");
    assert_eq!(parse(&out).as_deref(), Some(out.as_str()), "not stable");
    // Plain ASCII that is accepted is kept as it is.
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        assert_eq!(out, s);
    }
    let base = Url::parse("https://madoguchi.example/terms/consultation").unwrap();
    let to = base.join(&out).unwrap();
    assert_eq!(
        (to.scheme(), to.host_str(), to.port()),
        ("https", Some("madoguchi.example"), None),
        "{out:?} → {to}"
    );
    assert!(to.username().is_empty() && to.password().is_none(), "{out:?} → {to}");
});
