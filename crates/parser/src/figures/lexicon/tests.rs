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
    for line in table.lines().filter(|l| !l.trim().is_empty()) {
        let (input, expected) = line.split_once("=>").expect("input => expected");
        assert_eq!(figures(input.trim()), expected.trim(), "input: {input}");
    }
}

/// One line per entry of [`UNITS`], in its order.
const EVERY_UNIT: &str = "
新增12元，           => 12元 | - 元 | Exact - | Money
累计建成36美元，        => 36美元 | - 美元 | Exact - | Money
培育8欧元，           => 8欧元 | - 欧元 | Exact - | Money
服务150港元，         => 150港元 | - 港元 | Exact - | Money
完成27日元，          => 27日元 | - 日元 | Exact - | Money
达成64英镑，          => 64英镑 | - 英镑 | Exact - | Money
引进5%，            => 5% | - % | Exact - | Percent
支持18％，           => 18％ | - ％ | Exact - | Percent
建设240‰，          => 240‰ | - ‰ | Exact - | Percent
落地9个百分点，         => 9个百分点 | - 个百分点 | Exact - | Percent
新增12百分点，         => 12百分点 | - 百分点 | Exact - | Percent
累计建成36倍，         => 36倍 | - 倍 | Exact - | Multiple
培育8个，            => 8个 | - 个 | Exact - | Count
服务150家，          => 150家 | - 家 | Exact - | Count
完成27项，           => 27项 | - 项 | Exact - | Count
达成64人，           => 64人 | - 人 | Exact - | Count
引进5支，            => 5支 | - 支 | Exact - | Count
支持18只，           => 18只 | - 只 | Exact - | Count
建设240件，          => 240件 | - 件 | Exact - | Count
落地9户，            => 9户 | - 户 | Exact - | Count
新增12次，           => 12次 | - 次 | Exact - | Count
累计建成36人次，        => 36人次 | - 人次 | Exact - | Count
培育8家次，           => 8家次 | - 家次 | Exact - | Count
服务150户次，         => 150户次 | - 户次 | Exact - | Count
完成27批次，          => 27批次 | - 批次 | Exact - | Count
达成64场次，          => 64场次 | - 场次 | Exact - | Count
引进5名，            => 5名 | - 名 | Exact - | Count
支持18位，           => 18位 | - 位 | Exact - | Count
建设240所，          => 240所 | - 所 | Exact - | Count
落地9篇，            => 9篇 | - 篇 | Exact - | Count
新增12批，           => 12批 | - 批 | Exact - | Count
累计建成36期，         => 36期 | - 期 | Exact - | Count
培育8届，            => 8届 | - 届 | Exact - | Count
服务150座，          => 150座 | - 座 | Exact - | Count
完成27条，           => 27条 | - 条 | Exact - | Count
达成64台，           => 64台 | - 台 | Exact - | Count
引进5套，            => 5套 | - 套 | Exact - | Count
支持18台套，          => 18台套 | - 台套 | Exact - | Count
建设240台（套），       => 240台（套） | - 台（套） | Exact - | Count
落地9台(套)，         => 9台(套) | - 台(套) | Exact - | Count
新增12台次，          => 12台次 | - 台次 | Exact - | Count
累计建成36项次，        => 36项次 | - 项次 | Exact - | Count
培育8件次，           => 8件次 | - 件次 | Exact - | Count
服务150架次，         => 150架次 | - 架次 | Exact - | Count
完成27车次，          => 27车次 | - 车次 | Exact - | Count
达成64班次，          => 64班次 | - 班次 | Exact - | Count
引进5单，            => 5单 | - 单 | Exact - | Count
支持18标准箱，         => 18标准箱 | - 标准箱 | Exact - | Count
建设240款，          => 240款 | - 款 | Exact - | Count
落地9场，            => 9场 | - 场 | Exact - | Count
新增12部门，          => 12部门 | - 部门 | Exact - | Count
累计建成36部，         => 36部 | - 部 | Exact - | Count
培育8份，            => 8份 | - 份 | Exact - | Count
服务150张，          => 150张 | - 张 | Exact - | Count
完成27间，           => 27间 | - 间 | Exact - | Count
达成64处，           => 64处 | - 处 | Exact - | Count
引进5种，            => 5种 | - 种 | Exact - | Count
支持18类，           => 18类 | - 类 | Exact - | Count
建设240组，          => 240组 | - 组 | Exact - | Count
落地9架，            => 9架 | - 架 | Exact - | Count
新增12艘，           => 12艘 | - 艘 | Exact - | Count
累计建成36辆，         => 36辆 | - 辆 | Exact - | Count
培育8株，            => 8株 | - 株 | Exact - | Count
服务150例，          => 150例 | - 例 | Exact - | Count
完成27颗，           => 27颗 | - 颗 | Exact - | Count
达成64枚，           => 64枚 | - 枚 | Exact - | Count
引进5笔，            => 5笔 | - 笔 | Exact - | Count
支持18轮，           => 18轮 | - 轮 | Exact - | Count
建设240册，          => 240册 | - 册 | Exact - | Count
落地9幅，            => 9幅 | - 幅 | Exact - | Count
新增12块，           => 12块 | - 块 | Exact - | Count
累计建成36年，         => 36年 | - 年 | Exact - | Other
培育8个月，           => 8个月 | - 个月 | Exact - | Other
服务150个工作日，       => 150个工作日 | - 个工作日 | Exact - | Other
完成27工作日，         => 27工作日 | - 工作日 | Exact - | Other
达成64周年，          => 64周年 | - 周年 | Exact - | Other
引进5周，            => 5周 | - 周 | Exact - | Other
支持18天，           => 18天 | - 天 | Exact - | Other
建设240小时，         => 240小时 | - 小时 | Exact - | Other
落地9分钟，           => 9分钟 | - 分钟 | Exact - | Other
新增12秒，           => 12秒 | - 秒 | Exact - | Other
累计建成36岁，         => 36岁 | - 岁 | Exact - | Other
培育8平方公里，         => 8平方公里 | - 平方公里 | Exact - | Other
服务150平方千米，       => 150平方千米 | - 平方千米 | Exact - | Other
完成27平方米，         => 27平方米 | - 平方米 | Exact - | Other
达成64平米，          => 64平米 | - 平米 | Exact - | Other
引进5立方米，          => 5立方米 | - 立方米 | Exact - | Other
支持18公顷，          => 18公顷 | - 公顷 | Exact - | Other
建设240公里，         => 240公里 | - 公里 | Exact - | Other
落地9厘米，           => 9厘米 | - 厘米 | Exact - | Other
新增12毫米，          => 12毫米 | - 毫米 | Exact - | Other
累计建成36微米，        => 36微米 | - 微米 | Exact - | Other
培育8纳米，           => 8纳米 | - 纳米 | Exact - | Other
服务150米，          => 150米 | - 米 | Exact - | Other
完成27亩，           => 27亩 | - 亩 | Exact - | Other
达成64吨，           => 64吨 | - 吨 | Exact - | Other
引进5公斤，           => 5公斤 | - 公斤 | Exact - | Other
支持18克，           => 18克 | - 克 | Exact - | Other
建设240千米，         => 240千米 | - 千米 | Exact - | Other
落地9千克，           => 9千克 | - 千克 | Exact - | Other
新增12千瓦，          => 12千瓦 | - 千瓦 | Exact - | Other
累计建成36千瓦时，       => 36千瓦时 | - 千瓦时 | Exact - | Other
培育8兆瓦，           => 8兆瓦 | - 兆瓦 | Exact - | Other
服务150兆瓦时，        => 150兆瓦时 | - 兆瓦时 | Exact - | Other
完成27吉瓦，          => 27吉瓦 | - 吉瓦 | Exact - | Other
达成64吉瓦时，         => 64吉瓦时 | - 吉瓦时 | Exact - | Other
引进5瓦时，           => 5瓦时 | - 瓦时 | Exact - | Other
支持18瓦，           => 18瓦 | - 瓦 | Exact - | Other
建设240升，          => 240升 | - 升 | Exact - | Other
";

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
