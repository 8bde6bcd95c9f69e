//! The `next` parameter (issue 11, item 4): where to send the browser after a page such as
//! the terms of consultation. Only a path on this site is accepted, and it is parsed rather
//! than matched against patterns, because browsers are lenient: they drop tabs and line
//! breaks inside a URL and read `\` as `/`, so `/\t/evil.example/` is `//evil.example/`, a
//! link to another site. The answer goes into a `Location` header as it is.
//!
//! Accepted: a path starting with exactly one `/`, optionally a query, made of the URL
//! characters of RFC 3986 (unreserved, sub-delims, `:`, `@`, `/`, and `?` in the query) and
//! valid percent escapes. Refused: anything else, so no scheme or authority, no `//`, no `\`,
//! no control character or whitespace, no fragment, and no escape that decodes to one of
//! those or to `/`, `\` or `%` (a server or proxy that decodes once more would see them).
//! Other characters beyond ASCII (Japanese) are percent-encoded as UTF-8, which is what a
//! browser sends for them anyway, so the answer is always visible ASCII.

/// Longest `next` accepted, before and after encoding: far beyond any page of this site.
pub const MAX_LEN: usize = 2048;

/// The `Location` value for `next` if it is a path on this site; the caller falls back to
/// its default (`/me`) on `None`. The answer is visible ASCII only (a valid header value)
/// and is accepted unchanged if parsed again.
pub fn parse(next: &str) -> Option<String> {
    if next.len() > MAX_LEN {
        return None;
    }
    let (path, query) = match next.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (next, None),
    };
    // One leading slash and no empty segment: `//host` is another site.
    if !path.starts_with('/') || path.contains("//") {
        return None;
    }
    let mut out = String::with_capacity(next.len());
    part(path, false, &mut out)?;
    if let Some(query) = query {
        out.push('?');
        part(query, true, &mut out)?;
    }
    let visible = out.bytes().all(|b| b.is_ascii_graphic());
    (visible && out.len() <= MAX_LEN).then_some(out)
}

/// Copies a path or a query to `out`, encoding characters beyond ASCII; `None` if it holds a
/// character or escape that is refused, or if its escapes do not decode to clean UTF-8.
fn part(text: &str, query: bool, out: &mut String) -> Option<()> {
    let mut decoded = Vec::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '%' => {
                let hex: String = chars.by_ref().take(2).collect();
                // Checked first: `u8::from_str_radix` would also take a sign (`%+1`).
                if hex.len() != 2 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                let byte = u8::from_str_radix(&hex, 16).ok()?;
                if refused_byte(byte) {
                    return None;
                }
                decoded.push(byte);
                out.push('%');
                out.push_str(&hex);
            }
            '/' => {
                decoded.push(b'/');
                out.push('/');
            }
            '?' if query => {
                decoded.push(b'?');
                out.push('?');
            }
            c if c.is_ascii() => {
                if !url_char(c) {
                    return None;
                }
                decoded.push(c as u8);
                out.push(c);
            }
            c => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    decoded.push(b);
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    // What a decoding server would see: UTF-8, with no invisible or line-breaking character.
    let decoded = String::from_utf8(decoded).ok()?;
    let clean = decoded
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    clean.then_some(())
}

/// RFC 3986 `pchar` without `%` (handled as escapes): unreserved, sub-delims, `:` and `@`.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)
}

/// An escape that would hide a separator or a character refused as it is.
fn refused_byte(b: u8) -> bool {
    b.is_ascii_control() || matches!(b, b' ' | b'/' | b'\\' | b'%')
}

#[cfg(test)]
mod tests {
    use super::*;

    // The outside tester's cases and the rest of the contract (issue 11, item 4).
    #[test]
    fn other_sites_and_invisible_characters_are_refused() {
        for bad in [
            "/\t/evil.example/",
            "/%09/evil.example/",
            "//evil",
            "///evil",
            "/\\evil",
            "/%5Cevil",
            "/%5cevil",
            "https://evil",
            "evil.example",
            "/%2F/evil",
            "/%2F%2Fevil",
            "/%2f%2fevil",
            "/me\n",
            "/me\r\nSet-Cookie: a=b",
            "/me%0d%0aSet-Cookie:%20a=b",
            "",
            "/me#top",
            "/me?a=b#top",
            "/me?next=//evil\\",
            "/me%",
            "/me%4",
            "/me%zz",
            "/me%+1",
            "/me%252F",
            "/a//b",
            "/a%20b",
            "/a b",
            "/a\u{3000}b",
            "/a\u{85}b",
            "/a\u{2028}b",
            "/a%C2%85b",
            "/a%E3%80%80b",
            "/%FF",
            "/a\"b",
            "/a<b>",
            "/a\u{7f}",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse(&format!("/{}", "a".repeat(MAX_LEN))), None);
    }

    #[test]
    fn paths_on_this_site_are_kept() {
        for good in [
            "/me",
            "/",
            "/book/12?x=1",
            "/book/12?x=1&y=2",
            "/a/b?q=a/b?c",
            "/a:b@c",
            "/a%3Fb",
        ] {
            assert_eq!(parse(good).as_deref(), Some(good));
        }
        assert_eq!(
            parse(&format!("/{}", "a".repeat(MAX_LEN - 1))).map(|s| s.len()),
            Some(MAX_LEN)
        );
    }

    // Japanese is accepted and sent percent-encoded as UTF-8, so the header stays ASCII;
    // already encoded it is kept as it is.
    #[test]
    fn japanese_is_percent_encoded() {
        let encoded = "/offices/%E6%9D%B1%E4%BA%AC?q=%E3%81%82";
        assert_eq!(parse("/offices/東京?q=あ").as_deref(), Some(encoded));
        assert_eq!(parse(encoded).as_deref(), Some(encoded));
        // Three times longer once encoded: the limit applies to the answer too.
        assert_eq!(parse(&format!("/{}", "東".repeat(MAX_LEN / 3))), None);
    }

    #[test]
    fn an_answer_is_accepted_again_unchanged() {
        for s in ["/me", "/offices/東京", "/a%2b?x=%e3%81%82"] {
            let once = parse(s).unwrap();
            assert!(once.bytes().all(|b| b.is_ascii_graphic()), "{once}");
            assert_eq!(parse(&once), Some(once.clone()));
        }
    }
}
