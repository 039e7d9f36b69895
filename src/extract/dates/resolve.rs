//! From atoms to [`Date`]s: the ends of a range or list share their year,
//! a date without a year takes one from the publication date, impossible
//! dates and implausible years are flagged.

use super::pattern::Kind;
use super::read::{Atom, Item, Status, YearFrom, is_dash};
use crate::civil::{Ymd, days_in_month};
use crate::extract::Ctx;
use crate::record::{Date, Precision, Warning};

/// Years outside this range are kept but flagged ("10/6/3013", "31/12/9999").
pub(super) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

/// How two neighbouring atoms are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// "-", "–", "đến", "tới", "cho đến hết": the two ends of a range.
    Range,
    /// ",", "và": items of a list.
    List,
}

fn join(text: &str, a: &Atom, b: &Atom) -> Option<Join> {
    let same_family = (a.names_days() && b.names_days()) || (a.kind == Kind::Month && b.kind == Kind::Month);
    if !same_family {
        return None;
    }
    let gap = text.get(a.span.1..b.span.0)?;
    if gap.len() > 32 || gap.contains('\n') {
        return None;
    }
    let gap = gap.trim_matches(' ').to_lowercase();
    let gap = gap.strip_prefix("cho ").unwrap_or(&gap);
    let gap = gap.strip_suffix(" hết").unwrap_or(gap);
    // "từ 8 giờ ngày 10/3 đến 17 giờ ngày 12/3/2022": the clock time of
    // the second end stands between
    let gap = strip_clock(gap);
    let mut chars = gap.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_dash(c) => Some(Join::Range),
        (Some(','), None) => Some(Join::List),
        _ => match gap {
            "đến" | "tới" => Some(Join::Range),
            "và" => Some(Join::List),
            _ => None,
        },
    }
}

/// "đến 17 giờ", "tới 16h30", "đến 11 giờ 30 phút" → "đến" / "tới": a
/// clock time after the range word, left out.
fn strip_clock(gap: &str) -> &str {
    let Some((word, rest)) = gap.split_once(' ') else { return gap };
    if !matches!(word, "đến" | "tới") {
        return gap;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return gap;
    }
    let after = rest.get(digits..).unwrap_or("").trim_start();
    let after =
        after.strip_prefix("giờ").or_else(|| after.strip_prefix('h')).or_else(|| after.strip_prefix('g'));
    let Some(after) = after else { return gap };
    // minutes: "30", "30 phút"
    let after = after.trim_start().trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
    let after = after.strip_prefix("phút").unwrap_or(after).trim();
    if after.is_empty() { word } else { gap }
}

/// Shares years between the ends of ranges and lists, and accepts a bare
/// "27/3" that is one end of a range whose other end is a date.
///
/// A date without a year takes the year of the next one ("từ ngày 27/3 đến
/// ngày 09/4/2019"), one less when it falls later in the year ("từ 20/12
/// đến 10/01/2020" starts in 2019); or else the year of the previous one
/// ("từ ngày 15/5/2019 đến ngày 20/5"), one more when it falls earlier.
pub(super) fn link(text: &str, atoms: &mut [Atom]) {
    for i in (1..atoms.len()).rev() {
        let (left, right) = atoms.split_at_mut(i);
        let (Some(a), Some(b)) = (left.last_mut(), right.first()) else { continue };
        let Some(how) = join(text, a, b) else { continue };
        if let Some(first) = b.items.first() {
            if let Some(y) = first.year {
                for it in a.items.iter_mut().filter(|it| it.year.is_none()) {
                    it.year = Some(if it.month_day() > first.month_day() { y - 1 } else { y });
                    it.year_from = YearFrom::Shared;
                }
            }
        }
        // a bare day-month starts a range ending in a date, or a list whose
        // next item is written alike ("ngày 20/8, 21/8 và 22/8/2019"; not
        // "đạt 6/7, ngày 20/8/2019")
        let starts_list = how == Join::Range || b.bare;
        if starts_list && a.status == Status::NeedsPartner && b.status == Status::Date {
            a.status = Status::Date;
        }
    }
    for i in 1..atoms.len() {
        let (left, right) = atoms.split_at_mut(i);
        let (Some(a), Some(b)) = (left.last(), right.first_mut()) else { continue };
        let Some(how) = join(text, a, b) else { continue };
        if let Some(last) = a.items.last() {
            if let Some(y) = last.year {
                for it in b.items.iter_mut().filter(|it| it.year.is_none()) {
                    it.year = Some(if it.month_day() < last.month_day() { y + 1 } else { y });
                    it.year_from = YearFrom::Shared;
                }
            }
        }
        if how == Join::Range && b.status == Status::NeedsPartner && a.status == Status::Date {
            b.status = Status::Date;
        }
    }
}

/// The year of a date written without one, from the publication date: the
/// year written after it ("năm nay", "năm ngoái", "năm tới") when there is
/// one, else the year among the publication year and its neighbours that
/// puts the date nearest the publication date (a weekday written with the
/// date, then validity, break ties; then the publication year itself); a
/// date said to be past ("23/5 vừa qua") is not later than the publication.
fn infer_year(published: Ymd, item: &Item, weekday: Option<u32>, relative: Option<i32>, past: bool) -> i32 {
    if let Some(r) = relative {
        return published.year + r;
    }
    let ordinal = |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
    let now = ordinal(published.year, published.month, published.day);
    let month = item.month.unwrap_or(6);
    let day = item.day.unwrap_or(15);
    (published.year - 1..=published.year + 1)
        .min_by_key(|&y| {
            let date = Ymd::new(y, month, day);
            let weekday_off = match (weekday, date.is_valid()) {
                (Some(w), true) => date.weekday() != w,
                (Some(_), false) => true,
                (None, _) => false,
            };
            let future = past && ordinal(y, month, day) > now;
            (future, weekday_off, !date.is_valid(), (ordinal(y, month, day) - now).abs(), y != published.year)
        })
        .unwrap_or(published.year)
}

