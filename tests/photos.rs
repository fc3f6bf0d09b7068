//! Photos published for phones (issue 15): the real binary on a site with
//! generated photos: a 3000×2000 JPEG stored sideways with EXIF
//! orientation 6 and GPS tags, a PNG, and broken files.

mod common;

use std::fs;
use std::path::Path;

use common::{Site, bantin_env};

/// A 3000×2000 JPEG (as stored; shown 2000×3000 after orientation 6) with
/// an EXIF segment holding the orientation and a GPS position, written
/// byte by byte after the JPEG's start marker.
fn phone_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 90])
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 85)
        .encode(&img, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&exif_app1());
    out.extend_from_slice(&plain[2..]);
    out
}

/// EXIF (big-endian TIFF): IFD0 with Orientation = 6, Make = "PHONE", a
/// GPS IFD pointer; the GPS IFD with latitude ref "N" and latitude 21°.
fn exif_app1() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: 3 entries → 2 + 36 + 4 = 42 bytes, ends at 50.
    t.extend_from_slice(&[0, 3]);
    t.extend_from_slice(&[0x01, 0x0F, 0, 2, 0, 0, 0, 6, 0, 0, 0, 50]); // Make → 50
    t.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation 6
    t.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 56]); // GPS IFD → 56
    t.extend_from_slice(&[0, 0, 0, 0]);
    t.extend_from_slice(b"PHONE\0"); // 50..56
    // GPS IFD at 56: 2 entries → 2 + 24 + 4 = 30, ends at 86.
    t.extend_from_slice(&[0, 2]);
    t.extend_from_slice(&[0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef
    t.extend_from_slice(&[0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 86]); // GPSLatitude → 86
    t.extend_from_slice(&[0, 0, 0, 0]);
    for (n, d) in [(21u32, 1u32), (2, 1), (3, 1)] {
        t.extend_from_slice(&n.to_be_bytes());
        t.extend_from_slice(&d.to_be_bytes());
    }
    let mut seg = vec![0xFF, 0xE1];
    let len = (2 + 6 + t.len()) as u16;
    seg.extend_from_slice(&len.to_be_bytes());
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&t);
    seg
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, _| {
        image::Rgba([10, 120, (x % 255) as u8, 255])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

const ARTICLE: &str = "---
title: \"Hội nghị phường\"
date: 19/02/2020 07:02
category: CÔNG TÁC ĐẢNG
image: anh-doc.jpg
image_focus: top
---
Mở đầu bài viết.

![Lãnh đạo phường phát biểu](anh-doc.jpg)

![Sơ đồ khu phố](so-do.png)

[Tải ảnh gốc](anh-doc.jpg)
";

fn photo_site() -> Site {
    let site = Site::new("good");
    site.write(
        "site.yaml",
        "title: \"Bản tin phường Đồng Tâm\"\nbase_url: \"https://phuong.example.vn/\"\n",
    );
    let dir = site.root.join("content/hoi-nghi");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("anh-doc.jpg"), phone_jpeg(3000, 2000)).unwrap();
    fs::write(dir.join("so-do.png"), png(800, 500)).unwrap();
    site.write("content/hoi-nghi/bai.md", ARTICLE);
    site.write(
        "content/hoi-nghi/bai-2.md",
        "---\ntitle: \"Không ảnh bìa\"\ndate: 18/02/2020 07:02\ncategory: CÔNG TÁC ĐẢNG\n---\nMở đầu.\n\n![Sơ đồ](so-do.png)\n\n![Ảnh](anh-doc.jpg)\n",
    );
    site
}

fn size_of(path: &Path) -> (u32, u32) {
    image::ImageReader::open(path)
        .unwrap()
        .with_guessed_format()
        .unwrap()
        .into_dimensions()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The metadata a published JPEG, WebP or PNG holds, read from its
/// structure: EXIF tags (a JPEG original may keep only the orientation,
/// 0x0112), XMP, IPTC, comments, text chunks.
fn metadata_in(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= bytes.len() && bytes[i] == 0xFF {
            let marker = bytes[i + 1];
            if marker == 0xDA {
                break;
            }
            let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
            let seg = &bytes[i + 4..i + 2 + len];
            match marker {
                0xE1 if seg.starts_with(b"Exif\0\0") => {
                    for tag in ifd0_tags(&seg[6..]) {
                        if tag != 0x0112 {
                            found.push(format!("EXIF tag {tag:#06x}"));
                        }
                    }
                }
                0xE1 => found.push("XMP".into()),
                0xED => found.push("IPTC".into()),
                0xFE => found.push("comment".into()),
                _ => {}
            }
            i += 2 + len;
        }
    } else if bytes.starts_with(b"RIFF") {
        let mut i = 12;
        while i + 8 <= bytes.len() {
            let kind = &bytes[i..i + 4];
            let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize;
            if kind == b"EXIF" || kind == b"XMP " {
                found.push(String::from_utf8_lossy(kind).into_owned());
            }
            i += 8 + len + (len & 1);
        }
    } else if bytes.starts_with(b"\x89PNG") {
        let mut i = 8;
        while i + 8 <= bytes.len() {
            let len = u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
            let kind = &bytes[i + 4..i + 8];
            if [b"eXIf", b"tEXt", b"iTXt", b"zTXt"]
                .iter()
                .any(|k| kind == *k)
            {
                found.push(String::from_utf8_lossy(kind).into_owned());
            }
            i += 12 + len;
        }
    } else {
        found.push("unknown format".into());
    }
    found
}

/// The tags of a TIFF header's first directory.
fn ifd0_tags(t: &[u8]) -> Vec<u16> {
    let le = t.starts_with(b"II");
    let u16_at = |i: usize| {
        let b = [t[i], t[i + 1]];
        if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }
    };
    let u32_at = |i: usize| {
        let b = [t[i], t[i + 1], t[i + 2], t[i + 3]];
        if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        }
    };
    let at = u32_at(4) as usize;
    (0..u16_at(at) as usize)
        .map(|n| u16_at(at + 2 + 12 * n))
        .collect()
}

