//! Words as the search index sees them: text folded the way `search.js`
//! folds a query (accents dropped, đ → d, lower case) and split on anything
//! but `a-z0-9`, each word packed into an integer so that indexing never
//! allocates a string per word.

/// Words longer than this are not indexed (URLs, hashes, runs of digits).
const MAX_WORD: usize = 24;

/// Append `s` folded to `out`: accents and other combining marks dropped,
/// đ/Đ → d, lower case (what `search.js` does with `normalize("NFD")`).
pub(super) fn fold_into(s: &str, out: &mut String) {
    let table = latin_table();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let quick = match c as u32 {
            n @ 0xC0..=0x24F => table[(n - 0xC0) as usize],
            n @ 0x1E00..=0x1EFF => table[(n - 0x1E00 + 0x190) as usize],
            _ => '\0',
        };
        if quick != '\0' {
            out.push(quick);
        } else {
            fold_char(c, out);
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    if c == 'đ' || c == 'Đ' {
        out.push('d');
        return;
    }
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !('\u{300}'..='\u{36f}').contains(&d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The folded form of every Latin letter with accents (U+00C0–U+024F and
/// U+1E00–U+1EFF, where all of Vietnamese is), when it is one character:
/// most of a Vietnamese text's letters, folded without a table search.
fn latin_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0xC0..=0x24F_u32)
            .chain(0x1E00..=0x1EFF)
            .map(|n| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(n) {
                    fold_char(c, &mut s);
                }
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(one), None) => one,
                    _ => '\0',
                }
            })
            .collect()
    })
}

/// Marks a character `latin_digits` cannot fold alone.
const SLOW: u8 = 0xFF;

/// The base-37 digit of each ASCII character (0: not a letter or digit).
const ASCII_DIGITS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = match c as u8 {
            b @ b'a'..=b'z' => b - b'a' + 1,
            b @ b'A'..=b'Z' => b - b'A' + 1,
            b @ b'0'..=b'9' => b - b'0' + 27,
            _ => 0,
        };
        c += 1;
    }
    t
};

/// `latin_table` as base-37 digits: 0 for a letter that folds to a
/// separator, `SLOW` for one that folds to several characters or none.
fn latin_digits() -> &'static [u8] {
    static DIGITS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DIGITS.get_or_init(|| {
        latin_table()
            .iter()
            .map(|&c| match c {
                '\0' => SLOW,
                c if c.is_ascii() => ASCII_DIGITS[c as usize],
                _ => 0,
            })
            .collect()
    })
}

/// A folded word of at most `MAX_WORD` characters of `a-z0-9`, packed as
/// base-37 digits 1–36 (37^24 < 2^128): the word maps compare and hash one
/// integer instead of a string, and no word is ever allocated while
/// indexing.
pub(super) type Key = u128;

/// The word a key stands for.
pub(super) fn word_of(mut key: Key) -> String {
    let mut rev = Vec::with_capacity(MAX_WORD);
    while key > 0 {
        let d = (key % 37) as u8;
        rev.push(if d <= 26 { b'a' + d - 1 } else { b'0' + d - 27 });
        key /= 37;
    }
    rev.iter().rev().map(|b| char::from(*b)).collect()
}

/// Whether a word is digits only (`2025`, `12`): base-37 digits 27–36.
pub(super) fn is_number(mut key: Key) -> bool {
    if let Ok(mut short) = u64::try_from(key) {
        // Most words: u64 arithmetic, not u128's slow division.
        while short > 0 {
            if short % 37 < 27 {
                return false;
            }
            short /= 37;
        }
        return true;
    }
    while key > 0 {
        if key % 37 < 27 {
            return false;
        }
        key /= 37;
    }
    true
}

/// Splits text into folded words as `fold_into` followed by `indexable`
/// would, in one pass: letters are folded as they are read.
#[derive(Default)]
pub(super) struct Words {
    /// Where a rare letter is folded the slow way (kept for its buffer).
    scratch: String,
}

