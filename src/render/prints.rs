//! Page fingerprints: a hash of everything `Renderer::render` would put
//! into a page (equal fingerprints, byte-identical pages), which `watch`
//! compares between builds and `build` looks up in the page memo (see
//! `write::memo`), and what a page kept by the memo still owes the build.

use std::hash::{Hash, Hasher};
use std::sync::atomic::Ordering;

use super::sink::{HashSink, Sink};
use super::{Renderer, search, sitemap_index};
use crate::pages::{Kind, Page};

impl Renderer<'_> {
    /// A hash of everything `render` would put into the page: equal
    /// fingerprints mean byte-identical pages (the templates are included).
    pub fn fingerprint(&self, page: &Page) -> u64 {
        self.print(page, HashSink::new(false)).0
    }

    /// `fingerprint`, and the articles whose cards the page shows: it
    /// changes when one of them does (not counting the word buckets).
    pub fn fingerprint_showing(&self, page: &Page) -> (u64, Vec<u32>) {
        let (print, shown, _) = self.print(page, HashSink::new(true));
        (print, shown.unwrap_or_default())
    }

    /// The page's fingerprint for the page memo (see `write::memo`), with
    /// bodies rendered with their pages: `None` when something the page
    /// shows cannot be hashed (a body not in memory). Whether a rendered
    /// page may be kept next time is [`Renderer::keepable`].
    pub fn memo_print(&self, page: &Page) -> Option<u64> {
        let (print, _, known) = self.print(page, HashSink::new(false));
        known.then_some(print)
    }

    /// Whether a page rendered by this renderer may be kept by its
    /// fingerprint next time: not an article page whose body has a
    /// relative link that leads nowhere (its warning is said every build).
    pub fn keepable(&self, page: &Page) -> bool {
        match page.kind {
            Kind::Article(i) => !self.always_render[i].load(Ordering::Relaxed),
            _ => true,
        }
    }

    /// A page kept from the last build instead of rendered: what rendering
    /// it would have noted besides its body's links (an article's cover).
    pub fn kept(&self, page: &Page) {
        if let Kind::Article(i) = page.kind {
            self.bodies.note_kept(&self.site.articles[i]);
        }
    }

    fn print(&self, page: &Page, mut h: HashSink) -> (u64, Option<Vec<u32>>, bool) {
        if let Kind::SearchWords(_) = page.kind {
            // Any article's words may be in any bucket: everything the
            // index reads, hashed once for all buckets. A bucket's bytes
            // follow from nothing else (`build` keeps buckets by the same
            // print before there is a renderer).
            let words = *self
                .words_digest
                .get_or_init(|| search::words_print(self.site, &|i| self.bodies.body_print(i)));
            let print = words.map(|w| search::words_page_print(&page.file, w));
            return (print.unwrap_or_default(), h.1, print.is_some());
        }
        self.base_hash.hash(&mut h.0);
        page.file.hash(&mut h.0);
        if let Kind::SearchRecords(n) = page.kind {
            // Its articles' cards (title, path, day, category, summary).
            let shard = search::shard_articles(self.site, n);
            self.card_hashes[shard.clone()].hash(&mut h.0);
            h.shows(&shard.collect::<Vec<_>>());
        } else if page.kind == Kind::SearchIndex {
            // The documents the index lists (none on most sites).
            for d in &self.site.documents.list {
                let f = &d.file.front;
                (&f.number, &f.title, &d.path, f.issued, &f.kind).hash(&mut h.0);
            }
        } else if let Kind::SitemapIndex(parts) = page.kind {
            sitemap_index(self.site, parts).hash(&mut h.0);
        } else {
            self.fill(&mut h, page);
        }
        (h.0.finish(), h.1, h.2)
    }
}
