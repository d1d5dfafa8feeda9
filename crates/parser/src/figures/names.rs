//! What makes a digit run not a quantity: names and codes (6G, TOP100,
//! "3+6", COVID-19, 021-23119275), ordinals (第1期), addresses (48号).

use super::lexicon::{ADDRESS_SUFFIXES, LATIN_UNITS};
use super::number::{char_at, char_before, digit_at, digit_value, is_letter, skip_spaces, Number};

/// The number at `start` when nothing glued to it makes it a name or code.
pub(super) fn plain_number(text: &str, start: usize) -> Option<Number> {
    let n = Number::read(text, start);
    if n.overflow() || n.leading_zero() || glued_after(text, n.end) {
        return None;
    }
    if char_at(text, n.end).is_some_and(is_letter) && latin_unit(text, n.end).is_none() {
        return None;
    }
    let q = skip_spaces(text, n.end);
    if ADDRESS_SUFFIXES.iter().any(|w| text[q..].starts_with(w)) {
        return None;
    }
    Some(n)
}

/// The end of the Latin unit at `q` (the whole letter run must be a unit).
pub(super) fn latin_unit(text: &str, q: usize) -> Option<usize> {
    let run = text[q..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(text.len(), |n| q + n);
    let word = &text[q..run];
    (!word.is_empty() && LATIN_UNITS.contains(&word) && !digit_at(text, run)).then_some(run)
}

/// Characters that join digits and letters into one code: 3+6, 1.2.3,
/// COVID-19, 021-23119275, 10:30, 7×24.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '+' | '＋' | '.' | '．' | '/' | ':' | '：' | '∶' | '_' | '-' | '－' | '×' | '*'
    )
}

fn is_alnum(c: char) -> bool {
    digit_value(c).is_some() || is_letter(c)
}

/// The number starting at `start` continues a code (COVID-19, N+1).
pub(super) fn glued_before(text: &str, start: usize) -> bool {
    match char_before(text, start) {
        Some(j) if is_joiner(j) => char_before(text, start - j.len_utf8()).is_some_and(is_alnum),
        _ => false,
    }
}

/// The number ending at `end` goes on as a code: 3+6, 1.2.3, 10:30, 5/19,
/// 19-nCoV (a hyphen before digits is a range, not a code).
fn glued_after(text: &str, end: usize) -> bool {
    let Some(j) = char_at(text, end) else {
        return false;
    };
    let next = char_at(text, end + j.len_utf8());
    match j {
        '-' | '－' => next.is_some_and(is_letter),
        _ if is_joiner(j) => next.is_some_and(is_alnum),
        _ => false,
    }
}

/// Skips the code or name starting at the digit at `start`: its digits,
/// letters and joined parts.
pub(super) fn skip_code(text: &str, start: usize) -> usize {
    let mut i = start;
    loop {
        while let Some(c) = char_at(text, i).filter(|&c| is_alnum(c)) {
            i += c.len_utf8();
        }
        match char_at(text, i) {
            Some(j)
                if is_joiner(j)
                    && char_at(text, i + j.len_utf8())
                        .is_some_and(|c| digit_value(c).is_some()) =>
            {
                i += j.len_utf8();
            }
            Some(j) if is_joiner(j) && char_at(text, i + j.len_utf8()).is_some_and(is_letter) => {
                i += j.len_utf8();
            }
            _ => break,
        }
    }
    i
}

/// Skips the ordinals starting at `start`, right after 第: 第1期, 第 1168 号,
/// 第1、2、3批, 第3至5批.
pub(super) fn skip_ordinals(text: &str, start: usize) -> usize {
    let mut i = skip_code(text, start);
    loop {
        let q = skip_spaces(text, i);
        let Some(c) = char_at(text, q) else { break };
        if !matches!(
            c,
            '、' | ',' | '，' | '和' | '与' | '及' | '至' | '到' | '-' | '—' | '~' | '～'
        ) {
            break;
        }
        let s = skip_spaces(text, q + c.len_utf8());
        if !digit_at(text, s) {
            break;
        }
        i = skip_code(text, s);
    }
    i
}
