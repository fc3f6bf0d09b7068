//! Placing parsed articles in a site ([`assemble`]): each article's
//! category (listed in `site.yaml` or named by articles), slug and URL,
//! every conflict refused; then the order (newest first) and the groups
//! readers browse by (authors, tags, years and months).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::Datelike;

use super::{Article, Category, Group, Site, Year};
use crate::config::Config;
use crate::error::Diagnostic;
use crate::frontmatter::Parsed;
use crate::routes::RESERVED;
use crate::text::{match_key, slugify};

/// Place the parsed articles in a site: categories, slugs, URLs, groups.
/// Every problem is returned, not only the first.
pub fn assemble(
    config: Config,
    parsed: Vec<Parsed>,
    assets: Vec<PathBuf>,
) -> Result<Site, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut categories = Categories::new(&config, &mut errors);
    // Slugs cost a transliteration each: work them out in parallel first.
    let slugs: Vec<Slugs> = {
        use rayon::prelude::*;
        parsed
            .par_iter()
            .map(|p| Slugs::of(p, config.slugs))
            .collect()
    };
    let mut articles: Vec<Article> = Vec::with_capacity(parsed.len());
    // Each URL taken so far, with the article that took it.
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(parsed.len());
    for (p, slugs) in parsed.into_iter().zip(slugs) {
        match place(p, slugs, &mut categories, &taken, &articles) {
            Ok(a) => {
                taken.insert(a.path.clone(), articles.len());
                articles.push(a);
            }
            Err(d) => errors.push(d),
        }
    }
    let (categories, moved) = categories.settle();
    for a in &mut articles {
        a.category = moved[a.category];
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(site_of(config, articles, categories, assets))
}

/// The categories while articles are placed: the listed ones, and those
/// articles name that `site.yaml` does not list, made as they come.
struct Categories<'c> {
    config: &'c Config,
    list: Vec<Category>,
    by_key: HashMap<String, usize>,
    by_slug: HashMap<String, usize>,
    /// How the articles spell each unlisted category, and how often.
    spellings: HashMap<usize, BTreeMap<String, usize>>,
    /// A site has a handful of category spellings: work each out once
    /// (match key, slug, spelling).
    keys: HashMap<String, (String, String, String)>,
}

impl<'c> Categories<'c> {
    fn new(config: &'c Config, errors: &mut Vec<Diagnostic>) -> Categories<'c> {
        let list = configured_categories(config, errors);
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, c) in config.categories.iter().enumerate() {
            by_key.insert(match_key(&c.name), i);
            if let Some(t) = &c.title {
                by_key.entry(match_key(t)).or_insert(i);
            }
        }
        let by_slug = list
            .iter()
            .enumerate()
            .map(|(i, c)| (c.slug.clone(), i))
            .collect();
        Categories {
            config,
            list,
            by_key,
            by_slug,
            spellings: HashMap::new(),
            keys: HashMap::new(),
        }
    }

    /// The category an article's `category:` names (made when it is new
    /// and `site.yaml` lists none); `Err` when it cannot be.
    fn find(&mut self, name: &str) -> Result<usize, NoCategory> {
        if !self.keys.contains_key(name) {
            let names = (
                match_key(name),
                slugify(name),
                crate::text::squash_spaces(name),
            );
            self.keys.insert(name.to_string(), names);
        }
        let (key, cat_slug, spelling) = &self.keys[name];
        let cat = match self.by_key.get(key).or_else(|| self.by_slug.get(cat_slug)) {
            Some(&i) => i,
            None => {
                if !self.config.categories.is_empty() {
                    return Err(NoCategory::Unlisted);
                }
                if RESERVED.contains(&cat_slug.as_str()) || cat_slug.is_empty() {
                    return Err(NoCategory::Reserved(cat_slug.clone()));
                }
                self.list.push(Group {
                    name: String::new(),
                    slug: cat_slug.clone(),
                    articles: Vec::new(),
                });
                self.by_slug.insert(cat_slug.clone(), self.list.len() - 1);
                self.list.len() - 1
            }
        };
        if cat >= self.config.categories.len() {
            let counts = self.spellings.entry(cat).or_default();
            match counts.get_mut(spelling) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(spelling.clone(), 1);
                }
            }
        }
        Ok(cat)
    }

    /// The final list: unlisted categories named as most of their articles
    /// spell them, after the listed ones by slug; and where each category
    /// of [`Categories::find`] went.
    fn settle(mut self) -> (Vec<Category>, Vec<usize>) {
        for (i, counts) in self.spellings {
            let best = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            self.list[i].name = best.map(|(s, _)| s.clone()).unwrap_or_default();
        }
        let old_slugs: Vec<String> = self.list.iter().map(|c| c.slug.clone()).collect();
        let listed = self.config.categories.len();
        self.list[listed..].sort_by(|a, b| a.slug.cmp(&b.slug));
        let moved = {
            let order: HashMap<&str, usize> = self
                .list
                .iter()
                .enumerate()
                .map(|(i, c)| (c.slug.as_str(), i))
                .collect();
            old_slugs.iter().map(|s| order[s.as_str()]).collect()
        };
        (self.list, moved)
    }
}

