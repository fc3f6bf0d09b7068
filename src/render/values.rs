//! Tera values built directly rather than through `serde_json`, for what
//! every list page carries: a pager, and maps of a few fixed keys.

use crate::pages;
use crate::routes;

/// The pager of page `number` of `total` of a listing whose first page
/// is at the URL `first`.
pub(super) fn pager(first: &str, number: usize, total: usize) -> tera::Value {
    let url = |n: usize| routes::paged(first, n);
    object([
        ("current", number.into()),
        ("total", total.into()),
        ("prev", (number > 1).then(|| url(number - 1)).into()),
        ("next", (number < total).then(|| url(number + 1)).into()),
        (
            "pages",
            pages::pager_numbers(number, total)
                .into_iter()
                .map(|n| match n {
                    Some(n) => object([
                        ("number", n.into()),
                        ("url", url(n).into()),
                        ("current", (n == number).into()),
                    ]),
                    None => object([("gap", true.into())]),
                })
                .collect::<Vec<_>>()
                .into(),
        ),
    ])
}

/// A Tera map. Its keys are put in alphabetical order, the order
/// `serde_json::json!` objects have elsewhere in the context.
pub(super) fn object<const N: usize>(entries: [(&'static str, tera::Value); N]) -> tera::Value {
    tera::Value::from(std::collections::BTreeMap::from(entries))
}
