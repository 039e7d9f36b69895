//! From a regex match to an [`Atom`]: the numbers it holds, the cue words
//! around it, and whether the context makes it a date at all.

use super::pattern::{Kind, month_word, numbers};
use super::words::{Lists, Word, char_after, char_before, words_after, words_before};
use crate::record::Precision;

/// Where an item's year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearFrom {
    /// Written in the construction.
    Written,
    /// Written in the other end of a range or list ("ngày 27/3 đến ngày
    /// 09/4/2019").
    Shared,
    /// Not written: taken from the publication date later, if there is one.
    Missing,
}

/// One date named by a construction.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) day: Option<u32>,
    pub(super) month: Option<u32>,
    pub(super) year: Option<i32>,
    pub(super) year_from: YearFrom,
    pub(super) precision: Precision,
}

impl Item {
    fn new(day: Option<u32>, month: Option<u32>, year: Option<i32>, precision: Precision) -> Self {
        let year_from = if year.is_some() { YearFrom::Written } else { YearFrom::Missing };
        Item { day, month, year, year_from, precision }
    }

    /// (month, day) for ordering the ends of a range within a year.
    pub(super) fn month_day(&self) -> (u32, u32) {
        (self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

/// Whether an atom stands as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// A date.
    Date,
    /// A day and month without a cue word ("27/3"): a date only as one end
    /// of a range or list whose other end is a date ("từ 27/3 đến 09/4/2019").
    NeedsPartner,
}

/// A candidate date construction.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub(super) kind: Kind,
    /// The span of the dates: the match with its cue words ("Sáng ngày",
    /// a weekday) and a weekday in parentheses after it.
    pub(super) span: (usize, usize),
    pub(super) items: Vec<Item>,
    pub(super) status: Status,
    /// No cue word stands before the match ("21/8" in "ngày 20/8, 21/8 và
    /// 22/8/2019").
    pub(super) bare: bool,
    /// The weekday written with the date (0 = Monday).
    pub(super) weekday: Option<u32>,
    /// "năm nay" (0), "năm ngoái" (-1), "năm tới" (+1) after a date without
    /// a year.
    pub(super) relative_year: Option<i32>,
    /// "vừa qua" after a date without a year: it is not after the
    /// publication date.
    pub(super) past: bool,
    /// "năm ấy" after a date without a year: the past year named last.
    pub(super) year_that: bool,
    pub(super) rule: &'static str,
}

impl Atom {
    /// Kinds that name days (and take day cues and weekdays).
    pub(super) fn names_days(&self) -> bool {
        matches!(
            self.kind,
            Kind::DayList | Kind::DayRange | Kind::DayMonthYear | Kind::DayWordMonth | Kind::DayMonth
        )
    }

    fn has_year(&self) -> bool {
        self.items.iter().any(|i| i.year.is_some())
    }
}

/// The smallest and largest year a bare number may be read as (the gold's
/// "định hướng đến 2021"; outside, "đến 1500" is a count).
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;
/// The years a bare number may be read as after a strong cue: a
/// parenthesised span "(1890 - 1969)", a period word, a can-chi name.
const CUED_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

/// What the context makes of a match.
#[derive(Debug)]
pub(super) enum Reading {
    /// A candidate date.
    Atom(Atom),
    /// Not a date.
    Skip,
    /// Not a date as matched, but the text from this offset may hold one:
    /// "Thứ 2, 17/5/2021" is not the days 2 and 17; look again from "17".
    RetryFrom(usize),
}

/// Reads a match. `prev_end` is the end of the previous match (a dash right
/// after it is a range mark, not part of a code like "19-2018").
pub(super) fn read(
    lists: &Lists,
    text: &str,
    kind: Kind,
    start: usize,
    end: usize,
    prev_end: Option<usize>,
) -> Reading {
    // the words on either side, keyed once for every check below
    // (a day's cue words may be four: "sáng thứ Hai ngày"; other checks
    // look at three words at most)
    let day = matches!(
        kind,
        Kind::DayList | Kind::DayRange | Kind::DayMonthYear | Kind::DayWordMonth | Kind::DayMonth
    );
    let around = Around {
        before: words_before(text, start, if day { 5 } else { 3 }),
        after: words_after(text, end, 2),
    };
    let labelled = matches!(kind, Kind::DayList | Kind::DayRange | Kind::DayMonth)
        && lists.label.ends(&around.before).is_some();
    if labelled {
        // the first number is an ordinal or a label: look again after it
        let second = text.get(start..end).and_then(|core| numbers(core).get(1).map(|n| start + n.2));
        return second.map_or(Reading::Skip, Reading::RetryFrom);
    }
    atom(lists, text, &around, kind, start, end, prev_end).map_or(Reading::Skip, Reading::Atom)
}

/// The words right before and right after a match.
struct Around<'a> {
    /// Nearest first.
    before: Vec<Word<'a>>,
    after: Vec<Word<'a>>,
}

