//! The `editor` flavour of Markdown (`markdown: editor` in `site.yaml`, the
//! default): an article as a Word or Notepad user types it, rewritten into
//! the CommonMark that means the same before it is parsed, with a map back
//! to the lines and columns of the file so that diagnostics stay true.
//!
//! What is rewritten, and nothing else:
//! - one Enter between two lines of text starts a new paragraph (a blank
//!   line is put between them), so a list or a quote ends where its lines
//!   end: a following line that is not indented under the last item is not
//!   swallowed into it; lines indented under a list item stay in the item,
//!   and lines inside a quote that start with `>` stay in the quote;
//! - `1.Xây dựng` lines (a number, `.` or `)`, then a letter: never
//!   `12.345 người`) are list items when at least two numbered lines follow
//!   each other (2 after 1, blank lines between allowed); one such line
//!   alone is left as written;
//! - a link or image target with spaces (`![Ảnh](Ảnh hội nghị 01.png)`) is
//!   read as that file name;
//! - a `---` line right under a line of text is a rule, not a heading, and
//!   a line of text right under a table is a paragraph, not a row.
//!
//! Code blocks, code spans, raw HTML, tables, headings, block quotes and
//! `- ` lists read as in CommonMark. `markdown: commonmark` turns all of
//! this off.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::config::Flavour;

/// A body's Markdown events with their byte ranges in the text parsed.
pub type Events<'a> = Vec<(Event<'a>, Range<usize>)>;

/// The text the Markdown parser reads, and where its lines come from.
#[derive(Debug)]
pub struct Source<'a> {
    text: Cow<'a, str>,
    /// For each line of `text`, its origin in the body; empty when `text`
    /// is the body as written.
    map: Vec<Origin>,
}

/// Where a line of the rewritten text comes from.
#[derive(Debug, Clone, Default, PartialEq)]
struct Origin {
    /// 0-based line in the body.
    line: usize,
    /// (column here, column in the body's line), 0-based, in characters:
    /// from each such column on, columns map with that offset; empty when
    /// the line's columns are the body's.
    cols: Vec<(usize, usize)>,
}

impl Origin {
    fn col(&self, col: usize) -> usize {
        match self.cols.iter().rev().find(|(here, _)| *here <= col) {
            Some((here, there)) => there + (col - here),
            None => col,
        }
    }
}

impl Source<'_> {
    /// The text to parse.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The 0-based line in the body and the 1-based column (in characters)
    /// of byte `offset` of [`Source::text`].
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count();
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[start..].chars().count();
        match self.map.get(line) {
            Some(origin) => (origin.line, origin.col(col) + 1),
            None => (line, col + 1),
        }
    }
}

/// Parse `text` as bantin's Markdown (extensions on), keeping offsets.
pub fn parse(text: &str) -> Events<'_> {
    Parser::new_ext(text, super::options())
        .into_offset_iter()
        .collect()
}

/// The text to parse for `body` in `flavour`, and the events of that text
/// when reading the body told them already (the text is then the body).
pub fn prepare(body: &str, flavour: Flavour) -> (Source<'_>, Option<Events<'_>>) {
    let plain = Source {
        text: Cow::Borrowed(body),
        map: Vec::new(),
    };
    if flavour == Flavour::CommonMark {
        return (plain, None);
    }
    let events = parse(body);
    let fixes = line_fixes(body, &events);
    if fixes.is_empty() && splits(body, &events).is_empty() {
        return (plain, Some(events));
    }
    let mut lines = Lines::new(body);
    for (i, fix) in fixes {
        lines.fix(i, &fix);
    }
    // Each round of blank lines can end a list or a quote early, which
    // shows the next lines to split; three rounds settle every case seen.
    for _ in 0..4 {
        let text = lines.text();
        let todo = splits(&text, &parse(&text));
        if todo.is_empty() {
            break;
        }
        lines.split_before(&todo);
    }
    (lines.into_source(), None)
}

/// The lines of a body being rewritten, each with its origin.
struct Lines {
    lines: Vec<(String, Origin)>,
}

