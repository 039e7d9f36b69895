//! HTML pages. The only module that sees HTML: `scraper` types never leave
//! it.
//!
//! The page is parsed once and walked once (`dom`) into blocks of text.
//! The article is found whatever the portal's skin (`content`): the
//! block-level element whose text weighs most, prose counting for it and
//! links and known chrome against it. Its head (title, category label, date
//! line) is read from the blocks just before its first paragraph
//! (`layout`), with the page's `<meta>`, Open Graph and JSON-LD data
//! (`meta`) as support and fallback. Text in the legacy TCVN3 or VNI font
//! encodings inside a Unicode page is converted block by block.

mod content;
mod depth;
mod dom;
mod hints;
mod layout;
mod meta;

use super::{Article, byline, chrome::Chrome, site};
use crate::decode::legacy;
use crate::normalize::paragraph;
use crate::record::Warning;
use content::{Kind, ends_sentence, words};
use dom::Page;
use hints::Hints;
use scraper::Html;

/// Reads an HTML page (already decoded). `url` (when the input carries
/// one) gives the page's address, site domain and province.
///
/// ```
/// let page = r#"<html><head><title>Sơ kết Chỉ thị 05 - Cổng thông tin điện tử tỉnh Kiên Giang</title></head>
/// <body><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tt">Tin tức</a></li></ul>
/// <div class="news-detail"><a class="cat" href="/xdd">Xây dựng Đảng</a>
///   <h1>Sơ kết Chỉ thị 05</h1><div class="date">(08:12 | 21/08/2019)</div>
///   <p>Sáng ngày 20/8, đồng chí Đỗ Thanh Bình chủ trì hội nghị sơ kết 3 năm thực hiện Chỉ thị 05.</p>
///   <p>Hội nghị được tổ chức trực tuyến tại 06 điểm cầu cấp tỉnh và 145 điểm cầu cấp xã.</p>
///   <p>Hồng Mong</p></div>
/// <div class="other"><b>Các tin khác</b><ul><li><a href="/1">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</a></li></ul></div>
/// </body></html>"#;
/// let a = vnarticle::page::html::read(page, None);
/// assert_eq!(a.title.as_deref(), Some("Sơ kết Chỉ thị 05"));
/// assert_eq!(a.published.as_deref(), Some("2019-08-21T08:12:00+07:00"));
/// assert_eq!(a.section.as_deref(), Some("Xây dựng Đảng"));
/// assert_eq!(a.authors, ["Hồng Mong"]);
/// assert_eq!(a.site.province.as_deref(), Some("Kiên Giang"));
/// assert_eq!(a.paragraphs.len(), 2);
/// ```
pub fn read(html: &str, url: Option<&str>) -> Article {
    let (html, flattened) = depth::limit(html, depth::MAX_DEPTH);
    let mut page = dom::walk(&Html::parse_document(&html));
    drop(html);
    let mut article = Article::default();
    if flattened.dropped > 0 {
        article.warnings.push(Warning::new(
            "deep_markup",
            format!(
                "markup nested over {} levels deep: {} start tags below that depth dropped, their text kept",
                depth::MAX_DEPTH,
                flattened.dropped
            ),
        ));
    }
    if let Some(enc) = repair_legacy(&mut page) {
        article.warnings.push(Warning::new(
            "legacy_encoding",
            format!("text in the {} font encoding converted to Unicode (capitals may be lost)", enc.name()),
        ));
    }
    let meta = meta::read(&page.head);
    let kinds: Vec<Kind> = page.blocks.iter().map(content::classify).collect();
    read_article(&page, &kinds, &meta, &mut article);
    read_site(&page, &kinds, &meta, url, &mut article);
    article
}

