//! The word index of a run of articles, as one thread makes it: every word
//! and every pair of adjacent words (`duc_giang`) with the articles that
//! have it in their title and anywhere.
//!
//! A word is met several times in each article it is in, and in many
//! articles, so the hot path touches no list: the word's key is looked up
//! in a small table (most keys fit a `u64`) for its number, and the article
//! is marked in a bit of a word per number; the lists are appended to once
//! per 64 articles. A pair is keyed by its two word numbers, one `u64`, in
//! a table of the same kind. Keys are turned back into words only when the
//! threads' indexes are merged.

use super::Map;
use crate::render::gaps::Gaps;
use crate::render::words::{Key, Words, is_number};

/// A word's articles: those with it in their title, those with it anywhere.
pub(super) type Lists = (Gaps, Gaps);

/// Pairs of adjacent words with their lists.
pub(super) type PairLists = Vec<((Key, Key), Lists)>;

/// Marks, in a word's number as its table holds it, a word of digits only.
const NUMBER: u32 = 1 << 31;

/// The lists of entries numbered from 0.
///
/// An article is noted in an entry's list of articles with it anywhere
/// through a bit: the articles of one block of 64 are marked in a word per
/// entry (a small array, hot in the cache), and the lists are appended to
/// once per block, when the next block starts. A repeat costs one `or`, and
/// a list is touched once for several of its articles instead of once per
/// article (which was most of the index's time: a list's end is rarely in
/// the cache).
#[derive(Default)]
struct Noted {
    /// Per entry: the articles with it anywhere, up to the current block.
    any: Vec<Gaps>,
    /// Per entry: the articles with it in their title.
    titles: Vec<Gaps>,
    /// Per entry: bit k set when article `block * 64 + k` has it.
    marks: Vec<u64>,
    /// The entries with a mark in the current block.
    marked: Vec<u32>,
    /// The current block: articles `block * 64` to `block * 64 + 63`.
    block: u32,
}

impl Noted {
    /// Make room for the next entry.
    fn add(&mut self) {
        self.any.push(Gaps::default());
        self.titles.push(Gaps::default());
        self.marks.push(0);
    }

    /// Note that article `article` has entry `id`, in its title when
    /// `in_title`. Articles come in ascending order, so each list gets each
    /// article once, in order.
    #[inline(always)]
    fn note(&mut self, id: u32, article: u32, in_title: bool) {
        if article / 64 != self.block {
            self.flush();
            self.block = article / 64;
        }
        let i = id as usize;
        let mark = &mut self.marks[i];
        if *mark == 0 {
            self.marked.push(id);
        }
        *mark |= 1 << (article % 64);
        if in_title {
            let title = &mut self.titles[i];
            if title.last() != Some(article) {
                title.push(article);
            }
        }
    }

    /// Append the current block's marks to the lists (once per 64
    /// articles: kept out of `note`, so that `note` is inlined).
    #[inline(never)]
    fn flush(&mut self) {
        let base = self.block * 64;
        for id in self.marked.drain(..) {
            let i = id as usize;
            self.any[i].push_marks(base, std::mem::take(&mut self.marks[i]));
        }
    }

    /// The lists, every mark appended: (titles, anywhere) per entry.
    fn into_lists(mut self) -> impl Iterator<Item = Lists> {
        self.flush();
        self.titles.into_iter().zip(self.any)
    }
}

/// The words and pairs of adjacent words seen by one thread.
#[derive(Default)]
pub(super) struct Postings {
    /// Words whose key fits a `u64` (all of at most 12 letters), by it.
    short: Ids,
    /// The other words, by key: their number (with `NUMBER`), numbered
    /// with `short`.
    long: Map<Key, u32>,
    /// Per word: its key.
    keys: Vec<Key>,
    words: Noted,
    /// Pairs by their word numbers, `first << 32 | second`.
    pair_ids: Ids,
    pair_keys: Vec<u64>,
    pairs: Noted,
}

