//! Short inputs, mostly from the corpus, with their figures and dates
//! written out; the corpus itself paragraph by paragraph; invariants under
//! arbitrary text.

use super::scan;
use crate::model::{DateMention, Figure};
use pretty_assertions::assert_eq;
use proptest::prelude::*;

/// One figure on one line: `text | number magnitude unit | qualifier words |
/// kind value`, `-` for nothing.
fn describe(f: &Figure) -> String {
    format!(
        "{} | {} {} {} | {:?} {} | {:?} {}",
        f.text,
        f.number,
        f.magnitude.map_or("-", |m| m.as_str()),
        f.unit.as_deref().unwrap_or("-"),
        f.qualifier,
        f.qualifier_text.as_deref().unwrap_or("-"),
        f.kind,
        f.value,
    )
}

/// One date on one line: `text | year[-month[-day]]`.
fn describe_date(d: &DateMention) -> String {
    let mut s = format!("{} | {}", d.text, d.year);
    for part in [d.month, d.day].into_iter().flatten() {
        s.push_str(&format!("-{part}"));
    }
    s
}

/// Runs a table of `input => expected` lines; expected items are joined by
/// " ; ". Ranges must index the input.
fn run_table(table: &str, what: fn(&str) -> Vec<String>) {
    for line in table.lines().filter(|l| !l.trim().is_empty()) {
        let (input, expected) = line.split_once("=>").expect("input => expected");
        let input = input.trim();
        assert_eq!(what(input).join(" ; "), expected.trim(), "input: {input}");
    }
}

fn figures_of(input: &str) -> Vec<String> {
    let (figures, _) = scan(0, input);
    for f in &figures {
        assert_eq!(&input[f.range.range()], f.text);
    }
    figures.iter().map(describe).collect()
}

fn dates_of(input: &str) -> Vec<String> {
    let (_, dates) = scan(0, input);
    for d in &dates {
        assert_eq!(&input[d.range.range()], d.text);
    }
    dates.iter().map(describe_date).collect()
}

const MONEY: &str = "
转化金额超21亿元，       => 超21亿元 | 21 亿 元 | MoreThan 超 | Money 2100000000
贷款余额 1.29 万亿元，   => 1.29 万亿元 | 1.29 万亿 元 | Exact - | Money 1290000000000
累计首发募资 2326.40 亿元 => 2326.40 亿元 | 2326.4 亿 元 | Exact - | Money 232640000000
授信 92.0696 亿元。      => 92.0696 亿元 | 92.0696 亿 元 | Exact - | Money 9206960000
总规模超 500 亿元        => 超 500 亿元 | 500 亿 元 | MoreThan 超 | Money 50000000000
预计达26亿元，           => 达26亿元 | 26 亿 元 | Exact 达 | Money 2600000000
财政投入约30亿元         => 约30亿元 | 30 亿 元 | Approximately 约 | Money 3000000000
签约金额近20亿元         => 近20亿元 | 20 亿 元 | Nearly 近 | Money 2000000000
不超过3000万元的         => 不超过3000万元 | 3000 万 元 | AtMost 不超过 | Money 30000000
给予最高 50 万元奖励     => 最高 50 万元 | 50 万 元 | AtMost 最高 | Money 500000
提供风险保障 4100 万元   => 4100 万元 | 4100 万 元 | Exact - | Money 41000000
融资5000万美元           => 5000万美元 | 5000 万 美元 | Exact - | Money 50000000
3000余万元               => 3000余万元 | 3000 万 元 | MoreThan 余 | Money 30000000
资助2千万元              => 2千万元 | 2 千万 元 | Exact - | Money 20000000
每人30万元/人            => 30万元/人 | 30 万 元/人 | Exact - | Money 300000
";

