//! WARC input (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed.
//!
//! **What a document is.** A `response` record whose payload is an HTTP
//! response with a 2xx status and an HTML content type (`text/html`,
//! `application/xhtml+xml`; a payload without `Content-Type` that looks
//! like HTML); a `resource` record whose content type is HTML or
//! `text/plain` (a page captured as text). Its id is the record's
//! `WARC-Record-ID` as written, its URL the `WARC-Target-URI`. The HTTP
//! headers are stripped and their charset passed to the decoder; a
//! `Content-Encoding: gzip`/`deflate` or `Transfer-Encoding: chunked`
//! payload stored as sent is decoded. Every other record (`warcinfo`,
//! `request`, `metadata`, `revisit`, non-HTML or non-2xx responses) is
//! skipped and gives no line.
//!
//! **Broken records.** A record that cannot be read (a header block that
//! does not parse, no `Content-Length`, a body cut short, a corrupt gzip
//! member, a record not followed by its blank lines) gives an error record,
//! with its `WARC-Record-ID` when that was read, else `<file>@<offset>`
//! (the record's offset in the uncompressed stream). The reader then goes
//! on from the next line starting with `WARC/` (and, in a WARC.gz, from
//! the next gzip member), so one broken record costs only itself; only a
//! read error of a plain file ends it.
//!
//! The framing (version line, header block, `Content-Length` bytes, two
//! CRLFs) is done here with bounded reads; the header block is parsed by
//! the `warc` crate's parser. (Its readers are not used: they read a body
//! up to the next newline without a bound, and do not resynchronize after
//! a broken record.)

use super::Source;
use super::lines;
use crate::error::{Error, ErrorKind};
use crate::pipeline::{Format, Input};
use std::io::{self, BufRead, Read};

/// Longest header line kept.
const LINE_CAP: usize = 64 << 10;
/// Largest WARC header block.
const BLOCK_CAP: usize = 256 << 10;
/// Room for HTTP headers above the per-document cap.
const HTTP_ALLOWANCE: u64 = 1 << 20;
/// Bytes of a too-large record looked at to tell whether it is a document.
const PEEK: usize = 64 << 10;

/// The documents of a WARC stream (already decompressed).
pub(crate) struct WarcRecords<R> {
    reader: R,
    file: String,
    /// Bytes consumed from the uncompressed stream.
    offset: u64,
    cap: usize,
    /// Whether reading can go on after a read error (gzip members).
    recoverable: bool,
    /// Skipping to the next `WARC/` line after a broken record.
    resync: bool,
    /// A read error met after a good record, reported next.
    pending: Option<(u64, io::Error)>,
    line: Vec<u8>,
    done: bool,
}

/// What reading one record gave.
enum Step {
    Doc(Source),
    Skipped,
    End,
}

/// A broken record: the error record's id and error.
struct Broken {
    id: String,
    error: Error,
}

impl<R: BufRead> WarcRecords<R> {
    /// The records of `reader`, named `file` in ids; `recoverable` when a
    /// read error can be followed by more records (a gzip member reader
    /// that resynchronizes).
    pub(crate) fn new(reader: R, file: String, cap: usize, recoverable: bool) -> Self {
        WarcRecords {
            reader,
            file,
            offset: 0,
            cap,
            recoverable,
            resync: false,
            pending: None,
            line: Vec::new(),
            done: false,
        }
    }

    fn at(&self, offset: u64) -> String {
        format!("{}@{offset}", self.file)
    }

    /// A read error: the record is broken, and so is the stream unless it
    /// can resynchronize.
    fn read_error(&mut self, id: String, e: &io::Error) -> Broken {
        if self.recoverable {
            self.resync = true;
        } else {
            self.done = true;
        }
        Broken { id, error: Error::io(e, "cannot read the WARC record") }
    }

    fn parse_error(&mut self, id: String, message: impl Into<String>) -> Broken {
        self.resync = true;
        Broken { id, error: Error::new(ErrorKind::Parse, message) }
    }

