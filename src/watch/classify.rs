//! Sorting file-system events before acting on them: which part of the
//! site a changed path belongs to, and which paths (editor temp files,
//! the output itself, `.git`) never cause a rebuild.

use std::path::{Component, Path};

use crate::load::is_junk;

/// What kind of source a changed path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// An article or a file beside one, under `content/`.
    Content,
    /// A template (the site's `templates/` or a theme under `themes/`).
    Theme,
    /// A file of the site's `static/` folder.
    Static,
    /// `site.yaml`.
    Config,
}

impl Change {
    /// What changed, in the editor's language.
    pub fn label(self) -> String {
        match self {
            Change::Content => crate::t!("watch-kind-content"),
            Change::Theme => crate::t!("watch-kind-theme"),
            Change::Static => crate::t!("watch-kind-static"),
            Change::Config => crate::t!("watch-kind-config"),
        }
    }
}

/// Classify `path` (absolute, or relative to the current folder like
/// `root`); `None` when the change never affects the site.
pub fn classify(root: &Path, output: &Path, path: &Path) -> Option<Change> {
    if path.starts_with(output) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel.components().map(|c| match c {
        Component::Normal(s) => s.to_string_lossy(),
        _ => "..".into(),
    });
    let first = parts.next()?;
    let rest: Vec<_> = parts.collect();
    // Hidden folders and editor junk anywhere in the path are ignored.
    if rest.iter().any(|p| is_junk(p) || p == "..") {
        return None;
    }
    match (first.as_ref(), rest.is_empty()) {
        ("site.yaml", true) => Some(Change::Config),
        ("content", false) => Some(Change::Content),
        // A folder appearing or vanishing as a whole (e.g. `git checkout`).
        ("content", true) => Some(Change::Content),
        ("themes" | "templates", _) => Some(Change::Theme),
        ("static", _) => Some(Change::Static),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_changes_and_ignores_editor_files() {
        let root = Path::new("/site");
        let out = Path::new("/site/output");
        let c = |p: &str| classify(root, out, Path::new(p));
        assert_eq!(c("/site/content/cong-tac-dang/a.md"), Some(Change::Content));
        assert_eq!(c("/site/content/van-hoa/anh.png"), Some(Change::Content));
        assert_eq!(c("/site/templates/article.html"), Some(Change::Theme));
        assert_eq!(
            c("/site/themes/default/templates/base.html"),
            Some(Change::Theme)
        );
        assert_eq!(c("/site/static/favicon.ico"), Some(Change::Static));
        assert_eq!(c("/site/site.yaml"), Some(Change::Config));
        for ignored in [
            "/site/content/a.md~",
            "/site/content/.a.md.swp",
            "/site/content/4913",
            "/site/content/.#a.md",
            "/site/content/#a.md#",
            "/site/content/.goutputstream-X1Y2",
            "/site/content/.git/index",
            "/site/output/index.html",
            "/site/README.md",
            "/site/site.yaml.bak/x",
            "/elsewhere/content/a.md",
        ] {
            assert_eq!(c(ignored), None, "{ignored}");
        }
    }
}
