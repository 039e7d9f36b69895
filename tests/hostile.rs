//! Hostile input: a directory of documents of every bad kind (deep and
//! unclosed markup, a 30 MB page, a 20 MB line without spaces, NUL bytes,
//! random bytes, broken UTF-8, UTF-16 without a byte-order mark, NFD text,
//! a Vietnamese file name with spaces, a windows-1258 page, empty files,
//! broken JSON Lines, a truncated WARC.gz, a FIFO, a symbolic link loop)
//! given to `vnarticle extract` in one run: one line per document, no
//! panic, exit code 1 (some documents are errors), every good record
//! intact. The documents are generated here, deterministically.

#![cfg(unix)]

use flate2::{Compression, write::GzEncoder};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const ARTICLE: &str = "Sáng ngày 20/8/2019, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết 3 năm thực hiện \
                       Chỉ thị số 05-CT/TW của Bộ Chính trị; đồng chí Nguyễn Văn Thuỷ, Phó Bí thư Tỉnh ủy \
                       chủ trì, 73/73 tổ chức cơ sở đảng tham dự.";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title} - Cổng thông tin điện tử</title>\
         </head><body><ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li></ul>\
         <div class=\"news-detail\"><h1>{title}</h1><div class=\"date\">(08:12 | 21/08/2019)</div>{body}</div>\
         </body></html>"
    )
}

fn text_page(title: &str) -> String {
    format!("Hoạt động của Đảng\n{title}\n(08:12 | 21/08/2019)\n{ARTICLE}\nHồng Mong\nBình chọn\n")
}

/// A deterministic byte stream (xorshift), so a failure can be replayed.
fn noise(n: usize, seed: u64, keep: impl Fn(u8) -> bool) -> Vec<u8> {
    let mut x = seed;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend(x.to_le_bytes().into_iter().filter(|&b| keep(b)));
    }
    out.truncate(n);
    out
}

/// windows-1258 bytes of a Vietnamese page: base letters from the code
/// page, tone marks as its combining characters.
fn windows_1258_page() -> (Vec<u8>, &'static str) {
    let sentence = "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo \
                    tư tưởng, đạo đức, phong cách Hồ Chí Minh.";
    let page = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">\
         <title>Tiếng Việt</title></head><body><h1>Hội nghị sơ kết</h1><p>{sentence}</p></body></html>"
    );
    let decomposed = decompose_tones(&page);
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&decomposed);
    assert!(!unmappable);
    (encoded.into_owned(), sentence)
}

/// NFC text with its five tone marks split off as combining characters and
/// everything else composed, the way windows-1258 stores Vietnamese.
fn decompose_tones(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::new();
    for c in s.chars() {
        let parts: String = c.to_string().nfd().collect();
        let base: String = parts.chars().filter(|c| !TONES.contains(c)).nfc().collect();
        out.push_str(&base);
        out.extend(parts.chars().filter(|c| TONES.contains(c)));
    }
    out
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_response(id: &str, html: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: https://x.gov.vn/{}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        id.len(),
        block.len()
    )
    .into_bytes()
}

