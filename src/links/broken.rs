//! Why a relative link, an image or a cover image leads nowhere, in the
//! editor's words, the same for `build` (which refuses it) and `check`: a
//! path on the editor's computer, a name whose capitals differ from the
//! file's, an article not published yet (a warning), or no such file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{Links, percent_decode};
use crate::error::Diagnostic;
use crate::markdown::{self, Target};
use crate::site::{self, Article};
use crate::t;

/// What a link that leads nowhere is.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// It stops the build.
    Error(Diagnostic),
    /// Published as written, but it leads nowhere for now.
    Warning(Diagnostic),
}

/// Errors and warnings noted while articles are rendered (in parallel).
#[derive(Debug, Default)]
pub struct Noted {
    found: Mutex<(Vec<Diagnostic>, Vec<Diagnostic>)>,
}

impl Noted {
    pub fn add(&self, found: Found) {
        let mut lists = self.found.lock().unwrap_or_else(|p| p.into_inner());
        match found {
            Found::Error(d) => lists.0.push(d),
            Found::Warning(d) => lists.1.push(d),
        }
    }

    /// (errors, warnings) noted so far, each in file and line order, once.
    pub fn take(&self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut lists = self.found.lock().unwrap_or_else(|p| p.into_inner());
        let (mut errors, mut warnings) = std::mem::take(&mut *lists);
        for list in [&mut errors, &mut warnings] {
            list.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            list.dedup();
        }
        (errors, warnings)
    }
}

/// Which kind of target, for the messages.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Link,
    Image,
    Cover,
}

impl Kind {
    fn arg(self) -> &'static str {
        match self {
            Kind::Link => "link",
            Kind::Image => "image",
            Kind::Cover => "cover",
        }
    }
}

impl Links {
    /// Why the link or image `u` of article `a` (noted by rendering) leads
    /// nowhere, at its place in the article's file.
    pub fn broken(&self, a: &Article, u: &Target) -> Found {
        let kind = if u.image { Kind::Image } else { Kind::Link };
        let at = |d: Diagnostic| d.at(a.file.body_line + u.line, Some(u.column));
        match self.why(a, &u.dest, kind) {
            Found::Error(d) => Found::Error(at(d)),
            Found::Warning(d) => Found::Warning(at(d)),
        }
    }

    /// The cover image (`image:`) of `a`, when it leads nowhere.
    pub fn cover(&self, a: &Article) -> Option<Found> {
        let image = a.file.front.image.as_deref()?;
        let local = markdown::is_local(image) || markdown::computer_path(image);
        if !local || (!markdown::computer_path(image) && self.resolve(a, image).is_some()) {
            return None;
        }
        let place = |mut d: Diagnostic| {
            if let Some((line, col)) = a.file.front.at.of("image") {
                d = d.at(line, Some(col));
            }
            d
        };
        Some(match self.why(a, image, Kind::Cover) {
            Found::Error(d) => Found::Error(place(d)),
            Found::Warning(d) => Found::Warning(place(d)),
        })
    }

