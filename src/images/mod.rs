//! Photos beside the articles (JPEG, PNG, WebP), published for readers on
//! slow phones. Owns the two image stages of a build:
//!
//! - [`probe`], after `load` and before the pages: each photo's size as
//!   shown (EXIF orientation applied) and a hash of its bytes, read from
//!   its header without decoding, so that pages know `width`, `height` and
//!   `srcset` ([`Table::page`], [`Table::thumb`], [`Table::og`]). A file
//!   that is no photo (0 bytes, a `.jpg` that is something else, HEIC from
//!   an iPhone, past [`MAX_PIXELS`], a broken header) is an error naming it.
//! - [`publish`], while or after the pages render and before the output is
//!   swapped in: the derivatives (page widths from `site.yaml`'s `images:`,
//!   never wider than the photo; a 640×400 thumbnail cut at the article's
//!   `image_focus:`; a 1200 px JPEG for `og:image`) and the original with
//!   its metadata stripped losslessly, made in parallel into the cache
//!   `.bantin/cache/images/` (named by the photo's hash and the settings),
//!   which the build then copies. A photo whose files are all in the cache
//!   is not decoded again; cache files no build used are deleted.
//!
//! No published image carries EXIF, XMP, IPTC or comments: derivatives are
//! encoded from pixels, originals lose those segments (see `strip.rs`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::config::{ImageFormat, Images as Settings};
use crate::error::{Diagnostic, Error, Result};
use crate::load::site_path;

mod codec;
mod focus;
mod known;
mod strip;

pub use focus::Focus;

/// A photo larger than this many pixels is refused before decoding (a
/// decompression bomb, or a panorama no reader needs).
pub const MAX_PIXELS: u64 = 100_000_000;
/// The thumbnail of lists: at most this size, cut to the theme's 16:10.
pub const THUMB: (u32, u32) = (640, 400);
/// The width of the `og:image` JPEG.
pub const OG_WIDTH: u32 = 1200;
/// Changes when derivatives made from the same settings would differ.
const CODEC_VERSION: u32 = 1;
/// Pixels decoded at once, in all threads: two 48 MP photos (≈ 300 MB).
const PIXEL_BUDGET: u64 = 100_000_000;

/// The file types of a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
}

/// A photo as probed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// A hash of its bytes.
    pub hash: u64,
    /// Its size as shown, EXIF orientation applied.
    pub width: u32,
    pub height: u32,
    pub kind: Kind,
    /// EXIF orientation (1–8).
    pub orientation: u8,
    /// The size of the original file.
    pub bytes: u64,
}

/// One file made of a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    /// Its original, metadata stripped, at its own path.
    Original,
    /// A page derivative this wide.
    Width(u32),
    /// The list thumbnail cut at a focus.
    Thumb(Focus),
    /// The `og:image` JPEG.
    Og,
}

/// A published image: its site path (no base path) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub path: String,
    pub width: u32,
    pub height: u32,
}

/// A photo in a page: the candidates of `srcset`, smallest first (the
/// last is the `src`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    pub candidates: Vec<Published>,
}

/// Every photo of the site, by its path under `content/`.
#[derive(Debug, Default, Clone)]
pub struct Table {
    photos: HashMap<PathBuf, Photo>,
    settings: Settings,
    /// How many photos `probe` read (the others were known unchanged).
    pub read: usize,
}

/// Is this file (by its name) one `probe` reads: a photo, or HEIC?
pub fn is_photo(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "heic" | "heif"
    )
}

