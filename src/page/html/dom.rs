//! One walk over the parsed page: its text as a list of blocks (paragraphs
//! as a reader sees them: split at block-level elements and `<br>`), the
//! block-level elements with the range of blocks each holds, and what the
//! page says about itself in `<head>` (title, `<meta>`, canonical link,
//! JSON-LD).
//!
//! A block-level element's blocks are a contiguous range of the block list
//! (blocks are made in document order), so any sum over an element's text is
//! a difference of prefix sums.

use super::hints::{self, Hints};
use crate::normalize::paragraph;
use scraper::{ElementRef, Html, Node};

/// Block flags.
pub(super) const LINK: u16 = 1;
pub(super) const BOLD: u16 = 2;
/// Inside `<nav>`, `<aside>`, `<menu>`, `<marquee>`, or a `<header>` /
/// `<footer>` that is not an article's own.
pub(super) const CHROME_TAG: u16 = 4;
/// Inside `<article>`, `<main>` or an `itemprop="articleBody"`.
pub(super) const ARTICLE: u16 = 8;
pub(super) const LIST_ITEM: u16 = 16;
pub(super) const CAPTION: u16 = 32;
/// An image stands between this block and the one before.
pub(super) const AFTER_IMAGE: u16 = 64;
/// The block holds a link to a file (`.pdf`, `.doc`, …).
pub(super) const FILE_LINK: u16 = 128;
/// Inside a `<header>` (an article's or the page's).
pub(super) const HEADER_TAG: u16 = 256;

/// A paragraph of the page.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// Normalized text (NFC, spaces folded, trimmed).
    pub text: String,
    /// The innermost block-level element holding it.
    pub elem: u32,
    /// Characters other than spaces.
    pub chars: u32,
    /// Of which inside links.
    pub link_chars: u32,
    /// Of which bold.
    pub bold_chars: u32,
    /// 1–6 inside `<h1>`–`<h6>`, else 0.
    pub heading: u8,
    /// Hints of the names of the elements around it.
    pub hints: Hints,
    /// [`LINK`], [`BOLD`], … as they hold for the block's container.
    pub flags: u16,
    /// The `datetime` of a `<time>` element in the block.
    pub datetime: Option<String>,
}

impl Block {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 }
    }

    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// A block-level element.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    /// The parent block-level element, `u32::MAX` for the root.
    pub parent: u32,
    /// Its blocks: `first..end`.
    pub first: u32,
    pub end: u32,
}

/// What the page says about itself outside its text.
#[derive(Debug, Clone, Default)]
pub(super) struct Head {
    /// `<title>`.
    pub title: Option<String>,
    /// `<meta>` name/property/itemprop (lower case) and content, in order.
    pub metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// `<base href>`: the page's address or its site's (Joomla writes the
    /// page's own).
    pub base: Option<String>,
    /// Texts of `<script type="application/ld+json">`.
    pub ld_json: Vec<String>,
    /// Hosts of archived copies of the site's own pages and files
    /// (`/web/20180312211947/http://stp.daknong.gov.vn/…`), with counts.
    pub archived_hosts: Vec<(String, u32)>,
    /// The absolute address of the page's icon (`<link rel="icon">`): a
    /// portal serves its favicon from its own host.
    pub icon: Option<String>,
}

impl Head {
    /// The content of the first `<meta>` with one of these keys.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas.iter().find(|(name, v)| name == k && !v.trim().is_empty()).map(|(_, v)| v.trim())
        })
    }
}

/// The walked page.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub blocks: Vec<Block>,
    pub elems: Vec<Elem>,
    pub head: Head,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Innermost block-level element.
    elem: u32,
    flags: u16,
    hints: Hints,
    heading: u8,
    /// For an inline element with hints of its own (`<span
    /// class="Title">`): those hints, the length of the pending text and
    /// the number of blocks when it opened.
    inline: Option<(Hints, usize, usize)>,
}

/// Hints an inline element lends to the block it fills.
const INLINE_HINTS: Hints =
    Hints::TITLE.or(Hints::DATE).or(Hints::AUTHOR).or(Hints::SECTION).or(Hints::BREADCRUMB);

