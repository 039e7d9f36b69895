//! The publishing site: its name, domain and province, read from what a page
//! says about itself (site-name lines, footers, URLs), never guessed from the
//! article body.

use crate::normalize::tone_key;
use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};
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
    /// Any variant, word-aligned, on ASCII-folded text: the pattern, with
    /// `{b}` where a word boundary stands.
    pattern: String,
    /// The pattern with ASCII word boundaries (see [`ascii_boundaries`]).
    in_text: Regex,
    /// The pattern with Unicode word boundaries, compiled when first needed.
    in_text_unicode: OnceLock<Regex>,
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
    let pattern = format!(
        // a province's own bodies also name it: "Sở Thông tin và Truyền
        // thông Hà Tĩnh" (who licenses a district portal), "UBND Bến Tre"
        // a commune or district that bears a province's name ("xã Hòa
        // Bình" in Phú Yên, "huyện Hòa Bình" in Bạc Liêu) does not name it
        r"{{b}}(?:(?P<prefix>tinh|thanh pho|tp|so thong tin va truyen thong|so tt ?& ?tt|so tttt|tinh uy|ubnd|uy ban nhan dan)[\s.]*|(?P<unit>thi xa|thi tran|xa|phuong|huyen|quan)\s+)?(?P<name>{}){{b}}",
        alternatives.join("|")
    );
    let in_text = Regex::new(&pattern.replace("{b}", r"(?-u:\b)")).expect("province regex");
    Provinces { by_slug, pattern, in_text, in_text_unicode: OnceLock::new() }
});

/// Word boundaries judged on ASCII alone (`(?-u:\b)`) stand in for
/// Unicode's (`\b`) in patterns run over mostly-ASCII text: the lazy DFA
/// runs Unicode boundaries on ASCII haystacks only and leaves any other text
/// to the slow engines.
///
/// Where a boundary has an ASCII letter or digit on one side, both agree
/// unless the character on the other side is a word character outside
/// ASCII. The patterns here set boundaries only next to an ASCII word
/// character, so the ASCII pattern accepts every match the Unicode one
/// does, plus some; a match of it with no such character just outside is
/// also the Unicode pattern's match (the same leftmost, first-preferred
/// one). When a match does touch one, the caller searches again with the
/// Unicode pattern.
fn ascii_boundaries(text: &str, m: regex::Match) -> bool {
    let before = text.get(..m.start()).and_then(|t| t.chars().next_back());
    let after = text.get(m.end()..).and_then(|t| t.chars().next());
    before.is_none_or(not_word) && after.is_none_or(not_word)
}

/// ASCII, or a character Unicode does not count in words: the spaces,
/// dashes, quotation marks, bullets and ellipsis of general punctuation (but
/// the joiners U+200C and U+200D, which are word characters),
/// guillemets, no-break space, ©. (Pinned to the regex engine by a test.)
fn not_word(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{2000}'..='\u{200b}' | '\u{2010}'..='\u{2027}' | '\u{a0}' | '\u{a9}' | '\u{ab}' | '\u{bb}')
}

/// The province named in a site name or a footer line ("Cổng thông tin điện
/// tử tỉnh Đắk Lắk", "Website Sở Tư pháp tỉnh ĐắkNông"). A name after "tỉnh"
/// or "thành phố" wins over a bare one ("Đoàn TNCS Hồ Chí Minh tỉnh Đắk Lắk").
///
/// ```
/// use vnarticle::page::site::province_in;
/// assert_eq!(province_in("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"), Some("Đắk Lắk"));
/// assert_eq!(province_in("Website Sở Tư pháp tỉnh ĐắkNông"), Some("Đắk Nông"));
/// assert_eq!(province_in("Cổng thông tin Đảng ủy Khối các cơ quan Trung ương"), None);
/// assert_eq!(province_in("Trang thông tin điện tử xã Hòa Bình"), None);
/// assert_eq!(province_in("Xã Hòa Bình, huyện Đông Hòa, tỉnh Phú Yên"), Some("Phú Yên"));
/// ```
pub fn province_in(text: &str) -> Option<&'static str> {
    let (prefixed, bare) = provinces_named(text);
    prefixed.or(bare)
}

