//! Bylines and source credits at the end of an article: "Hồng Mong – Thế
//! Sự", "XUÂN THÀNH", "Mai Hoa – Đài truyền thanh Huyện", "Bài, ảnh: Ngọc
//! Anh", "Vương Hợp .", "Theo vpubnd.kiengiang.gov.vn", "(Nguồn: TTXVN)".

use crate::normalize::tone_key;
use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:bài|tin|ảnh|bài\ viết|tác\ giả|người\ viết|thực\ hiện|nhóm\ pv|nhóm\ phóng\ viên|pv|ctv|phóng\ viên|nội\ dung)
            (?:\s*(?:,|và|/|&|\+|-)\s*(?:ảnh|bài|clip|video|tin))?
            \s*:\s*
          # Joomla's and WordPress's 'Viết bởi Ngọc Diệp'
          | viết\ bởi\s*:?\s*
        )",
    )
    .expect("byline label regex")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(?:theo|nguồn)\s*:?\s+(?P<src>[^()\[\]]+?)\s*[)\]]?\s*\.?$")
        .expect("credit regex")
});

/// Words that open the name of a body, not a person (tone keys). Words
/// that also open pen names ("Văn Thiện", "Thành Trung", "Trung Kiên",
/// "Công Minh", "Đoàn Văn Hậu") are listed with the word that makes them a
/// body ("văn phòng", "trung tâm").
const NOT_NAME_OPENERS: &[&str] = &[
    "ban",
    "báo",
    "đài",
    "sở",
    "phòng",
    "cổng",
    "trang",
    "huyện",
    "tỉnh",
    "xã",
    "phường",
    "quận",
    "đảng",
    "ủy",
    "uỷ",
    "ubnd",
    "hđnd",
    "cục",
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
    "tạp",
    "bệnh",
    "văn phòng",
    "văn hóa",
    "thành phố",
    "thành ủy",
    "thành đoàn",
    "trung tâm",
    "trung đoàn",
    "trung ương",
    "công an",
    "công ty",
    "công đoàn",
    "đoàn thanh niên",
    "đoàn tncs",
    "đoàn kiểm tra",
    "đoàn công tác",
    "chi cục",
    "chi bộ",
    "chi hội",
    "chi nhánh",
    "hội nông dân",
    "hội liên hiệp",
    "hội cựu chiến binh",
    "hội chữ thập đỏ",
    "hội người cao tuổi",
    "hội đồng",
    "thông tấn",
    "liên đoàn",
    "liên minh",
    "mặt trận",
    "cơ quan",
    "thị xã",
    "thị trấn",
    "thị ủy",
    "trường thcs",
    "trường thpt",
    "trường tiểu học",
    "trường mầm non",
    "trường đại học",
    "trường cao đẳng",
    "trường chính trị",
    "học viện",
    "phó",
    "trưởng",
    "giám đốc",
    "chủ tịch",
    "bí thư",
    "chánh",
    "ủy viên",
    "chuyên viên",
    "giảng viên",
];

/// An academic degree or a military rank before a byline name ("TS.",
/// "ThS.", "PGS.TS", "Thượng tá"): not part of the name.
static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:gs|pgs|ts|ths|th\.s|ncs|bs|bsckii|bscki|ks|cn|ls)\s*\.\s*)+(?:ts\b\s*)?|^(?:đại|thượng|trung|thiếu)\s+(?:tá|úy|uý)\s+|^(?:đại|trung|thiếu)\s+tướng\s+",
    )
    .expect("degree regex")
});

