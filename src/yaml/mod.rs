//! The one door to the YAML crate: front matter and `site.yaml` are parsed
//! here and handed on as bantin's own `Yaml` values, with 1-based positions.

use serde::de::DeserializeOwned;

mod curly;
mod fast;

/// A YAML value, without the YAML crate's types.
#[derive(Debug, Clone, PartialEq)]
pub enum Yaml {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    /// What kind of value this is, in words for an error message.
    pub fn kind(&self) -> String {
        match self {
            Yaml::Null => crate::t!("yaml-kind-nothing"),
            Yaml::Bool(_) => crate::t!("yaml-kind-bool"),
            Yaml::Int(_) => crate::t!("yaml-kind-int"),
            Yaml::Float(_) => crate::t!("yaml-kind-number"),
            Yaml::Str(_) => crate::t!("yaml-kind-text"),
            Yaml::List(_) => crate::t!("yaml-kind-list"),
            Yaml::Map(_) => crate::t!("yaml-kind-group"),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Yaml::Null => J::Null,
            Yaml::Bool(b) => J::Bool(*b),
            Yaml::Int(i) => J::from(*i),
            Yaml::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Yaml::Str(s) => J::String(s.clone()),
            Yaml::List(l) => J::Array(l.iter().map(Yaml::to_json).collect()),
            Yaml::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }
}

/// A YAML syntax or type error, positioned in the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub message: String,
    /// 1-based line and column in the text given to the parser.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl YamlError {
    /// What is wrong, in words an editor understands: the YAML crate's
    /// usual complaints said plainly, others in its own words.
    pub fn plain(&self) -> String {
        let m = self.message.as_str();
        if m.contains("mapping values are not allowed") || m.contains("could not find expected ':'")
        {
            crate::t!("yaml-colon")
        } else if m.contains("unexpected end of stream") {
            crate::t!("yaml-quote-open")
        } else if m.contains("expected ',' or ']'") {
            crate::t!("yaml-list-open")
        } else if m.contains("cannot start any token") {
            crate::t!("yaml-bad-start")
        } else if m.starts_with("duplicate entry") {
            crate::t!("yaml-twice")
        } else {
            crate::t!("yaml-other", detail = m)
        }
    }
}

fn convert_error(e: serde_yaml::Error, text: &str) -> YamlError {
    let full = e.to_string();
    // The crate appends " at line L column C"; we report positions ourselves.
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let (line, column) = match e.location() {
        Some(l) if text.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']) => {
            let (line, column) = file_position(text, l.line(), l.column());
            (Some(line), Some(column))
        }
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    YamlError {
        message,
        line,
        column,
    }
}

/// The crate's 1-based `line` and `column` in the file's own lines: the
/// crate also breaks lines at U+0085, U+2028, U+2029 and a lone CR.
fn file_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    let mut chars = text.char_indices().peekable();
    let (mut yaml_line, mut start) = (1, 0);
    while yaml_line < line {
        let Some((i, c)) = chars.next() else {
            start = text.len();
            break;
        };
        let breaks = match c {
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            '\r' => chars.peek().is_none_or(|(_, next)| *next != '\n'),
            _ => false,
        };
        if breaks {
            yaml_line += 1;
            start = i + c.len_utf8();
        }
    }
    let at = text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i);
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn convert(v: serde_yaml::Value) -> Yaml {
    use serde_yaml::Value as V;
    match v {
        V::Null => Yaml::Null,
        V::Bool(b) => Yaml::Bool(b),
        V::Number(n) => match n.as_i64() {
            Some(i) => Yaml::Int(i),
            None => Yaml::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        V::String(s) => Yaml::Str(s),
        V::Sequence(s) => Yaml::List(s.into_iter().map(convert).collect()),
        V::Mapping(m) => Yaml::Map(
            m.into_iter()
                .map(|(k, v)| (key_text(k), convert(v)))
                .collect(),
        ),
        V::Tagged(t) => convert(t.value),
    }
}

fn key_text(k: serde_yaml::Value) -> String {
    use serde_yaml::Value as V;
    match k {
        V::String(s) => s,
        V::Bool(b) => b.to_string(),
        V::Number(n) => n.to_string(),
        V::Null => String::new(),
        other => format!("{other:?}"),
    }
}

/// Parse YAML text into a value: simple front matter by hand (see `fast`),
/// the rest by the YAML crate. A value in Word's curly quotes is a quoted
/// string (see `curly`).
pub fn parse(text: &str) -> Result<Yaml, YamlError> {
    let text = &*curly::straighten(text);
    if text.trim().is_empty() {
        return Ok(Yaml::Null);
    }
    if let Some(v) = fast::parse(text) {
        return Ok(v);
    }
    parse_with_crate(text)
}

/// The fast path's reading (`None` where it declines) and the crate's, side
/// by side: for the differential fuzz target in `fuzz/`.
#[doc(hidden)]
pub fn fast_and_crate(text: &str) -> (Option<Yaml>, Result<Yaml, YamlError>) {
    let text = &*curly::straighten(text);
    (fast::parse(text), parse_with_crate(text))
}

fn parse_with_crate(text: &str) -> Result<Yaml, YamlError> {
    serde_yaml::from_str::<serde_yaml::Value>(text)
        .map(convert)
        .map_err(|e| convert_error(e, text))
}

/// Parse YAML text straight into a typed configuration.
/// Curly quotes are read as in [`parse`].
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = &*curly::straighten(text);
    serde_yaml::from_str(text).map_err(|e| convert_error(e, text))
}

