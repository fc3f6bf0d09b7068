//! The site's URL forms, decided in one place: every page, feed and index a
//! site publishes has its path made here, and the path segments the site's
//! own pages take (`RESERVED`) come from the same names. Paths are relative
//! to the site's base (`cong-tac-dang/giao-ban/`); `under` puts one under a
//! base path or URL. Nothing here reads the site model: callers pass slugs.

/// Numbered pages of a listing: `<listing>/trang/<n>/`.
pub const PAGE: &str = "trang";
/// The archive by year and month: `luu-tru/<year>/<month>/`.
pub const ARCHIVE: &str = "luu-tru";
/// Authors' pages: `tac-gia/<author>/`.
pub const AUTHORS: &str = "tac-gia";
/// Tags' pages: `the/<tag>/`.
pub const TAGS: &str = "the";
/// The search page and its index files.
pub const SEARCH: &str = "tim-kiem";
/// The theme's files (`assets/style.css` …).
pub const ASSETS: &str = "assets";
/// The site folder's own `static/` files.
pub const STATIC: &str = "static";

/// The documents register (văn bản) and its filtered registers.
pub const DOCUMENTS: &str = "van-ban";
/// Under [`DOCUMENTS`]: by type, by issuer, by year.
pub const DOC_TYPE: &str = "loai";
pub const DOC_ISSUER: &str = "co-quan";
pub const DOC_YEAR: &str = "nam";

/// Path segments the site's own pages use: no category may take them.
pub const RESERVED: &[&str] = &[
    PAGE, ARCHIVE, AUTHORS, TAGS, SEARCH, ASSETS, STATIC, DOCUMENTS,
];
/// Segments under [`DOCUMENTS`] no document's slug may take.
pub const DOC_RESERVED: &[&str] = &[PAGE, DOC_TYPE, DOC_ISSUER, DOC_YEAR];

/// The file a feed is published as, at the root and in each category.
pub const FEED: &str = "rss.xml";
/// The sitemap, or the index of numbered sitemaps.
pub const SITEMAP: &str = "sitemap.xml";
pub const NOT_FOUND: &str = "404.html";
/// The file a folder's page is published as.
pub const INDEX: &str = "index.html";
pub const ROBOTS: &str = "robots.txt";

/// The file an HTML page at `path` is published as.
pub fn html_file(path: &str) -> String {
    format!("{path}{INDEX}")
}

/// `path` under a base path (`/ban-tin/`) or URL (`https://x.vn/ban-tin/`),
/// which ends with `/`.
pub fn under(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The home page.
pub fn home() -> String {
    String::new()
}

pub fn category(slug: &str) -> String {
    format!("{slug}/")
}

pub fn article(category: &str, slug: &str) -> String {
    format!("{category}/{slug}/")
}

pub fn authors() -> String {
    format!("{AUTHORS}/")
}

pub fn author(slug: &str) -> String {
    format!("{AUTHORS}/{slug}/")
}

pub fn tags() -> String {
    format!("{TAGS}/")
}

pub fn tag(slug: &str) -> String {
    format!("{TAGS}/{slug}/")
}

pub fn archive() -> String {
    format!("{ARCHIVE}/")
}

pub fn year(year: i32) -> String {
    format!("{ARCHIVE}/{year}/")
}

pub fn month(year: i32, month: u32) -> String {
    format!("{ARCHIVE}/{year}/{month:02}/")
}

/// The documents register.
pub fn documents() -> String {
    format!("{DOCUMENTS}/")
}

pub fn document(slug: &str) -> String {
    format!("{DOCUMENTS}/{slug}/")
}

pub fn document_type(slug: &str) -> String {
    format!("{DOCUMENTS}/{DOC_TYPE}/{slug}/")
}

pub fn document_issuer(slug: &str) -> String {
    format!("{DOCUMENTS}/{DOC_ISSUER}/{slug}/")
}

pub fn document_year(year: i32) -> String {
    format!("{DOCUMENTS}/{DOC_YEAR}/{year}/")
}

/// The documents' feed.
pub fn documents_feed() -> String {
    format!("{DOCUMENTS}/{FEED}")
}

/// Page `number` of a listing whose first page is `first` (a path, or a
/// URL: the form is the same).
pub fn paged(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}{PAGE}/{number}/")
    }
}

