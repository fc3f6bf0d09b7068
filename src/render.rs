//! Rendering: one Tera instance compiled once per build, and the context of
//! each page kind (home, article, listing, archive, feeds …) built from the
//! site model. Article cards are serialised once and shared by every page.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};
use tera::{Context, Tera};

use crate::date;
use crate::error::{Diagnostic, Error, Result};
use crate::pages::{self, Kind, Listing, Page, Paged};
use crate::site::Site;
use crate::text::group_thousands;
use crate::theme::Theme;

/// How many articles the home page blocks, feeds and "related" lists show.
const BLOCK: usize = 5;
const FEED_ITEMS: usize = 20;

pub struct Renderer<'s> {
    tera: Tera,
    site: &'s Site,
    base: Context,
    /// Hash of the base context and of every template.
    base_hash: u64,
    /// One card per article, in `site.articles` order, as a Tera value
    /// shared (not copied) by every page that shows it, and its hash (only
    /// when fingerprints are asked for).
    tera_cards: Vec<tera::Value>,
    card_hashes: Vec<u64>,
    /// Set when articles' HTML is rendered with their pages (`build`).
    links: Option<crate::links::Links>,
}

/// Cards of the last build by hash: an unchanged article keeps its value.
pub type CardCache = std::collections::HashMap<u64, tera::Value>;

/// Where a page's context goes: into a Tera context to render the page, or
/// into a hash that tells whether the page changed since the last build.
/// Both run the same code (`Renderer::fill`), so a page's fingerprint covers
/// everything its template can see.
trait Sink {
    fn put<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T);
    /// Article cards by index.
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]);
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>);
    /// An article's HTML body.
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize);
}

impl Sink for Context {
    fn put<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.insert(key, value);
    }
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]) {
        self.insert_value(key, r.tera_cards_of(idx));
    }
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>) {
        self.insert_value(
            key,
            i.map_or_else(tera::Value::none, |i| r.tera_cards[i].clone()),
        );
    }
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize) {
        let a = &r.site.articles[i];
        match &r.links {
            Some(links) => self.insert(key, &links.render(a).html),
            None => self.insert(key, &*a.html),
        }
    }
}

/// A hasher that serde can write JSON into.
struct HashSink(DefaultHasher);

impl std::io::Write for HashSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Sink for HashSink {
    fn put<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        key.hash(&mut self.0);
        // Serialising our own values into a hasher cannot fail.
        let _ = serde_json::to_writer(&mut *self, value);
    }
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]) {
        key.hash(&mut self.0);
        idx.len().hash(&mut self.0);
        for i in idx {
            r.card_hashes[*i].hash(&mut self.0);
        }
    }
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>) {
        key.hash(&mut self.0);
        i.map(|i| r.card_hashes[i]).hash(&mut self.0);
    }
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize) {
        key.hash(&mut self.0);
        r.site.articles[i].html_hash.hash(&mut self.0);
    }
}

fn hash_json<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut h = HashSink(DefaultHasher::new());
    let _ = serde_json::to_writer(&mut h, value);
    h.0.finish()
}

/// Compile the theme's templates, reporting every broken one.
pub fn compile(theme: &Theme) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.register_filter("json_encode", json_encode);
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
                        Diagnostic::new(file, format!("the template cannot be used: {first}"))
                            .at(line, Some(col))
                    }
                    None => Diagnostic::new("templates", chain(&whole)),
                },
                None => Diagnostic::new("templates", chain(&whole)),
            };
            errors.push(d.hint("check the names used in {% extends %}, {% include %} and in components (<card … />)"));
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

/// `{{ value | json_encode | safe }}`: the value as JSON, e.g. for JSON-LD.
fn json_encode(value: tera::Value, _: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    serde_json::to_string(&value).map_err(tera::Error::message)
}

/// Escape for HTML text and attributes, and for XML. Unlike Tera's default
/// it leaves `/` alone, so URLs stay readable and pages small.
fn escape(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut done = 0;
    for (i, b) in bytes.iter().enumerate() {
        let with: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[done..i])?;
        out.write_all(with)?;
        done = i + 1;
    }
    out.write_all(&bytes[done..])
}

