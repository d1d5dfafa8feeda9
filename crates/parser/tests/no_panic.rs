//! Arbitrary input never panics nor breaks an invariant (spans within their
//! text, ids unique and stable), and crashes once found stay fixed.

#[path = "support/invariants.rs"]
mod invariants;

use dafu_parser::check;
use invariants::assert_parse;
use proptest::prelude::*;

/// Pieces of replies and of markup, so that generated texts reach the
/// recognisers' corners rather than only their first check.
const PIECES: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "（一）",
    "（二）",
    "(1)",
    "1.",
    "2、",
    "一、",
    "二、",
    "**",
    "*",
    "#",
    "## ",
    "---",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{3000}",
    "年",
    "月",
    "日",
    "号",
    "2024",
    "０",
    "１２",
    "3.5",
    "亿元",
    "万",
    "%",
    "超",
    "余",
    "下一步，",
    "下阶段",
    "收悉",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "：",
    "。",
    "，",
    "；",
    "沪科提复〔2025〕58号",
    "对市政协十四届三次会议第1168号提案的答复",
    "成键、周轶敏等委员：",
    "你们提出的“关于",
    "感谢",
    "上海市科学技术委员会",
    "2025 年 5 月 19 日",
    "印发",
    "抄送：",
    "联系电话：",
    "办理结果：",
    "公开属性：",
    "答复如下：",
    "\u{fffd}",
    "😀",
    "a",
    "Z9",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

proptest! {
    // 512 cases unless PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig {
        cases: ProptestConfig::default().cases.max(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        let reply = assert_parse(&bytes);
        let _ = check(&reply);
        prop_assert!(reply.source_len as usize <= bytes.len() * 3 + 3);
    }

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        let _ = check(&assert_parse(text.as_bytes()));
    }

    #[test]
    fn reply_like_strings(text in pieces()) {
        assert_parse(text.as_bytes());
    }
}

/// Inputs that once broke an invariant.
#[test]
fn regressions() {
    for text in [
        "",
        "\r",
        "**",
        "一是**一**是",
        "下一步，一是**一**",
        "收悉\n下一步：（1） （2）",
    ] {
        assert_parse(text.as_bytes());
    }
}
