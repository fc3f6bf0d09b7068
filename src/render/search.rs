//! The offline search index read by the theme's `search.js`, made so that
//! a query downloads little however large the site grows:
//!
//! - an inverted index of the words of every title, summary, tag, author
//!   and body, and of every pair of adjacent words (`duc_giang`, for
//!   phrases), split into buckets by a hash of the word
//!   (`tim-kiem/tu/<n>.json`): a query fetches only its own words' buckets;
//! - the articles' records (title, address, day, category, a snippet of the
//!   summary) in shards of `SEARCH_SHARD` articles in site order
//!   (`tim-kiem/bai/<n>.json`): a result page fetches only its results'
//!   shards;
//! - `tim-kiem/index.json`: the base path, the bucket count and the
//!   categories, and on a site with documents their list (number, trích
//!   yếu, path, day, type), which the search page's documents script reads.
//!
//! Words are folded the way `search.js` folds a query: accents dropped,
//! đ → d, lower case, split on anything but `a-z0-9` (`Dân vận` → `dan`,
//! `van`). A bucket is `{"word": "T|A"}`: T the articles with the word in
//! their title, A those with it anywhere, as ascending article numbers in
//! the forms of `gaps.rs`.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use serde_json::json;

use super::words::{Key, Words, fold_into, visible_text, word_of};

use crate::pages::{SEARCH_SHARD, search_buckets as bucket_count};
use crate::site::Site;

mod kept;
mod postings;
pub use kept::{Kept, Update};
use postings::{Lists, Postings};

/// Characters of an article's summary its search record keeps.
const SNIPPET: usize = 160;

/// The bucket a folded word lives in: FNV-1a of its bytes (the same
/// function is in `search.js`).
pub fn bucket_of(word: &str, buckets: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % buckets
}

/// `tim-kiem/index.json`: the base path, the number of buckets and of
/// records per shard, the categories (name, path) and the documents.
pub fn index_json(site: &Site) -> Vec<u8> {
    let mut index = json!({
        "base": site.base_path,
        "buckets": bucket_count(site.articles.len()),
        "shard": SEARCH_SHARD,
        "categories": site.categories.iter().map(|c| json!([c.name, crate::routes::category(&c.slug)])).collect::<Vec<_>>(),
    });
    if !site.documents.list.is_empty() {
        // Found by the search page's own script (`partials/documents-search.html`)
        // by number as typed or by words of the trích yếu.
        index["documents"] = site
            .documents
            .list
            .iter()
            .map(|d| {
                let f = &d.file.front;
                json!([
                    f.number,
                    f.title,
                    d.path,
                    crate::date::display_day(&f.issued),
                    f.kind
                ])
            })
            .collect();
    }
    serde_json::to_vec(&index).unwrap_or_default()
}

/// The articles shard `n` holds (site order, newest first).
pub fn shard_articles(site: &Site, n: usize) -> std::ops::Range<usize> {
    let start = (n * SEARCH_SHARD).min(site.articles.len());
    start..(start + SEARCH_SHARD).min(site.articles.len())
}

/// `tim-kiem/bai/<n>.json`: per article of shard `n`, its title, path
/// under the base, day, category number and the start of its summary. The
/// path is `""` when it is `<category>/<title folded, words joined by ->/`,
/// which `search.js` makes again, and a number n when the slug is the
/// first n bytes of that (slugs cut short).
pub fn records_json(site: &Site, n: usize) -> Vec<u8> {
    let mut scratch = String::new();
    let records: Vec<_> = shard_articles(site, n)
        .map(|i| {
            let a = &site.articles[i];
            scratch.clear();
            fold_into(&a.file.front.title, &mut scratch);
            let slug: Vec<&str> = scratch
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let slug = slug.join("-");
            let own = a
                .path
                .strip_prefix(&crate::routes::category(&site.categories[a.category].slug))
                .and_then(|p| p.strip_suffix('/'))
                .filter(|own| !own.is_empty() && slug.starts_with(own));
            let path = match own {
                Some(own) if own.len() == slug.len() => json!(""),
                Some(own) => json!(own.len()),
                None => json!(a.path),
            };
            json!([
                a.file.front.title,
                path,
                crate::date::display_day(&a.file.front.date),
                a.category,
                crate::text::truncate_words(&a.summary, SNIPPET)
            ])
        })
        .collect();
    serde_json::to_vec(&records).unwrap_or_default()
}

