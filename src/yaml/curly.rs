//! Word's curly quotes as YAML quotes: a value typed `“Hội nghị: tổng kết”`
//! (or `‘…’`, or with one straight and one curly quote, `“…"`) is rewritten
//! as the double-quoted string `"Hội nghị: tổng kết"` before either parser
//! reads the text, so the fast path and the YAML crate agree by
//! construction. Only quotes enclosing a whole value (of a `key:`, a `- `
//! item or an item of a one-line `[…]` list) are read as quotes; curly
//! quotes inside a value stay as typed, and so does anything ambiguous.

use std::borrow::Cow;

const CURLY: [char; 4] = ['“', '”', '‘', '’'];

/// `text` with every value enclosed in curly quotes written as a
/// double-quoted YAML string; the text itself when there is none. Lines
/// keep their number, and a value keeps its first column.
pub fn straighten(text: &str) -> Cow<'_, str> {
    if !text.contains(CURLY) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    // Inside a `|` or `>` block: the indentation of the line that opened it.
    let mut block: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        let indent = body.len() - body.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if body.trim().is_empty() || indent > parent {
                out.push_str(line);
                continue;
            }
            block = None;
        }
        let (head, value) = split_line(body);
        if is_block_indicator(value) {
            block = Some(indent);
        }
        match rewrite_value(value) {
            Some(new) => {
                changed = true;
                out.push_str(head);
                out.push_str(&new);
                out.push_str(end);
            }
            None => out.push_str(line),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// A line cut before its value: `  - title: ` and `“…”`. The value is
/// empty when the line holds none (a comment, a key alone).
fn split_line(line: &str) -> (&str, &str) {
    let mut at = line.len() - line.trim_start_matches(' ').len();
    // List item markers: `- `, `- - `.
    while line[at..].starts_with("- ") {
        at += 2;
        at += line[at..].len() - line[at..].trim_start_matches(' ').len();
    }
    let rest = &line[at..];
    if rest.starts_with('#') {
        return (line, "");
    }
    if rest.starts_with(['“', '‘', '[', '"', '\'']) {
        return (&line[..at], rest.trim_end());
    }
    let colon = match rest.find(": ") {
        Some(c) => c,
        None if rest.ends_with(':') => return (line, ""),
        None if at > 0 && !rest.contains(':') => return (&line[..at], rest.trim_end()),
        None => return (line, ""),
    };
    let key = &rest[..colon];
    if key.is_empty() || key.contains(['"', '\'', '#', '[', '{', '“', '‘']) {
        return (line, "");
    }
    let value_at = at + colon + 2;
    let value_at = value_at + line[value_at..].len() - line[value_at..].trim_start().len();
    (&line[..value_at], line[value_at..].trim_end())
}

fn is_block_indicator(value: &str) -> bool {
    let v = value.split(" #").next().unwrap_or("").trim();
    (v.starts_with('|') || v.starts_with('>'))
        && v[1..].chars().all(|c| matches!(c, '+' | '-' | '1'..='9'))
}

/// The value rewritten, if it (or an item of its one-line list) is
/// enclosed in curly quotes.
fn rewrite_value(value: &str) -> Option<String> {
    if !value.contains(CURLY) {
        return None;
    }
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return rewrite_list(inner).map(|items| format!("[{items}]"));
    }
    unquote(value).map(super::quote)
}

/// The items of a one-line list, each enclosed one rewritten. `None` when
/// none is, or when the list nests or its quotes do not pair up.
fn rewrite_list(inner: &str) -> Option<String> {
    if inner.contains(['[', ']', '{', '}']) {
        return None;
    }
    let mut out = String::with_capacity(inner.len() + 8);
    let mut changed = false;
    for item in split_items(inner)? {
        let trimmed = item.trim_matches(' ');
        let lead = &item[..item.len() - item.trim_start_matches(' ').len()];
        let trail = &item[lead.len() + trimmed.len()..];
        match unquote(trimmed) {
            Some(text) => {
                changed = true;
                out.push_str(lead);
                out.push_str(&super::quote(text));
                out.push_str(trail);
            }
            None => out.push_str(item),
        }
        out.push(',');
    }
    out.pop();
    changed.then_some(out)
}

