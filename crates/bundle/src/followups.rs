//! Follow-ups (回头看): for each commitment, the later replies that speak of
//! the same programme or measure, ranked, each with the terms it shares.
//!
//! A later reply follows a commitment up when it names
//! - the same programme (a name ending in 计划, 基金, 平台 … of five or more
//!   characters, read as [`crate::xrefs::programme_names`] reads them, up to
//!   a particle or a verb) or a term the commitment quotes “…”;
//! - the same amount of money (超5亿元 and 5亿元 alike), unless many
//!   replies name it;
//! - or at least [`MIN_WORDS`] of the commitment's rare character pairs
//!   (pairs that few replies of the corpus use), shown as the runs of the
//!   commitment's text they make up.
//!
//! Each shared term weighs by how few replies use it (its inverse document
//! frequency); the score is their sum. Later means a later signature date
//! (or document year, when the date is not known).
//!
//! Pure and deterministic: run at build time over the bundled corpus (each
//! chunk carries the follow-ups of its replies' commitments), and in the
//! browser over bundled and imported replies together.

use std::collections::{BTreeSet, HashMap, HashSet};

use dafu_parser::{Commitment, Meta, Reply};
use serde::{Deserialize, Serialize};

mod terms;

use terms::{item_amounts, names, pair_of, pairs, reply_amounts, runs};

/// Follow-ups kept per commitment, best first.
pub const MAX_FOLLOW_UPS: usize = 10;
/// Shared rare pairs, in runs of three characters or more, that make an
/// overlap strong on their own.
pub const MIN_WORDS: usize = 4;
/// Rare pairs of a commitment that are looked for, the rarest first.
const MAX_PAIRS: usize = 32;
/// Runs of words shown per follow-up.
const MAX_RUNS: usize = 6;

/// Why a reply was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Why {
    /// The same programme or quoted term.
    Programme,
    /// The same amount of money.
    Amount,
    /// Rare character pairs the commitment's text shares.
    Words,
}

impl Why {
    /// Stable name, for exports and `data-*` hooks.
    pub fn key(self) -> &'static str {
        match self {
            Why::Programme => "programme",
            Why::Amount => "amount",
            Why::Words => "words",
        }
    }
}

/// One thing a commitment and a later reply share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub why: Why,
    /// As it reads in the commitment: 未来产业基金, 5亿元, 全部所有权赋权.
    pub text: String,
}

/// A later reply that speaks of a commitment's programme or measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Index of the reply in the corpus it was found in.
    pub reply: u32,
    /// Sum of the weights of the shared terms, ×10.
    pub score: u32,
    /// Programmes first, then amounts, then runs of words.
    pub shared: Vec<Shared>,
}

/// What a commitment is followed up by: its terms with their weights.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Signature {
    pub terms: Vec<Term>,
}

/// One term of a [`Signature`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub why: Why,
    /// A name, an amount as it reads, or a pair of characters.
    pub text: String,
    /// An amount's value (the bits of its `f64` in 元); 0 otherwise.
    pub amount: u64,
    /// ×10: the inverse document frequency times the weight of its kind.
    pub weight: u32,
    /// Whether it makes a follow-up on its own: an amount only when few
    /// replies name it (an amount many replies name only adds to a
    /// programme or words both share).
    pub alone: bool,
}

/// The follow-ups of one commitment, and what they were found by (so that
/// replies added later can be matched against it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leads {
    /// The commitment's id.
    pub commitment: String,
    pub signature: Signature,
    pub found: Vec<FollowUp>,
}

/// A reply with its date as a number (`20250724`; month and day 0 when
/// only the year is known; 0 when nothing is).
#[derive(Debug, Clone, Copy)]
pub struct Dated<'a> {
    pub reply: &'a Reply,
    pub date: u32,
}

impl<'a> Dated<'a> {
    pub fn of(reply: &'a Reply) -> Dated<'a> {
        Dated {
            reply,
            date: date_key(&reply.meta),
        }
    }
}

/// The date of a reply as [`Dated`] compares it.
pub fn date_key(m: &Meta) -> u32 {
    match (m.date, m.doc_year) {
        (Some(d), _) => u32::from(d.year) * 10_000 + u32::from(d.month) * 100 + u32::from(d.day),
        (None, Some(y)) => u32::from(y) * 10_000,
        (None, None) => 0,
    }
}

/// What one reply offers to the commitments of earlier ones (its text
/// aside, which [`Signature::follow`] takes with it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Probe {
    names: HashSet<String>,
    amounts: HashSet<u64>,
    pairs: HashSet<[char; 2]>,
}

impl Probe {
    pub fn of(reply: &Reply) -> Probe {
        let mut probe = Probe {
            amounts: reply_amounts(reply).map(|(key, _)| key).collect(),
            ..Probe::default()
        };
        for block in &reply.blocks {
            probe.names.extend(names(&block.text));
            probe.pairs.extend(pairs(&block.text));
        }
        probe
    }

