//! Fuzz target `markdown`: an article (front matter and body, or a body
//! alone) placed in a small site with `site::assemble` and rendered with
//! `links::Links`, as `build` renders it: raw HTML not allowed, relative
//! links resolved against a sibling article and files beside it.
//!
//! Invariants: every URL segment is a slug; the HTML holds no script tag,
//! no forbidden tag, no `on…=` attribute and no `javascript:`/`vbscript:`/
//! `data:` URL; the summary `render` gives is the one `first_paragraph`
//! gives; every unresolved link is a local one, on a line of the body.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use bantin::config::{self, Config};
use bantin::frontmatter::{self, FrontMatter};
use bantin::links::Links;
use bantin::site::{self, Parsed};
use bantin::{markdown, text, yaml};
use bantin_fuzz::{assert_safe_html, is_slug};
use libfuzzer_sys::fuzz_target;

const SITE_YAML: &str = "title: Bản tin phường\nbase_url: https://example.gov.vn/ban-tin/\ncategories:\n  - name: CÔNG TÁC ĐẢNG\n    slug: cong-tac-dang\n  - name: CHÍNH QUYỀN\n";

fn config() -> Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let mut c: Config = yaml::from_str(SITE_YAML).expect("the fixed site.yaml");
            c.base_url = config::normalise_base_url(&c.base_url);
            c
        })
        .clone()
}

fn front(title: &str, category: &str) -> FrontMatter {
    FrontMatter {
        title: title.into(),
        date: bantin::date::parse("19/02/2020 07:02").expect("a date"),
        category: category.into(),
        author: None,
        views: None,
        summary: None,
        tags: Vec::new(),
        image: None,
        slug: None,
        draft: false,
        featured: false,
        extra: serde_json::Value::Null,
    }
}

fn parsed(source: &str, front: FrontMatter, yaml: &str, body: &str, body_line: usize) -> Parsed {
    Parsed {
        source: PathBuf::from(source),
        display: Path::new("content").join(source),
        front,
        yaml: yaml.into(),
        body: Arc::from(body),
        body_line,
        verbatim: None,
    }
}

/// The text as `load::read_text` hands it on: no BOM, LF, NFC.
fn loaded(data: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(data).ok()?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    Some(text::nfc(&s).into_owned())
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = loaded(data) else { return };
    let source = "cong-tac-dang/bai.md";
    let display = Path::new("content").join(source);
    let article = match frontmatter::split(&display, &text) {
        Ok(s) => match frontmatter::parse(&display, &s) {
            Ok(f) => parsed(source, f, s.yaml, s.body, s.body_line),
            Err(_) => parsed(source, front("Bài thử", "CÔNG TÁC ĐẢNG"), "", &text, 1),
        },
        Err(_) => parsed(source, front("Bài thử", "CÔNG TÁC ĐẢNG"), "", &text, 1),
    };
    let sibling = parsed(
        "chinh-quyen/khac.md",
        front("Bài khác", "CHÍNH QUYỀN"),
        "",
        "Bài bên cạnh.\n",
        5,
    );
    let assets = [
        "cong-tac-dang/anh.png",
        "cong-tac-dang/Phụ lục #1.pdf",
        "tep/bao cao.pdf",
    ]
    .map(PathBuf::from)
    .to_vec();
    let Ok(site) = site::assemble(config(), vec![article, sibling], assets) else {
        return;
    };
    for a in &site.articles {
        let segments: Vec<&str> = a.path.trim_end_matches('/').split('/').collect();
        assert!(segments.iter().all(|s| is_slug(s)), "path {:?}", a.path);
        assert!(
            a.tag_slugs.iter().all(|s| s.is_empty() || is_slug(s)),
            "{:?}",
            a.tag_slugs
        );
        assert!(
            a.author_slug.iter().all(|s| s.is_empty() || is_slug(s)),
            "{:?}",
            a.author_slug
        );
    }
    let links = Links::new(&site);
    let Some(a) = site.articles.iter().find(|a| a.source == Path::new(source)) else {
        return;
    };
    let r = links.render_in_memory(a);
    assert_safe_html(&r.html);
    assert_eq!(
        r.first_paragraph,
        markdown::first_paragraph(&a.body, site.config.markdown),
        "the two summaries differ"
    );
    let lines = a.body.split('\n').count();
    for t in &r.unresolved {
        let dest = &t.dest;
        assert!(
            markdown::is_local(dest) || markdown::computer_path(dest),
            "{dest:?} reported unresolved"
        );
        assert!(t.line < lines, "{dest:?} on line {} of {lines}", t.line);
    }
});
