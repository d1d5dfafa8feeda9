use super::*;
use crate::text::normalize;

/// The app's search, by scanning ([`super::scan`]).
fn brute_force(docs: &[IndexInput], terms: &[String]) -> Vec<DocHit> {
    let texts: Vec<[String; 3]> = docs.iter().map(scan::texts).collect();
    scan::scan(&texts, terms)
}

fn doc<'a>(title: &'a str, people: &[&'a str], body: &[&'a str]) -> IndexInput<'a> {
    IndexInput {
        title,
        people: people.to_vec(),
        body: body.to_vec(),
    }
}

fn decode_all(built: &BuiltIndex) -> Vec<Shard> {
    built
        .shards
        .iter()
        .map(|b| Shard::decode(b.clone()).expect("a built shard decodes"))
        .collect()
}

/// Searches an index whose shards are all loaded.
fn find(shards: &[Shard], query: &str) -> Vec<DocHit> {
    let terms: Vec<String> = query
        .split(' ')
        .map(normalize)
        .filter(|t| !t.is_empty())
        .collect();
    search(&terms, shards.len() as u32, |i| shards.get(i as usize)).expect("all shards given")
}

fn scores(shards: &[Shard], query: &str) -> Vec<(u32, u32)> {
    find(shards, query)
        .iter()
        .map(|h| (h.doc, h.score))
        .collect()
}

fn index(docs: &[IndexInput], target: usize) -> Vec<Shard> {
    decode_all(&build(docs.iter().cloned(), 7, target))
}

#[test]
fn an_empty_corpus_has_one_shard_and_finds_nothing() {
    let built = build(Vec::new(), 42, 1 << 20);
    assert_eq!(built.shards.len(), 1);
    let shards = decode_all(&built);
    assert_eq!((shards[0].id(), shards[0].shard_count()), (0, 1));
    assert_eq!((shards[0].fingerprint(), shards[0].doc_count()), (42, 0));
    assert_eq!(find(&shards, "孵化"), vec![]);
    assert_eq!(find(&shards, ""), vec![]);
}

#[test]
fn one_character_terms_use_unigrams() {
    let docs = [
        doc("孵化器", &[], &["基金"]),
        doc("", &["成键"], &["金金金", "金"]),
    ];
    let shards = index(&docs, 1 << 20);
    assert_eq!(scores(&shards, "金"), vec![(0, 1), (1, 4)]);
    assert_eq!(scores(&shards, "孵"), vec![(0, 10_000)]);
    assert_eq!(scores(&shards, "键"), vec![(1, 100)]);
    assert_eq!(scores(&shards, "x"), vec![]);
}

#[test]
fn an_empty_query_matches_every_document() {
    let docs = [doc("a", &[], &[]), doc("b", &[], &[])];
    let shards = index(&docs, 1 << 20);
    assert_eq!(scores(&shards, " "), vec![(0, 0), (1, 0)]);
    assert_eq!(shards_needed(&[], 8), vec![0]);
    assert_eq!(shards_needed(&[String::new()], 8), vec![0]);
}

#[test]
fn separators_join_parts_but_texts_stay_apart() {
    let docs = [doc("上海", &["谢吉华", "沪科提复"], &["上海", "孵化", ""])];
    let shards = index(&docs, 1 << 20);
    // Blocks and people parts are joined with '\u{1}', which terms may hold.
    assert_eq!(scores(&shards, "海孵"), vec![]);
    assert_eq!(scores(&shards, "海\u{1}孵"), vec![(0, 1)]);
    assert_eq!(scores(&shards, "化\u{1}"), vec![(0, 1)]);
    assert_eq!(scores(&shards, "\u{1}"), vec![(0, 102)]);
    assert_eq!(scores(&shards, "华\u{1}沪"), vec![(0, 100)]);
    // Never from one text into the next.
    assert_eq!(scores(&shards, "海谢"), vec![]);
    assert_eq!(scores(&shards, "复上"), vec![]);
    assert_eq!(scores(&shards, "上海"), vec![(0, 10_001)]);
}

