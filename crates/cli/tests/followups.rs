//! Follow-ups (回头看) on synthetic corpora whose replies commit to and
//! report on recurring programmes (`dafu synth` records which in its
//! manifest): every later reply that reports on a commitment's programme is
//! found, every reason shown is true of both texts, and replies that share
//! no phrase of five characters with a commitment are not found.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use dafu_bundle::followups::{date_key, find_all, Dated, Leads, Why, MAX_FOLLOW_UPS};
use dafu_parser::{FigureKind, Reply};
use serde_json::Value;

mod synthetic;
use synthetic::{replies, synth};

struct Corpus {
    replies: Vec<Reply>,
    /// Each reply's programme commitment, from the manifest.
    programmes: Vec<Option<String>>,
    texts: Vec<String>,
    dates: Vec<u32>,
}

fn corpus(n: usize, seed: u64) -> (Corpus, Vec<Vec<Leads>>) {
    let dir = tempfile::tempdir().unwrap();
    synth(n, dir.path(), seed);
    let manifest: Vec<Value> = serde_json::from_str(
        &fs::read_to_string(Path::new(dir.path()).join("manifest.json")).unwrap(),
    )
    .unwrap();
    let replies = replies(dir.path());
    let c = Corpus {
        programmes: manifest
            .iter()
            .map(|m| m["programme_commitment"].as_str().map(str::to_owned))
            .collect(),
        texts: replies.iter().map(text).collect(),
        dates: replies.iter().map(|r| date_key(&r.meta)).collect(),
        replies,
    };
    let dated: Vec<Dated> = (c.replies.iter().zip(&c.dates))
        .map(|(reply, &date)| Dated { reply, date })
        .collect();
    let leads = find_all(&dated);
    (c, leads)
}

fn text(r: &Reply) -> String {
    r.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// The commitments that continue a recurring programme: (reply, the
/// programme, that commitment's leads).
fn programme_commitments<'a>(
    c: &'a Corpus,
    leads: &'a [Vec<Leads>],
) -> Vec<(usize, &'a str, &'a Leads)> {
    let mut out = Vec::new();
    for (r, p) in c.programmes.iter().enumerate() {
        let Some(p) = p.as_deref() else { continue };
        let k = c.replies[r]
            .commitments
            .iter()
            .position(|x| x.text.contains(p))
            .unwrap_or_else(|| panic!("reply {r}: no commitment names {p}"));
        out.push((r, p, &leads[r][k]));
    }
    out
}

#[test]
fn every_later_report_on_the_programme_is_found() {
    for seed in [11, 12] {
        let (c, leads) = corpus(400, seed);
        let committed = programme_commitments(&c, &leads);
        assert!(committed.len() > 40, "seed {seed}: {} programme commitments", committed.len());
        let mut checked = 0;
        for (r, p, l) in committed {
            let expected: BTreeSet<u32> = (0..c.replies.len())
                .filter(|&j| c.dates[j] > c.dates[r] && c.texts[j].contains(p))
                .map(|j| j as u32)
                .collect();
            let found: BTreeSet<u32> = l
                .found
                .iter()
                .filter(|f| f.shared.iter().any(|s| s.why == Why::Programme && s.text == p))
                .map(|f| f.reply)
                .collect();
            if expected.len() <= MAX_FOLLOW_UPS / 2 {
                assert_eq!(found, expected, "seed {seed}, reply {r}, {p}");
                checked += expected.len();
            } else {
                assert!(found.is_subset(&expected), "seed {seed}, reply {r}, {p}");
            }
        }
        assert!(checked > 100, "seed {seed}: only {checked} follow-ups checked");
    }
}

/// Every reason a follow-up gives is in both texts, and it is later.
#[test]
fn what_a_follow_up_shares_is_in_both_texts() {
    let (c, leads) = corpus(400, 13);
    let mut seen = [0usize; 3];
    for (r, reply) in leads.iter().enumerate() {
        for (k, l) in reply.iter().enumerate() {
            let own = &c.replies[r].commitments[k].text;
            for f in &l.found {
                let j = f.reply as usize;
                assert!(c.dates[j] > c.dates[r], "{r}/{k} → {j} is not later");
                assert!(!f.shared.is_empty());
                for s in &f.shared {
                    seen[s.why as usize] += 1;
                    match s.why {
                        Why::Programme | Why::Words => {
                            assert!(own.contains(&s.text), "{r}/{k}: {} not in the commitment", s.text);
                            assert!(c.texts[j].contains(&s.text), "{r}/{k} → {j}: {} not in the reply", s.text);
                        }
                        Why::Amount => {
                            let money = |rep: &Reply| -> BTreeSet<u64> {
                                rep.figures
                                    .iter()
                                    .filter(|f| f.kind == FigureKind::Money)
                                    .map(|f| f.value.to_bits())
                                    .collect()
                            };
                            let both: Vec<u64> =
                                money(&c.replies[r]).intersection(&money(&c.replies[j])).copied().collect();
                            assert!(!both.is_empty(), "{r}/{k} → {j}: no amount in common for {}", s.text);
                        }
                    }
                }
            }
        }
    }
    assert!(seen[Why::Programme as usize] > 50, "{seen:?}");
}

/// The longest run of characters `a` and `b` both hold (at most `cap`).
fn common_run(a: &str, b: &str, cap: usize) -> usize {
    let chars: Vec<char> = a.chars().collect();
    let mut best = 0;
    for len in 2..=cap.min(chars.len()) {
        let any = chars.windows(len).any(|w| b.contains(&w.iter().collect::<String>()));
        if !any {
            break;
        }
        best = len;
    }
    best
}

#[test]
fn replies_that_share_no_phrase_are_not_found() {
    let (c, leads) = corpus(400, 14);
    let mut unrelated = 0;
    for (r, _, l) in programme_commitments(&c, &leads) {
        let own = &l.commitment;
        let text = &c.replies[r].commitments.iter().find(|x| &x.id == own).unwrap().text;
        let found: BTreeSet<u32> = l.found.iter().map(|f| f.reply).collect();
        for j in (0..c.replies.len()).filter(|&j| c.dates[j] > c.dates[r]) {
            if common_run(text, &c.texts[j], 5) < 5 {
                unrelated += 1;
                assert!(!found.contains(&(j as u32)), "{r} → {j}: found, yet they share no phrase");
            }
        }
    }
    // Templates make most pairs share some phrase; some hundreds do not.
    assert!(unrelated > 200, "only {unrelated} unrelated pairs");
}
