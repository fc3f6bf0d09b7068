//! Fuzz target `legacy`: a file's bytes through `import::legacy::decode`
//! (UTF-16, Windows-1258, TCVN3 and VNI bytes, TCVN3 and VNI pasted as
//! Unicode), and each line through the two pasted-text converters.
//!
//! Invariants: decoded text is NFC with LF line ends and no mojibake (so
//! `build` accepts it as it is); decoding it again changes nothing;
//! real Unicode text (UTF-8, NFC, LF, no mojibake) is left exactly as it
//! is; a refusal names a line of the file; the line converters keep a
//! line one line, the VNI one giving NFC.
#![no_main]

use bantin::import::legacy::{self, Decoded};
use bantin::load;
use bantin_fuzz::is_nfc;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match legacy::decode(data) {
        Ok(d) => check_decoded(data, &d),
        Err(r) => {
            let lines = data.split(|b| *b == b'\n' || *b == b'\r').count();
            if let Some((line, column)) = r.line {
                assert!(line >= 1 && line <= lines && column >= 1, "{r:?}");
            }
            assert!(!r.message.is_empty());
        }
    }
    // The converters see lines of NFC text, as `decode` hands them on.
    let lossy = bantin::text::nfc(&String::from_utf8_lossy(data)).into_owned();
    for line in lossy.split(['\n', '\r']).take(16) {
        let (tcvn3, vni) = (legacy::tcvn3_line(line), legacy::vni_line(line));
        assert!(!tcvn3.contains('\n') && !vni.contains('\n'), "{line:?}");
        assert!(is_nfc(&vni), "{line:?} → {vni:?} is not NFC");
    }
});

fn check_decoded(data: &[u8], d: &Decoded) {
    let text = &d.text;
    assert!(is_nfc(text), "decoded text is not NFC ({:?})", d.conversion);
    assert!(!text.contains('\r'), "decoded text keeps a CR");
    assert!(
        load::find_mojibake(text).is_none(),
        "decoded text still looks like mojibake ({:?})",
        d.conversion
    );
    if !text.starts_with('\u{feff}') {
        let again = legacy::decode(text.as_bytes());
        assert_eq!(
            again.as_ref().map(|a| (&a.text, a.conversion)),
            Ok((text, None)),
            "decoding twice changes the text (first {:?})",
            d.conversion
        );
    }
    if let Ok(s) = std::str::from_utf8(data)
        && !s.starts_with('\u{feff}')
        && !s.contains('\r')
        && is_nfc(s)
        && load::find_mojibake(s).is_none()
    {
        assert_eq!(
            (text.as_str(), d.conversion),
            (s, None),
            "real Unicode text was changed"
        );
    }
}