impl Postings {
    /// Note word `key` in article `article`: its number, and whether it is
    /// digits only.
    #[inline]
    fn word(&mut self, key: Key, article: u32, in_title: bool) -> (u32, bool) {
        // A new word's number, marked when it is digits only.
        let next = self.keys.len() as u32;
        let numbered = || next | if is_number(key) { NUMBER } else { 0 };
        let (slot, new) = match u64::try_from(key) {
            // `u64::MAX` marks an empty slot of `short`: the one word with
            // that key (`b2yg2214il10k`) is kept with the long words.
            Ok(short) if short != u64::MAX => self.short.slot(short, numbered),
            _ => {
                let mut new = false;
                let slot = self.long.entry(key).or_insert_with(|| {
                    new = true;
                    numbered()
                });
                (slot, new)
            }
        };
        let (id, number) = (*slot & !NUMBER, *slot & NUMBER != 0);
        if new {
            self.keys.push(key);
            self.words.add();
        }
        self.words.note(id, article, in_title);
        (id, number)
    }

    /// Note the pair of words `first`, `second` in article `article`.
    #[inline]
    fn pair(&mut self, first: u32, second: u32, article: u32, in_title: bool) {
        let key = (u64::from(first) << 32) | u64::from(second);
        let next = self.pair_keys.len() as u32;
        let (slot, new) = self.pair_ids.slot(key, || next);
        if new {
            self.pair_keys.push(key);
            self.pairs.add();
        }
        self.pairs.note(*slot, article, in_title);
    }

    /// Note every word of one piece of article `article`, and every pair of
    /// words next to each other in it when both have a letter: pairs with
    /// a number ("số 12", "30 6") are most of the distinct pairs of a site
    /// and would double the index for little. `prev` is the word before
    /// the piece, when it runs on from one.
    pub(super) fn text(
        &mut self,
        words: &mut Words,
        text: &str,
        article: u32,
        in_title: bool,
        prev: &mut Option<u32>,
    ) {
        words.scan(text, &mut |k| {
            let (id, number) = self.word(k, article, in_title);
            let id = (!number).then_some(id);
            if let (Some(p), Some(id)) = (std::mem::replace(prev, id), id) {
                self.pair(p, id, article, in_title);
            }
        });
    }

    /// Every word with its lists, and every pair.
    pub(super) fn into_lists(self) -> (Vec<(Key, Lists)>, PairLists) {
        let keys = self.keys;
        let pairs = self
            .pair_keys
            .into_iter()
            .zip(self.pairs.into_lists())
            .map(|(ids, lists)| {
                let (a, b) = ((ids >> 32) as usize, (ids & 0xFFFF_FFFF) as usize);
                ((keys[a], keys[b]), lists)
            })
            .collect();
        (
            keys.into_iter().zip(self.words.into_lists()).collect(),
            pairs,
        )
    }
}

/// Numbers for `u64` keys, in one flat table with linear probing: a key
/// and its number share a 16-byte slot, so a lookup reads one cache line
/// where a general map and a separate array read two.
/// `u64::MAX` marks an empty slot, so it is never given as a key: the one
/// word whose key it is goes to the long words' map, and a pair's key is
/// two word numbers, never both 2^32 - 1.
struct Ids {
    /// (key, number).
    slots: Vec<(u64, u32)>,
    len: usize,
}

const EMPTY: (u64, u32) = (u64::MAX, 0);

impl Default for Ids {
    fn default() -> Self {
        Ids {
            slots: vec![EMPTY; 1024],
            len: 0,
        }
    }
}

impl Ids {
    /// The number of `key`, and whether it is new; a new key gets the
    /// number `next()`.
    #[inline]
    fn slot(&mut self, key: u64, next: impl FnOnce() -> u32) -> (&mut u32, bool) {
        let mut i = self.find(key);
        let new = self.slots[i].0 != key;
        if new {
            if (self.len + 1) * 2 > self.slots.len() {
                self.grow();
                i = self.find(key);
            }
            self.slots[i] = (key, next());
            self.len += 1;
        }
        (&mut self.slots[i].1, new)
    }