const COUNTS: &str = "
惠及科创企业 6500余户。  => 6500余户 | 6500 - 户 | MoreThan 余 | Count 6500
孵化公司166家，          => 166家 | 166 - 家 | Exact - | Count 166
实施项目140余家          => 140余家 | 140 - 家 | MoreThan 余 | Count 140
宣讲 20 余次             => 20 余次 | 20 - 次 | MoreThan 余 | Count 20
主体 500 余人次          => 500 余人次 | 500 - 人次 | MoreThan 余 | Count 500
服务 465 家次科技        => 465 家次 | 465 - 家次 | Exact - | Count 465
由 100 多家银行          => 100 多家 | 100 - 家 | MoreThan 多 | Count 100
近 1.6 万项              => 近 1.6 万项 | 1.6 万 项 | Nearly 近 | Count 16000
超过 2.2 万家            => 超过 2.2 万家 | 2.2 万 家 | MoreThan 超过 | Count 22000
保单 14.7 万件           => 14.7 万件 | 14.7 万 件 | Exact - | Count 147000
发行 35 只、             => 35 只 | 35 - 只 | Exact - | Count 35
已达30支，               => 达30支 | 30 - 支 | Exact 达 | Count 30
在上海落地项目共29项     => 共29项 | 29 - 项 | Exact 共 | Count 29
陆续启动两批共 12 家     => 共 12 家 | 12 - 家 | Exact 共 | Count 12
首批 15 名技术转移       => 15 名 | 15 - 名 | Exact - | Count 15
科技部等 9 部门推动      => 9 部门 | 9 - 部门 | Exact - | Count 9
覆盖全国 25 个省         => 25 个 | 25 - 个 | Exact - | Count 25
1万多人                  => 1万多人 | 1 万 人 | MoreThan 多 | Count 10000
已近 3 万人              => 近 3 万人 | 3 万 人 | Nearly 近 | Count 30000
";

const OTHERS: &str = "
较年初增长 22.57%。      => 22.57% | 22.57 - % | Exact - | Percent 22.57
比例已达 90% 以上。      => 达 90% 以上 | 90 - % | AtLeast 达…以上 | Percent 90
加计扣除 200%的税收优惠  => 200% | 200 - % | Exact - | Percent 200
近 80% 高转项目          => 近 80% | 80 - % | Nearly 近 | Percent 80
超过 28% 产品            => 超过 28% | 28 - % | MoreThan 超过 | Percent 28
提高2个百分点            => 2个百分点 | 2 - 个百分点 | Exact - | Percent 2
增长近 70 倍。           => 近 70 倍 | 70 - 倍 | Nearly 近 | Multiple 70
金额超过 15 亿，         => 超过 15 亿 | 15 亿 - | MoreThan 超过 | Other 1500000000
支持 100 亿规模的        => 100 亿 | 100 亿 - | Exact - | Other 10000000000
3年左右                  => 3年左右 | 3 - 年 | Approximately 左右 | Other 3
6个月内                  => 6个月 | 6 - 个月 | Exact - | Other 6
采用28nm工艺             => 28nm | 28 - nm | Exact - | Other 28
装机 100 MW，            => 100 MW | 100 - MW | Exact - | Other 100
指数达 125.6，           => 达 125.6 | 125.6 - - | Exact 达 | Other 125.6
100以上                  => 100以上 | 100 - - | AtLeast 以上 | Other 100
";

/// A range is one figure: the lower bound, AtLeast unless written otherwise.
const RANGES: &str = "
20-30家                  => 20-30家 | 20 - 家 | AtLeast - | Count 20
期限5至10年              => 5至10年 | 5 - 年 | AtLeast - | Other 5
1万-2万元                => 1万-2万元 | 1 万 元 | AtLeast - | Money 10000
约 20～30 家             => 约 20～30 家 | 20 - 家 | Approximately 约 | Count 20
2000-3000家              => 2000-3000家 | 2000 - 家 | AtLeast - | Count 2000
";

