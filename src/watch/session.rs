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

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::{self, Options, Prepared, Summary};
use crate::cache::Cache;
use crate::error::{Error, Result};
use crate::links::Bodies;
use crate::pages::Kind;
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
}

pub struct Session {
    opts: Options,
    out: PathBuf,
    cache: Cache,
    pages: HashMap<String, u64>,
    files: HashMap<String, Origin>,
    cards: CardCache,
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
        self.rebuild_then(&mut |place| place())
    }

    /// `rebuild`, handing `publish` the step that moves every page a
    /// reader looks at into place (and deletes what is gone), for it to
    /// run (once) and announce as one step; the search index's word buckets
    /// (derived from every article, the slowest part to redo) are written
    /// after it. When this returns `Ok`, the output is again exactly a
    /// clean build.
    pub fn rebuild_then(&mut self, publish: &mut Publish<'_>) -> Result<Rebuilt> {
        let start = Instant::now();
        let Prepared {
            site,
            theme,
            tera,
            plan,
            html,
            mut summary,
        } = build::prepare_with(&self.opts, Some(&mut self.cache))?;
        let mut lap = Instant::now();
        let renderer = Renderer::new(
            tera,
            &site,
            Bodies::Ready(html),
            self.opts.live_reload.as_deref(),
            Some((theme.hash(), &self.cards)),
        );
        summary.lap("cards", &mut lap);
        let fingerprints: Vec<u64> = plan.par_iter().map(|p| renderer.fingerprint(p)).collect();
        summary.lap("fingerprints", &mut lap);
        let changed: Vec<usize> = (0..plan.len())
            .filter(|i| self.pages.get(&plan[*i].file) != Some(&fingerprints[*i]))
            .collect();
        // The first build writes everything at once; later ones the word
        // buckets after the pages.
        let first = self.pages.is_empty();
        let (todo, later): (Vec<usize>, Vec<usize>) = changed
            .iter()
            .partition(|i| first || !matches!(plan[**i].kind, Kind::SearchWords(_)));

        // Files to copy: theme statics, then assets (assets win, as in build).
        let content = self.opts.root.join("content");
        let mut wanted: HashMap<String, (Origin, Source)> = HashMap::new();
        for (rel, src) in &theme.statics {
            let entry = match src {
                StaticSource::Disk(p) => {
                    Stamp::of(p).map(|s| (Origin::Disk(s), Source::Disk(p.clone())))
                }
                StaticSource::Embedded(b) => {
                    Some((Origin::Embedded(hash_of(*b)), Source::Bytes(b)))
                }
            };
            if let Some(e) = entry {
                wanted.insert(rel.clone(), e);
            }
        }
        for a in &site.assets {
            let path = content.join(a);
            if let Some(s) = Stamp::of(&path) {
                wanted.insert(
                    crate::load::site_path(a),
                    (Origin::Disk(s), Source::Disk(path)),
                );
            }
        }
        let copies: Vec<(String, Source)> = wanted
            .iter()
            .filter(|(rel, (origin, _))| self.files.get(*rel) != Some(origin))
            .map(|(rel, (_, src))| (rel.clone(), src.clone()))
            .collect();

        // Render into a staging folder; nothing is served from it yet. The
        // first build has no good pages to keep: it writes in place.
        let stage = Stage::new(&self.out)?;
        let own_dir = if first {
            let files: Vec<&str> = plan.iter().map(|p| p.file.as_str()).collect();
            write::make_dirs(&self.out, &files)?
        } else {
            Vec::new()
        };
        let failures: Vec<(String, String)> = todo
            .par_iter()
            .filter_map(|i| {
                let page = &plan[*i];
                let target = if first {
                    self.out.join(&page.file)
                } else {
                    stage.slot(*i)
                };
                let own_dir = own_dir.get(*i).copied().unwrap_or(false);
                match renderer.render(page) {
                    Ok(bytes) => write::write_file(&target, &bytes, own_dir)
                        .err()
                        .map(|e| (page.file.clone(), e.to_string())),
                    Err(e) => Some((page.file.clone(), e)),
                }
            })
            .collect();
        if !failures.is_empty() {
            if first {
                clear(&self.out)?;
            }
            return Err(Error::Content(build::render_failures(failures)));
        }
        summary.lap("render changed pages", &mut lap);
        for (n, (_, src)) in copies.iter().enumerate() {
            let slot = stage.slot(plan.len() + n);
            match src {
                Source::Disk(p) => fs::copy(p, &slot).map(|_| ()),
                Source::Bytes(b) => fs::write(&slot, b),
            }
            .map_err(|e| Error::io(&slot, e))?;
        }

        // Everything succeeded: what the output holds from now on. Pages
        // still to write keep their old fingerprint until written.
        let mut new_pages: HashMap<String, u64> = plan
            .iter()
            .zip(&fingerprints)
            .map(|(p, f)| (p.file.clone(), *f))
            .collect();
        for i in &later {
            match self.pages.get(&plan[*i].file) {
                Some(old) => new_pages.insert(plan[*i].file.clone(), *old),
                None => new_pages.remove(&plan[*i].file),
            };
        }
        let new_files: HashMap<String, Origin> =
            wanted.into_iter().map(|(rel, (o, _))| (rel, o)).collect();
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
        publish(&mut || {
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
        let old_cards = std::mem::replace(&mut self.cards, renderer.card_cache());
        summary.lap("move into place", &mut lap);

        // The word buckets of the search index, then the output is whole.
        for i in &later {
            let page = &plan[*i];
            let bytes = renderer.render(page).map_err(|e| {
                Error::Content(build::render_failures(vec![(page.file.clone(), e)]))
            })?;
            let slot = stage.slot(*i);
            fs::write(&slot, bytes).map_err(|e| Error::io(&slot, e))?;
            place(&self.out, &mut made, slot, &page.file)?;
            self.pages.insert(page.file.clone(), fingerprints[*i]);
        }
        summary.lap("search buckets", &mut lap);
        drop(stage);
        build::drop_in_background((renderer.into_owned(), site, old_cards));
        summary.elapsed = start.elapsed();
        Ok(Rebuilt {
            written: todo.len() + later.len(),
            copied: copies.len(),
            removed: gone.len(),
            summary,
        })
    }
}

/// See [`Session::rebuild_then`].
pub type Publish<'a> = dyn FnMut(&mut dyn FnMut() -> Result<()>) -> Result<()> + 'a;

/// Move a staged file to `rel` under `out`, making its folder once.
fn place(out: &Path, made: &mut BTreeSet<PathBuf>, slot: PathBuf, rel: &str) -> Result<()> {
    let target = out.join(rel);
    if let Some(parent) = target.parent()
        && made.insert(parent.to_path_buf())
    {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    fs::rename(&slot, &target).map_err(|e| Error::io(&target, e))
}

#[derive(Clone)]
enum Source {
    Disk(PathBuf),
    Bytes(&'static [u8]),
}

/// A staging folder beside the output, removed when dropped.
struct Stage(PathBuf);

impl Stage {
    fn new(out: &Path) -> Result<Stage> {
        write::fresh_sibling(out, "stage").map(Stage)
    }

    fn slot(&self, n: usize) -> PathBuf {
        self.0.join(n.to_string())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Empty `out`, keeping the folder itself.
fn clear(out: &Path) -> Result<()> {
    fs::remove_dir_all(out).map_err(|e| Error::io(out, e))?;
    fs::create_dir_all(out).map_err(|e| Error::io(out, e))
}

/// Delete `rel` under `out`, then its folders while they are empty.
fn remove_with_empty_parents(out: &Path, rel: &str) {
    let path = out.join(rel);
    let _ = fs::remove_file(&path);
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
