//! Themes: the Tera templates and static files a site is rendered with.
//! `themes/<name>/` on disk wins; the default theme is also built into the
//! binary so bantin works in any folder. A site's own `templates/` and
//! `static/` override the theme's files one by one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// The theme's templates (name → text, with the file for messages) and its
/// static files (site path → source).
#[derive(Debug, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, (String, PathBuf)>,
    pub statics: BTreeMap<String, StaticSource>,
}

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}
macro_rules! embedded_statics {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../themes/default/static/", $name)))),*]
    };
}

const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded_templates!(
    "base.html",
    "components.html",
    "partials/card.html",
    "partials/headline.html",
    "sidebar.html",
    "index.html",
    "article.html",
    "list.html",
    "archive.html",
    "groups.html",
    "search.html",
    "404.html",
    "rss.xml",
    "register.html",
    "document.html",
    "documents.xml",
    "partials/documents-style.html",
    "partials/documents-search.html",
    "sitemap.xml",
    "robots.txt",
);
const DEFAULT_STATICS: &[(&str, &[u8])] = embedded_statics!(
    "assets/style.css",
    "assets/bantin.js",
    "assets/search.js",
    "assets/emblem.svg",
);

impl Theme {
    /// A hash of every template's name and text: pages rendered with equal
    /// hashes used the same templates.
    pub fn hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (name, (text, _)) in &self.templates {
            name.hash(&mut h);
            text.hash(&mut h);
        }
        h.finish()
    }
    /// Load theme `name` for the site at `root`, then the site's overrides.
    pub fn load(root: &Path, name: &str) -> Result<Theme> {
        let mut theme = Theme::default();
        let dir = root.join("themes").join(name);
        // Links are refused in the theme's folders and the site's alike:
        // every such problem is reported at once.
        let mut links = Vec::new();
        if dir.is_dir() {
            gather(
                theme.add_dir(root, &dir.join("templates"), &dir.join("static")),
                &mut links,
            )?;
        } else if name == "default" {
            for (n, text) in DEFAULT_TEMPLATES {
                theme.templates.insert(
                    n.to_string(),
                    (
                        text.to_string(),
                        PathBuf::from(format!("({})/templates/{n}", crate::t!("theme-built-in"))),
                    ),
                );
            }
            for (n, bytes) in DEFAULT_STATICS {
                theme
                    .statics
                    .insert(n.to_string(), StaticSource::Embedded(bytes));
            }
        } else {
            return Err(Error::one(
                Diagnostic::new(
                    "site.yaml",
                    crate::t!("theme-missing", name = name, folder = &dir),
                )
                .hint(crate::t!("theme-missing.hint")),
            ));
        }
        gather(
            theme.add_dir(root, &root.join("templates"), &root.join("static")),
            &mut links,
        )?;
        if links.is_empty() {
            Ok(theme)
        } else {
            Err(Error::Content(links))
        }
    }

    fn add_dir(&mut self, root: &Path, templates: &Path, statics: &Path) -> Result<()> {
        let templates = files(root, templates);
        let statics = files(root, statics);
        let (templates, statics) = match (templates, statics) {
            (Ok(t), Ok(s)) => (t, s),
            (Err(Error::Content(mut a)), Err(Error::Content(b))) => {
                a.extend(b);
                return Err(Error::Content(a));
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        for (rel, path) in templates {
            let text = std::fs::read_to_string(&path).map_err(|_| {
                Error::one(
                    Diagnostic::new(
                        crate::load::display_path(root, &path),
                        crate::t!("theme-not-utf8"),
                    )
                    .hint(crate::t!("theme-not-utf8.hint")),
                )
            })?;
            self.templates.insert(
                rel,
                (
                    text.replace("\r\n", "\n"),
                    crate::load::display_path(root, &path),
                ),
            );
        }
        for (rel, path) in statics {
            self.statics.insert(rel, StaticSource::Disk(path));
        }
        Ok(())
    }
}

/// Keep the content errors of `result` in `errors`; any other error ends
/// the load.
fn gather(result: Result<()>, errors: &mut Vec<Diagnostic>) -> Result<()> {
    match result {
        Err(Error::Content(d)) => {
            errors.extend(d);
            Ok(())
        }
        other => other,
    }
}

/// Every file under `dir` (editor junk skipped, links checked by the rule
/// every source folder shares), as `a/b.ext` → path.
fn files(root: &Path, dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let files = crate::load::source_files(root, dir)?;
    Ok(files
        .into_iter()
        .map(|rel| (crate::load::site_path(&rel), dir.join(rel)))
        .collect())
}
