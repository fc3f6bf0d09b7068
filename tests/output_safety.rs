//! The output folder is sacred (SPEC): bantin only replaces a folder it
//! made, never a file, publishes through a symbolic link, cleans up or
//! recovers after interrupted builds, and reports a failed write once, with
//! its output path and exit code 3. Each test runs the real binary. The
//! full-disk test mounts a tmpfs: where that is not allowed (not root) it
//! is reported as ignored (this file runs under libtest-mimic, see
//! `tests/common/tools.rs`).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, tools, tree};

const MARKER: &str = ".bantin-output";

fn main() {
    #[allow(unused_mut)]
    let mut trials = trials![
        a_folder_bantin_did_not_make_is_refused,
        an_empty_folder_is_used_and_marked,
        a_file_at_the_output_path_is_refused,
        a_crash_between_the_renames_is_recovered,
        two_builds_into_one_folder_do_not_mix,
        watch_refuses_a_folder_bantin_did_not_make,
    ];
    #[cfg(unix)]
    {
        trials.extend(trials![
            a_symlinked_output_is_published_through_the_link,
            interrupted_builds_leave_nothing_behind,
            a_failed_write_is_reported_once_with_its_output_path,
            a_failed_copy_names_the_output_path_not_the_source,
            watch_publishes_through_a_link_and_holds_the_folder,
        ]);
        trials.push(tools::needs(
            "a_full_disk_is_reported_once_with_its_output_path",
            tmpfs_missing,
            None,
            a_full_disk_is_reported_once_with_its_output_path,
        ));
    }
    tools::run(trials);
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_bantin")
}

/// Names beside `out` that a run made: `.NAME.bantin-*` (temporary
/// folders and the lock file).
fn siblings(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap().to_string_lossy();
    let prefix = format!(".{name}.bantin-");
    let mut found: Vec<String> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    found.sort();
    found
}

fn build_out(site: &Site, out: &Path) -> common::Run {
    site.run(&["build", "--output", out.to_str().unwrap()])
}

fn a_folder_bantin_did_not_make_is_refused() {
    let site = Site::new("full");
    let docs = site.tmp.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("bao-cao.docx"), "x").unwrap();
    let r = build_out(&site, &docs);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("not marked as bantin's") && r.stderr.contains("help:"),
        "{}",
        r.stderr
    );
    assert_eq!(fs::read(docs.join("bao-cao.docx")).unwrap(), b"x");
    assert_eq!(fs::read_dir(&docs).unwrap().count(), 1);
    assert!(siblings(&docs).is_empty(), "{:?}", siblings(&docs));

    // An output from before the marker: marked by hand as the message
    // says, it is bantin's again.
    fs::write(docs.join(MARKER), "").unwrap();
    let r = build_out(&site, &docs);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!docs.join("bao-cao.docx").exists());
    assert!(docs.join("index.html").is_file() && docs.join(MARKER).is_file());
}

fn an_empty_folder_is_used_and_marked() {
    let site = Site::new("full");
    let empty = site.tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let r = build_out(&site, &empty);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(empty.join("index.html").is_file());
    assert!(empty.join(MARKER).is_file());
    // bantin's own output is replaced by the next build.
    fs::write(empty.join("stale.html"), "cũ").unwrap();
    assert_eq!(build_out(&site, &empty).code, 0);
    assert!(!empty.join("stale.html").exists());
    assert!(siblings(&empty).is_empty(), "{:?}", siblings(&empty));
}

fn a_file_at_the_output_path_is_refused() {
    let site = Site::new("full");
    let file = site.tmp.path().join("output");
    fs::write(&file, "ghi chú").unwrap();
    let r = build_out(&site, &file);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("is a file"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&file).unwrap(), "ghi chú");
    assert!(siblings(&file).is_empty(), "{:?}", siblings(&file));
}

