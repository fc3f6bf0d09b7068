//! The build pipeline, as a flat list of stages: config → load → front
//! matter → site model → markdown → page plan → render → write. `prepare`
//! runs every stage that only reads (for `build` and `check`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::{self, Cache};
use crate::config::{Config, normalise_base_url};
use crate::error::{Diagnostic, Error, Result};
use crate::frontmatter::{self, Parsed};
use crate::links::{ArticleHtml, Bodies, Links};
use crate::load;
use crate::markdown;
use crate::output::{self, Claim};
use crate::pages::{self, Page};
use crate::render::{self, Renderer};
use crate::site::{self, Site};
use crate::stamp::{self, Stamp};
use crate::theme::{StaticSource, Theme};
use crate::write::Staging;

/// What the command line asks of a build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    /// Default: `<root>/output`.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    pub future: bool,
    pub base_url: Option<String>,
    /// Set by `watch`: the live-reload endpoint pages should listen to.
    pub live_reload: Option<String>,
    /// `build` keeps article bodies in memory up to this many bytes in all
    /// (`None`: 256 MiB); past it they are read again when their page is
    /// rendered, so a 100,000-article site fits in memory. The output is
    /// the same either way.
    pub body_budget: Option<usize>,
    /// Most URLs in one sitemap file (`None`: 50,000, the protocol's
    /// limit); past it `sitemap.xml` is an index of numbered sitemaps.
    pub sitemap_limit: Option<usize>,
}

const BODY_BUDGET: usize = 256 << 20;

impl Options {
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }
}

/// What a build did, for the one-line summary.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub articles: usize,
    pub pages: usize,
    pub files: usize,
    pub drafts: Vec<PathBuf>,
    pub scheduled: Vec<PathBuf>,
    /// What was published but works badly (a link to a draft), in file
    /// and line order: printed, but the build succeeds.
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Time spent in each stage, in order, for `BANTIN_TIMINGS=1`.
    pub stages: Vec<(&'static str, Duration)>,
}

impl Summary {
    pub fn lap(&mut self, stage: &'static str, since: &mut Instant) {
        let now = Instant::now();
        self.stages.push((stage, now - *since));
        *since = now;
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "published {} articles: {} pages and {} files in {:.2} s",
            self.articles,
            self.pages,
            self.files,
            self.elapsed.as_secs_f64()
        )?;
        if !self.drafts.is_empty() || !self.scheduled.is_empty() {
            write!(
                f,
                " (skipped {} drafts, {} scheduled)",
                self.drafts.len(),
                self.scheduled.len()
            )?;
        }
        Ok(())
    }
}

/// A site read, checked and planned, ready to be written.
pub struct Prepared {
    pub site: Site,
    pub theme: Theme,
    pub tera: tera::Tera,
    pub plan: Vec<Page>,
    /// Each article's HTML, in `site.articles` order; empty when it is
    /// rendered with its page instead (`build`).
    pub html: Vec<ArticleHtml>,
    pub summary: Summary,
}

/// Every stage that only reads: all errors of all stages are gathered.
pub fn prepare(opts: &Options) -> Result<Prepared> {
    prepare_inner(opts, None, false)
}

/// `prepare`, reusing and refreshing what `cache` holds from the last build.
pub fn prepare_with(opts: &Options, cache: Option<&mut Cache>) -> Result<Prepared> {
    prepare_inner(opts, cache, false)
}