/// Converts blocks (and head texts) in a legacy font encoding, when the
/// page's suspicious blocks together read as one.
fn repair_legacy(page: &mut Page) -> Option<legacy::Legacy> {
    let mut sample = String::new();
    for b in page.blocks.iter().filter(|b| legacy::suspicious(&b.text)) {
        sample.push_str(&b.text);
        sample.push('\n');
        if sample.len() > 20_000 {
            break;
        }
    }
    if let Some(t) = page.head.title.as_deref().filter(|t| legacy::suspicious(t)) {
        sample.push_str(t);
    }
    if sample.is_empty() {
        return None;
    }
    let enc = legacy::detect(&sample)?;
    let fix = |t: &mut String| {
        if legacy::mostly_latin1(t, 1) {
            *t = paragraph(&legacy::convert(t, enc));
        }
    };
    page.blocks.iter_mut().for_each(|b| fix(&mut b.text));
    page.head.title.iter_mut().for_each(fix);
    page.head.metas.iter_mut().for_each(|(_, v)| fix(v));
    Some(enc)
}

/// Title, date, section, body, byline and credit.
fn read_article(page: &Page, kinds: &[Kind], meta: &meta::Meta, article: &mut Article) {
    let mut region = content::region(page, kinds);
    // a heading the metadata names as the title anchors the article: the
    // region must follow it
    if let Some(t) = layout::strong_title(page, kinds, &meta.titles)
        && region.is_none_or(|(r0, r1)| r1 <= t || r0 > t + 25)
    {
        region = content::region_within(page, kinds, t, t + 25).or(Some((t, (t + 1).min(page.blocks.len()))));
    }
    let Some((r0, r1)) = region else {
        fallback_head(meta, article);
        article.warnings.push(Warning::new("empty_body", "no article text found on the page"));
        return;
    };
    // the first paragraph of the region
    let first_prose = (r0..r1).find(|&i| kinds[i] == Kind::Prose).unwrap_or(r0);
    let title = layout::title(page, kinds, first_prose, &meta.titles);
    match title {
        Some(t) => article.title = page.blocks.get(t).map(|b| clean_title(&b.text)),
        None => fallback_head(meta, article),
    }
    // the body: after the title when the title is in the region, with any
    // paragraph between a title outside it and the region
    let start = match title {
        Some(t) if t >= r0 => t + 1,
        _ => r0,
    };
    let mut kept: Vec<usize> = title
        .filter(|&t| t < r0)
        .map(|t| (t + 1..r0).filter(|&i| kinds[i] == Kind::Prose).collect())
        .unwrap_or_default();
    let (body, end) = content::body(page, kinds, start, r1);
    kept.extend(body);
    let head_start = title.unwrap_or(start).saturating_sub(4);
    let article_span = (title.unwrap_or(start), end);

    // date line: between the head's start and the first kept paragraph
    let stamps = layout::page_stamps(page);
    // (lines the body opens with before its first paragraph, such as
    // Joomla's "Viết bởi Ngọc Diệp" over its date line, are still the head)
    let first_kept_prose = kept.iter().copied().find(|&i| kinds.get(i) == Some(&Kind::Prose));
    let head_end =
        first_kept_prose.or(kept.first().copied()).unwrap_or(first_prose).max(title.map_or(0, |t| t + 1));
    article.published = layout::date_line(page, kinds, (head_start, head_end), article_span, &stamps)
        .map(|visible| match meta.published.as_deref() {
            // a date without a time, and the meta gives the time of that day
            Some(m) if visible.len() == 10 && m.starts_with(&visible) => m.to_owned(),
            // a date without a time that is not the metadata's publication
            // day: a header clock near a short article, not its date line
            Some(m) if visible.len() == 10 => m.to_owned(),
            _ => visible,
        })
        .or_else(|| meta.published.clone());

    article.section = title
        .and_then(|t| layout::label_above(page, kinds, t, end))
        .or_else(|| {
            // "Danh mục: Tin tức - Sự kiện" among the title's meta lines
            page.blocks
                .get(head_start..head_end)?
                .iter()
                .find_map(|b| crate::page::text::labelled_section(&b.text).map(str::to_owned))
        })
        .or_else(|| layout::breadcrumb(page, article.title.as_deref()))
        .or_else(|| meta.section.clone());

    // a repeated headline opening the body is the title's
    if let (Some(t), Some(&first)) = (article.title.as_deref(), kept.first()) {
        if page.blocks.get(first).is_some_and(|b| words(&b.text) <= 80 && layout::same_heading(t, &b.text)) {
            kept.remove(0);
        }
    }
    // a labelled byline between the title and the first paragraph ("Tin,
    // ảnh: Bế Thu Trang")
    while let Some(&first) = kept.first() {
        let Some(b) = page.blocks.get(first) else { break };
        let Some(names) = (kinds.get(first) == Some(&Kind::Short))
            .then(|| byline::labelled_authors(&b.text).or_else(|| byline::degree_authors(&b.text)))
            .flatten()
        else {
            break;
        };
        if article.authors.is_empty() {
            article.authors = names;
        }
        kept.remove(0);
        // the author's role printed under the name, in the same element
        // ("TS. NGUYỄN VĂN HÙNG<br>Phó Trưởng Ban Dân vận Tỉnh ủy")
        while let Some(&next) = kept.first() {
            let same = page.blocks.get(next).is_some_and(|n| n.elem == b.elem);
            if !(same && kinds.get(next) == Some(&Kind::Short)) {
                break;
            }
            kept.remove(0);
        }
    }
    // the date line printed under the article ("Đăng ngày: 14/09/2020 -
    // Người đăng: admin")
    if article.published.is_none() {
        let last = kept.last().copied().unwrap_or(end);
        article.published = stamps
            .iter()
            .filter(|d| d.block > last && d.block < end + 3)
            .filter(|d| {
                // nothing but short lines between the article and its date: no
                // list heading, no link entry (a related list's dates)
                let between = kinds.get(last + 1..d.block).unwrap_or_default();
                matches!(kinds.get(d.block), Some(Kind::Stamp))
                    && between
                        .iter()
                        .all(|k| matches!(k, Kind::Short | Kind::Stamp | Kind::Chrome(Chrome::Furniture)))
                    && layout::near_after(page, d.block, article_span.0, end)
            })
            .find(|d| !layout::is_system_stamp(d, &stamps, article_span))
            .map(|d| d.stamp.to_iso());
    }
    read_tail(page, kinds, &mut kept, end, article);
    if article.authors.is_empty() {
        article.authors = head_byline(page, head_start, head_end).unwrap_or_else(|| meta.authors.clone());
    }
    article.paragraphs = join_split_sentences(page, &kept);
    check_body(page, kinds, (r0, r1), end, &kept, article);
}

