use super::*;
use crate::source::lines;

fn front(src: &str) -> (Meta, usize, Vec<&'static str>) {
    let lines = lines(src);
    let mut meta = Meta::default();
    let mut notes = Vec::new();
    let body = read_front(&lines, &mut meta, &mut notes);
    (meta, body, notes.iter().map(|n| n.rule).collect())
}

#[test]
fn proposal_front_matter() {
    let src = "办理结果：解决采纳  \n公开属性：主动公开 · 全文\n\n# 上海市科学技术委员会\n\n沪科提复〔2025〕58号\n\n\
               ## 对市政协十四届三次会议 第 1168 号提案的答复\n\n成键、周轶敏、陈卫标等委员：\n\n你们提出的……收悉。";
    let (meta, body, notes) = front(src);
    assert_eq!(body, 6);
    assert!(notes.is_empty());
    assert_eq!(meta.result.as_deref(), Some("解决采纳"));
    assert_eq!(meta.result_class, Some(ResultClass::A));
    assert_eq!(meta.disclosure.as_deref(), Some("主动公开·全文"));
    assert_eq!(meta.issuer.as_deref(), Some("上海市科学技术委员会"));
    assert_eq!(meta.doc_number.as_deref(), Some("沪科提复〔2025〕58号"));
    assert_eq!(meta.doc_year, Some(2025));
    assert_eq!(meta.kind, Some(ReplyKind::Proposal));
    assert_eq!(meta.session.as_deref(), Some("市政协十四届三次会议"));
    assert_eq!(meta.proposal_number.as_deref(), Some("1168"));
    assert_eq!(meta.proposers, ["成键", "周轶敏", "陈卫标"]);
    assert!(meta.proposers_more);
}

#[test]
fn suggestion_front_matter() {
    let (meta, body, _) = front("沪科建复 〔２０２５〕 ３８ 号\n对市十六届人大三次会议 第 0459 号代表建议的答复\n谢吉华代表：\n您提出的");
    assert_eq!(body, 3);
    assert_eq!(meta.doc_number.as_deref(), Some("沪科建复〔2025〕38号"));
    assert_eq!(meta.kind, Some(ReplyKind::Suggestion));
    assert_eq!(meta.session.as_deref(), Some("市十六届人大三次会议"));
    assert_eq!(meta.proposal_number.as_deref(), Some("0459"));
    assert_eq!(meta.proposers, ["谢吉华"]);
    assert!(!meta.proposers_more);
}

#[test]
fn unknown_headers_warn() {
    let (meta, _, notes) =
        front("签发人：张三\n办理结果：B\n沪科提复〔2025〕1号\n孙立行、刘新宇委员：\n");
    assert_eq!(notes, ["unknown-header"]);
    assert_eq!(meta.result_class, Some(ResultClass::B));
    assert_eq!(meta.proposers, ["孙立行", "刘新宇"]);
}

#[test]
fn prose_ends_the_front_matter_at_once() {
    let (meta, body, _) = front(
        "This is a README for a parser, and it explains a lot of things.\n沪科提复〔2025〕1号",
    );
    assert_eq!(body, 0);
    assert_eq!(meta, Meta::default());
}

#[test]
fn result_classes() {
    assert_eq!(result_class("A"), Some(ResultClass::A));
    assert_eq!(result_class("C类"), Some(ResultClass::C));
    assert_eq!(result_class("列入计划逐步解决"), Some(ResultClass::C));
    assert_eq!(result_class("因条件限制留作参考"), Some(ResultClass::D));
    assert_eq!(result_class("正在解决"), Some(ResultClass::B));
    assert_eq!(result_class("Accepted"), None);
}

#[test]
fn addressees() {
    assert_eq!(
        addressee("王彦等5位委员：", false),
        Some((vec!["王彦".to_string()], true))
    );
    assert_eq!(addressee("各位：", false), None);
    assert_eq!(
        addressee("各单位：", true),
        Some((vec!["各单位".to_string()], false))
    );
    assert_eq!(addressee("联系电话：123", true), None);
}

#[test]
fn titles_in_openings() {
    let t = opening_title("你们提出的“关于优化服务，促进上海‘科技-产业-金融’协同发展”的提案收悉。");
    assert_eq!(
        t.as_deref(),
        Some("关于优化服务，促进上海‘科技-产业-金融’协同发展")
    );
    let t = opening_title("你们提出的“关于“一网通办”的建议”的提案收悉");
    assert_eq!(t.as_deref(), Some("关于“一网通办”的建议"));
    let t = opening_title("关于“创新”，你们提出“关于改革的建议”收悉");
    assert_eq!(t.as_deref(), Some("关于改革的建议"));
    assert_eq!(opening_title("提案收悉"), None);
    assert_eq!(opening_title("你们提出的“未闭合"), None);
}

