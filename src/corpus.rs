//! The bundled replies with what the list needs precomputed once: ids,
//! search documents and facet facts.

use dafu_bundle::{Bundle, BundledReply};
use dafu_parser::{Date, Reply, ReplyKind, ResultClass};

use crate::facets::{self, Facet, FacetCounts, Facts};
use crate::route::Filters;
use crate::search::{Document, Hit, Matcher, Query};
use crate::tracker::Tracker;
use crate::xrefs::Term;

/// One reply and its precomputed facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub file: String,
    pub reply: Reply,
    /// The id used in URLs (`#/replies/<id>`) and in the `data-reply` test
    /// hook: the document number, or the file stem when there is none (or
    /// when another reply has the same document number).
    pub id: String,
    /// Added in this browser (see [`crate::imports`]), not bundled.
    pub imported: bool,
    search: Document,
    facts: Facts,
}

impl Entry {
    /// The title to show: the proposal's title, else the file name.
    pub fn title(&self) -> &str {
        self.reply.meta.title.as_deref().unwrap_or(&self.file)
    }

    /// The signature date, else the first day of the document number's year.
    pub fn date_key(&self) -> Date {
        let m = &self.reply.meta;
        m.date.unwrap_or(Date {
            year: m.doc_year.unwrap_or(0),
            month: 0,
            day: 0,
        })
    }
}

/// The whole corpus, in bundle order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    pub entries: Vec<Entry>,
    /// Indices of `entries`, newest first.
    pub newest: Vec<usize>,
    /// Figures and commitments of all replies together.
    pub figures: usize,
    pub commitments: usize,
    /// Figures and programmes named in several replies, found when first
    /// asked for (a reader opens), not at start-up.
    xrefs: std::cell::OnceCell<Vec<Term>>,
}

/// What the list shows for a search and a facet selection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub query: Query,
    /// Indices into [`Corpus::entries`], in display order.
    pub rows: Vec<usize>,
    /// Per row, the body block to take its snippet from (see [`Hit`]).
    pub snippet_blocks: Vec<Option<usize>>,
    pub counts: Vec<FacetCounts>,
    /// Every reply the search text matches, facets aside, in corpus order:
    /// where a search that extends this one looks.
    pub matching: Vec<usize>,
}

impl Corpus {
    pub fn new(bundle: Bundle) -> Corpus {
        let replies = bundle
            .replies
            .into_iter()
            .map(|BundledReply { file, reply }| (file, reply));
        Corpus::build(Vec::new(), replies, false)
    }

    /// The bundled replies of this corpus followed by `imported` ones,
    /// which replace any imported before.
    pub fn with_imports(&self, imported: &[crate::imports::Imported]) -> Corpus {
        let bundled = self
            .entries
            .iter()
            .filter(|e| !e.imported)
            .cloned()
            .collect();
        let replies = imported.iter().map(|f| (f.file.clone(), f.reply()));
        Corpus::build(bundled, replies, true)
    }

    fn build(
        mut entries: Vec<Entry>,
        replies: impl Iterator<Item = (String, Reply)>,
        imported: bool,
    ) -> Corpus {
        let mut ids: std::collections::HashSet<String> =
            entries.iter().map(|e| e.id.clone()).collect();
        for (file, reply) in replies {
            let stem = file
                .rsplit_once('.')
                .map_or(file.as_str(), |(s, _)| s)
                .to_owned();
            let mut id = match reply.meta.doc_number.clone() {
                Some(n) if !n.is_empty() && !ids.contains(&n) => n,
                _ => stem.clone(),
            };
            // Two files of the same stem (a bundled and an imported one).
            let mut n = 1;
            while ids.contains(&id) {
                n += 1;
                id = format!("{stem}~{n}");
            }
            ids.insert(id.clone());
            let search = search_document(&reply);
            let facts = static_facts(&reply);
            entries.push(Entry {
                file,
                reply,
                id,
                imported,
                search,
                facts,
            });
        }
        let mut newest: Vec<usize> = (0..entries.len()).collect();
        newest.sort_by(|&a, &b| {
            entries[b]
                .date_key()
                .cmp(&entries[a].date_key())
                .then(a.cmp(&b))
        });
        let figures = entries.iter().map(|e| e.reply.figures.len()).sum();
        let commitments = entries.iter().map(|e| e.reply.commitments.len()).sum();
        Corpus {
            entries,
            newest,
            figures,
            commitments,
            xrefs: Default::default(),
        }
    }

    /// Figures and programmes named in more than one reply.
    pub fn xrefs(&self) -> &[Term] {
        self.xrefs
            .get_or_init(|| crate::xrefs::find(self.entries.iter().map(|e| &e.reply)))
    }

    /// The index of the reply with this URL id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// The facts of every reply, with commitment statuses from the tracker.
    pub fn facts(&self, tracker: &Tracker) -> Vec<Facts> {
        self.entries
            .iter()
            .map(|e| {
                let mut facts = e.facts.clone();
                let mut statuses: Vec<String> = Vec::new();
                for c in &e.reply.commitments {
                    let key = tracker.status(&c.id).key().to_owned();
                    if !statuses.contains(&key) {
                        statuses.push(key);
                    }
                }
                facts.set(Facet::Status, statuses);
                facts
            })
            .collect()
    }