/// Title (and date) from the page's metadata when the page shows none.
fn fallback_head(meta: &meta::Meta, article: &mut Article) {
    article.title = meta
        .titles
        .first()
        .filter(|t| {
            meta.page_title.is_none()
                || layout::same_heading(t, meta.page_title.as_deref().unwrap_or_default())
        })
        .cloned()
        .or_else(|| meta.page_title.clone())
        .map(|t| clean_title(&t));
    article.published = meta.published.clone();
}

/// A title without a trailing full stop or a stamp in brackets.
fn clean_title(title: &str) -> String {
    let t = crate::page::stamp::split_trailing(title).map_or(title, |(t, _)| t).trim();
    let t = t.strip_suffix('.').filter(|t| !t.ends_with('.')).unwrap_or(t);
    t.trim_end().to_owned()
}

/// Byline and source credit at the end of the body (taken out of it), or
/// in the blocks right after it.
fn read_tail(page: &Page, kinds: &[Kind], kept: &mut Vec<usize>, end: usize, article: &mut Article) {
    // the last kept blocks: byline, credit, or short lines after the last
    // sentence
    for _ in 0..3 {
        let Some(&last) = kept.last() else { break };
        let Some(b) = page.blocks.get(last) else { break };
        if words(&b.text) > 40 || (words(&b.text) > 14 && !is_footer_line(&b.text)) {
            break;
        }
        if let Some(src) = byline::credit(&b.text) {
            article.source_credit.get_or_insert(src);
        } else if let Some(names) = byline::authors(&b.text).filter(|_| article.authors.is_empty()) {
            article.authors = names;
            if let Some(src) = byline::bracketed_credit(&b.text) {
                article.source_credit.get_or_insert(src);
            }
        } else if kinds.get(last) == Some(&Kind::Short) && words(&b.text) <= 40 && is_footer_line(&b.text) {
            // the site's address line closing a page without a footer element
        } else if kinds.get(last) == Some(&Kind::Short)
            && words(&b.text) <= 6
            && !b.has(dom::AFTER_IMAGE | dom::CAPTION)
            && kept.len() > 1
        {
            // a short line after the last sentence that is no caption
        } else {
            break;
        }
        kept.pop();
    }
    // the blocks after the body, up to the next list or footer (from the
    // last paragraph kept: a byline in an element marked as the article's
    // footer, "ArticleFooter", is skipped by the body as chrome)
    let from = kept.last().map_or(end, |&l| l + 1).min(end);
    for i in from..(end + 3).min(page.blocks.len()) {
        let (Some(b), Some(k)) = (page.blocks.get(i), kinds.get(i)) else { break };
        if matches!(k, Kind::Chrome(Chrome::End | Chrome::Footer) | Kind::Link | Kind::Prose) {
            break;
        }
        if let Some(src) = byline::credit(&b.text) {
            article.source_credit.get_or_insert(src);
        } else if article.authors.is_empty()
            && (b.hints.has(Hints::AUTHOR) || words(&b.text) <= 6)
            && let Some(names) = byline::authors(&b.text)
        {
            article.authors = names;
        }
    }
    // a related box between the last paragraph and the byline ("Tin liên
    // quan" and its links, then "Thu Hằng" in the article's container)
    if article.authors.is_empty() && matches!(kinds.get(end), Some(Kind::Chrome(Chrome::End))) {
        let mut i = end + 1;
        while matches!(kinds.get(i), Some(Kind::Link | Kind::Stamp)) {
            i += 1;
        }
        let container =
            |x: usize| page.blocks.get(x).and_then(|b| page.elems.get(b.elem as usize)).map(|e| e.parent);
        let same = kept.last().is_some_and(|&l| container(l).is_some() && container(l) == container(i));
        if i > end + 1
            && same
            && kinds.get(i) == Some(&Kind::Short)
            && let Some(names) =
                page.blocks.get(i).filter(|b| words(&b.text) <= 6).and_then(|b| byline::authors(&b.text))
        {
            article.authors = names;
        }
    }
}

