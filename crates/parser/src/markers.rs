//! Enumeration markers of Chinese official writing: `一、`, `（一）`, `1.`,
//! `1）`, `（1）` for headings and list items, `一是`, `第一，` and `①` for
//! items inside running text.

use crate::text::digit;

/// The kinds of marker; items of one list share a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `一、`: top-level heading.
    Dun,
    /// `（一）`: second level.
    Paren,
    /// `1.`, `1、`, `1．`: third level.
    Arabic,
    /// `（1）`: fourth level.
    ParenArabic,
    /// `一是`: an item inside running text.
    Shi,
    /// `第一，`: an item inside running text.
    Di,
    /// `①`: an item inside running text.
    Circled,
}

impl Family {
    /// Whether markers of this family only count items in running text
    /// (never number a heading).
    pub(crate) fn in_running_text(self) -> bool {
        matches!(self, Family::Shi | Family::Di | Family::Circled)
    }

    /// Heading level a marker of this family stands for.
    pub(crate) fn level(self) -> u8 {
        match self {
            Family::Dun => 1,
            Family::Paren => 2,
            Family::Arabic => 3,
            Family::ParenArabic | Family::Shi | Family::Di | Family::Circled => 4,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub family: Family,
    pub ordinal: u32,
    /// Byte length of the marker, a following space included.
    pub len: usize,
}

/// Value of a Chinese numeral from 1 to 99 at the start of `s`, with its
/// byte length: `二十三是` → `(23, 9)`.
fn chinese_number(s: &str) -> Option<(u32, usize)> {
    fn unit(c: char) -> Option<u32> {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    let second = chars.next();
    let third = chars.next();
    let w = 3; // every numeral is three bytes in UTF-8
    match (first, second, third) {
        ('十', Some(b), _) if unit(b).is_some() => Some((10 + unit(b)?, 2 * w)),
        ('十', _, _) => Some((10, w)),
        (a, Some('十'), Some(b)) if unit(a).is_some() && unit(b).is_some() => {
            Some((unit(a)? * 10 + unit(b)?, 3 * w))
        }
        (a, Some('十'), _) if unit(a).is_some() => Some((unit(a)? * 10, 2 * w)),
        (a, _, _) => Some((unit(a)?, w)),
    }
}

/// One or two decimal digits at the start of `s`, with their byte length.
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for c in s.chars().take(3) {
        let Some(d) = digit(c) else { break };
        value = value * 10 + d;
        len += c.len_utf8();
    }
    (len > 0 && value > 0 && value < 100).then_some((value, len))
}

/// Skips spaces after a marker.
fn with_space(s: &str, len: usize) -> usize {
    len + s[len..].len() - s[len..].trim_start_matches(crate::text::is_space).len()
}

/// The marker at the very start of `s`, if any.
///
/// `一、近年相关工作情况` → Dun 1; `（二）持续强化` → Paren 2; `3. 稳步扩大`,
/// `3）稳步扩大` → Arabic 3; `（1）` → ParenArabic 1; `三是完善` → Shi 3;
/// `第二，` → Di 2; `②` → Circled 2.
/// Not markers:
/// `2.2万家` (a number), `一是否` is still Shi (no dictionary here).
pub(crate) fn at_start(s: &str) -> Option<Marker> {
    let make = |family, ordinal, len| {
        Some(Marker {
            family,
            ordinal,
            len: with_space(s, len),
        })
    };
    if let Some(rest) = s.strip_prefix('（').or_else(|| s.strip_prefix('(')) {
        let open = s.len() - rest.len();
        let (ordinal, n, family) = match chinese_number(rest) {
            Some((o, n)) => (o, n, Family::Paren),
            None => {
                let (o, n) = arabic_number(rest)?;
                (o, n, Family::ParenArabic)
            }
        };
        let close = rest[n..]
            .chars()
            .next()
            .filter(|&c| c == '）' || c == ')')?;
        return make(family, ordinal, open + n + close.len_utf8());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let (ordinal, n) = chinese_number(rest)?;
        let sep = rest[n..]
            .chars()
            .next()
            .filter(|&c| matches!(c, '，' | '、' | ','))?;
        return make(Family::Di, ordinal, '第'.len_utf8() + n + sep.len_utf8());
    }
    if let Some((ordinal, n)) = chinese_number(s) {
        let rest = &s[n..];
        if rest.starts_with('、') {
            return make(Family::Dun, ordinal, n + '、'.len_utf8());
        }
        if rest.starts_with('是') {
            return make(Family::Shi, ordinal, n + '是'.len_utf8());
        }
        return None;
    }
    if let Some(c @ '①'..='⑳') = s.chars().next() {
        let ordinal = c as u32 - '①' as u32 + 1;
        return make(Family::Circled, ordinal, c.len_utf8());
    }
    let (ordinal, n) = arabic_number(s)?;
    let mut after = s[n..].chars();
    let sep = after
        .next()
        .filter(|&c| matches!(c, '.' | '．' | '、' | '）' | ')'))?;
    if after.next().and_then(digit).is_some() {
        return None;
    }
    make(Family::Arabic, ordinal, n + sep.len_utf8())
}

/// A marker at byte `at` of running text: it must stand at a clause start
/// (text start, or after `，。；：！？`). Any family may: items are also
/// written `…如下：1.加快…；2.完善…` or `（一）…。（二）…` in one paragraph.
///
/// In `推广赋权；二是提升能力` there is a Shi 2 marker at the `二`.
pub(crate) fn inline_at(text: &str, at: usize) -> Option<Marker> {
    let before = text[..at].chars().next_back();
    if !matches!(
        before,
        None | Some('，' | '。' | '；' | '：' | ',' | ';' | ':' | '！' | '？')
    ) {
        return None;
    }
    at_start(&text[at..])
}

/// Whether a marker may start at character `c` (a cheap test before
/// [`inline_at`]).
pub(crate) fn may_start(c: char) -> bool {
    "一二三四五六七八九十第（(".contains(c)
        || crate::text::digit(c).is_some()
        || ('①'..='⑳').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(s: &str) -> Option<(Family, u32)> {
        at_start(s).map(|m| (m.family, m.ordinal))
    }

    #[test]
    fn recognises_each_family() {
        assert_eq!(family("一、近年相关工作情况"), Some((Family::Dun, 1)));
        assert_eq!(family("（二）持续强化"), Some((Family::Paren, 2)));
        assert_eq!(family("(十二)x"), Some((Family::Paren, 12)));
        assert_eq!(family("3. 稳步扩大"), Some((Family::Arabic, 3)));
        assert_eq!(family("１、推进"), Some((Family::Arabic, 1)));
        assert_eq!(family("（1）推进"), Some((Family::ParenArabic, 1)));
        assert_eq!(family("三是完善"), Some((Family::Shi, 3)));
        assert_eq!(family("二十一是"), Some((Family::Shi, 21)));
        assert_eq!(family("第二，推进"), Some((Family::Di, 2)));
        assert_eq!(family("2）完善"), Some((Family::Arabic, 2)));
        assert_eq!(family("③深化"), Some((Family::Circled, 3)));
        assert_eq!(family("第1期"), None);
        assert_eq!(family("第二批"), None);
        assert_eq!(at_start("3. 稳步").unwrap().len, 3);
    }

    #[test]
    fn rejects_numbers_and_words() {
        assert_eq!(family("2.2万家"), None);
        assert_eq!(family("2024年"), None);
        assert_eq!(family("一批"), None);
        assert_eq!(family("（注）"), None);
        assert_eq!(family("0. x"), None);
    }

    #[test]
    fn inline_needs_a_clause_start() {
        let s = "推广赋权；二是提升能力";
        assert_eq!(
            inline_at(s, s.find('二').unwrap()).map(|m| m.ordinal),
            Some(2)
        );
        let s = "唯一是";
        assert_eq!(inline_at(s, s.find('一').unwrap()), None);
    }
}