/// Reads a match; `None` when the context says it is not a date.
fn atom(
    lists: &Lists,
    text: &str,
    around: &Around,
    kind: Kind,
    start: usize,
    end: usize,
    prev_end: Option<usize>,
) -> Option<Atom> {
    let core = text.get(start..end)?;
    if !boundaries_ok(text, kind, start, end, prev_end) {
        return None;
    }
    let nums = numbers(core);
    let year_of = |n: &(u32, usize, usize)| i32::try_from(n.0).ok();
    let has_4 = nums.last().is_some_and(|n| n.1 == 4);
    let mut atom = Atom {
        kind,
        span: (start, end),
        items: Vec::new(),
        status: Status::Date,
        bare: true,
        weekday: None,
        relative_year: None,
        past: false,
        year_that: false,
        rule: "",
    };
    match kind {
        Kind::DayWordMonth if nums.len() == 2 && nums.get(1).is_some_and(|n| n.1 == 4) => {
            // "30 tháng Tư năm 1975": the month in words
            let (d, m) = (nums.first()?.0, month_word(core)?);
            atom.items.push(Item::new(Some(d), Some(m), nums.get(1).and_then(year_of), Precision::Day));
            atom.rule = "day_tháng_month_word";
        }
        Kind::DayMonthYear | Kind::DayWordMonth | Kind::DayMonth => {
            let (d, m) = (nums.first()?.0, nums.get(1)?.0);
            let year = nums.get(2).and_then(year_of);
            atom.items.push(Item::new(Some(d), Some(m), year, Precision::Day));
            atom.rule = match kind {
                Kind::DayMonthYear => "day_month_year",
                Kind::DayWordMonth => "day_tháng_month",
                _ => "day_month",
            };
        }
        Kind::DayList | Kind::DayRange => {
            let (year, rest) = if has_4 {
                (nums.last().and_then(year_of), nums.get(..nums.len() - 1)?)
            } else {
                (None, &nums[..])
            };
            let (month, days) = rest.split_last()?;
            for day in days {
                atom.items.push(Item::new(Some(day.0), Some(month.0), year, Precision::Day));
            }
            atom.rule = if kind == Kind::DayList { "day_list" } else { "day_range" };
        }
        Kind::Quarter => {
            // a quarter names a period inside its year: year precision
            atom.items.push(Item::new(None, None, nums.last().and_then(year_of), Precision::Year));
            atom.rule = "quarter";
        }
        Kind::Month => {
            let (year, months) = if has_4 {
                (nums.last().and_then(year_of), nums.get(..nums.len() - 1)?)
            } else {
                (None, &nums[..])
            };
            if months.len() > 1 && year.is_none() {
                // "tháng 3, 4" with no year: too loose to read
                return None;
            }
            for m in months {
                atom.items.push(Item::new(None, Some(m.0), year, Precision::Month));
            }
            atom.rule = if months.len() > 1 { "month_list" } else { "month" };
            if year.is_none() && !yearless_month_ok(lists, around) {
                return None;
            }
        }
        Kind::YearWord => {
            if lists.rate.ends(&around.before).is_some() {
                // "mỗi năm 2000 tấn": a count per year
                return None;
            }
            for (i, n) in nums.iter().enumerate() {
                let y = year_of(n)?;
                if i > 0 && !CUED_YEARS.contains(&y) {
                    break;
                }
                atom.items.push(Item::new(None, None, Some(y), Precision::Year));
            }
            atom.rule = if atom.items.len() > 1 { "năm_years" } else { "năm_year" };
        }
        Kind::YearSpan => {
            let (y1, y2) = (year_of(nums.first()?)?, year_of(nums.get(1)?)?);
            atom.rule = bare_span_rule(lists, text, around, start, end, y1, y2)?;
            atom.items.push(Item::new(None, None, Some(y1), Precision::Year));
            atom.items.push(Item::new(None, None, Some(y2), Precision::Year));
        }
        Kind::Year => {
            let y = year_of(nums.first()?)?;
            atom.rule = bare_year_rule(lists, text, around, end, y)?;
            atom.items.push(Item::new(None, None, Some(y), Precision::Year));
        }
    }
    if atom.names_days() || kind == Kind::Month {
        if is_lunar(lists, text, around, end) {
            return None;
        }
        if !atom.has_year() {
            let after = &around.after;
            if lunar_year_after(lists, text, end) {
                // "ngày 28/4 năm Kỷ Hợi", "mồng 10 tháng 3 năm Canh Tý":
                // a can-chi year dates it in the lunar calendar
                return None;
            }
            if recurring_after(lists, text, end) {
                // "Ngày 3/2 hằng năm": every year, no date of the calendar
                return None;
            }
            if atom.names_days() && lists.count_after.starts(after).is_some() {
                // "trưa 1-2 tiếng": a range of counts
                return None;
            }
            atom.relative_year = relative_year(lists, after);
            atom.year_that = lists.year_that.starts(after).is_some();
        }
    }
    if atom.names_days() {
        let (mut span_start, mut cued, mut weekday) = prefix(lists, text, start, &around.before);
        if let Some((open, close, day)) = weekday_then_parenthesis(lists, text, span_start, end) {
            // "sáng thứ Hai (17/5)", "thứ Năm (ngày 12/3/2020)": the span
            // takes both parentheses
            atom.span.1 = close;
            (span_start, _, _) = prefix(lists, text, open, &words_before(text, open, 5));
            cued = true;
            weekday = Some(day);
        }
        if !cued && relative_day_in_parentheses(lists, text, start, end) {
            // "sáng nay (20/8)", "chiều qua (19/8)"
            cued = true;
        }
        if !atom.has_year() && lists.past_after.starts(&around.after).is_some() {
            // "Ngày bầu cử 23/5 vừa qua": a day just past
            cued = true;
            atom.past = true;
        }
        if !cued && days_in_parentheses(lists, text, start) {
            // "trong 2 ngày (16 - 17/4)", "diễn ra trong 02 ngày (20/3 và 21/3)"
            cued = true;
        }
        atom.span.0 = span_start;
        atom.bare = span_start == start;
        atom.weekday = weekday;
        if let Some((span_end, wd)) = weekday_suffix(lists, text, end) {
            atom.span.1 = span_end;
            atom.weekday = atom.weekday.or(Some(wd));
        }
        if !cued
            && matches!(kind, Kind::DayMonth | Kind::DayRange)
            && preposition_date(lists, text, around, end)
        {
            // "về đích trước 30/6.", "vào 20/8 tới", "từ 13 đến 17/3 với"
            cued = true;
            atom.rule = if kind == Kind::DayMonth {
                "day_month_after_preposition"
            } else {
                "day_range_after_preposition"
            };
        }
        if !cued && !atom.has_year() {
            // "27/3", "8 tháng 3" alone: a ratio, an address, a duration;
            // a date only as the end of a range or list
            atom.status = Status::NeedsPartner;
        }
    }
    Some(atom)
}

