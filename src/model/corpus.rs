//! The replies with what the list needs precomputed once: ids, facet facts
//! and, for the replies whose body is here, search documents.
//!
//! In the browser the bundled replies arrive as a list index (metadata and
//! counts, [`Corpus::from_list`]); their bodies come later in chunks
//! ([`Corpus::deliver_chunk`]) and the search goes through the build-time
//! index ([`crate::model::corpus::find`]). Natively, and for imported
//! replies, the whole reply is at hand from the start.

use dafu_bundle::followups::{Leads, Probe};
#[cfg(test)]
use dafu_bundle::followups::Dated;
use dafu_bundle::split::{ListIndex, Listed, Money};
#[cfg(test)]
use dafu_bundle::{Bundle, BundledReply};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use dafu_parser::{Date, Meta, Reply, ReplyKind};

use crate::model::facets::{Facts, Handling, StatusSet};
use crate::model::search::{Document, Hit, Matcher, Query};
use crate::model::tracker::Tracker;
use crate::model::xrefs::Term;

mod delivery;
mod find;
mod follow;
pub use follow::{excerpt, FollowUps, Found};
pub use find::{Outcome, Shards};

/// One reply: its metadata and counts always, its body once loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub file: String,
    /// The id used in URLs (`#/replies/<id>`) and in the `data-reply` test
    /// hook: the document number, or the file stem when there is none (or
    /// when another reply has the same document number).
    pub id: String,
    /// Added in this browser (see [`crate::model::imports`]), not bundled.
    pub imported: bool,
    pub meta: Meta,
    pub figures: usize,
    /// The ids of its commitments, in order.
    pub commitments: Vec<String>,
    pub largest_money: Option<Money>,
    /// The chunk its body comes in; `None` when the body came with it.
    pub chunk: Option<u32>,
    body: OnceCell<Rc<Body>>,
    /// What an imported reply offers to the follow-ups of earlier
    /// commitments, made when first asked for.
    probe: OnceCell<Probe>,
    /// Replies whose body came with them are searched by scan; the others
    /// through the index.
    search: Option<Document>,
    facts: Facts,
}

/// The text, figures and commitments of a reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub reply: Reply,
    /// Per body block, the range of [`Reply::figures`] it holds (figures
    /// come in reading order), so a block finds its figures without a scan.
    pub block_figures: Vec<Range<usize>>,
    /// Per commitment, its follow-ups among the bundled replies, found at
    /// build time (empty for an imported reply: see [`Corpus::follow_ups`]).
    pub leads: Vec<Leads>,
}

impl Body {
    fn new(reply: Reply, leads: Vec<Leads>) -> Body {
        Body {
            block_figures: block_figures(&reply),
            reply,
            leads,
        }
    }

    /// The body block with the earliest occurrence of any of the query's
    /// terms: where a result row takes its snippet from.
    pub fn snippet_block(&self, query: &Query) -> Option<usize> {
        if query.is_empty() {
            return None;
        }
        let doc = Document::new("", [], self.reply.blocks.iter().map(|b| b.text.as_str()));
        // Title and proposers aside: only where the body matches.
        let mut any = query.clone();
        let mut first = None;
        for term in std::mem::take(&mut any.terms) {
            let one = Query { terms: vec![term] };
            if let Some(Hit { block: Some(b), .. }) = doc.hit(&Matcher::new(&one)) {
                first = Some(first.map_or(b, |f: usize| f.min(b)));
            }
        }
        first
    }
}

impl Entry {
    /// The title to show: the proposal's title, else the file name.
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.file)
    }

    /// The document number, else the id (for lists and exports).
    pub fn number(&self) -> String {
        self.meta.doc_number.clone().unwrap_or_else(|| self.id.clone())
    }

    /// The signature date, else the first day of the document number's year.
    pub fn date_key(&self) -> Date {
        let m = &self.meta;
        m.date.unwrap_or(Date {
            year: m.doc_year.unwrap_or(0),
            month: 0,
            day: 0,
        })
    }

    /// The body, once it is here.
    pub fn body(&self) -> Option<&Rc<Body>> {
        self.body.get()
    }

    /// The chunk to ask for: the one its body comes in, while it is not here.
    pub fn chunk_to_load(&self) -> Option<u32> {
        self.chunk.filter(|_| self.body().is_none())
    }
}

