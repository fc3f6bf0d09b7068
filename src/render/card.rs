//! An article's card: everything a template may show of it in a list or on
//! its page, built once per build and shared by every page that shows it.

use serde::Serialize;
use serde_json::Value;

use crate::date;
use crate::site::Site;
use crate::text::group_thousands;

/// Everything a template may show of an article in a list or on its page.
#[derive(Serialize)]
pub(super) struct Card<'a> {
    title: &'a str,
    url: String,
    permalink: String,
    date: String,
    time: String,
    date_iso: String,
    date_rfc2822: String,
    views: Option<u64>,
    views_display: Option<String>,
    author: Option<&'a str>,
    author_url: Option<String>,
    category: CardCategory<'a>,
    summary: &'a str,
    image: Option<String>,
    image_permalink: Option<String>,
    featured: bool,
    draft: bool,
    tags: Vec<CardTag<'a>>,
    extra: &'a Value,
}

#[derive(Serialize)]
struct CardCategory<'a> {
    name: &'a str,
    url: String,
    slug: &'a str,
}

#[derive(Serialize)]
struct CardTag<'a> {
    name: &'a str,
    url: String,
}

pub(super) fn card(site: &Site, i: usize) -> Card<'_> {
    let a = &site.articles[i];
    let cat = &site.categories[a.category];
    let image = a
        .image
        .as_ref()
        .map(|img| crate::links::asset_url(site, &a.source, img));
    let base = site.config.base_url.trim_end_matches('/');
    let base_path = site.base_path.trim_end_matches('/');
    Card {
        title: &a.title,
        url: site.url(&a.path),
        permalink: site.config.permalink(&a.path),
        date: date::display_day(&a.date),
        time: date::display_time(&a.date),
        date_iso: a.date.to_rfc3339(),
        date_rfc2822: a.date.to_rfc2822(),
        views: a.views,
        views_display: a.views.map(group_thousands),
        author: a.author.as_deref(),
        author_url: a
            .author_slug
            .as_ref()
            .map(|s| site.url(&format!("tac-gia/{s}/"))),
        category: CardCategory {
            name: &cat.name,
            url: site.url(&format!("{}/", cat.slug)),
            slug: &cat.slug,
        },
        summary: &a.summary,
        image_permalink: image
            .as_ref()
            .map(|u| format!("{base}{}", u.strip_prefix(base_path).unwrap_or(u))),
        image,
        featured: a.featured,
        draft: a.draft,
        tags: a
            .tags
            .iter()
            .zip(&a.tag_slugs)
            .map(|(t, s)| CardTag {
                name: t,
                url: site.url(&format!("the/{s}/")),
            })
            .collect(),
        extra: &a.extra,
    }
}
