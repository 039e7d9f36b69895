//! Bytes to text: byte-order marks, declared charsets, UTF-8, windows-1258,
//! the legacy TCVN3 and VNI font encodings ([`legacy`]), and a clear error
//! for data that is not text.
//!
//! The result is not yet normalized: page readers normalize what they keep.

pub mod legacy;

use crate::error::{Error, ErrorKind};
use crate::record::Warning;
use encoding_rs::Encoding;

/// Decoded text and what was noticed on the way.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1258`).
    pub encoding: &'static str,
    /// Fallbacks taken (`decode_fallback`).
    pub warnings: Vec<Warning>,
}

/// Decodes a document's bytes.
///
/// `declared` is a charset from outside the document (an HTTP header in a
/// WARC record). For HTML, a `<meta charset>` in the first kilobytes is used
/// too. Valid UTF-8 is UTF-8 (unless it is legacy TCVN3/VNI text stored as
/// UTF-8 Latin-1 characters, which is converted). Other bytes are read with
/// the declared charset when it names a specific one (windows-1258, …);
/// when none is declared, or only windows-1252/ISO-8859-1 (what legacy font
/// pages declare), the reading among windows-1258, TCVN3, VNI-Windows and
/// windows-1252 that gives the most common Vietnamese words wins, with a
/// warning. UTF-8 with a few broken sequences stays UTF-8 (they become
/// U+FFFD, with a warning); UTF-16 without a byte-order mark is recognised
/// by its NUL bytes; stray NUL bytes in text (at most 1%) are removed with a
/// warning. Data with more NUL bytes or many control characters is an
/// error of kind [`ErrorKind::Decode`].
///
/// ```
/// use vnarticle::decode::decode;
/// let d = decode("Chỉ thị".as_bytes(), None, false).unwrap();
/// assert_eq!(d.text, "Chỉ thị");
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, false).is_err());
/// // TCVN3 bytes, no charset declared
/// let d = decode(b"Uy ban nh\xa9n d\xa9n t\xd8nh \xae\xb7 h\xe4p v\xb5 th\xabng qua ngh\xde quy\xd5t", None, false).unwrap();
/// assert_eq!((d.encoding, d.text.as_str()), ("TCVN3", "Uy ban nhân dân tỉnh đã họp và thông qua nghị quyết"));
/// ```
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> Result<Decoded, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(Warning::new(
                "decode_fallback",
                format!("invalid {} sequences replaced", encoding.name()),
            ));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        check_not_binary(text.as_bytes())?;
        let mut warnings = vec![Warning::new(
            "decode_fallback",
            format!("{} text without a byte-order mark", encoding.name()),
        )];
        if had_errors {
            warnings.push(Warning::new(
                "decode_fallback",
                format!("invalid {} sequences replaced", encoding.name()),
            ));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings });
    }
    let mut warnings = Vec::new();
    let without_nuls = strip_stray_nuls(bytes, &mut warnings)?;
    let bytes = without_nuls.as_deref().unwrap_or(bytes);
    check_not_binary(bytes)?;
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| if html { meta_charset(bytes) } else { None });
    // a vectorized check: Vietnamese text is a third multi-byte sequences,
    // where std's validator leaves its ASCII fast path
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        // UTF-8 that decodes is UTF-8, whatever a stale declaration says;
        // but legacy font text may have been stored as UTF-8 Latin-1.
        if legacy::suspicious(text)
            && let Some(enc) = legacy::detect(text)
        {
            warnings.push(legacy_warning(enc, "UTF-8 text in Latin-1 characters"));
            return Ok(Decoded { text: legacy::convert(text, enc), encoding: enc.name(), warnings });
        }
        return Ok(Decoded { text: text.to_owned(), encoding: "UTF-8", warnings });
    }
    if let Some(invalid) = mostly_utf8(bytes) {
        // UTF-8 with a few broken sequences (a truncated capture, a bad
        // paste): the single-byte readings would garble every good letter
        warnings.push(Warning::new(
            "decode_fallback",
            format!("{invalid} invalid UTF-8 sequences replaced by U+FFFD"),
        ));
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8",
            warnings,
        });
    }
    let specific = declared.filter(|&e| e != encoding_rs::UTF_8 && e != encoding_rs::WINDOWS_1252);
    let encoding = match specific {
        Some(enc) => enc,
        None => match guess_single_byte(bytes) {
            Guess::Legacy(enc) => {
                let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                warnings.push(legacy_warning(enc, "bytes"));
                return Ok(Decoded { text: legacy::convert(&latin, enc), encoding: enc.name(), warnings });
            }
            Guess::Windows1258 => {
                let how = if declared.is_some() {
                    "declared charset does not fit"
                } else {
                    "no usable charset declared"
                };
                warnings.push(Warning::new(
                    "decode_fallback",
                    format!("not valid UTF-8 and {how}: read as windows-1258"),
                ));
                encoding_rs::WINDOWS_1258
            }
            Guess::Windows1252 if declared == Some(encoding_rs::WINDOWS_1252) => encoding_rs::WINDOWS_1252,
            Guess::Windows1252 => {
                warnings.push(Warning::new(
                    "decode_fallback",
                    "not valid UTF-8, no usable charset declared and no Vietnamese found: read as windows-1258",
                ));
                encoding_rs::WINDOWS_1258
            }
        },
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        warnings
            .push(Warning::new("decode_fallback", format!("invalid {} sequences replaced", encoding.name())));
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings })
}