/// The characters around a match: a date is not part of a number, a code
/// ("19-2018/NQ-CP", "99/GP-TTĐT") or a word.
fn boundaries_ok(text: &str, kind: Kind, start: usize, end: usize, prev_end: Option<usize>) -> bool {
    let before = text.get(..start).and_then(|h| h.chars().next_back());
    let before2 = text.get(..start).and_then(|h| h.chars().rev().nth(1));
    let starts_with_digit = !matches!(kind, Kind::Quarter | Kind::Month | Kind::YearWord);
    match before {
        Some(c) if c.is_alphanumeric() || c == '_' => return false,
        Some('/' | '.' | ':' | '\\') if starts_with_digit => return false,
        Some(',') if starts_with_digit && before2.is_some_and(|c| c.is_ascii_digit()) => return false,
        Some(c) if starts_with_digit && is_dash(c) => {
            // "19-2018": a code; "7/5/1954-7/5/2019": a range after a match
            let right_after_match = prev_end == Some(start - c.len_utf8());
            if before2.is_some_and(char::is_alphanumeric) && !right_after_match {
                return false;
            }
        }
        _ => {}
    }
    let tail = text.get(end..).unwrap_or("");
    let mut next = tail.chars();
    let (n1, n2) = (next.next(), next.next());
    match (n1, n2) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' => false,
        (Some('/' | '\\'), Some(c)) if c.is_alphanumeric() => false,
        (Some(c), Some(d)) if is_dash(c) && d.is_alphabetic() => false,
        (Some('.' | ',' | ':'), Some(d)) if d.is_ascii_digit() => false,
        (Some('%'), _) => false,
        _ => true,
    }
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Walks back over the cue words of a day: "ngày", "mồng", "hôm", a part of
/// the day, a weekday (with a comma after it: "Thứ hai, ngày 17/5").
/// Returns the new span start, whether a cue was found, and the weekday.
/// `before` holds the words before `start`, nearest first.
fn prefix(lists: &Lists, text: &str, start: usize, before: &[Word]) -> (usize, bool, Option<u32>) {
    let mut at = start;
    let mut cued = false;
    let mut weekday = None;
    let mut rest = before;
    let mut after_comma = Vec::new();
    for _ in 0..4 {
        let n = if let Some(n) = lists.day_cue.ends(rest) {
            cued = true;
            n
        } else if let Some((day, n)) = lists.weekday_before(rest).filter(|_| weekday.is_none()) {
            weekday = Some(day);
            cued = true;
            n
        } else if let Some(n) = lists.part_of_day.ends(rest) {
            cued = true;
            n
        } else if let Some((comma, ',')) =
            char_before(text, at).filter(|_| weekday.is_none() && after_comma.is_empty())
        {
            // "Thứ hai, ngày 17/5": only a weekday may stand before a comma
            after_comma = words_before(text, comma, 5);
            let Some((day, n)) = lists.weekday_before(&after_comma) else { break };
            weekday = Some(day);
            at = after_comma.get(n - 1).map_or(comma, |w| w.start);
            rest = after_comma.get(n..).unwrap_or_default();
            continue;
        } else {
            break;
        };
        at = rest.get(n - 1).map_or(at, |w| w.start);
        rest = rest.get(n..).unwrap_or_default();
    }
    (at, cued, weekday)
}

