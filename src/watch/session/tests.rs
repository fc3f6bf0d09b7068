//! Unit tests of the incremental session: which pages a rebuild writes,
//! and a failed write reported as one error.

use super::*;

fn page(file: &str, kind: Kind) -> Page {
    Page {
        file: file.to_string(),
        path: file.to_string(),
        kind,
    }
}

fn plan() -> Vec<Page> {
    vec![
        page("index.html", Kind::Archive),
        page("a/index.html", Kind::Article(0)),
        page("tim-kiem/tu/0.json", Kind::SearchWords(0)),
        page("rss.xml", Kind::Feed(None)),
    ]
}

fn written(prints: &[u64]) -> HashMap<String, u64> {
    plan()
        .iter()
        .map(|p| p.file.clone())
        .zip(prints.iter().copied())
        .collect()
}

#[test]
fn a_first_build_writes_every_page_at_once() {
    let (now, later) = changed_pages(&plan(), &[1, 2, 3, 4], &HashMap::new());
    assert_eq!((now, later), (vec![0, 1, 2, 3], vec![]));
}

#[test]
fn only_pages_whose_fingerprint_changed_are_written_buckets_last() {
    let old = written(&[1, 2, 3, 4]);
    assert_eq!(
        changed_pages(&plan(), &[1, 2, 3, 4], &old),
        (vec![], vec![])
    );
    assert_eq!(
        changed_pages(&plan(), &[1, 9, 9, 4], &old),
        (vec![1], vec![2])
    );
    // A page the last build did not write (new article) is written.
    let mut fewer = old.clone();
    fewer.remove("rss.xml");
    assert_eq!(
        changed_pages(&plan(), &[1, 2, 3, 4], &fewer),
        (vec![3], vec![])
    );
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_one_output_error_naming_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = Options {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/full"),
        ..Options::default()
    };
    let out = tmp.path().join("out");
    let mut session = Session::new(opts, out.clone()).unwrap();
    // A folder where the feed goes: writing the feed fails.
    fs::create_dir_all(out.join("rss.xml")).unwrap();
    match session.rebuild() {
        Err(Error::Env(d)) => {
            assert_eq!(d.file, out.join("rss.xml"));
            assert!(
                d.message.starts_with(&crate::t!("watch-cannot-write-page")),
                "{}",
                d.message
            );
        }
        other => panic!("expected one output error, got {other:?}"),
    }
}
