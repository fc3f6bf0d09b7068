//! Ascending article numbers kept small: the search index's posting lists
//! as the gaps between numbers, each a LEB128 varint (a gap under 128, as
//! most are, takes one byte instead of four), written out as the base-36
//! gaps `search.js` reads.

/// An ascending list of numbers, stored as varint gaps from 0.
#[derive(Default, Clone, Debug, PartialEq)]
pub(super) struct Gaps {
    bytes: Vec<u8>,
    /// The last number pushed (the first gap is from 0).
    last: u32,
}

impl Gaps {
    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Append `n`, which must not be below the last number.
    pub(super) fn push(&mut self, n: u32) {
        let gap = n - if self.is_empty() { 0 } else { self.last };
        varint(&mut self.bytes, gap);
        self.last = n;
    }

    /// Append a list whose numbers all come after this one's.
    pub(super) fn append(&mut self, other: Gaps) {
        let mut rest = other.bytes.as_slice();
        if let Some(first) = next(&mut rest) {
            self.push(first);
            self.bytes.extend_from_slice(rest);
            self.last = other.last;
        }
    }

    /// Write the gaps in base 36, comma-separated: `[0, 3, 4]` → `0,3,1`.
    pub(super) fn write_base36(&self, out: &mut Vec<u8>) {
        let mut rest = self.bytes.as_slice();
        let mut first = true;
        while let Some(gap) = next(&mut rest) {
            if !first {
                out.push(b',');
            }
            first = false;
            base36(out, gap);
        }
    }
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

fn base36(out: &mut Vec<u8>, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n < 36 {
        // Most gaps: the lists of common words step by one or two.
        out.push(DIGITS[n as usize]);
        return;
    }
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
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
        g.write_base36(&mut s);
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn gaps_are_base36() {
        assert_eq!(text(&list(&[0, 3, 4, 40])), "0,3,1,10");
        assert_eq!(text(&list(&[])), "");
        assert_eq!(text(&list(&[7])), "7");
    }

    #[test]
    fn large_gaps_round_trip() {
        let ns = [5, 127, 128, 300, 16_384, 2_000_000, u32::MAX];
        let g = list(&ns);
        let mut expected = Vec::new();
        let mut last = 0;
        for (i, n) in ns.iter().enumerate() {
            if i > 0 {
                expected.push(b',');
            }
            base36(&mut expected, n - last);
            last = *n;
        }
        assert_eq!(text(&g), String::from_utf8(expected).unwrap());
        assert_eq!(text(&list(&[35, 36, 36 * 36 + 36])), "z,1,100");
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