/// A date in parentheses right after a weekday: "Thứ Hai (17/5/2021)".
/// Returns where the weekday starts, the end of the closing parenthesis and
/// the weekday.
fn weekday_then_parenthesis(
    lists: &Lists,
    text: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize, u32)> {
    let (open, '(') = char_before(text, start)? else { return None };
    let (close, ')') = char_after(text, end)? else { return None };
    let before = words_before(text, open, 3);
    let (day, n) = lists.weekday_before(&before)?;
    Some((before.get(n - 1)?.start, close + 1, day))
}

/// A date in parentheses after "nay", "qua", "mai" ("sáng nay (20/8)").
fn relative_day_in_parentheses(lists: &Lists, text: &str, start: usize, end: usize) -> bool {
    let (Some((open, '(')), Some((_, ')'))) = (char_before(text, start), char_after(text, end)) else {
        return false;
    };
    lists.relative_day.ends(&words_before(text, open, 1)).is_some()
}

/// Days in a parenthesis right after "ngày": the days of an event whose
/// length was just given ("trong 2 ngày (16 - 17/4)", "trong 02 ngày (20/3
/// và 21/3)"). Only days, months and their separators may stand between
/// the parenthesis and `start`.
fn days_in_parentheses(lists: &Lists, text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(head) = text.get(from..start) else { return false };
    let Some(open) = head.rfind('(') else { return false };
    let inside = head.get(open + 1..).unwrap_or("");
    let fits = |w: &str| {
        matches!(w, "và" | "đến" | "từ")
            || w.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | ',' | '.') || is_dash(c))
    };
    if !inside.split(' ').all(fits) {
        return false;
    }
    let open = start - head.len() + open;
    lists.days_before_parenthesis.ends(&words_before(text, open, 3)).is_some()
}