/// Word maps hashed with FxHash: they are hit once per word of every
/// article, and SipHash's resistance to flooding buys nothing here.
pub(super) type Map<K, V> = rustc_hash::FxHashMap<K, V>;

/// The threads the word index is made on when nothing else runs: one per
/// core, at most 8.
pub fn all_cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .clamp(1, 8)
}

/// `buckets_json` of a site whose article bodies are in memory, made on
/// `threads` threads (`build` chooses how many: see there).
pub fn buckets_from_memory(site: &Site, threads: usize) -> Result<Vec<Vec<u8>>, String> {
    #[cfg(feature = "bench-probes")]
    if std::env::var_os("BANTIN_PROBE_EMPTY_INDEX").is_some() {
        // What the index costs a build (scripts/bench_index.py): every
        // bucket file is then `{}`.
        return Ok(Vec::new());
    }
    buckets_on(
        site,
        &|i| Ok(Cow::Borrowed(&*site.articles[i].file.body)),
        threads,
    )
}

/// Every bucket file's bytes, made on every core. `body` gives an
/// article's Markdown.
pub fn buckets_json<'s>(
    site: &'s Site,
    body: &(dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync),
) -> Result<Vec<Vec<u8>>, String> {
    buckets_on(site, body, all_cores())
}

/// `buckets_json` on `threads` threads. They are plain threads, not rayon:
/// `build` runs this beside the rayon pool rendering the pages, and `watch`
/// inside a page that pool renders, which must not wait on its own pool.
fn buckets_on<'s>(
    site: &'s Site,
    body: &(dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync),
    threads: usize,
) -> Result<Vec<Vec<u8>>, String> {
    let n = site.articles.len();
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let parts: Vec<Result<Postings, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || postings(site, start..(start + chunk).min(n), body)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(crate::t!("render-search-index-failed")))
            })
            .collect()
    });
    // Chunks are in article order, so appending keeps every list sorted.
    let mut words: Map<Key, Lists> = Map::default();
    let mut pairs: Map<(Key, Key), Lists> = Map::default();
    for part in parts {
        let (w, p) = part?.into_lists();
        merge(&mut words, w);
        merge(&mut pairs, p);
    }
    let count = bucket_count(n);
    let mut buckets: Vec<Vec<(String, Lists)>> = vec![Vec::new(); count];
    for (key, lists) in words {
        let w = word_of(key);
        buckets[bucket_of(&w, count)].push((w, lists));
    }
    for ((a, b), lists) in pairs {
        let w = format!("{}_{}", word_of(a), word_of(b));
        buckets[bucket_of(&w, count)].push((w, lists));
    }
    Ok(buckets.into_iter().map(bucket_bytes).collect())
}

/// Move one thread's lists into the whole index's.
fn merge<K: std::hash::Hash + Eq>(all: &mut Map<K, Lists>, part: Vec<(K, Lists)>) {
    for (w, (t, a)) in part {
        match all.entry(w) {
            // Moved, not copied: the index is not held twice.
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert((t, a));
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let e = o.get_mut();
                e.0.append(t);
                e.1.append(a);
            }
        }
    }
}

