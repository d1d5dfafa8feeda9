use super::*;

/// The bundled corpus, parsed, in file order (000 … 004).
fn bundled() -> Vec<Reply> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| dafu_parser::parse(&std::fs::read(f).unwrap()))
        .collect()
}

fn leads_of(replies: &[Reply]) -> Vec<Vec<Leads>> {
    let dated: Vec<Dated> = replies.iter().map(Dated::of).collect();
    find_all(&dated)
}

/// (reply, shared texts) of a commitment's follow-ups.
fn found(all: &[Vec<Leads>], id: &str) -> Vec<(u32, Vec<String>)> {
    let l = all.iter().flatten().find(|l| l.commitment == id).expect(id);
    l.found
        .iter()
        .map(|f| (f.reply, f.shared.iter().map(|s| s.text.clone()).collect()))
        .collect()
}

#[test]
fn known_follow_ups_of_the_bundled_replies() {
    let replies = bundled();
    let all = leads_of(&replies);
    // 38号 (2025-06-25) promises 上海技术交易所 services; 58号 (07-24) and
    // 40号 (08-01) report on it.
    assert_eq!(
        found(&all, "c-d0968d50c738"),
        [(0, vec!["上海技术交易所".to_owned()]), (4, vec!["上海技术交易所".to_owned()])]
    );
    // 38号's 概念验证平台 is built, says 58号.
    assert_eq!(found(&all, "c-72365c2c8a2d"), [(0, vec!["概念验证平台".to_owned()])]);
    // 38号's 推广全部所有权赋权 … 合规整改 comes back in 58号.
    let words = found(&all, "c-4e527d011a4d");
    assert_eq!(words.len(), 1);
    assert_eq!(words[0].0, 0);
    assert!(words[0].1.contains(&"合规整改".to_owned()), "{words:?}");
}

#[test]
fn nothing_earlier_and_nothing_unrelated() {
    let replies = bundled();
    let all = leads_of(&replies);
    for (r, leads) in all.iter().enumerate() {
        assert_eq!(leads.len(), replies[r].commitments.len());
        for l in leads {
            for f in &l.found {
                assert!(date_key(&replies[f.reply as usize].meta) > date_key(&replies[r].meta));
            }
        }
    }
    // 40号 is the latest reply: nothing follows it.
    assert!(all[4].iter().all(|l| l.found.is_empty()));
    // 42号's listing of technology companies and 2023's 45号 share no
    // programme, amount or phrase with any later reply.
    assert!(found(&all, "c-665f447a402f").is_empty());
    assert!(found(&all, "c-46ecb673255b").is_empty());
}

#[test]
fn names_stop_at_verbs_and_particles() {
    let names: Vec<String> = names(
        "加快落实高质量概念验证平台建设，进一步提升高质量孵化器，持续实施启明星培育计划和“拨投结合”模式，建设科技平台",
    )
    .collect();
    for name in ["高质量概念验证平台", "概念验证平台", "高质量孵化器", "启明星培育计划", "拨投结合"] {
        assert!(names.contains(&name.to_owned()), "{name} in {names:?}");
    }
    for phrase in ["落实高质量概念验证平台", "一步提升高质量孵化器", "实施启明星培育计划", "科技平台"] {
        assert!(!names.contains(&phrase.to_owned()), "{phrase} in {names:?}");
    }
}

#[test]
fn runs_are_phrases_of_shared_pairs() {
    let weights: HashMap<[char; 2], u32> = pairs("合规整改大力").map(|p| (p, 10)).collect();
    assert_eq!(runs("推动合规整改，大力推进", &weights), ["合规整改"]);
}

#[test]
fn a_later_reply_is_matched_against_a_stored_signature() {
    let replies = bundled();
    let all = leads_of(&replies);
    let l = all[3].iter().find(|l| l.commitment == "c-d0968d50c738").unwrap();
    let text = &replies[3].commitments.iter().find(|c| c.id == l.commitment).unwrap().text;
    let probe = Probe::of(&replies[0]);
    let f = l.signature.follow(text, 7, &probe, &replies[0]).expect("58号 follows 38号 up");
    assert_eq!(f.reply, 7);
    assert_eq!(f, FollowUp { reply: 7, ..l.found[0].clone() });
    let other = dafu_parser::parse("市科委持续推进人工智能赋能教育，支持中小学开展科普活动。".as_bytes());
    assert!(l.signature.follow(text, 1, &Probe::of(&other), &other).is_none());
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(a in "\\PC{0,200}", b in "\\PC{0,200}") {
        let ra = dafu_parser::parse(a.as_bytes());
        let rb = dafu_parser::parse(b.as_bytes());
        let _ = leads_of(&[ra, rb]);
        let _ = names(&a).count();
        let _ = runs(&a, &pairs(&b).map(|p| (p, 1)).collect());
    }
}
