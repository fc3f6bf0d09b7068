//! Vietnamese text rules: NFC normalisation, slugs (đ → d), matching keys
//! for categories, and the number grouping readers expect (`12.345`); and
//! where an article's `---` lines cut it ([`fences`]), which both the
//! control-character check and the front-matter parser need.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub mod marks;

/// Normalise to NFC (TCVN 6909), borrowing when the text already is.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if surely_nfc_bytes(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => {
            let n: String = s.nfc().collect();
            if n == s {
                Cow::Borrowed(s)
            } else {
                Cow::Owned(n)
            }
        }
    }
}

/// Characters that are NFC on their own and never combine with a
/// neighbour (NFC_Quick_Check=Yes, combining class 0): everything below the
/// combining marks, precomposed Vietnamese letters (Latin Extended
/// Additional) and the dashes, quotes and ellipsis editors type. Text made
/// only of these is NFC without a table lookup per character.
#[cfg(test)]
fn surely_nfc(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
}

/// `s.chars().all(surely_nfc)`, on UTF-8 bytes without decoding: the
/// lead byte (and for three-byte characters the second byte) tells the
/// range. Continuation bytes are skipped.
fn surely_nfc_bytes(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            // ASCII, continuation bytes, U+0080..U+02FF (C2..CB).
            0x00..=0xCB => i += 1,
            // U+1E00..U+1EFF: E1 B8..BB xx.
            0xE1 if matches!(s.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            // U+2010..U+2027: E2 80 90..A7.
            0xE2 if s.get(i + 1) == Some(&0x80) && matches!(s.get(i + 2), Some(0x90..=0xA7)) => {
                i += 3
            }
            _ => return false,
        }
    }
    true
}

