//! Documents (văn bản): the Markdown files under `content/van-ban/` (which
//! `load::scan` sets apart from the articles), read
//! into a checked [`DocFront`] (số hiệu, loại, cơ quan, ngày ban hành …)
//! with every error at its line in the file; what one document cannot know
//! alone (duplicates, replacements, attached files) is checked by the site.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::date;
use crate::error::Diagnostic;
use crate::frontmatter::{Positions, Split};
use crate::yaml::Yaml;

/// The fields a document may set. See SPEC "Documents (văn bản)".
#[derive(Debug, Clone, PartialEq)]
pub struct DocFront {
    /// Trích yếu.
    pub title: String,
    /// Số hiệu: `45/KH-UBND`.
    pub number: String,
    /// Loại: `Kế hoạch`.
    pub kind: String,
    /// Cơ quan ban hành.
    pub issuer: String,
    pub issued: DateTime<FixedOffset>,
    /// Người ký.
    pub signer: String,
    pub effective: Option<DateTime<FixedOffset>>,
    pub expires: Option<DateTime<FixedOffset>>,
    /// The number of the document this one replaces.
    pub replaces: Option<String>,
    /// Attached files, as written (relative to the document).
    pub files: Vec<String>,
    pub slug: Option<String>,
    /// Where each field is written in the file.
    pub at: Positions,
}

/// A document file read from `content/`, before it is placed in a site.
#[derive(Debug, Clone)]
pub struct ParsedDoc {
    /// Relative to `content/`.
    pub source: PathBuf,
    /// Relative to the site root, for messages.
    pub display: PathBuf,
    pub front: DocFront,
    pub body: String,
    pub body_line: usize,
}

const FIELDS: &[&str] = &[
    "title",
    "number",
    "type",
    "issuer",
    "issued",
    "signer",
    "effective",
    "expires",
    "replaces",
    "file",
    "files",
    "slug",
];

/// Read and check a document's file (already read as normalised text).
pub fn parse(source: &Path, display: &Path, text: &str) -> Result<ParsedDoc, Vec<Diagnostic>> {
    let split = crate::frontmatter::split(display, text).map_err(|d| vec![d])?;
    let front = parse_front(display, &split)?;
    Ok(ParsedDoc {
        source: source.to_path_buf(),
        display: display.to_path_buf(),
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

fn parse_front(file: &Path, split: &Split<'_>) -> Result<DocFront, Vec<Diagnostic>> {
    let map = crate::frontmatter::fields(file, split)?;
    let mut f = Fields {
        file,
        header_line: split.yaml_line - 1,
        at: Positions::of_block(split),
        map: &map,
        errors: Vec::new(),
    };
    f.unknown();
    let title = f.required(
        "title",
        "title: \"Kế hoạch thực hiện công tác dân vận năm 2026\"",
    );
    let number = f.required("number", "number: \"45/KH-UBND\"");
    let kind = f.required("type", "type: Kế hoạch");
    let issuer = f.required("issuer", "issuer: UBND phường");
    let signer = f.required("signer", "signer: Nguyễn Văn An");
    let issued = f.date("issued", true);
    let effective = f.date("effective", false);
    let expires = f.date("expires", false);
    let replaces = f.text("replaces");
    let files = f.files();
    let slug = f.text("slug");
    if let Some(s) = &slug
        && (s.contains(['/', '\\']) || s.contains("..") || crate::text::slugify(s).is_empty())
    {
        f.error(
            "slug",
            crate::t!("fm-slug", slug = s.as_str()),
            crate::t!("fm-slug.hint"),
        );
    }
    if !f.errors.is_empty() {
        return Err(f.errors);
    }
    Ok(DocFront {
        title: title.unwrap_or_default(),
        number: number.unwrap_or_default(),
        kind: kind.unwrap_or_default(),
        issuer: issuer.unwrap_or_default(),
        signer: signer.unwrap_or_default(),
        issued: issued.unwrap_or_default(),
        effective,
        expires,
        replaces,
        files,
        slug,
        at: f.at,
    })
}

struct Fields<'a> {
    file: &'a Path,
    /// The opening `---` line: where a missing field is reported.
    header_line: usize,
    at: Positions,
    map: &'a [(String, Yaml)],
    errors: Vec<Diagnostic>,
}

impl Fields<'_> {
    fn get(&self, key: &str) -> Option<&Yaml> {
        self.map
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Yaml::Null)
    }

    fn error(&mut self, key: &str, message: String, hint: String) {
        let (line, column) = self.at.of(key).unwrap_or((self.header_line, 1));
        self.errors.push(
            Diagnostic::new(self.file, message)
                .at(line, Some(column))
                .hint(hint),
        );
    }

    fn unknown(&mut self) {
        for (key, _) in self.map {
            if !FIELDS.contains(&key.as_str()) {
                let hint = match closest(key) {
                    Some(f) => crate::t!("doc-unknown-field.hint-near", near = f),
                    None => crate::t!("doc-unknown-field.hint", fields = FIELDS.join(", ")),
                };
                self.error(
                    key,
                    crate::t!("doc-unknown-field", key = key.as_str()),
                    hint,
                );
            }
        }
    }

    fn text(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            Yaml::Str(s) => Some(crate::text::squash_spaces(s)).filter(|s| !s.is_empty()),
            Yaml::Int(i) => Some(i.to_string()),
            Yaml::Float(f) => Some(f.to_string()),
            other => {
                let kind = other.kind();
                self.error(
                    key,
                    crate::t!("fm-not-text", key = key, kind = kind),
                    crate::t!("fm-not-text.hint", key = key),
                );
                None
            }
        }
    }

    /// A field every document has: its value, or an error at the header.
    fn required(&mut self, key: &str, example: &str) -> Option<String> {
        let value = self.text(key);
        // Absent, empty or blank: missing (a list or a map was told by `text`).
        if value.is_none() && matches!(self.get(key), None | Some(Yaml::Str(_))) {
            let (line, column) = self.at.of(key).unwrap_or((self.header_line, 1));
            self.errors.push(
                Diagnostic::new(self.file, crate::t!("doc-missing", key = key))
                    .at(line, Some(column))
                    .hint(crate::t!("doc-missing.hint", example = example)),
            );
        }
        value
    }

    fn date(&mut self, key: &str, required: bool) -> Option<DateTime<FixedOffset>> {
        let raw = if required {
            self.required(key, "issued: 12/03/2026")?
        } else {
            self.text(key)?
        };
        match date::parse(&raw) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(key, e, crate::t!("fm-date-forms", forms = date::FORMS));
                None
            }
        }
    }

    /// `file: a.pdf`, `files: [a.pdf, b.docx]` (or both).
    fn files(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(one) = self.text("file") {
            out.push(one);
        }
        match self.get("files").cloned() {
            None => {}
            Some(Yaml::List(items)) => {
                for item in items {
                    match item {
                        Yaml::Str(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                        _ => {
                            self.error(
                                "files",
                                crate::t!("doc-files"),
                                crate::t!("doc-files.hint"),
                            );
                        }
                    }
                }
            }
            Some(Yaml::Str(s)) => out.extend(
                s.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            ),
            Some(_) => {
                self.error("files", crate::t!("doc-files"), crate::t!("doc-files.hint"));
            }
        }
        out
    }
}

