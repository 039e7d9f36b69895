//! A guard in front of the HTML parser: markup nested deeper than any real
//! page is flattened before html5ever sees it.
//!
//! html5ever's tree builder scans the stack of open elements for many start
//! tags ("is a `p` in button scope?"), so a page of 100 000 nested `<div>`s
//! costs time in the square of its depth (minutes, measured). No portal
//! nests that deep: real pages stay under a hundred levels. One linear pass
//! over the markup counts the open elements; once the count reaches
//! [`MAX_DEPTH`], further start tags of elements that would open a level are
//! dropped with their end tags. Text is never dropped, only the tags around
//! it, and a page that stays under the limit is returned as it is (borrowed,
//! no copy).
//!
//! The count is a tokenizer's, not a tree builder's: it skips comments,
//! doctypes and the raw text of `script`/`style`/`textarea`/`title`, does
//! not count void elements (`br`, `img`, …), elements whose end tags are
//! optional and that their next sibling closes (`p`, `li`, `td`, `tr`, …),
//! nor self-closing tags inside `svg`/`math`. It can only over-count on
//! pages that leave other elements unclosed by the thousand, which is what
//! the guard is for.
//!
//! The same pass empties the scripts the reader never reads: a portal page
//! is often 40% inline JavaScript, which html5ever would tokenize character
//! by character only for the walk to skip it. A script keeps its content
//! when its start tag mentions JSON (`application/ld+json` metadata is
//! read), inside `svg`/`math`, after a `plaintext` or `frameset` (where a
//! script is not raw text), when its content holds an HTML comment opener
//! and another `<script` (the escaped states of the tokenizer) or a
//! `</noscript` (it may sit inside a `noscript`, raw text too), and when
//! its end tag is not plainly there. In every other case html5ever would
//! read exactly the bytes removed as the script's text.

use std::borrow::Cow;

/// Open elements beyond which start tags are dropped.
pub(super) const MAX_DEPTH: usize = 512;

/// What [`limit`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Flattened {
    /// Start tags dropped.
    pub dropped: usize,
    /// Scripts emptied.
    pub scripts_emptied: usize,
}

/// The page with every element nested deeper than `max` levels flattened
/// into its ancestor at depth `max` and its unread scripts emptied, and how
/// many start tags were dropped.
pub(super) fn limit(html: &str, max: usize) -> (Cow<'_, str>, Flattened) {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // bytes of `html` up to here are in `out` (once it exists)
    let mut copied = 0usize;
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut foreign = 0usize;
    let mut dropped = 0usize;
    let mut scripts_emptied = 0usize;
    // after these, a `script` start tag is not (or not surely) raw text
    let mut plain_or_frames = false;
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let Some(tag) = scan(html, lt) else { break };
        i = tag.end;
        match tag.kind {
            TagKind::Skip => {}
            TagKind::RawText(name) => {
                // the element's text runs to its end tag
                i = raw_text_end(bytes, tag.end, name);
                if name == "script"
                    && foreign == 0
                    && !plain_or_frames
                    && unread_script(bytes, lt, tag.end, i)
                {
                    let s = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    s.push_str(&html[copied..tag.end]);
                    copied = i;
                    scripts_emptied += 1;
                }
            }
            TagKind::Start { name, self_closing } => {
                let name = lower(name);
                if name == "svg" || name == "math" {
                    foreign += 1;
                }
                if name == "plaintext" || name == "frameset" {
                    plain_or_frames = true;
                }
                if !counts(&name, self_closing, foreign) {
                    if (name == "svg" || name == "math") && self_closing {
                        foreign = foreign.saturating_sub(1);
                    }
                    continue;
                }
                if depth < max {
                    depth += 1;
                } else {
                    excess += 1;
                    dropped += 1;
                    let s = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    s.push_str(&html[copied..lt]);
                    copied = tag.end;
                }
            }
            TagKind::End(name) => {
                let name = lower(name);
                let foreign_end = name == "svg" || name == "math";
                if !counts(&name, false, foreign) {
                    continue;
                }
                if excess > 0 {
                    excess -= 1;
                    let s = out.get_or_insert_with(|| String::with_capacity(html.len()));
                    s.push_str(&html[copied..lt]);
                    copied = tag.end;
                } else {
                    depth = depth.saturating_sub(1);
                }
                if foreign_end {
                    foreign = foreign.saturating_sub(1);
                }
            }
        }
    }
    match out {
        None => (Cow::Borrowed(html), Flattened { dropped, scripts_emptied }),
        Some(mut s) => {
            s.push_str(&html[copied..]);
            (Cow::Owned(s), Flattened { dropped, scripts_emptied })
        }
    }
}

