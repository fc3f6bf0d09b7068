//! Legacy Vietnamese encodings for `bantin import`: turns the bytes of a
//! portal text into Unicode (NFC, LF line ends, no BOM), converting what
//! was typed with a legacy font or saved in a legacy code page.
//!
//! - TCVN3 (ABC) and VNI text pasted as Unicode ("mojibake": the Latin-1
//!   rendering of the legacy font's bytes) is spotted by
//!   [`crate::load::find_mojibake`] and converted line by line, leaving the
//!   lines that are already real Unicode (a portal's own header) alone;
//! - bytes that are not UTF-8 are read as Windows-1258, TCVN3 (in the
//!   ABC fonts' form or the full code, see [`tcvn3`]) or VNI;
//! - UTF-16 (Notepad's "Unicode") is decoded.
//!
//! A conversion is applied only when its result reads as Vietnamese (few
//! stray Latin-1 signs, words with at most one tone mark) and no other
//! reading does, and it holds no control character; otherwise the text is
//! refused, never guessed.

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::tcvn3::{self, Form};
use crate::load;
use crate::text::nfc;

/// A conversion applied to a file, to tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// TCVN3 (ABC) text pasted as Unicode: this many lines converted.
    Tcvn3Pasted(usize),
    /// VNI text pasted as Unicode: this many lines converted.
    VniPasted(usize),
    /// A file saved in the Windows-1258 code page.
    Windows1258,
    /// A file saved with TCVN3 (ABC) bytes.
    Tcvn3Bytes,
    /// A file saved in the full TCVN3 code, capitals with tone marks
    /// included (glibc's `iconv -t TCVN5712-1`).
    Tcvn3FullBytes,
    /// A file saved with VNI bytes.
    VniBytes,
    /// A UTF-16 file (Notepad's "Unicode").
    Utf16,
}

impl Conversion {
    /// The encoding the text was read in.
    fn encoding(self) -> &'static str {
        match self {
            Conversion::Tcvn3Pasted(_) | Conversion::Tcvn3Bytes => "TCVN3 (ABC)",
            Conversion::Tcvn3FullBytes => "TCVN3 (TCVN 5712:1993)",
            Conversion::VniPasted(_) | Conversion::VniBytes => "VNI",
            Conversion::Windows1258 => "Windows-1258",
            Conversion::Utf16 => "UTF-16",
        }
    }
}

impl fmt::Display for Conversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let encoding = self.encoding();
        let text = match self {
            Conversion::Tcvn3Pasted(n) | Conversion::VniPasted(n) => {
                crate::t!("import-converted-pasted", count = *n, encoding = encoding)
            }
            Conversion::Windows1258 | Conversion::Utf16 => {
                crate::t!("import-decoded", encoding = encoding)
            }
            _ => crate::t!("import-decoded-bytes", encoding = encoding),
        };
        write!(f, "{text}")
    }
}

/// Why a text was refused: the message and, where known, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub line: Option<(usize, usize)>,
}

/// Text ready for the portal parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub conversion: Option<Conversion>,
}

/// Decode a file's bytes into NFC Unicode text with LF line ends.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    let decoded = if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let decoded = from_unicode(&clean(&text))?;
        Decoded {
            conversion: decoded.conversion.or(Some(Conversion::Utf16)),
            ..decoded
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => from_unicode(&clean(text.strip_prefix('\u{feff}').unwrap_or(text)))?,
            Err(_) => from_bytes(bytes)?,
        }
    };
    match decoded.conversion {
        Some(conversion) => no_control(decoded, conversion),
        None => Ok(decoded),
    }
}

/// A converted text holds no control character but tab and line end: one
/// means the text was not in that encoding (or not all of it).
fn no_control(decoded: Decoded, conversion: Conversion) -> Result<Decoded, Refusal> {
    let found = decoded.text.split('\n').enumerate().find_map(|(i, line)| {
        let (col, c) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')?;
        Some((i + 1, col + 1, c))
    });
    let Some((line, column, c)) = found else {
        return Ok(decoded);
    };
    Err(Refusal {
        message: crate::t!(
            "import-control-character",
            encoding = conversion.encoding(),
            code = format!("U+{:04X}", u32::from(c))
        ),
        line: Some((line, column)),
    })
}

/// LF line ends and NFC.
fn clean(text: &str) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    nfc(&text).into_owned()
}

/// Unicode text: as it is, unless it is legacy-font mojibake.
fn from_unicode(text: &str) -> Result<Decoded, Refusal> {
    let Some(found) = load::find_mojibake(text) else {
        return Ok(Decoded {
            text: text.to_string(),
            conversion: None,
        });
    };
    let pasted = Tcvn3Pasted::of(text);
    let (tcvn, tcvn_lines) = convert_pasted(text, |line| pasted.line(line));
    let (vni, vni_lines) = convert_pasted(text, vni_line);
    let kind = if found.vni { "VNI" } else { "TCVN3 (ABC)" };
    match (
        reads_vietnamese(&tcvn),
        reads_vietnamese(&vni),
        pasted.doubt,
    ) {
        (true, false, Some(at)) => Err(tcvn3_doubt(text, at)),
        (true, false, None) => Ok(Decoded {
            text: tcvn,
            conversion: Some(Conversion::Tcvn3Pasted(tcvn_lines)),
        }),
        (false, true, _) => Ok(Decoded {
            text: vni,
            conversion: Some(Conversion::VniPasted(vni_lines)),
        }),
        _ => Err(Refusal {
            message: crate::t!(
                "import-unsure-pasted",
                encoding = kind,
                sample = sample(text, found.line)
            ),
            line: Some((found.line, found.column)),
        }),
    }
}

