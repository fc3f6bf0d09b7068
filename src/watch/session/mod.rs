//! The incremental build behind `bantin watch`. A `Session` keeps what the
//! last build learnt (parsed articles, Markdown, one fingerprint per page,
//! the identity of every copied file) and on each rebuild renders and writes
//! only the pages whose fingerprint changed, copies only changed files and
//! deletes what a clean build would no longer write. The served folder is
//! therefore always byte-identical to a clean `build` with the same options
//! (`tests/watch_incremental.rs` checks this over a scripted edit sequence).
//!
//! A failed rebuild touches nothing: pages are rendered into a staging
//! folder first and moved into place only when all of them succeeded.
//! A save that changed only article bodies takes a quicker path still,
//! from the site the last rebuild kept (see [`quick`]).

mod quick;
mod stage;

use stage::{Stage, clear, place, remove_with_empty_parents};

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::{self, Options, Prepared, Summary};
use crate::cache::Cache;
use crate::error::{Error, Result};
use crate::links::Bodies;
use crate::pages::{Kind, Page};
use crate::render::search::Kept;
use crate::render::{CardCache, Renderer};
use crate::stamp::{Stamp, hash_of};
use crate::theme::StaticSource;
use crate::write;

/// Where a copied file's bytes came from, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Disk(Stamp),
    Embedded(u64),
}

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub summary: Summary,
    /// Pages rendered and written (the others were unchanged).
    pub written: usize,
    /// Files copied (assets and theme statics).
    pub copied: usize,
    /// Files deleted because a clean build would not write them.
    pub removed: usize,
    /// Articles whose address changed (a title, `slug:` or category
    /// edited): (old URL path, new URL path).
    pub moved: Vec<(String, String)>,
    /// Whether only edited article bodies were read (see [`quick`]).
    pub quick: bool,
}

pub struct Session {
    opts: Options,
    out: PathBuf,
    cache: Cache,
    pages: HashMap<String, u64>,
    files: HashMap<String, Origin>,
    cards: CardCache,
    /// Each published article's URL path, by its file.
    addresses: HashMap<PathBuf, String>,
    /// The search word index as published, updated word by word.
    search: Kept,
    /// What the last rebuild made, when it succeeded (see [`quick`]).
    held: Option<quick::Held>,
}

impl Session {
    /// A session publishing into `out` (emptied first: the first rebuild is
    /// a clean build).
    pub fn new(opts: Options, out: PathBuf) -> Result<Session> {
        if out.exists() {
            fs::remove_dir_all(&out).map_err(|e| Error::io(&out, e))?;
        }
        fs::create_dir_all(&out).map_err(|e| Error::io(&out, e))?;
        Ok(Session {
            opts,
            out,
            cache: Cache::default(),
            pages: HashMap::new(),
            files: HashMap::new(),
            cards: CardCache::new(),
            addresses: HashMap::new(),
            search: Kept::default(),
            held: None,
        })
    }

