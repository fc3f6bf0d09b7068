//! Where an article's links lead: other articles' `.md` files and files
//! beside the article (images, PDFs) become published URLs, and URLs of the
//! site itself (`/chinh-quyen/bai/`, `https://<base>/the/x/`) become site
//! paths. Owns the Markdown stage's view of the site (`Links`), which also
//! notes links to drafts and scheduled articles, and the path helpers shared
//! by the build, the cards, `check` and `watch`. [`Bodies`] is the one render
//! path of an article's Markdown: rendered before the pages (`watch`,
//! `check`: [`ArticleHtml`] per article) or with each page (`build`), the
//! body in memory or read again (see `site::Article::body`). Why a link
//! leads nowhere, said the same way by `build` and `check`, is in
//! `broken.rs`; where a link written as a URL of the site leads, in
//! `own.rs`. A link to an attached document (a PDF …) shows its type and
//! size after its text (see [`crate::text::file_label`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::config::Flavour;
use crate::load::site_path;
use crate::markdown;
use crate::site::{self, Article, Site};

mod bodies;
mod broken;
mod own;
pub use bodies::{Bodies, body_digests};
pub use broken::{Found, Noted};
pub use own::Published;

/// Everything a relative link can resolve against.
pub struct Links {
    by_source: HashMap<PathBuf, String>,
    assets: HashSet<PathBuf>,
    base_path: String,
    unsafe_html: bool,
    flavour: Flavour,
    /// Every file and article by its path in lower case, made at the first
    /// link that leads nowhere (to name the file whose case differs).
    lower: Box<OnceLock<HashMap<String, PathBuf>>>,
    /// Where to read bodies again when the site let go of them.
    content: Option<PathBuf>,
    /// Articles not published (drafts, scheduled), by source: their file
    /// as shown and whether it is a draft.
    unpublished: HashMap<PathBuf, (PathBuf, bool)>,
    /// What rendering found: links that lead nowhere (errors) and links
    /// to those (warnings).
    noted: Arc<Noted>,
    /// The base URL and its path that links written as URLs of the site
    /// are read against (see [`Links::judged_at`]).
    judge: (String, String),
    /// Every site path of this build, once the pages are planned.
    published: Option<Published>,
    /// The `content` folder, to know the size of attached documents.
    files: Option<PathBuf>,
    /// The site's photos, shown with `srcset` (see [`markdown::Picture`]).
    images: Arc<crate::images::Table>,
}

impl Links {
    pub fn new(site: &Site) -> Links {
        Links {
            by_source: site
                .articles
                .iter()
                .map(|a| (a.file.source.clone(), site.url(&a.path)))
                // A link to a document's file leads to its page.
                .chain(
                    site.documents
                        .list
                        .iter()
                        .map(|d| (d.file.source.clone(), site.url(&d.path))),
                )
                .collect(),
            assets: site.assets.iter().cloned().collect(),
            base_path: site.base_path.clone(),
            unsafe_html: site.config.unsafe_html,
            flavour: site.config.markdown,
            lower: Box::default(),
            content: None,
            unpublished: HashMap::new(),
            noted: Arc::default(),
            judge: (site.config.base_url.clone(), site.base_path.clone()),
            published: None,
            files: None,
            images: Arc::new(site.images.clone()),
        }
    }

    /// Show the type and size of attached documents (files under
    /// `content`) after the links to them.
    pub fn sizes_from(mut self, content: &Path) -> Links {
        self.files = Some(content.to_path_buf());
        self
    }

    /// Know the articles left out of the site (their files as shown,
    /// `content/…`), so that a link to one is told apart from a typo: see
    /// [`Links::unpublished`] and [`Links::noted`].
    pub fn with_unpublished(mut self, drafts: &[PathBuf], scheduled: &[PathBuf]) -> Links {
        let lists = [(drafts, true), (scheduled, false)];
        for (list, draft) in lists {
            for shown in list {
                let source = shown.strip_prefix("content").unwrap_or(shown);
                self.unpublished
                    .insert(source.to_path_buf(), (shown.clone(), draft));
            }
        }
        self
    }

