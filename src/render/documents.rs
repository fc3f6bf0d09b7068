//! The documents' pages: a register page (all documents or those of one
//! type, issuer or year, as a table), a document's page (every field, its
//! files, status, replacements both ways, the articles that link to it,
//! JSON-LD) and the documents' feed.

use std::path::Path;

use serde_json::{Value, json};

use super::sink::Sink;
use super::{Renderer, labels, pager};
use crate::pages::{self, Filter, Register};
use crate::routes;
use crate::site::{Document, Site};

/// The status of a document, as a class for the theme and in words.
fn status(site: &Site, d: &Document) -> Value {
    let docs = &site.documents.list;
    match d.replaced_by {
        Some(r) => json!({
            "code": "replaced",
            "label": format!("Đã được thay thế bởi {}", docs[r].file.front.number),
        }),
        None if d.expired => json!({"code": "expired", "label": "Hết hiệu lực"}),
        None => json!({"code": "in-force", "label": "Còn hiệu lực"}),
    }
}

/// What a register row and a document page show of a document.
pub(super) fn row(site: &Site, i: usize) -> Value {
    let docs = &site.documents;
    let d = &docs.list[i];
    let f = &d.file.front;
    let day = |t: &chrono::DateTime<chrono::FixedOffset>| crate::date::display_day(t);
    let link = |j: usize| json!({"number": docs.list[j].file.front.number, "url": site.url(&docs.list[j].path)});
    json!({
        "number": f.number,
        "title": f.title,
        "type": f.kind,
        "type_url": site.url(&routes::document_type(&d.type_slug)),
        "issuer": f.issuer,
        "issuer_url": site.url(&routes::document_issuer(&d.issuer_slug)),
        "issued": day(&f.issued),
        "issued_iso": f.issued.format("%Y-%m-%d").to_string(),
        "issued_rfc2822": f.issued.to_rfc2822(),
        "signer": f.signer,
        "effective": f.effective.as_ref().map(day),
        "expires": f.expires.as_ref().map(day),
        "status": status(site, d),
        "replaced_by": d.replaced_by.map(link),
        "replaces": d.replaces.map(link),
        "url": site.url(&d.path),
        "permalink": site.config.permalink(&d.path),
    })
}

impl Renderer<'_> {
    pub(super) fn register<S: Sink>(&self, s: &mut S, reg: &Register) {
        let site = self.site;
        let docs = &site.documents;
        let (title, filtered) = match reg.filter {
            Filter::All => ("Văn bản".to_string(), false),
            Filter::Type(t) => (docs.types[t].name.clone(), true),
            Filter::Issuer(i) => (docs.issuers[i].name.clone(), true),
            Filter::Year(y) => (labels::year(docs.years[y].0), true),
        };
        let idx: Vec<usize> = match pages::register_documents(site, reg.filter) {
            Some(all) => all[reg.items.clone()].to_vec(),
            None => reg.items.clone().collect(),
        };
        let filters = |groups: &[crate::site::Group], make: fn(usize) -> Filter| {
            groups
                .iter()
                .enumerate()
                .map(|(k, g)| {
                    json!({"name": g.name, "count": g.articles.len(),
                        "url": site.url(&pages::register_path(site, make(k))),
                        "current": reg.filter == make(k)})
                })
                .collect::<Vec<_>>()
        };
        let years: Vec<Value> = docs
            .years
            .iter()
            .enumerate()
            .map(|(k, (year, items))| {
                json!({"name": year.to_string(), "count": items.len(),
                    "url": site.url(&pages::register_path(site, Filter::Year(k))),
                    "current": reg.filter == Filter::Year(k)})
            })
            .collect();
        s.put(
            "register",
            &json!({
                "title": title,
                "filtered": filtered,
                "url": site.url(&routes::documents()),
                "feed_url": site.url(&routes::documents_feed()),
                "types": filters(&docs.types, Filter::Type),
                "issuers": filters(&docs.issuers, Filter::Issuer),
                "years": years,
                "total": pages::register_documents(site, reg.filter).map_or(docs.list.len(), <[usize]>::len),
            }),
        );
        s.put(
            "documents",
            &idx.iter().map(|&i| row(site, i)).collect::<Vec<_>>(),
        );
        let first = site.url(&pages::register_path(site, reg.filter));
        s.put_value("pagination", pager(&first, reg.number, reg.total));
    }

    pub(super) fn document<S: Sink>(&self, s: &mut S, i: usize) {
        let site = self.site;
        let d = &site.documents.list[i];
        let mut doc = row(site, i);
        doc["files"] = d
            .files
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "url": crate::links::asset_url(site, &d.file.source, &f.name),
                    "label": crate::text::file_label(&f.ext, f.bytes),
                })
            })
            .collect();
        doc["content"] = body_html(site, d).into();
        s.put("document", &doc);
        s.put_value("jsonld", tera::Value::safe_string(&json_ld(site, d)));
        s.cards("related", self, &d.articles);
        s.put("register_url", &site.url(&routes::documents()));
    }

    pub(super) fn documents_feed<S: Sink>(&self, s: &mut S, path: &str) {
        let site = self.site;
        let docs = &site.documents.list;
        s.put(
            "feed",
            &json!({
                "title": format!("Văn bản - {}", site.config.title),
                "link": site.config.permalink(&routes::documents()),
                "self": site.config.permalink(path),
                "updated": docs.first().map(|d| d.file.front.issued.to_rfc2822()),
            }),
        );
        let n = docs.len().min(super::FEED_ITEMS);
        s.put(
            "documents",
            &(0..n).map(|i| row(site, i)).collect::<Vec<_>>(),
        );
    }
}

/// The document's own text, its links to files beside it and to other
/// documents resolved.
fn body_html(site: &Site, d: &Document) -> String {
    if d.file.body.trim().is_empty() {
        return String::new();
    }
    let dir = d.file.source.parent().unwrap_or(Path::new(""));
    let resolve = |dest: &str| -> Option<String> {
        let path = dest.split(['#', '?']).next()?;
        let target = crate::site::join_relative(dir, &crate::links::percent_decode(path))?;
        if let Some(other) = site.documents.list.iter().find(|o| o.file.source == target) {
            return Some(site.url(&other.path));
        }
        site.assets
            .contains(&target)
            .then(|| crate::links::asset_url(site, &d.file.source, path))
    };
    crate::markdown::render_as(
        &d.file.body,
        site.config.markdown,
        &resolve,
        site.config.unsafe_html,
    )
    .html
}

/// The document as a schema.org `Legislation` in JSON-LD, safe inside a
/// `<script>` (no `<`).
fn json_ld(site: &Site, d: &Document) -> String {
    let f = &d.file.front;
    let mut j = json!({
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f.title,
        "legislationIdentifier": f.number,
        "legislationType": f.kind,
        "legislationDate": f.issued.format("%Y-%m-%d").to_string(),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": f.issuer},
        "inLanguage": "vi",
        "url": site.config.permalink(&d.path),
    });
    let state = if d.replaced_by.is_some() || d.expired {
        "https://schema.org/NotInForce"
    } else {
        "https://schema.org/InForce"
    };
    j["legislationLegalForce"] = state.into();
    if let Some(e) = &f.effective {
        j["legislationDateVersion"] = e.format("%Y-%m-%d").to_string().into();
    }
    if let Some(r) = d.replaces {
        let other = &site.documents.list[r];
        j["legislationChanges"] = json!({"@type": "Legislation",
            "legislationIdentifier": other.file.front.number,
            "url": site.config.permalink(&other.path)});
    }
    serde_json::to_string(&j)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}