/// Why an article's category cannot be used.
enum NoCategory {
    /// `site.yaml` lists the categories, and not this one.
    Unlisted,
    /// Its URL name is one bantin keeps for its own pages (or empty).
    Reserved(String),
}

/// The listed category closest to a name that is not listed: its name as
/// `site.yaml` writes it, when one is close (a typo, a missing accent).
pub(super) fn nearest<'c>(config: &'c Config, name: &str) -> Option<&'c str> {
    let key = match_key(name);
    let plain = slugify(name);
    config
        .categories
        .iter()
        .flat_map(|c| {
            [Some(&c.name), c.title.as_ref()]
                .into_iter()
                .flatten()
                .map(move |n| (c.name.as_str(), n))
        })
        .map(|(listed, n)| {
            let d = strsim::levenshtein(&key, &match_key(n))
                .min(strsim::levenshtein(&plain, &slugify(n)) + 1);
            (d, listed)
        })
        .filter(|(d, _)| *d <= 2.max(key.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, listed)| listed)
}

/// The error for a category `site.yaml` does not list, at its value.
fn unlisted(p: &Parsed, config: &Config) -> Diagnostic {
    let fm = &p.front;
    let (line, column) = fm.at.of("category").unwrap_or((1, 1));
    let names: Vec<&str> = config.categories.iter().map(|c| c.name.as_str()).collect();
    let hint = match nearest(config, &fm.category) {
        Some(near) => crate::t!(
            "site-category-unlisted.hint-near",
            near = near,
            name = fm.category.as_str()
        ),
        None => crate::t!(
            "site-category-unlisted.hint",
            names = names.join(", "),
            name = fm.category.as_str()
        ),
    };
    Diagnostic::new(
        &p.display,
        crate::t!("site-category-unlisted", name = fm.category.as_str()),
    )
    .at(line, Some(column))
    .hint(hint)
}

/// One article placed: its category, slug and URL, or why it cannot be.
fn place(
    p: Parsed,
    slugs: Slugs,
    categories: &mut Categories<'_>,
    taken: &HashMap<String, usize>,
    articles: &[Article],
) -> Result<Article, Diagnostic> {
    let fm = &p.front;
    let line_of = |key: &str| fm.at.line(key).unwrap_or(1);
    let cat = categories.find(&fm.category).map_err(|no| match no {
        NoCategory::Unlisted => unlisted(&p, categories.config),
        NoCategory::Reserved(cat_slug) => Diagnostic::new(
            &p.display,
            crate::t!(
                "site-category-reserved",
                name = fm.category.as_str(),
                slug = cat_slug
            ),
        )
        .at(line_of("category"), Some(1))
        .hint(crate::t!(
            "site-category-reserved.hint",
            reserved = RESERVED.join(", ")
        )),
    })?;
    let slug = slugs.article;
    if slug.is_empty() || slug == crate::routes::PAGE {
        let field = if fm.slug.is_some() { "slug" } else { "title" };
        return Err(Diagnostic::new(
            &p.display,
            crate::t!("site-slug-unusable", slug = slug.as_str()),
        )
        .at(line_of(field), Some(1))
        .hint(crate::t!("site-slug-unusable.hint")));
    }
    let path = crate::routes::article(&categories.list[cat].slug, &slug);
    if let Some(&first) = taken.get(&path) {
        let first = &articles[first].file.display;
        return Err(Diagnostic::new(
            &p.display,
            crate::t!("site-same-address", other = first, path = path.as_str()),
        )
        .at(
            line_of(if fm.slug.is_some() { "slug" } else { "title" }),
            Some(1),
        )
        .hint(crate::t!("site-same-address.hint")));
    }
    let summary = fm.summary.clone().unwrap_or_default();
    Ok(Article {
        file: p,
        category: cat,
        summary,
        tag_slugs: slugs.tags,
        author_slug: slugs.author,
        slug,
        path,
    })
}

