//! Pages captured as text: the article with the portal's menus, widgets,
//! bylines and footers around it, one paragraph a line.
//!
//! What such pages share, and what the reader relies on:
//!
//! - The article is a run of prose lines (sentences: several words ending in
//!   sentence punctuation). Around it stand short lines with no sentence in
//!   them: the site name, the section, menus, the title, a date line; after
//!   it the byline, a source credit, list headings ("Các tin khác"), polls
//!   and the footer ("Giấy phép số …", "Cơ quan chủ quản: …").
//! - The title is the heading nearest the article's date line; without one,
//!   the longest heading above the article (a section label is shorter, a
//!   sub-heading comes after it).
//! - The publication stamp stands on the title line or next to it; a date
//!   line that opens with "Hôm nay" is the page's today-widget.
//! - Known chrome lines ([`super::chrome`]) are dropped wherever they stand;
//!   list headings and footer lines close the article.

use super::chrome::{self, Chrome};
use super::stamp::{self, Stamp};
use super::{Article, byline, site};
use crate::normalize::{paragraph, tone_key};
use crate::record::Warning;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Known furniture, dropped wherever it stands.
    Furniture,
    /// A list heading or footer line: the article is over.
    End,
    /// A "Hôm nay, Thứ hai ngày 17/05/2021" widget.
    Widget,
    /// A line that is only a publication stamp.
    Stamp(Stamp),
    /// The portal's name.
    SiteName,
    /// A sentence or more.
    Prose,
    /// A short line without a sentence: heading, label, caption, byline.
    Short,
}

#[derive(Debug)]
struct Line {
    text: String,
    kind: Kind,
    /// A site-footer line ("Giấy phép số …", "Cơ quan chủ quản: …").
    footer: bool,
}

/// Reads a page captured as text. `url` (when the input carries one) gives
/// the site's domain and province if the page does not name them.
///
/// ```
/// let page = "Cổng thông tin điện tử Kiên Giang\n\
///             Hoạt động của Đảng - Đoàn thể\n\
///             Tăng cường vai trò nêu gương của cán bộ, đảng viên\n\
///             (08:12 | 21/08/2019)\n\
///             Sáng ngày 20/8, hội nghị trực tuyến sơ kết 03 năm thực hiện Chỉ thị 05 đã diễn ra.\n\
///             Theo vpubnd.kiengiang.gov.vn\n";
/// let a = vnarticle::page::text::read(page, None);
/// assert_eq!(a.title.as_deref(), Some("Tăng cường vai trò nêu gương của cán bộ, đảng viên"));
/// assert_eq!(a.published.as_deref(), Some("2019-08-21T08:12:00+07:00"));
/// assert_eq!(a.section.as_deref(), Some("Hoạt động của Đảng - Đoàn thể"));
/// assert_eq!(a.site.province.as_deref(), Some("Kiên Giang"));
/// assert_eq!(a.source_credit.as_deref(), Some("vpubnd.kiengiang.gov.vn"));
/// assert_eq!(a.paragraphs.len(), 1);
/// ```
pub fn read(text: &str, url: Option<&str>) -> Article {
    let mut lines: Vec<Line> = unwrap_hard_wrapped(text)
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(|text| {
            let (kind, footer) = classify(&text);
            Line { text, kind, footer }
        })
        .collect();
    title_before_stamp(&mut lines);
    let mut article = Article::default();
    read_site(&lines, &mut article);

    let head = read_head(&lines, &mut article);
    head_byline(&mut lines, head, &mut article);
    let (body, tail, last) = split_body(&lines, head);
    read_tail(&lines[tail..], &mut article);
    if article.published.is_none() {
        article.published = stamp_after(&lines, last).map(|s| s.to_iso());
    }
    article.paragraphs = body;
    // lines were normalized by unwrap_hard_wrapped, empty ones dropped
    article.normalized = true;
    if article.paragraphs.is_empty() {
        article.warnings.push(Warning::new("empty_body", "no article body found on the page"));
    }
    article.complete_site_from_url(url);
    article
}

