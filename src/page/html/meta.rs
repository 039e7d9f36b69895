//! What a page says about itself in machine-readable form: `<title>`,
//! Open Graph and `article:` properties, Dublin Core, schema.org (JSON-LD
//! and microdata), the canonical link.

use super::dom::Head;
use crate::civil::{Ymd, days_in_month};
use crate::normalize::{paragraph, tone_key};
use crate::page::site;

/// Metadata found outside the page's visible text.
#[derive(Debug, Clone, Default)]
pub(super) struct Meta {
    /// Article headlines: `og:title`, JSON-LD `headline`, `twitter:title`,
    /// `<title>` (whole).
    pub titles: Vec<String>,
    /// `<title>` without the site's name.
    pub page_title: Option<String>,
    /// ISO 8601 publication time.
    pub published: Option<String>,
    /// `article:section`, JSON-LD `articleSection`.
    pub section: Option<String>,
    /// Author names given as such.
    pub authors: Vec<String>,
    /// `og:site_name`, `application-name`, or the `<title>` part that names
    /// the portal.
    pub site_name: Option<String>,
    /// Canonical URL, `og:url`, JSON-LD `url`.
    pub url: Option<String>,
    /// A `<title>` part that is the site's host ("Tiêu đề |
    /// hoangmai.nghean.gov.vn").
    pub title_host: Option<String>,
    /// A `<title>` part that names the body running the site ("Tỉnh ủy
    /// Hưng Yên"): the site's name when the page gives no other.
    pub owner_name: Option<String>,
}

const PUBLISHED_KEYS: [&str; 12] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "date",
];

/// Reads the head of a page.
pub(super) fn read(head: &Head) -> Meta {
    let mut m = Meta::default();
    let ld = LdJson::read(&head.ld_json);
    for t in [head.meta(&["og:title"]), ld.headline.as_deref(), head.meta(&["twitter:title", "dc.title"])]
        .into_iter()
        .flatten()
    {
        let t = paragraph(t);
        if !t.is_empty() && !m.titles.contains(&t) {
            m.titles.push(t);
        }
    }
    m.site_name = head
        .meta(&["og:site_name", "application-name"])
        .map(paragraph)
        .or_else(|| ld.site_name.clone())
        .filter(|s| !s.is_empty());
    if let Some(t) = head.title.as_deref() {
        let parts = title_parts(t);
        if m.site_name.is_none() {
            m.site_name = parts.iter().find(|p| site::is_site_name(p)).map(|p| (*p).to_owned());
        }
        m.owner_name = parts.iter().find(|p| site::is_owner_name(p)).map(|p| (*p).to_owned());
        m.title_host = parts.iter().find_map(|p| site::host_in(p).filter(|h| h.len() + 8 >= p.len()));
        m.page_title = parts
            .iter()
            .filter(|p| !is_site_part(p, m.site_name.as_deref()))
            .max_by_key(|p| p.chars().count())
            .filter(|p| p.split_whitespace().count() >= 3)
            .map(|p| (*p).to_owned());
        for t in m.page_title.iter().map(String::as_str).chain([t]) {
            if !m.titles.iter().any(|x| x == t) {
                m.titles.push(t.to_owned());
            }
        }
    }
    m.published = head
        .meta(&PUBLISHED_KEYS[..3])
        .and_then(iso_time)
        .or_else(|| ld.published.as_deref().and_then(iso_time))
        .or_else(|| head.meta(&PUBLISHED_KEYS[3..]).and_then(iso_time));
    m.section = head.meta(&["article:section"]).map(paragraph).or(ld.section).filter(|s| !s.is_empty());
    let author = head.meta(&["article:author", "author", "dc.creator"]).map(str::to_owned);
    m.authors = ld
        .authors
        .iter()
        .chain(author.iter())
        .filter(|a| !a.contains("://"))
        .find_map(|a| crate::page::byline::authors(a))
        .unwrap_or_default();
    m.url = head
        .canonical
        .clone()
        .or_else(|| head.meta(&["og:url"]).map(str::to_owned))
        .or(ld.url)
        .filter(|u| u.starts_with("http"));
    m
}

