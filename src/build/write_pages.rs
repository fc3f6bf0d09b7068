//! The stage that writes a build's pages: each kept from the last build
//! when the page memo allows it (see `keep`), else rendered and written;
//! the search word index made beside them only when one of its buckets
//! cannot be kept.

use std::thread::Scope;

use super::keep::Keeper;
use super::{Options, Summary, relative_page, render_pages};
use crate::error::Result;
use crate::pages::{self, Page};
use crate::render::{self, Renderer};
use crate::write::Staging;

/// What the pages are written with.
pub(super) struct Pages<'a> {
    pub opts: &'a Options,
    pub plan: &'a [Page],
    pub staging: &'a Staging,
    /// Per page: its folder is made by its writer (see `Staging::make_dirs`).
    pub own_dir: &'a [bool],
    pub keeper: Option<&'a Keeper>,
}

/// The search index's buckets, or why they could not be made.
type Words = std::result::Result<Vec<Vec<u8>>, String>;

impl Pages<'_> {
    /// Keep or render every page; `early_words` is the index when it was
    /// made before (past the body budget). Returns the template failures
    /// (page file, message); a failed write is the error.
    pub(super) fn write<'scope, 'env: 'scope>(
        &self,
        scope: &'scope Scope<'scope, 'env>,
        renderer: &Renderer<'env>,
        early_words: Option<Words>,
        (summary, lap): (&mut Summary, &mut std::time::Instant),
    ) -> Result<Vec<(String, String)>> {
        let site = renderer.site();
        let (search, other): (Vec<usize>, Vec<usize>) = pages::render_order(site, self.plan)
            .into_iter()
            .partition(|&i| matches!(self.plan[i].kind, pages::Kind::SearchWords(_)));
        // The search word index is made only if one of its buckets cannot
        // be kept: beside the pages, its buckets written last. It takes
        // half the cores (one of two): the renderer keeps every core busy,
        // and on two cores a second index thread only took turns with it
        // (and held a second partial index until the merge).
        let search = self.keep(renderer, search)?;
        let later = (early_words.is_none() && !search.is_empty()).then(|| {
            scope.spawn(move || {
                let half = (render::search::all_cores() / 2).max(1);
                render::search::buckets_from_memory(site, half)
            })
        });
        let other = self.keep(renderer, other)?;
        summary.lap("keep pages", lap);
        let write = |i: usize, bytes: &[u8]| self.write_one(renderer, i, bytes);
        let mut failures = render_pages(renderer, self.plan, &other, &write)?;
        if !search.is_empty() {
            let words = match (early_words, later) {
                (Some(words), _) => words,
                (None, Some(later)) => later
                    .join()
                    .unwrap_or_else(|_| Err(crate::t!("render-search-index-failed"))),
                (None, None) => Err(crate::t!("render-search-index-missing")),
            };
            renderer.provide_search_words(words);
            failures.extend(render_pages(renderer, self.plan, &search, &write)?);
        }
        Ok(failures)
    }

    /// The pages of `todo` the memo does not let keep.
    fn keep(&self, renderer: &Renderer<'_>, todo: Vec<usize>) -> Result<Vec<usize>> {
        match self.keeper {
            Some(k) => k.keep(renderer, self.plan, &todo, self.staging, self.own_dir),
            None => Ok(todo),
        }
    }

    /// Write page `i` rendered to `bytes` (its links made relative with
    /// `--relative`), and note it in the memo.
    fn write_one(&self, renderer: &Renderer<'_>, i: usize, bytes: &[u8]) -> Result<()> {
        let page = &self.plan[i];
        let relative = relative_page(self.opts, page, &renderer.site().base_path, bytes);
        let bytes = relative.as_ref().map_or(bytes, |p| p.as_bytes());
        self.staging
            .write_page(&page.file, bytes, self.own_dir[i])?;
        if let Some(k) = self.keeper {
            k.rendered(renderer, self.plan, i, bytes);
        }
        Ok(())
    }
}
