//! Party and state document references (issue 4): "Chỉ thị số 05-CT/TW",
//! "Nghị định 30/2020/NĐ-CP", "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết
//! Trung ương 4 khóa XII", "Nghị quyết Đại hội XII của Đảng", merged
//! across their mentions.
//!
//! The stages, each in its own file:
//!
//! - [`lexicon`]: the word lists (`kinds.txt`, `codes.txt`, `issuers.txt`,
//!   `after_number.txt`) and what is derived from them;
//! - [`symbol`]: document symbols ("05-CT/TW", "30/2020/NĐ-CP") and their
//!   codes;
//! - [`find`]: the rules that find mentions;
//! - [`context`]: the words around a mention (issuer, term, plenum, issue
//!   date);
//! - [`merge`]: mentions into documents.
//!
//! Examples of every form, and of what is not a document, are in
//! `corpus.toml`.

mod context;
mod find;
mod lexicon;
mod merge;
mod symbol;

use super::Ctx;
use crate::record::{Date, Document, Warning};
use find::{Body, Finder};
use lexicon::Lexicon;

/// Finds document references and merges them across mentions.
#[derive(Debug)]
pub struct Documents {
    lexicon: Lexicon,
    finder: Finder,
}

impl Default for Documents {
    fn default() -> Self {
        Documents::new()
    }
}

impl Documents {
    /// Compiles the rules and word lists.
    pub fn new() -> Self {
        let lexicon = Lexicon::new();
        let finder = Finder::new(&lexicon);
        Documents { lexicon, finder }
    }

