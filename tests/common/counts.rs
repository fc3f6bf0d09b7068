//! Counts derived from a fixture site's files, for tests that check totals
//! (the build summary, the number of list pages): the expectation grows
//! with the fixture instead of being written down.

use std::fs;

/// What a fixture holds, counted from its files: the articles a plain
/// build publishes, drafts (`draft: true`), scheduled articles (dated in a
/// later year than this one, e.g. 2099), the files beside the articles or
/// under `static/`, and `per_page` of its site.yaml.
pub struct Counts {
    pub published: usize,
    pub drafts: usize,
    pub scheduled: usize,
    pub files: usize,
    pub per_page: usize,
}

pub fn counts(fixture: &str) -> Counts {
    use chrono::Datelike;
    let root = super::fixture(fixture);
    let this_year = chrono::Utc::now().year();
    let mut c = Counts {
        published: 0,
        drafts: 0,
        scheduled: 0,
        files: 0,
        per_page: 0,
    };
    for dir in ["content", "static"] {
        for e in walkdir::WalkDir::new(root.join(dir)) {
            let Ok(e) = e else { continue };
            if !e.file_type().is_file() {
                continue;
            }
            if e.path().extension().is_none_or(|x| x != "md") {
                c.files += 1;
                continue;
            }
            let text = String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned();
            let front: Vec<&str> = text
                .lines()
                .map(|l| l.trim_start_matches('\u{feff}').trim_end())
                .skip(1)
                .take_while(|l| *l != "---")
                .collect();
            let year = front
                .iter()
                .find_map(|l| l.strip_prefix("date:"))
                .and_then(|d| {
                    let digits: Vec<char> = d.chars().collect();
                    digits
                        .windows(4)
                        .find(|w| w.iter().all(char::is_ascii_digit))
                        .map(|w| w.iter().collect::<String>().parse::<i32>().unwrap())
                });
            if front.contains(&"draft: true") {
                c.drafts += 1;
            } else if year.is_some_and(|y| y > this_year) {
                c.scheduled += 1;
            } else {
                c.published += 1;
            }
        }
    }
    let yaml = fs::read_to_string(root.join("site.yaml")).unwrap();
    c.per_page = yaml
        .lines()
        .find_map(|l| l.strip_prefix("per_page:"))
        .map_or(10, |n| n.trim().parse().unwrap());
    c
}

/// The number between `before` and `after` in `line`.
pub fn between(line: &str, before: &str, after: &str) -> usize {
    let rest = &line[line
        .find(before)
        .unwrap_or_else(|| panic!("{before}: {line}"))
        + before.len()..];
    let n = &rest[..rest
        .find(after)
        .unwrap_or_else(|| panic!("{after}: {line}"))];
    n.parse().unwrap_or_else(|e| panic!("{n}: {e}: {line}"))
}
