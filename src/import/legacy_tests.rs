//! Unit tests of the legacy-encoding conversions.

use super::*;

/// `super::decode`, its refusals in English (the tests read their words).
fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    crate::i18n::with_lang(crate::i18n::Lang::En, || super::decode(bytes))
}

/// The byte `form` writes the letter `c` as, if it has one (the ABC
/// fonts' letters are all at 0xA0–0xFF).
fn tcvn3_byte(c: char, form: Form) -> Option<u8> {
    let from = if form == Form::Abc { 0xA0 } else { 0 };
    (from..=255u8).find(|b| form.char(*b) == c)
}

/// Unicode → TCVN3 mojibake as the ABC fonts type it: capitals with tone
/// marks as their small letters.
fn to_tcvn3(s: &str) -> String {
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            tcvn3_byte(c, Form::Abc)
                .or_else(|| tcvn3_byte(lower, Form::Abc))
                .map_or(c, char::from)
        })
        .collect()
}

/// Unicode → the full TCVN3 code's bytes (ASCII and letters only).
fn to_tcvn3_full(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| tcvn3_byte(c, Form::Full).unwrap_or_else(|| panic!("{c} not in TCVN3")))
        .collect()
}

const REAL: &str = "CÔNG TÁC ĐẢNG\nBan chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy phường Bồ Đề giao ban quý I năm 2020. Hội nghị đã có 05 ý kiến trao đổi, thảo luận làm rõ thêm những kết quả đã đạt được; “Dân vận khéo” – Nguyễn Văn Hùng.";

#[test]
fn tcvn3_samples_from_the_loader_tests_convert() {
    let moji = "C«ng t¸c §¶ng: Ban chØ ®¹o thùc hiÖn quy chÕ d©n chñ ë c¬ së, khèi D©n vËn §¶ng ñy";
    let d = decode(moji.as_bytes()).unwrap();
    assert_eq!(
        d.text,
        "Công tác Đảng: Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy"
    );
    assert_eq!(d.conversion, Some(Conversion::Tcvn3Pasted(1)));
}

#[test]
fn vni_samples_from_the_loader_tests_convert() {
    let moji = "Coâng taùc Ñaûng: Ban chæ ñaïo thöïc hieän quy cheá daân chuû ôû cô sôû, khoái Daân vaän Ñaûng uûy. Ngöôøi daân ñoàng tình; Hoäi nghò, naêm 2020, Ñoaøn thanh nieân, thaéng lôïi, phaùt ñoäng, Lyù Thöôøng Kieät, vaên minh";
    let d = decode(moji.as_bytes()).unwrap();
    assert_eq!(
        d.text,
        "Công tác Đảng: Ban chỉ đạo thực hiện quy chế dân chủ ở cơ sở, khối Dân vận Đảng ủy. Người dân đồng tình; Hội nghị, năm 2020, Đoàn thanh niên, thắng lợi, phát động, Lý Thường Kiệt, văn minh"
    );
    assert_eq!(d.conversion, Some(Conversion::VniPasted(1)));
    assert_eq!(vni_line("COÂNG TAÙC ÑAÛNG"), "CÔNG TÁC ĐẢNG");
}

#[test]
fn tcvn3_round_trips_and_capital_lines_stay_capital() {
    let moji = to_tcvn3(REAL);
    assert_ne!(moji, REAL);
    let d = decode(moji.as_bytes()).unwrap();
    assert_eq!(d.text, REAL);
    assert_eq!(d.conversion, Some(Conversion::Tcvn3Pasted(2)));
}

#[test]
fn real_unicode_lines_are_kept_in_a_mojibake_text() {
    let moji = format!(
        "{}\nNgày đăng 19/02/2020 | 07:02 | Lượt xem: 290\n{}",
        to_tcvn3("CÔNG TÁC ĐẢNG"),
        to_tcvn3(REAL)
    );
    let d = decode(moji.as_bytes()).unwrap();
    assert_eq!(
        d.text,
        format!("CÔNG TÁC ĐẢNG\nNgày đăng 19/02/2020 | 07:02 | Lượt xem: 290\n{REAL}")
    );
}