    /// What [`Links::render`] noted so far, shared: it can be read after
    /// the `Links` was handed to the renderer.
    pub fn noted(&self) -> Arc<Noted> {
        Arc::clone(&self.noted)
    }

    /// Read article bodies from their files under `content` when rendering.
    pub fn reading_from(mut self, content: Option<&Path>) -> Links {
        self.content = content.map(Path::to_path_buf);
        self
    }

    /// A hash of everything links resolve against: equal keys, equal HTML
    /// (and, once the pages are planned, equal judgements of the links
    /// written as URLs of the site).
    pub fn key(&self) -> u64 {
        let mut urls: Vec<(&PathBuf, &String)> = self.by_source.iter().collect();
        urls.sort();
        let mut files: Vec<&PathBuf> = self.assets.iter().collect();
        files.sort();
        let sizes: Vec<Option<u64>> = files.iter().map(|f| self.size(f)).collect();
        let judge = &self.judge;
        let all = (urls, files, sizes, judge, &self.base_path);
        let images = self.images.key();
        // Once the pages are planned: what links written as URLs of the
        // site are judged against.
        let published = self.published.as_ref().map(Published::key);
        crate::stamp::hash_of(&(all, self.unsafe_html, self.flavour, images, published))
    }

    /// The size of an attached document (`None` for other files).
    fn size(&self, file: &Path) -> Option<u64> {
        let ext = file.extension()?.to_string_lossy().to_lowercase();
        if !crate::text::ATTACHMENTS.contains(&ext.as_str()) {
            return None;
        }
        let content = self.files.as_ref()?;
        std::fs::metadata(content.join(file)).ok().map(|m| m.len())
    }

    /// The type and size of the attached document a relative link of `a`
    /// leads to (see [`markdown::Resolve::label`]).
    fn label(&self, a: &Article, dest: &str) -> Option<String> {
        let dir = a.file.source.parent().unwrap_or(Path::new(""));
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let target = site::join_relative(dir, &percent_decode(path))?;
        if !self.assets.contains(&target) {
            return None;
        }
        let bytes = self.size(&target)?;
        let ext = target.extension()?.to_string_lossy();
        Some(crate::text::file_label(&ext, bytes))
    }

    /// Render an article's Markdown with its links resolved. When bodies
    /// are read again, a file that can no longer be read is an error.
    /// A link or a cover image that leads nowhere is noted as an error (see
    /// [`Links::noted`]); a link to a draft or scheduled article is kept as
    /// written (it leads nowhere until that article is published) and
    /// noted as a warning.
    pub fn render(&self, a: &Article) -> Result<markdown::Rendered, String> {
        let body = self.body(a)?;
        let rendered = self.render_body(a, &body);
        self.note(a, &rendered.unresolved, &rendered.site_links);
        Ok(rendered)
    }

    /// Note where the links of `a` that lead nowhere are: `unresolved`
    /// relative ones, `site_links` written as URLs of the site (known once
    /// the pages are: see [`Links::with_published`]), and its cover image.
    pub fn note(
        &self,
        a: &Article,
        unresolved: &[markdown::Target],
        site_links: &[markdown::Target],
    ) {
        for u in unresolved {
            self.noted.add(self.broken(a, u));
        }
        for u in site_links {
            if let Some(found) = self.site_target(a, u) {
                self.noted.add(found);
            }
        }
        if let Some(found) = self.cover(a) {
            self.noted.add(found);
        }
    }

    /// The unpublished article a relative link of `a` names, as shown
    /// (`content/a/nhap.md`), and whether it is a draft.
    pub fn unpublished(&self, a: &Article, dest: &str) -> Option<&(PathBuf, bool)> {
        let dir = a.file.source.parent().unwrap_or(Path::new(""));
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let target = site::join_relative(dir, &percent_decode(path))?;
        self.unpublished.get(&target)
    }

