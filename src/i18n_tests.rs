use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each message and attribute of a catalogue with the variables it uses,
/// read from the text: `id = …` at the line start, `.attr = …` indented,
/// indented lines continue the entry before them.
fn entries(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut message = String::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim_start();
        if !line.starts_with(' ') {
            let (id, _) = line.split_once('=').expect("`id = value`");
            message = id.trim().to_string();
            current = message.clone();
        } else if let Some(rest) = trimmed.strip_prefix('.') {
            let (attr, _) = rest.split_once('=').expect("`.attr = value`");
            current = format!("{message}.{}", attr.trim());
        }
        let vars = out.entry(current.clone()).or_default();
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            rest = &rest[at + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            vars.insert(rest[..end].to_string());
        }
    }
    out
}

#[test]
fn both_catalogues_parse_without_errors() {
    for lang in [Lang::Vi, Lang::En] {
        let text = catalogue(lang).to_string();
        if let Err((_, errors)) = FluentResource::try_new(text) {
            panic!("{lang:?} catalogue: {errors:?}");
        }
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_arguments() {
    let vi = entries(catalogue(Lang::Vi));
    let en = entries(catalogue(Lang::En));
    let vi_ids: BTreeSet<_> = vi.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        vi_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in vi.ftl only"
    );
    assert_eq!(
        en_ids.difference(&vi_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in en.ftl only"
    );
    for (id, vars) in &vi {
        assert_eq!(vars, &en[id], "arguments of {id} differ between vi and en");
    }
}

/// Every id the code asks for (`t!("id"`, `tr("id"`, `"id"` after
/// `tr_in(lang, `) and the ids chosen inside this module exist in both.
#[test]
fn every_id_the_code_uses_is_in_the_catalogues() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        if !name.ends_with(".rs") || name.starts_with("i18n") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for marker in [
            "t!(",
            "tr(",
            "i18n::tr_in(Lang::Vi, ",
            "i18n::tr_in(Lang::En, ",
        ] {
            for (at, _) in text.match_indices(marker) {
                let rest = text[at + marker.len()..].trim_start();
                if let Some(lit) = rest.strip_prefix('"') {
                    let id = &lit[..lit.find('"').unwrap()];
                    if !id.is_empty()
                        && id.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'
                        })
                    {
                        used.insert(id.to_string());
                    }
                }
            }
        }
    }
    for id in [
        "io-not-found",
        "io-permission-denied",
        "io-storage-full",
        "io-file-too-large",
        "io-read-only",
        "io-already-exists",
        "io-invalid-data",
        "io-other",
    ] {
        used.insert(id.to_string());
    }
    let vi = entries(catalogue(Lang::Vi));
    let en = entries(catalogue(Lang::En));
    let missing: Vec<_> = used
        .iter()
        .filter(|id| !vi.contains_key(*id) || !en.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "ids used in src/ but missing from a catalogue: {missing:?}"
    );
}

#[test]
fn messages_fill_their_arguments_and_agree_in_number() {
    assert_eq!(
        tr_in(Lang::En, "errors-total", &[("count", Arg::from(1usize))]),
        "1 error; nothing was published"
    );
    assert_eq!(
        tr_in(Lang::En, "errors-total", &[("count", Arg::from(3usize))]),
        "3 errors; nothing was published"
    );
    assert_eq!(
        tr_in(Lang::Vi, "errors-total", &[("count", Arg::from(3usize))]),
        "3 lỗi; chưa xuất bản gì"
    );
    assert_eq!(tr_in(Lang::Vi, "no-such-message", &[]), "no-such-message");
}

#[test]
fn the_flag_wins_over_the_variable_and_vietnamese_is_the_default() {
    assert_eq!(choose(None, None), Ok(Lang::Vi));
    assert_eq!(choose(None, Some("en")), Ok(Lang::En));
    assert_eq!(choose(None, Some("en_US.UTF-8")), Ok(Lang::En));
    assert_eq!(choose(None, Some("fr")), Ok(Lang::Vi));
    assert_eq!(choose(Some("vi"), Some("en")), Ok(Lang::Vi));
    assert_eq!(choose(Some("EN"), None), Ok(Lang::En));
    assert_eq!(choose(Some("fr"), None), Err("fr".to_string()));
}

#[test]
fn the_skipped_counts_leave_out_what_is_zero() {
    let skipped = |lang, drafts: usize, scheduled: usize| {
        tr_in(
            lang,
            "build-summary-skipped",
            &[
                ("drafts", Arg::from(drafts)),
                ("scheduled", Arg::from(scheduled)),
            ],
        )
    };
    assert_eq!(skipped(Lang::Vi, 2, 0), "(chưa đăng 2 bài nháp)");
    assert_eq!(
        skipped(Lang::Vi, 0, 1),
        "(chưa đăng 1 bài hẹn ngày đăng sau)"
    );
    assert_eq!(
        skipped(Lang::Vi, 1, 3),
        "(chưa đăng 1 bài nháp và 3 bài hẹn ngày đăng sau)"
    );
    assert_eq!(skipped(Lang::En, 1, 0), "(skipped 1 draft)");
    assert_eq!(skipped(Lang::En, 0, 2), "(skipped 2 scheduled)");
    assert_eq!(skipped(Lang::En, 3, 1), "(skipped 3 drafts, 1 scheduled)");
}

#[test]
fn counts_are_grouped_by_thousands_in_each_language() {
    let total = |lang, n: usize| tr_in(lang, "errors-total", &[("count", Arg::from(n))]);
    assert_eq!(total(Lang::Vi, 12345), "12.345 lỗi; chưa xuất bản gì");
    assert_eq!(
        total(Lang::En, 12345),
        "12,345 errors; nothing was published"
    );
    assert_eq!(total(Lang::En, 1), "1 error; nothing was published");
    // A year or a port is a number, not a count: never grouped.
    let date = tr_in(
        Lang::Vi,
        "date-no-day",
        &[
            ("input", Arg::from("30/02/2020")),
            ("day", Arg::from(30u32)),
            ("month", Arg::from(2u32)),
            ("year", Arg::from(2020i32)),
        ],
    );
    assert!(date.contains("năm 2020"), "{date}");
}
