//! What follows a number: `%`, a scale word, a currency, a time unit, a
//! counted noun phrase (cut at a sensible boundary, coordinations kept), a
//! rate's "/denominator", and a qualifier written after ("trở lên").

use super::lexicon::{Word, next_word, prev_word, word_at};
use super::rules::{Rules, Unit};

/// The most syllables a counted noun phrase takes after its head noun
/// ("đồng chí | cán bộ chủ chốt").
const MAX_MODIFIERS: usize = 4;
/// The most nouns a coordination joins ("thôn, buôn, bon, tổ dân phố").
const MAX_HEADS: usize = 6;

/// How the number's right-hand side reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TailKind {
    /// `%` or "phần trăm".
    Percent,
    /// A currency; the unit is its code.
    Money,
    /// A time unit: a duration.
    Time,
    /// A counted noun or a measure.
    Count,
    /// "lần" (a multiplier; only a rate with "/" after it).
    Times,
    /// Nothing a quantity can stand on.
    Nothing,
}

/// The reading of what follows a number.
#[derive(Debug, Clone)]
pub(super) struct Tail {
    pub kind: TailKind,
    /// The scale word's factor ("tỷ" = 10⁹), 1 without one.
    pub mult: f64,
    /// What smaller amounts written after the scale word add ("4 tỷ 500
    /// triệu đồng": 500 000 000), 0 without them.
    pub extra: f64,
    /// The unit: the noun phrase as written, the time unit, the currency
    /// code; with "/denominator" for a rate.
    pub unit: Option<String>,
    /// The head noun came from the word list (not the lower-case fallback).
    pub listed: bool,
    /// A "/denominator" follows: a rate.
    pub rate: bool,
    /// "trở lên", "trở xuống" as written.
    pub after: Option<String>,
    /// The end of the quantity's text.
    pub end: usize,
    /// The end of the scale word (or of the number when there is none).
    pub scale_end: usize,
}

impl Tail {
    /// The same reading after a scale word.
    fn scaled(mut self, mult: f64, scale_end: usize) -> Self {
        self.mult = mult;
        self.scale_end = scale_end;
        self
    }
}

/// What is glued to the digits ("98%", "2.000.000đ", "0,07USD").
#[derive(Debug, Clone, Copy)]
pub(super) enum Glued<'a> {
    None,
    Percent,
    Unit(Word<'a>),
    /// The đồng sign "₫", ending at this offset.
    Dong(usize),
}

impl Rules {
    /// Reads the right-hand side of a number ending at `pos`. `fallback`: a
    /// plain lower-case word not in the lists may be the counted noun.
    pub(super) fn tail(&self, t: &str, pos: usize, glued: Glued, fallback: bool) -> Tail {
        let mut tail = Tail {
            kind: TailKind::Nothing,
            mult: 1.0,
            extra: 0.0,
            unit: None,
            listed: false,
            rate: false,
            after: None,
            end: pos,
            scale_end: pos,
        };
        let mut p = pos;
        match glued {
            Glued::Percent => {
                tail.kind = TailKind::Percent;
                tail.end = p + 1;
                self.percent_after(t, &mut tail);
                return tail;
            }
            Glued::Unit(w) => {
                return self.unit_at(t, w, tail, false);
            }
            Glued::Dong(end) => {
                tail.kind = TailKind::Money;
                tail.unit = Some("VND".to_owned());
                tail.listed = true;
                tail.end = end;
                self.rate_and_after(t, &mut tail);
                return tail;
            }
            Glued::None => {}
        }
        if t.get(p..).is_some_and(|r| r.starts_with(" ₫")) {
            return self.tail(t, p, Glued::Dong(p + 1 + '₫'.len_utf8()), false);
        }
        if t.get(p..).is_some_and(|r| r.starts_with(" %")) {
            tail.kind = TailKind::Percent;
            tail.end = p + 2;
            self.percent_after(t, &mut tail);
            return tail;
        }
        let Some(mut w) = next_word(t, p) else { return tail };
        if let Some((end, _)) = self.percent_words.longest_at(t, w.start) {
            tail.kind = TailKind::Percent;
            tail.end = end;
            self.percent_after(t, &mut tail);
            return tail;
        }
        if let Some((end, &mult)) = self.scale.longest_at(t, w.start) {
            tail.mult = mult;
            tail.end = end;
            tail.scale_end = end;
            p = end;
            // "4 tỷ 500 triệu đồng", "1 triệu 200 nghìn đồng"
            let mut last = mult;
            for _ in 0..2 {
                let Some((amount, sub, sub_end)) = self.smaller_amount(t, p, last) else { break };
                tail.extra += amount;
                (tail.end, tail.scale_end, p, last) = (sub_end, sub_end, sub_end, sub);
            }
            match next_word(t, p) {
                Some(next) => w = next,
                None => {
                    if let Some(r) =
                        t.get(p..).and_then(|r| r.strip_prefix(' ')).filter(|r| r.starts_with('₫'))
                    {
                        let _ = r;
                        return self.tail(t, p, Glued::Dong(p + 1 + '₫'.len_utf8()), false).scaled(mult, end);
                    }
                    return tail;
                }
            }
        }
        self.unit_at(t, w, tail, fallback)
    }

