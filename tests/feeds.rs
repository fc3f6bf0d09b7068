//! RSS feeds as readers and validators read them (issue 12 item 6): every
//! feed of the test fixture (with hostile titles and summaries added) and
//! of the sample site must
//! - pass the W3C feed validator's RSS 2.0 rules that apply to what bantin
//!   writes, checked here over the parsed XML: required channel elements,
//!   RFC 822 dates with the right weekday, absolute links and guids, unique
//!   guids, an `atom:link rel="self"` that is the feed's own URL, and text
//!   elements whose decoded value is not markup;
//! - read in Python's `feedparser` (when installed: `python3 -m pip install
//!   feedparser==6.0.12`) without a parse error, each title and summary
//!   showing exactly the article's text, markup typed as text included.
//!   Without it that test is reported as ignored (this file runs under
//!   libtest-mimic, see `tests/common/tools.rs`).

mod common;

use common::{Site, tools};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const HOSTILE_TITLE: &str = r#"Cảnh báo <img src=x onerror=alert(7)> & "AT&T" </b> &amp; 'x'"#;
const HOSTILE_SUMMARY: &str =
    "Mã <script>alert(1)</script> và &lt;b&gt; thật <a href=\"javascript:x\">bấm</a>";

fn hostile_fixture() -> Site {
    let site = Site::new("full");
    let yaml_title = HOSTILE_TITLE.replace('\'', "''");
    let yaml_summary = HOSTILE_SUMMARY.replace('\'', "''");
    site.write(
        "content/chinh-quyen/canh-bao.md",
        &format!("---\ntitle: '{yaml_title}'\ndate: 2024-06-01 09:00\ncategory: CHÍNH QUYỀN\nsummary: '{yaml_summary}'\n---\nNội dung.\n"),
    );
    let yaml = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    let yaml = yaml.replacen(
        "description: \"Thông tin",
        "description: \"<i>Tin</i> & AT&T: thông tin",
        1,
    );
    site.write("site.yaml", &yaml);
    site
}

fn main() {
    let mut trials = trials![
        feeds_of_the_fixture_are_valid_and_show_text_as_text,
        feeds_of_the_sample_site_are_valid,
    ];
    trials.push(tools::needs(
        "feedparser_reads_every_feed_as_written",
        feedparser_missing,
        None,
        feedparser_reads_every_feed_as_written,
    ));
    tools::run(trials);
}

fn feeds_of_the_fixture_are_valid_and_show_text_as_text() {
    let site = hostile_fixture();
    site.build(&[]);
    let feeds = check_site(&site.out(), "https://example.gov.vn/ban-tin/");
    assert!(feeds >= 4, "the site feed and a feed per category: {feeds}");
    // The hostile article is in the site feed and its category's feed.
    let rss = std::fs::read_to_string(site.out().join("chinh-quyen/rss.xml")).unwrap();
    let doc = roxmltree::Document::parse(&rss).unwrap();
    let titles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title") && n.parent().unwrap().has_tag_name("item"))
        .map(|n| html_decode(n.text().unwrap_or("")))
        .collect();
    assert!(titles.iter().any(|t| t == HOSTILE_TITLE), "{titles:?}");
    // Nothing a reader decodes as HTML holds a tag: `<` only as `&lt;`.
    for n in doc.descendants().filter(|n| n.is_text()) {
        assert!(!n.text().unwrap().contains('<'), "{:?}", n.text());
    }
    let site_feed = std::fs::read_to_string(site.out().join("rss.xml")).unwrap();
    let read = w3c_rules(&site_feed, "https://example.gov.vn/ban-tin/rss.xml").unwrap();
    assert!(
        read.channel.1.starts_with("<i>Tin</i> & AT&T: thông tin"),
        "{read:?}"
    );
}

const SAMPLE_BASE: &str = "https://phuong.example.gov.vn/ban-tin/";

/// Build the sample site (`content/` + `site.yaml`) into `out`.
fn build_sample_site(out: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = common::command()
        .args(["build", "--base-url", SAMPLE_BASE, "--root"])
        .arg(repo)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
}

fn feeds_of_the_sample_site_are_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("output");
    build_sample_site(&out);
    let feeds = check_site(&out, SAMPLE_BASE);
    assert!(feeds >= 9, "{feeds} feeds");
}

/// Every `rss.xml` under `out`.
fn feeds_in(out: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "rss.xml"))
        .collect()
}

/// Each feed of the fixture (hostile texts included) and of the sample
/// site reads in feedparser as the validator's rules read it.
fn feedparser_reads_every_feed_as_written() {
    let site = hostile_fixture();
    site.build(&[]);
    let tmp = tempfile::tempdir().unwrap();
    let sample = tmp.path().join("output");
    build_sample_site(&sample);
    for (out, base) in [
        (site.out(), "https://example.gov.vn/ban-tin/"),
        (sample, SAMPLE_BASE),
    ] {
        let feeds = feeds_in(&out);
        assert!(!feeds.is_empty(), "{}", out.display());
        for feed in feeds {
            let rel = feed
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let xml = std::fs::read_to_string(&feed).unwrap();
            let read =
                w3c_rules(&xml, &format!("{base}{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"));
            feedparser(&feed, &read);
        }
    }
}