/// The parts of a `<title>` between separators ("Tiêu đề - Cổng thông tin
/// điện tử tỉnh X").
fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " > ", " · "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).map(str::trim).filter(|p| !p.is_empty()).collect();
    }
    parts
}

/// A `<title>` part that names the site or the page type, not the article.
fn is_site_part(part: &str, site_name: Option<&str>) -> bool {
    let key = tone_key(part);
    site::is_site_name(part)
        || site::is_owner_name(part)
        || site_name.is_some_and(|s| tone_key(s) == key)
        || [
            "trang chủ",
            "home",
            "trang chu",
            "tin tức",
            "chi tiết",
            "chi tiết tin",
            "tin chi tiết",
            "default",
        ]
        .contains(&key.as_str())
        || site::host_in(part).is_some_and(|h| h.len() + 8 >= part.len())
}

/// An ISO 8601 date or date-time from a `<meta>` or JSON-LD value, in
/// Vietnam time (`+07:00`) when it carries a time; also "dd/mm/yyyy".
///
/// ```ignore
/// assert_eq!(iso_time("2019-08-21T01:12:00Z").as_deref(), Some("2019-08-21T08:12:00+07:00"));
/// ```
pub(super) fn iso_time(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let date = if let Some(d) = Ymd::parse_iso(s) {
        d
    } else {
        return crate::page::stamp::parse_line(s).map(|st| st.to_iso());
    };
    if !(1900..=2100).contains(&date.year) {
        return None;
    }
    let rest = s.get(10..).unwrap_or_default();
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest);
    let (h, mi) = match (rest.get(0..2).and_then(|x| x.parse::<i64>().ok()), rest.get(3..5)) {
        (Some(h), Some(m)) if b.len() >= 16 && rest.as_bytes().get(2) == Some(&b':') => {
            (h, m.parse::<i64>().ok()?)
        }
        _ => return Some(date.to_string()),
    };
    if h > 23 || mi > 59 {
        return Some(date.to_string());
    }
    // the zone: Z, ±HH:MM, ±HHMM; none means local (Vietnam) time
    let zone = rest
        .get(5..)
        .unwrap_or_default()
        .trim_start_matches(|c: char| c == ':' || c == '.' || c.is_ascii_digit());
    let offset = if zone.starts_with(['Z', 'z']) {
        Some(0)
    } else if let Some(sign) = zone.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: String = zone.chars().skip(1).filter(char::is_ascii_digit).take(4).collect();
        let (oh, om) = (
            digits.get(0..2)?.parse::<i64>().ok()?,
            digits.get(2..4).and_then(|m| m.parse::<i64>().ok()).unwrap_or(0),
        );
        Some(if sign == '-' { -(oh * 60 + om) } else { oh * 60 + om })
    } else {
        None
    };
    let mut minutes = h * 60 + mi;
    let mut date = date;
    if let Some(off) = offset {
        minutes += 7 * 60 - off;
        if minutes < 0 {
            minutes += 24 * 60;
            date = previous_day(date);
        } else if minutes >= 24 * 60 {
            minutes -= 24 * 60;
            date = next_day(date);
        }
    }
    Some(format!("{date}T{:02}:{:02}:00+07:00", minutes / 60, minutes % 60))
}

fn next_day(d: Ymd) -> Ymd {
    if d.day < days_in_month(d.year, d.month) {
        Ymd::new(d.year, d.month, d.day + 1)
    } else if d.month < 12 {
        Ymd::new(d.year, d.month + 1, 1)
    } else {
        Ymd::new(d.year + 1, 1, 1)
    }
}

fn previous_day(d: Ymd) -> Ymd {
    if d.day > 1 {
        Ymd::new(d.year, d.month, d.day - 1)
    } else if d.month > 1 {
        Ymd::new(d.year, d.month - 1, days_in_month(d.year, d.month - 1))
    } else {
        Ymd::new(d.year - 1, 12, 31)
    }
}

/// What schema.org JSON-LD says about the article.
#[derive(Debug, Default)]
struct LdJson {
    headline: Option<String>,
    published: Option<String>,
    section: Option<String>,
    authors: Vec<String>,
    url: Option<String>,
    site_name: Option<String>,
}

impl LdJson {
    fn read(scripts: &[String]) -> LdJson {
        let mut ld = LdJson::default();
        for s in scripts {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(s.trim()) {
                ld.visit(&v, 0);
            }
        }
        ld
    }

