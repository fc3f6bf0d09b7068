//! The build pipeline, as a flat list of stages: config → load → front
//! matter → site model → markdown → page plan → render → write. `prepare`
//! runs every stage that only reads (for `build`, `check` and `watch`);
//! the stages themselves, shared with `watch`, are in `stages.rs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cache::Cache;
use crate::config::{Config, normalise_base_url};
use crate::error::{Diagnostic, Error, Result};
use crate::frontmatter::Parsed;
use crate::links::{ArticleHtml, Bodies};
use crate::load;
use crate::output::{self, Claim};
use crate::pages::{self, Page};
use crate::render::{self, Renderer};
use crate::site::{self, Site};
use crate::theme::Theme;
use crate::write::Staging;

mod keep;
mod stages;
mod write_pages;

use stages::{copy_files, read_documents, render_markdown, summaries};
pub(crate) use stages::{
    files_to_copy, judge_links, link_table, parse_file, publish_photos, published, read_articles,
    render_failures, render_pages,
};

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
    /// (`None`: `BANTIN_BODY_BUDGET` in bytes when set, for benchmarks,
    /// else 256 MiB); past it they are read again when their page is
    /// rendered, so a 100,000-article site fits in memory. The output is
    /// the same either way.
    pub body_budget: Option<usize>,
    /// Most URLs in one sitemap file (`None`: 50,000, the protocol's
    /// limit); past it `sitemap.xml` is an index of numbered sitemaps.
    pub sitemap_limit: Option<usize>,
    /// `build --relative`: links between pages relative to each page (see
    /// [`render::relative`]), for a site opened from a disk or USB stick.
    pub relative: bool,
    /// The build time (`None`: now, or `BANTIN_NOW` when set, which tests
    /// use): what is scheduled and which documents have expired.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

const BODY_BUDGET: usize = 256 << 20;