    /// A whole number of one to three digits and a smaller scale word after
    /// `pos` ("… tỷ 500 triệu"): the amount, the scale and its end.
    fn smaller_amount(&self, t: &str, pos: usize, above: f64) -> Option<(f64, f64, usize)> {
        let n = next_word(t, pos)?;
        if n.text.len() > 3 || !n.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let s = next_word(t, n.end)?;
        let (end, &mult) = self.scale.longest_at(t, s.start)?;
        let v: f64 = n.text.parse().ok()?;
        (mult >= 1000.0 && mult < above && v * mult < above).then_some((v * mult, mult, end))
    }

    /// Reads a unit starting with word `w`.
    fn unit_at(&self, t: &str, w: Word, mut tail: Tail, fallback: bool) -> Tail {
        if let Some((end, unit)) = self.units.longest_at(t, w.start) {
            // a capitalised noun followed by a name is a name ("3 Sở Tư
            // pháp"); an acronym is not ("22 TCCS Đảng"), nor an office
            // with its body ("5 Ủy viên UBND huyện")
            let named =
                w.title_case() && self.name_after(t, end) && self.office.longest_at(t, w.start).is_none();
            if !named {
                let written = t.get(w.start..end).unwrap_or("");
                match unit {
                    Unit::Currency(code) => {
                        tail.kind = TailKind::Money;
                        tail.unit = Some(code.clone());
                        tail.listed = true;
                        tail.end = end;
                    }
                    Unit::Time => {
                        tail.kind = TailKind::Time;
                        tail.unit = Some(written.to_owned());
                        tail.listed = true;
                        tail.end = end;
                    }
                    Unit::Times => {
                        tail.kind = TailKind::Times;
                        tail.unit = Some(written.to_owned());
                        tail.listed = true;
                        tail.end = end;
                    }
                    Unit::Count | Unit::Measure => {
                        tail.kind = TailKind::Count;
                        tail.listed = true;
                        tail.end = self.noun_phrase(t, end);
                        tail.unit = t.get(w.start..tail.end).map(str::to_owned);
                    }
                }
                self.rate_and_after(t, &mut tail);
                return tail;
            }
        }
        if fallback && self.fallback_head(t, w) {
            tail.kind = TailKind::Count;
            tail.end = self.noun_phrase(t, w.end);
            tail.unit = t.get(w.start..tail.end).map(str::to_owned);
            self.rate_and_after(t, &mut tail);
        }
        tail
    }

    /// Whether a word not in the unit lists may still be the counted noun:
    /// a lower-case word, not a function word, a verb of the stop list, a
    /// part of the day or a scale word.
    pub(super) fn fallback_head(&self, t: &str, w: Word) -> bool {
        w.alphabetic()
            && !w.capitalized()
            && self.stop.longest_at(t, w.start).is_none()
            && self.time_of_day.longest_at(t, w.start).is_none()
            && self.scale.longest_at(t, w.start).is_none()
            && self.after.longest_at(t, w.start).is_none()
            && self.words.longest_at(t, w.start).is_none()
    }

