//! Tests of the corpus: ids, search order, facets, imports; then the
//! bundled corpus itself.

use super::*;
use crate::model::route::Filters;
use crate::model::facets::{Facet, FacetValue};
use crate::model::tracker::Status;
use dafu_parser::{Block, BlockKind, Commitment, Meta, ResultClass, Section, Span};

pub fn reply(
    doc: &str,
    kind: ReplyKind,
    year: u16,
    title: &str,
    body: &str,
    commitments: usize,
) -> Reply {
    let block = Block {
        kind: BlockKind::Paragraph,
        section: Section::Body,
        text: body.into(),
        bold: vec![],
        source: Span::default(),
    };
    Reply {
        meta: Meta {
            doc_number: Some(doc.into()),
            doc_year: Some(year),
            kind: Some(kind),
            title: Some(title.into()),
            proposers: vec!["成键".into()],
            result_class: Some(ResultClass::A),
            date: Some(Date {
                year,
                month: 5,
                day: 1,
            }),
            ..Meta::default()
        },
        blocks: vec![block],
        commitments: (0..commitments)
            .map(|i| Commitment {
                id: format!("{doc}#{i}"),
                heading: "h".into(),
                text: "t".into(),
                block: 0,
                range: Span::default(),
            })
            .collect(),
        ..Reply::default()
    }
}

fn corpus() -> Corpus {
    let r = |file: &str, reply| BundledReply {
        file: file.into(),
        reply,
    };
    Corpus::new(Bundle {
        replies: vec![
            r(
                "a.txt",
                reply(
                    "沪科提复〔2023〕45号",
                    ReplyKind::Proposal,
                    2023,
                    "关于桥梁",
                    "孵化器孵化",
                    2,
                ),
            ),
            r(
                "b.txt",
                reply(
                    "沪科建复〔2025〕38号",
                    ReplyKind::Suggestion,
                    2025,
                    "关于孵化",
                    "基金",
                    0,
                ),
            ),
            r(
                "c.txt",
                reply(
                    "沪科建复〔2025〕38号",
                    ReplyKind::Suggestion,
                    2025,
                    "关于人才",
                    "人才",
                    1,
                ),
            ),
        ],
    })
}

#[test]
fn ids_are_document_numbers_or_file_stems() {
    let c = corpus();
    let ids: Vec<&str> = c.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["沪科提复〔2023〕45号", "沪科建复〔2025〕38号", "c"]);
    assert_eq!(c.find("c"), Some(2));
    assert_eq!(c.find("nope"), None);
}

#[test]
fn newest_first_without_a_query_relevance_with_one() {
    let c = corpus();
    let all = c.search_fresh(&Filters::default(), &Tracker::default());
    assert_eq!(all.rows, [1, 2, 0]);
    let q = c.search_fresh(
        &Filters {
            q: "孵化".into(),
            ..Filters::default()
        },
        &Tracker::default(),
    );
    assert_eq!(q.rows, [1, 0], "title hit first");
}

#[test]
fn a_search_narrowed_from_the_previous_one_finds_the_same() {
    let c = corpus();
    let facts = c.facts(&Tracker::default());
    let by = |q: &str| Filters {
        q: q.into(),
        ..Filters::default()
    };
    let mut previous: Option<Outcome> = None;
    for q in [
        "",
        "孵",
        "孵化",
        "孵化器",
        "孵化",
        "人",
        "人才",
        "人才 关于",
    ] {
        let narrowed = c.search(&by(q), &facts, previous.as_ref());
        assert_eq!(narrowed, c.search(&by(q), &facts, None), "{q}");
        previous = Some(narrowed);
    }
    let fresh = c.search(&by("孵化"), &facts, None);
    assert_eq!(fresh.matching, [0, 1]);
    let snippet = |i: usize| c.entries[i].body().unwrap().snippet_block(&fresh.query);
    assert_eq!(
        (snippet(1), snippet(0)),
        (None, Some(0)),
        "title hit only, then a body hit"
    );
}