/// The province named after "tỉnh" or "thành phố" only ("Địa chỉ: thị trấn
/// Nam Đàn, huyện Nam Đàn, tỉnh Nghệ An"): in a footer line, a bare name
/// may be a street or a person ("Phan Đình Phùng", "Hùng Vương").
///
/// ```
/// use vnarticle::page::site::province_named;
/// assert_eq!(province_named("Bản quyền thuộc về Huyện ủy Nam Đàn - tỉnh Nghệ An"), Some("Nghệ An"));
/// assert_eq!(province_named("Địa chỉ: 172 Hùng Vương, thành phố Quảng Ngãi"), Some("Quảng Ngãi"));
/// assert_eq!(province_named("Địa chỉ: 05 Bắc Ninh, phường 2"), None);
/// assert_eq!(province_named("Giấy phép số 07/GP-STTTT của Sở Thông tin và Truyền thông Hà Tĩnh"), Some("Hà Tĩnh"));
/// ```
pub fn province_named(text: &str) -> Option<&'static str> {
    provinces_named(text).0
}

/// The first province named with a prefix, and the first named bare.
fn provinces_named(text: &str) -> (Option<&'static str>, Option<&'static str>) {
    let folded = ascii_fold(text);
    let p = &*PROVINCES;
    scan_provinces(&p.in_text, &folded, true).unwrap_or_else(|| {
        let unicode = p
            .in_text_unicode
            .get_or_init(|| Regex::new(&p.pattern.replace("{b}", r"\b")).expect("province regex (Unicode)"));
        scan_provinces(unicode, &folded, false).unwrap_or_default()
    })
}

/// [`provinces_named`] with one of the province patterns; `None` when
/// `ascii` (the pattern has ASCII word boundaries) and a match touches a
/// character outside ASCII, which only the Unicode pattern judges right.
fn scan_provinces(
    re: &Regex,
    folded: &str,
    ascii: bool,
) -> Option<(Option<&'static str>, Option<&'static str>)> {
    let p = &*PROVINCES;
    let mut bare = None;
    for c in re.captures_iter(folded) {
        if ascii && c.get(0).is_some_and(|m| !ascii_boundaries(folded, m)) {
            return None;
        }
        let Some(name) = c.name("name").and_then(|n| p.by_slug.get(&slug(n.as_str())).copied()) else {
            continue;
        };
        if c.name("unit").is_some() {
            continue;
        }
        if c.name("prefix").is_some() {
            return Some((Some(name), bare));
        }
        bare = bare.or(Some(name));
    }
    Some((None, bare))
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

/// A Vietnamese web host in a text, with `{b}` where its word boundary
/// stands (after the "vn" that ends it).
const HOST: &str =
    r"(?i)(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:gov\.vn|org\.vn|com\.vn|edu\.vn|vn)){b}";

/// [`HOST`] with an ASCII word boundary (see [`ascii_boundaries`]).
static HOST_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&HOST.replace("{b}", r"(?-u:\b)")).expect("host regex"));

/// [`HOST`] with a Unicode word boundary, for the few texts that need it.
static HOST_IN_TEXT_UNICODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&HOST.replace("{b}", r"\b")).expect("host regex (Unicode)"));

/// The first Vietnamese web host written in a line ("Ghi rõ nguồn tin
/// "http://daklak.gov.vn"", "Email: banbientap@daklak.gov.vn").
pub fn host_in(text: &str) -> Option<String> {
    let c = HOST_IN_TEXT.captures(text)?;
    // the boundary stands after the host only: what comes before it does
    // not matter
    let after = |m: regex::Match| text.get(m.end()..).and_then(|t| t.chars().next());
    let c = if c.get(0).is_some_and(|m| after(m).is_none_or(not_word)) {
        c
    } else {
        HOST_IN_TEXT_UNICODE.captures(text)?
    };
    c.get(1).map(|m| m.as_str().to_ascii_lowercase())
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
    if super::count_words(line, 15) == 15
        || line.contains(['.', ':', ';', '?', '!'])
        || !super::key_may_open_with(line, &['c', 't', 'w', 'b'])
    {
        return false;
    }
    let key = tone_key(line);
    SITE_NAME_OPENERS.iter().any(|o| key.starts_with(o)) || is_newspaper_name(line, &key)
}