/// Probe every photo among `assets` (paths under `content`), in parallel.
/// Every photo that cannot be published is an error naming its file.
pub fn probe(
    root: &Path,
    content: &Path,
    assets: &[PathBuf],
    settings: &Settings,
) -> std::result::Result<Table, Vec<Diagnostic>> {
    let index = known_file(root);
    let old = known::Known::load(&index);
    // The photo's path, its file's identity, what was learnt, and whether
    // the file was read.
    type Probed = (
        PathBuf,
        Option<known::FileId>,
        std::result::Result<Photo, Diagnostic>,
        bool,
    );
    let results: Vec<Probed> = assets
        .par_iter()
        .filter(|a| is_photo(a))
        .map(|a| {
            let file = content.join(a);
            let id = known::FileId::of(&file);
            if let Some(p) = id.and_then(|id| old.get(a, id)) {
                return (a.clone(), id, Ok(p), false);
            }
            let shown = crate::load::display_path(root, &file);
            (a.clone(), id, codec::probe_file(&file, &shown), true)
        })
        .collect();
    let mut table = Table {
        photos: HashMap::new(),
        settings: settings.clone(),
        read: 0,
    };
    let mut errors = Vec::new();
    let mut now = known::Known::default();
    for (a, id, r, read) in results {
        table.read += usize::from(read);
        match r {
            Ok(p) => {
                if let Some(id) = id {
                    now.insert(a.clone(), id, p.clone());
                }
                table.photos.insert(a, p);
            }
            Err(d) => errors.push(d),
        }
    }
    if !table.photos.is_empty() {
        now.save(&index);
    }
    if errors.is_empty() {
        Ok(table)
    } else {
        Err(errors)
    }
}

impl Table {
    /// The photo at `source` (under `content/`), if it is one.
    pub fn photo(&self, source: &Path) -> Option<&Photo> {
        self.photos.get(source)
    }

    /// A hash of every photo and the settings: equal keys, equal pages.
    pub fn key(&self) -> u64 {
        let mut all: Vec<(&PathBuf, u64, u32, u32)> = self
            .photos
            .iter()
            .map(|(k, p)| (k, p.hash, p.width, p.height))
            .collect();
        all.sort();
        crate::stamp::hash_of(&(all, &self.settings))
    }

    /// The page widths of a photo `width` wide: the settings' widths below
    /// it, and its own width when it is not wider than the largest.
    fn widths(&self, width: u32) -> Vec<u32> {
        let mut ws: Vec<u32> = self
            .settings
            .widths
            .iter()
            .copied()
            .filter(|&w| w > 0 && w < width)
            .collect();
        let largest = self.settings.widths.iter().copied().max().unwrap_or(1600);
        if width <= largest || ws.is_empty() {
            ws.push(width.min(largest.max(1)));
        }
        ws.sort_unstable();
        ws.dedup();
        ws
    }

    /// The `srcset` candidates of the photo at `source` in a page.
    pub fn page(&self, source: &Path) -> Option<Candidates> {
        let p = self.photos.get(source)?;
        let candidates = self
            .widths(p.width)
            .into_iter()
            .map(|w| self.published(source, p, Variant::Width(w)))
            .collect();
        Some(Candidates { candidates })
    }

    /// The list thumbnail of the photo at `source`, cut at `focus`.
    pub fn thumb(&self, source: &Path, focus: Focus) -> Option<Published> {
        let p = self.photos.get(source)?;
        Some(self.published(source, p, Variant::Thumb(focus)))
    }

    /// The `og:image` JPEG of the photo at `source`.
    pub fn og(&self, source: &Path) -> Option<Published> {
        let p = self.photos.get(source)?;
        Some(self.published(source, p, Variant::Og))
    }

    fn published(&self, source: &Path, p: &Photo, v: Variant) -> Published {
        let (width, height) = size_of(p, v);
        Published {
            path: derived_path(source, v, self.settings.format),
            width,
            height,
        }
    }
}

/// The size of variant `v` of photo `p`.
fn size_of(p: &Photo, v: Variant) -> (u32, u32) {
    let scaled = |w: u32| {
        let w = w.min(p.width).max(1);
        let h = (u64::from(p.height) * u64::from(w) + u64::from(p.width) / 2) / u64::from(p.width);
        (w, (h as u32).max(1))
    };
    match v {
        Variant::Original => (p.width, p.height),
        Variant::Width(w) => scaled(w),
        Variant::Og => scaled(OG_WIDTH),
        Variant::Thumb(_) => {
            // The largest 16:10 box inside the photo, at most 640×400.
            let (cw, ch) = crop_box(p.width, p.height);
            let w = cw.min(THUMB.0);
            let h = (u64::from(w) * u64::from(ch) / u64::from(cw)).max(1) as u32;
            (w, h)
        }
    }
}