#[test]
fn imports_follow_the_bundled_replies_and_replace_earlier_imports() {
    let c = corpus();
    let text = include_str!("../../../corpus/000_00776b651792bc00.txt");
    let file = |name: &str| {
        crate::model::imports::Imported::new(
            name.into(),
            text.into(),
            dafu_parser::Encoding::Utf8,
            "2026-12-02".into(),
        )
    };
    let with = c.with_imports(&[file("x.txt"), file("y.txt"), file("c.txt")]);
    let ids: Vec<(&str, bool)> = with
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.imported))
        .collect();
    assert_eq!(
        ids,
        [
            ("沪科提复〔2023〕45号", false),
            ("沪科建复〔2025〕38号", false),
            ("c", false),
            ("沪科提复〔2025〕58号", true),
            ("y", true),
            ("c~2", true),
        ]
    );
    let again = with.with_imports(&[file("y.txt")]);
    assert_eq!(again.entries.len(), 4);
    assert_eq!(again.entries[3].id, "沪科提复〔2025〕58号");
    assert_eq!(
        again.commitments,
        c.commitments + again.entries[3].body().unwrap().reply.commitments.len()
    );
}

#[test]
fn facets_narrow_and_count_from_the_same_predicate() {
    let c = corpus();
    let t = Tracker::default();
    let f = Filters {
        kind: Some(Some(ReplyKind::Suggestion)),
        ..Filters::default()
    };
    let out = c.search_fresh(&f, &t);
    assert_eq!(out.rows, [1, 2]);
    let of = |facet: Facet| &out.counts.iter().find(|c| c.facet == facet).unwrap().values;
    assert_eq!(
        of(Facet::Kind),
        &[
            (FacetValue::Kind(Some(ReplyKind::Proposal)), 1),
            (FacetValue::Kind(Some(ReplyKind::Suggestion)), 2)
        ]
    );
    assert_eq!(
        of(Facet::Commitments),
        &[
            (FacetValue::Commitments(true), 1),
            (FacetValue::Commitments(false), 1)
        ]
    );
    assert_eq!(
        of(Facet::Status),
        &[(FacetValue::Status(Status::NotRated), 1)]
    );
}

/// The bundled corpus itself, natively: what the app will show.
mod bundled {
    use super::*;
    use crate::model::runs::{pieces, Piece};

    fn corpus() -> Corpus {
        Corpus::new(crate::model::bundled::load().expect("the bundled corpus decodes"))
    }

    #[test]
    fn every_figure_of_every_reply_is_rendered_as_a_mark() {
        for e in corpus().entries {
            let reply = &e.body().unwrap().reply;
            let mut marked = 0;
            for (b, block) in reply.blocks.iter().enumerate() {
                let scanned: Vec<usize> = (0..reply.figures.len())
                    .filter(|&i| reply.figures[i].block as usize == b)
                    .collect();
                let stored: Vec<usize> = e.body().unwrap().block_figures[b].clone().collect();
                assert_eq!(stored, scanned, "{} block {b}", e.file);
                let figs: Vec<_> = stored
                    .into_iter()
                    .map(|i| (i, reply.figures[i].range.range()))
                    .collect();
                let bold: Vec<_> = block.bold.iter().map(|s| s.range()).collect();
                marked += pieces(&block.text, &bold, &[], &figs)
                    .iter()
                    .filter(|p| matches!(p, Piece::Figure { .. }))
                    .count();
            }
            assert_eq!(marked, reply.figures.len(), "{}", e.file);
        }
    }

    #[test]
    fn ids_are_unique_and_found_again() {
        let c = corpus();
        for (i, e) in c.entries.iter().enumerate() {
            assert_eq!(c.find(&e.id), Some(i));
            let href = crate::model::route::Route::Replies {
                open: Some(e.id.clone()),
                filters: Filters::default(),
            }
            .href();
            assert_eq!(
                crate::model::route::Route::from_hash(&href).open_reply(),
                Some(e.id.as_str())
            );
        }
    }

    #[test]
    fn facet_counts_add_up_over_the_corpus() {
        let c = corpus();
        let out = c.search_fresh(&Filters::default(), &Tracker::default());
        assert_eq!(out.rows.len(), c.entries.len());
        for fc in out.counts.iter().filter(|fc| fc.facet != Facet::Status) {
            let sum: usize = fc.values.iter().map(|v| v.1).sum();
            assert_eq!(sum, c.entries.len(), "{:?}", fc.facet);
        }
    }
}

/// The browser's way: the list index, then the chunks and shards the build
/// wrote, read from their script files (natively: the files are read from
/// the build folder).
#[cfg(not(target_arch = "wasm32"))]
mod split {
    use super::*;
    use dafu_bundle::split::{parse_script, payload, Part};

