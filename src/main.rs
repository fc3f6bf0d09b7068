//! The `bantin` command: chooses the language of messages (`--lang` over
//! `BANTIN_LANG`, Vietnamese by default), parses arguments with help and
//! usage errors in that language (`main/cli.rs`), hands each command to the
//! library and maps errors to exit codes: 0 success, 1 a content error (the
//! site's own files), 2 a usage error (including an output folder bantin
//! refuses), 3 an environment failure (a read or write the machine refused:
//! disk full, permission denied; another bantin publishing into the same
//! folder), 130 a build stopped by Ctrl-C or SIGTERM.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

#[path = "main/cli.rs"]
mod cli;

#[derive(Parser)]
#[command(
    name = "bantin",
    version,
    about = "Static-site generator for a Vietnamese ward's news bulletin"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: vi (default) or en; wins over BANTIN_LANG
    #[arg(long, global = true, value_name = "vi|en")]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Publish the site into output/ (replaced only when the whole build succeeds)
    Build(BuildArgs),
    /// Build, serve on http://127.0.0.1:1111 and rebuild on every change
    Watch(WatchArgs),
    /// Validate every article and internal link without writing anything
    Check(Common),
    /// Write a new article with its front matter filled
    New(NewArgs),
    /// Turn articles copied from an old portal (.txt) into Markdown articles
    Import(ImportArgs),
}

#[derive(Args)]
struct NewArgs {
    /// The article's title
    title: String,
    /// The category, e.g. "CÔNG TÁC ĐẢNG"
    #[arg(long, required_unless_present = "document")]
    category: Option<String>,
    /// Write a document (văn bản) under content/van-ban/: the title is its trích yếu
    #[arg(long, requires_all = ["number", "type", "issuer"], conflicts_with_all = ["category", "publish", "author"])]
    document: bool,
    /// The document's number (số hiệu), e.g. 45/KH-UBND
    #[arg(long, requires = "document")]
    number: Option<String>,
    /// The document's type (loại), e.g. "Kế hoạch"
    #[arg(long = "type", id = "type", requires = "document")]
    kind: Option<String>,
    /// The body that issued the document, e.g. "UBND phường"
    #[arg(long, requires = "document")]
    issuer: Option<String>,
    /// Who signed the document
    #[arg(long, requires = "document")]
    signer: Option<String>,
    /// The author, shown as the signature
    #[arg(long)]
    author: Option<String>,
    /// Publish it at the next build (without this it is written as a draft: `draft: true`)
    #[arg(long)]
    publish: bool,
    /// The site folder (holding site.yaml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    common: Common,
    /// Links between pages relative to each page (ending in index.html), so output/ opens from a USB stick by double-click
    #[arg(long)]
    relative: bool,
}