#[derive(Default)]
struct Walker {
    page: Page,
    frames: Vec<Frame>,
    text: String,
    link_chars: u32,
    bold_chars: u32,
    pending_image: bool,
    pending_file: bool,
    datetime: Option<String>,
    /// Hints of inline elements in the pending text, with the bytes of text
    /// each held.
    inline_hints: Vec<(Hints, usize)>,
}

/// Elements whose content is not page text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "option"
            | "optgroup"
            | "textarea"
            | "button"
            | "input"
            | "datalist"
            | "map"
            | "audio"
            | "video"
            | "applet"
            | "frame"
            | "noembed"
            | "noframes"
    )
}

/// Elements that start and end a paragraph.
fn block_level(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "marquee"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// The attributes the walk reads, gathered in one pass over an element's
/// attributes (`Element::attr` builds an atom and searches for each name).
/// As `attr` does, only attributes without a namespace count.
#[derive(Default)]
struct Attrs<'a> {
    hidden: bool,
    style: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    role: Option<&'a str>,
    href: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    kind: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    rel: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (q, v) in &e.attrs {
            if q.prefix.is_some() || !q.ns.is_empty() {
                continue;
            }
            let v: &'a str = v;
            let slot = match &*q.local {
                "hidden" => {
                    a.hidden = true;
                    continue;
                }
                "style" => &mut a.style,
                "class" => &mut a.class,
                "id" => &mut a.id,
                "itemprop" => &mut a.itemprop,
                "role" => &mut a.role,
                "href" => &mut a.href,
                "content" => &mut a.content,
                "datetime" => &mut a.datetime,
                "type" => &mut a.kind,
                "property" => &mut a.property,
                "name" => &mut a.name,
                "rel" => &mut a.rel,
                _ => continue,
            };
            slot.get_or_insert(v);
        }
        a
    }
}

