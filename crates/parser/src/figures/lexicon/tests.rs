//! Every unit of the lexicon in a sentence, and the rules around units:
//! a longer unit wins over a magnitude word, an unknown word is never a
//! unit, and qualifier words before the number are part of the figure.

use super::UNITS;
use crate::figures::scan;

/// `text | magnitude unit | qualifier words | kind` of every figure.
fn figures(input: &str) -> String {
    let (figures, _) = scan(0, input);
    figures
        .iter()
        .map(|f| {
            assert_eq!(&input[f.range.range()], f.text);
            format!(
                "{} | {} {} | {:?} {} | {:?}",
                f.text,
                f.magnitude.map_or("-", |m| m.as_str()),
                f.unit.as_deref().unwrap_or("-"),
                f.qualifier,
                f.qualifier_text.as_deref().unwrap_or("-"),
                f.kind
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

fn run(table: &str) {
    for line in table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (input, expected) = line.split_once("=>").expect("input => expected");
        assert_eq!(figures(input.trim()), expected.trim(), "input: {input}");
    }
}

/// One case per entry of [`UNITS`], in its order.
const EVERY_UNIT: &str = include_str!("every_unit.txt");

#[test]
fn every_unit_reads_in_a_sentence() {
    run(EVERY_UNIT);
    let tested: Vec<&str> = EVERY_UNIT
        .lines()
        .filter_map(|l| l.split_once("=>"))
        .filter_map(|(_, e)| e.split(" | ").nth(1))
        .map(|u| u.trim_start_matches("- ").trim())
        .collect();
    let untested: Vec<&str> = UNITS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| !tested.contains(w))
        .collect();
    assert!(untested.is_empty(), "units without a case: {untested:?}");
}

/// Compound units, and magnitude words that start a unit.
const COMPOUNDS: &str = "
购置设备120台套，        => 120台套 | - 台套 | Exact - | Count
新增仪器35台（套）       => 35台（套） | - 台（套） | Exact - | Count
新增仪器35台(套)         => 35台(套) | - 台(套) | Exact - | Count
促成交易1.2万单，        => 1.2万单 | 万 单 | Exact - | Count
服务企业3.5万人次        => 3.5万人次 | 万 人次 | Exact - | Count
节能超过10万吨标准煤     => 超过10万吨标准煤 | 万 吨标准煤 | MoreThan 超过 | Other
年节电5000千瓦时         => 5000千瓦时 | - 千瓦时 | Exact - | Other
年发电量100万千瓦时      => 100万千瓦时 | 万 千瓦时 | Exact - | Other
吞吐量4900万标准箱       => 4900万标准箱 | 万 标准箱 | Exact - | Count
面积达12.5平方公里       => 达12.5平方公里 | - 平方公里 | Exact 达 | Other
投资3千万元              => 3千万元 | 千万 元 | Exact - | Money
提高1.5个百分点          => 1.5个百分点 | - 个百分点 | Exact - | Percent
";

#[test]
fn compound_units() {
    run(COMPOUNDS);
}

/// Words that are not units stay out of the figure.
const NOT_UNITS: &str = "
约3头牛                  => 约3 | - - | Approximately 约 | Other
涉及3单位                =>
建成5台阶                =>
超过20口井               => 超过20 | - - | MoreThan 超过 | Other
3单元                    =>
";

#[test]
fn unknown_words_are_not_units() {
    run(NOT_UNITS);
}

/// The qualifier is a field and the figure's text includes it, for every
/// word alike; words written one after another are all included.
const QUALIFIERS: &str = "
比例不低于30%            => 不低于30% | - % | AtLeast 不低于 | Percent
每年不少于20场           => 不少于20场 | - 场 | AtLeast 不少于 | Count
补助不超过500万元        => 不超过500万元 | 万 元 | AtMost 不超过 | Money
给予最高200万元支持      => 最高200万元 | 万 元 | AtMost 最高 | Money
孵化器累计45家           => 累计45家 | - 家 | Exact 累计 | Count
惠及近8000户             => 近8000户 | - 户 | Nearly 近 | Count
规模超50亿元             => 超50亿元 | 亿 元 | MoreThan 超 | Money
投入约3.2亿元            => 约3.2亿元 | 亿 元 | Approximately 约 | Money
服务逾600家次            => 逾600家次 | - 家次 | MoreThan 逾 | Count
累计超过300家            => 累计超过300家 | - 家 | MoreThan 累计超过 | Count
最高不超过50万元         => 最高不超过50万元 | 万 元 | AtMost 最高不超过 | Money
总共约 30 家             => 总共约 30 家 | - 家 | Approximately 总共约 | Count
最近3年                  => 3年 | - 年 | Exact - | Other
";

#[test]
fn qualifier_words_are_part_of_the_figure() {
    run(QUALIFIERS);
}
