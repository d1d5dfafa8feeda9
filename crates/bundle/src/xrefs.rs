//! Cross-references: the same figure or the same programme named in more
//! than one reply (超74亿元 in two replies, 高质量孵化器 in two others), so
//! the reader can link each reply to the others that speak of it.
//!
//! Found without a dictionary:
//! - figures: money and percentages, and counts of 100 or more, with the same
//!   kind, unit and value;
//! - programmes: the longest run of Chinese characters ending in a word that
//!   names a programme (孵化器, 计划, 基金, 平台 …) that two replies share, and
//!   terms quoted “…” in two replies.
//!
//! Pure: found at build time over the bundled corpus (the list index
//! carries the terms), and in the browser for imported replies.

use std::collections::{BTreeSet, HashMap};

use dafu_parser::{Figure, FigureKind, Reply};
use serde::{Deserialize, Serialize};

/// Words that end a programme's name.
const PROGRAMME_ENDS: &[&str] = &[
    "孵化器",
    "计划",
    "工程",
    "专项",
    "基金",
    "平台",
    "行动",
    "基地",
    "联盟",
    "园区",
    "专区",
    "示范区",
    "实验室",
    "大赛",
    "服务站",
    "服务中心",
    "创新中心",
    "研究院",
    "交易所",
];
/// Characters a name does not start with: verbs and particles before it.
const NOT_FIRST: &str = "的和与及等在为对将把被从向以于建设推动加快支持开展实施推进打造依托通过围绕深化家个批首各类级型并也还已由是";
/// How many characters before the ending word a name may have.
const MAX_LEAD: usize = 8;
const MIN_LEAD: usize = 2;

/// What a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TermKind {
    Figure,
    Programme,
}

/// A figure or programme named in several replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub kind: TermKind,
    /// As it reads: "74亿元", "高质量孵化器".
    pub text: String,
    /// Indices of the replies (corpus order) that name it.
    pub replies: Vec<usize>,
}

/// Every term named in at least two of `replies`, figures first, then by
/// how many replies name them.
pub fn find<'a>(replies: impl IntoIterator<Item = &'a Reply>) -> Vec<Term> {
    let mut figures: HashMap<(u8, String, u64), (String, BTreeSet<usize>)> = HashMap::new();
    let mut names: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (r, reply) in replies.into_iter().enumerate() {
        for f in &reply.figures {
            if let Some(key) = figure_key(f) {
                figures
                    .entry(key)
                    .or_insert_with(|| (figure_text(f), BTreeSet::new()))
                    .1
                    .insert(r);
            }
        }
        for block in &reply.blocks {
            for name in candidates(&block.text) {
                names.entry(name).or_default().insert(r);
            }
        }
    }
    let mut terms: Vec<Term> = figures
        .into_values()
        .filter(|(_, rs)| rs.len() > 1)
        .map(|(text, rs)| Term {
            kind: TermKind::Figure,
            text,
            replies: rs.into_iter().collect(),
        })
        .collect();
    let shared: Vec<(String, BTreeSet<usize>)> =
        names.into_iter().filter(|(_, rs)| rs.len() > 1).collect();
    // Keep the longest form: drop a name inside a longer one that the same
    // replies share (质量孵化器 inside 高质量孵化器).
    for (name, rs) in &shared {
        let longer = shared.iter().any(|(other, ors)| {
            other.len() > name.len() && other.contains(name.as_str()) && ors == rs
        });
        if !longer {
            terms.push(Term {
                kind: TermKind::Programme,
                text: name.clone(),
                replies: rs.iter().copied().collect(),
            });
        }
    }
    terms.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.replies.len().cmp(&a.replies.len()))
            .then(a.text.cmp(&b.text))
    });
    terms
}

/// The terms of reply `r`, each with the other replies that name it.
pub fn of(terms: &[Term], r: usize) -> Vec<(&Term, Vec<usize>)> {
    terms
        .iter()
        .filter(|t| t.replies.contains(&r))
        .map(|t| (t, t.replies.iter().copied().filter(|&o| o != r).collect()))
        .collect()
}

fn figure_key(f: &Figure) -> Option<(u8, String, u64)> {
    let kind = match f.kind {
        FigureKind::Money => 0,
        FigureKind::Percent => 1,
        FigureKind::Count if f.value >= 100.0 => 2,
        _ => return None,
    };
    Some((kind, f.unit.clone().unwrap_or_default(), f.value.to_bits()))
}

/// A figure as it reads without its qualifier and spaces: 超 74 亿元 → 74亿元.
pub(crate) fn figure_text(f: &Figure) -> String {
    let mut text = f.text.clone();
    if let Some(q) = &f.qualifier_text {
        if let Some(rest) = text.strip_prefix(q.as_str()) {
            text = rest.to_owned();
        } else if let Some(rest) = text.strip_suffix(q.as_str()) {
            text = rest.to_owned();
        }
    }
    text.split_whitespace().collect()
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The names a text offers: for each programme word, the runs of Chinese
/// characters before it (2 to 8 of them, not starting with a verb or a
/// particle), with the word; and every short term quoted “…”.
pub fn candidates(text: &str) -> BTreeSet<String> {
    let mut out = programmes(text);
    out.extend(quoted(text));
    out
}

/// The programme names of [`candidates`]: every lead before a programme word.
pub fn programmes(text: &str) -> BTreeSet<String> {
    // A verb or particle ends the name on the left.
    let stops = |chars: &[(usize, char)], k: usize| NOT_FIRST.contains(chars[k].1);
    programme_names(text, MAX_LEAD, stops, |lead, _| lead >= MIN_LEAD)
}

/// The names before the programme words of a text: for each occurrence of
/// a word of [`PROGRAMME_ENDS`], its leads of up to `max_lead` Chinese
/// characters, read leftwards until a character that is not Chinese or
/// where `stops(chars, k)` (`chars` being the text's `char_indices`); each
/// lead that `keep(lead, word)` takes, with the word, is a name.
pub(crate) fn programme_names(
    text: &str,
    max_lead: usize,
    stops: impl Fn(&[(usize, char)], usize) -> bool,
    keep: impl Fn(usize, &str) -> bool,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for end in PROGRAMME_ENDS {
        for (at, _) in text.match_indices(end) {
            let i = chars.partition_point(|&(b, _)| b < at);
            let mut lead = 0;
            while lead < max_lead && i > lead {
                let k = i - lead - 1;
                if !is_han(chars[k].1) || stops(&chars, k) {
                    break;
                }
                lead += 1;
                if keep(lead, end) {
                    out.insert(text[chars[k].0..at + end.len()].to_owned());
                }
            }
        }
    }
    out
}

/// The terms of 2 to 12 Chinese characters a text quotes “…”.
pub fn quoted(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for quoted in text.split('“').skip(1) {
        if let Some((term, _)) = quoted.split_once('”') {
            let n = term.chars().count();
            if (2..=12).contains(&n) && term.chars().all(is_han) {
                out.insert(term.to_owned());
            }
        }
    }
    out
}
