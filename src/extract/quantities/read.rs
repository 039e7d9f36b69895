//! Reading one candidate: its left (qualifiers, labels, "từ", a verb heading
//! a percentage), the number itself (one, a pair with `/` or `-`), its right
//! ([`super::tail`]), and the quantity that makes.

use super::lexicon::{fold, next_word, prev_word, sentence_initial, word_at};
use super::number::{Numeral, parse_complex, year};
use super::rules::{Candidate, Found, Rules, Unit};
use super::tail::{Glued, Tail, TailKind};
use crate::record::{Quantity, QuantityKind, Warning};

/// What stands left of a number.
#[derive(Debug, Default)]
struct Left {
    /// Where the quantity's text starts (at the qualifier, if any).
    start: usize,
    /// The qualifier's span.
    qualifier: Option<(usize, usize)>,
    /// A verb heading a percentage ("đạt", "giảm"): its span.
    head: Option<(usize, usize)>,
    /// "từ" before the number (or its qualifier): its start.
    from: Option<usize>,
    /// The number names or orders something ("Chỉ thị 05", "lần thứ 6").
    label: bool,
}

/// A quantity being built: what is known besides its span.
#[derive(Debug)]
struct Draft {
    kind: QuantityKind,
    value: f64,
    total: Option<f64>,
    unit: Option<String>,
    /// A qualifier written after ("trở lên").
    after: Option<String>,
    rule: &'static str,
}

impl Draft {
    fn new(kind: QuantityKind, value: f64, rule: &'static str) -> Self {
        Draft { kind, value, total: None, unit: None, after: None, rule }
    }

    fn total(mut self, total: f64) -> Self {
        self.total = Some(total);
        self
    }

    fn unit(mut self, unit: Option<String>) -> Self {
        self.unit = unit;
        self
    }

    /// The unit and the qualifier written after, from the tail.
    fn tail(mut self, tail: &Tail) -> Self {
        self.unit = tail.unit.clone();
        self.after = tail.after.clone();
        self
    }
}

/// A number and what is glued to it.
#[derive(Debug, Clone, Copy)]
struct Digits<'t> {
    start: usize,
    end: usize,
    raw: &'t str,
    glued: Glued<'t>,
}

/// What joins two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    /// " - " between them.
    Dash,
    /// "đến", "tới" (after "từ").
    Range,
    /// "xuống còn", "lên" (after "từ").
    Change,
    /// "trên" between two numbers: "2 trên 3 xã", a ratio.
    Over,
}

/// The outcome of looking for a second number.
enum Joined {
    /// No second number: read the first alone.
    No,
    /// The pair is a date or a year span: nothing.
    Skip,
    /// A range, or the first number of a change.
    Found(Box<Found>),
}

impl Rules {
    /// Reads a candidate.
    pub(super) fn read(&self, t: &str, c: Candidate) -> Option<Found> {
        match c {
            Candidate::Digits { start, end } => self.read_digits(t, start, end),
            Candidate::Words { start, end, value } => self.read_words(t, start, end, value),
            Candidate::Fraction { start, end, num, den } => {
                let l = self.left(t, start);
                if l.label {
                    return None;
                }
                let d = Draft::new(QuantityKind::Ratio, num, "fraction").total(den);
                Some(self.finish(t, &l, l.start, end, d))
            }
        }
    }

