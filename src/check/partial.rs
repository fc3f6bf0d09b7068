//! `check` on a site that cannot be read whole (an article's front matter
//! is wrong …): the errors that stop it, and still the relative links,
//! images and covers of the articles that could be read, checked against
//! the files of the site; a link to an article that could not be read is
//! not reported again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Report, cover};
use crate::build::{Options, read_articles};
use crate::config::Config;
use crate::error::{Diagnostic, Error, Result};
use crate::frontmatter::Parsed;
use crate::links::{self, Links};
use crate::load;
use crate::markdown;
use crate::site::{self, Article};

/// The report of a site whose articles have `errors` (from `prepare`);
/// `Err` with those errors when not even the articles can be read.
pub(super) fn check(opts: &Options, errors: Vec<Diagnostic>) -> Result<Report> {
    let content = opts.root.join("content");
    let (Ok(config), Ok(tree)) = (Config::load(&opts.root), load::scan(&opts.root, &content))
    else {
        return Err(Error::Content(errors));
    };
    let (parsed, _) = read_articles(&opts.root, &content, &tree.articles, None);
    let notes: Vec<Diagnostic> = parsed.iter().flat_map(|p| p.notes.clone()).collect();
    let read: HashSet<&PathBuf> = parsed.iter().map(|p| &p.source).collect();
    let mut unread: HashSet<PathBuf> = tree
        .articles
        .iter()
        .filter(|a| !read.contains(a))
        .cloned()
        .collect();
    let now = chrono::Utc::now();
    let (mut drafts, mut scheduled) = (Vec::new(), Vec::new());
    let parsed: Vec<Parsed> = parsed
        .into_iter()
        .filter(|p| {
            if p.front.draft && !opts.drafts {
                drafts.push(p.display.clone());
                false
            } else if p.front.date > now && !opts.future {
                scheduled.push(p.display.clone());
                false
            } else {
                true
            }
        })
        .collect();
    // What keeps the site from being assembled is in `errors` already:
    // leave out the articles it names and try again, once.
    let site = match site::assemble(config.clone(), parsed.clone(), tree.assets.clone()) {
        Ok(site) => site,
        Err(found) => {
            let named: HashSet<&Path> = found.iter().map(|d| d.file.as_path()).collect();
            let (left, rest): (Vec<Parsed>, Vec<Parsed>) = parsed
                .into_iter()
                .partition(|p| named.contains(p.display.as_path()));
            unread.extend(left.into_iter().map(|p| p.source));
            match site::assemble(config, rest, tree.assets) {
                Ok(site) => site,
                Err(_) => return Err(Error::Content(errors)),
            }
        }
    };
    let links = Links::new(&site).with_unpublished(&drafts, &scheduled);
    let mut report = Report {
        articles: site.articles.len(),
        problems: errors,
        drafts,
        scheduled,
        warnings: notes,
        partial: true,
        ..Report::default()
    };
    for a in &site.articles {
        for target in markdown::targets(&a.file.body, site.config.markdown) {
            let dest = target.dest.as_str();
            let local = markdown::is_local(dest);
            if !local && !markdown::computer_path(dest) {
                continue;
            }
            report.links += 1;
            if local && (links.resolve(a, dest).is_some() || names(a, dest, &unread)) {
                continue;
            }
            report.add(links.broken(a, &target));
        }
        cover(&links, a, &mut report);
    }
    report.sort();
    Ok(report)
}

/// Does the relative link `dest` of `a` name one of `files`?
fn names(a: &Article, dest: &str, files: &HashSet<PathBuf>) -> bool {
    let dir = a.file.source.parent().unwrap_or(Path::new(""));
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    site::join_relative(dir, &links::percent_decode(path)).is_some_and(|t| files.contains(&t))
}
