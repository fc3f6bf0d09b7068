//! What an incremental build (`bantin watch`) may reuse from the previous
//! one, and the rules that make reuse safe: an article file is parsed again
//! unless its size and modification time are unchanged, and its Markdown is
//! rendered again unless its body and everything links resolve against are
//! unchanged. Pages are compared by fingerprint (see `render`), so what a
//! rebuild writes is what a clean build would write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::frontmatter::Parsed;
use crate::stamp::Stamp;

/// Markdown output of one article for one resolver state.
#[derive(Debug, Clone)]
pub struct Markdown {
    /// The article file's stamp when it was rendered.
    pub stamp: Stamp,
    pub resolver: u64,
    pub html: std::sync::Arc<str>,
    pub html_hash: u64,
    /// A hash of the Markdown body (the search index reads the body).
    pub body_hash: u64,
    pub first_paragraph: std::sync::Arc<str>,
    /// Its links that lead nowhere and those written as URLs of the site
    /// (see `links::ArticleHtml`).
    pub unresolved: std::sync::Arc<[crate::markdown::Target]>,
    pub site_links: std::sync::Arc<[crate::markdown::Target]>,
}

/// Reusable results of the previous build.
#[derive(Debug, Default)]
pub struct Cache {
    /// Parsed articles by path under `content/`.
    pub parsed: HashMap<PathBuf, (Stamp, Parsed)>,
    pub markdown: HashMap<PathBuf, Markdown>,
}

impl Cache {
    /// The parsed article at `rel`, if its file is unchanged.
    pub fn parsed(&self, rel: &Path, stamp: Option<Stamp>) -> Option<Parsed> {
        let (s, p) = self.parsed.get(rel)?;
        (Some(*s) == stamp).then(|| p.clone())
    }

    /// The stamp of the file `rel` was parsed from in this build.
    pub fn stamp(&self, rel: &Path) -> Option<Stamp> {
        self.parsed.get(rel).map(|(s, _)| *s)
    }
}
