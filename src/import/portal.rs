//! Reading a portal text: the category line, the title, the date line
//! `Ngày đăng 19/02/2020 | 07:02 | Lượt xem: 290` (time and views
//! optional, any spacing), the body and the signature pushed right. Owns
//! the Markdown an imported article is written as: each line a paragraph,
//! numbered tasks one list, Markdown signs escaped, text as typed.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::date;
use crate::error::Diagnostic;
use crate::text::{match_key, squash_spaces};
use crate::yaml::quote;

/// An article as read from a portal text.
#[derive(Debug, Clone, PartialEq)]
pub struct Portal {
    pub category: String,
    pub title: String,
    pub date: DateTime<FixedOffset>,
    /// The date line gave a time of day.
    pub has_time: bool,
    pub views: Option<u64>,
    pub author: Option<String>,
    /// The body, as Markdown.
    pub body: String,
}

const DATE_LINE: &str = "Ngày đăng 19/02/2020 | 07:02 | Lượt xem: 290";

/// Read a portal text (already Unicode, NFC, LF). Errors name the line.
pub fn parse(file: &Path, text: &str) -> Result<Portal, Diagnostic> {
    let lines: Vec<&str> = text.split('\n').collect();
    let filled: Vec<usize> = (0..lines.len())
        .filter(|i| !lines[*i].trim().is_empty())
        .collect();
    let err = |line: usize, msg: String| Diagnostic::new(file, msg).at(line + 1, Some(1));
    let Some(pos) = filled.iter().position(|i| is_date_line(lines[*i])) else {
        let line = filled.get(2).or(filled.last()).copied().unwrap_or(0);
        return Err(
            err(line, crate::t!("portal-no-date-line", example = DATE_LINE))
                .hint(crate::t!("portal-no-date-line.hint")),
        );
    };
    let date_at = filled[pos];
    match pos {
        0 | 1 => {
            let message = if pos == 0 {
                crate::t!("portal-date-line-first")
            } else {
                crate::t!("portal-date-line-second")
            };
            return Err(err(date_at, message).hint(crate::t!("portal-date-line-first.hint")));
        }
        2 => {}
        _ => {
            let extra = filled[2];
            return Err(err(
                extra,
                crate::t!("portal-date-line-late", found = short(lines[extra])),
            )
            .hint(crate::t!("portal-date-line-late.hint")));
        }
    }
    let category = squash_spaces(lines[filled[0]]);
    if category.chars().count() > 60 || !category.chars().any(char::is_alphabetic) {
        return Err(err(
            filled[0],
            crate::t!("portal-not-category", found = short(&category)),
        )
        .hint(crate::t!("portal-not-category.hint")));
    }
    let title = squash_spaces(lines[filled[1]]);
    let (date, has_time, views) = parse_date_line(file, lines[date_at], date_at + 1)?;

    let body_lines = &lines[date_at + 1..];
    let (author, body_end) = signature(body_lines);
    let body = body_markdown(&body_lines[..body_end]);
    if body.is_empty() {
        return Err(
            err(date_at, crate::t!("portal-no-text")).hint(crate::t!("portal-no-text.hint"))
        );
    }
    Ok(Portal {
        category,
        title,
        date,
        has_time,
        views,
        author,
        body,
    })
}

fn short(s: &str) -> String {
    let s = squash_spaces(s);
    if s.chars().count() > 50 {
        format!("{}…", s.chars().take(50).collect::<String>())
    } else {
        s
    }
}

/// The first `n` characters of `s`, if they read `prefix` (any case and
/// spacing) — the rest of `s` after them.
fn strip_words<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.chars().count();
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    (match_key(&s[..end]) == prefix).then(|| &s[end..])
}

fn is_date_line(line: &str) -> bool {
    strip_words(&squash_spaces(line), "ngày đăng").is_some()
}

/// `Ngày đăng 19/02/2020 | 07:02 | Lượt xem: 290`, the time and the views
/// optional, any spacing.
fn parse_date_line(
    file: &Path,
    raw: &str,
    line_no: usize,
) -> Result<(DateTime<FixedOffset>, bool, Option<u64>), Diagnostic> {
    let column = |part: &str| {
        raw.find(part.trim())
            .map(|i| raw[..i].chars().count() + 1)
            .unwrap_or(1)
    };
    let line = squash_spaces(raw);
    let rest = strip_words(&line, "ngày đăng").unwrap_or("");
    let rest = rest.trim_start_matches([':', ' ']);
    let mut parts = rest.split('|').map(str::trim);
    let first = parts.next().unwrap_or("");
    let (day, mut time) = match first.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (first, None),
    };
    let mut views = None;
    for part in parts.filter(|p| !p.is_empty()) {
        if let Some(v) = strip_words(part, "lượt xem") {
            let v = v.trim_start_matches([':', ' ']);
            views = Some(parse_views(v).ok_or_else(|| {
                Diagnostic::new(file, crate::t!("portal-views", found = v))
                    .at(line_no, Some(column(v)))
                    .hint(crate::t!("portal-views.hint", example = DATE_LINE))
            })?);
        } else if time.is_none() && part.contains(':') {
            time = Some(part);
        } else {
            return Err(
                Diagnostic::new(file, crate::t!("portal-date-part", found = part))
                    .at(line_no, Some(column(part)))
                    .hint(crate::t!("portal-date-part.hint", example = DATE_LINE)),
            );
        }
    }
    if !day.contains('/') {
        return Err(
            Diagnostic::new(file, crate::t!("portal-not-a-day", found = day))
                .at(line_no, Some(column(day)))
                .hint(crate::t!("portal-not-a-day.hint", example = DATE_LINE)),
        );
    }
    let moment = match time {
        Some(t) => format!("{day} {t}"),
        None => day.to_string(),
    };
    let date = date::parse(&moment).map_err(|e| {
        Diagnostic::new(file, crate::t!("portal-bad-date", reason = e.to_string()))
            .at(line_no, Some(column(day)))
            .hint(crate::t!("portal-bad-date.hint", example = DATE_LINE))
    })?;
    Ok((date, time.is_some(), views))
}