/// A provincial newspaper's masthead, "Báo Đắk Lắk điện tử", "BÁO LÀO CAI
/// ĐIỆN TỬ", "Tạp chí Tuyên giáo điện tử": "báo"/"tạp chí", a capitalised
/// name, "điện tử" (not "Báo cáo … điện tử"), in a few words.
fn is_newspaper_name(line: &str, key: &str) -> bool {
    let (rest, skip) = match key.strip_prefix("báo ") {
        Some(rest) => (rest, 1),
        None => match key.strip_prefix("tạp chí ") {
            Some(rest) => (rest, 2),
            None => return false,
        },
    };
    let capitalised =
        line.split_whitespace().nth(skip).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    !rest.starts_with("cáo ") && rest.ends_with(" điện tử") && capitalised && super::count_words(line, 9) <= 8
}

/// Words that open the name of a body that runs a portal (written as tone
/// keys; a one-word opener needs a word after it).
const OWNER_OPENERS: [&str; 40] = [
    "ủy ban nhân dân",
    "ubnd",
    "hội đồng nhân dân",
    "hđnd",
    "sở",
    "huyện ủy",
    "tỉnh ủy",
    "thành ủy",
    "quận ủy",
    "thị ủy",
    "đảng ủy",
    "đảng bộ",
    "ban tuyên giáo",
    "ban dân vận",
    "ban tổ chức",
    "ban nội chính",
    "ban quản lý",
    "ban dân tộc",
    "ban chỉ huy quân sự",
    "văn phòng",
    "thanh tra",
    "ủy ban mặt trận",
    "ủy ban mttq",
    "ủy ban kiểm tra",
    "bộ chỉ huy",
    "công an",
    "trung tâm",
    "kho bạc",
    "cục",
    "chi cục",
    "liên đoàn lao động",
    "hội nông dân",
    "hội liên hiệp phụ nữ",
    "hội cựu chiến binh",
    "hội chữ thập đỏ",
    "hội người cao tuổi",
    "hội khuyến học",
    "tỉnh đoàn",
    "huyện đoàn",
    "thành đoàn",
];

/// Words naming a place below the province, after which a masthead names it.
const PLACE_UNITS: [&str; 7] = ["huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn"];

/// Whether a line is the masthead of a body that runs the portal, printed in
/// capitals above or below the page ("SỞ TƯ PHÁP TỈNH QUẢNG NGÃI",
/// "HUYỆN ỦY HẢI LĂNG - TỈNH QUẢNG TRỊ", "ỦY BAN NHÂN DÂN HUYỆN KRÔNG
/// PẮC"): an organisation's name that names its place, with no sentence.
///
/// ```
/// use vnarticle::page::site::is_owner_masthead;
/// assert!(is_owner_masthead("SỞ TƯ PHÁP TỈNH QUẢNG NGÃI"));
/// assert!(is_owner_masthead("HUYỆN ỦY HẢI LĂNG - TỈNH QUẢNG TRỊ"));
/// assert!(!is_owner_masthead("Sở Tư pháp tỉnh Quảng Ngãi triển khai Ngày Pháp luật"));
/// assert!(!is_owner_masthead("ĐẢNG CỘNG SẢN VIỆT NAM"));
/// assert!(!is_owner_masthead("BAN CHỈ ĐẠO TỔNG KẾT CÔNG TÁC"));
/// assert!(!is_owner_masthead("HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN BẢO THẮNG LẦN THỨ 12"));
/// assert!(!is_owner_masthead("ĐẢNG BỘ XÃ TÂN LẬP TỔ CHỨC ĐẠI HỘI ĐẠI BIỂU"));
/// assert!(is_owner_masthead("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HÀ TĨNH"));
/// ```
pub fn is_owner_masthead(line: &str) -> bool {
    // in capitals (most lines fail here, at their second letter)
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    if letters().next().is_none() || letters().any(char::is_lowercase) {
        return false;
    }
    is_owner_name(line)
}