    fn visit(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.visit(i, depth + 1)),
            Value::Object(map) => {
                let kind = map.get("@type").map(|t| t.to_string().to_ascii_lowercase()).unwrap_or_default();
                let is_article =
                    kind.contains("article") || kind.contains("posting") || kind.contains("report");
                // NFC and folded spaces, like the page's own text
                let text = |k: &str| map.get(k).and_then(Value::as_str).map(paragraph);
                if is_article {
                    self.headline =
                        self.headline.take().or_else(|| text("headline")).or_else(|| text("name"));
                    self.published = self.published.take().or_else(|| text("datePublished"));
                    self.section = self.section.take().or_else(|| text("articleSection"));
                    self.url = self.url.take().or_else(|| text("url"));
                    if self.authors.is_empty() {
                        let names = |a: &Value| match a {
                            Value::String(s) => Some(paragraph(s)),
                            Value::Object(o) => o.get("name").and_then(Value::as_str).map(paragraph),
                            _ => None,
                        };
                        match map.get("author") {
                            Some(Value::Array(list)) => self.authors.extend(list.iter().filter_map(names)),
                            Some(a) => self.authors.extend(names(a)),
                            None => {}
                        }
                    }
                } else if kind.contains("website") || kind.contains("organization") {
                    self.site_name = self.site_name.take().or_else(|| text("name"));
                }
                for (k, child) in map {
                    if k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage" || k == "publisher" {
                        self.visit(child, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times() {
        assert_eq!(iso_time("2019-08-21T08:12:00+07:00").as_deref(), Some("2019-08-21T08:12:00+07:00"));
        assert_eq!(iso_time("2019-08-21T01:12:00Z").as_deref(), Some("2019-08-21T08:12:00+07:00"));
        assert_eq!(iso_time("2019-08-21T20:30:00+00:00").as_deref(), Some("2019-08-22T03:30:00+07:00"));
        assert_eq!(iso_time("2019-12-31T20:30:00Z").as_deref(), Some("2020-01-01T03:30:00+07:00"));
        assert_eq!(iso_time("2019-08-21").as_deref(), Some("2019-08-21"));
        assert_eq!(iso_time("2019-08-21 08:12").as_deref(), Some("2019-08-21T08:12:00+07:00"));
        assert_eq!(iso_time("21/08/2019").as_deref(), Some("2019-08-21"));
        assert_eq!(iso_time("yesterday"), None);
    }

    #[test]
    fn title_parts_without_the_site() {
        let head = Head {
            title: Some("Hội nghị sơ kết Chỉ thị 05 - Cổng thông tin điện tử tỉnh Kiên Giang".into()),
            ..Head::default()
        };
        let m = read(&head);
        assert_eq!(m.page_title.as_deref(), Some("Hội nghị sơ kết Chỉ thị 05"));
        assert_eq!(m.site_name.as_deref(), Some("Cổng thông tin điện tử tỉnh Kiên Giang"));
        let head = Head {
            title: Some("Trang chủ - Website Sở Tư pháp tỉnh ĐắkNông".into()),
            ..Head::default()
        };
        let m = read(&head);
        assert_eq!(m.page_title, None);
        assert_eq!(m.site_name.as_deref(), Some("Website Sở Tư pháp tỉnh ĐắkNông"));
    }

    #[test]
    fn json_ld() {
        let head = Head {
            ld_json: vec![
                r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Đảng bộ tỉnh"},
                {"@type":"NewsArticle","headline":"Tiêu đề","datePublished":"2023-03-14T09:30:00+07:00",
                 "articleSection":"Xây dựng Đảng","author":{"@type":"Person","name":"Minh Khang"}}]}"#
                    .into(),
            ],
            ..Head::default()
        };
        let m = read(&head);
        assert_eq!(m.published.as_deref(), Some("2023-03-14T09:30:00+07:00"));
        assert_eq!(m.section.as_deref(), Some("Xây dựng Đảng"));
        assert_eq!(m.authors, ["Minh Khang"]);
        assert_eq!(m.titles, ["Tiêu đề"]);
        assert_eq!(m.site_name.as_deref(), Some("Đảng bộ tỉnh"));
    }
}