/// Whether an element opens a level that only its end tag closes.
fn counts(name: &str, self_closing: bool, foreign: usize) -> bool {
    if self_closing && foreign > 0 {
        return false;
    }
    !matches!(
        name,
        // void elements
        "area" | "base" | "basefont" | "bgsound" | "br" | "col" | "embed" | "frame" | "hr" | "img"
            | "input" | "keygen" | "link" | "meta" | "param" | "source" | "track" | "wbr"
            // closed by their next sibling or their parent's end
            | "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "optgroup" | "tbody"
            | "thead" | "tfoot" | "colgroup" | "caption" | "rb" | "rt" | "rtc" | "rp"
            // never nested
            | "html" | "head" | "body"
    )
}

fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

enum TagKind<'a> {
    /// A comment, doctype, processing instruction, or a `<` that opens no tag.
    Skip,
    /// The start tag of an element whose content is raw text.
    RawText(&'static str),
    Start {
        name: &'a str,
        self_closing: bool,
    },
    End(&'a str),
}

struct Tag<'a> {
    kind: TagKind<'a>,
    /// Just after the tag's `>` (or where scanning resumes).
    end: usize,
}

const RAW_TEXT: [&str; 8] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Reads the tag at `lt` (a `<`); `None` when the markup ends inside it.
fn scan(html: &str, lt: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let rest = bytes.get(lt + 1..)?;
    let first = *rest.first()?;
    if rest.starts_with(b"!--") {
        let end = memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |n| lt + 1 + 3 + n + 3);
        return Some(Tag { kind: TagKind::Skip, end });
    }
    if first == b'!' || first == b'?' {
        let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |n| lt + 1 + n + 1);
        return Some(Tag { kind: TagKind::Skip, end });
    }
    let (closing, name_at) = if first == b'/' { (true, lt + 2) } else { (false, lt + 1) };
    let name_len = bytes
        .get(name_at..)?
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    if name_len == 0 || !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        return Some(Tag { kind: TagKind::Skip, end: lt + 1 });
    }
    // the name is ASCII, so these are char boundaries
    let name = html.get(name_at..name_at + name_len)?;
    let (end, self_closing) = tag_end(bytes, name_at + name_len)?;
    if closing {
        return Some(Tag { kind: TagKind::End(name), end });
    }
    if !self_closing && let Some(raw) = RAW_TEXT.iter().find(|r| r.eq_ignore_ascii_case(name)) {
        return Some(Tag { kind: TagKind::RawText(raw), end });
    }
    Some(Tag { kind: TagKind::Start { name, self_closing }, end })
}

/// The end of a tag's attributes: just after its `>`, and whether it ends
/// in `/>`. Quoted attribute values may hold `>`.
fn tag_end(bytes: &[u8], mut i: usize) -> Option<(usize, bool)> {
    let mut after_eq = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return Some((i + 1, i > 0 && bytes.get(i - 1) == Some(&b'/'))),
            b'=' => after_eq = true,
            b'"' | b'\'' if after_eq => {
                let close = memchr::memchr(b, bytes.get(i + 1..)?)?;
                i += close + 1;
                after_eq = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_eq = false,
        }
        i += 1;
    }
    None
}

/// Where the raw text of `name` opened at `from` ends: at its end tag's `<`
/// (or the end of the markup).
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(n) = memchr::memmem::find(bytes.get(i..).unwrap_or_default(), b"</") {
        let at = i + n;
        let tail = bytes.get(at + 2..at + 2 + name.len()).unwrap_or_default();
        if tail.eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        i = at + 2;
    }
    bytes.len()
}