#[test]
fn title_people_and_body_weigh_as_in_the_app() {
    let docs = [
        doc(
            "关于孵化器的提案",
            &["成键", "沪科提复〔2025〕58号"],
            &["孵化器建设", "基金"],
        ),
        doc("关于人工智能", &["谢吉华"], &["孵化", "孵化", "孵化"]),
        doc("ＡＩ 大模型", &["AI"], &["a i", "Ai"]),
    ];
    let shards = index(&docs, 1 << 20);
    assert_eq!(scores(&shards, "孵化"), vec![(0, 10_001), (1, 3)]);
    assert_eq!(scores(&shards, "孵化 人工智能"), vec![(1, 10_003)]);
    assert_eq!(scores(&shards, "58号"), vec![(0, 100)]);
    assert_eq!(scores(&shards, "ai"), vec![(2, 10_102)]);
    assert_eq!(scores(&shards, "ai 模型 孵化"), vec![]);
    assert_eq!(scores(&shards, "〔2025〕58"), vec![(0, 100)]);
}

#[test]
fn body_occurrences_count_up_to_99() {
    let long = "孵化".repeat(150);
    let docs = [
        doc("", &[], &[&long]),
        doc("孵化", &["孵化"], &[&long[..3 * 2 * 40]]),
    ];
    let shards = index(&docs, 1 << 20);
    assert_eq!(scores(&shards, "孵化"), vec![(0, 99), (1, 10_140)]);
    assert_eq!(scores(&shards, "孵"), vec![(0, 99), (1, 10_140)]);
    // Starting at 1, 5, 9, …: occurrences at 3, 7, … would overlap.
    assert_eq!(scores(&shards, "化孵化"), vec![(0, 75), (1, 20)]);
    let terms = ["化孵化".to_string()];
    assert_eq!(find(&shards, "化孵化"), brute_force(&docs, &terms));
}

#[test]
fn overlapping_occurrences_count_left_to_right() {
    let docs = [doc("", &[], &["aaaaaaa"]), doc("", &[], &["abababa", "aa"])];
    let shards = index(&docs, 1 << 20);
    assert_eq!(scores(&shards, "aaa"), vec![(0, 2)]);
    assert_eq!(scores(&shards, "aa"), vec![(0, 3), (1, 1)]);
    assert_eq!(scores(&shards, "aba"), vec![(1, 2)]);
    assert_eq!(scores(&shards, "abab"), vec![(1, 1)]);
    assert_eq!(scores(&shards, "aaaaaaa"), vec![(0, 1)]);
    assert_eq!(scores(&shards, "aaaaaaaa"), vec![]);
    assert_eq!(brute_force(&docs, &["aaa".into()]), find(&shards, "aaa"));
}

#[test]
fn many_shards_answer_as_one() {
    let docs = [
        doc(
            "关于加快孵化器建设的提案",
            &["成键", "沪科提复〔2025〕58号"],
            &["孵化器建设", "基金 AI"],
        ),
        doc(
            "关于人工智能",
            &["谢吉华"],
            &["人工智能孵化", "孵化", "孵化器"],
        ),
        doc(
            "科技金融",
            &["张三", "李四"],
            &["科技金融与基金", "上海市科学技术委员会"],
        ),
    ];
    let one = index(&docs, usize::MAX);
    let many = index(&docs, 1);
    assert_eq!(one.len(), 1);
    assert!(many.len() >= 512, "{}", many.len());
    for q in [
        "孵化",
        "孵化器 基金",
        "科技",
        "ai",
        "技术委员会",
        "金",
        "\u{1}",
        "无",
    ] {
        let terms: Vec<String> = q.split(' ').map(normalize).collect();
        assert_eq!(find(&one, q), brute_force(&docs, &terms), "{q}");
        assert_eq!(find(&many, q), brute_force(&docs, &terms), "{q}");
    }
}

#[test]
fn the_shard_count_follows_the_target_size() {
    let body = "上海市科学技术委员会关于加快孵化器建设的答复".repeat(50);
    let docs: Vec<IndexInput> = (0..40).map(|_| doc("", &[], &[&body])).collect();
    let total: usize = build(docs.iter().cloned(), 0, usize::MAX).shards[0].len();
    for (target, count) in [(total, 1), (total - 1, 2), (total / 2, 2), (total / 5, 8)] {
        let built = build(docs.iter().cloned(), 0, target);
        assert_eq!(built.shards.len(), count, "target {target} of {total}");
    }
}

