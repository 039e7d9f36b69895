//! Bytes to text: byte-order marks, declared charsets, UTF-8, windows-1258,
//! and a clear error for data that is not text.
//!
//! The result is not yet normalized: page readers normalize what they keep.

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
/// too. Invalid UTF-8 with no usable declaration is read as windows-1258 (the
/// legacy Vietnamese code page) with a warning. Data with NUL bytes or many
/// control characters is an error of kind [`ErrorKind::Decode`].
///
/// ```
/// use vnarticle::decode::decode;
/// let d = decode("Chỉ thị".as_bytes(), None, false).unwrap();
/// assert_eq!(d.text, "Chỉ thị");
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, false).is_err());
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
    check_not_binary(bytes)?;
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| if html { meta_charset(bytes) } else { None });
    if let Ok(text) = std::str::from_utf8(bytes) {
        // UTF-8 that decodes is UTF-8, whatever a stale declaration says,
        // unless the declaration names a single-byte code page and the text
        // is pure ASCII (then both agree anyway).
        return Ok(Decoded { text: text.to_owned(), encoding: "UTF-8", warnings: Vec::new() });
    }
    let mut warnings = Vec::new();
    let encoding = match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => enc,
        _ => {
            warnings.push(Warning::new(
                "decode_fallback",
                "not valid UTF-8 and no usable charset declared: read as windows-1258",
            ));
            encoding_rs::WINDOWS_1258
        }
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        warnings
            .push(Warning::new("decode_fallback", format!("invalid {} sequences replaced", encoding.name())));
    }
    Ok(Decoded { text: text.into_owned(), encoding: encoding.name(), warnings })
}

/// Fails on data that is clearly not text: NUL bytes, or more than 1% of
/// control characters other than tab, newline, carriage return, form feed.
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    if bytes.contains(&0) {
        return Err(Error::new(ErrorKind::Decode, "binary data (NUL bytes), not a text or HTML page"));
    }
    let controls = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if controls * 100 > bytes.len() {
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
    fn binary_is_an_error() {
        let err = decode(b"abc\0def", None, false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let noise: Vec<u8> = (0u8..=255).cycle().skip(1).take(4000).filter(|&b| b != 0).collect();
        assert_eq!(decode(&noise, None, false).unwrap_err().kind(), ErrorKind::Decode);
    }
}
