//! Page readers: from a page (captured text or HTML) to an [`Article`]: the
//! metadata and the body paragraphs, portal chrome left out.
//!
//! Only [`html`] sees HTML; everything after the readers works on the
//! [`Article`].

pub mod byline;
pub mod chrome;
pub mod html;
pub mod site;
pub mod stamp;
pub mod text;

use crate::record::{Site, Warning};

/// What a page reader gives: the article's metadata and its body.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Article {
    /// The article's heading.
    pub title: Option<String>,
    /// ISO 8601 publication time from the article's own date line.
    pub published: Option<String>,
    /// The portal's category label.
    pub section: Option<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Where the article was taken from ("Theo …", "Nguồn: …").
    pub source_credit: Option<String>,
    /// The portal.
    pub site: Site,
    /// The page's own URL, when the page gives it (canonical link, og:url).
    pub url: Option<String>,
    /// Body paragraphs, each normalized (see [`crate::normalize::paragraph`]).
    pub paragraphs: Vec<String>,
    /// What the reader noticed (an empty body, a fallback).
    pub warnings: Vec<Warning>,
    /// Set by a reader whose paragraphs are already normalized and
    /// non-empty, so that the pipeline does not check them again.
    pub(crate) normalized: bool,
}

impl Article {
    /// Fills the site's domain and province from a URL when the page itself
    /// did not give them.
    pub(crate) fn complete_site_from_url(&mut self, url: Option<&str>) {
        let Some(host) = url.and_then(site::host_of) else { return };
        if self.site.province.is_none() {
            self.site.province = site::province_of_domain(&host).map(str::to_owned);
        }
        if self.site.domain.is_none() {
            self.site.domain = Some(host);
        }
    }
}