#[test]
fn missing_shards_are_named() {
    let docs = [doc("孵化器", &[], &["人工智能"])];
    let shards = index(&docs, 1);
    let count = shards.len() as u32;
    let terms: Vec<String> = vec!["孵化器".into(), "智能".into()];
    let needed = shards_needed(&terms, count);
    assert!(needed.windows(2).all(|w| w[0] < w[1]));
    let expected: Vec<u32> = {
        let mut ids = vec![
            shard_of(&['孵', '化'], count),
            shard_of(&['化', '器'], count),
            shard_of(&['智', '能'], count),
        ];
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    assert_eq!(needed, expected);
    assert_eq!(search(&terms, count, |_| None), Err(needed.clone()));
    let first = needed[0];
    let given = |i: u32| (i == first).then(|| &shards[i as usize]);
    assert_eq!(search(&terms, count, given), Err(needed[1..].to_vec()));
    // A shard of another index (other count) is not the shard asked for.
    let other = index(&docs, usize::MAX);
    assert_eq!(search(&terms, count, |_| Some(&other[0])), Err(needed));
    let all = search(&terms, count, |i| shards.get(i as usize)).unwrap();
    assert_eq!(
        all,
        vec![DocHit {
            doc: 0,
            score: 10_001
        }]
    );
}

#[test]
fn shard_of_is_stable() {
    // Shards built by one version are read by another: the hash is fixed.
    assert_eq!(shard_of(&['孵'], 4096), 1273);
    assert_eq!(shard_of(&['孵', '化'], 4096), 619);
    assert_eq!(shard_of(&['a'], 4096), 3484);
    assert_eq!(shard_of(&['孵', '化'], 1), 0);
}

#[test]
fn over_long_texts_are_refused_not_misindexed() {
    let title = "a".repeat(MAX_TITLE_CHARS + 1);
    let result = std::panic::catch_unwind(|| build([doc(&title, &[], &[])], 0, 1 << 20));
    let message = *result.unwrap_err().downcast::<String>().unwrap();
    assert!(message.contains("document 0's title"), "{message}");
}

fn sample_shard() -> Vec<u8> {
    let docs = [
        doc("关于孵化器的提案", &["成键"], &["孵化器建设", "基金"]),
        doc("关于人工智能", &["谢吉华"], &["孵化", "孵化", "孵化"]),
    ];
    build(docs, 9, usize::MAX).shards.remove(0)
}

#[test]
fn truncated_or_foreign_bytes_are_refused() {
    let bytes = sample_shard();
    for len in 0..bytes.len() {
        let err = Shard::decode(bytes[..len].to_vec()).unwrap_err();
        assert_eq!(err, IndexError::Truncated, "{len} bytes");
    }
    let mut foreign = bytes.clone();
    foreign[0] = b'X';
    assert_eq!(Shard::decode(foreign).unwrap_err(), IndexError::BadMagic);
    let mut newer = bytes.clone();
    newer[4] += 1;
    let err = Shard::decode(newer).unwrap_err();
    assert_eq!(
        err,
        IndexError::Version {
            found: INDEX_VERSION + 1
        }
    );
    assert_eq!(err.to_string(), "search index format 2, expected 1");
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(Shard::decode(longer), Err(IndexError::Corrupt(_))));
    let mut wrong_id = bytes.clone();
    wrong_id[8] = 1;
    assert!(matches!(
        Shard::decode(wrong_id),
        Err(IndexError::Corrupt(_))
    ));
    assert!(Shard::decode(bytes).is_ok());
}

#[test]
fn every_corrupted_byte_is_refused_or_harmless() {
    let bytes = sample_shard();
    for i in 0..bytes.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= flip;
            // Either refused, or (a fingerprint byte, say) a shard that
            // searches without panicking.
            if let Ok(shard) = Shard::decode(bad) {
                let shards = [shard];
                let terms = vec!["孵化".to_string(), "化".to_string()];
                let _ = search(&terms, 1, |i| shards.get(i as usize));
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Shard::decode(bytes);
        }

        #[test]
        fn arbitrary_bytes_after_a_header_never_panic(
            tail in proptest::collection::vec(any::<u8>(), 0..200),
            count in 0u32..3,
        ) {
            let mut bytes = sample_shard()[..build::HEADER_LEN].to_vec();
            bytes[12..16].copy_from_slice(&(1u32 << count).to_le_bytes());
            bytes.extend(tail);
            if let Ok(shard) = Shard::decode(bytes) {
                let shards = [shard];
                let terms = vec!["孵化".to_string()];
                let _ = search(&terms, 1 << count, |_| Some(&shards[0]));
            }
        }
    }
}
