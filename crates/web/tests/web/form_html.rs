//! Reading a drawn form back: a field's value as the browser would send it, its problems,
//! and the summary above the form (issue 12: forms keep what was typed, AC-4).

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    Some(unescape(&tag[start..start + tag[start..].find('"')?]))
}

/// The value the element with this id would send: an input's value (`on` for a ticked box),
/// a text area's text, a select's chosen option or a radio group's (fieldset) checked one.
pub(crate) fn value_of(html: &str, id: &str) -> String {
    let marker = format!(" id=\"{id}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no element #{id} in {html}"));
    let open = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    let head = &html[open..end];
    let rest = &html[end + 1..];
    let inner = |close: &str| rest[..rest.find(close).unwrap()].to_owned();
    if head.starts_with("<textarea") {
        unescape(&inner("</textarea>"))
    } else if head.starts_with("<select") {
        let options = inner("</select>");
        let mut all = options.split("<option").skip(1);
        let chosen = options.split("<option").find(|o| o.contains(" selected"));
        chosen
            .or_else(|| all.next())
            .and_then(|o| attr(o, "value"))
            .unwrap_or_default()
    } else if head.starts_with("<fieldset") {
        let group = inner("</fieldset>");
        group
            .split("<input")
            .find(|i| i.contains(" checked"))
            .and_then(|i| attr(i, "value"))
            .unwrap_or_default()
    } else if head.contains("type=\"checkbox\"") {
        if head.contains(" checked") {
            "on".into()
        } else {
            String::new()
        }
    } else {
        attr(head, "value").unwrap_or_default()
    }
}

/// The problems drawn next to the field with this id.
pub(crate) fn errors_of(html: &str, id: &str) -> Vec<String> {
    (1..)
        .map_while(|n| {
            let marker = format!("id=\"{id}-error-{n}\">");
            let start = html.find(&marker)? + marker.len();
            Some(unescape(&html[start..start + html[start..].find("</p>")?]))
        })
        .collect()
}

/// The text of the summary above the form.
pub(crate) fn summary(html: &str) -> String {
    let Some(start) = html.find("id=\"error-summary\"") else {
        return String::new();
    };
    let end = start + html[start..].find("</div>").unwrap();
    unescape(&html[start..end])
}

/// Asserts each (id, value) was drawn again as typed.
#[track_caller]
pub(crate) fn assert_kept(html: &str, typed: &[(&str, &str)]) {
    for (id, value) in typed {
        assert_eq!(value_of(html, id), *value, "#{id} keeps what was typed");
    }
}

/// A form body from (name, value) pairs, percent-encoded.
pub(crate) fn body(csrf: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = format!("_csrf={csrf}");
    for (k, v) in pairs {
        out.push('&');
        out.push_str(k);
        out.push('=');
        out.push_str(&super::support::enc(v));
    }
    out
}
