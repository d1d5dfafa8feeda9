//! Dates: a four-digit year 1900–2099 followed by 年, with an optional month
//! and day and an optional 初/末/底 (2024年, 2025年2月末, 2024 年 12 月底,
//! 2025年7月24日, 2024年度); numeric dates with a day (2024-12-31,
//! 2024/12/31, 2024.12.31); and year ranges (2025—2027年), which give two
//! dates: "2025" and "2027年".

use super::lexicon::is_range_connector;
use super::number::{char_at, digit_run, is_letter, skip_spaces};

/// One date found in the text; `start..end` indexes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The date or dates starting at `start` (a digit), if any.
pub(super) fn read(text: &str, start: usize) -> Option<(Found, Option<Found>)> {
    let (year, yend) = year_at(text, start)?;
    if let Some(found) =
        numeric(text, start, year, yend).or_else(|| written(text, start, year, yend))
    {
        return Some((found, None));
    }
    // 2025—2027年: the first year stands alone, the second is a full date.
    let p = skip_spaces(text, yend);
    let c = char_at(text, p).filter(|&c| is_range_connector(c))?;
    let q = skip_spaces(text, p + c.len_utf8());
    let (year2, yend2) = year_at(text, q)?;
    let second = written(text, q, year2, yend2)?;
    let first = Found {
        start,
        end: yend,
        year,
        month: None,
        day: None,
    };
    Some((first, Some(second)))
}

/// Four digits, 1900–2099.
fn year_at(text: &str, i: usize) -> Option<(u16, usize)> {
    let (value, count, end) = digit_run(text, i);
    (count == 4 && (1900..=2099).contains(&value)).then_some((value as u16, end))
}

/// 2024-12-31, 2024/12/31, 2024.12.31 (the day is required: 2024-12 could
/// be a range).
fn numeric(text: &str, start: usize, year: u16, yend: usize) -> Option<Found> {
    let sep = char_at(text, yend).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, mcount, mend) = digit_run(text, yend + 1);
    if !(1..=2).contains(&mcount) || !(1..=12).contains(&month) || char_at(text, mend) != Some(sep)
    {
        return None;
    }
    let (day, dcount, dend) = digit_run(text, mend + 1);
    if !(1..=2).contains(&dcount) || !(1..=31).contains(&day) {
        return None;
    }
    if char_at(text, dend).is_some_and(|c| is_letter(c) || c == sep) {
        return None;
    }
    Some(Found {
        start,
        end: dend,
        year,
        month: Some(month as u8),
        day: Some(day as u8),
    })
}

/// 2024年, 2024年度, 2024年底, 2025 年 2 月末, 2025年7月24日.
fn written(text: &str, start: usize, year: u16, yend: usize) -> Option<Found> {
    let p = skip_spaces(text, yend);
    if char_at(text, p) != Some('年') {
        return None;
    }
    let mut found = Found {
        start,
        end: p + '年'.len_utf8(),
        year,
        month: None,
        day: None,
    };
    if char_at(text, found.end) == Some('度') {
        found.end += '度'.len_utf8();
        return Some(found);
    }
    if let Some((month, end)) = part(text, found.end, 12, &['月']) {
        found.month = Some(month);
        found.end = end;
        if let Some((day, end)) = part(text, end, 31, &['日', '号']) {
            found.day = Some(day);
            found.end = end;
            return Some(found);
        }
    }
    if let Some(c @ ('初' | '末' | '底')) = char_at(text, found.end) {
        found.end += c.len_utf8();
    }
    Some(found)
}

/// One or two digits in `1..=max`, then (spaces allowed) one of `words`.
fn part(text: &str, i: usize, max: u32, words: &[char]) -> Option<(u8, usize)> {
    let q = skip_spaces(text, i);
    let (value, count, end) = digit_run(text, q);
    if !(1..=2).contains(&count) || !(1..=max).contains(&value) {
        return None;
    }
    let r = skip_spaces(text, end);
    let c = char_at(text, r).filter(|c| words.contains(c))?;
    Some((value as u8, r + c.len_utf8()))
}
