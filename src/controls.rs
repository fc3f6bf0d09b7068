//! Control characters in input text (SPEC "Text that cannot be shown"): the
//! line breaks Word pastes (U+000B, U+000C) become real ones, every other
//! character that XML or HTML cannot carry is refused where it stands.

use std::borrow::Cow;
use std::path::Path;

use crate::error::Diagnostic;

/// A character no page or feed may carry, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub ch: char,
    /// 1-based line and column (in characters) in the text as given.
    pub line: usize,
    pub column: usize,
    /// How many refused characters the text holds in all.
    pub count: usize,
}

impl Refused {
    /// The error an editor reads: which character, where, and what to do.
    pub fn diagnostic(&self, file: &Path) -> Diagnostic {
        let code = format!("U+{:04X}", self.ch as u32);
        let message = match self.count {
            1 => crate::t!("control-character", code = code, name = name(self.ch)),
            n => crate::t!(
                "control-characters",
                code = code,
                name = name(self.ch),
                count = n
            ),
        };
        Diagnostic::new(file, message)
            .at(self.line, Some(self.column))
            .hint(crate::t!("control-character.hint"))
    }
}

/// What a refused character is called.
fn name(c: char) -> String {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    match c as u32 {
        n @ 0..=0x1F => C0[n as usize].to_string(),
        0x7F => "DEL".to_string(),
        0x80..=0x9F => crate::t!("control-name-c1"),
        _ => crate::t!("control-name-noncharacter"),
    }
}

/// Is `c` a character that no page or feed may carry? C0 controls but
/// tab, LF, CR (and VT, FF, which [`clean`] turns into breaks); DEL; the C1
/// controls; U+FFFE and U+FFFF, which XML 1.0 excludes.
fn is_refused(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Does `text` need [`clean`] to change or refuse anything? A byte scan
/// that the compiler vectorises, plus a `memchr` for the two lead bytes
/// (C2: U+0080..U+00BF, EF: U+F000..U+FFFF) of the rest: what almost every
/// file pays.
pub fn suspicious(text: &str) -> bool {
    let bytes = text.as_bytes();
    // C0 but tab, LF and CR; DEL. Whole chunks are folded without a branch
    // (`&`, not `&&`: 8 GB/s rather than 5 on the 10k corpus).
    let c0 = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7F);
    let mut chunks = bytes.chunks_exact(64);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | c0(b)) {
            return true;
        }
    }
    if chunks.remainder().iter().any(|&b| c0(b)) {
        return true;
    }
    let mut from = 0;
    while let Some(k) = memchr::memchr2(0xC2, 0xEF, &bytes[from..]) {
        let at = from + k;
        match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
            (0xC2, Some(0x80..=0x9F), _) | (0xEF, Some(0xBF), Some(0xBE | 0xBF)) => return true,
            _ => from = at + 1,
        }
    }
    false
}

/// `text` with U+000B (Word's manual line break, Shift+Enter) and U+000C
/// (page break) made into line breaks: a space before byte `body` (front
/// matter, one-line fields), a Markdown hard line break from it on. Any
/// other control character is refused, the first one named with its
/// line and column. Text without any is borrowed as it is.
pub fn clean(text: &str, body: usize) -> Result<Cow<'_, str>, Refused> {
    if !suspicious(text) {
        return Ok(Cow::Borrowed(text));
    }
    if let Some(refused) = first_refused(text) {
        return Err(refused);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\u{B}' && c != '\u{C}' {
            out.push(c);
        } else if at < body {
            out.push(' ');
        } else if matches!(chars.peek(), Some((_, '\n')) | None) {
            // Already at a line end: trailing spaces make it a hard break.
            out.push_str("  ");
        } else {
            out.push_str("  \n");
        }
    }
    Ok(Cow::Owned(out))
}

