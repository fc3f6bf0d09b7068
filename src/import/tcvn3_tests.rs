//! Unit tests of the TCVN3 table and its two forms.

use super::*;

/// What glibc's `iconv -f TCVN5712-1` makes of each byte alone, or `None`
/// where iconv is not installed.
fn glibc_table() -> Option<Vec<char>> {
    let mut table = Vec::with_capacity(256);
    for b in 0..=255u8 {
        let out = std::process::Command::new("iconv")
            .args(["-f", "TCVN5712-1", "-t", "UTF-32BE"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take()?.write_all(&[b]).ok()?;
                child.wait_with_output().ok()
            })?;
        assert!(out.status.success(), "iconv refused byte 0x{b:02X}");
        let code = u32::from_be_bytes(out.stdout.as_slice().try_into().ok()?);
        table.push(char::from_u32(code)?);
    }
    Some(table)
}

#[test]
fn the_table_is_glibcs() {
    let Some(glibc) = glibc_table() else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: iconv (glibc) is not installed, the TCVN3 table is not re-derived"
        );
        return;
    };
    for (b, want) in (0..=255u8).zip(glibc) {
        assert_eq!(Form::Full.char(b), want, "byte 0x{b:02X}");
    }
}

#[test]
fn every_vietnamese_letter_has_one_byte_in_the_full_code() {
    use unicode_normalization::UnicodeNormalization;
    for base in "aăâeêioôơuưy".chars() {
        for tone in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"] {
            let small: String = format!("{base}{tone}").nfc().collect();
            for letter in [small.clone(), small.to_uppercase()] {
                let c = letter.chars().next().unwrap();
                let bytes = (0..=255u8).filter(|b| Form::Full.char(*b) == c).count();
                assert_eq!(bytes, 1, "{letter}");
            }
        }
    }
}

#[test]
fn the_capitals_only_the_full_code_has_choose_it() {
    // Ủ, Ý, Ở (issue 12): 0x9E, 0x16, 0x99.
    assert_eq!(Form::of(*b"\x9ey ban"), Form::Full);
    assert_eq!(Form::of(*b"\x16 ki\xd5n"), Form::Full);
    assert_eq!(Form::of(*b"\x99 c\xac s\xeb"), Form::Full);
    assert_eq!(Form::of(*b"\xe0n \xa7\xfenh"), Form::Full);
    assert_eq!(Form::Full.char(0x9E), 'Ủ');
    assert_eq!(Form::Full.char(0x16), 'Ý');
    assert_eq!(Form::Full.char(0x99), 'Ở');
    // The ABC fonts: small letters, quotes and dashes, a degree sign.
    let abc = b"\x93D\xa9n v\xcbn kh\xd0o\x94 \x96 30\xb0C, ph\xad\xeang";
    assert_eq!(Form::of(abc.iter().copied()), Form::Abc);
    let text: String = abc.iter().map(|b| Form::Abc.char(*b)).collect();
    assert_eq!(text, "“Dân vận khéo” – 30°C, phường");
    assert_eq!(doubt(abc, Form::Abc), None);
    // A dash between letters may be the full code's Ộ.
    assert_eq!(doubt(b"H\x97I NGH\x91", Form::Abc), Some(1));
    assert_eq!(doubt(b"H\x97I NGH\x91 \x9ey ban", Form::Full), None);
    // Quotes read as the full code's capitals: `ỎDân vận khéoÕ`.
    assert_eq!(doubt(abc, Form::Full), Some(0));
    assert_eq!(doubt(b"kh\xd0o\x94", Form::Full), Some(4));
    // `C\xa4NG T\xb8C` is `CÔNG TÁC` in the ABC capital font, `CÔNG TáC`
    // in the full code; `VNeID` is a name.
    assert_eq!(doubt(b"\x16 C\xa4NG T\xb8C", Form::Full), Some(8));
    assert_eq!(doubt(b"\x16 VNeID \xae\xb8nh gi\xb8", Form::Full), None);
}

#[test]
fn pasted_characters_map_back_to_their_bytes() {
    for b in 0..=255u8 {
        let shown = if (0x80..0xA0).contains(&b) {
            Form::Abc.char(b)
        } else {
            char::from(b)
        };
        assert_eq!(byte_of(shown), Some(b), "{shown:?}");
    }
    assert_eq!(byte_of('Đ'), None);
}