/// Whether a byline part names a body ("Đài truyền thanh Huyện", "Trung tâm
/// VH-TT huyện"), not a person.
fn names_body(part: &str) -> bool {
    static OPENERS: LazyLock<Vec<String>> =
        LazyLock::new(|| NOT_NAME_OPENERS.iter().map(|o| tone_key(o)).collect());
    let key = tone_key(part);
    OPENERS.iter().any(|o| {
        key.starts_with(o.as_str()) && !key[o.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

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

/// A credit in brackets closing a byline ("Hoàng Long (Theo Báo Lào Cai)"
/// → "Báo Lào Cai").
///
/// ```
/// use vnarticle::page::byline::bracketed_credit;
/// assert_eq!(bracketed_credit("Hoàng Long (Theo Báo Lào Cai)").as_deref(), Some("Báo Lào Cai"));
/// assert_eq!(bracketed_credit("Nguyễn Văn An (Trung tâm Văn hóa)"), None);
/// ```
pub fn bracketed_credit(line: &str) -> Option<String> {
    let line = line.trim().trim_end_matches('.');
    let open = line.rfind(['(', '['])?;
    if open == 0 || line.split_whitespace().count() > 16 {
        return None;
    }
    credit(&line[open..])
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
    // "Tin: Nguyễn Hoa; Ảnh: Trần Bình": each labelled part on its own
    if line.contains(';') {
        let names: Vec<String> = line.split(';').filter_map(authors).flatten().collect();
        return (!names.is_empty()).then_some(names);
    }
    let line = match LABEL.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    };
    let line = match DEGREE.find(line) {
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
        if names_body(part) {
            // the body the authors write for: the rest of the line is its name
            break;
        }
        if let Some(name) = person_name(part) {
            names.push(name);
        } else if part.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            // "PV", "TTXVN": an abbreviation where a name should be; after
            // a name, the abbreviated body the author writes for ("Thanh
            // Hương - VP HĐND-UBND huyện")
            if names.is_empty() {
                return None;
            }
            break;
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The names of a byline that opens with its label ("Tin, ảnh: Hồng Lĩnh",
/// "Tác giả: Lê Minh Tâm"); `None` for a line without a label.
///
/// ```
/// use vnarticle::page::byline::labelled_authors;
/// assert_eq!(labelled_authors("Tin, ảnh: Hồng Lĩnh").unwrap(), ["Hồng Lĩnh"]);
/// assert_eq!(labelled_authors("Hồng Lĩnh"), None);
/// ```
pub fn labelled_authors(line: &str) -> Option<Vec<String>> {
    LABEL.find(line.trim())?;
    authors(line)
}

/// The names of a byline that opens with an academic degree or a rank
/// ("TS. NGUYỄN VĂN HÙNG"); `None` otherwise.
///
/// ```
/// use vnarticle::page::byline::degree_authors;
/// assert_eq!(degree_authors("TS. NGUYỄN VĂN HÙNG").unwrap(), ["Nguyễn Văn Hùng"]);
/// assert_eq!(degree_authors("Nguyễn Văn Hùng"), None);
/// ```
pub fn degree_authors(line: &str) -> Option<Vec<String>> {
    DEGREE.find(line.trim())?;
    authors(line)
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
    let lone_prefixed = words.len() == 1 && words.first().is_some_and(|w| prefixed_name(w));
    if !(2..=5).contains(&words.len()) && !lone_prefixed {
        return None;
    }
    // every syllable of a name has a vowel: "VP HĐND", "TT VH" are the
    // abbreviations of a body; "K' Thuần": the prefix written apart, before
    // a given name
    let apart = |i: usize, w: &str| matches!(w, "K'" | "H'" | "K’" | "H’") && i + 1 < words.len();
    let shaped = words.iter().enumerate().all(|(i, w)| {
        let mut chars = w.chars();
        (chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_alphabetic)
            && w.chars().any(is_vowel))
            || prefixed_name(w)
            || apart(i, w)
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

/// A Vietnamese vowel letter, in either case and with any tone mark.
fn is_vowel(c: char) -> bool {
    const VOWELS: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
    c.to_lowercase().all(|l| VOWELS.contains(l))
}

/// A Cơ Ho / Êđê name word with its gender prefix glued on ("K'Điệp",
/// "H'Hen"): `K'` or `H'`, then a capitalised given name of letters.
fn prefixed_name(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('K' | 'H'))
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_alphabetic)
}

/// "XUÂN" → "Xuân"; "K'ĐIỆP" → "K'Điệp" (the given name after the
/// prefix keeps its capital).
fn capitalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper_next = true;
    for c in word.chars() {
        if upper_next {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper_next = matches!(c, '\'' | '’');
    }
    out
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
            ("Văn Thiện - Minh Hòa", vec!["Văn Thiện", "Minh Hòa"]),
            ("Văn Hùng - Ánh Tuyết (Phòng Tư pháp)", vec!["Văn Hùng", "Ánh Tuyết"]),
            ("Minh Hằng - Trung tâm VH-TT&TT huyện", vec!["Minh Hằng"]),
            ("Thành Trung - Công Minh", vec!["Thành Trung", "Công Minh"]),
            ("Trung Kiên (Đài TT-TH huyện)", vec!["Trung Kiên"]),
            ("ThS. Lê Thị Thu Hà - Trường Chính trị tỉnh", vec!["Lê Thị Thu Hà"]),
            ("TS. NGUYỄN VĂN HÙNG", vec!["Nguyễn Văn Hùng"]),
            ("PGS.TS Trần Văn Minh, Phó Giám đốc Học viện", vec!["Trần Văn Minh"]),
            ("Thượng tá Đinh Văn Sơn", vec!["Đinh Văn Sơn"]),
            ("Tin: Nguyễn Hoa; Ảnh: Trần Bình", vec!["Nguyễn Hoa", "Trần Bình"]),
            ("Hoàng Long (Theo Báo Lào Cai)", vec!["Hoàng Long"]),
            ("Thanh Hương - VP HĐND-UBND huyện", vec!["Thanh Hương"]),
            ("Quang Vinh, TT VH-TT huyện", vec!["Quang Vinh"]),
            ("Viết bởi Ngọc Diệp", vec!["Ngọc Diệp"]),
            ("Nội dung và ảnh: Minh Đường", vec!["Minh Đường"]),
            ("Nội dung: Lê Hà; Ảnh: Đức Anh", vec!["Lê Hà", "Đức Anh"]),
            ("Thanh Hoa - K'Điệp", vec!["Thanh Hoa", "K'Điệp"]),
            ("K'BRÌU - NAY TUẤN", vec!["K'Brìu", "Nay Tuấn"]),
            ("Ảnh: H'Yam Niê", vec!["H'Yam Niê"]),
            ("Bài và ảnh: K' Thuần", vec!["K' Thuần"]),
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
            "Văn Phòng Huyện Ủy",
            "Trung Tâm Văn Hóa Huyện",
            "Đoàn Thanh Niên Xã",
            "Phó Giám Đốc Sở",
            "TS.",
            "Quang cảnh hội nghị.",
            "Ngày càng đi vào chiều sâu",
            "Trình bày: Hải Yến",
            "Thiết kế: Minh Anh",
            "Viết bởi Quản trị viên",
            "VP HĐND",
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
