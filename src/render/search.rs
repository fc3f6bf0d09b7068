//! The offline search index read by the theme's `search.js`: a small list
//! of the articles (`tim-kiem/index.json`) and an inverted index of the
//! words of every title, summary, tag, author and body, split into buckets
//! (`tim-kiem/tu/<n>.json`) so that a search downloads only the buckets of
//! its own words.
//!
//! Words are folded the way `search.js` folds a query: accents dropped,
//! đ → d, lower case, split on anything but `a-z0-9` (`Dân vận` → `dan`,
//! `van`). A bucket is `{"word": "T|A"}`: T the articles with the word in
//! their title, A those with it anywhere, as ascending article numbers
//! written as base-36 gaps separated by commas (`0,3,1` = 0, 3, 4).

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::json;

use super::gaps::Gaps;

use crate::site::Site;

/// Words longer than this are not indexed (URLs, hashes, runs of digits).
const MAX_WORD: usize = 24;

/// How many bucket files a site of `articles` articles gets: about forty
/// articles' words per bucket, a power of two, at most 1,024.
pub fn bucket_count(articles: usize) -> usize {
    articles.div_ceil(40).next_power_of_two().clamp(1, 1024)
}

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

/// Append `s` folded to `out`: accents and other combining marks dropped,
/// đ/Đ → d, lower case (what `search.js` does with `normalize("NFD")`).
pub fn fold_into(s: &str, out: &mut String) {
    let table = latin_table();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let quick = match c as u32 {
            n @ 0xC0..=0x24F => table[(n - 0xC0) as usize],
            n @ 0x1E00..=0x1EFF => table[(n - 0x1E00 + 0x190) as usize],
            _ => '\0',
        };
        if quick != '\0' {
            out.push(quick);
        } else {
            fold_char(c, out);
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    if c == 'đ' || c == 'Đ' {
        out.push('d');
        return;
    }
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !('\u{300}'..='\u{36f}').contains(&d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The folded form of every Latin letter with accents (U+00C0–U+024F and
/// U+1E00–U+1EFF, where all of Vietnamese is), when it is one character:
/// most of a Vietnamese text's letters, folded without a table search.
fn latin_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0xC0..=0x24F_u32)
            .chain(0x1E00..=0x1EFF)
            .map(|n| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(n) {
                    fold_char(c, &mut s);
                }
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(one), None) => one,
                    _ => '\0',
                }
            })
            .collect()
    })
}

/// Marks a character `latin_digits` cannot fold alone.
const SLOW: u8 = 0xFF;

/// The base-37 digit of each ASCII character (0: not a letter or digit).
const ASCII_DIGITS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = match c as u8 {
            b @ b'a'..=b'z' => b - b'a' + 1,
            b @ b'A'..=b'Z' => b - b'A' + 1,
            b @ b'0'..=b'9' => b - b'0' + 27,
            _ => 0,
        };
        c += 1;
    }
    t
};

/// `latin_table` as base-37 digits: 0 for a letter that folds to a
/// separator, `SLOW` for one that folds to several characters or none.
fn latin_digits() -> &'static [u8] {
    static DIGITS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DIGITS.get_or_init(|| {
        latin_table()
            .iter()
            .map(|&c| match c {
                '\0' => SLOW,
                c if c.is_ascii() => ASCII_DIGITS[c as usize],
                _ => 0,
            })
            .collect()
    })
}

/// `tim-kiem/index.json`: the base path, the number of buckets, the
/// categories (name, path) and, per article in site order (newest first),
/// its title, path under the base, day and category number. The path is
/// `""` when it is `<category>/<title folded, words joined by ->/`, which
/// `search.js` makes again, and a number n when the slug is the first n
/// bytes of that (slugs cut short): a third of the file at 10,000 articles.
pub fn articles_json(site: &Site) -> Vec<u8> {
    let mut scratch = String::new();
    let index = json!({
        "base": site.base_path,
        "buckets": bucket_count(site.articles.len()),
        "categories": site.categories.iter().map(|c| json!([c.name, format!("{}/", c.slug)])).collect::<Vec<_>>(),
        "articles": site.articles.iter().map(|a| {
            scratch.clear();
            fold_into(&a.title, &mut scratch);
            let slug: Vec<&str> = scratch.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
            let slug = slug.join("-");
            let own = a.path.strip_prefix(&format!("{}/", site.categories[a.category].slug))
                .and_then(|p| p.strip_suffix('/'))
                .filter(|own| !own.is_empty() && slug.starts_with(own));
            let path = match own {
                Some(own) if own.len() == slug.len() => json!(""),
                Some(own) => json!(own.len()),
                None => json!(a.path),
            };
            json!([a.title, path, crate::date::display_day(&a.date), a.category])
        }).collect::<Vec<_>>(),
    });
    serde_json::to_vec(&index).unwrap_or_default()
}

