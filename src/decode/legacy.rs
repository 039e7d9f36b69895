//! The legacy Vietnamese font encodings: TCVN3 ("ABC", TCVN 5712:1993) and
//! VNI-Windows (see `../shared/reference/unicode.md` §4.1, §4.2, §4.7).
//!
//! Both were used with fonts (`.VnTime`, `VNI-Times`) that draw Vietnamese
//! letters at the positions of Latin-1 characters, so such text arrives
//! either as single bytes or, once decoded as Latin-1/windows-1252 somewhere
//! upstream, as Latin-1 characters ("ViÖt Nam", "Vieät Nam"). Conversion
//! here works on characters: bytes are first decoded as windows-1252 (which
//! maps 0xA0–0xFF to U+00A0–U+00FF), then each Latin-1 character is mapped.
//!
//! Which encoding a text is in is decided by trying each and counting common
//! Vietnamese words in the result ([`detect`]): real text in the right
//! encoding is full of "của", "và", "được", "người"; the wrong ones give
//! none.

use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese font encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 (ABC, TCVN 5712:1993 VN3): one byte a letter.
    Tcvn3,
    /// VNI-Windows: a base letter followed by a byte for its marks.
    Vni,
}

impl Legacy {
    /// The encoding's name, as [`super::Decoded::encoding`] reports it.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI-Windows",
        }
    }
}

/// TCVN3 bytes 0xA0–0xFF as glibc's `TCVN5712-1` decodes them. The lower
/// case letters and the seven plain capitals are the VN3 standard
/// (unicode.md §4.1); the capitals with tones in the gaps (0xAF, 0xBA, …)
/// and the combining tone marks 0xB0–0xB4 come from the VN1 superset, which
/// VN3 text never uses otherwise. VN1's other toned capitals sit at
/// 0x80–0x9F and 0x01–0x17, where VN3 text has windows-1252 punctuation
/// (quotes, dashes typed in Word) and control codes: those are left as they
/// are.
const TCVN3_HIGH: [char; 96] = [
    '\u{a0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', // a0
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ',
    'Ẵ', // b0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // c0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // d0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // e0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', // f0
];

/// A VNI mark byte (as its Latin-1 character, either case): what it adds to
/// the base letter before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A tone alone (after a e o u y ơ ư).
    Tone(char),
    /// Circumflex and a tone, or no tone (after a e o).
    Circumflex(Option<char>),
    /// Breve and a tone, or no tone (after a).
    Breve(Option<char>),
}

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';

/// The VNI mark of a character (lower-case table of unicode.md §4.2; the
/// upper-case Latin-1 counterparts mean the same after a capital).
fn vni_mark(c: char) -> Option<Mark> {
    let lower = match c {
        'À'..='Þ' => char::from_u32(c as u32 + 0x20)?,
        c => c,
    };
    Some(match lower {
        'ø' => Mark::Tone(GRAVE),
        'ù' => Mark::Tone(ACUTE),
        'û' => Mark::Tone(HOOK),
        'õ' => Mark::Tone(TILDE),
        'ï' => Mark::Tone(DOT),
        'â' => Mark::Circumflex(None),
        'à' => Mark::Circumflex(Some(GRAVE)),
        'á' => Mark::Circumflex(Some(ACUTE)),
        'å' => Mark::Circumflex(Some(HOOK)),
        'ã' => Mark::Circumflex(Some(TILDE)),
        'ä' => Mark::Circumflex(Some(DOT)),
        'ê' => Mark::Breve(None),
        'è' => Mark::Breve(Some(GRAVE)),
        'é' => Mark::Breve(Some(ACUTE)),
        'ú' => Mark::Breve(Some(HOOK)),
        'ü' => Mark::Breve(Some(TILDE)),
        'ë' => Mark::Breve(Some(DOT)),
        _ => return None,
    })
}