/// The word being read: its first `SHORT` letters (most words have no
/// more) in a `u64`, then `key`. A local of `scan`, so that it lives in
/// registers.
#[derive(Default)]
struct Word {
    short: u64,
    key: Key,
    len: usize,
}

/// Letters that fit a `u64` as base-37 digits (37^12 < 2^64).
const SHORT: usize = 12;

impl Words {
    /// Call `emit` with every indexable word of `s`; a word never runs on
    /// from one call into the next. Works on the UTF-8 bytes: ASCII through
    /// a table, the Latin letters with accents (all of Vietnamese) decoded
    /// by hand and folded through a table, anything else the slow way.
    pub(super) fn scan(&mut self, s: &str, emit: &mut impl FnMut(Key)) {
        let digits = latin_digits();
        let bytes = s.as_bytes();
        let mut word = Word::default();
        let mut i = 0;
        while i < bytes.len() {
            let b0 = bytes[i];
            if b0 < 0x80 {
                word.push_digit(ASCII_DIGITS[usize::from(b0)], emit);
                i += 1;
                continue;
            }
            let cont = |k: usize| u32::from(bytes.get(i + k).map_or(0, |b| b & 0x3F));
            let (n, len) = match b0 {
                0xC0..=0xDF => ((u32::from(b0 & 0x1F) << 6) | cont(1), 2),
                0xE0..=0xEF => ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
                _ => (u32::MAX, 4),
            };
            let quick = match n {
                0xC0..=0x24F => digits[(n - 0xC0) as usize],
                0x1E00..=0x1EFF => digits[(n - 0x1E00 + 0x190) as usize],
                _ => SLOW,
            };
            if quick != SLOW {
                word.push_digit(quick, emit);
            } else if let Some(c) = s[i..].chars().next() {
                // Rare letters: fold the slow way; combining marks fold to
                // nothing, so a word in NFD stays one word.
                self.scratch.clear();
                fold_char(c, &mut self.scratch);
                for f in self.scratch.chars() {
                    word.push(u8::try_from(f).unwrap_or(b' '), emit);
                }
            }
            i += len;
        }
        word.end(emit);
    }
}

impl Word {
    /// A letter's base-37 digit, or 0 for a character that ends a word.
    #[inline(always)]
    fn push_digit(&mut self, d: u8, emit: &mut impl FnMut(Key)) {
        if d == 0 {
            self.end(emit);
            return;
        }
        if self.len < SHORT {
            self.short = self.short * 37 + u64::from(d);
        } else if self.len < MAX_WORD {
            if self.len == SHORT {
                self.key = u128::from(self.short);
            }
            self.key = self.key * 37 + u128::from(d);
        }
        self.len += 1;
    }

    fn push(&mut self, c: u8, emit: &mut impl FnMut(Key)) {
        let d = if c < 0x80 {
            ASCII_DIGITS[usize::from(c)]
        } else {
            0
        };
        self.push_digit(d, emit);
    }

    #[inline(always)]
    fn end(&mut self, emit: &mut impl FnMut(Key)) {
        match self.len {
            0 => return,
            1..=SHORT => emit(u128::from(self.short)),
            n if n <= MAX_WORD => emit(self.key),
            _ => {}
        }
        *self = Word::default();
    }
}

/// The indexable words of folded text, in order (what `Words` yields from
/// the text before folding).
#[cfg(test)]
fn indexable(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= MAX_WORD)
}