/// `lazy`: leave each article's HTML to be rendered with its page.
fn prepare_inner(opts: &Options, mut cache: Option<&mut Cache>, lazy: bool) -> Result<Prepared> {
    let start = Instant::now();
    let mut lap = start;
    let mut config = Config::load(&opts.root)?;
    if let Some(b) = &opts.base_url {
        config.base_url = normalise_base_url(b);
    }
    let content = opts.root.join("content");
    let tree = load::scan(&opts.root, &content)?;
    let mut summary = Summary::default();
    summary.lap("scan", &mut lap);
    let (parsed, mut errors) =
        read_articles(&opts.root, &content, &tree.articles, cache.as_deref_mut());
    summary.lap("read + front matter", &mut lap);
    let now = chrono::Utc::now();
    let parsed: Vec<Parsed> = parsed
        .into_iter()
        .filter(|p| {
            if p.front.draft && !opts.drafts {
                summary.drafts.push(p.display.clone());
                false
            } else if p.front.date > now && !opts.future {
                summary.scheduled.push(p.display.clone());
                false
            } else {
                true
            }
        })
        .collect();
    let theme = Theme::load(&opts.root, &config.theme)?;
    let tera = render::compile(&theme)
        .map_err(|e| errors.extend(e.diagnostics()))
        .ok();
    summary.lap("templates", &mut lap);
    let site = site::assemble(config, parsed, tree.assets)
        .map_err(|e| errors.extend(e))
        .ok();
    summary.lap("site model", &mut lap);
    let (Some(tera), Some(mut site), true) = (tera, site, errors.is_empty()) else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(Error::Content(errors));
    };
    let html = if lazy {
        summaries(&mut site);
        Vec::new()
    } else {
        render_markdown(&mut site, cache)
    };
    summary.lap("markdown", &mut lap);
    let plan = pages::plan(
        &site,
        opts.sitemap_limit
            .map_or(pages::SITEMAP_LIMIT, |l| l.max(1)),
    );
    check_collisions(&site, &plan, &theme)?;
    summary.lap("page plan", &mut lap);
    summary.articles = site.articles.len();
    summary.pages = plan.len();
    summary.files = site.assets.len() + theme.statics.len();
    summary.elapsed = start.elapsed();
    Ok(Prepared {
        site,
        theme,
        tera,
        plan,
        html,
        summary,
    })
}

/// Build the site into its output folder, replacing it only on success.
pub fn build(opts: &Options) -> Result<Summary> {
    let start = Instant::now();
    let claim = guard_output(opts)?;
    let Prepared {
        mut site,
        theme,
        tera,
        plan,
        html: _,
        mut summary,
    } = prepare_inner(opts, None, true)?;
    let mut lap = Instant::now();
    let content = opts.root.join("content");
    // Past the budget, the search word index is made now, while the bodies
    // are in memory, and the bodies are let go of: each is read again when
    // its page is rendered, so a 100,000-article site fits in memory.
    let total: usize = site.articles.iter().map(|a| a.file.body.len()).sum();
    let early_words = (total > opts.body_budget.unwrap_or(BODY_BUDGET)).then(|| {
        let words = render::search::buckets_from_memory(&site);
        for a in &mut site.articles {
            a.file.body = std::sync::Arc::from("");
        }
        summary.lap("search index", &mut lap);
        words
    });
    let body_root = early_words.is_some().then_some(content.as_path());
    let staging = Staging::begin(claim.target())?;
    let mut draft_links = None;
    let renderer = std::thread::scope(|scope| -> Result<Renderer<'_>> {
        // Otherwise the search word index is made beside the stages below
        // and the pages, and its buckets written last.
        let later = early_words
            .is_none()
            .then(|| scope.spawn(|| render::search::buckets_from_memory(&site)));
        let files: Vec<&str> = plan.iter().map(|p| p.file.as_str()).collect();
        let own_dir = staging.make_dirs(&files)?;
        summary.lap("output folders", &mut lap);
        let links = Links::new(&site)
            .reading_from(body_root)
            .with_unpublished(&summary.drafts, &summary.scheduled);
        draft_links = Some(links.warnings());
        summary.lap("link table", &mut lap);
        let bodies = Bodies::WithPages(links);
        let renderer = Renderer::new(tera, &site, bodies, opts.live_reload.as_deref(), None);
        summary.lap("cards", &mut lap);
        let write = |i: usize, bytes: &[u8]| staging.write_page(&plan[i].file, bytes, own_dir[i]);
        let (search, other): (Vec<usize>, Vec<usize>) = pages::render_order(&site, &plan)
            .into_iter()
            .partition(|&i| matches!(plan[i].kind, pages::Kind::SearchWords(_)));
        let mut failures = render_pages(&renderer, &plan, &other, &write)?;
        let words = match (early_words, later) {
            (Some(words), _) => words,
            (None, Some(later)) => later
                .join()
                .unwrap_or_else(|_| Err("the search index failed".into())),
            (None, None) => Err("the search index was not made".into()),
        };
        renderer.provide_search_words(words);
        failures.extend(render_pages(&renderer, &plan, &search, &write)?);
        if !failures.is_empty() {
            return Err(Error::Content(render_failures(failures)));
        }
        Ok(renderer)
    })?;
    summary.lap("render + write pages", &mut lap);
    if let Some(noted) = draft_links {
        let mut w = std::mem::take(&mut *noted.lock().unwrap_or_else(|p| p.into_inner()));
        w.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        w.dedup();
        summary.warnings = w;
    }
    copy_files(&staging, &files_to_copy(&theme, &site, &content))?;
    summary.lap("copy files", &mut lap);
    staging.commit()?;
    summary.lap("swap output", &mut lap);
    drop_in_background((renderer.into_owned(), site));
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// The stage that renders pages: the pages `todo` of `plan`, in parallel,
/// each handed to `write` (by its index in `plan`). Template failures are
/// all gathered and returned, (page file, message); the first failed write
/// (disk full …) stops the rest and is the error, alone. Shared by `build`
/// and `watch`.
pub(crate) fn render_pages(
    renderer: &Renderer<'_>,
    plan: &[Page],
    todo: &[usize],
    write: &(dyn Fn(usize, &[u8]) -> Result<()> + Sync),
) -> Result<Vec<(String, String)>> {
    let write_failed = std::sync::OnceLock::new();
    let failures = todo
        .par_iter()
        .filter_map(|&i| {
            if write_failed.get().is_some() {
                return None;
            }
            let page = &plan[i];
            match renderer.render(page) {
                Ok(bytes) => {
                    if let Err(e) = write(i, &bytes) {
                        let _ = write_failed.set(e);
                    }
                    None
                }
                Err(e) => Some((page.file.clone(), e)),
            }
        })
        .collect();
    match write_failed.into_inner() {
        Some(e) => Err(e),
        None => Ok(failures),
    }
}

