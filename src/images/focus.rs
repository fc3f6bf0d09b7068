//! Where a photo's list thumbnail is cut: the article's `image_focus:`
//! (words in English or Vietnamese, or two percentages), parsed into a
//! [`Focus`].

/// Where a thumbnail is cut, in percent of the room left on each axis (50,
/// 50 is the middle): `image_focus: top` is (50, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Focus(pub u8, pub u8);

impl Default for Focus {
    fn default() -> Focus {
        Focus(50, 50)
    }
}

impl Focus {
    /// `top`, `bottom`, `left`, `right`, `center` (and `top left` …), or two
    /// percentages `30% 20%` (x then y); `None` for anything else.
    pub fn parse(text: &str) -> Option<Focus> {
        let mut f = Focus::default();
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() || words.len() > 2 {
            return None;
        }
        let percents: Vec<Option<u8>> = words
            .iter()
            .map(|w| {
                let n: f32 = w.strip_suffix('%')?.trim().parse().ok()?;
                (0.0..=100.0).contains(&n).then(|| n.round() as u8)
            })
            .collect();
        if words.len() == 2 && percents.iter().all(Option::is_some) {
            return Some(Focus(percents[0]?, percents[1]?));
        }
        for w in words {
            match w.to_ascii_lowercase().as_str() {
                "top" | "tren" | "trên" => f.1 = 0,
                "bottom" | "duoi" | "dưới" => f.1 = 100,
                "left" | "trai" | "trái" => f.0 = 0,
                "right" | "phai" | "phải" => f.0 = 100,
                "center" | "centre" | "giua" | "giữa" => {}
                _ => return None,
            }
        }
        Some(f)
    }
}