/// Full-width digits, points and percent signs; thousands separators ("，"
/// only when exactly three digits follow).
const WIDTHS: &str = "
超２１亿元               => 超２１亿元 | 21 亿 元 | MoreThan 超 | Money 2100000000
增长２２．５７％         => ２２．５７％ | 22.57 - ％ | Exact - | Percent 22.57
１，２００家             => １，２００家 | 1200 - 家 | Exact - | Count 1200
共1,200家                => 共1,200家 | 1200 - 家 | Exact 共 | Count 1200
1,234,567.5万元          => 1,234,567.5万元 | 1234567.5 万 元 | Exact - | Money 12345675000
超　500　亿元            => 超　500　亿元 | 500 亿 元 | MoreThan 超 | Money 50000000000
1，2345家                => 2345家 | 2345 - 家 | Exact - | Count 2345
分别为3，45家            => 45家 | 45 - 家 | Exact - | Count 45
";

/// Words that end in a qualifier character without being one.
const LOOKALIKES: &str = "
通过3项                  => 3项 | 3 - 项 | Exact - | Count 3
签约5项                  => 5项 | 5 - 项 | Exact - | Count 5
最近3年                  => 3年 | 3 - 年 | Exact - | Other 3
不仅3家                  => 3家 | 3 - 家 | Exact - | Count 3
";

/// Several figures and dates keep their order and never overlap.
const SEQUENCES: &str = "
2024年以来，39家试点单位推进赋权成果近250项，转化金额超21亿元 => 39家 | 39 - 家 | Exact - | Count 39 ; 近250项 | 250 - 项 | Nearly 近 | Count 250 ; 超21亿元 | 21 亿 元 | MoreThan 超 | Money 2100000000
20余次超500亿元          => 20余次 | 20 - 次 | MoreThan 余 | Count 20 ; 超500亿元 | 500 亿 元 | MoreThan 超 | Money 50000000000
3家以上近5家             => 3家以上 | 3 - 家 | AtLeast 以上 | Count 3 ; 近5家 | 5 - 家 | Nearly 近 | Count 5
2024年3家                => 3家 | 3 - 家 | Exact - | Count 3
";

const DATES: &str = "
2024年以来，             => 2024年 | 2024
截至 2025 年 2 月末，    => 2025 年 2 月末 | 2025-2
2025年7月24日印发        => 2025年7月24日 | 2025-7-24
２０２４年１２月底       => ２０２４年１２月底 | 2024-12
截止日期2024-12-31。     => 2024-12-31 | 2024-12-31
截至2024年底             => 2024年底 | 2024
自 2022 年起             => 2022 年 | 2022
《2024年度报告》         => 2024年度 | 2024
（2025—2027 年）         => 2025 | 2025 ; 2027 年 | 2027
2024年至2025年           => 2024年 | 2024 ; 2025年 | 2025
2023 年 5 月 16 日       => 2023 年 5 月 16 日 | 2023-5-16
2024年3家                => 2024年 | 2024
5月19日，（2025），3000年 =>
2024.5亿元               =>
";

/// Inputs without a figure.
const NOT_FIGURES: &str = "
落实专项资金超百亿元，
职称评定过万人，
用户近两万人
逾千家企业
沪科提复〔2025〕58号
对市政协十四届三次会议 第 1168 号提案的答复
第0459号代表建议
联系电话：23119275
邮政编码：200003
联系地址：威海路48号
人民大道 200 号 1412 室
威海路 48 号 10 楼
知识产权第 1 期资产支持专项计划
第1、2、3批
第3至5批
在元宇宙、脑机接口、6G、量子计算等
5G基站
生物 3D 打印
上海市硬核科技企业 TOP100 榜单
“3+6”产业体系
“1+N”政策
推出“科技履约贷”B 款
本市国资首支创投类 S 基金
IP管理与转化
H1 2025
COVID-19疫情
PM2.5浓度
C919大飞机
1. 建立科技金融政策体系
2.推动科技信贷资源集聚
（3）强化
版本1.2.3
10:30开始
7×24小时
电话021-23119275
00后
5月19日
2024年
2025—2027 年
GB/T 7714-2015
1-6月
1，200
近三年
三种方式
两个体系
四个面向
促成千万级技术交易
数千家
超一流
近十年
";

