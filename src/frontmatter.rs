//! Front matter: splits an article into its `---` YAML block and Markdown
//! body, and turns the block into a checked `FrontMatter`, every error
//! positioned by its line in the file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::date;
use crate::error::Diagnostic;
use crate::stamp::Stamp;
use crate::yaml::{self, Yaml};

mod split;

pub use split::{Split, split};

/// An article file read from `content/`: its front matter (with where each
/// field is written) and its Markdown body, before it is placed in a site.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Relative to `content/`.
    pub source: PathBuf,
    /// Relative to the site root, for messages.
    pub display: PathBuf,
    pub front: FrontMatter,
    pub body: std::sync::Arc<str>,
    pub body_line: usize,
    /// The file's stamp and the body's byte offset in it, when the body is
    /// the file's bytes unchanged (see `load::read_again`).
    pub verbatim: Option<(Stamp, usize)>,
    /// Warnings about the file: what reading it repaired.
    pub notes: Vec<Diagnostic>,
}

/// The fields an article may set. See SPEC "An article".
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub date: DateTime<FixedOffset>,
    pub category: String,
    pub author: Option<String>,
    pub views: Option<u64>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub image: Option<String>,
    /// `image_focus:` where a thumbnail of the cover is cut: `top`,
    /// `bottom`, `left`, `right`, `center` or `"30% 20%"` (x, y).
    pub image_focus: Option<String>,
    pub slug: Option<String>,
    pub draft: bool,
    pub featured: bool,
    /// Free fields for themes, under `extra:`.
    pub extra: serde_json::Value,
    /// Where each field is written in the file.
    pub at: Positions,
}

/// Where the parser found each top-level field of a front matter: line in
/// the file (1-based) and column (in characters) where its value starts.
/// Every message about a field points at it through this.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Positions(Vec<(String, usize, usize)>);

impl Positions {
    /// The positions of the fields of `split`'s YAML block, in file lines.
    pub fn of_block(split: &Split<'_>) -> Positions {
        let shift = split.yaml_line - 1;
        let mut fields = yaml::top_level_positions(split.yaml);
        for (_, line, _) in &mut fields {
            *line += shift;
        }
        Positions(fields)
    }

    /// Line and column of the value of field `key`, if it is written.
    pub fn of(&self, key: &str) -> Option<(usize, usize)> {
        self.0
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, line, column)| (*line, *column))
    }

    /// The line of field `key`, if it is written.
    pub fn line(&self, key: &str) -> Option<usize> {
        self.of(key).map(|(line, _)| line)
    }
}

const FIELDS: &[&str] = &[
    "title",
    "date",
    "category",
    "author",
    "views",
    "summary",
    "tags",
    "image",
    "slug",
    "draft",
    "featured",
    "extra",
    "image_focus",
];

/// The fields of the front-matter block of `split`, in the order written
/// (articles' and documents' headers alike): a YAML error or a block that
/// is not `name: value` lines is an error at its place in the file.
pub fn fields(file: &Path, split: &Split<'_>) -> Result<Vec<(String, Yaml)>, Vec<Diagnostic>> {
    let shift = split.yaml_line - 1;
    let value = yaml::parse(split.yaml).map_err(|e| {
        let mut d = Diagnostic::new(file, crate::t!("fm-yaml", problem = e.plain()));
        if let Some(line) = e.line {
            d = d.at(line + shift, e.column);
        }
        vec![d.hint(crate::t!("fm-yaml.hint"))]
    })?;
    match value {
        Yaml::Map(m) => Ok(m),
        Yaml::Null => Ok(Vec::new()),
        other => Err(vec![
            Diagnostic::new(file, crate::t!("fm-not-fields", kind = other.kind()))
                .at(split.yaml_line, Some(1))
                .hint(crate::t!("fm-not-fields.hint")),
        ]),
    }
}

/// Parse and check the front-matter block of `split`.
pub fn parse(file: &Path, split: &Split<'_>) -> Result<FrontMatter, Vec<Diagnostic>> {
    let map = fields(file, split)?;
    Fields {
        file,
        split,
        at: Positions::of_block(split),
        map: &map,
        errors: Vec::new(),
    }
    .check()
}

struct Fields<'a> {
    file: &'a Path,
    split: &'a Split<'a>,
    at: Positions,
    map: &'a [(String, Yaml)],
    errors: Vec<Diagnostic>,
}

