//! The commitments: items of the next-steps section, in every shape the
//! replies use.
//!
//! ```text
//! **一是深化科技成果转化机制改革。**深化…          one item per paragraph
//! 一是深化…改革，…；**二是提升…能力**，…；三是…     items inside one paragraph
//! （一）积极开展“非共识”选题机制探索实践。…          numbered subsections
//! 1. 加强…  2. 推进…                                numbered paragraphs
//! 下阶段，市科委将会同…深度融合。                    one summary sentence
//! ```
//!
//! Items of one list share a marker family and count up from one; other
//! markers inside an item stay in its text. A paragraph without a marker
//! continues the item before it (002: `制订高校IP管理…` belongs to 三是).

use crate::markers::{self, Marker};
use crate::model::{Block, BlockKind, Commitment, Span};
use crate::sections::{cue, NextSteps};
use crate::text::{first_clause_len, is_ideograph, trim_clause, Nesting};

mod id;

/// A piece of an item: `block`'s text from `start` to `end`.
#[derive(Debug, Clone, Copy)]
struct Segment {
    block: usize,
    start: usize,
    end: usize,
}

#[derive(Debug)]
struct Item {
    segments: Vec<Segment>,
    /// Byte length of the marker at the start of the first segment.
    marker: usize,
}

/// Markers that may start an item in `text` from byte `from` on: any marker
/// at the very start or at a later clause start.
fn markers_in(text: &str, from: usize) -> Vec<(usize, Marker)> {
    let mut found = Vec::new();
    if from == 0 {
        found.extend(markers::at_start(text).map(|m| (0, m)));
    }
    for (at, c) in text[from..].char_indices().map(|(i, c)| (i + from, c)) {
        if at > 0 && markers::may_start(c) {
            found.extend(markers::inline_at(text, at).map(|m| (at, m)));
        }
    }
    found
}

/// Walks the section's blocks and collects the marked items. `lead` is the
/// lead paragraph and the offset its items may start from (after its cue).
fn marked_items(
    blocks: &[Block],
    first: usize,
    end: usize,
    lead: Option<(usize, usize)>,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut family = None;
    for (b, block) in blocks.iter().enumerate().take(end).skip(first) {
        let text = &block.text;
        let is_lead = lead.is_some_and(|(l, _)| l == b);
        let from = lead.filter(|_| is_lead).map_or(0, |(_, at)| at);
        let mut accepted = Vec::new();
        for (at, m) in markers_in(text, from) {
            let expected = (items.len() + accepted.len()) as u32 + 1;
            if family.map_or(m.ordinal == 1, |f| f == m.family && m.ordinal == expected) {
                family = Some(m.family);
                accepted.push((at, m));
            }
        }
        let first_at = accepted.first().map_or(text.len(), |&(at, _)| at);
        if !is_lead && first_at > 0 {
            if let Some(item) = items.last_mut() {
                item.segments.push(Segment {
                    block: b,
                    start: 0,
                    end: first_at,
                });
            }
        }
        for (k, &(at, m)) in accepted.iter().enumerate() {
            let end = accepted.get(k + 1).map_or(text.len(), |&(next, _)| next);
            items.push(Item {
                segments: vec![Segment {
                    block: b,
                    start: at,
                    end,
                }],
                marker: m.len,
            });
        }
    }
    items
}

/// Trailing separators of an inline item: `…推动合规整改；` → `…推动合规整改`.
fn trim_item(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '；' | ';' | '，' | ',' | '、'))
}

/// The heading of a marked item: its bold lead when the bold run starts at
/// the marker, else its first clause.
fn marked_heading(block: &Block, seg: Segment, marker: usize) -> String {
    let body = (seg.start + marker).min(seg.end);
    if matches!(block.kind, BlockKind::Heading { .. }) {
        return trim_clause(&block.text[body..seg.end]).to_string();
    }
    // Bold runs are sorted and disjoint: only the two from `seg.start` on
    // can start at the marker or right after it.
    let from = block
        .bold
        .partition_point(|s| (s.start as usize) < seg.start);
    let bold = block.bold[from..].iter().take(2).find(|s| {
        (s.start as usize == seg.start || s.start as usize == body)
            && (body..=seg.end).contains(&(s.end as usize))
    });
    if let Some(text) = bold
        .map(|s| trim_clause(&block.text[body.max(s.start as usize)..s.end as usize]))
        .filter(|t| !t.is_empty())
    {
        return text.to_string();
    }
    let rest = &block.text[body..seg.end];
    trim_clause(&rest[..first_clause_len(rest)]).to_string()
}

