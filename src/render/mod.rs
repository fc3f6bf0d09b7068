//! Rendering: one Tera instance compiled once per build, and the context of
//! each page kind (home, article, listing, archive, feeds …) built from the
//! site model. Article cards are serialised once and shared by every page.

mod card;
mod documents;
mod gaps;
mod labels;
mod parts;
mod prints;
pub mod relative;
pub mod search;
mod sink;
mod sitemap;
mod templates;
mod values;
mod words;

use serde_json::json;
use tera::{Context, Tera};

use crate::links::Bodies;
use crate::pages::{self, Kind, Listing, Page, Paged};
use crate::routes;
use crate::site::Site;
use card::card;
pub use parts::Parts;
use sink::{Fill, Sink, hash_json};
use sitemap::{sitemap_entries, sitemap_index};
pub(crate) use templates::escape_text;
pub use templates::{chain, compile};
use values::{object, pager};

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::atomic::Ordering;

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
    /// Where each article's HTML comes from.
    bodies: Bodies,
    /// The search word index's bucket files, made when the first is asked for.
    search_words: std::sync::OnceLock<Result<Vec<Vec<u8>>, String>>,
    /// The fingerprint input shared by all word buckets (`None`: a body
    /// is not in memory).
    words_digest: std::sync::OnceLock<Option<u64>>,
    /// Articles whose body, rendered with its page, has a relative link
    /// that leads nowhere (to a draft: a warning said on every build, see
    /// `Bodies::render`): their page is not kept by fingerprint next time.
    always_render: Vec<std::sync::atomic::AtomicBool>,
}

/// Cards of the last build by hash: an unchanged article keeps its value.
pub type CardCache = std::collections::HashMap<u64, tera::Value>;