    /// A "/denominator" after the unit makes a rate ("2 lần/tháng",
    /// "11.220 người/năm", "0,07 USD/kWh"); then "trở lên" / "trở xuống".
    fn rate_and_after(&self, t: &str, tail: &mut Tail) {
        for _ in 0..2 {
            if !t.get(tail.end..).is_some_and(|r| r.starts_with('/')) {
                break;
            }
            let Some(w) = word_at(t, tail.end + 1) else { break };
            let per = self.per.longest_at(t, w.start).map(|(e, _)| e);
            let Some(end) = per else { break };
            let denominator = t.get(w.start..end).unwrap_or("");
            tail.unit = Some(format!("{}/{denominator}", tail.unit.as_deref().unwrap_or("")));
            tail.end = end;
            tail.rate = true;
        }
        if let Some(w) = next_word(t, tail.end) {
            if let Some((end, _)) = self.after.longest_at(t, w.start) {
                tail.after = t.get(w.start..end).map(str::to_owned);
                tail.end = end;
            }
        }
    }

    /// After a percentage: "trở lên" right after it, or after the short noun
    /// phrase it is a share of ("90% số phiếu trở lên").
    fn percent_after(&self, t: &str, tail: &mut Tail) {
        let mut end = tail.end;
        for _ in 0..=MAX_MODIFIERS {
            let Some(w) = next_word(t, end) else { return };
            if let Some((e, _)) = self.after.longest_at(t, w.start) {
                tail.after = t.get(w.start..e).map(str::to_owned);
                tail.end = e;
                return;
            }
            if !w.alphabetic() || w.capitalized() || self.stop.longest_at(t, w.start).is_some() {
                return;
            }
            end = w.end;
        }
    }

    /// The end of the counted noun phrase whose head ends at `head_end`: its
    /// modifiers ("điểm cầu | cấp tỉnh", "tổ chức | phối hợp liên ngành"),
    /// cut before a function word, a verb of the stop list, a number, a
    /// proper name or punctuation, and the nouns coordinated with it ("cán
    /// bộ, đảng viên và quần chúng", "tập đoàn/Tổng công ty").
    pub(super) fn noun_phrase(&self, t: &str, head_end: usize) -> usize {
        let mut end = head_end;
        let mut modifiers = 0;
        let mut heads = 1;
        loop {
            if heads < MAX_HEADS {
                if let Some(next_end) = self.coordinated(t, end, modifiers == 0) {
                    end = next_end;
                    modifiers = 0;
                    heads += 1;
                    continue;
                }
            }
            let Some(w) = next_word(t, end) else { break };
            if !w.alphabetic() {
                break;
            }
            // a counted noun compounded with the head ("lượt | cán bộ") keeps
            // the phrase bare
            if !w.capitalized() {
                if let Some((e, Unit::Count)) = self.units.longest_at(t, w.start) {
                    if self.stop.longest_at(t, w.start).is_none() {
                        end = e;
                        continue;
                    }
                }
            }
            if let Some((e, _)) = self.tail_phrases.longest_at(t, w.start) {
                let n = syllables(t.get(w.start..e).unwrap_or(""));
                if modifiers + n > MAX_MODIFIERS {
                    break;
                }
                modifiers += n;
                end = e;
                continue;
            }
            if w.capitalized() {
                // "TCCS Đảng", but not "… Đảng ủy khối"
                let Some((e, _)) = self.tail_proper.longest_at(t, w.start) else { break };
                let organisation = next_word(t, e).is_some_and(|n| {
                    let f = super::lexicon::fold(n.text);
                    matches!(f.as_str(), "ủy" | "bộ" | "đoàn" | "viên")
                });
                if organisation || modifiers >= MAX_MODIFIERS {
                    break;
                }
                modifiers += syllables(t.get(w.start..e).unwrap_or(""));
                end = e;
                continue;
            }
            if self.stop.longest_at(t, w.start).is_some()
                || self.after.longest_at(t, w.start).is_some()
                || modifiers >= MAX_MODIFIERS
            {
                break;
            }
            modifiers += 1;
            end = w.end;
        }
        end
    }

