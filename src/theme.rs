//! Themes: the Tera templates and static files a site is rendered with.
//! `themes/<name>/` on disk wins; the default theme is also built into the
//! binary so bantin works in any folder. A site's own `templates/` and
//! `static/` override the theme's files one by one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

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
        if dir.is_dir() {
            theme.add_dir(root, &dir.join("templates"), &dir.join("static"))?;
        } else if name == "default" {
            for (n, text) in DEFAULT_TEMPLATES {
                theme.templates.insert(
                    n.to_string(),
                    (
                        text.to_string(),
                        PathBuf::from(format!("(built-in default theme)/templates/{n}")),
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
                    format!("there is no theme `{name}`: no folder {}", dir.display()),
                )
                .hint("write `theme: default`, or put the theme's folder under themes/"),
            ));
        }
        theme.add_dir(root, &root.join("templates"), &root.join("static"))?;
        Ok(theme)
    }

    fn add_dir(&mut self, root: &Path, templates: &Path, statics: &Path) -> Result<()> {
        for (rel, path) in files(templates)? {
            let text = std::fs::read_to_string(&path).map_err(|_| {
                Error::one(
                    Diagnostic::new(
                        crate::load::display_path(root, &path),
                        "the template is not UTF-8 text",
                    )
                    .hint("save it as UTF-8"),
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
        for (rel, path) in files(statics)? {
            self.statics.insert(rel, StaticSource::Disk(path));
        }
        Ok(())
    }
}

/// Every file under `dir` (editor junk skipped), as `a/b.ext` → path.
fn files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::load::is_junk(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        out.push((rel, entry.path().to_path_buf()));
    }
    Ok(out)
}