/// `style="display:none"`, `hidden`: content a reader never sees.
fn hidden(a: &Attrs) -> bool {
    if a.hidden {
        return true;
    }
    a.style.is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

const FILE_EXTENSIONS: [&str; 10] =
    [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".rar", ".zip", ".ppt", ".pptx", ".7z"];

fn is_file_link(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or(href).to_ascii_lowercase();
    FILE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
}

/// The host of an archived copy's URL: `…/web/20180312211947cs_/http/host/…`
/// or `…/web/20180312211947/http://host/…`.
fn archived_host(url: &str) -> Option<String> {
    let at = url.find("/web/")?;
    let rest = url.get(at + 5..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 8 {
        return None;
    }
    let rest = rest.get(digits..)?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '_').strip_prefix('/')?;
    let rest = rest.strip_prefix("https").or_else(|| rest.strip_prefix("http"))?;
    let rest = rest.trim_start_matches([':', '/', '_']);
    let host = crate::page::site::host_of(rest)?;
    (host != "web.archive.org" && host != "archive.org").then_some(host)
}

impl Walker {
    fn frame(&self) -> Frame {
        self.frames.last().copied().unwrap_or(Frame {
            elem: u32::MAX,
            flags: 0,
            hints: Hints::default(),
            heading: 0,
            inline: None,
        })
    }

    fn flush(&mut self) {
        if self.text.trim().is_empty() {
            self.text.clear();
            self.inline_hints.clear();
            self.link_chars = 0;
            self.bold_chars = 0;
            return;
        }
        let raw_len = self.text.trim().len();
        let lent = std::mem::take(&mut self.inline_hints)
            .into_iter()
            .filter(|&(_, n)| n * 10 >= raw_len * 8)
            .fold(Hints::default(), |h, (x, _)| h.with(x));
        let text = paragraph(&self.text);
        self.text.clear();
        let (link_chars, bold_chars) =
            (std::mem::take(&mut self.link_chars), std::mem::take(&mut self.bold_chars));
        if text.is_empty() {
            return;
        }
        let f = self.frame();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
        let mut flags = f.flags & !(LINK | BOLD);
        if std::mem::take(&mut self.pending_image) {
            flags |= AFTER_IMAGE;
        }
        if std::mem::take(&mut self.pending_file) {
            flags |= FILE_LINK;
        }
        self.page.blocks.push(Block {
            text,
            elem: f.elem,
            chars,
            link_chars: link_chars.min(chars),
            bold_chars: bold_chars.min(chars),
            heading: f.heading,
            hints: f.hints.with(lent),
            flags,
            datetime: self.datetime.take(),
        });
    }

    /// An image or icon separating the entries of a breadcrumb ("Trang chủ
    /// <img src=arrow.png> Tin tức"): written as " › ", so that the entries
    /// do not run together.
    fn breadcrumb_separator(&mut self) {
        if self.frame().hints.has(Hints::BREADCRUMB) && !self.text.trim().is_empty() {
            self.text.push_str(" › ");
        }
    }

    fn on_text(&mut self, t: &str) {
        let f = self.frame();
        if f.flags & (LINK | BOLD) != 0 {
            let n = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            if f.flags & LINK != 0 {
                self.link_chars += n;
            }
            if f.flags & BOLD != 0 {
                self.bold_chars += n;
            }
        }
        self.text.push_str(t);
    }

    /// Handles an element's start; returns whether to walk its children.
    fn open(&mut self, el: ElementRef) -> bool {
        let e = el.value();
        let name = e.name();
        let a = Attrs::of(e);
        match name {
            "title" => {
                if self.page.head.title.is_none() {
                    let t = paragraph(&el.text().collect::<String>());
                    if !t.is_empty() {
                        self.page.head.title = Some(t);
                    }
                }
                return false;
            }
            "script" => {
                if a.kind.is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
                    self.page.head.ld_json.push(el.text().collect());
                }
                return false;
            }
            "meta" => {
                let key = a.property.or(a.name).or(a.itemprop);
                if let (Some(k), Some(v)) = (key, a.content) {
                    self.page.head.metas.push((k.trim().to_ascii_lowercase(), v.to_owned()));
                }
                return false;
            }
            "link" => {
                if let Some(href) = a.href {
                    let rel = a.rel.unwrap_or_default().to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") && self.page.head.canonical.is_none()
                    {
                        self.page.head.canonical = Some(href.trim().to_owned());
                    }
                    if rel.split_whitespace().any(|r| r == "icon") && href.trim_start().starts_with("http") {
                        self.page.head.icon.get_or_insert_with(|| href.trim().to_owned());
                    }
                    self.note_archived(href);
                }
                return false;
            }
            "br" => {
                self.flush();
                return false;
            }
            "base" => {
                if let Some(href) = a.href.filter(|h| h.starts_with("http")) {
                    self.page.head.base.get_or_insert_with(|| href.trim().to_owned());
                }
                return false;
            }
            "img" => {
                self.pending_image = true;
                self.breadcrumb_separator();
                return false;
            }
            // an icon between breadcrumb entries (`<i class="td-bread-sep">`)
            "i" | "span" if a.class.is_some_and(|c| c.contains("sep")) => self.breadcrumb_separator(),
            _ => {}
        }
        if let Some(c) = a.itemprop.filter(|_| name != "meta")
            && let Some(v) = a.content.or(a.datetime)
        {
            self.page.head.metas.push((c.trim().to_ascii_lowercase(), v.to_owned()));
        }
        if skipped(name) || hidden(&a) {
            return false;
        }
        let parent = self.frame();
        let mut f = parent;
        let own = hints::of(a.class, a.id);
        f.hints = f.hints.with(own);
        f.inline = None;
        if !block_level(name) && own.has(INLINE_HINTS) {
            f.inline = Some((own.and(INLINE_HINTS), self.text.len(), self.page.blocks.len()));
        }
        let article = matches!(name, "article" | "main")
            || a.itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
            || a.role.is_some_and(|r| r.eq_ignore_ascii_case("main"));
        match name {
            "a" => {
                if let Some(href) = a.href {
                    f.flags |= LINK;
                    if is_file_link(href) {
                        self.pending_file = true;
                    }
                    self.note_archived(href);
                }
            }
            "b" | "strong" => f.flags |= BOLD,
            "nav" | "aside" | "menu" | "marquee" => f.flags |= CHROME_TAG,
            "header" | "footer" => {
                if parent.flags & ARTICLE == 0 {
                    f.flags |= CHROME_TAG;
                }
                if name == "header" {
                    f.flags |= HEADER_TAG;
                }
            }
            "li" => f.flags |= LIST_ITEM,
            "figcaption" | "caption" => f.flags |= CAPTION,
            "time" => {
                if let Some(dt) = a.datetime {
                    self.datetime.get_or_insert_with(|| dt.trim().to_owned());
                }
            }
            _ => {}
        }
        if article {
            f.flags |= ARTICLE;
        }
        if let Some(level) =
            name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()).filter(|l| (1..=6).contains(l))
        {
            f.heading = level;
        }
        if block_level(name) {
            self.flush();
            let idx = self.page.elems.len() as u32;
            let n = self.page.blocks.len() as u32;
            self.page.elems.push(Elem { parent: parent.elem, first: n, end: n });
            f.elem = idx;
        }
        self.frames.push(f);
        true
    }

    fn close(&mut self, name: &str) {
        if let Some((h, from, blocks)) = self.frame().inline
            && blocks == self.page.blocks.len()
        {
            let held = self.text.get(from..).map_or(0, |t| t.trim().len());
            self.inline_hints.push((h, held));
        }
        if block_level(name) {
            self.flush();
            let f = self.frame();
            let n = self.page.blocks.len() as u32;
            if let Some(e) = self.page.elems.get_mut(f.elem as usize) {
                e.end = n;
            }
        }
        self.frames.pop();
    }

    fn note_archived(&mut self, href: &str) {
        if !href.contains("/web/") {
            return;
        }
        if let Some(host) = archived_host(href) {
            let hosts = &mut self.page.head.archived_hosts;
            match hosts.iter_mut().find(|(h, _)| *h == host) {
                Some((_, n)) => *n += 1,
                None => hosts.push((host, 1)),
            }
        }
    }
}

