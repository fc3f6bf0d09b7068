//! TCVN3 (TCVN 5712:1993), byte by byte, in the two forms it is met in:
//!
//! - the full code, as glibc's `iconv -t TCVN5712-1` writes it: capitals
//!   with tone marks at 0x01–0x17 (among the C0 control codes), at
//!   0x80–0x9F and in 16 places among the small letters, and five
//!   combining tone marks at 0xB0–0xB4;
//! - the ABC fonts' form (`.VnTime`): small letters with tone marks (and
//!   Ă Â Ê Ô Ơ Ư Đ) at 0xA0–0xFF, Windows-1252 quotes and dashes at
//!   0x80–0x9F, and a capital line typed with the capital font (`.VnTimeH`)
//!   in the small letters' bytes.
//!
//! [`Form::of`] tells them apart by the bytes only the full code uses; text
//! pasted as Unicode is mapped back to its bytes with [`byte_of`] first.

use std::sync::OnceLock;

/// glibc's TCVN5712-1: the capitals it puts among the C0 control codes.
/// Derived from `iconv -f TCVN5712-1 -t UTF-8`, byte by byte; the test
/// `the_table_is_glibcs` derives it again where `iconv` is installed.
#[rustfmt::skip]
pub(super) const C0: [(u8, char); 12] = [
    (0x01, 'Ú'), (0x02, 'Ụ'), (0x04, 'Ừ'), (0x05, 'Ử'), (0x06, 'Ữ'), (0x11, 'Ứ'),
    (0x12, 'Ự'), (0x13, 'Ỳ'), (0x14, 'Ỷ'), (0x15, 'Ỹ'), (0x16, 'Ý'), (0x17, 'Ỵ'),
];

/// glibc's TCVN5712-1: the character of each byte from 0x80 to 0xFF.
#[rustfmt::skip]
pub(super) const HIGH: [char; 128] = [
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', // 0x80
    'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ', // 0x88
    'Í', 'Ị', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', // 0x90
    'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ', // 0x98
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', // 0xA0
    'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', // 0xA8
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', // 0xB0
    'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ', // 0xB8
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', // 0xC0
    'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // 0xC8
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', // 0xD0
    'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // 0xD8
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', // 0xE0
    'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // 0xE8
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', // 0xF0
    'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', // 0xF8
];

/// Which form of TCVN3 a text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The full code (glibc's `TCVN5712-1`), capitals written as capitals.
    Full,
    /// The ABC fonts' form: no capitals with tone marks, Windows-1252
    /// punctuation at 0x80–0x9F.
    Abc,
}

impl Form {
    /// The full code when any byte is one only it uses: a capital among
    /// the control codes, at 0x80–0x9F (other than the Windows-1252 quotes,
    /// dashes, bullet and ellipsis the ABC fonts keep there) or among the
    /// small letters, or a combining tone mark right after a letter.
    pub fn of(bytes: impl IntoIterator<Item = u8>) -> Form {
        let mut prev = 0u8;
        for b in bytes {
            let full = match b {
                0x80..=0x9F => !is_punctuation(b),
                0xB0..=0xB4 => prev.is_ascii_alphabetic(),
                0xA8..=0xFF => HIGH[usize::from(b - 0x80)].is_uppercase(),
                _ => C0.iter().any(|(c0, _)| *c0 == b),
            };
            if full {
                return Form::Full;
            }
            prev = b;
        }
        Form::Abc
    }

    /// The character of byte `b` in this form.
    pub fn char(self, b: u8) -> char {
        match b {
            0x00..=0x7F if self == Form::Full => C0
                .iter()
                .find(|(c0, _)| *c0 == b)
                .map_or(char::from(b), |(_, c)| *c),
            0x80..=0x9F if self == Form::Abc => cp1252()[usize::from(b - 0x80)],
            // ASCII, and ° ± ² ³ ´ as Latin-1 has them.
            0x00..=0x7F | 0xB0..=0xB4 if self == Form::Abc => char::from(b),
            _ => HIGH[usize::from(b - 0x80)],
        }
    }
}

/// Windows-1252's quotes, dashes, bullet and ellipsis (0x85, 0x91–0x97).
fn is_punctuation(b: u8) -> bool {
    b == 0x85 || (0x91..=0x97).contains(&b)
}

/// Windows-1252 from 0x80 to 0x9F (its five undefined bytes as the C1
/// control codes of the same number, as Latin-1 shows them).
fn cp1252() -> &'static [char; 32] {
    static TABLE: OnceLock<[char; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = ['\0'; 32];
        for (i, c) in t.iter_mut().enumerate() {
            let b = [0x80 + i as u8];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&b);
            *c = s.chars().next().unwrap_or(char::from(b[0]));
        }
        t
    })
}

/// The byte a legacy font's character was, when its text was pasted as
/// Unicode (Latin-1 and Windows-1252 as Windows shows them); `None` for a
/// character no legacy byte shows as.
pub fn byte_of(c: char) -> Option<u8> {
    match u8::try_from(c) {
        Ok(b) => Some(b),
        Err(_) => cp1252()
            .iter()
            .position(|x| *x == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// Where a reading is in doubt: the index of a byte the ABC fonts and
/// the full code read differently, where `form`'s reading does not fit.
/// In the ABC fonts' form, a quote or dash between two letters (`H—I` is
/// the full code's `HỘI`). In the full code, such a byte read as a capital
/// in a word that is neither all capitals nor capitalised (`“Dân”` read as
/// `ỎDânÕ`), or a small letter with a tone mark between two capitals
/// (`TáC`, typed with the ABC capital font).
pub fn doubt(bytes: &[u8], form: Form) -> Option<usize> {
    let at = |i: usize| bytes.get(i).map(|b| form.char(*b));
    let letter = |i: usize| at(i).is_some_and(char::is_alphabetic);
    let capital = |i: usize| at(i).is_some_and(char::is_uppercase);
    (0..bytes.len()).find(|&i| match form {
        Form::Abc => is_punctuation(bytes[i]) && i > 0 && letter(i - 1) && letter(i + 1),
        Form::Full if is_punctuation(bytes[i]) => {
            let start = (0..i).rev().take_while(|&j| letter(j)).last().unwrap_or(i);
            let end = (i + 1..bytes.len()).take_while(|&j| letter(j)).count() + i + 1;
            let word: Vec<char> = bytes[start..end].iter().map(|b| form.char(*b)).collect();
            let capitals = word.iter().all(|c| !c.is_lowercase());
            let capitalised = start == i && word[1..].iter().all(|c| !c.is_uppercase());
            !(capitals || capitalised)
        }
        Form::Full => {
            bytes[i] >= 0xA0
                && at(i).is_some_and(char::is_lowercase)
                && i > 0
                && capital(i - 1)
                && capital(i + 1)
        }
    })
}

/// A line typed with an ABC capital font: its letters with tone marks are
/// the small letters' bytes, so a line whose plain letters are all
/// capitals (a category line) is made all capitals.
pub fn capital_line(line: &str) -> String {
    let ascii = line.chars().filter(char::is_ascii_alphabetic);
    let capitals = ascii.clone().count() >= 2 && ascii.clone().all(|c| c.is_ascii_uppercase());
    if capitals {
        line.to_uppercase()
    } else {
        line.to_string()
    }
}

#[cfg(test)]
#[path = "tcvn3_tests.rs"]
mod tests;
