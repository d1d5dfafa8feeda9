//! How figures, dates and document facts read in either language.

use dafu_parser::{Date, Figure, FigureKind, Qualifier, ReplyKind, ResultClass};

use crate::model::facets::Handling;

use crate::model::i18n::Lang;

pub fn figure_kind_label(kind: FigureKind, lang: Lang) -> &'static str {
    match kind {
        FigureKind::Money => lang.pick("金额", "Money"),
        FigureKind::Count => lang.pick("数量", "Count"),
        FigureKind::Percent => lang.pick("比例", "Percentage"),
        FigureKind::Multiple => lang.pick("倍数", "Multiple"),
        FigureKind::Other => lang.pick("其他", "Other"),
    }
}

fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => lang.pick("超过 ", "more than "),
        Qualifier::AtLeast => lang.pick("不少于 ", "at least "),
        Qualifier::Nearly => lang.pick("接近 ", "nearly "),
        Qualifier::Approximately => lang.pick("约 ", "about "),
        Qualifier::AtMost => lang.pick("不超过 ", "at most "),
    }
}

/// A number without trailing zeros, at most `decimals` decimals.
pub fn plain(n: f64, decimals: usize) -> String {
    let s = format!("{n:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Scientific notation with a superscript exponent: 2.1×10⁹.
pub fn scientific(n: f64) -> String {
    if n == 0.0 || !n.is_finite() {
        return plain(n, 2);
    }
    let mut exp = n.abs().log10().floor() as i32;
    let mut mantissa = n / 10f64.powi(exp);
    if (mantissa.abs() - 10.0).abs() < 1e-9 {
        mantissa /= 10.0;
        exp += 1;
    }
    let sup: String = exp
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']
                [d.to_digit(10).unwrap_or(0) as usize],
        })
        .collect();
    format!("{}×10{sup}", plain(mantissa, 3))
}

/// The figure's normalised value: "超过 21 亿元（2.1×10⁹ 元）" in Chinese,
/// "more than 2.1×10⁹ 元" in English.
pub fn figure_value(f: &Figure, lang: Lang) -> String {
    let unit = f.unit.as_deref().unwrap_or("");
    let q = qualifier(f.qualifier, lang);
    let value = if f.magnitude.is_some() && f.value.abs() >= 1e4 {
        scientific(f.value)
    } else {
        plain(f.value, 4)
    };
    let spaced = |v: &str| {
        if unit == "%" {
            format!("{v}%")
        } else {
            format!("{v} {unit}").trim_end().to_owned()
        }
    };
    match (lang, f.magnitude) {
        (Lang::Zh, Some(m)) => {
            format!(
                "{q}{} {}{unit}（{}）",
                plain(f.number, 4),
                m.as_str(),
                spaced(&value)
            )
        }
        _ => format!("{q}{}", spaced(&value)),
    }
}

/// A count with thousands separators: 45,965.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date as people write it: 2025年7月24日 / 2025-07-24.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh if d.month == 0 => format!("{}年", d.year),
        Lang::Zh => format!("{}年{}月{}日", d.year, d.month, d.day),
        Lang::En => d.iso(),
    }
}

pub fn reply_kind(kind: Option<ReplyKind>, lang: Lang) -> &'static str {
    match kind {
        Some(ReplyKind::Proposal) => lang.pick("政协提案", "CPPCC proposal"),
        Some(ReplyKind::Suggestion) => lang.pick("人大代表建议", "Deputies' suggestion"),
        None => lang.pick("类型未注明", "Kind not stated"),
    }
}

/// Label of a handling result: the class with its meaning, else as written.
pub fn result_label(handling: &Handling, lang: Lang) -> String {
    match handling {
        Handling::Class(ResultClass::A) => lang
            .pick("A · 已解决或基本解决", "A · Solved or largely solved")
            .into(),
        Handling::Class(ResultClass::B) => lang.pick("B · 正在解决", "B · Being solved").into(),
        Handling::Class(ResultClass::C) => lang
            .pick("C · 列入计划逐步解决", "C · Planned, step by step")
            .into(),
        Handling::Class(ResultClass::D) => {
            lang.pick("D · 留作参考", "D · Kept for reference").into()
        }
        Handling::Written(text) => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dafu_parser::{Magnitude, Span};

    fn fig(
        number: f64,
        magnitude: Option<Magnitude>,
        unit: &str,
        q: Qualifier,
        kind: FigureKind,
    ) -> Figure {
        let value = number * magnitude.map_or(1.0, Magnitude::factor);
        Figure {
            block: 0,
            range: Span::default(),
            text: String::new(),
            number,
            magnitude,
            unit: Some(unit.into()),
            qualifier: q,
            qualifier_text: None,
            kind,
            value,
        }
    }

    #[test]
    fn normalised_values_read_well() {
        let f = fig(
            21.0,
            Some(Magnitude::Yi),
            "元",
            Qualifier::MoreThan,
            FigureKind::Money,
        );
        assert_eq!(figure_value(&f, Lang::En), "more than 2.1×10⁹ 元");
        assert_eq!(figure_value(&f, Lang::Zh), "超过 21 亿元（2.1×10⁹ 元）");
        let f = fig(166.0, None, "家", Qualifier::Exact, FigureKind::Count);
        assert_eq!(figure_value(&f, Lang::En), "166 家");
        let f = fig(
            22.57,
            None,
            "%",
            Qualifier::Approximately,
            FigureKind::Percent,
        );
        assert_eq!(figure_value(&f, Lang::Zh), "约 22.57%");
        let f = fig(
            1.29,
            Some(Magnitude::WanYi),
            "元",
            Qualifier::Exact,
            FigureKind::Money,
        );
        assert_eq!(figure_value(&f, Lang::En), "1.29×10¹² 元");
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(scientific(1e5), "1×10⁵");
        assert_eq!(scientific(74e8), "7.4×10⁹");
        assert_eq!(plain(30.0, 2), "30");
        assert_eq!(
            date(
                Date {
                    year: 2025,
                    month: 7,
                    day: 24
                },
                Lang::Zh
            ),
            "2025年7月24日"
        );
        assert_eq!(
            date(
                Date {
                    year: 2025,
                    month: 7,
                    day: 24
                },
                Lang::En
            ),
            "2025-07-24"
        );
        assert_eq!(
            (
                count(0),
                count(999),
                count(1000),
                count(45965),
                count(1234567)
            ),
            (
                "0".into(),
                "999".into(),
                "1,000".into(),
                "45,965".into(),
                "1,234,567".into()
            )
        );
    }
}
