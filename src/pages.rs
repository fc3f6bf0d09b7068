//! The page plan: every file a site publishes (listing pages split into
//! numbered pages, articles, archive, feeds, sitemap …), each with its URL,
//! decided from the site model before anything is rendered.

use std::ops::Range;

use crate::routes;
use crate::site::Site;

/// Which group of articles a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// All articles (page 1 is the home page).
    All,
    Category(usize),
    Author(usize),
    Tag(usize),
    Year(usize),
    Month(usize, usize),
}

/// One numbered page of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged {
    pub listing: Listing,
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// Which of the listing's articles this page shows.
    pub items: Range<usize>,
}

/// Which documents a register page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Index into `site.documents.types`.
    Type(usize),
    Issuer(usize),
    /// Index into `site.documents.years`.
    Year(usize),
}

/// One numbered page of a documents register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Register {
    pub filter: Filter,
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// Which of the register's documents this page shows.
    pub items: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Home(Paged),
    List(Paged),
    Article(usize),
    Archive,
    Authors,
    Tags,
    Search,
    /// `tim-kiem/index.json`: what the search page needs besides the word
    /// index and the records (categories, and the documents' list).
    SearchIndex,
    /// One bucket of the search page's word index.
    SearchWords(usize),
    /// One shard of the search page's article records (`SEARCH_SHARD`
    /// articles in site order each): what a result shows.
    SearchRecords(usize),
    NotFound,
    /// The site feed, or a category's.
    Feed(Option<usize>),
    /// `sitemap.xml` listing every URL.
    Sitemap,
    /// `sitemap.xml` of a site past the sitemap limit (see [`plan`]): the
    /// index of its numbered parts, how many there are.
    SitemapIndex(usize),
    /// `sitemap-<n>.xml` (from 1) of a sitemap too big for one file, with
    /// the range of the sitemap's URLs it lists (see [`sitemap_urls`]).
    SitemapPart {
        number: usize,
        urls: Range<usize>,
    },
    Robots,
    /// A page of the documents register, all or filtered.
    Register(Register),
    /// A document's page (index into `site.documents.list`).
    Document(usize),
    /// `van-ban/rss.xml`.
    DocumentsFeed,
}

/// A file to publish: its path in the output and what goes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file, relative to the output folder: `cong-tac-dang/index.html`.
    pub file: String,
    /// The site path readers see: `cong-tac-dang/`.
    pub path: String,
    pub kind: Kind,
}

impl Page {
    fn html(path: String, kind: Kind) -> Page {
        Page {
            file: routes::html_file(&path),
            path,
            kind,
        }
    }

    fn file(file: String, kind: Kind) -> Page {
        Page {
            path: file.clone(),
            file,
            kind,
        }
    }
}

/// The site path of a listing's first page.
pub fn listing_path(site: &Site, listing: Listing) -> String {
    match listing {
        Listing::All => routes::home(),
        Listing::Category(c) => routes::category(&site.categories[c].slug),
        Listing::Author(a) => routes::author(&site.authors[a].slug),
        Listing::Tag(t) => routes::tag(&site.tags[t].slug),
        Listing::Year(y) => routes::year(site.years[y].year),
        Listing::Month(y, m) => routes::month(site.years[y].year, site.years[y].months[m].0),
    }
}

/// The articles of a listing, newest first, as indexes into `site.articles`.
pub fn listing_articles(site: &Site, listing: Listing) -> &[usize] {
    match listing {
        Listing::All => &[],
        Listing::Category(c) => &site.categories[c].articles,
        Listing::Author(a) => &site.authors[a].articles,
        Listing::Tag(t) => &site.tags[t].articles,
        Listing::Year(y) => &site.years[y].articles,
        Listing::Month(y, m) => &site.years[y].months[m].1,
    }
}

fn listing_len(site: &Site, listing: Listing) -> usize {
    match listing {
        Listing::All => site.articles.len(),
        other => listing_articles(site, other).len(),
    }
}

fn paginate(site: &Site, listing: Listing, out: &mut Vec<Page>) {
    let per = site.config.per_page.max(1);
    let len = listing_len(site, listing);
    let total = len.div_ceil(per).max(1);
    let base = listing_path(site, listing);
    for number in 1..=total {
        let items = (number - 1) * per..(number * per).min(len);
        let paged = Paged {
            listing,
            number,
            total,
            items,
        };
        let kind = if listing == Listing::All && number == 1 {
            Kind::Home(paged)
        } else {
            Kind::List(paged)
        };
        out.push(Page::html(routes::paged(&base, number), kind));
    }
}

