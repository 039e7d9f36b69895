//! `vnarticle extract` over containers: JSON Lines, WARC, WARC.gz, standard
//! input; one line per document, error records for broken ones, the same
//! bytes whatever `--jobs`, nothing but the summary on a non-terminal
//! stderr. The inputs are written by the tests themselves.

use flate2::{Compression, write::GzEncoder};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn vnarticle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vnarticle")).args(args).output().expect("run vnarticle")
}

fn vnarticle_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vnarticle"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run vnarticle");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const PARA: &str = "Sáng ngày 12/3/2024, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác \
                    xây dựng Đảng quý I, với sự tham dự của 45 đại biểu.";

fn html(title: &str, para: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>\
         <p>{para}</p><p>Các cấp ủy tiếp tục quán triệt và triển khai thực hiện nghiêm các nghị quyết.</p></body></html>"
    )
}

fn text_page(title: &str) -> String {
    format!("{title}\n\nThứ tư, 13/03/2024 - 09:15\n\n{PARA}\n\nPV\n")
}

/// One WARC record.
fn record(kind: &str, id: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Date: 2024-03-13T02:15:00Z\r\n"
    );
    if let Some(uri) = uri {
        r.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    r.push_str(&format!("Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", block.len()));
    let mut bytes = r.into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

fn http(content_type: &str, status: &str, body: &[u8]) -> Vec<u8> {
    let mut h =
        format!("HTTP/1.1 {status}\r\nServer: test\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    h.extend_from_slice(body);
    h
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The records of a small crawl: warcinfo, request, an HTML response in
/// windows-1258 declared only by the HTTP header, an image, a 404, a text
/// resource, an HTML response in UTF-8.
fn crawl() -> Vec<Vec<u8>> {
    // "Tiếng Việt" in windows-1258 (base letters and combining tones)
    let mut cp1258 = b"<html><body><h1>Ti\xea\xecng Vi\xea\xf2t</h1><p>".to_vec();
    cp1258.extend_from_slice(
        b"Ng\xe0y 12/3/2024, H\xf4\xf2i \xf0\xf4\xccng nh\xe2n d\xe2n ti\xd2nh ho\xf2p phi\xean \
          th\xfd\xf5\xccng ky\xcc \xf0\xea\xd2 xem x\xe9t c\xe1c b\xe1o c\xe1o.",
    );
    cp1258.extend_from_slice(b"</p></body></html>");
    vec![
        record("warcinfo", "<urn:uuid:info>", None, "application/warc-fields", b"software: test\r\n"),
        record(
            "request",
            "<urn:uuid:req-1>",
            Some("https://tinh.gov.vn/a"),
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: tinh.gov.vn\r\n\r\n",
        ),
        record(
            "response",
            "<urn:uuid:resp-1>",
            Some("https://tinh.gov.vn/a"),
            "application/http; msgtype=response",
            &http("text/html; charset=windows-1258", "200 OK", &cp1258),
        ),
        record(
            "response",
            "<urn:uuid:img>",
            Some("https://tinh.gov.vn/logo.png"),
            "application/http; msgtype=response",
            &http("image/png", "200 OK", b"\x89PNG\r\n\x1a\n\0\0"),
        ),
        record(
            "response",
            "<urn:uuid:404>",
            Some("https://tinh.gov.vn/missing"),
            "application/http; msgtype=response",
            &http("text/html", "404 Not Found", b"<html><body><p>Not found</p></body></html>"),
        ),
        record(
            "resource",
            "<urn:uuid:res-1>",
            Some("file:///captures/b.txt"),
            "text/plain; charset=utf-8",
            text_page("Hội nghị sơ kết quý I").as_bytes(),
        ),
        record(
            "response",
            "<urn:uuid:resp-2>",
            Some("https://tinh.gov.vn/c"),
            "application/http; msgtype=response",
            &http("text/html; charset=UTF-8", "200 OK", html("Tổng kết công tác dân vận", PARA).as_bytes()),
        ),
    ]
}

fn ids(recs: &[Value]) -> Vec<&str> {
    recs.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

fn check_crawl(recs: &[Value]) {
    assert_eq!(ids(recs), ["<urn:uuid:resp-1>", "<urn:uuid:res-1>", "<urn:uuid:resp-2>"]);
    for r in recs {
        assert!(r.get("error").is_none(), "{r}");
    }
    assert_eq!(recs[0]["url"], "https://tinh.gov.vn/a");
    let all = recs[0].to_string();
    assert!(all.contains("Tiếng Việt"), "charset from the HTTP header not used: {all}");
    assert!(recs[0]["text"].as_str().unwrap().contains("Hội đồng nhân dân tỉnh"), "{all}");
    assert!(!all.contains("HTTP/1.1"), "HTTP headers not stripped");
    assert!(recs[1]["text"].as_str().unwrap().contains("45 đại biểu"), "{}", recs[1]);
    assert_eq!(recs[2]["url"], "https://tinh.gov.vn/c");
}

#[test]
fn warc_response_and_resource_records_are_documents_the_rest_skipped() {
    let dir = scratch("warc-plain");
    let path = dir.join("crawl.warc");
    std::fs::write(&path, crawl().concat()).unwrap();
    let out = vnarticle(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    check_crawl(&lines(&out.stdout));
}

#[test]
fn warc_gz_one_member_per_record_or_one_for_all() {
    let dir = scratch("warc-gz");
    let per_record = dir.join("a.warc.gz");
    std::fs::write(&per_record, crawl().iter().map(|r| gz(r)).collect::<Vec<_>>().concat()).unwrap();
    let whole = dir.join("b.warc.gz");
    std::fs::write(&whole, gz(&crawl().concat())).unwrap();
    for path in [per_record, whole] {
        let out = vnarticle(&["extract", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        check_crawl(&lines(&out.stdout));
    }
}

#[test]
fn a_corrupt_gzip_member_is_an_error_record_and_the_next_records_are_read() {
    let dir = scratch("warc-corrupt");
    let records = crawl();
    let mut members: Vec<Vec<u8>> = records.iter().map(|r| gz(r)).collect();
    // damage the member of resp-1 in its middle
    let m = &mut members[2];
    let n = m.len();
    for b in &mut m[n / 3..2 * n / 3] {
        *b = b.wrapping_mul(7).wrapping_add(13);
    }
    let path = dir.join("damaged.warc.gz");
    std::fs::write(&path, members.concat()).unwrap();
    let out = vnarticle(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out.stdout);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert!(recs[0].get("error").is_some(), "{}", recs[0]);
    assert_eq!(ids(&recs)[1..], ["<urn:uuid:res-1>", "<urn:uuid:resp-2>"]);
    assert!(recs[2].get("error").is_none());

    // the file cut in the middle of its last record
    let mut cut = members.clone();
    cut[2] = gz(&records[2]);
    let all = cut.concat();
    let last = cut.last().unwrap().len();
    let path = dir.join("cut.warc.gz");
    std::fs::write(&path, &all[..all.len() - last / 2]).unwrap();
    let recs = lines(&vnarticle(&["extract", path.to_str().unwrap()]).stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(ids(&recs)[..2], ["<urn:uuid:resp-1>", "<urn:uuid:res-1>"]);
    assert!(recs[2].get("error").is_some(), "{}", recs[2]);
}

/// A record's Content-Length changed by `delta`.
fn with_length_off(record: &[u8], delta: i64) -> Vec<u8> {
    let text = String::from_utf8_lossy(record).into_owned();
    let at = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = at + text[at..].find('\r').unwrap();
    let n: i64 = text[at..end].parse().unwrap();
    format!("{}{}{}", &text[..at], n + delta, &text[end..]).into_bytes()
}

#[test]
fn a_broken_plain_warc_record_is_an_error_record_and_reading_goes_on() {
    let dir = scratch("warc-broken");
    let mut records = crawl();
    // a Content-Length too short: the record is broken, the next one is read
    records[5] = with_length_off(&records[5], -10);
    // garbage where a record should start
    records.insert(2, b"this is not a WARC record\r\n\r\n".to_vec());
    let path = dir.join("broken.warc");
    std::fs::write(&path, records.concat()).unwrap();
    let out = vnarticle(&["extract", "--input-format", "warc", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out.stdout);
    let shown: Vec<String> = recs.iter().map(|r| format!("{} {}", r["id"], r["error"]["kind"])).collect();
    assert_eq!(recs.len(), 4, "{shown:?}");
    let at = recs[0]["id"].as_str().unwrap();
    let offset: usize = at.strip_prefix(&format!("{}@", path.display())).unwrap().parse().unwrap();
    assert_eq!(offset, records[0].len() + records[1].len(), "the offset of the garbage");
    assert_eq!(recs[0]["error"]["kind"], "parse");
    assert_eq!(ids(&recs)[1..], ["<urn:uuid:resp-1>", "<urn:uuid:res-1>", "<urn:uuid:resp-2>"]);
    assert!(recs[1].get("error").is_none());
    assert_eq!(recs[2]["error"]["kind"], "parse");
    assert!(recs[3].get("error").is_none());

    // a Content-Length too long swallows the start of the next record,
    // which is lost: the reader finds no record after it
    let mut records = crawl();
    records[5] = with_length_off(&records[5], 40);
    std::fs::write(&path, records.concat()).unwrap();
    let recs = lines(&vnarticle(&["extract", path.to_str().unwrap()]).stdout);
    assert_eq!(ids(&recs), ["<urn:uuid:resp-1>", "<urn:uuid:res-1>"]);
    assert_eq!(recs[1]["error"]["kind"], "parse");
}

fn jsonl_input() -> String {
    [
        json!({"id": "a", "url": "https://tinh.gov.vn/a", "html": html("Tổng kết công tác dân vận", PARA)})
            .to_string(),
        String::new(),
        json!({"text": text_page("Hội nghị sơ kết quý I")}).to_string(),
        "{\"id\": \"broken\", \"text\": ".to_owned(),
        json!({"id": "c", "url": "https://tinh.gov.vn/c"}).to_string(),
        json!({"id": 7, "text": text_page("Thành ủy họp phiên thường kỳ")}).to_string(),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn json_lines_good_broken_and_missing_fields() {
    let dir = scratch("jsonl");
    let path = dir.join("pages.jsonl");
    std::fs::write(&path, jsonl_input()).unwrap();
    let out = vnarticle(&["extract", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let recs = lines(&out.stdout);
    let file = path.to_str().unwrap();
    assert_eq!(ids(&recs), ["a", &format!("{file}:3"), &format!("{file}:4"), "c", "7"]);
    assert_eq!(recs[0]["url"], "https://tinh.gov.vn/a");
    assert!(recs[0]["text"].as_str().unwrap().contains("45 đại biểu"));
    assert!(recs[1]["text"].as_str().unwrap().contains("45 đại biểu"));
    assert_eq!(recs[2]["error"]["kind"], "parse");
    assert_eq!(recs[3]["error"]["kind"], "parse");
    assert!(recs[4].get("error").is_none());

    // the same from standard input, and gzip-compressed
    let out = vnarticle_stdin(&["extract", "-"], jsonl_input().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let from_stdin = lines(&out.stdout);
    assert_eq!(ids(&from_stdin), ["a", "-:3", "-:4", "c", "7"]);
    assert_eq!(from_stdin[0], recs[0]);
    let gz_path = dir.join("pages.jsonl.gz");
    std::fs::write(&gz_path, gz(jsonl_input().as_bytes())).unwrap();
    let recs_gz = lines(&vnarticle(&["extract", gz_path.to_str().unwrap()]).stdout);
    assert_eq!(recs_gz.len(), 5);
    assert_eq!(recs_gz[4], recs[4]);
}

#[test]
fn warc_from_standard_input() {
    let input = gz(&crawl().concat());
    let out = vnarticle_stdin(&["extract", "--input-format", "warc", "-"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    check_crawl(&lines(&out.stdout));
    let out = vnarticle(&["extract", "--input-format", "files", "-"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn mixed_inputs_give_the_same_bytes_for_any_jobs_and_a_quiet_stderr() {
    let dir = scratch("mixed-jobs");
    let pages = dir.join("pages");
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    for i in 0..40 {
        let sub = if i % 3 == 0 { pages.join("sub") } else { pages.clone() };
        std::fs::write(sub.join(format!("p{i:02}.txt")), text_page(&format!("Tin số {i} về công tác Đảng")))
            .unwrap();
        std::fs::write(sub.join(format!("h{i:02}.html")), html(&format!("Bài {i}"), PARA)).unwrap();
    }
    std::fs::write(pages.join("z.jsonl"), jsonl_input().repeat(5)).unwrap();
    std::fs::write(pages.join("y.warc.gz"), crawl().iter().map(|r| gz(r)).collect::<Vec<_>>().concat())
        .unwrap();
    std::fs::write(pages.join("ignored.pdf"), b"%PDF").unwrap();
    let run = |jobs: &str| vnarticle(&["extract", "--jobs", jobs, pages.to_str().unwrap()]);
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, two.stdout);
    let recs = lines(&one.stdout);
    assert_eq!(recs.len(), 80 + 3 + 5 * 5);
    // stderr is not a terminal here: no progress bar, only the summary line
    let err = String::from_utf8(two.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("vnarticle: 108 documents, 10 errors,"), "{err}");
    assert!(err.contains("MB/s") && err.contains("documents/s"), "{err}");
}