/// Whether the script whose start tag spans `lt..from` and whose raw text
/// ends at `end` (the `<` of what [`raw_text_end`] found) may be emptied
/// (module documentation).
fn unread_script(bytes: &[u8], lt: usize, from: usize, end: usize) -> bool {
    let delimiter = |b: Option<&u8>| matches!(b, Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'));
    let (Some(start), Some(content)) = (bytes.get(lt..from), bytes.get(from..end)) else { return false };
    // the tokenizer's tag name is "script", not "script$"
    delimiter(start.get(7))
        && !contains_ignore_case(start, b"json")
        && bytes.get(end..end + 8).is_some_and(|t| t.eq_ignore_ascii_case(b"</script"))
        && delimiter(bytes.get(end + 8))
        && !contains_ignore_case(content, b"</noscript")
        && !(memchr::memmem::find(content, b"<!--").is_some() && contains_ignore_case(content, b"<script"))
}

/// Whether `hay` holds `needle` (lower case ASCII, starting with `<` or a
/// letter), in any case.
fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else { return true };
    // the places where the first byte stands, in either case, found with
    // memchr's vector search (scripts run to tens of kilobytes)
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay)
        .any(|i| hay.get(i..i + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_in_any_case() {
        assert!(contains_ignore_case(b"var a = '</NOSCRIPT>';", b"</noscript"));
        assert!(contains_ignore_case(b"x < y <ScRiPt", b"<script"));
        assert!(!contains_ignore_case(b"<scrip", b"<script"));
        assert!(contains_ignore_case(b"type=\"application/ld+JSON\"", b"json"));
        assert!(!contains_ignore_case(b"type=\"text/javascript\"", b"json"));
        assert!(contains_ignore_case(b"abc", b""));
    }

    fn nested(n: usize) -> String {
        format!("<html><body>{}<p>Chữ.</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n))
    }

    #[test]
    fn shallow_pages_are_borrowed_as_they_are() {
        let page = "<!doctype html><html><head><title>a < b</title>\
                    <script type=\"application/ld+json\">{\"a\": \"<b>\"}</script></head>\
                    <body><!-- <div><div> --><div class=\"x>y\"><p>Một<br>hai<img src=a.png/></div>\
                    <svg><path d='M0'/><path/></svg></body></html>";
        let (out, f) = limit(page, 3);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(f, Flattened::default());
    }

    /// Pages whose scripts are emptied, or kept, and why.
    const SCRIPTS: [(&str, &str); 12] = [
        ("<p>a</p><script>if (a<b) { x = '<div>'; }</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
        ("<SCRIPT src=x.js>var s = 1;</SCRIPT >", "<SCRIPT src=x.js></SCRIPT >"),
        ("<script>a</script/><p>b", "<script></script/><p>b"),
        ("<script><!-- var a = 1; //--></script>", "<script></script>"),
        // kept: JSON metadata
        ("<script type='application/ld+json'>{}</script>", ""),
        // kept: escaped and double-escaped states
        ("<script><!-- document.write('<script>x</script>'); --></script><p>y</p>", ""),
        // kept: inside svg, after plaintext or frameset
        ("<svg><script>a<b</script></svg>", ""),
        ("<plaintext><script>a</script>", ""),
        ("<frameset><script>a</script></frameset>", ""),
        // kept: not plainly a script, or no end tag
        ("<script$>a</script>", ""),
        ("<script>a</scripts>b</script>", ""),
        ("<noscript><script>a</noscript>b</script>", ""),
    ];

    #[test]
    fn unread_scripts_are_emptied() {
        for (page, emptied) in SCRIPTS {
            let (out, f) = limit(page, MAX_DEPTH);
            if emptied.is_empty() {
                assert_eq!((out.as_ref(), f.scripts_emptied), (page, 0), "{page}");
            } else {
                assert_eq!((out.as_ref(), f.scripts_emptied), (emptied, 1), "{page}");
            }
        }
    }

    /// What the reader takes from a page, with and without the pass.
    fn walked(page: &str) -> String {
        format!("{:?}", super::super::dom::walk(&scraper::Html::parse_document(page)))
    }

    #[test]
    fn emptied_scripts_change_nothing_the_reader_reads() {
        let mut pages: Vec<String> = SCRIPTS.iter().map(|(p, _)| (*p).to_owned()).collect();
        pages.push(
            "<html><head><title>T</title><script>var t = '</div><p>x';</script></head><body>\
             <div id=main><h1>Tiêu đề</h1><script>document.write('<b>');</script><p>Nội dung.</p>\
             <textarea><script>a</script></textarea><title>x<script>y</script></title></div></body></html>"
                .to_owned(),
        );
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
        for entry in std::fs::read_dir(&dir).expect("fixtures/html").flatten() {
            let bytes = std::fs::read(entry.path()).expect("fixture");
            pages.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        for page in &pages {
            let (out, _) = limit(page, usize::MAX);
            assert_eq!(walked(&out), walked(page), "{}", &page[..page.len().min(200)]);
        }
    }

    #[test]
    fn deep_nesting_is_flattened_and_the_text_kept() {
        let page = nested(2000);
        let (out, f) = limit(&page, 100);
        assert_eq!(f.dropped, 1900);
        assert_eq!(out.matches("<div>").count(), 100);
        assert_eq!(out.matches("</div>").count(), 100);
        assert!(out.contains("<p>Chữ.</p>"));
        let page = nested(100);
        let (out, f) = limit(&page, 100);
        assert_eq!((f.dropped, matches!(out, Cow::Borrowed(_))), (0, true));
    }

    #[test]
    fn unclosed_elements_count_and_implied_ends_do_not() {
        let page = format!("<body>{}", "<div><span><b>x".repeat(50));
        let (out, f) = limit(&page, 30);
        assert_eq!(f.dropped, 120);
        assert_eq!(out.matches('x').count(), 50);
        let page = format!("<table>{}</table>", "<tr><td>ô<p>đoạn<li>mục".repeat(500));
        assert_eq!(limit(&page, 30).1.dropped, 0);
    }

    #[test]
    fn broken_markup_ends_the_scan_without_loss() {
        for page in
            ["<div", "<div class=\"a>", "<!-- x", "<script>x<div><div>", "</", "<", "a<1b<é", "<b>ü</"]
        {
            assert_eq!(limit(page, 1), (Cow::Borrowed(page), Flattened::default()), "{page}");
        }
        // outside svg, html5ever opens a `<div/>`: it counts
        assert_eq!(
            limit("<div/><div/>x", 1),
            (Cow::Owned("<div/>x".to_owned()), Flattened { dropped: 1, scripts_emptied: 0 })
        );
    }
}