/// Whether a clause only frames the promise: `市科委将会同相关部门`,
/// `充分汲取你们的意见建议`.
fn framing(clause: &str) -> bool {
    ["会同", "结合", "吸纳", "汲取", "采纳", "意见", "建议"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Drops an actor before 将: `我们将加强合作` → `加强合作`.
fn without_actor(clause: &str) -> &str {
    let Some(at) = clause.find('将') else {
        return clause;
    };
    let actor = &clause[..at];
    let short = (1..=5).contains(&actor.chars().count()) && actor.chars().all(is_ideograph);
    if short && actor.ends_with(['们', '委', '市', '局', '办', '府', '部']) {
        &clause[at + '将'.len_utf8()..]
    } else {
        clause
    }
}

/// The heading of an unmarked paragraph: its first clause that is not the
/// cue (`下阶段`) nor framing; `下阶段，市科委将会同相关部门，充分汲取你们的
/// 意见建议，深化改革创新，…` → `深化改革创新`.
fn plain_heading(text: &str) -> String {
    let mut clauses = Vec::new();
    let mut nesting = Nesting::default();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if nesting.outside(c) && crate::text::is_clause_end(c) {
            clauses.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    clauses.push(&text[start..]);
    let clauses: Vec<&str> = clauses
        .into_iter()
        .map(trim_clause)
        .filter(|c| !c.is_empty())
        .collect();
    let useful = clauses
        .iter()
        .enumerate()
        .find(|(i, c)| (*i > 0 || cue(c) != Some(0)) && !framing(c));
    let chosen = useful
        .map(|(_, c)| *c)
        .or_else(|| clauses.first().copied())
        .unwrap_or("");
    without_actor(chosen).to_string()
}

/// Whether a lead paragraph announces the list that follows:
/// `…重点做好以下工作。`, `…如下：`.
fn announces(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('：') || t.ends_with(':') || t.contains("以下") || t.contains("如下")
}

/// The commitments of the next-steps section.
pub(crate) fn extract(blocks: &[Block], steps: &NextSteps, key: &str) -> Vec<Commitment> {
    let first = steps.start + usize::from(steps.headed);
    let lead = (first < steps.end
        && blocks[first].kind == BlockKind::Paragraph
        && markers::at_start(&blocks[first].text).is_none())
    .then(|| {
        (
            first,
            steps
                .cue
                .filter(|&(b, _)| b == first)
                .map_or(0, |(_, at)| at),
        )
    });
    let items = marked_items(blocks, first, steps.end, lead);
    let mut found: Vec<(usize, Span, String, String)> = Vec::new();
    if items.is_empty() {
        let paragraphs: Vec<usize> = (first..steps.end)
            .filter(|&b| blocks[b].kind == BlockKind::Paragraph)
            .collect();
        let skip_lead =
            paragraphs.len() > 1 && lead.is_some_and(|(l, _)| announces(&blocks[l].text));
        for &b in paragraphs
            .iter()
            .filter(|&&b| !(skip_lead && lead.is_some_and(|(l, _)| l == b)))
        {
            let text = &blocks[b].text;
            found.push((
                b,
                Span::new(0, text.len()),
                plain_heading(text),
                text.clone(),
            ));
        }
    }
    for item in &items {
        let seg = item.segments[0];
        let block = &blocks[seg.block];
        let heading = marked_heading(block, seg, item.marker);
        let body = (seg.start + item.marker).min(seg.end);
        let own = trim_item(&block.text[body..seg.end]);
        let mut text = own.to_string();
        for s in &item.segments[1..] {
            text.push('\n');
            text.push_str(trim_item(&blocks[s.block].text[s.start..s.end]));
        }
        let range = if item.segments.len() == 1 {
            Span::new(seg.start, body + own.len())
        } else {
            Span::new(0, block.text.len())
        };
        found.push((seg.block, range, heading, text));
    }
    let mut ids = id::Ids::new(key);
    found
        .into_iter()
        .map(|(block, range, heading, text)| Commitment {
            id: ids.next(&heading),
            heading,
            text,
            block: block as u32,
            range,
        })
        .collect()
}

#[cfg(test)]
mod tests;
