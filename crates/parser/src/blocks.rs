//! Body lines into blocks: page breaks rejoined, headings recognised,
//! markdown marks turned into structure.
//!
//! Every non-blank line is a unit (blank lines carry no meaning: extracted
//! replies put them between paragraphs and inside page breaks alike). A unit
//! that does not end a sentence is continued by the next plain unit:
//!
//! ```text
//! 作为“先投后股”试点，宝山区已与长三
//!
//! 角国家技术创新中心联合实施…
//! ```
//!
//! becomes one paragraph `…宝山区已与长三角国家技术创新中心联合实施…`.
//! Rules (`---`) are dropped, and a page break may stand across one.
//!
//! Heading levels: a numbering marker decides (`一、` = 1, `（一）` = 2,
//! `1.` = 3, `（1）` = 4), since the `#` marks of extracted text are not
//! consistent (`### **3. …**` next to `#### **1. …**`); a markdown heading
//! without a marker keeps its number of `#`.

use crate::inline::{atx_heading, is_rule, repair};
use crate::markers;
use crate::model::{Block, BlockKind, Section, Span};
use crate::source::Line;
use crate::text::{ends_sentence, is_clause_end, Nesting};

/// Longest text (in characters) a marker line may have to be a heading.
const HEADING_MAX_CHARS: usize = 40;

/// Longest unpunctuated line (in characters) taken for a title rather than
/// the first line of a paragraph broken by a page break.
const TITLE_MAX_CHARS: usize = 16;

enum Unit<'a> {
    Rule,
    Heading { level: u8, text: &'a str },
    Plain(&'a str),
}

fn classify(text: &str) -> Unit<'_> {
    if is_rule(text) {
        return Unit::Rule;
    }
    if let Some((hashes, rest)) = atx_heading(text) {
        return Unit::Heading {
            level: hashes,
            text: rest,
        };
    }
    Unit::Plain(text)
}

/// Whether a plain text is a numbered heading such as `一、近年相关工作情况`:
/// a `一、`/`（一）`/`1.`/`（1）` marker, short, and no clause punctuation
/// outside quotes. `（一）强化重点领域体系化布局，积极推进…。一是…` is a
/// paragraph that starts with a lead sentence, not a heading.
fn numbered_heading(text: &str) -> Option<u8> {
    let marker = markers::at_start(text)?;
    if marker.family.in_running_text() || text.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    let rest = &text[marker.len..];
    let mut nesting = Nesting::default();
    let punctuated = rest.chars().any(|c| nesting.outside(c) && is_clause_end(c));
    (!punctuated && !rest.is_empty()).then(|| marker.family.level())
}

/// A short line without any punctuation standing on its own (`工作情况`):
/// a title, not the start of a paragraph broken by a page break (whose
/// first line runs the page's full width).
fn title_like(raw: &str) -> bool {
    let unmarked = markers::at_start(raw.trim_start_matches('*')).is_none();
    unmarked
        && raw.chars().filter(|&c| !crate::text::is_space(c)).count() <= TITLE_MAX_CHARS
        && !raw.chars().any(|c| {
            crate::text::is_clause_end(c)
                || matches!(
                    c,
                    '、' | '“' | '”' | '《' | '》' | '（' | '）' | '(' | ')' | '.'
                )
        })
}

/// Whether a line starts with a list marker (bold marks aside).
fn marked(raw: &str) -> bool {
    markers::at_start(raw.trim_start_matches(|c: char| c == '*' || crate::text::is_space(c)))
        .is_some()
}

/// Cheap test before repairing a line to ask [`numbered_heading`]: a
/// marker at its start (bold marks aside) and a heading's length at most.
fn maybe_heading(raw: &str) -> bool {
    let t = raw.trim_start_matches(|c: char| c == '*' || crate::text::is_space(c));
    t.len() <= HEADING_MAX_CHARS * 4 + 16 && markers::at_start(t).is_some()
}

/// The level a heading's text gives itself: its marker's level, else the
/// markdown level.
fn heading_level(text: &str, markdown: u8) -> u8 {
    let plain = text.trim_start_matches('*');
    markers::at_start(plain)
        .filter(|m| !m.family.in_running_text())
        .map_or(markdown, |m| m.family.level())
}

struct Pending {
    raw: String,
    start: usize,
    end: usize,
    /// Whether the raw text so far could continue on the next unit.
    open: bool,
}