#[cfg(unix)]
fn a_symlinked_output_is_published_through_the_link() {
    use std::os::unix::fs::symlink;
    let site = Site::new("full");
    let webroot = site.tmp.path().join("www/html");
    fs::create_dir_all(&webroot).unwrap();
    let link = site.tmp.path().join("public");
    symlink(&webroot, &link).unwrap();
    for _ in 0..2 {
        let r = build_out(&site, &link);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_link(&link).unwrap(), webroot);
        assert!(webroot.join("index.html").is_file() && webroot.join(MARKER).is_file());
        assert!(siblings(&webroot).is_empty(), "{:?}", siblings(&webroot));
    }

    // A link to nothing is refused, and stays as it was.
    let dangling = site.tmp.path().join("dangling");
    symlink(site.tmp.path().join("nowhere"), &dangling).unwrap();
    let r = build_out(&site, &dangling);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("does not exist"), "{}", r.stderr);
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!site.tmp.path().join("nowhere").exists());

    // A link into the site's own sources is refused like the folder.
    let into = site.tmp.path().join("into-content");
    symlink(site.root.join("content"), &into).unwrap();
    let r = build_out(&site, &into);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(site.root.join("content/cong-tac-dang").is_dir());
}

fn a_crash_between_the_renames_is_recovered() {
    let site = Site::new("full");
    site.build(&[]);
    let out = site.out();
    let published = tree(&out);
    // As a run killed between `output → old` and `new → output` leaves it,
    // with a half-removed older site (no marker) and a half-written new one.
    fs::rename(&out, site.root.join(".output.bantin-old-4242")).unwrap();
    fs::create_dir_all(site.root.join(".output.bantin-old-17/a")).unwrap();
    fs::create_dir_all(site.root.join(".output.bantin-new-4242/b")).unwrap();
    fs::write(site.root.join(".output.bantin-new-4242/b/x.html"), "½").unwrap();

    // Even a build that fails puts the last good site back.
    let article = site.root.join("content/cong-tac-dang/giao-ban-quy-i.md");
    let source = fs::read_to_string(&article).unwrap();
    fs::write(&article, source.replace("title:", "titel:")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("put the previous site back"),
        "{}",
        r.stderr
    );
    assert_eq!(tree(&out), published);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));

    fs::write(&article, source).unwrap();
    site.build(&[]);
    assert_eq!(tree(&out), published);
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
}

fn two_builds_into_one_folder_do_not_mix() {
    let site = Site::new("full");
    site.build(&[]);
    let published = tree(&site.out());
    // Another run holds the lock.
    let lock = fs::File::create(site.root.join(".output.bantin-lock")).unwrap();
    lock.try_lock().unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("another bantin"), "{}", r.stderr);
    assert_eq!(tree(&site.out()), published);
    drop(lock);
    site.build(&[]);
    assert!(
        siblings(&site.out()).is_empty(),
        "{:?}",
        siblings(&site.out())
    );
}

fn watch_refuses_a_folder_bantin_did_not_make() {
    let site = Site::new("full");
    let docs = site.tmp.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("bao-cao.docx"), "x").unwrap();
    let mut child = common::command()
        .args(["watch", "--port", "0", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&docs)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let code = wait_for(&mut child, Duration::from_secs(60));
    assert_eq!(code, Some(2), "watch did not refuse the folder");
    assert_eq!(fs::read(docs.join("bao-cao.docx")).unwrap(), b"x");
    assert_eq!(fs::read_dir(&docs).unwrap().count(), 1);
}