    /// Runs a search: the rows in order (by relevance while searching, else
    /// newest first) and the facet counts, from one predicate. `facts` are
    /// [`Corpus::facts`]; `previous`, the last outcome: when this search
    /// extends its text, only what it matched is searched again.
    pub fn search(
        &self,
        filters: &Filters,
        facts: &[Facts],
        previous: Option<&Outcome>,
    ) -> Outcome {
        let query = Query::parse(&filters.q);
        let matcher = Matcher::new(&query);
        let hit = |i: usize| self.entries[i].search.hit(&matcher).map(|h| (i, h));
        let scored: Vec<(usize, Hit)> = match previous {
            Some(p) if query.narrows(&p.query) => {
                p.matching.iter().filter_map(|&i| hit(i)).collect()
            }
            _ => (0..self.entries.len()).filter_map(hit).collect(),
        };
        let matching: Vec<usize> = scored.iter().map(|&(i, _)| i).collect();
        let counts = facets::counts(facts, &matching, filters);
        let mut rows: Vec<(usize, Hit)> = scored
            .into_iter()
            .filter(|&(i, _)| facets::fits(filters, &facts[i], None))
            .collect();
        rows.sort_by(|&(a, ha), &(b, hb)| {
            let (ea, eb) = (&self.entries[a], &self.entries[b]);
            hb.score
                .cmp(&ha.score)
                .then(eb.date_key().cmp(&ea.date_key()))
                .then(a.cmp(&b))
        });
        Outcome {
            query,
            snippet_blocks: rows.iter().map(|(_, h)| h.block).collect(),
            rows: rows.into_iter().map(|(i, _)| i).collect(),
            counts,
            matching,
        }
    }
}

#[cfg(test)]
impl Corpus {
    /// A search with no previous outcome to narrow.
    fn search_fresh(&self, filters: &Filters, tracker: &Tracker) -> Outcome {
        self.search(filters, &self.facts(tracker), None)
    }
}

fn search_document(reply: &Reply) -> Document {
    let m = &reply.meta;
    let people = m
        .proposers
        .iter()
        .map(String::as_str)
        .chain(m.doc_number.as_deref())
        .chain(m.session.as_deref())
        .chain(m.proposal_number.as_deref());
    Document::new(
        m.title.as_deref().unwrap_or(""),
        people,
        reply.blocks.iter().map(|b| b.text.as_str()),
    )
}

/// Stable key of a handling result: its class letter, else as written.
pub fn result_key(reply: &Reply) -> String {
    match reply.meta.result_class {
        Some(ResultClass::A) => "A".into(),
        Some(ResultClass::B) => "B".into(),
        Some(ResultClass::C) => "C".into(),
        Some(ResultClass::D) => "D".into(),
        None => reply.meta.result.clone().unwrap_or_default(),
    }
}

pub fn kind_key(kind: Option<ReplyKind>) -> &'static str {
    match kind {
        Some(ReplyKind::Proposal) => "proposal",
        Some(ReplyKind::Suggestion) => "suggestion",
        None => "",
    }
}

fn static_facts(reply: &Reply) -> Facts {
    let m = &reply.meta;
    let year = m
        .date
        .map(|d| d.year)
        .or(m.doc_year)
        .map(|y| y.to_string())
        .unwrap_or_default();
    let has = if reply.commitments.is_empty() {
        "no"
    } else {
        "yes"
    };
    let mut facts = Facts::default();
    facts.set(Facet::Kind, vec![kind_key(m.kind).to_owned()]);
    facts.set(Facet::Year, vec![year]);
    facts.set(Facet::Session, vec![m.session.clone().unwrap_or_default()]);
    facts.set(Facet::Result, vec![result_key(reply)]);
    facts.set(Facet::Commitments, vec![has.to_owned()]);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use dafu_parser::{Block, BlockKind, Commitment, Meta, Section, Span};

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
        assert_eq!(
            fresh.snippet_blocks,
            [None, Some(0)],
            "title hit first, then a body hit"
        );
    }

    #[test]
    fn imports_follow_the_bundled_replies_and_replace_earlier_imports() {
        let c = corpus();
        let text = include_str!("../corpus/000_00776b651792bc00.txt");
        let file = |name: &str| crate::imports::Imported {
            file: name.into(),
            text: text.into(),
            encoding: dafu_parser::Encoding::Utf8,
            added: "2026-12-02".into(),
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
            c.commitments + again.entries[3].reply.commitments.len()
        );
    }

    #[test]
    fn facets_narrow_and_count_from_the_same_predicate() {
        let c = corpus();
        let t = Tracker::default();
        let f = Filters {
            kind: Some("suggestion".into()),
            ..Filters::default()
        };
        let out = c.search_fresh(&f, &t);
        assert_eq!(out.rows, [1, 2]);
        let kinds = &out.counts[Facet::Kind.index()].values;
        assert_eq!(
            kinds,
            &[("proposal".to_owned(), 1), ("suggestion".to_owned(), 2)]
        );
        let has = &out.counts[Facet::Commitments.index()].values;
        assert_eq!(has, &[("yes".to_owned(), 1), ("no".to_owned(), 1)]);
        let status = &out.counts[Facet::Status.index()].values;
        assert_eq!(status, &[("not_rated".to_owned(), 1)]);
    }
}

/// The bundled corpus itself, natively: what the app will show.
#[cfg(test)]
mod bundled {
    use super::*;
    use crate::runs::{pieces, Piece};

    fn corpus() -> Corpus {
        Corpus::new(crate::data::load().expect("the bundled corpus decodes"))
    }

    #[test]
    fn every_figure_of_every_reply_is_rendered_as_a_mark() {
        for e in corpus().entries {
            let reply = &e.reply;
            let mut marked = 0;
            for (b, block) in reply.blocks.iter().enumerate() {
                let figs: Vec<_> = reply
                    .figures
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.block as usize == b)
                    .map(|(i, f)| (i, f.range.range()))
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
            let href = crate::route::Route::Replies {
                open: Some(e.id.clone()),
                filters: Filters::default(),
            }
            .href();
            assert_eq!(
                crate::route::Route::from_hash(&href).open_reply(),
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
