//! The next-steps section in each of its shapes, and the commitments in it.

use std::fmt::Write as _;

use super::generator::Gen;
use super::words::{CN_NUM, FIELDS, NOUNS, ORGS, PLATFORMS, SUBJECTS, THINGS, TOPICS, VERBS};
use super::Shape;

/// Writes the section; returns its shape and how many commitments it holds
/// (1 for a single sentence).
pub(super) fn write(g: &mut Gen, you: &str, paras: &mut Vec<String>) -> (Shape, usize) {
    let shape = match g.rng.int(0, 11) {
        0..=2 => Shape::BoldParagraphs,
        3..=4 => Shape::Inline,
        5..=6 => Shape::Subsections,
        7..=8 => Shape::Numbered,
        9..=10 => Shape::Single,
        _ => Shape::None,
    };
    let items = g.rng.int(2, 5) as usize;
    let commitments = match shape {
        Shape::BoldParagraphs => {
            if g.rng.chance(0.3) {
                let h = g.pick(&["二、下一步工作打算", "二、下一步工作考虑"]);
                paras.push(g.heading("##", h));
            }
            listed(g, you, items, paras, |i, h, t| {
                format!("**{}是{h}。**{t}", CN_NUM[i])
            })
        }
        Shape::Inline => inline(g, items, paras),
        Shape::Subsections => {
            let h = g.pick(&["二、对相关建议的答复", "二、下一步工作打算"]);
            paras.push(g.heading("##", h));
            listed(g, you, items, paras, |i, h, t| {
                format!("（{}）{h}。{t}", CN_NUM[i])
            })
        }
        Shape::Numbered => {
            let sp = g.sp();
            listed(g, you, items, paras, |i, h, t| {
                format!("{}.{sp}{h}。{t}", i + 1)
            })
        }
        Shape::Single => single(g, you, paras),
        Shape::None => 0,
    };
    (shape, commitments)
}

/// The intro paragraph, then `n` commitments, one paragraph each, written
/// by `line(i, heading, text)`; returns `n`.
fn listed(
    g: &mut Gen,
    you: &str,
    n: usize,
    paras: &mut Vec<String>,
    line: impl Fn(usize, &str, &str) -> String,
) -> usize {
    paras.push(g.next_steps_intro(you));
    for i in 0..n {
        let (h, t) = (g.commitment_heading(), g.commitment_text());
        paras.push(line(i, &h, &t));
    }
    n
}

/// 下一步，…，一是…；二是…。 — in one paragraph, or the intro in its own.
fn inline(g: &mut Gen, items: usize, paras: &mut Vec<String>) -> usize {
    let word = g.pick(&["下一步", "下阶段"]);
    let mut p = format!(
        "{word}，{}，",
        g.pick(&[
            "我委将会同相关委办",
            "市科委将会同相关部门",
            "我们将会同各区"
        ])
    );
    for (i, num) in CN_NUM[..items].iter().enumerate() {
        let (h, t) = (g.commitment_heading(), g.commitment_text());
        let t = t.trim_end_matches('。');
        let end = if i + 1 == items { "。" } else { "；" };
        if g.rng.chance(0.3) {
            let _ = write!(p, "**{num}是{h}**，{t}{end}");
        } else {
            let _ = write!(p, "{num}是{h}，{t}{end}");
        }
    }
    if g.rng.chance(0.5) {
        paras.push(p);
    } else {
        // Intro in its own paragraph, items in the next one.
        let (intro, rest) = p.split_once('，').unwrap();
        let (who, items_text) = rest.split_once('，').unwrap();
        paras.push(format!("{intro}，{who}，持续推动相关工作。"));
        paras.push(items_text.to_string());
    }
    items
}

/// One summary sentence after 下阶段.
fn single(g: &mut Gen, you: &str, paras: &mut Vec<String>) -> usize {
    let word = g.pick(&["下阶段", "下一步", "下一阶段"]);
    paras.push(format!(
        "{word}，市科委将会同相关部门，充分汲取{you}的意见建议，{}{}，{}{}，推进创新链产业链资金链人才链深度融合。",
        g.pick(VERBS),
        g.pick(TOPICS),
        g.pick(VERBS),
        g.pick(NOUNS)
    ));
    1
}

impl Gen {
    fn commitment_heading(&mut self) -> String {
        let topic = self.pick(TOPICS);
        let field = self.pick(FIELDS);
        let noun = self.pick(NOUNS);
        let platform = self.pick(PLATFORMS);
        match self.rng.int(0, 5) {
            0 => format!("{}{topic}", self.pick(VERBS)),
            1 => format!("{}{field}领域{noun}", self.pick(VERBS)),
            2 => format!("推动{platform}功能提升"),
            3 => format!("{}{topic}{noun}", self.pick(VERBS)),
            4 => format!("加强{field}人才队伍建设"),
            _ => format!("持续{}{topic}", self.pick(VERBS)),
        }
    }

    fn commitment_text(&mut self) -> String {
        // The first commitment continues the reply's programme, if any.
        let mut t = (self.programmes.commits.take())
            .map(super::programmes::commitment)
            .unwrap_or_default();
        let n = self.rng.int(1, 3);
        for _ in 0..n {
            let topic = self.pick(TOPICS);
            let subject = self.pick(SUBJECTS);
            let org = self.pick(ORGS);
            let noun = self.pick(NOUNS);
            let field = self.pick(FIELDS);
            let s = match self.rng.int(0, 5) {
                0 => format!(
                    "会同{org}进一步{}{topic}，完善{noun}，支持{subject}积极参与。",
                    self.pick(VERBS)
                ),
                1 => format!(
                    "聚焦{field}等重点领域，{}{noun}，推动更多成果落地转化。",
                    self.pick(VERBS)
                ),
                2 => {
                    let y = self.year + 2;
                    let yt = self.year_text(y);
                    let a = self.count("家");
                    format!("力争到{yt}新增{field}领域{}{a}。", self.pick(THINGS))
                }
                3 => format!(
                    "研究出台{topic}配套政策，引导{subject}加大投入，形成可复制可推广的经验。"
                ),
                4 => format!("深化与{org}的协同联动，健全{noun}，提升服务的精准性和有效性。"),
                _ => format!("鼓励{subject}围绕{field}开展探索，加快构建{noun}。"),
            };
            t.push_str(&s);
        }
        t
    }

    fn next_steps_intro(&mut self, you: &str) -> String {
        let word = self.pick(&["下一步", "下阶段", "下一阶段"]);
        let who = self.pick(&[
            "市科委将会同相关委办局",
            "我委将会同相关部门",
            "我们将会同市有关部门",
            "市科委将会同各区",
        ]);
        format!(
            "{word}，{who}，充分吸纳{}的意见建议，{}{}，重点做好以下工作。",
            if self.rng.chance(0.5) {
                you
            } else {
                self.pick(&["提案中", "建议中"])
            },
            self.pick(VERBS),
            self.pick(TOPICS)
        )
    }
}