/// The site's feed.
pub fn feed() -> String {
    FEED.to_string()
}

/// A category's feed.
pub fn category_feed(slug: &str) -> String {
    format!("{slug}/{FEED}")
}

pub fn search() -> String {
    format!("{SEARCH}/")
}

/// The search page's list of articles.
pub fn search_index() -> String {
    format!("{SEARCH}/index.json")
}

/// Bucket `n` of the search page's word index (`search.js` asks for
/// `tu/<n>.json` next to the index).
pub fn search_words(n: usize) -> String {
    format!("{SEARCH}/tu/{n}.json")
}

/// Shard `n` of the search page's article records (`bai/<n>.json` next to
/// the index).
pub fn search_records(n: usize) -> String {
    format!("{SEARCH}/bai/{n}.json")
}

pub fn sitemap() -> String {
    SITEMAP.to_string()
}

/// Part `n` (from 1) of a sitemap too big for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

pub fn not_found() -> String {
    NOT_FOUND.to_string()
}

pub fn robots() -> String {
    ROBOTS.to_string()
}

/// The folder of the theme's files.
pub fn assets() -> String {
    format!("{ASSETS}/")
}

/// `to` (a site path: `the/dan-van/`, `assets/style.css`, with any
/// `?query` or `#fragment`) as a link relative to the page published at
/// `from` (a site path: `cong-tac-dang/giao-ban/`, or a file such as
/// `404.html`): `../../the/dan-van/index.html`. A folder's URL gets its
/// `index.html`, as a disk (`file://`) has no folder pages.
pub fn relative(from: &str, to: &str) -> String {
    let (path, rest) = to.split_at(to.find(['?', '#']).unwrap_or(to.len()));
    let target = if path.is_empty() || path.ends_with('/') {
        html_file(path)
    } else {
        path.to_string()
    };
    let from_dir = &from[..from.rfind('/').map_or(0, |i| i + 1)];
    let from_dirs: Vec<&str> = from_dir.split_terminator('/').collect();
    let mut to_segments: Vec<&str> = target.split('/').collect();
    let file = to_segments.pop().unwrap_or_default();
    let common = from_dirs
        .iter()
        .zip(&to_segments)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    for dir in &to_segments[common..] {
        out.push_str(dir);
        out.push('/');
    }
    out.push_str(file);
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form() {
        assert_eq!(home(), "");
        assert_eq!(category("cong-tac-dang"), "cong-tac-dang/");
        assert_eq!(
            article("cong-tac-dang", "giao-ban"),
            "cong-tac-dang/giao-ban/"
        );
        assert_eq!(authors(), "tac-gia/");
        assert_eq!(author("nguyen-van-a"), "tac-gia/nguyen-van-a/");
        assert_eq!(tags(), "the/");
        assert_eq!(tag("dan-van"), "the/dan-van/");
        assert_eq!(archive(), "luu-tru/");
        assert_eq!(year(2024), "luu-tru/2024/");
        assert_eq!(month(2024, 3), "luu-tru/2024/03/");
        assert_eq!(month(2024, 12), "luu-tru/2024/12/");
        assert_eq!(feed(), "rss.xml");
        assert_eq!(category_feed("cong-tac-dang"), "cong-tac-dang/rss.xml");
        assert_eq!(search(), "tim-kiem/");
        assert_eq!(search_index(), "tim-kiem/index.json");
        assert_eq!(search_words(7), "tim-kiem/tu/7.json");
        assert_eq!(sitemap(), "sitemap.xml");
        assert_eq!(sitemap_part(2), "sitemap-2.xml");
        assert_eq!(not_found(), "404.html");
        assert_eq!(robots(), "robots.txt");
        assert_eq!(assets(), "assets/");
        assert_eq!(html_file(""), "index.html");
        assert_eq!(html_file("the/dan-van/"), "the/dan-van/index.html");
    }

    #[test]
    fn numbered_pages() {
        assert_eq!(paged("", 0), "");
        assert_eq!(paged("", 1), "");
        assert_eq!(paged("", 2), "trang/2/");
        assert_eq!(paged("cong-tac-dang/", 3), "cong-tac-dang/trang/3/");
        assert_eq!(
            paged(&under("/ban-tin/", &year(2020)), 12),
            "/ban-tin/luu-tru/2020/trang/12/"
        );
    }

    #[test]
    fn under_a_base_sub_path() {
        assert_eq!(under("/", &home()), "/");
        assert_eq!(under("/ban-tin/", &home()), "/ban-tin/");
        assert_eq!(under("/ban-tin/", &search()), "/ban-tin/tim-kiem/");
        assert_eq!(
            under("https://x.vn/a/b/", &author("b")),
            "https://x.vn/a/b/tac-gia/b/"
        );
        assert_eq!(under("/ban-tin/", &feed()), "/ban-tin/rss.xml");
    }

    #[test]
    fn relative_links_between_pages() {
        let art = article("cong-tac-dang", "giao-ban");
        assert_eq!(relative(&home(), &home()), "index.html");
        assert_eq!(relative(&home(), &art), "cong-tac-dang/giao-ban/index.html");
        assert_eq!(relative(&art, &home()), "../../index.html");
        assert_eq!(relative(&art, &art), "index.html");
        assert_eq!(relative(&art, &category("cong-tac-dang")), "../index.html");
        assert_eq!(
            relative(&art, &article("cong-tac-dang", "khac")),
            "../khac/index.html"
        );
        assert_eq!(
            relative(&art, &tag("dan-van")),
            "../../the/dan-van/index.html"
        );
        assert_eq!(relative(&art, "assets/style.css"), "../../assets/style.css");
        assert_eq!(
            relative(&art, "cong-tac-dang/giao-ban/anh%20a.jpg"),
            "anh%20a.jpg"
        );
        assert_eq!(
            relative(&paged(&month(2020, 2), 3), &month(2020, 2)),
            "../../index.html"
        );
        assert_eq!(
            relative(&paged("", 2), &search()),
            "../../tim-kiem/index.html"
        );
        // A query and a fragment stay, after the file.
        assert_eq!(
            relative(&art, "tim-kiem/?q=a#k"),
            "../../tim-kiem/index.html?q=a#k"
        );
        assert_eq!(
            relative(&art, "cong-tac-dang/giao-ban/#chu-thich"),
            "index.html#chu-thich"
        );
        // From a page published as a file, its folder counts.
        assert_eq!(
            relative(&not_found(), &art),
            "cong-tac-dang/giao-ban/index.html"
        );
        assert_eq!(relative(&not_found(), &feed()), "rss.xml");
        assert_eq!(relative(&art, &feed()), "../../rss.xml");
    }

    #[test]
    fn reserved_slugs_are_the_first_segments_of_the_sites_own_pages() {
        let first = |path: String| path.split('/').next().unwrap_or("").to_string();
        for path in [
            paged("", 2),
            archive(),
            month(2020, 1),
            authors(),
            author("a"),
            tags(),
            tag("t"),
            search(),
            search_words(0),
            assets(),
            documents(),
            document_year(2026),
            documents_feed(),
        ] {
            assert!(RESERVED.contains(&first(path.clone()).as_str()), "{path}");
        }
        assert!(RESERVED.contains(&STATIC));
        // Category pages and articles live under the category's own slug.
        assert!(!RESERVED.contains(&first(category("x")).as_str()));
        assert_eq!(RESERVED.len(), 8);
        for path in [
            document_type("k"),
            document_issuer("u"),
            document_year(2026),
        ] {
            let second = path.split('/').nth(1).unwrap_or("");
            assert!(DOC_RESERVED.contains(&second), "{path}");
        }
    }
}
