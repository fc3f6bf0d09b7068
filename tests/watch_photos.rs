//! Photos in `watch` (issue 15): the real `bantin watch` on a copy of the
//! sample site, talked to over HTTP. A photo added to an article is served
//! as its derivatives (WebP at the widths that fit, in the page's
//! `srcset`) after the edit, and only that photo is processed: the cached
//! files of the photos already there are neither made again nor removed.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use common::watch::start_env;

/// The files of the image cache with their modification times.
fn cache(root: &Path) -> BTreeMap<String, SystemTime> {
    let dir = root.join(".bantin/cache/images");
    fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.metadata().unwrap().modified().unwrap())
        })
        .collect()
}

/// A 2000×1500 JPEG as a phone would write it (without EXIF).
fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(2000, 1500, |x, y| {
        image::Rgb([(x / 8) as u8, (y / 6) as u8, ((x + y) % 251) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(&img, 2000, 1500, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

#[test]
fn watch_publishes_an_added_photo_and_processes_only_it() {
    let w = start_env(false, &[], &[]);
    let dir = w.root.join("content/van-hoa-xa-hoi");
    let article = dir.join("vui-tet-trung-thu-cho-thieu-nhi-2024.md");
    let path = "/van-hoa-xa-hoi/am-ap-dem-hoi-trang-ram-cho-em-nam-2024/";
    w.wait_for(path, "the sample's photo with a srcset", |r| {
        r.text().contains("le-hoi-anh.320w.webp 320w")
    });
    let before = cache(&w.root);
    assert!(!before.is_empty(), "the first build fills the cache");

    fs::write(dir.join("anh-moi.jpg"), photo()).unwrap();
    let mut text = fs::read_to_string(&article).unwrap();
    text.push_str("\n![Các em thiếu nhi rước đèn](anh-moi.jpg)\n");
    fs::write(&article, text).unwrap();
    let page = w.wait_for(path, "the added photo", |r| {
        r.text().contains("anh-moi.960w.webp 960w")
    });
    let page = page.text();
    for want in [
        "/van-hoa-xa-hoi/anh-moi.480w.webp 480w",
        "/van-hoa-xa-hoi/anh-moi.1600w.webp 1600w",
        "width=\"1600\" height=\"1200\" alt=\"Các em thiếu nhi rước đèn\"",
        "loading=\"lazy\"",
    ] {
        assert!(page.contains(want), "lacks {want}:\n{page}");
    }
    let served = w.get("/van-hoa-xa-hoi/anh-moi.960w.webp");
    assert_eq!(served.status, 200, "the derivative is served");
    assert!(
        served.body.len() > 12 && &served.body[..4] == b"RIFF" && &served.body[8..12] == b"WEBP",
        "a WebP file"
    );

    let after = cache(&w.root);
    for (name, time) in &before {
        assert_eq!(
            after.get(name),
            Some(time),
            "{name}: a cached photo's file was made again or removed"
        );
    }
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    // 480, 960 and 1600 px wide (not a cover: no thumbnail, no og:image)
    // and the original without its metadata.
    assert_eq!(added.len(), 4, "only the new photo's files: {added:?}");
}