/// UTF-16 text saved without a byte-order mark: in its first kilobytes,
/// every other byte is NUL (the high byte of ASCII letters, spaces and
/// digits) and the bytes between are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 16 {
        return None;
    }
    let half = head.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Vietnamese in UTF-16 is more than half ASCII code units
    let many = |n: usize| n * 10 >= half * 3;
    let few = |n: usize| n * 50 <= half;
    if many(odd) && few(even) {
        Some(encoding_rs::UTF_16LE)
    } else if many(even) && few(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Removes stray NUL bytes from text (a capture that padded a field, a
/// bad copy): at most one byte in a hundred, else the data is binary.
fn strip_stray_nuls(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<Option<Vec<u8>>, Error> {
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls == 0 {
        return Ok(None);
    }
    if nuls * 100 > bytes.len() {
        return Err(Error::new(
            ErrorKind::Decode,
            format!("binary data ({nuls} NUL bytes in {}), not a text or HTML page", bytes.len()),
        ));
    }
    warnings.push(Warning::new("decode_fallback", format!("{nuls} NUL bytes removed")));
    Ok(Some(bytes.iter().copied().filter(|&b| b != 0).collect()))
}

/// For bytes that are not valid UTF-8: the number of invalid sequences,
/// when valid multi-byte sequences outnumber them two to one (text in a
/// single-byte charset almost never forms one: its letters are not
/// followed by bytes 0x80–0xBF).
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (multibyte >= 8 && multibyte >= 2 * invalid).then_some(invalid)
}

fn legacy_warning(enc: legacy::Legacy, what: &str) -> Warning {
    Warning::new(
        "legacy_encoding",
        format!("{what} in the {} font encoding, converted to Unicode (capitals may be lost)", enc.name()),
    )
}

/// What single-byte bytes most likely are.
enum Guess {
    Windows1258,
    Legacy(legacy::Legacy),
    /// No reading gives Vietnamese.
    Windows1252,
}

/// Reads a sample of the bytes as windows-1258, TCVN3 and VNI-Windows and
/// keeps the reading with the most common Vietnamese words.
fn guess_single_byte(bytes: &[u8]) -> Guess {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (latin, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(sample);
    let (w1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(sample);
    let as_is = legacy::vietnamese_words(&latin);
    let cp1258 = legacy::vietnamese_words(&w1258);
    let tcvn3 = legacy::vietnamese_words(&legacy::convert(&latin, legacy::Legacy::Tcvn3));
    let vni = legacy::vietnamese_words(&legacy::convert(&latin, legacy::Legacy::Vni));
    let best = cp1258.max(tcvn3).max(vni);
    if best == 0 || best <= as_is {
        Guess::Windows1252
    } else if cp1258 == best {
        Guess::Windows1258
    } else if tcvn3 == best {
        Guess::Legacy(legacy::Legacy::Tcvn3)
    } else {
        Guess::Legacy(legacy::Legacy::Vni)
    }
}

/// Fails on data that is clearly not text: NUL bytes, or more than 1% (and
/// at least 16) of control characters other than tab, newline, carriage
/// return, form feed.
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    if bytes.contains(&0) {
        return Err(Error::new(ErrorKind::Decode, "binary data (NUL bytes), not a text or HTML page"));
    }
    // counted in chunks small enough for a byte counter (vectorized)
    let controls: usize = bytes
        .chunks(255)
        .map(|chunk| {
            let n = chunk
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)));
            usize::from(n)
        })
        .sum();
    // a few stray ones (a vertical tab pasted from a word processor) do
    // not make a short page binary
    if controls * 100 > bytes.len() && controls >= 16 {
        return Err(Error::new(
            ErrorKind::Decode,
            format!("binary data ({controls} control bytes in {}), not a text or HTML page", bytes.len()),
        ));
    }
    Ok(())
}