    fn has(&self, t: &Term) -> bool {
        match t.why {
            Why::Programme => self.names.contains(&t.text),
            Why::Amount => self.amounts.contains(&t.amount),
            Why::Words => self.pairs.contains(&pair_of(&t.text)),
        }
    }
}

impl Signature {
    /// Whether `later` (whose [`Probe`] is `probe`) follows this
    /// commitment (whose text is `text`) up, and with what: the follow-up
    /// numbered `index`.
    pub fn follow(&self, text: &str, index: u32, probe: &Probe, later: &Reply) -> Option<FollowUp> {
        let shared: Vec<&Term> = self.terms.iter().filter(|t| probe.has(t)).collect();
        judge(text, index, &shared, later)
    }
}

/// The follow-ups of every commitment of every reply: one [`Leads`] per
/// commitment, per reply, in the order given. Only later replies count.
pub fn find_all(replies: &[Dated]) -> Vec<Vec<Leads>> {
    let n = replies.len();
    // How many replies use each character pair.
    let mut pair_df: HashMap<[char; 2], u32> = HashMap::new();
    let mut seen = HashSet::new();
    for r in replies {
        seen.clear();
        for b in &r.reply.blocks {
            seen.extend(pairs(&b.text));
        }
        for p in &seen {
            *pair_df.entry(*p).or_default() += 1;
        }
    }
    let rare = rare_limit(n);
    // The terms of each commitment, before their weights.
    let drafts: Vec<Vec<Draft>> = replies
        .iter()
        .map(|r| {
            (r.reply.commitments.iter())
                .map(|c| draft(r.reply, c, &pair_df, rare))
                .collect()
        })
        .collect();
    // Postings of the terms some commitment has.
    let mut wanted_names: HashSet<&str> = HashSet::new();
    let mut wanted_amounts: HashSet<u64> = HashSet::new();
    let mut wanted_pairs: HashSet<[char; 2]> = HashSet::new();
    for d in drafts.iter().flatten() {
        wanted_names.extend(d.names.iter().map(String::as_str));
        wanted_amounts.extend(d.amounts.iter().map(|(k, _)| *k));
        wanted_pairs.extend(d.pairs.iter().copied());
    }
    let mut name_posts: HashMap<String, Vec<u32>> = HashMap::new();
    let mut amount_posts: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut pair_posts: HashMap<[char; 2], Vec<u32>> = HashMap::new();
    for (i, r) in replies.iter().enumerate() {
        let i = i as u32;
        let mut names_here = BTreeSet::new();
        let mut pairs_here = HashSet::new();
        for b in &r.reply.blocks {
            names_here.extend(names(&b.text).filter(|x| wanted_names.contains(x.as_str())));
            pairs_here.extend(pairs(&b.text).filter(|p| wanted_pairs.contains(p)));
        }
        for name in names_here {
            name_posts.entry(name).or_default().push(i);
        }
        for p in pairs_here {
            pair_posts.entry(p).or_default().push(i);
        }
        let amounts: BTreeSet<u64> = reply_amounts(r.reply).map(|(k, _)| k).collect();
        for a in amounts.into_iter().filter(|a| wanted_amounts.contains(a)) {
            amount_posts.entry(a).or_default().push(i);
        }
    }
    let common = common_limit(n);
    replies
        .iter()
        .zip(drafts)
        .enumerate()
        .map(|(r, (dated, drafts))| {
            dated
                .reply
                .commitments
                .iter()
                .zip(drafts)
                .map(|(c, d)| {
                    let mut terms: Vec<(Term, &[u32])> = Vec::new();
                    for name in d.names {
                        let posts = name_posts.get(&name).map_or(&[][..], Vec::as_slice);
                        if posts.len() <= common {
                            terms.push((term(Why::Programme, name, 0, posts.len(), n), posts));
                        }
                    }
                    for (key, text) in d.amounts {
                        let posts = amount_posts.get(&key).map_or(&[][..], Vec::as_slice);
                        if posts.len() <= common {
                            terms.push((term(Why::Amount, text, key, posts.len(), n), posts));
                        }
                    }
                    for p in d.pairs {
                        let posts = pair_posts.get(&p).map_or(&[][..], Vec::as_slice);
                        let text = p.iter().collect();
                        terms.push((term(Why::Words, text, 0, posts.len(), n), posts));
                    }
                    leads(c, r as u32, replies, terms)
                })
                .collect()
        })
        .collect()
}

/// A commitment's terms before they are weighed.
struct Draft {
    names: BTreeSet<String>,
    amounts: Vec<(u64, String)>,
    pairs: Vec<[char; 2]>,
}

