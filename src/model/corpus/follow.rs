//! Follow-ups (回头看) of a commitment in this corpus: those the build found
//! among the bundled replies, with the imported replies matched against
//! the commitment's stored terms; for an imported reply's commitment, all
//! replies searched once their bodies are here.

use dafu_bundle::followups::{date_key, find_all, rank, Dated, FollowUp, Probe, Shared};

use std::ops::Range;

use dafu_parser::Reply;

use super::Corpus;

/// Characters an excerpt shows before the first shared term, and in all.
const BEFORE: usize = 24;
const LENGTH: usize = 90;

/// Where a later reply speaks of what it shares: the stretch of the block
/// where a shared term first occurs, with every shared term in it marked
/// (byte ranges of the excerpt, sorted, not overlapping).
pub fn excerpt(reply: &Reply, shared: &[Shared]) -> Option<(String, Vec<Range<usize>>)> {
    let (text, at) = (reply.blocks.iter())
        .filter_map(|b| {
            let at = (shared.iter())
                .filter_map(|s| b.text.find(s.text.as_str()))
                .min()?;
            Some((b.text.as_str(), at))
        })
        .next()?;
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(LENGTH)
        .map_or(text.len(), |(i, _)| start + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let offset = out.len();
    out.push_str(&text[start..end]);
    let mut marks: Vec<Range<usize>> = Vec::new();
    for s in shared {
        for (i, _) in text[start..end].match_indices(s.text.as_str()) {
            marks.push(offset + i..offset + i + s.text.len());
        }
    }
    marks.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::new();
    for m in marks {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    if end < text.len() {
        out.push('…');
    }
    Some((out, kept))
}

/// A later reply that follows a commitment up.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the reply in the corpus.
    pub entry: usize,
    pub score: u32,
    /// What it shares with the commitment, programmes first.
    pub shared: Vec<Shared>,
}

/// The follow-ups of one commitment, or why they are not known yet.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUps {
    Ready(Vec<Found>),
    /// The commitment's reply has not arrived.
    NoBody,
    /// An imported reply's commitment: every body is needed first.
    NeedsAll,
}

impl Corpus {
    /// The follow-ups of commitment `k` of reply `r`, best first.
    pub fn follow_ups(&self, r: usize, k: usize) -> FollowUps {
        let Some(entry) = self.entries.get(r) else {
            return FollowUps::Ready(Vec::new());
        };
        let Some(body) = entry.body() else {
            return FollowUps::NoBody;
        };
        let Some(c) = body.reply.commitments.get(k) else {
            return FollowUps::Ready(Vec::new());
        };
        let date = |i: u32| date_key(&self.entries[i as usize].meta);
        let mut found: Vec<FollowUp> = if entry.imported {
            if self.entries.iter().any(|e| e.body().is_none()) {
                return FollowUps::NeedsAll;
            }
            let all = self.import_leads.get_or_init(|| {
                let dated: Vec<Dated> = (self.entries.iter())
                    .filter_map(|e| e.body())
                    .map(|b| Dated::of(&b.reply))
                    .collect();
                find_all(&dated)
            });
            all[r][k].found.clone()
        } else {
            let Some(leads) = body.leads.get(k) else {
                return FollowUps::Ready(Vec::new());
            };
            let own = date_key(&entry.meta);
            let mut found = leads.found.clone();
            // Imported replies come after the bundled ones; later ones count.
            let imported = (self.entries.iter().enumerate().rev())
                .take_while(|(_, e)| e.imported)
                .filter(|(_, e)| own > 0 && date_key(&e.meta) > own);
            for (i, other) in imported {
                let Some(b) = other.body() else {
                    continue;
                };
                let probe = other.probe.get_or_init(|| Probe::of(&b.reply));
                found.extend(leads.signature.follow(&c.text, i as u32, probe, &b.reply));
            }
            found
        };
        rank(&mut found, date);
        FollowUps::Ready(
            found
                .into_iter()
                .map(|f| Found {
                    entry: f.reply as usize,
                    score: f.score,
                    shared: f.shared,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::imports::Imported;

    fn bundled() -> Corpus {
        Corpus::new(crate::model::bundled::load().expect("the bundled corpus decodes"))
    }

    fn at(c: &Corpus, id: &str) -> (usize, usize) {
        (c.entries.iter().enumerate())
            .find_map(|(r, e)| e.commitments.iter().position(|x| x == id).map(|k| (r, k)))
            .expect(id)
    }

    fn numbers(c: &Corpus, f: &FollowUps) -> Vec<String> {
        match f {
            FollowUps::Ready(found) => found.iter().map(|f| c.entries[f.entry].number()).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_excerpt_marks_the_shared_terms_where_they_first_occur() {
        let c = bundled();
        let (r, k) = at(&c, "c-d0968d50c738");
        let FollowUps::Ready(found) = c.follow_ups(r, k) else { panic!() };
        let later = &c.entries[found[0].entry].body().unwrap().reply;
        let (text, marks) = excerpt(later, &found[0].shared).expect("an excerpt");
        assert!(!marks.is_empty());
        for m in &marks {
            assert_eq!(&text[m.clone()], "上海技术交易所");
        }
        assert!(text.chars().count() <= LENGTH + 2, "{text}");
        let none = [Shared { why: dafu_bundle::followups::Why::Programme, text: "不在其中的词".into() }];
        assert_eq!(excerpt(later, &none), None);
    }

    #[test]
    fn bundled_follow_ups_come_from_the_build() {
        let c = bundled();
        let (r, k) = at(&c, "c-d0968d50c738");
        assert_eq!(
            numbers(&c, &c.follow_ups(r, k)),
            ["沪科提复〔2025〕58号", "沪科建复〔2025〕40号"]
        );
    }

    #[test]
    fn an_imported_later_reply_follows_a_bundled_commitment_up() {
        let c = bundled();
        let text = "上海市科学技术委员会\n\n沪科提复〔2026〕3号\n\n对市政协十四届四次会议第0001号提案的答复\n\n张三委员：\n\n你提出的“关于技术市场的建议”的提案收悉。上海技术交易所2025年完成交易额超百亿元。\n\n上海市科学技术委员会\n\n2026年3月1日\n";
        let reply = dafu_parser::parse(text.as_bytes());
        let imported = vec![Imported {
            file: "later.txt".into(),
            text: text.into(),
            encoding: Default::default(),
            added: "2026-03-02".into(),
            reply,
        }];
        let with = c.with_imports(&imported);
        let (r, k) = at(&with, "c-d0968d50c738");
        let found = numbers(&with, &with.follow_ups(r, k));
        assert!(found.contains(&"沪科提复〔2026〕3号".to_owned()), "{found:?}");
        assert_eq!(found.len(), 3);
        // Its own commitments (none) aside, the import is searched too:
        // an earlier bundled reply never follows it.
        let last = with.entries.len() - 1;
        assert!(with.entries[last].imported);
    }
}
