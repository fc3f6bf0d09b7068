//! Markdown to HTML: pulldown-cmark with tables, footnotes, strikethrough,
//! smart punctuation and heading ids; local links rewritten to published
//! URLs; raw HTML sanitised unless the site allows it; the plain-text summary.
//! The body is first read in the site's flavour (see [`editor`]).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Tag, TagEnd};

use crate::config::Flavour;

pub mod editor;
pub use editor::Source;

/// What rendering an article body yields.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// The first paragraph as plain text.
    pub first_paragraph: String,
    /// Relative links and images that resolve to nothing published, and
    /// paths on the editor's computer, in body order.
    pub unresolved: Vec<Target>,
    /// Links and images written as URLs of the site itself
    /// (`/chinh-quyen/bai/`; see [`Resolve::is_site`]), in body order: where
    /// they lead is known once the pages are planned.
    pub site_links: Vec<Target>,
}

/// A link or image of a body, where the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub dest: String,
    /// 0-based line in the body.
    pub line: usize,
    /// 1-based column of the target in that line, in characters.
    pub column: usize,
    pub image: bool,
}

/// Turns a relative link target into a published URL, or `None` when it
/// names nothing bantin publishes.
pub trait Resolve {
    fn resolve(&self, dest: &str) -> Option<String>;

    /// Is `dest` (not relative) a URL of the site itself? Such targets are
    /// listed in [`Rendered::site_links`].
    fn is_site(&self, _dest: &str) -> bool {
        false
    }

    /// For a relative link to an attached document (a PDF …), what to show
    /// after the link's text: its type and size (`PDF, 340 KB`).
    fn label(&self, _dest: &str) -> Option<String> {
        None
    }

    /// The published sizes of the photo an image's relative target `dest`
    /// names, when it is one (see [`Picture`]).
    fn picture(&self, _dest: &str) -> Option<Picture> {
        None
    }

    /// Is the first photo of the body the first a reader sees (no cover
    /// shown above it)? Then it is loaded eagerly, first in line.
    fn first_is_eager(&self) -> bool {
        true
    }
}

/// A photo as an `<img>` shows it: `src`, the `srcset` candidates (URLs
/// with their widths) and the size of the largest, for `width`/`height`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub src: String,
    pub srcset: String,
    pub width: u32,
    pub height: u32,
}

/// The `sizes` of a photo in an article's body: the whole screen on a
/// phone, the body's column on a wider screen.
pub const BODY_SIZES: &str = "(max-width: 760px) 100vw, 760px";

impl<F: Fn(&str) -> Option<String>> Resolve for F {
    fn resolve(&self, dest: &str) -> Option<String> {
        self(dest)
    }
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Is `dest` a link to a file of the site (not a URL with a scheme, an
/// absolute path or an anchor)?
pub fn is_local(dest: &str) -> bool {
    !(dest.is_empty()
        || dest.starts_with('#')
        || dest.starts_with('/')
        || dest.starts_with("//")
        || has_scheme(dest))
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !dest[..i].contains('/')
        }
        None => false,
    }
}