/// Lines of the page, normalized. A page hard-wrapped at a fixed width
/// (paragraphs as blocks of lines separated by blank lines) has each block
/// joined into one line.
fn unwrap_hard_wrapped(text: &str) -> Vec<String> {
    let raw: Vec<String> = text.lines().map(paragraph).collect();
    let nonempty = raw.iter().filter(|l| !l.is_empty()).count();
    // lines followed by another line of the same block: in a wrapped page,
    // nearly all of them are cut near one width
    let inner: Vec<usize> = raw
        .windows(2)
        .filter(|w| !w[0].is_empty() && !w[1].is_empty())
        .map(|w| w[0].chars().count())
        .collect();
    let in_band = inner.iter().filter(|&&n| (55..=100).contains(&n)).count();
    // the longest line, counted only when the rest holds
    let max = || raw.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let wrapped =
        inner.len() >= 4 && inner.len() * 3 > nonempty && in_band * 10 >= inner.len() * 8 && max() <= 110;
    if !wrapped {
        return raw;
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for line in raw {
        if line.is_empty() {
            out.push(std::mem::take(&mut current));
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&line);
        }
    }
    out.push(current);
    out
}

fn classify(line: &str) -> (Kind, bool) {
    match chrome::classify(line) {
        Some(Chrome::Furniture) => return (Kind::Furniture, false),
        Some(Chrome::End) => return (Kind::End, false),
        Some(Chrome::Footer) => return (Kind::End, true),
        None => {}
    }
    (classify_content(line), false)
}

/// The kind of a line that is not known chrome.
fn classify_content(line: &str) -> Kind {
    // widgets, stamps and site names are short lines: a paragraph need not
    // be tried against them
    if line.len() > SHORT_LINE_BYTES {
        return if is_prose(line) { Kind::Prose } else { Kind::Short };
    }
    if is_widget(line) {
        return Kind::Widget;
    }
    if let Some(s) = stamp::find_in_line(line) {
        return Kind::Stamp(s);
    }
    if site::is_site_name(line) || site::is_owner_masthead(line) {
        return Kind::SiteName;
    }
    if labelled_section(line).is_some() {
        // "Chuyên mục: Xây dựng Đảng": read as the section, never body
        return Kind::Furniture;
    }
    if is_prose(line) { Kind::Prose } else { Kind::Short }
}

/// Lines longer than this (in bytes) are not tried as widgets, stamps or
/// site names: the longest of those is well under half of it.
const SHORT_LINE_BYTES: usize = 240;

/// "Hôm nay, Thứ hai ngày 17/05/2021", "Hôm nay là thứ Hai, 17/5/2021": the
/// page's clock, not the article's date.
fn is_widget(line: &str) -> bool {
    if !line.starts_with(['H', 'h']) || line.len() > 120 {
        return false;
    }
    let key = tone_key(line);
    let Some(rest) = key.strip_prefix("hôm nay") else { return false };
    let rest = rest.trim_start_matches([',', ':', ' ']);
    let rest = rest.strip_prefix("là").unwrap_or(rest);
    stamp::parse_line(rest.trim()).is_some() || (rest.split_whitespace().count() <= 8 && rest.contains('/'))
}

/// A sentence: at least four words ending in sentence punctuation, or a long
/// line.
fn is_prose(line: &str) -> bool {
    let last = line.trim_end_matches(['"', '”', '’', '»', ')', ']', '\'', ' ']).chars().last();
    let ends_sentence = matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'));
    // words are counted up to the most the rule then looks at
    if ends_sentence { super::count_words(line, 4) >= 4 } else { super::count_words(line, 30) >= 30 }
}

/// A heading-like line that can be a title, a section or a sub-heading.
fn is_heading(l: &Line) -> bool {
    matches!(l.kind, Kind::Short)
}

/// A title that reads as a sentence ("Vì sao phải nâng cao chất lượng hòa
/// giải ở cơ sở?", "Tiêu đề bài viết.") is still the heading when the
/// page's date line stands right under it: the first sentence-shaped line,
/// short, followed by a stamp before any other sentence, is a heading.
fn title_before_stamp(lines: &mut [Line]) {
    let Some(first) = lines.iter().position(|l| l.kind == Kind::Prose) else { return };
    let stamp_next = lines
        .get(first + 1..)
        .unwrap_or_default()
        .iter()
        .find(|l| l.kind != Kind::Furniture)
        .is_some_and(|l| matches!(l.kind, Kind::Stamp(_)));
    let short = lines.get(first).is_some_and(|l| l.text.split_whitespace().nth(25).is_none());
    if stamp_next
        && short
        && let Some(l) = lines.get_mut(first)
    {
        l.kind = Kind::Short;
    }
}

