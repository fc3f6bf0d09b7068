//! What the tests that drive headless Chromium through Node.js share:
//! finding Chromium, telling what is missing, and running a script of
//! `tests/browser/` that prints one line per check.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Chromium to drive: `BANTIN_CHROMIUM`, else Debian's or one on PATH.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BANTIN_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::env::split_paths(&path).chain([PathBuf::from("/usr/bin")]);
    for dir in dirs {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Does `cmd arg` run and succeed?
pub fn runs(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What is missing to run a script of `tests/browser/` (Chromium, Node.js,
/// playwright-core), if anything.
pub fn missing_for_node() -> Vec<String> {
    let mut out = Vec::new();
    if chromium().is_none() {
        out.push("Chromium (apt-get install chromium)".to_string());
    }
    if !runs("node", "--version") {
        out.push("Node.js".to_string());
    }
    let pw = root().join("tests/browser/node_modules/playwright-core/package.json");
    if !pw.is_file() {
        out.push("playwright-core (npm ci --ignore-scripts in tests/browser)".to_string());
    }
    out
}

/// What a test needs, missing: `None` when nothing is, else the list as
/// the reason the test is ignored (see `super::tools`).
pub fn reason(missing: Vec<String>) -> Option<String> {
    (!missing.is_empty()).then(|| missing.join(", "))
}

/// Run `tests/browser/<script>` with `args` and Chromium in Node.js; its
/// stdout (one line per check) is returned; a failed run fails the test,
/// showing the checks that failed (`what`: what was checked).
pub fn node(script: &str, args: &[&OsStr], what: &str) -> String {
    let run = Command::new("node")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .arg("--chromium")
        .arg(chromium().expect("Chromium"))
        .current_dir(root().join("tests/browser"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{what} failed:\n{}\n{}",
        report
            .lines()
            .filter(|l| !l.starts_with("ok "))
            .collect::<Vec<_>>()
            .join("\n"),
        String::from_utf8_lossy(&run.stderr)
    );
    report
}

/// A copy of the sample site (`content/` + `site.yaml`) in `tmp/site`.
pub fn sample_site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    super::copy_dir(&root().join("content"), &site.join("content"));
    std::fs::copy(root().join("site.yaml"), site.join("site.yaml")).unwrap();
    site
}

/// `bantin build --root site --output out` with `extra`, which must succeed.
pub fn build_into(site: &Path, out: &Path, extra: &[&str]) {
    let build = super::command()
        .args(["build", "--root"])
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&build.stderr)
    );
}
