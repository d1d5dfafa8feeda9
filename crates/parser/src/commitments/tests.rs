use super::*;
use crate::blocks::build;
use crate::sections::assign;
use crate::source::lines;

fn items(src: &str) -> Vec<(String, String)> {
    let mut blocks = build(&lines(src));
    let layout = assign(&mut blocks);
    let steps = layout.next_steps.expect("a next-steps section");
    extract(&blocks, &steps, "key")
        .into_iter()
        .map(|c| (c.heading, c.text))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(h, t)| (h.to_string(), t.to_string()))
        .collect()
}

#[test]
fn bold_lead_paragraphs() {
    let got = items("收悉。\n下一阶段，重点做好以下工作。\n**一是深化改革。**深化改革，推广赋权。\n**二是推动资本赋能。**市区联动。\n感谢！");
    assert_eq!(
        got,
        pairs(&[
            ("深化改革", "深化改革。深化改革，推广赋权。"),
            ("推动资本赋能", "推动资本赋能。市区联动。")
        ])
    );
}

#[test]
fn items_inside_one_paragraph() {
    let got = items("收悉。\n下一步，我委将持续推动。\n一是深化改革，推广赋权；**二是提升能力**，成立小组；三是完善平台。");
    assert_eq!(
        got,
        pairs(&[
            ("深化改革", "深化改革，推广赋权"),
            ("提升能力", "提升能力，成立小组"),
            ("完善平台", "完善平台。")
        ])
    );
}

#[test]
fn unmarked_paragraph_continues_an_item() {
    let got = items("收悉。\n二、下一步工作打算\n下一步，我们将推进以下工作。\n一是加大供给，完善体系。\n二是优化环境。\n制订方案，加强示\n\n范。\n感谢！");
    assert_eq!(
        got,
        pairs(&[
            ("加大供给", "加大供给，完善体系。"),
            ("优化环境", "优化环境。\n制订方案，加强示范。")
        ])
    );
}

#[test]
fn numbered_subsections_keep_inner_markers() {
    let got = items("收悉。\n二、对相关建议的答复\n下一步，我们将结合建议。\n（一）开展“非共识”探索。一是试点；二是推广。\n（二）激发活力。支持企业。");
    assert_eq!(
        got,
        pairs(&[
            ("开展“非共识”探索", "开展“非共识”探索。一是试点；二是推广。"),
            ("激发活力", "激发活力。支持企业。")
        ])
    );
}

#[test]
fn numbered_paragraphs_and_headings() {
    let got = items("收悉。\n二、下一步工作\n1. 加强合作\n内容一。\n2. 推进改革，落实责任。");
    assert_eq!(
        got,
        pairs(&[
            ("加强合作", "加强合作\n内容一。"),
            ("推进改革", "推进改革，落实责任。")
        ])
    );
}

#[test]
fn single_summary_sentence() {
    let got = items("收悉。\n下阶段，市科委将会同相关部门，充分汲取你们的意见建议，深化改革创新，推进融合。\n感谢你们！");
    assert_eq!(
        got,
        pairs(&[(
            "深化改革创新",
            "下阶段，市科委将会同相关部门，充分汲取你们的意见建议，深化改革创新，推进融合。"
        )])
    );
    let got = items("收悉。\n下一步，我们将加强合作。");
    assert_eq!(got[0].0, "加强合作");
}

#[test]
fn out_of_order_markers_are_text() {
    let got = items("收悉。\n下一步：二是甲；一是乙；三是丙；二是丁。");
    assert_eq!(got, pairs(&[("乙", "乙；三是丙"), ("丁", "丁。")]));
}

#[test]
fn ranges_point_into_the_block() {
    let mut blocks = build(&lines("收悉。\n下一步，我委将推动。\n一是甲，乙；二是丙。"));
    let steps = assign(&mut blocks).next_steps.unwrap();
    let found = extract(&blocks, &steps, "k");
    let text = &blocks[found[1].block as usize].text;
    assert_eq!(&text[found[0].range.range()], "一是甲，乙");
    assert_eq!(&text[found[1].range.range()], "二是丙。");
}

#[test]
fn ordinal_words_inside_a_paragraph() {
    let got = items("收悉。\n下一步，我们将做好以下工作：第一，加强统筹；第二，完善机制。");
    assert_eq!(
        got,
        pairs(&[("加强统筹", "加强统筹"), ("完善机制", "完善机制。")])
    );
}

fn headings(src: &str) -> Vec<String> {
    items(src).into_iter().map(|(h, _)| h).collect()
}

#[test]
fn numbered_items_inside_one_paragraph() {
    let three = ["加快建设载体", "完善培育体系", "深化产学研合作"];
    for src in [
        "收悉。\n下一步，我委将：1.加快建设载体；2.完善培育体系；3.深化产学研合作。",
        "收悉。\n下一步，我委将：1、加快建设载体；2、完善培育体系；3、深化产学研合作。",
        "收悉。\n下一步，我委将：（一）加快建设载体。（二）完善培育体系。（三）深化产学研合作。",
        "收悉。\n下一步，我委将：①加快建设载体；②完善培育体系；③深化产学研合作。",
        "收悉。\n下一步，我委将：\n1）加快建设载体；\n2）完善培育体系；\n3）深化产学研合作。",
        "收悉。\n下一步，我委将：第一，加快建设载体；第二，完善培育体系；第三，深化产学研合作。",
    ] {
        assert_eq!(headings(src), three, "{src}");
    }
}

#[test]
fn a_lead_without_colon_does_not_swallow_the_first_item() {
    let got = headings("收悉。\n下一步，我委将从以下方面推进\n1. 加快建设载体，新增面积；\n2. 完善培育体系，支持企业。");
    assert_eq!(got, ["加快建设载体", "完善培育体系"]);
}

#[test]
fn numbers_are_not_inline_markers() {
    let got = headings("收悉。\n下一步，我委将：一是投入2.5亿元，支持3、4月份活动；二是完善体系。");
    assert_eq!(got, ["投入2.5亿元", "完善体系"]);
}