    /// A noun coordinated after `end` (", " / " và " / " hoặc " / "/"), not
    /// followed by a number of its own: the end of its head. After a comma
    /// only when the noun before is bare (`bare`): "cán bộ, đảng viên", but
    /// "15 điểm cầu cấp huyện, hội nghị …" starts a new clause. A "/"
    /// before a rate's denominator ("5 tấn/ha") is not a coordination.
    fn coordinated(&self, t: &str, end: usize, bare: bool) -> Option<usize> {
        let rest = t.get(end..)?;
        let start = if rest.starts_with(", ") {
            if !bare {
                return None;
            }
            end + 2
        } else if rest.starts_with('/') {
            if self.per.longest_at(t, end + 1).is_some() {
                return None;
            }
            end + 1
        } else {
            let w = next_word(t, end)?;
            let f = super::lexicon::fold(w.text);
            if f != "và" && f != "hoặc" {
                return None;
            }
            next_word(t, w.end)?.start
        };
        let w = word_at(t, start)?;
        if !w.alphabetic() {
            return None;
        }
        let (head_end, unit) = self.units.longest_at(t, start)?;
        if !matches!(unit, Unit::Count | Unit::Measure) {
            return None;
        }
        // "12 đơn thư, giải quyết 10 đơn": a verb of the stop list longer
        // than the noun it starts with ("giải") opens a new clause
        if self.stop.longest_at(t, start).is_some_and(|(e, _)| e > head_end) {
            return None;
        }
        // "tập thể, cá nhân", but not "…, điểm cầu Văn phòng UBND tỉnh"
        if self.name_after(t, head_end) {
            return None;
        }
        // "120 hộ dân và báo cáo 12 nội dung": a word with its own number
        // is a verb opening a clause, not a second counted noun; so is one
        // whose number comes after a qualifier ("21.576 km2, dân số hơn
        // 3,5 triệu người")
        let mut after = next_word(t, head_end);
        if let Some((qe, ())) = after.and_then(|n| self.before.longest_at(t, n.start)) {
            after = next_word(t, qe);
        }
        if after.is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        Some(head_end)
    }

    /// Whether a name (a capitalised word that may not stand in a noun
    /// phrase) follows `end`.
    fn name_after(&self, t: &str, end: usize) -> bool {
        next_word(t, end)
            .is_some_and(|n| n.capitalized() && self.tail_proper.longest_at(t, n.start).is_none())
    }

    /// Whether a time unit after a number makes a date or a clock time
    /// rather than a duration: "15 tháng 3", "5 năm 2020", "8 giờ 30",
    /// "14 giờ chiều", "lúc 8 giờ".
    pub(super) fn time_is_clock_or_date(
        &self,
        t: &str,
        number_start: usize,
        unit: &str,
        unit_end: usize,
    ) -> bool {
        let f = super::lexicon::fold(unit);
        let next = next_word(t, unit_end);
        let next_digits = next.is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        match f.as_str() {
            "tháng" | "ngày" => next_digits,
            "năm" => next.is_some_and(|n| n.text.len() == 4 && n.text.chars().all(|c| c.is_ascii_digit())),
            "giờ" => {
                next_digits
                    || next.is_some_and(|n| self.time_of_day.longest_at(t, n.start).is_some())
                    || prev_word(t, number_start).is_some_and(|p| {
                        self.time_prev.longest_at(t, p.start).is_some_and(|(e, _)| e == p.end)
                    })
            }
            _ => false,
        }
    }
}

fn syllables(s: &str) -> usize {
    s.split([' ', '-', '/']).filter(|x| !x.is_empty()).count()
}