/// Check every `rss.xml` under `out`; returns how many there are.
fn check_site(out: &Path, base: &str) -> usize {
    let expected = article_texts(out);
    let documents: Vec<String> = common::json_lds(out)
        .into_values()
        .filter(|v| v["@type"] == "Legislation")
        .map(|v| v["url"].as_str().unwrap().to_string())
        .collect();
    let feeds = feeds_in(out);
    for feed in &feeds {
        let rel = feed
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let xml = std::fs::read_to_string(feed).unwrap();
        let read =
            w3c_rules(&xml, &format!("{base}{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (link, title, summary) in &read.items {
            // The documents' feed (issue 16): each item is a document's page.
            if rel == "van-ban/rss.xml" {
                assert!(documents.contains(link), "{rel}: {link} is no document");
                continue;
            }
            let (want_title, want_summary) = expected
                .get(link)
                .unwrap_or_else(|| panic!("{rel}: {link} has no page"));
            assert_eq!(title, want_title, "{rel}: {link}");
            assert_eq!(summary, want_summary, "{rel}: {link}");
        }
    }
    feeds.len()
}

/// Each article page's permalink → its title and summary as the page's
/// JSON-LD gives them (the text as the editor wrote it).
fn article_texts(out: &Path) -> BTreeMap<String, (String, String)> {
    let map: BTreeMap<_, _> = common::json_lds(out)
        .into_values()
        .filter(|v| v["@type"] == "NewsArticle")
        .map(|v| {
            let text = |k: &str| v[k].as_str().unwrap().to_string();
            (text("url"), (text("headline"), text("description")))
        })
        .collect();
    assert!(!map.is_empty());
    map
}

/// HTML's decoding of a text without tags: what a reader shows.
fn html_decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A feed as a reader shows it: the channel's title and description, and
/// each item's link, title and description.
#[derive(Debug, PartialEq, serde::Deserialize)]
struct Feed {
    channel: (String, String),
    items: Vec<(String, String, String)>,
}

/// The RSS 2.0 rules of the W3C feed validator that apply to bantin's
/// feeds. Returns each item's link and its title and description as a
/// reader shows them (decoded as XML, then as HTML).
fn w3c_rules(xml: &str, self_url: &str) -> Result<Feed, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| format!("not well-formed: {e}"))?;
    let rss = doc.root_element();
    if !rss.has_tag_name("rss") || rss.attribute("version") != Some("2.0") {
        return Err("the root is not <rss version=\"2.0\">".into());
    }
    let channels: Vec<_> = rss.children().filter(|n| n.is_element()).collect();
    let [channel] = channels[..] else {
        return Err("<rss> must hold exactly one <channel>".into());
    };
    let child = |parent: roxmltree::Node, name: &str| -> Result<String, String> {
        let found: Vec<_> = parent
            .children()
            .filter(|n| n.has_tag_name(name) && n.tag_name().namespace().is_none())
            .collect();
        match found[..] {
            [one] => Ok(one.text().unwrap_or("").to_string()),
            [] => Err(format!(
                "missing <{name}> in <{}>",
                parent.tag_name().name()
            )),
            _ => Err(format!("<{name}> twice in <{}>", parent.tag_name().name())),
        }
    };
    let atom = "http://www.w3.org/2005/Atom";
    for n in channel.children().filter(|n| n.is_element()) {
        let known = [
            "title",
            "link",
            "description",
            "language",
            "lastBuildDate",
            "item",
        ];
        let ok = if n.tag_name().namespace() == Some(atom) {
            n.tag_name().name() == "link"
        } else {
            n.tag_name().namespace().is_none() && known.contains(&n.tag_name().name())
        };
        if !ok {
            return Err(format!(
                "undefined channel element <{}>",
                n.tag_name().name()
            ));
        }
        text_rules(xml, n)?;
    }
    if child(channel, "title")?.trim().is_empty() {
        return Err("blank channel title".into());
    }
    full_url(&child(channel, "link")?)?;
    child(channel, "description")?;
    if child(channel, "language")? != "vi" {
        return Err("language is not `vi`".into());
    }
    if let Ok(date) = child(channel, "lastBuildDate") {
        rfc822(&date)?;
    }
    let selves: Vec<_> = channel
        .children()
        .filter(|n| n.tag_name().namespace() == Some(atom) && n.attribute("rel") == Some("self"))
        .collect();
    match selves[..] {
        [s] if s.attribute("href") == Some(self_url)
            && s.attribute("type") == Some("application/rss+xml") => {}
        _ => {
            return Err(format!(
                "no atom:link rel=\"self\" href=\"{self_url}\" type=\"application/rss+xml\""
            ));
        }
    }
    let mut guids = HashSet::new();
    let mut items = Vec::new();
    for item in channel.children().filter(|n| n.has_tag_name("item")) {
        for n in item.children().filter(|n| n.is_element()) {
            let known = [
                "title",
                "link",
                "guid",
                "pubDate",
                "category",
                "description",
            ];
            if n.tag_name().namespace().is_some() || !known.contains(&n.tag_name().name()) {
                return Err(format!("undefined item element <{}>", n.tag_name().name()));
            }
            text_rules(xml, n)?;
        }
        let title = child(item, "title")?;
        if title.trim().is_empty() {
            return Err("blank item title".into());
        }
        let link = child(item, "link")?;
        full_url(&link)?;
        let guid_node = item
            .children()
            .find(|n| n.has_tag_name("guid"))
            .ok_or("an item has no guid")?;
        let guid = child(item, "guid")?;
        match guid_node.attribute("isPermaLink") {
            Some("true") | None => full_url(&guid)?,
            Some("false") => {}
            Some(other) => return Err(format!("isPermaLink=\"{other}\"")),
        }
        if !guids.insert(guid.clone()) {
            return Err(format!("guid {guid} twice"));
        }
        rfc822(&child(item, "pubDate")?)?;
        if child(item, "category")?.trim().is_empty() {
            return Err("blank category".into());
        }
        let description = child(item, "description")?;
        // safeHtml: the description is HTML; bantin's is text, so after
        // the XML is decoded there is no markup left at all.
        if description.contains('<') {
            return Err(format!("markup in a description: {description}"));
        }
        items.push((link, html_decode(&title), html_decode(&description)));
    }
    if items.is_empty() {
        return Err("no item".into());
    }
    let channel = (
        html_decode(&child(channel, "title")?),
        html_decode(&child(channel, "description")?),
    );
    Ok(Feed { channel, items })
}

