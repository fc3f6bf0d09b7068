//! Legacy Vietnamese encodings for `bantin import`: turns the bytes of a
//! portal text into Unicode (NFC, LF line ends, no BOM), converting what
//! was typed with a legacy font or saved in a legacy code page.
//!
//! - TCVN3 (ABC) and VNI text pasted as Unicode ("mojibake": the Latin-1
//!   rendering of the legacy font's bytes) is spotted by
//!   [`crate::load::find_mojibake`] and converted line by line, leaving the
//!   lines that are already real Unicode (a portal's own header) alone;
//! - bytes that are not UTF-8 are read as Windows-1258, TCVN3 or VNI;
//! - UTF-16 (Notepad's "Unicode") is decoded.
//!
//! A conversion is applied only when its result reads as Vietnamese (few
//! stray Latin-1 signs, words with at most one tone mark) and no other
//! reading does; otherwise the text is refused, never guessed.

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

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
    /// A file saved with VNI bytes.
    VniBytes,
    /// A UTF-16 file (Notepad's "Unicode").
    Utf16,
}

impl fmt::Display for Conversion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conversion::Tcvn3Pasted(n) => write!(
                f,
                "converted {n} line(s) typed in TCVN3 (ABC) and pasted as Unicode"
            ),
            Conversion::VniPasted(n) => {
                write!(
                    f,
                    "converted {n} line(s) typed in VNI and pasted as Unicode"
                )
            }
            Conversion::Windows1258 => write!(f, "decoded from Windows-1258"),
            Conversion::Tcvn3Bytes => write!(f, "decoded from TCVN3 (ABC) bytes"),
            Conversion::VniBytes => write!(f, "decoded from VNI bytes"),
            Conversion::Utf16 => write!(f, "decoded from UTF-16"),
        }
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
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let decoded = from_unicode(&clean(&text))?;
        return Ok(Decoded {
            conversion: decoded.conversion.or(Some(Conversion::Utf16)),
            ..decoded
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => from_unicode(&clean(text.strip_prefix('\u{feff}').unwrap_or(text))),
        Err(_) => from_bytes(bytes),
    }
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
    let (tcvn, tcvn_lines) = convert_pasted(text, tcvn3_line);
    let (vni, vni_lines) = convert_pasted(text, vni_line);
    let kind = if found.vni { "VNI" } else { "TCVN3 (ABC)" };
    match (reads_vietnamese(&tcvn), reads_vietnamese(&vni)) {
        (true, false) => Ok(Decoded {
            text: tcvn,
            conversion: Some(Conversion::Tcvn3Pasted(tcvn_lines)),
        }),
        (false, true) => Ok(Decoded {
            text: vni,
            conversion: Some(Conversion::VniPasted(vni_lines)),
        }),
        _ => Err(Refusal {
            message: format!(
                "the text looks like {kind} typed with a legacy font and pasted as Unicode, but bantin is not sure how to convert it: `{}`",
                sample(text, found.line)
            ),
            line: Some((found.line, found.column)),
        }),
    }
}

