//! Full calendar dates of the signature and print lines (body dates are the
//! figure scanner's business).

use crate::model::Date;
use crate::text::digit;

/// Value of a run of digits or Chinese numerals at the start of `s` and
/// its byte length. Digits read positionally (`2025`, `２０２５`,
/// `二〇二五`); `十` forms read as numbers up to 99 (`二十四`).
fn number(s: &str) -> Option<(u32, usize)> {
    fn cjk_digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or((c == '零').then_some(0))
    }
    let mut value: u32 = 0;
    let mut len = 0;
    let mut tens = false;
    for c in s.chars() {
        if let Some(d) = digit(c).or_else(|| cjk_digit(c)) {
            value = if tens {
                value.checked_add(d)?
            } else {
                value.checked_mul(10)?.checked_add(d)?
            };
        } else if c == '十' && !tens {
            value = if len == 0 { 10 } else { value.checked_mul(10)? };
            tens = true;
        } else {
            break;
        }
        len += c.len_utf8();
        if len > 24 {
            return None;
        }
    }
    (len > 0).then_some((value, len))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if matches!((year % 4, year % 100, year % 400), (0, 1.., _) | (_, _, 0)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date at the start of space-free text, and the byte length it takes.
///
/// `2025年7月24日印发` → (2025-07-24, 16); also `二〇二五年五月十九日`,
/// `2025-05-19`, `2025.5.19`, `2025/5/19`. Impossible dates are not dates.
pub(crate) fn date_prefix(s: &str) -> Option<(Date, usize)> {
    let (year, n) = number(s)?;
    let rest = &s[n..];
    let sep = rest.chars().next()?;
    let ymd = sep == '年';
    if !(ymd || matches!(sep, '-' | '.' | '/' | '．')) || !(1900..=2200).contains(&year) {
        return None;
    }
    let mut at = n + sep.len_utf8();
    let (month, n) = number(&s[at..])?;
    at += n;
    let month_sep = if ymd { '月' } else { sep };
    at += s[at..]
        .starts_with(month_sep)
        .then_some(month_sep.len_utf8())?;
    let (day, n) = number(&s[at..])?;
    at += n;
    if ymd {
        let end = s[at..].chars().next().filter(|&c| c == '日' || c == '号')?;
        at += end.len_utf8();
    }
    let (year, month) = (year as u16, u8::try_from(month).ok()?);
    let day = u8::try_from(day).ok()?;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then_some((Date { year, month, day }, at))
}

/// A text that is a date and nothing else: `2025年7月24日`.
pub(crate) fn date_only(s: &str) -> Option<Date> {
    date_prefix(s)
        .filter(|&(_, n)| n == s.len())
        .map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn written_forms() {
        assert_eq!(date_only("2025年7月24日"), Some(d(2025, 7, 24)));
        assert_eq!(date_only("２０２５年５月１９日"), Some(d(2025, 5, 19)));
        assert_eq!(date_only("二〇二五年五月十九日"), Some(d(2025, 5, 19)));
        assert_eq!(date_only("二〇二三年十二月三十一日"), Some(d(2023, 12, 31)));
        assert_eq!(date_only("2025-05-19"), Some(d(2025, 5, 19)));
        assert_eq!(
            date_prefix("2025年7月24日印发"),
            Some((d(2025, 7, 24), "2025年7月24日".len()))
        );
    }

    #[test]
    fn not_dates() {
        assert_eq!(date_only("2025年2月30日"), None);
        assert_eq!(date_only("2025年"), None);
        assert_eq!(date_only("23119275"), None);
        assert_eq!(date_only("2025年7月24日印发"), None);
        assert_eq!(date_only("99999999999999999999年1月1日"), None);
    }
}
