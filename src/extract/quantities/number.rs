//! Reading numbers as Vietnamese portals write them: `.` groups thousands,
//! `,` marks decimals ("3.754" = 3754, "98,5" = 98.5), leading zeros are
//! administrative style ("02" = 2); a dot followed by one or two digits is an
//! English decimal point only before `%` or a scale word ("96.4%",
//! "192.7 tỷ"). Number words ("hai", "mười lăm", "hai mươi mốt", "một trăm
//! linh năm") are read by [`words_value`].

/// How a run of digits joined by `.`, `,`, `/` or `-` reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Numeral {
    /// One number.
    Plain(f64),
    /// Two numbers joined by `/` ("73/73", "20/8") or `-` ("01-02",
    /// "2013-2018"); `a_year`, `b_year`: written like a year (four digits,
    /// no separator, 1900 to 2100)
    /// (without separators), to tell years.
    Pair { slash: bool, a: f64, b: f64, a_int: bool, b_int: bool, a_year: bool, b_year: bool },
}

/// Reads a digit complex as matched (digits, `.`, `,`, `/`, `-`, `–`).
/// `english_ok`: a dot followed by one or two digits may be a decimal point
/// (the number is followed by `%` or a scale word). `None` for anything that
/// is not one number or a pair: dates "20/8/2019", codes, phone numbers,
/// heading numbers "2.1".
pub(super) fn parse_complex(raw: &str, english_ok: bool) -> Option<Numeral> {
    let slash = raw.contains('/');
    let dash = raw.contains(['-', '–']);
    if slash && dash {
        return None;
    }
    if !slash && !dash {
        return parse_number(raw, english_ok).map(Numeral::Plain);
    }
    let mut parts = raw.split(['/', '-', '–']);
    let (a, b) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None; // a date "3-2-1930" or a code
    }
    let (va, vb) = (parse_number(a, false)?, parse_number(b, english_ok)?);
    Some(Numeral::Pair {
        slash,
        a: va,
        b: vb,
        a_int: !a.contains(','),
        b_int: !b.contains(','),
        a_year: year(a),
        b_year: year(b),
    })
}

/// Whether digits are written like a year: four digits from 1900 to 2100.
pub(super) fn year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && ("1900"..="2100").contains(&s)
}

/// Reads one number: "3.754", "98,5", "02", "1.500.000", "2,5"; with
/// `english_ok`, "96.4". Leading zeros before a group separator, seven or
/// more digits after a leading zero, and more than fifteen digits are
/// telephone numbers or identifiers: `None`.
pub(super) fn parse_number(s: &str, english_ok: bool) -> Option<f64> {
    if s.is_empty()
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if digits > 15 || (s.starts_with('0') && digits >= 7) {
        return None;
    }
    let (int_part, frac_part) = match s.split_once(',') {
        Some((i, f)) if !f.contains([',', '.']) => (i, Some(f)),
        Some((i, f)) => {
            // "1,234,567": English thousands (every group three digits)
            let groups: Vec<&str> = std::iter::once(i).chain(f.split(',')).collect();
            if s.contains('.') || !thousands(&groups) {
                return None;
            }
            return groups.concat().parse().ok();
        }
        None => (s, None),
    };
    let whole: String = if int_part.contains('.') {
        let groups: Vec<&str> = int_part.split('.').collect();
        if thousands(&groups) {
            groups.concat()
        } else if english_ok && frac_part.is_none() && groups.len() == 2 && (1..=2).contains(&groups[1].len())
        {
            // "96.4", "192.7": an English decimal point
            return format!("{}.{}", groups[0], groups[1]).parse().ok();
        } else {
            return None;
        }
    } else {
        int_part.to_owned()
    };
    match frac_part {
        Some(f) => format!("{whole}.{f}").parse().ok(),
        None => whole.parse().ok(),
    }
}

/// Groups of a thousands-separated number: the first one to three digits,
/// not a lone leading zero, the others exactly three.
fn thousands(groups: &[&str]) -> bool {
    let Some((first, rest)) = groups.split_first() else { return false };
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && rest.iter().all(|g| g.len() == 3)
}

/// One number word, as it stands in [`NumberWords`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum NumberWord {
    /// một … chín (and "bẩy").
    Digit(u32),
    /// "tư" (4), "lăm" (5), "mốt" (1): only after "mươi"/"mười".
    AfterTen(u32),
    /// "mười" (10).
    Ten,
    /// "mươi" (×10).
    Tens,
    /// "trăm" (×100).
    Hundred,
    /// "linh"/"lẻ" (no tens).
    Zero,
    /// nghìn, ngàn, vạn, triệu, tỷ: a scale.
    Scale(f64),
}

