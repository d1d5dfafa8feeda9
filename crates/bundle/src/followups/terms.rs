//! The terms of a text that follow-ups compare: programme names, pairs of
//! characters and runs of them, amounts of money.

use std::collections::HashMap;

use std::ops::Range;

use dafu_parser::{Commitment, Figure, FigureKind, Reply};

use crate::xrefs::{figure_text, is_han, programme_names, quoted};

/// Characters a programme name needs (quoted terms excepted): shorter ones
/// (科技平台) name a kind of thing, not one programme.
const MIN_NAME_CHARS: usize = 5;
/// Characters a name never holds: particles and measure words.
const PARTICLES: &str = "的和与及等在为对将把被从向以于并也还已由是、家个批首各类级型";
/// Verbs that end a name on the left (进一步提升|高质量孵化器,
/// 加快落实|高质量概念验证平台). Not those that names hold (培育, 建设).
const VERBS: &[&str] = &[
    "一步", "提升", "完善", "出台", "新增", "推动", "加强", "支持", "打造", "聚焦", "构建",
    "健全", "优化", "深化", "强化", "发挥", "用好", "落实", "加大", "鼓励", "引导", "布局",
    "组建", "设立", "启动", "争取", "做强", "做实", "建强", "对接", "联动", "会同", "提高",
    "扩大", "加速", "加快", "推进", "实施", "开展", "依托", "围绕", "通过", "探索", "建立",
];
/// Characters a name may have before its programme word.
const MAX_NAME_LEAD: usize = 12;

/// The runs of `text` of three characters or more whose every pair is a
/// shared rare one, longest first, each once: a lone pair (大力) is common
/// in other words, a run (全部所有权赋权) is a phrase both texts use.
pub(super) fn runs(text: &str, shared: &HashMap<[char; 2], u32>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if !shared.contains_key(&[chars[i], chars[i + 1]]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j + 1 < chars.len() && shared.contains_key(&[chars[j], chars[j + 1]]) {
            j += 1;
        }
        let run: String = chars[i..=j].iter().collect();
        if j - i >= 2 && !out.contains(&run) {
            out.push(run);
        }
        i = j;
    }
    out.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    out
}

/// The programme names and quoted terms of a text. A name is read leftwards
/// from its programme word up to a particle (的, 和 …), a verb (落实, 提升 …),
/// a character that is not Chinese or [`MAX_NAME_LEAD`] characters; each of
/// its tails of five or more characters is offered too, so that
/// 高质量概念验证平台 and 概念验证平台 share the latter.
pub(super) fn names(text: &str) -> impl Iterator<Item = String> {
    let stops = |chars: &[(usize, char)], k: usize| {
        let c = chars[k].1;
        let verb = k >= 1 && VERBS.contains(&&text[chars[k - 1].0..chars[k].0 + c.len_utf8()]);
        PARTICLES.contains(c) || verb
    };
    let keep = |lead: usize, word: &str| lead >= 2 && lead + word.chars().count() >= MIN_NAME_CHARS;
    programme_names(text, MAX_NAME_LEAD, stops, keep)
        .into_iter()
        .chain(quoted(text))
}

/// The pairs of adjacent Chinese characters of a text.
pub(super) fn pairs(text: &str) -> impl Iterator<Item = [char; 2]> + '_ {
    let mut prev = None;
    text.chars().filter_map(move |c| {
        let pair = match (prev, is_han(c)) {
            (Some(p), true) => Some([p, c]),
            _ => None,
        };
        prev = is_han(c).then_some(c);
        pair
    })
}

pub(super) fn pair_of(text: &str) -> [char; 2] {
    let mut cs = text.chars();
    [cs.next().unwrap_or(' '), cs.next().unwrap_or(' ')]
}

/// The amounts of money in 元 a reply names: (key, as it reads).
pub(super) fn reply_amounts(reply: &Reply) -> impl Iterator<Item = (u64, String)> + '_ {
    money(reply).map(|f| (f.value.to_bits(), figure_text(f)))
}

/// The amounts a commitment names, in reading order: the figures inside
/// the stretches of the reply its text was taken from.
pub(super) fn item_amounts<'a>(
    reply: &'a Reply,
    c: &Commitment,
) -> impl Iterator<Item = (u64, String)> + 'a {
    let spans = item_spans(reply, c);
    money(reply)
        .filter(move |f| {
            let (start, end) = (f.range.start as usize, f.range.end as usize);
            (spans.iter()).any(|(b, r)| *b == f.block && r.start <= start && end <= r.end)
        })
        .map(|f| (f.value.to_bits(), figure_text(f)))
}

fn money(reply: &Reply) -> impl Iterator<Item = &Figure> + '_ {
    (reply.figures.iter())
        .filter(|f| f.kind == FigureKind::Money && f.unit.as_deref() == Some("元") && f.value > 0.0)
}

/// Where a commitment's text stands in the reply: (block, byte range) per
/// line of it (an item continued over several blocks is one line each),
/// each line found in its block, the blocks taken in order. A line not
/// found (which the parser does not write) is left out.
fn item_spans(reply: &Reply, c: &Commitment) -> Vec<(u32, Range<usize>)> {
    let blocks = &reply.blocks;
    let mut out = Vec::new();
    let mut b = c.block as usize;
    let mut lines = c.text.split('\n');
    // The first line lies in the commitment's range of its block.
    if let (Some(line), Some(block)) = (lines.next(), blocks.get(b)) {
        let range = c.range.start as usize..(c.range.end as usize).min(block.text.len());
        if let Some(at) = block.text.get(range.clone()).and_then(|t| t.find(line)) {
            out.push((b as u32, range.start + at..range.start + at + line.len()));
        }
    }
    for line in lines {
        let found = (b + 1..blocks.len()).find_map(|k| blocks[k].text.find(line).map(|at| (k, at)));
        if let Some((k, at)) = found {
            out.push((k as u32, at..at + line.len()));
            b = k;
        }
    }
    out
}
