//! The replies list's search: the bundled replies through the build-time
//! index ([`dafu_bundle::index`]), whose shards arrive as they are needed;
//! replies whose body is at hand (imported ones, or every reply natively)
//! by scanning their search documents. Both give the same matches and
//! scores (the index is tested against the scan).

use dafu_bundle::index::{self, Shard};

use super::{Corpus, Entry};
use crate::model::facets::{self, FacetCounts, Facts};
use crate::model::route::Filters;
use crate::model::search::{Matcher, Query};

/// What the list shows for a search and a facet selection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub query: Query,
    /// Indices into [`Corpus::entries`], in display order.
    pub rows: Vec<usize>,
    pub counts: Vec<FacetCounts>,
    /// Every reply the search text matches, facets aside, in corpus order:
    /// where a search that extends this one looks.
    pub matching: Vec<usize>,
    /// Shards of the index the search still waits for; the rows are empty
    /// until they are here.
    pub pending: Vec<u32>,
}

/// The shards of the search index that have arrived.
#[derive(Debug, Default)]
pub struct Shards {
    count: u32,
    fingerprint: u64,
    have: Vec<Option<Shard>>,
}

impl Shards {
    pub fn new(count: u32, fingerprint: u64) -> Shards {
        Shards {
            count,
            fingerprint,
            have: (0..count).map(|_| None).collect(),
        }
    }

    /// Takes in a shard's bytes; its id, or why it is refused.
    pub fn deliver(&mut self, bytes: Vec<u8>) -> Result<u32, String> {
        let shard = Shard::decode(bytes).map_err(|e| e.to_string())?;
        if shard.fingerprint() != self.fingerprint || shard.shard_count() != self.count {
            return Err("the file belongs to another build of the corpus".into());
        }
        let id = shard.id();
        match self.have.get_mut(id as usize) {
            Some(slot) => {
                slot.get_or_insert(shard);
                Ok(id)
            }
            None => Err(format!("no shard {id} in this corpus")),
        }
    }

    /// Matches and scores of the indexed replies, or the shards missing.
    fn search(&self, terms: &[String]) -> Result<Vec<index::DocHit>, Vec<u32>> {
        index::search(terms, self.count, |id| {
            self.have.get(id as usize).and_then(Option::as_ref)
        })
    }
}

impl Corpus {
    /// Runs a search: the rows in order (by relevance while searching, else
    /// newest first) and the facet counts, from one predicate. `facts` are
    /// [`Corpus::facts`]; `previous`, the last outcome: when this search
    /// extends its text, the scanned replies it did not match are skipped.
    pub fn search(&self, filters: &Filters, facts: &[Facts], previous: Option<&Outcome>) -> Outcome {
        let query = Query::parse(&filters.q);
        let mut pending = Vec::new();
        let mut scored: Vec<(usize, u32)> = Vec::new();
        if query.is_empty() {
            scored.extend((0..self.entries.len()).map(|i| (i, 0)));
        } else {
            // Indexed replies come first: the list index's order.
            let indexed = self.entries.iter().take_while(|e| e.search.is_none()).count();
            if indexed > 0 {
                match self.shards.borrow().search(&query.terms) {
                    Ok(hits) => scored.extend(
                        hits.into_iter()
                            .filter(|h| (h.doc as usize) < indexed)
                            .map(|h| (h.doc as usize, h.score)),
                    ),
                    Err(missing) => pending = missing,
                }
            }
            let matcher = Matcher::new(&query);
            let hit = |i: usize| {
                let entry: &Entry = &self.entries[i];
                let doc = entry.search.as_ref()?;
                doc.hit(&matcher).map(|h| (i, h.score))
            };
            match previous {
                Some(p) if p.pending.is_empty() && query.narrows(&p.query) => {
                    scored.extend(p.matching.iter().filter(|&&i| i >= indexed).filter_map(|&i| hit(i)))
                }
                _ => scored.extend((indexed..self.entries.len()).filter_map(hit)),
            }
        }
        if !pending.is_empty() {
            return Outcome {
                query,
                pending,
                ..Outcome::default()
            };
        }
        let matching: Vec<usize> = scored.iter().map(|&(i, _)| i).collect();
        let counts = facets::counts(facts, &matching, filters);
        let mut rows: Vec<(usize, u32)> = scored
            .into_iter()
            .filter(|&(i, _)| facets::fits(filters, &facts[i], None))
            .collect();
        rows.sort_by(|&(a, sa), &(b, sb)| {
            let (ea, eb) = (&self.entries[a], &self.entries[b]);
            sb.cmp(&sa)
                .then(eb.date_key().cmp(&ea.date_key()))
                .then(a.cmp(&b))
        });
        Outcome {
            query,
            rows: rows.into_iter().map(|(i, _)| i).collect(),
            counts,
            matching,
            pending,
        }
    }
}

#[cfg(test)]
impl Corpus {
    /// A search with no previous outcome to narrow.
    pub(super) fn search_fresh(&self, filters: &Filters, tracker: &crate::model::tracker::Tracker) -> Outcome {
        self.search(filters, &self.facts(tracker), None)
    }
}