/// The stage that lists the files published as they are, by site path:
/// the theme's statics, then the files beside the articles (which win over
/// a static of the same path). Shared by `build` and `watch`.
pub(crate) fn files_to_copy(
    theme: &Theme,
    site: &Site,
    content: &Path,
) -> BTreeMap<String, StaticSource> {
    let mut files = theme.statics.clone();
    for a in &site.assets {
        files.insert(load::site_path(a), StaticSource::Disk(content.join(a)));
    }
    files
}

/// The stage that copies those files into the new site.
fn copy_files(staging: &Staging, files: &BTreeMap<String, StaticSource>) -> Result<()> {
    files.par_iter().try_for_each(|(rel, src)| match src {
        StaticSource::Disk(p) => staging.copy(p, rel),
        StaticSource::Embedded(bytes) => staging.write(rel, bytes),
    })
}

/// Free a big value on another thread: the caller does not wait for it.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// One message per distinct template failure, naming a page that hit it.
pub(crate) fn render_failures(mut failures: Vec<(String, String)>) -> Vec<Diagnostic> {
    failures.sort();
    let mut seen = HashSet::new();
    failures.into_iter().filter(|(_, e)| seen.insert(e.clone())).take(20).map(|(file, e)| {
        Diagnostic::new("templates", format!("rendering {file} failed: {e}"))
            .hint("fix the template named in the message; the values a template can use are listed in the README")
    }).collect()
}

/// Read and parse every article in parallel; results keep the scan order.
/// With a cache, unchanged files are not read again, and the cache is
/// refreshed with what was read.
fn read_articles(
    root: &Path,
    content: &Path,
    files: &[PathBuf],
    cache: Option<&mut Cache>,
) -> (Vec<Parsed>, Vec<Diagnostic>) {
    let old = cache.as_deref();
    type Read = (Option<Stamp>, Result<Parsed, Vec<Diagnostic>>);
    let results: Vec<Read> = files
        .par_iter()
        .map(|rel| {
            let path = content.join(rel);
            let stamp = old.and_then(|_| Stamp::of(&path));
            if let Some(p) = old.and_then(|c| c.parsed(rel, stamp)) {
                return (stamp, Ok(p));
            }
            (stamp, parse_file(root, &path, rel))
        })
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    let mut fresh = cache.map(|c| (std::mem::take(&mut c.parsed), c));
    for (stamp, r) in results {
        match r {
            Ok(p) => {
                if let (Some((map, _)), Some(stamp)) = (&mut fresh, stamp) {
                    map.insert(p.source.clone(), (stamp, p.clone()));
                }
                parsed.push(p)
            }
            Err(e) => errors.extend(e),
        }
    }
    if let Some((mut map, c)) = fresh {
        let present: HashSet<&PathBuf> = files.iter().collect();
        map.retain(|k, _| present.contains(k));
        c.parsed = map;
    }
    (parsed, errors)
}

fn parse_file(root: &Path, path: &Path, rel: &Path) -> Result<Parsed, Vec<Diagnostic>> {
    let display = load::display_path(root, path);
    let (text, stamp) = load::read_text_stamped(path, &display).map_err(|d| vec![d])?;
    let split = frontmatter::split(&display, &text).map_err(|d| vec![d])?;
    let front = frontmatter::parse(&display, &split)?;
    Ok(Parsed {
        verbatim: stamp.map(|s| (s, text.len() - split.body.len())),
        source: rel.to_path_buf(),
        body: split.body.into(),
        body_line: split.body_line,
        front,
        display,
    })
}