impl Options {
    /// The build time: `now`, else `BANTIN_NOW` (any date form articles
    /// use), else the clock.
    pub fn build_time(&self) -> chrono::DateTime<chrono::Utc> {
        self.now
            .or_else(|| {
                let set = std::env::var("BANTIN_NOW").ok()?;
                Some(crate::date::parse(&set).ok()?.to_utc())
            })
            .unwrap_or_else(chrono::Utc::now)
    }

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
    /// Pages kept from the last build without rendering them (see
    /// [`crate::write::memo`]).
    pub kept: usize,
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
        let mut seconds = format!("{:.2}", self.elapsed.as_secs_f64());
        if crate::i18n::lang() == crate::i18n::Lang::Vi {
            // Vietnamese writes 0,25 for a quarter.
            seconds = seconds.replace('.', ",");
        }
        let summary = crate::t!(
            "build-summary",
            articles = self.articles,
            pages = self.pages,
            files = self.files,
            seconds = seconds
        );
        write!(f, "{summary}")?;
        if !self.drafts.is_empty() || !self.scheduled.is_empty() {
            let skipped = crate::t!(
                "build-summary-skipped",
                drafts = self.drafts.len(),
                scheduled = self.scheduled.len()
            );
            write!(f, " {skipped}")?;
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
    /// The address links written as URLs of the site are read against
    /// (url, path): where the site is published, `site.yaml`'s base URL or
    /// `--base-url` — not the address `watch` serves the preview at.
    pub link_base: (String, String),
}

/// Every stage that only reads: all errors of all stages are gathered.
pub fn prepare(opts: &Options) -> Result<Prepared> {
    prepare_inner(opts, None, false)
}

/// `prepare`, reusing and refreshing what `cache` holds from the last build.
pub fn prepare_with(opts: &Options, cache: Option<&mut Cache>) -> Result<Prepared> {
    prepare_inner(opts, cache, false)
}

/// The articles to publish: drafts (unless `--drafts`) and articles dated
/// after `now` (unless `--future`) are set aside and listed in `summary`.
fn set_aside(
    parsed: Vec<Parsed>,
    opts: &Options,
    now: chrono::DateTime<chrono::Utc>,
    summary: &mut Summary,
) -> Vec<Parsed> {
    parsed
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
        .collect()
}

/// `lazy`: leave each article's HTML to be rendered with its page.
fn prepare_inner(opts: &Options, mut cache: Option<&mut Cache>, lazy: bool) -> Result<Prepared> {
    let start = Instant::now();
    let mut lap = start;
    let mut config = Config::load(&opts.root)?;
    let written = (config.base_url.clone(), config.base_path());
    if let Some(b) = &opts.base_url {
        config.base_url = normalise_base_url(b);
    }
    let link_base = match opts.live_reload {
        Some(_) => written,
        None => (config.base_url.clone(), config.base_path()),
    };
    let content = opts.root.join("content");
    let tree = load::scan(&opts.root, &content)?;
    let mut summary = Summary::default();
    summary.lap("scan", &mut lap);
    let (parsed, mut errors) =
        read_articles(&opts.root, &content, &tree.articles, cache.as_deref_mut());
    errors.extend(tree.misnamed);
    summary.warnings = parsed.iter().flat_map(|p| p.notes.clone()).collect();
    summary.lap("read + front matter", &mut lap);
    let now = opts.build_time();
    let (docs, doc_errors) = read_documents(&opts.root, &content, &tree.documents);
    errors.extend(doc_errors);
    let parsed = set_aside(parsed, opts, now, &mut summary);
    let photos = crate::images::probe(&opts.root, &content, &tree.assets, &config.images)
        .map_err(|e| errors.extend(e))
        .ok();
    summary.lap("probe photos", &mut lap);
    let theme = Theme::load(&opts.root, &config.theme)?;
    let tera = render::compile(&theme)
        .map_err(|e| errors.extend(e.diagnostics()))
        .ok();
    summary.lap("templates", &mut lap);
    let site = site::assemble(config, parsed, tree.assets)
        .map_err(|e| errors.extend(e))
        .ok()
        .and_then(|mut site| {
            site::place_documents(&mut site, docs, &content, now)
                .map_err(|e| errors.extend(e))
                .ok()?;
            site::backlinks(&mut site);
            Some(site)
        });
    summary.lap("site model", &mut lap);
    let (Some(tera), Some(mut site), Some(photos), true) = (tera, site, photos, errors.is_empty())
    else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(Error::Content(errors));
    };
    site.images = photos;
    let html = if lazy {
        summaries(&mut site);
        Vec::new()
    } else {
        let links = link_table(&site, &link_base, &content);
        render_markdown(&mut site, cache, links)
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
        link_base,
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
        link_base,
    } = prepare_inner(opts, None, true)?;
    let mut lap = Instant::now();
    let content = opts.root.join("content");
    let early_words = words_early(opts, &mut site);
    if early_words.is_some() {
        summary.lap("search index", &mut lap);
    }
    let body_root = early_words.is_some().then_some(content.as_path());
    let staging = Staging::begin(claim.target(), claim.spare())?;
    let keeper = keep::Keeper::open(claim.memo(), opts.relative, plan.len());
    // What fingerprints know of each body while it is in memory (see
    // `links::Bodies::html_print`).
    let digests = (keeper.is_some() && early_words.is_none())
        .then(|| crate::links::body_digests(&site.articles));
    let mut noted = None;
    let mut photos = None;
    // Before the index starts beside it: the folders (the spare tree
    // pruned) take every core for a moment, and the index's memory is not
    // held longer than the pages need.
    let files: Vec<&str> = plan.iter().map(|p| p.file.as_str()).collect();
    let own_dir = staging.make_dirs(&files)?;
    summary.lap("output folders", &mut lap);
    let renderer = std::thread::scope(|scope| -> Result<Renderer<'_>> {
        // Photos are made beside the pages.
        let made = scope.spawn(|| publish_photos(&site, &opts.root));
        let pages = write_pages::Pages {
            opts,
            plan: &plan,
            staging: &staging,
            own_dir: &own_dir,
            keeper: keeper.as_ref(),
        };
        let started = pages.start(scope, &site, (early_words, digests.as_deref()))?;
        summary.lap("search index kept or started", &mut lap);
        let links = link_table(&site, &link_base, &content)
            .reading_from(body_root)
            .with_unpublished(&summary.drafts, &summary.scheduled)
            .with_published(published(&site, &plan, &theme));
        noted = Some(links.noted());
        summary.lap("link table", &mut lap);
        let bodies = Bodies::with_pages(links, digests);
        // Fingerprints need the cards' hashes.
        let no_cards = render::CardCache::new();
        let prints = keeper.as_ref().map(|_| (theme.hash(), &no_cards));
        let renderer = Renderer::new(tera, &site, bodies, opts.live_reload.as_deref(), prints);
        summary.lap("cards", &mut lap);
        let failures = pages.write(&renderer, started, (&mut summary, &mut lap))?;
        if !failures.is_empty() {
            return Err(Error::Content(render_failures(failures)));
        }
        photos = Some(made.join().unwrap_or_else(|_| {
            Err(Error::Content(vec![Diagnostic::new(
                "content",
                crate::t!("images-failed"),
            )]))
        })?);
        Ok(renderer)
    })?;
    summary.lap("render + write pages", &mut lap);
    if let Some(noted) = noted {
        judged(&noted, &mut summary)?;
    }
    let photos = photos.unwrap_or_default();
    let copies = files_to_copy(&theme, &site, &content, &photos);
    // The files copied: the site's and the theme's, and the photos' sizes.
    summary.files = copies.len();
    copy_files(&staging, &copies, &crate::images::cache_dir(&opts.root))?;
    summary.lap("copy files", &mut lap);
    staging.commit()?;
    summary.lap("swap output", &mut lap);
    if let Some(keeper) = keeper {
        summary.kept = keeper.kept();
        // Beside the spare tree, when the replaced site was kept as one: a
        // first build (or one whose old site could not be kept) leaves
        // nothing in the site's own folder.
        if claim.spare().is_some_and(Path::is_dir) {
            keeper.save(&renderer, &plan);
        }
        summary.lap("page memo", &mut lap);
    }
    drop_in_background((renderer.into_owned(), site));
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// What rendering noted about links: a link, image or cover that leads
/// nowhere is an error (nothing is published); the warnings join the
/// summary's, in file, line and column order.
fn judged(noted: &crate::links::Noted, summary: &mut Summary) -> Result<()> {
    let (errors, mut w) = noted.take();
    if !errors.is_empty() {
        return Err(Error::Content(errors));
    }
    w.append(&mut summary.warnings);
    w.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    w.dedup();
    summary.warnings = w;
    Ok(())
}