/// The site path of a register's first page.
pub fn register_path(site: &Site, filter: Filter) -> String {
    let docs = &site.documents;
    match filter {
        Filter::All => routes::documents(),
        Filter::Type(t) => routes::document_type(&docs.types[t].slug),
        Filter::Issuer(i) => routes::document_issuer(&docs.issuers[i].slug),
        Filter::Year(y) => routes::document_year(docs.years[y].0),
    }
}

/// The documents a register shows, newest issued first, as indexes into
/// `site.documents.list` (`None`: all of them).
pub fn register_documents(site: &Site, filter: Filter) -> Option<&[usize]> {
    let docs = &site.documents;
    match filter {
        Filter::All => None,
        Filter::Type(t) => Some(&docs.types[t].articles),
        Filter::Issuer(i) => Some(&docs.issuers[i].articles),
        Filter::Year(y) => Some(&docs.years[y].1),
    }
}

fn paginate_register(site: &Site, filter: Filter, out: &mut Vec<Page>) {
    let per = site.config.per_page.max(1);
    let len = register_documents(site, filter).map_or(site.documents.list.len(), <[usize]>::len);
    let total = len.div_ceil(per).max(1);
    let base = register_path(site, filter);
    for number in 1..=total {
        let items = (number - 1) * per..(number * per).min(len);
        let kind = Kind::Register(Register {
            filter,
            number,
            total,
            items,
        });
        out.push(Page::html(routes::paged(&base, number), kind));
    }
}

/// The documents' pages, registers and feed: none on a site without any.
fn plan_documents(site: &Site, out: &mut Vec<Page>) {
    let docs = &site.documents;
    if docs.list.is_empty() {
        return;
    }
    paginate_register(site, Filter::All, out);
    for t in 0..docs.types.len() {
        paginate_register(site, Filter::Type(t), out);
    }
    for i in 0..docs.issuers.len() {
        paginate_register(site, Filter::Issuer(i), out);
    }
    for y in 0..docs.years.len() {
        paginate_register(site, Filter::Year(y), out);
    }
    for (i, d) in docs.list.iter().enumerate() {
        out.push(Page::html(d.path.clone(), Kind::Document(i)));
    }
    out.push(Page::file(routes::documents_feed(), Kind::DocumentsFeed));
}

/// Every page of the site, in a stable order; a sitemap file lists at most
/// `sitemap_limit` URLs (the protocol's [`SITEMAP_LIMIT`] unless a test asks
/// for fewer).
pub fn plan(site: &Site, sitemap_limit: usize) -> Vec<Page> {
    let mut out = Vec::with_capacity(site.articles.len() * 6 / 5 + 64);
    paginate(site, Listing::All, &mut out);
    for i in 0..site.articles.len() {
        out.push(Page::html(site.articles[i].path.clone(), Kind::Article(i)));
    }
    for c in 0..site.categories.len() {
        paginate(site, Listing::Category(c), &mut out);
        out.push(Page::file(
            routes::category_feed(&site.categories[c].slug),
            Kind::Feed(Some(c)),
        ));
    }
    for a in 0..site.authors.len() {
        paginate(site, Listing::Author(a), &mut out);
    }
    for t in 0..site.tags.len() {
        paginate(site, Listing::Tag(t), &mut out);
    }
    out.push(Page::html(routes::archive(), Kind::Archive));
    for (y, year) in site.years.iter().enumerate() {
        paginate(site, Listing::Year(y), &mut out);
        for m in 0..year.months.len() {
            paginate(site, Listing::Month(y, m), &mut out);
        }
    }
    out.push(Page::html(routes::authors(), Kind::Authors));
    out.push(Page::html(routes::tags(), Kind::Tags));
    out.push(Page::html(routes::search(), Kind::Search));
    out.push(Page::file(routes::search_index(), Kind::SearchIndex));
    for n in 0..search_buckets(site.articles.len()) {
        out.push(Page::file(routes::search_words(n), Kind::SearchWords(n)));
    }
    for n in 0..site.articles.len().div_ceil(SEARCH_SHARD) {
        out.push(Page::file(
            routes::search_records(n),
            Kind::SearchRecords(n),
        ));
    }
    out.push(Page::file(routes::not_found(), Kind::NotFound));
    out.push(Page::file(routes::feed(), Kind::Feed(None)));
    let parts = sitemap_parts(site, sitemap_limit);
    let sitemap = if parts == 0 {
        Kind::Sitemap
    } else {
        Kind::SitemapIndex(parts)
    };
    out.push(Page::file(routes::sitemap(), sitemap));
    for n in 1..=parts {
        let from = (n - 1) * sitemap_limit;
        out.push(Page::file(
            routes::sitemap_part(n),
            Kind::SitemapPart {
                number: n,
                urls: from..from + sitemap_limit,
            },
        ));
    }
    out.push(Page::file(routes::robots(), Kind::Robots));
    plan_documents(site, &mut out);
    out
}

