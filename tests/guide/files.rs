//! The guide's blocks that are files: what `bantin new` wrote, quotes of the
//! sample site, the clerk's articles, edits and additions, fragments.

use std::fs;

use super::text::{Block, crlf, field, front_matter, photos};
use super::{Run, repo};

impl Run {
    /// What `bantin new` wrote: each `key: value` shown is in the front
    /// matter (the date by key only: it is the time of the run), each other
    /// line is in the file.
    pub(super) fn written(&mut self, b: &Block, rel: &str) {
        let text = fs::read_to_string(self.site.join(rel)).unwrap_or_default();
        let fields = front_matter(&text);
        for (k, v) in b.lines.iter().filter_map(|l| field(l)) {
            match fields.get(&k) {
                Some(_) if k == "date" => {}
                Some(got) if *got == v => {}
                got => self.fail(
                    b.line,
                    format!("{rel}: `{k}: {v}` expected, found {got:?}:\n{text}"),
                ),
            }
        }
        // Any other line shown (the body bantin leaves to fill) is there.
        for l in &b.lines {
            if field(l).is_none() && !text.lines().any(|t| t.trim_end() == l) {
                self.fail(b.line, format!("{rel}: no line `{l}`:\n{text}"));
            }
        }
    }

    pub(super) fn sample(&mut self, b: &Block, rel: &str) {
        let text = fs::read_to_string(repo().join(rel)).unwrap();
        let head: Vec<&str> = text.lines().take(b.lines.len()).collect();
        if head != b.lines {
            self.fail(
                b.line,
                format!("{rel} does not start with the lines quoted"),
            );
        }
    }

    pub(super) fn file(&mut self, b: &Block, rel: &str) {
        if !self.created.contains(rel) {
            self.fail(
                b.line,
                format!("{rel} is not a file a `bantin new` of the guide created"),
            );
        }
        let path = self.site.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, crlf(&b.lines)).unwrap();
        let photo = repo().join("content/van-hoa-xa-hoi/le-hoi-anh.png");
        for name in photos(&b.lines) {
            let beside = path.parent().unwrap().join(&name);
            if !beside.exists() {
                fs::copy(&photo, beside).unwrap();
            }
        }
        self.articles.insert(rel.to_string());
    }

    pub(super) fn edit(&mut self, b: &Block, rel: &str) {
        let path = self.site.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text
            .lines()
            .map(|l| l.trim_end_matches('\r').into())
            .collect();
        // The front matter: up to its closing `---`.
        let end = 1 + lines[1..].iter().position(|l| l == "---").unwrap_or(0);
        for new in &b.lines {
            let Some((k, _)) = field(new) else { continue };
            match lines[..end]
                .iter()
                .position(|l| field(l).is_some_and(|f| f.0 == k))
            {
                Some(i) => lines[i] = new.clone(),
                None => self.fail(b.line, format!("{rel} has no `{k}:` line to change")),
            }
        }
        fs::write(&path, crlf(&lines)).unwrap();
        self.articles.insert(rel.to_string());
    }

    pub(super) fn append(&mut self, b: &Block, rel: &str) {
        let path = self.site.join(rel);
        let mut text = fs::read(&path).unwrap();
        if text.last().is_some_and(|c| *c != b'\n') {
            text.push(b'\n');
        }
        text.extend_from_slice((b.lines.join("\n") + "\n").as_bytes());
        fs::write(&path, text).unwrap();
        // A category: its menu title and its slug.
        let fields: Vec<(String, String)> = b.lines.iter().filter_map(|l| field(l)).collect();
        let get = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        if let (Some(title), Some(slug)) = (get("title"), get("slug")) {
            self.categories.push((title, slug));
        }
    }

    pub(super) fn fragment(&mut self, b: &Block, all: &[Block]) {
        let text = b.lines.join("\n");
        let built = all.iter().any(|o| {
            ["file", "append"].iter().any(|k| o.attrs.contains_key(*k))
                && o.lines.join("\n").contains(&text)
        });
        if !built {
            self.fail(
                b.line,
                "a fragment found in no example the test builds".into(),
            );
        }
    }
}
