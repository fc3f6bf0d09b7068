//! `site.yaml`: the site's title, base URL, page size, HTML policy, theme
//! and the categories' menu order, display names and slugs.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Result};
use crate::yaml;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_per_page")]
    pub per_page: usize,
    #[serde(default)]
    pub unsafe_html: bool,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Shown in the header beside the ward's name, e.g. the emblem.
    #[serde(default)]
    pub logo: Option<String>,
    /// The organisation line above the title, e.g. `ĐẢNG BỘ - CHÍNH QUYỀN - …`.
    #[serde(default)]
    pub tagline: String,
    /// Footer lines: address, phone, responsible editor.
    #[serde(default)]
    pub footer: Vec<String>,
    #[serde(default)]
    pub categories: Vec<CategoryConfig>,
    /// Where an article's URL name comes from when it has no `slug:` line:
    /// its title (the default) or its file name (as Hugo and Zola do).
    #[serde(default)]
    pub slugs: SlugSource,
    /// How article bodies are read: `editor` (the default: one Enter
    /// between paragraphs keeps them apart, `1.Xây` lines are a list) or
    /// `commonmark` (strict CommonMark).
    #[serde(default)]
    pub markdown: Flavour,
    /// How photos are published (`images:`): see [`Images`].
    #[serde(default)]
    pub images: Images,
    /// Free values for themes.
    #[serde(default)]
    pub extra: serde_json::Value,
}

/// `images:` in `site.yaml`: the widths a photo is published at in pages
/// (never wider than the photo), the lossy quality (1–100), the format of
/// those derivatives (`webp`, the default, or `jpeg`), and the size past
/// which `bantin check` warns about an original (in MB).
#[derive(Debug, Clone, PartialEq, Deserialize, Hash)]
#[serde(default)]
pub struct Images {
    pub widths: Vec<u32>,
    pub quality: u8,
    pub format: ImageFormat,
    pub max_original_mb: u32,
}

impl Default for Images {
    fn default() -> Images {
        Images {
            widths: vec![480, 960, 1600],
            quality: 78,
            format: ImageFormat::Webp,
            max_original_mb: 10,
        }
    }
}

/// The format of a photo's derivatives in pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    #[default]
    Webp,
    #[serde(alias = "jpg")]
    Jpeg,
}

/// `slugs:` in `site.yaml`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlugSource {
    #[default]
    Title,
    File,
}

/// `markdown:` in `site.yaml`: see `crate::markdown::editor`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    #[default]
    Editor,
    #[serde(rename = "commonmark")]
    CommonMark,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryConfig {
    /// The category as editors write it in front matter.
    pub name: String,
    /// The name shown in menus and headings; `name` if absent.
    #[serde(default)]
    pub title: Option<String>,
    /// The URL segment; made from `name` if absent.
    #[serde(default)]
    pub slug: Option<String>,
}

fn default_base_url() -> String {
    "/".into()
}
fn default_per_page() -> usize {
    10
}
fn default_theme() -> String {
    "default".into()
}

impl Config {
    /// Read `site.yaml` under `root`. `display` is the path shown in errors.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join("site.yaml");
        let display = Path::new("site.yaml");
        let raw = std::fs::read(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::one(
                    Diagnostic::new(display, crate::t!("config-missing", folder = root))
                        .hint(crate::t!("config-missing.hint")),
                )
            } else {
                Error::io(&path, e)
            }
        })?;
        let text = String::from_utf8(raw).map_err(|_| {
            Error::one(
                Diagnostic::new(display, crate::t!("config-not-utf8"))
                    .hint(crate::t!("config-not-utf8.hint")),
            )
        })?;
        let text = crate::text::nfc(text.trim_start_matches('\u{feff}')).replace("\r\n", "\n");
        // Word's line breaks become spaces; other control characters, which
        // would reach every page and feed, are refused.
        let text = crate::controls::clean_line(&text)
            .map_err(|r| Error::one(r.diagnostic(display)))?
            .into_owned();
        let mut config: Config = yaml::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::new(display, crate::t!("config-invalid", reason = &e.message));
            if let Some(line) = e.line {
                d = d.at(line, e.column);
            }
            Error::one(d.hint(crate::t!("config-invalid.hint")))
        })?;
        if config.per_page == 0 {
            let line = yaml::top_level_key_line(&text, "per_page").unwrap_or(1);
            return Err(Error::one(
                Diagnostic::new(display, crate::t!("config-per-page"))
                    .at(line, Some(1))
                    .hint(crate::t!("config-per-page.hint")),
            ));
        }
        if config.theme.contains(['/', '\\'])
            || config.theme.contains("..")
            || config.theme.is_empty()
        {
            let line = yaml::top_level_key_line(&text, "theme").unwrap_or(1);
            return Err(Error::one(
                Diagnostic::new(
                    display,
                    crate::t!("config-theme-name", theme = &config.theme),
                )
                .at(line, Some(1))
                .hint(crate::t!("config-theme-name.hint")),
            ));
        }
        config.base_url = normalise_base_url(&config.base_url);
        Ok(config)
    }

    /// The path part of the base URL, always starting and ending with `/`:
    /// `https://x.vn/ban-tin/` → `/ban-tin/`.
    pub fn base_path(&self) -> String {
        let rest = match self.base_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
            None => self.base_url.as_str(),
        };
        let trimmed = rest.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// An absolute URL for a site path (without leading `/`).
    pub fn permalink(&self, path: &str) -> String {
        crate::routes::under(&self.base_url, path)
    }
}

/// Make the base URL end with exactly one `/`.
pub fn normalise_base_url(url: &str) -> String {
    let url = url.trim();
    format!("{}/", url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(base: &str) -> Config {
        let mut c: Config = yaml::from_str("title: T\n").unwrap();
        c.base_url = normalise_base_url(base);
        c
    }

    #[test]
    fn base_paths() {
        assert_eq!(cfg("https://x.vn").base_path(), "/");
        assert_eq!(cfg("https://x.vn/ban-tin").base_path(), "/ban-tin/");
        assert_eq!(cfg("https://x.vn/a/b/").base_path(), "/a/b/");
        assert_eq!(cfg("/").base_path(), "/");
        assert_eq!(cfg("/sub").base_path(), "/sub/");
        assert_eq!(
            cfg("https://x.vn/ban-tin").permalink("rss.xml"),
            "https://x.vn/ban-tin/rss.xml"
        );
    }

    #[test]
    fn defaults() {
        let c = cfg("/");
        assert_eq!(c.per_page, 10);
        assert!(!c.unsafe_html);
        assert_eq!(c.theme, "default");
        assert_eq!(c.markdown, Flavour::Editor);
        let strict: Config = yaml::from_str("title: T\nmarkdown: commonmark\n").unwrap();
        assert_eq!(strict.markdown, Flavour::CommonMark);
    }
}
