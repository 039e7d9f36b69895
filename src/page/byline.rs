//! Bylines and source credits at the end of an article: "Hồng Mong – Thế
//! Sự", "XUÂN THÀNH", "Mai Hoa – Đài truyền thanh Huyện", "Bài, ảnh: Ngọc
//! Anh", "Vương Hợp .", "Theo vpubnd.kiengiang.gov.vn", "(Nguồn: TTXVN)".

use crate::normalize::tone_key;
use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:bài|tin|ảnh|bài\ viết|tác\ giả|người\ viết|thực\ hiện|nhóm\ pv|nhóm\ phóng\ viên|pv|ctv|phóng\ viên)
            (?:\s*(?:,|và|/|&|\+|-)\s*(?:ảnh|bài|clip|video|tin))?
            \s*:\s*
        )",
    )
    .expect("byline label regex")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(?:theo|nguồn)\s*:?\s+(?P<src>[^()\[\]]+?)\s*[)\]]?\s*\.?$")
        .expect("credit regex")
});

/// Words that open the name of a body, not a person.
const NOT_NAME_OPENERS: &[&str] = &[
    "ban",
    "báo",
    "đài",
    "sở",
    "phòng",
    "trung",
    "cổng",
    "trang",
    "văn",
    "huyện",
    "tỉnh",
    "thành",
    "xã",
    "phường",
    "đảng",
    "hội",
    "đoàn",
    "công",
    "trường",
    "bệnh",
    "ủy",
    "ubnd",
    "cục",
    "chi",
    "tổng",
    "viện",
    "bộ",
    "nhóm",
    "tòa",
    "theo",
    "nguồn",
    "ảnh",
    "bài",
    "tin",
    "thông",
    "tạp",
    "cơ",
    "quận",
    "thị",
    "mặt",
    "liên",
    "hđnd",
];

/// The source named by a credit line ("Theo vpubnd.kiengiang.gov.vn" →
/// "vpubnd.kiengiang.gov.vn"); `None` for anything else, such as a sentence
/// that opens with "Theo".
///
/// ```
/// use vnarticle::page::byline::credit;
/// assert_eq!(credit("Theo vpubnd.kiengiang.gov.vn").as_deref(), Some("vpubnd.kiengiang.gov.vn"));
/// assert_eq!(credit("(Nguồn: TTXVN)").as_deref(), Some("TTXVN"));
/// assert_eq!(credit("Theo đồng chí Hà Quốc Trị, việc học tập phải thực chất."), None);
/// ```
pub fn credit(line: &str) -> Option<String> {
    let c = CREDIT.captures(line)?;
    let src = c.name("src")?.as_str().trim();
    let words = src.split_whitespace().count();
    // a source is a name or a domain, not a clause
    let clause = src.contains([',', ';', '!', '?']) || src.trim_end_matches('.').contains(". ");
    (words <= 10 && !clause && !src.is_empty()).then(|| src.to_owned())
}

/// The author names of a byline line; `None` when the line is not a byline.
/// Parts that name a body ("Đài truyền thanh Huyện") are dropped; names in
/// capitals are re-cased.
///
/// ```
/// use vnarticle::page::byline::authors;
/// assert_eq!(authors("Hồng Mong – Thế Sự").unwrap(), ["Hồng Mong", "Thế Sự"]);
/// assert_eq!(authors("Mai Hoa – Đài truyền thanh Huyện").unwrap(), ["Mai Hoa"]);
/// assert_eq!(authors("XUÂN THÀNH").unwrap(), ["Xuân Thành"]);
/// assert_eq!(authors("Bài, ảnh: Ngọc Anh").unwrap(), ["Ngọc Anh"]);
/// assert_eq!(authors("Tin tức trong Huyện"), None);
/// ```
pub fn authors(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let line = match LABEL.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    };
    // "Vương Hợp ." / "Thu Hà./." / "Nguyễn Văn A (Trung tâm VH-TT)"
    let line = line.trim_end_matches(['.', '/', ' ', ',']);
    let line = match line.find(['(', '[']) {
        Some(i) if line.ends_with([')', ']']) => line[..i].trim_end(),
        _ => line,
    };
    if line.is_empty()
        || line.split_whitespace().count() > 12
        || line.contains(['.', '!', '?', ';', ':', '"', '“'])
    {
        return None;
    }
    let mut names = Vec::new();
    for part in split_parts(line) {
        if let Some(name) = person_name(part) {
            names.push(name);
        } else if part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            // "PV", "TTXVN": an abbreviation where a name should be
            return None;
        }
    }
    (!names.is_empty()).then_some(names)
}

fn split_parts(line: &str) -> impl Iterator<Item = &str> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[–—\-,/&]\s*|\s+và\s+").expect("byline separator regex"));
    SEP.split(line).map(str::trim).filter(|p| !p.is_empty())
}

/// A part of a byline that is shaped like a person's name: two to five
/// capitalized words of letters, not opening with a word that names a body.
fn person_name(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    let first = tone_key(words[0]);
    if NOT_NAME_OPENERS.contains(&first.as_str()) {
        return None;
    }
    let shaped = words.iter().all(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_alphabetic)
    });
    if !shaped {
        return None;
    }
    let all_caps = part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    Some(if all_caps {
        words.iter().map(|w| capitalize(w)).collect::<Vec<_>>().join(" ")
    } else {
        words.join(" ")
    })
}

fn capitalize(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for (line, want) in [
            ("Vương Hợp .", vec!["Vương Hợp"]),
            ("Thu Hà./.", vec!["Thu Hà"]),
            ("Nguyễn Văn An (Trung tâm Văn hóa)", vec!["Nguyễn Văn An"]),
            ("Tin và ảnh: LÊ HOÀNG", vec!["Lê Hoàng"]),
            ("Thanh Hương, Minh Tuấn", vec!["Thanh Hương", "Minh Tuấn"]),
            ("Quốc Việt và Hải Yến", vec!["Quốc Việt", "Hải Yến"]),
        ] {
            assert_eq!(authors(line), Some(want.iter().map(|s| s.to_string()).collect()), "{line}");
        }
    }

    #[test]
    fn not_bylines() {
        for line in [
            "Bình chọn",
            "Phản hồi",
            "Các tin khác",
            "PV",
            "Ban Tuyên giáo Tỉnh ủy",
            "Làm tốt công tác tuyên truyền",
            "Xin trân trọng cảm ơn đồng chí!",
            "Đài truyền thanh huyện",
            "Quang cảnh hội nghị.",
            "Ngày càng đi vào chiều sâu",
        ] {
            assert_eq!(authors(line), None, "{line}");
        }
    }

    #[test]
    fn credits() {
        assert_eq!(credit("Theo Báo Nhân Dân").as_deref(), Some("Báo Nhân Dân"));
        assert_eq!(credit("Nguồn: baochinhphu.vn").as_deref(), Some("baochinhphu.vn"));
        assert_eq!(credit("Theo kế hoạch, hội nghị sẽ diễn ra trong 2 ngày."), None);
    }
}
