use std::path::Path;

use super::*;

#[test]
fn focus_words_and_percentages() {
    assert_eq!(Focus::parse("top"), Some(Focus(50, 0)));
    assert_eq!(Focus::parse("left"), Some(Focus(0, 50)));
    assert_eq!(Focus::parse("bottom right"), Some(Focus(100, 100)));
    assert_eq!(Focus::parse("30% 20%"), Some(Focus(30, 20)));
    assert_eq!(Focus::parse("center"), Some(Focus(50, 50)));
    assert_eq!(Focus::parse("somewhere"), None);
    assert_eq!(Focus::parse("130% 20%"), None);
}

#[test]
fn derivatives_are_named_beside_the_photo() {
    let p = Path::new("tin/Anh le.hoi.jpg");
    let f = ImageFormat::Webp;
    assert_eq!(
        derived_path(p, Variant::Width(480), f),
        "tin/Anh le.hoi.480w.webp"
    );
    assert_eq!(
        derived_path(p, Variant::Thumb(Focus::default()), f),
        "tin/Anh le.hoi.thumb.webp"
    );
    assert_eq!(
        derived_path(p, Variant::Thumb(Focus(50, 0)), f),
        "tin/Anh le.hoi.thumb-50-0.webp"
    );
    assert_eq!(derived_path(p, Variant::Og, f), "tin/Anh le.hoi.og.jpg");
    assert_eq!(derived_path(p, Variant::Original, f), "tin/Anh le.hoi.jpg");
    assert_eq!(
        derived_path(Path::new("a/anh"), Variant::Width(9), ImageFormat::Jpeg),
        "a/anh.9w.jpg"
    );
}

#[test]
fn widths_never_upscale() {
    let t = Table::default();
    let t = Table {
        settings: Settings::default(),
        ..t
    };
    assert_eq!(t.widths(3000), vec![480, 960, 1600]);
    assert_eq!(t.widths(1000), vec![480, 960, 1000]);
    assert_eq!(t.widths(300), vec![300]);
    assert_eq!(t.widths(1600), vec![480, 960, 1600]);
}

#[test]
fn thumbnails_are_cut_to_the_theme_ratio() {
    assert_eq!(crop_box(3000, 2000), (3000, 1875));
    assert_eq!(crop_box(2000, 3000), (2000, 1250));
    assert_eq!(crop_box(4000, 1000), (1600, 1000));
    let p = Photo {
        hash: 0,
        width: 2000,
        height: 3000,
        kind: Kind::Jpeg,
        orientation: 6,
        bytes: 0,
    };
    assert_eq!(size_of(&p, Variant::Thumb(Focus::default())), (640, 400));
    assert_eq!(size_of(&p, Variant::Width(480)), (480, 720));
    assert_eq!(size_of(&p, Variant::Og), (1200, 1800));
}
