//! Bad input never panics: thousands of malformed articles, dates, YAML
//! and Markdown (deterministic pseudo-random mixes of the characters that
//! matter to each parser, Vietnamese included) go through every parsing
//! stage; each must answer with a value or an error, never a panic. The
//! same mixes then go through the real binary as a site, which must exit
//! with 0 or 1 and print no panic.

use bantin::config::Flavour;
use std::path::Path;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, parts: &[&'a str]) -> &'a str {
        parts[(self.next() % parts.len() as u64) as usize]
    }
    fn text(&mut self, parts: &[&str], len: usize) -> String {
        let n = (self.next() % len as u64) as usize;
        (0..n).map(|_| self.pick(parts)).collect()
    }
}

const YAML: &[&str] = &[
    "---",
    "\n",
    "\r\n",
    ":",
    ": ",
    "title",
    "date",
    "category",
    "views",
    "tags",
    "slug",
    "draft",
    "featured",
    "extra",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "- ",
    "  ",
    "#",
    "&a",
    "*a",
    "!!str",
    "|",
    ">",
    "12.345",
    "-1",
    "1e99",
    "true",
    "null",
    "~",
    "Đảng",
    "CÔNG TÁC ĐẢNG",
    "e\u{301}",
    "\u{feff}",
    "\t",
    "%",
    "@",
    "`",
    "../",
    "\\",
    "\0",
    "📰",
];
const DATES: &[&str] = &[
    "19",
    "/",
    "02",
    "2020",
    "-",
    " ",
    ":",
    "07",
    "30",
    "31",
    "29",
    "T",
    "Z",
    "+07:00",
    "+25:00",
    "24",
    "60",
    "00",
    "9999",
    "0",
    "ngày",
    "tháng",
    "năm",
    "|",
    ".",
    "99999999999999999999",
];
const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "\n",
    "\n\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "<",
    ">",
    "<script>",
    "</script>",
    "<a href=\"javascript:x\">",
    "onclick=",
    "|",
    "---",
    "*",
    "**",
    "~~",
    "`",
    "```",
    "[^1]",
    "[^1]: ",
    "1. ",
    "- ",
    "> ",
    "&",
    "&amp;",
    "../",
    "bai.md",
    "anh.png",
    "%2e",
    "#",
    "Đ",
    "ư",
    "\u{300}",
    "http://",
    "mailto:",
    "<!--",
    "-->",
    "\\",
    "\t",
    "  ",
];

#[test]
fn parsers_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let file = Path::new("content/x.md");
    for _ in 0..3000 {
        let text = format!(
            "---\n{}\n---\n{}",
            rng.text(YAML, 40),
            rng.text(MARKDOWN, 40)
        );
        if let Ok(split) = bantin::frontmatter::split(file, &text) {
            let _ = bantin::frontmatter::parse(file, &split);
        }
        let raw = rng.text(YAML, 60);
        let _ = bantin::frontmatter::split(file, &raw);
        let _ = bantin::yaml::parse(&raw);
        let _ = bantin::date::parse(&rng.text(DATES, 12));
        let _ = bantin::text::slugify(&raw);
        // Both ways of reading Markdown, the editor's rewriting included:
        // no panic, and every place it reports is a line of the body.
        let md = rng.text(MARKDOWN, 80);
        let lines = md.split('\n').count();
        for flavour in [Flavour::Editor, Flavour::CommonMark] {
            let _ = bantin::markdown::first_paragraph(&md, flavour);
            let r = bantin::markdown::render_as(&md, flavour, &|_: &str| None, false);
            for t in r.unresolved {
                assert!(t.line < lines && t.column >= 1, "{t:?} in {md:?}");
            }
        }
    }
}

#[test]
fn the_binary_never_panics_on_a_site_of_garbage() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let tmp = tempfile::tempdir().unwrap();
    for round in 0..6 {
        let root = tmp.path().join(format!("site{round}"));
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        std::fs::write(root.join("site.yaml"), "title: \"Bản tin\"\n").unwrap();
        for i in 0..25 {
            let body = match i % 3 {
                // Mostly valid front matter with a garbage body and fields.
                0 => format!(
                    "---\ntitle: \"Bài {i} {}\"\ndate: {}\ncategory: {}\n---\n{}",
                    rng.text(MARKDOWN, 6).replace(['"', '\n', '\\'], ""),
                    rng.text(DATES, 8),
                    rng.pick(&["CÔNG TÁC ĐẢNG", "Công tác Đảng", "trang", "", "../x"]),
                    rng.text(MARKDOWN, 120)
                ),
                1 => format!(
                    "---\n{}\n---\n{}",
                    rng.text(YAML, 30),
                    rng.text(MARKDOWN, 30)
                ),
                _ => rng.text(YAML, 50),
            };
            std::fs::write(root.join(format!("content/a/bai-{i}.md")), body).unwrap();
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
            .env("BANTIN_LANG", "en")
            .args(["build", "--root"])
            .arg(&root)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "round {round}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "round {round}: {:?} {stderr}",
            out.status
        );
        if out.status.code() == Some(1) {
            assert!(
                stderr.contains("error:"),
                "round {round}: exit 1 without a message"
            );
        }
    }
}
