//! An article of the guide as `build` published it: its page found by its
//! title, at its slug's address, with its body's paragraphs, list items and
//! photos.

use std::fs;
use std::path::{Path, PathBuf};

use super::text::{body, escape, front_matter};

/// The published page of an article (by its title), as the article says:
/// its address (the page's folder under `out`), or `None` for a draft.
pub fn article_page(text: &str, out: &Path) -> Result<Option<PathBuf>, String> {
    let fm = front_matter(text);
    let title = fm.get("title").ok_or("no title")?;
    let heading = format!(">{}</h1>", escape(title));
    let pages: Vec<(PathBuf, String)> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
        .map(|p| (p.clone(), fs::read_to_string(&p).unwrap()))
        .filter(|(_, html)| html.contains(&heading))
        .collect();
    let draft = fm.get("draft").is_some_and(|d| d == "true");
    match (draft, pages.as_slice()) {
        (true, []) => Ok(None),
        (true, _) => Err(format!("a draft, yet published: {title}")),
        (false, [(page, html)]) => {
            if let Some(slug) = fm.get("slug") {
                let dir = page.parent().and_then(|d| d.file_name()).unwrap();
                if dir != slug.as_str() {
                    return Err(format!(
                        "published at {}, not at its slug {slug}",
                        page.display()
                    ));
                }
            }
            body_shown(text, page, html, out)?;
            let dir = page.parent().unwrap().strip_prefix(out).unwrap();
            Ok(Some(dir.to_path_buf()))
        }
        (false, found) => Err(format!("{} pages with the title {title}", found.len())),
    }
}

/// Each paragraph, list item and photo of the article's body is on its page.
fn body_shown(text: &str, page: &Path, html: &str, out: &Path) -> Result<(), String> {
    for l in body(text) {
        if l.starts_with("<!--") || l.contains(['*', '_', '<', '&', '`']) {
            continue;
        }
        if let Some(rest) = l.strip_prefix("![") {
            let (alt, _) = rest.split_once("](").ok_or(l)?;
            let img = format!("alt=\"{}\"", escape(alt));
            let tag = html
                .split("<img ")
                .find(|t| t.contains(&img))
                .ok_or(format!("no image {alt}"))?;
            let src = tag
                .split("src=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .ok_or(tag)?;
            let src = src.trim_start_matches("http://localhost");
            let file = match src.strip_prefix('/') {
                Some(abs) => out.join(abs),
                None => page.parent().unwrap().join(src),
            };
            if !file.is_file() {
                return Err(format!(
                    "the photo {src} is not published ({})",
                    file.display()
                ));
            }
        } else if let Some((n, item)) = l.split_once(". ").filter(|(n, _)| n.parse::<u32>().is_ok())
        {
            if !html.contains(&format!("<li>{item}</li>")) {
                return Err(format!(
                    "list item {n} `{item}` is not a list item of the page"
                ));
            }
        } else if !html.contains(&format!("<p>{l}</p>")) {
            return Err(format!(
                "the paragraph `{l}` is not a paragraph of the page"
            ));
        }
    }
    Ok(())
}