/// Writes the hostile directory; gives the number of documents in it.
fn write_hostile(dir: &Path) -> usize {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let para = format!("<p>{ARTICLE}</p>");
    let mut docs = 0;
    let mut doc = |name: &str, bytes: &[u8]| {
        w(name, bytes);
        docs += 1;
    };
    // markup
    doc(
        "deep-nesting.html",
        page("Lồng sâu", &format!("{}{para}{}", "<div>".repeat(100_000), "</div>".repeat(100_000)))
            .as_bytes(),
    );
    doc(
        "unclosed-nesting.html",
        page("Thẻ không đóng", &format!("{}{para}", "<div><span><b><font>".repeat(30_000))).as_bytes(),
    );
    doc("unclosed-everything.html", b"<html><head><title>x</title><script>var a = '<div>'; if (a < b) {");
    doc("tags-only.html", "<div><p><span></span></p></div>".repeat(20_000).as_bytes());
    // size
    let image = noise(30 << 20, 7, |b| b.is_ascii_alphanumeric());
    let big = page(
        "Trang lớn",
        &format!("{para}<img src=\"data:image/png;base64,{}\">{para}", String::from_utf8_lossy(&image)),
    );
    doc("page-30mb.html", big.as_bytes());
    let mut line = "Tiêu đề\n".as_bytes().to_vec();
    line.extend(noise(20 << 20, 11, |b| b.is_ascii_graphic()));
    doc("line-20mb-no-spaces.txt", &line);
    // bytes
    let mut nuls = text_page("Có byte NUL").into_bytes();
    for at in [40, 90, 150] {
        nuls.insert(at.min(nuls.len()), 0);
    }
    nuls.extend_from_slice(text_page("Phần sau").repeat(3).as_bytes());
    doc("stray-nuls.txt", &nuls);
    doc("random.bin.txt", &noise(100_000, 3, |_| true));
    doc("random.html", &noise(100_000, 5, |_| true));
    doc("random-high-bytes.txt", &noise(100_000, 9, |b| b >= 0x80));
    let mut broken = text_page("UTF-8 hỏng").into_bytes();
    broken.extend_from_slice(b"\xff\xfe \xc3\x28 \xe2\x82 \xf0\x9f\n");
    doc("broken-utf8.txt", &broken);
    let utf16: Vec<u8> = text_page("UTF-16 không BOM").encode_utf16().flat_map(u16::to_le_bytes).collect();
    doc("utf16-no-bom.txt", &utf16);
    doc("empty.txt", b"");
    doc("whitespace.html", b" \n\t\r\n ");
    // Unicode forms and names
    use unicode_normalization::UnicodeNormalization;
    doc("nfc.txt", text_page("Hội nghị sơ kết").as_bytes());
    doc("nfd.txt", text_page("Hội nghị sơ kết").nfd().collect::<String>().as_bytes());
    doc("Tin tức Đắk Nông ngày 20.txt", text_page("Tên tệp tiếng Việt").as_bytes());
    let (cp1258, _) = windows_1258_page();
    doc("windows-1258.html", &cp1258);
    // containers: 4 lines (good, broken JSON, no page, good) and 3 records
    // of which the last is cut
    let jsonl = format!(
        "{}\n{{\"id\": \"j2\", \"text\": \n{{\"id\": \"j3\"}}\n{}\n",
        serde_json::json!({"id": "j1", "text": text_page("Dòng một")}),
        serde_json::json!({"id": "j4", "html": page("Dòng bốn", &para)})
    );
    w("lines.jsonl", jsonl.as_bytes());
    docs += 4;
    let members: Vec<u8> = ["<urn:uuid:a>", "<urn:uuid:b>", "<urn:uuid:c>"]
        .iter()
        .flat_map(|id| gz(&warc_response(id, &page(id, &para))))
        .collect();
    w("crawl.warc.gz", &members[..members.len() - 100]);
    docs += 3;
    // not documents: a FIFO would block a reader; a link loop would repeat
    // every file
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    if !made {
        eprintln!("mkfifo not available: the FIFO case is not checked");
    }
    std::os::unix::fs::symlink(".", dir.join("loop")).unwrap();
    docs
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_hostile_directory_gives_one_line_per_document_and_no_panic() {
    let dir = scratch("hostile");
    let documents = write_hostile(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_vnarticle"))
        .args(["extract", "--jobs", "2"])
        .arg(&dir)
        .output()
        .expect("run vnarticle");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let shown: Vec<String> = records
        .iter()
        .map(|r| format!("{} {}", r["id"], r["error"]["kind"].as_str().unwrap_or("ok")))
        .collect();
    assert_eq!(records.len(), documents, "{shown:#?}");
    let by_name: BTreeMap<String, &Value> = records
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap_or_default();
            (id.rsplit('/').next().unwrap_or(id).to_owned(), r)
        })
        .collect();
    let record = |name: &str| -> &Value {
        let r = by_name.get(name).unwrap_or_else(|| panic!("no line for {name}: {shown:#?}"));
        assert!(r.get("error").is_none(), "{name}: {r}");
        r
    };
    let error = |name: &str| -> String {
        let r = by_name.get(name).unwrap_or_else(|| panic!("no line for {name}: {shown:#?}"));
        r["error"]["kind"].as_str().unwrap_or_else(|| panic!("{name} is not an error: {r}")).to_owned()
    };

    // markup: the article survives depth, and a warning says what was done
    for name in ["deep-nesting.html", "unclosed-nesting.html"] {
        let r = record(name);
        assert!(r["text"].as_str().unwrap().contains("73/73 tổ chức cơ sở đảng"), "{name}: {}", r["text"]);
        assert!(r["warnings"].as_array().unwrap().iter().any(|w| w["kind"] == "deep_markup"), "{name}");
        assert_eq!(r["documents"][0]["id"], "05-CT/TW", "{name}");
    }
    record("unclosed-everything.html");
    record("tags-only.html");
    // size: the page's article, not its inline image
    let big = record("page-30mb.html");
    assert_eq!(big["title"], "Trang lớn");
    assert!(big["text"].as_str().unwrap().len() < 2000, "{}", &big["text"].as_str().unwrap()[..2000]);
    record("line-20mb-no-spaces.txt");
    // bytes
    let nuls = record("stray-nuls.txt");
    assert_eq!(nuls["title"], "Có byte NUL");
    assert_eq!(error("random.bin.txt"), "decode");
    assert_eq!(error("random.html"), "decode");
    record("random-high-bytes.txt");
    let broken = record("broken-utf8.txt");
    assert_eq!(broken["title"], "UTF-8 hỏng");
    assert!(broken["text"].as_str().unwrap().contains("đồng chí Nguyễn Văn Thuỷ"));
    assert_eq!(record("utf16-no-bom.txt")["title"], "UTF-16 không BOM");
    record("empty.txt");
    record("whitespace.html");
    // forms and names
    let (nfc, nfd) = (record("nfc.txt"), record("nfd.txt"));
    for field in ["title", "published", "text", "dates", "documents", "officials", "quantities", "authors"] {
        assert_eq!(nfc[field], nfd[field], "{field}");
    }
    assert_eq!(record("Tin tức Đắk Nông ngày 20.txt")["title"], "Tên tệp tiếng Việt");
    let (_, sentence) = windows_1258_page();
    let cp1258 = record("windows-1258.html");
    assert_eq!(cp1258["title"], "Hội nghị sơ kết");
    assert_eq!(cp1258["text"], sentence);
    assert_eq!(cp1258["documents"][0]["id"], "05-CT/TW");
    // containers
    assert_eq!(record("j1")["title"], "Dòng một");
    assert_eq!(error("lines.jsonl:2"), "parse");
    assert!(!error("j3").is_empty());
    assert_eq!(record("j4")["title"], "Dòng bốn");
    record("<urn:uuid:a>");
    record("<urn:uuid:b>");
    assert!(!by_name.keys().any(|k| k.contains("pipe.txt") || k.starts_with("loop")), "{shown:#?}");
}

#[test]
fn the_size_cap_gives_an_error_record() {
    let dir = scratch("hostile-cap");
    std::fs::write(dir.join("small.txt"), text_page("Nhỏ")).unwrap();
    std::fs::write(dir.join("large.txt"), text_page("Lớn").repeat(2000)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vnarticle"))
        .args(["extract", "--max-size", "100K"])
        .arg(&dir)
        .output()
        .expect("run vnarticle");
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["kind"], "too_large");
    assert_eq!(lines[1]["title"], "Nhỏ");
    let out = Command::new(env!("CARGO_BIN_EXE_vnarticle"))
        .args(["extract", "--max-size", "lots"])
        .arg(&dir)
        .output()
        .expect("run vnarticle");
    assert_eq!(out.status.code(), Some(2));
}