    /// An article's Markdown body: in memory, or read again from its file
    /// when the site let go of bodies (see [`Article::body`]).
    pub fn body<'a>(&self, a: &'a Article) -> Result<std::borrow::Cow<'a, str>, String> {
        a.body(self.content.as_deref())
    }

    /// Render an article whose body is in memory.
    pub fn render_in_memory(&self, a: &Article) -> markdown::Rendered {
        self.render_body(a, &a.file.body)
    }

    fn render_body(&self, a: &Article, body: &str) -> markdown::Rendered {
        let resolver = Resolver { links: self, a };
        markdown::render_as(body, self.flavour, &resolver, self.unsafe_html)
    }

    /// The photo a relative image target of article `a` names, with the
    /// URLs of its published sizes.
    pub fn picture(&self, a: &Article, dest: &str) -> Option<markdown::Picture> {
        let dir = a.file.source.parent().unwrap_or(Path::new(""));
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let target = site::join_relative(dir, &percent_decode(path))?;
        let sizes = self.images.page(&target)?;
        Some(picture_of(&self.base_path, &sizes))
    }

    /// The published URL a relative link of article `a` leads to (with its
    /// `#fragment` or `?query`), or `None` when it names nothing published.
    pub fn resolve(&self, a: &Article, dest: &str) -> Option<String> {
        let dir = a.file.source.parent().unwrap_or(Path::new(""));
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let target = site::join_relative(dir, &percent_decode(path))?;
        if let Some(url) = self.by_source.get(&target) {
            return Some(format!("{url}{fragment}"));
        }
        self.assets.contains(&target).then(|| {
            format!(
                "{}{}{fragment}",
                self.base_path,
                encode_path(&site_path(&target))
            )
        })
    }
}

/// The links of one article, as the Markdown renderer asks about them.
struct Resolver<'a> {
    links: &'a Links,
    a: &'a Article,
}

impl markdown::Resolve for Resolver<'_> {
    fn resolve(&self, dest: &str) -> Option<String> {
        self.links.resolve(self.a, dest)
    }

    fn is_site(&self, dest: &str) -> bool {
        self.links.is_site(dest)
    }

    fn label(&self, dest: &str) -> Option<String> {
        self.links.label(self.a, dest)
    }

    fn picture(&self, dest: &str) -> Option<markdown::Picture> {
        self.links.picture(self.a, dest)
    }

    /// A cover (`image:`) is shown above the body, eager itself.
    fn first_is_eager(&self) -> bool {
        self.a.file.front.image.is_none()
    }
}

/// The URL of a published image's site path under `base_path`, safe in a
/// `srcset` too (where a comma would end the URL).
pub fn image_url(base_path: &str, site_path: &str) -> String {
    // Letters beyond ASCII too, as pulldown-cmark writes them in a `src`.
    let encoded = percent_encode_where(site_path, |c| {
        needs_encoding(c) || c == ',' || !c.is_ascii()
    });
    format!("{base_path}{encoded}")
}

/// A photo's page sizes as an `<img>` shows them: `src` the candidate
/// nearest 960 px, `width`/`height` the largest's.
pub fn picture_of(base_path: &str, sizes: &crate::images::Candidates) -> markdown::Picture {
    let c = &sizes.candidates;
    let srcset = c
        .iter()
        .map(|p| format!("{} {}w", image_url(base_path, &p.path), p.width))
        .collect::<Vec<_>>()
        .join(", ");
    let src = c
        .iter()
        .min_by_key(|p| p.width.abs_diff(960))
        .map(|p| image_url(base_path, &p.path))
        .unwrap_or_default();
    let largest = c.last();
    markdown::Picture {
        src,
        srcset,
        width: largest.map_or(0, |p| p.width),
        height: largest.map_or(0, |p| p.height),
    }
}

/// The photo an article shows as its `image:` (its path under `content/`),
/// with where its thumbnail is cut (`image_focus:`, the middle by default).
pub fn cover_photo(site: &Site, a: &Article) -> Option<(PathBuf, crate::images::Focus)> {
    let image = a.file.front.image.as_deref()?;
    if !markdown::is_local(image) {
        return None;
    }
    let dir = a.file.source.parent().unwrap_or(Path::new(""));
    let path = image.split(['#', '?']).next().unwrap_or(image);
    let target = site::join_relative(dir, &percent_decode(path))?;
    site.images.photo(&target)?;
    let focus = a
        .file
        .front
        .image_focus
        .as_deref()
        .and_then(crate::images::Focus::parse)
        .unwrap_or_default();
    Some((target, focus))
}