/// A folded word of at most `MAX_WORD` characters of `a-z0-9`, packed as
/// base-37 digits 1–36 (37^24 < 2^128): the word maps compare and hash one
/// integer instead of a string, and no word is ever allocated while
/// indexing.
type Key = u128;

/// The word a key stands for.
fn word_of(mut key: Key) -> String {
    let mut rev = Vec::with_capacity(MAX_WORD);
    while key > 0 {
        let d = (key % 37) as u8;
        rev.push(if d <= 26 { b'a' + d - 1 } else { b'0' + d - 27 });
        key /= 37;
    }
    rev.iter().rev().map(|b| char::from(*b)).collect()
}

/// Splits text into folded words as `fold_into` followed by `indexable`
/// would, in one pass: letters are folded as they are read.
#[derive(Default)]
struct Words {
    /// The word's first `SHORT` letters (most words have no more), in a
    /// `u64`; `key` takes over from there.
    short: u64,
    key: Key,
    len: usize,
    scratch: String,
}

/// Letters that fit a `u64` as base-37 digits (37^12 < 2^64).
const SHORT: usize = 12;

impl Words {
    /// Call `emit` with every indexable word of `s`; a word never runs on
    /// from one call into the next. Works on the UTF-8 bytes: ASCII through
    /// a table, the Latin letters with accents (all of Vietnamese) decoded
    /// by hand and folded through a table, anything else the slow way.
    fn scan(&mut self, s: &str, emit: &mut impl FnMut(Key)) {
        let digits = latin_digits();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b0 = bytes[i];
            if b0 < 0x80 {
                self.push_digit(ASCII_DIGITS[usize::from(b0)], emit);
                i += 1;
                continue;
            }
            let cont = |k: usize| u32::from(bytes.get(i + k).map_or(0, |b| b & 0x3F));
            let (n, len) = match b0 {
                0xC0..=0xDF => ((u32::from(b0 & 0x1F) << 6) | cont(1), 2),
                0xE0..=0xEF => ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
                _ => (u32::MAX, 4),
            };
            let quick = match n {
                0xC0..=0x24F => digits[(n - 0xC0) as usize],
                0x1E00..=0x1EFF => digits[(n - 0x1E00 + 0x190) as usize],
                _ => SLOW,
            };
            if quick != SLOW {
                self.push_digit(quick, emit);
            } else if let Some(c) = s[i..].chars().next() {
                // Rare letters: fold the slow way; combining marks fold to
                // nothing, so a word in NFD stays one word.
                let mut folded = std::mem::take(&mut self.scratch);
                folded.clear();
                fold_char(c, &mut folded);
                for f in folded.chars() {
                    self.push(u8::try_from(f).unwrap_or(b' '), emit);
                }
                self.scratch = folded;
            }
            i += len;
        }
        self.end(emit);
    }

    /// A letter's base-37 digit, or 0 for a character that ends a word.
    fn push_digit(&mut self, d: u8, emit: &mut impl FnMut(Key)) {
        if d == 0 {
            self.end(emit);
            return;
        }
        if self.len < SHORT {
            self.short = self.short * 37 + u64::from(d);
        } else if self.len < MAX_WORD {
            if self.len == SHORT {
                self.key = u128::from(self.short);
            }
            self.key = self.key * 37 + u128::from(d);
        }
        self.len += 1;
    }

    fn push(&mut self, c: u8, emit: &mut impl FnMut(Key)) {
        let d = if c < 0x80 {
            ASCII_DIGITS[usize::from(c)]
        } else {
            0
        };
        self.push_digit(d, emit);
    }

    fn end(&mut self, emit: &mut impl FnMut(Key)) {
        match self.len {
            0 => return,
            1..=SHORT => emit(u128::from(self.short)),
            n if n <= MAX_WORD => emit(self.key),
            _ => {}
        }
        self.short = 0;
        self.key = 0;
        self.len = 0;
    }
}

/// A multiplicative hash of a packed word: the word maps are hit once per
/// word of every article, and SipHash's resistance to flooding buys
/// nothing here.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u128(&mut self, n: u128) {
        let folded = (n as u64) ^ ((n >> 64) as u64).rotate_left(29);
        self.0 = (self.0 ^ folded).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