    pub fn output(&self) -> &Path {
        &self.out
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Build again, writing only what changed. On error nothing is touched.
    pub fn rebuild(&mut self) -> Result<Rebuilt> {
        self.rebuild_then(&mut |_, place| place())
    }

    /// `rebuild` after `changed` (paths under the site root) changed,
    /// taking the quick path when they are edits of article bodies alone.
    pub fn rebuild_after(&mut self, changed: &[PathBuf]) -> Result<Rebuilt> {
        self.rebuild_after_then(changed, &mut |_, place| place())
    }

    /// `rebuild_then` after `changed` changed (see [`Session::rebuild_after`]).
    pub fn rebuild_after_then(
        &mut self,
        changed: &[PathBuf],
        publish: &mut Publish<'_>,
    ) -> Result<Rebuilt> {
        match self.quick(changed, publish) {
            Some(result) => result,
            None => self.rebuild_then(publish),
        }
    }

    /// `rebuild`, handing `publish` the step that moves every page a
    /// reader looks at into place (and deletes what is gone), for it to
    /// run (once) and announce as one step; the search index's word buckets
    /// (derived from every article, the slowest part to redo) are written
    /// after it. `publish` is also told which articles' addresses moved
    /// (see [`Rebuilt::moved`]). When this returns `Ok`, the output is
    /// again exactly a clean build.
    pub fn rebuild_then(&mut self, publish: &mut Publish<'_>) -> Result<Rebuilt> {
        let start = Instant::now();
        if let Some(held) = self.held.take() {
            build::drop_in_background(held.into_owned());
        }
        let prepared = build::prepare_with(&self.opts, Some(&mut self.cache))?;
        // A link, image or cover that leads nowhere fails as in `build`.
        let warnings = build::judge_links(&prepared, &self.opts.root)?;
        let Prepared {
            site,
            theme,
            tera,
            plan,
            html,
            mut summary,
            link_base,
        } = prepared;
        summary.warnings = warnings;
        let mut lap = Instant::now();
        let addresses: HashMap<PathBuf, String> = site
            .articles
            .iter()
            .map(|a| (a.file.display.clone(), site.url(&a.path)))
            .collect();
        let moved = super::follow::moves(&self.addresses, &addresses);
        let renderer = Renderer::new(
            tera,
            &site,
            Bodies::Ready(html),
            self.opts.live_reload.as_deref(),
            Some((theme.hash(), &self.cards)),
        );
        summary.lap("cards", &mut lap);
        let (fingerprints, shown): (Vec<u64>, Vec<Vec<u32>>) = plan
            .par_iter()
            .map(|p| renderer.fingerprint_showing(p))
            .unzip();
        summary.lap("fingerprints", &mut lap);
        let first = self.pages.is_empty();
        let (todo, later) = changed_pages(&plan, &fingerprints, &self.pages);
        let words = self.search_words(&site, &renderer, first)?;
        summary.lap("search words", &mut lap);

        // Only added or changed photos are decoded: the rest are in the cache.
        let photos = build::publish_photos(&site, &self.opts.root)?;
        let (new_files, copies) = self.files_to_copy(&theme, &site, &photos);
        let stage = Stage::new(&self.out)?;
        self.render_changed(&renderer, &plan, &todo, &stage)?;
        summary.lap("render changed pages", &mut lap);
        self.stage_copies(&stage, plan.len(), &copies)?;

        // Everything succeeded: what the output holds from now on.
        let new_pages = self.next_pages(&plan, &fingerprints, &later);
        let gone: Vec<String> = self
            .pages
            .keys()
            .chain(self.files.keys())
            .filter(|f| !new_pages.contains_key(*f) && !new_files.contains_key(*f))
            .cloned()
            .collect();
        // Move into place, then delete what is gone: one step for readers.
        let mut made: BTreeSet<PathBuf> = BTreeSet::new();
        let out = &self.out;
        publish(&moved, &mut || {
            for i in todo.iter().filter(|_| !first) {
                place(out, &mut made, stage.slot(*i), &plan[*i].file)?;
            }
            for (n, (rel, _)) in copies.iter().enumerate() {
                place(out, &mut made, stage.slot(plan.len() + n), rel)?;
            }
            for rel in &gone {
                remove_with_empty_parents(out, rel);
            }
            Ok(())
        })?;
        self.pages = new_pages;
        self.files = new_files;
        self.addresses = addresses;
        let old_cards = std::mem::replace(&mut self.cards, renderer.card_cache());
        summary.lap("move into place", &mut lap);

        // The word buckets of the search index, then the output is whole.
        let buckets = self.publish_words(&plan, words, &stage, &mut made, first)?;
        for &i in &later {
            self.pages.insert(plan[i].file.clone(), fingerprints[i]);
        }
        summary.lap("search buckets", &mut lap);
        drop(stage);
        build::drop_in_background(old_cards);
        summary.elapsed = start.elapsed();
        let dated = self.dates();
        let parts = renderer.into_parts();
        self.held = Some(quick::Held::new(
            site,
            parts,
            plan,
            link_base,
            summary.clone(),
            dated,
            shown,
        ));
        Ok(Rebuilt {
            written: todo.len() + buckets,
            copied: copies.len(),
            removed: gone.len(),
            moved,
            summary,
            quick: false,
        })
    }

    /// The search index's words once this rebuild is published: only
    /// what the edited articles changed. A first build's renderer is
    /// given them to write with the other pages.
    fn search_words(
        &self,
        site: &crate::site::Site,
        renderer: &Renderer<'_>,
        first: bool,
    ) -> Result<crate::render::search::Update> {
        let words = self
            .search
            .update(site, &|i| site.articles[i].body(None))
            .map_err(|e| {
                let what = format!("{}: {e}", crate::t!("render-search-index"));
                let page = crate::routes::search_words(0);
                Error::Content(build::render_failures(vec![(page, what)]))
            })?;
        if first {
            let all = words.changed.iter().map(|(_, b)| b.clone()).collect();
            renderer.provide_search_words(Ok(all));
        }
        Ok(words)
    }

    /// The files published as they are (see `build::files_to_copy`) with
    /// where their bytes come from, and those that changed since the last
    /// build, to copy.
    fn files_to_copy(
        &self,
        theme: &crate::theme::Theme,
        site: &crate::site::Site,
        photos: &std::collections::BTreeMap<String, PathBuf>,
    ) -> (HashMap<String, Origin>, Vec<(String, StaticSource)>) {
        let content = self.opts.root.join("content");
        let mut files = HashMap::new();
        let mut copies = Vec::new();
        for (rel, src) in build::files_to_copy(theme, site, &content, photos) {
            let origin = match &src {
                StaticSource::Disk(p) => Stamp::of(p).map(Origin::Disk),
                StaticSource::Embedded(b) => Some(Origin::Embedded(hash_of(*b))),
            };
            let Some(origin) = origin else { continue };
            if self.files.get(&rel) != Some(&origin) {
                copies.push((rel.clone(), src));
            }
            files.insert(rel, origin);
        }
        (files, copies)
    }

    /// Render the pages `todo` into the staging folder, nothing served from
    /// it yet; the first build has no good pages to keep: it writes in
    /// place (and empties the output again when it fails).
    fn render_changed(
        &self,
        renderer: &Renderer<'_>,
        plan: &[Page],
        todo: &[usize],
        stage: &Stage,
    ) -> Result<()> {
        let first = self.pages.is_empty();
        let out = &self.out;
        let own_dir = if first {
            let files: Vec<&str> = plan.iter().map(|p| p.file.as_str()).collect();
            write::make_dirs(out, &files)?
        } else {
            Vec::new()
        };
        let write = |i: usize, bytes: &[u8]| {
            let (target, own_dir) = match own_dir.get(i) {
                Some(own) => (out.join(&plan[i].file), *own),
                None => (stage.slot(i), false),
            };
            write::write_file(&target, bytes, own_dir).map_err(|e| {
                Error::output(
                    &out.join(&plan[i].file),
                    &crate::t!("watch-cannot-write-page"),
                    &e,
                )
            })
        };
        let result = build::render_pages(renderer, plan, todo, &write).and_then(|failures| {
            match failures.is_empty() {
                true => Ok(()),
                false => Err(Error::Content(build::render_failures(failures))),
            }
        });
        if result.is_err() && first {
            clear(out)?;
        }
        result
    }

    /// Copy the changed files into the staging folder, after the pages'
    /// `offset` slots.
    fn stage_copies(
        &self,
        stage: &Stage,
        offset: usize,
        copies: &[(String, StaticSource)],
    ) -> Result<()> {
        for (n, (rel, src)) in copies.iter().enumerate() {
            let slot = stage.slot(offset + n);
            match src {
                StaticSource::Disk(p) => fs::copy(p, &slot).map(|_| ()),
                StaticSource::Embedded(b) => fs::write(&slot, b),
            }
            .map_err(|e| {
                Error::output(
                    &self.out.join(rel),
                    &crate::t!("watch-cannot-write-file"),
                    &e,
                )
            })?;
        }
        Ok(())
    }

    /// Each page's fingerprint once the changed pages are in place: pages
    /// still to write (`later`) keep their old one until written.
    fn next_pages(
        &self,
        plan: &[Page],
        fingerprints: &[u64],
        later: &[usize],
    ) -> HashMap<String, u64> {
        let mut pages: HashMap<String, u64> = plan
            .iter()
            .zip(fingerprints)
            .map(|(p, f)| (p.file.clone(), *f))
            .collect();
        for &i in later {
            match self.pages.get(&plan[i].file) {
                Some(old) => pages.insert(plan[i].file.clone(), *old),
                None => pages.remove(&plan[i].file),
            };
        }
        pages
    }

    /// Publish the search index's word buckets `words` changed (none on a
    /// `first` build: they were written with the pages) and keep `words`
    /// as the index published. Returns how many were written.
    fn publish_words(
        &mut self,
        plan: &[Page],
        words: crate::render::search::Update,
        stage: &Stage,
        made: &mut BTreeSet<PathBuf>,
        first: bool,
    ) -> Result<usize> {
        let written = match first {
            true => Ok(0),
            false => self.write_buckets(plan, &words.changed, stage, made),
        };
        match written {
            Ok(n) => {
                self.search.apply(words);
                Ok(n)
            }
            Err(e) => {
                // What the folder holds is not known: the next rebuild
                // makes the index whole and writes every bucket.
                self.search = Kept::default();
                Err(e)
            }
        }
    }

    /// Move into place the search index's word buckets whose bytes
    /// changed (`changed`, by bucket number). Returns how many.
    fn write_buckets(
        &self,
        plan: &[Page],
        changed: &[(usize, Vec<u8>)],
        stage: &Stage,
        made: &mut BTreeSet<PathBuf>,
    ) -> Result<usize> {
        let slots: HashMap<usize, usize> = (0..plan.len())
            .filter_map(|i| match plan[i].kind {
                Kind::SearchWords(n) => Some((n, i)),
                _ => None,
            })
            .collect();
        for (n, bytes) in changed {
            let Some(&i) = slots.get(n) else { continue };
            let page = &plan[i];
            let slot = stage.slot(i);
            fs::write(&slot, bytes).map_err(|e| {
                Error::output(
                    &self.out.join(&page.file),
                    &crate::t!("watch-cannot-write-page"),
                    &e,
                )
            })?;
            place(&self.out, made, slot, &page.file)?;
        }
        Ok(changed.len())
    }
}

/// Which pages a rebuild writes (indexes into `plan`): those whose
/// fingerprint differs from the one `written` holds for their file (every
/// page on a first build, when `written` is empty). Returned as (now,
/// later): the search index's word buckets are written after the pages a
/// reader looks at, except on a first build, which writes everything at once.
pub fn changed_pages(
    plan: &[Page],
    fingerprints: &[u64],
    written: &HashMap<String, u64>,
) -> (Vec<usize>, Vec<usize>) {
    let first = written.is_empty();
    (0..plan.len())
        .filter(|&i| written.get(&plan[i].file) != Some(&fingerprints[i]))
        .partition(|&i| first || !matches!(plan[i].kind, Kind::SearchWords(_)))
}

/// See [`Session::rebuild_then`]: (addresses moved, the step to run).
pub type Publish<'a> =
    dyn FnMut(&[(String, String)], &mut dyn FnMut() -> Result<()>) -> Result<()> + 'a;

#[cfg(test)]
mod tests;