/// The site of placed articles: newest first, grouped by category,
/// author, tag, year and month.
fn site_of(
    config: Config,
    mut articles: Vec<Article>,
    mut categories: Vec<Category>,
    assets: Vec<PathBuf>,
) -> Site {
    // Newest first; indexes are sorted, then the articles moved once.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&articles[a], &articles[b]);
        b.file
            .front
            .date
            .cmp(&a.file.front.date)
            .then_with(|| a.file.front.title.cmp(&b.file.front.title))
            .then_with(|| a.file.source.cmp(&b.file.source))
    });
    permute(&mut articles, &order);
    for (i, a) in articles.iter().enumerate() {
        categories[a.category].articles.push(i);
    }
    let ((authors, tags), years) = rayon::join(
        || {
            rayon::join(
                || {
                    group_by(&articles, |a| {
                        a.file
                            .front
                            .author
                            .iter()
                            .zip(a.author_slug.iter())
                            .collect()
                    })
                },
                || {
                    group_by(&articles, |a| {
                        a.file.front.tags.iter().zip(a.tag_slugs.iter()).collect()
                    })
                },
            )
        },
        || archive(&articles),
    );
    let base_path = config.base_path();
    Site {
        config,
        base_path,
        articles,
        categories,
        authors,
        tags,
        years,
        assets,
        documents: Default::default(),
        images: crate::images::Table::default(),
    }
}

/// Reorder `items` in place so that position k holds what was at
/// `order[k]` (`order` a permutation): each item moves once, no copy of
/// the whole list is made.
pub(super) fn permute<T>(items: &mut [T], order: &[usize]) {
    // Where each item goes.
    let mut dest = vec![0; order.len()];
    for (k, &from) in order.iter().enumerate() {
        dest[from] = k;
    }
    for i in 0..items.len() {
        // Send the item at i where it belongs, and take that place's
        // item in its stead, until i holds its own.
        while dest[i] != i {
            let j = dest[i];
            items.swap(i, j);
            dest.swap(i, j);
        }
    }
}

/// The slugs of one article: its own (from `slug:`, its title or its file
/// name), its tags' and its author's.
struct Slugs {
    article: String,
    tags: Vec<String>,
    author: Option<String>,
}

impl Slugs {
    fn of(p: &Parsed, source: crate::config::SlugSource) -> Slugs {
        let fm = &p.front;
        let article = match (&fm.slug, source) {
            (Some(s), _) => slugify(s),
            (None, crate::config::SlugSource::Title) => slugify(&fm.title),
            (None, crate::config::SlugSource::File) => {
                let stem = p.source.file_stem().map(|s| s.to_string_lossy());
                slugify(&crate::text::nfc(stem.as_deref().unwrap_or_default()))
            }
        };
        Slugs {
            article,
            tags: fm.tags.iter().map(|t| slugify(t)).collect(),
            author: fm.author.as_deref().map(slugify),
        }
    }
}

fn configured_categories(config: &Config, errors: &mut Vec<Diagnostic>) -> Vec<Category> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for c in &config.categories {
        let slug = slugify(c.slug.as_deref().unwrap_or(&c.name));
        let problem = if slug.is_empty() || RESERVED.contains(&slug.as_str()) {
            Some(crate::t!(
                "site-category-unusable",
                name = c.name.as_str(),
                slug = slug.as_str()
            ))
        } else {
            seen.get(&slug).map(|other| {
                crate::t!(
                    "site-categories-same-address",
                    first = *other,
                    second = c.name.as_str(),
                    slug = slug.as_str()
                )
            })
        };
        if let Some(message) = problem {
            errors.push(
                Diagnostic::new("site.yaml", message)
                    .hint(crate::t!("site-category-unusable.hint")),
            );
        }
        seen.insert(slug.clone(), &c.name);
        out.push(Group {
            name: c.title.clone().unwrap_or_else(|| c.name.clone()),
            slug,
            articles: Vec::new(),
        });
    }
    out
}

/// Group articles by names (authors, tags) whose slugs agree; each group is
/// named by its most frequent spelling. Sorted by slug.
fn group_by<'a>(
    articles: &'a [Article],
    names: impl Fn(&'a Article) -> Vec<(&'a String, &'a String)>,
) -> Vec<Group> {
    let mut groups: BTreeMap<&str, (Vec<usize>, BTreeMap<&str, usize>)> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for (name, slug) in names(a) {
            if slug.is_empty() {
                continue;
            }
            let g = groups.entry(slug).or_default();
            if g.0.last() != Some(&i) {
                g.0.push(i);
            }
            *g.1.entry(name).or_default() += 1;
        }
    }
    groups
        .into_iter()
        .map(|(slug, (articles, spellings))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            Group {
                name,
                slug: slug.to_string(),
                articles,
            }
        })
        .collect()
}

fn archive(articles: &[Article]) -> Vec<Year> {
    let mut years: BTreeMap<i32, BTreeMap<u32, Vec<usize>>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let d = a.file.front.date.with_timezone(&crate::date::vietnam());
        years
            .entry(d.year())
            .or_default()
            .entry(d.month())
            .or_default()
            .push(i);
    }
    years
        .into_iter()
        .rev()
        .map(|(year, months)| {
            let months: Vec<(u32, Vec<usize>)> = months.into_iter().rev().collect();
            let articles = months.iter().flat_map(|(_, v)| v.iter().copied()).collect();
            Year {
                year,
                articles,
                months,
            }
        })
        .collect()
}