/// The known field closest to a misspelt one, if any is close.
fn closest(key: &str) -> Option<&'static str> {
    let key = key.to_lowercase();
    FIELDS
        .iter()
        .copied()
        .map(|f| (strsim::levenshtein(&key, f), f))
        .filter(|(d, f)| *d <= 2.max(f.len() / 4))
        .min()
        .map(|(_, f)| f)
}

/// How a document's number is found whatever way it is typed:
/// `45/KH-UBND`, `45 kh ubnd` and `45/kh-ubnd` all give `45 kh ubnd`.
pub fn number_key(number: &str) -> String {
    crate::text::slugify(number).replace('-', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<ParsedDoc, Vec<Diagnostic>> {
        parse(
            Path::new("van-ban/a.md"),
            Path::new("content/van-ban/a.md"),
            text,
        )
    }

    #[test]
    fn a_full_document_parses() {
        let d = doc("---\ntitle: Kế hoạch\nnumber: \"45/KH-UBND\"\ntype: Kế hoạch\nissuer: UBND phường\nissued: 12/03/2026\nsigner: An\nexpires: 31/12/2026\nfiles: [a.pdf, b.docx]\n---\nText\n").unwrap();
        assert_eq!(d.front.number, "45/KH-UBND");
        assert_eq!(d.front.files, ["a.pdf", "b.docx"]);
        assert_eq!(d.front.issued.to_rfc3339(), "2026-03-12T00:00:00+07:00");
        assert!(d.front.expires.is_some() && d.front.effective.is_none());
    }

    #[test]
    fn missing_and_unknown_fields_are_errors_at_their_lines() {
        let errs = doc(
            "---\ntitle: x\nnumbr: 1\ntype: A\nissuer: B\nissued: 30/02/2026\nsigner: C\n---\n",
        )
        .unwrap_err();
        let lines: Vec<Option<usize>> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(1), Some(6)], "{errs:?}");
        assert_eq!(closest("numbr"), Some("number"));
    }

    #[test]
    fn numbers_match_however_they_are_typed() {
        for typed in ["45/KH-UBND", "45 kh ubnd", "45/kh-ubnd", " 45 / KH - UBND"] {
            assert_eq!(number_key(typed), "45 kh ubnd", "{typed}");
        }
    }
}