/// A child process, killed if a failed assertion leaves it running.
struct Stopped(Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The exit code, or `None` (the process killed) after `limit`.
fn wait_for(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// A site of `n` small articles: big enough that a debug build spends
/// seconds writing its staging folder.
fn big_site(n: usize) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let dir = root.join("content/cong-tac-dang");
    fs::create_dir_all(&dir).unwrap();
    let yaml = fs::read_to_string(common::fixture("full").join("site.yaml")).unwrap();
    fs::write(
        root.join("site.yaml"),
        yaml.replace("per_page: 2", "per_page: 50"),
    )
    .unwrap();
    for i in 0..n {
        let body = "Nội dung của bài, một đoạn văn ngắn. ".repeat(20);
        let text = format!(
            "---\ntitle: \"Bài số {i}\"\ndate: 2024-{:02}-{:02}\ncategory: CÔNG TÁC ĐẢNG\n---\n{body}\n",
            i % 12 + 1,
            i % 28 + 1
        );
        fs::write(dir.join(format!("bai-{i}.md")), text).unwrap();
    }
    (tmp, root)
}

/// Start a build of `root` and return once its staging folder holds pages
/// (or panic if it finished first).
fn build_until_staging(root: &Path) -> (Child, PathBuf) {
    let mut child = common::command()
        .args(["build", "--root"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let staging = root.join(format!(".output.bantin-new-{}", child.id()));
    let start = Instant::now();
    loop {
        let writing = fs::read_dir(&staging).is_ok_and(|d| d.count() > 1);
        if writing {
            return (child, staging);
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "the build ended ({status}) before it could be interrupted; make the site bigger"
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "no staging folder"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Whether the kill landed before the swap (the old site, whole) or after
/// it (the new site, whole), the output is one complete site.
fn assert_whole(out: &Path, old: &std::collections::BTreeMap<String, Vec<u8>>, new_page: &str) {
    let now = tree(out);
    let is_new = out.join(new_page).is_file() && out.join(MARKER).is_file();
    assert!(
        &now == old || is_new,
        "the output is neither the old site nor the new one"
    );
}

#[cfg(unix)]
fn interrupted_builds_leave_nothing_behind() {
    let (_tmp, root) = big_site(1500);
    let out = root.join("output");
    let build = || {
        let r = common::command()
            .args(["build", "--root"])
            .arg(&root)
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    };
    build();

    for (n, signal) in ["KILL", "INT", "TERM"].iter().enumerate() {
        // The site replaced is the spare tree, which the interrupted build
        // takes as its folder (and prunes, and writes into).
        build();
        assert!(root.join(".bantin/spare").is_dir(), "{signal}");
        let old = tree(&out);
        let new_page = format!("cong-tac-dang/bai-moi-{n}/index.html");
        fs::write(
            root.join(format!("content/cong-tac-dang/bai-moi-{n}.md")),
            format!("---\ntitle: \"Bài mới {n}\"\ndate: 2024-02-02\ncategory: CÔNG TÁC ĐẢNG\nslug: bai-moi-{n}\n---\nMới.\n"),
        )
        .unwrap();
        let (mut child, staging) = build_until_staging(&root);
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_whole(&out, &old, &new_page);
        if *signal == "KILL" {
            // Nothing could clean up: the next run must.
            assert!(status.code().is_none());
            assert!(staging.is_dir(), "{signal}: {:?}", siblings(&out));
        } else {
            // Cleaned up before exiting.
            assert_eq!(status.code(), Some(130), "{signal}");
            assert!(siblings(&out).is_empty(), "{signal}: {:?}", siblings(&out));
        }
    }
    build();
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
    // Nothing of the interrupted builds' folders came back: the site is
    // what a build into an empty folder makes.
    let fresh = root.join("fresh");
    let r = common::command()
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(tree(&out), tree(&fresh));
    for n in 0..3 {
        assert!(
            out.join(format!("cong-tac-dang/bai-moi-{n}/index.html"))
                .is_file()
        );
    }
    assert!(out.join(MARKER).is_file());
}

/// One error, naming a file in the output, exit 3; the last good site and
/// nothing else beside it.
fn assert_failed_write(
    r: &std::process::Output,
    out: &Path,
    before: &std::collections::BTreeMap<String, Vec<u8>>,
    why: &str,
) {
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(3), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    let first = stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&*out.to_string_lossy()) && first.contains(why),
        "{stderr}"
    );
    assert!(!stderr.contains("template"), "{stderr}");
    assert_eq!(&tree(out), before);
    assert!(siblings(out).is_empty(), "{:?}", siblings(out));
}

/// `bantin build` with files limited to `blocks` 512-byte blocks
/// (`ulimit -f`, SIGXFSZ ignored): a write past it fails with EFBIG.
#[cfg(unix)]
fn build_with_file_limit(site: &Site, out: &Path, blocks: u32) -> std::process::Output {
    Command::new("sh")
        .env("BANTIN_LANG", "en")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(bin())
        .args(["build", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap()
}

#[cfg(unix)]
fn a_failed_write_is_reported_once_with_its_output_path() {
    let site = Site::new("full");
    let out = site.tmp.path().join("out");
    assert_eq!(build_out(&site, &out).code, 0);
    let before = tree(&out);
    // Past 2 KiB, a write fails with EFBIG (the signal ignored).
    let r = build_with_file_limit(&site, &out, 4);
    assert_failed_write(&r, &out, &before, "File too large");
}

#[cfg(unix)]
fn a_failed_copy_names_the_output_path_not_the_source() {
    let site = Site::new("full");
    let pdf = "content/cong-tac-dang/tai-lieu.pdf";
    site.write(pdf, &"%PDF-1.4 ".repeat(120_000));
    let out = site.tmp.path().join("out");
    assert_eq!(build_out(&site, &out).code, 0);
    let before = tree(&out);
    // Pages fit under 128 KiB; the 1 MB file does not.
    let r = build_with_file_limit(&site, &out, 256);
    assert_failed_write(&r, &out, &before, "File too large");
    let stderr = String::from_utf8_lossy(&r.stderr);
    let named = out.join("cong-tac-dang/tai-lieu.pdf");
    assert!(stderr.starts_with(&*named.to_string_lossy()), "{stderr}");
}

#[cfg(unix)]
fn watch_publishes_through_a_link_and_holds_the_folder() {
    use std::io::{BufRead, BufReader};
    let site = Site::new("full");
    let webroot = site.tmp.path().join("www");
    fs::create_dir(&webroot).unwrap();
    let link = site.tmp.path().join("public");
    std::os::unix::fs::symlink(&webroot, &link).unwrap();
    let mut child = Stopped(
        common::command()
            .args(["watch", "--port", "0", "--root"])
            .arg(&site.root)
            .arg("--output")
            .arg(&link)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let child = &mut child.0;
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let serving = lines
        .map_while(Result::ok)
        .find(|l| l.contains("serving http://"));
    assert!(serving.is_some(), "watch did not start");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(webroot.join("index.html").is_file() && webroot.join(MARKER).is_file());
    // A build into the folder watch serves waits its turn.
    let r = build_out(&site, &link);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("another bantin"), "{}", r.stderr);
    // Stopped with Ctrl-C, watch lets the folder go.
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(wait_for(child, Duration::from_secs(60)), Some(0));
    assert!(siblings(&webroot).is_empty(), "{:?}", siblings(&webroot));
    assert_eq!(build_out(&site, &link).code, 0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Mount a tmpfs of `size` on `dir`.
#[cfg(unix)]
fn mount_tmpfs(dir: &Path, size: &str) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether a tmpfs can be mounted here (as root, with the right to mount).
#[cfg(unix)]
fn tmpfs_missing() -> Option<String> {
    let tmp = tempfile::tempdir().unwrap();
    if !mount_tmpfs(tmp.path(), "64k") {
        return Some("the right to mount a tmpfs (needs root), for a real ENOSPC".to_string());
    }
    let _ = Command::new("umount").arg(tmp.path()).status();
    None
}

/// A tiny tmpfs, unmounted when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(unix)]
fn a_full_disk_is_reported_once_with_its_output_path() {
    let site = Site::new("full");
    let mnt = site.tmp.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    assert!(
        mount_tmpfs(&mnt, "4m"),
        "cannot mount a tmpfs on {}",
        mnt.display()
    );
    let _mount = Mount(mnt.clone());
    let out = mnt.join("out");
    assert_eq!(build_out(&site, &out).code, 0);
    let before = tree(&out);
    // Fill the disk but for 32 KiB: less than a second site needs.
    let filler = mnt.join("filler");
    {
        use std::io::Write;
        let mut f = fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 << 10];
        while f.write_all(&chunk).is_ok() {}
        let len = f.metadata().unwrap().len();
        f.set_len(len.saturating_sub(32 << 10)).unwrap();
    }
    let r = common::command()
        .args(["build", "--root"])
        .arg(&site.root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert_failed_write(&r, &out, &before, "No space left on device");
}
