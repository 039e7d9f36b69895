//! HTML pages. The only module that sees HTML: `scraper` types never leave
//! it.
//!
//! This is the baseline reader (title from the first `<h1>` or `<title>`,
//! body from `<p>` elements outside navigation, scripts and forms); the
//! portal-aware reader replaces it (issue 7).

use super::Article;
use crate::record::Warning;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

struct Selectors {
    title: Selector,
    h1: Selector,
    p: Selector,
}

static SEL: LazyLock<Selectors> = LazyLock::new(|| Selectors {
    title: Selector::parse("title").expect("selector"),
    h1: Selector::parse("h1").expect("selector"),
    p: Selector::parse("p").expect("selector"),
});

fn text_of(e: ElementRef) -> String {
    crate::normalize::paragraph(&e.text().collect::<String>())
}

fn in_chrome(e: ElementRef) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        matches!(a.value().name(), "nav" | "header" | "footer" | "form" | "script" | "style" | "noscript")
    })
}

/// Reads an HTML page (already decoded).
pub fn read(html: &str, url: Option<&str>) -> Article {
    let doc = Html::parse_document(html);
    let mut article = Article {
        title: doc
            .select(&SEL.h1)
            .map(text_of)
            .find(|t| !t.is_empty())
            .or_else(|| doc.select(&SEL.title).map(text_of).find(|t| !t.is_empty())),
        paragraphs: doc
            .select(&SEL.p)
            .filter(|p| !in_chrome(*p))
            .map(text_of)
            .filter(|t| !t.is_empty())
            .collect(),
        ..Article::default()
    };
    if article.paragraphs.is_empty() {
        article.warnings.push(Warning::new("empty_body", "no article body found on the page"));
    }
    article.complete_site_from_url(url);
    article
}