/// Schemes that run code or smuggle content: never let through.
fn is_dangerous(dest: &str) -> bool {
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// The first paragraph with text, as plain text: what `render` gives as
/// `first_paragraph`, without rendering the rest.
pub fn first_paragraph(body: &str, flavour: Flavour) -> String {
    let (source, events) = editor::prepare(body, flavour);
    let events = match events {
        Some(events) => events,
        None => editor::parse(source.text()),
    };
    let mut text = String::new();
    let mut inside = false;
    for (event, _) in events {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => {
                inside = false;
                if !text.trim().is_empty() {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    crate::text::squash_spaces(&text)
}

/// Render `body` as strict CommonMark. `unsafe_html` keeps raw HTML as
/// written.
pub fn render(body: &str, resolve: &dyn Resolve, unsafe_html: bool) -> Rendered {
    render_as(body, Flavour::CommonMark, resolve, unsafe_html)
}

/// Render `body` read in `flavour`; positions in [`Rendered::unresolved`]
/// are the body's, whatever the flavour rewrote.
pub fn render_as(
    body: &str,
    flavour: Flavour,
    resolve: &dyn Resolve,
    unsafe_html: bool,
) -> Rendered {
    let (source, parsed) = editor::prepare(body, flavour);
    let parsed = match parsed {
        Some(events) => events,
        None => editor::parse(source.text()),
    };
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(body.len() / 8);
    let mut has_html = false;
    let mut heading_start: Option<usize> = None;
    let mut used_ids = HashSet::new();
    let mut paragraph_depth: Option<usize> = None;
    let mut first_done = false;
    // The label of each link open around the current event (see
    // [`Resolve::label`]), shown after its text.
    let mut labels: Vec<Option<String>> = Vec::new();
    // The published sizes of each image that is a photo, in body order.
    let mut pictures = std::collections::VecDeque::new();

    for (event, range) in parsed {
        let label = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                labels.push(local_label(dest_url, resolve));
                None
            }
            Event::End(TagEnd::Link) => labels.pop().flatten(),
            Event::Start(Tag::Image { dest_url, .. }) => {
                let local = is_local(dest_url) && !computer_path(dest_url);
                pictures.push_back(local.then(|| resolve.picture(dest_url)).flatten());
                None
            }
            _ => None,
        };
        let event = filter(
            event,
            range.start,
            &source,
            resolve,
            &mut out,
            unsafe_html,
            &mut has_html,
        );
        match &event {
            Event::Start(Tag::Heading { .. }) => heading_start = Some(events.len()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    set_heading_id(&mut events, start, &mut used_ids);
                }
            }
            Event::Start(Tag::Paragraph) if !first_done && paragraph_depth.is_none() => {
                paragraph_depth = Some(events.len());
            }
            Event::End(TagEnd::Paragraph) if paragraph_depth.is_some() => {
                paragraph_depth = None;
                first_done = !out.first_paragraph.trim().is_empty();
            }
            Event::Text(t) | Event::Code(t) if paragraph_depth.is_some() => {
                out.first_paragraph.push_str(t)
            }
            Event::SoftBreak | Event::HardBreak if paragraph_depth.is_some() => {
                out.first_paragraph.push(' ')
            }
            _ => {}
        }
        events.push(event);
        if let Some(label) = label {
            // The label is the file's type and size: nothing to escape.
            events.push(Event::InlineHtml(CowStr::from(format!(
                " <span class=\"file-meta\">({label})</span>"
            ))));
        }
    }
    out.first_paragraph = crate::text::squash_spaces(&out.first_paragraph);
    if pictures.iter().any(Option::is_some) {
        events = picture_events(events, pictures, resolve.first_is_eager());
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = if has_html {
        sanitizer().clean(&html).to_string()
    } else {
        html
    };
    out
}

/// One event as published: link and image targets resolved (see
/// [`rewrite`]); without `unsafe_html`, heading attributes kept to `{#id
/// .class}` and raw HTML noted for the sanitiser (`has_html`).
fn filter<'a>(
    event: Event<'a>,
    at: usize,
    source: &Source<'_>,
    resolve: &dyn Resolve,
    out: &mut Rendered,
    unsafe_html: bool,
    has_html: &mut bool,
) -> Event<'a> {
    let place = |dest: &str, image: bool| place(source, at, dest, image);
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite(dest_url, resolve, out, |d| place(d, false)),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rewrite(dest_url, resolve, out, |d| place(d, true)),
            title,
            id,
        }),
        // `{#id .class}` only: `{key=value}` writes any attribute,
        // `onclick` too, which only a site that allows raw HTML may.
        Event::Start(Tag::Heading {
            level, id, classes, ..
        }) if !unsafe_html => Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs: Vec::new(),
        }),
        Event::Html(h) | Event::InlineHtml(h) if !unsafe_html => {
            *has_html = true;
            Event::Html(h)
        }
        other => other,
    }
}

/// The link or image starting at byte `at` of `source`, whose target is
/// `dest`, placed at its target (or at its start when the target is
/// written elsewhere, as in a reference link).
fn place(source: &Source<'_>, at: usize, dest: &str, image: bool) -> Target {
    let text = source.text();
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[at..end];
    // The target as written; else (written with `\\` escapes …) right
    // after the first `](`; else the link itself.
    let found = [format!("]({dest}"), format!("](<{dest}")]
        .iter()
        .find_map(|p| line.find(p.as_str()).map(|i| i + p.len() - dest.len()))
        .or_else(|| {
            line.find("](")
                .map(|i| i + 2 + usize::from(line[i + 2..].starts_with('<')))
        })
        .map_or(at, |i| at + i);
    let (line, column) = source.position(found);
    Target {
        dest: dest.to_string(),
        line,
        column,
        image,
    }
}

/// Every link and image of `body` read in `flavour`, in body order.
pub fn targets(body: &str, flavour: Flavour) -> Vec<Target> {
    let (source, events) = editor::prepare(body, flavour);
    let events = match events {
        Some(events) => events,
        None => editor::parse(source.text()),
    };
    events
        .into_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                Some(place(&source, range.start, &dest_url, false))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                Some(place(&source, range.start, &dest_url, true))
            }
            _ => None,
        })
        .collect()
}

