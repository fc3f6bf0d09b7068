//! An article's card: everything a template may show of it in a list or on
//! its page, built once per build and shared by every page that shows it.

use serde::Serialize;
use serde_json::Value as Json;
use tera::Value;
use tera::value::Key;

use std::collections::HashMap;

use crate::date;
use crate::site::Site;
use crate::text::group_thousands;

/// Everything a template may show of an article in a list or on its page.
#[derive(Serialize)]
pub(super) struct Card<'a> {
    title: &'a str,
    url: String,
    permalink: String,
    date: String,
    time: String,
    date_iso: String,
    date_rfc2822: String,
    views: Option<u64>,
    views_display: Option<String>,
    author: Option<&'a str>,
    author_url: Option<String>,
    category: CardCategory<'a>,
    summary: &'a str,
    image: Option<String>,
    image_permalink: Option<String>,
    // A photo's sizes, one by one where `#[serde(flatten)]` of a
    // `CardPhoto` would put them: flattening makes serde write the card as
    // a map of unknown length, and Tera then copies every key of every
    // card into an `Arc<str>` of its own (a tenth of a 10,000-article
    // build's memory).
    #[serde(skip_serializing_if = "Option::is_none")]
    image_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_src: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_srcset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_sizes: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_full_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image_full_height: Option<u32>,
    featured: bool,
    draft: bool,
    tags: Vec<CardTag<'a>>,
    extra: &'a Json,
}

#[derive(Serialize)]
struct CardCategory<'a> {
    name: &'a str,
    url: String,
    slug: &'a str,
}

#[derive(Serialize)]
struct CardTag<'a> {
    name: &'a str,
    url: String,
}

fn category<'a>(site: &Site, cat: &'a crate::site::Category) -> CardCategory<'a> {
    CardCategory {
        name: &cat.name,
        url: site.url(&crate::routes::category(&cat.slug)),
        slug: &cat.slug,
    }
}

fn tag<'a>(site: &Site, name: &'a str, slug: &str) -> CardTag<'a> {
    CardTag {
        name,
        url: site.url(&crate::routes::tag(slug)),
    }
}

/// The sizes of a cover that is a photo of the site (see
/// [`crate::images`]): for lists, the thumbnail (`image`, at most 640 px,
/// cut to 16:10 at `image_focus:`) and its `image_width`/`image_height`;
/// for the article's page, `image_src`, `image_srcset`, `image_sizes` and
/// the largest size's `image_full_width`/`image_full_height`.
struct CardPhoto {
    image_width: u32,
    image_height: u32,
    image_src: String,
    image_srcset: String,
    image_sizes: &'static str,
    image_full_width: u32,
    image_full_height: u32,
}

/// An article's cover image: its URL (a photo's thumbnail), its permalink
/// (a photo's 1200 px JPEG) and a photo's sizes.
fn image_urls(site: &Site, i: usize) -> (Option<String>, Option<String>, Option<CardPhoto>) {
    let a = &site.articles[i];
    if let Some((source, focus)) = crate::links::cover_photo(site, a) {
        let images = &site.images;
        let url = |path: &str| crate::links::image_url(&site.base_path, path);
        if let (Some(thumb), Some(og), Some(page)) = (
            images.thumb(&source, focus),
            images.og(&source),
            images.page(&source),
        ) {
            let picture = crate::links::picture_of(&site.base_path, &page);
            let photo = CardPhoto {
                image_width: thumb.width,
                image_height: thumb.height,
                image_src: picture.src,
                image_srcset: picture.srcset,
                image_sizes: crate::markdown::BODY_SIZES,
                image_full_width: picture.width,
                image_full_height: picture.height,
            };
            let permalink = absolute(site, &url(&og.path));
            return (Some(url(&thumb.path)), permalink, Some(photo));
        }
    }
    let image = a
        .file
        .front
        .image
        .as_ref()
        .map(|img| crate::links::asset_url(site, &a.file.source, img));
    let permalink = image.as_deref().and_then(|u| absolute(site, u));
    (image, permalink, None)
}

/// A URL of the site's pages as an absolute URL: a site URL (`/ban-tin/a.png`
/// under the base path) gets the base URL, a full `http(s)` URL stays as
/// it is; anything else (`data:`, a relative path) has none.
fn absolute(site: &Site, url: &str) -> Option<String> {
    if url.starts_with("https://") || url.starts_with("http://") {
        return Some(url.to_string());
    }
    if !url.starts_with('/') || url.starts_with("//") {
        return None;
    }
    let base = site.config.base_url.trim_end_matches('/');
    let base_path = site.base_path.trim_end_matches('/');
    Some(format!(
        "{base}{}",
        url.strip_prefix(base_path).unwrap_or(url)
    ))
}

/// The `src` of the first `<img>` of an article's rendered HTML, its
/// entities decoded (`&amp;` in a query string).
pub(super) fn first_image(html: &str) -> Option<String> {
    let at = memchr::memmem::find(html.as_bytes(), b"<img ")?;
    let tag = &html[at..];
    let tag = &tag[..tag.find('>')?];
    let src = tag.split_once(" src=\"")?.1;
    let src = &src[..src.find('"')?];
    Some(crate::text::unescape_html(src))
}

