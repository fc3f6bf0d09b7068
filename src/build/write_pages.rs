//! The stage that writes a build's pages: each kept from the last build
//! when the page memo allows it (see `keep`), else rendered and written;
//! the search word index made beside them only when one of its buckets
//! cannot be kept.

use std::thread::{Scope, ScopedJoinHandle};

use super::keep::Keeper;
use super::{Options, Summary, relative_page, render_pages};
use crate::error::Result;
use crate::pages::{self, Page};
use crate::render::{self, Renderer};
use crate::site::Site;
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

/// The pages left to write once the search index's buckets were kept or
/// its making started.
pub(super) struct Started<'scope> {
    /// The bucket pages left to render, and every other page.
    buckets: Vec<usize>,
    other: Vec<usize>,
    /// The index, made before (past the body budget) or being made.
    early: Option<Words>,
    later: Option<ScopedJoinHandle<'scope, Words>>,
}

impl Pages<'_> {
    /// Keep the search index's bucket pages if the index would read the
    /// same as last time; else start making the index beside what
    /// follows (`early_words`: it was made before, past the body budget).
    /// `digests`: each article's body digest, when the bodies were in
    /// memory (else the buckets have no print, and the index was made
    /// before).
    /// It takes half the cores (one of two): the renderer keeps every core
    /// busy, and on two cores a second index thread only took turns with
    /// it (and held a second partial index until the merge).
    pub(super) fn start<'scope, 'env: 'scope>(
        &self,
        scope: &'scope Scope<'scope, 'env>,
        site: &'env Site,
        (early_words, digests): (Option<Words>, Option<&[u64]>),
    ) -> Result<Started<'scope>> {
        let (buckets, other): (Vec<usize>, Vec<usize>) = pages::render_order(site, self.plan)
            .into_iter()
            .partition(|&i| matches!(self.plan[i].kind, pages::Kind::SearchWords(_)));
        let buckets = match self.keeper {
            Some(k) => {
                let words =
                    digests.and_then(|d| render::search::words_print(site, &|i| d.get(i).copied()));
                k.keep_buckets(words, self.at(), &buckets)?
            }
            None => buckets,
        };
        let later = (early_words.is_none() && !buckets.is_empty()).then(|| {
            scope.spawn(move || {
                let half = (render::search::all_cores() / 2).max(1);
                render::search::buckets_from_memory(site, half)
            })
        });
        Ok(Started {
            buckets,
            other,
            early: early_words,
            later,
        })
    }

    /// Keep or render every page left. Returns the template failures
    /// (page file, message); a failed write is the error.
    pub(super) fn write(
        &self,
        renderer: &Renderer<'_>,
        started: Started<'_>,
        (summary, lap): (&mut Summary, &mut std::time::Instant),
    ) -> Result<Vec<(String, String)>> {
        let other = match self.keeper {
            Some(k) => k.keep(renderer, self.at(), &started.other)?,
            None => started.other,
        };
        summary.lap("keep pages", lap);
        let write = |i: usize, bytes: &[u8]| self.write_one(renderer, i, bytes);
        let mut failures = render_pages(renderer, self.plan, &other, &write)?;
        if !started.buckets.is_empty() {
            let words = match (started.early, started.later) {
                (Some(words), _) => words,
                (None, Some(later)) => later
                    .join()
                    .unwrap_or_else(|_| Err(crate::t!("render-search-index-failed"))),
                (None, None) => Err(crate::t!("render-search-index-missing")),
            };
            renderer.provide_search_words(words);
            failures.extend(render_pages(renderer, self.plan, &started.buckets, &write)?);
        }
        Ok(failures)
    }

    /// Where pages are kept: the plan, the staging folder, and which
    /// pages' folders are their writers' to make.
    fn at(&self) -> (&[Page], &Staging, &[bool]) {
        (self.plan, self.staging, self.own_dir)
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
