//! Checks shared by the fuzz targets: what a slug may be, what published
//! HTML may never hold, where a diagnostic may point, and a scratch folder
//! for the targets that go through bantin's file-reading code.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use bantin::Diagnostic;

/// A URL segment as bantin makes them: lower-case ASCII letters and digits
/// in words joined by single hyphens. Never `/`, `..` or non-ASCII.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Is `s` in Unicode NFC, as told by the normalisation crate itself (not
/// by bantin's fast path, which is one of the things under test)?
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// A diagnostic must point inside the text it is about: line 1 to one
/// past the last line, column at least 1.
pub fn assert_points_inside(d: &Diagnostic, text: &str) {
    let lines = text.split('\n').count();
    if let Some(line) = d.line {
        assert!(
            (1..=lines + 1).contains(&line),
            "diagnostic at line {line} of a {lines}-line text: {d}"
        );
    }
    if let Some(column) = d.column {
        assert!(column >= 1, "diagnostic at column 0: {d}");
    }
    assert!(!d.message.is_empty(), "a diagnostic without a message");
}

/// One start tag of an HTML text: its name and attributes (raw values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// The start tags of HTML as bantin and its sanitiser write it (text `<`
/// is always escaped there, so every `<` opens a tag or a comment).
pub fn start_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |k| i + k + 3);
            continue;
        }
        i += 1;
        if b.get(i) == Some(&b'/') || !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let (tag, next) = read_tag(html, i);
        tags.push(tag);
        i = next;
    }
    tags
}

/// Read a tag from its name at `i` to past its `>`.
fn read_tag(html: &str, mut i: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let word_end = |from: usize, stop: &[u8]| {
        (from..b.len())
            .find(|&k| b[k].is_ascii_whitespace() || stop.contains(&b[k]))
            .unwrap_or(b.len())
    };
    let end = word_end(i, b">/");
    let name = html[i..end].to_ascii_lowercase();
    i = end;
    let mut attributes = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return (Tag { name, attributes }, i + 1);
        }
        let end = word_end(i, b"=>/");
        let attr = html[i..end].to_ascii_lowercase();
        i = end;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let close = html[i + 1..].find(q as char).map_or(b.len(), |k| i + 1 + k);
                    value = html[i + 1..close].to_string();
                    i = close + 1;
                }
                _ => {
                    let end = word_end(i, b">");
                    value = html[i..end].to_string();
                    i = end;
                }
            }
        }
        if !attr.is_empty() {
            attributes.push((attr, value));
        }
    }
}

/// Decode the character references a browser decodes in an attribute.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse().ok().and_then(char::from_u32)
        } else {
            match name.to_ascii_lowercase().as_str() {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if end > 1 => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Does a URL attribute run code or smuggle content, read as a browser
/// reads it (references decoded, tabs and line feeds dropped, leading
/// controls and spaces trimmed, any case)?
pub fn is_dangerous_url(raw: &str) -> bool {
    let decoded = decode_entities(raw);
    let url: String = decoded
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| url.starts_with(s))
}

/// Tags that must never reach a published page when raw HTML is not
/// allowed: they run code, load other documents or restyle the page.
const FORBIDDEN_TAGS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
    "link", "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript",
];

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "srcset",
    "data",
];

/// Sanitised HTML holds no script: no forbidden tag, no `on…=` event
/// handler, no `javascript:`/`vbscript:`/`data:` URL. Panics naming what
/// it found.
pub fn assert_safe_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "`<script` in {html:?}");
    for tag in start_tags(html) {
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.name.as_str()),
            "forbidden tag <{}> in {html:?}",
            tag.name
        );
        for (attr, value) in &tag.attributes {
            assert!(
                !attr.starts_with("on"),
                "event handler `{attr}` on <{}> in {html:?}",
                tag.name
            );
            assert!(
                !(URL_ATTRIBUTES.contains(&attr.as_str()) && is_dangerous_url(value)),
                "dangerous URL `{attr}=\"{value}\"` on <{}> in {html:?}",
                tag.name
            );
        }
    }
}

/// A folder of this process's own under a RAM disk where there is one, for
/// targets that go through bantin's file-reading code; emptied first.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("bantin-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_told_from_other_text() {
        assert!(is_slug("giao-ban-quy-i-2020"));
        for s in ["", "-a", "a-", "a--b", "A", "a/b", "..", "đ", "a b"] {
            assert!(!is_slug(s), "{s:?}");
        }
    }

    #[test]
    fn tags_and_attributes_are_read() {
        let tags = start_tags(
            r#"<p>a &lt;b</p><!-- <x> --><h1 id="t" onclick='x()'>t</h1><img src=a.png alt="<i>">"#,
        );
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["p", "h1", "img"]);
        assert_eq!(tags[1].attributes[1], ("onclick".into(), "x()".into()));
        assert_eq!(tags[2].attributes[0], ("src".into(), "a.png".into()));
        assert_eq!(tags[2].attributes[1], ("alt".into(), "<i>".into()));
    }

    #[test]
    fn dangerous_urls_are_seen_through_disguises() {
        for url in [
            "javascript:x",
            " JaVaScRiPt:x",
            "java\tscript:x",
            "&#106;avascript:x",
            "&#x6A;avascript&colon;x",
            "\u{1}data:text/html,x",
        ] {
            assert!(is_dangerous_url(url), "{url:?}");
        }
        for url in ["https://x.vn", "anh.png", "/a/javascript:x", "#javascript:"] {
            assert!(!is_dangerous_url(url), "{url:?}");
        }
    }

    #[test]
    #[should_panic(expected = "event handler")]
    fn event_handlers_are_caught() {
        assert_safe_html(r#"<h1 id="x" onclick="alert(1)">x</h1>"#);
    }

    #[test]
    fn pulldown_and_ammonia_output_passes() {
        assert_safe_html(
            r#"<p><a href="https://x.vn" rel="noopener noreferrer">x</a> <img src="/a.png" alt="a"></p><table><tr><td style="text-align: left">1</td></tr></table>"#,
        );
    }
}