fn template_error(file: &Path, e: &tera::Error) -> Diagnostic {
    let d = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Diagnostic::new(
            file,
            format!("the template cannot be read: {}", r.message()),
        )
        .at(r.span().start_line, Some(r.span().start_col + 1)),
        _ => Diagnostic::new(file, format!("the template cannot be read: {}", chain(e))),
    };
    d.hint("fix the Tera syntax at that place ({{ value }}, {% if %} … {% endif %}, {% for %} … {% endfor %})")
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

impl<'s> Renderer<'s> {
    /// `fingerprints` is given when the caller will ask for page
    /// fingerprints: a hash of the theme's templates (see `Theme::hash`) and
    /// the cards of the previous build, reused where unchanged.
    pub fn new(
        tera: Tera,
        site: &'s Site,
        live_reload: Option<&str>,
        fingerprints: Option<(u64, &CardCache)>,
    ) -> Renderer<'s> {
        let templates = fingerprints.map(|(t, _)| t);
        let previous = fingerprints.map(|(_, c)| c);
        let cfg = &site.config;
        let base_json = json!({
            "site": {
                "title": cfg.title,
                "description": cfg.description,
                "tagline": cfg.tagline,
                "footer": cfg.footer,
                "logo": cfg.logo.as_ref().map(|l| site.url(l.trim_start_matches('/'))),
                "base_url": cfg.base_url,
                "base_path": site.base_path,
                "feed_url": site.url("rss.xml"),
                "search_url": site.url("tim-kiem/"),
                "archive_url": site.url("luu-tru/"),
                "extra": cfg.extra,
            },
            "assets": site.url("assets/"),
            "menu": site.categories.iter().map(|c| json!({
                "name": c.name, "slug": c.slug, "url": site.url(&format!("{}/", c.slug)), "count": c.articles.len(),
            })).collect::<Vec<_>>(),
            "live_reload": live_reload,
        });
        // A JSON object always makes a context.
        let base = Context::from_serialize(&base_json).unwrap_or_default();
        let (tera_cards, card_hashes): (Vec<tera::Value>, Vec<u64>) = {
            use rayon::prelude::*;
            (0..site.articles.len())
                .into_par_iter()
                .map(|i| {
                    let c = card(site, i);
                    let h = templates.map_or(0, |_| hash_json(&c));
                    match previous.and_then(|p| p.get(&h)) {
                        Some(v) => (v.clone(), h),
                        None => (tera::Value::from_serializable(&c), h),
                    }
                })
                .unzip()
        };
        let base_hash = {
            let mut h = DefaultHasher::new();
            templates.hash(&mut h);
            hash_json(&base_json).hash(&mut h);
            h.finish()
        };
        Renderer {
            tera,
            site,
            base,
            base_hash,
            tera_cards,
            card_hashes,
            links: None,
        }
    }

    /// Render each article's Markdown with its page instead of before.
    pub fn with_links(mut self, links: crate::links::Links) -> Self {
        self.links = Some(links);
        self
    }

    /// This build's cards by hash, for the next `Renderer::new`.
    pub fn card_cache(&self) -> CardCache {
        self.card_hashes
            .iter()
            .copied()
            .zip(self.tera_cards.iter().cloned())
            .collect()
    }

    /// What the renderer owns, so it can be freed elsewhere.
    pub fn into_owned(self) -> impl Send + 'static {
        (self.tera, self.base, self.tera_cards, self.card_hashes)
    }

    fn cards_of(&self, idx: &[usize]) -> Vec<&tera::Value> {
        idx.iter().map(|i| &self.tera_cards[*i]).collect()
    }

    fn tera_cards_of(&self, idx: &[usize]) -> tera::Value {
        tera::Value::from(
            idx.iter()
                .map(|i| self.tera_cards[*i].clone())
                .collect::<Vec<_>>(),
        )
    }

    /// Render one page to bytes.
    pub fn render(&self, page: &Page) -> Result<Vec<u8>, String> {
        if page.kind == Kind::SearchIndex {
            return Ok(self.search_index());
        }
        let mut ctx = self.base.clone();
        let template = self.fill(&mut ctx, page);
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut out)
            .map_err(|e| format!("{template}: {}", chain(&e)))?;
        Ok(out)
    }

    /// A hash of everything `render` would put into the page: equal
    /// fingerprints mean byte-identical pages (the templates are included).
    pub fn fingerprint(&self, page: &Page) -> u64 {
        let mut h = HashSink(DefaultHasher::new());
        self.base_hash.hash(&mut h.0);
        page.file.hash(&mut h.0);
        if page.kind == Kind::SearchIndex {
            self.card_hashes.hash(&mut h.0);
        } else {
            self.fill(&mut h, page);
        }
        h.0.finish()
    }

    /// Put a page's context into `s`; returns the template to render.
    fn fill<S: Sink>(&self, s: &mut S, page: &Page) -> &'static str {
        let site = self.site;
        s.put(
            "page",
            &json!({
                "path": page.path,
                "url": site.url(&page.path),
                "permalink": site.config.permalink(&page.path),
            }),
        );
        match &page.kind {
            Kind::Home(paged) => {
                self.home(s, paged);
                "index.html"
            }
            Kind::List(paged) => {
                self.listing(s, paged);
                "list.html"
            }
            Kind::Article(i) => {
                self.article(s, *i);
                "article.html"
            }
            Kind::Archive => {
                s.put("years", &site.years.iter().enumerate().map(|(y, year)| json!({
                    "year": year.year,
                    "url": site.url(&pages::listing_path(site, Listing::Year(y))),
                    "count": year.articles.len(),
                    "months": year.months.iter().enumerate().map(|(m, (month, items))| json!({
                        "month": month, "name": format!("Tháng {month:02}/{}", year.year),
                        "url": site.url(&pages::listing_path(site, Listing::Month(y, m))), "count": items.len(),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>());
                "archive.html"
            }
            Kind::Authors | Kind::Tags => {
                let (groups, title, make): (_, _, fn(usize) -> Listing) =
                    if page.kind == Kind::Authors {
                        (&site.authors, "Tác giả", Listing::Author)
                    } else {
                        (&site.tags, "Chủ đề", Listing::Tag)
                    };
                s.put("title", title);
                s.put("groups", &groups.iter().enumerate().map(|(i, g)| json!({
                    "name": g.name, "url": site.url(&pages::listing_path(site, make(i))), "count": g.articles.len(),
                })).collect::<Vec<_>>());
                "groups.html"
            }
            Kind::Search => "search.html",
            Kind::NotFound => "404.html",
            Kind::Feed(cat) => {
                let (title, idx, link): (String, Vec<usize>, String) = match cat {
                    Some(c) => {
                        let c = &site.categories[*c];
                        (
                            format!("{} - {}", c.name, site.config.title),
                            c.articles.clone(),
                            format!("{}/", c.slug),
                        )
                    }
                    None => (
                        site.config.title.clone(),
                        (0..site.articles.len()).collect(),
                        String::new(),
                    ),
                };
                s.put(
                    "feed",
                    &json!({
                        "title": title, "link": site.config.permalink(&link),
                        "self": site.config.permalink(&page.path),
                        "updated": idx.first().map(|i| site.articles[*i].date.to_rfc2822()),
                    }),
                );
                s.cards("articles", self, &idx[..idx.len().min(FEED_ITEMS)]);
                "rss.xml"
            }
            Kind::Sitemap => {
                s.put("entries", &sitemap_entries(site));
                "sitemap.xml"
            }
            Kind::Robots => "robots.txt",
            Kind::SearchIndex => "",
        }
    }

    fn home<S: Sink>(&self, s: &mut S, paged: &Paged) {
        let site = self.site;
        let featured: Vec<usize> = (0..site.articles.len())
            .filter(|i| site.articles[*i].featured)
            .take(BLOCK)
            .collect();
        s.cards("featured", self, &featured);
        s.cards("articles", self, &(paged.items.clone()).collect::<Vec<_>>());
        s.put("pagination", &self.pagination(paged));
        s.put(
            "blocks",
            &site
                .categories
                .iter()
                .filter(|c| !c.articles.is_empty())
                .map(|c| {
                    json!({
                        "name": c.name, "url": site.url(&format!("{}/", c.slug)),
                        "articles": self.cards_of(&c.articles[..c.articles.len().min(BLOCK)]),
                    })
                })
                .collect::<Vec<_>>(),
        );
        let mut viewed: Vec<usize> = (0..site.articles.len())
            .filter(|i| site.articles[*i].views.is_some())
            .collect();
        viewed.sort_by_key(|i| std::cmp::Reverse(site.articles[*i].views));
        viewed.truncate(BLOCK);
        s.cards("most_viewed", self, &viewed);
    }

    fn listing<S: Sink>(&self, s: &mut S, paged: &Paged) {
        let site = self.site;
        let (kind, title, crumbs, feed) = match paged.listing {
            Listing::All => ("all", "Tất cả tin bài".to_string(), vec![], None),
            Listing::Category(c) => (
                "category",
                site.categories[c].name.clone(),
                vec![],
                Some(site.url(&format!("{}/rss.xml", site.categories[c].slug))),
            ),
            Listing::Author(a) => (
                "author",
                format!("Tác giả: {}", site.authors[a].name),
                vec![("Tác giả", "tac-gia/".to_string())],
                None,
            ),
            Listing::Tag(t) => (
                "tag",
                format!("Chủ đề: {}", site.tags[t].name),
                vec![("Chủ đề", "the/".to_string())],
                None,
            ),
            Listing::Year(y) => (
                "year",
                format!("Năm {}", site.years[y].year),
                vec![("Lưu trữ", "luu-tru/".to_string())],
                None,
            ),
            Listing::Month(y, m) => {
                let year = &site.years[y];
                (
                    "month",
                    format!("Tháng {:02}/{}", year.months[m].0, year.year),
                    vec![
                        ("Lưu trữ", "luu-tru/".to_string()),
                        ("", pages::listing_path(site, Listing::Year(y))),
                    ],
                    None,
                )
            }
        };
        let crumbs: Vec<Value> = crumbs
            .into_iter()
            .map(|(name, path)| {
                let name = if name.is_empty() {
                    path.trim_end_matches('/')
                        .rsplit('/')
                        .next()
                        .unwrap_or("")
                        .to_string()
                } else {
                    name.to_string()
                };
                json!({"name": name, "url": site.url(&path)})
            })
            .collect();
        let idx: Vec<usize> = match paged.listing {
            Listing::All => paged.items.clone().collect(),
            other => pages::listing_articles(site, other)[paged.items.clone()].to_vec(),
        };
        s.put(
            "listing",
            &json!({ "kind": kind, "title": title, "breadcrumbs": crumbs, "feed_url": feed }),
        );
        s.cards("articles", self, &idx);
        s.put("pagination", &self.pagination(paged));
    }

    fn pagination(&self, paged: &Paged) -> Value {
        let base = pages::listing_path(self.site, paged.listing);
        let url = |n: usize| self.site.url(&pages::paged_path(&base, n));
        json!({
            "current": paged.number,
            "total": paged.total,
            "prev": (paged.number > 1).then(|| url(paged.number - 1)),
            "next": (paged.number < paged.total).then(|| url(paged.number + 1)),
            "pages": pages::pager_numbers(paged.number, paged.total).into_iter().map(|n| match n {
                Some(n) => json!({"number": n, "url": url(n), "current": n == paged.number}),
                None => json!({"gap": true}),
            }).collect::<Vec<_>>(),
        })
    }

    fn article<S: Sink>(&self, s: &mut S, i: usize) {
        let site = self.site;
        let a = &site.articles[i];
        let cat = &site.categories[a.category].articles;
        let pos = cat.iter().position(|x| *x == i).unwrap_or(0);
        s.card("article", self, Some(i));
        s.html("content", self, i);
        s.card("newer", self, pos.checked_sub(1).map(|p| cat[p]));
        s.card("older", self, cat.get(pos + 1).copied());
        s.cards("related", self, &related(site, i));
    }

    fn search_index(&self) -> Vec<u8> {
        let site = self.site;
        let items: Vec<Value> = site
            .articles
            .iter()
            .map(|a| {
                json!([
                    a.title,
                    site.url(&a.path),
                    date::display_day(&a.date),
                    site.categories[a.category].name,
                    a.summary,
                    a.tags.join(", "),
                ])
            })
            .collect();
        serde_json::to_vec(&items).unwrap_or_default()
    }
}

/// Articles sharing a tag first, then the same category, newest first.
fn related(site: &Site, i: usize) -> Vec<usize> {
    let a = &site.articles[i];
    let mut out: Vec<usize> = Vec::with_capacity(BLOCK);
    let by_tag = site
        .tags
        .iter()
        .filter(|g| a.tag_slugs.contains(&g.slug))
        .flat_map(|g| g.articles.iter());
    for &j in by_tag.chain(site.categories[a.category].articles.iter()) {
        if out.len() == BLOCK {
            break;
        }
        if j != i && !out.contains(&j) {
            out.push(j);
        }
    }
    out
}

/// Everything a template may show of an article in a list or on its page.
#[derive(Serialize)]
struct Card<'a> {
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
    featured: bool,
    draft: bool,
    tags: Vec<CardTag<'a>>,
    extra: &'a Value,
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

fn card(site: &Site, i: usize) -> Card<'_> {
    let a = &site.articles[i];
    let cat = &site.categories[a.category];
    let image = a
        .image
        .as_ref()
        .map(|img| crate::links::asset_url(site, &a.source, img));
    let base = site.config.base_url.trim_end_matches('/');
    let base_path = site.base_path.trim_end_matches('/');
    Card {
        title: &a.title,
        url: site.url(&a.path),
        permalink: site.config.permalink(&a.path),
        date: date::display_day(&a.date),
        time: date::display_time(&a.date),
        date_iso: a.date.to_rfc3339(),
        date_rfc2822: a.date.to_rfc2822(),
        views: a.views,
        views_display: a.views.map(group_thousands),
        author: a.author.as_deref(),
        author_url: a
            .author_slug
            .as_ref()
            .map(|s| site.url(&format!("tac-gia/{s}/"))),
        category: CardCategory {
            name: &cat.name,
            url: site.url(&format!("{}/", cat.slug)),
            slug: &cat.slug,
        },
        summary: &a.summary,
        image_permalink: image
            .as_ref()
            .map(|u| format!("{base}{}", u.strip_prefix(base_path).unwrap_or(u))),
        image,
        featured: a.featured,
        draft: a.draft,
        tags: a
            .tags
            .iter()
            .zip(&a.tag_slugs)
            .map(|(t, s)| CardTag {
                name: t,
                url: site.url(&format!("the/{s}/")),
            })
            .collect(),
        extra: &a.extra,
    }
}

fn sitemap_entries(site: &Site) -> Vec<Value> {
    let mut out = vec![
        json!({"loc": site.config.permalink(""), "lastmod": site.articles.first().map(|a| a.date.to_rfc3339())}),
    ];
    for a in &site.articles {
        out.push(json!({"loc": site.config.permalink(&a.path), "lastmod": a.date.to_rfc3339()}));
    }
    for (c, cat) in site.categories.iter().enumerate() {
        let lastmod = cat
            .articles
            .first()
            .map(|i| site.articles[*i].date.to_rfc3339());
        out.push(json!({"loc": site.config.permalink(&pages::listing_path(site, Listing::Category(c))), "lastmod": lastmod}));
    }
    out.push(json!({"loc": site.config.permalink("luu-tru/"), "lastmod": null}));
    out
}