#[test]
fn real_text_is_left_alone() {
    let d = decode(format!("\u{feff}{REAL}\r\n© 2020 «Bản tin»").as_bytes()).unwrap();
    assert_eq!(d.text, format!("{REAL}\n© 2020 «Bản tin»"));
    assert_eq!(d.conversion, None);
    assert!(reads_vietnamese(REAL));
}

/// Unicode → Windows-1258, which has â, ơ, ư … but writes tone marks as
/// combining characters after them.
fn to_1258(s: &str) -> Vec<u8> {
    let form: String = s
        .chars()
        .flat_map(|c| {
            let (tones, rest): (Vec<char>, Vec<char>) =
                std::iter::once(c).nfd().partition(|m| TONES.contains(m));
            let mut out: Vec<char> = rest.into_iter().nfc().collect();
            out.extend(tones);
            out
        })
        .collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&form);
    assert!(!unmappable, "all of the text is in Windows-1258");
    bytes.into_owned()
}

#[test]
fn windows_1258_and_utf16_are_decoded() {
    let bytes = to_1258(REAL);
    assert!(std::str::from_utf8(&bytes).is_err());
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, REAL);
    assert_eq!(d.conversion, Some(Conversion::Windows1258));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(REAL.encode_utf16().flat_map(u16::to_le_bytes));
    let d = decode(&utf16).unwrap();
    assert_eq!(
        (d.text.as_str(), d.conversion),
        (REAL, Some(Conversion::Utf16))
    );
}

#[test]
fn tcvn3_bytes_are_decoded() {
    let moji = to_tcvn3(REAL);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&moji);
    assert!(!unmappable);
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, REAL);
    assert_eq!(d.conversion, Some(Conversion::Tcvn3Bytes));
}

#[test]
fn unclear_text_is_refused() {
    // Mark characters everywhere, but neither table gives Vietnamese.
    let junk = "¸µ¶·¹ ¨©ª«¬ ®§¦¥¤ £¢¡¼½ ¾»ºÆÇ ËÎÏ×Ø ÛÜÞßä åæçëî ïñö÷ø ûüþÿø";
    let r = decode(junk.as_bytes()).unwrap_err();
    assert!(r.message.contains("not sure"), "{}", r.message);
    assert_eq!(r.line, Some((1, 1)));
    let r = decode(b"\x81\x8d\x8f\x90\x9d garbage \xff\xfe\xfd").unwrap_err();
    assert!(r.message.contains("not UTF-8"), "{}", r.message);
}

/// The seed's header, with capitals that have tone marks.
const CAPITALS: &str = "CÔNG TÁC ĐẢNG\nỦy ban nhân dân phường họp: Ý kiến ở cơ sở\nNgày đăng 19/02/2020 | 07:02 | Lượt xem: 290\nỞ tổ dân phố số 7, Ủy ban Mặt trận Tổ quốc và các đoàn thể ĐÃ THỐNG NHẤT Ý KIẾN.";

#[test]
fn full_tcvn3_capitals_with_tone_marks_are_decoded() {
    // As glibc's `iconv -t TCVN5712-1` writes them: Ủ 0x9E, Ý 0x16, Ở 0x99.
    let bytes = to_tcvn3_full(CAPITALS);
    for b in [0x9E, 0x16, 0x99, 0x83, 0x81] {
        assert!(bytes.contains(&b), "0x{b:02X}");
    }
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, CAPITALS);
    assert_eq!(d.conversion, Some(Conversion::Tcvn3FullBytes));
    // With CRLF line ends, and a letter written as base + combining mark
    // (0xB3: acute), which glibc composes.
    let mut crlf = to_tcvn3_full(&CAPITALS.replace('\n', "\r\n"));
    let at = crlf.iter().position(|b| *b == 0x83).unwrap();
    crlf.splice(at..=at, [b'A', 0xB3]);
    assert_eq!(decode(&crlf).unwrap().text, CAPITALS);
}