/// `a, “b, c”, d` → `a`, ` “b, c”`, ` d`: commas inside quotes (straight or
/// curly) do not split. `None` when a quote is left open.
fn split_items(inner: &str) -> Option<Vec<&str>> {
    let mut items = Vec::new();
    let (mut start, mut open): (usize, Option<char>) = (0, None);
    for (i, c) in inner.char_indices() {
        match open {
            None if i == start + lead_spaces(&inner[start..]) && opens(c) => open = Some(c),
            None if c == ',' => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            Some(o) if closes(o, c) && ends_item(&inner[i + c.len_utf8()..]) => open = None,
            _ => {}
        }
    }
    if open.is_some() {
        return None;
    }
    items.push(&inner[start..]);
    Some(items)
}

fn lead_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

fn ends_item(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    rest.is_empty() || rest.starts_with(',')
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'')
}

/// Quotes of one family: double (`“ ” "`) or single (`‘ ’ '`).
fn closes(open: char, c: char) -> bool {
    match open {
        '“' | '"' => matches!(c, '”' | '"' | '“'),
        _ => matches!(c, '’' | '\'' | '‘'),
    }
}

/// The text inside a value enclosed in quotes of one family of which at
/// least one is curly: `“a: b”`, `‘a’`, `“a"`, `"a”`. `None` when the value
/// is not so enclosed or where reading it so could be wrong: a straight
/// quote of the family inside (YAML's own rules apply then), or, after a
/// straight opening quote, curly quotes inside that do not pair up
/// (`"Hội nghị “Dân vận khéo”` lacks its closing `"`).
pub(super) fn unquote(value: &str) -> Option<&str> {
    let open = value.chars().next()?;
    let close = value.chars().next_back()?;
    if value.chars().count() < 2 || !opens(open) || !closes(open, close) {
        return None;
    }
    if !CURLY.contains(&open) && !CURLY.contains(&close) {
        return None;
    }
    let inner = &value[open.len_utf8()..value.len() - close.len_utf8()];
    let (straight, left, right) = match open {
        '“' | '"' => ('"', '“', '”'),
        _ => ('\'', '‘', '’'),
    };
    if inner.contains(straight) {
        return None;
    }
    if !CURLY.contains(&open) && inner.matches(left).count() != inner.matches(right).count() {
        return None;
    }
    Some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_curly_quotes_become_quoted_strings() {
        let cases = [
            (
                "title: “Hội nghị: tổng kết năm”\n",
                "title: \"Hội nghị: tổng kết năm\"\n",
            ),
            ("title: ‘Hội nghị’\n", "title: \"Hội nghị\"\n"),
            ("title: “Hội nghị\"\n", "title: \"Hội nghị\"\n"),
            ("title: \"Hội nghị”\n", "title: \"Hội nghị\"\n"),
            ("title:    “a”  \n", "title:    \"a\"\n"),
            ("title: “a\\b”\r\n", "title: \"a\\\\b\"\r\n"),
            ("  - “Địa chỉ: số 1”\n", "  - \"Địa chỉ: số 1\"\n"),
            ("- name: “CÔNG TÁC ĐẢNG”\n", "- name: \"CÔNG TÁC ĐẢNG\"\n"),
            (
                "tags: [“dân vận”, quy chế, ‘a, b’]\n",
                "tags: [\"dân vận\", quy chế, \"a, b\"]\n",
            ),
            // Curly quotes inside stay as typed.
            (
                "title: “Phong trào “Dân vận khéo” năm 2020”\n",
                "title: \"Phong trào “Dân vận khéo” năm 2020\"\n",
            ),
        ];
        for (typed, read) in cases {
            assert_eq!(straighten(typed), read, "{typed}");
        }
    }

    #[test]
    fn curly_quotes_that_do_not_enclose_a_value_stay() {
        for typed in [
            "title: Phong trào “Dân vận khéo”\n",
            "title: “Dân vận khéo” năm 2020\n",
            "title: \"Phong trào “Dân vận khéo”\"\n",
            "title: \"Hội nghị “Dân vận khéo”\n",
            "title: “a\"b”\n",
            "title: “a” # ghi chú\n",
            "title: “\n",
            "# “a”\n",
            "summary: |\n  title: “a”\n  “b”\n",
            "tags: [“a”, [b]]\n",
            "tags: [“a, b]\n",
            "title: “a’\n",
        ] {
            assert_eq!(straighten(typed), typed, "{typed}");
        }
    }

    #[test]
    fn a_block_ends_where_its_indentation_does() {
        let typed = "summary: >-\n  “a”\n\ntitle: “b”\n";
        assert_eq!(straighten(typed), "summary: >-\n  “a”\n\ntitle: \"b\"\n");
    }
}