#[test]
fn money() {
    run_table(MONEY, figures_of);
}

#[test]
fn counts() {
    run_table(COUNTS, figures_of);
}

#[test]
fn percents_multiples_and_others() {
    run_table(OTHERS, figures_of);
}

#[test]
fn ranges_are_one_figure_from_the_lower_bound() {
    run_table(RANGES, figures_of);
}

#[test]
fn full_width_digits_and_separators() {
    run_table(WIDTHS, figures_of);
}

#[test]
fn qualifier_lookalikes_are_not_qualifiers() {
    run_table(LOOKALIKES, figures_of);
}

#[test]
fn sequences_keep_order() {
    run_table(SEQUENCES, figures_of);
}

#[test]
fn dates() {
    run_table(DATES, dates_of);
    let (_, dates) = scan(3, "2024年");
    assert_eq!(dates[0].block, 3);
}

#[test]
fn not_figures() {
    for input in NOT_FIGURES.lines().chain([""]) {
        assert_eq!(figures_of(input), Vec::<String>::new(), "input: {input}");
    }
}

#[test]
fn block_index_is_kept() {
    let (figures, _) = scan(9, "共12家");
    assert_eq!(figures[0].block, 9);
}

/// Checks the invariants every scan must keep.
fn invariants(text: &str) -> Result<(), TestCaseError> {
    let (figures, dates) = scan(7, text);
    let mut spans: Vec<_> = figures
        .iter()
        .map(|f| (f.range, f.text.as_str(), f.block))
        .collect();
    spans.extend(dates.iter().map(|d| (d.range, d.text.as_str(), d.block)));
    spans.sort_by_key(|s| s.0.start);
    let mut last = 0;
    for (span, t, block) in spans {
        prop_assert_eq!(block, 7);
        prop_assert!(span.start < span.end && span.end as usize <= text.len());
        prop_assert!(span.start as usize >= last, "overlap in {:?}", text);
        prop_assert!(text.is_char_boundary(span.start as usize));
        prop_assert!(text.is_char_boundary(span.end as usize));
        prop_assert_eq!(&text[span.range()], t);
        last = span.end as usize;
    }
    for w in figures.windows(2) {
        prop_assert!(w[0].range.end <= w[1].range.start);
    }
    for w in dates.windows(2) {
        prop_assert!(w[0].range.end <= w[1].range.start);
    }
    for f in &figures {
        prop_assert!(f.number.is_finite() && f.value.is_finite(), "{:?}", f);
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,60}") {
        invariants(&text)?;
    }

    #[test]
    fn never_panics_on_figure_like_text(
        text in "[0-9０-９.．,，%％万亿千百两三十超过近约余多以上左右年月日号第〔〕—至+a-zA-Z 　元家项/×-]{0,40}"
    ) {
        invariants(&text)?;
    }
}

#[test]
fn invariants_hold_on_tricky_inputs() {
    let long = ["9".repeat(100), "１".repeat(50), "1,".repeat(30)];
    let short = [
        "超超超1",
        "2024年2024年",
        "1.",
        "1．",
        "1，",
        "超",
        "第",
        "〔1",
        "20-",
        "20至",
        "1万-",
    ];
    for text in long.iter().map(String::as_str).chain(short) {
        invariants(text).unwrap();
    }
}

