//! Dates in the body (issue 3): every calendar date, with its precision,
//! lists and ranges item by item, years taken from the publication date,
//! impossible dates and implausible years flagged.
//!
//! # How
//!
//! One multi-pattern regex ([`pattern`]) finds candidate constructions (a list of days, a
//! range of days, a full date, the long form, day-month, a quarter, a month,
//! "năm" + years, a bare year span, a bare four-digit number). Each match is
//! read in Rust ([`read`]): its numbers, the characters around it (a date is
//! never part of a number or a code), and the words around it, matched with
//! the lists of `words.txt`. Neighbouring candidates joined by "đến", "-",
//! "," or "và" then share years ([`resolve`]), and the remaining years come
//! from the publication date.
//!
//! # Conventions (rules of the language, each tested in `corpus.toml`)
//!
//! **Forms.** Day–month–year only, never month first: "15/5/2016",
//! "15-5-2016", "15.5.2016", "ngày 15 tháng 5 năm 2016", "ngày 15/5 năm
//! 2016", with a careless space around a slash ("12 /3/2020"), a month in
//! words with its year ("ngày 30 tháng Tư năm 1975") (day precision);
//! "tháng 5-2018", "tháng 5/2018", "tháng 10 năm 2019" (month); "năm 2017"
//! (year). Days and months may be zero-padded. A day is 1–31 and a month
//! 1–12: "ngày 32/1/2019" is not read as a date at all.
//!
//! **Spans.** A date's span is its written components with the words that
//! introduce it: "ngày", "mồng"/"mùng", "hôm", a part of the day ("Sáng ngày
//! 20/8", "Chiều 15/3"), a weekday ("Thứ hai, ngày 17/05/2021") and a weekday
//! in parentheses after it ("ngày 17/5/2021 (thứ Hai)"). Prepositions ("từ",
//! "đến", "vào") are left out. The items of one list or one range written as
//! one construction share its span ("ngày 23, 24/02/2017", "2 - 6/4/2019",
//! "1969 - 2024", "năm 2019-2021"); two full dates joined by a dash or
//! "đến" are two constructions with a span each ("7-11-1948 – 7-11-2018",
//! "ngày 27/3" and "ngày 09/4/2019"). The documents extractor reads issue
//! dates ("Chỉ thị 05 ngày 15/5/2016") from these spans and the quantities
//! extractor skips the numbers inside them.
//!
//! **Lists and ranges** give one date per day, month or year named, never a
//! date for the days in between: "ngày 23, 24/02/2017" is 23 and 24
//! February; "từ ngày 1 đến ngày 5/8/2019" is 1 and 5 August; "(1969 -
//! 2024)" and "giai đoạn 2013-2018" are two years; "tháng 3, 4/2019" two
//! months. An end written without its year takes the other end's year
//! ("từ ngày 27/3 đến ngày 09/4/2019" gives 2019-03-27; "từ ngày 7-4 đến
//! ngày 7-5-2019" 2019-04-07), one year less when it falls later in the year
//! than the end it borrows from ("từ 20/12 đến 10/01/2020" starts 2019-12-20).
//! Both ends written are kept as written even when the range runs backwards
//! ("từ 16/12/2019 - 16/2/2019"). Such a shared year is written, not
//! inferred (`year_inferred: false`).
//!
//! **Day and month without a year** ("20/8", "29-3") are also ratios ("6/7
//! xã"), addresses ("số 12/5") and ranges ("01-02 ngày"). They are dates only
//! after a cue word ("ngày", "mồng", "hôm", a part of the day, a weekday);
//! in parentheses after "nay", "qua", "mai" ("sáng nay (20/8)"); in
//! parentheses after a length in days ("trong 2 ngày (16 - 17/4)"); before
//! "vừa qua" ("Ngày bầu cử 23/5 vừa qua"); after a preposition when what
//! follows fits a date ("về đích trước 30/6.", "từ 13 đến 17/3 với", not
//! "đến 6/7 xã"); as the start of a range whose other end is a date ("từ
//! 27/3 đến 09/4/2019"); or as an item of a list written alike that ends in
//! a date ("ngày 20/8, 21/8 và 22/8/2019", not "đạt 6/7, ngày 23/8/2019").
//! A number after a label word is not a day ("Thứ 2, 17/5/2021" is one
//! date, "Kỳ họp lần 2, 20/3/2019" too). "8 tháng 3" alone is not read
//! either; "ngày 8 tháng 3" is. A day that comes back every year ("Ngày 3/2
//! hằng năm") is no date of the calendar, and a day-month followed by a
//! counting word ("trưa 1-2 tiếng") is a count; the same goes for a list
//! ending in "hằng năm" ("vào tháng 6 và tháng 12 hằng năm"). A day
//! followed by a can-chi year ("ngày 28/4 năm Kỷ Hợi") is lunar.
//!
//! **Years not written.** A date without a year ("Sáng ngày 20/8", "Sáng
//! 29-3", "trong tháng 3") takes its year from the publication date
//! (`ctx.published`), with `year_inferred: true`: the year written after it
//! if any ("năm nay" the publication year, "năm ngoái"/"năm trước" the year
//! before, "năm tới"/"năm sau" the year after), else whichever of the
//! publication year and its two neighbours puts the date nearest the
//! publication date ("ngày 28/12" in an article of 5 January is December of
//! the year before), preferring a year where a written weekday fits and,
//! for a day said to be past ("ngày 23/5 vừa qua"), one not after the
//! publication. Without
//! a publication date the date is kept with `value: null` and `as_written`
//! with `????` for the year ("????-08-20"), `valid: true` unless no year
//! could make it exist ("30/2").
//!
//! **A month without a year** ("trong tháng 3", "cuối tháng 5") is a month
//! date with an inferred year unless the words around make it a count: a
//! number or a quantifier before "tháng" ("3 tháng 2 ngày", "mỗi tháng 2
//! lần"), a counting noun after the month ("tháng 3 buổi"), "Cách mạng
//! tháng 10". A list of months needs its year ("tháng 3, 4/2019").
//!
//! **When a bare four-digit number is a year.** After "năm" always ("năm
//! 2017", "năm 3013" with a warning), except after a rate word ("mỗi năm 2000
//! tấn"). Without "năm", only with a cue: after a can-chi year name or a
//! festival word ("Kỷ Hợi 2019", "Tết 2020"); after a preposition ("đến",
//! "từ", "trước", "sau", "cuối", "đầu", "tầm nhìn", ...) when the number is in
//! 1900–2100 and what follows fits a year (punctuation, the end of the
//! paragraph, or a word such as "và", "đến", "của": "định hướng đến 2021 và",
//! not "đến 2000 người"). A span "YYYY - YYYY" is two years after a period
//! word ("giai đoạn", "nhiệm kỳ", "năm học"; only there with a slash:
//! "năm học 2019/2020"), in parentheses ("(1969 -
//! 2024)"), or when both years are in 1900–2100, increasing, at most a
//! century apart and followed as a year is. A number after a noun ("Ủy ban
//! 1899") or inside a code ("Quyết định số 2026/QĐ-TTg", "19-2018/NQ-CP",
//! "653/2019-UBTVQH14") is not a year.
//!
//! **Quarters** ("quý I/2019", "quý II năm 2020") are read as their year,
//! precision year. The schema has no quarter precision; the quarter's first
//! month would claim a month the text does not name, so the year — which the
//! text does name — is what is kept, as "3 tháng đầu năm 2019" gives the
//! year 2019.
//!
//! **Lunar dates** ("mùng 10 tháng 3 âm lịch", "ngày 15/7 (ÂL)") are not
//! calendar dates and are skipped. "mồng 3 tháng 3" without "âm lịch" is a
//! calendar date.
//!
//! **Not dates**: durations ("2 năm", "03 năm", "6 tháng"), ordinals and
//! enumerations ("Thứ hai:", "thứ 2 tuần đầu tiên", "lần thứ 6"), document
//! numbers ("Chỉ thị 05", "99/GP-TTĐT", "30/2020/NĐ-CP"), ratios ("73/73",
//! "2 lần/tháng"), percentages, times ("08:14"), phone numbers, addresses.
//!
//! **Validity.** An impossible date ("30/02/2017", "31/4/2019") is kept with
//! `valid: false`, `value: null`, `as_written` "2017-02-30" and an
//! `invalid_date` warning. A year outside 1000–2100 ("10/6/3013", the
//! sentinel "31/12/9999") keeps its value and gets an `implausible_year`
//! warning. A weekday written with a date that falls on another day gets a
//! `weekday_mismatch` warning. Warnings carry the date's byte span.

