//! The language bantin speaks: Vietnamese by default, English with
//! `--lang en` or `BANTIN_LANG=en`, the flag winning over the variable;
//! its help, its usage errors and a content error in both.

mod common;

use common::{Run, Site};

/// `bantin <args>` with `BANTIN_LANG` set to `env` (or unset), in the
/// good fixture site's folder.
fn run(env: Option<&str>, args: &[&str]) -> Run {
    let site = Site::new("good");
    let mut cmd = common::command();
    cmd.env_remove("BANTIN_LANG")
        .current_dir(&site.root)
        .args(args);
    if let Some(lang) = env {
        cmd.env("BANTIN_LANG", lang);
    }
    Run::from(cmd.output().unwrap())
}

/// What Vietnamese help shows, and English words it must not.
const VI_HELP: [&str; 3] = ["Cách dùng: bantin", "Tùy chọn:", "Xem hướng dẫn này"];
const EN_WORDS: [&str; 5] = ["Usage", "Options", "Print help", "[default", "Arguments"];
const EN_HELP: [&str; 3] = ["Usage: bantin", "Options:", "Print help"];

fn vietnamese_help(r: &Run, what: &str) {
    assert_eq!(r.code, 0, "{what}: {}", r.stderr);
    for words in VI_HELP {
        assert!(
            r.stdout.contains(words),
            "{what}: no `{words}` in\n{}",
            r.stdout
        );
    }
    for words in EN_WORDS {
        assert!(
            !r.stdout.contains(words),
            "{what}: `{words}` in\n{}",
            r.stdout
        );
    }
}

fn english_help(r: &Run, what: &str) {
    assert_eq!(r.code, 0, "{what}: {}", r.stderr);
    for words in EN_HELP {
        assert!(
            r.stdout.contains(words),
            "{what}: no `{words}` in\n{}",
            r.stdout
        );
    }
    assert!(!r.stdout.contains("Cách dùng"), "{what}:\n{}", r.stdout);
}