/// A VNI character that stands for a letter on its own: ơ ư đ, the toned i
/// letters and ỵ.
fn vni_single(c: char) -> Option<char> {
    Some(match c {
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

/// The letter a VNI base and mark make, when they make one.
fn vni_compose(base: char, mark: Mark) -> Option<char> {
    // the base as a Unicode letter: "ô" is ơ and "ö" is ư in VNI
    let base = vni_single(base).filter(|b| matches!(b, 'ơ' | 'Ơ' | 'ư' | 'Ư')).unwrap_or(base);
    let plain = matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y');
    let horned = matches!(base, 'ơ' | 'Ơ' | 'ư' | 'Ư');
    let (modifier, tone) = match mark {
        Mark::Tone(t) if plain || horned => (None, Some(t)),
        Mark::Circumflex(t) if matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'o') => (Some('\u{302}'), t),
        Mark::Breve(t) if base.eq_ignore_ascii_case(&'a') => (Some('\u{306}'), t),
        _ => return None,
    };
    let mut s = String::with_capacity(8);
    s.push(base);
    s.extend(modifier);
    s.extend(tone);
    let mut composed = s.nfc();
    let c = composed.next()?;
    composed.next().is_none().then_some(c)
}

/// Converts text in a legacy encoding, read as Latin-1/windows-1252
/// characters, to Unicode (not yet NFC: TCVN3 has combining tone marks).
///
/// ```
/// use vnarticle::decode::legacy::{convert, Legacy};
/// assert_eq!(convert("§¶ng Céng s¶n ViÖt Nam", Legacy::Tcvn3), "Đảng Cộng sản Việt Nam");
/// assert_eq!(convert("Ñaûng Coäng saûn Vieät Nam", Legacy::Vni), "Đảng Cộng sản Việt Nam");
/// ```
pub fn convert(text: &str, encoding: Legacy) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    match encoding {
        Legacy::Tcvn3 => {
            for c in text.chars() {
                let code = c as u32;
                if (0xA0..=0xFF).contains(&code) {
                    out.push(TCVN3_HIGH[(code - 0xA0) as usize]);
                } else {
                    out.push(c);
                }
            }
        }
        Legacy::Vni => {
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if let Some(&next) = chars.peek()
                    && let Some(mark) = vni_mark(next)
                    && let Some(letter) = vni_compose(c, mark)
                {
                    out.push(letter);
                    chars.next();
                    continue;
                }
                out.push(vni_single(c).unwrap_or(c));
            }
        }
    }
    out
}

/// Common Vietnamese words with letters outside ASCII (NFC, lower case): the
/// evidence that a decoding is right.
const COMMON_WORDS: &[&str] = &[
    "của",
    "và",
    "các",
    "được",
    "người",
    "những",
    "là",
    "với",
    "đã",
    "có",
    "này",
    "một",
    "không",
    "năm",
    "tỉnh",
    "việt",
    "đến",
    "để",
    "tại",
    "về",
    "ngày",
    "đồng",
    "chí",
    "thực",
    "hiện",
    "công",
    "tác",
    "nhân",
    "dân",
    "đảng",
    "trên",
    "số",
    "từ",
    "huyện",
    "xã",
    "học",
    "cũng",
    "đề",
    "nghị",
    "quyết",
    "định",
    "hội",
    "chủ",
    "tịch",
    "cán",
    "bộ",
    "kết",
    "quả",
    "phát",
    "triển",
    "kinh",
    "tế",
    "hoạt",
    "động",
    "nước",
    "thành",
    "phố",
    "cấp",
    "đạo",
    "lãnh",
    "quản",
    "lý",
    "chính",
    "sách",
    "phải",
    "nhiều",
    "đơn",
    "vị",
    "ban",
    "ủy",
    "tổ",
    "chức",
    "văn",
    "bản",
    "tiếp",
    "tục",
    "nhằm",
    "trường",
    "sở",
    "giáo",
    "dục",
    "đây",
    "khi",
];

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| COMMON_WORDS.iter().copied().collect());

/// How many words of `text` are common Vietnamese words (text in any
/// normal form).
pub fn vietnamese_words(text: &str) -> usize {
    let nfc: String;
    let text = if text.chars().any(|c| ('\u{300}'..='\u{323}').contains(&c)) {
        nfc = text.nfc().collect();
        &nfc
    } else {
        text
    };
    let common = &*COMMON;
    let mut lower = String::new();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_ascii() && w.chars().count() <= 7)
        .filter(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            common.contains(lower.as_str())
        })
        .count()
}

/// Whether a text looks like legacy-encoded Vietnamese read as Latin-1:
/// several Latin-1 characters above U+00A0 and hardly any of the letters
/// only Vietnamese Unicode text has (ă đ ơ ư and the Latin Extended
/// Additional block). Cheap; a yes is to be confirmed by [`detect`].
pub fn suspicious(text: &str) -> bool {
    mostly_latin1(text, 3)
}

