//! Where an article's header ends: [`split`] cuts the text at its `---`
//! lines, and when the header is never closed, finds the line that was
//! meant to close it (`—`, `–`, `___`, `-- -`, `--- text`, …) or where the
//! article text starts, so the message points there rather than at line 1.

use std::path::Path;

use crate::error::Diagnostic;
use crate::text::Fences;

/// An article's text cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// The line in the file of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// The line in the file of the first body line.
    pub body_line: usize,
}

/// Cut the text (already without BOM, with LF line ends) at its `---`
/// lines. The closing line may also be `...`, YAML's end of a document.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    match crate::text::fences(text) {
        Fences::Found {
            yaml,
            body,
            body_line,
        } => Ok(Split {
            yaml: &text[yaml],
            yaml_line: 2,
            body: &text[body..],
            body_line,
        }),
        Fences::NoOpening => {
            let first = text.lines().next().unwrap_or("");
            let message = if text.trim().is_empty() {
                crate::t!("fm-no-header-empty")
            } else {
                let start: String = first.chars().take(40).collect();
                crate::t!("fm-no-header", start = start)
            };
            Err(Diagnostic::new(file, message)
                .at(1, Some(1))
                .hint(crate::t!("fm-no-header.hint")))
        }
        Fences::Unclosed => Err(unclosed(file, text)),
    }
}

/// The error for a header opened on line 1 and never closed: at the line
/// typed as a closer, else at the first line of article text, else line 1;
/// whichever comes first (a `***` rule far down the text is no closer).
fn unclosed(file: &Path, text: &str) -> Diagnostic {
    let first = text
        .lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| meant_as_closer(l) || looks_like_text(l));
    match first {
        Some((i, typed)) if meant_as_closer(typed) => {
            let column = typed.chars().take_while(|c| c.is_whitespace()).count() + 1;
            let typed = typed.trim();
            let hint = if typed.starts_with("---") {
                crate::t!("fm-closer-typed.hint-text")
            } else {
                crate::t!("fm-closer-typed.hint")
            };
            Diagnostic::new(file, crate::t!("fm-closer-typed", typed = typed))
                .at(i + 1, Some(column))
                .hint(hint)
        }
        Some((i, _)) => Diagnostic::new(file, crate::t!("fm-unclosed-before-text"))
            .at(i + 1, Some(1))
            .hint(crate::t!("fm-unclosed-before-text.hint")),
        None => Diagnostic::new(file, crate::t!("fm-unclosed"))
            .at(1, Some(1))
            .hint(crate::t!("fm-unclosed.hint")),
    }
}

/// Characters a closing `---` turns into when typed in Word or by hand.
const DASHLIKE: &[char] = &[
    '-', '—', '–', '‒', '―', '−', '_', '.', '…', '=', '~', '*', '·',
];

/// A line that is not `---` but was surely meant to be: dashes, dots or
/// underscores only (`—`, `–`, `___`, `-- -`, `……`), or `---` with text
/// after it.
fn meant_as_closer(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let dashes_only = t
        .chars()
        .all(|c| DASHLIKE.contains(&c) || c.is_whitespace());
    // `- ` starts a YAML list item; `-` alone is one too, but the header is
    // not closed anyway and nothing else was typed.
    dashes_only || ["---", "——", "––"].iter().any(|f| t.starts_with(f))
}

/// A line that cannot be part of a header: not blank, not indented, not a
/// comment or list item, and not `name:` with a plain field name.
fn looks_like_text(line: &str) -> bool {
    if line.trim().is_empty() || line.starts_with([' ', '\t', '#', '-']) {
        return false;
    }
    let key = line.split(':').next().unwrap_or("");
    let field = line.contains(':')
        && !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    !field
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn split_finds_block_and_body_lines() {
        let s = split(p(), "---\ntitle: x\ndate: 2020-01-01\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: x\ndate: 2020-01-01\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn split_accepts_empty_block_and_no_body() {
        let s = split(p(), "---\n---").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn yamls_document_end_closes_the_header() {
        let s = split(p(), "---\ntitle: x\n...\nBody\n").unwrap();
        assert_eq!((s.yaml, s.body, s.body_line), ("title: x\n", "Body\n", 4));
    }

    #[test]
    fn a_mistyped_closer_is_pointed_at_on_its_own_line() {
        for (typed, column) in [
            ("—", 1),
            ("–", 1),
            ("___", 1),
            ("-- -", 1),
            ("----", 1),
            ("  ……", 3),
            ("--- Nội dung", 1),
            ("---Nội dung", 1),
        ] {
            let text = format!("---\ntitle: x\ncategory: A\n{typed}\nNội dung.\n");
            let e = split(p(), &text).unwrap_err();
            assert_eq!((e.line, e.column), (Some(4), Some(column)), "{typed}: {e}");
            assert!(e.message.contains(typed.trim()), "{typed}: {e}");
        }
    }

    #[test]
    fn without_a_closer_the_article_text_is_pointed_at() {
        let e = split(p(), "---\ntitle: x\ncategory: A\n\nSáng nay, phường họp.\n").unwrap_err();
        assert_eq!(e.line, Some(5));
        // A rule further down the text is not the closer.
        let e = split(p(), "---\ntitle: x\n\nSáng nay.\n\n***\n").unwrap_err();
        assert_eq!(e.line, Some(4));
        let e = split(p(), "---\ntitle: x\ntags:\n  - a\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = split(p(), "title: x\n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }
}
