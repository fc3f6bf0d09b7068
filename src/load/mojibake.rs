//! Text typed with a legacy Vietnamese font (TCVN3/ABC, VNI) and pasted as
//! Unicode: found by [`find_mojibake`], refused by `read_text`, converted
//! by `bantin import`.

use std::path::Path;

use crate::error::Diagnostic;

/// Latin-1 characters that Vietnamese never uses but that text typed with a
/// legacy TCVN3 (ABC) font turns into when pasted as Unicode.
pub(crate) const TCVN3_MARKS: &str = "¸µ¶·¹¨©ª«¬\u{AD}®§¦¥¤£¢¡¼½¾»ºÆÇËÎÏ×ØÛÜÞßäåæçëîïñö÷øûüþÿ";
/// The same for VNI: diacritics turned into separate Latin-1 letters.
pub(crate) const VNI_MARKS: &str = "øûïñÑöäåæçëÖÏÄÅÆÇËÛ";

/// 1 at `c - 0x80` for each mark character `c` (all in U+00A0..=U+00FF).
fn mark_table() -> [usize; 128] {
    let mut t = [0; 128];
    for c in TCVN3_MARKS.chars().chain(VNI_MARKS.chars()) {
        t[c as usize - 0x80] = 1;
    }
    t
}

/// Legacy-font text pasted as Unicode, as [`find_mojibake`] sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mojibake {
    /// VNI rather than TCVN3 (ABC): VNI marks outnumber TCVN3 ones.
    pub vni: bool,
    /// 1-based line and column of the first mark character.
    pub line: usize,
    pub column: usize,
}

/// Is `text` most likely TCVN3 or VNI mojibake? A real Vietnamese article
/// holds almost none of the mark characters. Shared by `read_text` (which
/// refuses such text) and `bantin import` (which converts it).
pub fn find_mojibake(text: &str) -> Option<Mojibake> {
    // Every mark is in U+00A0..=U+00FF, two bytes in UTF-8 (C2 or C3 and
    // a continuation byte): a cheap byte scan first, so ordinary articles
    // never pay for the full count below.
    let marks = mark_table();
    let bytes = text.as_bytes();
    let (mut found, mut from) = (0, 0);
    // C2 xx is U+0080..U+00BF, C3 xx is U+00C0..U+00FF; memchr jumps to them.
    while let Some(k) = memchr::memchr2(0xC2, 0xC3, &bytes[from..]) {
        let at = from + k;
        if let Some(&next) = bytes.get(at + 1) {
            found += marks[(usize::from(bytes[at] & 1) << 6) | usize::from(next & 0x3F)];
        }
        if found >= 8 {
            break;
        }
        from = at + 1;
    }
    if found < 8 {
        return None;
    }
    let (mut tcvn, mut vni, mut letters) = (0usize, 0usize, 0usize);
    let mut first: Option<(usize, usize)> = None;
    for (line_no, line) in text.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
            }
            let t = TCVN3_MARKS.contains(c);
            let v = VNI_MARKS.contains(c);
            tcvn += usize::from(t);
            vni += usize::from(v);
            if (t || v) && first.is_none() {
                first = Some((line_no + 1, col + 1));
            }
        }
    }
    let marks = tcvn.max(vni);
    if marks < 8 || marks * 50 < letters {
        return None;
    }
    let (line, column) = first?;
    Some(Mojibake {
        vni: vni > tcvn,
        line,
        column,
    })
}

/// Refuse text that is most likely TCVN3 or VNI mojibake.
pub(super) fn detect_mojibake(text: &str, display: &Path) -> Option<Diagnostic> {
    let Mojibake { vni, line, column } = find_mojibake(text)?;
    let sample: String = text
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    let kind = if vni { "VNI" } else { "TCVN3 (ABC)" };
    Some(
        Diagnostic::new(
            display,
            crate::t!("load-legacy-font", kind = kind, sample = sample),
        )
        .at(line, Some(column))
        .hint(crate::t!("load-legacy-font.hint")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_mojibake_is_refused_and_real_text_is_not() {
        let p = Path::new("content/a.md");
        let real = "Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường Bồ Đề giao ban quý I năm 2020. © 2020";
        assert!(detect_mojibake(real, p).is_none());
        let tcvn = "---\ntitle: x\n---\nC«ng t¸c §¶ng: Ban chØ ®¹o thùc hiÖn quy chÕ d©n chñ ë c¬ së, khèi D©n vËn §¶ng ñy";
        let d = detect_mojibake(tcvn, p).expect("TCVN3 detected");
        assert!(d.message.contains("TCVN3"), "{d}");
        assert_eq!(d.line, Some(4));
        let vni = "Coâng taùc Ñaûng: Ban chæ ñaïo thöïc hieän quy cheá daân chuû ôû cô sôû, khoái Daân vaän Ñaûng uûy";
        assert!(detect_mojibake(vni, p).unwrap().message.contains("VNI"));
    }
}
