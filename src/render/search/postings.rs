//! The word index of a run of articles, as one thread makes it: every word
//! and every pair of adjacent words (`duc_giang`) with the articles that
//! have it in their title and anywhere.
//!
//! A word is met several times in each article it is in, so the hot path is
//! the repeat: the word's key is looked up in a small map of `u32` ids
//! (most keys fit a `u64`) and the id's last article checked in a flat
//! array, without touching its lists. A pair is keyed by its two word ids,
//! one `u64`. Keys are turned back into words only when the threads'
//! indexes are merged.

use super::Map;
use crate::render::gaps::Gaps;
use crate::render::words::{Key, Words, is_number};

/// A word's articles: those with it in their title, those with it anywhere.
pub(super) type Lists = (Gaps, Gaps);

/// Pairs of adjacent words with their lists.
pub(super) type PairLists = Vec<((Key, Key), Lists)>;

/// The lists of entries numbered from 0, and the last article that noted
/// each.
#[derive(Default)]
struct Noted {
    /// Per entry: the article that noted it last, plus one (0: none yet).
    seen: Vec<u32>,
    /// Per entry: the articles with it anywhere (apart from `titles`: it
    /// is the list touched on every article).
    any: Vec<Gaps>,
    /// Per entry: the articles with it in their title.
    titles: Vec<Gaps>,
}

impl Noted {
    /// Make room for the next entry.
    fn add(&mut self) {
        self.seen.push(0);
        self.any.push(Gaps::default());
        self.titles.push(Gaps::default());
    }

    /// Note that article `article` has entry `id`, in its title when
    /// `in_title`. Articles come in ascending order, so each list gets each
    /// article once, in order.
    #[inline]
    fn note(&mut self, id: u32, article: u32, in_title: bool) {
        let i = id as usize;
        if self.seen[i] != article + 1 {
            self.seen[i] = article + 1;
            self.any[i].push(article);
        }
        if in_title {
            let title = &mut self.titles[i];
            if title.last() != Some(article) {
                title.push(article);
            }
        }
    }
}

/// The words and pairs of adjacent words seen by one thread.
#[derive(Default)]
pub(super) struct Postings {
    /// Words whose key fits a `u64` (all of at most 12 letters), by it.
    short: Ids,
    /// The other words, by key; numbered with `short`.
    long: Map<Key, u32>,
    /// Per word: its key and whether it is digits only.
    keys: Vec<(Key, bool)>,
    words: Noted,
    /// Pairs by their word numbers, `first << 32 | second`.
    pair_ids: Ids,
    pair_keys: Vec<u64>,
    pairs: Noted,
}

impl Postings {
    /// The number of word `key`, and whether it is digits only.
    #[inline]
    fn word(&mut self, key: Key) -> (u32, bool) {
        let next = self.keys.len() as u32;
        let id = match u64::try_from(key) {
            // `u64::MAX` marks an empty slot of `short`: the one word with
            // that key (`b2yg2214il10k`) is kept with the long words.
            Ok(short) if short != u64::MAX => self.short.id(short, next),
            _ => *self.long.entry(key).or_insert(next),
        };
        if id == next {
            self.keys.push((key, is_number(key)));
            self.words.add();
        }
        (id, self.keys[id as usize].1)
    }

    #[inline]
    fn pair(&mut self, first: u32, second: u32) -> u32 {
        let key = (u64::from(first) << 32) | u64::from(second);
        let next = self.pair_keys.len() as u32;
        let id = self.pair_ids.id(key, next);
        if id == next {
            self.pair_keys.push(key);
            self.pairs.add();
        }
        id
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
            let (id, number) = self.word(k);
            self.words.note(id, article, in_title);
            let id = (!number).then_some(id);
            if let (Some(p), Some(id)) = (std::mem::replace(prev, id), id) {
                let pair = self.pair(p, id);
                self.pairs.note(pair, article, in_title);
            }
        });
    }

    /// Every word with its lists, and every pair.
    pub(super) fn into_lists(self) -> (Vec<(Key, Lists)>, PairLists) {
        let keys: Vec<Key> = self.keys.into_iter().map(|k| k.0).collect();
        let pairs = self
            .pair_keys
            .into_iter()
            .zip(self.pairs.titles.into_iter().zip(self.pairs.any))
            .map(|(ids, lists)| {
                let (a, b) = ((ids >> 32) as usize, (ids & 0xFFFF_FFFF) as usize);
                ((keys[a], keys[b]), lists)
            })
            .collect();
        let words = self.words.titles.into_iter().zip(self.words.any);
        (keys.into_iter().zip(words).collect(), pairs)
    }
}

/// Numbers for `u64` keys, in one flat table with linear probing: a key
/// and its number share a slot, so a lookup reads one cache line where a
/// general map reads two (the index stage is 12 % faster than with
/// `FxHashMap`).
/// `u64::MAX` marks an empty slot, so it is never given as a key: the one
/// word whose key it is goes to the long words' map, and a pair's key is
/// two word numbers, never both 2^32 - 1.
struct Ids {
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl Default for Ids {
    fn default() -> Self {
        Ids {
            slots: vec![(u64::MAX, 0); 1024],
            len: 0,
        }
    }
}

impl Ids {
    /// The number of `key`; if it has none, `next` becomes its number.
    #[inline]
    fn id(&mut self, key: u64, next: u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return v;
            }
            if k == u64::MAX {
                self.slots[i] = (key, next);
                self.len += 1;
                if self.len * 2 > self.slots.len() {
                    self.grow();
                }
                return next;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(u64::MAX, 0); size]);
        self.len = 0;
        for (k, v) in old {
            if k != u64::MAX {
                self.id(k, v);
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
    fn ids_keep_the_first_number_given_through_growth() {
        let mut ids = Ids::default();
        // Keys that share low bits and keys spread out, past several growths.
        let keys: Vec<u64> = (0..5_000u64)
            .map(|k| if k % 2 == 0 { k << 40 } else { k * 0x9E37 })
            .collect();
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(ids.id(k, n as u32), n as u32, "new key {k}");
        }
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(ids.id(k, u32::MAX), n as u32, "known key {k}");
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