/// Call `visit` on the parts of a Markdown body a reader sees, without a
/// full Markdown parse (the index would otherwise cost a second parse of
/// every article): link destinations `](…)` and HTML tags `<…>` are
/// skipped; markup characters are not letters, so words split on them.
pub(super) fn visible_text(body: &str, visit: &mut dyn FnMut(&str)) {
    let bytes = body.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Jump to the next `]` or `<`: nothing else starts a skip.
        match memchr::memchr2(b']', b'<', &bytes[i..]) {
            Some(next) => i += next,
            None => break,
        }
        let skip_to = match bytes[i] {
            b']' if bytes.get(i + 1) == Some(&b'(') => Some(b')'),
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!') =>
            {
                Some(b'>')
            }
            _ => None,
        };
        if let Some(end) = skip_to {
            visit(&body[start..i]);
            let close = memchr::memchr2(end, b'\n', &bytes[i + 1..]);
            i = close.map_or(bytes.len(), |c| i + 1 + c + 1);
            start = i;
            continue;
        }
        i += 1;
    }
    if start < bytes.len() {
        visit(&body[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn visible_text_skips_link_targets_and_tags() {
        let mut seen = String::new();
        visible_text(
            "Xem [kế hoạch](ke-hoach.pdf) và <a href=\"x\">ảnh</a> **đẹp** ](",
            &mut |t| seen.push_str(t),
        );
        assert_eq!(seen, "Xem [kế hoạch và ảnh **đẹp** ");
    }

    #[test]
    fn folding_drops_accents_and_d_bar() {
        assert_eq!(fold("Dân vận"), "dan van");
        assert_eq!(fold("ĐỨC GIANG"), "duc giang");
        assert_eq!(fold("Nghị quyết Đại hội"), "nghi quyet dai hoi");
        // NFD input folds the same.
        assert_eq!(fold("Da\u{302}n va\u{323}\u{302}n"), "dan van");
        // Every letter of the quick table folds as the slow way does.
        for n in (0xC0..=0x24F_u32).chain(0x1E00..=0x1EFF) {
            let c = char::from_u32(n).unwrap();
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "{c}");
        }
    }

    #[test]
    fn words_split_on_punctuation() {
        let folded = fold("Hội nghị (QCDC) năm 2020-2022: “Dân vận khéo”");
        let got: Vec<&str> = indexable(&folded).collect();
        assert_eq!(
            got,
            [
                "hoi", "nghi", "qcdc", "nam", "2020", "2022", "dan", "van", "kheo"
            ]
        );
    }

    #[test]
    fn one_pass_words_equal_folding_then_splitting() {
        let texts = [
            "Hội nghị (QCDC) năm 2020-2022: “Dân vận khéo”",
            "Da\u{302}n va\u{323}\u{302}n ĐỨC GIANG đức giang",
            "Kelvin \u{212A} Ångström \u{212B} æøß straße Ωμέγα 東京 Привет",
            "a123456789012345678901234 abcdefghijklmnopqrstuvwx abcdefghijklmnopqrstuvwxy z",
            "",
            "   ",
            "ﬁle café naïve Œuvre İstanbul ǅ",
        ];
        for text in texts {
            let folded = fold(text);
            let expected: Vec<&str> = indexable(&folded).collect();
            let mut got = Vec::new();
            Words::default().scan(text, &mut |k| got.push(word_of(k)));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn numbers_are_digits_only() {
        let number = |w: &str| {
            let mut got = Vec::new();
            Words::default().scan(w, &mut |k| got.push(is_number(k)));
            got
        };
        assert_eq!(
            number("2025 12 q3 3q so 999999999999999999999999"),
            [true, true, false, false, false, true]
        );
        assert_eq!(
            number("abcdefghijklmnopqrstuvwx a1234567890123456789012"),
            [false, false]
        );
    }

    #[test]
    fn packed_words_round_trip() {
        for w in [
            "a",
            "z",
            "0",
            "9",
            "dan",
            "zzzzzzzzzzzzzzzzzzzzzzzz",
            "999999999999999999999999",
        ] {
            let mut got = Vec::new();
            Words::default().scan(w, &mut |k| got.push(word_of(k)));
            assert_eq!(got, [w]);
        }
    }
}