/// A URL slug: accents dropped, đ/Đ → d, lower case ASCII letters and digits
/// separated by single hyphens. `CÔNG TÁC ĐẢNG` → `cong-tac-dang`.
pub fn slugify(s: &str) -> String {
    let ascii = deunicode::deunicode(&nfc(s));
    let mut out = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// The key under which two spellings of one name are the same: NFC, lower
/// case, inner white space collapsed. `Công tác Đảng` = `CÔNG TÁC ĐẢNG`.
pub fn match_key(s: &str) -> String {
    let lower = nfc(s).to_lowercase();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Group digits by thousands with dots, the Vietnamese way: 12345 → `12.345`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The kinds of attached documents whose links show their type and size
/// (see [`file_label`]), by extension in lower case.
pub const ATTACHMENTS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip", "rar",
];

/// An attached file's type and size as a reader sees it, written the
/// Vietnamese way (decimal comma, thousands grouped with dots): `PDF, 340
/// KB`, `DOCX, 1,2 MB`. Sizes count 1,024 bytes a KB, as Windows shows
/// them: under 1,000 KB in whole KB (at least 1 KB when the file has any
/// bytes), then in MB, and from 1,000 MB in GB, with one decimal under 100
/// unless it is 0 (`1,2 MB`, `2 MB`, `12,5 MB`) and whole numbers from 100
/// (`340 MB`, `1.234 GB`).
pub fn file_label(extension: &str, bytes: u64) -> String {
    const K: f64 = 1024.0;
    let kind = match extension.trim_start_matches('.') {
        // A file without an extension: the site's word for "file".
        "" => "Tệp".to_string(),
        ext => ext.to_uppercase(),
    };
    let kb = (bytes as f64 / K).round() as u64;
    if kb < 1000 {
        let kb = if bytes > 0 { kb.max(1) } else { 0 };
        return format!("{kind}, {kb} KB");
    }
    let (mut value, mut unit) = (bytes as f64 / K / K, "MB");
    if value >= 999.5 {
        value /= K;
        unit = "GB";
    }
    let tenths = (value * 10.0).round() as u64;
    if tenths < 1000 && !tenths.is_multiple_of(10) {
        format!("{kind}, {},{} {unit}", tenths / 10, tenths % 10)
    } else {
        format!("{kind}, {} {unit}", group_thousands(value.round() as u64))
    }
}

/// Collapse runs of white space to single spaces and trim.
pub fn squash_spaces(s: &str) -> String {
    // Most values have nothing to squash: no white space but single ASCII
    // spaces between words.
    let bytes = s.as_bytes();
    let clean = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if clean {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cut plain text to at most `max` characters at a word boundary, adding `…`.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Undo the HTML escaping of an attribute value or a text without tags
/// (the five entities bantin's own escaping writes), `&amp;` last.
pub fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Where an article's text (without BOM, with LF line ends) is cut by its
/// `---` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fences {
    /// The first line is not `---`.
    NoOpening,
    /// Opened on line 1, never closed.
    Unclosed,
    /// The front matter is `text[yaml]`; the body starts at byte `body`,
    /// on line `body_line` (1-based).
    Found {
        yaml: std::ops::Range<usize>,
        body: usize,
        body_line: usize,
    },
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// YAML's own end of a document, `...`, closes the front matter as `---`
/// does (as in Jekyll and Pandoc): it is never read as anything else there.
fn is_closer(line: &str) -> bool {
    is_fence(line) || line.trim_end() == "..."
}

/// Find the `---` line that opens the front matter and the `---` (or
/// `...`) line that closes it.
pub fn fences(text: &str) -> Fences {
    let first = text.lines().next().unwrap_or("");
    if !is_fence(first) {
        return Fences::NoOpening;
    }
    let yaml_start = (first.len() + 1).min(text.len());
    let mut offset = yaml_start;
    for (line_no, line) in (2..).zip(text[offset..].split_inclusive('\n')) {
        if is_closer(line.trim_end_matches('\n')) {
            return Fences::Found {
                yaml: yaml_start..offset,
                body: (offset + line.len()).min(text.len()),
                body_line: line_no + 1,
            };
        }
        offset += line.len();
    }
    Fences::Unclosed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_labels_give_type_and_size_the_vietnamese_way() {
        let cases: &[(&str, u64, &str)] = &[
            ("pdf", 348_160, "PDF, 340 KB"),
            (".docx", 0, "DOCX, 0 KB"),
            ("pdf", 1, "PDF, 1 KB"),
            ("pdf", 1_535, "PDF, 1 KB"),
            ("pdf", 1_536, "PDF, 2 KB"),
            ("xls", 999 * 1024, "XLS, 999 KB"),
            ("xls", 1000 * 1024, "XLS, 1 MB"),
            ("xlsx", 1_258_291, "XLSX, 1,2 MB"),
            ("zip", 2 << 20, "ZIP, 2 MB"),
            ("zip", 13_107_200, "ZIP, 12,5 MB"),
            ("zip", 104_816_000, "ZIP, 100 MB"),
            ("zip", 150 << 20, "ZIP, 150 MB"),
            ("zip", 999 << 20, "ZIP, 999 MB"),
            ("zip", 1_610_612_736, "ZIP, 1,5 GB"),
            ("zip", 1234 << 30, "ZIP, 1.234 GB"),
        ];
        for &(ext, bytes, want) in cases {
            assert_eq!(file_label(ext, bytes), want, "{ext} {bytes}");
        }
        for (ext, bytes, want) in [("", 2048, "Tệp, 2 KB"), (".pdf", 340 * 1024, "PDF, 340 KB")] {
            assert_eq!(file_label(ext, bytes), want, "{ext} {bytes}");
        }
    }

    #[test]
    fn fences_cut_the_front_matter_from_the_body() {
        let t = "---\ntitle: a\n---  \nbody\n";
        assert_eq!(
            fences(t),
            Fences::Found {
                yaml: 4..13,
                body: 19,
                body_line: 4
            }
        );
        assert_eq!(&t[19..], "body\n");
        assert_eq!(fences("title: a\n"), Fences::NoOpening);
        assert_eq!(fences("---\ntitle: a\n"), Fences::Unclosed);
        assert_eq!(fences("---\ntitle: a\n—\nbody\n"), Fences::Unclosed);
        assert_eq!(
            fences("---\ntitle: a\n... \nbody\n"),
            Fences::Found {
                yaml: 4..13,
                body: 18,
                body_line: 4
            }
        );
        assert_eq!(
            fences("---\n---"),
            Fences::Found {
                yaml: 4..4,
                body: 7,
                body_line: 3
            }
        );
    }

    #[test]
    fn squashing_spaces_matches_splitting_on_white_space() {
        for s in [
            "",
            " ",
            "Dân vận khéo",
            " Dân vận",
            "Dân vận ",
            "Dân  vận",
            "Dân\tvận",
            "Dân\u{a0}vận",
            "Dân\u{3000}vận",
            "a\nb",
            "a \u{2028} b",
        ] {
            let slow = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_spaces(s), slow, "{s:?}");
        }
    }

    #[test]
    fn slugs_drop_accents_and_map_d() {
        assert_eq!(slugify("CÔNG TÁC ĐẢNG"), "cong-tac-dang");
        assert_eq!(slugify("Đường Đức Giang"), "duong-duc-giang");
        assert_eq!(slugify("MẶT TRẬN - ĐOÀN THỂ"), "mat-tran-doan-the");
        assert_eq!(slugify("  Quý I/2020: giao ban!  "), "quy-i-2020-giao-ban");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn slugs_of_nfd_and_nfc_agree() {
        let nfd: String = "Công tác Đảng".nfd().collect();
        assert_ne!(nfd, "Công tác Đảng");
        assert_eq!(slugify(&nfd), "cong-tac-dang");
    }

    #[test]
    fn d_with_stroke_becomes_d_in_both_cases_and_forms() {
        let title = "Đoàn Đại biểu Đảng ủy phường Đồng Đa đến thăm Đền Đô";
        let want = "doan-dai-bieu-dang-uy-phuong-dong-da-den-tham-den-do";
        assert_eq!(slugify(title), want);
        assert_eq!(slugify(&title.nfd().collect::<String>()), want);
        assert_eq!(slugify(&title.to_uppercase()), want);
        assert_eq!(slugify("đĐ"), "dd");
    }

    #[test]
    fn match_keys_ignore_case_and_form() {
        let nfd: String = "CÔNG TÁC ĐẢNG".nfd().collect();
        assert_eq!(match_key("Công tác  Đảng"), match_key("CÔNG TÁC ĐẢNG"));
        assert_eq!(match_key(&nfd), match_key("công tác đảng"));
        assert_ne!(match_key("Cong tac Dang"), match_key("Công tác Đảng"));
    }

    #[test]
    fn nfc_normalises_only_when_needed() {
        let nfd: String = "Dân vận".nfd().collect();
        assert!(matches!(nfc("Dân vận"), Cow::Borrowed(_)));
        assert_eq!(nfc(&nfd), "Dân vận");
        // The byte scan agrees with the character test …
        for text in [
            "Dân vận Đức Giang “trích” – …",
            "e\u{301}",
            "日本",
            "\u{2028}",
            "\u{1F00}",
            "a\u{300}",
        ] {
            assert_eq!(
                surely_nfc_bytes(text.as_bytes()),
                text.chars().all(surely_nfc),
                "{text:?}"
            );
        }
        // Every fast-path character really is NFC on its own …
        for c in ('\0'..'\u{300}')
            .chain('\u{1E00}'..='\u{1EFF}')
            .chain('\u{2010}'..='\u{2027}')
        {
            let s = c.to_string();
            assert_eq!(s.nfc().collect::<String>(), s, "U+{:04X}", c as u32);
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
        }
        // … and a combining mark after one still composes.
        assert_eq!(
            nfc("Ðe\u{301} \u{2014} \u{1EA1}\u{302}"),
            "Ðé \u{2014} \u{1EAD}"
        );
    }

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(290), "290");
        assert_eq!(group_thousands(1204), "1.204");
        assert_eq!(group_thousands(12345), "12.345");
        assert_eq!(group_thousands(1234567), "1.234.567");
    }

    #[test]
    fn truncation_cuts_at_words() {
        assert_eq!(truncate_words("một hai ba", 20), "một hai ba");
        assert_eq!(truncate_words("một hai ba bốn năm sáu", 12), "một hai ba…");
    }
}
