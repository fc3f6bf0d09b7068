//! Placing the documents (văn bản) in the site ([`place_documents`]): order
//! (newest issued first), slugs and URLs, attached files and their sizes,
//! replacements both ways, status against the build time, the registers by
//! type, issuer and year; and which articles link to each ([`backlinks`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};

use super::{Article, Group, Site, join_relative};
use crate::documents::ParsedDoc;
use crate::error::Diagnostic;
use crate::routes;
use crate::text::{match_key, slugify};

/// A document placed in the site.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file as read: every field and the text.
    pub file: ParsedDoc,
    pub slug: String,
    /// `van-ban/45-kh-ubnd/`.
    pub path: String,
    pub type_slug: String,
    pub issuer_slug: String,
    pub files: Vec<Attached>,
    /// Index (in `Documents::list`) of the document this one replaces.
    pub replaces: Option<usize>,
    /// Index of the document that replaces this one.
    pub replaced_by: Option<usize>,
    /// Past its `expires` day at the build time.
    pub expired: bool,
    /// Articles that link to it, newest first (indexes into `site.articles`).
    pub articles: Vec<usize>,
}

/// A file attached to a document, published beside it.
#[derive(Debug, Clone)]
pub struct Attached {
    /// As written in the document.
    pub name: String,
    /// Its site path: `van-ban/ke-hoach-45.pdf`.
    pub path: String,
    pub ext: String,
    pub bytes: u64,
}

/// The documents register: the documents newest issued first and the
/// groups readers filter by (each `Group::articles` holds document indexes).
#[derive(Debug, Clone, Default)]
pub struct Documents {
    pub list: Vec<Document>,
    pub types: Vec<Group>,
    pub issuers: Vec<Group>,
    /// Years, newest first, with their documents.
    pub years: Vec<(i32, Vec<usize>)>,
}

/// Place the documents in `site`; `content` is where attached files are
/// measured, `now` the build time that decides which have expired.
pub fn place_documents(
    site: &mut Site,
    mut docs: Vec<ParsedDoc>,
    content: &Path,
    now: DateTime<Utc>,
) -> Result<(), Vec<Diagnostic>> {
    if docs.is_empty() {
        return Ok(());
    }
    docs.sort_by(|a, b| {
        b.front
            .issued
            .cmp(&a.front.issued)
            .then_with(|| a.front.number.cmp(&b.front.number))
            .then_with(|| a.source.cmp(&b.source))
    });
    let mut errors = Vec::new();
    let dups = duplicates(&docs, &mut errors);
    let slugs = slugs(&docs, &dups, &mut errors);
    let assets: HashSet<&PathBuf> = site.assets.iter().collect();
    let today = now.with_timezone(&crate::date::vietnam()).date_naive();
    let mut list: Vec<Document> = Vec::with_capacity(docs.len());
    for (file, slug) in docs.into_iter().zip(slugs) {
        let files = attached(&file, &assets, content, &mut errors);
        let expired = file.front.expires.is_some_and(|e| e.date_naive() < today);
        list.push(Document {
            path: routes::document(&slug),
            slug,
            type_slug: slugify(&file.front.kind),
            issuer_slug: slugify(&file.front.issuer),
            files,
            replaces: None,
            replaced_by: None,
            expired,
            articles: Vec::new(),
            file,
        });
    }
    replacements(&mut list, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let types = group(&list, |d| (&d.file.front.kind, &d.type_slug));
    let issuers = group(&list, |d| (&d.file.front.issuer, &d.issuer_slug));
    let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, d) in list.iter().enumerate() {
        years.entry(d.file.front.issued.year()).or_default().push(i);
    }
    site.documents = Documents {
        list,
        types,
        issuers,
        years: years.into_iter().rev().collect(),
    };
    Ok(())
}

fn at(d: &ParsedDoc, key: &str) -> (usize, usize) {
    d.front.at.of(key).unwrap_or((1, 1))
}

