//! The language of every message an editor reads: the Fluent catalogues
//! (`i18n/vi.ftl`, `i18n/en.ftl`, files a translator edits, compiled into
//! the binary), the process-wide choice between them (Vietnamese unless
//! `--lang en` or `BANTIN_LANG=en` asks otherwise; the flag wins), and
//! [`tr`] / the [`t!`](crate::t) macro that look a message up and fill in
//! its arguments. The site's own text is the theme's business, not this
//! module's.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language bantin speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// `vi`/`en` (any case, with a region or encoding after them as in
    /// `vi_VN.UTF-8`); `None` for a language bantin has no catalogue for.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn source(self) -> (&'static str, &'static str) {
        match self {
            Lang::Vi => ("vi", include_str!("../i18n/vi.ftl")),
            Lang::En => ("en", include_str!("../i18n/en.ftl")),
        }
    }
}

/// The catalogue text of a language (for tests and translators' checks).
pub fn catalogue(lang: Lang) -> &'static str {
    lang.source().1
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every later message (once, at start-up).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language for this thread only ([`with_lang`]).
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Run `f` with the messages this thread makes in `lang`, whatever the
/// process chose (for unit tests that read a message's English while
/// others run beside them). Threads `f` starts use the process's choice.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD_LANG.replace(Some(lang));
    let out = f();
    THREAD_LANG.set(before);
    out
}

/// The language messages are written in now.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD_LANG.get() {
        return lang;
    }
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// The language asked for by the command line's `--lang` and the
/// `BANTIN_LANG` variable: the flag wins; neither means Vietnamese. An
/// unknown code is an error naming it (in the flag's case) or ignored with
/// Vietnamese (in the variable's, so a stray setting never stops a build).
pub fn choose(flag: Option<&str>, env: Option<&str>) -> Result<Lang, String> {
    if let Some(code) = flag {
        return Lang::parse(code).ok_or_else(|| code.to_string());
    }
    Ok(env.and_then(Lang::parse).unwrap_or(Lang::Vi))
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| load(lang))
}

fn load(lang: Lang) -> Bundle {
    let (code, text) = lang.source();
    let id: unic_langid::LanguageIdentifier = code.parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals show Unicode isolation marks as stray characters.
    bundle.set_use_isolating(false);
    // Counts grouped by thousands: `10.000 bài` in Vietnamese, `10,000
    // articles` in English (Fluent's own formatting does not group).
    bundle.set_formatter(Some(match lang {
        Lang::Vi => group_vi,
        Lang::En => group_en,
    }));
    // A catalogue that does not parse is a build-time mistake caught by the
    // tests below; the messages that did parse are still used.
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    let _ = bundle.add_resource(resource);
    bundle
}

fn group_vi<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(crate::text::group_thousands)
}

fn group_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    whole(value).map(|n| crate::text::group_thousands(n).replace('.', ","))
}

/// A whole non-negative number (a count), which is what gets grouped;
/// anything else keeps Fluent's own formatting.
fn whole(value: &FluentValue) -> Option<u64> {
    match value {
        FluentValue::Number(n) if n.value >= 0.0 && n.value.fract() == 0.0 => Some(n.value as u64),
        _ => None,
    }
}

/// One argument of a message.
pub enum Arg {
    Str(String),
    /// A number shown as it is (a year, a month, a port, a byte).
    Num(f64),
    /// A count (`usize`, `u64`): grouped by thousands (`10.000 bài`).
    Count(f64),
}

macro_rules! arg_from {
    ($variant:ident: $($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::$variant(n as f64)
            }
        }
    )*};
}
arg_from!(Count: usize, u64);
arg_from!(Num: u32, u16, u8, i64, i32);

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::Str(p.display().to_string())
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Self {
        Arg::Str(io_reason(e))
    }
}

/// The message `id` in the current language with `args` filled in. An id
/// missing from the catalogue gives the id itself (a test checks that every
/// id the code uses is in both catalogues).
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    tr_in(lang(), id, args)
}

/// [`tr`] in a given language.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let Some(msg) = bundle.get_message(msg_id) else {
        return id.to_string();
    };
    let pattern = match attr {
        Some(a) => msg.get_attribute(a).map(|a| a.value()),
        None => msg.value(),
    };
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
            // As text: a year or a port is never grouped nor selected on.
            Arg::Num(n) if n.fract() == 0.0 => fargs.set(*name, (*n as i64).to_string()),
            Arg::Num(n) => fargs.set(*name, n.to_string()),
            Arg::Count(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// Whether the current catalogue has the message `id` (or `id.attr`).
pub fn has(id: &str) -> bool {
    let bundle = bundle(lang());
    match id.split_once('.') {
        Some((m, a)) => bundle
            .get_message(m)
            .is_some_and(|m| m.get_attribute(a).is_some()),
        None => bundle.get_message(id).is_some_and(|m| m.value().is_some()),
    }
}

/// An I/O error's reason in the current language (the operating system's
/// own text after it, for the details only it knows).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::StorageFull | K::QuotaExceeded => "io-storage-full",
        K::FileTooLarge => "io-file-too-large",
        K::ReadOnlyFilesystem => "io-read-only",
        K::AlreadyExists => "io-already-exists",
        K::InvalidData => "io-invalid-data",
        _ => "io-other",
    };
    tr(id, &[("os", Arg::Str(e.to_string()))])
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the current
/// language (see [`tr`]).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
