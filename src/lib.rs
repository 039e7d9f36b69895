#![doc = include_str!("../README.md")]
//!
//! # Library
//!
//! Build an [`Extractor`] once (it compiles every rule and word list), then
//! call it on pages from any number of threads:
//!
//! ```
//! let extractor = vnarticle::Extractor::new();
//! let page = "Hoạt động của Đảng - Đoàn thể\n\
//!             Sơ kết 3 năm thực hiện Chỉ thị 05\n\
//!             (08:12 | 21/08/2019)\n\
//!             Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị 05; đến nay 73/73 tổ chức cơ sở đảng đã triển khai.\n\
//!             Hồng Mong – Thế Sự\n\
//!             Các tin khác\n";
//! let record = extractor.extract_text(page, Some("page.txt"))?;
//! assert_eq!(record.section.as_deref(), Some("Hoạt động của Đảng - Đoàn thể"));
//! assert_eq!(record.authors, ["Hồng Mong", "Thế Sự"]);
//! assert!(record.text.starts_with("Ngày 15/5/2016"));
//! # Ok::<(), vnarticle::Error>(())
//! ```
//!
//! The stages are plain functions on values, usable on their own:
//! [`decode`] (bytes → text), [`page`] (page → [`page::Article`]),
//! [`normalize`] (the body and matching keys), [`extract`] (the four
//! extractors), [`batch`] (many documents, in order, in parallel).
#![warn(missing_docs)]
#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod batch;
pub mod civil;
pub mod decode;
pub mod error;
pub mod extract;
pub mod normalize;
pub mod page;
mod pipeline;
pub mod record;
mod spans;
mod wordlist;

pub use error::{Error, ErrorKind, ErrorRecord};
pub use pipeline::{Extractor, Format, Input, Options};
pub use record::{
    Date, Document, Mention, Official, Precision, Quantity, QuantityKind, Record, Site, Warning,
};
