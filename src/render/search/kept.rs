//! The search word index kept by `bantin watch` between rebuilds, so that
//! an edit costs the words it changed instead of every article's: the
//! buckets' bytes as last published and each article's texts. A rebuild
//! compares each article's texts with the kept ones; for those that
//! differ it takes the old words and pairs out of their buckets and puts
//! the new ones in, re-encoding only those buckets. Articles are compared
//! by number, so an article added, removed or re-dated changes the
//! articles numbered between its old and new place; when those are many
//! (a new article is the newest: every number shifts), or the bucket
//! count changed, the index is made again whole. Either way the bytes are
//! those a clean build writes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::super::gaps::{Gaps, parse};
use super::{Texts, article_words, bucket_of, buckets_json};
use crate::pages::search_buckets as bucket_count;
use crate::site::Site;

/// An article's Markdown body by its number in site order.
pub type Body<'s, 'f> = dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync + 'f;

/// The index as last published.
#[derive(Default)]
pub struct Kept {
    buckets: Vec<Vec<u8>>,
    articles: Vec<Held>,
}

/// What the index read of one article.
#[derive(Clone)]
struct Held {
    title: String,
    summary: String,
    tags: Vec<String>,
    author: Option<String>,
    body: Arc<str>,
}

impl Held {
    fn of(a: &crate::site::Article, body: &str) -> Held {
        let f = &a.file.front;
        // The body is normally the article's own (shared, not copied).
        let body = match *a.file.body == *body {
            true => a.file.body.clone(),
            false => Arc::from(body),
        };
        Held {
            title: f.title.clone(),
            summary: a.summary.clone(),
            tags: f.tags.clone(),
            author: f.author.clone(),
            body,
        }
    }

    fn texts(&self) -> Texts<'_> {
        Texts {
            title: &self.title,
            summary: &self.summary,
            tags: &self.tags,
            author: self.author.as_deref(),
            body: &self.body,
        }
    }

    /// Whether the index reads the same from `t` as from this.
    fn reads_as(&self, t: &Texts<'_>) -> bool {
        let body = std::ptr::eq(self.body.as_ptr(), t.body.as_ptr()) || *self.body == *t.body;
        body && self.title == t.title
            && self.summary == t.summary
            && self.tags == t.tags
            && self.author.as_deref() == t.author
    }
}

/// The next state of a [`Kept`] index, made without changing it (a failed
/// rebuild publishes nothing): the buckets whose bytes changed and the
/// articles whose texts did.
pub struct Update {
    count: usize,
    /// (bucket number, its new bytes), ascending.
    pub changed: Vec<(usize, Vec<u8>)>,
    articles: Articles,
    /// Whether the index was made again whole.
    pub whole: bool,
}

enum Articles {
    /// How many there are now, and those that changed (by number,
    /// ascending; past the old count when added).
    Some(usize, Vec<(usize, Held)>),
    All(Vec<Held>),
}

/// A change to one word's lists: article, in it before (title?), after.
type Edit = (u32, Option<bool>, Option<bool>);

impl Kept {
    /// What the index becomes for `site`. Articles are compared by
    /// number: one added, removed or re-dated shifts the numbers of those
    /// between its old and new place, each then taken out and put in
    /// again; when that is many, the index is made whole.
    pub fn update<'s>(&self, site: &'s Site, body: &Body<'s, '_>) -> Result<Update, String> {
        let n = site.articles.len();
        let count = bucket_count(n);
        if self.buckets.len() != count {
            return self.whole(site, body);
        }
        let mut differ = Vec::new();
        for i in 0..n.max(self.articles.len()) {
            let text = match site.articles.get(i) {
                Some(_) => Some(body(i)?),
                None => None,
            };
            let same = match (self.articles.get(i), &text) {
                (Some(held), Some(text)) => held.reads_as(&Texts::of(&site.articles[i], text)),
                _ => false,
            };
            if !same {
                differ.push((i, text));
            }
            if differ.len() > n / 16 + 16 {
                return self.whole(site, body);
            }
        }
        let mut edits: BTreeMap<usize, BTreeMap<String, Vec<Edit>>> = BTreeMap::new();
        let mut articles = Vec::new();
        for (i, text) in differ {
            let before = self.articles.get(i).map(|h| article_words(&h.texts()));
            let new = text.as_ref().map(|t| Texts::of(&site.articles[i], t));
            let after = new.as_ref().map(article_words);
            let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
            let words = before
                .keys()
                .chain(after.keys().filter(|w| !before.contains_key(*w)));
            for w in words {
                let (was, is) = (before.get(w).copied(), after.get(w).copied());
                if was != is {
                    let bucket = edits.entry(bucket_of(w, count)).or_default();
                    bucket
                        .entry(w.clone())
                        .or_default()
                        .push((i as u32, was, is));
                }
            }
            if let Some(text) = text {
                articles.push((i, Held::of(&site.articles[i], &text)));
            }
        }
        let mut changed = Vec::new();
        for (b, words) in edits {
            let bytes = edit_bucket(&self.buckets[b], &words)
                .ok_or_else(|| crate::t!("render-search-index-failed"))?;
            if bytes != self.buckets[b] {
                changed.push((b, bytes));
            }
        }
        Ok(Update {
            count,
            changed,
            articles: Articles::Some(n, articles),
            whole: false,
        })
    }

    /// The index made again from every article.
    fn whole<'s>(&self, site: &'s Site, body: &Body<'s, '_>) -> Result<Update, String> {
        let buckets = buckets_json(site, body)?;
        let articles = (0..site.articles.len())
            .map(|i| body(i).map(|t| Held::of(&site.articles[i], &t)))
            .collect::<Result<Vec<_>, String>>()?;
        let changed = buckets
            .into_iter()
            .enumerate()
            .filter(|(b, bytes)| self.buckets.get(*b) != Some(bytes))
            .collect();
        Ok(Update {
            count: bucket_count(site.articles.len()),
            changed,
            articles: Articles::All(articles),
            whole: true,
        })
    }

    /// The index once `u` is published.
    pub fn apply(&mut self, u: Update) {
        self.buckets.resize(u.count, Vec::new());
        for (b, bytes) in u.changed {
            self.buckets[b] = bytes;
        }
        match u.articles {
            Articles::All(all) => self.articles = all,
            Articles::Some(n, some) => {
                self.articles.truncate(n);
                for (i, held) in some {
                    match self.articles.get_mut(i) {
                        Some(h) => *h = held,
                        None => self.articles.push(held),
                    }
                }
            }
        }
    }
}