/// Bytes that are not UTF-8: the one legacy reading that gives Vietnamese.
fn from_bytes(bytes: &[u8]) -> Result<Decoded, Refusal> {
    let (w1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    // A legacy font's bytes, as Windows shows them: Latin-1 letters, and
    // Windows-1252 quotes and dashes in 0x80..=0x9F.
    let (ansi, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let candidates = [
        (clean(&w1258), Conversion::Windows1258),
        (per_line(&clean(&ansi), tcvn3_line), Conversion::Tcvn3Bytes),
        (per_line(&clean(&ansi), vni_line), Conversion::VniBytes),
    ];
    let mut good = candidates
        .into_iter()
        .filter(|(text, _)| reads_vietnamese(text));
    match (good.next(), good.next()) {
        (Some((text, conversion)), None) => Ok(Decoded {
            text,
            conversion: Some(conversion),
        }),
        _ => {
            let valid = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
            let good = &bytes[..valid];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Err(Refusal {
                message: format!(
                    "the file is not UTF-8 text (byte 0x{:02X}), and reading it as Windows-1258, TCVN3 or VNI does not give clear Vietnamese text",
                    bytes[valid]
                ),
                line: Some((line, column)),
            })
        }
    }
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
fn convert_pasted(text: &str, convert: fn(&str) -> String) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let legacy = line.chars().any(|c| ('\u{A1}'..='\u{FF}').contains(&c));
        if legacy && !line.chars().any(is_real_unicode_vietnamese) {
            out.push_str(&convert(line));
            count += 1;
        } else {
            out.push_str(line);
        }
    }
    (out, count)
}

/// Letters only Unicode Vietnamese has (never a legacy font's Latin-1).
fn is_real_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// TCVN3 (ABC): byte (= the Latin-1 character it is pasted as) → letter.
#[rustfmt::skip]
const TCVN3: &[(char, char)] = &[
    ('µ', 'à'), ('¸', 'á'), ('¶', 'ả'), ('·', 'ã'), ('¹', 'ạ'),
    ('¨', 'ă'), ('»', 'ằ'), ('¾', 'ắ'), ('¼', 'ẳ'), ('½', 'ẵ'), ('Æ', 'ặ'),
    ('©', 'â'), ('Ç', 'ầ'), ('Ê', 'ấ'), ('È', 'ẩ'), ('É', 'ẫ'), ('Ë', 'ậ'),
    ('®', 'đ'),
    ('Ì', 'è'), ('Ð', 'é'), ('Î', 'ẻ'), ('Ï', 'ẽ'), ('Ñ', 'ẹ'),
    ('ª', 'ê'), ('Ò', 'ề'), ('Õ', 'ế'), ('Ó', 'ể'), ('Ô', 'ễ'), ('Ö', 'ệ'),
    ('×', 'ì'), ('Ý', 'í'), ('Ø', 'ỉ'), ('Ü', 'ĩ'), ('Þ', 'ị'),
    ('ß', 'ò'), ('ã', 'ó'), ('á', 'ỏ'), ('â', 'õ'), ('ä', 'ọ'),
    ('«', 'ô'), ('å', 'ồ'), ('è', 'ố'), ('æ', 'ổ'), ('ç', 'ỗ'), ('é', 'ộ'),
    ('¬', 'ơ'), ('ê', 'ờ'), ('í', 'ớ'), ('ë', 'ở'), ('ì', 'ỡ'), ('î', 'ợ'),
    ('ï', 'ù'), ('ó', 'ú'), ('ñ', 'ủ'), ('ò', 'ũ'), ('ô', 'ụ'),
    ('\u{AD}', 'ư'), ('õ', 'ừ'), ('ø', 'ứ'), ('ö', 'ử'), ('÷', 'ữ'), ('ù', 'ự'),
    ('ú', 'ỳ'), ('ý', 'ý'), ('û', 'ỷ'), ('ü', 'ỹ'), ('þ', 'ỵ'),
    ('¡', 'Ă'), ('¢', 'Â'), ('§', 'Đ'), ('£', 'Ê'), ('¤', 'Ô'), ('¥', 'Ơ'), ('¦', 'Ư'),
];

fn tcvn3_table() -> &'static [Option<char>; 96] {
    static TABLE: OnceLock<[Option<char>; 96]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [None; 96];
        for (from, to) in TCVN3 {
            t[*from as usize - 0xA0] = Some(*to);
        }
        t
    })
}

/// One line of TCVN3 mojibake in Unicode. TCVN3 has no capital letters
/// with tone marks: a line whose plain letters are all capitals (a
/// category line) is made all capitals.
pub fn tcvn3_line(line: &str) -> String {
    let table = tcvn3_table();
    let out: String = line
        .chars()
        .map(|c| match c as u32 {
            0xA0..=0xFF => table[c as usize - 0xA0].unwrap_or(c),
            _ => c,
        })
        .collect();
    let ascii = line.chars().filter(char::is_ascii_alphabetic);
    let capitals = ascii.clone().count() >= 2 && ascii.clone().all(|c| c.is_ascii_uppercase());
    if capitals { out.to_uppercase() } else { out }
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