    fn from_site_files() -> Corpus {
        let corpus = crate::model::bundled::corpus().expect("the list index decodes");
        let dir = crate::model::bundled::site_dir().join("corpus");
        let mut files = 0;
        for file in std::fs::read_dir(&dir).expect("the build wrote corpus files") {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let (part, id, data) = parse_script(&text).expect("a corpus script");
            let bytes = payload(data).unwrap();
            match part {
                Part::Chunk => {
                    let chunk = dafu_bundle::split::Chunk::decode(&bytes).unwrap();
                    assert_eq!(chunk.id, id);
                    corpus.deliver_chunk(chunk).unwrap();
                }
                Part::Shard => assert_eq!(corpus.deliver_shard(bytes), Ok(id)),
                Part::Xrefs => {
                    let xrefs = dafu_bundle::split::Xrefs::decode(&bytes).unwrap();
                    corpus.deliver_xrefs(xrefs).unwrap();
                }
            }
            files += 1;
        }
        assert!(files >= 2, "at least a chunk and a shard");
        corpus
    }

    #[test]
    fn bodies_arrive_whole_and_in_their_place() {
        let whole = Corpus::new(crate::model::bundled::load().unwrap());
        let split = from_site_files();
        assert!(split.chunks_missing().is_empty());
        assert_eq!(split.entries.len(), whole.entries.len());
        for (a, b) in whole.entries.iter().zip(&split.entries) {
            assert_eq!(a.body(), b.body(), "{}", a.file);
            let meta = dafu_bundle::split::list_meta(&a.meta);
            assert_eq!((&a.id, &meta, a.figures, &a.commitments), (&b.id, &b.meta, b.figures, &b.commitments));
        }
        assert!(whole.xrefs().is_some_and(|x| !x.is_empty()));
        assert_eq!(whole.xrefs(), split.xrefs());
    }

    #[test]
    fn the_index_finds_what_the_scan_finds() {
        let whole = Corpus::new(crate::model::bundled::load().unwrap());
        let split = from_site_files();
        let t = Tracker::default();
        let mut queries: Vec<String> = ["孵化", "74亿元", "ＡＩ", "沪科", "上海 基金", "没有这个词", "2025", "a", "\u{1}"]
            .map(String::from)
            .into();
        for e in &whole.entries {
            let text: Vec<char> = e.body().unwrap().reply.blocks.iter().flat_map(|b| b.text.chars()).collect();
            for (n, at) in [(1, 7), (2, 31), (3, 101), (4, 211), (6, 307), (9, 401)] {
                if text.len() > at + n {
                    queries.push(text[at..at + n].iter().collect());
                }
            }
            queries.push(e.title().chars().skip(2).take(3).collect());
        }
        for q in &queries {
            let f = Filters {
                q: q.clone(),
                ..Filters::default()
            };
            let (a, b) = (whole.search_fresh(&f, &t), split.search_fresh(&f, &t));
            assert!(b.pending.is_empty());
            assert_eq!((a.rows, a.matching, a.counts), (b.rows, b.matching, b.counts), "{q:?}");
        }
    }

    #[test]
    fn a_search_waits_for_its_shards_and_bodies_for_their_chunk() {
        let corpus = crate::model::bundled::corpus().unwrap();
        let f = Filters {
            q: "孵化".into(),
            ..Filters::default()
        };
        let out = corpus.search_fresh(&f, &Tracker::default());
        assert!(!out.pending.is_empty() && out.rows.is_empty());
        assert_eq!(corpus.chunks_missing().len() as u32, corpus.chunk_count());
        assert!(corpus.entries.iter().all(|e| e.body().is_none() && e.chunk.is_some()));
        // A chunk of another build is refused.
        let other = dafu_bundle::split::Chunk {
            fingerprint: 1,
            id: 0,
            replies: vec![],
            leads: vec![],
        };
        assert!(corpus.deliver_chunk(other).is_err());
        assert!(corpus.deliver_shard(vec![1, 2, 3]).is_err());
        assert_eq!(corpus.xrefs(), None, "cross-references come with their file");
        let other = dafu_bundle::split::Xrefs { fingerprint: 1, terms: vec![] };
        assert!(corpus.deliver_xrefs(other).is_err());
    }
}