impl Lines {
    fn new(body: &str) -> Lines {
        let lines = body
            .split('\n')
            .enumerate()
            .map(|(i, l)| {
                (
                    l.to_string(),
                    Origin {
                        line: i,
                        cols: Vec::new(),
                    },
                )
            })
            .collect();
        Lines { lines }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for (i, (l, _)) in self.lines.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(l);
        }
        out
    }

    fn into_source(self) -> Source<'static> {
        let text = self.text();
        Source {
            text: Cow::Owned(text),
            map: self.lines.into_iter().map(|(_, o)| o).collect(),
        }
    }

    /// Apply the insertions of `fix` to line `i` (right to left, so that
    /// byte positions stay valid).
    fn fix(&mut self, i: usize, fix: &[(usize, &'static str)]) {
        let mut fix = fix.to_vec();
        fix.sort_by_key(|f| std::cmp::Reverse(f.0));
        let (text, origin) = &mut self.lines[i];
        for (at, s) in fix {
            let c = text[..at].chars().count();
            let k = s.chars().count();
            let there = origin.col(c);
            for bp in &mut origin.cols {
                if bp.0 >= c {
                    bp.0 += k;
                }
            }
            origin.cols.push((c, there));
            origin.cols.push((c + k, there));
            text.insert_str(at, s);
            tidy(&mut origin.cols);
        }
    }

    /// Put a blank line before each line of `todo` (indexes, ascending),
    /// taking away an indent of 4 or more that would make it code.
    fn split_before(&mut self, todo: &[usize]) {
        let mut out = Vec::with_capacity(self.lines.len() + todo.len());
        let mut next = todo.iter().peekable();
        for (i, (mut text, mut origin)) in std::mem::take(&mut self.lines).into_iter().enumerate() {
            if next.peek() == Some(&&i) {
                next.next();
                out.push((
                    String::new(),
                    Origin {
                        line: origin.line,
                        cols: Vec::new(),
                    },
                ));
                if indent_of(&text) >= 4 {
                    let k = text.len() - text.trim_start_matches([' ', '\t']).len();
                    let there = origin.col(k);
                    origin.cols.retain(|bp| bp.0 >= k);
                    for bp in &mut origin.cols {
                        bp.0 -= k;
                    }
                    origin.cols.push((0, there));
                    tidy(&mut origin.cols);
                    text.drain(..k);
                }
            }
            out.push((text, origin));
        }
        self.lines = out;
    }
}

/// Column breakpoints in order, one per column (the last one set wins).
fn tidy(cols: &mut Vec<(usize, usize)>) {
    cols.sort_by_key(|bp| bp.0);
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(cols.len());
    for bp in cols.drain(..) {
        match kept.last_mut() {
            Some(last) if last.0 == bp.0 => *last = bp,
            _ => kept.push(bp),
        }
    }
    *cols = kept;
}

/// The indent of a line in columns (a tab counts to the next multiple of 4).
fn indent_of(line: &str) -> usize {
    let mut col = 0;
    for b in line.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

mod fixes;
use fixes::{line_fixes, numbered};

/// Byte ranges of `events` whose text is shown as written: code blocks,
/// code spans and raw HTML.
fn verbatim(events: &Events<'_>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (event, range) in events {
        let keep = matches!(
            event,
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::Html(_)
        );
        if keep && out.last().is_none_or(|r| r.end < range.end) {
            out.push(range.clone());
        }
    }
    out
}

fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).is_some_and(|r| r.start <= at)
}

/// A block that holds paragraphs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    /// A list item; its content's column (0 until its first block is seen).
    Item(usize),
    Quote,
    Footnote,
}

/// The lines of `text` (by index) before which a blank line makes the
/// CommonMark of `events` read as the editor meant it.
fn splits(text: &str, events: &Events<'_>) -> Vec<usize> {
    // Most bodies have neither: no line table for them.
    let setext = |r: &Range<usize>| !text[r.start..].trim_start().starts_with('#');
    let to_look_at = events.iter().any(|(e, r)| match e {
        Event::SoftBreak => true,
        Event::Start(Tag::Heading {
            level: HeadingLevel::H2,
            ..
        }) => setext(r),
        Event::Start(Tag::TableRow) => !text[r.clone()].contains('|'),
        _ => false,
    });
    if !to_look_at {
        return Vec::new();
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    let line_of = |at: usize| starts.partition_point(|s| *s <= at) - 1;
    let line_text = |i: usize| {
        let end = starts.get(i + 1).map_or(text.len(), |e| e - 1);
        &text[starts[i]..end]
    };
    let mut stack: Vec<Container> = Vec::new();
    let mut inline = 0usize;
    let mut first_in_item = false;
    let mut out = Vec::new();
    for (event, range) in events {
        if first_in_item {
            first_in_item = false;
            if let Some(Container::Item(col)) = stack.last_mut() {
                *col = range.start - starts[line_of(range.start)];
            }
        }
        match event {
            Event::Start(Tag::Item) => {
                stack.push(Container::Item(0));
                first_in_item = true;
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push(Container::Quote),
            Event::Start(Tag::FootnoteDefinition(_)) => stack.push(Container::Footnote),
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                stack.pop();
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => inline += 1,
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => inline = inline.saturating_sub(1),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                // `Dòng chữ` + `---`: a rule under a paragraph.
                let source = text[range.clone()].trim_end_matches('\n');
                let last = line_of(range.start + source.len().saturating_sub(1));
                let underline = line_text(last).trim();
                if !source.trim_start().starts_with('#')
                    && last > line_of(range.start)
                    && !underline.is_empty()
                    && underline.bytes().all(|b| b == b'-')
                {
                    out.push(last);
                }
            }
            // A line without `|` under a table: GFM makes it a row.
            Event::Start(Tag::TableRow) if !text[range.clone()].contains('|') => {
                out.push(line_of(range.start));
            }
            Event::SoftBreak if inline == 0 => {
                let next = line_of(range.start) + 1;
                if next < starts.len() && breaks(&stack, line_text(next - 1), line_text(next)) {
                    out.push(next);
                }
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Does `line`, which CommonMark joins to the paragraph of `before`, start
/// a new block for the editor?
fn breaks(stack: &[Container], before: &str, line: &str) -> bool {
    // `1.` under `Đoạn văn` was split already: the items that follow it
    // join its list without a blank line, so the list stays tight.
    let item = |l: &str| matches!(numbered(l), Some((_, None)));
    if item(before) && item(line) {
        return false;
    }
    if stack.contains(&Container::Quote) {
        return !line.trim_start().starts_with('>');
    }
    match stack.last() {
        None => true,
        Some(Container::Item(col)) => indent_of(line) < *col,
        Some(Container::Footnote) => indent_of(line) < 4,
        Some(Container::Quote) => true,
    }
}

#[cfg(test)]
#[path = "editor_tests.rs"]
mod tests;