/// A TCVN3 text with a character, at `at` (line and column), that the
/// ABC fonts and the full code read differently, and neither reading fits
/// (see [`tcvn3::doubt`]).
fn tcvn3_doubt(text: &str, at: (usize, usize)) -> Refusal {
    let (line, _) = at;
    Refusal {
        message: crate::t!("import-tcvn3-doubt", sample = sample(text, line)),
        line: Some(at),
    }
}

/// Bytes that are not UTF-8: the one legacy reading that gives Vietnamese.
fn from_bytes(bytes: &[u8]) -> Result<Decoded, Refusal> {
    let (w1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // A legacy font's bytes, as Windows shows them: Latin-1 letters, and
    // Windows-1252 quotes and dashes in 0x80..=0x9F.
    let (ansi, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let form = Form::of(bytes.iter().copied());
    let doubt = tcvn3::doubt(bytes, form);
    let tcvn3: String = bytes.iter().map(|b| form.char(*b)).collect();
    let (tcvn3, tcvn3_conversion) = match form {
        Form::Abc => (
            per_line(&clean(&tcvn3), tcvn3::capital_line),
            Conversion::Tcvn3Bytes,
        ),
        Form::Full => (clean(&tcvn3), Conversion::Tcvn3FullBytes),
    };
    let candidates = [
        (clean(&w1258), Conversion::Windows1258),
        (tcvn3, tcvn3_conversion),
        (per_line(&clean(&ansi), vni_line), Conversion::VniBytes),
    ];
    let mut good = candidates
        .into_iter()
        .filter(|(text, _)| reads_vietnamese(text));
    match (good.next(), good.next(), doubt) {
        (Some((text, Conversion::Tcvn3Bytes | Conversion::Tcvn3FullBytes)), None, Some(at)) => {
            Err(tcvn3_doubt(&text, line_column(bytes, at)))
        }
        (Some((text, conversion)), None, _) => Ok(Decoded {
            text,
            conversion: Some(conversion),
        }),
        _ => {
            let valid = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            Err(Refusal {
                message: crate::t!(
                    "import-not-vietnamese",
                    byte = format!("0x{:02X}", bytes[valid])
                ),
                line: Some(line_column(bytes, valid)),
            })
        }
    }
}

/// The line and column of byte `at`, counting the valid UTF-8 before it
/// as characters and other bytes as one each.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

fn per_line(text: &str, convert: fn(&str) -> String) -> String {
    let lines: Vec<String> = text.split('\n').map(convert).collect();
    nfc(&lines.join("\n")).into_owned()
}

fn sample(text: &str, line: usize) -> String {
    let l = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    l.trim().chars().take(60).collect()
}

/// Convert the lines that hold legacy-font characters and no real
/// Unicode Vietnamese; count them.
fn convert_pasted(text: &str, convert: impl Fn(&str) -> String) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_pasted_legacy(line) {
            out.push_str(&convert(line));
            count += 1;
        } else {
            out.push_str(line);
        }
    }
    (out, count)
}

/// A line typed with a legacy font: some character that is a legacy
/// font's letter (Latin-1, or a byte only the full TCVN3 code uses as
/// Windows shows it), and no real Unicode Vietnamese.
fn is_pasted_legacy(line: &str) -> bool {
    let legacy = line.chars().any(|c| {
        ('\u{A1}'..='\u{FF}').contains(&c)
            || (!c.is_ascii_graphic()
                && !c.is_whitespace()
                && tcvn3::byte_of(c).is_some_and(|b| Form::of([b]) == Form::Full))
    });
    legacy && !line.chars().any(is_real_unicode_vietnamese)
}

/// Letters only Unicode Vietnamese has (never a legacy font's Latin-1).
fn is_real_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// TCVN3 pasted as Unicode: the form its converted lines' bytes are in,
/// and where that reading is in doubt (line, column; see [`tcvn3::doubt`]).
struct Tcvn3Pasted {
    form: Form,
    doubt: Option<(usize, usize)>,
}

impl Tcvn3Pasted {
    fn of(text: &str) -> Tcvn3Pasted {
        let lines = || {
            text.split('\n')
                .enumerate()
                .filter(|(_, l)| is_pasted_legacy(l))
        };
        let form = Form::of(lines().flat_map(|(_, l)| pasted_bytes(l)));
        let doubt = lines().find_map(|(i, l)| {
            let bytes: Vec<u8> = pasted_bytes(l).collect();
            tcvn3::doubt(&bytes, form).map(|col| (i + 1, col + 1))
        });
        Tcvn3Pasted { form, doubt }
    }

