//! The command-line cases: every folder under `tests/cases/` is one test,
//! named after the folder (`cargo test --test cases bad-yaml` runs one).
//! A case is data, not code:
//!
//! - `site/`: the site (site.yaml, content/…, optional templates/), copied
//!   into a temporary folder as `[SITE]` before the run;
//! - `cmd`: the command line after `bantin`, e.g. `build --future` (shell
//!   quoting). The harness adds `--root [SITE]`, and `--output [OUT]` to
//!   `build` and `check` unless the line names `--output` itself; `[SITE]`,
//!   `[OUT]` and `[TMP]` (the temporary folder holding both) are replaced;
//! - `code`: the exit code (never rewritten by re-blessing: a change of
//!   exit code is a decision, made by hand);
//! - `stderr`, `stdout`: what bantin prints in its default language
//!   (Vietnamese), and `stderr.en`, `stdout.en` what it prints in English:
//!   each case runs twice, without `BANTIN_LANG` and with `BANTIN_LANG=en`,
//!   both compared with snapbox (`[..]` matches the rest of a line up to
//!   what follows, `...` alone on a line any lines, `[SITE]`, `[OUT]`,
//!   `[TMP]` the temporary paths). A missing file means "prints nothing";
//! - `expected/`: files that must be in the output with this content (the
//!   same wildcards); `absent`: output paths, one a line, that must not be.
//!
//! A case whose `code` is not 0 runs over a last good output (the site of
//! `tests/fixtures/good`, built first into `[OUT]`) and must leave it, the
//! site and the temporary folder byte for byte as they were: bantin never
//! loses the last good output, and leaves nothing behind.
//!
//! `SNAPSHOTS=overwrite cargo test --test cases` rewrites `stdout`, `stderr`,
//! their `.en` twins and `expected/` from what bantin printed and wrote (tests/README.md).

mod common;

use common::{copy_dir, fixture, tree};
use libtest_mimic::{Arguments, Failed, Trial};
use snapbox::{Assert, Data, Redactions};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/cases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let trials = dirs
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run_case(&dir))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// What a case folder asks for.
struct Case {
    dir: PathBuf,
    args: Vec<String>,
    code: i32,
}

impl Case {
    fn read(dir: &Path) -> Result<Case, Failed> {
        let cmd = read_text(&dir.join("cmd"))?;
        let args = shlex::split(cmd.trim())
            .filter(|a| !a.is_empty())
            .ok_or_else(|| format!("{}: empty or unbalanced quotes", dir.join("cmd").display()))?;
        let code = read_text(&dir.join("code"))?;
        let code = code
            .trim()
            .parse()
            .map_err(|e| format!("{}: {e}", dir.join("code").display()))?;
        if !dir.join("site").is_dir() {
            return Err(format!("{}: no site/ folder", dir.display()).into());
        }
        Ok(Case {
            dir: dir.to_path_buf(),
            args,
            code,
        })
    }

    /// The arguments given to bantin, placeholders replaced.
    fn argv(&self, tmp: &Path) -> Vec<String> {
        let vars = places(tmp);
        let mut argv: Vec<String> = self
            .args
            .iter()
            .map(|a| {
                vars.iter().fold(a.clone(), |a, (name, path)| {
                    a.replace(name, &path.to_string_lossy())
                })
            })
            .collect();
        argv.extend(["--root".to_string(), vars["[SITE]"].display().to_string()]);
        let writes = matches!(self.args[0].as_str(), "build" | "check");
        if writes && !self.args.iter().any(|a| a.starts_with("--output")) {
            argv.extend(["--output".to_string(), vars["[OUT]"].display().to_string()]);
        }
        argv
    }
}

/// The placeholders of a case run and the paths they stand for.
fn places(tmp: &Path) -> BTreeMap<&'static str, PathBuf> {
    BTreeMap::from([
        ("[SITE]", tmp.join("site")),
        ("[OUT]", tmp.join("output")),
        ("[TMP]", tmp.to_path_buf()),
    ])
}

fn read_text(path: &Path) -> Result<String, Failed> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn run_case(dir: &Path) -> Result<(), Failed> {
    let case = Case::read(dir)?;
    let mut problems = Vec::new();
    for lang in [Lang::Default, Lang::En] {
        run_in(&case, lang, &mut problems)?;
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

/// The language a case runs in: bantin's default (Vietnamese: no
/// `BANTIN_LANG`), compared with `stdout`/`stderr`, then English
/// (`BANTIN_LANG=en`), compared with `stdout.en`/`stderr.en`.
#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Default,
    En,
}

impl Lang {
    /// The suffix of the files holding what bantin prints in it.
    fn suffix(self) -> &'static str {
        match self {
            Lang::Default => "",
            Lang::En => ".en",
        }
    }
}