/// A labelled byline between the title and the article ("Tin, ảnh: Hồng
/// Lĩnh"): the authors, and not a line of the body.
fn head_byline(lines: &mut [Line], head: usize, article: &mut Article) {
    let Some(rest) = lines.get_mut(head..) else { return };
    for l in rest.iter_mut().take_while(|l| l.kind != Kind::Prose).take(6) {
        if l.kind == Kind::Short
            && let Some(names) = byline::labelled_authors(&l.text).or_else(|| byline::degree_authors(&l.text))
        {
            if article.authors.is_empty() {
                article.authors = names;
            }
            l.kind = Kind::Furniture;
        }
    }
}

/// The article's date line printed under it ("Ngày cập nhật: 10/06/2020"
/// after the last paragraph, before the lists that follow).
fn stamp_after(lines: &[Line], last: Option<usize>) -> Option<Stamp> {
    lines.get(last? + 1..)?.iter().take_while(|l| l.kind != Kind::End).take(5).find_map(|l| match l.kind {
        Kind::Stamp(s) => Some(s),
        _ => None,
    })
}

/// Finds title, publication stamp and section above the article; returns
/// the index of the first line after the title (or its stamp).
fn read_head(lines: &[Line], article: &mut Article) -> usize {
    let first_prose = lines.iter().position(|l| l.kind == Kind::Prose).unwrap_or(lines.len());

    // A title with its stamp on the same line: "Tiêu đề. (19/05/2017, 08:14)".
    let search = (first_prose + 1).min(lines.len());
    for (i, l) in lines[..search].iter().enumerate() {
        if matches!(l.kind, Kind::Short | Kind::Prose)
            && let Some((title, s)) = stamp::split_trailing(&l.text)
            && !title.is_empty()
        {
            article.title = Some(clean_title(title));
            article.published = Some(s.to_iso());
            article.section = section_before(lines, i);
            return i + 1;
        }
    }

    // the date line nearest the article: a date higher up the page is the
    // portal's clock ("Thứ Ba, 05/12/2023" in the header, without "Hôm nay")
    let stamp_at = lines[..first_prose].iter().rposition(|l| matches!(l.kind, Kind::Stamp(_)));
    if let Some(s) = stamp_at {
        // a labelled byline between the title and its date line ("Bài và
        // ảnh: K' Thuần") is the authors, not the title
        let byline_at = |i: usize| byline::labelled_authors(&lines[i].text);
        let before = (0..s).rev().find(|&i| is_heading(&lines[i]) && byline_at(i).is_none());
        if let Some(b) = before
            && article.authors.is_empty()
        {
            if let Some(names) = (b + 1..s).filter(|&i| is_heading(&lines[i])).find_map(byline_at) {
                article.authors = names;
            }
        }
        let after = (s + 1..first_prose).find(|&i| is_heading(&lines[i]));
        // a category label above the date line, the title under it
        // ("Tin tức - Sự kiện" / "Thứ ba, 07/03/2023 | 08:00" / title)
        let label_above = before.is_some_and(|b| {
            let t = &lines[b].text;
            looks_like_section(t) || breadcrumb_last(t).is_some()
        });
        let chosen = if label_above && after.is_some() { after } else { before.or(after) };
        if let Some(t) = chosen {
            if let Kind::Stamp(st) = lines[s].kind {
                article.published = Some(st.to_iso());
            }
            article.title = Some(clean_title(&lines[t].text));
            article.section = section_before(lines, t);
            return t.max(s) + 1;
        }
    }

    // Headings above the article: category labels first (dropped while
    // another heading follows), then the title, then sub-headings; the title
    // is the longest of what remains.
    let mut headings: Vec<usize> = (0..first_prose).filter(|&i| is_heading(&lines[i])).collect();
    while headings.len() > 1 && looks_like_section(&lines[headings[0]].text) {
        headings.remove(0);
    }
    if let Some(&t) = headings.iter().max_by_key(|&&i| (lines[i].text.chars().count(), std::cmp::Reverse(i)))
    {
        article.title = Some(clean_title(&lines[t].text));
        article.section = section_before(lines, t);
        return t + 1;
    }

    // No heading above the prose: a short first prose line is the title when
    // more prose follows it.
    if first_prose < lines.len() {
        let l = &lines[first_prose];
        let more = lines[first_prose + 1..].iter().any(|l| l.kind == Kind::Prose);
        if more && l.text.chars().count() <= 200 {
            article.title = Some(clean_title(&l.text));
            // a stamp right under it
            if let Some(Line { kind: Kind::Stamp(s), .. }) = lines.get(first_prose + 1) {
                article.published = Some(s.to_iso());
                return first_prose + 2;
            }
            return first_prose + 1;
        }
    }
    0
}

