//! The search index finds exactly what scanning the texts finds, with the
//! same scores, however many shards it is split into.

use dafu_bundle::index::scan::{self, OwnedInput};
use dafu_bundle::index::{build, search, shards_needed, Shard};
use dafu_bundle::text::normalize;
use proptest::prelude::*;
use proptest::sample::Index;

/// Characters that normalise in every way: ideographs, Latin in both cases
/// and both widths, digits, spaces (dropped) and the part separator.
const ALPHABET: &[char] = &[
    '孵', '化', '器', '基', 'a', 'A', 'ａ', 'Ａ', 'b', 'B', '1', '１', ' ', '\u{3000}', '\u{1}',
];

type Doc = OwnedInput;

fn texts(d: &Doc) -> [String; 3] {
    scan::texts(&d.input())
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..max)
        .prop_map(|cs| cs.into_iter().collect())
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        text(8),
        proptest::collection::vec(text(6), 0..3),
        proptest::collection::vec(text(40), 0..4),
    )
        .prop_map(|(title, people, body)| Doc {
            title,
            people,
            body,
        })
}

/// How to make one term: from the alphabet, or cut from a document's text.
#[derive(Debug, Clone)]
enum TermSpec {
    Random(String),
    Cut {
        doc: Index,
        text: Index,
        start: Index,
        len: usize,
    },
}

fn term_spec() -> impl Strategy<Value = TermSpec> {
    prop_oneof![
        text(6).prop_map(TermSpec::Random),
        (any::<Index>(), any::<Index>(), any::<Index>(), 1usize..7).prop_map(
            |(doc, text, start, len)| TermSpec::Cut {
                doc,
                text,
                start,
                len
            }
        ),
    ]
}

/// The terms as the app's `Query::parse` makes them: normalised,
/// non-empty, distinct.
fn terms(docs: &[Doc], specs: &[TermSpec]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for spec in specs {
        let term = match spec {
            TermSpec::Random(s) => normalize(s),
            TermSpec::Cut {
                doc,
                text,
                start,
                len,
            } => {
                if docs.is_empty() {
                    continue;
                }
                let texts = texts(&docs[doc.index(docs.len())]);
                let chars: Vec<char> = texts[text.index(3)].chars().collect();
                if chars.is_empty() {
                    continue;
                }
                let from = start.index(chars.len());
                chars[from..(from + len).min(chars.len())].iter().collect()
            }
        };
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

fn shards(docs: &[Doc], target: usize) -> Vec<Shard> {
    build(docs.iter().map(OwnedInput::input), 1, target)
        .shards
        .into_iter()
        .map(|b| Shard::decode(b).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn search_equals_scanning(
        docs in proptest::collection::vec(doc(), 0..8),
        queries in proptest::collection::vec(proptest::collection::vec(term_spec(), 1..4), 1..8),
        target in prop_oneof![Just(usize::MAX), Just(300usize), Just(60usize), Just(1usize)],
    ) {
        let shards = shards(&docs, target);
        let count = shards.len() as u32;
        prop_assert!(count.is_power_of_two());
        for specs in &queries {
            let terms = terms(&docs, specs);
            let needed = shards_needed(&terms, count);
            let given = |i: u32| needed.contains(&i).then(|| &shards[i as usize]);
            let found = search(&terms, count, given);
            let all: Vec<[String; 3]> = docs.iter().map(texts).collect();
            prop_assert_eq!(found, Ok(scan::scan(&all, &terms)), "terms {:?}", terms);
        }
    }

    #[test]
    fn a_missing_shard_is_named_not_guessed(
        docs in proptest::collection::vec(doc(), 1..6),
        specs in proptest::collection::vec(term_spec(), 1..4),
        skip in any::<Index>(),
    ) {
        let shards = shards(&docs, 1);
        let count = shards.len() as u32;
        let terms = terms(&docs, &specs);
        let needed = shards_needed(&terms, count);
        let skipped = needed[skip.index(needed.len())];
        let given = |i: u32| (i != skipped).then(|| &shards[i as usize]);
        prop_assert_eq!(search(&terms, count, given), Err(vec![skipped]));
    }
}
