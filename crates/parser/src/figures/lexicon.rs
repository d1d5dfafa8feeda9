//! The words around a number: qualifiers, magnitudes, units and the
//! suffixes that make a number an address or an identifier.

use crate::model::{FigureKind, Magnitude, Qualifier};

/// Qualifiers written before the number (超21亿元, 不超过3000万元).
///
/// Matched against the text that ends where the number (or a space before
/// it) starts; longest match wins. The string is the set of characters that
/// must not stand right before a one-character qualifier, because with them
/// it is part of another word: 通过 3 项 is not "more than 3", 签约 5 项 is
/// not "about 5".
pub(super) const PREFIX_QUALIFIERS: &[(&str, Qualifier, &str)] = &[
    ("不超过", Qualifier::AtMost, ""),
    ("不高于", Qualifier::AtMost, ""),
    ("不少于", Qualifier::AtLeast, ""),
    ("不低于", Qualifier::AtLeast, ""),
    ("超过", Qualifier::MoreThan, ""),
    ("高于", Qualifier::MoreThan, ""),
    ("多于", Qualifier::MoreThan, ""),
    ("大于", Qualifier::MoreThan, ""),
    ("至少", Qualifier::AtLeast, ""),
    ("最少", Qualifier::AtLeast, ""),
    ("最低", Qualifier::AtLeast, ""),
    ("最高", Qualifier::AtMost, ""),
    ("最多", Qualifier::AtMost, ""),
    ("不到", Qualifier::AtMost, ""),
    ("不足", Qualifier::AtMost, ""),
    ("低于", Qualifier::AtMost, ""),
    ("少于", Qualifier::AtMost, ""),
    ("将近", Qualifier::Nearly, ""),
    ("接近", Qualifier::Nearly, ""),
    ("大约", Qualifier::Approximately, ""),
    ("约为", Qualifier::Approximately, ""),
    ("达到", Qualifier::Exact, ""),
    ("高达", Qualifier::Exact, ""),
    ("多达", Qualifier::Exact, ""),
    ("累计", Qualifier::Exact, ""),
    ("合计", Qualifier::Exact, ""),
    ("总计", Qualifier::Exact, ""),
    ("共计", Qualifier::Exact, ""),
    ("总共", Qualifier::Exact, ""),
    ("一共", Qualifier::Exact, ""),
    ("近", Qualifier::Nearly, "附邻临靠亲就远最新贴浅逼"),
    (
        "约",
        Qualifier::Approximately,
        "签合节履预公契特制违邀相毁守践缔立条纽隐婚赴租集",
    ),
    ("逾", Qualifier::MoreThan, ""),
    ("超", Qualifier::MoreThan, "高赶"),
    (
        "过",
        Qualifier::MoreThan,
        "通经越度穿跨错路看不透胜放用难好做有来走渡闯",
    ),
    ("达", Qualifier::Exact, "表下传抵送通发雷转直畅豁练阔到上"),
    ("共", Qualifier::Exact, "公中"),
    ("仅", Qualifier::Exact, "不"),
];

/// Qualifiers written right after the number or its magnitude (6500余户,
/// 3000余万元, 100多家); only taken when a magnitude or unit follows.
pub(super) const INNER_QUALIFIERS: &[(&str, Qualifier)] =
    &[("余", Qualifier::MoreThan), ("多", Qualifier::MoreThan)];

/// Qualifiers written after the unit (90%以上, 3年左右).
pub(super) const TRAILING_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::Approximately),
];

/// Magnitude words after a number; longest match wins (1.29万亿元 is 万亿).
/// A unit that starts with a magnitude word and is longer than it wins over
/// it: 5000千瓦时 is 5000 in 千瓦时, 100万千瓦时 is 100 万 in 千瓦时.
pub(super) const MAGNITUDES: &[(&str, Magnitude)] = &[
    ("万亿", Magnitude::WanYi),
    ("千万", Magnitude::QianWan),
    ("百万", Magnitude::BaiWan),
    ("亿", Magnitude::Yi),
    ("万", Magnitude::Wan),
    ("千", Magnitude::Qian),
];

