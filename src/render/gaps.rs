//! Ascending article numbers kept small: the search index's posting lists
//! as the gaps between numbers, each a LEB128 varint (a gap under 128, as
//! most are, takes one byte instead of four), written out for `search.js`
//! in the shorter of two forms over the URL-safe base-64 digits
//! `A–Z a–z 0–9 - _` (JSON needs no escaping for any of them):
//!
//! - gaps: each gap in 5-bit groups, lowest first, a digit per group with
//!   32 added while more groups follow (`[0, 3, 4, 40]` → `ADBkB`: 0, 3, 1,
//!   36 = 4 + 32·1);
//! - a bitmap, for the lists of common words: `~` then one digit per six
//!   numbers from 0, bit k of digit i set when 6i + k is in the list
//!   (`[0, 3, 4]` → `~Z`).

/// The digits, in the order of their values.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// An ascending list of numbers, stored as varint gaps from 0.
#[derive(Default, Clone, Debug, PartialEq)]
pub(super) struct Gaps {
    bytes: Vec<u8>,
    /// The last number pushed (the first gap is from 0).
    last: u32,
    /// How many digits the gaps form takes.
    digits: u32,
}

impl Gaps {
    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The last number pushed, if any.
    pub(super) fn last(&self) -> Option<u32> {
        (!self.is_empty()).then_some(self.last)
    }

    /// Append `n`, which must not be below the last number.
    pub(super) fn push(&mut self, n: u32) {
        let gap = n - if self.is_empty() { 0 } else { self.last };
        varint(&mut self.bytes, gap);
        self.digits += digits_of(gap);
        self.last = n;
    }

    /// Append `base + k` for every bit k set in `marks`, lowest first; the
    /// first must not be below the last number.
    pub(super) fn push_marks(&mut self, base: u32, mut marks: u64) {
        while marks != 0 {
            self.push(base + marks.trailing_zeros());
            marks &= marks - 1;
        }
    }

    /// Append a list whose numbers all come after this one's.
    pub(super) fn append(&mut self, other: Gaps) {
        let mut rest = other.bytes.as_slice();
        if let Some(first) = next(&mut rest) {
            self.push(first);
            self.bytes.extend_from_slice(rest);
            self.digits += other.digits - digits_of(first);
            self.last = other.last;
        }
    }

    /// Write the list in the shorter of its two forms (see the module doc).
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        if self.is_empty() {
            return;
        }
        let bitmap = (self.last as usize) / 6 + 2;
        if bitmap < self.digits as usize {
            self.write_bitmap(out, bitmap - 1);
        } else {
            self.write_gaps(out);
        }
    }

    fn write_gaps(&self, out: &mut Vec<u8>) {
        let mut rest = self.bytes.as_slice();
        while let Some(mut gap) = next(&mut rest) {
            while gap >= 32 {
                out.push(DIGITS[(gap & 31) as usize | 32]);
                gap >>= 5;
            }
            out.push(DIGITS[gap as usize]);
        }
    }

    fn write_bitmap(&self, out: &mut Vec<u8>, len: usize) {
        out.push(b'~');
        let start = out.len();
        out.resize(start + len, 0);
        let (mut rest, mut n) = (self.bytes.as_slice(), 0u32);
        while let Some(gap) = next(&mut rest) {
            n += gap;
            out[start + n as usize / 6] |= 1 << (n % 6);
        }
        for d in &mut out[start..] {
            *d = DIGITS[usize::from(*d)];
        }
    }
}

/// The numbers of a list as `Gaps::write` wrote it (what `search.js`
/// reads), or `None` when `text` is not such a list.
pub(super) fn parse(text: &[u8]) -> Option<Vec<u32>> {
    let value = |c: u8| DIGITS.iter().position(|d| *d == c).map(|v| v as u32);
    let mut out = Vec::new();
    if let Some(bits) = text.strip_prefix(b"~") {
        for (i, &c) in bits.iter().enumerate() {
            let v = value(c)?;
            out.extend(
                (0..6)
                    .filter(|k| v & (1 << k) != 0)
                    .map(|k| i as u32 * 6 + k),
            );
        }
        return Some(out);
    }
    let (mut last, mut gap, mut shift) = (0u32, 0u32, 0u32);
    for &c in text {
        let v = value(c)?;
        gap |= (v & 31).checked_shl(shift)?;
        shift += 5;
        if v < 32 {
            last = last.checked_add(gap)?;
            out.push(last);
            (gap, shift) = (0, 0);
        }
    }
    (shift == 0).then_some(out)
}

/// How many base-64 digits the gaps form gives `gap`.
fn digits_of(gap: u32) -> u32 {
    (32 - gap.leading_zeros()).div_ceil(5).max(1)
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn next(bytes: &mut &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for (i, &b) in bytes.iter().enumerate() {
        n |= u32::from(b & 0x7F) << (7 * i);
        if b < 0x80 {
            *bytes = &bytes[i + 1..];
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(ns: &[u32]) -> Gaps {
        let mut g = Gaps::default();
        for &n in ns {
            g.push(n);
        }
        g
    }

    fn text(g: &Gaps) -> String {
        let mut s = Vec::new();
        g.write(&mut s);
        String::from_utf8(s).unwrap()
    }

    /// What `search.js` does with a written list.
    fn read(s: &str) -> Vec<u32> {
        parse(s.as_bytes()).unwrap()
    }

    #[test]
    fn sparse_lists_are_gaps_dense_ones_bitmaps() {
        assert_eq!(text(&list(&[0, 3, 4, 40])), "ADBkB");
        assert_eq!(text(&list(&[])), "");
        assert_eq!(text(&list(&[7])), "H");
        assert_eq!(text(&list(&[0, 3, 4, 5, 6, 7, 8])), "~5H");
        let every_other: Vec<u32> = (0..600).step_by(2).collect();
        let t = text(&list(&every_other));
        assert!(t.starts_with('~') && t.len() == 101, "{t}");
        assert_eq!(read(&t), every_other);
    }

    #[test]
    fn large_gaps_round_trip() {
        let ns = [5, 127, 128, 300, 16_384, 2_000_000, u32::MAX];
        assert_eq!(read(&text(&list(&ns))), ns);
        assert_eq!(read(&text(&list(&[31, 32, 1055]))), [31, 32, 1055]);
    }

    #[test]
    fn marks_are_pushed_in_order() {
        let mut g = list(&[3]);
        g.push_marks(64, 1 | 1 << 5 | 1 << 63);
        g.push_marks(192, 0);
        g.push_marks(256, 1 << 1);
        assert_eq!(g, list(&[3, 64, 69, 127, 257]));
    }

    #[test]
    fn appending_equals_pushing_everything() {
        let (a, b) = ([0, 3, 200], [201, 5_000, 5_001]);
        let mut joined = list(&a);
        joined.append(list(&b));
        assert_eq!(joined, list(&[0, 3, 200, 201, 5_000, 5_001]));
        let mut empty = Gaps::default();
        empty.append(list(&b));
        assert_eq!(empty, list(&b));
        let mut only = list(&a);
        only.append(Gaps::default());
        assert_eq!(only, list(&a));
    }
}