mod pattern;
mod read;
mod resolve;
mod words;

use super::Ctx;
use crate::record::{Date, Warning};

/// Finds dates: day, month and year precision, lists, ranges, inferred
/// years, impossible dates flagged.
///
/// ```
/// let record = vnarticle::Extractor::new()
///     .extract_body("Sáng ngày 20/8, từ ngày 23, 24/02/2017 đến nay.", Some("2019-08-21"));
/// let values: Vec<_> = record.dates.iter().map(|d| d.value.as_deref()).collect();
/// assert_eq!(values, [Some("2019-08-20"), Some("2017-02-23"), Some("2017-02-24")]);
/// assert!(record.dates[0].year_inferred);
/// assert_eq!(record.dates[1].text, "ngày 23, 24/02/2017");
/// ```
#[derive(Debug)]
pub struct Dates {
    finder: pattern::Finder,
    lists: words::Lists,
}

impl Default for Dates {
    fn default() -> Self {
        Dates::new()
    }
}

impl Dates {
    /// Compiles the rules.
    pub fn new() -> Self {
        Dates { finder: pattern::Finder::new(), lists: words::Lists::new() }
    }

    /// The dates of `ctx.text`, byte offsets, in text order.
    pub fn extract(&self, ctx: &Ctx, warnings: &mut Vec<Warning>) -> Vec<Date> {
        let mut atoms = Vec::new();
        let mut prev_end = None;
        let mut at = 0;
        while let Some((kind, start, end)) = self.finder.find_at(ctx.text, at) {
            if end == start {
                break; // no pattern matches the empty string; never loop
            }
            at = end;
            match read::read(&self.lists, ctx.text, kind, start, end, prev_end) {
                read::Reading::Atom(atom) => atoms.push(atom),
                read::Reading::Skip => {}
                read::Reading::RetryFrom(i) if i > start => {
                    at = i;
                    continue;
                }
                read::Reading::RetryFrom(_) => {}
            }
            prev_end = Some(end);
        }
        resolve::link(ctx.text, &mut atoms);
        resolve::dates(ctx, &atoms, warnings)
    }
}

#[cfg(test)]
mod tests;