    /// The documents of `ctx.text` (mentions with byte offsets), in order of
    /// first mention. `dates` are the body's dates (byte spans, in text
    /// order), for issue dates.
    pub fn extract(&self, ctx: &Ctx, dates: &[Date], warnings: &mut Vec<Warning>) -> Vec<Document> {
        let text = ctx.text;
        let mut found = self.finder.find(&self.lexicon, text, dates);
        // issue dates given by a clause that opens with a date:
        // "Ngày 15/5/2016, Bộ Chính trị đã ban hành Chỉ thị 05"
        let mut floor = 0;
        for f in &mut found {
            if f.after.date.is_none() && matches!(f.body, Body::Numbered { .. }) {
                if let Some((date, issuer)) = self.lexicon.opening_date(text, f.start, floor, dates) {
                    f.issued = Some(date);
                    if f.after.issuer.is_none() {
                        f.after.issuer = issuer;
                    }
                }
            }
            floor = floor.max(f.after.end);
        }
        for f in &found {
            let (start, end) = f.span();
            for (written, likely) in f.code().map(|c| c.slips.as_slice()).unwrap_or_default() {
                let mention = text.get(start..end).unwrap_or("");
                warnings.push(Warning::at(
                    "unknown_code",
                    format!("«{written}» in «{mention}» is not a known code; likely «{likely}»"),
                    start,
                    end,
                ));
            }
        }
        merge::merge(&self.lexicon, text, &found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::corpus::{self, Field};
    use crate::record::Precision;

    const CORPUS: &str = include_str!("corpus.toml");

    #[test]
    fn corpus() {
        let s = corpus::run(Field::Documents, CORPUS);
        assert!(s.positive_texts >= 120, "{} positive texts, want 120", s.positive_texts);
        assert!(s.negative_texts >= 40, "{} negative texts, want 40", s.negative_texts);
        assert!(s.in_context >= 20, "{} sentences in context, want 20", s.in_context);
    }

    /// Every expected item of the corpus and every text, for the checks
    /// derived from it.
    fn corpus_items() -> (Vec<toml::Table>, Vec<String>) {
        let corpus: toml::Table = toml::from_str(CORPUS).unwrap();
        let mut items = Vec::new();
        let mut texts = Vec::new();
        for section in ["example", "in_context"] {
            for entry in corpus.get(section).and_then(|v| v.as_array()).into_iter().flatten() {
                for item in entry.get("expect").and_then(|v| v.as_array()).into_iter().flatten() {
                    items.extend(item.as_table().cloned());
                }
                let t = entry.get("texts").and_then(|v| v.as_array()).into_iter().flatten();
                texts.extend(t.chain(entry.get("text")).filter_map(|t| t.as_str()).map(str::to_owned));
            }
        }
        (items, texts)
    }

    fn values(items: &[toml::Table], key: &str) -> Vec<String> {
        items.iter().filter_map(|i| i.get(key).and_then(|v| v.as_str()).map(str::to_owned)).collect()
    }

    /// DESIGN.md habit 2: every line of the word lists is exercised by an
    /// example, so that a wrong entry shows.
    #[test]
    fn every_word_list_entry_has_an_example() {
        let lx = Lexicon::new();
        let (items, texts) = corpus_items();
        let kinds = values(&items, "kind");
        let codes = values(&items, "code");
        let issuers = values(&items, "issuer");
        let lower: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
        let mut missing = Vec::new();
        for k in &lx.kinds {
            if k.need != lexicon::Need::Generic && !kinds.iter().any(|x| x == k.kind) {
                missing.push(format!("kind {}", k.kind));
            }
            let surface = k.surface.to_lowercase();
            if !lower.iter().any(|t| t.contains(&format!("{surface} "))) {
                missing.push(format!("type word «{}»", k.surface));
            }
        }
        // party codes are TYPE/ISSUER, state codes TYPE-ISSUER or ISSUER-UNIT
        let party: Vec<(&str, Vec<&str>)> = codes
            .iter()
            .filter_map(|c| c.split_once('/'))
            .map(|(t, i)| (t, i.split('-').collect()))
            .collect();
        let state: Vec<Vec<&str>> =
            codes.iter().filter(|c| !c.contains('/')).map(|c| c.split('-').collect()).collect();
        for (abbr, _) in lexicon_pairs("party-types") {
            if !party.iter().any(|(t, _)| *t == abbr) {
                missing.push(format!("party type {abbr}"));
            }
        }
        for (abbr, _) in lexicon_pairs("state-types") {
            if !state.iter().any(|parts| parts.first() == Some(&abbr)) {
                missing.push(format!("state type {abbr}"));
            }
        }
        for code in crate::wordlist::section(lexicon::CODES, "party-issuers") {
            if !party.iter().any(|(_, i)| i.contains(&code)) {
                missing.push(format!("party issuer {code}"));
            }
        }
        for code in crate::wordlist::section(lexicon::CODES, "state-issuers") {
            if !state.iter().any(|parts| parts.contains(&code)) {
                missing.push(format!("state issuer {code}"));
            }
        }
        for name in lx.all_issuers() {
            if !issuers.iter().any(|i| i == name) {
                missing.push(format!("issuer «{name}»"));
            }
        }
        assert!(missing.is_empty(), "word-list entries without an example:\n{}", missing.join("\n"));
        assert!(!lx.all_codes().is_empty());
    }

    fn lexicon_pairs(section: &'static str) -> Vec<(&'static str, &'static str)> {
        crate::wordlist::section(lexicon::CODES, section)
            .filter_map(|l| l.split_once('=').map(|(a, k)| (a.trim(), k.trim())))
            .collect()
    }

    /// A day-precision date at the first occurrence of `needle`.
    fn date(text: &str, needle: &str, value: &str) -> Date {
        let start = text.find(needle).unwrap();
        Date {
            text: needle.into(),
            start,
            end: start + needle.len(),
            value: Some(value.into()),
            precision: Precision::Day,
            as_written: value.into(),
            valid: true,
            year_inferred: false,
            rule: "test",
        }
    }

    fn extract(text: &str, dates: &[Date]) -> (Vec<Document>, Vec<Warning>) {
        let ctx = Ctx { text, published: None };
        let mut warnings = Vec::new();
        let docs = Documents::new().extract(&ctx, dates, &mut warnings);
        (docs, warnings)
    }

    #[test]
    fn issue_date_written_after_the_mention() {
        let text = "Thực hiện Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị khóa XII, Đảng bộ đạt nhiều kết quả. \
                    Việc học tập Chỉ thị số 05-CT/TW trở thành nền nếp.";
        let dates = [date(text, "15/5/2016", "2016-05-15")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs.len(), 1, "{docs:#?}");
        assert_eq!(docs[0].date.as_deref(), Some("2016-05-15"));
        assert_eq!(docs[0].code.as_deref(), Some("CT/TW"));
        assert_eq!(docs[0].mentions[0].text, "Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị khóa XII");
    }

    #[test]
    fn issue_date_after_ban_hanh() {
        let text = "Nghị định 30/2020/NĐ-CP ban hành ngày 05/3/2020 quy định về công tác văn thư.";
        let dates = [date(text, "05/3/2020", "2020-03-05")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs[0].date.as_deref(), Some("2020-03-05"));
        // an effect date is no issue date
        let text = "Nghị định 30/2020/NĐ-CP có hiệu lực từ ngày 05/3/2020.";
        let dates = [date(text, "05/3/2020", "2020-03-05")];
        assert_eq!(extract(text, &dates).0[0].date, None);
    }

    #[test]
    fn issue_date_of_a_clause_that_opens_with_a_date() {
        let text = "Ngày 15/5/2016, Bộ Chính trị đã ban hành Chỉ thị 05 về đẩy mạnh học tập.\n\n\
                    Ngày 20/2/2017, Đảng ủy khối tổ chức hội nghị quán triệt Kế hoạch số 08-KH/ĐUK.";
        let dates = [date(text, "Ngày 15/5/2016", "2016-05-15"), date(text, "Ngày 20/2/2017", "2017-02-20")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs.len(), 2, "{docs:#?}");
        assert_eq!(docs[0].date.as_deref(), Some("2016-05-15"));
        assert_eq!(docs[0].issuer.as_deref(), Some("Bộ Chính trị"));
        // a meeting that studies a plan does not date it
        assert_eq!(docs[1].date, None);
    }

    #[test]
    fn a_date_of_an_issuing_clause_is_shown_but_does_not_split() {
        let text = "Ngày 14/5/2016, Bộ Chính trị ban hành Chỉ thị 05 về học tập.\n\n\
                    Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị được quán triệt.";
        let dates = [date(text, "14/5/2016", "2016-05-14"), date(text, "15/5/2016", "2016-05-15")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs.len(), 1, "{docs:#?}");
        // the date written after a mention wins
        assert_eq!(docs[0].date.as_deref(), Some("2016-05-15"));
    }

    #[test]
    fn dates_keep_same_numbered_documents_apart() {
        let text = "Nghị định 19 ngày 21/3/2011 quy định chi tiết Luật nuôi con nuôi; \
                    Nghị định 19 ngày 19/02/2019 quy định về họ, hụi.";
        let dates = [date(text, "21/3/2011", "2011-03-21"), date(text, "19/02/2019", "2019-02-19")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs.len(), 2, "{docs:#?}");
        // and a date's year must agree with a symbol's
        let text = "Nghị định số 19/2011/NĐ-CP; Nghị định 19 ngày 19/02/2019 của Chính phủ.";
        let dates = [date(text, "19/02/2019", "2019-02-19")];
        assert_eq!(extract(text, &dates).0.len(), 2);
        let text = "Nghị định số 19/2019/NĐ-CP; Nghị định 19 ngày 19/02/2019 của Chính phủ.";
        let dates = [date(text, "19/02/2019", "2019-02-19")];
        let (docs, _) = extract(text, &dates);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].date.as_deref(), Some("2019-02-19"));
    }