/// Where each top-level `key:` of a YAML text is: its name, the 1-based
/// line and the column (in characters) where its value starts, e.g.
/// `date: 30/02/2020` on line 3 → `("date", 3, 7)`. First occurrence of
/// each key, in the text's order. The one place a field's line is found.
pub fn top_level_positions(text: &str) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (i, src) in text.lines().enumerate() {
        if src.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(colon) = src.find(':') else { continue };
        let key = src[..colon].trim_end();
        if key.is_empty() || out.iter().any(|(k, _, _)| k == key) {
            continue;
        }
        let after = colon + 1;
        let skipped = src[after..].len() - src[after..].trim_start().len();
        let column = src[..after + skipped].chars().count() + 1;
        out.push((key.to_string(), i + 1, column));
    }
    out
}

/// The 1-based line of a top-level `key:` (see [`top_level_positions`]).
pub fn top_level_key_line(text: &str, key: &str) -> Option<usize> {
    top_level_value_position(text, key).map(|(line, _)| line)
}

/// Where the value of a top-level `key` starts: 1-based line and column
/// (in characters), e.g. `date: 30/02/2020` → column 7.
pub fn top_level_value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    top_level_positions(text)
        .into_iter()
        .find(|(k, _, _)| k == key)
        .map(|(_, line, column)| (line, column))
}

/// A YAML string in double quotes that reads back as `s`, whatever it
/// holds: `\` and `"` escaped, and so is every character YAML may not
/// carry as it is (controls, noncharacters) or reads as a line break
/// (U+0085, U+2028, U+2029).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => out.push_str(&format!("\\x{:02X}", c as u32)),
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_positions_count_characters() {
        let y = "title: \"Đảng\"\ndate:   30/02/2020\n";
        assert_eq!(top_level_value_position(y, "date"), Some((2, 9)));
        assert_eq!(top_level_value_position(y, "title"), Some((1, 8)));
        assert_eq!(top_level_value_position(y, "views"), None);
    }

    #[test]
    fn maps_keep_order_and_types() {
        let y = parse("title: \"Tin\"\nviews: 290\ntags: [a, b]\ndraft: true\n").unwrap();
        let Yaml::Map(m) = y else { panic!("not a map") };
        let keys: Vec<_> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "views", "tags", "draft"]);
        assert_eq!(m[1].1, Yaml::Int(290));
        assert_eq!(m[3].1, Yaml::Bool(true));
    }

    #[test]
    fn errors_carry_positions_without_the_crate_suffix() {
        let e = parse("title: a\ncategory: [x\n").unwrap_err();
        assert!(e.line.is_some());
        assert!(!e.message.contains(" at line "), "{}", e.message);
        let e = parse("title: Ban chỉ đạo: họp\n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    /// Found by `fuzz/` (target `frontmatter`): the YAML crate counts
    /// U+0085, U+2028 and U+2029 as line breaks, so an error after one was
    /// put on a line past the end of the file.
    #[test]
    fn error_positions_count_only_the_files_own_lines() {
        let plain = parse("a: \"xy\" ]\n").unwrap_err();
        for sep in ['\u{85}', '\u{2028}', '\u{2029}'] {
            let text = format!("title: \"Bản{sep}tin\"\ncategory: x\ntags: [x,\n");
            let e = parse(&text).unwrap_err();
            assert_eq!((e.line, e.column), (Some(4), Some(1)), "{sep:?}: {e:?}");
            let e = parse(&format!("a: \"x{sep}y\" ]\n")).unwrap_err();
            assert_eq!(e.line, Some(1), "{sep:?}: {e:?}");
            assert_eq!(e.column, plain.column.map(|c| c + 1), "{sep:?}: {e:?}");
        }
    }

    /// Word's curly quotes read as quotes, the same on the fast path and
    /// through the crate, and the same as straight quotes.
    #[test]
    fn curly_quoted_values_read_as_quoted_ones_on_both_paths() {
        for (curly, straight) in [
            (
                "title: “Hội nghị: tổng kết năm”\n",
                "title: \"Hội nghị: tổng kết năm\"\n",
            ),
            (
                "title: ‘Dân vận khéo’\ndate: 19/02/2020\n",
                "title: \"Dân vận khéo\"\ndate: 19/02/2020\n",
            ),
            (
                "title: “Hội nghị\"\nviews: 12\n",
                "title: \"Hội nghị\"\nviews: 12\n",
            ),
            ("tags: [“a, b”, c]\n", "tags: [\"a, b\", c]\n"),
            ("extra:\n  note: “x: y”\n", "extra:\n  note: \"x: y\"\n"),
        ] {
            let (fast, krate) = fast_and_crate(curly);
            assert_eq!(krate, parse_with_crate(straight), "{curly}");
            if let Some(fast) = fast {
                assert_eq!(Ok(fast), krate, "{curly}");
            }
            assert_eq!(parse(curly), parse(straight), "{curly}");
        }
        let kept = parse("title: Phong trào “Dân vận khéo”\n").unwrap();
        assert_eq!(
            kept,
            Yaml::Map(vec![(
                "title".into(),
                Yaml::Str("Phong trào “Dân vận khéo”".into())
            )])
        );
    }

    #[test]
    fn key_lines_are_found() {
        let text = "title: x\n# note\ndate: 2020-01-01\n  date: nested\n";
        assert_eq!(top_level_key_line(text, "date"), Some(3));
        assert_eq!(top_level_key_line(text, "title"), Some(1));
        assert_eq!(top_level_key_line(text, "views"), None);
    }
}
