//! The bundled replies with what the list needs precomputed once: ids,
//! search documents and facet facts.

use dafu_bundle::{Bundle, BundledReply};
use std::ops::Range;
use std::rc::Rc;

use dafu_parser::{Date, Reply, ReplyKind};

use crate::model::facets::{self, FacetCounts, Facts, Handling, StatusSet};
use crate::model::route::Filters;
use crate::model::search::{Document, Hit, Matcher, Query};
use crate::model::tracker::Tracker;
use crate::model::xrefs::Term;

/// One reply and its precomputed facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub file: String,
    pub reply: Reply,
    /// The id used in URLs (`#/replies/<id>`) and in the `data-reply` test
    /// hook: the document number, or the file stem when there is none (or
    /// when another reply has the same document number).
    pub id: String,
    /// Added in this browser (see [`crate::model::imports`]), not bundled.
    pub imported: bool,
    /// Per body block, the range of [`Reply::figures`] it holds (figures
    /// come in reading order), so a block finds its figures without a scan.
    pub block_figures: Vec<Range<usize>>,
    search: Document,
    facts: Facts,
}

impl Entry {
    /// The title to show: the proposal's title, else the file name.
    pub fn title(&self) -> &str {
        self.reply.meta.title.as_deref().unwrap_or(&self.file)
    }

    /// The document number, else the id (for lists and exports).
    pub fn number(&self) -> String {
        self.reply
            .meta
            .doc_number
            .clone()
            .unwrap_or_else(|| self.id.clone())
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
    /// Shared, so that a corpus with other imports keeps the bundled
    /// replies without copying them.
    pub entries: Vec<Rc<Entry>>,
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
    pub fn with_imports(&self, imported: &[crate::model::imports::Imported]) -> Corpus {
        let bundled = self
            .entries
            .iter()
            .filter(|e| !e.imported)
            .cloned()
            .collect();
        let replies = imported.iter().map(|f| (f.file.clone(), f.reply.clone()));
        Corpus::build(bundled, replies, true)
    }

    fn build(
        mut entries: Vec<Rc<Entry>>,
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
            let block_figures = block_figures(&reply);
            entries.push(Rc::new(Entry {
                file,
                reply,
                id,
                imported,
                block_figures,
                search,
                facts,
            }));
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
            .get_or_init(|| crate::model::xrefs::find(self.entries.iter().map(|e| &e.reply)))
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
                for c in &e.reply.commitments {
                    facts.statuses.insert(tracker.status(&c.id));
                }
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

/// The kind's key for CSS classes and exports ("" when not stated).
pub fn kind_key(kind: Option<ReplyKind>) -> &'static str {
    kind.map_or("", ReplyKind::key)
}

/// The year a reply counts under (the year facet): its signature date's,
/// else its document number's.
pub fn reply_year(reply: &Reply) -> Option<u16> {
    let m = &reply.meta;
    m.date.map(|d| d.year).or(m.doc_year)
}

/// The range of figures each block holds. Figures are in reading order,
/// so each block's are contiguous; one pass finds every range.
fn block_figures(reply: &Reply) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; reply.blocks.len()];
    let mut start = 0;
    while start < reply.figures.len() {
        let block = reply.figures[start].block as usize;
        let end = start
            + reply.figures[start..]
                .iter()
                .take_while(|f| f.block as usize == block)
                .count();
        if let Some(r) = ranges.get_mut(block) {
            *r = start..end;
        }
        start = end;
    }
    ranges
}

fn static_facts(reply: &Reply) -> Facts {
    let m = &reply.meta;
    Facts {
        kind: m.kind,
        year: reply_year(reply),
        session: m.session.as_deref().filter(|s| !s.is_empty()).map(Rc::from),
        result: Handling::of(m),
        commitments: !reply.commitments.is_empty(),
        statuses: StatusSet::default(),
    }
}

#[cfg(test)]
mod tests;
