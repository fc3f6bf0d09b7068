//! `bantin build --relative` (a site for a USB stick): every link and file
//! a reader page names is relative to it and leads to a file of the output
//! (a folder's link ends in `index.html`), under a base URL with a
//! sub-path too; canonical links stay absolute, and feeds, sitemap,
//! robots, the search index and the not-found page are those of a normal
//! build, byte for byte. The same site opened in Chromium through
//! `file://` is `tests/browser.rs`'s `a_relative_build_opens_from_the_disk`.

mod common;
use common::{Site, links, tree};

use std::path::Path;

const BASE: &str = "https://phuong.example.vn/ban-tin/";

fn build(site: &Site, out: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = site.tmp.path().join(out);
    let mut args = vec!["build", "--base-url", BASE, "--output"];
    let out_s = out.to_string_lossy().into_owned();
    args.push(&out_s);
    args.extend_from_slice(extra);
    let r = site.run(&args);
    assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
    out
}

/// A reader page: every HTML page but the not-found page, which a web
/// server shows at any address and so keeps absolute links.
fn reader_pages(out: &Path) -> Vec<(String, String)> {
    tree(out)
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".html") && rel != "404.html")
        .map(|(rel, bytes)| (rel, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// `link` (from the page `rel`) as a file of `out`, or why not.
fn target(out: &Path, rel: &str, link: &str) -> Result<(), String> {
    let path = link.split(['?', '#']).next().unwrap_or_default();
    if path.is_empty() {
        return Ok(());
    }
    if path.starts_with('/') || path.ends_with('/') {
        return Err("not relative to the page, or a folder".into());
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .map_err(|e| e.to_string())?;
    let mut file = out.join(rel);
    file.pop();
    for seg in decoded.split('/') {
        match seg {
            ".." => {
                if !file.pop() || !file.starts_with(out) {
                    return Err("climbs out of the output".into());
                }
            }
            s => file.push(s),
        }
    }
    match file.is_file() {
        true => Ok(()),
        false => Err(format!("no file {}", file.display())),
    }
}

#[test]
fn every_link_of_a_relative_build_is_relative_and_leads_to_a_file() {
    let site = Site::new("full");
    let out = build(&site, "relative", &["--relative"]);
    let mut bad = Vec::new();
    let mut checked = 0;
    for (rel, html) in reader_pages(&out) {
        let mut names = links(&html);
        names.extend(
            html.split("action=\"")
                .skip(1)
                .map(|r| r[..r.find('"').unwrap_or(0)].to_string()),
        );
        for link in names {
            let external = ["https://", "http://", "mailto:", "tel:", "data:", "#"];
            if external.iter().any(|e| link.starts_with(e)) {
                assert!(
                    !link.starts_with(BASE)
                        || html.contains(&format!("rel=\"canonical\" href=\"{link}\"")),
                    "{rel}: a link into the site left absolute: {link}"
                );
                continue;
            }
            checked += 1;
            if let Err(why) = target(&out, &rel, &link) {
                bad.push(format!("{rel}: {link}: {why}"));
            }
        }
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{BASE}")),
            "{rel}: the canonical link is not absolute"
        );
    }
    assert!(checked > 1000, "only {checked} links checked");
    assert!(
        bad.is_empty(),
        "{} broken links:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_relative_build_differs_from_a_normal_one_only_in_its_reader_pages() {
    let site = Site::new("full");
    let normal = tree(&build(&site, "normal", &[]));
    let relative = tree(&build(&site, "relative", &["--relative"]));
    assert_eq!(
        normal.keys().collect::<Vec<_>>(),
        relative.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let mut changed = 0;
    for (rel, bytes) in &normal {
        let reader = rel.ends_with(".html") && rel != "404.html";
        if reader {
            // A normal build links pages by their absolute path.
            let html = String::from_utf8_lossy(bytes);
            assert!(html.contains("href=\"/ban-tin/"), "{rel}");
            changed += usize::from(relative[rel] != *bytes);
        } else {
            assert!(
                relative[rel] == *bytes,
                "{rel} differs from a normal build's"
            );
        }
    }
    assert!(changed > 10, "{changed} pages changed");
    let feed = String::from_utf8_lossy(&relative["rss.xml"]).into_owned();
    assert!(feed.contains(&format!("<link>{BASE}")), "{feed}");
}