type KeyMap<V> = HashMap<Key, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A word's articles: those with it in their title, those with it anywhere.
type Lists = (Gaps, Gaps);

/// The words seen by one thread, each with its articles.
#[derive(Default)]
struct Postings {
    /// Each word's place in `lists`, and the last article that had it
    /// (anywhere, in its title), so that a word repeated in an article
    /// costs one look-up and touches no list.
    ids: KeyMap<Seen>,
    lists: Vec<Lists>,
}

#[derive(Clone, Copy)]
struct Seen {
    list: u32,
    last: u32,
    last_title: u32,
}

impl Postings {
    /// Note that article `id` has word `key` (in its title when `in_title`).
    /// Articles come in ascending order, so each list gets each article
    /// once, in order.
    fn add(&mut self, key: Key, id: u32, in_title: bool) {
        let next = self.lists.len() as u32;
        let seen = self.ids.entry(key).or_insert(Seen {
            list: next,
            last: u32::MAX,
            last_title: u32::MAX,
        });
        if seen.last == id && (!in_title || seen.last_title == id) {
            return;
        }
        if seen.list == next {
            self.lists.push(Default::default());
        }
        let (t, all) = &mut self.lists[seen.list as usize];
        if in_title && seen.last_title != id {
            t.push(id);
            seen.last_title = id;
        }
        if seen.last != id {
            all.push(id);
            seen.last = id;
        }
    }
}

/// `buckets_json` of a site whose article bodies are in memory.
pub fn buckets_from_memory(site: &Site) -> Result<Vec<Vec<u8>>, String> {
    buckets_json(site, &|i| Ok(Cow::Borrowed(&*site.articles[i].body)))
}

/// Every bucket file's bytes. `body` gives an article's Markdown. The work
/// is split over plain threads, not rayon: `build` runs this beside the
/// rayon pool rendering the pages, and `watch` inside a page that pool
/// renders, which must not wait on its own pool.
pub fn buckets_json<'s>(
    site: &'s Site,
    body: &(dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync),
) -> Result<Vec<Vec<u8>>, String> {
    let n = site.articles.len();
    let threads = std::thread::available_parallelism()
        .map_or(1, |t| t.get())
        .clamp(1, 8);
    let chunk = n.div_ceil(threads).max(1);
    let parts: Vec<Result<Postings, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || postings(site, start..(start + chunk).min(n), body)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("the search index failed".into()))
            })
            .collect()
    });
    // Chunks are in article order, so appending keeps every list sorted.
    let mut all: KeyMap<Lists> = KeyMap::default();
    for part in parts {
        let mut part = part?;
        for (w, seen) in part.ids {
            let (t, a) = std::mem::take(&mut part.lists[seen.list as usize]);
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
    let count = bucket_count(n);
    let mut buckets: Vec<Vec<(String, Lists)>> = vec![Vec::new(); count];
    for (key, lists) in all {
        let w = word_of(key);
        buckets[bucket_of(&w, count)].push((w, lists));
    }
    Ok(buckets
        .into_iter()
        .map(|mut words| {
            words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut out = Vec::with_capacity(64 * 1024);
            out.push(b'{');
            for (i, (w, (t, a))) in words.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                // Words are `a-z0-9` only: no JSON escaping needed.
                out.push(b'"');
                out.extend_from_slice(w.as_bytes());
                out.extend_from_slice(b"\":\"");
                t.write_base36(&mut out);
                out.push(b'|');
                a.write_base36(&mut out);
                out.push(b'"');
            }
            out.push(b'}');
            out.shrink_to_fit();
            out
        })
        .collect())
}

/// The indexable words of folded text, in order (what `Words` yields from
/// the text before folding).
#[cfg(test)]
fn indexable(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= MAX_WORD)
}

fn postings<'s>(
    site: &'s Site,
    range: std::ops::Range<usize>,
    body: &(dyn Fn(usize) -> Result<Cow<'s, str>, String> + Sync),
) -> Result<Postings, String> {
    let mut p = Postings::default();
    let mut words = Words::default();
    for i in range {
        let a = &site.articles[i];
        let id = i as u32;
        words.scan(&a.title, &mut |k| p.add(k, id, true));
        let mut add = |k| p.add(k, id, false);
        words.scan(&a.summary, &mut add);
        for t in &a.tags {
            words.scan(t, &mut add);
        }
        if let Some(author) = &a.author {
            words.scan(author, &mut add);
        }
        let text = body(i)?;
        visible_text(&text, &mut |t| words.scan(t, &mut add));
    }
    Ok(p)
}

