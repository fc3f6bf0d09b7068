//! The editor's habits within a line, found before the body is parsed:
//! `1.Xây` lines in a numbered sequence (a space goes after `1.`) and link
//! targets with spaces (wrapped in `<…>`), outside code and raw HTML.

use std::ops::Range;

use super::{Events, indent_of, inside, verbatim};

/// The insertions (byte in the line, text) that turn the editor's habits
/// into CommonMark, by line index: `1.Xây` → `1. Xây` in a numbered
/// sequence, `](Ảnh 01.png)` → `](<Ảnh 01.png>)`.
pub(super) fn line_fixes(
    body: &str,
    events: &Events<'_>,
) -> Vec<(usize, Vec<(usize, &'static str)>)> {
    let code = verbatim(events);
    let mut fixes: Vec<(usize, Vec<(usize, &'static str)>)> = Vec::new();
    let mut add = |i: usize, at: usize, s: &'static str| match fixes.last_mut() {
        Some((j, list)) if *j == i => list.push((at, s)),
        _ => fixes.push((i, vec![(at, s)])),
    };
    // A sequence of numbered lines: (line, where a space is missing).
    let mut run: Vec<(usize, Option<usize>)> = Vec::new();
    let mut last_number = 0;
    let mut start = 0;
    let lines: Vec<&str> = body.split('\n').collect();
    let flush = |run: &mut Vec<(usize, Option<usize>)>,
                 add: &mut dyn FnMut(usize, usize, &'static str)| {
        if run.len() >= 2 {
            for (i, at) in run.iter() {
                if let Some(at) = at {
                    add(*i, *at, " ");
                }
            }
        }
        run.clear();
    };
    let mut pending: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let in_code = inside(&code, start + indent_of(line).min(line.len()));
        match numbered(line).filter(|_| !in_code) {
            Some((n, at)) => {
                if run.is_empty() || n != last_number + 1 {
                    flush(&mut run, &mut add);
                }
                run.push((i, at));
                last_number = n;
            }
            None if line.trim().is_empty() => {}
            None => flush(&mut run, &mut add),
        }
        let targets: Vec<Range<usize>> = spaced_targets(line)
            .into_iter()
            .filter(|r| !inside(&code, start + r.start))
            .collect();
        if !targets.is_empty() {
            pending.push((i, targets));
        }
        start += line.len() + 1;
    }
    flush(&mut run, &mut add);
    for (i, targets) in pending {
        for r in targets {
            add(i, r.start, "<");
            add(i, r.end, ">");
        }
    }
    fixes.sort_by_key(|(i, _)| *i);
    // Lines fixed twice (a numbered line with a spaced link) are merged.
    let mut merged: Vec<(usize, Vec<(usize, &'static str)>)> = Vec::new();
    for (i, list) in fixes {
        match merged.last_mut() {
            Some((j, l)) if *j == i => l.extend(list),
            _ => merged.push((i, list)),
        }
    }
    merged
}

/// A numbered line: its number, and where a space is missing after
/// `1.` / `1)` when a letter follows directly (`None` for `1. Xây`).
pub(super) fn numbered(line: &str) -> Option<(u64, Option<usize>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let n = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    if !after.starts_with(['.', ')']) {
        return None;
    }
    match after[1..].chars().next() {
        Some(' ' | '\t') => Some((n, None)),
        Some(c) if c.is_alphabetic() => Some((n, Some(indent + digits + 1))),
        _ => None,
    }
}

/// Byte ranges of link targets with spaces in `line`, written without
/// `<…>`: the file name in `](Ảnh hội nghị 01.png)` or
/// `](Ảnh 01.png "Tiêu đề")`.
fn spaced_targets(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find("](").map(|i| from + i + 2) {
        from = i;
        let Some(end) = closing_paren(&line[i..]).map(|e| i + e) else {
            continue;
        };
        let inner = &line[i..end];
        let lead = inner.len() - inner.trim_start().len();
        let mut path = inner.trim();
        if path.starts_with('<') || path.contains(['<', '>']) {
            continue;
        }
        if let Some(q) = title_start(path) {
            path = path[..q].trim_end();
        }
        if path.contains([' ', '\t']) {
            out.push(i + lead..i + lead + path.len());
        }
        from = end;
    }
    out
}

/// Where the `)` that closes a link target starts in `s` (the text after
/// `](`), parentheses inside it balanced.
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Where a link title (`"…"` or `'…'` after a space) starts in a target.
fn title_start(target: &str) -> Option<usize> {
    let quote = target.chars().last().filter(|c| matches!(c, '"' | '\''))?;
    let body = &target[..target.len() - 1];
    let open = body.rfind(quote)?;
    body[..open].ends_with([' ', '\t']).then_some(open)
}
