//! HUONG-DAN.md, the editors' guide, done as a clerk would do it: every
//! fenced block is taken in order, on a copy of the sample site (content/,
//! site.yaml, themes/) in a temporary folder, with the real binary run from
//! that folder (as after `cd` into it) and messages in the default language.
//!
//! What each kind of block means (the info string after the backticks; the
//! words after the language are invisible on GitHub):
//!
//! - ```` ```sh ````, optionally `exit=N`: commands, each line one `bantin …`
//!   command that must exit 0 (or N). A Windows drive path (`E:\ban-tin`)
//!   becomes a folder of the temporary directory. `watch` gets `--port 0`,
//!   is fetched over HTTP once it serves, then stopped with SIGINT (Ctrl-C).
//!   No command may open a browser: PATH holds only stand-ins for
//!   `xdg-open`/`open` that write down the address they were given, which
//!   checks what `--open` asked for.
//! - ```` ```text output ````: what the command before printed. A line of a
//!   message (with `lỗi: `, `cảnh báo: ` or `cách sửa: `) must be a line
//!   bantin printed, exactly, so the guide quotes its real words; any other
//!   line must be printed whole within a line. `\` reads as `/` (Windows
//!   paths).
//! - ```` ```markdown written=PATH ````: what `bantin new` wrote: each
//!   `key: value` line of the block is in the file (the date by key only),
//!   and each other line too.
//! - ```` ```markdown sample=PATH ````: quoted from the sample site: the
//!   file starts with exactly these lines.
//! - ```` ```markdown file=PATH ````: the clerk's article, written (with
//!   Notepad's CRLF line ends) over the file a `bantin new` of the guide
//!   created; each photo it names is put beside it (a copy of the sample
//!   site's `le-hoi-anh.png` stands in for the clerk's photo).
//! - ```` ```yaml edit=PATH ````: each `key: value` line replaces the line of
//!   that key in the file's front matter (the key must be there).
//! - ```` ```yaml append=PATH ````: lines added at the end of the file.
//! - a bare ```` ```markdown ````/```` ```yaml ```` fragment must appear in
//!   one of the blocks above (so it is built with them); ```` ```text ````
//!   is an illustration (the folder layout).
//! - ```` ```bat ```` / ```` ```powershell ````: Windows only (`cd /d`,
//!   `copy`, building bantin.exe with cargo): NOT run, and listed by this
//!   test; they may hold no `bantin` command.
//!
//! After every `build`, each article the guide made or edited is checked in
//! the output: a draft has no page; any other has one page with its current
//! title (at the address of its `slug:` when it has one), each paragraph,
//! list item and photo of its body, and its photo's file published. At the
//! end: every category the guide added has its page, every `bantin …`
//! written inline in the text is a command the test ran (same subcommand
//! and flags), every `#anchor` link leads to a heading, the guide is NFC and
//! the README links to it in its first lines.

mod common;
#[path = "guide/files.rs"]
mod files;
#[path = "guide/page.rs"]
mod page;
#[path = "guide/serve.rs"]
mod serve;
#[path = "guide/text.rs"]
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

use page::article_page;
use serve::{fake_browser, watch_once};
use text::{Block, anchor, parse};

const BIN: &str = env!("CARGO_BIN_EXE_bantin");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn guide() -> String {
    fs::read_to_string(repo().join("HUONG-DAN.md")).expect("HUONG-DAN.md")
}

/// The guide being done: the site copy and what was learnt on the way.
struct Run {
    tmp: tempfile::TempDir,
    site: PathBuf,
    bin_dir: PathBuf,
    /// stdout + stderr and exit code of the last command.
    last: String,
    /// Articles (relative paths) the guide created or changed.
    articles: BTreeSet<String>,
    /// Articles `bantin new` created.
    created: BTreeSet<String>,
    /// Categories (menu title, slug) the guide added to site.yaml.
    categories: Vec<(String, String)>,
    /// Where each article was published (its folder under the output).
    addresses: BTreeMap<String, PathBuf>,
    /// Every command run, as its argument list.
    ran: Vec<Vec<String>>,
    not_run: Vec<String>,
    failures: Vec<String>,
}