fn draft(
    reply: &Reply,
    c: &Commitment,
    pair_df: &HashMap<[char; 2], u32>,
    rare: usize,
) -> Draft {
    let mut rare_pairs: Vec<(u32, [char; 2])> = pairs(&c.text)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter_map(|p| {
            let df = pair_df.get(&p).copied().unwrap_or(0);
            (df >= 2 && df as usize <= rare).then_some((df, p))
        })
        .collect();
    rare_pairs.sort();
    rare_pairs.truncate(MAX_PAIRS);
    let mut seen = HashSet::new();
    Draft {
        names: names(&c.text).collect(),
        amounts: item_amounts(reply, c)
            .filter(|(key, _)| seen.insert(*key))
            .collect(),
        pairs: rare_pairs.into_iter().map(|(_, p)| p).collect(),
    }
}

/// Weighs a term used by `df` of `n` replies.
fn term(why: Why, text: String, amount: u64, df: usize, n: usize) -> Term {
    let alone = why != Why::Amount || df <= rare_limit(n);
    let idf = ((n as f64 + 1.0) / df.max(1) as f64).ln() + 1.0;
    let kind = match why {
        Why::Programme => 6.0,
        Why::Amount => 4.0,
        Why::Words => 1.0,
    };
    Term {
        why,
        text,
        amount,
        weight: (kind * idf * 10.0).round() as u32,
        alone,
    }
}

/// The follow-ups of commitment `c` of reply `r`, from its terms and the
/// replies that use each.
fn leads(c: &Commitment, r: u32, replies: &[Dated], terms: Vec<(Term, &[u32])>) -> Leads {
    let own = replies[r as usize].date;
    let mut by_reply: HashMap<u32, Vec<usize>> = HashMap::new();
    if own > 0 {
        for (t, (_, posts)) in terms.iter().enumerate() {
            for &i in posts.iter().filter(|&&i| replies[i as usize].date > own) {
                by_reply.entry(i).or_default().push(t);
            }
        }
    }
    let signature = Signature {
        terms: terms.into_iter().map(|(t, _)| t).collect(),
    };
    let mut found: Vec<FollowUp> = by_reply
        .into_iter()
        .filter_map(|(i, ts)| {
            let shared: Vec<&Term> = ts.iter().map(|&t| &signature.terms[t]).collect();
            judge(&c.text, i, &shared, replies[i as usize].reply)
        })
        .collect();
    rank(&mut found, |i| replies[i as usize].date);
    Leads {
        commitment: c.id.clone(),
        signature,
        found,
    }
}

/// Best first: by score, then the earlier reply, then corpus order; at
/// most [`MAX_FOLLOW_UPS`].
pub fn rank(found: &mut Vec<FollowUp>, date: impl Fn(u32) -> u32) {
    found.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(date(a.reply).cmp(&date(b.reply)))
            .then(a.reply.cmp(&b.reply))
    });
    found.truncate(MAX_FOLLOW_UPS);
}

/// Whether the terms `later` shares with a commitment (whose text is
/// `text`) make it a follow-up; if so, the follow-up numbered `reply`.
fn judge(text: &str, reply: u32, shared: &[&Term], later: &Reply) -> Option<FollowUp> {
    let of = |why: Why| shared.iter().filter(move |t| t.why == why);
    // A name inside a longer shared one says nothing more (产业基金 in
    // 未来产业基金).
    let names: Vec<&Term> = of(Why::Programme)
        .filter(|t| {
            !of(Why::Programme)
                .any(|o| o.text.len() > t.text.len() && o.text.contains(t.text.as_str()))
        })
        .copied()
        .collect();
    let amounts: Vec<&Term> = of(Why::Amount).copied().collect();
    let weights: HashMap<[char; 2], u32> = of(Why::Words)
        .map(|t| (pair_of(&t.text), t.weight))
        .collect();
    // Every pair of a run may be in the other reply apart: only runs it
    // has as they stand are shown and counted.
    let occurs = |run: &str| later.blocks.iter().any(|b| b.text.contains(run));
    let runs: Vec<String> = runs(text, &weights).into_iter().filter(|r| occurs(r)).collect();
    let in_runs: HashSet<[char; 2]> = runs.iter().flat_map(|r| pairs(r)).collect();
    let strong = in_runs.len() >= MIN_WORDS;
    if names.is_empty() && !strong && !amounts.iter().any(|t| t.alone) {
        return None;
    }
    let words: u32 = if strong {
        in_runs.iter().map(|p| weights[p]).sum()
    } else {
        0
    };
    let score = names.iter().chain(&amounts).map(|t| t.weight).sum::<u32>() + words;
    let mut out: Vec<Shared> = names
        .iter()
        .chain(&amounts)
        .map(|t| Shared {
            why: t.why,
            text: t.text.clone(),
        })
        .collect();
    if strong {
        out.extend(runs.into_iter().take(MAX_RUNS).map(|text| Shared {
            why: Why::Words,
            text,
        }));
    }
    Some(FollowUp {
        reply,
        score,
        shared: out,
    })
}

/// Replies a pair may be used by and still be rare.
fn rare_limit(n: usize) -> usize {
    (n / 200).max(2)
}

/// Replies a name may be named by and still point to one programme.
fn common_limit(n: usize) -> usize {
    (n / 20).max(10)
}

#[cfg(test)]
mod tests;