/// The validator's `nonhtml` rule (title, channel description, category):
/// the decoded text holds no HTML end tag, and an HTML entity in it is
/// meant (the element is written with hexadecimal character references,
/// as the RSS Best Practices Profile asks). No element holds a child.
fn text_rules(xml: &str, n: roxmltree::Node) -> Result<(), String> {
    let name = n.tag_name().name();
    if name == "item" {
        return Ok(());
    }
    if n.children().any(|c| c.is_element()) {
        return Err(format!("<{name}> holds an element"));
    }
    if !["title", "description", "category"].contains(&name) {
        return Ok(());
    }
    let text = n.text().unwrap_or("");
    let end_tag = text.find("</").is_some_and(|i| {
        text[i + 2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    });
    let parent_is_item = n.parent().is_some_and(|p| p.has_tag_name("item"));
    if end_tag && !(name == "description" && parent_is_item) {
        return Err(format!("<{name}> contains HTML: {text}"));
    }
    let entity = text.match_indices('&').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '#')
    });
    if entity && !xml[n.range()].contains("&#x") {
        return Err(format!(
            "<{name}> contains an HTML entity written as a plain one: {text}"
        ));
    }
    Ok(())
}

/// `rfc2396_full`: an absolute URL of the characters the validator allows.
fn full_url(url: &str) -> Result<(), String> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ";/?:@&=+$.-_!~*'()%,#".contains(c));
    if ok {
        Ok(())
    } else {
        Err(format!("not an absolute URL: {url}"))
    }
}

/// The validator's RFC 2822 form (`Sun, 12 May 2024 10:00:00 +0700`): a
/// four-digit year, a numeric zone, the weekday of that day.
fn rfc822(date: &str) -> Result<(), String> {
    let parsed = chrono::DateTime::parse_from_rfc2822(date)
        .map_err(|e| format!("not an RFC 822 date: {date} ({e})"))?;
    if parsed.to_rfc2822() != date {
        return Err(format!("not the strict RFC 2822 form: {date}"));
    }
    Ok(())
}

/// What is missing to run feedparser, if anything.
fn feedparser_missing() -> Option<String> {
    let o = Command::new("python3")
        .args(["-c", "import feedparser"])
        .output();
    match o {
        Ok(o) if o.status.success() => None,
        Ok(_) => Some("Python's feedparser (python3 -m pip install feedparser==6.0.12)".into()),
        Err(e) => Some(format!("python3 ({e})")),
    }
}

/// Read the feed with Python's feedparser, as many readers do.
fn feedparser(feed: &Path, read: &Feed) {
    const SCRIPT: &str = r#"
import json, sys, html
import feedparser
d = feedparser.parse(open(sys.argv[1], 'rb').read())
def shown(value, detail):
    return html.unescape(value) if detail.type in ('text/html', 'application/xhtml+xml') else value
print(json.dumps({
    'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')),
    'version': d.version,
    'channel': [shown(d.feed.title, d.feed.title_detail), shown(d.feed.subtitle, d.feed.subtitle_detail)],
    'items': [[e.link, shown(e.title, e.title_detail), shown(e.summary, e.summary_detail)] for e in d.entries],
}))
"#;
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(feed)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "feedparser: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["bozo"], false, "{}: {}", feed.display(), v["error"]);
    assert_eq!(v["version"], "rss20", "{}", feed.display());
    let shown: Feed = serde_json::from_value(v).unwrap();
    assert_eq!(&shown, read, "{}", feed.display());
}