/// A labelled byline in the article's head ("Tác giả: Hải Yến", "Bài, ảnh:
/// Ngọc Anh"), or one in an element marked as the author's.
fn head_byline(page: &Page, from: usize, to: usize) -> Option<Vec<String>> {
    let labelled = |p: &str| {
        p.contains(':') && {
            let k = layout::key(p);
            ["tác giả", "bài", "tin", "ảnh", "bài và ảnh", "tin và ảnh", "người viết", "phóng viên"]
                .iter()
                .any(|l| k.starts_with(l))
        }
    };
    page.blocks.get(from..to)?.iter().find_map(|b| {
        if words(&b.text) > 16 {
            return None;
        }
        // the byline's part of a meta line: "Tác giả: Hải Yến | Ngày đăng: …"
        let mut parts = b.text.split(['|', '•']).map(str::trim);
        // "Viết bởi Ngọc Diệp": a label without a colon
        if let Some(names) = parts.clone().find_map(byline::labelled_authors) {
            return Some(names);
        }
        let text = match parts.clone().find(|p| labelled(p)) {
            Some(p) => p.split_once(':').map_or(p, |(_, r)| r),
            None if b.hints.has(Hints::AUTHOR) => parts.next().unwrap_or_default(),
            None => return None,
        };
        byline::authors(text.trim())
    })
}

/// Paragraphs as kept, with a sentence split over two blocks (a caption over
/// two `<p>`, a sentence broken by a photo or a `<br>`) joined: a block that
/// does not end a sentence followed by one that starts in lower case.
fn join_split_sentences(page: &Page, kept: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(kept.len());
    let mut open = false;
    for b in kept.iter().filter_map(|&i| page.blocks.get(i)) {
        let starts_lower = b.text.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(prev) if open && starts_lower => {
                prev.push(' ');
                prev.push_str(&b.text);
            }
            _ => out.push(b.text.clone()),
        }
        open = b.heading == 0 && !ends_sentence(&b.text);
    }
    out
}