/// Whether a text has at least `min` Latin-1 characters above U+00A0 and
/// hardly any letters that only Vietnamese Unicode text has: once a page is
/// known to be in a legacy encoding, the texts to convert.
pub fn mostly_latin1(text: &str, min: usize) -> bool {
    // counted on the UTF-8 bytes: U+00A1–U+00FF are C2 A1–BF and C3 xx;
    // ă đ ĩ ũ ơ ư (and their capitals) C4–C6 xx; U+1EA0–U+1EF9 E1 BA/BB xx.
    // Branch-free sums over byte pairs (the pass runs on every page).
    let bytes = text.as_bytes();
    // First bounds from a histogram of lead bytes (cheap): Latin-1 letters
    // are at most the C2 and C3 leads, Vietnamese letters at least the C4–C6
    // ones. Most pages are decided there; the exact pair count runs only
    // when the bounds leave the answer open.
    let mut lead = [0usize; 256];
    for &b in bytes {
        lead[usize::from(b)] += 1;
    }
    let latin_at_most = lead[0xC2] + lead[0xC3];
    let vietnamese_at_least = lead[0xC4] + lead[0xC5] + lead[0xC6];
    if latin_at_most < min || vietnamese_at_least * 8 >= latin_at_most {
        return false;
    }
    let (mut latin, mut vietnamese) = (0usize, 0usize);
    for pair in bytes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        latin += usize::from(a == 0xC3) + usize::from(a == 0xC2 && b >= 0xA1);
        vietnamese +=
            usize::from((0xC4..=0xC6).contains(&a)) + usize::from(a == 0xE1 && (b == 0xBA || b == 0xBB));
    }
    if let Some(&last) = bytes.last() {
        latin += usize::from(last == 0xC3);
        vietnamese += usize::from((0xC4..=0xC6).contains(&last));
    }
    latin >= min && vietnamese * 8 < latin
}