/// Paragraphs of a corpus file, repaired the simple way: `**` and leading
/// `#` marks dropped, line breaks and spaces next to non-ASCII characters
/// removed.
fn paragraphs(raw: &str) -> Vec<String> {
    let raw = raw.replace("\r\n", "\n");
    let mut out = Vec::new();
    for p in raw.split("\n\n") {
        let p = p.replace("**", "");
        let chars: Vec<char> = p
            .trim()
            .trim_start_matches('#')
            .trim()
            .chars()
            .filter(|&c| c != '\n')
            .collect();
        let mut text = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let next_to_cjk =
                |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| !c.is_ascii());
            if c == ' ' && (next_to_cjk(i.checked_sub(1)) || next_to_cjk(Some(i + 1))) {
                continue;
            }
            text.push(c);
        }
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

/// (file name, text) of every corpus reply, by name.
fn corpus() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let read = |p: std::path::PathBuf| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        (name, std::fs::read_to_string(&p).unwrap())
    };
    files.into_iter().map(read).collect()
}

/// Every figure and date of the corpus, per file, checked by reading the
/// replies: figure texts, then date texts.
const CORPUS: [(&str, &str, &str); 5] = [
    (
        "000",
        "39家 近250项 超21亿元 166家 超74亿元 7家 达30支 超500亿元 达26亿元 140余家 约30亿元 \
         18家 6亿元 超14亿元 约8亿元 共29项 4项 12项",
        "2024年 2025年7月24日 2025年7月24日",
    ),
    (
        "001",
        "超过2.2万家 1532家 59家 96家 52% 近1.6万项 3000余人 近80% 超过28% \
         15名 171名 10个",
        "2023年5月16日 2023年5月16日",
    ),
    (
        "002",
        "100多家 超500亿元 6500余户 不超过3000万元 1.29万亿元 22.57% 30家 1.9万亿元 14.7万件 \
         4100万元 48家 442家 超过35% 93家 2326.40亿元 816家 125家 215家 20余次 500余人次 40支 \
         555.72亿元 49% 465家次 1408.36亿元 22家 35只 480亿元 125% 249亿元 100亿 超100家 \
         共12家 7家 达30支 超500亿元 25个 4个 8家 近20亿元 44家 11家 近400亿元 100亿元 1496家 \
         92.0696亿元 55% 9家",
        "2024年 2024年底 2024年底 2024年 2025年2月末 2024年12月底 2024年 2025 2027年 2022年 \
         2024年 2024年底 2024年底 2025年5月19日 2025年5月19日",
    ),
    (
        "003",
        "达9179项 79.13亿元 超过20% 9部门 40家 5家 14家 196项 超20亿元 157家 超74亿元 近3万人 \
         36个 超6600项 超4600项 超3000个 近8亿元 近65% 16项 超653亿元 超13000项 超100家 超3万项 \
         超1200项 23家 20家 39家 42家 2.5亿元 7家 7部门 2项 达4.76亿元 近70倍 超过20家 超过15亿 \
         近10亿元",
        "2024年 2015年 2020年 2023年 2022年 2024年 2024年 2023年 2024年 2025年6月25日 \
         2025年6月25日",
    ),
    (
        "004",
        "22家 达90%以上 732.45亿元 8家 3家 12家 200% 最高50万元",
        "2023年 2023年 2025年 2024年 2025年 2025年8月1日 2025年8月1日",
    ),
];

#[test]
fn corpus_figures_and_dates() {
    let files = corpus();
    assert_eq!(files.len(), CORPUS.len());
    for ((name, raw), (prefix, figures, dates)) in files.iter().zip(CORPUS) {
        assert!(name.starts_with(prefix), "{name}");
        let (mut found_figures, mut found_dates) = (Vec::new(), Vec::new());
        for (b, p) in paragraphs(raw).iter().enumerate() {
            let (f, d) = scan(b as u32, p);
            found_figures.extend(f.into_iter().map(|f| f.text));
            found_dates.extend(d.into_iter().map(|d| d.text));
        }
        assert_eq!(found_figures.join(" "), figures, "{name}");
        assert_eq!(found_dates.join(" "), dates, "{name}");
    }
}