#[test]
fn photos_are_published_as_sized_derivatives_without_location() {
    let site = photo_site();
    site.build(&[]);
    let out = site.out().join("hoi-nghi");
    // Page widths, never upscaled; the portrait stays portrait.
    for (name, w, h) in [
        ("anh-doc.480w.webp", 480, 720),
        ("anh-doc.960w.webp", 960, 1440),
        ("anh-doc.1600w.webp", 1600, 2400),
        ("anh-doc.thumb-50-0.webp", 640, 400),
        ("anh-doc.og.jpg", 1200, 1800),
        ("so-do.480w.webp", 480, 300),
        ("so-do.800w.webp", 800, 500),
    ] {
        assert_eq!(size_of(&out.join(name)), (w, h), "{name}");
    }
    assert!(!out.join("so-do.960w.webp").exists(), "never upscaled");
    // No published image carries the camera or the location (which the
    // photo put in holds, as this reading sees).
    let source = metadata_in(&fs::read(site.root.join("content/hoi-nghi/anh-doc.jpg")).unwrap());
    assert!(
        source.contains(&"EXIF tag 0x8825".to_string()),
        "{source:?}"
    );
    let mut images = 0;
    for e in walk(&site.out()) {
        let ext = e.extension().map(|x| x.to_string_lossy().to_string());
        if matches!(ext.as_deref(), Some("jpg" | "webp" | "png")) {
            images += 1;
            let bytes = fs::read(&e).unwrap();
            assert_eq!(metadata_in(&bytes), Vec::<String>::new(), "{}", e.display());
        }
    }
    assert!(images >= 9, "{images}");
    // The original, linked as a download, is still the same photo, upright.
    let original = out.join("anh-doc.jpg");
    let mut d = image::ImageReader::open(&original)
        .unwrap()
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    use image::ImageDecoder;
    assert_eq!(
        d.orientation().unwrap(),
        image::metadata::Orientation::Rotate90
    );
    assert_eq!(d.dimensions(), (3000, 2000));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all.extend(walk(&p));
        } else {
            all.push(p);
        }
    }
    all
}

