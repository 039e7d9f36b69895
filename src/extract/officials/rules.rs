//! The grammar of a person named in portal news: names, the titles around
//! them, and the triggers that make a capitalised run a person (an
//! honorific, a title before or after the name, a list of attendees).
//!
//! Everything works on token indices of a [`Doc`]; a title is a token range.

use super::tokens::{Doc, Kind};
use super::vocab::Vocab;

/// A person found at one place of the body.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// Name tokens `s..e`.
    pub s: usize,
    pub e: usize,
    /// Where the mention starts: the honorific right before the name, or `s`.
    pub ms: usize,
    /// The honorific (index into `Vocab::honorific_forms`).
    pub honorific: Option<usize>,
    /// Titles, as token ranges, in text order.
    pub titles: Vec<(usize, usize)>,
    pub rule: &'static str,
}

/// A run of titles read forward from a title head.
#[derive(Debug, Clone, Default)]
pub(super) struct TitleRun {
    pub titles: Vec<(usize, usize)>,
    /// The token where reading stopped.
    pub end: usize,
    /// A name starts at this token right after the titles ("Phó Chủ tịch
    /// UBND tỉnh Tôn Thị Ngọc Hạnh").
    pub name: Option<usize>,
    /// The titles and the name are separated by a comma ("Chủ tịch UBND
    /// huyện, Nguyễn Xuân Thanh").
    pub comma: bool,
}

/// What precedes a capitalised run in a title: an administrative unit
/// (whose place name follows) or an organisation head (whose proper name
/// follows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Nothing,
    ClosedUnit,
    OpenUnit,
    NamedOrg,
    /// An organisation mostly named after a person ("Trường THCS Lê Quý
    /// Đôn", "đường Nguyễn Văn Cừ").
    NamesakeOrg,
}

const MAX_TITLE_WORDS: usize = 24;
const LOOK_BACK: usize = 28;

pub(super) struct Rules<'v, 'd> {
    pub v: &'v Vocab,
    pub d: &'d Doc<'d>,
}

impl Rules<'_, '_> {
    /// Modifiers and a title head or prefix starting at `i`: the token after
    /// them.
    pub fn title_start(&self, i: usize) -> Option<usize> {
        let (v, d) = (self.v, self.d);
        if !d.is_word(i) {
            return None;
        }
        let head = |j: usize| {
            let h = v.heads.at(d, j).map(|m| m.0).unwrap_or(0);
            let p = v.prefixes.at(d, j).map(|m| m.0).unwrap_or(0);
            let n = h.max(p);
            (n > 0).then_some(j + n)
        };
        let mut j = i;
        for _ in 0..3 {
            if let Some(end) = head(j) {
                return Some(end);
            }
            match v.modifiers.at(d, j) {
                Some((len, _)) => j += len,
                None => return None,
            }
        }
        None
    }

    /// Whether token `i` is an abbreviation that a full stop may follow
    /// inside a sentence ("TP.", "TS.", "PGS.TS.").
    fn dotted(&self, i: usize) -> bool {
        let (v, d) = (self.v, self.d);
        v.dotted.contains(d.key(i)) || v.prefixes.at(d, i).is_some_and(|(len, _)| len == 1)
    }

    /// Whether a title head or prefix ends right before token `i`.
    pub fn after_title(&self, i: usize) -> bool {
        let (v, d) = (self.v, self.d);
        v.prefixes.ending_at(d, i, 7).is_some() || v.heads.ending_at(d, i, 4).is_some()
    }

    /// An honorific at `i` that is followed by a name (and does not follow a
    /// title): its length and value.
    fn honorific_before_name(&self, i: usize) -> Option<(usize, usize)> {
        if self.after_title(i) {
            return None;
        }
        let (len, value) = self.v.honorifics.at(self.d, i)?;
        self.name_at(i + len).map(|_| (len, value))
    }

