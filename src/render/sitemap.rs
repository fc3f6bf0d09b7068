//! The sitemap (sitemaps.org): its URL entries, numbered so that a site
//! past the protocol's 50,000 URLs is split into parts, and the sitemap
//! index that points at the parts.

use tera::Value;

use super::templates;
use super::values::object;
use crate::pages::{self, Listing};
use crate::routes;
use crate::site::Site;

/// The sitemap's URLs numbered `range` (of `pages::sitemap_urls`): the
/// home page, the articles, the categories, the archive, then the
/// documents register and the documents. Made as Tera values directly:
/// through `serde_json` the entries of a large site were held twice while
/// the sitemap was rendered.
pub(super) fn sitemap_entries(site: &Site, range: std::ops::Range<usize>) -> Vec<Value> {
    let (articles, categories) = (site.articles.len(), site.categories.len());
    let end = range.end.min(pages::sitemap_urls(site));
    let url = |loc: String, lastmod: Option<String>| {
        object([("lastmod", lastmod.into()), ("loc", loc.into())])
    };
    let entry = |k: usize| match k {
        0 => url(
            site.config.permalink(&routes::home()),
            site.articles
                .first()
                .map(|a| a.file.front.date.to_rfc3339()),
        ),
        k if k <= articles => {
            let a = &site.articles[k - 1];
            url(
                site.config.permalink(&a.path),
                Some(a.file.front.date.to_rfc3339()),
            )
        }
        k if k <= articles + categories => {
            let c = k - articles - 1;
            let lastmod = site.categories[c]
                .articles
                .first()
                .map(|i| site.articles[*i].file.front.date.to_rfc3339());
            url(
                site.config
                    .permalink(&pages::listing_path(site, Listing::Category(c))),
                lastmod,
            )
        }
        k if k == articles + categories + 1 => url(site.config.permalink(&routes::archive()), None),
        k => {
            let docs = &site.documents.list;
            let lastmod = docs.first().map(|d| d.file.front.issued.to_rfc3339());
            match k - articles - categories - 2 {
                0 => url(site.config.permalink(&routes::documents()), lastmod),
                d => {
                    let d = &docs[d - 1];
                    url(
                        site.config.permalink(&d.path),
                        Some(d.file.front.issued.to_rfc3339()),
                    )
                }
            }
        }
    };
    (range.start.min(end)..end).map(entry).collect()
}

/// `sitemap.xml` of a site with numbered sitemaps: the sitemap index
/// (sitemaps.org) pointing at each, which is all the protocol asks.
pub(super) fn sitemap_index(site: &Site, parts: usize) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        let loc = site.config.permalink(&routes::sitemap_part(n));
        out.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            templates::escape_text(&loc)
        ));
    }
    out.push_str("</sitemapindex>\n");
    out.into_bytes()
}
