//! The Vietnamese words the renderer puts into page contexts (listing
//! titles, breadcrumbs, archive months), in one table: everything else a
//! reader sees is written in the theme's templates.

/// The listing of every article.
pub const ALL: &str = "Tất cả tin bài";
/// The authors' page and the crumb leading to it.
pub const AUTHORS: &str = "Tác giả";
/// The tags' page and the crumb leading to it.
pub const TAGS: &str = "Chủ đề";
/// The crumb leading to the archive.
pub const ARCHIVE: &str = "Lưu trữ";

/// An author's listing: `Tác giả: Nguyễn Văn A`.
pub fn author(name: &str) -> String {
    format!("{AUTHORS}: {name}")
}

/// A tag's listing: `Chủ đề: dân vận`.
pub fn tag(name: &str) -> String {
    format!("{TAGS}: {name}")
}

/// A year of the archive: `Năm 2024`.
pub fn year(year: i32) -> String {
    format!("Năm {year}")
}

/// A month of the archive: `Tháng 03/2024`.
pub fn month(year: i32, month: u32) -> String {
    format!("Tháng {month:02}/{year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(author("Nguyễn Văn A"), "Tác giả: Nguyễn Văn A");
        assert_eq!(tag("dân vận"), "Chủ đề: dân vận");
        assert_eq!(year(2024), "Năm 2024");
        assert_eq!(month(2024, 3), "Tháng 03/2024");
        assert_eq!(month(2024, 11), "Tháng 11/2024");
    }
}