    /// A name starting at `i`: 2–5 capitalised syllables, the first a family
    /// name, ending before a title word, an honorific, an organisation word,
    /// a lower-case word or punctuation. Gives the end token.
    pub fn name_at(&self, i: usize) -> Option<usize> {
        let (v, d) = (self.v, self.d);
        let t = d.toks.get(i)?;
        if t.kind != Kind::Word || !t.cap || t.digit || t.all_caps {
            return None;
        }
        let key = d.key(i);
        let minority = ["h'", "k'", "h’", "k’"].iter().any(|p| key.starts_with(p));
        if !(v.surnames.contains(key) || minority)
            || v.stoppers.at(d, i).is_some()
            || self.title_start(i).is_some()
        {
            return None;
        }
        // "Ông Nguyễn Văn A": the honorific, not a family name; but after a
        // title an honorific cannot stand ("Thiếu tá Ông Văn Thiện")
        if let Some((len, _)) = v.honorifics.at(d, i).filter(|_| !self.after_title(i)) {
            if self.name_at_plain(i + len) {
                return None;
            }
        }
        self.name_run(i)
    }

    /// A name right after an honorific, whatever its family name ("đồng chí
    /// Cù Thị Hậu"): 2–5 capitalised syllables that are not a title, a
    /// place or an organisation, after an honorific that is not itself part
    /// of a street or organisation name ("đường Ông Ích Khiêm").
    fn name_after_honorific(&self, i: usize) -> Option<usize> {
        let (v, d) = (self.v, self.d);
        let t = d.toks.get(i)?;
        if t.kind != Kind::Word || !t.cap || i == 0 || !v.honorific_ends.contains(d.key(i - 1)) {
            return None;
        }
        let (hs, _, _) = self.honorific_ending_at(i)?;
        if t.kind != Kind::Word
            || !t.cap
            || t.digit
            || t.all_caps
            || self.title_start(i).is_some()
            || v.stoppers.at(d, i).is_some()
            || v.provinces.at(d, i).is_some()
            || v.honorifics.at(d, i).is_some()
            || self.before_kind(hs) != Before::Nothing
            || v.fixed.ending_at(d, hs, 3).is_some()
        {
            return None;
        }
        self.name_run(i)
    }

    /// The end of a name whose first syllable is at `i`: up to five
    /// capitalised syllables, at least two.
    fn name_run(&self, i: usize) -> Option<usize> {
        let (v, d) = (self.v, self.d);
        let mut j = i + 1;
        while j < d.toks.len() && j - i < 6 {
            let t = d.toks[j];
            let k = d.key(j);
            if t.kind != Kind::Word
                || !t.cap
                || t.digit
                || t.all_caps
                || !t.one_space_before
                || k.contains(['.', '&', '/'])
                || self.title_start(j).is_some()
                || v.honorifics.at(d, j).is_some()
            {
                break;
            }
            if let Some((len, _)) = v.stoppers.at(d, j) {
                // "bà Hầu Thị Sở, Đại biểu Quốc hội", "ông Lê Văn Ban cho
                // biết": a one-syllable organisation word that ends the
                // capitalised run is the given name, not the start of "Sở
                // Nội vụ", "Ban Tuyên giáo"
                let ends_run = !d.toks.get(j + 1).is_some_and(|n| n.kind == Kind::Word)
                    || v.stops.at(d, j + 1).is_some()
                    || d.key(j + 1) == "và";
                if len == 1 && j - i >= 2 && ends_run {
                    j += 1;
                }
                break;
            }
            j += 1;
        }
        ((2..=5).contains(&(j - i)) || (j - i == 1 && self.lone_prefixed_name(i))).then_some(j)
    }

    /// A Cơ Ho / Mạ / Êđê name written as one word after an honorific
    /// ("ông K'Broih", "bà H'Loan"): the gender prefix `K'`/`H'` glued to
    /// a capitalised given name. Without an honorific the same shape is an
    /// ethnic group ("dân tộc K'Ho"), so the honorific is required.
    fn lone_prefixed_name(&self, i: usize) -> bool {
        let d = self.d;
        let word = d.span(i, i + 1);
        let mut chars = word.chars();
        let prefixed = matches!(chars.next(), Some('K' | 'H'))
            && matches!(chars.next(), Some('\'' | '’'))
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some();
        prefixed && self.honorific_ending_at(i).is_some()
    }

    /// `name_at` without the honorific check (no recursion).
    fn name_at_plain(&self, i: usize) -> bool {
        let (v, d) = (self.v, self.d);
        let (Some(a), Some(b)) = (d.toks.get(i), d.toks.get(i + 1)) else { return false };
        a.kind == Kind::Word
            && a.cap
            && !a.all_caps
            && v.surnames.contains(d.key(i))
            && b.kind == Kind::Word
            && b.cap
            && !b.all_caps
            && b.one_space_before
    }

