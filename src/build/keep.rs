//! The stage that keeps pages from the last build instead of rendering
//! them: a page whose fingerprint the page memo holds (see
//! [`crate::write::memo`]) is linked from the live site when the live file
//! still holds what that fingerprint rendered to. Pages are rendered only
//! when their inputs changed, or the live site's file did.

use std::path::PathBuf;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::error::Result;
use crate::pages::Page;
use crate::render::{self, Renderer};
use crate::write::Staging;
use crate::write::memo::{self, Entry, Memo};

/// The page memo of one build: the last build's, and this build's being
/// gathered (by page number in the plan).
pub(super) struct Keeper {
    at: PathBuf,
    salt: u64,
    last: Memo,
    /// Each page's fingerprint (`None`: not to be kept), once asked.
    prints: Vec<OnceLock<Option<u64>>>,
    /// What each page rendered to, or was kept as.
    now: Vec<OnceLock<Entry>>,
    /// How many pages were kept.
    kept: std::sync::atomic::AtomicUsize,
}

impl Keeper {
    /// The memo at `at` (`None`: no memo, every page is rendered: an
    /// output without a spare tree, or not Linux), for `pages` pages.
    /// `relative`: pages are written with relative links (`--relative`).
    pub(super) fn open(at: Option<PathBuf>, relative: bool, pages: usize) -> Option<Keeper> {
        // Only Linux links a live page into the new site (see `previous`).
        if !cfg!(target_os = "linux") {
            return None;
        }
        let at = at?;
        // A benchmark's probe changes what the search index holds.
        let probe = cfg!(feature = "bench-probes")
            && std::env::var_os("BANTIN_PROBE_EMPTY_INDEX").is_some();
        let salt = memo::salt((relative, probe))?;
        Some(Keeper {
            last: Memo::load(&at, salt),
            at,
            salt,
            prints: (0..pages).map(|_| OnceLock::new()).collect(),
            now: (0..pages).map(|_| OnceLock::new()).collect(),
            kept: Default::default(),
        })
    }

    /// Page `i`'s fingerprint, made once.
    fn print(&self, renderer: &Renderer<'_>, plan: &[Page], i: usize) -> Option<u64> {
        *self.prints[i].get_or_init(|| renderer.memo_print(&plan[i]))
    }

    /// Keep the pages of `todo` that the memo and the live site allow;
    /// returns those left to render, in order.
    pub(super) fn keep(
        &self,
        renderer: &Renderer<'_>,
        (plan, staging, own_dir): (&[Page], &Staging, &[bool]),
        todo: &[usize],
    ) -> Result<Vec<usize>> {
        let print = |i: usize| self.print(renderer, plan, i);
        self.keep_by(print, (plan, staging, own_dir), todo, |i| {
            renderer.kept(&plan[i])
        })
    }

    /// [`Keeper::keep`] for the search index's bucket pages, before there
    /// is a renderer: their fingerprints follow from the index's inputs
    /// alone (`words`, see [`render::search::words_print`]; `None`: no
    /// fingerprint, all are rendered).
    pub(super) fn keep_buckets(
        &self,
        words: Option<u64>,
        (plan, staging, own_dir): (&[Page], &Staging, &[bool]),
        todo: &[usize],
    ) -> Result<Vec<usize>> {
        for &i in todo {
            let page_print = words.map(|w| render::search::words_page_print(&plan[i].file, w));
            let _ = self.prints[i].set(page_print);
        }
        let print = |i: usize| self.prints[i].get().copied().flatten();
        self.keep_by(print, (plan, staging, own_dir), todo, |_| {})
    }

    fn keep_by(
        &self,
        print: impl Fn(usize) -> Option<u64> + Sync,
        (plan, staging, own_dir): (&[Page], &Staging, &[bool]),
        todo: &[usize],
        kept: impl Fn(usize) + Sync,
    ) -> Result<Vec<usize>> {
        if self.last.is_empty() {
            return Ok(todo.to_vec());
        }
        let left: Vec<Option<usize>> = todo
            .par_iter()
            .map(|&i| {
                let page = &plan[i];
                let Some(last) = print(i).and_then(|p| self.last.get(&page.file, p)) else {
                    return Ok(Some(i));
                };
                if !staging.keep_page(&page.file, last.len, last.digest, own_dir[i])? {
                    return Ok(Some(i));
                }
                kept(i);
                let _ = self.now[i].set(last);
                self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                Ok(None)
            })
            .collect::<Result<_>>()?;
        Ok(left.into_iter().flatten().collect())
    }

    /// Page `i` was rendered to `bytes` (as written).
    pub(super) fn rendered(&self, renderer: &Renderer<'_>, plan: &[Page], i: usize, bytes: &[u8]) {
        if let Some(print) = self.print(renderer, plan, i) {
            let _ = self.now[i].set(Entry::of(print, bytes));
        }
    }

    /// How many pages were kept.
    pub(super) fn kept(&self) -> usize {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Write this build's memo (once its site is in place): every page
    /// kept or rendered, but those to render every time.
    pub(super) fn save(self, renderer: &Renderer<'_>, plan: &[Page]) {
        let pages = plan
            .iter()
            .zip(self.now)
            .filter(|(page, _)| renderer.keepable(page))
            .filter_map(|(page, e)| Some((page.file.as_str(), e.into_inner()?)));
        memo::save(&self.at, self.salt, pages);
    }
}