/// The article as a schema.org `NewsArticle` in JSON-LD, for the
/// `<script type="application/ld+json">` of its page (`jsonld`). Written
/// here rather than in the template, where a dozen `json_encode` filter
/// calls cost a sixth of the page's rendering. `body_image` is the first
/// image of the article's body ([`first_image`]), the image when it has
/// no cover.
pub(super) fn json_ld(site: &Site, i: usize, body_image: Option<&str>) -> String {
    let a = &site.articles[i];
    let permalink = site.config.permalink(&a.path);
    let date = a.file.front.date.to_rfc3339();
    let mut j = ScriptJson(String::with_capacity(1024));
    j.raw(r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"#);
    j.text(&a.file.front.title);
    j.raw(r#","description":"#);
    j.text(&a.summary);
    j.raw(r#","inLanguage":"vi","datePublished":"#);
    j.text(&date);
    j.raw(r#","dateModified":"#);
    j.text(&date);
    j.raw(r#","articleSection":"#);
    j.text(&site.categories[a.category].name);
    if !a.file.front.tags.is_empty() {
        j.raw(r#","keywords":["#);
        for (n, t) in a.file.front.tags.iter().enumerate() {
            if n > 0 {
                j.raw(",");
            }
            j.text(t);
        }
        j.raw("]");
    }
    let image = image_urls(site, i)
        .1
        .or_else(|| body_image.and_then(|u| absolute(site, u)));
    if let Some(image) = image {
        j.raw(r#","image":["#);
        j.text(&image);
        j.raw("]");
    }
    match a.file.front.author.as_deref().filter(|n| !n.is_empty()) {
        Some(author) => {
            j.raw(r#","author":{"@type":"Person","name":"#);
            j.text(author);
            if let Some(slug) = a.author_slug.as_deref().filter(|s| !s.is_empty()) {
                // The author's page, which every named author has.
                j.raw(r#","url":"#);
                j.text(&site.config.permalink(&crate::routes::author(slug)));
            }
        }
        None => {
            j.raw(r#","author":{"@type":"Organization","name":"#);
            j.text(&site.config.title);
            j.raw(r#","url":"#);
            j.text(&site.config.base_url);
        }
    }
    j.raw(r#"},"publisher":{"@type":"Organization","name":"#);
    j.text(&site.config.title);
    j.raw(r#","url":"#);
    j.text(&site.config.base_url);
    let logo = site.config.logo.as_deref().and_then(|l| {
        absolute(site, l).or_else(|| Some(site.config.permalink(l.trim_start_matches("./"))))
    });
    if let Some(logo) = logo {
        j.raw(r#","logo":{"@type":"ImageObject","url":"#);
        j.text(&logo);
        j.raw("}");
    }
    j.raw(r#"},"mainEntityOfPage":{"@type":"WebPage","@id":"#);
    j.text(&permalink);
    j.raw(r#"},"url":"#);
    j.text(&permalink);
    j.raw("}");
    j.0
}

/// JSON being written for a `<script>` element: strings as the
/// `json_encode` filter writes them (`templates::script_json`), with a
/// shortcut for the many that need no escaping at all.
struct ScriptJson(String);

impl ScriptJson {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn text(&mut self, s: &str) {
        let plain = s
            .bytes()
            .all(|b| b >= 0x20 && !matches!(b, b'"' | b'\\' | b'<' | b'>' | b'&'));
        if plain {
            self.0.push('"');
            self.0.push_str(s);
            self.0.push('"');
        } else {
            // Serialising a string cannot fail.
            self.0
                .push_str(&super::templates::script_json(s).unwrap_or_default());
        }
    }
}

pub(super) fn card(site: &Site, i: usize) -> Card<'_> {
    let a = &site.articles[i];
    let cat = &site.categories[a.category];
    let (image, image_permalink, photo) = image_urls(site, i);
    Card {
        title: &a.file.front.title,
        url: site.url(&a.path),
        permalink: site.config.permalink(&a.path),
        date: date::display_day(&a.file.front.date),
        time: date::display_time(&a.file.front.date),
        date_iso: a.file.front.date.to_rfc3339(),
        date_rfc2822: a.file.front.date.to_rfc2822(),
        views: a.file.front.views,
        views_display: a.file.front.views.map(group_thousands),
        author: a.file.front.author.as_deref(),
        author_url: a
            .author_slug
            .as_ref()
            .map(|s| site.url(&crate::routes::author(s))),
        category: category(site, cat),
        summary: &a.summary,
        image_permalink,
        image,
        image_width: photo.as_ref().map(|p| p.image_width),
        image_height: photo.as_ref().map(|p| p.image_height),
        image_sizes: photo.as_ref().map(|p| p.image_sizes),
        image_full_width: photo.as_ref().map(|p| p.image_full_width),
        image_full_height: photo.as_ref().map(|p| p.image_full_height),
        image_src: photo.as_ref().map(|p| p.image_src.clone()),
        image_srcset: photo.map(|p| p.image_srcset),
        featured: a.file.front.featured,
        draft: a.file.front.draft,
        tags: a
            .file
            .front
            .tags
            .iter()
            .zip(&a.tag_slugs)
            .map(|(t, s)| tag(site, t, s))
            .collect(),
        extra: &a.file.front.extra,
    }
}

/// The values of the categories and tags that cards show, made once and
/// shared (an `Arc`, not a copy) by every card that shows them: the
/// categories' and tags' maps were a quarter of the cards' memory.
pub(super) struct Shared<'a> {
    categories: Vec<Value>,
    /// By the tag as written and its slug (two spellings of one tag are
    /// shown as written).
    tags: HashMap<(&'a str, &'a str), Value>,
}

impl<'a> Shared<'a> {
    pub(super) fn new(site: &'a Site) -> Shared<'a> {
        let categories = site
            .categories
            .iter()
            .map(|cat| Value::from_serializable(&category(site, cat)))
            .collect();
        let mut tags = HashMap::new();
        for a in &site.articles {
            for (name, slug) in a.file.front.tags.iter().zip(&a.tag_slugs) {
                tags.entry((name.as_str(), slug.as_str()))
                    .or_insert_with(|| Value::from_serializable(&tag(site, name, slug)));
            }
        }
        Shared { categories, tags }
    }

    /// Article `i`'s card `c` as a Tera value: the same as
    /// `Value::from_serializable(c)`, with the category and the tags shared.
    pub(super) fn value(&self, site: &Site, i: usize, c: &Card<'_>) -> Value {
        let a = &site.articles[i];
        let (Some(mut map), Some(cat)) = (
            Value::from_serializable(c).into_map(),
            self.categories.get(a.category),
        ) else {
            return Value::from_serializable(c);
        };
        let tags: Option<Vec<Value>> = a
            .file
            .front
            .tags
            .iter()
            .zip(&a.tag_slugs)
            .map(|(name, slug)| self.tags.get(&(name.as_str(), slug.as_str())).cloned())
            .collect();
        let Some(tags) = tags else {
            return Value::from_serializable(c);
        };
        map.insert(Key::from("category"), cat.clone());
        map.insert(Key::from("tags"), Value::from(tags));
        Value::from(map)
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, Shared, Value, card, first_image};
    use crate::frontmatter::{self, Parsed};
    use std::path::Path;

    fn parsed(name: &str, text: &str) -> Parsed {
        let display = Path::new("content").join(name);
        let split = frontmatter::split(&display, text).unwrap();
        Parsed {
            source: name.into(),
            front: frontmatter::parse(&display, &split).unwrap(),
            body: split.body.into(),
            body_line: split.body_line,
            verbatim: None,
            notes: Vec::new(),
            display,
        }
    }

    #[test]
    fn shared_categories_and_tags_make_the_same_cards() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("site.yaml"), "title: \"Bản tin\"\n").unwrap();
        let config = crate::config::Config::load(root.path()).unwrap();
        let article = |n: u32, category: &str, tags: &str| {
            let text = format!(
                "---\ntitle: \"Bài {n}\"\ndate: 0{n}/02/2024\ncategory: \"{category}\"\ntags: [{tags}]\n---\nThân bài.\n"
            );
            parsed(&format!("bai-{n}.md"), &text)
        };
        let files = vec![
            article(1, "CÔNG TÁC ĐẢNG", "\"Văn hóa\", \"Đô thị\""),
            // The same tag written another way is shown as written.
            article(2, "CÔNG TÁC ĐẢNG", "\"văn hóa\""),
            article(3, "CHÍNH QUYỀN", "\"Đô thị\", \"Văn hóa\""),
            article(4, "CHÍNH QUYỀN", ""),
        ];
        let site = crate::site::assemble(config, files, Vec::new()).unwrap();
        let shared = Shared::new(&site);
        for i in 0..site.articles.len() {
            let c = card(&site, i);
            let made = shared.value(&site, i, &c);
            assert!(made == Value::from_serializable(&c), "card {i}: {made:?}");
        }
        let tags = |i: usize| -> Vec<String> {
            let c = shared.value(&site, i, &card(&site, i));
            c.as_map().unwrap()[&Key::from("tags")]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_map().unwrap()[&Key::from("name")].to_string())
                .collect()
        };
        let by_title = |t: &str| {
            site.articles
                .iter()
                .position(|a| a.file.front.title == t)
                .unwrap()
        };
        assert_eq!(tags(by_title("Bài 2")), ["văn hóa"]);
        assert_eq!(tags(by_title("Bài 3")), ["Đô thị", "Văn hóa"]);
    }

    #[test]
    fn the_first_image_of_a_body() {
        let html = "<p>Mở đầu <a href=\"/x/\">x</a></p>\n<p><img src=\"/ban-tin/a/anh.png?w=1&amp;h=2\" alt=\"Ảnh\" /></p><img src=\"/b.png\">";
        assert_eq!(
            first_image(html).as_deref(),
            Some("/ban-tin/a/anh.png?w=1&h=2")
        );
        assert_eq!(first_image("<p>Không có ảnh.</p>"), None);
        assert_eq!(first_image("<img alt=\"x\">"), None);
    }
}
