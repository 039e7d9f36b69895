//! The HTML page reader on any markup: no panic, and the title and
//! paragraphs it finds are normalized.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::normalize;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let article = vnarticle::page::html::read(&html, Some("https://sotuphap.daknong.gov.vn/tin-tuc/1"));
    for p in &article.paragraphs {
        assert_eq!(normalize::paragraph(p), *p);
    }
});