/// Run the case once in `lang`, in a fresh temporary folder, adding what
/// differs from the case's files to `problems`.
fn run_in(case: &Case, lang: Lang, problems: &mut Vec<String>) -> Result<(), Failed> {
    let tmp = tempfile::tempdir()?;
    let (site, out) = (tmp.path().join("site"), tmp.path().join("output"));
    copy_dir(&case.dir.join("site"), &site);
    let fails = case.code != 0;
    if fails {
        last_good_output(&out)?;
    }
    let before = (site_files(&site), tree_if(&out), names(tmp.path()));

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bantin"));
    cmd.args(case.argv(tmp.path()))
        .env("NO_COLOR", "1")
        .env_remove("BANTIN_LANG");
    if lang == Lang::En {
        cmd.env("BANTIN_LANG", "en");
    }
    let run = cmd.output()?;

    let mut redactions = Redactions::new();
    for (name, path) in places(tmp.path()) {
        redactions.insert(name, path)?;
    }
    let assert = Assert::new()
        .action_env("SNAPSHOTS")
        .redact_with(redactions);
    let mut found = Vec::new();
    if run.status.code() != Some(case.code) {
        found.push(format!(
            "exit code {:?}, `code` says {}",
            run.status.code(),
            case.code
        ));
    }
    printed(&assert, case, lang, &run, &mut found);
    expected_files(&assert, case, &out, &mut found);
    if fails {
        let after = (site_files(&site), tree_if(&out), names(tmp.path()));
        untouched(before, after, &mut found);
    }
    if !found.is_empty() {
        let shown = String::from_utf8_lossy(&run.stderr);
        let name = if lang == Lang::En {
            "English"
        } else {
            "default language"
        };
        problems.push(format!(
            "in the {name}: {}\n--- stderr was:\n{shown}",
            found.join("\n")
        ));
    }
    Ok(())
}

/// Build the good fixture site into `out`: the last good output a failing
/// command must keep.
fn last_good_output(out: &Path) -> Result<(), Failed> {
    let r = common::bantin(
        &fixture("good"),
        &["build", "--output", out.to_str().unwrap()],
    );
    if !r.status.success() {
        let err = String::from_utf8_lossy(&r.stderr);
        return Err(format!("tests/fixtures/good does not build:\n{err}").into());
    }
    // It has no photos: a build leaves no cache folder in the site.
    if fixture("good").join(".bantin").exists() {
        return Err("a build of tests/fixtures/good (no photos) made .bantin/ in it".into());
    }
    Ok(())
}

fn tree_if(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    if dir.exists() {
        tree(dir)
    } else {
        BTreeMap::new()
    }
}

/// The site's own files: all but bantin's photo cache (`.bantin/`), which
/// a build fills as it goes (photos are made beside the pages) even when it
/// then fails: what was made is reused by the next build.
fn site_files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(site);
    files.retain(|k, _| !k.starts_with(".bantin/"));
    files
}

/// The names in a folder, sorted: a temporary folder left behind shows here.
fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

type Snapshot = (
    BTreeMap<String, Vec<u8>>,
    BTreeMap<String, Vec<u8>>,
    Vec<String>,
);

fn untouched(before: Snapshot, after: Snapshot, problems: &mut Vec<String>) {
    if after.0 != before.0 {
        problems.push("the failed command changed the site's files".into());
    }
    if after.1 != before.1 {
        let changed: BTreeSet<_> = before
            .1
            .keys()
            .chain(after.1.keys())
            .filter(|k| before.1.get(*k) != after.1.get(*k))
            .collect();
        problems.push(format!(
            "the failed command changed the last good output: {changed:?}"
        ));
    }
    if after.2 != before.2 {
        problems.push(format!("left behind: {:?} (was {:?})", after.2, before.2));
    }
}

/// Compare stdout and stderr with the case's files for `lang` (missing =
/// nothing).
fn printed(assert: &Assert, case: &Case, lang: Lang, run: &Output, problems: &mut Vec<String>) {
    for (stream, bytes) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let name = format!("{stream}{}", lang.suffix());
        let name = name.as_str();
        let path = case.dir.join(name);
        if !path.exists() && bytes.is_empty() {
            continue;
        }
        let actual = Data::text(elapsed_hidden(&String::from_utf8_lossy(bytes)));
        if let Err(e) = assert.try_eq(Some(&name), actual, Data::read_from(&path, None)) {
            problems.push(format!("{name}:\n{e}"));
        }
    }
}

/// The printed text with the time a build took (`mất 0,11 giây`, `in
/// 0.11 s`) written as `[..]`, so a re-blessed snapshot never holds one
/// run's timing.
fn elapsed_hidden(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut line = line.to_string();
        for (before, after) in [("mất ", " giây"), (" in ", " s")] {
            let mut from = 0;
            while let Some(at) = line[from..].find(before) {
                let start = from + at + before.len();
                let digits = line[start..]
                    .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                    .unwrap_or(line.len() - start);
                if digits > 0 && line[start + digits..].starts_with(after) {
                    line.replace_range(start..start + digits, "[..]");
                }
                from = start;
            }
        }
        out.push_str(&line);
    }
    out
}

/// The files of `expected/` must be in the output; those of `absent` not.
fn expected_files(assert: &Assert, case: &Case, out: &Path, problems: &mut Vec<String>) {
    let expected = case.dir.join("expected");
    if expected.is_dir() {
        for rel in tree(&expected).into_keys() {
            let Ok(bytes) = fs::read(out.join(&rel)) else {
                problems.push(format!("expected/{rel}: not in the output"));
                continue;
            };
            let actual = match String::from_utf8(bytes) {
                Ok(text) => Data::text(text),
                Err(e) => Data::binary(e.into_bytes()),
            };
            let want = Data::read_from(&expected.join(&rel), None);
            if let Err(e) = assert.try_eq(Some(&rel), actual, want) {
                problems.push(format!("expected/{rel}:\n{e}"));
            }
        }
    }
    if let Ok(absent) = fs::read_to_string(case.dir.join("absent")) {
        for rel in absent.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if out.join(rel).exists() {
                problems.push(format!(
                    "{rel}: in the output, `absent` says it must not be"
                ));
            }
        }
    }
}
