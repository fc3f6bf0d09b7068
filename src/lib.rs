//! bantin: a static-site generator for the news bulletin of a Vietnamese
//! ward. The library does all the work; `main.rs` only parses arguments.
//!
//! Pipeline (see [`build::build`]): [`config`] → [`load`] → [`frontmatter`] →
//! [`documents`] → [`site`] → [`markdown`] → [`links`] → [`pages`] → [`render`] → [`write`].
//! The import order is the pipeline order: a module uses only the stages
//! before it and the helpers under all of them ([`i18n`], [`text`], [`error`],
//! [`stamp`], [`controls`], [`yaml`], [`date`]); [`build`], [`check`],
//! [`watch`], [`new`] and [`import`] sit on top (`scripts/modgraph.sh`
//! prints the graph).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod build;
pub mod cache;
pub mod check;
pub mod config;
pub mod controls;
pub mod date;
pub mod documents;
pub mod error;
pub mod frontmatter;
pub mod i18n;
pub mod images;
pub mod import;
pub mod links;
pub mod load;
pub mod markdown;
pub mod new;
pub mod output;
pub mod pages;
pub mod render;
pub mod routes;
pub mod site;
pub mod stamp;
pub mod text;
pub mod theme;
pub mod watch;
pub mod write;
pub mod yaml;

pub use build::{Options, Summary, build, prepare};
pub use error::{Diagnostic, Error, Result};
