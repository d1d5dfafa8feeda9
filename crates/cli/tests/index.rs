//! The search index (dafu-bundle) on synthetic replies: for thousands of
//! queries it finds exactly what scanning the texts finds, document by
//! document and score by score, as the app's search would.

use dafu_bundle::index::{build, scan, search, shards_needed, Shard};
use dafu_bundle::search_fields;

mod synthetic;
use synthetic::{replies, synth};

/// xorshift64*: queries drawn the same way on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A piece of 1–8 characters of some document's title, people or body
/// (weighted towards the body, where most text is).
fn cut(rng: &mut Rng, texts: &[[Vec<char>; 3]]) -> Vec<char> {
    loop {
        let doc = &texts[rng.below(texts.len())];
        let text = &doc[[0, 1, 2, 2, 2][rng.below(5)]];
        if text.is_empty() {
            continue;
        }
        let len = 1 + rng.below(8);
        let from = rng.below(text.len());
        return text[from..(from + len).min(text.len())].to_vec();
    }
}

/// A run of Latin letters, digits or punctuation from the texts, if the
/// piece drawn has one.
fn latin(rng: &mut Rng, texts: &[[Vec<char>; 3]]) -> Option<Vec<char>> {
    let piece = cut(rng, texts);
    let start = piece.iter().position(char::is_ascii)?;
    let run: Vec<char> = piece[start..]
        .iter()
        .take_while(|c| c.is_ascii())
        .copied()
        .collect();
    Some(run)
}

/// One query: its terms in normal form, non-empty and distinct, as the
/// app's `Query::parse` makes them.
fn query(rng: &mut Rng, texts: &[[Vec<char>; 3]]) -> Vec<Vec<char>> {
    let mut terms: Vec<Vec<char>> = match rng.below(10) {
        // One piece of the texts.
        0..=4 => vec![cut(rng, texts)],
        // Two or three pieces, often from different replies.
        5 | 6 => (0..2 + rng.below(2)).map(|_| cut(rng, texts)).collect(),
        // A piece with a character the replies never use.
        7 => {
            let mut t = cut(rng, texts);
            let at = rng.below(t.len() + 1);
            t.insert(at, ['鑫', '龘', 'ж', 'q'][rng.below(4)]);
            vec![t]
        }
        // Latin, digits and signs.
        8 => (0..1 + rng.below(2))
            .filter_map(|_| latin(rng, texts))
            .collect(),
        // A piece reversed: its characters occur, mostly not in this order.
        _ => {
            let mut t = cut(rng, texts);
            t.reverse();
            vec![t]
        }
    };
    terms.retain(|t| !t.is_empty());
    let mut distinct: Vec<Vec<char>> = Vec::new();
    for t in terms {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    distinct
}

/// Builds the index of `n` replies for `seed` in shards of about
/// `target` bytes and checks `queries` queries against scanning.
fn index_equals_scanning(n: usize, seed: u64, target: usize, queries: usize) {
    let dir = tempfile::tempdir().unwrap();
    synth(n, dir.path(), seed);
    let docs = replies(dir.path());
    assert_eq!(docs.len(), n);
    // What the app's search sees of a reply, as the app's build gives it.
    let built = build(docs.iter().map(search_fields), seed, target);
    let count = built.shards.len() as u32;
    assert!(count >= 8, "{count} shards: the test wants several");
    let shards: Vec<Shard> = built
        .shards
        .into_iter()
        .map(|b| Shard::decode(b).unwrap())
        .collect();
    assert!(shards.iter().all(|s| s.fingerprint() == seed));
    let normal: Vec<[String; 3]> = docs.iter().map(|d| scan::texts(&search_fields(d))).collect();
    let texts: Vec<[Vec<char>; 3]> = (normal.iter())
        .map(|t| t.clone().map(|t| t.chars().collect()))
        .collect();

    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let (mut found_some, mut found_none, mut multi) = (0, 0, 0);
    for _ in 0..queries {
        let terms = query(&mut rng, &texts);
        let strings: Vec<String> = terms.iter().map(|t| t.iter().collect()).collect();
        let needed = shards_needed(&strings, count);
        // Only the shards it needs: a search never reads another.
        let found = search(&strings, count, |i| {
            needed.contains(&i).then(|| &shards[i as usize])
        })
        .expect("every needed shard given");
        let expected = scan::scan(&normal, &strings);
        assert_eq!(found, expected, "seed {seed}, terms {strings:?}");
        if expected.is_empty() {
            found_none += 1;
        } else {
            found_some += 1;
        }
        multi += usize::from(terms.len() > 1);
    }
    // The queries exercise both outcomes and several terms.
    assert!(found_some > queries / 2, "{found_some} of {queries} found");
    assert!(found_none > queries / 10, "{found_none} of {queries} empty");
    assert!(
        multi > queries / 10,
        "{multi} of {queries} with several terms"
    );
}

#[test]
fn the_index_finds_what_scanning_finds_seed_3() {
    index_equals_scanning(300, 3, 64 * 1024, 1200);
}

#[test]
fn the_index_finds_what_scanning_finds_seed_8() {
    index_equals_scanning(300, 8, 16 * 1024, 1200);
}