#[derive(Args)]
struct ImportArgs {
    /// Portal texts to import, or folders whose .txt files are all imported
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the articles (default: <root>/content)
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace articles that already exist
    #[arg(long)]
    force: bool,
    /// The site folder (holding site.yaml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Args)]
struct WatchArgs {
    #[command(flatten)]
    common: Common,
    /// Port to serve on (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on; the default serves this computer only
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the web browser
    #[arg(long)]
    open: bool,
    /// Poll for changes instead of file-system events (network drives)
    #[arg(long)]
    poll: bool,
}

#[derive(Args)]
struct Common {
    /// The site folder (holding site.yaml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to publish (default: <root>/output)
    #[arg(long)]
    output: Option<PathBuf>,
    /// Publish drafts too
    #[arg(long)]
    drafts: bool,
    /// Publish articles dated in the future too
    #[arg(long)]
    future: bool,
    /// The site's address, e.g. https://phuong.example.vn/ban-tin/ (overrides site.yaml)
    #[arg(long)]
    base_url: Option<String>,
}

impl Common {
    fn options(&self) -> bantin::Options {
        bantin::Options {
            root: self.root.clone(),
            output: self.output.clone(),
            drafts: self.drafts,
            future: self.future,
            base_url: self.base_url.clone(),
            live_reload: None,
            body_budget: None,
            sitemap_limit: None,
            relative: false,
            now: None,
        }
    }
}

// mimalloc rather than glibc's malloc: a build allocates and frees many
// small values on two threads at once, and glibc's arenas spent ~10 % of a
// 100,000-article build in _int_malloc and chunk consolidation (perf).
// Measured with scripts/bench.sh: 9 % less wall time at 100,000 articles and
// 100 MiB less peak memory, 3 % less at 10,000 (see README, Figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h, the option just before
/// `use_numa_nodes`: the Rust binding does not name it. A test checks that
/// it holds purge_delay's documented default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t =
    libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// Give freed memory back to the system after 10 ms rather than mimalloc
/// v3's default of one second: a build frees whole pages' worth of values
/// all the time, and holding them a second raised the 10,000-article peak
/// from 136 MiB to 154 MiB for no gain in speed worth that.
fn tune_allocator() {
    // SAFETY: mi_option_set only stores an integer in mimalloc's option
    // table; the option number is the enum value of the linked version.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) };
}

fn main() -> ExitCode {
    tune_allocator();
    let args = cli::help_as_flag(std::env::args_os().collect());
    if let Err(message) = cli::choose_language(&args) {
        eprintln!("{message}");
        return ExitCode::from(2);
    }
    let Some(cli) = parse(&args) else {
        return ExitCode::from(2);
    };
    let result = match cli.command {
        Command::Build(b) => {
            bantin::write::clean_up_on_interrupt();
            let opts = bantin::Options {
                relative: b.relative,
                ..b.common.options()
            };
            bantin::build(&opts).map(|s| {
                for w in &s.warnings {
                    eprintln!("{}", bantin::error::Warning(w));
                }
                println!("bantin: {s}");
                print_stages(&s.stages);
                if std::env::var_os("BANTIN_TIMINGS").is_some() {
                    eprintln!("pages: {} of {} kept from the last build", s.kept, s.pages);
                }
            })
        }
        Command::Watch(w) => watch(w),
        Command::Check(c) => check(&c.options()),
        Command::New(n) if n.document => bantin::new::new_document(&bantin::new::DocOptions {
            root: n.root,
            title: n.title,
            number: n.number.unwrap_or_default(),
            kind: n.kind.unwrap_or_default(),
            issuer: n.issuer.unwrap_or_default(),
            signer: n.signer,
        })
        .map(|created| println!("{created}")),
        Command::New(n) => bantin::new::new(&bantin::new::Options {
            root: n.root,
            title: n.title,
            category: n.category.unwrap_or_default(),
            author: n.author,
            draft: !n.publish,
        })
        .map(|created| println!("{created}")),
        Command::Import(i) => import(i),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An empty list: the problems were printed already.
            if !matches!(&e, bantin::Error::Content(d) if d.is_empty()) {
                eprintln!("{e}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// The arguments read with the command line's texts in the chosen
/// language: help and the version are printed (exit 0 from here), a
/// mistake is told (`None`: exit 2).
fn parse(args: &[std::ffi::OsString]) -> Option<Cli> {
    use clap::{CommandFactory, FromArgMatches};
    let matches = cli::localise(Cli::command()).try_get_matches_from(args);
    let error = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => return Some(cli),
        Err(e) => e,
    };
    match error.kind() {
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
            error.exit()
        }
        // `bantin` alone: what it can do.
        clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | clap::error::ErrorKind::MissingSubcommand => {
            let _ = error.print();
        }
        _ => eprintln!("{}", cli::usage_error(&error, args)),
    }
    None
}

fn check(opts: &bantin::Options) -> bantin::Result<()> {
    let report = match bantin::check::check(opts) {
        Ok(report) => report,
        // `check` publishes nothing: its problems, without build's
        // "nothing was published".
        Err(bantin::Error::Content(problems)) => {
            for d in &problems {
                eprintln!("{d}");
            }
            println!(
                "bantin: {}",
                bantin::t!("check-problems-links-later", count = problems.len())
            );
            return Err(bantin::Error::Content(Vec::new()));
        }
        Err(e) => return Err(e),
    };
    for d in &report.problems {
        eprintln!("{d}");
    }
    for w in &report.warnings {
        eprintln!("{}", bantin::error::Warning(w));
    }
    println!("bantin: {report}");
    if report.ok() {
        Ok(())
    } else {
        Err(bantin::Error::Content(Vec::new()))
    }
}

fn import(i: ImportArgs) -> bantin::Result<()> {
    let report = bantin::import::run(&bantin::import::Options {
        root: i.root,
        out: i.out,
        force: i.force,
        inputs: i.inputs,
    })?;
    for d in &report.skipped {
        eprintln!("{d}");
    }
    println!("bantin: {report}");
    if report.skipped.is_empty() {
        Ok(())
    } else {
        Err(bantin::Error::Content(Vec::new()))
    }
}

fn watch(w: WatchArgs) -> bantin::Result<()> {
    use bantin::watch::Event;
    let opts = bantin::watch::WatchOptions {
        build: w.common.options(),
        bind: w.bind,
        port: w.port,
        open: w.open,
        poll: w.poll,
    };
    bantin::watch::run(opts, &mut |event| match event {
        Event::Serving { url, output } => {
            println!(
                "bantin: {}",
                bantin::t!("watch-serving", url = url, output = output)
            );
        }
        Event::Built { what, rebuilt } => {
            let s = &rebuilt.summary;
            // What was published but works badly, as `build` prints it.
            for w in &s.warnings {
                eprintln!("{}", bantin::error::Warning(w));
            }
            println!(
                "bantin: {what}: {}",
                bantin::t!(
                    "watch-rebuilt",
                    ms = s.elapsed.as_millis() as u64,
                    articles = s.articles,
                    written = rebuilt.written,
                    pages = s.pages,
                    copied = rebuilt.copied,
                    removed = rebuilt.removed
                )
            );
            print_stages(&s.stages);
        }
        Event::Failed { what, error } => {
            eprintln!("bantin: {what}: {}\n{error}", bantin::t!("watch-failed"));
        }
        Event::Note(n) => eprintln!("bantin: {n}"),
    })
}

/// With `BANTIN_TIMINGS=1`, the time of each stage of a build.
fn print_stages(stages: &[(&str, std::time::Duration)]) {
    if std::env::var_os("BANTIN_TIMINGS").is_some() {
        for (stage, t) in stages {
            eprintln!("  {stage:<22} {:>8.1} ms", t.as_secs_f64() * 1e3);
        }
    }
}

#[cfg(test)]
mod tests {
    use bantin::i18n::{Lang, set_lang};
    use clap::CommandFactory;

    /// Each command and each of its options has its texts in both
    /// catalogues, and the command line built from them is one clap
    /// accepts.
    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            set_lang(lang);
            let cmd = super::Cli::command();
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(
                    super::cli::arg_message(None, id).is_some(),
                    "{lang:?}: --{id}"
                );
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                for id in [format!("cli-command-{name}"), format!("cli-usage-{name}")] {
                    assert!(bantin::i18n::has(&id), "{lang:?}: {id}");
                }
                for arg in sub.get_arguments() {
                    let id = arg.get_id().as_str();
                    assert!(
                        super::cli::arg_message(Some(name), id).is_some(),
                        "{lang:?}: {name} {id}: no cli-arg-{name}-{id} nor cli-arg-{id}"
                    );
                }
            }
            super::cli::localise(cmd).debug_assert();
        }
        set_lang(Lang::Vi);
    }

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: mi_option_get/set read and store an integer in
        // mimalloc's option table.
        let get = || unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // mimalloc v3's documented default for purge_delay (ms); the
            // options around it default to 0.
            assert_eq!(get(), 1000);
        }
        super::tune_allocator();
        assert_eq!(get(), 10);
    }
}