/// A bucket file: its words in byte order, each with its two lists.
fn bucket_bytes(mut words: Vec<(String, Lists)>) -> Vec<u8> {
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::with_capacity(16 * 1024);
    out.push(b'{');
    for (i, (w, (t, a))) in words.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Words are `a-z0-9_` only, lists base-64 digits: no JSON escaping.
        out.push(b'"');
        out.extend_from_slice(w.as_bytes());
        out.extend_from_slice(b"\":\"");
        t.write(&mut out);
        out.push(b'|');
        a.write(&mut out);
        out.push(b'"');
    }
    out.push(b'}');
    out.shrink_to_fit();
    out
}

fn postings<'s>(
    site: &'s Site,
    range: std::ops::Range<usize>,
    body: &(dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync),
) -> Result<Postings, String> {
    let mut p = Postings::default();
    let mut words = Words::default();
    for i in range {
        let text = body(i)?;
        p.article(&mut words, &Texts::of(&site.articles[i], &text), i as u32);
    }
    Ok(p)
}

/// A hash of everything the word index reads (see `postings`): how many
/// articles there are and, in order, what [`Texts::of`] takes of each, the
/// body by its `body_print`. `None` when a body has none (not in memory).
/// Equal prints, equal buckets. On the calling thread: `watch` asks for it
/// inside a page the rayon pool renders (see `buckets_on`).
pub fn words_print(site: &Site, body_print: &dyn Fn(usize) -> Option<u64>) -> Option<u64> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    site.articles.len().hash(&mut h);
    for (i, a) in site.articles.iter().enumerate() {
        let t = Texts::of(a, "");
        (t.title, t.summary, t.tags, t.author, body_print(i)?).hash(&mut h);
    }
    Some(h.finish())
}

/// The fingerprint of the bucket page `file` of an index whose
/// [`words_print`] is `words` (its bytes follow from nothing else).
pub fn words_page_print(file: &str, words: u64) -> u64 {
    crate::stamp::hash_of(&("search words", file, words))
}

/// What the index reads of an article.
pub(super) struct Texts<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub tags: &'a [String],
    pub author: Option<&'a str>,
    /// The Markdown body.
    pub body: &'a str,
}

impl<'a> Texts<'a> {
    pub(super) fn of(a: &'a crate::site::Article, body: &'a str) -> Texts<'a> {
        let f = &a.file.front;
        Texts {
            title: &f.title,
            summary: &a.summary,
            tags: &f.tags,
            author: f.author.as_deref(),
            body,
        }
    }
}

impl Postings {
    /// Note the words and pairs of article `id`.
    fn article(&mut self, words: &mut Words, a: &Texts<'_>, id: u32) {
        self.text(words, a.title, id, true, &mut None);
        self.text(words, a.summary, id, false, &mut None);
        for t in a.tags {
            self.text(words, t, id, false, &mut None);
        }
        if let Some(author) = a.author {
            self.text(words, author, id, false, &mut None);
        }
        // Words next to each other across a link's text are next to each
        // other on the page.
        let mut prev = None;
        visible_text(a.body, &mut |t| self.text(words, t, id, false, &mut prev));
    }
}

/// The words and pairs (`duc_giang`) of one article as bucket entries,
/// each with whether it is in the title.
pub(super) fn article_words(a: &Texts<'_>) -> Map<String, bool> {
    let mut p = Postings::default();
    p.article(&mut Words::default(), a, 0);
    let (words, pairs) = p.into_lists();
    let mut out = Map::default();
    for (key, (title, _)) in words {
        out.insert(word_of(key), !title.is_empty());
    }
    for ((a, b), (title, _)) in pairs {
        out.insert(format!("{}_{}", word_of(a), word_of(b)), !title.is_empty());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_stable_and_bounded() {
        assert_eq!(bucket_count(0), 1);
        assert_eq!(bucket_count(16), 1);
        assert_eq!(bucket_count(10_000), 256);
        assert_eq!(bucket_count(100_000), 4096);
        assert_eq!(bucket_count(1_000_000), 4096);
        // The same value search.js computes for "dan" with 256 buckets.
        assert_eq!(bucket_of("dan", 256), 0xed4f_3028_u32 as usize % 256);
    }
}
