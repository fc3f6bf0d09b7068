//! `bantin watch` follows an article whose address changed (its title,
//! `slug:` or category edited): which addresses moved in a rebuild
//! ([`moves`]), where the server sends a request for an old address
//! ([`Moved`]), and what the terminal says ([`note`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

/// The articles (by file) whose URL differs between `old` and `new`:
/// (old URL, new URL), in order.
pub fn moves(
    old: &HashMap<PathBuf, String>,
    new: &HashMap<PathBuf, String>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = old
        .iter()
        .filter_map(|(file, was)| {
            let now = new.get(file)?;
            (now != was).then(|| (was.clone(), now.clone()))
        })
        .collect();
    out.sort();
    out
}

/// The addresses that moved during this session → where they are now.
#[derive(Debug, Default)]
pub struct Moved(Mutex<HashMap<String, String>>);

impl Moved {
    /// Add the moves of a rebuild (see [`follow`]).
    pub fn record(&self, moved: &[(String, String)]) {
        follow(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()), moved);
    }

    /// Where the address `path` (not found) moved to, if it did.
    pub fn to(&self, path: &str) -> Option<String> {
        let moved = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let folder = path.strip_suffix(crate::routes::INDEX);
        [
            Some(path.to_string()),
            Some(format!("{path}/")),
            folder.map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .find_map(|p| moved.get(&p).cloned())
    }
}

/// Add the addresses that `moved` (old → new) to `map`: an address that
/// moved before follows on to the newest one, and one in use again is no
/// longer sent elsewhere.
pub fn follow(map: &mut HashMap<String, String>, moved: &[(String, String)]) {
    for (old, new) in moved {
        for to in map.values_mut().filter(|to| *to == old) {
            to.clone_from(new);
        }
        map.insert(old.clone(), new.clone());
    }
    for (_, new) in moved {
        map.remove(new);
    }
    map.retain(|from, to| from != to);
}

/// How many moved articles the terminal names after one rebuild.
pub const NAMED: usize = 3;

/// What the terminal says of an article whose address changed: open tabs
/// follow it, and how to keep the old address (its `slug:`, when only
/// that changed).
pub fn note(old: &str, new: &str) -> String {
    let parent = |u: &str| {
        u.trim_end_matches('/')
            .rsplit_once('/')
            .map(|(p, s)| (p.to_string(), s.to_string()))
    };
    let note = crate::t!("watch-moved", old = old, new = new);
    match (parent(old), parent(new)) {
        (Some((a, slug)), Some((b, _))) if a == b => {
            format!("{note}\n  {}", crate::t!("watch-moved.hint", slug = slug))
        }
        _ => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_moves_when_its_articles_url_changes() {
        let map = |pairs: &[(&str, &str)]| -> HashMap<PathBuf, String> {
            pairs
                .iter()
                .map(|(f, u)| (PathBuf::from(f), u.to_string()))
                .collect()
        };
        let old = map(&[("a.md", "/x/a/"), ("b.md", "/x/b/"), ("c.md", "/x/c/")]);
        // b's title edited, c moved to another category, a unchanged, d
        // new, and an article gone is no move.
        let new = map(&[
            ("a.md", "/x/a/"),
            ("b.md", "/x/b-2/"),
            ("c.md", "/y/c/"),
            ("d.md", "/x/d/"),
        ]);
        assert_eq!(
            moves(&old, &new),
            vec![
                ("/x/b/".to_string(), "/x/b-2/".to_string()),
                ("/x/c/".to_string(), "/y/c/".to_string())
            ]
        );
        assert!(moves(&HashMap::new(), &new).is_empty());
        assert!(moves(&new, &map(&[])).is_empty());
    }

    #[test]
    fn moved_addresses_follow_to_the_newest_and_stop_when_used_again() {
        let mv = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        let mut map = HashMap::new();
        follow(&mut map, &mv("/x/a/", "/x/b/"));
        follow(&mut map, &mv("/x/b/", "/x/c/"));
        assert_eq!(map.get("/x/a/").map(String::as_str), Some("/x/c/"));
        assert_eq!(map.get("/x/b/").map(String::as_str), Some("/x/c/"));
        // The title edited back: /x/a/ is an article again; /x/c/ goes there.
        follow(&mut map, &mv("/x/c/", "/x/a/"));
        assert_eq!(map.get("/x/a/"), None);
        assert_eq!(map.get("/x/b/").map(String::as_str), Some("/x/a/"));
        assert_eq!(map.get("/x/c/").map(String::as_str), Some("/x/a/"));
    }
}