/// The value of number words already classified, and how many of them make
/// the number: "hai mươi mốt" → (21, 3); "năm" alone is not read (it is
/// "year" far more often than "five"), nor is "một" (an article), nor a
/// number that does not start with a digit word or "mười". A "năm" after
/// "mươi" is "years" ("hai mươi năm"), so the number stops before it.
pub(super) fn words_value(words: &[(NumberWord, bool)]) -> Option<(f64, usize)> {
    // (word, is "năm")
    let mut total = 0.0;
    let mut group = 0.0;
    let mut last = 0.0;
    let mut used = 0;
    let mut prev: Option<NumberWord> = None;
    for (i, &(w, is_nam)) in words.iter().enumerate() {
        let next = words.get(i + 1).map(|x| x.0);
        let multiplier_next =
            matches!(next, Some(NumberWord::Tens | NumberWord::Hundred | NumberWord::Scale(_)));
        match w {
            NumberWord::Digit(d) => {
                if last != 0.0 {
                    break; // "hai ba" (two or three): stop at the first
                }
                let after_zero = matches!(prev, Some(NumberWord::Zero));
                if is_nam && !(after_zero || multiplier_next) {
                    break; // "năm" = year
                }
                if d == 1 && i == 0 && !multiplier_next {
                    break; // "một" alone = "a"
                }
                last = f64::from(d);
            }
            NumberWord::AfterTen(d) => {
                if !matches!(prev, Some(NumberWord::Ten | NumberWord::Tens)) {
                    break;
                }
                last = f64::from(d);
            }
            NumberWord::Ten => {
                if last != 0.0 || matches!(prev, Some(NumberWord::Ten | NumberWord::Tens)) {
                    break;
                }
                group += 10.0;
            }
            NumberWord::Tens => {
                if last == 0.0 {
                    break;
                }
                group += last * 10.0;
                last = 0.0;
            }
            NumberWord::Hundred => {
                if last == 0.0 {
                    break;
                }
                group += last * 100.0;
                last = 0.0;
            }
            NumberWord::Zero => {
                if !matches!(prev, Some(NumberWord::Hundred)) {
                    break;
                }
            }
            NumberWord::Scale(s) => {
                if group + last == 0.0 {
                    break;
                }
                total += (group + last) * s;
                group = 0.0;
                last = 0.0;
            }
        }
        prev = Some(w);
        used = i + 1;
    }
    // a dangling "linh" is not part of the number
    if matches!(prev, Some(NumberWord::Zero)) {
        used -= 1;
    }
    let value = total + group + last;
    (used > 0 && value > 0.0).then_some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberWord::*;

    #[test]
    fn vietnamese_separators() {
        assert_eq!(parse_number("3.754", false), Some(3754.0));
        assert_eq!(parse_number("98,5", false), Some(98.5));
        assert_eq!(parse_number("1.500.000", false), Some(1_500_000.0));
        assert_eq!(parse_number("02", false), Some(2.0));
        assert_eq!(parse_number("340.500", false), Some(340_500.0));
        assert_eq!(parse_number("1.234,5", false), Some(1234.5));
        assert_eq!(parse_number("96.4", false), None);
        assert_eq!(parse_number("96.4", true), Some(96.4));
        assert_eq!(parse_number("192.7", true), Some(192.7));
        assert_eq!(parse_number("3.754", true), Some(3754.0));
        assert_eq!(parse_number("2.1", false), None);
        assert_eq!(parse_number("0262.3860008", false), None);
        assert_eq!(parse_number("0913.456.789", false), None);
        assert_eq!(parse_number("0913456789", false), None);
        assert_eq!(parse_number("1,234,567", false), Some(1_234_567.0));
        assert_eq!(parse_number("12.34.567", false), None);
    }

    #[test]
    fn pairs_and_refusals() {
        assert_eq!(
            parse_complex("73/73", false),
            Some(Numeral::Pair {
                slash: true,
                a: 73.0,
                b: 73.0,
                a_int: true,
                b_int: true,
                a_year: false,
                b_year: false
            })
        );
        assert!(matches!(
            parse_complex("01-02", false),
            Some(Numeral::Pair { slash: false, a: 1.0, b: 2.0, .. })
        ));
        assert!(matches!(
            parse_complex("2013–2018", false),
            Some(Numeral::Pair { a_year: true, b_year: true, .. })
        ));
        assert!(matches!(
            parse_complex("800-1.000", false),
            Some(Numeral::Pair { b: 1000.0, b_year: false, .. })
        ));
        assert_eq!(parse_complex("20/8/2019", false), None);
        assert_eq!(parse_complex("3-2-1930", false), None);
        assert_eq!(parse_complex("16/12/2019-16", false), None);
    }

    #[test]
    fn number_words() {
        let v = |ws: &[(NumberWord, bool)]| words_value(ws);
        assert_eq!(v(&[(Digit(3), false)]), Some((3.0, 1)));
        assert_eq!(v(&[(Ten, false), (AfterTen(5), false)]), Some((15.0, 2)));
        assert_eq!(v(&[(Digit(2), false), (Tens, false), (AfterTen(1), false)]), Some((21.0, 3)));
        assert_eq!(
            v(&[(Digit(1), false), (Hundred, false), (Zero, false), (Digit(5), true)]),
            Some((105.0, 4))
        );
        assert_eq!(v(&[(Digit(5), true)]), None);
        assert_eq!(v(&[(Digit(1), false)]), None);
        assert_eq!(v(&[(Digit(2), false), (Tens, false), (Digit(5), true)]), Some((20.0, 2)));
        assert_eq!(v(&[(Digit(5), true), (Tens, false)]), Some((50.0, 2)));
        assert_eq!(v(&[(Digit(2), false), (Scale(1e3), false)]), Some((2000.0, 2)));
        assert_eq!(v(&[(Digit(2), false), (Digit(3), false)]), Some((2.0, 1)));
        assert_eq!(v(&[(Scale(1e6), false)]), None);
        assert_eq!(v(&[(AfterTen(4), false)]), None);
    }
}