/// Whether a text is the name of a body that runs a portal, whatever its
/// case ("Tỉnh ủy Hưng Yên", "Sở Tư pháp tỉnh Quảng Ngãi"): an
/// organisation's name ending with its place.
///
/// ```
/// use vnarticle::page::site::is_owner_name;
/// assert!(is_owner_name("Tỉnh ủy Hưng Yên"));
/// assert!(!is_owner_name("Huyện ủy Hải Lăng trao Huy hiệu Đảng cho đảng viên"));
/// ```
pub fn is_owner_name(line: &str) -> bool {
    if super::count_words(line, 15) == 15 || line.contains(['.', ':', ';', '?', '!', '(', '“', '"']) {
        return false;
    }
    static OPENERS: LazyLock<Vec<String>> =
        LazyLock::new(|| OWNER_OPENERS.iter().map(|o| tone_key(o)).collect());
    let key = tone_key(line);
    let opens = OPENERS.iter().any(|o| key.starts_with(o.as_str()) && key[o.len()..].starts_with(' '));
    if !opens || line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // the name ends with its place: a few words after the last place word
    // ("… TỈNH QUẢNG NGÃI", "HUYỆN ỦY HẢI LĂNG"); a headline in capitals
    // goes on ("ĐẢNG BỘ XÃ TÂN LẬP TỔ CHỨC ĐẠI HỘI")
    let words: Vec<&str> = key.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    // (the words have no spaces in them: they equal the unit's words when
    // joined with spaces they equal the unit)
    let is_unit = |i: usize| {
        PLACE_UNITS.iter().chain(["tỉnh", "tp"].iter()).any(|u| {
            let n = u.split(' ').count();
            words.get(i..i + n).is_some_and(|ws| ws.iter().copied().eq(u.split(' ')))
        })
    };
    match (0..words.len()).rev().find(|&i| is_unit(i)) {
        Some(last) => words.len() - last <= 5,
        None => province_in(line).is_some() && words.len() <= 8,
    }
}

/// A site name as the record gives it: re-cased when printed in capitals
/// ([`recase_site_name`]), without a trailing " - tỉnh …" that only says
/// where the body is ("Trang thông tin điện tử huyện Yên Thế - tỉnh Bắc
/// Giang" → "Trang thông tin điện tử huyện Yên Thế"; the province is the
/// site's `province`).
///
/// ```
/// use vnarticle::page::site::clean_site_name;
/// assert_eq!(
///     clean_site_name("TRANG THÔNG TIN ĐIỆN TỬ HUYỆN BẮC QUANG - TỈNH HÀ GIANG"),
///     "Trang thông tin điện tử huyện Bắc Quang"
/// );
/// assert_eq!(clean_site_name("Cổng TTĐT tỉnh Bà Rịa - Vũng Tàu"), "Cổng TTĐT tỉnh Bà Rịa - Vũng Tàu");
/// assert_eq!(
///     clean_site_name("TRANG THÔNG TIN ĐIỆN TỬ BAN DÂN VẬN TỈNH ỦY HÀ GIANG"),
///     "Trang thông tin điện tử Ban Dân vận Tỉnh ủy Hà Giang"
/// );
/// assert_eq!(clean_site_name("SỞ TƯ PHÁP TỈNH QUẢNG NGÃI"), "Sở Tư pháp tỉnh Quảng Ngãi");
/// assert_eq!(
///     clean_site_name("TRANG THÔNG TIN ỦY BAN KIỂM TRA TỈNH ỦY QUẢNG NGÃI"),
///     "Trang thông tin Ủy ban Kiểm tra Tỉnh ủy Quảng Ngãi"
/// );
/// assert_eq!(clean_site_name("ỦY BAN NHÂN DÂN HUYỆN THẠNH PHÚ"), "Ủy ban nhân dân huyện Thạnh Phú");
/// ```
pub fn clean_site_name(name: &str) -> String {
    let name = recase_site_name(name);
    for sep in [" - ", " – ", " — "] {
        if let Some((head, tail)) = name.rsplit_once(sep) {
            let key = tone_key(tail);
            let locator =
                (key.starts_with("tỉnh ") || key.starts_with("thành phố ") || key.starts_with("tp"))
                    && tail.split_whitespace().count() <= 5
                    && province_named(tail).is_some()
                    && !head.trim().is_empty();
            if locator {
                return head.trim_end().to_owned();
            }
        }
    }
    name
}

