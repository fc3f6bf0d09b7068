//! Accents cut off their letters, as text copied out of a PDF has them:
//! `To ̂ ́i nga ̀y` (a letter, a space, a combining mark). [`join`] puts
//! each mark back on its letter (`Tối ngày` after NFC) and says where;
//! a mark with no letter before it, or marks that make no letter
//! together with it, are refused rather than guessed. Marks already on
//! their letter (NFD text, as macOS and some Word copies save it) are
//! legal and left to NFC.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The combining diacritical marks (U+0300..U+036F): every Vietnamese
/// accent is one of them.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// White space a PDF copy leaves between a letter and its marks.
fn is_gap(c: char) -> bool {
    c == ' ' || c == '\u{A0}'
}

/// What [`join`] did: the text with the gaps removed (not yet NFC), how
/// many letters got their marks back, and the first one, as it was typed
/// and as it reads now, with its 1-based line and column.
#[derive(Debug, PartialEq, Eq)]
pub struct Joined<'a> {
    pub text: Cow<'a, str>,
    pub count: usize,
    pub first: Option<Repair>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub line: usize,
    pub column: usize,
    pub typed: String,
    pub reads: String,
}

/// Why marks cannot be put back: where, and what was typed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub column: usize,
    pub typed: String,
    /// `true`: nothing (the start of a line, a digit, a sign) to attach to;
    /// `false`: the letter and its marks make no single letter.
    pub no_letter: bool,
}

/// Join the marks of `text` to their letters (see the module's doc).
pub fn join(text: &str) -> Result<Joined<'_>, Refused> {
    let unchanged = || Joined {
        text: Cow::Borrowed(text),
        count: 0,
        first: None,
    };
    // U+0300..U+036F are CC 80..CD AF in UTF-8: most text has no CC/CD.
    if memchr::memchr2(0xCC, 0xCD, text.as_bytes()).is_none() || !needs_join(text) {
        return Ok(unchanged());
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut drop = vec![false; chars.len()];
    let mut bases: Vec<usize> = Vec::new();
    for k in 0..chars.len() {
        if !is_mark(chars[k].1) {
            continue;
        }
        let mut i = k;
        while i > 0 && is_gap(chars[i - 1].1) {
            i -= 1;
        }
        let before = i.checked_sub(1).map(|j| chars[j].1);
        match before {
            Some(b) if i == k && b != '\n' => continue,
            Some(b) if b.is_alphabetic() || is_mark(b) => {
                drop[i..k].iter_mut().for_each(|d| *d = true);
                let mut base = i - 1;
                while base > 0 && (is_mark(chars[base].1) || drop[base]) {
                    base -= 1;
                }
                if bases.last() != Some(&base) {
                    bases.push(base);
                }
            }
            _ => return Err(refused(text, &chars, k, true)),
        }
    }
    let mut joined = String::with_capacity(text.len());
    for (k, (_, c)) in chars.iter().enumerate() {
        if !drop[k] {
            joined.push(*c);
        }
    }
    for &base in &bases {
        let cluster: String = cluster(&chars, &drop, base).collect();
        if cluster.nfc().count() != 1 {
            return Err(refused(text, &chars, base, false));
        }
    }
    let first = bases.first().map(|&base| {
        // The whole word, from its first letter.
        let mut start = base;
        while start > 0 && (chars[start - 1].1.is_alphabetic() || is_mark(chars[start - 1].1)) {
            start -= 1;
        }
        let (line, column) = position(text, chars[start].0);
        let typed = word(&chars, start);
        let reads = typed.chars().filter(|c| !is_gap(*c)).nfc().collect();
        Repair {
            line,
            column,
            typed,
            reads,
        }
    });
    Ok(Joined {
        text: Cow::Owned(joined),
        count: bases.len(),
        first,
    })
}

/// Is any mark away from its letter (after a gap, or first on a line)?
fn needs_join(text: &str) -> bool {
    let mut prev = '\n';
    text.chars().any(|c| {
        let away = is_mark(c) && (is_gap(prev) || prev == '\n');
        prev = c;
        away
    })
}

