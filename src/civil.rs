//! Proleptic Gregorian calendar arithmetic: just what the extractors need
//! (validity, weekday, ISO formatting), without a date crate.

use std::fmt;

/// A calendar date whose components may not exist together (30 February):
/// check with [`Ymd::is_valid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Ymd {
    /// A date from its components (not checked).
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Ymd { year, month, day }
    }

    /// Parses `YYYY-MM-DD` at the start of `s` (an ISO date or date-time).
    ///
    /// ```
    /// use vnarticle::civil::Ymd;
    /// assert_eq!(Ymd::parse_iso("2017-05-19T08:14:00+07:00"), Some(Ymd::new(2017, 5, 19)));
    /// assert_eq!(Ymd::parse_iso("2017-05"), None);
    /// ```
    pub fn parse_iso(s: &str) -> Option<Ymd> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        let day = s.get(8..10)?.parse().ok()?;
        let d = Ymd { year, month, day };
        d.is_valid().then_some(d)
    }

    /// Whether the date exists.
    pub fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month) && self.day >= 1 && self.day <= days_in_month(self.year, self.month)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (valid dates only).
    ///
    /// ```
    /// use vnarticle::civil::Ymd;
    /// assert_eq!(Ymd::new(2021, 5, 17).weekday(), 0); // Thứ hai
    /// ```
    pub fn weekday(&self) -> u32 {
        // days since 1970-01-01 (a Thursday)
        let days = days_from_civil(self.year, self.month, self.day);
        ((days % 7 + 7 + 3) % 7) as u32
    }
}

impl fmt::Display for Ymd {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Howard Hinnant's days_from_civil.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(!Ymd::new(2017, 2, 30).is_valid());
        assert!(!Ymd::new(2019, 4, 31).is_valid());
        assert!(Ymd::new(2020, 2, 29).is_valid());
        assert!(!Ymd::new(1900, 2, 29).is_valid());
        assert!(Ymd::new(2000, 2, 29).is_valid());
        assert!(!Ymd::new(2019, 13, 1).is_valid());
        assert!(!Ymd::new(2019, 1, 0).is_valid());
    }

    #[test]
    fn weekdays() {
        assert_eq!(Ymd::new(1970, 1, 1).weekday(), 3);
        assert_eq!(Ymd::new(2019, 8, 21).weekday(), 2); // Wednesday
        assert_eq!(Ymd::new(2019, 4, 8).weekday(), 0); // Monday
        assert_eq!(Ymd::new(1930, 2, 3).weekday(), 0);
        assert_eq!(Ymd::new(2026, 11, 21).weekday(), 5); // Saturday
    }
}
