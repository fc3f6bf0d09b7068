//! A fast path for the front matter almost every article has: one
//! `key: value` per line, values quoted or plain text, whole numbers,
//! dates, true/false, and one-line `[…]` lists. Parsing it by hand is many
//! times faster than the YAML crate, whose set-up alone costs more than
//! such a header; anything else (nesting, multi-line values, escapes,
//! comments after values, numbers that are not plain whole numbers, …)
//! returns `None` and goes to the crate. Where it answers, it gives what
//! the crate would give: the differential tests below check that.

use super::Yaml;

/// The value of `text` when it is simple front matter, else `None`.
pub fn parse(text: &str) -> Option<Yaml> {
    if !text.chars().all(printable) {
        return None;
    }
    let mut fields: Vec<(String, Yaml)> = Vec::with_capacity(12);
    for line in text.split('\n') {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = split_key(line)?;
        if fields.iter().any(|(k, _)| k == key) {
            return None;
        }
        fields.push((key.to_string(), value(rest.trim_matches(' '))?));
    }
    (!fields.is_empty()).then_some(Yaml::Map(fields))
}

/// Characters YAML accepts in a document (besides line feeds); tabs and
/// carriage returns are left to the crate, which knows their rules.
fn printable(c: char) -> bool {
    // U+0085, U+2028 and U+2029 are line breaks to YAML.
    matches!(c, '\n' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

/// `key: rest` with a plain ASCII key at the start of the line.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let end = line.find(':')?;
    let (key, rest) = (&line[..end], &line[end + 1..]);
    let first = key.bytes().next()?;
    let ok = (first.is_ascii_alphabetic() || first == b'_')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && (rest.is_empty() || rest.starts_with(' '))
        && special(key).is_none();
    ok.then_some((key, rest))
}

/// The plain words YAML reads as something other than text.
fn special(s: &str) -> Option<Yaml> {
    match s {
        "null" | "Null" | "NULL" | "~" => Some(Yaml::Null),
        "true" | "True" | "TRUE" => Some(Yaml::Bool(true)),
        "false" | "False" | "FALSE" => Some(Yaml::Bool(false)),
        _ => None,
    }
}

/// A value on the rest of the line, already trimmed of spaces.
fn value(v: &str) -> Option<Yaml> {
    if v.is_empty() {
        return Some(Yaml::Null);
    }
    if let Some(inner) = v.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?.trim_matches(' ');
        if inner.is_empty() {
            return Some(Yaml::List(Vec::new()));
        }
        let items = inner
            .split(',')
            .map(|item| match item.trim_matches(' ') {
                "" => None,
                item => scalar(item, true),
            })
            .collect::<Option<Vec<_>>>()?;
        return Some(Yaml::List(items));
    }
    scalar(v, false)
}

