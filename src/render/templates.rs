//! Compiling a theme's Tera templates: the filters bantin adds, the HTML
//! escaping it uses, and template errors as diagnostics with file, line and
//! column.

use std::path::Path;

use tera::Tera;

use crate::error::{Diagnostic, Error, Result};
use crate::theme::Theme;

/// Compile the theme's templates, reporting every broken one.
pub fn compile(theme: &Theme) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.register_filter("json_encode", json_encode);
    tera.register_filter(
        "rss_text",
        |text: &str, _: tera::Kwargs, _: &tera::State| tera::Value::safe_string(&rss_text(text)),
    );
    let all = theme
        .templates
        .iter()
        .map(|(n, (t, _))| (n.as_str(), t.as_str()));
    if let Err(whole) = tera.add_raw_templates(all) {
        // Parse each template alone so that every syntax error names its file.
        let mut errors: Vec<Diagnostic> = theme
            .templates
            .iter()
            .filter_map(|(name, (text, file))| {
                let e = Tera::new().add_raw_template(name, text).err()?;
                matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
                    .then(|| template_error(file, &e))
            })
            .collect();
        if errors.is_empty() {
            let d = match report_position(&whole) {
                Some((name, line, col)) => match theme.templates.get(&name) {
                    Some((_, file)) => {
                        let message = whole.to_string();
                        let first = message
                            .lines()
                            .next()
                            .unwrap_or("")
                            .trim_start_matches("error: ");
                        Diagnostic::new(file, crate::t!("template-unusable", reason = first))
                            .at(line, Some(col))
                    }
                    None => Diagnostic::new("templates", chain(&whole)),
                },
                None => Diagnostic::new("templates", chain(&whole)),
            };
            errors.push(d.hint(crate::t!(
                "template-unusable.hint",
                tags = "{% extends %}, {% include %}",
                components = "<card … />"
            )));
        }
        return Err(Error::Content(errors));
    }
    tera.autoescape_on([".html", ".xml"]);
    tera.set_escape_fn(escape);
    Ok(tera)
}

/// Where a Tera error points: template name, line and column, read from
/// its report (`--> article.html:2:39`).
fn report_position(e: &tera::Error) -> Option<(String, usize, usize)> {
    if let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = e.kind() {
        return Some((
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
        ));
    }
    let text = e.to_string();
    let at = text.split("--> ").nth(1)?.lines().next()?;
    let mut parts = at.rsplitn(3, ':');
    let col = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    Some((parts.next()?.to_string(), line, col))
}

/// `{{ value | json_encode | safe }}`: the value as JSON for a `<script>`
/// (see `script_json`).
fn json_encode(value: tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    script_json(&value).map_err(tera::Error::message)
}

/// A value as JSON that cannot close the `<script>` it sits in: `<`, `>`
/// and `&` (which only occur inside JSON strings) written as `\u003c` ….
pub(super) fn script_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string(value)?;
    if memchr::memchr3(b'<', b'>', b'&', json.as_bytes()).is_none() {
        return Ok(json);
    }
    Ok(json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}

/// `{{ value | rss_text }}`: plain text for an RSS element that feed
/// readers decode as HTML once the XML is read (`title`, `description`).
/// Escaped for HTML, then for XML, so a reader shows `<img …>` typed as
/// text as those characters, never as an element. The XML level writes
/// `&` as `&#x26;`, as the RSS Best Practices Profile asks of text, so the
/// W3C validator sees the entities are meant.
pub(crate) fn rss_text(text: &str) -> String {
    if memchr::memchr3(b'&', b'<', b'>', text.as_bytes()).is_none() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 32);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&#x26;amp;"),
            '<' => out.push_str("&#x26;lt;"),
            '>' => out.push_str("&#x26;gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped for HTML and XML, as templates escape values.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    // Writing to a Vec cannot fail.
    let _ = escape(text, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Escape for HTML text and attributes, and for XML. Unlike Tera's default
/// it leaves `/` alone, so URLs stay readable and pages small.
fn escape(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    if bytes.len() < 32 {
        // Short values (dates, numbers, slugs): a plain loop costs less than
        // setting up the searches below.
        let mut done = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let Some(with) = entity(b) else { continue };
            out.write_all(&bytes[done..i])?;
            out.write_all(with)?;
            done = i + 1;
        }
        return out.write_all(&bytes[done..]);
    }
    // The next `&`, `<` or `>`, and the next quote, found with SIMD
    // (`memchr`): most values have none, and each search runs once per
    // character it finds.
    let find_markup =
        |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map(|i| i + from);
    let find_quote = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map(|i| i + from);
    let (mut markup, mut quote) = (find_markup(0), find_quote(0));
    let mut done = 0;
    loop {
        let i = match (markup, quote) {
            (Some(m), Some(q)) => m.min(q),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        let with = entity(bytes[i]).unwrap_or_default();
        out.write_all(&bytes[done..i])?;
        out.write_all(with)?;
        done = i + 1;
        if markup == Some(i) {
            markup = find_markup(done);
        } else {
            quote = find_quote(done);
        }
    }
    out.write_all(&bytes[done..])
}

/// What `escape` writes for a byte it replaces.
fn entity(b: u8) -> Option<&'static [u8]> {
    match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'"' => Some(b"&quot;"),
        b'\'' => Some(b"&#39;"),
        _ => None,
    }
}

fn template_error(file: &Path, e: &tera::Error) -> Diagnostic {
    let d = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            Diagnostic::new(file, crate::t!("template-unreadable", reason = r.message()))
                .at(r.span().start_line, Some(r.span().start_col + 1))
        }
        _ => Diagnostic::new(file, crate::t!("template-unreadable", reason = chain(e))),
    };
    d.hint(crate::t!(
        "template-unreadable.hint",
        syntax = "{{ value }}, {% if %} … {% endif %}, {% for %} … {% endfor %}"
    ))
}

/// A Tera error with all its causes, on one line each.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str("\n    ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_text_is_escaped_for_html_then_for_xml() {
        assert_eq!(rss_text("Dân vận \"khéo\""), "Dân vận \"khéo\"");
        let text = "<img src=x onerror=alert(7)> & &amp;";
        let xml = format!("<t>{}</t>", rss_text(text));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        // What the XML holds is HTML whose text is the input.
        let html = doc.root_element().text().unwrap();
        assert_eq!(html, "&lt;img src=x onerror=alert(7)&gt; &amp; &amp;amp;");
        assert!(!html.contains('<'));
    }

    #[test]
    fn escape_replaces_the_five_characters() {
        let cases = [
            ("", ""),
            ("Dân vận khéo", "Dân vận khéo"),
            (
                "<b>\"a\" & 'b'</b>",
                "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;",
            ),
            ("&&''<<", "&amp;&amp;&#39;&#39;&lt;&lt;"),
            ("x\"", "x&quot;"),
        ];
        for (input, want) in cases {
            // Short values and long ones take different paths.
            for times in [1, 12] {
                let mut out = Vec::new();
                escape(&input.repeat(times), &mut out).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), want.repeat(times));
            }
        }
    }
}