/// An article's body rendered before its page, with what page
/// fingerprints need.
#[derive(Debug, Clone)]
pub struct ArticleHtml {
    pub html: Arc<str>,
    /// A hash of `html` (0 unless fingerprints are asked for).
    pub html_hash: u64,
    /// A hash of the Markdown body, which the search index reads (0 unless
    /// fingerprints are asked for).
    pub body_hash: u64,
    /// Its relative links that lead nowhere and its links written as URLs
    /// of the site (see [`markdown::Rendered`]), judged once the pages are
    /// planned ([`Links::note`]).
    pub unresolved: Arc<[markdown::Target]>,
    pub site_links: Arc<[markdown::Target]>,
}

/// A link written as a URL of the site: `/chinh-quyen/bai/` or
/// `https://<host of the base URL>/ban-tin/the/x/#muc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// The site path below the base URL's path, percent-decoded:
    /// `chinh-quyen/bai/` (`""` for the home page).
    pub path: String,
    /// The `#fragment`, percent-decoded, if there is one.
    pub fragment: Option<String>,
    /// The URL's path is not under the base URL's path (a site at
    /// `https://x.vn/ban-tin/` linked as `/chinh-quyen/bai/`): `path` is
    /// then the URL's path as written, without the first `/`.
    pub outside_base: bool,
}

/// `dest` as a link into the site published at `base_url` (whose path is
/// `base_path`), or `None` when it is relative, has another scheme or host,
/// or is only a `#fragment`. A `?query` is ignored.
pub fn site_link(dest: &str, base_url: &str, base_path: &str) -> Option<SiteLink> {
    let (before, fragment) = match dest.split_once('#') {
        Some((b, f)) => (b, Some(percent_decode(f))),
        None => (dest, None),
    };
    let before = before.split('?').next().unwrap_or(before);
    let path = if let Some(rest) = before.strip_prefix("//") {
        same_host(rest, base_url)?
    } else if let Some((scheme, rest)) = before.split_once("://") {
        let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
        if !web || scheme.contains(['/', '?']) {
            return None;
        }
        same_host(rest, base_url)?
    } else if before.starts_with('/') {
        before
    } else {
        return None;
    };
    let path = percent_decode(path);
    let base = percent_decode(base_path);
    let (path, outside_base) = if let Some(below) = path.strip_prefix(base.as_str()) {
        (below.to_string(), false)
    } else if format!("{path}/") == base {
        (String::new(), false)
    } else {
        (path.trim_start_matches('/').to_string(), true)
    };
    Some(SiteLink {
        path,
        fragment,
        outside_base,
    })
}

/// The path of `rest` (a URL after `scheme://` or `//`) when its host is
/// the base URL's (letters' case, a default port and `http`/`https` aside).
fn same_host<'a>(rest: &'a str, base_url: &str) -> Option<&'a str> {
    let (_, base_rest) = base_url.split_once("://")?;
    let authority = |s: &str| -> String {
        let end = s.find('/').unwrap_or(s.len());
        let host = s[..end]
            .rsplit('@')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let host = host.strip_suffix(":80").unwrap_or(&host);
        host.strip_suffix(":443").unwrap_or(host).to_string()
    };
    if authority(rest) != authority(base_rest) || authority(rest).is_empty() {
        return None;
    }
    Some(rest.find('/').map_or("/", |i| &rest[i..]))
}

/// The URL of a file an article refers to (relative to its own folder).
pub fn asset_url(site: &Site, source: &Path, reference: &str) -> String {
    if !markdown::is_local(reference) {
        return reference.to_string();
    }
    let dir = source.parent().unwrap_or(Path::new(""));
    match site::join_relative(dir, &percent_decode(reference)) {
        Some(p) => site.url(&encode_path(&site_path(&p))),
        None => reference.to_string(),
    }
}