/// Every image of `body` without a description (alt text: what is between
/// `![` and `]`), in body order.
pub fn images_without_alt(body: &str, flavour: Flavour) -> Vec<Target> {
    let (source, events) = editor::prepare(body, flavour);
    let events = match events {
        Some(events) => events,
        None => editor::parse(source.text()),
    };
    let mut out = Vec::new();
    let mut open: Option<(Target, String)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) if open.is_none() => {
                open = Some((place(&source, range.start, &dest_url, true), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, alt)) = &mut open {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((target, alt)) = open.take()
                    && alt.trim().is_empty()
                {
                    out.push(target);
                }
            }
            _ => {}
        }
    }
    out
}

/// A link's target as published: resolved when it is a file of the site;
/// noted in `out` (placed by `place`) when it leads nowhere, a path on the
/// editor's computer included.
fn rewrite<'a>(
    dest: CowStr<'a>,
    resolve: &dyn Resolve,
    out: &mut Rendered,
    place: impl Fn(&str) -> Target,
) -> CowStr<'a> {
    if computer_path(&dest) {
        out.unresolved.push(place(&dest));
        return if is_dangerous(&dest) {
            CowStr::Borrowed("#")
        } else {
            dest
        };
    }
    if is_dangerous(&dest) {
        return CowStr::Borrowed("#");
    }
    if !is_local(&dest) {
        if resolve.is_site(&dest) {
            out.site_links.push(place(&dest));
        }
        return dest;
    }
    match resolve.resolve(&dest) {
        Some(url) => CowStr::from(url),
        None => {
            out.unresolved.push(place(&dest));
            dest
        }
    }
}

/// The label of a relative link's target (see [`Resolve::label`]).
fn local_label(dest: &str, resolve: &dyn Resolve) -> Option<String> {
    let local = is_local(dest) && !computer_path(dest) && !is_dangerous(dest);
    local.then(|| resolve.label(dest)).flatten()
}

/// A path on the editor's own computer, which no reader's browser can
/// open: `C:\…`, `C:/…`, `file:…`, `\\server\…` (`\server\…` once
/// Markdown read `\\` as `\`), `~/…` or a folder of a computer's own disk
/// (`/home/…`, `/Users/…`).
pub fn computer_path(dest: &str) -> bool {
    let b = dest.as_bytes();
    let drive =
        b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    let lower = dest.get(..5).unwrap_or("").to_ascii_lowercase();
    drive
        || lower == "file:"
        || dest.starts_with('\\')
        || dest.starts_with("~/")
        || ["/home/", "/Users/", "/root/", "/mnt/", "/Volumes/"]
            .iter()
            .any(|p| dest.starts_with(p))
}

fn set_heading_id(events: &mut [Event<'_>], start: usize, used: &mut HashSet<String>) {
    let text: String = events[start..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        let base = match id {
            Some(given) => given.to_string(),
            None => crate::text::slugify(&text),
        };
        let base = if base.is_empty() {
            "muc".to_string()
        } else {
            base
        };
        let mut candidate = base.clone();
        let mut n = 1;
        while !used.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        *id = Some(CowStr::from(candidate));
    }
}

/// `events` with each image that is a photo (`pictures`, one per image in
/// order) written as one `<img>` with `srcset`, `sizes`, `width` and
/// `height`: lazy, but the first photo of the article eager and first in
/// line (it is usually what a reader sees first).
fn picture_events<'a>(
    events: Vec<Event<'a>>,
    mut pictures: std::collections::VecDeque<Option<Picture>>,
    eager: bool,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut first = eager;
    let mut it = events.into_iter();
    while let Some(event) = it.next() {
        let Event::Start(Tag::Image { title, .. }) = &event else {
            out.push(event);
            continue;
        };
        let Some(Some(p)) = pictures.pop_front() else {
            out.push(event);
            continue;
        };
        let title = title.to_string();
        let mut alt = String::new();
        let mut depth = 1;
        for inner in it.by_ref() {
            match inner {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let mut tag = format!(
            "<img src=\"{}\" srcset=\"{}\" sizes=\"{BODY_SIZES}\" width=\"{}\" height=\"{}\" alt=\"{}\"",
            attr(&p.src),
            attr(&p.srcset),
            p.width,
            p.height,
            attr(&alt)
        );
        if !title.is_empty() {
            tag.push_str(&format!(" title=\"{}\"", attr(&title)));
        }
        tag.push_str(if first {
            " fetchpriority=\"high\" decoding=\"async\">"
        } else {
            " loading=\"lazy\" decoding=\"async\">"
        });
        first = false;
        out.push(Event::InlineHtml(CowStr::from(tag)));
    }
    out
}

/// `text` for an HTML attribute's value in double quotes.
pub fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"])
            .add_tag_attributes("td", ["style"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes(
                "img",
                ["srcset", "sizes", "loading", "decoding", "fetchpriority"],
            )
            .add_tags(["figure", "figcaption", "mark"]);
        b
    })
}

#[cfg(test)]
mod tests;