/// A bucket's word and its lists' text, as read or as edited.
type Entry<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>);

/// `bucket` (as `bucket_bytes` wrote it) with `edits` made to its words'
/// lists; `None` when the bytes are not such a bucket.
fn edit_bucket(bucket: &[u8], edits: &BTreeMap<String, Vec<Edit>>) -> Option<Vec<u8>> {
    let inner = bucket.strip_prefix(b"{")?.strip_suffix(b"}")?;
    // Words are `a-z0-9_`, lists base-64 digits, `~` and `|`: no commas.
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for e in inner.split(|b| *b == b',').filter(|e| !e.is_empty()) {
        let e = e.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
        let at = e.windows(3).position(|w| w == b"\":\"")?;
        entries.push((Cow::Borrowed(&e[..at]), Cow::Borrowed(&e[at + 3..])));
    }
    for (word, list) in edits {
        let at = entries.binary_search_by(|(w, _)| (**w).cmp(word.as_bytes()));
        let (mut title, mut any) = match at {
            Ok(i) => {
                let lists = &entries[i].1;
                let bar = lists.iter().position(|b| *b == b'|')?;
                (parse(&lists[..bar])?, parse(&lists[bar + 1..])?)
            }
            Err(_) => (Vec::new(), Vec::new()),
        };
        for &(id, was, is) in list {
            set(&mut title, id, is == Some(true), was == Some(true));
            set(&mut any, id, is.is_some(), was.is_some());
        }
        match (at, any.is_empty()) {
            (Ok(i), true) => {
                entries.remove(i);
            }
            (Err(_), true) => {}
            (Ok(i), false) => entries[i].1 = Cow::Owned(lists_text(&title, &any)),
            (Err(i), false) => entries.insert(
                i,
                (
                    Cow::Owned(word.as_bytes().to_vec()),
                    Cow::Owned(lists_text(&title, &any)),
                ),
            ),
        }
    }
    let mut out = Vec::with_capacity(bucket.len() + 256);
    out.push(b'{');
    for (i, (w, l)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(w);
        out.extend_from_slice(b"\":\"");
        out.extend_from_slice(l);
        out.push(b'"');
    }
    out.push(b'}');
    Some(out)
}

/// Put `id` in the ascending `list` or take it out (when it was in).
fn set(list: &mut Vec<u32>, id: u32, now: bool, was: bool) {
    match (list.binary_search(&id), now) {
        (Err(i), true) => list.insert(i, id),
        (Ok(i), false) if was => {
            list.remove(i);
        }
        _ => {}
    }
}

/// `T|A` as a bucket writes a word's two lists.
fn lists_text(title: &[u32], any: &[u32]) -> Vec<u8> {
    let gaps = |ns: &[u32]| {
        let mut g = Gaps::default();
        ns.iter().for_each(|n| g.push(*n));
        g
    };
    let mut out = Vec::new();
    gaps(title).write(&mut out);
    out.push(b'|');
    gaps(any).write(&mut out);
    out
}

/// Byte-identity of the edited index with one made whole is checked by
/// `tests/watch_search.rs` through the real binary's library; here, the
/// bucket editing itself.
#[cfg(test)]
mod tests {
    use super::*;

    fn edits(list: &[(&str, Edit)]) -> BTreeMap<String, Vec<Edit>> {
        let mut out: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
        for (w, e) in list {
            out.entry(w.to_string()).or_default().push(*e);
        }
        out
    }

    #[test]
    fn words_come_and_go_in_byte_order() {
        let bucket = br#"{"dan":"A|AB","van":"|C"}"#;
        let got = edit_bucket(
            bucket,
            &edits(&[
                ("dan", (1, Some(false), None)),
                ("duc", (4, None, Some(true))),
                ("van", (2, Some(false), None)),
                ("a", (0, None, Some(false))),
            ]),
        )
        .unwrap();
        assert_eq!(got, br#"{"a":"|A","dan":"A|A","duc":"E|E"}"#);
        assert_eq!(edit_bucket(b"{}", &BTreeMap::new()).unwrap(), b"{}");
        assert_eq!(edit_bucket(b"nonsense", &BTreeMap::new()), None);
    }
}