/// Two documents of one issuer with one number: the later ones' indexes.
fn duplicates(docs: &[ParsedDoc], errors: &mut Vec<Diagnostic>) -> HashSet<usize> {
    let mut dups = HashSet::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let key = (
            match_key(&d.front.issuer),
            crate::documents::number_key(&d.front.number),
        );
        if let Some(&first) = seen.get(&key) {
            dups.insert(i);
            let (line, column) = at(d, "number");
            errors.push(
                Diagnostic::new(
                    &d.display,
                    crate::t!(
                        "doc-duplicate",
                        number = d.front.number.as_str(),
                        issuer = d.front.issuer.as_str(),
                        other = docs[first].display.display().to_string()
                    ),
                )
                .at(line, Some(column))
                .hint(crate::t!("doc-duplicate.hint")),
            );
        } else {
            seen.insert(key, i);
        }
    }
    dups
}

/// Each document's slug: its `slug:`, else its number's; two documents of
/// different issuers with one number each add their issuer's.
/// A duplicate (in `dups`) is already an error: not told twice.
fn slugs(docs: &[ParsedDoc], dups: &HashSet<usize>, errors: &mut Vec<Diagnostic>) -> Vec<String> {
    let of_number = |d: &ParsedDoc| slugify(&d.front.number);
    let mut count: HashMap<String, usize> = HashMap::new();
    for d in docs.iter().filter(|d| d.front.slug.is_none()) {
        *count.entry(of_number(d)).or_default() += 1;
    }
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let mut slug = match &d.front.slug {
            Some(s) => slugify(s),
            None if count[&of_number(d)] > 1 => {
                format!("{}-{}", of_number(d), slugify(&d.front.issuer))
            }
            None => of_number(d),
        };
        if slug.is_empty() || routes::DOC_RESERVED.contains(&slug.as_str()) {
            slug = format!("van-ban-{slug}").trim_end_matches('-').to_string();
        }
        if let Some(&first) = taken.get(&slug).filter(|_| !dups.contains(&i)) {
            let key = if d.front.slug.is_some() {
                "slug"
            } else {
                "number"
            };
            let (line, column) = at(d, key);
            errors.push(
                Diagnostic::new(
                    &d.display,
                    crate::t!(
                        "doc-same-address",
                        path = format!("/{}", routes::document(&slug)),
                        other = docs[first].display.display().to_string()
                    ),
                )
                .at(line, Some(column))
                .hint(crate::t!("doc-same-address.hint")),
            );
        } else {
            taken.insert(slug.clone(), i);
        }
        out.push(slug);
    }
    out
}

/// The attached files, each of which must be beside the document.
fn attached(
    d: &ParsedDoc,
    assets: &HashSet<&PathBuf>,
    content: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Attached> {
    let dir = d.source.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for name in &d.front.files {
        let target = join_relative(dir, name);
        let found = target
            .as_ref()
            .filter(|t| assets.contains(t))
            .and_then(|t| Some((t, std::fs::metadata(content.join(t)).ok()?.len())));
        let Some((target, bytes)) = found else {
            let key = if d.front.at.of("file").is_some() {
                "file"
            } else {
                "files"
            };
            let (line, column) = at(d, key);
            errors.push(
                Diagnostic::new(&d.display, crate::t!("doc-no-file", file = name.as_str()))
                    .at(line, Some(column))
                    .hint(crate::t!("doc-no-file.hint")),
            );
            continue;
        };
        out.push(Attached {
            name: name.clone(),
            path: crate::load::site_path(target),
            ext: target
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default(),
            bytes,
        });
    }
    out
}

/// Link each `replaces:` to the document it names (of the same issuer
/// when two issuers share the number).
fn replacements(list: &mut [Document], errors: &mut Vec<Diagnostic>) {
    let mut by_number: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in list.iter().enumerate() {
        by_number
            .entry(crate::documents::number_key(&d.file.front.number))
            .or_default()
            .push(i);
    }
    for i in 0..list.len() {
        let Some(number) = list[i].file.front.replaces.clone() else {
            continue;
        };
        let candidates = by_number
            .get(&crate::documents::number_key(&number))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let issuer = match_key(&list[i].file.front.issuer);
        let found = candidates
            .iter()
            .copied()
            .filter(|&j| j != i)
            .min_by_key(|&j| match_key(&list[j].file.front.issuer) != issuer);
        match found {
            Some(j) => {
                list[i].replaces = Some(j);
                list[j].replaced_by = Some(i);
            }
            None => {
                let d = &list[i].file;
                let (line, column) = at(d, "replaces");
                errors.push(
                    Diagnostic::new(
                        &d.display,
                        crate::t!("doc-replaces-nothing", number = number.as_str()),
                    )
                    .at(line, Some(column))
                    .hint(crate::t!("doc-replaces-nothing.hint")),
                );
            }
        }
    }
}

/// Documents grouped by a name, groups by name, documents newest first.
fn group(list: &[Document], key: impl Fn(&Document) -> (&String, &String)) -> Vec<Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for (i, d) in list.iter().enumerate() {
        let (name, slug) = key(d);
        groups
            .entry(slug.clone())
            .or_insert_with(|| Group {
                name: name.clone(),
                slug: slug.clone(),
                articles: Vec::new(),
            })
            .articles
            .push(i);
    }
    let mut out: Vec<Group> = groups.into_values().collect();
    out.sort_by_key(|g| match_key(&g.name));
    out
}