/// The largest box of the thumbnail's ratio inside `width`×`height`.
fn crop_box(width: u32, height: u32) -> (u32, u32) {
    let (rw, rh) = (u64::from(THUMB.0), u64::from(THUMB.1));
    let (w, h) = (u64::from(width), u64::from(height));
    if w * rh > h * rw {
        ((h * rw / rh).max(1) as u32, height)
    } else {
        (width, (w * rh / rw).max(1) as u32)
    }
}

/// The site path of variant `v` of the photo at `source`:
/// `a/anh.960w.webp`, `a/anh.thumb.webp`, `a/anh.thumb-50-0.webp`,
/// `a/anh.og.jpg`, or the original's own path.
pub fn derived_path(source: &Path, v: Variant, format: ImageFormat) -> String {
    let own = site_path(source);
    let stem_end = own
        .rfind('.')
        .filter(|&i| i > own.rfind('/').map_or(0, |s| s + 1));
    let stem = &own[..stem_end.unwrap_or(own.len())];
    let ext = match format {
        ImageFormat::Webp => "webp",
        ImageFormat::Jpeg => "jpg",
    };
    match v {
        Variant::Original => own.clone(),
        Variant::Width(w) => format!("{stem}.{w}w.{ext}"),
        Variant::Thumb(f) if f == Focus::default() => format!("{stem}.thumb.{ext}"),
        Variant::Thumb(Focus(x, y)) => format!("{stem}.thumb-{x}-{y}.{ext}"),
        Variant::Og => format!("{stem}.og.jpg"),
    }
}

/// What [`publish`] did, for `BANTIN_TIMINGS`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub photos: usize,
    /// Photos decoded now (their derivatives were not all in the cache).
    pub decoded: usize,
    /// Files made now, and files taken from the cache.
    pub made: usize,
    pub cached: usize,
}

/// Make every published file of every photo into the cache folder `cache`
/// (what it holds already is kept), in parallel, and delete the cache files
/// no longer used. `covers` are the photos shown as an article's `image:`,
/// with their thumbnails' focus. Returns each published file by site path
/// with where it is in the cache.
pub fn publish(
    table: &Table,
    content: &Path,
    cache: &Path,
    covers: &[(PathBuf, Focus)],
) -> Result<(BTreeMap<String, PathBuf>, Stats)> {
    // A site without photos gets no cache folder.
    if !table.photos.is_empty() {
        std::fs::create_dir_all(cache).map_err(|e| Error::Io {
            path: cache.to_path_buf(),
            source: e,
        })?;
    }
    let settings =
        crate::stamp::hash_of(&(table.settings.quality, table.settings.format, CODEC_VERSION));
    let format = table.settings.format;
    // Each published file, by site path, with its cache file; and each
    // cache file once, with the photo to make it from: two photos with the
    // same bytes (a copy beside another article) share their cache files,
    // made once by one decode, never by two threads at a time.
    let mut out = BTreeMap::new();
    let mut work: BTreeMap<u64, (&PathBuf, BTreeMap<Variant, PathBuf>)> = BTreeMap::new();
    for (source, vs) in wanted_variants(table, covers) {
        let p = &table.photos[source];
        let (_, files) = work
            .entry(p.hash)
            .or_insert_with(|| (source, BTreeMap::new()));
        for v in vs {
            let c = cache.join(cache_name(p, v, settings, format));
            files.insert(v, c.clone());
            out.insert(derived_path(source, v, format), c);
        }
    }
    let decoded = AtomicUsize::new(0);
    let budget = codec::Budget::new(PIXEL_BUDGET);
    let jobs: Vec<_> = work.into_values().collect();
    let made: Vec<Vec<PathBuf>> = jobs
        .par_iter()
        .map(|(source, files)| {
            let missing: Vec<(Variant, &Path)> = files
                .iter()
                .filter(|(_, c)| !c.is_file())
                .map(|(v, c)| (*v, c.as_path()))
                .collect();
            if !missing.is_empty() {
                let p = &table.photos[*source];
                let file = content.join(source);
                if codec::make(&file, p, &missing, &table.settings, &budget)? {
                    decoded.fetch_add(1, Ordering::Relaxed);
                }
            }
            Ok(missing.into_iter().map(|(_, c)| c.to_path_buf()).collect())
        })
        .collect::<Result<_>>()?;
    let made: HashSet<PathBuf> = made.into_iter().flatten().collect();
    let stats = Stats {
        photos: table.photos.len(),
        decoded: decoded.into_inner(),
        made: made.len(),
        cached: out.values().filter(|c| !made.contains(*c)).count(),
    };
    prune(cache, &out);
    Ok((out, stats))
}