/// Warnings for a page that has no article: an empty body, a listing of
/// articles, an attachment with no text.
fn check_body(
    page: &Page,
    kinds: &[Kind],
    region: (usize, usize),
    end: usize,
    kept: &[usize],
    article: &mut Article,
) {
    let (r0, r1) = region;
    // a listing: entries (a link heading followed by a summary) repeat where
    // the body runs; a sidebar of such entries after the article's end is
    // not the page's text
    let entries = (r0..end.min(r1))
        .filter(|&i| {
            kinds[i] == Kind::Link
                && page.blocks.get(i).is_some_and(|b| words(&b.text) >= 4)
                && (i + 1..(i + 3).min(r1)).any(|j| kinds.get(j) == Some(&Kind::Prose))
        })
        .count();
    let prose_chars: u32 = kept
        .iter()
        .filter(|&&i| kinds[i] == Kind::Prose)
        .filter_map(|&i| page.blocks.get(i))
        .map(|b| b.chars)
        .sum();
    if entries >= 3 {
        article.paragraphs.clear();
        article.published = None;
        article.authors.clear();
        article.title = None;
        article.warnings.push(Warning::new(
            "listing_page",
            format!("the page lists {entries} articles (a link and a summary each), it is not one article"),
        ));
        return;
    }
    // (the blocks are only looked at for a page with little prose)
    let files = || {
        (r0.saturating_sub(10)..(r1 + 5).min(page.blocks.len()))
            .filter_map(|i| page.blocks.get(i))
            .any(|b| b.has(dom::FILE_LINK) || is_attachment_label(&b.text))
    };
    if prose_chars < 200 && files() {
        article.warnings.push(Warning::new(
            "attachment_only",
            "the article is an attached file with little or no text on the page",
        ));
    }
    if article.paragraphs.is_empty() {
        article.warnings.push(Warning::new("empty_body", "no article text found on the page"));
    }
}

/// A line with the site's contact or licence details ("… - Địa chỉ: khối
/// 3, thị trấn …", "Điện thoại: …").
fn is_footer_line(text: &str) -> bool {
    let k = crate::normalize::tone_key(text);
    [
        "địa chỉ:",
        "điện thoại:",
        "email:",
        "e-mail:",
        "website:",
        "giấy phép số",
        "chịu trách nhiệm",
        "bản quyền",
        "©",
    ]
    .iter()
    .any(|m| k.contains(m))
}

fn is_attachment_label(text: &str) -> bool {
    let k = layout::key(text);
    ["file đính kèm", "tệp đính kèm", "tập tin đính kèm", "văn bản đính kèm", "tải về", "tải file"]
        .iter()
        .any(|l| k.starts_with(l))
}

