//! A reply's figures do not depend on how its text comes: UTF-8, GBK, CRLF
//! line endings or full-width digits give the same figures (compared by
//! block, number, value, magnitude, unit, kind and qualifier; their byte
//! ranges differ where the digits' width does).

use dafu_parser::{parse, Figure, Magnitude, Qualifier};
use proptest::prelude::*;

const LEADS: &[&str] = &[
    "累计支持",
    "全年服务",
    "带动投资",
    "建成",
    "惠及",
    "新增",
    "推广",
];
const QUALIFIERS: &[&str] = &[
    "",
    "",
    "超",
    "约",
    "近",
    "逾",
    "不少于",
    "不超过",
    "最高",
    "累计",
    "达",
];
const MAGNITUDES: &[&str] = &["", "", "万", "亿", "千万"];
const UNITS: &[&str] = &[
    "元",
    "家",
    "项",
    "人次",
    "台套",
    "台（套）",
    "单",
    "项次",
    "户次",
    "家次",
    "个百分点",
    "千瓦时",
    "标准箱",
    "平方公里",
    "%",
    "倍",
    "个",
];
const TRAILING: &[&str] = &["", "", "", "以上", "左右", "余"];

/// One sentence with one figure: `累计支持约1.5万家企业，`.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(LEADS),
        prop::sample::select(QUALIFIERS),
        1u32..100_000,
        prop::option::of(0u32..100),
        prop::sample::select(MAGNITUDES),
        prop::sample::select(UNITS),
        prop::sample::select(TRAILING),
        prop::sample::select(&["，", "。", "；"][..]),
    )
        .prop_map(|(lead, q, int, frac, mag, unit, trail, end)| {
            let number = match frac {
                Some(f) => format!("{int}.{f}"),
                None => int.to_string(),
            };
            // 余 stands before the unit, the other trailing words after it.
            let (inner, after) = if trail == "余" {
                ("余", "")
            } else {
                ("", trail)
            };
            format!("{lead}{q}{number}{inner}{mag}{unit}{after}企业{end}")
        })
}

/// A reply whose body paragraphs are such sentences.
fn reply() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..6), 1..5).prop_map(|paragraphs| {
        let mut text = String::from(
            "沪科提复〔2025〕58号\n对市政协十四届三次会议第1168号提案的答复\n甲委员：\n\
             你们提出的“关于某事”的提案收悉。\n\n",
        );
        for p in paragraphs {
            text.push_str(&p.concat());
            text.push_str("工作成效明显。\n\n");
        }
        text.push_str("感谢你们的支持！\n\n上海市科学技术委员会\n\n2025年7月24日\n");
        text
    })
}

/// What a figure says, wherever it stands.
type Said = (
    u32,
    u64,
    u64,
    Option<Magnitude>,
    Option<String>,
    String,
    Qualifier,
);

fn said(figures: &[Figure]) -> Vec<Said> {
    figures
        .iter()
        .map(|f| {
            (
                f.block,
                f.number.to_bits(),
                f.value.to_bits(),
                f.magnitude,
                f.unit.as_ref().map(|u| u.replace('％', "%")),
                format!("{:?}", f.kind),
                f.qualifier,
            )
        })
        .collect()
}

/// ASCII digits and the decimal point between digits made full-width, `%` too.
fn full_width(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match c {
            '0'..='9' => out.push(char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()),
            '.' if between_digits => out.push('．'),
            '%' => out.push('％'),
            _ => out.push(c),
        }
    }
    out
}

proptest! {
    #[test]
    fn figures_do_not_depend_on_encoding_or_width(text in reply()) {
        let utf8 = parse(text.as_bytes());
        prop_assert!(!utf8.figures.is_empty());
        let expected = said(&utf8.figures);
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
        prop_assert!(!unmappable);
        let variants = [
            ("GBK", parse(&gbk)),
            ("CRLF", parse(text.replace('\n', "\r\n").as_bytes())),
            ("full-width", parse(full_width(&text).as_bytes())),
            ("GBK CRLF full-width", parse(&encoding_rs::GB18030.encode(&full_width(&text).replace('\n', "\r\n")).0)),
        ];
        for (name, reply) in variants {
            prop_assert_eq!(said(&reply.figures), expected.clone(), "{}", name);
        }
    }
}
