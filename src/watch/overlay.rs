//! The error banner `bantin watch` puts on every page while the last
//! rebuild failed, in the editor's language, and where it goes in a page.

use super::message::find;
use crate::error::Diagnostic;

/// Put `overlay` right after the `<body …>` tag (or first, without one).
pub fn inject(page: &[u8], overlay: &str) -> Vec<u8> {
    let at = find(page, b"<body")
        .and_then(|i| page[i..].iter().position(|b| *b == b'>').map(|j| i + j + 1))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(page.len() + overlay.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(overlay.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// The `lang` of what the server itself writes into a page.
pub fn lang_code() -> &'static str {
    match crate::i18n::lang() {
        crate::i18n::Lang::Vi => "vi",
        crate::i18n::Lang::En => "en",
    }
}

/// The error overlay: every diagnostic in full, HTML-escaped.
pub fn overlay(errors: &[Diagnostic]) -> String {
    let text: String = errors
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n\n");
    let escaped = crate::render::escape_text(&text);
    format!(
        "<div id=\"bantin-error\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:16px 20px;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00000;box-shadow:0 4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif\" lang=\"{}\"><strong>{}</strong><pre style=\"white-space:pre-wrap;font:14px/1.5 monospace;margin:8px 0 0\">{escaped}</pre></div>",
        lang_code(),
        crate::render::escape_text(&crate::t!("watch-overlay"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_goes_after_body_and_is_escaped() {
        let d = Diagnostic::new("content/a.md", "bad <b>").at(3, Some(1));
        let o = overlay(&[d]);
        assert!(o.contains("content/a.md:3:1") && o.contains("bad &lt;b&gt;"));
        let page = inject(
            b"<html><body class=\"x\"><p>hi</p></body></html>",
            "<div>E</div>",
        );
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<html><body class=\"x\"><div>E</div><p>hi</p></body></html>"
        );
    }
}
