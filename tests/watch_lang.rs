//! What `bantin watch` tells the editor, in Vietnamese (the default) and in
//! English: the terminal line naming the changed file, the error banner on
//! the page while an article is broken, and a port already in use.

mod common;

use std::fs;
use std::process::Command;

use common::watch::start_env;

struct Said {
    lang: &'static str,
    changed: &'static str,
    banner: &'static str,
    port_taken: &'static str,
}

const LANGS: [Said; 2] = [
    Said {
        lang: "vi",
        changed: "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md vừa thay đổi",
        banner: "Có lỗi nên trang chưa cập nhật được",
        port_taken: "không mở được địa chỉ 127.0.0.1:",
    },
    Said {
        lang: "en",
        changed: "ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md changed",
        banner: "The build failed — this page is the last good version.",
        port_taken: "cannot listen on 127.0.0.1:",
    },
];

#[test]
fn watch_speaks_the_editors_language() {
    for said in LANGS {
        let w = start_env(false, &[], &[("BANTIN_LANG", said.lang)]);
        let article = w
            .root
            .join("content/cong-tac-dang/ban-chi-dao-quy-che-dan-chu-giao-ban-quy-i-2020.md");
        let good = fs::read_to_string(&article).unwrap();
        fs::write(&article, good.replacen("date: ", "date: 30/02/2020 #", 1)).unwrap();
        let page = w.wait_for("/", "the error banner", |r| {
            r.text().contains("bantin-error")
        });
        let html = page.text();
        assert!(html.contains(said.banner), "{}: {html}", said.lang);
        assert!(
            html.contains(&format!("lang=\"{}\"", said.lang)),
            "{}",
            said.lang
        );
        w.log_until(&[said.changed]);

        // A second watch on the same port.
        let port = w.addr.rsplit(':').next().unwrap();
        let second = Command::new(env!("CARGO_BIN_EXE_bantin"))
            .args(["watch", "--port", port, "--root"])
            .arg(&w.root)
            .arg("--output")
            .arg(w.tmp.path().join("second"))
            .env("BANTIN_LANG", said.lang)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&second.stderr);
        assert_eq!(second.status.code(), Some(2), "{err}");
        assert!(err.contains(said.port_taken), "{}: {err}", said.lang);
        assert!(err.contains("--port 1112"), "{}: {err}", said.lang);
    }
}
