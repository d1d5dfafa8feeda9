//! Figures and dates in a block of repaired text.
//!
//! A **figure** is a quantity written with digits (half- or full-width,
//! decimals, thousands separators): `[qualifier] number [余|多] [magnitude]
//! [余|多] [unit] [以上|以下|以内|左右]`, spaces allowed between the parts.
//!
//! | text          | number | magnitude | unit | qualifier     | kind     | value  |
//! |---------------|--------|-----------|------|---------------|----------|--------|
//! | 超21亿元      | 21     | 亿        | 元   | MoreThan      | Money    | 2.1e9  |
//! | 1.29 万亿元   | 1.29   | 万亿      | 元   | Exact         | Money    | 1.29e12|
//! | 6500余户      | 6500   |           | 户   | MoreThan (余) | Count    | 6500   |
//! | 达90%以上     | 90     |           | %    | AtLeast       | Percent  | 90     |
//! | 近70倍        | 70     |           | 倍   | Nearly        | Multiple | 70     |
//! | 超过15亿      | 15     | 亿        |      | MoreThan      | Other    | 1.5e9  |
//! | 20-30家       | 20     |           | 家   | AtLeast       | Count    | 20     |
//!
//! Rules for the debatable cases:
//! - Units are the lexicon's words only (compound ones included: 台套,
//!   台（套）, 人次, 千瓦时, 标准箱), the longest match winning, also over
//!   a magnitude word (5000千瓦时); a word not listed is never a unit.
//! - The kind comes from the unit alone: 元 (and 美元 …) is money, % ‰
//!   个百分点 percent, 倍 multiple, a measure word (家 项 个 人次 …) or 部门 a
//!   count, anything else (年, 个月, 平方米, 吨, nm …) or no unit other
//!   (100亿规模 is Other: the text does not say 元).
//! - A number needs a magnitude, a unit or a qualifier to be a figure; a bare
//!   number (list markers, postcodes, phone numbers, codes) is not one.
//! - Qualifiers: 超 超过 逾 过 高于 …余 …多 are MoreThan; 以上 不少于 不低于
//!   至少 AtLeast; 近 将近 接近 Nearly; 约 大约 左右 Approximately; 最高
//!   不超过 不到 不足 以下 以内 AtMost; 达 累计 共 合计 仅 (or nothing) Exact.
//!   The figure's text and range include the qualifier words, whatever
//!   their length (超21亿元, 不低于30%, 最高200万元); words written one after
//!   another before the number are all included (累计超过300家). When
//!   several are written (达90%以上) the first that is not Exact decides,
//!   and `qualifier_text` holds them all as written, joined by "…" where
//!   the number stands between them (达…以上, 累计超过).
//!   One-character qualifiers that end another word are not qualifiers
//!   (通过3项, 签约5项, 最近3年).
//! - A range (20-30家, 5至10年, 1万-2万元) is one figure: number and value
//!   are the lower bound, the qualifier AtLeast (unless a written qualifier
//!   says otherwise), `qualifier_text` None; the unit is the one after the
//!   upper bound.
//! - A figure has at least one digit: quantities written only in Chinese
//!   numerals (超百亿元, 过万人, 近三年, 三种方式) are not figures.
//! - A rate unit keeps its denominator (30万元/人: unit 元/人, kind of 元).
//!
//! Not figures:
//! - dates (below); document numbers (a number inside 〔〕, [] or 【】);
//!   numbers followed by 号 楼 室 层 栋 幢 弄 单元 (第1168号, 威海路48号, 10楼,
//!   1412室); ordinals (第1期, 第 0459 号);
//! - names and codes: a digit run touching a Latin letter (6G, 3D, TOP100,
//!   H1, IPv6), unless the letters are a unit (28nm, 100MW); a number joined
//!   by + . / : _ - to other digits or letters ("3+6", 1.2.3, COVID-19,
//!   021-23119275); a number with a leading zero (0459);
//! - bare numbers: phone numbers, postcodes, list markers (1. 2.).
//!
//! A **date** is a four-digit year 1900–2099 followed by 年, with optional
//! month, day and 初/末/底 (2024年, 2025年2月末, 2024 年 12 月底, 2025年7月24日,
//! 2024年度), or a numeric date with a day (2024-12-31). A year range
//! (2025—2027年) gives two dates: "2025" and "2027年". A month or day
//! without a year (5月19日) is neither a date nor a figure.
//!
//! Figures and dates never overlap and come in text order.

mod date;
mod lexicon;
mod names;
mod number;
#[cfg(test)]
mod tests;

use crate::model::{DateMention, Figure, FigureKind, Magnitude, Qualifier, Span};
use lexicon::{
    is_range_connector, longest, INNER_QUALIFIERS, MAGNITUDES, PREFIX_QUALIFIERS,
    RATE_DENOMINATORS, TRAILING_QUALIFIERS, UNITS, UNIT_NOT_BEFORE,
};
use names::{glued_before, latin_unit, plain_number, skip_code, skip_ordinals};
use number::{
    char_at, char_before, digit_at, digit_value, is_letter, skip_spaces, skip_spaces_back,
};