/// Call `visit` on the parts of a Markdown body a reader sees, without a
/// full Markdown parse (the index would otherwise cost a second parse of
/// every article): link destinations `](…)` and HTML tags `<…>` are
/// skipped; markup characters are not letters, so words split on them.
fn visible_text(body: &str, visit: &mut dyn FnMut(&str)) {
    let bytes = body.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Jump to the next `]` or `<`: nothing else starts a skip.
        match memchr::memchr2(b']', b'<', &bytes[i..]) {
            Some(next) => i += next,
            None => break,
        }
        let skip_to = match bytes[i] {
            b']' if bytes.get(i + 1) == Some(&b'(') => Some(b')'),
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!') =>
            {
                Some(b'>')
            }
            _ => None,
        };
        if let Some(end) = skip_to {
            visit(&body[start..i]);
            let close = memchr::memchr2(end, b'\n', &bytes[i + 1..]);
            i = close.map_or(bytes.len(), |c| i + 1 + c + 1);
            start = i;
            continue;
        }
        i += 1;
    }
    if start < bytes.len() {
        visit(&body[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn visible_text_skips_link_targets_and_tags() {
        let mut seen = String::new();
        visible_text(
            "Xem [kế hoạch](ke-hoach.pdf) và <a href=\"x\">ảnh</a> **đẹp** ](",
            &mut |t| seen.push_str(t),
        );
        assert_eq!(seen, "Xem [kế hoạch và ảnh **đẹp** ");
    }

    #[test]
    fn folding_drops_accents_and_d_bar() {
        assert_eq!(fold("Dân vận"), "dan van");
        assert_eq!(fold("ĐỨC GIANG"), "duc giang");
        assert_eq!(fold("Nghị quyết Đại hội"), "nghi quyet dai hoi");
        // NFD input folds the same.
        assert_eq!(fold("Da\u{302}n va\u{323}\u{302}n"), "dan van");
        // Every letter of the quick table folds as the slow way does.
        for n in (0xC0..=0x24F_u32).chain(0x1E00..=0x1EFF) {
            let c = char::from_u32(n).unwrap();
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "{c}");
        }
    }

    #[test]
    fn words_split_on_punctuation() {
        let folded = fold("Hội nghị (QCDC) năm 2020-2022: “Dân vận khéo”");
        let got: Vec<&str> = indexable(&folded).collect();
        assert_eq!(
            got,
            [
                "hoi", "nghi", "qcdc", "nam", "2020", "2022", "dan", "van", "kheo"
            ]
        );
    }

    #[test]
    fn one_pass_words_equal_folding_then_splitting() {
        let texts = [
            "Hội nghị (QCDC) năm 2020-2022: “Dân vận khéo”",
            "Da\u{302}n va\u{323}\u{302}n ĐỨC GIANG đức giang",
            "Kelvin \u{212A} Ångström \u{212B} æøß straße Ωμέγα 東京 Привет",
            "a123456789012345678901234 abcdefghijklmnopqrstuvwx abcdefghijklmnopqrstuvwxy z",
            "",
            "   ",
            "ﬁle café naïve Œuvre İstanbul ǅ",
        ];
        for text in texts {
            let folded = fold(text);
            let expected: Vec<&str> = indexable(&folded).collect();
            let mut got = Vec::new();
            Words::default().scan(text, &mut |k| got.push(word_of(k)));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn packed_words_round_trip() {
        for w in [
            "a",
            "z",
            "0",
            "9",
            "dan",
            "zzzzzzzzzzzzzzzzzzzzzzzz",
            "999999999999999999999999",
        ] {
            let mut got = Vec::new();
            Words::default().scan(w, &mut |k| got.push(word_of(k)));
            assert_eq!(got, [w]);
        }
    }

    #[test]
    fn buckets_are_stable_and_bounded() {
        assert_eq!(bucket_count(0), 1);
        assert_eq!(bucket_count(16), 1);
        assert_eq!(bucket_count(10_000), 256);
        assert_eq!(bucket_count(1_000_000), 1024);
        // The same value search.js computes for "dan" with 256 buckets.
        assert_eq!(bucket_of("dan", 256), 0xed4f_3028_u32 as usize % 256);
    }
}