/// Builds the blocks of the body lines. Sections are all `Body` here; the
/// caller assigns them.
pub(crate) fn build(lines: &[Line<'_>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending: Option<Pending> = None;
    for line in lines {
        match classify(line.text) {
            Unit::Rule => {}
            Unit::Heading { level, text } => {
                flush(&mut pending, &mut blocks);
                let (text, bold) = repair(text);
                let level = heading_level(&text, level);
                blocks.push(block(
                    BlockKind::Heading { level },
                    text,
                    bold,
                    line.start,
                    line.end(),
                ));
            }
            Unit::Plain(raw) => {
                let heading = maybe_heading(raw) && numbered_heading(&repair(raw).0).is_some();
                // A line that starts with a list marker starts an item: it
                // never continues the line before (`下一步，我委将` / `1. 加快…`).
                if let Some(p) = pending
                    .as_mut()
                    .filter(|p| p.open && !heading && !marked(raw))
                {
                    p.raw.push(' ');
                    p.raw.push_str(raw);
                    p.end = line.end();
                    p.open = !ends_sentence(raw);
                    continue;
                }
                flush(&mut pending, &mut blocks);
                let open = !heading && !ends_sentence(raw) && !title_like(raw);
                pending = Some(Pending {
                    raw: raw.to_string(),
                    start: line.start,
                    end: line.end(),
                    open,
                });
            }
        }
    }
    flush(&mut pending, &mut blocks);
    blocks
}

fn flush(pending: &mut Option<Pending>, blocks: &mut Vec<Block>) {
    let Some(p) = pending.take() else { return };
    let (text, bold) = repair(&p.raw);
    if text.is_empty() {
        return;
    }
    let kind = match numbered_heading(&text) {
        Some(level) => BlockKind::Heading { level },
        None => BlockKind::Paragraph,
    };
    blocks.push(block(kind, text, bold, p.start, p.end));
}

fn block(kind: BlockKind, text: String, bold: Vec<Span>, start: usize, end: usize) -> Block {
    Block {
        kind,
        section: Section::Body,
        text,
        bold,
        source: Span::new(start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::lines;

    fn kinds(src: &str) -> Vec<(BlockKind, String)> {
        build(&lines(src))
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    fn para(s: &str) -> (BlockKind, String) {
        (BlockKind::Paragraph, s.to_string())
    }

    #[test]
    fn rejoins_page_breaks() {
        assert_eq!(
            kinds("试点，宝山区已与长三\n\n角国家技术创新中心。\n\n下一段。"),
            [
                para("试点，宝山区已与长三角国家技术创新中心。"),
                para("下一段。")
            ]
        );
        assert_eq!(
            kinds("制订方案，加强重点高校示\n\n\n\n范，为高校。"),
            [para("制订方案，加强重点高校示范，为高校。")]
        );
        assert_eq!(
            kinds("**二是支持高校专**\n\n业化队伍建设。"),
            [para("二是支持高校专业化队伍建设。")]
        );
        assert_eq!(
            kinds("开展分类指引，助力科技成果转化跨越 a\n---\nb 之谷。"),
            [para("开展分类指引，助力科技成果转化跨越a b之谷。")]
        );
    }

    #[test]
    fn short_title_lines_stand_alone() {
        assert_eq!(
            kinds("工作情况\n\n近年来，我们推进了工作。"),
            [para("工作情况"), para("近年来，我们推进了工作。")]
        );
        assert_eq!(
            kinds("前文，宝山区已与长\n三角。"),
            [para("前文，宝山区已与长三角。")]
        );
    }

    #[test]
    fn headings_stop_a_join() {
        let got = kinds("没有句号\n\n二、下一步工作打算\n\n正文。");
        assert_eq!(
            got[1],
            (
                BlockKind::Heading { level: 1 },
                "二、下一步工作打算".to_string()
            )
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn heading_levels() {
        let got = kinds("## **一、主要工作**\n### **（一）关于“做好，提高”**\n### **3. 提高水平**\n#### 标题\n（二）持续强化体系建设。一是积极推动");
        let levels: Vec<_> = got.iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(
            levels,
            [
                BlockKind::Heading { level: 1 },
                BlockKind::Heading { level: 2 },
                BlockKind::Heading { level: 3 },
                BlockKind::Heading { level: 4 },
                BlockKind::Paragraph
            ]
        );
        assert_eq!(got[1].1, "（一）关于“做好，提高”");
    }

    #[test]
    fn source_spans_cover_joined_lines() {
        let src = "甲，乙\n\n丙。";
        let blocks = build(&lines(src));
        assert_eq!(blocks[0].source, Span::new(0, src.len()));
    }
}