/// Render every article's Markdown (reusing `cache` where the file and
/// the links are unchanged), and make summaries from first paragraphs.
fn render_markdown(site: &mut Site, cache: Option<&mut Cache>) -> Vec<ArticleHtml> {
    let links = Links::new(site);
    let resolver = cache.as_ref().map_or(0, |_| links.key());
    let old = cache.as_deref();
    // (Markdown, freshly rendered?)
    let rendered: Vec<(cache::Markdown, bool)> = site
        .articles
        .par_iter()
        .map(|a| {
            // The file the article was parsed from, unchanged since the
            // Markdown was rendered, with the same links: reuse.
            let stamp = old.and_then(|c| c.stamp(&a.file.source));
            if let Some(m) = old
                .and_then(|c| c.markdown.get(&a.file.source))
                .filter(|m| Some(m.stamp) == stamp && m.resolver == resolver)
            {
                return (m.clone(), false);
            }
            let r = links.render_in_memory(a);
            let m = cache::Markdown {
                stamp: stamp.unwrap_or(Stamp {
                    len: u64::MAX,
                    modified: None,
                }),
                resolver,
                html_hash: old.map_or(0, |_| stamp::hash_of(&r.html)),
                body_hash: old.map_or(0, |_| stamp::hash_of(&*a.file.body)),
                html: r.html.into(),
                first_paragraph: r.first_paragraph.into(),
            };
            (m, true)
        })
        .collect();
    if let Some(c) = cache {
        // Keep what is still published, add what was rendered now.
        let present: HashSet<&PathBuf> = site.articles.iter().map(|a| &a.file.source).collect();
        c.markdown.retain(|source, _| present.contains(source));
        for (a, (m, fresh)) in site.articles.iter().zip(&rendered) {
            if *fresh && m.stamp.len != u64::MAX {
                c.markdown.insert(a.file.source.clone(), m.clone());
            }
        }
    }
    let mut html = Vec::with_capacity(rendered.len());
    for (a, (r, _)) in site.articles.iter_mut().zip(rendered) {
        if a.summary.is_empty() {
            a.summary = crate::text::truncate_words(&r.first_paragraph, 240);
        }
        html.push(ArticleHtml {
            html: r.html,
            html_hash: r.html_hash,
            body_hash: r.body_hash,
        });
    }
    html
}

/// For `build`: only the summaries now; each article's HTML is rendered
/// with its page (see `Renderer::with_links`), so the HTML of the whole
/// site is never in memory at once.
fn summaries(site: &mut Site) {
    let firsts: Vec<Option<String>> = site
        .articles
        .par_iter()
        .map(|a| {
            a.summary
                .is_empty()
                .then(|| markdown::first_paragraph(&a.file.body))
        })
        .collect();
    for (a, f) in site.articles.iter_mut().zip(firsts) {
        if let Some(f) = f {
            a.summary = crate::text::truncate_words(&f, 240);
        }
    }
}

/// Two things published to one file is an error naming both.
fn check_collisions(site: &Site, plan: &[Page], theme: &Theme) -> Result<()> {
    if site.assets.is_empty() {
        return Ok(());
    }
    let pages: HashMap<&str, &Page> = plan.iter().map(|p| (p.file.as_str(), p)).collect();
    let owner = |page: &Page| match page.kind {
        pages::Kind::Article(i) => site.articles[i].file.display.display().to_string(),
        _ => format!("bantin's page /{}", page.path),
    };
    let mut errors = Vec::new();
    for a in &site.assets {
        let rel = load::site_path(a);
        let other = pages.get(rel.as_str()).map(|p| owner(p)).or_else(|| {
            theme
                .statics
                .contains_key(&rel)
                .then(|| format!("the theme's static file {rel}"))
        });
        if let Some(other) = other {
            errors.push(
                Diagnostic::new(
                    Path::new("content").join(a),
                    format!("this file and {other} would both publish to /{rel}"),
                )
                .hint("rename or move the file"),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(errors))
    }
}

/// Claim the output folder for this run: never the site's own sources,
/// only a folder that is bantin's (see [`crate::output`]).
pub(crate) fn guard_output(opts: &Options) -> Result<Claim> {
    output::guard(&opts.root, &opts.output_dir())
}