impl Run {
    fn new() -> Run {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("ban-tin-phuong");
        common::copy_dir(&repo().join("content"), &site.join("content"));
        common::copy_dir(&repo().join("themes"), &site.join("themes"));
        if repo().join("static").is_dir() {
            common::copy_dir(&repo().join("static"), &site.join("static"));
        }
        fs::copy(repo().join("site.yaml"), site.join("site.yaml")).unwrap();
        let bin_dir = tmp.path().join("bin");
        fs::create_dir_all(&bin_dir).unwrap();
        fake_browser(&bin_dir);
        Run {
            tmp,
            site,
            bin_dir,
            last: String::new(),
            articles: BTreeSet::new(),
            created: BTreeSet::new(),
            categories: Vec::new(),
            addresses: BTreeMap::new(),
            ran: Vec::new(),
            not_run: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn fail(&mut self, line: usize, what: String) {
        self.failures.push(format!("HUONG-DAN.md:{line}: {what}"));
    }

    fn block(&mut self, b: &Block, all: &[Block]) {
        let attr = |k: &str| b.attrs.get(k).cloned();
        match b.lang.as_str() {
            "sh" => {
                let code = attr("exit").map_or(0, |c| c.parse().expect("exit=N"));
                for (i, l) in b.lines.iter().enumerate() {
                    if !l.trim().is_empty() {
                        self.command(b.line + 1 + i, l.trim(), code);
                    }
                }
            }
            "text" if b.attrs.contains_key("output") => self.output(b),
            "text" => self.not_run(b, "an illustration (the folder layout)"),
            "bat" | "powershell" => self.windows_only(b),
            "markdown" | "yaml" => {
                if let Some(p) = attr("written") {
                    self.written(b, &p);
                } else if let Some(p) = attr("sample") {
                    self.sample(b, &p);
                } else if let Some(p) = attr("file") {
                    self.file(b, &p);
                } else if let Some(p) = attr("edit") {
                    self.edit(b, &p);
                } else if let Some(p) = attr("append") {
                    self.append(b, &p);
                } else {
                    self.fragment(b, all);
                }
            }
            other => self.fail(b.line, format!("a code block of unknown kind `{other}`")),
        }
    }

    fn not_run(&mut self, b: &Block, why: &str) {
        self.not_run
            .push(format!("HUONG-DAN.md:{} ```{}: {why}", b.line, b.lang));
    }

    fn windows_only(&mut self, b: &Block) {
        for l in &b.lines {
            let w = l.trim_start().trim_start_matches(".\\");
            if w.starts_with("bantin") {
                self.fail(
                    b.line,
                    format!("`{l}` is a bantin command in a block not run"),
                );
            }
        }
        let what = b.lines.join(" ; ");
        self.not_run(b, &format!("Windows only, not run here: {what}"));
    }

    /// Run one `bantin …` line from the site folder.
    fn command(&mut self, line: usize, text: &str, expect: i32) {
        let Some(rest) = text.strip_prefix("bantin ") else {
            return self.fail(
                line,
                format!("`{text}`: a command line must start with `bantin `"),
            );
        };
        let rest = self.drive_paths(rest);
        let args = shlex::split(&rest).expect("a command the shell can split");
        self.ran.push(args.clone());
        if args.first().map(String::as_str) == Some("watch") {
            return self.watch(line, &args);
        }
        let out = Command::new(BIN)
            .args(&args)
            .current_dir(&self.site)
            .env_remove("BANTIN_LANG")
            .env("PATH", &self.bin_dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        self.last = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
        let code = out.status.code().unwrap_or(-1);
        if code != expect {
            let last = self.last.clone();
            return self.fail(
                line,
                format!("`{text}` exited {code}, not {expect}:\n{last}"),
            );
        }
        match args.first().map(String::as_str) {
            Some("new") if code == 0 => {
                // The path it printed (whatever words come with it).
                let printed = stdout.split_whitespace().rfind(|w| w.ends_with(".md"));
                let rel = printed.unwrap_or("").replace('\\', "/");
                self.created.insert(rel.clone());
                self.articles.insert(rel);
            }
            Some("build") if code == 0 => {
                let out = match args.iter().position(|a| a == "--output") {
                    Some(i) => PathBuf::from(&args[i + 1]),
                    None => self.site.join("output"),
                };
                self.published(line, &out);
            }
            _ => {}
        }
    }

    /// `E:\ban-tin` → a folder `E/ban-tin` of the temporary directory.
    fn drive_paths(&self, text: &str) -> String {
        text.split(' ')
            .map(|w| {
                let b = w.as_bytes();
                if b.len() > 2 && b[0].is_ascii_uppercase() && &b[1..3] == b":\\" {
                    let rest = w[3..].replace('\\', "/");
                    let p = self.tmp.path().join(&w[..1]).join(rest);
                    p.to_string_lossy().into_owned()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `bantin watch …`: it must serve the site, and open it if asked.
    fn watch(&mut self, line: usize, args: &[String]) {
        if let Err(e) = watch_once(&self.site, &self.bin_dir, args) {
            self.fail(line, format!("`bantin {}`: {e}", args.join(" ")));
        }
    }

    fn output(&mut self, b: &Block) {
        let printed: Vec<String> = self.last.lines().map(|l| l.replace('\\', "/")).collect();
        for l in b.lines.iter().filter(|l| !l.trim().is_empty()) {
            let want = l.replace('\\', "/");
            let message = ["lỗi: ", "cảnh báo: ", "cách sửa: "]
                .iter()
                .any(|label| want.contains(label));
            let found = match message {
                true => printed.contains(&want),
                false => printed.iter().any(|p| p.contains(&want)),
            };
            if !found {
                let got = printed.join("\n");
                self.fail(
                    b.line,
                    format!("the command printed no line `{want}`; it printed:\n{got}"),
                );
            }
        }
    }

    /// Each article the guide touched, as `build` published it into `out`.
    fn published(&mut self, line: usize, out: &Path) {
        for rel in self.articles.clone() {
            let Ok(text) = fs::read_to_string(self.site.join(&rel)) else {
                continue;
            };
            match article_page(&text, out) {
                Err(e) => self.fail(line, format!("{rel} in {}: {e}", out.display())),
                // Once published, an article keeps its address: the guide
                // never moves one (a title edit keeps its `slug:`).
                Ok(Some(at)) => match self.addresses.insert(rel.clone(), at.clone()) {
                    Some(was) if was != at => self.fail(
                        line,
                        format!("{rel} moved from {} to {}", was.display(), at.display()),
                    ),
                    _ => {}
                },
                Ok(None) => {}
            }
        }
    }
}

/// `bantin …` spans of the text: each must be a command the test ran (the
/// same subcommand, its flags among those of one run).
fn inline_commands(run: &mut Run, prose: &[(usize, String)]) {
    for (line, text) in prose {
        for (i, span) in text.split('`').enumerate() {
            let span = span.trim_start_matches(".\\");
            if i % 2 == 0 || !(span == "bantin" || span.starts_with("bantin ")) {
                continue;
            }
            let words = shlex::split(&span[6..]).unwrap_or_default();
            let sub = words.iter().find(|w| !w.starts_with('-'));
            let flags: Vec<&String> = words.iter().filter(|w| w.starts_with("--")).collect();
            let commands = ["build", "watch", "check", "new", "import"];
            if sub.is_some_and(|s| !commands.contains(&s.as_str())) {
                continue; // printed text, such as the version `bantin 0.1.0`
            }
            let ok = run.ran.iter().any(|r| {
                r.iter().find(|w| !w.starts_with('-')) == sub && flags.iter().all(|f| r.contains(f))
            });
            if !ok {
                run.fail(
                    *line,
                    format!("`{span}` is named in the text but no block runs it"),
                );
            }
        }
    }
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "stops watch with SIGINT and stands in for xdg-open with a shell script"
)]
fn every_command_of_the_guide_runs_on_the_sample_site() {
    let text = guide();
    let (blocks, prose) = parse(&text);
    let mut run = Run::new();
    for b in &blocks {
        run.block(b, &blocks);
    }
    // An added category is in the menu of the last build, with its page.
    let out = run.site.join("output");
    let home = fs::read_to_string(out.join("index.html")).unwrap_or_default();
    for (title, slug) in run.categories.clone() {
        let in_menu = home.contains(&format!(">{title}</a>"));
        if !in_menu || !out.join(&slug).join("index.html").is_file() {
            run.fail(
                0,
                format!("the category {title} ({slug}/) is not published"),
            );
        }
    }
    inline_commands(&mut run, &prose);
    println!("ran {} bantin commands of HUONG-DAN.md", run.ran.len());
    for n in &run.not_run {
        println!("not run: {n}");
    }
    assert!(run.ran.len() >= 10, "the guide's commands were not found");
    assert!(run.failures.is_empty(), "\n{}", run.failures.join("\n\n"));
}

#[test]
fn the_guide_is_nfc_its_links_lead_somewhere_and_the_readme_links_to_it() {
    let text = guide();
    assert!(
        text == text.nfc().collect::<String>(),
        "HUONG-DAN.md is not NFC"
    );
    let (_, prose) = parse(&text);
    let anchors: BTreeSet<String> = prose
        .iter()
        .filter(|(_, l)| l.starts_with('#'))
        .map(|(_, l)| anchor(l))
        .collect();
    for (line, l) in &prose {
        for link in l.split("](#").skip(1) {
            let a = link.split(')').next().unwrap();
            assert!(
                anchors.contains(a),
                "HUONG-DAN.md:{line}: no heading for #{a}"
            );
        }
    }
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let head: String = readme.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(
        head.contains("](HUONG-DAN.md)"),
        "README.md's first lines do not link HUONG-DAN.md:\n{head}"
    );
}

/// `watch --open` on a machine where no browser can be started (nothing on
/// PATH): it serves all the same, and stops cleanly on Ctrl-C.
#[test]
#[cfg_attr(not(unix), ignore = "stops watch with SIGINT")]
fn watch_open_without_a_browser_still_serves() {
    let run = Run::new();
    let empty = run.tmp.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let args = ["watch".to_string(), "--open".to_string()];
    watch_once(&run.site, &empty, &args).unwrap();
}