impl Fields<'_> {
    fn get(&self, key: &str) -> Option<&Yaml> {
        self.map
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Yaml::Null)
    }

    fn error(&mut self, key: &str, message: String, hint: String) {
        let (line, column) = self.at.of(key).unwrap_or((self.split.yaml_line - 1, 1));
        self.errors.push(
            Diagnostic::new(self.file, message)
                .at(line, Some(column))
                .hint(hint),
        );
    }

    fn text(&mut self, key: &str) -> Option<String> {
        match self.get(key)? {
            Yaml::Str(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Yaml::Int(i) => Some(i.to_string()),
            Yaml::Float(f) => Some(f.to_string()),
            Yaml::Bool(b) => Some(b.to_string()),
            other => {
                let kind = other.kind();
                self.error(
                    key,
                    crate::t!("fm-not-text", key = key, kind = kind),
                    crate::t!("fm-not-text.hint", key = key),
                );
                None
            }
        }
    }

    fn flag(&mut self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Yaml::Bool(b)) => *b,
            Some(other) => {
                let kind = other.kind();
                self.error(
                    key,
                    crate::t!("fm-not-flag", key = key, kind = kind),
                    crate::t!("fm-not-flag.hint", key = key),
                );
                false
            }
        }
    }

    fn check(mut self) -> Result<FrontMatter, Vec<Diagnostic>> {
        for (key, _) in self.map {
            if !FIELDS.contains(&key.as_str()) {
                let hint = match closest(key) {
                    Some(f) => crate::t!("fm-unknown-field.hint-near", near = f),
                    None => crate::t!("fm-unknown-field.hint", fields = FIELDS.join(", ")),
                };
                self.error(key, crate::t!("fm-unknown-field", key = key.as_str()), hint);
            }
        }
        let title = self.text("title");
        if title.is_none() && self.get("title").is_none() {
            self.missing("title", "title: \"Hội nghị giao ban quý I năm 2020\"");
        }
        let category = self.text("category");
        if category.is_none() && self.get("category").is_none() {
            self.missing("category", "category: CÔNG TÁC ĐẢNG");
        }
        let date = match self.text("date") {
            Some(raw) => match date::parse(&raw) {
                Ok(d) => Some(d),
                Err(e) => {
                    self.error("date", e, crate::t!("fm-date-forms", forms = date::FORMS));
                    None
                }
            },
            None => {
                if self.get("date").is_none() {
                    self.missing("date", "date: 19/02/2020 07:02");
                }
                None
            }
        };
        let views = self.views();
        let tags = self.tags();
        let slug = self.text("slug");
        if let Some(s) = &slug
            && (s.contains(['/', '\\']) || s.contains("..") || crate::text::slugify(s).is_empty())
        {
            self.error(
                "slug",
                crate::t!("fm-slug", slug = s.as_str()),
                crate::t!("fm-slug.hint"),
            );
        }
        let fm = FrontMatter {
            author: self.text("author"),
            summary: self.text("summary"),
            image: self.text("image"),
            image_focus: self.text("image_focus"),
            draft: self.flag("draft"),
            featured: self.flag("featured"),
            extra: self
                .get("extra")
                .map_or(serde_json::Value::Null, Yaml::to_json),
            views,
            tags,
            slug,
            title: title.unwrap_or_default(),
            category: category.unwrap_or_default(),
            date: date.unwrap_or_default(),
            at: std::mem::take(&mut self.at),
        };
        if self.errors.is_empty() {
            Ok(fm)
        } else {
            Err(self.errors)
        }
    }

    fn missing(&mut self, key: &str, example: &str) {
        let line = self.split.yaml_line - 1;
        self.errors.push(
            Diagnostic::new(self.file, crate::t!("fm-missing", key = key))
                .at(line, Some(1))
                .hint(crate::t!("fm-missing.hint", example = example)),
        );
    }

    fn views(&mut self) -> Option<u64> {
        let bad = |s: &mut Self, what: String| {
            s.error(
                "views",
                crate::t!("fm-views", what = what),
                crate::t!("fm-views.hint"),
            );
            None
        };
        match self.get("views")? {
            Yaml::Int(i) if *i >= 0 => Some(*i as u64),
            // `1.204` is how a Vietnamese portal groups thousands.
            Yaml::Str(s)
                if !s.is_empty()
                    && s.split('.')
                        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())) =>
            {
                s.replace('.', "").parse().ok()
            }
            Yaml::Float(f) => {
                let text = format!("{f}");
                match text.split_once('.') {
                    Some((_, frac)) if frac.len() == 3 || frac.is_empty() => {
                        bad(self, crate::t!("fm-views-dot", text = text.as_str()))
                    }
                    _ => bad(self, format!("`{text}`")),
                }
            }
            other => {
                let what = match other {
                    Yaml::Str(s) => format!("`{s}`"),
                    Yaml::Int(i) => format!("`{i}`"),
                    o => o.kind().to_string(),
                };
                bad(self, what)
            }
        }
    }

    fn tags(&mut self) -> Vec<String> {
        let clean = |s: &str| crate::text::squash_spaces(s);
        match self.get("tags") {
            None => Vec::new(),
            Some(Yaml::Str(s)) => s.split(',').map(clean).filter(|t| !t.is_empty()).collect(),
            Some(Yaml::List(items)) => {
                let mut out = Vec::new();
                for item in items.clone() {
                    match item {
                        Yaml::Str(s) => out.push(clean(&s)),
                        Yaml::Int(i) => out.push(i.to_string()),
                        other => {
                            let kind = other.kind();
                            self.error(
                                "tags",
                                crate::t!("fm-tag-not-text", kind = kind),
                                crate::t!("fm-tags-not-list.hint"),
                            );
                        }
                    }
                }
                out.retain(|t| !t.is_empty());
                out
            }
            Some(other) => {
                let kind = other.kind();
                self.error(
                    "tags",
                    crate::t!("fm-tags-not-list", kind = kind),
                    crate::t!("fm-tags-not-list.hint"),
                );
                Vec::new()
            }
        }
    }
}