/// Every figure and every date in one repaired block text, in order; ranges index `text`.
///
/// In "2024年以来，转化金额超21亿元" the figure is 超21亿元 (21 × 亿 元, more
/// than 2.1e9) and the date 2024年.
pub(crate) fn scan(block: u32, text: &str) -> (Vec<Figure>, Vec<DateMention>) {
    let mut scanner = Scanner {
        block,
        text,
        figures: Vec::new(),
        dates: Vec::new(),
        last_end: 0,
    };
    scanner.run();
    (scanner.figures, scanner.dates)
}

struct Scanner<'t> {
    block: u32,
    text: &'t str,
    figures: Vec<Figure>,
    dates: Vec<DateMention>,
    /// End of the last figure or date: a qualifier may not reach before it.
    last_end: usize,
}

/// A qualifier word next to a number.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    qualifier: Qualifier,
}

/// A figure read but not yet emitted; `start` is where its number starts.
struct Draft {
    start: usize,
    end: usize,
    number: f64,
    value: f64,
    magnitude: Option<Magnitude>,
    unit: Option<(usize, usize, FigureKind)>,
    prefix: Option<Word>,
    inner: Option<Word>,
    trailing: Option<Word>,
    range: bool,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let mut resume = 0;
        for (i, c) in self.text.char_indices() {
            if i < resume {
                continue;
            }
            if digit_value(c).is_some() {
                resume = self.at_number(i);
            }
        }
    }

    /// Handles the digit run starting at `start`; returns where to go on.
    fn at_number(&mut self, start: usize) -> usize {
        let text = self.text;
        let prev = char_before(text, start);
        if prev.is_some_and(is_letter)
            || matches!(prev, Some('〔' | '[' | '【' | '［'))
            || glued_before(text, start)
        {
            return skip_code(text, start);
        }
        if char_before(text, skip_spaces_back(text, start)) == Some('第') {
            return skip_ordinals(text, start);
        }
        if let Some((first, second)) = date::read(text, start) {
            self.push_date(first);
            if let Some(second) = second {
                self.push_date(second);
            }
            return second.unwrap_or(first).end;
        }
        match self.digit_figure(start) {
            Some(draft) => {
                let end = draft.end;
                self.push_figure(draft);
                end
            }
            None => skip_code(text, start),
        }
    }

    /// The figure whose number starts at `start`, if it is one.
    fn digit_figure(&self, start: usize) -> Option<Draft> {
        let text = self.text;
        let lower = plain_number(text, start)?;
        let mut magnitude = self.magnitude(lower.end);
        let mut p = magnitude.map_or(lower.end, |m| m.1);
        let mut range = false;
        let q = skip_spaces(text, p);
        if let Some(c) = char_at(text, q).filter(|&c| is_range_connector(c)) {
            let s = skip_spaces(text, q + c.len_utf8());
            if digit_at(text, s) {
                let upper = plain_number(text, s)?;
                range = true;
                p = upper.end;
                if let Some(m) = self.magnitude(p) {
                    magnitude = magnitude.or(Some(m));
                    p = m.1;
                }
            }
        }
        let mut draft = Draft {
            start,
            end: p,
            number: lower.scaled(0),
            value: 0.0,
            magnitude: magnitude.map(|m| m.2),
            unit: None,
            prefix: self.prefix(start),
            inner: None,
            trailing: None,
            range,
        };
        self.tail(&mut draft, p);
        if draft.magnitude.is_none()
            && draft.unit.is_none()
            && draft.prefix.is_none()
            && draft.inner.is_none()
            && draft.trailing.is_none()
        {
            return None;
        }
        draft.value = lower.scaled(draft.magnitude.map_or(0, exponent));
        Some(draft)
    }

    /// Reads what follows the number (and its magnitude) at `p`: 余/多, a
    /// magnitude, the unit, a rate denominator, a trailing qualifier.
    fn tail(&self, d: &mut Draft, mut p: usize) {
        let text = self.text;
        if let Some((s, e, q)) = self.word(p, INNER_QUALIFIERS) {
            let magnitude = if d.magnitude.is_none() {
                self.magnitude(e)
            } else {
                None
            };
            if let Some((_, me, m)) = magnitude {
                d.magnitude = Some(m);
                d.inner = Some(Word {
                    start: s,
                    end: e,
                    qualifier: q,
                });
                p = me;
            } else if self.unit(e).is_some() {
                d.inner = Some(Word {
                    start: s,
                    end: e,
                    qualifier: q,
                });
                p = e;
            }
        }
        if let Some((s, e, kind)) = self.unit(p) {
            let mut end = e;
            if char_at(text, e) == Some('/') {
                let rest = &text[e + 1..];
                if let Some(w) = RATE_DENOMINATORS.iter().find(|w| rest.starts_with(**w)) {
                    end = e + 1 + w.len();
                } else if let Some((w, _)) = longest(rest, UNITS) {
                    end = e + 1 + w.len();
                }
            }
            d.unit = Some((s, end, kind));
            p = end;
        }
        if let Some((s, e, q)) = self.word(p, TRAILING_QUALIFIERS) {
            d.trailing = Some(Word {
                start: s,
                end: e,
                qualifier: q,
            });
            p = e;
        }
        d.end = p;
    }

    /// The longest entry of `table` after the spaces at `p`: (start, end, value).
    fn word<T: Copy>(&self, p: usize, table: &[(&str, T)]) -> Option<(usize, usize, T)> {
        let q = skip_spaces(self.text, p);
        longest(&self.text[q..], table).map(|(w, v)| (q, q + w.len(), v))
    }

    /// The unit after the spaces at `p`: a Chinese unit or a Latin one.
    fn unit(&self, p: usize) -> Option<(usize, usize, FigureKind)> {
        let text = self.text;
        if let Some(found) = self.word(p, UNITS) {
            let word = &text[found.0..found.1];
            let blocked = UNIT_NOT_BEFORE.iter().any(|(w, next)| {
                *w == word && char_at(text, found.1).is_some_and(|c| next.contains(c))
            });
            return (!blocked).then_some(found);
        }
        let q = skip_spaces(text, p);
        let end = latin_unit(text, q)?;
        Some((q, end, FigureKind::Other))
    }

    /// The qualifier words written just before `start` (spaces allowed
    /// before the number), not reaching into the previous figure or date.
    /// Words written one after the other are all taken: 累计超过300家 spans
    /// 累计超过, and the first that is not Exact decides (MoreThan).
    fn prefix(&self, start: usize) -> Option<Word> {
        let end = skip_spaces_back(self.text, start);
        let mut chain: Option<Word> = None;
        let mut at = end;
        while let Some((ws, qualifier)) = self.prefix_word(at) {
            let later = chain.map_or(Qualifier::Exact, |w| w.qualifier);
            let qualifier = if qualifier == Qualifier::Exact {
                later
            } else {
                qualifier
            };
            chain = Some(Word {
                start: ws,
                end,
                qualifier,
            });
            at = ws;
        }
        chain
    }

    /// The longest qualifier word that ends at `q`: its start and meaning.
    fn prefix_word(&self, q: usize) -> Option<(usize, Qualifier)> {
        let text = self.text;
        let before = &text[self.last_end.min(q)..q];
        let &(word, qualifier, not_after) = PREFIX_QUALIFIERS
            .iter()
            .filter(|(w, ..)| before.ends_with(w))
            .max_by_key(|(w, ..)| w.len())?;
        let ws = q - word.len();
        if char_before(text, ws).is_some_and(|c| not_after.contains(c)) {
            return None;
        }
        Some((ws, qualifier))
    }

    /// The magnitude word after the spaces at `p`, unless a longer unit
    /// starts there (5000千瓦时 is in 千瓦时, not 千 瓦时).
    fn magnitude(&self, p: usize) -> Option<(usize, usize, Magnitude)> {
        let found = self.word(p, MAGNITUDES)?;
        match self.unit(p) {
            Some((_, end, _)) if end > found.1 => None,
            _ => Some(found),
        }
    }

    fn push_figure(&mut self, d: Draft) {
        let start = d.prefix.map_or(d.start, |w| w.start);
        let words = [d.prefix, d.inner, d.trailing];
        let written = words
            .iter()
            .flatten()
            .find(|w| w.qualifier != Qualifier::Exact);
        let qualifier = match written {
            Some(w) => w.qualifier,
            None if d.range => Qualifier::AtLeast,
            None => Qualifier::Exact,
        };
        let mut qualifier_text: Option<String> = None;
        for w in words.iter().flatten() {
            let s = &self.text[w.start..w.end];
            match &mut qualifier_text {
                Some(t) => {
                    t.push('…');
                    t.push_str(s);
                }
                None => qualifier_text = Some(s.to_owned()),
            }
        }
        self.figures.push(Figure {
            block: self.block,
            range: Span::new(start, d.end),
            text: self.text[start..d.end].to_owned(),
            number: d.number,
            magnitude: d.magnitude,
            unit: d.unit.map(|(s, e, _)| self.text[s..e].to_owned()),
            qualifier,
            qualifier_text,
            kind: d.unit.map_or(FigureKind::Other, |(.., k)| k),
            value: d.value,
        });
        self.last_end = d.end;
    }

    fn push_date(&mut self, f: date::Found) {
        self.dates.push(DateMention {
            block: self.block,
            range: Span::new(f.start, f.end),
            text: self.text[f.start..f.end].to_owned(),
            year: f.year,
            month: f.month,
            day: f.day,
        });
        self.last_end = f.end;
    }
}

/// Power of ten of a magnitude.
fn exponent(m: Magnitude) -> u8 {
    match m {
        Magnitude::Qian => 3,
        Magnitude::Wan => 4,
        Magnitude::BaiWan => 6,
        Magnitude::QianWan => 7,
        Magnitude::Yi => 8,
        Magnitude::WanYi => 12,
    }
}