/// The files each photo is published as: the original, its widths, and for
/// a cover the `og:image` and the list thumbnail at its focus.
fn wanted_variants<'a>(
    table: &'a Table,
    covers: &[(PathBuf, Focus)],
) -> BTreeMap<&'a PathBuf, Vec<Variant>> {
    let mut wanted: BTreeMap<&PathBuf, Vec<Variant>> = BTreeMap::new();
    for (source, p) in &table.photos {
        let mut vs = vec![Variant::Original];
        vs.extend(table.widths(p.width).into_iter().map(Variant::Width));
        wanted.insert(source, vs);
    }
    for (source, focus) in covers {
        if let Some(vs) = wanted.get_mut(source) {
            vs.extend([Variant::Og, Variant::Thumb(*focus)]);
        }
    }
    for vs in wanted.values_mut() {
        vs.sort();
        vs.dedup();
    }
    wanted
}

/// The cache file of variant `v` of `p`: named by the photo's hash, the
/// settings (derivatives only) and the variant.
fn cache_name(p: &Photo, v: Variant, settings: u64, format: ImageFormat) -> String {
    let ext = match (v, format) {
        (Variant::Og, _) | (_, ImageFormat::Jpeg) => "jpg",
        (_, ImageFormat::Webp) => "webp",
    };
    let h = p.hash;
    match v {
        Variant::Original => {
            let ext = match p.kind {
                Kind::Jpeg => "jpg",
                Kind::Png => "png",
                Kind::Webp => "webp",
            };
            format!("{h:016x}.{ext}")
        }
        Variant::Width(w) => format!("{h:016x}-{settings:016x}-{w}w.{ext}"),
        Variant::Thumb(Focus(x, y)) => format!("{h:016x}-{settings:016x}-t{x}-{y}.{ext}"),
        Variant::Og => format!("{h:016x}-{settings:016x}-og.{ext}"),
    }
}

/// Delete the files of `cache` that `used` does not name (best effort: a
/// cache file left behind costs only disk).
fn prune(cache: &Path, used: &BTreeMap<String, PathBuf>) {
    let keep: HashSet<&Path> = used.values().map(PathBuf::as_path).collect();
    let Ok(dir) = std::fs::read_dir(cache) else {
        return;
    };
    for entry in dir.flatten() {
        let path = entry.path();
        // Another build's file being written (`….tmpPID`) is left alone.
        let writing = path
            .extension()
            .is_some_and(|e| e.to_string_lossy().starts_with("tmp"));
        if !keep.contains(path.as_path()) && !writing && path.is_file() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Where what was learnt of the site's photos is kept (see [`known`]).
fn known_file(root: &Path) -> PathBuf {
    root.join(".bantin").join("cache").join("photos.tsv")
}

/// The cache folder of a site.
pub fn cache_dir(root: &Path) -> PathBuf {
    root.join(".bantin").join("cache").join("images")
}

#[cfg(test)]
mod tests;