#[test]
fn pages_show_photos_with_srcset_and_sizes() {
    let site = photo_site();
    site.build(&[]);
    let page = site.page("cong-tac-dang/hoi-nghi-phuong/");
    let body = &page[page.find("article-body").expect("article body")..];
    let imgs: Vec<&str> = body
        .split("<img ")
        .skip(1)
        .map(|s| &s[..s.find('>').unwrap()])
        .collect();
    assert_eq!(imgs.len(), 2, "{body}");
    let imgs: Vec<&str> = imgs.into_iter().collect();
    for img in &imgs {
        for attr in [
            "srcset=\"",
            "sizes=\"",
            "width=\"",
            "height=\"",
            "alt=\"",
            "decoding=\"async\"",
        ] {
            assert!(img.contains(attr), "{attr} missing in <img {img}>");
        }
    }
    // The cover is shown above the body: it is the eager one.
    let cover = &page[page.find("article-cover").expect("cover")..];
    let cover = &cover
        [..cover.find('>').unwrap() + cover[cover.find('>').unwrap() + 1..].find('>').unwrap() + 2];
    for attr in [
        "srcset=\"",
        "fetchpriority=\"high\"",
        "width=\"1600\" height=\"2400\"",
    ] {
        assert!(cover.contains(attr), "{attr} missing in {cover}");
    }
    assert!(imgs[0].contains("loading=\"lazy\""), "{}", imgs[0]);
    // Without a cover, the body's first photo is eager and first in line.
    let other = site.page("cong-tac-dang/khong-anh-bia/");
    let other = &other[other.find("article-body").expect("article body")..];
    let first = &other[other.find("<img ").unwrap()..];
    let first = &first[..first.find('>').unwrap()];
    assert!(
        first.contains("fetchpriority=\"high\"") && !first.contains("loading="),
        "{first}"
    );
    assert!(imgs[1].contains("loading=\"lazy\""), "{}", imgs[1]);
    assert!(
        imgs[0].contains("width=\"1600\" height=\"2400\""),
        "{}",
        imgs[0]
    );
    assert!(
        imgs[0].contains("/hoi-nghi/anh-doc.480w.webp 480w, /hoi-nghi/anh-doc.960w.webp 960w, /hoi-nghi/anh-doc.1600w.webp 1600w"),
        "{}",
        imgs[0]
    );
    // og:image and JSON-LD: the 1200 px JPEG, absolute.
    assert!(
        page.contains("<meta property=\"og:image\" content=\"http"),
        "{page}"
    );
    assert!(page.contains("/hoi-nghi/anh-doc.og.jpg\">"), "og:image");
    let ld = common::json_lds(&site.out());
    let ld = ld
        .values()
        .find(|v| v["headline"] == "Hội nghị phường")
        .expect("article JSON-LD");
    assert!(
        ld["image"][0]
            .as_str()
            .unwrap()
            .ends_with("/hoi-nghi/anh-doc.og.jpg"),
        "{ld}"
    );
    // Lists show the thumbnail cut at the focus.
    let list = site.page("cong-tac-dang/");
    assert!(
        list.contains("/hoi-nghi/anh-doc.thumb-50-0.webp\""),
        "{list}"
    );
    assert!(
        !list.contains("/hoi-nghi/anh-doc.jpg\""),
        "the original in a list"
    );
}

#[test]
fn a_second_build_takes_photos_from_the_cache() {
    let site = photo_site();
    let timings = [("BANTIN_TIMINGS", "1")];
    let first = bantin_env(&site.root, &["build"], &timings);
    let first = String::from_utf8_lossy(&first.stderr).into_owned();
    assert!(first.contains("2 photos, 2 read, 2 decoded"), "{first}");
    let tree = common::tree(&site.out());
    let second = bantin_env(&site.root, &["build"], &timings);
    let second = String::from_utf8_lossy(&second.stderr).into_owned();
    // Unchanged files are not even read again, nor their sizes made.
    assert!(
        second.contains("2 photos, 0 read, 0 decoded, 0 files made"),
        "{second}"
    );
    // A published photo is the cache's file, linked (same file system).
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let published = fs::metadata(site.out().join("hoi-nghi/anh-doc.960w.webp")).unwrap();
        assert!(published.nlink() >= 2, "linked to the cache, not copied");
    }
    assert_eq!(
        tree,
        common::tree(&site.out()),
        "same output from the cache"
    );
    // A changed photo is made again; the old one's files leave the cache.
    let cache = site.root.join(".bantin/cache/images");
    let before = fs::read_dir(&cache).unwrap().count();
    fs::write(site.root.join("content/hoi-nghi/so-do.png"), png(700, 400)).unwrap();
    let third = bantin_env(&site.root, &["build"], &timings);
    let third = String::from_utf8_lossy(&third.stderr).into_owned();
    assert!(third.contains("2 photos, 1 read, 1 decoded"), "{third}");
    assert_eq!(fs::read_dir(&cache).unwrap().count(), before, "pruned");
}

