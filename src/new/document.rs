//! `bantin new --document "Trích yếu" --number 45/KH-UBND --type "Kế hoạch"
//! --issuer "UBND phường"`: writes a new document under `content/van-ban/`
//! with its fields filled (issued today, in Vietnam time), never over an
//! existing file.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, Result};
use crate::t;
use crate::text::{slugify, squash_spaces};
use crate::yaml::quote;

/// What `bantin new --document` is asked to write.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    pub root: PathBuf,
    pub title: String,
    pub number: String,
    pub kind: String,
    pub issuer: String,
    pub signer: Option<String>,
}

/// A document `new` wrote: where, its address, and whether the signer is
/// still to be filled in.
#[derive(Debug, Clone)]
pub struct CreatedDoc {
    pub path: PathBuf,
    pub address: String,
    pub needs_signer: bool,
}

impl std::fmt::Display for CreatedDoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", t!("new-doc-created", path = &self.path))?;
        write!(f, "{}", t!("new-doc-address", address = &self.address))?;
        if self.needs_signer {
            write!(f, "\n{}", t!("new-doc-signer"))?;
        }
        Ok(())
    }
}

/// Write the document, issued on the day of `now`.
pub fn new_document_at(opts: &DocOptions, now: DateTime<FixedOffset>) -> Result<CreatedDoc> {
    let clean = |s: &str| squash_spaces(s);
    let (title, number, kind, issuer) = (
        clean(&opts.title),
        clean(&opts.number),
        clean(&opts.kind),
        clean(&opts.issuer),
    );
    for (value, given) in [
        (&title, &opts.title),
        (&number, &opts.number),
        (&kind, &opts.kind),
    ] {
        if slugify(value).is_empty() {
            return Err(Error::Usage(t!(
                "new-doc-no-letters",
                value = given.as_str()
            )));
        }
    }
    let signer = opts.signer.as_deref().map(clean).filter(|s| !s.is_empty());
    let now = now.with_timezone(&crate::date::vietnam());
    let text = format!(
        "---\ntitle: {}\nnumber: {}\ntype: {}\nissuer: {}\nissued: {}\nsigner: {}\n# file: {}.pdf\n---\n",
        quote(&title),
        quote(&number),
        quote(&kind),
        quote(&issuer),
        now.format("%d/%m/%Y"),
        quote(signer.as_deref().unwrap_or("")),
        slugify(&number),
    );
    let dir = opts.root.join("content").join(crate::routes::DOCUMENTS);
    let name = format!("{}-{}.md", slugify(&kind), slugify(&number));
    let path = super::write_new(&opts.root, &dir, &name, &text)?;
    let base_path = super::site_base_path(&opts.root);
    Ok(CreatedDoc {
        path,
        address: crate::routes::under(&base_path, &crate::routes::document(&slugify(&number))),
        needs_signer: signer.is_none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_reads_back_as_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: x\n").unwrap();
        let opts = DocOptions {
            root: dir.path().to_path_buf(),
            title: "Kế hoạch  dân vận".into(),
            number: "45/KH-UBND".into(),
            kind: "Kế hoạch".into(),
            issuer: "UBND phường".into(),
            signer: Some("Nguyễn Văn An".into()),
        };
        let now = crate::date::parse("2026-03-11T20:00:00Z").unwrap();
        let created = new_document_at(&opts, now).unwrap();
        assert_eq!(created.address, "/van-ban/45-kh-ubnd/");
        assert!(
            created
                .path
                .ends_with("content/van-ban/ke-hoach-45-kh-ubnd.md")
        );
        let text = std::fs::read_to_string(&created.path).unwrap();
        let doc =
            crate::documents::parse(std::path::Path::new("van-ban/x.md"), &created.path, &text)
                .unwrap();
        assert_eq!(doc.front.number, "45/KH-UBND");
        assert_eq!(doc.front.title, "Kế hoạch dân vận");
        assert_eq!(doc.front.issued.to_rfc3339(), "2026-03-12T00:00:00+07:00");
        assert!(new_document_at(&opts, now).is_err());
    }
}