/// Past the body budget, the search word index made now, while the bodies
/// are in memory, and the bodies let go of: each is read again when its
/// page is rendered, so a 100,000-article site fits in memory.
fn words_early(opts: &Options, site: &mut Site) -> Option<Result<Vec<Vec<u8>>, String>> {
    let total: usize = site.articles.iter().map(|a| a.file.body.len()).sum();
    let budget = opts.body_budget.unwrap_or_else(|| {
        std::env::var("BANTIN_BODY_BUDGET")
            .ok()
            .and_then(|b| b.parse().ok())
            .unwrap_or(BODY_BUDGET)
    });
    (total > budget).then(|| {
        let words = render::search::buckets_from_memory(site, render::search::all_cores());
        for a in &mut site.articles {
            a.file.body = std::sync::Arc::from("");
        }
        words
    })
}

/// With `--relative`, a page a reader opens, its site links made relative
/// (`None`: written as rendered). The not-found page keeps absolute links:
/// a web server shows it at any address.
fn relative_page(opts: &Options, page: &Page, base_path: &str, bytes: &[u8]) -> Option<String> {
    use pages::Kind;
    let reader_page = matches!(
        page.kind,
        Kind::Home(_)
            | Kind::List(_)
            | Kind::Article(_)
            | Kind::Archive
            | Kind::Authors
            | Kind::Tags
            | Kind::Search
            | Kind::Register(_)
            | Kind::Document(_)
    );
    if !opts.relative || !reader_page {
        return None;
    }
    let html = std::str::from_utf8(bytes).ok()?;
    Some(render::relative::relative_links(
        html, base_path, &page.path,
    ))
}

/// Free a big value on another thread: the caller does not wait for it.
pub(crate) fn drop_in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Two things published to one file is an error naming both.
fn check_collisions(site: &Site, plan: &[Page], theme: &Theme) -> Result<()> {
    if site.assets.is_empty() {
        return Ok(());
    }
    let pages: HashMap<&str, &Page> = plan.iter().map(|p| (p.file.as_str(), p)).collect();
    let owner = |page: &Page| match page.kind {
        pages::Kind::Article(i) => site.articles[i].file.display.display().to_string(),
        _ => crate::t!("build-own-page", path = format!("/{}", page.path)),
    };
    let mut errors = Vec::new();
    for a in &site.assets {
        let rel = load::site_path(a);
        let other = pages.get(rel.as_str()).map(|p| owner(p)).or_else(|| {
            theme
                .statics
                .contains_key(&rel)
                .then(|| crate::t!("build-theme-file", path = &rel))
        });
        if let Some(other) = other {
            errors.push(
                Diagnostic::new(
                    Path::new("content").join(a),
                    crate::t!(
                        "build-same-address",
                        other = other,
                        path = format!("/{rel}")
                    ),
                )
                .hint(crate::t!("build-same-address.hint")),
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