impl<'s> Renderer<'s> {
    /// `fingerprints` is given when the caller will ask for page
    /// fingerprints: a hash of the theme's templates (see `Theme::hash`) and
    /// the cards of the previous build, reused where unchanged.
    pub fn new(
        tera: Tera,
        site: &'s Site,
        bodies: Bodies,
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
                "feed_url": site.url(&routes::feed()),
                "search_url": site.url(&routes::search()),
                "search_index_url": site.url(&routes::search_index()),
                "search_buckets": pages::search_buckets(site.articles.len()),
                "search_shard": pages::SEARCH_SHARD,
                "archive_url": site.url(&routes::archive()),
                "authors_url": site.url(&routes::authors()),
                "tags_url": site.url(&routes::tags()),
                "sitemap_url": site.config.permalink(&routes::sitemap()),
                "documents_url": (!site.documents.list.is_empty()).then(|| site.url(&routes::documents())),
                "extra": cfg.extra,
            },
            "assets": site.url(&routes::assets()),
            "menu": site.categories.iter().map(|c| json!({
                "name": c.name, "slug": c.slug, "url": site.url(&routes::category(&c.slug)), "count": c.articles.len(),
            })).collect::<Vec<_>>(),
            "live_reload": live_reload,
        });
        // A JSON object always makes a context.
        let base = Context::from_serialize(&base_json).unwrap_or_default();
        let (tera_cards, card_hashes): (Vec<tera::Value>, Vec<u64>) = {
            use rayon::prelude::*;
            let shared = card::Shared::new(site);
            (0..site.articles.len())
                .into_par_iter()
                .map(|i| {
                    let c = card(site, i);
                    let h = templates.map_or(0, |_| hash_json(&c));
                    match previous.and_then(|p| p.get(&h)) {
                        Some(v) => (v.clone(), h),
                        None => (shared.value(site, i, &c), h),
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
            bodies,
            search_words: std::sync::OnceLock::new(),
            words_digest: std::sync::OnceLock::new(),
            always_render: (0..site.articles.len())
                .map(|_| Default::default())
                .collect(),
        }
    }

    /// The site this renderer renders.
    pub fn site(&self) -> &'s Site {
        self.site
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
        match page.kind {
            Kind::SearchIndex => return Ok(search::index_json(self.site)),
            Kind::SearchWords(n) => return self.search_words(n),
            Kind::SearchRecords(n) => return Ok(search::records_json(self.site, n)),
            Kind::SitemapIndex(parts) => return Ok(sitemap_index(self.site, parts)),
            _ => {}
        }
        let body = match &page.kind {
            Kind::Article(i) => {
                let rendered = self.bodies.render(&self.site.articles[*i]).transpose()?;
                rendered.map(|(html, plain)| {
                    if !plain {
                        self.always_render[*i].store(true, Ordering::Relaxed);
                    }
                    html
                })
            }
            _ => None,
        };
        let mut fill = Fill {
            ctx: self.base.clone(),
            body,
        };
        // Room for the page around the body without growing (an article
        // page is its body and about 12 KB of theme).
        let room = fill.body.as_ref().map_or(0, String::len) + 16 * 1024;
        let template = self.fill(&mut fill, page);
        let mut out = Vec::with_capacity(room);
        self.tera
            .render_to(template, &fill.ctx, &mut out)
            .map_err(|e| format!("{template}: {}", chain(&e)))?;
        Ok(out)
    }

    /// Put a page's context into `s`; returns the template to render.
    fn fill<S: Sink>(&self, s: &mut S, page: &Page) -> &'static str {
        let site = self.site;
        s.page(self, &page.path);
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
                        "month": month, "name": labels::month(year.year, *month),
                        "url": site.url(&pages::listing_path(site, Listing::Month(y, m))), "count": items.len(),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>());
                "archive.html"
            }
            Kind::Authors | Kind::Tags => {
                let (groups, title, make): (_, _, fn(usize) -> Listing) =
                    if page.kind == Kind::Authors {
                        (&site.authors, labels::AUTHORS, Listing::Author)
                    } else {
                        (&site.tags, labels::TAGS, Listing::Tag)
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
                            routes::category(&c.slug),
                        )
                    }
                    None => (
                        site.config.title.clone(),
                        (0..site.articles.len()).collect(),
                        routes::home(),
                    ),
                };
                s.put(
                    "feed",
                    &json!({
                        "title": title, "link": site.config.permalink(&link),
                        "self": site.config.permalink(&page.path),
                        "updated": idx.first().map(|i| site.articles[*i].file.front.date.to_rfc2822()),
                    }),
                );
                s.cards("articles", self, &idx[..idx.len().min(FEED_ITEMS)]);
                "rss.xml"
            }
            Kind::Sitemap => {
                s.put_value("entries", sitemap_entries(site, 0..usize::MAX).into());
                "sitemap.xml"
            }
            Kind::SitemapPart { urls, .. } => {
                s.put_value("entries", sitemap_entries(site, urls.clone()).into());
                "sitemap.xml"
            }
            Kind::Robots => "robots.txt",
            Kind::Register(reg) => {
                self.register(s, reg);
                "register.html"
            }
            Kind::Document(i) => {
                self.document(s, *i);
                "document.html"
            }
            Kind::DocumentsFeed => {
                self.documents_feed(s, &page.path);
                "documents.xml"
            }
            Kind::SearchIndex
            | Kind::SearchWords(_)
            | Kind::SearchRecords(_)
            | Kind::SitemapIndex(_) => "",
        }
    }

    fn home<S: Sink>(&self, s: &mut S, paged: &Paged) {
        let site = self.site;
        let featured: Vec<usize> = (0..site.articles.len())
            .filter(|i| site.articles[*i].file.front.featured)
            .take(BLOCK)
            .collect();
        s.cards("featured", self, &featured);
        s.cards("articles", self, &(paged.items.clone()).collect::<Vec<_>>());
        s.put_value("pagination", self.pagination(paged));
        for c in &site.categories {
            s.shows(&c.articles[..c.articles.len().min(BLOCK)]);
        }
        s.put(
            "blocks",
            &site
                .categories
                .iter()
                .filter(|c| !c.articles.is_empty())
                .map(|c| {
                    json!({
                        "name": c.name, "url": site.url(&routes::category(&c.slug)),
                        "articles": self.cards_of(&c.articles[..c.articles.len().min(BLOCK)]),
                    })
                })
                .collect::<Vec<_>>(),
        );
        let mut viewed: Vec<usize> = (0..site.articles.len())
            .filter(|i| site.articles[*i].file.front.views.is_some())
            .collect();
        viewed.sort_by_key(|i| std::cmp::Reverse(site.articles[*i].file.front.views));
        viewed.truncate(BLOCK);
        s.cards("most_viewed", self, &viewed);
    }

    fn listing<S: Sink>(&self, s: &mut S, paged: &Paged) {
        let site = self.site;
        let (kind, title, crumbs, feed) = match paged.listing {
            Listing::All => ("all", labels::ALL.to_string(), vec![], None),
            Listing::Category(c) => (
                "category",
                site.categories[c].name.clone(),
                vec![],
                Some(site.url(&routes::category_feed(&site.categories[c].slug))),
            ),
            Listing::Author(a) => (
                "author",
                labels::author(&site.authors[a].name),
                vec![(labels::AUTHORS, routes::authors())],
                None,
            ),
            Listing::Tag(t) => (
                "tag",
                labels::tag(&site.tags[t].name),
                vec![(labels::TAGS, routes::tags())],
                None,
            ),
            Listing::Year(y) => (
                "year",
                labels::year(site.years[y].year),
                vec![(labels::ARCHIVE, routes::archive())],
                None,
            ),
            Listing::Month(y, m) => {
                let year = &site.years[y];
                (
                    "month",
                    labels::month(year.year, year.months[m].0),
                    vec![
                        (labels::ARCHIVE, routes::archive()),
                        ("", pages::listing_path(site, Listing::Year(y))),
                    ],
                    None,
                )
            }
        };
        let crumbs: Vec<tera::Value> = crumbs
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
                object([("name", name.into()), ("url", site.url(&path).into())])
            })
            .collect();
        let idx: Vec<usize> = match paged.listing {
            Listing::All => paged.items.clone().collect(),
            other => pages::listing_articles(site, other)[paged.items.clone()].to_vec(),
        };
        s.put_value(
            "listing",
            object([
                ("kind", kind.into()),
                ("title", title.into()),
                ("breadcrumbs", crumbs.into()),
                ("feed_url", feed.into()),
            ]),
        );
        s.cards("articles", self, &idx);
        s.put_value("pagination", self.pagination(paged));
    }

    /// Built as Tera values directly: this runs for every list page.
    fn pagination(&self, paged: &Paged) -> tera::Value {
        // `site.url(routes::paged(base, n))`, with the base URL made once.
        let first = self
            .site
            .url(&pages::listing_path(self.site, paged.listing));
        pager(&first, paged.number, paged.total)
    }

    fn article<S: Sink>(&self, s: &mut S, i: usize) {
        let site = self.site;
        let a = &site.articles[i];
        let cat = &site.categories[a.category].articles;
        // A category lists its articles in site order: ascending indexes.
        let pos = cat.binary_search(&i).unwrap_or(0);
        s.card("article", self, Some(i));
        s.json_ld(self, i);
        s.html("content", self, i);
        s.card("newer", self, pos.checked_sub(1).map(|p| cat[p]));
        s.card("older", self, cat.get(pos + 1).copied());
        s.cards("related", self, &related(site, i));
    }

    /// Give the search word index made elsewhere (`build` makes it while
    /// the other pages render); otherwise the first bucket page makes it.
    pub fn provide_search_words(&self, words: Result<Vec<Vec<u8>>, String>) {
        let _ = self.search_words.set(words);
    }

    /// Bucket `n` of the search word index; the whole index is made once.
    fn search_words(&self, n: usize) -> Result<Vec<u8>, String> {
        let all = self.search_words.get_or_init(|| {
            let site = self.site;
            search::buckets_json(site, &|i| self.bodies.body(&site.articles[i]))
        });
        match all {
            Ok(buckets) => Ok(buckets.get(n).cloned().unwrap_or_else(|| b"{}".to_vec())),
            Err(e) => Err(format!("{}: {e}", crate::t!("render-search-index"))),
        }
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
