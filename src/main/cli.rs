//! The command line in the editor's language: the language chosen before
//! the arguments are read ([`choose_language`]), clap's help rebuilt with
//! the catalogues' texts ([`localise`]: headings, usage lines, every
//! command's and option's description) and clap's parse errors retold as
//! bantin's own messages ([`usage_error`]) that name what was wrong and
//! point to `bantin --help` or `bantin <command> --help`.
//!
//! An option's description is the catalogue's `cli-arg-<command>-<id>`, or
//! `cli-arg-<id>` shared by the commands that have it (the id is the
//! option's field name with `-` for `_`); its value's name (`<DIR>`) is the
//! attribute `.value` of that message. A test checks that every option of
//! every command has one.

use std::ffi::OsString;

use bantin::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction};

/// The language of messages, chosen before clap reads the arguments so its
/// help and errors speak it too: `--lang` wins over `BANTIN_LANG`. An
/// unknown `--lang` is a usage error, told in the variable's language (or
/// Vietnamese).
pub fn choose_language(args: &[OsString]) -> Result<(), String> {
    let mut flag = None;
    for (i, a) in args.iter().enumerate().skip(1) {
        let a = a.to_string_lossy();
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        } else if a == "--lang" {
            flag = args.get(i + 1).map(|v| v.to_string_lossy().into_owned());
        }
    }
    let env = std::env::var("BANTIN_LANG").ok();
    match bantin::i18n::choose(flag.as_deref(), env.as_deref()) {
        Ok(lang) => {
            bantin::i18n::set_lang(lang);
            Ok(())
        }
        Err(code) => {
            let lang = bantin::i18n::choose(None, env.as_deref()).unwrap_or(bantin::i18n::Lang::Vi);
            bantin::i18n::set_lang(lang);
            Err(message(
                &t!("cli-error-lang", code = code),
                &t!("cli-error-lang.hint"),
            ))
        }
    }
}

/// `bantin help` and `bantin help build` as `bantin --help` and `bantin
/// build --help` (clap's own `help` command is replaced by ours).
pub fn help_as_flag(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// The command line `cmd` (from `Cli::command()`) with its texts in the
/// chosen language.
pub fn localise(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = texts(cmd, None)
        .about(t!("cli-about"))
        .override_usage(t!("cli-usage"))
        .after_help(t!("cli-after-help"))
        .subcommand_help_heading(t!("cli-heading-commands"))
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("cli-arg-version"))
                .help_heading(t!("cli-heading-options")),
        );
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| {
            texts(sub, Some(&name))
                .about(bantin::i18n::tr(&format!("cli-command-{name}"), &[]))
                .override_usage(bantin::i18n::tr(&format!("cli-usage-{name}"), &[]))
        });
    }
    cmd
}

/// The texts every command shares (headings, the help flag) and its
/// options' descriptions, for the subcommand `name` (`None`: bantin
/// itself).
fn texts(cmd: clap::Command, name: Option<&str>) -> clap::Command {
    // bantin's own help ends with a note ({after-help}), which ends the
    // text with a new line; a command's help has none.
    let end = if name.is_some() { "\n" } else { "" };
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}{end}",
        t!("cli-heading-usage")
    );
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd.help_template(template).disable_help_flag(true);
    for id in ids {
        let Some(msg) = arg_message(name, &id) else {
            continue;
        };
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                t!("cli-heading-arguments")
            } else {
                t!("cli-heading-options")
            };
            let value = format!("{msg}.value");
            let takes_value = a.get_action().takes_values();
            let a = a
                .help(bantin::i18n::tr(&msg, &[]))
                .help_heading(heading)
                .hide_default_value(takes_value);
            if takes_value && bantin::i18n::has(&value) {
                a.value_name(bantin::i18n::tr(&value, &[]))
            } else {
                a
            }
        });
    }
    cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t!("cli-arg-help"))
            .help_heading(t!("cli-heading-options")),
    )
}

/// The catalogue id describing the option `id` of the command `name`.
pub fn arg_message(name: Option<&str>, id: &str) -> Option<String> {
    let id = id.replace('_', "-");
    let own = name.map(|n| format!("cli-arg-{n}-{id}"));
    own.into_iter()
        .chain([format!("cli-arg-{id}")])
        .find(|m| bantin::i18n::has(m))
}

/// A clap error retold: what was wrong, then how to see what bantin
/// accepts. `args` is the command line, to name the command it was for.
pub fn usage_error(e: &clap::Error, args: &[OsString]) -> String {
    let sub = subcommand(args);
    let command = match &sub {
        Some(s) => format!("bantin {s}"),
        None => "bantin".to_string(),
    };
    let help = format!("{command} --help");

    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let suggested = string(ContextKind::SuggestedArg)
        .or_else(|| string(ContextKind::SuggestedSubcommand))
        .map(|s| {
            t!(
                "cli-error-did-you-mean",
                suggestion = s,
                help = help.as_str()
            )
        });
    let hint = suggested.unwrap_or_else(|| t!("cli-error-see-help", help = help.as_str()));
    let what = string(ContextKind::InvalidArg).unwrap_or_default();
    let what = what.split_whitespace().next().unwrap_or("").to_string();
    let text = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let name = string(ContextKind::InvalidSubcommand).unwrap_or_default();
            t!("cli-error-unknown-command", name = name)
        }
        ErrorKind::UnknownArgument if what.starts_with('-') => {
            t!(
                "cli-error-unknown-option",
                command = command.as_str(),
                option = what
            )
        }
        ErrorKind::UnknownArgument => {
            t!(
                "cli-error-extra-argument",
                command = command.as_str(),
                value = what
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = string(ContextKind::InvalidArg).unwrap_or_default();
            t!(
                "cli-error-missing",
                command = command.as_str(),
                missing = missing
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if what.starts_with('-') => {
            let value = string(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                t!("cli-error-no-value", option = what)
            } else {
                t!("cli-error-bad-value", option = what, value = value)
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = string(ContextKind::PriorArg).unwrap_or_default();
            let prior = prior.split_whitespace().next().unwrap_or("");
            if prior == what || prior.is_empty() {
                t!("cli-error-twice", option = what)
            } else {
                t!("cli-error-conflict", option = what, other = prior)
            }
        }
        _ => {
            let detail = e.kind().as_str().unwrap_or("?").to_string();
            t!(
                "cli-error-other",
                command = command.as_str(),
                detail = detail
            )
        }
    };
    message(&text, &hint)
}

/// `lỗi: what` and `  cách sửa: hint` (or their English), as bantin's
/// other usage errors read.
fn message(what: &str, hint: &str) -> String {
    format!(
        "{}: {what}\n  {}: {hint}",
        t!("label-error"),
        t!("label-help")
    )
}

/// The command the arguments are for: the first one that is not an
/// option (nor `--lang`'s value), if it names one of bantin's commands.
fn subcommand(args: &[OsString]) -> Option<String> {
    const COMMANDS: [&str; 5] = ["build", "watch", "check", "new", "import"];
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = args.next() {
        if a == "--lang" {
            args.next();
        } else if !a.starts_with('-') {
            return COMMANDS.contains(&a.as_ref()).then(|| a.into_owned());
        }
    }
    None
}