/// The section label: the heading nearest above the title, when it is short
/// and shaped like a category name, or the last entry of a breadcrumb trail
/// there ("Trang chủ » Tin tức » Tin hoạt động"); else a labelled category
/// line in the head ("Chuyên mục: Xây dựng Đảng").
fn section_before(lines: &[Line], title: usize) -> Option<String> {
    let labelled = || {
        lines.iter().take(title + 4).find_map(|l| match l.kind {
            Kind::Short | Kind::Furniture => labelled_section(&l.text).map(str::to_owned),
            _ => None,
        })
    };
    let Some(i) = lines[..title].iter().rposition(is_heading) else { return labelled() };
    let text = &lines[i].text;
    if let Some(last) = breadcrumb_last(text) {
        return Some(last.to_owned());
    }
    let shaped = section_shaped(text) && !text.ends_with(['.', ':', ';', '!', '?']);
    shaped.then(|| text.trim_end_matches(['>', '»', '›', ' ']).to_owned()).or_else(labelled)
}

/// A short heading shaped like a category name: a few words, no digits.
fn section_shaped(text: &str) -> bool {
    (1..=8).contains(&text.split_whitespace().count()) && !text.chars().any(|c| c.is_ascii_digit())
}

/// The last entry of a breadcrumb trail written in one line ("Trang chủ >
/// Tin tức - Sự kiện > Xây dựng Đảng", "Trang chủ / Tin tức / Kinh tế"):
/// entries between '>', '»', '›' or '/', opening with the home page or three
/// or more of them; the last one shaped like a category name.
pub(crate) fn breadcrumb_last(text: &str) -> Option<&str> {
    let parts: Vec<&str> = text.split(['>', '»', '›', '/']).map(str::trim).collect();
    let home = |p: &str| matches!(tone_key(p).as_str(), "trang chủ" | "home" | "trang nhất");
    let trail = parts.len() >= 3 || (parts.len() == 2 && parts.first().is_some_and(|p| home(p)));
    if !trail || parts.iter().any(|p| p.is_empty() || p.split_whitespace().count() > 8) {
        return None;
    }
    parts.last().copied().filter(|p| !home(p) && section_shaped(p))
}

/// The category named by a labelled line: "Chuyên mục: Xây dựng Đảng",
/// "Danh mục: Tin tức - Sự kiện".
pub(crate) fn labelled_section(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(':')?;
    if !super::key_may_open_with(label.trim(), &['c', 'd', 't']) {
        return None;
    }
    let rest = rest.trim();
    matches!(tone_key(label.trim()).as_str(), "chuyên mục" | "danh mục" | "chuyên đề" | "thể loại")
        .then_some(rest)
        .filter(|r| section_shaped(r) && !r.ends_with(['.', ';', '!', '?']))
}

static SECTION_OPENERS: LazyLock<Vec<String>> =
    LazyLock::new(|| crate::wordlist::lines(include_str!("sections.txt")).map(tone_key).collect());

/// A short heading that opens like a category label ("Tin tức trong Huyện").
fn looks_like_section(text: &str) -> bool {
    let key = tone_key(text);
    key.split_whitespace().count() <= 8
        && SECTION_OPENERS.iter().any(|o| {
            key.starts_with(o.as_str()) && !key[o.len()..].chars().next().is_some_and(char::is_alphanumeric)
        })
}

/// A title without a trailing full stop.
fn clean_title(title: &str) -> String {
    let t = title.trim();
    let t = t.strip_suffix('.').filter(|t| !t.ends_with('.')).unwrap_or(t);
    t.trim_end().to_owned()
}