/// The legacy encoding a text (read as Latin-1/windows-1252 characters) is
/// in, if any: the conversion that yields clearly more common Vietnamese
/// words than the text as it stands and than the other conversion.
///
/// ```
/// use vnarticle::decode::legacy::{detect, Legacy};
/// assert_eq!(detect("Uû ban nh©n d©n tØnh ®· häp vµ th«ng qua c¸c nghÞ quyÕt cña §¶ng"), Some(Legacy::Tcvn3));
/// assert_eq!(detect("UÛy ban nhaân daân tænh ñaõ hoïp vaø thoâng qua caùc nghò quyeát cuûa Ñaûng"), Some(Legacy::Vni));
/// assert_eq!(detect("Ủy ban nhân dân tỉnh đã họp và thông qua các nghị quyết của Đảng"), None);
/// ```
pub fn detect(text: &str) -> Option<Legacy> {
    let as_is = vietnamese_words(text);
    let tcvn3 = vietnamese_words(&convert(text, Legacy::Tcvn3));
    let vni = vietnamese_words(&convert(text, Legacy::Vni));
    let (best, hits, other) =
        if tcvn3 >= vni { (Legacy::Tcvn3, tcvn3, vni) } else { (Legacy::Vni, vni, tcvn3) };
    (hits >= 2 && hits > as_is * 2 && hits > other).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unicode → TCVN3 with this module's own table (lower case and the
    /// seven plain capitals; toned capitals do not exist in VN3).
    fn encode_tcvn3(text: &str) -> Option<String> {
        text.nfc()
            .map(|c| {
                if (c as u32) < 0x80 || (c as u32 > 0xFF && !c.is_alphabetic()) {
                    return Some(c);
                }
                let at = TCVN3_HIGH.iter().position(|&t| t == c)?;
                char::from_u32(0xA0 + at as u32)
            })
            .collect()
    }

    /// Unicode → VNI-Windows, from the decomposition of each letter.
    fn encode_vni(text: &str) -> Option<String> {
        let mut out = String::new();
        for c in text.nfc() {
            if c.is_ascii() || !c.is_alphabetic() {
                out.push(c);
                continue;
            }
            if let Some(single) = "ơƠưƯđĐỉỈĩĨịỊỵỴ".chars().position(|s| s == c) {
                let vni: Vec<char> = "ôÔöÖñÑæÆóÓòÒîÎ".chars().collect();
                out.push(vni[single]);
                continue;
            }
            if matches!(c, 'ì' | 'í' | 'Ì' | 'Í') {
                out.push(c);
                continue;
            }
            let parts: Vec<char> = c.to_string().nfd().collect();
            let (base, marks) = parts.split_first()?;
            let upper = base.is_uppercase();
            let horn = marks.contains(&'\u{31b}');
            let circ = marks.contains(&'\u{302}');
            let breve = marks.contains(&'\u{306}');
            let tone = marks.iter().copied().find(|m| [GRAVE, ACUTE, HOOK, TILDE, DOT].contains(m));
            let base = match (horn, base.to_ascii_lowercase()) {
                (true, 'o') => 'ô',
                (true, 'u') => 'ö',
                (true, _) => return None,
                (false, b) => b,
            };
            out.push(if upper { base.to_uppercase().next()? } else { base });
            let idx = [None, Some(GRAVE), Some(ACUTE), Some(HOOK), Some(TILDE), Some(DOT)]
                .iter()
                .position(|t| *t == tone)?;
            let mark = if circ {
                "âàáåãä".chars().nth(idx)?
            } else if breve {
                "êèéúüë".chars().nth(idx)?
            } else if idx > 0 {
                "_øùûõï".chars().nth(idx)?
            } else {
                return None;
            };
            out.push(if upper { mark.to_uppercase().next()? } else { mark });
        }
        Some(out)
    }

    const SAMPLE: &str = "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW về đẩy mạnh học tập và \
        làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Hội nghị đã thống nhất đánh giá những kết quả \
        đạt được; Ông Trần Văn Ân phát biểu: “Đảng bộ huyện tiếp tục đổi mới, nâng cao chất lượng sinh \
        hoạt chi bộ, xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh”. Ăn quả nhớ kẻ trồng cây; ước mơ \
        ở ngưỡng cửa tuổi trẻ, quyết tâm vượt khó, nghĩa tình sâu nặng, kỷ luật, thủy lợi, khuyến nông.";

    #[test]
    fn every_tcvn3_letter_round_trips() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđĐĂÂÊÔƠƯ";
        let encoded = encode_tcvn3(letters).unwrap();
        assert_eq!(convert(&encoded, Legacy::Tcvn3), letters);
        // a sentence without toned capitals (VN3 has none)
        let text: String = SAMPLE.replace("Ông", "ông").replace("Ăn", "ăn").replace("Ân", "ân");
        let encoded = encode_tcvn3(&text).unwrap();
        assert_eq!(convert(&encoded, Legacy::Tcvn3), text);
        assert_eq!(detect(&encoded), Some(Legacy::Tcvn3));
    }

    #[test]
    fn every_vni_letter_round_trips() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        let upper: String = letters.chars().flat_map(char::to_uppercase).collect();
        for text in [letters, upper.as_str(), SAMPLE] {
            let encoded = encode_vni(text).unwrap();
            assert_eq!(convert(&encoded, Legacy::Vni).nfc().collect::<String>(), text, "{encoded}");
        }
        assert_eq!(detect(&encode_vni(SAMPLE).unwrap()), Some(Legacy::Vni));
    }

    #[test]
    fn reference_examples() {
        // the byte examples of unicode.md §4 (TCVN3 and VNI-Windows columns)
        for (tcvn3, vni, unicode) in [
            ("§¶ng", "Ñaûng", "Đảng"),
            ("ViÖt Nam", "Vieät Nam", "Việt Nam"),
            ("cña", "cuûa", "của"),
            ("vµ / lµ", "vaø / laø", "và / là"),
            ("®\u{ad}îc", "ñöôïc", "được"),
            ("ng\u{ad}êi", "ngöôøi", "người"),
            ("tØnh", "tænh", "tỉnh"),
            ("NghÞ quyÕt", "Nghò quyeát", "Nghị quyết"),
            ("Chñ tÞch", "Chuû tòch", "Chủ tịch"),
            ("Uû ban nh©n d©n", "UÛy ban nhaân daân", "Uỷ ban nhân dân"),
        ] {
            assert_eq!(convert(tcvn3, Legacy::Tcvn3), unicode, "TCVN3 {tcvn3}");
            let want = if unicode == "Uỷ ban nhân dân" { "Ủy ban nhân dân" } else { unicode };
            assert_eq!(convert(vni, Legacy::Vni), want, "VNI {vni}");
        }
    }

    #[test]
    fn glibc_tcvn5712_bytes() {
        // "Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh" encoded by glibc
        // iconv -t TCVN5712-1: an independent converter's table
        let bytes: &[u8] = b"H\xe9i ngh\xde l\xc7n th\xf8 t\xad Ban Ch\xcap h\xb5nh \xa7\xb6ng b\xe9 t\xd8nh";
        let latin: String = bytes.iter().map(|&b| char::from(b)).collect();
        assert_eq!(convert(&latin, Legacy::Tcvn3), "Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh");
    }

    #[test]
    fn plain_text_is_not_legacy() {
        assert!(!suspicious(SAMPLE));
        assert_eq!(detect(SAMPLE), None);
        // French or German text in Latin-1 is not Vietnamese either way
        let french = "Le comité a été réuni à Genève pour étudier les problèmes économiques.";
        assert_eq!(detect(french), None);
        assert!(suspicious(&encode_tcvn3("các đồng chí đã họp").unwrap()));
        assert!(suspicious(&encode_vni("các đồng chí đã họp").unwrap()));
    }
}
