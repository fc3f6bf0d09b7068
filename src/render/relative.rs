//! `build --relative`: one pass over a rendered HTML page that makes every
//! URL attribute pointing into the site (`href`, `src`, `srcset`, `action`,
//! `poster` starting with the site's base path) relative to the page, by
//! [`routes::relative`], so the output opens from a disk or a USB stick
//! (`file://`). It works on any theme's HTML; absolute URLs (canonical
//! links, `og:url`, JSON-LD, other hosts) are left as they are.

use crate::routes;

/// The attributes whose value is a URL (or, for `srcset`, a list of them).
const URL_ATTRIBUTES: &[&str] = &["href", "src", "srcset", "action", "poster"];

/// Elements whose content is text, not markup: no tag is looked for inside.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// `html`, a page published at the site path `page`, with its links into
/// the site (under `base_path`, e.g. `/` or `/ban-tin/`) made relative.
pub fn relative_links(html: &str, base_path: &str, page: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let at = i + lt;
        out.push_str(&html[i..at]);
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |e| at + e + 3);
            out.push_str(&html[at..end]);
            i = end;
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if name_len == 0 || !rest.as_bytes()[1].is_ascii_alphabetic() {
            out.push('<');
            i = at + 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        i = at + tag(rest, name_len, base_path, page, &mut out);
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = find_ignoring_case(&html[i..], &close).map_or(html.len(), |e| i + e);
            out.push_str(&html[i..end]);
            i = end;
        }
    }
    out.push_str(&html[i..]);
    out
}

/// Copy the tag at the start of `tag` (`<a href="…" …>`) into `out` with
/// its URL attributes rewritten; returns its length.
fn tag(tag: &str, name_len: usize, base_path: &str, page: &str, out: &mut String) -> usize {
    let b = tag.as_bytes();
    let mut p = 1 + name_len;
    // (value start, value end, attribute name) of each URL attribute.
    let mut urls: Vec<(usize, usize, String)> = Vec::new();
    let mut canonical = false;
    while p < b.len() && b[p] != b'>' {
        if b[p].is_ascii_whitespace() || b[p] == b'/' {
            p += 1;
            continue;
        }
        let start = p;
        while p < b.len() && !b[p].is_ascii_whitespace() && !matches!(b[p], b'=' | b'>' | b'/') {
            p += 1;
        }
        let attr = tag[start..p].to_ascii_lowercase();
        while p < b.len() && b[p].is_ascii_whitespace() {
            p += 1;
        }
        if b.get(p) != Some(&b'=') {
            continue;
        }
        p += 1;
        while p < b.len() && b[p].is_ascii_whitespace() {
            p += 1;
        }
        let (from, to) = match b.get(p) {
            Some(q @ (b'"' | b'\'')) => {
                let end = tag[p + 1..].find(*q as char).map_or(b.len(), |e| p + 1 + e);
                let span = (p + 1, end);
                p = (end + 1).min(b.len());
                span
            }
            _ => {
                let s = p;
                while p < b.len() && !b[p].is_ascii_whitespace() && b[p] != b'>' {
                    p += 1;
                }
                (s, p)
            }
        };
        let value = &tag[from..to];
        if attr == "rel"
            && value
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            canonical = true;
        }
        if URL_ATTRIBUTES.contains(&attr.as_str()) {
            urls.push((from, to, attr));
        }
    }
    let end = (p + 1).min(b.len());
    let mut copied = 0;
    for (from, to, attr) in urls.iter().filter(|_| !canonical) {
        out.push_str(&tag[copied..*from]);
        let value = &tag[*from..*to];
        if attr == "srcset" {
            out.push_str(&srcset(value, base_path, page));
        } else {
            out.push_str(&one(value, base_path, page));
        }
        copied = *to;
    }
    out.push_str(&tag[copied..end]);
    end
}

/// One URL: relative when it is under the site's base path.
fn one(url: &str, base_path: &str, page: &str) -> String {
    match url.strip_prefix(base_path) {
        Some(site_path) if !url.starts_with("//") => routes::relative(page, site_path),
        _ => url.to_string(),
    }
}

/// `a.jpg 640w, b.jpg 1600w`: each candidate's URL made relative.
fn srcset(value: &str, base_path: &str, page: &str) -> String {
    value
        .split(',')
        .map(|candidate| {
            let lead = candidate.len() - candidate.trim_start().len();
            let body = &candidate[lead..];
            let url_len = body
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(body.len());
            format!(
                "{}{}{}",
                &candidate[..lead],
                one(&body[..url_len], base_path, page),
                &body[url_len..]
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_into_the_site_become_relative() {
        let page = "cong-tac-dang/giao-ban/";
        let html = r##"<!DOCTYPE html><html><head><link rel="canonical" href="/cong-tac-dang/giao-ban/"><link rel="stylesheet" href="/assets/style.css"><title>a href="/x/"</title></head><body><a class=x href="/">Trang chủ</a> <A HREF='/the/dan-van/#a'>t</A><img src="/cong-tac-dang/giao-ban/anh.jpg" srcset="/a/1.jpg 640w, /a/2.jpg 1600w" alt=""><form action="/tim-kiem/"><a href="https://x.vn/a/">x</a><a href="//cdn.x/a">c</a><a href="#noi-dung">n</a><a href=/luu-tru/>l</a><!-- <a href="/c/"> --><script>var a = '<a href="/s/">';</script><p>1 < 2 and href="/t/"</p></body></html>"##;
        let got = relative_links(html, "/", page);
        let want = r##"<!DOCTYPE html><html><head><link rel="canonical" href="/cong-tac-dang/giao-ban/"><link rel="stylesheet" href="../../assets/style.css"><title>a href="/x/"</title></head><body><a class=x href="../../index.html">Trang chủ</a> <A HREF='../../the/dan-van/index.html#a'>t</A><img src="anh.jpg" srcset="../../a/1.jpg 640w, ../../a/2.jpg 1600w" alt=""><form action="../../tim-kiem/index.html"><a href="https://x.vn/a/">x</a><a href="//cdn.x/a">c</a><a href="#noi-dung">n</a><a href=../../luu-tru/index.html>l</a><!-- <a href="/c/"> --><script>var a = '<a href="/s/">';</script><p>1 < 2 and href="/t/"</p></body></html>"##;
        assert_eq!(got, want);
    }

    #[test]
    fn under_a_base_sub_path_only_the_sites_links_change() {
        let html =
            r#"<a href="/ban-tin/tac-gia/a/">a</a><a href="/khac/">b</a><a href="/ban-tin">c</a>"#;
        assert_eq!(
            relative_links(html, "/ban-tin/", ""),
            r#"<a href="tac-gia/a/index.html">a</a><a href="/khac/">b</a><a href="/ban-tin">c</a>"#
        );
    }

    #[test]
    fn broken_markup_is_copied_not_lost() {
        for html in [
            "<a href=\"/x",
            "<a href=",
            "<",
            "<a",
            "<!-- x",
            "<script>x",
            "a < b",
        ] {
            let got = relative_links(html, "/", "");
            assert!(got.len() + 2 >= html.len(), "{html:?} → {got:?}");
        }
        assert_eq!(relative_links("<a href=\"/x", "/", ""), "<a href=\"x");
    }
}