/// A site name in all capitals, re-cased: sentence case, with the province
/// name capitalized ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK" → "Cổng thông tin
/// điện tử tỉnh Đắk Lắk"). Mixed-case names are kept as written.
pub fn recase_site_name(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_owned();
    }
    let mut words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let keys: Vec<String> = words.iter().map(|w| tone_key(w)).collect();
    let key_at = |i: usize| keys.get(i).map_or("", String::as_str);
    // a place unit at word i: its length in words
    let unit_at = |i: usize| {
        PLACE_UNITS.iter().find_map(|u| {
            let n = u.split(' ').count();
            (0..n).all(|k| u.split(' ').nth(k) == Some(key_at(i + k))).then_some(n)
        })
    };
    let committee = tone_key("ủy");
    let mut i = 0;
    while i < words.len() {
        let Some(n) = unit_at(i) else {
            if ACRONYMS.contains(&key_at(i)) {
                words[i] = words[i].to_uppercase();
            }
            i += 1;
            continue;
        };
        let mut j = i + n;
        if key_at(j) == committee {
            // "Huyện ủy Hải Lăng": the committee, then its place
            if let Some(w) = words.get_mut(i) {
                *w = capitalize(w);
            }
            j += 1;
        }
        let start = j;
        while j < words.len()
            && j - start < 4
            && key_at(j).chars().next().is_some_and(char::is_alphanumeric)
            && unit_at(j).is_none()
            && !matches!(key_at(j), "tỉnh" | "và")
        {
            if let Some(w) = words.get_mut(j) {
                *w = capitalize(w);
            }
            j += 1;
        }
        i = j.max(i + 1);
    }
    // the Party and the committees are written with a capital: "Đảng bộ",
    // "Tỉnh ủy", "Đảng ủy"
    let party = tone_key("đảng");
    let (ban, so) = (tone_key("ban"), tone_key("sở"));
    for i in 0..words.len() {
        if key_at(i) == party || (key_at(i + 1) == committee && key_at(i + 2) != ban) {
            if let Some(w) = words.get_mut(i) {
                *w = capitalize(w);
            }
        }
    }
    // an organ and the first word of its name: "Ban Dân vận", "Sở Tư pháp",
    // "Ủy ban Kiểm tra" (but "Ủy ban nhân dân")
    for i in 0..words.len() {
        let organ = key_at(i) == ban || key_at(i) == so;
        if organ && key_at(i + 1).chars().next().is_some_and(char::is_alphabetic) && key_at(i + 1) != "nhân"
        {
            // "Ủy ban Kiểm tra": the organ's first word takes the capital
            let first = if i > 0 && key_at(i - 1) == committee { i - 1 } else { i };
            for k in [first, i + 1] {
                if let Some(w) = words.get_mut(k) {
                    *w = capitalize(w);
                }
            }
        }
    }
    if let Some(first) = words.first_mut() {
        *first = capitalize(first);
    }
    let mut out = words.join(" ");
    if let Some(province) = province_in(name) {
        // capitalize each word of the province where it stands
        let key = tone_key(province);
        if let Some(at) = tone_key(&out).find(&key) {
            // tone_key keeps lengths for lower-case NFC text without tone moves;
            // fall back to the name as written when it does not line up.
            if out.is_char_boundary(at) && out.is_char_boundary(at + key.len()) {
                let words: String =
                    out[at..at + key.len()].split(' ').map(capitalize).collect::<Vec<_>>().join(" ");
                out.replace_range(at..at + key.len(), &words);
            }
        }
    }
    out
}

