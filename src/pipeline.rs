//! The pipeline: bytes → text → article → normalized body → entities →
//! [`Record`]. Built once ([`Extractor::new`] compiles every rule and word
//! list), then shared across threads.

use crate::civil::Ymd;
use crate::decode;
use crate::error::{Error, ErrorKind};
use crate::extract::{Ctx, dates::Dates, documents::Documents, officials::Officials, quantities::Quantities};
use crate::normalize;
use crate::page::{self, Article};
use crate::record::Record;
use crate::spans::CharIndex;

/// How a document's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Page text as captured: one paragraph a line, chrome included.
    Text,
    /// An HTML page.
    Html,
    /// HTML when the bytes look like markup, else text.
    #[default]
    Auto,
}

impl Format {
    /// What [`Format::Auto`] reads `bytes` as: HTML when they look like
    /// markup (a tag first, or `<html`, `<body`, … in the first kilobyte),
    /// else text.
    ///
    /// ```
    /// use vnarticle::Format;
    /// assert_eq!(Format::sniff(b"<!doctype html><p>a</p>"), Format::Html);
    /// assert_eq!(Format::sniff("Tiêu đề\nNgày 20/8".as_bytes()), Format::Text);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Format {
        if looks_like_html(bytes) { Format::Html } else { Format::Text }
    }
}

/// One document to extract.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Input {
    /// The document's name in the output: a path, a URL, a WARC-Record-ID.
    pub id: String,
    /// The page's URL when known.
    pub url: Option<String>,
    /// How to read `bytes`.
    pub format: Format,
    /// The raw bytes.
    pub bytes: Vec<u8>,
    /// A charset declared outside the document (an HTTP header).
    pub charset: Option<String>,
}

impl Input {
    /// A document from its id, format and bytes.
    pub fn new(id: impl Into<String>, format: Format, bytes: impl Into<Vec<u8>>) -> Self {
        Input { id: id.into(), url: None, format, bytes: bytes.into(), charset: None }
    }

    /// The same document with a URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// The same document with a charset declared outside it.
    pub fn with_charset(mut self, charset: impl Into<String>) -> Self {
        self.charset = Some(charset.into());
        self
    }
}

/// Settings of an [`Extractor`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Documents larger than this many bytes give an error of kind
    /// [`ErrorKind::TooLarge`] (default 64 MiB).
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: 64 << 20 }
    }
}

impl Options {
    /// Sets the per-document size cap.
    pub fn max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }
}

/// The extractor: build it once, call it on every page, from any thread.
///
/// ```
/// use vnarticle::{Extractor, Format, Input};
///
/// let extractor = Extractor::new();
/// let page = "Cổng thông tin điện tử Kiên Giang\n\
///             Hội nghị sơ kết Chỉ thị 05\n\
///             (08:12 | 21/08/2019)\n\
///             Sáng ngày 20/8, đồng chí Đỗ Thanh Bình chủ trì hội nghị tại 06 điểm cầu cấp tỉnh.\n\
///             Bình chọn\n";
/// let record = extractor.extract(&Input::new("kg.txt", Format::Text, page))?;
/// assert_eq!(record.title.as_deref(), Some("Hội nghị sơ kết Chỉ thị 05"));
/// assert_eq!(record.published.as_deref(), Some("2019-08-21T08:12:00+07:00"));
/// assert_eq!(record.site.province.as_deref(), Some("Kiên Giang"));
/// assert!(!record.text.contains("Bình chọn"));
/// // one JSON line, as the command line writes it
/// let line = serde_json::to_string(&record).unwrap();
/// assert!(line.starts_with(r#"{"id":"kg.txt""#));
/// # Ok::<(), vnarticle::Error>(())
/// ```
#[derive(Debug)]
pub struct Extractor {
    options: Options,
    dates: Dates,
    documents: Documents,
    officials: Officials,
    quantities: Quantities,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with default [`Options`].
    pub fn new() -> Self {
        Extractor::with_options(Options::default())
    }

    /// An extractor with the given options.
    pub fn with_options(options: Options) -> Self {
        Extractor {
            options,
            dates: Dates::new(),
            documents: Documents::new(),
            officials: Officials::new(),
            quantities: Quantities::new(),
        }
    }