/// `290`, `1.204`, `1,204`, `12 345`: digits grouped by thousands.
fn parse_views(s: &str) -> Option<u64> {
    let s = s.trim();
    let groups: Vec<&str> = s.split(['.', ',', ' ', '\u{a0}', '\u{202f}']).collect();
    let ok = !s.is_empty()
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    ok.then(|| groups.concat().parse().ok()).flatten()
}

/// The author's signature: the last lines of the body, pushed right with a
/// run of spaces (or non-breaking spaces, or a tab). Returns it and where
/// the body ends.
fn signature(body: &[&str]) -> (Option<String>, usize) {
    let mut end = body.len();
    while end > 0 && body[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_signature_line(body[start - 1]) {
        start -= 1;
    }
    if start == end {
        return (None, end);
    }
    let names: Vec<String> = body[start..end].iter().map(|l| squash_spaces(l)).collect();
    (Some(names.join(", ")), start)
}

fn is_signature_line(line: &str) -> bool {
    let text = line.trim();
    let run = line.chars().take_while(|c| c.is_whitespace()).count();
    let pushed = run >= 5 || line.starts_with('\t');
    pushed
        && !text.is_empty()
        && text.chars().count() <= 80
        && text.split_whitespace().count() <= 12
}

/// One block of the body.
enum Block {
    Paragraph(String),
    /// A run of numbered tasks, with their numbers as typed.
    List(Vec<(u32, String)>),
}

/// Each non-blank line is a paragraph; numbered lines in sequence (`1.`,
/// `2.` … `6.Thực hiện` too) are one Markdown numbered list.
fn body_markdown(lines: &[&str]) -> String {
    let mut blocks: Vec<Block> = Vec::new();
    for line in lines {
        let text = squash_spaces(line);
        if text.is_empty() {
            continue;
        }
        match (numbered(&text), blocks.last_mut()) {
            (Some((n, item)), Some(Block::List(items)))
                if items.last().is_some_and(|(last, _)| *last + 1 == n) =>
            {
                items.push((n, item.to_string()))
            }
            (Some((n, item)), _) => blocks.push(Block::List(vec![(n, item.to_string())])),
            (None, _) => blocks.push(Block::Paragraph(text)),
        }
    }
    let out: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => escape(p),
            Block::List(items) => items
                .iter()
                .map(|(n, t)| format!("{n}. {}", escape(t)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    out.join("\n\n")
}

/// `1. Đồng chí …`, `6.Thực hiện …`: the number and the task.
fn numbered(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = &line[digits..];
    let after = rest.strip_prefix(['.', ')'])?;
    let next = after.chars().next()?;
    if !(next == ' ' || next.is_alphabetic()) {
        return None;
    }
    let item = after.trim();
    if item.is_empty() {
        return None;
    }
    Some((line[..digits].parse().ok()?, item))
}

/// Escape what Markdown would read as formatting, so the text shows as
/// typed (quotes and dashes are left as they are).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let special = matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '~')
            || (*c == '&' && is_entity(&chars[i + 1..]));
        if special {
            out.push('\\');
        }
        out.push(*c);
    }
    // What only matters at the start of a block.
    let first = chars.first().copied().unwrap_or(' ');
    let second = chars.get(1).copied();
    let rule = chars.len() >= 3 && chars.iter().all(|c| matches!(c, '-' | '=' | ' '));
    if matches!(first, '#' | '>' | '|')
        || rule
        || (matches!(first, '-' | '+') && matches!(second, None | Some(' ')))
    {
        out.insert(0, '\\');
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(chars.get(digits), Some('.' | ')'))
        && matches!(chars.get(digits + 1), None | Some(' '))
    {
        let at: usize = chars[..digits].iter().map(|c| c.len_utf8()).sum();
        out.insert(at, '\\');
    }
    out
}

/// After a `&`: `amp;`, `#123;` — what HTML would read as a character.
fn is_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

impl Portal {
    /// The article file: front matter, a blank line, the body.
    pub fn to_markdown(&self) -> String {
        let mut date = date::display_day(&self.date);
        if self.has_time {
            date = format!("{date} {}", date::display_time(&self.date));
        }
        let mut out = format!(
            "---\ntitle: {}\ndate: {date}\ncategory: {}\n",
            quote(&self.title),
            quote(&self.category)
        );
        if let Some(a) = &self.author {
            out.push_str(&format!("author: {}\n", quote(a)));
        }
        if let Some(v) = self.views {
            out.push_str(&format!("views: {v}\n"));
        }
        out.push_str("---\n\n");
        out.push_str(&self.body);
        out.push('\n');
        out
    }
}

#[cfg(test)]
#[path = "portal_tests.rs"]
mod tests;