    /// Consecutive capitalised words from `j` (a place or organisation name).
    fn cap_run(&self, j: usize) -> usize {
        let d = self.d;
        let mut k = j;
        while d.is_cap_word(k)
            && (k == j || d.toks[k].space_before)
            && self.title_start(k).is_none()
            && self.v.honorifics.at(d, k).is_none()
        {
            k += 1;
        }
        k - j
    }

    /// How many tokens from `j` are the place (or the organisation's proper
    /// name) after a unit or an organisation head; 0 when a person's name
    /// starts at `j`.
    fn place_len(&self, j: usize, before: Before) -> usize {
        let (v, d) = (self.v, self.d);
        if let Some((len, _)) = v.provinces.at(d, j) {
            // "tỉnh Lâm Đồng", "TP. Hồ Chí Minh"
            return len;
        }
        if before == Before::ClosedUnit {
            // "tỉnh" names a province: anything else is a person
            return 0;
        }
        let r = self.cap_run(j);
        if r == 0 {
            return 0;
        }
        // "phường Lê Hồng Phong", "Trường THCS Chu Văn An Lê Thị Hoa"
        if let Some((len, _)) = v.namesake_people.at(d, j).filter(|&(len, _)| len <= r) {
            if len == r || self.name_at(j + len) == Some(j + r) {
                return len;
            }
        }
        // "Nguyễn Thị …", "Trần Văn …": a person's middle name; three
        // syllables after a frequent family name: a person ("Bí thư Huyện
        // ủy Lê Quang Hòa"), where "Lâm Hà", "Lê Chân" are places
        // (never after a school or a street: "Trường THCS Lê Quý Đôn")
        let namesake = before == Before::NamesakeOrg;
        let surname = v.surnames.contains(d.key(j));
        if !namesake
            && ((surname && matches!(d.key(j + 1), "thị" | "văn") && r >= 3)
                || (r == 3 && v.common_surnames.contains(d.key(j))))
        {
            return 0;
        }
        // place names are mostly two syllables: "huyện Kim Sơn Nguyễn Văn A";
        // a person's namesake at least two ("Trường THCS Nguyễn Văn Trỗi",
        // not "Nguyễn" and a person "Văn Trỗi")
        let splits: &[usize] = if namesake { &[2, 3, 4] } else { &[2, 3, 1] };
        for &k in splits {
            if k < r && self.name_at(j + k) == Some(j + r) {
                return k;
            }
        }
        // "Trường THCS Nguyễn Thị Minh Khai"
        if r <= 3 || namesake { r } else { 0 }
    }

    /// What token `i` (the last of a phrase) makes of a capitalised run after
    /// it.
    fn before_kind(&self, end: usize) -> Before {
        let (v, d) = (self.v, self.d);
        if v.closed_units.ending_at(d, end, 1).is_some() {
            Before::ClosedUnit
        } else if v.open_units.ending_at(d, end, 3).is_some() {
            Before::OpenUnit
        } else if v.namesake_orgs.ending_at(d, end, 5).is_some() {
            Before::NamesakeOrg
        } else if v.named_orgs.ending_at(d, end, 3).is_some() {
            Before::NamedOrg
        } else {
            Before::Nothing
        }
    }

