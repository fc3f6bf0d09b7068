//! Test binaries whose checks need a tool from outside Rust (Chromium,
//! Java, Python's feedparser, glibc's iconv, a tmpfs mount) run under
//! libtest-mimic (`harness = false` in Cargo.toml) instead of the standard
//! harness, which can only pass or fail: a check whose tool is missing is
//! reported as `ignored (missing …)` and counted in "N ignored", never as a
//! pass. A variable such as `BANTIN_REQUIRE_BROWSER=1` (set by `.ci/run`,
//! which installs those tools) turns that into a failure.
//!
//! libtest-mimic does not capture what a test prints: print nothing on
//! success, put what helps into the panic message.

use libtest_mimic::{Arguments, Completion, Trial};

/// A test that needs nothing from outside; it fails by panicking.
pub fn test(name: &str, body: fn()) -> Trial {
    Trial::test(name, move || {
        body();
        Ok(())
    })
}

/// Set to 1 (by `.ci/run`, which installs every tool), any missing tool is
/// a failure.
pub const REQUIRE_ALL: &str = "BANTIN_REQUIRE_TOOLS";

/// A test that needs a tool: `missing` names what is missing, if anything.
/// Then the test is ignored with that reason, or fails when the variable
/// `require` (or [`REQUIRE_ALL`]) is set to 1.
pub fn needs(
    name: &str,
    missing: fn() -> Option<String>,
    require: Option<&'static str>,
    body: fn(),
) -> Trial {
    Trial::ignorable_test(name, move || {
        if let Some(what) = missing() {
            let set = |v: &&str| std::env::var(v).as_deref() == Ok("1");
            if let Some(var) = require.filter(set).or(Some(REQUIRE_ALL).filter(set)) {
                return Err(format!("missing {what}; {var}=1 makes that a failure").into());
            }
            let why = format!("missing {what}; see tests/README.md");
            return Ok(Completion::ignored_with(why));
        }
        body();
        Ok(Completion::Completed)
    })
}

/// Run `trials` as `cargo test` asked (filters, --list, …) and exit.
pub fn run(trials: Vec<Trial>) -> ! {
    libtest_mimic::run(&Arguments::from_args(), trials).exit()
}

/// `trials![a, b]`: a `tools::test` for each function, named after it.
#[macro_export]
macro_rules! trials {
    ($($f:ident),* $(,)?) => {
        vec![$($crate::common::tools::test(stringify!($f), $f)),*]
    };
}