/// The whole corpus, in bundle order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Shared, so that a corpus with other imports keeps the bundled
    /// replies without copying them.
    pub entries: Vec<Rc<Entry>>,
    /// Indices of `entries`, newest first.
    pub newest: Vec<usize>,
    /// Figures and commitments of all replies together.
    pub figures: usize,
    pub commitments: usize,
    /// Figures and programmes named in several bundled replies, found at
    /// build time and loaded when first needed (shared by every corpus
    /// made from this one).
    bundled_xrefs: Rc<OnceCell<Vec<Term>>>,
    /// The same with the imported replies, found when first asked for.
    xrefs: OnceCell<Vec<Term>>,
    /// The follow-ups of imported replies' commitments among all replies,
    /// found once every body is here.
    import_leads: OnceCell<Vec<Vec<Leads>>>,
    /// Per chunk, the entries whose bodies it holds, in chunk order.
    chunks: Rc<Vec<Vec<usize>>>,
    /// The build's fingerprint, which every chunk and shard carries.
    fingerprint: u64,
    /// The search index's shards that have arrived.
    shards: Rc<RefCell<Shards>>,
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        self.entries == other.entries && self.newest == other.newest
    }
}

impl Corpus {
    /// Every reply with its body (natively, for tests).
    #[cfg(test)]
    pub fn new(bundle: Bundle) -> Corpus {
        let leads = {
            let dated: Vec<Dated> = bundle.replies.iter().map(|r| Dated::of(&r.reply)).collect();
            dafu_bundle::followups::find_all(&dated)
        };
        let replies = (bundle.replies.into_iter())
            .zip(leads)
            .map(|(BundledReply { file, reply }, leads)| (file, reply, leads));
        let mut corpus = Corpus::build(Vec::new(), replies, false);
        let terms = crate::model::xrefs::find(corpus.entries.iter().filter_map(|e| e.body()).map(|b| &b.reply));
        corpus.bundled_xrefs = Rc::new(OnceCell::from(terms));
        corpus
    }

    /// The list index alone: bodies arrive later ([`Corpus::deliver_chunk`]).
    pub fn from_list(list: ListIndex) -> Corpus {
        let mut ids = std::collections::HashSet::new();
        let mut chunks = vec![Vec::new(); list.chunks as usize];
        let mut entries = Vec::with_capacity(list.replies.len());
        for (i, listed) in list.replies.into_iter().enumerate() {
            if let Some(c) = chunks.get_mut(listed.chunk as usize) {
                c.push(i);
            }
            let Listed {
                file,
                meta,
                chunk,
                figures,
                commitments,
                largest_money,
            } = listed;
            let id = unique_id(&mut ids, &file, meta.doc_number.as_deref());
            entries.push(Rc::new(Entry {
                facts: static_facts(&meta, !commitments.is_empty()),
                file,
                id,
                imported: false,
                meta,
                figures: figures as usize,
                commitments,
                largest_money,
                chunk: Some(chunk),
                body: OnceCell::new(),
                probe: OnceCell::new(),
                search: None,
            }));
        }
        let mut corpus = Corpus::finish(entries);
        corpus.chunks = Rc::new(chunks);
        corpus.fingerprint = list.fingerprint;
        corpus.shards = Rc::new(RefCell::new(Shards::new(list.shards, list.fingerprint)));
        corpus
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
        let replies = (imported.iter()).map(|f| (f.file.clone(), f.reply.clone(), Vec::new()));
        let mut corpus = Corpus::build(bundled, replies, true);
        corpus.chunks = self.chunks.clone();
        corpus.bundled_xrefs = self.bundled_xrefs.clone();
        corpus.fingerprint = self.fingerprint;
        corpus.shards = self.shards.clone();
        corpus
    }

    fn build(
        mut entries: Vec<Rc<Entry>>,
        replies: impl Iterator<Item = (String, Reply, Vec<Leads>)>,
        imported: bool,
    ) -> Corpus {
        let mut ids: std::collections::HashSet<String> =
            entries.iter().map(|e| e.id.clone()).collect();
        for (file, reply, leads) in replies {
            let id = unique_id(&mut ids, &file, reply.meta.doc_number.as_deref());
            let body = Body::new(reply, leads);
            let reply = &body.reply;
            let money = dafu_bundle::split::listed(&file, reply, 0).largest_money;
            entries.push(Rc::new(Entry {
                search: Some(search_document(reply)),
                facts: static_facts(&reply.meta, !reply.commitments.is_empty()),
                id,
                imported,
                meta: reply.meta.clone(),
                figures: reply.figures.len(),
                commitments: reply.commitments.iter().map(|c| c.id.clone()).collect(),
                largest_money: money,
                chunk: None,
                body: OnceCell::from(Rc::new(body)),
                probe: OnceCell::new(),
                file,
            }));
        }
        Corpus::finish(entries)
    }