    fn read_line(&mut self) -> io::Result<Option<u64>> {
        let got = lines::read_line(&mut self.reader, &mut self.line, LINE_CAP)?;
        Ok(got.map(|l| {
            self.offset += l.consumed;
            l.consumed
        }))
    }

    /// Reads the next record.
    fn record(&mut self) -> Result<Step, Broken> {
        if let Some((at, e)) = self.pending.take() {
            let id = self.at(at);
            return Err(self.read_error(id, &e));
        }
        // the version line, after blank lines (or anything, when resyncing)
        let mut start = self.offset;
        loop {
            match self.read_line() {
                Ok(None) => return Ok(Step::End),
                Ok(Some(_)) => {}
                Err(e) => {
                    let id = self.at(start);
                    return Err(self.read_error(id, &e));
                }
            }
            let line = self.line.trim_ascii_end();
            if line.starts_with(b"WARC/") {
                break;
            }
            if !line.is_empty() && !self.resync {
                let found = String::from_utf8_lossy(line.get(..40).unwrap_or(line)).into_owned();
                let id = self.at(start);
                return Err(
                    self.parse_error(id, format!("expected a WARC record (WARC/1.x), found {found:?}"))
                );
            }
            start = self.offset;
        }
        self.resync = false;
        let mut block = Vec::with_capacity(1024);
        block.extend_from_slice(self.line.trim_ascii_end());
        block.extend_from_slice(b"\r\n");
        // the header lines, up to a blank line
        loop {
            match self.read_line() {
                Ok(Some(_)) => {}
                Ok(None) => {
                    self.done = true;
                    let id = self.at(start);
                    return Err(Broken {
                        id,
                        error: Error::new(ErrorKind::Parse, "WARC header cut short by the end of the file"),
                    });
                }
                Err(e) => {
                    let id = self.at(start);
                    return Err(self.read_error(id, &e));
                }
            }
            let line = self.line.trim_ascii_end();
            if line.is_empty() {
                break;
            }
            if block.len() + line.len() > BLOCK_CAP {
                let id = self.at(start);
                return Err(self.parse_error(id, format!("WARC header over {BLOCK_CAP} bytes")));
            }
            block.extend_from_slice(line);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"\r\n");
        let head = match Head::parse(&block) {
            Ok(head) => head,
            Err(message) => {
                let id = self.at(start);
                return Err(self.parse_error(id, message));
            }
        };
        let id = head.record_id.clone().unwrap_or_else(|| self.at(start));
        let Some(length) = head.content_length else {
            return Err(self.parse_error(id, "WARC record without a Content-Length"));
        };
        let wanted = matches!(head.kind.as_str(), "response" | "resource");
        let cap = u64::try_from(self.cap).unwrap_or(u64::MAX).saturating_add(HTTP_ALLOWANCE);
        let complete = wanted && length <= cap;
        let keep = match (wanted, complete) {
            (false, _) => 0,
            (true, true) => length,
            (true, false) => PEEK as u64,
        };
        let body = self.read_body(length, keep, &id)?;
        if !self.check_end() {
            // wrong Content-Length, or junk after the record: a document is
            // suspect; junk after another record is reported on its own
            self.resync = wanted;
            if wanted {
                let message = "WARC record not followed by the next record (wrong Content-Length?)";
                return Err(Broken { id, error: Error::new(ErrorKind::Parse, message) });
            }
        }
        if !wanted {
            return Ok(Step::Skipped);
        }
        let document = if complete {
            document(&head, body, self.cap)
        } else {
            // too large: only say so when it is a document
            match document(&head, body, usize::MAX) {
                Ok(Some(_)) => Err(Error::new(
                    ErrorKind::TooLarge,
                    format!(
                        "WARC record of {length} bytes, over the limit of {} bytes per document",
                        self.cap
                    ),
                )),
                other => other,
            }
        };
        match document {
            Ok(Some(mut input)) => {
                input.id = id;
                Ok(Step::Doc(Source::Ready(input)))
            }
            Ok(None) => Ok(Step::Skipped),
            Err(error) => Err(Broken { id, error }),
        }
    }

