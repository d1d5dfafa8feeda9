//! Which part of the reply each block belongs to: the opening, the body, the
//! next-steps section and the closing.

use crate::meta::is_opening;
use crate::model::{Block, BlockKind, Section};

/// Words that make a heading the next-steps heading: `二、下一步工作打算`,
/// `二、对相关建议的答复`.
const NEXT_STEPS_HEADINGS: [&str; 10] = [
    "下一步",
    "下一阶段",
    "下阶段",
    "下步",
    "今后",
    "工作打算",
    "工作计划",
    "工作安排",
    "建议的答复",
    "意见的答复",
];

/// Words that open the next-steps lead sentence at a clause start:
/// `下一步，我委将…`, `…优化等。下一阶段，市科委将…`.
const CUES: [&str; 4] = ["下一步", "下一阶段", "下阶段", "下步"];

/// The next-steps section: blocks `start..end`, and where its lead
/// sentence's cue stands (block, byte offset), if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NextSteps {
    pub start: usize,
    pub end: usize,
    pub cue: Option<(usize, usize)>,
    /// Whether `start` is the section's own heading.
    pub headed: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// The acknowledgement paragraph (`…收悉`).
    pub opening: Option<usize>,
    pub next_steps: Option<NextSteps>,
}

/// Byte offset of a next-steps cue standing at a clause start in `text`.
///
/// `结合提案中的建议内容，下一步，我们将…` → the offset of `下一步`;
/// `在下一步工作中` → none.
pub(crate) fn cue(text: &str) -> Option<usize> {
    CUES.iter()
        .flat_map(|c| text.match_indices(c).map(|(at, _)| at))
        .filter(|&at| {
            matches!(
                text[..at].chars().next_back(),
                None | Some('，' | '。' | '；' | '：' | '！' | ',' | ';' | '“')
            )
        })
        .min()
}

/// A thanks or closing line: `感谢您对…`, `再次感谢…`, `此复。`, `特此函复。`
fn is_thanks(text: &str) -> bool {
    let t = text.trim_start_matches("最后，");
    let t = ["再次", "衷心", "非常", "特别"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    t.starts_with("感谢")
        || t.starts_with("谢谢")
        || ["此复", "特此", "专此"].iter().any(|w| text.starts_with(w))
}

fn is_paragraph(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph
}

fn level(b: &Block) -> Option<u8> {
    match b.kind {
        BlockKind::Heading { level } => Some(level),
        BlockKind::Paragraph => None,
    }
}

/// End of the opening: the acknowledgement paragraph and the paragraphs
/// right after it that still address the proposer (你/您) or carry the
/// `答复如下` the acknowledgement lacked, unless they open the next steps.
fn opening_end(blocks: &[Block], ack: usize) -> usize {
    let mut answered = blocks[ack].text.contains("答复如下");
    let mut end = ack + 1;
    while let Some(b) = blocks.get(end).filter(|b| is_paragraph(b)) {
        let answers = !answered && b.text.contains("答复如下");
        if !(answers || b.text.contains(['你', '您'])) || cue(&b.text).is_some() {
            break;
        }
        answered |= answers;
        end += 1;
    }
    end
}

/// Finds the next-steps section between `from` and `to`: the next-steps
/// heading, else the first paragraph with a cue after the last outermost
/// heading (else anywhere).
fn next_steps(blocks: &[Block], from: usize, to: usize) -> Option<NextSteps> {
    let region = from..to;
    let cue_in = |range: std::ops::Range<usize>| {
        range
            .filter(|&i| is_paragraph(&blocks[i]))
            .find_map(|i| cue(&blocks[i].text).map(|at| (i, at)))
    };
    let heading = region.clone().find(|&i| {
        level(&blocks[i]).is_some()
            && NEXT_STEPS_HEADINGS
                .iter()
                .any(|w| blocks[i].text.contains(w))
    });
    if let Some(h) = heading {
        let own = level(&blocks[h]).unwrap_or(1);
        let end = (h + 1..to)
            .find(|&i| level(&blocks[i]).is_some_and(|l| l <= own))
            .unwrap_or(to);
        let lead = (h + 1 < end && is_paragraph(&blocks[h + 1])).then_some(h + 1);
        let cue = lead.and_then(|i| cue(&blocks[i].text).map(|at| (i, at)));
        return Some(NextSteps {
            start: h,
            end,
            cue,
            headed: true,
        });
    }
    let top = region.clone().filter_map(|i| level(&blocks[i])).min();
    let after = top
        .and_then(|t| region.clone().rev().find(|&i| level(&blocks[i]) == Some(t)))
        .map_or(from, |i| i + 1);
    let (start, at) = cue_in(after..to).or_else(|| cue_in(region))?;
    Some(NextSteps {
        start,
        end: to,
        cue: Some((start, at)),
        headed: false,
    })
}

/// Assigns every block its section and returns where the parts are.
pub(crate) fn assign(blocks: &mut [Block]) -> Layout {
    let n = blocks.len();
    let opening = blocks
        .iter()
        .position(|b| is_paragraph(b) && is_opening(&b.text));
    let body_from = opening.map_or(0, |ack| opening_end(blocks, ack));
    let closing = (body_from..n)
        .rev()
        .find(|&i| is_paragraph(&blocks[i]) && is_thanks(&blocks[i].text));
    let body_to = closing.unwrap_or(n);
    let steps = next_steps(blocks, body_from, body_to);
    for (i, block) in blocks.iter_mut().enumerate() {
        block.section = if i < body_from {
            Section::Opening
        } else if i >= body_to {
            Section::Closing
        } else if steps.is_some_and(|s| (s.start..s.end).contains(&i)) {
            Section::NextSteps
        } else {
            Section::Body
        };
    }
    Layout {
        opening,
        next_steps: steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::build;
    use crate::source::lines;

    fn sections(src: &str) -> Vec<Section> {
        let mut blocks = build(&lines(src));
        assign(&mut blocks);
        blocks.iter().map(|b| b.section).collect()
    }

    use Section::{Body as B, Closing as C, NextSteps as N, Opening as O};

    #[test]
    fn lead_sentence_form() {
        let src = "你们提出的“关于X”的提案收悉，现将办理情况答复如下：\n首先感谢你们的支持。\n近年来，做了工作。\n\
                   对标新要求。下一阶段，市科委将重点做好以下工作。\n一是深化改革。\n再次感谢你们！";
        assert_eq!(sections(src), [O, O, B, N, N, C]);
    }

    #[test]
    fn heading_form_ends_at_a_sibling_heading() {
        let src = "您提出的建议收悉。\n一、近年工作\n正文。\n二、下一步工作打算\n下一步，我们将推进。\n三、其他\n说明。\n感谢您的支持！";
        assert_eq!(sections(src), [O, B, B, N, N, B, B, C]);
    }

    #[test]
    fn cue_after_the_last_top_heading_wins() {
        let src =
            "收悉。\n一、工作\n下一步，试点已开展。\n二、打算\n结合建议，下一步，我们将推进。";
        // 二、打算 has no next-steps word: the cue after it is taken.
        assert_eq!(sections(src), [O, B, B, B, N]);
    }

    #[test]
    fn cues() {
        assert_eq!(cue("结合建议，下一步，我们将"), Some("结合建议，".len()));
        assert_eq!(cue("在下一步工作中"), None);
        assert_eq!(cue("下阶段，市科委将"), Some(0));
        assert!(is_thanks("再次感谢你们对上海科技创新工作的关心和支持！"));
        assert!(!is_thanks("首先非常感谢你们"));
    }
}
