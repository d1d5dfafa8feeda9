//! Answering a query from the shards: posting lists are walked in step,
//! document by document, and only the documents in all of a term's lists
//! have their positions read.

use super::{
    covering, decode_first, shard_of_key, shards_needed, varint, DocHit, Key, Shard, BODY_BASE,
    PEOPLE_BASE,
};

/// The most body occurrences a term scores.
const BODY_CAP: u32 = 99;

/// The documents where every term occurs, in ascending order, with their
/// scores (see the module's documentation); exactly what the app's
/// brute-force search finds. `shard(i)` gives shard `i` if it is loaded.
///
/// Terms are expected in normal form, non-empty and distinct, as the app's
/// `Query::parse` makes them; an empty term is ignored, and with no term
/// left every document matches with score 0.
///
/// `Err` lists the shards that are needed ([`shards_needed`]) but that
/// `shard` does not give (or gives with another id or shard count).
pub fn search<'s>(
    terms: &[String],
    shard_count: u32,
    shard: impl Fn(u32) -> Option<&'s Shard>,
) -> Result<Vec<DocHit>, Vec<u32>> {
    let needed = shards_needed(terms, shard_count);
    let mut loaded: Vec<(u32, &'s Shard)> = Vec::with_capacity(needed.len());
    let mut missing = Vec::new();
    for id in needed {
        match shard(id).filter(|s| s.id() == id && s.shard_count() == shard_count) {
            Some(s) => loaded.push((id, s)),
            None => missing.push(id),
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let terms: Vec<&String> = terms.iter().filter(|t| !t.is_empty()).collect();
    if terms.is_empty() {
        let docs = loaded.first().map_or(0, |(_, s)| s.doc_count());
        return Ok((0..docs).map(|doc| DocHit { doc, score: 0 }).collect());
    }
    let lookup = |key: Key| {
        let id = shard_of_key(key, shard_count);
        let s: &'s Shard = loaded.iter().find(|(i, _)| *i == id)?.1;
        s.postings(key)
    };
    let mut plans = Vec::with_capacity(terms.len());
    for term in terms {
        match Plan::new(term, lookup) {
            Some(plan) => plans.push(plan),
            // A gram that occurs nowhere: neither does the term.
            None => return Ok(Vec::new()),
        }
    }
    // The rarest term first: later ones only look at what it found.
    plans.sort_by_key(|p| p.rarity);
    let mut found: Option<Vec<DocHit>> = None;
    for mut plan in plans {
        let hits = plan.hits(found.as_deref());
        if hits.is_empty() {
            return Ok(hits);
        }
        found = Some(hits);
    }
    Ok(found.unwrap_or_default())
}

/// One term, ready to be matched: a cursor per distinct covering gram and
/// the offset each covering gram must occur at.
struct Plan<'a> {
    /// Characters in the term.
    len: u32,
    cursors: Vec<Cursor<'a>>,
    /// (offset in the term, cursor).
    grams: Vec<(u32, usize)>,
    /// The fewest documents of any of its grams.
    rarity: u32,
    /// Per cursor, the positions of the current document.
    positions: Vec<Vec<u32>>,
    /// Per covering gram, how far its positions have been passed.
    next: Vec<usize>,
}

impl<'a> Plan<'a> {
    fn new(term: &str, lookup: impl Fn(Key) -> Option<(&'a [u8], u32)>) -> Option<Plan<'a>> {
        let chars: Vec<char> = term.chars().collect();
        let mut keys: Vec<Key> = Vec::new();
        let mut cursors = Vec::new();
        let mut grams = Vec::new();
        let mut rarity = u32::MAX;
        for (offset, key) in covering(&chars) {
            let i = match keys.iter().position(|&k| k == key) {
                Some(i) => i,
                None => {
                    let (data, docs) = lookup(key)?;
                    rarity = rarity.min(docs);
                    keys.push(key);
                    cursors.push(Cursor::new(data, docs));
                    cursors.len() - 1
                }
            };
            grams.push((offset, i));
        }
        Some(Plan {
            len: chars.len() as u32,
            positions: vec![Vec::new(); cursors.len()],
            next: vec![0; grams.len()],
            cursors,
            grams,
            rarity,
        })
    }

    /// The documents where the term occurs, with their scores added to
    /// those of `among` if given (then only those documents are looked at).
    fn hits(&mut self, among: Option<&[DocHit]>) -> Vec<DocHit> {
        let mut out = Vec::new();
        match among {
            None => {
                let mut target = 0;
                while let Some(doc) = self.seek(target) {
                    if let Some(score) = self.score() {
                        out.push(DocHit { doc, score });
                    }
                    let Some(next) = doc.checked_add(1) else {
                        break;
                    };
                    target = next;
                }
            }
            Some(among) => {
                for hit in among {
                    match self.seek(hit.doc) {
                        Some(doc) if doc == hit.doc => {
                            if let Some(score) = self.score() {
                                out.push(DocHit {
                                    doc,
                                    score: hit.score + score,
                                });
                            }
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            }
        }
        out
    }

    /// Moves every cursor to the first document at or after `target` that
    /// all of them hold.
    fn seek(&mut self, mut target: u32) -> Option<u32> {
        'again: loop {
            for c in &mut self.cursors {
                let doc = c.seek(target)?;
                if doc != target {
                    target = doc;
                    continue 'again;
                }
            }
            return Some(target);
        }
    }

    /// The term's score in the document all cursors are at; `None` when
    /// its grams occur there but not in a row.
    fn score(&mut self) -> Option<u32> {
        let mut tally = Tally::new(self.len);
        if let [(0, _)] = self.grams[..] {
            let c = &mut self.cursors[0];
            let (data, mut at, count) = c.positions_start();
            let mut p = 0;
            for i in 0..count {
                p = position(i, p, varint::next(data, &mut at));
                if tally.add(p) {
                    break;
                }
            }
        } else {
            for (c, buf) in self.cursors.iter_mut().zip(&mut self.positions) {
                c.read_positions(buf);
            }
            // Driven by the covering gram with the fewest positions.
            let (lead, &(lead_offset, lead_cursor)) = self
                .grams
                .iter()
                .enumerate()
                .min_by_key(|(_, (_, c))| self.positions[*c].len())
                .expect("a term has grams");
            self.next.fill(0);
            'starts: for &p in &self.positions[lead_cursor] {
                let Some(start) = p.checked_sub(lead_offset) else {
                    continue;
                };
                for (g, &(offset, c)) in self.grams.iter().enumerate() {
                    if g == lead {
                        continue;
                    }
                    let Some(want) = start.checked_add(offset) else {
                        break 'starts;
                    };
                    let list = &self.positions[c];
                    let i = &mut self.next[g];
                    while *i < list.len() && list[*i] < want {
                        *i += 1;
                    }
                    if *i == list.len() {
                        break 'starts;
                    }
                    if list[*i] != want {
                        continue 'starts;
                    }
                }
                if tally.add(start) {
                    break;
                }
            }
        }
        tally.score()
    }
}

/// Where a term occurs in one document, start by start in ascending order.
struct Tally {
    len: u32,
    title: bool,
    people: bool,
    body: u32,
    /// Where the last body occurrence counted ends.
    free_from: u64,
}

impl Tally {
    fn new(len: u32) -> Tally {
        Tally {
            len,
            title: false,
            people: false,
            body: 0,
            free_from: 0,
        }
    }

    /// Adds an occurrence at `start`; true once nothing more can change the
    /// score (body occurrences come last).
    #[inline]
    fn add(&mut self, start: u32) -> bool {
        if start < PEOPLE_BASE {
            self.title = true;
        } else if start < BODY_BASE {
            self.people = true;
        } else if u64::from(start) >= self.free_from {
            self.body += 1;
            self.free_from = u64::from(start) + u64::from(self.len);
            return self.body == BODY_CAP;
        }
        false
    }

    fn score(&self) -> Option<u32> {
        (self.title || self.people || self.body > 0)
            .then(|| 10_000 * u32::from(self.title) + 100 * u32::from(self.people) + self.body)
    }
}

/// A position in one posting list.
struct Cursor<'a> {
    data: &'a [u8],
    /// Documents not yet entered.
    docs_left: u32,
    /// The current document, if entered.
    doc: Option<u32>,
    /// Where the current document's positions start, and how many.
    at: usize,
    count: u32,
}

impl<'a> Cursor<'a> {
    fn new(data: &'a [u8], docs: u32) -> Cursor<'a> {
        Cursor {
            data,
            docs_left: docs,
            doc: None,
            at: 0,
            count: 0,
        }
    }

    /// Moves to the first document at or after `target`.
    #[inline]
    fn seek(&mut self, target: u32) -> Option<u32> {
        if let Some(doc) = self.doc {
            if doc >= target {
                return Some(doc);
            }
        }
        loop {
            if self.docs_left == 0 {
                self.doc = None;
                return None;
            }
            let mut at = varint::skip(self.data, self.at, self.count);
            let head = varint::next(self.data, &mut at);
            let doc = match self.doc {
                Some(previous) => previous.wrapping_add(head >> 1),
                None => head >> 1,
            };
            self.count = match head & 1 {
                1 => 1,
                _ => varint::next(self.data, &mut at),
            };
            self.at = at;
            self.docs_left -= 1;
            self.doc = Some(doc);
            if doc >= target {
                return Some(doc);
            }
        }
    }

    /// The data, where the current document's positions start, and how many.
    fn positions_start(&self) -> (&'a [u8], usize, u32) {
        (self.data, self.at, self.count)
    }

    fn read_positions(&self, out: &mut Vec<u32>) {
        out.clear();
        let mut at = self.at;
        let mut p = 0;
        for i in 0..self.count {
            p = position(i, p, varint::next(self.data, &mut at));
            out.push(p);
        }
    }
}

/// Position `i` of a document, from the one before and the value written.
#[inline]
fn position(i: u32, previous: u32, value: u32) -> u32 {
    if i == 0 {
        // Checked when the shard was decoded.
        decode_first(value).unwrap_or(u32::MAX)
    } else {
        previous.wrapping_add(value)
    }
}
