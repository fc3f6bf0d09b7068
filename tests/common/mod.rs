//! Helpers shared by the CLI tests: copy a fixture site, run the real
//! binary, read what it wrote.
#![allow(dead_code)]

pub mod browser;
pub mod counts;
pub mod session;
pub mod tools;
pub mod watch;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A fixture copied into a temporary folder (fixtures stay read-only).
pub struct Site {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Site {
    pub fn new(name: &str) -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_dir(&fixture(name), &root);
        Site { tmp, root }
    }

    pub fn out(&self) -> PathBuf {
        self.root.join("output")
    }

    /// Run `bantin <args> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(bantin(&self.root, args))
    }

    pub fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        let r = self.run(&args);
        assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
        r
    }

    /// A page of the output, by its site path (`a/` → `a/index.html`).
    pub fn page(&self, path: &str) -> String {
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        fs::read_to_string(self.out().join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

/// The real binary, speaking English (`BANTIN_LANG=en`) so that tests
/// can look for its messages' English words; a test that wants another
/// language sets `BANTIN_LANG` again, or removes it, on the command.
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bantin"));
    cmd.env("BANTIN_LANG", "en");
    cmd
}

/// Run `bantin <args> --root <root>` (in English, see [`command`]) and
/// return what it did.
pub fn bantin(root: &Path, args: &[&str]) -> Output {
    bantin_env(root, args, &[])
}

/// [`bantin`] with environment variables set (`("BANTIN_LANG", "vi")`
/// for the default language's messages).
pub fn bantin_env(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    command()
        .envs(env.iter().copied())
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

/// `bantin ARGS --root ROOT` in the default language (Vietnamese: no
/// `BANTIN_LANG`), or in English with `--lang en`: for the tests that check
/// a message in both.
pub fn run_in_language(root: &Path, args: &[&str], english: bool) -> Output {
    let mut cmd = command();
    cmd.env_remove("BANTIN_LANG")
        .args(args)
        .arg("--root")
        .arg(root);
    if english {
        cmd.args(["--lang", "en"]);
    }
    cmd.output().unwrap()
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Every file under `dir` (relative path → bytes).
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

/// The values of every `href="…"` and `src="…"` in an HTML page.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    out
}

/// Every article page's JSON-LD, by the page's file.
pub fn json_lds(out: &Path) -> BTreeMap<String, serde_json::Value> {
    let mut map = BTreeMap::new();
    for e in walkdir::WalkDir::new(out) {
        let path = e.unwrap().into_path();
        if path.file_name().is_none_or(|n| n != "index.html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let Some(start) = html.find("<script type=\"application/ld+json\">") else {
            continue;
        };
        let json = &html[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let v: serde_json::Value = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("{}: {e}\n{json}", path.display()));
        let rel = path
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        map.insert(rel, v);
    }
    map
}

/// A real 16×12 image in the format `name`'s extension names (PNG, JPEG
/// or WebP; PNG for anything else): photos must be real files now that
/// bantin publishes them resized (a `.png` holding text is an error).
pub fn image_bytes(name: &str) -> Vec<u8> {
    let lower = name.to_lowercase();
    let format = if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        image::ImageFormat::Jpeg
    } else if lower.ends_with(".webp") {
        image::ImageFormat::WebP
    } else {
        image::ImageFormat::Png
    };
    let img = image::RgbImage::from_fn(16, 12, |x, y| {
        image::Rgb([(x * 15) as u8, (y * 20) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}