/// `%C3%A1` → `á`, then NFC (how files and headings are named). A `%` not
/// followed by two hex digits stays as it is; bytes that are not UTF-8
/// become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let decoded = percent_encoding::percent_decode_str(s).decode_utf8_lossy();
    crate::text::nfc(&decoded).into_owned()
}

/// Percent-encode what would end a URL path early or be misread in it: a
/// file `Phụ lục #1.pdf` must not become a link to `Phụ lục ` + fragment.
fn encode_path(p: &str) -> String {
    percent_encode_where(p, needs_encoding)
}

/// Signs a URL would read otherwise, and control characters a file name
/// may hold but a page or a feed may not.
fn needs_encoding(c: char) -> bool {
    matches!(c, '%' | ' ' | '#' | '?') || c.is_control()
}

/// `p` with every character for which `encode` holds written as `%XX`
/// bytes of its UTF-8.
fn percent_encode_where(p: &str, encode: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        if encode(c) {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_paths_keep_hash_and_question_mark() {
        assert_eq!(
            encode_path("a/Phụ lục #1?.pdf"),
            "a/Phụ%20lục%20%231%3F.pdf"
        );
        assert_eq!(encode_path("a/x\u{1b}y\u{85}.pdf"), "a/x%1By%C2%85.pdf");
        assert_eq!(
            percent_decode("Ph%E1%BB%A5%20l%E1%BB%A5c%20%231.pdf"),
            "Phụ lục #1.pdf"
        );
    }

    #[test]
    fn percent_decoding_never_splits_a_letter_nor_reads_a_sign() {
        assert_eq!(percent_decode("%aé.png"), "%aé.png");
        assert_eq!(percent_decode("%é"), "%é");
        assert_eq!(percent_decode("%+1%2"), "%+1%2");
        assert_eq!(percent_decode("%41%4"), "A%4");
    }

    #[test]
    fn percent_decoding_a_split_letter_does_not_panic() {
        // `ụ` is E1 BB A5: cut after two bytes, or by a raw letter.
        assert_eq!(percent_decode("Ph%E1%BB.pdf"), "Ph\u{FFFD}.pdf");
        assert_eq!(percent_decode("%E1ụ%BB%A5"), "\u{FFFD}ụ\u{FFFD}\u{FFFD}");
        assert_eq!(percent_decode("%Eụ"), "%Eụ");
        assert_eq!(percent_decode("%"), "%");
    }

    #[test]
    fn urls_of_the_site_become_site_paths() {
        let base = "https://x.vn/ban-tin/";
        let link = |d: &str| site_link(d, base, "/ban-tin/");
        let inside = |path: &str, fragment: Option<&str>| {
            Some(SiteLink {
                path: path.into(),
                fragment: fragment.map(String::from),
                outside_base: false,
            })
        };
        assert_eq!(link("/ban-tin/the/dan-van/"), inside("the/dan-van/", None));
        assert_eq!(
            link("HTTP://X.VN:80/ban-tin/a/b/?p=2#M%E1%BB%A5c"),
            inside("a/b/", Some("Mục"))
        );
        assert_eq!(link("//x.vn/ban-tin"), inside("", None));
        assert!(link("https://x.vn").unwrap().outside_base);
        assert!(link("https://x.vn/").unwrap().outside_base);
        assert!(link("/chinh-quyen/").unwrap().outside_base);
        for not_site in [
            "https://y.vn/ban-tin/",
            "ftp://x.vn/ban-tin/",
            "mailto:a@x.vn",
            "#muc",
            "bai.md",
            "../a/b.md",
        ] {
            assert_eq!(link(not_site), None, "{not_site}");
        }
        // A base URL without a host: full URLs are never the site's.
        assert_eq!(site_link("https://x.vn/a/", "/", "/"), None);
        assert_eq!(
            site_link("/a/", "/", "/"),
            Some(SiteLink {
                path: "a/".into(),
                fragment: None,
                outside_base: false
            })
        );
    }
}
