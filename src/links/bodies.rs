//! [`Bodies`]: the one render path of an article's Markdown when pages are
//! rendered, and what a page's fingerprint knows of an article's body.

use std::sync::OnceLock;

use super::{ArticleHtml, Links};
use crate::site::Article;

/// Where each article's body and HTML come from when pages are rendered:
/// the one render path of an article's Markdown.
pub enum Bodies {
    /// Rendered before the pages (`watch`, `check`): by article index.
    Ready(Vec<ArticleHtml>),
    /// Rendered with each article's page (`build`), so that the HTML of the
    /// whole site is never in memory at once; bodies are read again from
    /// their files when the build let go of them. `key` is the links'
    /// [`Links::key`], made once when a fingerprint first asks for it;
    /// `digests` each article's [`body_digest`], taken while the bodies were
    /// in memory (`None`: they were not).
    WithPages {
        links: Box<Links>,
        key: OnceLock<u64>,
        digests: Option<Vec<u64>>,
    },
}

impl Bodies {
    /// Bodies rendered with their pages, their links resolved by `links`;
    /// `digests`: each article's [`body_digest`], if they were taken.
    pub fn with_pages(links: Links, digests: Option<Vec<u64>>) -> Bodies {
        Bodies::WithPages {
            links: Box::new(links),
            key: OnceLock::new(),
            digests,
        }
    }

    /// Article `i`'s rendered HTML, when it was rendered before the pages.
    pub fn ready(&self, i: usize) -> Option<&ArticleHtml> {
        match self {
            Bodies::Ready(all) => all.get(i),
            Bodies::WithPages { .. } => None,
        }
    }

    /// The HTML of article `a` rendered now, when it is rendered with its
    /// page (see [`Links::render`]), and whether its page may be kept by
    /// its fingerprint next time: none of its relative links leads nowhere
    /// (a link to a draft is a warning, said on every build). `None` when
    /// it is [`Bodies::Ready`].
    pub fn render(&self, a: &Article) -> Option<Result<(String, bool), String>> {
        match self {
            Bodies::Ready(_) => None,
            Bodies::WithPages { links, .. } => {
                Some(links.render(a).map(|r| (r.html, r.unresolved.is_empty())))
            }
        }
    }

    /// An article's Markdown body (the search index reads it).
    pub fn body<'a>(&self, a: &'a Article) -> Result<std::borrow::Cow<'a, str>, String> {
        match self {
            Bodies::Ready(_) => Ok(std::borrow::Cow::Borrowed(&a.file.body)),
            Bodies::WithPages { links, .. } => links.body(a),
        }
    }

    /// A hash of everything article `i`'s HTML follows from: the HTML's
    /// own hash when it is ready; else its Markdown body, its file's path
    /// (relative links are read from it), whether it has a cover (its first
    /// picture is then not eager) and everything links resolve against
    /// ([`Links::key`]). `None` when the body's digest was not taken.
    pub fn html_print(&self, i: usize, a: &Article) -> Option<u64> {
        match self {
            Bodies::Ready(all) => all.get(i).map(|h| h.html_hash),
            Bodies::WithPages { links, key, .. } => {
                let body = self.body_print(i)?;
                let key = *key.get_or_init(|| links.key());
                let source = &a.file.source;
                let cover = a.file.front.image.is_some();
                Some(crate::stamp::hash_of(&(key, source, body, cover)))
            }
        }
    }

    /// A hash of article `i`'s Markdown body, which the search index reads;
    /// `None` when its digest was not taken.
    pub fn body_print(&self, i: usize) -> Option<u64> {
        match self {
            Bodies::Ready(all) => all.get(i).map(|h| h.body_hash),
            Bodies::WithPages { digests, .. } => digests.as_ref()?.get(i).copied(),
        }
    }

    /// What rendering article `a`'s page notes besides its links (see
    /// [`Links::note`]), for a page kept without rendering.
    pub fn note_kept(&self, a: &Article) {
        if let Bodies::WithPages { links, .. } = self {
            links.note(a, &[], &[]);
        }
    }
}

/// The digest of an article's Markdown body held in memory, as
/// [`Bodies::body_print`] gives it when bodies are rendered with their
/// pages.
pub fn body_digest(a: &Article) -> u64 {
    xxhash_rust::xxh3::xxh3_64(a.file.body.as_bytes())
}

/// [`body_digest`] of every article, on every core (`build` takes them
/// while the bodies are in memory).
pub fn body_digests(articles: &[Article]) -> Vec<u64> {
    use rayon::prelude::*;
    articles.par_iter().map(body_digest).collect()
}