/// A weekday in parentheses right after a date: "ngày 17/5/2021 (thứ Hai)".
fn weekday_suffix(lists: &Lists, text: &str, end: usize) -> Option<(usize, u32)> {
    let (open, '(') = char_after(text, end)? else { return None };
    let after = words_after(text, open + 1, 2);
    let (day, n) = lists.weekday_after(&after)?;
    let last = after.get(n - 1)?;
    let (close, ')') = char_after(text, last.end)? else { return None };
    Some((close + 1, day))
}

/// "âm lịch" after a date (or in parentheses after it): a lunar date.
fn is_lunar(lists: &Lists, text: &str, around: &Around, end: usize) -> bool {
    match char_after(text, end) {
        Some((i, '(')) => lists.lunar.starts(&words_after(text, i + 1, 2)).is_some(),
        _ => lists.lunar.starts(&around.after).is_some(),
    }
}

/// "hằng năm" after a date without a year, or after the list it starts
/// ("Ngày 3/2 hằng năm", "vào tháng 6 và tháng 12 hằng năm"): a day that
/// comes back every year.
fn recurring_after(lists: &Lists, text: &str, end: usize) -> bool {
    let mut at = end;
    for _ in 0..4 {
        if lists.recurring.starts(&words_after(text, at, 2)).is_some() {
            return true;
        }
        // the next item of a list: ", 12", " và tháng 12", " đến ngày 5/8"
        let Some(rest) = text.get(at..) else { return false };
        let rest = rest.trim_start_matches(' ');
        let Some(r) =
            rest.strip_prefix(',').or_else(|| rest.strip_prefix("và ")).or_else(|| rest.strip_prefix("đến "))
        else {
            return false;
        };
        let r = r.trim_start_matches(' ');
        let r = r.strip_prefix("tháng ").or_else(|| r.strip_prefix("ngày ")).unwrap_or(r);
        let n = r.bytes().take_while(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-')).count();
        if n == 0 {
            return false;
        }
        at = text.len() - r.len() + n;
    }
    false
}

/// "năm" and a can-chi year name after a date: "ngày 28/4 năm Kỷ Hợi".
fn lunar_year_after(lists: &Lists, text: &str, end: usize) -> bool {
    let after = words_after(text, end, 3);
    after.first().is_some_and(|w| w.is("năm"))
        && lists.can_chi.starts(after.get(1..).unwrap_or_default()).is_some()
}

/// "năm nay", "năm ngoái", "năm tới" after a date without a year.
fn relative_year(lists: &Lists, after: &[Word]) -> Option<i32> {
    [0, -1, 1].into_iter().zip(&lists.relative_year).find_map(|(d, p)| p.starts(after).map(|_| d))
}

/// "tháng 3" without a year is a month unless the words around make it a
/// count: "mỗi tháng 2 lần", "3 tháng 2 ngày", "Cách mạng tháng 10 Nga".
fn yearless_month_ok(lists: &Lists, around: &Around) -> bool {
    let before = &around.before;
    if lists.month_blocker_before.ends(before).is_some() {
        return false;
    }
    if before.first().is_some_and(Word::is_digits) {
        return false;
    }
    let after = around.after.get(..1).unwrap_or_default();
    lists.count_after.starts(after).is_none() && lists.count_after_month.starts(after).is_none()
}

/// Whether what follows a bare year fits a year: the end of the paragraph,
/// punctuation, or a word of `[follower]`.
fn follower_ok(lists: &Lists, text: &str, around: &Around, end: usize) -> bool {
    match char_after(text, end) {
        None | Some((_, '\n')) => true,
        Some((_, c)) if c.is_ascii_digit() => false,
        Some((_, c)) if !c.is_alphanumeric() => true,
        Some(_) => lists.follower.starts(&around.after).is_some(),
    }
}

fn in_parentheses(text: &str, start: usize, end: usize) -> bool {
    matches!(char_before(text, start), Some((_, '('))) && matches!(char_after(text, end), Some((_, ')')))
}

/// A bare day-month after a preposition, followed as a date is: "trước
/// 30/6.", "đến 20/8 phải hoàn thành" (not "đến 6/7 xã").
fn preposition_date(lists: &Lists, text: &str, around: &Around, end: usize) -> bool {
    lists.preposition.ends(&around.before).is_some() && follower_ok(lists, text, around, end)
}

/// When a bare four-digit number is a year; the rule's name, or `None`.
///
/// - after a can-chi year name or a festival word: "Kỷ Hợi 2019", "Tết 2020";
/// - after a preposition, with a fitting follower: "định hướng đến 2021 và",
///   "từ 2015 đến nay", "tầm nhìn 2045."
///
/// A number after a noun ("Ủy ban 1899") or in a code ("2026/QĐ-TTg") is not.
fn bare_year_rule(lists: &Lists, text: &str, around: &Around, end: usize, y: i32) -> Option<&'static str> {
    let before = &around.before;
    if lists.year_name.ends(before).is_some() && CUED_YEARS.contains(&y) {
        return Some("year_after_name");
    }
    if lists.preposition.ends(before).is_some()
        && BARE_YEARS.contains(&y)
        && follower_ok(lists, text, around, end)
    {
        return Some("year_after_preposition");
    }
    None
}

