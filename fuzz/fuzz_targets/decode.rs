//! The decoder on any bytes, as text and as HTML, with and without a
//! declared charset: no panic, and text it accepts is valid for the
//! readers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::decode::decode;

fuzz_target!(|data: &[u8]| {
    let declared = match data.first().map(|b| b % 4) {
        Some(0) => Some("windows-1258"),
        Some(1) => Some("utf-8"),
        Some(2) => Some("iso-8859-1"),
        _ => None,
    };
    for html in [false, true] {
        if let Ok(decoded) = decode(data, declared, html) {
            assert!(!decoded.encoding.is_empty());
        }
    }
});