/// Note on each document the articles whose Markdown links to its file
/// (`[Kế hoạch 45](../van-ban/ke-hoach-45.md)`), newest first.
pub fn backlinks(site: &mut Site) {
    if site.documents.list.is_empty() {
        return;
    }
    let by_source = by_source(site);
    for ai in 0..site.articles.len() {
        for d in linked(&by_source, &site.articles[ai]) {
            site.documents.list[d].articles.push(ai);
        }
    }
}

/// The documents (by number in `site.documents.list`) whose files
/// article `a`'s body links to, ascending; empty when the site has none.
pub fn linked_documents(site: &Site, a: &Article) -> Vec<usize> {
    if site.documents.list.is_empty() {
        return Vec::new();
    }
    let by_source = by_source(site);
    linked(&by_source, a)
}

/// Each document's number by its file under `content/`.
fn by_source(site: &Site) -> HashMap<PathBuf, usize> {
    site.documents
        .list
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.source.clone(), i))
        .collect()
}

fn linked(by_source: &HashMap<PathBuf, usize>, a: &Article) -> Vec<usize> {
    let dir = a.file.source.parent().unwrap_or(Path::new(""));
    let mut found: Vec<usize> = md_links(&a.file.body)
        .filter_map(|dest| by_source.get(&join_relative(dir, dest)?).copied())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The destinations of a body's links that name a `.md` file, without
/// their `#fragment`: inline `](x.md)` and reference `[a]: x.md` forms.
fn md_links(body: &str) -> impl Iterator<Item = &str> {
    let inline = body.match_indices("](").map(|(i, _)| &body[i + 2..]);
    let reference = body.lines().filter_map(|l| {
        l.trim_start()
            .strip_prefix('[')?
            .split_once("]:")
            .map(|(_, r)| r)
    });
    inline.chain(reference).filter_map(|rest| {
        let rest = rest.trim_start();
        let dest = match rest.strip_prefix('<') {
            Some(r) => r.split('>').next()?,
            None => rest.split([')', ' ', '\n', '\t']).next()?,
        };
        let path = dest.split(['#', '?']).next()?;
        path.to_ascii_lowercase().ends_with(".md").then_some(path)
    })
}

#[cfg(test)]
mod tests {
    use super::md_links;

    #[test]
    fn links_to_markdown_files_are_found_in_both_forms() {
        let body = "Theo [Kế hoạch](../van-ban/kh-45.md#muc) và [QĐ](<../van-ban/q d.md>), [ảnh](a.png).\n\n[tb]: ../van-ban/tb.md \"x\"\n";
        let found: Vec<&str> = md_links(body).collect();
        assert_eq!(
            found,
            [
                "../van-ban/kh-45.md",
                "../van-ban/q d.md",
                "../van-ban/tb.md"
            ]
        );
    }
}