/// [`clean`] for an article's whole text (or a portal text without front
/// matter, whose lines are one-line fields): a space in the front matter,
/// a hard line break in the body; a refusal as the editor's error.
pub fn clean_article(text: String, file: &Path) -> Result<String, Diagnostic> {
    if !suspicious(&text) {
        return Ok(text);
    }
    let body = match crate::text::fences(&text) {
        crate::text::Fences::Found { body, .. } => body,
        _ => usize::MAX,
    };
    match clean(&text, body) {
        Ok(Cow::Borrowed(_)) => Ok(text),
        Ok(Cow::Owned(cleaned)) => Ok(cleaned),
        Err(refused) => Err(refused.diagnostic(file)),
    }
}

/// [`clean`] for text that is one field or a file of one-line values
/// (`site.yaml`): U+000B and U+000C become spaces.
pub fn clean_line(text: &str) -> Result<Cow<'_, str>, Refused> {
    clean(text, usize::MAX)
}

fn first_refused(text: &str) -> Option<Refused> {
    let mut found: Option<Refused> = None;
    for (line_no, line) in text.split('\n').enumerate() {
        for (col, c) in line.chars().enumerate() {
            if !is_refused(c) {
                continue;
            }
            match &mut found {
                Some(f) => f.count += 1,
                None => {
                    found = Some(Refused {
                        ch: c,
                        line: line_no + 1,
                        column: col + 1,
                        count: 1,
                    })
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_agrees_with_the_character_test() {
        // Every character up to U+0800, and the ends of the BMP.
        let all = ('\0'..'\u{800}').chain('\u{F000}'..='\u{FFFF}');
        for c in all {
            let wanted = is_refused(c) || c == '\u{B}' || c == '\u{C}';
            for text in [
                c.to_string(),
                format!("Dân vận {c}"),
                format!("{c}{}", "x".repeat(70)),
            ] {
                assert_eq!(suspicious(&text), wanted, "U+{:04X} in {text:?}", c as u32);
            }
        }
        // Far into a long text, past the 64-byte chunks.
        let long = "Đảng bộ phường ".repeat(40);
        assert!(!suspicious(&long));
        assert!(suspicious(&format!("{long}\u{1B}")));
        assert!(suspicious(&format!("{long}\u{85}{long}")));
    }

    #[test]
    fn word_line_breaks_become_breaks_and_the_rest_is_refused() {
        let text = "---\ntitle: Giao\u{B}ban\n---\nDòng một\u{B}dòng hai\u{C}\nba\u{B}";
        let body = text.find("Dòng").unwrap();
        assert_eq!(
            clean(text, body).unwrap(),
            "---\ntitle: Giao ban\n---\nDòng một  \ndòng hai  \nba  "
        );
        assert_eq!(clean_line("a\u{B}b\u{C}c").unwrap(), "a b c");
        assert!(matches!(
            clean("Dân vận\tkhéo\r\n", 0),
            Ok(Cow::Borrowed(_))
        ));

        let bad = "---\ntitle: x\n---\nMột\u{B}hai\nbốn năm\u{1B}[0m sáu\u{0}\u{FFFF}";
        let r = clean(bad, 0).unwrap_err();
        assert_eq!((r.ch, r.line, r.column, r.count), ('\u{1B}', 5, 8, 3));
        let d = r.diagnostic(Path::new("content/a.md")).to_string();
        let label = crate::t!("label-error");
        assert!(d.starts_with(&format!("content/a.md:5:8: {label}:")), "{d}");
        let hint = crate::t!("control-character.hint");
        assert!(d.contains("U+001B (ESC)") && d.contains(&hint), "{d}");
        for (c, named) in [
            ('\u{8}', "BS".to_string()),
            ('\u{7F}', "DEL".to_string()),
            ('\u{9B}', crate::t!("control-name-c1")),
            ('\u{FFFE}', crate::t!("control-name-noncharacter")),
        ] {
            let r = clean_line(&format!("a{c}")).unwrap_err();
            assert_eq!((r.ch, r.column), (c, 2));
            assert!(r.diagnostic(Path::new("x")).message.contains(&named));
        }
    }
}