    /// What is glued to the digits ending at `e`; `None` when the digits are
    /// part of a code, a clock time or a word ("05-CT/TW", "08:14", "8h30",
    /// "QH14", "4Về").
    fn glue<'t>(&self, t: &'t str, e: usize) -> Option<Glued<'t>> {
        let rest = t.get(e..)?;
        let mut chars = rest.chars();
        let glued = match (chars.next(), chars.next()) {
            (Some(':'), Some(c)) if c.is_ascii_digit() => return None,
            (Some('%'), _) => Glued::Percent,
            (Some('₫'), _) => Glued::Dong(e + '₫'.len_utf8()),
            (Some('/' | '-' | '–'), Some(c)) if c.is_alphabetic() => return None,
            (Some(c), _) if c.is_alphabetic() => {
                let w = word_at(t, e)?;
                match self.units.longest_at(t, e) {
                    Some((end, Unit::Currency(_) | Unit::Measure)) if end == w.end => Glued::Unit(w),
                    _ => return None,
                }
            }
            _ => Glued::None,
        };
        if code_after(t, e) {
            return None;
        }
        Some(glued)
    }

    /// Whether a dot in the number may be an English decimal point: `%` or
    /// a scale word follows ("96.4%", "192.7 tỷ").
    fn english_ok(&self, t: &str, e: usize, glued: Glued) -> bool {
        matches!(glued, Glued::Percent)
            || t.get(e..).is_some_and(|r| r.starts_with(" %"))
            || next_word(t, e).is_some_and(|w| self.scale.longest_at(t, w.start).is_some())
    }

    fn read_digits(&self, t: &str, s: usize, e: usize) -> Option<Found> {
        let raw = t.get(s..e)?;
        let before = t.get(..s)?.chars().next_back();
        // glued to a word or a code ("QH14", "COVID-19", "+84"), or opening
        // a quoted name or slogan ("“3 sạch”", "“5 không”")
        if before.is_some_and(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    '/' | '-'
                        | '–'
                        | '+'
                        | '.'
                        | ','
                        | ':'
                        | '_'
                        | '#'
                        | '&'
                        | '@'
                        | '='
                        | '“'
                        | '‘'
                        | '"'
                        | '«'
                )
        }) {
            return None;
        }
        // digit groups set apart by spaces: a telephone number ("0262 3 860 008")
        if spaced_digits(t, s, e) {
            return None;
        }
        let glued = self.glue(t, e)?;
        let n = Digits { start: s, end: e, raw, glued };
        let l = self.left(t, s);
        match parse_complex(raw, self.english_ok(t, e, glued))? {
            Numeral::Plain(v) => self.read_plain(t, n, v, &l),
            Numeral::Pair { slash: true, a, b, a_int, b_int, b_year, .. } => {
                let date_like = a_int && b_int && is_day(a) && is_month(b);
                let month_year = a_int && is_month(a) && b_year;
                self.read_ratio(t, n, (a, b), date_like, month_year, &l)
            }
            Numeral::Pair { slash: false, a, b, a_int, b_int, a_year, b_year } => {
                let date_like = a_int && b_int && is_day(a) && is_month(b);
                let year_span = a_year || b_year;
                self.read_dash_range(t, n, (a, b), date_like, year_span, &l)
            }
        }
    }

    /// "73/73 TCCS Đảng", "6/7 xã", "2/3 số xã"; "20/8", "3/2019" are dates.
    fn read_ratio(
        &self,
        t: &str,
        n: Digits,
        (a, b): (f64, f64),
        date_like: bool,
        month_year: bool,
        l: &Left,
    ) -> Option<Found> {
        if l.label || month_year {
            return None;
        }
        if date_like && (a > b || self.date_context.longest_before(t, n.start).is_some()) {
            return None;
        }
        let mut tail = self.tail(t, n.end, n.glued, true);
        // "2/3 số xã": a share of the communes
        if let Some(w) =
            next_word(t, n.end).filter(|w| fold(w.text) == "số" && matches!(n.glued, Glued::None))
        {
            let inner = self.tail(t, w.end, Glued::None, false);
            if inner.kind == TailKind::Count {
                tail = Tail { unit: t.get(w.start..inner.end).map(str::to_owned), ..inner };
            }
        }
        match tail.kind {
            // a day and month before a noun not in the lists stays a date
            TailKind::Count if !tail.rate && (!date_like || tail.listed) => {
                let d = Draft::new(QuantityKind::Ratio, a, "ratio").total(b).tail(&tail);
                Some(self.finish(t, l, l.start, tail.end, d))
            }
            // a share of an amount of money: "giải ngân 3.215/5.600 tỷ đồng"
            TailKind::Money if !tail.rate && !date_like => {
                let d = Draft::new(QuantityKind::Ratio, a * tail.mult, "ratio_money")
                    .total(b * tail.mult)
                    .tail(&tail);
                Some(self.finish(t, l, l.start, tail.end, d))
            }
            // "đạt 18/19", "có 34/61"
            TailKind::Nothing if !date_like && a <= b && b > 0.0 && self.ratio_verb_before(t, l.start) => {
                let d = Draft::new(QuantityKind::Ratio, a, "ratio_bare").total(b);
                Some(self.finish(t, l, l.start, n.end, d))
            }
            _ => None,
        }
    }

    /// "01-02 ngày", "5-7%", "2-3 tỷ đồng"; "29-3", "2013-2018" are dates.
    fn read_dash_range(
        &self,
        t: &str,
        n: Digits,
        (a, b): (f64, f64),
        date_like: bool,
        year_span: bool,
        l: &Left,
    ) -> Option<Found> {
        if l.label || year_span {
            return None;
        }
        let tail = self.tail(t, n.end, n.glued, true);
        // "đến 30-4 các xã" is a date; "từ 01-02 ngày" a range
        if date_like && self.date_context.longest_before(t, n.start).is_some() {
            let from = l.from.is_some() && l.qualifier.is_none();
            if !(from && tail.listed && matches!(tail.kind, TailKind::Time | TailKind::Count)) {
                return None;
            }
        }
        let unit = match tail.kind {
            TailKind::Nothing | TailKind::Times => return None,
            TailKind::Time
                if self.time_is_clock_or_date(t, n.start, tail.unit.as_deref().unwrap_or(""), tail.end) =>
            {
                return None;
            }
            TailKind::Count if date_like && !tail.listed => return None,
            TailKind::Percent => Some("%".to_owned()),
            _ => tail.unit.clone(),
        };
        let d = Draft::new(QuantityKind::Range, a * tail.mult, "range")
            .total(b * tail.mult + tail.extra)
            .tail(&tail)
            .unit(unit);
        Some(self.finish(t, l, l.from.unwrap_or(l.start), tail.end, d))
    }

    fn read_plain(&self, t: &str, n: Digits, v: f64, l: &Left) -> Option<Found> {
        if l.label {
            // a label names a thing, except before "%" or a currency ("mức
            // 90%", "mức 5 triệu đồng")
            let tail = self.tail(t, n.end, n.glued, false);
            if !matches!(tail.kind, TailKind::Percent | TailKind::Money) || tail.rate {
                return None;
            }
        }
        let year_like =
            n.raw.len() == 4 && n.raw.bytes().all(|b| b.is_ascii_digit()) && (1900.0..=2100.0).contains(&v);
        if year_like && self.year_context.longest_before(t, l.start).is_some() {
            return None;
        }
        if matches!(n.glued, Glued::None) {
            match self.range_or_change(t, n, v, year_like, l) {
                Joined::No => {}
                Joined::Skip => return None,
                Joined::Found(f) => return Some(*f),
            }
        }
        let tail = self.tail(t, n.end, n.glued, !year_like);
        if year_like && !(tail.kind == TailKind::Count && tail.listed) {
            return None;
        }
        let (kind, rule) = match (tail.kind, tail.rate) {
            (TailKind::Percent, _) => (QuantityKind::Percent, "percent"),
            (TailKind::Money, false) => (QuantityKind::Money, "money"),
            (TailKind::Count, false) => {
                (QuantityKind::Count, if tail.listed { "count" } else { "count_noun" })
            }
            (TailKind::Time, false) => {
                if self.time_is_clock_or_date(t, n.start, tail.unit.as_deref().unwrap_or(""), tail.end) {
                    return None;
                }
                (QuantityKind::Duration, "duration")
            }
            (TailKind::Money | TailKind::Count | TailKind::Time | TailKind::Times, true) => {
                (QuantityKind::Rate, "rate")
            }
            (TailKind::Times, false) => return None,
            (TailKind::Nothing, _) => return self.read_bare(t, n, v, &tail, l),
        };
        // a count of things is whole: "9,5 điểm", "65,5 điểm" are scores (a
        // measure or a scale word may carry a fraction: "2,5 ha", "1,5
        // triệu người")
        let mut v = v;
        let mut warning = None;
        if kind == QuantityKind::Count && v.fract() != 0.0 && tail.mult == 1.0 && !self.measure_unit(&tail) {
            // ... unless the comma is an English thousands separator ("1,500
            // người"): read so, and say so
            let english = english_thousands(n.raw)?;
            warning = Some(Warning::at(
                "ambiguous_number",
                format!("«{}» read as {english}: a comma before three digits in a count of things", n.raw),
                n.start,
                n.end,
            ));
            v = english;
        }
        let mut d = Draft::new(kind, v * tail.mult + tail.extra, rule).tail(&tail);
        let mut start = l.start;
        if kind == QuantityKind::Percent {
            d.unit = None;
            start = l.head.map_or(l.start, |h| h.0);
        }
        let mut found = self.finish(t, l, start, tail.end, d);
        found.warning = warning;
        Some(found)
    }

    /// Whether the unit read is a measure ("ha", "km", "tấn").
    fn measure_unit(&self, tail: &Tail) -> bool {
        let Some(unit) = tail.unit.as_deref() else { return false };
        matches!(self.units.longest_at(unit, 0), Some((_, Unit::Measure)))
    }

    /// A number with nothing after it: money when a scale word follows and
    /// the clause speaks of money ("kinh phí hơn 500 triệu"); a count of
    /// what "số <noun>" named before ("số người chết ... chỉ còn 96.068").
    fn read_bare(&self, t: &str, n: Digits, v: f64, tail: &Tail, l: &Left) -> Option<Found> {
        if tail.mult > 1.0
            && self
                .clause_words_before(t, l.start, 8, |p| self.money_cue.longest_at(t, p).map(|_| ()))
                .is_some()
        {
            let d = Draft::new(QuantityKind::Money, v * tail.mult + tail.extra, "money_cue")
                .unit(Some("VND".to_owned()));
            return Some(self.finish(t, l, l.start, tail.scale_end, d));
        }
        if tail.mult != 1.0 || self.bare_link.longest_before(t, l.start).is_none() {
            return None;
        }
        let unit = self.clause_words_before(t, l.start, 16, |p| {
            let w = word_at(t, p)?;
            if fold(w.text) != "số" {
                return None;
            }
            // "số đảng viên", "số lượng đảng viên", "số thuê bao"
            let mut noun = next_word(t, w.end)?;
            if fold(noun.text) == "lượng" {
                noun = next_word(t, noun.end)?;
            }
            match self.units.longest_at(t, noun.start) {
                Some((end, Unit::Count)) => t.get(noun.start..self.noun_phrase(t, end)).map(str::to_owned),
                Some(_) => None,
                None => {
                    if !self.fallback_head(t, noun) {
                        return None;
                    }
                    let end = self.noun_phrase(t, noun.end);
                    t.get(noun.start..end).map(str::to_owned)
                }
            }
        })?;
        let d = Draft::new(QuantityKind::Count, v, "count_named_before").unit(Some(unit));
        Some(self.finish(t, l, l.start, n.end, d))
    }

    /// Walks back over at most `n` words of the clause before `pos` (words
    /// joined by single spaces) and returns the first answer of `f` at a
    /// word's start.
    fn clause_words_before<R>(
        &self,
        t: &str,
        pos: usize,
        n: usize,
        f: impl Fn(usize) -> Option<R>,
    ) -> Option<R> {
        let mut pos = pos;
        for _ in 0..n {
            let w = prev_word(t, pos)?;
            if let Some(r) = f(w.start) {
                return Some(r);
            }
            pos = w.start;
        }
        None
    }

    /// "đạt 18/19", "có 34/61": a ratio may stand without a noun after a
    /// verb of having or reaching.
    fn ratio_verb_before(&self, t: &str, start: usize) -> bool {
        self.percent_head.longest_before(t, start).is_some()
            || self.bare_link.longest_before(t, start).is_some()
            || prev_word(t, start).is_some_and(|w| matches!(fold(w.text).as_str(), "có" | "gồm"))
    }

    /// "từ 5 đến 7 người" (a range), "từ 215 xuống còn 117 hội nghị" (the
    /// first number of a change, counting what the second counts), "5 - 7
    /// người" (a range), "(1969 - 2024)" and "2 - 6/4/2019" (dates: nothing).
    fn range_or_change(&self, t: &str, n: Digits, a: f64, a_year: bool, l: &Left) -> Joined {
        // the first number may carry its own scale word ("từ 2 triệu đến 4
        // triệu đồng")
        let (a_scale, a_end) = match next_word(t, n.end).and_then(|w| self.scale.longest_at(t, w.start)) {
            Some((end, &mult)) => (Some(mult), end),
            None => (None, n.end),
        };
        let Some((conn, b_start)) = self.connector(t, a_end) else { return Joined::No };
        if !matches!(conn, Conn::Dash | Conn::Over) && l.from.is_none() {
            return Joined::No;
        }
        let Some(m) = self.digits.find_at(t, b_start).filter(|m| m.start() == b_start) else {
            return Joined::No;
        };
        let Some(glued) = self.glue(t, m.end()) else { return Joined::Skip };
        let Some(Numeral::Plain(b)) = parse_complex(m.as_str(), self.english_ok(t, m.end(), glued)) else {
            // "2 - 6/4/2019", "từ 15 đến 20/8": dates
            return if conn == Conn::Change { Joined::No } else { Joined::Skip };
        };
        let b_year = year(m.as_str());
        if a_year || b_year {
            return Joined::Skip;
        }
        let tail = self.tail(t, m.end(), glued, true);
        let start = l.from.unwrap_or(l.start);
        match (conn, tail.kind) {
            (_, TailKind::Nothing | TailKind::Times) => Joined::No,
            // "2 trên 3 xã": a part of a whole counted in one noun
            (Conn::Over, TailKind::Count) if a <= b && a_scale.is_none() && !tail.rate => {
                let d = Draft::new(QuantityKind::Ratio, a, "ratio_over").total(b).tail(&tail);
                Joined::Found(Box::new(self.finish(t, l, start, tail.end, d)))
            }
            (Conn::Over, _) => Joined::No,
            (Conn::Change, kind) => {
                let kind = match kind {
                    TailKind::Percent => QuantityKind::Percent,
                    TailKind::Money => QuantityKind::Money,
                    TailKind::Time => QuantityKind::Duration,
                    _ => QuantityKind::Count,
                };
                let unit = if kind == QuantityKind::Percent { None } else { tail.unit.clone() };
                let d = Draft::new(kind, a * a_scale.unwrap_or(tail.mult), "change_from").unit(unit);
                Joined::Found(Box::new(self.finish(t, l, start, a_end, d)))
            }
            (Conn::Range | Conn::Dash, kind) => {
                if kind == TailKind::Time
                    && self.time_is_clock_or_date(t, n.start, tail.unit.as_deref().unwrap_or(""), tail.end)
                {
                    return Joined::Skip;
                }
                let unit = if kind == TailKind::Percent { Some("%".to_owned()) } else { tail.unit.clone() };
                let d = Draft::new(QuantityKind::Range, a * a_scale.unwrap_or(tail.mult), "range")
                    .total(b * tail.mult + tail.extra)
                    .tail(&tail)
                    .unit(unit);
                Joined::Found(Box::new(self.finish(t, l, start, tail.end, d)))
            }
        }
    }

    /// What joins two numbers after `e`: " - ", " đến ", " xuống còn " …;
    /// and where the second number starts.
    fn connector(&self, t: &str, e: usize) -> Option<(Conn, usize)> {
        let rest = t.get(e..)?;
        for dash in [" - ", " – "] {
            if rest.starts_with(dash) {
                return Some((Conn::Dash, e + dash.len()));
            }
        }
        let w = next_word(t, e)?;
        let after = |end: usize| t.get(end..).is_some_and(|r| r.starts_with(' ')).then_some(end + 1);
        if let Some((end, _)) = self.change.longest_at(t, w.start) {
            return Some((Conn::Change, after(end)?));
        }
        if let Some((end, _)) = self.range.longest_at(t, w.start) {
            return Some((Conn::Range, after(end)?));
        }
        if fold(w.text) == "trên" {
            return Some((Conn::Over, after(w.end)?));
        }
        None
    }

    fn read_words(&self, t: &str, s: usize, e: usize, v: f64) -> Option<Found> {
        let first = word_at(t, s)?;
        if first.capitalized() && !sentence_initial(t, s) {
            return None; // "Ba Đình", "Hai Bà Trưng"
        }
        let l = self.left(t, s);
        if l.label {
            return None;
        }
        let tail = self.tail(t, e, Glued::None, false);
        let kind = match (tail.kind, tail.rate) {
            (_, true) | (TailKind::Nothing | TailKind::Times, _) => return None,
            (TailKind::Count, _) => QuantityKind::Count,
            (TailKind::Percent, _) => QuantityKind::Percent,
            (TailKind::Money, _) => QuantityKind::Money,
            (TailKind::Time, _) => {
                if self.time_is_clock_or_date(t, s, tail.unit.as_deref().unwrap_or(""), tail.end) {
                    return None;
                }
                QuantityKind::Duration
            }
        };
        let mut d = Draft::new(kind, v * tail.mult + tail.extra, "count_in_words").tail(&tail);
        if kind == QuantityKind::Percent {
            d.unit = None;
        }
        Some(self.finish(t, &l, l.start, tail.end, d))
    }

    /// Reads the left of a number starting at `s`.
    fn left(&self, t: &str, s: usize) -> Left {
        let mut l = Left { start: s, ..Left::default() };
        if let Some((qs, _)) = self.before.longest_before(t, s) {
            l.qualifier = Some((qs, s - 1));
            l.start = qs;
        } else {
            match self.label.longest_before(t, s) {
                Some((ls, &is_label)) => l.label = is_label && !self.verb_not_label(t, ls, s),
                None => {
                    // a name before the number: "Trung ương 8", "Quốc lộ 14" (a
                    // capital at a sentence's start says nothing, nor does a
                    // common word written with a capital: "Giảm 12%")
                    if let Some(w) = prev_word(t, s) {
                        l.label = w.capitalized()
                            && !sentence_initial(t, w.start)
                            && self.percent_head.longest_at(t, w.start).is_none()
                            && self.stop.longest_at(t, w.start).is_none();
                    }
                }
            }
        }
        if let Some((hs, _)) = self.percent_head.longest_before(t, l.start) {
            l.head = Some((hs, l.start - 1));
        }
        if let Some(w) = prev_word(t, l.start) {
            if fold(w.text) == "từ" {
                l.from = Some(w.start);
            }
        }
        l
    }

    /// Whether the label at `ls` (ending before the number at `s`) is
    /// written as a verb: a phrase of [label_capital] in lower case, not
    /// after a number ("đã điều 300 cán bộ", "đã kết luận 16 tổ chức
    /// đảng", but "Điều 6", "Kết luận 16", "khoản 2 điều 5").
    fn verb_not_label(&self, t: &str, ls: usize, s: usize) -> bool {
        let Some(w) = word_at(t, ls) else { return false };
        self.label_capital
            .longest_at(t, ls)
            .is_some_and(|(end, _)| end <= s && t.get(end..s).is_some_and(|gap| gap.trim().is_empty()))
            && !w.capitalized()
            && !prev_word(t, ls).is_some_and(|p| p.text.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// The quantity of a draft spanning `start..end`; the qualifier as
    /// written: before the number, else "đạt" heading a percentage, else
    /// after it.
    fn finish(&self, t: &str, l: &Left, start: usize, end: usize, d: Draft) -> Found {
        let written = |(a, b): (usize, usize)| t.get(a..b).map(str::to_owned);
        let qualifier = l
            .qualifier
            .and_then(written)
            .or_else(|| {
                let head = l.head.and_then(written)?;
                (d.kind == QuantityKind::Percent && fold(&head) == "đạt").then_some(head)
            })
            .or(d.after);
        let q = Quantity {
            text: t.get(start..end).unwrap_or("").to_owned(),
            start,
            end,
            kind: d.kind,
            value: d.value,
            total: d.total,
            unit: d.unit,
            qualifier,
            rule: d.rule,
        };
        Found { q, consumed: end, warning: None }
    }
}

/// "1,500": one to three digits, a comma, three digits, read as an English
/// thousands group.
fn english_thousands(raw: &str) -> Option<f64> {
    let (a, b) = raw.split_once(',')?;
    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if (1..=3).contains(&a.len()) && b.len() == 3 && digits(a) && digits(b) && !a.starts_with('0') {
        format!("{a}{b}").parse().ok()
    } else {
        None
    }
}

fn is_day(v: f64) -> bool {
    (1.0..=31.0).contains(&v)
}

fn is_month(v: f64) -> bool {
    (1.0..=12.0).contains(&v)
}

/// Digits set apart from other digits by a single space ("0262 3 860 008").
fn spaced_digits(t: &str, s: usize, e: usize) -> bool {
    let before = t.get(..s).unwrap_or("");
    let after = t.get(e..).unwrap_or("");
    before.strip_suffix(' ').is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
        || after.strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// A document code after the digits: "05- CT/TW", "08 - KH/ĐUK", "04 –NQ/TW".
fn code_after(t: &str, e: usize) -> bool {
    let Some(r) = t.get(e..) else { return false };
    let r = r.strip_prefix(' ').unwrap_or(r);
    let Some(r) = r.strip_prefix('-').or_else(|| r.strip_prefix('–')) else { return false };
    let r = r.strip_prefix(' ').unwrap_or(r);
    let letters: usize = r.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    letters > 0
        && r.starts_with(char::is_uppercase)
        && r.get(letters..).is_some_and(|x| x.starts_with('/') || x.starts_with('-'))
}
