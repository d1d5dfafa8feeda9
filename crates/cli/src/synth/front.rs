//! The front matter: header lines, document number, title line, addressees
//! and the opening paragraphs.

use super::generator::Gen;
use super::words::{CN_NUM, FIELDS, TOPICS, VERBS};

/// Everything above the opening; returns how the reply addresses its
/// proposers (您 / 你 / 你们).
pub(super) fn header(
    g: &mut Gen,
    proposal: bool,
    index: u64,
    paras: &mut Vec<String>,
) -> &'static str {
    header_lines(g, paras);
    title_lines(g, proposal, index, paras);
    addressees(g, proposal, paras)
}

/// 办理结果 and 公开属性 (most replies), then the commission's name.
fn header_lines(g: &mut Gen, paras: &mut Vec<String>) {
    if g.rng.chance(0.8) {
        let result = g.pick(&[
            "解决采纳",
            "解决采纳",
            "解决采纳",
            "A",
            "B",
            "C",
            "D",
            "正在解决或有关工作已启动",
            "列入规划逐步解决",
            "因条件限制留作参考",
            "已解决或基本解决",
        ]);
        let trail = if g.style.markdown { "  " } else { "" };
        paras.push(format!("办理结果：{result}{trail}"));
        if g.rng.chance(0.9) {
            paras.push(
                g.pick(&[
                    "公开属性：主动公开·全文",
                    "公开属性：主动公开 · 全文",
                    "公开属性：主动公开",
                ])
                .to_string(),
            );
        }
    }
    paras.push(g.heading("#", "上海市科学技术委员会"));
}

/// 沪科提复〔2024〕3号 and 对市政协十四届二次会议第0123号提案的答复.
fn title_lines(g: &mut Gen, proposal: bool, index: u64, paras: &mut Vec<String>) {
    let year = g.year;
    let code = if proposal {
        "沪科提复"
    } else {
        "沪科建复"
    };
    paras.push(format!("{code}〔{year}〕{}号", index / 8 + 1));
    if g.style.markdown && g.rng.chance(0.5) {
        paras.push("---".into());
    }
    let session_no = CN_NUM[((year - 2023).min(2)) as usize];
    let number = format!("{:04}", g.rng.int(1, 1400));
    let numbered = if g.rng.chance(0.5) {
        format!("第 {number} 号")
    } else {
        format!("第{number}号")
    };
    let title_line = if proposal {
        format!("对市政协十四届{session_no}次会议 {numbered}提案的答复")
    } else {
        format!("对市十六届人大{session_no}次会议 {numbered}代表建议的答复")
    };
    paras.push(g.heading("##", &title_line));
}

/// 王伟、李芳等委员： — one to four proposers, one deputy.
fn addressees(g: &mut Gen, proposal: bool, paras: &mut Vec<String>) -> &'static str {
    let people = if proposal { g.rng.int(1, 4) } else { 1 } as usize;
    let mut names: Vec<String> = (0..people).map(|_| g.name()).collect();
    names.dedup();
    let more = proposal && names.len() > 1 && g.rng.chance(0.6);
    let role = if proposal { "委员" } else { "代表" };
    paras.push(format!(
        "{}{}{role}：",
        names.join("、"),
        if more { "等" } else { "" }
    ));
    if names.len() > 1 {
        "你们"
    } else {
        g.pick(&["您", "你"])
    }
}

/// The 收悉 paragraph with the proposal's title, and the thanks after it.
pub(super) fn opening(g: &mut Gen, proposal: bool, you: &str, paras: &mut Vec<String>) {
    let field = g.pick(FIELDS);
    let topic = g.pick(TOPICS);
    let title = match g.rng.int(0, 4) {
        0 => format!("关于{}{topic}的建议", g.pick(VERBS)),
        1 => format!("关于{field}产业创新发展的建议"),
        2 => format!(
            "关于进一步{}{topic}、{}{field}发展",
            g.pick(VERBS),
            g.pick(VERBS)
        ),
        3 => format!("关于{}{field}领域{topic}", g.pick(VERBS)),
        _ => format!("关于以{topic}助力上海{field}高质量发展的建议"),
    };
    let doc = if proposal {
        "提案"
    } else {
        g.pick(&["代表建议", "建议"])
    };
    paras.push(format!(
        "{you}提出的“{title}”的{doc}收悉，{}现将办理情况答复如下：",
        g.pick(&[
            "经研究，",
            "我委会同相关部门进行了认真研究，",
            "经认真研究，",
            ""
        ])
    ));
    let topic2 = g.pick(TOPICS);
    paras.push(format!(
        "首先非常感谢{you}对本市科技创新工作，特别是对{topic2}工作的关心和支持！{}分析了本市在{topic}方面存在的不足，提出的意见建议对于进一步{}{topic2}具有较强的参考价值。",
        if proposal { "提案" } else { "建议" },
        g.pick(VERBS)
    ));
}