/// When a bare "YYYY - YYYY" is a span of years; the rule's name, or `None`.
///
/// - after a period word: "giai đoạn 2013-2018", "nhiệm kỳ 2020-2025";
/// - in parentheses: "(1969 - 2024)", an anniversary's span;
/// - otherwise both years plausible (1900–2100), increasing, at most a
///   century apart, and followed by what may follow a year.
fn bare_span_rule(
    lists: &Lists,
    text: &str,
    around: &Around,
    start: usize,
    end: usize,
    y1: i32,
    y2: i32,
) -> Option<&'static str> {
    let before = &around.before;
    let both = |r: &std::ops::RangeInclusive<i32>| r.contains(&y1) && r.contains(&y2);
    if lists.period.ends(before).is_some() && both(&CUED_YEARS) {
        return Some("year_span_after_period");
    }
    if text.get(start..end).is_some_and(|s| s.contains('/')) {
        // "năm học 2019/2020" only after a period word: else a number and
        // a year ("số 2019/2020")
        return None;
    }
    if in_parentheses(text, start, end) && both(&CUED_YEARS) && y1 < y2 && y2 - y1 <= 300 {
        return Some("year_span_in_parentheses");
    }
    if both(&BARE_YEARS) && y1 < y2 && y2 - y1 <= 100 && follower_ok(lists, text, around, end) {
        return Some("year_span");
    }
    None
}