fn weekday_name(w: u32) -> &'static str {
    ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
        .get(w as usize)
        .copied()
        .unwrap_or("?")
}

/// The dates of the accepted atoms, in text order, with their warnings.
pub(super) fn dates(ctx: &Ctx, atoms: &[Atom], warnings: &mut Vec<Warning>) -> Vec<Date> {
    let mut out = Vec::new();
    // the last year written so far that is before the publication year,
    // for "ngày 30/4 năm ấy"
    let mut last_past: Option<i32> = None;
    for atom in atoms.iter().filter(|a| a.status == Status::Date) {
        let Some(text) = ctx.text.get(atom.span.0..atom.span.1) else { continue };
        let (start, end) = atom.span;
        for item in &atom.items {
            let (year, inferred) = match (item.year, ctx.published) {
                (Some(y), _) => (Some(y), false),
                (None, Some(p)) => match last_past.filter(|_| atom.year_that) {
                    Some(y) => (Some(y), true),
                    None => (Some(infer_year(p, item, atom.weekday, atom.relative_year, atom.past)), true),
                },
                (None, None) => (None, false),
            };
            if let (Some(y), YearFrom::Written | YearFrom::Shared, Some(p)) =
                (item.year, item.year_from, ctx.published)
            {
                if y < p.year {
                    last_past = Some(y);
                }
            }
            let y = year.map_or_else(|| "????".to_owned(), |y| format!("{y:04}"));
            let (as_written, valid) = match (item.precision, item.day, item.month) {
                (Precision::Day, Some(d), Some(m)) => {
                    // without a year, 29 February may exist
                    let valid = d >= 1 && d <= days_in_month(year.unwrap_or(2000), m);
                    (format!("{y}-{m:02}-{d:02}"), valid)
                }
                (Precision::Month, _, Some(m)) => (format!("{y}-{m:02}"), (1..=12).contains(&m)),
                _ => (y, true),
            };
            let value = (valid && year.is_some()).then(|| as_written.clone());
            if !valid {
                warnings.push(Warning::at(
                    "invalid_date",
                    format!("«{text}» names a date that does not exist ({as_written})"),
                    start,
                    end,
                ));
            }
            if let (Some(y), YearFrom::Written | YearFrom::Shared) = (year, item.year_from) {
                if !PLAUSIBLE_YEARS.contains(&y) {
                    warnings.push(Warning::at(
                        "implausible_year",
                        format!(
                            "«{text}»: the year {y} is outside {}–{}",
                            PLAUSIBLE_YEARS.start(),
                            PLAUSIBLE_YEARS.end()
                        ),
                        start,
                        end,
                    ));
                }
            }
            if let (Some(w), Some(y), Some(d), Some(m), true) =
                (atom.weekday, year, item.day, item.month, valid && atom.items.len() == 1)
            {
                let actual = Ymd::new(y, m, d).weekday();
                if actual != w {
                    warnings.push(Warning::at(
                        "weekday_mismatch",
                        format!(
                            "«{text}»: {as_written} is a {}, not a {}",
                            weekday_name(actual),
                            weekday_name(w)
                        ),
                        start,
                        end,
                    ));
                }
            }
            out.push(Date {
                text: text.to_owned(),
                start,
                end,
                value,
                precision: item.precision,
                as_written,
                valid,
                year_inferred: inferred,
                rule: atom.rule,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(day: u32, month: u32) -> Item {
        Item {
            day: Some(day),
            month: Some(month),
            year: None,
            year_from: YearFrom::Missing,
            precision: Precision::Day,
        }
    }

    #[test]
    fn inferred_year_is_the_nearest() {
        let p = Ymd::new(2020, 1, 5);
        assert_eq!(infer_year(p, &item(28, 12), None, None, false), 2019);
        assert_eq!(infer_year(p, &item(10, 1), None, None, false), 2020);
        let p = Ymd::new(2019, 8, 21);
        assert_eq!(infer_year(p, &item(20, 8), None, None, false), 2019);
        assert_eq!(infer_year(p, &item(20, 8), None, Some(-1), false), 2018);
        // 17/5 was a Monday in 2021, not in 2020 or 2022
        let p = Ymd::new(2021, 11, 30);
        assert_eq!(infer_year(p, &item(17, 5), Some(0), None, false), 2021);
        assert_eq!(infer_year(Ymd::new(2022, 1, 2), &item(17, 5), Some(0), None, false), 2021);
        // 29 February: the leap year among the neighbours
        assert_eq!(infer_year(Ymd::new(2021, 1, 10), &item(29, 2), None, None, false), 2020);
        // "23/5 vừa qua" in an article of December: the May before, not the next
        let p = Ymd::new(2018, 12, 15);
        assert_eq!(infer_year(p, &item(23, 5), None, None, false), 2019);
        assert_eq!(infer_year(p, &item(23, 5), None, None, true), 2018);
    }
}