    fn why(&self, a: &Article, dest: &str, kind: Kind) -> Found {
        let file = &a.file.display;
        let dir = a.file.source.parent().unwrap_or(Path::new(""));
        let folder = Path::new("content").join(dir);
        let k = kind.arg();
        if markdown::computer_path(dest) {
            let name = file_name(dest);
            let beside = self.beside(dir, &name);
            let d = Diagnostic::new(file, t!("links-computer-path", kind = k, dest = dest));
            return Found::Error(match beside {
                Some(real) => d.hint(t!("links-computer-path.hint-beside", name = real)),
                None => d.hint(t!(
                    "links-computer-path.hint",
                    folder = &folder,
                    name = if name.is_empty() {
                        "anh.jpg".to_string()
                    } else {
                        name
                    }
                )),
            });
        }
        if let Some((shown, draft)) = self.unpublished(a, dest) {
            let id = if *draft {
                "links-draft"
            } else {
                "links-scheduled"
            };
            let d = Diagnostic::new(file, t!(id, dest = dest, file = shown))
                .hint(t!("links-draft.hint"));
            return Found::Warning(d);
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let target = site::join_relative(dir, &percent_decode(path));
        if let Some(real) = target.as_ref().and_then(|t| self.other_case(t)) {
            let shown = Path::new("content").join(real);
            if crate::text::nfc(&real.to_string_lossy()) == target_text(target.as_deref()) {
                // Equal but for how the accents are stored (a Mac or a
                // zip program wrote them apart): the server sees another
                // name.
                let d = Diagnostic::new(file, t!("links-accents", kind = k, dest = dest))
                    .hint(t!("links-accents.hint", real = &shown));
                return Found::Error(d);
            }
            let name = real.file_name().map(|n| n.to_string_lossy().into_owned());
            let fix = match (path.rsplit_once('/'), name) {
                (Some((head, _)), Some(n)) => format!("{head}/{n}"),
                (None, Some(n)) => n,
                (_, None) => real.display().to_string(),
            };
            let d = Diagnostic::new(file, t!("links-case", kind = k, dest = dest, real = &shown))
                .hint(t!("links-case.hint", fix = fix));
            return Found::Error(d);
        }
        if kind == Kind::Link && path.to_lowercase().ends_with(".md") {
            let d = Diagnostic::new(file, t!("links-no-article", dest = dest))
                .hint(t!("links-no-article.hint"));
            return Found::Error(d);
        }
        let d = Diagnostic::new(
            file,
            t!("links-no-file", kind = k, dest = dest, folder = &folder),
        );
        let hint = if dest.contains('\\') {
            t!("links-no-file.hint-slash")
        } else if dest.to_ascii_lowercase().starts_with("www.") {
            t!("links-no-file.hint-web", url = format!("https://{dest}"))
        } else {
            match self.nearest(dir, target.as_deref()) {
                Some(near) => t!("links-no-file.hint-near", near = near),
                None => t!("links-no-file.hint"),
            }
        };
        Found::Error(d.hint(hint))
    }

    /// The name of a file in `dir` called `name`, capitals aside.
    fn beside(&self, dir: &Path, name: &str) -> Option<String> {
        if name.is_empty() {
            return None;
        }
        let wanted = dir.join(name);
        if self.assets.contains(&wanted) {
            return Some(name.to_string());
        }
        self.other_case(&wanted)
            .filter(|real| real.parent() == Some(dir))
            .and_then(|real| real.file_name().map(|n| n.to_string_lossy().into_owned()))
    }

    /// The file or article whose path is `target` but for capitals.
    fn other_case(&self, target: &Path) -> Option<&PathBuf> {
        let lower = self.lower.get_or_init(|| {
            let mut all: HashMap<String, PathBuf> = HashMap::new();
            for p in self.assets.iter().chain(self.by_source.keys()) {
                all.insert(lower_key(p), p.clone());
            }
            all
        });
        lower.get(&lower_key(target)).filter(|real| *real != target)
    }

    /// The file beside `target` whose name is nearest to its name, if one
    /// is near enough to be a typo.
    fn nearest(&self, dir: &Path, target: Option<&Path>) -> Option<String> {
        let target = target?;
        let parent = target.parent().unwrap_or(Path::new(""));
        let wanted = target.file_name()?.to_string_lossy().to_lowercase();
        let mut best: Option<(f64, String)> = None;
        for p in self.assets.iter().filter(|p| p.parent() == Some(parent)) {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let score = strsim::normalized_levenshtein(&wanted, &name.to_lowercase());
            if score >= 0.6 && best.as_ref().is_none_or(|(s, _)| score > *s) {
                let shown = if parent == dir {
                    name.into_owned()
                } else {
                    Path::new("content").join(p).display().to_string()
                };
                best = Some((score, shown));
            }
        }
        best.map(|(_, n)| n)
    }
}

fn target_text(p: Option<&Path>) -> String {
    p.map_or(String::new(), |p| p.to_string_lossy().into_owned())
}

fn lower_key(p: &Path) -> String {
    crate::text::nfc(&p.to_string_lossy().replace('\\', "/").to_lowercase()).into_owned()
}

/// The file name at the end of a path on the editor's computer:
/// `C:\Users\Lan\Ảnh 01.jpg` → `Ảnh 01.jpg` (`%20` decoded in `file:` URLs).
fn file_name(dest: &str) -> String {
    let path = dest.split(['?', '#']).next().unwrap_or(dest);
    let last = path.rsplit(['/', '\\']).next().unwrap_or("");
    if dest.to_ascii_lowercase().starts_with("file:") {
        percent_decode(last)
    } else {
        crate::text::nfc(last).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_at_the_end_of_computer_paths() {
        assert_eq!(file_name("C:\\Users\\Lan\\Ảnh 01.jpg"), "Ảnh 01.jpg");
        assert_eq!(
            file_name("file:///C:/Users/Lan/%E1%BA%A2nh%2001.jpg"),
            "Ảnh 01.jpg"
        );
        assert_eq!(file_name("/home/lan/anh.jpg"), "anh.jpg");
        assert_eq!(file_name("\\\\may\\chung\\a.png"), "a.png");
        assert_eq!(file_name("C:\\"), "");
    }

    #[test]
    fn noted_lists_come_sorted_and_once() {
        let noted = Noted::default();
        let d = |line| Diagnostic::new("content/a.md", "x").at(line, Some(1));
        noted.add(Found::Error(d(5)));
        noted.add(Found::Error(d(2)));
        noted.add(Found::Error(d(5)));
        noted.add(Found::Warning(d(1)));
        let (errors, warnings) = noted.take();
        assert_eq!(errors, vec![d(2), d(5)]);
        assert_eq!(warnings, vec![d(1)]);
        assert_eq!(noted.take(), (vec![], vec![]));
    }
}