    /// Where `key` is, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            let k = self.slots[i].0;
            if k == key || k == u64::MAX {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        for slot in old {
            if slot.0 != u64::MAX {
                let i = self.find(slot.0);
                self.slots[i] = slot;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::words::word_of;

    /// The list of articles `ns`.
    fn list(ns: &[u32]) -> Gaps {
        let mut g = Gaps::default();
        ns.iter().for_each(|n| g.push(*n));
        g
    }

    #[test]
    fn slots_keep_their_number_through_growth() {
        let mut ids = Ids::default();
        // Keys that share low bits and keys spread out, past several growths.
        let keys: Vec<u64> = (0..5_000u64)
            .map(|k| if k % 2 == 0 { k << 40 } else { k * 0x9E37 })
            .collect();
        for (n, &k) in keys.iter().enumerate() {
            let (slot, new) = ids.slot(k, || n as u32);
            assert!(new, "new key {k}");
            assert_eq!(*slot, n as u32);
            assert_eq!(*ids.slot(k, || u32::MAX).0, n as u32, "new key {k}");
        }
        for (n, &k) in keys.iter().enumerate() {
            let (slot, new) = ids.slot(k, || u32::MAX);
            assert!(!new, "known key {k}");
            assert_eq!(*slot, n as u32, "known key {k}");
        }
        assert_eq!(ids.len, keys.len());
        assert!(ids.slots.len() >= 2 * keys.len());
    }

    #[test]
    fn a_thread_index_lists_each_article_once_per_word_and_pair() {
        let mut p = Postings::default();
        let mut words = Words::default();
        p.text(&mut words, "Đức Giang", 0, true, &mut None);
        p.text(&mut words, "đức giang đức giang số 12", 0, false, &mut None);
        p.text(&mut words, "Giang", 3, false, &mut None);
        let (w, pairs) = p.into_lists();
        let find = |word: &str| {
            w.iter()
                .find(|(k, _)| word_of(*k) == word)
                .map(|(_, (t, a))| (t.clone(), a.clone()))
                .unwrap()
        };
        assert_eq!(find("duc"), (list(&[0]), list(&[0])));
        assert_eq!(find("giang"), (list(&[0]), list(&[0, 3])));
        assert_eq!(find("12"), (list(&[]), list(&[0])));
        // Pairs with a number are not kept; "giang duc" is.
        let named: Vec<String> = pairs
            .iter()
            .map(|((a, b), _)| format!("{}_{}", word_of(*a), word_of(*b)))
            .collect();
        assert_eq!(named, ["duc_giang", "giang_duc", "giang_so"]);
    }

    #[test]
    fn lists_are_whole_across_blocks_of_articles() {
        // A thread's run starts anywhere; articles skip blocks, fill one,
        // and end inside one.
        let articles: Vec<u32> = [5000, 5001, 5055, 5056, 5119, 5120, 5183, 6400]
            .into_iter()
            .chain(6401..6530)
            .collect();
        let mut p = Postings::default();
        let mut words = Words::default();
        let mut expected: Map<String, (Vec<u32>, Vec<u32>)> = Map::default();
        for (n, &a) in articles.iter().enumerate() {
            let title = ["Đức Giang", "Giang", "Phường"][n % 3];
            let body = ["dân vận giang", "Dân vận", "đức"][n % 5 % 3];
            p.text(&mut words, title, a, true, &mut None);
            p.text(&mut words, body, a, false, &mut None);
            p.text(&mut words, body, a, false, &mut None);
            for (text, in_title) in [(title, true), (body, false)] {
                let mut folded = String::new();
                crate::render::words::fold_into(text, &mut folded);
                for w in folded.split(' ') {
                    let e = expected.entry(w.to_string()).or_default();
                    if in_title && e.0.last() != Some(&a) {
                        e.0.push(a);
                    }
                    if e.1.last() != Some(&a) {
                        e.1.push(a);
                    }
                }
            }
        }
        let (w, _) = p.into_lists();
        assert_eq!(w.len(), expected.len());
        for (k, (t, any)) in w {
            let word = word_of(k);
            let (et, ea) = &expected[&word];
            assert_eq!((t, any), (list(et), list(ea)), "{word}");
        }
    }

    #[test]
    fn the_word_whose_key_marks_an_empty_slot_is_indexed() {
        // Its base-37 key is exactly u64::MAX, the empty slot's mark.
        let mut got = Vec::new();
        Words::default().scan("b2yg2214il10k", &mut |k| got.push(k));
        assert_eq!(got, [u128::from(u64::MAX)]);
        let mut p = Postings::default();
        let mut words = Words::default();
        p.text(&mut words, "dan b2yg2214il10k", 0, false, &mut None);
        p.text(&mut words, "b2yg2214il10k", 2, false, &mut None);
        let (w, _) = p.into_lists();
        let lists: Vec<(String, Gaps)> = w
            .into_iter()
            .map(|(k, (_, any))| (word_of(k), any))
            .collect();
        assert_eq!(
            lists,
            [
                ("dan".to_string(), list(&[0])),
                ("b2yg2214il10k".to_string(), list(&[0, 2]))
            ]
        );
    }
}
