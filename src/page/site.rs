//! The publishing site: its name, domain and province, read from what a page
//! says about itself (site-name lines, footers, URLs), never guessed from the
//! article body.

use crate::normalize::tone_key;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds Vietnamese to lower-case ASCII: "Đắk Lắk" → "dak lak".
///
/// ```
/// assert_eq!(vnarticle::page::site::ascii_fold("Đắk Lắk, Khánh Hoà"), "dak lak, khanh hoa");
/// ```
pub fn ascii_fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'Đ' | 'đ' | 'Ð' | 'ð' => 'd',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

struct Provinces {
    /// ASCII-folded name without spaces or punctuation → canonical name.
    by_slug: HashMap<String, &'static str>,
    /// Any variant, word-aligned, on ASCII-folded text.
    in_text: Regex,
}

fn slug(s: &str) -> String {
    ascii_fold(s).chars().filter(char::is_ascii_alphanumeric).collect()
}

static PROVINCES: LazyLock<Provinces> = LazyLock::new(|| {
    let mut by_slug = HashMap::new();
    let mut alternatives = Vec::new();
    for line in crate::wordlist::lines(include_str!("provinces.txt")) {
        let mut names = line.split('|').map(str::trim);
        let Some(canonical) = names.next() else { continue };
        for name in std::iter::once(canonical).chain(names) {
            by_slug.insert(slug(name), canonical);
            // words of the folded name, any spacing or dash between them
            let words: Vec<String> = ascii_fold(name)
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(regex::escape)
                .collect();
            alternatives.push(words.join(r"[\s.\-]*"));
        }
    }
    // longest first so that "thua thien hue" wins over "hue"
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let in_text = Regex::new(&format!(
        r"\b(?:(?P<prefix>tinh|thanh pho|tp)[\s.]*)?(?P<name>{})\b",
        alternatives.join("|")
    ))
    .expect("province regex");
    Provinces { by_slug, in_text }
});

/// The province named in a site name or a footer line ("Cổng thông tin điện
/// tử tỉnh Đắk Lắk", "Website Sở Tư pháp tỉnh ĐắkNông"). A name after "tỉnh"
/// or "thành phố" wins over a bare one ("Đoàn TNCS Hồ Chí Minh tỉnh Đắk Lắk").
///
/// ```
/// use vnarticle::page::site::province_in;
/// assert_eq!(province_in("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"), Some("Đắk Lắk"));
/// assert_eq!(province_in("Website Sở Tư pháp tỉnh ĐắkNông"), Some("Đắk Nông"));
/// assert_eq!(province_in("Cổng thông tin Đảng ủy Khối các cơ quan Trung ương"), None);
/// ```
pub fn province_in(text: &str) -> Option<&'static str> {
    let folded = ascii_fold(text);
    let p = &*PROVINCES;
    let mut bare = None;
    for c in p.in_text.captures_iter(&folded) {
        let name = p.by_slug.get(&slug(c.name("name")?.as_str())).copied();
        if c.name("prefix").is_some() {
            return name;
        }
        bare = bare.or(name);
    }
    bare
}

/// The province of a portal domain: one of its labels is a province slug
/// ("vpubnd.kiengiang.gov.vn" → Kiên Giang, "stp.daknong.gov.vn" → Đắk Nông).
///
/// ```
/// use vnarticle::page::site::province_of_domain;
/// assert_eq!(province_of_domain("vpubnd.kiengiang.gov.vn"), Some("Kiên Giang"));
/// assert_eq!(province_of_domain("daklak.gov.vn"), Some("Đắk Lắk"));
/// assert_eq!(province_of_domain("dangcongsan.vn"), None);
/// ```
pub fn province_of_domain(domain: &str) -> Option<&'static str> {
    let labels: Vec<&str> = domain.split('.').collect();
    // the registrable part comes before "gov.vn" / "org.vn" / "vn"
    labels.iter().rev().find_map(|label| PROVINCES.by_slug.get(&slug(label)).copied())
}

/// The host of a URL, lower-cased, without "www." ("http://www.daklak.gov.vn/x" →
/// "daklak.gov.vn").
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':', '"', '\'', ' ', ')']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .then_some(host)
}

static HOST_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:gov\.vn|org\.vn|com\.vn|edu\.vn|vn))\b")
        .expect("host regex")
});