/// The known field closest to a misspelt one, if any is close.
fn closest(key: &str) -> Option<&'static str> {
    let key = key.to_lowercase();
    FIELDS
        .iter()
        .copied()
        .map(|f| (strsim::levenshtein(&key, f), f))
        .filter(|(d, f)| *d <= 2.max(f.len() / 4))
        .min()
        .map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn the_front_matter_keeps_where_each_field_is_written() {
        let text = "---\ntitle: x\ndate: 2020-01-01\ncategory: A\nimage:   anh.jpg\n---\nBody\n";
        let fm = parse(p(), &split(p(), text).unwrap()).unwrap();
        assert_eq!(fm.at.of("image"), Some((5, 10)));
        assert_eq!(fm.at.line("title"), Some(2));
        assert_eq!(fm.at.line("summary"), None);
    }

    fn fm(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let s = split(p(), text).unwrap();
        parse(p(), &s)
    }

    #[test]
    fn full_front_matter_parses() {
        let f = fm("---\ntitle: \"Tin <b>đậm</b>\"\ndate: 19/02/2020 07:02\ncategory: CÔNG TÁC ĐẢNG\nviews: \"12.345\"\ntags: [dân vận, \" quy chế \"]\nfeatured: true\nextra: {a: 1}\n---\n").unwrap();
        assert_eq!(f.title, "Tin <b>đậm</b>");
        assert_eq!(f.views, Some(12345));
        assert_eq!(f.tags, ["dân vận", "quy chế"]);
        assert!(f.featured && !f.draft);
        assert_eq!(f.extra["a"], 1);
        assert_eq!(f.date.to_rfc3339(), "2020-02-19T07:02:00+07:00");
    }

    #[test]
    fn errors_are_positioned_in_the_file_and_all_reported() {
        let errs =
            fm("---\ntitle: x\ncategory: A\ndate: 30/02/2020\nviews: nhiều\n---\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].line, Some(4));
        let no_day = crate::t!(
            "date-no-day",
            input = "30/02/2020",
            month = 2u32,
            year = 2020u32,
            day = 30u32
        );
        assert_eq!(errs[0].message, no_day);
        assert_eq!(errs[1].line, Some(5));
    }

    #[test]
    fn yaml_errors_count_lines_in_the_file() {
        let errs =
            fm("---\ntitle: x\ncategory: Hội nghị: họp\ndate: 2020-01-01\n---\n").unwrap_err();
        assert_eq!(errs[0].line, Some(3), "{}", errs[0]);
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        let errs = fm("---\ncatgory: A\ndate: 2020-01-01\n---\n").unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let unknown = crate::t!("fm-unknown-field", key = "catgory");
        let near = crate::t!("fm-unknown-field.hint-near", near = "category");
        assert!(
            text.iter()
                .any(|t| t.contains(&unknown) && t.contains(&near)),
            "{text:?}"
        );
        let missing = crate::t!("fm-missing", key = "title");
        assert!(text.iter().any(|t| t.contains(&missing)), "{text:?}");
    }

    #[test]
    fn misspelt_fields_find_the_closest() {
        assert_eq!(closest("catgory"), Some("category"));
        assert_eq!(closest("Titel"), Some("title"));
        assert_eq!(closest("feautred"), Some("featured"));
        assert_eq!(closest("tág"), Some("tags"));
        // Equally close: the first in alphabetical order.
        assert_eq!(closest("dat"), Some("date"));
        assert_eq!(closest("ngay"), None);
        assert_eq!(closest("photographer"), None);
    }

    #[test]
    fn slugs_that_leave_the_folder_are_refused() {
        for bad in ["../x", "a/b", "..", "!!"] {
            let errs = fm(&format!(
                "---\ntitle: x\ncategory: A\ndate: 2020-01-01\nslug: \"{bad}\"\n---\n"
            ))
            .unwrap_err();
            assert!(errs[0].message.contains("slug"), "{bad}");
            assert_eq!(errs[0].line, Some(5));
        }
    }
}
