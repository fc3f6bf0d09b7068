//! The guide's Markdown as the test reads it: fenced blocks, front-matter
//! lines, an article's body and photos, GitHub's heading anchors.

use std::collections::BTreeMap;

/// A fenced block: its language, `key=value` words, lines and where it is.
pub struct Block {
    pub lang: String,
    pub attrs: BTreeMap<String, String>,
    pub lines: Vec<String>,
    pub line: usize,
}

/// The fenced blocks of a Markdown text (fences may be indented, as in a
/// list item; the indentation is taken off the block's lines), and the text
/// outside them.
pub fn parse(text: &str) -> (Vec<Block>, Vec<(usize, String)>) {
    let mut blocks = Vec::new();
    let mut prose = Vec::new();
    let mut open: Option<(Block, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start();
        let indent = raw.len() - trimmed.len();
        match open.take() {
            Some((b, _)) if trimmed == "```" => blocks.push(b),
            Some((mut b, ind)) => {
                let cut = ind.min(indent);
                b.lines.push(raw[cut..].to_string());
                open = Some((b, ind));
            }
            None if trimmed.starts_with("```") => {
                let mut words = trimmed[3..].split_whitespace();
                let lang = words.next().unwrap_or("").to_string();
                let attrs = words
                    .map(|w| match w.split_once('=') {
                        Some((k, v)) => (k.to_string(), v.to_string()),
                        None => (w.to_string(), String::new()),
                    })
                    .collect();
                let line = i + 1;
                let b = Block {
                    lang,
                    attrs,
                    lines: Vec::new(),
                    line,
                };
                open = Some((b, indent));
            }
            None => prose.push((i + 1, raw.to_string())),
        }
    }
    assert!(
        open.is_none(),
        "a code block of HUONG-DAN.md is never closed"
    );
    (blocks, prose)
}

pub fn crlf(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\r\n")).collect()
}

/// `key: value` (the value without its quotes), for a front-matter line.
pub fn field(line: &str) -> Option<(String, String)> {
    let (k, v) = line.trim_end_matches('\r').split_once(": ")?;
    if k.is_empty() || !k.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    let v = v.trim();
    let unq = ['"', '\'', '“', '”'];
    let v = v
        .strip_prefix(unq)
        .and_then(|v| v.strip_suffix(unq))
        .unwrap_or(v);
    Some((k.to_string(), v.to_string()))
}

pub fn front_matter(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .filter_map(field)
        .collect()
}

pub fn body(text: &str) -> Vec<&str> {
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    lines.next();
    lines.by_ref().take_while(|l| *l != "---").for_each(drop);
    lines.filter(|l| !l.trim().is_empty()).collect()
}

/// The photos a Markdown text names: `![…](name)` and `image: name`.
pub fn photos(lines: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for l in lines {
        if let Some((_, v)) = field(l).filter(|(k, _)| k == "image") {
            names.push(v);
        }
        if let Some(rest) = l.trim().strip_prefix("![")
            && let Some((_, t)) = rest.split_once("](")
        {
            names.push(t.trim_end_matches(')').to_string());
        }
    }
    names
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A heading's anchor as GitHub makes it.
pub fn anchor(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}