/// The body's paragraphs (from `start`), the index where the tail begins
/// and the index of the body's last line.
fn split_body(lines: &[Line], start: usize) -> (Vec<String>, usize, Option<usize>) {
    let mut body: Vec<usize> = Vec::new();
    let mut seen_prose = false;
    let mut end = lines.len();
    let mut skip_to = start;
    for (i, l) in lines.iter().enumerate().skip(start) {
        if i < skip_to {
            continue;
        }
        match l.kind {
            Kind::End if seen_prose => {
                if let Some(resume) = inline_box_end(lines, i) {
                    skip_to = resume;
                    continue;
                }
                end = i;
                break;
            }
            Kind::Prose => {
                seen_prose = true;
                body.push(i);
            }
            Kind::Short => body.push(i),
            _ => {}
        }
    }
    // short lines after the last sentence are byline, credit or chrome; a
    // line in quotes closing the article is the article's
    let last_prose = body.iter().rposition(|&i| lines[i].kind == Kind::Prose);
    let mut keep = last_prose.map_or(0, |p| p + 1);
    while keep > 0
        && body
            .get(keep)
            .is_some_and(|&i| is_quoted(&lines[i].text) && body.get(keep - 1).is_some_and(|&p| i == p + 1))
    {
        keep += 1;
    }
    let tail = body.get(keep).copied().unwrap_or(end).min(end);
    body.truncate(keep);
    let last = body.last().copied();
    (body.into_iter().map(|i| lines[i].text.clone()).collect(), tail, last)
}

/// A line wholly in quotation marks (“Không để ai bị bỏ lại phía sau”).
fn is_quoted(text: &str) -> bool {
    let t = text.trim_end_matches(['.', '!', ' ']);
    (t.starts_with('“') && t.ends_with('”')) || (t.len() > 2 && t.starts_with('"') && t.ends_with('"'))
}

/// A "Tin liên quan" list set between two paragraphs: the index where the
/// article resumes, when at least two sentences follow its entries before
/// any other list heading or footer. A list after the article's last
/// paragraph closes it instead.
fn inline_box_end(lines: &[Line], heading: usize) -> Option<usize> {
    let h = lines.get(heading)?;
    if h.footer || !tone_key(&h.text).contains("liên quan") {
        return None;
    }
    let mut j = heading + 1;
    while lines.get(j).is_some_and(|l| matches!(l.kind, Kind::Short | Kind::Stamp(_) | Kind::Furniture))
        && j <= heading + 8
    {
        j += 1;
    }
    if j == heading + 1 || lines.get(j).is_none_or(|l| l.kind != Kind::Prose) {
        return None;
    }
    let after: Vec<&Line> =
        lines[j..].iter().take_while(|l| l.kind != Kind::End).filter(|l| l.kind == Kind::Prose).collect();
    let chars: usize = after.iter().map(|l| l.text.len()).sum();
    (after.len() >= 2 && chars >= 200).then_some(j)
}

/// Byline and source credit in the first lines after the article.
fn read_tail(tail: &[Line], article: &mut Article) {
    for l in tail.iter().take_while(|l| !matches!(l.kind, Kind::End)).take(3) {
        if l.kind != Kind::Short {
            continue;
        }
        if let Some(src) = byline::credit(&l.text) {
            article.source_credit.get_or_insert(src);
        } else if article.authors.is_empty()
            && let Some(names) = byline::authors(&l.text)
        {
            article.authors = names;
            // "Hoàng Long (Theo Báo Lào Cai)"
            if let Some(src) = byline::bracketed_credit(&l.text) {
                article.source_credit.get_or_insert(src);
            }
        }
    }
}

/// Site name, domain and province from the page's own lines: site-name
/// lines, then footer lines ("Cơ quan chủ quản: Ủy ban nhân dân tỉnh …",
/// "Ghi rõ nguồn tin "http://daklak.gov.vn"").
fn read_site(lines: &[Line], article: &mut Article) {
    let s = &mut article.site;
    // the masthead: lines above the article that name the body running the
    // portal in capitals ("SỞ TƯ PHÁP TỈNH QUẢNG NGÃI")
    let first_prose = lines.iter().position(|l| l.kind == Kind::Prose).unwrap_or(lines.len());
    let masthead = || {
        lines[..first_prose].iter().filter(|l| l.kind == Kind::SiteName && site::is_owner_masthead(&l.text))
    };
    if let Some(i) = lines.iter().position(|l| l.kind == Kind::SiteName && site::is_site_name(&l.text)) {
        let l = &lines[i];
        s.name = Some(site::clean_site_name(&l.text));
        s.province = site::province_in(&l.text).map(str::to_owned);
        if s.province.is_none() {
            // a district portal's masthead with its province on the next
            // line ("Cổng thông tin điện tử huyện Di Linh" / "Lâm Đồng")
            s.province = [i.wrapping_sub(1), i + 1]
                .iter()
                .filter(|&&j| j < first_prose)
                .find_map(|&j| lines.get(j).and_then(|l| province_line(&l.text)))
                .map(str::to_owned);
        }
    } else if let Some(l) = masthead().next() {
        s.name = Some(site::clean_site_name(&l.text));
    }
    if s.province.is_none() {
        s.province = masthead().find_map(|l| site::province_in(&l.text)).map(str::to_owned);
    }
    let footer = || lines.iter().filter(|l| l.footer);
    if s.domain.is_none() {
        s.domain = footer().find_map(|l| site::host_in(&l.text));
    }
    if s.province.is_none() {
        s.province = s.domain.as_deref().and_then(site::province_of_domain).map(str::to_owned);
    }
    if s.province.is_none() {
        // the owner named in the footer: "Ủy ban nhân dân tỉnh Đắk Lắk"
        s.province = footer()
            .filter(|l| {
                let k = tone_key(&l.text);
                k.starts_with("cơ quan chủ quản") || k.starts_with("đơn vị chủ quản")
            })
            .find_map(|l| site::province_in(&l.text))
            .or_else(|| footer().find_map(|l| site::province_named(&l.text)))
            .map(str::to_owned);
    }
}

