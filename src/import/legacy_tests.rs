//! Unit tests of the legacy-encoding conversions.

use super::*;

/// Unicode → TCVN3 mojibake, the reverse of the table.
fn to_tcvn3(s: &str) -> String {
    s.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            TCVN3
                .iter()
                .find(|(_, to)| *to == c)
                .or_else(|| TCVN3.iter().find(|(_, to)| *to == lower))
                .map_or(c, |(from, _)| *from)
        })
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

#[test]
fn windows_1258_and_utf16_are_decoded() {
    // Windows-1258 has â, ơ, ư … but writes tone marks as combining
    // characters after them.
    let form: String = REAL
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
    assert!(!unmappable, "all of the sample is in Windows-1258");
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