    /// Reads titles forward from a title head at `start`, splitting at commas
    /// (and dashes, and "kiêm") that are followed by another title head; stops
    /// at a verb or clause word, at punctuation, at a name, at an honorific.
    pub fn titles_from(&self, start: usize) -> Option<TitleRun> {
        let (v, d) = (self.v, self.d);
        let mut i = self.title_start(start)?;
        // where the last title head ends: a name right there is the person's
        // even when it reads as a place ("Chủ tịch Hồ Chí Minh")
        let mut head_end = i;
        let mut cur = start;
        let mut last = i;
        let mut run = TitleRun::default();
        let mut after_unit = false;
        let mut words = i - start;
        loop {
            if words > MAX_TITLE_WORDS {
                break;
            }
            let Some(t) = d.toks.get(i) else { break };
            words += 1;
            match t.kind {
                Kind::Break => break,
                Kind::Punct(c) => {
                    let next = i + 1;
                    match c {
                        ',' | '-' | '–' | '—' => {
                            // "…, Huyện ủy viên, tái đắc cử Bí thư Đảng ủy xã":
                            // an office taken, after a comma, is a title too
                            let next = match v.appointment.at(d, next) {
                                Some((len, _)) if c == ',' && self.title_start(next + len).is_some() => {
                                    next + len
                                }
                                _ => next,
                            };
                            if let Some(e) = self.title_start(next) {
                                run.titles.push((cur, last));
                                (cur, i, last, after_unit, head_end) = (next, e, e, false, e);
                                continue;
                            }
                            if c == ',' {
                                if let Some((len, _)) = v.comma_orgs.at(d, next) {
                                    i = next + len;
                                    last = i;
                                    continue;
                                }
                                if self.body_after_comma(next) {
                                    // "Trưởng khoa Xây dựng Đảng, Trường Chính
                                    // trị tỉnh", "…, xã Vũ Thắng"
                                    i = next;
                                    continue;
                                }
                                if self.name_at(next).is_some() {
                                    run.name = Some(next);
                                    run.comma = true;
                                }
                                break;
                            }
                            // "Đài Phát thanh - Truyền hình tỉnh"
                            if d.is_cap_word(next)
                                && self.name_at(next).is_none()
                                && v.honorifics.at(d, next).is_none()
                            {
                                i = next;
                                continue;
                            }
                            break;
                        }
                        '(' if last == i && d.punct(i + 2) == Some(')') && v.era.at(d, i + 1).is_some() => {
                            // "… tỉnh Lâm Đồng (mới)"
                            i += 3;
                            last = i;
                        }
                        '&' => i += 1,
                        '.' if i > 0 && self.dotted(i - 1) && d.is_cap_word(next) => {
                            // "TP. Hồ Chí Minh", "TS. BS …"
                            if head_end == i {
                                head_end = next;
                            }
                            i += 1
                        }
                        _ => break,
                    }
                }
                Kind::Word => {
                    if self.honorific_before_name(i).is_some() || v.list_honorifics.at(d, i).is_some() {
                        break;
                    }
                    // prefixes in a row are titles of their own ("TS. BS …",
                    // "Đại tá Bác sĩ …")
                    if i == head_end && v.prefixes.at(d, cur).is_some_and(|(len, _)| cur + len == last) {
                        if let Some(e) = self.title_start(i) {
                            run.titles.push((cur, last));
                            (cur, i, last, after_unit, head_end) = (i, e, e, false, e);
                            continue;
                        }
                    }
                    if let Some((len, _)) = v.compound_orgs.at(d, i) {
                        i += len;
                        last = i;
                        after_unit = false;
                        continue;
                    }
                    if t.digit {
                        // "Đồn Biên phòng 766", "Quân khu 5", "thôn 3"; not
                        // "… huyện 2 lần"
                        // "thôn 3 xã Cam Hải Tây"
                        let next_ok = !d.is_lower_word(i + 1)
                            || v.stops.at(d, i + 1).is_some()
                            || v.open_units.at(d, i + 1).is_some()
                            || v.closed_units.at(d, i + 1).is_some();
                        if next_ok && i > start {
                            i += 1;
                            last = i;
                            continue;
                        }
                        break;
                    }
                    if t.cap {
                        // a unit ending the head itself ("Trưởng thôn") names no place
                        let before = if i == head_end { Before::Nothing } else { self.before_kind(i) };
                        if before != Before::Nothing {
                            let n = self.place_len(i, before);
                            if n > 0 {
                                i += n;
                                last = i;
                                after_unit = false;
                                continue;
                            }
                        }
                        if self.name_at(i).is_some() {
                            if let Some((len, _)) = v.provinces.at(d, i).filter(|_| i != head_end) {
                                // "Bí thư Thành ủy Hà Nội"
                                i += len;
                                last = i;
                                continue;
                            }
                            run.name = Some(i);
                            break;
                        }
                        // "Trưởng Ban Tuyên giáo Huyện", "Tổ dân phố 5"
                        let unit = v.closed_units.at(d, i).or_else(|| v.open_units.at(d, i));
                        after_unit = unit.is_some();
                        i += unit.map_or(1, |u| u.0);
                        last = i;
                        continue;
                    }
                    // lower case
                    // "Phó Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch UBND
                    // xã", "Giám đốc Sở Tài chính giữ chức Phó Chủ tịch": the
                    // office taken is a title too; not a bare "làm" ("…, Bí
                    // thư Tỉnh ủy làm trưởng đoàn": a role in the visit)
                    if let Some((len, _)) = v.appointment.at(d, i).filter(|_| d.key(i) != "làm") {
                        if let Some(e) = self.title_start(i + len) {
                            run.titles.push((cur, last));
                            (cur, i, last, after_unit, head_end) = (i + len, e, e, false, e);
                            continue;
                        }
                    }
                    if d.key(i) == "kiêm" {
                        if let Some(e) = self.title_start(i + 1) {
                            run.titles.push((cur, last));
                            (cur, i, last, after_unit, head_end) = (i + 1, e, e, false, e);
                            continue;
                        }
                        break;
                    }
                    if let Some((len, _)) = v.closed_units.at(d, i).or_else(|| v.open_units.at(d, i)) {
                        i += len;
                        last = i;
                        after_unit = true;
                        continue;
                    }
                    if after_unit {
                        match v.after_unit.at(d, i) {
                            Some((len, _)) => {
                                i += len;
                                last = i;
                                continue;
                            }
                            None => break,
                        }
                    }
                    // "Phó Giám đốc phụ trách Sở Y tế"
                    if let Some((len, _)) = v.in_charge.at(d, i) {
                        if v.after_comma.at(d, i + len).is_some_and(|_| d.is_cap_word(i + len)) {
                            i += len;
                            continue;
                        }
                    }
                    if v.stops.at(d, i).is_some() {
                        break;
                    }
                    if d.key(i) == "và" {
                        // "Sở Thông tin và Truyền thông"; not "… tỉnh và đồng
                        // chí", "… khu vực I và TS. Bùi Thị Loan"
                        if d.is_cap_word(i + 1)
                            && self.name_at(i + 1).is_none()
                            && v.honorifics.at(d, i + 1).is_none()
                            && self.title_start(i + 1).is_none()
                        {
                            i += 1;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                    last = i;
                }
            }
        }
        run.titles.push((cur, last));
        run.end = i;
        Some(run)
    }

    /// Whether the words at `j`, after a comma inside a title, name the body
    /// the office belongs to: an organisation head or an administrative unit
    /// of [after_comma] followed by its name ("…, Trường Chính trị tỉnh",
    /// "…, Công an tỉnh", "…, xã Vũ Thắng"), not a person.
    fn body_after_comma(&self, j: usize) -> bool {
        let (v, d) = (self.v, self.d);
        let Some((len, _)) = v.after_comma.at(d, j) else { return false };
        let k = j + len;
        if !d.toks.get(k - 1).is_some_and(|t| t.kind == Kind::Word) || self.name_at(j).is_some() {
            return false;
        }
        let unit_at_k = v.open_units.at(d, k).is_some() || v.closed_units.at(d, k).is_some();
        let unit_head = v.open_units.at(d, j).is_some() || v.closed_units.at(d, j).is_some();
        if unit_head {
            d.is_cap_word(k) && self.place_len(k, Before::OpenUnit) > 0
        } else {
            (d.is_cap_word(k) && self.name_at(k).is_none()) || unit_at_k
        }
    }

    /// Titles shared by a list of names after a plural title and a colon
    /// ("các Phó Chủ tịch UBND tỉnh: Đoàn Minh Khôi, Nguyễn Tự Lực"), for
    /// the name at `s`.
    fn plural_title_list(&self, s: usize) -> Option<Vec<(usize, usize)>> {
        let d = self.d;
        if s < 3 || d.punct(s - 1) != Some(':') {
            return None;
        }
        let lo = s.saturating_sub(LOOK_BACK).max(1);
        let mut h = s - 1;
        while h > lo {
            h -= 1;
            match d.toks[h].kind {
                Kind::Punct('.') if self.dotted(h - 1) => continue,
                Kind::Break | Kind::Punct('.' | ';' | ':' | '!' | '?') => return None,
                _ => {}
            }
            if d.key(h - 1) == "các" && self.title_start(h).is_some() {
                let run = self.titles_from(h)?;
                return (run.end == s - 1).then_some(run.titles);
            }
        }
        None
    }

    /// The honorific that ends right before token `pos`: its start and value.
    /// A list honorific may be followed by a colon ("các đồng chí: A").
    pub fn honorific_ending_at(&self, pos: usize) -> Option<(usize, usize, bool)> {
        let (v, d) = (self.v, self.d);
        if let Some(s) = v.list_honorifics.ending_at(d, pos, 3) {
            return v.list_honorifics.at(d, s).map(|(_, val)| (s, val, true));
        }
        if d.punct(pos.checked_sub(1)?) == Some(':') {
            let s = v.list_honorifics.ending_at(d, pos - 1, 3)?;
            return v.list_honorifics.at(d, s).map(|(_, val)| (s, val, true));
        }
        let s = v.honorifics.ending_at(d, pos, 2)?;
        v.honorifics.at(d, s).map(|(_, val)| (s, val, false))
    }

    /// Titles written before the name at `s` ("Phó Chủ tịch UBND tỉnh Tôn
    /// Thị Ngọc Hạnh", "Giáo sư, Tiến sĩ Hoàng Chí Bảo"): the leftmost title
    /// head in the clause whose titles run up to the name.
    fn titles_before(&self, s: usize) -> Option<(usize, TitleRun)> {
        let d = self.d;
        let lo = s.saturating_sub(LOOK_BACK);
        let mut h = s;
        let mut best = None;
        while h > lo {
            h -= 1;
            match d.toks[h].kind {
                Kind::Break => break,
                Kind::Punct('.') if h > 0 && self.dotted(h - 1) => continue,
                Kind::Punct('.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '“' | '”' | '…') => break,
                _ => {}
            }
            if self.title_start(h).is_none() {
                continue;
            }
            if let Some(run) = self.titles_from(h) {
                if run.name == Some(s) {
                    best = Some((h, run));
                }
            }
        }
        let (h, run) = best?;
        // "Chủ tịch UBND huyện, Nguyễn Xuân Thanh phát biểu": the comma form
        // only as a caption, from the start of the sentence
        if run.comma && !d.sentence_start(h) {
            return None;
        }
        Some((h, run))
    }

    /// Titles written after the name ending at `e`: after a comma, a dash, an
    /// opening parenthesis, an appointment phrase, or right after the name.
    fn titles_after(&self, e: usize) -> Option<TitleRun> {
        let (v, d) = (self.v, self.d);
        let mut j = e;
        // a remark in parentheses ("(bên phải)", "(thứ 3 từ trái)") before
        // the titles
        if d.punct(j) == Some('(') && self.title_start(j + 1).is_none() {
            let close = (j + 1..(j + 12).min(d.toks.len())).find(|&k| d.punct(k) == Some(')'))?;
            j = close + 1;
        }
        match d.punct(j) {
            Some(',' | '-' | '–' | '—' | '(') => j += 1,
            Some(_) => return None,
            None => {
                if let Some((len, _)) = v.appointment.at(d, j) {
                    j += len;
                }
            }
        }
        self.titles_from(j).or_else(|| {
            if d.punct(j.checked_sub(1)?) != Some(',') {
                return None;
            }
            self.titles_from(self.past_biography(j)?)
        })
    }

    /// "sinh năm 1929, vào Đảng ngày 12/6/1948, nguyên Phó Bí thư …": from
    /// `j`, one or two record clauses, each closed by a comma; where the
    /// office after them starts.
    fn past_biography(&self, mut j: usize) -> Option<usize> {
        let (v, d) = (self.v, self.d);
        let mut skipped = false;
        for _ in 0..2 {
            if v.biography.at(d, j).is_none() {
                break;
            }
            // dashes and slashes inside a date ("19-8-1948") do not close it
            let comma = (j + 1..(j + 14).min(d.toks.len()))
                .find(|&k| matches!(d.punct(k), Some(',' | ';' | '.' | ':' | '(' | ')' | '!' | '?')))?;
            if d.punct(comma) != Some(',') {
                return None;
            }
            j = comma + 1;
            skipped = true;
        }
        skipped.then_some(j)
    }

    /// Whether the name at `s..e` could be a place or an organisation's name
    /// rather than a person, judged from what stands before it.
    fn looks_like_place(&self, s: usize, e: usize) -> bool {
        let (v, d) = (self.v, self.d);
        if v.provinces.at(d, s).is_some_and(|(len, _)| s + len >= e) {
            return true;
        }
        if s == 0 {
            return false;
        }
        v.place_prepositions.ending_at(d, s, 1).is_some()
            || self.before_kind(s) != Before::Nothing
            || (d.is_cap_word(s - 1) && !d.sentence_start(s - 1))
    }

    /// Whether a known name at `i`, without a trigger, is the person: not
    /// after a unit or an organisation head ("Thành phố Hồ Chí Minh",
    /// "Trường THPT Nguyễn Du"), a fixed phrase ("phong cách Hồ Chí Minh"),
    /// an abbreviation with a full stop ("TP. Hồ Chí Minh") or inside a
    /// longer capitalised run.
    pub fn bare_mention_context(&self, i: usize) -> bool {
        let (v, d) = (self.v, self.d);
        if i == 0 {
            return true;
        }
        let prev = i - 1;
        if d.punct(prev) == Some('.') && prev > 0 && v.dotted.contains(d.key(prev - 1)) {
            return false;
        }
        if v.fixed.ending_at(d, i, 3).is_some() || self.before_kind(i) != Before::Nothing {
            return false;
        }
        !(d.is_cap_word(prev) && !d.sentence_start(prev) && !self.after_title(i))
    }

    /// Every person named with a trigger, in text order.
    pub fn find(&self) -> Vec<Found> {
        let d = self.d;
        let mut out: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < d.toks.len() {
            let Some(e) = self.name_at(i).or_else(|| self.name_after_honorific(i)) else {
                i += 1;
                continue;
            };
            match self.confirm(i, e) {
                Some(f) => {
                    let list = matches!(f.rule, "list_honorific" | "list_title");
                    let mut next = f.titles.last().map_or(f.e, |t| t.1.max(f.e));
                    let (honorific, rule) = (f.honorific, f.rule);
                    let shared = if rule == "list_title" { self.plural_title_list(f.s) } else { None };
                    let first = out.len();
                    out.push(f);
                    if list {
                        // "các đồng chí: A - …; B - …": the list goes on
                        while let Some(g) = self.list_item(next, honorific, rule, shared.as_deref()) {
                            next = g.titles.last().map_or(g.e, |t| t.1.max(g.e));
                            out.push(g);
                        }
                        self.share_appointment(&mut out[first..]);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.share_appointment_pairs(&mut out);
        out
    }

    /// "đồng chí Điểu K'Ré và đồng chí Thị Hồng được bầu giữ chức Phó Chủ
    /// tịch UBND xã": people joined by "và" or a comma, each with an
    /// honorific, share the office the last of them is elected to.
    fn share_appointment_pairs(&self, out: &mut [Found]) {
        let (v, d) = (self.v, self.d);
        for k in (1..out.len()).rev() {
            let (head, tail) = out.split_at_mut(k);
            let (Some(p), Some(n)) = (head.last_mut(), tail.first()) else { continue };
            let joined = n.ms == p.e + 1 && (d.key(p.e) == "và" || d.punct(p.e) == Some(','));
            if p.titles.is_empty()
                && !n.titles.is_empty()
                && p.honorific.is_some()
                && n.honorific.is_some()
                && joined
                && v.appointment.at(d, n.e).is_some()
            {
                p.titles.clone_from(&n.titles);
            }
        }
    }

    /// The next person of a list after token `k`: a separator (";", ",",
    /// "và") and a name.
    /// Titles shared by a list go first ("các Phó Chủ tịch UBND tỉnh: A, B").
    fn list_item(
        &self,
        k: usize,
        honorific: Option<usize>,
        rule: &'static str,
        shared: Option<&[(usize, usize)]>,
    ) -> Option<Found> {
        let d = self.d;
        let sep = matches!(d.punct(k), Some(';' | ',')) || d.key(k) == "và";
        if !sep {
            return None;
        }
        let s = k + 1;
        let e = self.name_at(s)?;
        let mut titles = shared.map(<[_]>::to_vec).unwrap_or_default();
        titles.extend(self.titles_after(e).map(|r| r.titles).unwrap_or_default());
        Some(Found { s, e, ms: s, honorific, titles, rule })
    }

    /// "các đồng chí Cầm Ngọc Minh, Lò Thị Hoa được bầu giữ chức Phó Bí thư
    /// Tỉnh ủy": the office taken after the last name of a list is every
    /// listed person's who has no title of their own.
    fn share_appointment(&self, group: &mut [Found]) {
        let (v, d) = (self.v, self.d);
        let Some((last, rest)) = group.split_last_mut() else { return };
        if rest.is_empty() || last.titles.is_empty() || v.appointment.at(d, last.e).is_none() {
            return;
        }
        for f in rest.iter_mut().filter(|f| f.titles.is_empty()) {
            f.titles.clone_from(&last.titles);
        }
    }

    /// Whether the name at `s..e` is a person, and with which honorific and
    /// titles.
    /// "anh Dương Văn Tùng", "Chị Lò Thị Mai cho biết": an informal form of
    /// address right before a well-formed name (a family name first), in
    /// lower case or opening a sentence.
    fn informal_before(&self, s: usize, e: usize) -> bool {
        let (v, d) = (self.v, self.d);
        let Some(a) = s.checked_sub(1) else { return false };
        let address = d.is_word(a) && v.informal.at(d, a).is_some_and(|(len, _)| len == 1);
        let cased = d.toks.get(a).is_some_and(|t| !t.cap) || d.sentence_start(a);
        address && cased && d.toks[s].one_space_before && self.name_at(s) == Some(e)
    }

    fn confirm(&self, s: usize, e: usize) -> Option<Found> {
        let before = self.titles_before(s);
        let after = self.titles_after(e);
        let mut titles = Vec::new();
        let mut honorific = None;
        let mut ms = s;
        let mut rule = "";
        if let Some((h, run)) = &before {
            titles.extend(run.titles.iter().copied());
            rule = "title_before_name";
            if let Some((_, val, _)) = self.honorific_ending_at(*h) {
                honorific = Some(val);
            }
        }
        if let Some((hs, val, list)) = self.honorific_ending_at(s) {
            honorific = Some(val);
            ms = if list { s } else { hs };
            rule = if list { "list_honorific" } else { "honorific" };
        } else if before.is_none() {
            if let Some(shared) = self.plural_title_list(s) {
                titles.extend(shared);
                rule = "list_title";
            } else if self.informal_before(s, e) {
                rule = "informal_honorific";
            }
        }
        if let Some(run) = &after {
            titles.extend(run.titles.iter().copied());
            if rule.is_empty() {
                // a bare two-syllable run before a title is as often a place
                // ("Mai Châu, Phó Chủ tịch UBND huyện …")
                if e - s < 3 || self.looks_like_place(s, e) {
                    return None;
                }
                rule = "title_after_name";
            }
        }
        if rule.is_empty() {
            return None;
        }
        if titles.is_empty() {
            if let Some((hs, _, false)) = self.honorific_ending_at(s) {
                titles.extend(self.office_concerning(hs).unwrap_or_default());
            }
        }
        Some(Found { s, e, ms, honorific, titles, rule })
    }

    /// "miễn nhiệm chức danh Phó Chủ tịch UBND thành phố đối với ông Thạch
    /// Sô Phên": the office named after "chức danh" / "chức vụ" and right
    /// before "đối với" and the honorific starting at `hs`.
    fn office_concerning(&self, hs: usize) -> Option<Vec<(usize, usize)>> {
        let (v, d) = (self.v, self.d);
        let link = v.office_holder.ending_at(d, hs, 3)?;
        let lo = link.saturating_sub(LOOK_BACK);
        let mut k = link;
        while k > lo {
            k -= 1;
            if matches!(d.toks.get(k)?.kind, Kind::Break | Kind::Punct('.' | ';' | ':' | '!' | '?')) {
                return None;
            }
            if let Some((len, _)) = v.office_word.at(d, k) {
                let run = self.titles_from(k + len)?;
                return (run.end == link && run.name.is_none()).then_some(run.titles);
            }
        }
        None
    }
}
