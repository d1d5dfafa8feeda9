//! Pathological inputs of a given size: the shapes that once made a stage
//! of the parser super-linear, or could. Shared by the scaling test and the
//! throughput bench.

/// Front matter that makes the rest a reply's body.
const HEAD: &str = "沪科提复〔2025〕58号\n对市政协十四届三次会议第1168号提案的答复\n甲委员：\n你们提出的“关于某事”的提案收悉。\n";

/// `unit` repeated to about `bytes` bytes, after `head`.
fn repeat(head: &str, unit: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + head.len() + unit.len());
    text.push_str(head);
    while text.len() < bytes {
        text.push_str(unit);
    }
    text
}

/// Every shape, named, at about `bytes` bytes each.
pub fn all(bytes: usize) -> Vec<(&'static str, String)> {
    vec![
        // One line of figures: 约1.5万亿元，约1.5万亿元，…
        ("figures_line", repeat(HEAD, "约1.5万亿元，", bytes)),
        // One line of Chinese without any punctuation.
        ("no_punctuation", repeat("", "科技创新成果转化", bytes)),
        // Many short lines, no reply around them.
        ("short_lines", repeat("", "短行\n", bytes)),
        // Bold marks in one paragraph.
        ("bold_marks", repeat(HEAD, "**加粗**文字", bytes)),
        // A heading on every other line.
        ("headings", repeat(HEAD, "一、标题\n正文。\n", bytes)),
        // Markers nested in markers.
        ("nesting", repeat(HEAD, "（一）（二）（1）1.一是\n", bytes)),
        // A next-steps section of endless 一是… items in one paragraph.
        (
            "shi_items",
            repeat(
                &format!("{HEAD}下一步，我委将：\n"),
                "一是推进工作；二是**深化改革**；",
                bytes,
            ),
        ),
        // A long line that starts like a footer field.
        ("keyed_line", repeat(HEAD, "联系人：甲乙丙丁", bytes)),
        // Thousands separators without end: 1,234,234,…
        ("separators", repeat(&format!("{HEAD}共1"), ",234", bytes)),
        // An opening full of quotations never closed.
        ("open_quotes", repeat("你们提出的提案收悉", "“关于", bytes)),
    ]
}