#[test]
fn full_tcvn3_pasted_as_unicode_is_decoded() {
    // The bytes as Windows shows them: Latin-1, Windows-1252, controls;
    // the portal's own header line is real Unicode.
    let pasted = |s: &str| {
        let bytes = to_tcvn3_full(s);
        encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned()
    };
    let lines: Vec<&str> = CAPITALS.lines().collect();
    let text = format!(
        "{}\n{}\n{}\n{}",
        pasted(lines[0]),
        pasted(lines[1]),
        lines[2],
        pasted(lines[3])
    );
    assert!(text.contains('ž') && text.contains('\u{16}') && text.contains('™'));
    let d = decode(text.as_bytes()).unwrap();
    assert_eq!(d.text, CAPITALS);
    assert_eq!(d.conversion, Some(Conversion::Tcvn3Pasted(3)));
}

#[test]
fn control_characters_in_a_converted_text_are_refused() {
    // 0x07 is no letter in TCVN3: the reading cannot be right.
    let mut bytes = to_tcvn3_full(CAPITALS);
    bytes.splice(3..3, [0x07]);
    let r = decode(&bytes).unwrap_err();
    assert!(r.message.contains("TCVN3"), "{}", r.message);
    assert!(r.message.contains("U+0007"), "{}", r.message);
    assert_eq!(r.line, Some((1, 4)));
}

#[test]
fn a_dash_between_letters_in_abc_text_is_refused() {
    // `HỘI` in the full code, `H—I` in the ABC fonts: no other byte tells.
    let text = format!(
        "{}\nH\u{2014}I NGH\u{2018} \u{201c}{}\u{201d}",
        to_tcvn3(REAL),
        to_tcvn3("đảng ủy")
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    for input in [text.as_bytes(), &bytes] {
        let r = decode(input).unwrap_err();
        assert!(r.message.contains("cannot tell"), "{}", r.message);
        assert_eq!(r.line, Some((3, 2)));
    }
}

#[test]
fn a_stray_control_code_does_not_turn_abc_text_into_the_full_code() {
    // U+0016 is the full code's Ý: read in full, `“Dân vận khéo”` would
    // be `ỎDân vận khéoÕ` and the capital line `CÔNG TáC ĐảNG`, in a text
    // that otherwise reads well.
    let body = REAL.lines().nth(1).unwrap().replace(['“', '”', '–'], "");
    let quotes = format!(
        "{}\n\u{16} \u{201c}{}\u{201d}",
        to_tcvn3(&body.repeat(3)),
        to_tcvn3("Dân vận khéo")
    );
    let capitals = format!("{}\n\u{16}", to_tcvn3(&REAL.replace(['“', '”', '–'], "")));
    for (text, at) in [(quotes, (2, 3)), (capitals, (1, 7))] {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        for input in [text.as_bytes(), &bytes] {
            let r = decode(input).unwrap_err();
            assert!(r.message.contains("cannot tell"), "{}", r.message);
            assert_eq!(r.line, Some(at));
        }
    }
}

#[test]
fn control_codes_are_letters_only_in_text_read_as_tcvn3() {
    // Unicode text: U+0016 stays what it is (not Ý).
    let d = decode(format!("{REAL}\n\u{16}y ki\u{1ebf}n").as_bytes()).unwrap();
    assert_eq!((d.conversion, d.text.contains('\u{16}')), (None, true));
    // Windows-1258: a control code, so the reading is refused.
    let mut bytes = to_1258(REAL);
    bytes.push(0x16);
    let r = decode(&bytes).unwrap_err();
    assert!(
        r.message.contains("Windows-1258") && r.message.contains("U+0016"),
        "{}",
        r.message
    );
}
