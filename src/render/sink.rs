//! The two destinations of a page's context: a Tera context to render it,
//! or a hash (its fingerprint) to tell whether it changed since the last
//! build. `Renderer::fill` writes to either through the same code.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use serde::Serialize;
use tera::Context;

use super::Renderer;

/// Where a page's context goes: into a Tera context to render the page, or
/// into a hash that tells whether the page changed since the last build.
/// Both run the same code (`Renderer::fill`), so a page's fingerprint covers
/// everything its template can see.
pub(super) trait Sink {
    fn put<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T);
    /// A value already made for Tera (cheaper where it is made per page).
    fn put_value(&mut self, key: &'static str, value: tera::Value);
    /// Article cards by index.
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]);
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>);
    /// An article's HTML body.
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize);
    /// An article's JSON-LD (`jsonld`), which takes the first image of its
    /// body when it has no cover: put before `html` takes the body.
    fn json_ld(&mut self, r: &Renderer<'_>, i: usize);
    /// `page`: the page's path, its first segment (`section`), URL and
    /// permalink. All follow from the path and the base URL, which the
    /// base hash covers.
    fn page(&mut self, r: &Renderer<'_>, path: &str);
    /// Articles whose cards the page shows inside a value `put` (the home
    /// page's blocks): `cards` and `card` tell of theirs themselves.
    fn shows(&mut self, _idx: &[usize]) {}
}

/// A page's Tera context being filled; `body` is the article's HTML when
/// it was rendered with the page rather than before.
pub(super) struct Fill {
    pub(super) ctx: Context,
    pub(super) body: Option<String>,
}

impl Sink for Fill {
    fn put<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.ctx.insert(key, value);
    }
    fn put_value(&mut self, key: &'static str, value: tera::Value) {
        self.ctx.insert_value(key, value);
    }
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]) {
        self.ctx.insert_value(key, r.tera_cards_of(idx));
    }
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>) {
        self.ctx.insert_value(
            key,
            i.map_or_else(tera::Value::none, |i| r.tera_cards[i].clone()),
        );
    }
    fn page(&mut self, r: &Renderer<'_>, path: &str) {
        let site = r.site;
        let section = path.split('/').next().unwrap_or_default();
        self.ctx.insert_value(
            "page",
            super::object([
                ("path", path.into()),
                ("permalink", site.config.permalink(path).into()),
                ("section", section.into()),
                ("url", site.url(path).into()),
            ]),
        );
    }
    fn json_ld(&mut self, r: &Renderer<'_>, i: usize) {
        let ready = r.bodies.ready(i).map(|h| &*h.html);
        let html = self.body.as_deref().or(ready).unwrap_or_default();
        let image = super::card::first_image(html);
        let json = super::card::json_ld(r.site, i, image.as_deref());
        self.ctx
            .insert_value("jsonld", tera::Value::safe_string(&json));
    }
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize) {
        match self.body.take() {
            Some(body) => self.ctx.insert(key, &body),
            None => {
                let ready = r.bodies.ready(i).map(|h| &*h.html);
                self.ctx.insert(key, ready.unwrap_or_default())
            }
        }
    }
}

/// A hasher that serde can write JSON into; with `Some` list, it notes
/// which articles' cards the page shows (see `Renderer::fingerprint_showing`).
/// The third field is cleared when something the page shows could not be
/// hashed (an article body not in memory): the hash is then no fingerprint.
pub(super) struct HashSink(
    pub(super) DefaultHasher,
    pub(super) Option<Vec<u32>>,
    pub(super) bool,
);

impl HashSink {
    pub(super) fn new(showing: bool) -> HashSink {
        HashSink(DefaultHasher::new(), showing.then(Vec::new), true)
    }

    /// Hash `print`, a hash of something the page shows, if it is known.
    pub(super) fn known(&mut self, print: Option<u64>) {
        match print {
            Some(p) => p.hash(&mut self.0),
            None => self.2 = false,
        }
    }
}

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
    fn put_value(&mut self, key: &'static str, value: tera::Value) {
        self.put(key, &value);
    }
    fn cards(&mut self, key: &'static str, r: &Renderer<'_>, idx: &[usize]) {
        key.hash(&mut self.0);
        idx.len().hash(&mut self.0);
        for i in idx {
            r.card_hashes[*i].hash(&mut self.0);
        }
        self.shows(idx);
    }
    fn card(&mut self, key: &'static str, r: &Renderer<'_>, i: Option<usize>) {
        key.hash(&mut self.0);
        i.map(|i| r.card_hashes[i]).hash(&mut self.0);
        if let Some(i) = i {
            self.shows(&[i]);
        }
    }
    fn shows(&mut self, idx: &[usize]) {
        if let Some(shown) = &mut self.1 {
            shown.extend(idx.iter().map(|&i| i as u32));
        }
    }
    fn page(&mut self, _: &Renderer<'_>, path: &str) {
        "page".hash(&mut self.0);
        path.hash(&mut self.0);
    }
    fn json_ld(&mut self, r: &Renderer<'_>, i: usize) {
        // The body's image follows from the HTML, which `html` hashes.
        "jsonld".hash(&mut self.0);
        super::card::json_ld(r.site, i, None).hash(&mut self.0);
    }
    fn html(&mut self, key: &'static str, r: &Renderer<'_>, i: usize) {
        key.hash(&mut self.0);
        self.known(r.bodies.html_print(i, &r.site.articles[i]));
    }
}

pub(super) fn hash_json<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut h = HashSink::new(false);
    let _ = serde_json::to_writer(&mut h, value);
    h.0.finish()
}