/// Abbreviations kept in capitals when a name is re-cased (tone keys).
const ACRONYMS: [&str; 8] = ["ubnd", "hđnd", "ttđt", "mttq", "ubmttq", "tncs", "vn", "tp"];

/// The word with its first letter in capitals ("hải" → "Hải"; "ủy" → "Ủy").
fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
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
    fn ascii_boundaries_stand_for_unicode_ones() {
        let word = Regex::new(r"^\w$").unwrap();
        for c in (0..0x3000u32).filter_map(char::from_u32).filter(|&c| !c.is_ascii() && not_word(c)) {
            assert!(!word.is_match(c.encode_utf8(&mut [0; 4])), "U+{:04X}", c as u32);
        }
        // a letter outside ASCII right after a host or a province name: the
        // Unicode pattern decides
        assert_eq!(host_in("xem daklak.gov.vnđ hoặc www.hue.gov.vn").as_deref(), Some("hue.gov.vn"));
        assert_eq!(host_in("“http://daklak.gov.vn”").as_deref(), Some("daklak.gov.vn"));
        assert_eq!(province_in("tỉnh Phú Yênø, tỉnh Gia Lai"), Some("Gia Lai"));
        assert_eq!(province_named("øtỉnh Gia Lai"), None);
        assert_eq!(province_in("“tỉnh Phú Yên” và Gia Lai"), Some("Phú Yên"));
    }

    #[test]
    fn site_names() {
        for o in SITE_NAME_OPENERS {
            assert_eq!(tone_key(o), o, "openers are written as tone keys");
            assert!(super::super::key_may_open_with(o, &['c', 't', 'w', 'b']), "{o}");
        }
        assert!(is_site_name("Cổng thông tin điện tử Kiên Giang"));
        assert!(is_site_name("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"));
        assert!(!is_site_name("Cổng thông tin điện tử tỉnh đã đăng tải 537 tin, bài về gương điển hình."));
        // a newspaper's masthead, not a report or a lower-case phrase
        assert!(is_site_name("Báo Đắk Lắk điện tử"));
        assert!(is_site_name("BÁO LÀO CAI ĐIỆN TỬ"));
        assert!(is_site_name("Tạp chí Tuyên giáo điện tử"));
        assert!(!is_site_name("Báo cáo Chính phủ điện tử"));
        assert!(!is_site_name("báo chí và truyền thông điện tử"));
        assert!(!is_site_name("Báo Nhân Dân đăng bài viết về chuyển đổi số và giao dịch điện tử"));
        assert_eq!(
            recase_site_name("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐẮK LẮK"),
            "Cổng thông tin điện tử tỉnh Đắk Lắk"
        );
        assert_eq!(
            recase_site_name("TRANG THÔNG TIN ĐIỆN TỬ HUYỆN ỦY HẢI LĂNG"),
            "Trang thông tin điện tử Huyện ủy Hải Lăng"
        );
        assert_eq!(
            recase_site_name("TRANG THÔNG TIN ĐIỆN TỬ BAN TUYÊN GIÁO TỈNH ỦY NINH BÌNH"),
            "Trang thông tin điện tử Ban Tuyên giáo Tỉnh ủy Ninh Bình"
        );
        assert_eq!(
            recase_site_name("TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH BÌNH PHƯỚC"),
            "Trang thông tin điện tử Đảng bộ tỉnh Bình Phước"
        );
        assert_eq!(
            recase_site_name("CỔNG TTĐT HUYỆN KRÔNG PẮC - TỈNH ĐẮK LẮK"),
            "Cổng TTĐT huyện Krông Pắc - tỉnh Đắk Lắk"
        );
        assert_eq!(
            recase_site_name("Cổng thông tin điện tử Kiên Giang"),
            "Cổng thông tin điện tử Kiên Giang"
        );
    }
}