    /// One line of TCVN3 mojibake in Unicode.
    fn line(&self, line: &str) -> String {
        let text: String = line
            .chars()
            .map(|c| tcvn3::byte_of(c).map_or(c, |b| self.form.char(b)))
            .collect();
        let text = nfc(&text).into_owned();
        match self.form {
            Form::Abc => tcvn3::capital_line(&text),
            Form::Full => text,
        }
    }
}

/// The bytes a pasted line's characters were, one a character (`?` for
/// one no legacy byte shows as).
fn pasted_bytes(line: &str) -> impl Iterator<Item = u8> + '_ {
    line.chars().map(|c| tcvn3::byte_of(c).unwrap_or(b'?'))
}

/// The VNI letters that stand alone.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// The VNI characters that add marks to the vowel before them.
fn vni_marks(c: char) -> Option<(Option<char>, Option<char>)> {
    let [grave, acute, hook, tilde, dot] = TONES.map(Some);
    Some(match c.to_lowercase().next()? {
        'ø' => (None, grave),
        'ù' => (None, acute),
        'û' => (None, hook),
        'õ' => (None, tilde),
        'ï' => (None, dot),
        'â' => (Some(CIRCUMFLEX), None),
        'à' => (Some(CIRCUMFLEX), grave),
        'á' => (Some(CIRCUMFLEX), acute),
        'å' => (Some(CIRCUMFLEX), hook),
        'ã' => (Some(CIRCUMFLEX), tilde),
        'ä' => (Some(CIRCUMFLEX), dot),
        'ê' => (Some(BREVE), None),
        'è' => (Some(BREVE), grave),
        'é' => (Some(BREVE), acute),
        'ú' => (Some(BREVE), hook),
        'ü' => (Some(BREVE), tilde),
        'ë' => (Some(BREVE), dot),
        _ => return None,
    })
}

/// One line of VNI mojibake in Unicode: marks typed after their vowel.
pub fn vni_line(line: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(line.len());
    // The last vowel and the marks it already has.
    let mut vowel: Option<char> = None;
    let (mut has_shape, mut has_tone) = (false, false);
    for c in line.chars() {
        if let (Some(v), Some((shape, tone))) = (vowel, vni_marks(c)) {
            let base = v.to_lowercase().next().unwrap_or(v);
            let shape_ok = match shape {
                None => true,
                Some(CIRCUMFLEX) => !has_shape && matches!(base, 'a' | 'e' | 'o'),
                Some(_) => !has_shape && base == 'a',
            };
            if shape_ok && !(tone.is_some() && has_tone) {
                out.extend(shape);
                out.extend(tone);
                has_shape |= shape.is_some();
                has_tone |= tone.is_some();
                continue;
            }
        }
        let letter = vni_letter(c).unwrap_or(c);
        out.push(letter);
        let base: String = letter.to_lowercase().collect();
        vowel = matches!(base.as_str(), "a" | "e" | "i" | "o" | "u" | "y" | "ơ" | "ư")
            .then_some(letter);
        (has_shape, has_tone) = (false, false);
    }
    out.into_iter().nfc().collect()
}

/// Every Vietnamese letter with a diacritic, both cases.
fn vietnamese_letters() -> &'static HashSet<char> {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: HashSet<char> = "đĐ".chars().collect();
        for base in "aăâeêioôơuưy".chars() {
            for tone in [None].into_iter().chain(TONES.map(Some)) {
                let s: String = std::iter::once(base).chain(tone).nfc().collect();
                set.extend(s.chars());
                set.extend(s.to_uppercase().chars());
            }
        }
        set
    })
}

fn is_vietnamese_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || vietnamese_letters().contains(&c)
}

/// Characters a converted text must (almost) not hold: Latin-1 and
/// Windows-1252 signs and letters that are no Vietnamese letter.
fn is_stray(c: char) -> bool {
    let latin1 = ('\u{A1}'..='\u{FF}').contains(&c) && c != '°';
    let cp1252 = "ƒˆ‰Š‹ŒŽšœžŸ˜™".contains(c);
    let combining = ('\u{300}'..='\u{36F}').contains(&c);
    (latin1 || cp1252 || combining) && !is_vietnamese_letter(c)
}

/// Does `text` read as Vietnamese: almost no stray signs, and almost every
/// word with a diacritic a possible syllable (one tone mark at most, only
/// Vietnamese letters)?
pub fn reads_vietnamese(text: &str) -> bool {
    let stray = text.chars().filter(|c| is_stray(*c)).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let (mut words, mut bad) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic() && !is_stray(c)) {
        if word.is_ascii() {
            continue;
        }
        words += 1;
        let tones = word.nfd().filter(|m| TONES.contains(m)).count();
        if tones > 1 || !word.chars().all(is_vietnamese_letter) {
            bad += 1;
        }
    }
    letters > 0 && stray * 200 <= letters && bad * 50 <= words
}

#[cfg(test)]
#[path = "legacy_tests.rs"]
mod tests;