/// A quoted string, or a plain one whose reading is certain.
fn scalar(v: &str, in_list: bool) -> Option<Yaml> {
    for quote in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            // Escapes, doubled quotes and a quote inside are the crate's.
            return (!inner.contains([quote, '\\'])).then(|| Yaml::Str(inner.to_string()));
        }
    }
    if let Some(s) = special(v) {
        return Some(s);
    }
    // Characters that mean something to YAML somewhere in a plain value.
    let risky = |c: char| {
        "#:[]{},\"'|>&*!%@`\\?".contains(c)
            && !(c == ':' && !in_list && v.as_bytes()[0].is_ascii_digit())
    };
    if v.contains(risky) || v.contains(": ") || v.ends_with(':') {
        return None;
    }
    let first = v.chars().next()?;
    if first.is_ascii_digit() {
        if v.bytes().all(|b| b.is_ascii_digit()) {
            // Leading zeros make text in YAML 1.2; long numbers may not fit.
            return (v.len() <= 18 && (v.len() == 1 || first != '0'))
                .then(|| v.parse().ok().map(Yaml::Int))
                .flatten();
        }
        // A date or time: digits with `-`, `/` or `:` between them can be
        // neither an integer nor a float.
        let date_like = v
            .bytes()
            .all(|b| b.is_ascii_digit() || b"-/:T .+Z".contains(&b))
            && v.contains(['-', '/', ':']);
        return date_like.then(|| Yaml::Str(v.to_string()));
    }
    // Text starting with a letter is never a number; `null`/`true`/… were
    // handled above.
    first.is_alphabetic().then(|| Yaml::Str(v.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the fast path answers, it must answer as the crate does.
    fn same_as_crate(text: &str) -> bool {
        let fast = parse(text);
        if let Some(v) = &fast {
            assert_eq!(
                Ok(v),
                super::super::parse_with_crate(text).as_ref(),
                "{text:?}"
            );
        }
        fast.is_some()
    }

    #[test]
    fn usual_front_matter_takes_the_fast_path() {
        let usual = [
            "title: \"Ủy ban Mặt trận Tổ quốc phường ký kết quy chế\"\ndate: 2026-01-08T07:13:00+07:00\nviews: 41\nauthor: \"Nguyễn Ngọc Long\"\ncategory: \"CHÍNH QUYỀN\"\ntags: [\"dân vận\", \"cải cách hành chính\"]\n",
            "title: Hội nghị sơ kết công tác Dân vận - năm 2020\ndate: 19/02/2020 07:02\nviews: 12345\ncategory: CÔNG TÁC ĐẢNG\nfeatured: true\ndraft: false\ntags: [dân vận, 2020]\nimage: anh-bia.jpg\n",
            "# comment\ntitle: 'Tin'\n\nsummary:\ntags: []\nslug: hoi-nghi\n",
            "date: 2020-02-19\ndate2: 2020-02-19 07:02\nviews: 0\nx: ~\ny: NULL\nz: True\n",
        ];
        for text in usual {
            assert!(same_as_crate(text), "{text}");
        }
    }

    #[test]
    fn anything_else_goes_to_the_crate() {
        let others = [
            "title: Ban chỉ đạo: họp\n",
            "title: \"a\\\"b\"\n",
            "title: 'it''s'\n",
            "title: a # comment\n",
            "tags:\n  - a\n  - b\n",
            "title: a\n  continued\n",
            "title: a\ntitle: b\n",
            "views: 012\n",
            "views: 1.5\n",
            "views: -3\n",
            "views: 0x1F\n",
            "views: 1e5\n",
            "views: 123456789012345678901\n",
            "tags: [a, [b]]\n",
            "tags: [\"a, b\"]\n",
            "tags: [a,]\n",
            "title:\tx\n",
            "title: x\r\n",
            "true: x\n",
            "title: \u{feff}x\n",
            "title: a\u{2028}b\n",
            "- a\n",
            "---\ntitle: x\n",
            "title: *anchor\n",
            "title: “Dân vận khéo”\n",
            "url: https://example.org\n",
            "title: [a\n",
            "title: \"a\n",
        ];
        for text in others {
            assert!(!same_as_crate(text), "{text}");
        }
    }

    /// Front matter put together from pieces that look alike but read
    /// differently: every one the fast path takes must match the crate.
    #[test]
    fn generated_headers_match_the_crate() {
        let keys = [
            "title", "date", "views", "tags", "x-y", "_k", "Null", "null", "a1",
        ];
        let values = [
            "",
            " ",
            "a",
            "Đảng",
            "dân vận",
            "\"q\"",
            "\"\"",
            "''",
            "'s'",
            "\"a'b\"",
            "'a\"b'",
            "0",
            "00",
            "7",
            "-7",
            "+7",
            "1.0",
            ".5",
            "1e3",
            "12:30",
            "2020-02-19",
            "19/02/2020 07:02",
            "2020-02-19T07:02:00Z",
            "2020-02-19T07:02:00+07:00",
            "1-2",
            "1/",
            "2020-",
            "true",
            "True",
            "tRUE",
            "yes",
            "no",
            "on",
            "null",
            "~",
            "nan",
            "inf",
            ".inf",
            "-.inf",
            "[]",
            "[ ]",
            "[a]",
            "[a, b]",
            "[\"a\", 'b']",
            "[1, x]",
            "[true, null]",
            "[,]",
            "[a b, c]",
            "a b",
            "a  b",
            "a-",
            "a -b",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "#a",
            "&a",
            "*a",
            "!a",
            "|",
            ">",
            "%a",
            "@a",
            "`a",
            "a,b",
            "a]",
            "{a: b}",
            "\"a\" b",
            "'a' b",
            "a'",
            "ß",
            "中文",
            "1 2",
            "9999999999999999999",
            "999999999999999999",
            "0b101",
            "0o17",
            "0x1f",
        ];
        let mut taken = 0;
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for v in values {
            for k in keys {
                for text in [
                    format!("{k}: {v}\n"),
                    format!("{k}:{v}\n"),
                    format!("{k}: {v} \n"),
                ] {
                    taken += usize::from(same_as_crate(&text));
                }
            }
        }
        for _ in 0..3000 {
            let lines = 1 + next(6);
            let mut text = String::new();
            for _ in 0..lines {
                let k = keys[next(keys.len())];
                let v = values[next(values.len())];
                text.push_str(&format!("{k}: {v}\n"));
                if next(5) == 0 {
                    text.push_str(["# c\n", "\n", "  - x\n", " y\n"][next(4)]);
                }
            }
            taken += usize::from(same_as_crate(&text));
        }
        assert!(taken > 500, "the fast path took only {taken}");
    }
}