/// How many bucket files a site of `articles` articles gets: about forty
/// articles' words per bucket, a power of two, at most 4,096 (a query's
/// buckets then stay small at 100,000 articles).
pub fn search_buckets(articles: usize) -> usize {
    articles.div_ceil(40).next_power_of_two().clamp(1, 4096)
}

/// Articles per search record shard: a result list of 20 fetches at most 20
/// shards of a few KB each, whatever the size of the site.
pub const SEARCH_SHARD: usize = 16;

/// The sitemaps protocol's limit of URLs in one file (sitemaps.org).
pub const SITEMAP_LIMIT: usize = 50_000;

/// How many URLs the sitemap lists: the home page, every article, every
/// category and the archive, then the documents register and every
/// document (see `render::sitemap_entries`).
pub fn sitemap_urls(site: &Site) -> usize {
    let docs = site.documents.list.len();
    site.articles.len() + site.categories.len() + 2 + if docs > 0 { docs + 1 } else { 0 }
}

/// How many numbered sitemap files there are: none while every URL fits in
/// `sitemap.xml`, else enough of at most `limit` URLs each.
pub fn sitemap_parts(site: &Site, limit: usize) -> usize {
    let urls = sitemap_urls(site);
    let limit = limit.max(1);
    if urls <= limit {
        0
    } else {
        urls.div_ceil(limit)
    }
}

/// Page numbers to show in a pager: first, last and two either side of the
/// current one; `None` marks a gap (…).
pub fn pager_numbers(current: usize, total: usize) -> Vec<Option<usize>> {
    // At most seven numbers, whatever `total` is: an archive of 100,000
    // articles has thousands of pages, each with a pager.
    let near = current.saturating_sub(2).max(1)..=(current.saturating_add(2)).min(total);
    let shown = std::iter::once(1).chain(near).chain(std::iter::once(total));
    let mut out = Vec::with_capacity(9);
    let mut last = 0;
    for n in shown.filter(|&n| (1..=total).contains(&n)) {
        if n <= last {
            continue;
        }
        if n > last + 1 {
            out.push(None);
        }
        out.push(Some(n));
        last = n;
    }
    out
}

/// The order to render a plan in: every page next to the newest article it
/// shows, so that the pages showing an article's card are rendered close
/// together in time and find the card in the CPU's cache (a list page whose
/// cards are cold costs twice as much as one whose cards are warm). Pages
/// that show no article, or all of them, come first.
pub fn render_order(site: &Site, plan: &[Page]) -> Vec<usize> {
    let newest = |page: &Page| -> usize {
        match &page.kind {
            Kind::Article(i) => *i,
            Kind::Home(p) | Kind::List(p) => match p.listing {
                Listing::All => p.items.start,
                other => listing_articles(site, other)
                    .get(p.items.start)
                    .copied()
                    .unwrap_or(0),
            },
            _ => 0,
        }
    };
    let mut order: Vec<usize> = (0..plan.len()).collect();
    order.sort_by_key(|&i| newest(&plan[i]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_windows() {
        assert_eq!(pager_numbers(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            pager_numbers(5, 10),
            vec![
                Some(1),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(10)
            ]
        );
        assert_eq!(pager_numbers(1, 1), vec![Some(1)]);
        assert_eq!(pager_numbers(1, 0), vec![]);
    }

    #[test]
    fn pager_numbers_match_the_rule_for_every_page() {
        // The rule, one number at a time: first, last, two either side.
        let by_rule = |current: usize, total: usize| {
            let mut out = Vec::new();
            let mut last = 0;
            for n in (1..=total).filter(|&n| n == 1 || n == total || n.abs_diff(current) <= 2) {
                if n > last + 1 {
                    out.push(None);
                }
                out.push(Some(n));
                last = n;
            }
            out
        };
        for total in 0..40 {
            for current in 0..total + 4 {
                assert_eq!(
                    pager_numbers(current, total),
                    by_rule(current, total),
                    "{current}/{total}"
                );
            }
        }
    }
}
