//! Fuzz target `frontmatter`: an article file's bytes through what `build`
//! does before the site is assembled — `load::read_text` (UTF-8, BOM, line
//! ends, NFC, mojibake), `frontmatter::split` and `frontmatter::parse` —
//! plus the date parser on every line and the YAML fast path against the
//! YAML crate.
//!
//! Invariants: loaded text is NFC with LF line ends and no mojibake; every
//! diagnostic points inside the file; the split gives back the body at
//! its line; an accepted slug has no `/`, `\` or `..`; an accepted date is
//! one chrono calls real and reads back the same from its RFC 3339 and its
//! displayed forms; `slugify` gives a slug or nothing; where the YAML fast
//! path answers, the crate answers the same.
#![no_main]

use std::path::Path;

use bantin::{date, frontmatter, load, text, yaml};
use bantin_fuzz::{assert_points_inside, is_nfc, is_slug, scratch};
use chrono::{Datelike, NaiveDate, Timelike};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = scratch().join("bai.md");
    std::fs::write(&path, data).expect("write the scratch file");
    let display = Path::new("content/bai.md");
    let text = match load::read_text(&path, display) {
        Ok(text) => text,
        // Lines as the loader counts them: a lone CR ends one too.
        Err(d) => {
            let lossy = String::from_utf8_lossy(data);
            return assert_points_inside(&d, &lossy.replace("\r\n", "\n").replace('\r', "\n"));
        }
    };
    assert!(is_nfc(&text), "loaded text is not NFC: {text:?}");
    assert!(!text.contains('\r'), "loaded text keeps a CR: {text:?}");
    assert!(load::find_mojibake(&text).is_none(), "mojibake let in");

    for line in text.lines().take(64) {
        check_date(line);
        check_text_rules(line);
    }
    let (fast, by_crate) = yaml::fast_and_crate(&text);
    if let Some(v) = fast {
        assert_eq!(
            Ok(&v),
            by_crate.as_ref(),
            "YAML fast path differs: {text:?}"
        );
    }
    check_article(display, &text);
});

fn check_article(display: &Path, text: &str) {
    let split = match frontmatter::split(display, text) {
        Ok(s) => s,
        Err(d) => return assert_points_inside(&d, text),
    };
    assert_eq!(split.yaml_line, 2);
    if !split.body.is_empty() {
        let head = &text[..text.len() - split.body.len()];
        assert!(text.ends_with(split.body));
        assert_eq!(head.matches('\n').count() + 1, split.body_line, "{text:?}");
    }
    let (fast, by_crate) = yaml::fast_and_crate(split.yaml);
    if let Some(v) = fast {
        assert_eq!(
            Ok(&v),
            by_crate.as_ref(),
            "YAML fast path differs: {:?}",
            split.yaml
        );
    }
    let front = match frontmatter::parse(display, &split) {
        Ok(f) => f,
        Err(ds) => {
            assert!(!ds.is_empty(), "refused without a diagnostic");
            return ds.iter().for_each(|d| assert_points_inside(d, text));
        }
    };
    if let Some(s) = &front.slug {
        assert!(!s.contains(['/', '\\']) && !s.contains(".."), "slug {s:?}");
        assert!(is_slug(&text::slugify(s)), "slug {s:?}");
    }
    assert_eq!(
        date::parse(&front.date.to_rfc3339()),
        Ok(front.date),
        "date does not read back"
    );
    for tag in &front.tags {
        assert!(!tag.is_empty() && tag.trim() == tag, "tag {tag:?}");
    }
}

/// The date parser accepts only real dates, and what it accepts reads back.
fn check_date(s: &str) {
    let Ok(d) = date::parse(s) else { return };
    let t = s.trim();
    let day = &t[..t.find(['T', ' ']).unwrap_or(t.len())];
    let nums: Vec<u32> = day
        .split(['-', '/'])
        .map(|n| n.parse().expect("digits"))
        .collect();
    let (y, m, dd) = if day.contains('-') {
        (nums[0], nums[1], nums[2])
    } else {
        (nums[2], nums[1], nums[0])
    };
    let real = NaiveDate::from_ymd_opt(y as i32, m, dd);
    assert_eq!(real, Some(d.naive_local().date()), "{s:?} accepted as {d}");
    assert_eq!(date::parse(&d.to_rfc3339()), Ok(d), "{s:?}");
    let shown = d.with_timezone(&date::vietnam());
    if (1000..=9999).contains(&shown.year()) {
        let again = format!("{} {}", date::display_day(&d), date::display_time(&d));
        let minute = d.with_second(0).expect("second 0");
        assert_eq!(date::parse(&again), Ok(minute), "{s:?} shown as {again:?}");
    }
}

/// `slugify` gives a slug or nothing; `squash_spaces` leaves no run of
/// white space; `match_key` is stable (up to NFC).
fn check_text_rules(s: &str) {
    let slug = text::slugify(s);
    assert!(
        slug.is_empty() || is_slug(&slug),
        "slugify({s:?}) = {slug:?}"
    );
    let squashed = text::squash_spaces(s);
    assert_eq!(squashed.trim(), squashed, "{s:?}");
    assert!(!squashed.contains("  "), "{s:?}");
    // Stable up to NFC: lower-casing `İ` gives `i` + U+0307, which a
    // following combining mark can leave out of canonical order.
    let key = text::match_key(s);
    assert_eq!(
        text::nfc(&text::match_key(&key)),
        text::nfc(&key),
        "match_key({s:?}) is not stable"
    );
}