/// Walks a parsed page once.
pub(super) fn walk(doc: &Html) -> Page {
    let mut w = Walker::default();
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        if closing {
            if let Some(e) = node.value().as_element() {
                w.close(e.name());
            }
            continue;
        }
        match node.value() {
            Node::Text(t) => w.on_text(t),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(node) else { continue };
                if w.open(el) {
                    stack.push((node, true));
                    stack.extend(node.children().rev().map(|c| (c, false)));
                }
            }
            Node::Document | Node::Fragment => stack.extend(node.children().rev().map(|c| (c, false))),
            _ => {}
        }
    }
    w.flush();
    w.page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_block_elements_and_breaks() {
        let doc = Html::parse_document(
            "<html><head><title>T - Site</title><meta property='og:title' content='T'></head><body>\
             <div class='content'><p>Một <b>hai</b> ba.<br>Bốn <a href='/x'>năm</a></p>\
             <p style='display:none'>ẩn</p><script>var x;</script><h2>Tiểu đề</h2></div>\
             <nav><a href='/'>Trang chủ</a></nav></body></html>",
        );
        let page = walk(&doc);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Một hai ba.", "Bốn năm", "Tiểu đề", "Trang chủ"]);
        assert_eq!(page.blocks[0].bold_chars, 3);
        assert_eq!(page.blocks[1].link_chars, 3);
        assert_eq!(page.blocks[2].heading, 2);
        assert!(page.blocks[3].has(CHROME_TAG));
        assert!(page.blocks[0].hints.has(Hints::CONTENT));
        assert_eq!(page.head.title.as_deref(), Some("T - Site"));
        assert_eq!(page.head.meta(&["og:title"]), Some("T"));
        // the div holds the first three blocks
        let p = &page.elems[page.blocks[0].elem as usize];
        assert_eq!((p.first, p.end), (0, 2));
        let div = &page.elems[p.parent as usize];
        assert_eq!((div.first, div.end), (0, 3));
    }

    #[test]
    fn archived_hosts() {
        assert_eq!(
            archived_host("/web/20180312211947cs_/http/stp.daknong.gov.vn/_layouts/a.css").as_deref(),
            Some("stp.daknong.gov.vn")
        );
        assert_eq!(archived_host("http://web.archive.org/web/20180312211947/http://egov2k10/quantri/"), None);
        assert_eq!(archived_host("/web/2018/x"), None);
    }
}
