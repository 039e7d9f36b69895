//! One error type for everything that can go wrong with one document.
//!
//! An error is about a document, never about the batch: the batch writes it
//! as an error record (`{"id": …, "error": {"kind": …, "message": …}}`) and
//! goes on. Things that are merely odd (an impossible date, a misspelt code)
//! are not errors but data or [`crate::Warning`]s.

use std::fmt;

/// What went wrong with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The document could not be read (missing file, permission).
    Io,
    /// The bytes are not text in any encoding we know (binary data).
    Decode,
    /// The document is larger than the configured cap.
    TooLarge,
    /// A container record could not be parsed (a broken JSON Lines line, a
    /// corrupt WARC record).
    Parse,
    /// The extractor panicked on this document (a bug: please report it).
    Panic,
}

impl ErrorKind {
    /// The name written in error records.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Parse => "parse",
            ErrorKind::Panic => "panic",
        }
    }
}

/// An error about one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// An error of `kind` with a message for a reader.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn io(err: &std::io::Error, what: &str) -> Self {
        Error::new(ErrorKind::Io, format!("{what}: {err}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// The line written for a document that gave an error.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorRecord {
    /// The input's name.
    pub id: String,
    /// What went wrong.
    pub error: ErrorBody,
}

/// The `error` object of an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorBody {
    /// `io`, `decode`, `too_large`, `parse` or `panic`.
    pub kind: String,
    /// What went wrong, for a reader.
    pub message: String,
}

impl ErrorRecord {
    /// The error record for document `id`.
    pub fn new(id: impl Into<String>, err: &Error) -> Self {
        ErrorRecord {
            id: id.into(),
            error: ErrorBody { kind: err.kind.as_str().to_owned(), message: err.message.clone() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_record_json_shape() {
        let err = Error::new(ErrorKind::Decode, "binary data (NUL bytes)");
        let json = serde_json::to_string(&ErrorRecord::new("a.txt", &err)).unwrap();
        assert_eq!(json, r#"{"id":"a.txt","error":{"kind":"decode","message":"binary data (NUL bytes)"}}"#);
        assert_eq!(err.to_string(), "decode: binary data (NUL bytes)");
    }
}
