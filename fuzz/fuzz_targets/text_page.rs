//! The text page reader on any text: no panic, and what it keeps is
//! normalized paragraphs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::normalize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = vnarticle::page::text::read(&text, None);
    for p in &article.paragraphs {
        assert!(!p.is_empty());
        assert_eq!(normalize::paragraph(p), *p);
    }
});
