//! A renderer taken apart and put together again: what `watch` keeps
//! between rebuilds so that an edit to article bodies alone renders only
//! their pages, without making every card and the base context again.

use tera::{Context, Tera};

use super::Renderer;
use super::card::card;
use super::sink::hash_json;
use crate::links::Bodies;
use crate::site::Site;

/// A renderer taken apart (see [`Renderer::into_parts`]).
pub struct Parts {
    tera: Tera,
    base: Context,
    base_hash: u64,
    tera_cards: Vec<tera::Value>,
    card_hashes: Vec<u64>,
    bodies: Bodies,
}

impl Parts {
    /// Article `i`'s HTML as rendered before the pages, if it was.
    pub fn body(&self, i: usize) -> Option<&crate::links::ArticleHtml> {
        self.bodies.ready(i)
    }

    /// Give article `i` its new HTML (held only when rendered before the
    /// pages: see [`Parts::body`]).
    pub fn set_body(&mut self, i: usize, html: crate::links::ArticleHtml) {
        if let Bodies::Ready(all) = &mut self.bodies
            && let Some(slot) = all.get_mut(i)
        {
            *slot = html;
        }
    }

    /// Make article `i`'s card again from `site`; `true` when it changed
    /// (its hash differs; always when made without fingerprints).
    pub fn renew_card(&mut self, site: &Site, i: usize) -> bool {
        let c = card(site, i);
        let hash = hash_json(&c);
        if self.card_hashes.get(i) == Some(&hash) {
            return false;
        }
        if let (Some(h), Some(v)) = (self.card_hashes.get_mut(i), self.tera_cards.get_mut(i)) {
            *h = hash;
            *v = tera::Value::from_serializable(&c);
        }
        true
    }
}

impl<'s> Renderer<'s> {
    /// What this renderer made from its site, kept (by `watch`) to render
    /// that site again after an edit that changed only bodies (see
    /// [`Renderer::from_parts`]).
    pub fn into_parts(self) -> Parts {
        Parts {
            tera: self.tera,
            base: self.base,
            base_hash: self.base_hash,
            tera_cards: self.tera_cards,
            card_hashes: self.card_hashes,
            bodies: self.bodies,
        }
    }

    /// A renderer of `site` from the parts a renderer of it made: `site`
    /// may differ from that one only in article bodies, whose HTML
    /// `parts` is given anew ([`Parts::set_body`]), and whose cards are
    /// made again ([`Parts::renew_card`]).
    pub fn from_parts(parts: Parts, site: &'s Site) -> Renderer<'s> {
        Renderer {
            tera: parts.tera,
            site,
            base: parts.base,
            base_hash: parts.base_hash,
            tera_cards: parts.tera_cards,
            card_hashes: parts.card_hashes,
            bodies: parts.bodies,
            search_words: std::sync::OnceLock::new(),
            words_digest: std::sync::OnceLock::new(),
            always_render: (0..site.articles.len())
                .map(|_| Default::default())
                .collect(),
        }
    }
}