    /// The options this extractor was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts one document: decodes its bytes, reads the page, finds the
    /// entities.
    pub fn extract(&self, input: &Input) -> Result<Record, Error> {
        self.check_size(input.bytes.len())?;
        let html = match input.format {
            Format::Html => true,
            Format::Text => false,
            Format::Auto => looks_like_html(&input.bytes),
        };
        let decoded = decode::decode(&input.bytes, input.charset.as_deref(), html)?;
        let url = input.url.as_deref();
        let mut article =
            if html { page::html::read(&decoded.text, url) } else { page::text::read(&decoded.text, url) };
        article.warnings.extend(decoded.warnings);
        Ok(self.extract_article(article, &input.id, url))
    }

    /// Extracts a page captured as text.
    ///
    /// ```
    /// let record = vnarticle::Extractor::new()
    ///     .extract_text("Tiêu đề\n\nNgày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05.", Some("a"))?;
    /// assert_eq!(record.title.as_deref(), Some("Tiêu đề"));
    /// # Ok::<(), vnarticle::Error>(())
    /// ```
    pub fn extract_text(&self, page: &str, id: Option<&str>) -> Result<Record, Error> {
        self.check_size(page.len())?;
        Ok(self.extract_article(page::text::read(page, None), id.unwrap_or_default(), None))
    }

    /// Extracts an HTML page from its bytes (any charset the page declares).
    pub fn extract_html(&self, html: &[u8], id: Option<&str>, url: Option<&str>) -> Result<Record, Error> {
        let mut input = Input::new(id.unwrap_or_default(), Format::Html, html);
        input.url = url.map(str::to_owned);
        self.extract(&input)
    }

    /// Finds the entities of a clean body (no page reading): one paragraph a
    /// line. `published` (ISO date) gives years to dates written without one.
    ///
    /// ```
    /// let record = vnarticle::Extractor::new().extract_body("Sáng 20/8, hội nghị khai mạc.", Some("2019-08-21"));
    /// assert_eq!(record.text, "Sáng 20/8, hội nghị khai mạc.");
    /// ```
    pub fn extract_body(&self, body: &str, published: Option<&str>) -> Record {
        let article = Article {
            published: published.map(str::to_owned),
            paragraphs: body.lines().map(str::to_owned).collect(),
            ..Article::default()
        };
        self.extract_article(article, "", None)
    }

    /// Builds the record of an article read by a page reader.
    pub fn extract_article(&self, article: Article, id: &str, url: Option<&str>) -> Record {
        let text = if article.normalized {
            debug_assert!(article.paragraphs.iter().all(|p| !p.is_empty() && normalize::paragraph(p) == *p));
            article.paragraphs.join("\n\n")
        } else {
            normalize::body(&article.paragraphs)
        };
        let published = article.published.as_deref().and_then(Ymd::parse_iso);
        let ctx = Ctx { text: &text, published };
        let mut warnings = Vec::new();
        let dates = self.dates.extract(&ctx, &mut warnings);
        let documents = self.documents.extract(&ctx, &dates, &mut warnings);
        let quantities = self.quantities.extract(&ctx, &dates, &documents, &mut warnings);
        let officials = self.officials.extract(&ctx, &mut warnings);
        let mut record = Record {
            id: id.to_owned(),
            url: url.map(str::to_owned).or(article.url),
            site: article.site,
            title: article.title,
            published: article.published,
            section: article.section,
            authors: article.authors,
            source_credit: article.source_credit,
            text: String::new(),
            dates,
            documents,
            officials,
            quantities,
            warnings: article.warnings,
        };
        CharIndex::new(&text).convert(&mut record, &mut warnings);
        record.warnings.extend(warnings);
        record.text = text;
        record
    }

    fn check_size(&self, n: usize) -> Result<(), Error> {
        if n > self.options.max_bytes {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("{n} bytes, over the limit of {} bytes per document", self.options.max_bytes),
            ));
        }
        Ok(())
    }
}

/// Whether bytes look like HTML: markup in the first kilobyte.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let starts_with_tag =
        lower.iter().find(|b| !b.is_ascii_whitespace() && **b != 0xef && **b != 0xbb && **b != 0xbf)
            == Some(&b'<');
    starts_with_tag
        || [&b"<html"[..], b"<!doctype", b"<body", b"<div", b"<p>"].iter().any(|t| contains(&lower, t))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_is_an_error() {
        let ex = Extractor::with_options(Options::default().max_bytes(10));
        let err = ex.extract(&Input::new("a", Format::Text, "0123456789ABC")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn auto_format_sniffs_markup() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"\xef\xbb\xbf<html>"));
        assert!(!looks_like_html("Tiêu đề\nNgày 15/5/2016, hội nghị.".as_bytes()));
    }

    #[test]
    fn the_extractor_is_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }
}