/// The charset of a `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in the first 4 KB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .map_or(lower.len(), |n| i + n);
        if end > i {
            if let Some(enc) = Encoding::for_label(&lower[i..end]) {
                return Some(enc);
            }
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_are_honoured() {
        let mut utf8 = b"\xef\xbb\xbf".to_vec();
        utf8.extend_from_slice("Đảng".as_bytes());
        assert_eq!(decode(&utf8, None, false).unwrap().text, "Đảng");
        let utf16: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("Đảng".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16, None, false).unwrap().text, "Đảng");
    }

    #[test]
    fn windows_1258_is_the_fallback_and_the_declared_charset() {
        // "Tiếng Việt" in windows-1258: ê + combining acute (0xEC), ê (0xEA) + combining dot (0xF2)
        let bytes = b"Ti\xea\xecng Vi\xea\xf2t";
        let d = decode(bytes, None, false).unwrap();
        assert_eq!(crate::normalize::paragraph(&d.text), "Tiếng Việt");
        assert_eq!(d.warnings.len(), 1);
        let d = decode(bytes, Some("windows-1258"), false).unwrap();
        assert!(d.warnings.is_empty());
        let page = b"<html><head><meta charset=\"windows-1258\"></head><body>Vi\xea\xf2t</body></html>";
        let d = decode(page, None, true).unwrap();
        assert_eq!(d.encoding, "windows-1258");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn legacy_encodings_are_detected() {
        // TCVN3 bytes declared as ISO-8859-1, as FrontPage-era pages did
        let page =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Ban Th\xad\xeang v\xf4 \xae\xb7 \
            h\xe4p v\xb5 th\xabng qua c\xb8c ngh\xde quy\xd5t c\xf1a \xa7\xb6ng \xf1y</p></body></html>";
        let d = decode(page, None, true).unwrap();
        assert_eq!(d.encoding, "TCVN3");
        assert!(
            d.text.contains("Ban Thường vụ đã họp và thông qua các nghị quyết của Đảng ủy"),
            "{}",
            d.text
        );
        assert_eq!(d.warnings[0].kind, "legacy_encoding");
        // VNI-Windows bytes stored as UTF-8 Latin-1 characters
        let d = decode("Ban Thöôøng vuï ñaõ hoïp vaø thoâng qua caùc nghò quyeát".as_bytes(), None, false)
            .unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            ("VNI-Windows", "Ban Thường vụ đã họp và thông qua các nghị quyết")
        );
        // windows-1258 declared as windows-1252 is still windows-1258
        let d = decode(
            b"Ban Th\xfd\xf5\xccng vu\xf2 \xf0a\xde ho\xf2p va\xcc th\xf4ng qua",
            Some("windows-1252"),
            false,
        )
        .unwrap();
        assert_eq!(d.encoding, "windows-1258");
        assert_eq!(crate::normalize::paragraph(&d.text), "Ban Thường vụ đã họp và thông qua");
        // Latin-1 French declared as such stays windows-1252
        let d = decode(b"Le comit\xe9 s'est r\xe9uni \xe0 Gen\xe8ve.", Some("iso-8859-1"), false).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("windows-1252", "Le comité s'est réuni à Genève."));
    }

    #[test]
    fn broken_utf8_stays_utf8() {
        let mut bytes = "Sáng ngày 20/8, hội nghị sơ kết Chỉ thị 05 của Bộ Chính trị".as_bytes().to_vec();
        bytes.extend_from_slice(b" \xff\xfe\xc3\x28 \xe2\x82");
        let d = decode(&bytes, None, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("Sáng ngày 20/8, hội nghị sơ kết Chỉ thị 05 của Bộ Chính trị \u{fffd}"));
        assert_eq!(d.warnings[0].message, "4 invalid UTF-8 sequences replaced by U+FFFD");
        // one stray multi-byte sequence does not make windows-1258 text UTF-8
        let d = decode(
            b"Ti\xea\xecng Vi\xea\xf2t Nam \xc3\xa1 ng\xe0y h\xf4m nay va\xcc ng\xe0y mai",
            None,
            false,
        )
        .unwrap();
        assert_eq!(d.encoding, "windows-1258");
    }

    #[test]
    fn utf16_without_bom_and_stray_nuls() {
        let text = "Sáng ngày 20/8, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes, None, false).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), (name, text));
            assert_eq!(d.warnings.len(), 1);
        }
        let mut bytes = text.repeat(4).into_bytes();
        bytes.insert(10, 0);
        bytes.push(0);
        let d = decode(&bytes, None, false).unwrap();
        assert_eq!(d.text, text.repeat(4));
        assert_eq!(d.warnings[0].message, "2 NUL bytes removed");
    }

    #[test]
    fn binary_is_an_error() {
        let err = decode(b"abc\0def", None, false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let noise: Vec<u8> = (0u8..=255).cycle().skip(1).take(4000).filter(|&b| b != 0).collect();
        assert_eq!(decode(&noise, None, false).unwrap_err().kind(), ErrorKind::Decode);
    }
}