    /// Reads a record's `length` body bytes, keeping the first `keep`.
    fn read_body(&mut self, length: u64, keep: u64, id: &str) -> Result<Vec<u8>, Broken> {
        let keep = keep.min(length);
        let mut body = Vec::with_capacity(usize::try_from(keep).unwrap_or(0));
        let mut source = (&mut self.reader).take(length);
        let read = (&mut source)
            .take(keep)
            .read_to_end(&mut body)
            .and_then(|kept| Ok(kept as u64 + io::copy(&mut source, &mut io::sink())?));
        let read = match read {
            Ok(n) => n,
            Err(e) => return Err(self.read_error(id.to_owned(), &e)),
        };
        self.offset += read;
        if read < length {
            self.done = !self.recoverable;
            self.resync = self.recoverable;
            return Err(Broken {
                id: id.to_owned(),
                error: Error::new(
                    ErrorKind::Parse,
                    format!("WARC record cut short: {read} of its {length} bytes"),
                ),
            });
        }
        Ok(body)
    }

    /// Passes the two CRLFs after a record's body; whether the next record
    /// (or the end of the input) follows them.
    fn check_end(&mut self) -> bool {
        let mut newlines = 0;
        loop {
            let next = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) => {
                    // the next record's problem, not this one's
                    self.pending = Some((self.offset, e));
                    return true;
                }
            };
            match next.first() {
                None => return true,
                Some(b'\r' | b'\n') if newlines < 4 => {
                    self.reader.consume(1);
                    self.offset += 1;
                    newlines += 1;
                }
                Some(_) => return b"WARC/".starts_with(next.get(..5).unwrap_or(next)),
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        while !self.done {
            match self.record() {
                Ok(Step::Doc(source)) => return Some(source),
                Ok(Step::Skipped) => {}
                Ok(Step::End) => self.done = true,
                Err(Broken { id, error }) => return Some(Source::Failed { id, error }),
            }
        }
        None
    }
}

/// The WARC headers we use.
#[derive(Debug, Default)]
struct Head {
    kind: String,
    record_id: Option<String>,
    target_uri: Option<String>,
    content_type: Option<String>,
    content_length: Option<u64>,
}

impl Head {
    fn parse(block: &[u8]) -> Result<Head, String> {
        let (_, (_version, headers, _)) =
            warc::parser::headers(block).map_err(|e| format!("WARC header does not parse: {e:?}"))?;
        let mut head = Head::default();
        for (name, value) in headers {
            let value = String::from_utf8_lossy(value).trim().to_owned();
            match name.to_ascii_lowercase().as_str() {
                "warc-type" => head.kind = value.to_ascii_lowercase(),
                "warc-record-id" => head.record_id = Some(value),
                "warc-target-uri" => {
                    let uri = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')).unwrap_or(&value);
                    head.target_uri = Some(uri.to_owned());
                }
                "content-type" => head.content_type = Some(value),
                "content-length" => head.content_length = value.parse().ok(),
                _ => {}
            }
        }
        Ok(head)
    }
}

/// A media type's essence (lowercase) and charset parameter.
fn media_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    });
    (essence, charset.filter(|c| !c.is_empty()))
}

fn is_html(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml")
}

