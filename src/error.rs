//! Errors and diagnostics: what went wrong, where (file, line, column) and how
//! to fix it. One printer (`Display`) serves `build`, `check` and `watch`.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one input file, as the editor should read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line in the file (not in the front-matter block).
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &crate::t!("label-error"))
    }
}

/// A diagnostic printed as a warning: something published that works
/// badly, which does not stop the build.
pub struct Warning<'a>(pub &'a Diagnostic);

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, &crate::t!("label-warning"))
    }
}

impl Diagnostic {
    fn write(&self, f: &mut fmt::Formatter<'_>, label: &str) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {label}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}: {hint}", crate::t!("label-help"))?;
        }
        Ok(())
    }
}

/// Everything that can stop a build.
#[derive(Debug)]
pub enum Error {
    /// Problems in the site's own files (articles, site.yaml, templates):
    /// all of them, not only the first. Exit code 1.
    Content(Vec<Diagnostic>),
    /// The command line asks for something impossible. Exit code 2.
    Usage(String),
    /// The machine refused a read or a write. Exit code 3.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The machine stopped the output from being written or swapped in
    /// (disk full, permission denied, another bantin publishing there):
    /// what failed, on which output path, and what to do. Exit code 3.
    Env(Diagnostic),
}

impl Error {
    /// The error as diagnostics (what `watch`'s overlay and a build's
    /// collected errors show); a non-content error becomes one message.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Content(d) => d.clone(),
            Error::Env(d) => vec![d.clone()],
            other => vec![Diagnostic::new("", other.to_string())],
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// `action` (a message: "cannot write the new site") failed on `path`
    /// in the output; the hint says what to do about the kind of failure.
    pub fn output(path: &Path, action: &str, source: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let hint = match source.kind() {
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => crate::t!("output-hint-full"),
            K::PermissionDenied | K::ReadOnlyFilesystem => crate::t!("output-hint-permission"),
            _ => crate::t!("output-hint-other"),
        };
        let reason = crate::i18n::io_reason(source);
        Error::Env(
            Diagnostic::new(path, format!("{action}: {reason}"))
                .hint(format!("{hint}; {}", crate::t!("output-kept"))),
        )
    }

    pub fn one(diagnostic: Diagnostic) -> Self {
        Error::Content(vec![diagnostic])
    }

    /// The process exit code this error maps to.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => 1,
            Error::Usage(_) => 2,
            Error::Io { .. } | Error::Env(_) => 3,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Content(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                if diags.len() > 1 {
                    write!(f, "\n{}", crate::t!("errors-total", count = diags.len()))?;
                }
                Ok(())
            }
            Error::Usage(msg) => write!(f, "{}: {msg}", crate::t!("label-error")),
            Error::Io { path, source } => write!(
                f,
                "{}: {}: {}",
                path.display(),
                crate::t!("label-error"),
                crate::i18n::io_reason(source)
            ),
            Error::Env(d) => write!(f, "{d}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