/// The first Vietnamese web host written in a line ("Ghi rõ nguồn tin
/// "http://daklak.gov.vn"", "Email: banbientap@daklak.gov.vn").
pub fn host_in(text: &str) -> Option<String> {
    HOST_IN_TEXT.captures(text).and_then(|c| c.get(1)).map(|m| m.as_str().to_ascii_lowercase())
}

/// Words that open a portal's name.
const SITE_NAME_OPENERS: [&str; 9] = [
    "cổng thông tin điện tử",
    "cổng thông tin",
    "cổng ttđt",
    "trang thông tin điện tử",
    "trang ttđt",
    "trang tin điện tử",
    "website",
    "báo điện tử",
    "tạp chí điện tử",
];

/// Whether a line is a portal's name ("Cổng thông tin điện tử Kiên Giang",
/// "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"): it opens with a portal word and is
/// short, with no sentence in it.
pub fn is_site_name(line: &str) -> bool {
    if line.split_whitespace().nth(14).is_some() || line.contains(['.', ':', ';', '?', '!']) {
        return false;
    }
    let key = tone_key(line);
    SITE_NAME_OPENERS.iter().any(|o| key.starts_with(o))
}

/// A site name in all capitals, re-cased: sentence case, with the province
/// name capitalized ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK" → "Cổng thông tin
/// điện tử tỉnh Đắk Lắk"). Mixed-case names are kept as written.
pub fn recase_site_name(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_owned();
    }
    let mut out: String = name.to_lowercase();
    if let Some(first) = out.chars().next() {
        out = first.to_uppercase().chain(out.chars().skip(1)).collect();
    }
    if let Some(province) = province_in(name) {
        // capitalize each word of the province where it stands
        let key = tone_key(province);
        if let Some(at) = tone_key(&out).find(&key) {
            // tone_key keeps lengths for lower-case NFC text without tone moves;
            // fall back to the name as written when it does not line up.
            if out.is_char_boundary(at) && out.is_char_boundary(at + key.len()) {
                let words: String = out[at..at + key.len()]
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                out.replace_range(at..at + key.len(), &words);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_in_names() {
        assert_eq!(province_in("Cổng thông tin điện tử Kiên Giang"), Some("Kiên Giang"));
        assert_eq!(province_in("Website Thanh tra tỉnh ĐắkNông"), Some("Đắk Nông"));
        assert_eq!(province_in("Cổng TTĐT tỉnh Thừa Thiên Huế"), Some("Huế"));
        assert_eq!(province_in("Ủy ban nhân dân tỉnh Khánh Hoà"), Some("Khánh Hòa"));
        assert_eq!(
            province_in("Trang tin Đoàn TNCS Hồ Chí Minh tỉnh Bà Rịa - Vũng Tàu"),
            Some("Bà Rịa - Vũng Tàu")
        );
        assert_eq!(province_in("Thành phố Hồ Chí Minh"), Some("Hồ Chí Minh"));
        assert_eq!(province_in("Báo Nhân Dân"), None);
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://www.daklak.gov.vn/tin-tuc?id=1").as_deref(), Some("daklak.gov.vn"));
        assert_eq!(host_of("not a url"), None);
        assert_eq!(
            host_in("Ghi rõ nguồn tin \"http://daklak.gov.vn\" khi").as_deref(),
            Some("daklak.gov.vn")
        );
        assert_eq!(host_in("Email: banbientap@daklak.gov.vn").as_deref(), Some("daklak.gov.vn"));
        assert_eq!(province_of_domain("thanhtra.daknong.gov.vn"), Some("Đắk Nông"));
    }

    #[test]
    fn site_names() {
        for o in SITE_NAME_OPENERS {
            assert_eq!(tone_key(o), o, "openers are written as tone keys");
        }
        assert!(is_site_name("Cổng thông tin điện tử Kiên Giang"));
        assert!(is_site_name("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"));
        assert!(!is_site_name("Cổng thông tin điện tử tỉnh đã đăng tải 537 tin, bài về gương điển hình."));
        assert_eq!(
            recase_site_name("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"),
            "Cổng thông tin điện tử tỉnh Đắk Lắk"
        );
        assert_eq!(
            recase_site_name("Cổng thông tin điện tử Kiên Giang"),
            "Cổng thông tin điện tử Kiên Giang"
        );
    }
}
