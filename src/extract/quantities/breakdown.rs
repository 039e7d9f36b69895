//! Counts broken down in brackets after a count: "kỷ luật 23 đảng viên
//! (khiển trách 15, cảnh cáo 5, cách chức 1, khai trừ 2)", "45 đại biểu
//! (nam 30, nữ 15)". Each part names a share and gives a bare number; the
//! unit is the whole's. A bracket is read only when every part has that
//! shape and no part exceeds the whole, so "(Chỉ thị 05, Kết luận 01)" or
//! "(ĐT: 0261 3543 227)" are left alone.

use crate::record::{Quantity, QuantityKind};
use regex::Regex;
use std::sync::LazyLock;

/// One part: a lower-case label of one to five words, then an integer.
static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:trong đó:?\s+|gồm:?\s+)?(\p{Ll}[\p{Ll}\p{M}]*(?:\s+[\p{Ll}\p{M}]+){0,4})\s+(\d{1,3}(?:\.\d{3})*|\d+)$")
        .expect("breakdown part regex")
});

/// The longest bracket read (bytes).
const MAX_BRACKET: usize = 300;

/// Adds the parts of the bracketed breakdowns that follow counts in `out`
/// (byte offsets into `t`), keeping `out` in text order.
pub(super) fn add(t: &str, out: &mut Vec<Quantity>) {
    let mut added = Vec::new();
    for q in out.iter().filter(|q| q.kind == QuantityKind::Count) {
        let Some(unit) = &q.unit else { continue };
        let Some(rest) = t.get(q.end..) else { continue };
        let open = q.end + (rest.len() - rest.trim_start_matches(' ').len());
        if t.get(open..).is_none_or(|r| !r.starts_with('(')) {
            continue;
        }
        let inner_start = open + 1;
        let mut window_end = t.len().min(inner_start + MAX_BRACKET);
        while !t.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let Some(window) = t.get(inner_start..window_end) else { continue };
        let Some(close) = window.find([')', '(', '\n']).filter(|&i| window[i..].starts_with(')')) else {
            continue;
        };
        let mut parts = Vec::new();
        let mut at = inner_start;
        let Some(inner) = t.get(inner_start..inner_start + close) else { continue };
        for piece in inner.split([',', ';']) {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            let Some(c) = PART.captures(trimmed) else {
                parts.clear();
                break;
            };
            let (Some(label), Some(number)) = (c.get(1), c.get(2)) else { break };
            let Ok(value) = number.as_str().replace('.', "").parse::<f64>() else { break };
            if value > q.value {
                parts.clear();
                break;
            }
            let start = at + lead + label.start();
            let end = at + lead + number.end();
            let Some(text) = t.get(start..end) else { break };
            parts.push(Quantity {
                text: text.to_owned(),
                start,
                end,
                kind: QuantityKind::Count,
                value,
                total: None,
                unit: Some(unit.clone()),
                qualifier: None,
                rule: "breakdown",
            });
            at += piece.len() + 1;
        }
        if parts.len() >= 2 {
            added.extend(parts);
        }
    }
    if !added.is_empty() {
        added.retain(|p| !out.iter().any(|q| q.start < p.end && p.start < q.end));
        out.extend(added);
        out.sort_by_key(|q| q.start);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Ctx;
    use crate::extract::quantities::Quantities;

    fn counts(text: &str) -> Vec<(String, f64, Option<String>)> {
        let ctx = Ctx { text, published: None };
        let mut w = Vec::new();
        Quantities::new()
            .extract(&ctx, &[], &[], &mut w)
            .into_iter()
            .map(|q| (q.text, q.value, q.unit))
            .collect()
    }

    #[test]
    fn parts_in_brackets_take_the_whole_unit() {
        let got =
            counts("Thi hành kỷ luật 23 đảng viên (khiển trách 15, cảnh cáo 5, cách chức 1, khai trừ 2).");
        let unit = Some("đảng viên".to_owned());
        assert_eq!(
            got,
            vec![
                ("23 đảng viên".to_owned(), 23.0, unit.clone()),
                ("khiển trách 15".to_owned(), 15.0, unit.clone()),
                ("cảnh cáo 5".to_owned(), 5.0, unit.clone()),
                ("cách chức 1".to_owned(), 1.0, unit.clone()),
                ("khai trừ 2".to_owned(), 2.0, unit),
            ]
        );
        assert_eq!(counts("Có 45 đại biểu (trong đó nam 30, nữ 15) dự.").len(), 3);
    }

    #[test]
    fn a_long_text_after_a_bracket_is_cut_on_a_character() {
        let text = format!("Có 45 đại biểu ({}) dự.", "ệ".repeat(200));
        assert_eq!(counts(&text).len(), 1);
    }

    #[test]
    fn other_brackets_are_left_alone() {
        for text in [
            "Có 45 đại biểu (Chỉ thị 05, Kết luận 01) dự.",
            "Có 45 đại biểu (ĐT: 0261 3543 227) dự.",
            "Có 45 đại biểu (tăng 5 so với năm trước) dự.",
            "Có 45 đại biểu (nam 30) dự.",
            "Có 45 đại biểu (nam 300, nữ 15) dự.",
            "Có 45 đại biểu (nam 30, nữ 15 dự.",
        ] {
            assert_eq!(counts(text).len(), 1, "{text}: {:?}", counts(text));
        }
    }
}