/// Site name, domain, province and the page's URL.
fn read_site(page: &Page, kinds: &[Kind], meta: &meta::Meta, url: Option<&str>, article: &mut Article) {
    article.url = meta.url.clone();
    let s = &mut article.site;
    // the masthead of the body running the portal, printed in capitals in
    // the page's header or footer ("SỞ NÔNG NGHIỆP VÀ PTNT TỈNH SÓC TRĂNG")
    let n = page.blocks.len();
    let masthead = || {
        page.blocks
            .iter()
            .enumerate()
            .filter(move |(i, b)| {
                (*i < 8 || i + 10 >= n || b.has(dom::HEADER_TAG)) && site::is_owner_masthead(&b.text)
            })
            .map(|(_, b)| b.text.as_str())
    };
    // a link below the header naming a portal is a link to another site
    // ("Liên kết": "Cổng TTĐT tỉnh Thanh Hóa"), not this site's name
    let other_site = |i: usize, b: &dom::Block| i >= 8 && b.link_chars >= b.chars && !b.has(dom::HEADER_TAG);
    s.name = meta.site_name.clone().or_else(|| {
        page.blocks
            .iter()
            .enumerate()
            .find(|(i, b)| words(&b.text) <= 14 && !other_site(*i, b) && site::is_site_name(&b.text))
            .map(|(_, b)| b)
            .map(|b| b.text.as_str())
            .or_else(|| masthead().next())
            .or(meta.owner_name.as_deref())
            .map(site::clean_site_name)
    });
    let footer = || {
        page.blocks
            .iter()
            .zip(kinds)
            .enumerate()
            .filter(|(i, (b, k))| {
                matches!(k, Kind::Chrome(Chrome::Footer))
                    || (i + 10 >= page.blocks.len() && is_footer_line(&b.text))
            })
            .map(|(_, (b, _))| b.text.as_str())
    };
    s.domain = url
        .or(meta.url.as_deref())
        .or(page.head.base.as_deref())
        .and_then(site::host_of)
        .or_else(|| meta.title_host.clone())
        .or_else(|| page.head.archived_hosts.iter().max_by_key(|(_, n)| *n).map(|(h, _)| h.clone()))
        // a Vietnamese host serving the page's icon (not a CDN's)
        .or_else(|| page.head.icon.as_deref().and_then(site::host_of).filter(|h| h.ends_with(".vn")))
        .or_else(|| footer().find_map(site::host_in));
    s.province = s
        .name
        .as_deref()
        .and_then(site::province_in)
        .or_else(|| masthead().find_map(site::province_in))
        .or_else(|| s.domain.as_deref().and_then(site::province_of_domain))
        .or_else(|| {
            footer()
                .filter(|t| {
                    let k = layout::key(t);
                    k.starts_with("cơ quan chủ quản")
                        || k.starts_with("đơn vị chủ quản")
                        || k.contains("địa chỉ")
                })
                .find_map(site::province_in)
        })
        .or_else(|| footer().find_map(site::province_named))
        .map(str::to_owned);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_markup_reads_without_panicking() {
        // a deterministic stream of fragments: broken tags, stray closers,
        // entities, deep nesting, legacy bytes as Latin-1, empty pages
        let parts = [
            "<p>",
            "</p>",
            "<div class='content'>",
            "</div>",
            "<br>",
            "<h1>",
            "</h1>",
            "<a href='/x.pdf'>",
            "</a>",
            "<table><tr><td>",
            "</td></tr></table>",
            "<li>",
            "Tải về",
            "Ngày đăng: 12/03/2020 08:30 | ",
            "(05.08.2019 16:32)",
            "Hội nghị đã thông qua nghị quyết. ",
            "ViÖt Nam cña ",
            "Vieät Nam cuûa ",
            "&nbsp;",
            "&#7871;",
            "<script>x</script>",
            "<style>",
            "<title>T - Cổng thông tin điện tử tỉnh X</title>",
            "<meta property='article:published_time' content='2019-13-45T99:99:00+25:00'>",
            "Tin liên quan",
            "\u{0}",
            "<marquee>",
            "<header>",
            "<article>",
            "Đ",
            "ủ",
            "<time datetime='x'>",
            "</time>",
            "<img>",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut page = String::new();
            for _ in 0..(seed % 200) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                page.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            let a = read(&page, Some("http://x.example.vn/a"));
            assert!(a.paragraphs.iter().all(|p| !p.is_empty()));
        }
        assert!(read("", None).paragraphs.is_empty());
    }

    /// `HTML_DUMP=page.html cargo test dump_blocks -- --ignored --nocapture`
    /// prints the blocks of a page with their kinds and the region.
    #[test]
    #[ignore]
    fn dump_blocks() {
        let Ok(path) = std::env::var("HTML_DUMP") else { return };
        let bytes = std::fs::read(path).unwrap();
        let text = crate::decode::decode(&bytes, None, true).unwrap().text;
        let page = dom::walk(&Html::parse_document(&text));
        let kinds: Vec<Kind> = page.blocks.iter().map(content::classify).collect();
        let region = content::region(&page, &kinds);
        eprintln!("region {region:?}");
        for (i, (b, k)) in page.blocks.iter().zip(&kinds).enumerate() {
            let t: String = b.text.chars().take(90).collect();
            eprintln!(
                "{i:4} {k:?} h{} {:?} f{:x} e{} l{}/{} {t}",
                b.heading, b.hints, b.flags, b.elem, b.link_chars, b.chars
            );
        }
    }
}