#[test]
fn doc_numbers() {
    assert_eq!(
        doc_number("沪科提复〔2025〕58号"),
        Some((
            "沪科提复〔2025〕58号".into(),
            2025,
            Some(ReplyKind::Proposal)
        ))
    );
    assert_eq!(doc_number("沪科函[2024]3号").map(|d| d.2), Some(None));
    assert_eq!(doc_number("见沪科提复〔2025〕58号文"), None);
    assert_eq!(doc_number("〔2025〕58号"), None);
}

#[test]
fn variants_of_the_front_matter() {
    let (meta, body, notes) = front("上海市科学技术委员会\n沪科建复〔2025〕40号\n关于市十六届人大三次会议\n第1310号代表建议的答复\n贺仁龙代表\n您提出的");
    assert!(notes.is_empty());
    assert_eq!(body, 5);
    assert_eq!(meta.session.as_deref(), Some("市十六届人大三次会议"));
    assert_eq!(meta.proposal_number.as_deref(), Some("1310"));
    assert_eq!(meta.proposers, ["贺仁龙"]);
}

#[test]
fn unquoted_titles() {
    let t = opening_title("你们提出的关于加快改革的建议的提案收悉，现答复如下：");
    assert_eq!(t.as_deref(), Some("关于加快改革的建议"));
    let t = opening_title("您提出的关于加快改革的建议已收悉。");
    assert_eq!(t.as_deref(), Some("关于加快改革的建议"));
    assert_eq!(opening_title("你们提出的提案收悉"), None);
    assert_eq!(opening_title("你们提出的关于改革等意见收悉"), None);
}

#[test]
fn district_letter_heading() {
    let (meta, body, notes) = front(
        "徐汇区科学技术委员会关于区政协十七届三次会议第0123号提案的答复\n王立群委员：\n您提出的提案收悉。",
    );
    assert_eq!((body, notes.len()), (2, 0));
    assert_eq!(meta.issuer.as_deref(), Some("徐汇区科学技术委员会"));
    assert_eq!(meta.session.as_deref(), Some("区政协十七届三次会议"));
    assert_eq!(meta.proposal_number.as_deref(), Some("0123"));
    assert_eq!(meta.kind, Some(ReplyKind::Proposal));
    assert_eq!(
        meta.title.as_deref(),
        Some("关于区政协十七届三次会议第0123号提案的答复")
    );
    assert_eq!(meta.doc_number, None);
    // Broken over two lines.
    let (meta, ..) = front("闵行区科学技术委员会关于区十八届人大四次会议\n第056号代表建议的答复\n");
    assert_eq!(meta.session.as_deref(), Some("区十八届人大四次会议"));
    assert_eq!(meta.kind, Some(ReplyKind::Suggestion));
}

#[test]
fn other_commissions_numbers() {
    for (line, number, year) in [
        ("沪经信技复〔2024〕12号", "沪经信技复〔2024〕12号", 2024),
        ("徐科委复〔2025〕3号", "徐科委复〔2025〕3号", 2025),
        ("沪教委科[2024]45号", "沪教委科[2024]45号", 2024),
        ("沪财教复（２０２５）７号", "沪财教复（2025）7号", 2025),
    ] {
        let (meta, ..) = front(line);
        assert_eq!(meta.doc_number.as_deref(), Some(number), "{line}");
        assert_eq!(meta.doc_year, Some(year));
        assert_eq!(meta.kind, None, "the prefix does not tell: {line}");
    }
}

#[test]
fn kind_named_by_the_opening() {
    let kind = |s| opening_kind(s);
    assert_eq!(
        kind("你们提出的“关于加强建议办理”的提案收悉"),
        Some(ReplyKind::Proposal)
    );
    assert_eq!(
        kind("您提出的“关于某事的提案”的代表建议已收悉"),
        Some(ReplyKind::Suggestion)
    );
    assert_eq!(
        kind("您提出的关于加快改革的建议收悉"),
        Some(ReplyKind::Suggestion)
    );
    assert_eq!(kind("您提出的第0123号提案收悉"), Some(ReplyKind::Proposal));
    assert_eq!(kind("来函收悉"), None);
}