/// The clerk copies one photo beside a second article (the guide does):
/// the two files have the same bytes, so the same cache files. They are
/// made once, by one decode, not by two threads writing the same file at
/// once (which lost one of them under load), and both articles publish
/// them, cover files included.
#[test]
fn the_same_photo_beside_two_articles_is_made_once() {
    let site = photo_site();
    let jpeg = fs::read(site.root.join("content/hoi-nghi/anh-doc.jpg")).unwrap();
    let dir = site.root.join("content/ban-sao");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("anh-chep.jpg"), &jpeg).unwrap();
    site.write(
        "content/ban-sao/bai.md",
        "---\ntitle: \"Bài dùng lại ảnh\"\ndate: 19/02/2020 08:00\ncategory: CÔNG TÁC ĐẢNG\nimage: anh-chep.jpg\n---\nẢnh chép sang.\n\n![Ảnh chép](anh-chep.jpg)\n",
    );
    let timings = [("BANTIN_TIMINGS", "1")];
    for _ in 0..3 {
        let _ = fs::remove_dir_all(site.root.join(".bantin"));
        let r = bantin_env(&site.root, &["build"], &timings);
        let err = String::from_utf8_lossy(&r.stderr).into_owned();
        assert_eq!(r.status.code(), Some(0), "{err}");
        // 3 photos read; the copy is not decoded a second time.
        assert!(err.contains("3 photos, 3 read, 2 decoded"), "{err}");
        for (a, b) in [
            ("hoi-nghi/anh-doc.960w.webp", "ban-sao/anh-chep.960w.webp"),
            ("hoi-nghi/anh-doc.og.jpg", "ban-sao/anh-chep.og.jpg"),
            ("hoi-nghi/anh-doc.jpg", "ban-sao/anh-chep.jpg"),
        ] {
            let (a, b) = (site.out().join(a), site.out().join(b));
            assert_eq!(
                fs::read(&a).unwrap(),
                fs::read(&b).unwrap(),
                "{}",
                b.display()
            );
        }
        assert!(site.out().join("ban-sao/anh-chep.thumb.webp").is_file());
    }
}

#[test]
fn photos_that_cannot_be_published_are_named() {
    let heic = {
        let mut b = vec![0, 0, 0, 24];
        b.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        b
    };
    let mut truncated = phone_jpeg(300, 200);
    truncated.truncate(120);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("rong.jpg", Vec::new(), "empty file", "tệp rỗng"),
        (
            "la.jpg",
            b"%PDF-1.4 not a photo".to_vec(),
            "not a JPEG, PNG or WebP",
            "không phải ảnh",
        ),
        (
            "iphone.heic",
            heic.clone(),
            "Most Compatible",
            "Tương thích nhất",
        ),
        ("iphone.jpg", heic, "HEIC", "HEIC"),
        ("hong.jpg", truncated, "damaged", "bị hỏng"),
        (
            "bom.png",
            bomb_png(),
            "more than 100 megapixels",
            "100 triệu điểm ảnh",
        ),
    ];
    for (name, bytes, en, vi) in cases {
        let site = Site::new("good");
        fs::write(site.root.join("content").join(name), bytes).unwrap();
        for (lang, words) in [("en", en), ("vi", vi)] {
            let r = bantin_env(&site.root, &["build"], &[("BANTIN_LANG", lang)]);
            let err = String::from_utf8_lossy(&r.stderr);
            assert_eq!(r.status.code(), Some(1), "{name}: {err}");
            assert!(err.contains(&format!("content/{name}")), "{name}: {err}");
            assert!(err.contains(words), "{name} ({lang}): {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        assert!(!site.out().exists(), "{name}: nothing published");
    }
}

/// A PNG header claiming 20000×20000 pixels (400 MP), with no pixels.
fn bomb_png() -> Vec<u8> {
    let mut img = png(1, 1);
    // IHDR's width and height are at bytes 16..24; its CRC follows.
    img[16..20].copy_from_slice(&20000u32.to_be_bytes());
    img[20..24].copy_from_slice(&20000u32.to_be_bytes());
    let crc = crc32(&img[12..29]);
    img[29..33].copy_from_slice(&crc.to_be_bytes());
    img
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

#[test]
fn check_warns_about_photos_without_alt_and_large_originals() {
    let site = Site::new("good");
    site.write(
        "site.yaml",
        "title: \"Bản tin\"\nimages:\n  max_original_mb: 0\n",
    );
    fs::write(site.root.join("content/so-do.png"), png(40, 30)).unwrap();
    site.write(
        "content/bai-anh.md",
        "---\ntitle: \"Ảnh\"\ndate: 18/02/2020 07:02\ncategory: CÔNG TÁC ĐẢNG\n---\nMở đầu.\n\n![](so-do.png)\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(all.contains("content/bai-anh.md:8:5"), "{all}");
    assert!(all.contains("has no description"), "{all}");
    assert!(
        all.contains("content/so-do.png") && all.contains("more than 0 MB"),
        "{all}"
    );
}