/// A line that only names a province ("Lâm Đồng", "Tỉnh Quảng Ngãi",
/// "TỈNH GIA LAI"): the province.
fn province_line(text: &str) -> Option<&'static str> {
    if text.len() > 60 {
        return None;
    }
    let p = site::province_in(text)?;
    let key = tone_key(text);
    let key = key.trim_matches(|c: char| !c.is_alphanumeric());
    let rest =
        ["tỉnh ", "thành phố ", "tp. ", "tp "].iter().find_map(|pre| key.strip_prefix(pre)).unwrap_or(key);
    (rest.trim() == tone_key(p)).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_clock_gives_way_to_the_date_line() {
        let page = "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN IA PA\n\
                    Trang chủ Giới thiệu Tin tức Chính quyền Công dân\n\
                    Thứ Sáu, 08/03/2024\n\
                    Tin tức > Kinh tế\n\
                    Nông dân Ia Pa chuyển đổi cây trồng trên đất lúa kém hiệu quả\n\
                    Cập nhật: 21/02/2024 10:05\n\
                    Vụ Đông Xuân năm nay, các xã đã chuyển đổi hơn 300 ha lúa sang trồng ngô.\n\
                    Nhiều hộ có thu nhập cao hơn hẳn so với trồng lúa như trước đây.\n";
        let a = read(page, None);
        assert_eq!(a.title.as_deref(), Some("Nông dân Ia Pa chuyển đổi cây trồng trên đất lúa kém hiệu quả"));
        assert_eq!(a.published.as_deref().and_then(|p| p.get(..10)), Some("2024-02-21"));
    }

    #[test]
    fn labelled_byline_between_title_and_date_line() {
        let page = "Cổng thông tin điện tử huyện Lạc Dương\n\
                    Tin tức - Sự kiện\n\
                    Lạc Dương tập huấn kỹ thuật trồng cà phê cho đồng bào Cơ Ho\n\
                    Bài và ảnh: K' Thuần\n\
                    Ngày 14/09/2022 | 14:20\n\
                    Trong hai ngày, hơn 80 nông dân các xã Đạ Sar, Đạ Nhim đã được hướng dẫn cách tỉa cành.\n\
                    Lớp tập huấn do Trạm Khuyến nông huyện phối hợp với các xã tổ chức tại nhà văn hóa thôn.\n";
        let a = read(page, None);
        assert_eq!(a.title.as_deref(), Some("Lạc Dương tập huấn kỹ thuật trồng cà phê cho đồng bào Cơ Ho"));
        assert_eq!(a.authors, ["K' Thuần"]);
        assert_eq!(a.published.as_deref().and_then(|p| p.get(..10)), Some("2022-09-14"));
    }

    #[test]
    fn province_on_the_line_under_the_site_name() {
        let page = "Cổng thông tin điện tử huyện Đạ Tẻh\n\
                    Lâm Đồng\n\
                    Tin tức - Sự kiện\n\
                    Đạ Tẻh ra quân làm đường giao thông nông thôn\n\
                    Đăng ngày: 12/04/2024 | 08:30\n\
                    Sáng nay, hàng trăm đoàn viên đã ra quân làm đường tại các thôn vùng sâu.\n\
                    Các tuyến đường mới giúp bà con đi lại thuận tiện hơn trong mùa mưa.\n";
        let a = read(page, None);
        assert_eq!(a.site.province.as_deref(), Some("Lâm Đồng"));
    }

    #[test]
    fn province_lines() {
        assert_eq!(province_line("Lâm Đồng"), Some("Lâm Đồng"));
        assert_eq!(province_line("Tỉnh Quảng Ngãi"), Some("Quảng Ngãi"));
        assert_eq!(province_line("TỈNH GIA LAI"), Some("Gia Lai"));
        assert_eq!(province_line("Du lịch Lâm Đồng"), None);
        assert_eq!(province_line("Tin tức - Sự kiện"), None);
    }

    #[test]
    fn prose_shape() {
        assert!(is_prose("Xin trân trọng cảm ơn đồng chí!"));
        assert!(is_prose("Quang cảnh tại điểm cầu Văn phòng UBND tỉnh."));
        assert!(!is_prose("Làm tốt công tác tuyên truyền"));
        assert!(!is_prose("Hồng Mong – Thế Sự"));
    }

    #[test]
    fn section_labels() {
        assert!(looks_like_section("Tin tức trong Huyện"));
        assert!(looks_like_section("Hoạt động của Đảng - Đoàn thể"));
        assert!(looks_like_section("THỜI SỰ - CHÍNH TRỊ"));
        assert!(!looks_like_section("Tính từ đầu năm, huyện đã tổ chức 31 hội nghị"));
        assert!(!looks_like_section(
            "Hoạt động kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam tại huyện Kim Sơn"
        ));
        assert!(!looks_like_section("Tinh gọn bộ máy"));
    }

    #[test]
    fn breadcrumbs_and_labels() {
        assert_eq!(breadcrumb_last("Trang chủ > Tin tức - Sự kiện > Xây dựng Đảng"), Some("Xây dựng Đảng"));
        assert_eq!(breadcrumb_last("Trang chủ » Tin tức » Tin hoạt động"), Some("Tin hoạt động"));
        assert_eq!(
            breadcrumb_last("Trang chủ / Tin tức - Sự kiện / Cải cách hành chính"),
            Some("Cải cách hành chính")
        );
        assert_eq!(breadcrumb_last("Trang chủ > Kinh tế"), Some("Kinh tế"));
        assert_eq!(breadcrumb_last("Học tập và làm theo Bác"), None);
        assert_eq!(breadcrumb_last("Tháo gỡ khó khăn cho doanh nghiệp / hợp tác xã"), None);
        assert_eq!(breadcrumb_last("Tin tức > 2019"), None);
        assert_eq!(labelled_section("Chuyên mục: Xây dựng Đảng"), Some("Xây dựng Đảng"));
        assert_eq!(labelled_section("Danh mục: Tin tức - Sự kiện"), Some("Tin tức - Sự kiện"));
        assert_eq!(
            labelled_section(
                "Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2021"
            ),
            None
        );
        assert_eq!(labelled_section("Tác giả: Hải Yến"), None);
    }

    #[test]
    fn widgets() {
        assert!(is_widget("Hôm nay, Thứ hai ngày 17/05/2021"));
        assert!(is_widget("Hôm nay là thứ Hai, 17/5/2021"));
        assert!(!is_widget("Hôm nay, hội nghị đã thông qua nghị quyết về công tác cán bộ."));
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let wrapped = "Đảng ủy Khối đã tập trung lãnh đạo, chỉ đạo thực hiện hiệu quả\n\
                       Kết luận số 01 của Bộ Chính trị; việc triển khai học tập, quán\n\
                       triệt trong toàn Đảng bộ Khối đạt nhiều kết quả tích cực.\n";
        let para = paragraph(&wrapped.replace('\n', " "));
        let mut page = String::from("Tiêu đề bài viết\n\n");
        for _ in 0..4 {
            page.push_str(wrapped);
            page.push('\n');
        }
        let lines = unwrap_hard_wrapped(&page);
        assert_eq!(lines.iter().filter(|l| **l == para).count(), 4, "{lines:?}");
        // one paragraph a line: left alone
        let plain = format!("Tiêu đề\n{para}\n{para}\nBình chọn\nQuảng cáo\n");
        assert_eq!(unwrap_hard_wrapped(&plain).len(), 5);
    }
}
