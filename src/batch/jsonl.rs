//! JSON Lines input: one document a line, `{"id"?, "url"?, "html"? | "text"?}`.
//!
//! A line is read by the container reader and parsed by the worker that
//! extracts it (parsing is per-document work and runs in parallel). Blank
//! lines are not documents. A line that is not JSON, is not an object, or
//! has neither `html` nor `text` gives an error record whose id is the
//! line's `id` when it has one, else `<file>:<line number>`.

use super::Source;
use super::lines;
use crate::error::{Error, ErrorKind};
use crate::pipeline::{Format, Input};
use serde::Deserialize;
use std::io::BufRead;

/// The documents of a JSON Lines stream.
pub(crate) struct JsonLines<R> {
    reader: R,
    file: String,
    line: u64,
    cap: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// The lines of `reader`, named `file` in ids; a line longer than `cap`
    /// bytes gives an error record.
    pub(crate) fn new(reader: R, file: String, cap: usize) -> Self {
        JsonLines { reader, file, line: 0, cap, buf: Vec::new(), done: false }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        while !self.done {
            match lines::read_line(&mut self.reader, &mut self.buf, self.cap) {
                Ok(None) => self.done = true,
                Ok(Some(read)) => {
                    self.line += 1;
                    if read.truncated {
                        let error = Error::new(
                            ErrorKind::TooLarge,
                            format!("line over the limit of {} bytes", self.cap),
                        );
                        return Some(Source::Failed { id: format!("{}:{}", self.file, self.line), error });
                    }
                    let text = self.buf.trim_ascii();
                    if !text.is_empty() {
                        let bytes = text.to_vec();
                        return Some(Source::JsonLine { file: self.file.clone(), line: self.line, bytes });
                    }
                }
                Err(e) => {
                    self.done = true;
                    let id = format!("{}:{}", self.file, self.line + 1);
                    return Some(Source::Failed {
                        id,
                        error: Error::io(&e, "cannot read, the rest of the file is lost"),
                    });
                }
            }
        }
        None
    }
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

/// Parses one line into a document: `html` when present (read as HTML),
/// else `text` (a page captured as text). On failure, the error and the
/// line's own id when it could be read.
pub(crate) fn parse_line(file: &str, line: u64, bytes: Vec<u8>) -> Result<Input, (Option<String>, Error)> {
    let parsed: Line = serde_json::from_slice(&bytes).map_err(|e| {
        let what = if e.is_data() { "not a JSON object of strings" } else { "not valid JSON" };
        (None, Error::new(ErrorKind::Parse, format!("{what}: {e}")))
    })?;
    let id = match parsed.id {
        Some(Id::Text(s)) => s,
        Some(Id::Number(n)) => n.to_string(),
        None => format!("{file}:{line}"),
    };
    let (format, body) = match (parsed.html, parsed.text) {
        (Some(html), _) => (Format::Html, html),
        (None, Some(text)) => (Format::Text, text),
        (None, None) => {
            let e = Error::new(ErrorKind::Parse, "the line has neither an \"html\" nor a \"text\" field");
            return Err((Some(id), e));
        }
    };
    let mut input = Input::new(id, format, body.into_bytes());
    input.url = parsed.url;
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Source> {
        JsonLines::new(s.as_bytes(), "in.jsonl".into(), 64).collect()
    }

    #[test]
    fn lines_blank_lines_and_long_lines() {
        let got = read(
            "{\"text\":\"a\"}\r\n\n  \n{\"html\":\"<p>b</p>\"}\n{\"text\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}\nx",
        );
        let ids: Vec<String> = got.iter().map(Source::id).collect();
        assert_eq!(ids, ["in.jsonl:1", "in.jsonl:4", "in.jsonl:5", "in.jsonl:6"]);
        assert!(matches!(&got[0], Source::JsonLine { bytes, .. } if bytes == b"{\"text\":\"a\"}"));
        assert!(matches!(&got[2], Source::Failed { error, .. } if error.kind() == ErrorKind::TooLarge));
    }

    #[test]
    fn fields_ids_and_errors() {
        let input = parse_line(
            "f",
            3,
            br#"{"id":"x","url":"https://a.gov.vn/b","html":"<p>c</p>","text":"d"}"#.to_vec(),
        )
        .unwrap();
        assert_eq!(
            (input.id.as_str(), input.format, input.url.as_deref()),
            ("x", Format::Html, Some("https://a.gov.vn/b"))
        );
        assert_eq!(input.bytes, b"<p>c</p>");
        let input = parse_line("f", 3, br#"{"id":12,"text":"d","extra":[1]}"#.to_vec()).unwrap();
        assert_eq!((input.id.as_str(), input.format), ("12", Format::Text));
        let input = parse_line("f", 3, br#"{"text":"d"}"#.to_vec()).unwrap();
        assert_eq!(input.id, "f:3");
        let (id, e) = parse_line("f", 3, br#"{"id":"y","url":"u"}"#.to_vec()).unwrap_err();
        assert_eq!((id.as_deref(), e.kind()), (Some("y"), ErrorKind::Parse));
        let (id, e) = parse_line("f", 3, b"{\"text\": ".to_vec()).unwrap_err();
        assert_eq!((id, e.kind()), (None, ErrorKind::Parse));
        assert!(parse_line("f", 3, b"[1, 2]".to_vec()).is_err());
        assert!(parse_line("f", 3, br#"{"text": 5}"#.to_vec()).is_err());
    }
}