#[test]
fn help_is_in_vietnamese_by_default() {
    let r = run(None, &["--help"]);
    vietnamese_help(&r, "bantin --help");
    assert!(r.stdout.contains("Lệnh:"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("build   Làm trang web vào thư mục output/"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("bantin <lệnh> --help"), "{}", r.stdout);

    let r = run(None, &["build", "--help"]);
    vietnamese_help(&r, "bantin build --help");
    assert!(
        r.stdout.contains("Cách dùng: bantin build [TÙY_CHỌN]"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("--root <THƯ_MỤC>"), "{}", r.stdout);
    assert!(r.stdout.contains("--drafts"), "{}", r.stdout);
    assert!(r.stdout.contains("Đăng cả bài nháp"), "{}", r.stdout);

    let r = run(None, &["new", "--help"]);
    vietnamese_help(&r, "bantin new --help");
    assert!(
        r.stdout.contains("Thông tin cần ghi:\n  <TIÊU_ĐỀ>"),
        "{}",
        r.stdout
    );

    // `bantin help build` is `bantin build --help`.
    assert_eq!(
        run(None, &["help", "build"]).stdout,
        run(None, &["build", "--help"]).stdout
    );
}

#[test]
fn help_is_in_english_with_the_flag_or_the_variable() {
    for (env, args, what) in [
        (None, vec!["--lang", "en", "--help"], "--lang en --help"),
        (None, vec!["--help", "--lang=en"], "--help --lang=en"),
        (Some("en"), vec!["--help"], "BANTIN_LANG=en --help"),
        (
            Some("en_US.UTF-8"),
            vec!["--help"],
            "BANTIN_LANG=en_US.UTF-8 --help",
        ),
    ] {
        let r = run(env, &args);
        english_help(&r, what);
        assert!(r.stdout.contains("Commands:"), "{what}:\n{}", r.stdout);
        assert!(
            r.stdout.contains("build   Publish the site into output/"),
            "{what}"
        );
    }
    for (env, args, what) in [
        (
            None,
            vec!["build", "--help", "--lang", "en"],
            "build --help --lang en",
        ),
        (
            Some("en"),
            vec!["build", "--help"],
            "BANTIN_LANG=en build --help",
        ),
    ] {
        let r = run(env, &args);
        english_help(&r, what);
        assert!(
            r.stdout.contains("Usage: bantin build [OPTIONS]"),
            "{what}:\n{}",
            r.stdout
        );
        assert!(r.stdout.contains("--root <DIR>"), "{what}:\n{}", r.stdout);
    }
}

#[test]
fn the_flag_wins_over_the_variable() {
    let r = run(Some("en"), &["--lang", "vi", "build", "--help"]);
    vietnamese_help(&r, "BANTIN_LANG=en --lang vi build --help");
    let r = run(Some("vi"), &["build", "--help", "--lang", "en"]);
    english_help(&r, "BANTIN_LANG=vi build --help --lang en");
    // A language bantin does not have in the variable is no error.
    let r = run(Some("fr"), &["--help"]);
    vietnamese_help(&r, "BANTIN_LANG=fr --help");
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let r = run(None, &["--lang", "fr", "build"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        "lỗi: bantin không có thông báo bằng ngôn ngữ `fr`\n  \
         cách sửa: dùng --lang vi (tiếng Việt) hoặc --lang en (tiếng Anh)\n"
    );
    let r = run(Some("en"), &["build", "--lang=fr"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "error: bantin has no messages in `fr`\n  \
         help: use --lang vi (Vietnamese) or --lang en (English)\n"
    );
}

#[test]
fn usage_errors_name_the_mistake_and_the_help_to_read() {
    for (args, code, vi, en) in [
        (
            vec!["build", "--fture"],
            2,
            "lỗi: `bantin build` không có tùy chọn `--fture`\n  cách sửa: có phải ý bạn là `--future`? Xem các lệnh và tùy chọn bằng `bantin build --help`\n",
            "error: `bantin build` has no option `--fture`\n  help: did you mean `--future`? See `bantin build --help` for the commands and options\n",
        ),
        (
            vec!["buil"],
            2,
            "lỗi: bantin không có lệnh `buil`; các lệnh là build, watch, check, new và import\n  cách sửa: có phải ý bạn là `build`? Xem các lệnh và tùy chọn bằng `bantin --help`\n",
            "error: bantin has no command `buil`; its commands are build, watch, check, new and import\n  help: did you mean `build`? See `bantin --help` for the commands and options\n",
        ),
        (
            vec!["new", "Hội nghị"],
            2,
            "lỗi: `bantin new` còn thiếu: --category <CHUYÊN_MỤC>\n  cách sửa: xem các lệnh và tùy chọn bằng `bantin new --help`\n",
            "error: `bantin new` is missing --category <CATEGORY>\n  help: see `bantin new --help` for the commands and options\n",
        ),
        (
            vec!["watch", "--port", "cổng"],
            2,
            "lỗi: `cổng` không dùng được cho tùy chọn `--port`\n  cách sửa: xem các lệnh và tùy chọn bằng `bantin watch --help`\n",
            "error: `cổng` is not a valid value for `--port`\n  help: see `bantin watch --help` for the commands and options\n",
        ),
        (
            vec!["build", "--drafts", "--drafts"],
            2,
            "lỗi: tùy chọn `--drafts` được ghi hai lần; mỗi tùy chọn chỉ ghi một lần\n  cách sửa: xem các lệnh và tùy chọn bằng `bantin build --help`\n",
            "error: the option `--drafts` is given twice; give each option once\n  help: see `bantin build --help` for the commands and options\n",
        ),
        (
            vec!["build", "Hội", "nghị"],
            2,
            "lỗi: `bantin build` không cần thêm `Hội` (nếu là tên có dấu cách, hãy đặt trong dấu ngoặc kép)\n  cách sửa: xem các lệnh và tùy chọn bằng `bantin build --help`\n",
            "error: `bantin build` takes no `Hội` here (a name with spaces goes in double quotes)\n  help: see `bantin build --help` for the commands and options\n",
        ),
    ] {
        let r = run(None, &args);
        assert_eq!((r.code, r.stderr.as_str()), (code, vi), "{args:?}");
        let mut en_args = args.clone();
        en_args.extend(["--lang", "en"]);
        let r = run(None, &en_args);
        assert_eq!((r.code, r.stderr.as_str()), (code, en), "{en_args:?}");
    }
}

#[test]
fn bantin_alone_shows_its_help_and_the_version_exits_0() {
    let r = run(None, &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("Cách dùng: bantin [TÙY_CHỌN] <LỆNH>"),
        "{}",
        r.stderr
    );
    let r = run(None, &["--version"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("bantin "), "{}", r.stdout);
}

#[test]
fn a_content_error_and_the_summary_in_both_languages() {
    let site = Site::new("good");
    site.write(
        "site.yaml",
        "title: \"Bản tin phường Đồng Tâm\"\nper_page: 0\n",
    );
    let vi = common::bantin_env(&site.root, &["build"], &[("BANTIN_LANG", "vi")]);
    let vi = Run::from(vi);
    assert_eq!(vi.code, 1);
    assert_eq!(
        vi.stderr,
        "site.yaml:2:1: lỗi: per_page (số bài trên mỗi trang danh sách) phải từ 1 trở lên\n  \
         cách sửa: ví dụ, viết `per_page: 10`\n"
    );
    let en = site.run(&["build"]);
    assert_eq!(en.code, 1);
    assert_eq!(
        en.stderr,
        "site.yaml:2:1: error: per_page must be at least 1\n  help: write e.g. `per_page: 10`\n"
    );

    site.write("site.yaml", "title: \"Bản tin phường Đồng Tâm\"\n");
    let vi = Run::from(common::bantin_env(
        &site.root,
        &["build"],
        &[("BANTIN_LANG", "vi")],
    ));
    assert_eq!(vi.code, 0, "{}", vi.stderr);
    assert!(
        vi.stdout.starts_with("bantin: đã xuất bản 1 bài: "),
        "{}",
        vi.stdout
    );
    assert!(vi.stdout.contains(" giây"), "{}", vi.stdout);
    let en = site.run(&["build", "--lang", "en"]);
    assert!(
        en.stdout.starts_with("bantin: published 1 article: "),
        "{}",
        en.stdout
    );
}