/// The document a `response` or `resource` record holds, if any.
fn document(head: &Head, mut body: Vec<u8>, cap: usize) -> Result<Option<Input>, Error> {
    let http = head.kind == "response"
        && (body.starts_with(b"HTTP/")
            || head.content_type.as_deref().is_some_and(|t| media_type(t).0 == "application/http"));
    let (format, charset) = if http {
        let http = Http::parse(&body)?;
        if !(200..300).contains(&http.status) {
            return Ok(None);
        }
        let (essence, charset) = http.content_type.as_deref().map(media_type).unwrap_or_default();
        let payload = body.get(http.body_start..).unwrap_or_default();
        let format = match essence.as_str() {
            "" if Format::sniff(payload) == Format::Html => Format::Html,
            e if is_html(e) => Format::Html,
            _ => return Ok(None),
        };
        body.drain(..http.body_start.min(body.len()));
        if http.chunked {
            if let Some(plain) = dechunk(&body) {
                body = plain;
            }
        }
        body = decode_content(body, http.content_encoding.as_deref(), cap)?;
        (format, charset)
    } else {
        let (essence, charset) = head.content_type.as_deref().map(media_type).unwrap_or_default();
        let format = match essence.as_str() {
            "" => match Format::sniff(&body) {
                Format::Html => Format::Html,
                _ => return Ok(None),
            },
            e if is_html(e) => Format::Html,
            "text/plain" if head.kind == "resource" => Format::Text,
            _ => return Ok(None),
        };
        (format, charset)
    };
    let mut input = Input::new(String::new(), format, body);
    input.url = head.target_uri.clone();
    input.charset = charset;
    Ok(Some(input))
}

/// The head of an HTTP response.
#[derive(Debug, Default)]
struct Http {
    status: u16,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    body_start: usize,
}

impl Http {
    /// Parses the status line and headers (lines ending in CRLF or LF, up to
    /// a blank line).
    fn parse(bytes: &[u8]) -> Result<Http, Error> {
        let bad = |m: &str| Error::new(ErrorKind::Parse, format!("HTTP response in a WARC record: {m}"));
        let mut http = Http::default();
        let mut at = 0;
        let mut first = true;
        loop {
            let rest = bytes.get(at..).unwrap_or_default();
            let Some(n) = memchr::memchr(b'\n', rest) else {
                return Err(bad("headers not ended by a blank line"));
            };
            let line = rest.get(..n).unwrap_or_default().trim_ascii_end();
            at += n + 1;
            if first {
                first = false;
                let mut words = line.split(|b| *b == b' ').filter(|w| !w.is_empty());
                let version = words.next().unwrap_or_default();
                let status =
                    words.next().and_then(|w| std::str::from_utf8(w).ok()).and_then(|w| w.parse().ok());
                match status {
                    Some(status) if version.starts_with(b"HTTP/") => http.status = status,
                    _ => return Err(bad("no status line")),
                }
                continue;
            }
            if line.is_empty() {
                http.body_start = at;
                return Ok(http);
            }
            let Some(colon) = memchr::memchr(b':', line) else { continue };
            let name =
                String::from_utf8_lossy(line.get(..colon).unwrap_or_default()).trim().to_ascii_lowercase();
            let value = String::from_utf8_lossy(line.get(colon + 1..).unwrap_or_default()).trim().to_owned();
            match name.as_str() {
                "content-type" => http.content_type = Some(value),
                "content-encoding" => http.content_encoding = Some(value.to_ascii_lowercase()),
                "transfer-encoding" => http.chunked = value.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
}

/// Undoes a `Content-Encoding` the crawler stored as sent. Bytes that are
/// not actually compressed (the archive kept the header but stored the
/// decoded payload) are left as they are.
fn decode_content(body: Vec<u8>, encoding: Option<&str>, cap: usize) -> Result<Vec<u8>, Error> {
    let limit = u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1);
    let inflate = |reader: &mut dyn Read| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        reader.take(limit).read_to_end(&mut out)?;
        Ok(out)
    };
    let out = match encoding.map(str::trim) {
        None | Some("" | "identity") => return Ok(body),
        Some("gzip" | "x-gzip") if super::gz::is_gzip(&body) => {
            inflate(&mut flate2::read::MultiGzDecoder::new(body.as_slice()))
        }
        Some("deflate") => match inflate(&mut flate2::read::ZlibDecoder::new(body.as_slice())) {
            Ok(out) => Ok(out),
            Err(_) => inflate(&mut flate2::read::DeflateDecoder::new(body.as_slice())),
        },
        Some("gzip" | "x-gzip") => return Ok(body),
        Some(other) => {
            return Err(Error::new(ErrorKind::Decode, format!("unsupported Content-Encoding {other:?}")));
        }
    };
    match out {
        Ok(out) if out.len() as u64 >= limit => Err(Error::new(
            ErrorKind::TooLarge,
            format!("over the limit of {cap} bytes per document once decompressed"),
        )),
        Ok(out) => Ok(out),
        Err(e) => Err(Error::new(ErrorKind::Decode, format!("compressed payload does not decompress: {e}"))),
    }
}

/// The data of a chunked HTTP body; `None` when it is not well-formed
/// chunks (the archive stored it de-chunked).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let n = memchr::memchr(b'\n', body)?;
        let size_line = std::str::from_utf8(body.get(..n)?).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = body.get(n + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert_eq!(
            media_type("text/html; charset=\"Windows-1258\""),
            ("text/html".into(), Some("Windows-1258".into()))
        );
        assert_eq!(media_type("TEXT/HTML"), ("text/html".into(), None));
        assert_eq!(media_type(""), (String::new(), None));
    }