/// The letter at `base` and the marks kept after it.
fn cluster<'c>(
    chars: &'c [(usize, char)],
    drop: &'c [bool],
    base: usize,
) -> impl Iterator<Item = char> + 'c {
    std::iter::once(chars[base].1).chain(
        (base + 1..chars.len())
            .take_while(move |&k| drop[k] || is_mark(chars[k].1))
            .filter(move |&k| !drop[k])
            .map(move |k| chars[k].1),
    )
}

/// The word from `start` as typed: letters, marks, and gaps followed by a
/// mark; at most 24 characters.
fn word(chars: &[(usize, char)], start: usize) -> String {
    let mut out = String::new();
    let mut k = start;
    while k < chars.len() && out.chars().count() < 24 {
        let c = chars[k].1;
        if is_gap(c) {
            let next = (k..chars.len()).find(|&j| !is_gap(chars[j].1));
            if !next.is_some_and(|j| is_mark(chars[j].1)) {
                break;
            }
        } else if !(c.is_alphabetic() || is_mark(c)) {
            break;
        }
        out.push(c);
        k += 1;
    }
    out
}

fn refused(text: &str, chars: &[(usize, char)], at: usize, no_letter: bool) -> Refused {
    let (line, column) = position(text, chars[at].0);
    // A mark alone is shown on a dotted circle, as Unicode charts do.
    let circle = is_mark(chars[at].1).then_some('\u{25CC}');
    let typed = circle
        .into_iter()
        .chain(
            chars[at..]
                .iter()
                .map(|(_, c)| *c)
                .take_while(|c| *c != '\n')
                .take(12),
        )
        .collect();
    Refused {
        line,
        column,
        typed,
        no_letter,
    }
}

/// 1-based line and column (in characters) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    #[test]
    fn marks_cut_off_their_letters_are_joined_back() {
        let typed = "Sáng nay\nTo \u{302} \u{301}i nga \u{300}y họp";
        let j = join(typed).unwrap();
        assert_eq!(nfc(&j.text), "Sáng nay\nTối ngày họp");
        assert_eq!(j.count, 2);
        let first = j.first.unwrap();
        assert_eq!((first.line, first.column), (2, 1));
        assert_eq!(first.typed, "To \u{302} \u{301}i");
        assert_eq!(first.reads, "Tối");
        // Several gaps, and a no-break space.
        let j = join("nga  \u{300}y Đe\u{a0}\u{323}p").unwrap();
        assert_eq!(nfc(&j.text), "ngày Đẹp");
    }

    #[test]
    fn text_without_cut_marks_is_left_alone() {
        let nfd: String = "Tối ngày Đảng".nfd().collect();
        for text in ["Tối ngày", "", "a \u{2014} b", nfd.as_str(), "5\u{301}"] {
            let j = join(text).unwrap();
            assert!(matches!(j.text, Cow::Borrowed(_)), "{text:?}");
            assert_eq!((j.count, j.first), (0, None));
        }
    }

    #[test]
    fn a_mark_with_nothing_to_attach_to_is_refused() {
        for (text, at) in [
            ("\u{301}a", (1, 1)),
            ("dòng một\n\u{300}y", (2, 1)),
            ("dòng một\n  \u{300}y", (2, 3)),
            ("số 5 \u{301}", (1, 6)),
            ("( \u{300})", (1, 3)),
        ] {
            let r = join(text).unwrap_err();
            assert!(r.no_letter, "{text:?}");
            assert!(r.typed.starts_with('\u{25CC}'), "{text:?}");
            assert_eq!((r.line, r.column), at, "{text:?}");
        }
    }

    #[test]
    fn marks_that_make_no_letter_are_refused() {
        // Two tone marks on one vowel: which one was meant?
        let r = join("nga \u{300} \u{301}y").unwrap_err();
        assert!(!r.no_letter);
        assert_eq!((r.line, r.column), (1, 3));
        assert!(join("x \u{302}").is_err());
    }
}