/// Units; longest match wins (人次 over 人, 个百分点 over 个, 台套 over 台).
/// Measure words (家, 项, 个 …) make a count; the counted noun is not part of
/// the unit, except 部门 which is written without a measure word (9部门).
/// Only these words are units: a word not listed is never taken as one, so
/// it cannot swallow the word after the number. Every entry has a case in
/// `lexicon/tests.rs`.
pub(super) const UNITS: &[(&str, FigureKind)] = &[
    // money
    ("元", FigureKind::Money),
    ("美元", FigureKind::Money),
    ("欧元", FigureKind::Money),
    ("港元", FigureKind::Money),
    ("日元", FigureKind::Money),
    ("英镑", FigureKind::Money),
    // percent
    ("%", FigureKind::Percent),
    ("％", FigureKind::Percent),
    ("‰", FigureKind::Percent),
    ("个百分点", FigureKind::Percent),
    ("百分点", FigureKind::Percent),
    // multiple
    ("倍", FigureKind::Multiple),
    // counts
    ("个", FigureKind::Count),
    ("家", FigureKind::Count),
    ("项", FigureKind::Count),
    ("人", FigureKind::Count),
    ("支", FigureKind::Count),
    ("只", FigureKind::Count),
    ("件", FigureKind::Count),
    ("户", FigureKind::Count),
    ("次", FigureKind::Count),
    ("人次", FigureKind::Count),
    ("家次", FigureKind::Count),
    ("户次", FigureKind::Count),
    ("批次", FigureKind::Count),
    ("场次", FigureKind::Count),
    ("名", FigureKind::Count),
    ("位", FigureKind::Count),
    ("所", FigureKind::Count),
    ("篇", FigureKind::Count),
    ("批", FigureKind::Count),
    ("期", FigureKind::Count),
    ("届", FigureKind::Count),
    ("座", FigureKind::Count),
    ("条", FigureKind::Count),
    ("台", FigureKind::Count),
    ("套", FigureKind::Count),
    ("台套", FigureKind::Count),
    ("台（套）", FigureKind::Count),
    ("台(套)", FigureKind::Count),
    ("台次", FigureKind::Count),
    ("项次", FigureKind::Count),
    ("件次", FigureKind::Count),
    ("架次", FigureKind::Count),
    ("车次", FigureKind::Count),
    ("班次", FigureKind::Count),
    ("单", FigureKind::Count),
    ("标准箱", FigureKind::Count),
    ("款", FigureKind::Count),
    ("场", FigureKind::Count),
    ("部门", FigureKind::Count),
    ("部", FigureKind::Count),
    ("份", FigureKind::Count),
    ("张", FigureKind::Count),
    ("间", FigureKind::Count),
    ("处", FigureKind::Count),
    ("种", FigureKind::Count),
    ("类", FigureKind::Count),
    ("组", FigureKind::Count),
    ("架", FigureKind::Count),
    ("艘", FigureKind::Count),
    ("辆", FigureKind::Count),
    ("株", FigureKind::Count),
    ("例", FigureKind::Count),
    ("颗", FigureKind::Count),
    ("枚", FigureKind::Count),
    ("笔", FigureKind::Count),
    ("轮", FigureKind::Count),
    ("册", FigureKind::Count),
    ("幅", FigureKind::Count),
    ("块", FigureKind::Count),
    // durations and measures
    ("年", FigureKind::Other),
    ("个月", FigureKind::Other),
    ("个工作日", FigureKind::Other),
    ("工作日", FigureKind::Other),
    ("周年", FigureKind::Other),
    ("周", FigureKind::Other),
    ("天", FigureKind::Other),
    ("小时", FigureKind::Other),
    ("分钟", FigureKind::Other),
    ("秒", FigureKind::Other),
    ("岁", FigureKind::Other),
    ("平方公里", FigureKind::Other),
    ("平方千米", FigureKind::Other),
    ("平方米", FigureKind::Other),
    ("平米", FigureKind::Other),
    ("立方米", FigureKind::Other),
    ("公顷", FigureKind::Other),
    ("公里", FigureKind::Other),
    ("厘米", FigureKind::Other),
    ("毫米", FigureKind::Other),
    ("微米", FigureKind::Other),
    ("纳米", FigureKind::Other),
    ("米", FigureKind::Other),
    ("亩", FigureKind::Other),
    ("吨", FigureKind::Other),
    ("吨标准煤", FigureKind::Other),
    ("公斤", FigureKind::Other),
    ("克", FigureKind::Other),
    ("千米", FigureKind::Other),
    ("千克", FigureKind::Other),
    ("千瓦", FigureKind::Other),
    ("千瓦时", FigureKind::Other),
    ("兆瓦", FigureKind::Other),
    ("兆瓦时", FigureKind::Other),
    ("吉瓦", FigureKind::Other),
    ("吉瓦时", FigureKind::Other),
    ("瓦时", FigureKind::Other),
    ("瓦", FigureKind::Other),
    ("升", FigureKind::Other),
];

/// One-character units that are the first character of a longer word when
/// one of these characters follows: 3单位 is not 3 orders, 5台阶 not 5
/// machines.
pub(super) const UNIT_NOT_BEFORE: &[(&str, &str)] = &[("单", "位元价据独项"), ("台", "阶账")];

/// Extra denominators of a rate unit that are not units on their own
/// (元/月, 元/日); any entry of [`UNITS`] also works (元/吨, 万元/人).
pub(super) const RATE_DENOMINATORS: &[&str] = &["月", "日"];

/// Latin units: the whole letter run after the number must be one of these
/// (28nm, 100 MW); any other letters make the number part of a name (6G,
/// 3D).
pub(super) const LATIN_UNITS: &[&str] = &[
    "nm", "um", "mm", "cm", "km", "mg", "kg", "kW", "MW", "GW", "kWh", "MWh", "GWh", "Hz", "kHz",
    "MHz", "GHz", "THz", "kV", "KB", "MB", "GB", "TB", "PB", "Mbps", "Gbps", "Tbps", "mAh",
];

/// Words after a number that make it an address or serial number (威海路48号,
/// 10楼, 1412室), not a quantity.
pub(super) const ADDRESS_SUFFIXES: &[&str] = &["号", "楼", "室", "层", "栋", "幢", "弄", "单元"];

/// Connectors of a range of numbers (20-30家, 5至10年) or years (2025—2027年).
pub(super) fn is_range_connector(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到')
}

/// The longest entry of `table` that `rest` starts with.
pub(super) fn longest<'t, T: Copy>(rest: &str, table: &'t [(&'t str, T)]) -> Option<(&'t str, T)> {
    let mut best: Option<(&str, T)> = None;
    for &(word, value) in table {
        if rest.starts_with(word) && best.is_none_or(|(b, _)| word.len() > b.len()) {
            best = Some((word, value));
        }
    }
    best
}

#[cfg(test)]
mod tests;