    #[test]
    fn http_heads() {
        let h = Http::parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n<p>").unwrap();
        assert_eq!(
            (h.status, h.content_type.as_deref(), h.chunked, h.body_start),
            (200, Some("text/html; charset=utf-8"), true, 87)
        );
        let h = Http::parse(b"HTTP/1.0 404 Not Found\n\nx").unwrap();
        assert_eq!((h.status, h.body_start), (404, 24));
        assert!(Http::parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html").is_err());
        assert!(Http::parse(b"<html>\r\n\r\n").is_err());
    }

    #[test]
    fn chunks() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").as_deref(), Some(&b"Wikipedia"[..]));
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort\r\n"), None);
    }

    fn record(kind: &str, id: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: https://a.gov.vn/{id}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn sample() -> Vec<Vec<u8>> {
        (0..6)
            .map(|i| {
                let page = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Tin {i}: hội nghị ngày {i}/5.</p></body></html>"
                );
                record(if i == 2 { "request" } else { "response" }, &format!("r{i}"), page.as_bytes())
            })
            .collect()
    }

    fn read_all(bytes: &[u8], gzip: bool) -> Vec<Source> {
        let reader: Box<dyn BufRead> = if gzip {
            Box::new(io::BufReader::with_capacity(64, super::super::gz::Members::new(bytes)))
        } else {
            Box::new(io::BufReader::with_capacity(64, bytes))
        };
        // bounded: a reader that does not end is a failure
        WarcRecords::new(reader, "f".into(), 1 << 20, gzip).take(1000).collect()
    }

    #[test]
    fn records_are_read_and_mutations_always_end() {
        let plain = sample().concat();
        let good = read_all(&plain, false);
        let ids: Vec<String> = good.iter().map(Source::id).collect();
        assert_eq!(ids, ["r0", "r1", "r3", "r4", "r5"]);
        assert!(good.iter().all(|s| matches!(s, Source::Ready(_))));
        let members: Vec<Vec<u8>> = sample()
            .iter()
            .map(|r| {
                let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                std::io::Write::write_all(&mut e, r).unwrap();
                e.finish().unwrap()
            })
            .collect();
        let gz = members.concat();
        assert_eq!(read_all(&gz, true).iter().map(Source::id).collect::<Vec<_>>(), ids);
        // pseudo-random cuts and byte changes: every read ends, with at most
        // one line per record plus one per damaged place
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap()
        };
        for round in 0..300 {
            for (bytes, gzip) in [(&plain, false), (&gz, true)] {
                let mut damaged = bytes.clone();
                let edits = 1 + next(3);
                for _ in 0..edits {
                    let at = next(damaged.len());
                    match next(3) {
                        0 => damaged.truncate(at),
                        1 => damaged[at] = u8::try_from(next(256)).unwrap(),
                        _ => drop(damaged.drain(at..(at + next(40)).min(damaged.len()))),
                    }
                    if damaged.is_empty() {
                        break;
                    }
                }
                let got = read_all(&damaged, gzip);
                assert!(got.len() <= 6 + edits, "round {round}: {} lines", got.len());
            }
        }
    }
}