    fn finish(entries: Vec<Rc<Entry>>) -> Corpus {
        let mut newest: Vec<usize> = (0..entries.len()).collect();
        newest.sort_by(|&a, &b| {
            entries[b]
                .date_key()
                .cmp(&entries[a].date_key())
                .then(a.cmp(&b))
        });
        let figures = entries.iter().map(|e| e.figures).sum();
        let commitments = entries.iter().map(|e| e.commitments.len()).sum();
        Corpus {
            entries,
            newest,
            figures,
            commitments,
            ..Corpus::default()
        }
    }

    /// Figures and programmes named in more than one reply: the bundled
    /// replies' from the build; an imported reply joins a bundled term when
    /// its text names it, and terms that imported replies share are added.
    /// `None` until the bundled replies' terms have arrived.
    pub fn xrefs(&self) -> Option<&[Term]> {
        if let Some(terms) = self.xrefs.get() {
            return Some(terms);
        }
        let bundled = match self.bundled_xrefs.get() {
            Some(terms) => terms,
            None if self.entries.iter().all(|e| e.imported) => &Vec::new(),
            None => return None,
        };
        Some(self.xrefs.get_or_init(|| {
            let mut terms = bundled.clone();
            let imported: Vec<(usize, &Reply)> = (self.entries.iter().enumerate())
                .filter(|(_, e)| e.imported)
                .filter_map(|(i, e)| e.body().map(|b| (i, &b.reply)))
                .collect();
            if imported.is_empty() {
                return terms;
            }
            for term in &mut terms {
                let names = |r: &Reply| r.blocks.iter().any(|b| b.text.contains(&term.text));
                term.replies.extend(imported.iter().filter(|(_, r)| names(r)).map(|&(i, _)| i));
            }
            for mut shared in crate::model::xrefs::find(imported.iter().map(|&(_, r)| r)) {
                shared.replies.iter_mut().for_each(|r| *r = imported[*r].0);
                match terms.iter_mut().find(|t| t.kind == shared.kind && t.text == shared.text) {
                    Some(t) => t.replies.extend(shared.replies),
                    None => terms.push(shared),
                }
            }
            for t in &mut terms {
                t.replies.sort_unstable();
                t.replies.dedup();
            }
            terms
        }))
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
                for c in &e.commitments {
                    facts.statuses.insert(tracker.status(c));
                }
                facts
            })
            .collect()
    }
}

/// A unique id: the document number, else the file stem; `~2`, `~3` … when
/// taken (two files of the same stem, a bundled and an imported one).
fn unique_id(
    ids: &mut std::collections::HashSet<String>,
    file: &str,
    number: Option<&str>,
) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let mut id = match number {
        Some(n) if !n.is_empty() && !ids.contains(n) => n.to_owned(),
        _ => stem.to_owned(),
    };
    let mut n = 1;
    while ids.contains(&id) {
        n += 1;
        id = format!("{stem}~{n}");
    }
    ids.insert(id.clone());
    id
}

fn search_document(reply: &Reply) -> Document {
    let fields = dafu_bundle::search_fields(reply);
    Document::new(fields.title, fields.people, fields.body)
}

/// The kind's key for CSS classes and exports ("" when not stated).
pub fn kind_key(kind: Option<ReplyKind>) -> &'static str {
    kind.map_or("", ReplyKind::key)
}

/// The year a reply counts under (the year facet): its signature date's,
/// else its document number's.
pub fn reply_year(m: &Meta) -> Option<u16> {
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

fn static_facts(m: &Meta, commitments: bool) -> Facts {
    Facts {
        kind: m.kind,
        year: reply_year(m),
        session: m.session.as_deref().filter(|s| !s.is_empty()).map(Rc::from),
        result: Handling::of(m),
        commitments,
        statuses: StatusSet::default(),
    }
}

#[cfg(test)]
mod tests;