    #[test]
    fn a_state_body_term_is_no_party_term() {
        let text = "Thực hiện Nghị quyết số 12/NQ-HĐND của HĐND tỉnh khóa IX và Chỉ thị 05 của Bộ Chính trị khóa XII.";
        let (docs, _) = extract(text, &[]);
        assert_eq!(docs.len(), 2);
        assert_eq!((docs[0].term, docs[1].term), (None, Some(12)));
        // the words are still read: the mention covers them
        assert_eq!(docs[0].mentions[0].text, "Nghị quyết số 12/NQ-HĐND của HĐND tỉnh khóa IX");
    }

    #[test]
    fn misspelt_codes_warn_with_the_mention_span() {
        let text = "Sơ kết Chỉ thị 05-CT/WT của Bộ Chính trị.";
        let (docs, warnings) = extract(text, &[]);
        assert_eq!(docs[0].code.as_deref(), Some("CT/WT"));
        assert_eq!(warnings.len(), 1);
        let w = &warnings[0];
        assert_eq!(w.kind, "unknown_code");
        assert!(w.message.contains("«TW»"), "{}", w.message);
        let span = (w.start.unwrap(), w.end.unwrap());
        assert_eq!(&text[span.0..span.1], "Chỉ thị 05-CT/WT của Bộ Chính trị");
        // a local code is no slip
        let (_, warnings) = extract("Hướng dẫn số 23 - HD/TG.", &[]);
        assert!(warnings.is_empty());
    }

    /// Every prefix and suffix of a dense text (cut anywhere between
    /// characters) extracts without a panic, with spans that read back.
    #[test]
    fn cut_texts_do_not_panic() {
        let text = "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW; Nghị quyết Trung ương 4 \
                    (khóa XI, khóa XII), Nghị quyết Đại hội XII của Đảng, Nghị định 19/2019/NĐ-CP ngày \
                    19/02/2019 của Chính phủ, Kế hoạch số 154 & 201/KH-ĐHHV, Luật Phòng, chống tham \
                    nhũng số 36/2018/QH14, Thông báo kết luận số 159-TB của Bộ Chính trị, Nghị quyết \
                    số 18, 19 của Trung ương Đảng, Chỉ thị 05-CT/WT, văn bản số 102/SYT-NVY.";
        let d = Documents::new();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &cut in &cuts {
            for part in [&text[..cut], &text[cut..]] {
                let mut w = Vec::new();
                for doc in d.extract(&Ctx { text: part, published: None }, &[], &mut w) {
                    for m in &doc.mentions {
                        assert_eq!(part.get(m.start..m.end), Some(m.text.as_str()), "{part}");
                    }
                }
            }
        }
    }

    #[test]
    fn spans_are_bytes_on_char_boundaries() {
        let text = "Đảng ủy khối thực hiện Nghị quyết Trung ương 4 (khóa XI, khóa XII) và Kết luận số 01 của Bộ Chính trị.";
        let (docs, _) = extract(text, &[]);
        assert_eq!(docs.len(), 3);
        for m in docs.iter().flat_map(|d| &d.mentions) {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
        assert_eq!(docs[0].mentions, docs[1].mentions);
    }
}
