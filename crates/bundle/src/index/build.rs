//! Building the index: each document's postings are appended to its grams'
//! byte buffers as the documents go by, so memory stays about the size of
//! the finished index.

use super::{
    bigram, encode_first, shard_of_key, unigram, varint, BuiltIndex, IndexInput, Key, BODY_BASE,
    INDEX_VERSION, MAGIC, MAX_BODY_CHARS, MAX_DOCS, MAX_PEOPLE_CHARS, MAX_SHARDS, MAX_TITLE_CHARS,
    PEOPLE_BASE, TITLE_BASE,
};
use crate::text::normalize_char;
use std::collections::HashMap;

/// The bytes of a shard's header.
pub(super) const HEADER_LEN: usize = 28;

/// One gram's posting list as it grows.
#[derive(Default)]
struct Postings {
    bytes: Vec<u8>,
    docs: u32,
    last_doc: u32,
}

impl Postings {
    fn push(&mut self, doc: u32, positions: impl ExactSizeIterator<Item = u32>) {
        let delta = if self.docs == 0 {
            doc
        } else {
            doc - self.last_doc
        };
        let once = positions.len() == 1;
        varint::put(&mut self.bytes, u64::from(delta) << 1 | u64::from(once));
        if !once {
            varint::put(&mut self.bytes, positions.len() as u64);
        }
        let mut previous = 0;
        for (i, p) in positions.enumerate() {
            let value = if i == 0 {
                encode_first(p)
            } else {
                p - previous
            };
            varint::put(&mut self.bytes, value.into());
            previous = p;
        }
        self.docs += 1;
        self.last_doc = doc;
    }
}

/// Indexes `docs` (numbered 0.. in order) into shards of about
/// `target_shard_bytes` each, stamping every shard with `fingerprint`.
///
/// # Panics
///
/// When a text is longer than the index supports ([`MAX_TITLE_CHARS`],
/// [`MAX_PEOPLE_CHARS`], [`MAX_BODY_CHARS`]), there are more than
/// [`MAX_DOCS`] documents or a shard would exceed `u32::MAX` bytes: the
/// message names the document.
pub fn build<'a>(
    docs: impl IntoIterator<Item = IndexInput<'a>>,
    fingerprint: u64,
    target_shard_bytes: usize,
) -> BuiltIndex {
    let mut grams = Grams::default();
    let mut text: Vec<char> = Vec::new();
    let mut doc_count: u32 = 0;
    for (doc, input) in docs.into_iter().enumerate() {
        assert!(
            doc < MAX_DOCS,
            "search index: more than {MAX_DOCS} documents"
        );
        let doc = doc as u32;
        text.clear();
        text.extend(input.title.chars().filter_map(normalize_char));
        grams.region(&text, TITLE_BASE, MAX_TITLE_CHARS, doc, "title");
        join(&mut text, &input.people);
        grams.region(&text, PEOPLE_BASE, MAX_PEOPLE_CHARS, doc, "people text");
        join(&mut text, &input.body);
        grams.region(&text, BODY_BASE, MAX_BODY_CHARS, doc, "body");
        grams.end_doc(doc);
        doc_count = doc + 1;
    }
    let mut grams: Vec<(Key, Postings)> = grams.postings.into_iter().collect();
    grams.sort_unstable_by_key(|&(key, _)| key);
    let shard_count = shard_count(&grams, target_shard_bytes);
    let mut shards: Vec<Vec<(Key, Postings)>> = (0..shard_count).map(|_| Vec::new()).collect();
    for (key, postings) in grams {
        shards[shard_of_key(key, shard_count) as usize].push((key, postings));
    }
    BuiltIndex {
        shards: shards
            .into_iter()
            .enumerate()
            .map(|(id, grams)| encode(id as u32, shard_count, fingerprint, doc_count, grams))
            .collect(),
    }
}

/// Puts the parts in normal form into `text`, joined with `'\u{1}'` as the
/// app's `Document::new` joins them.
fn join(text: &mut Vec<char>, parts: &[&str]) {
    text.clear();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push('\u{1}');
        }
        text.extend(part.chars().filter_map(normalize_char));
    }
}

/// Every gram seen so far, and the occurrences of the document being read.
#[derive(Default)]
struct Grams {
    postings: HashMap<Key, Postings, BuildMix>,
    /// The current document's grams, numbered in order of first occurrence
    /// (a small table that stays in cache while the document is read).
    local: HashMap<Key, u32, BuildMix>,
    keys: Vec<Key>,
    /// Per gram of the current document, how often it occurs, then where
    /// its positions go in `positions`.
    counts: Vec<u32>,
    slots: Vec<u32>,
    /// The current document's occurrences in the order read: (its gram's
    /// number, position). Each gram's positions come in ascending order.
    occurrences: Vec<(u32, u32)>,
    positions: Vec<u32>,
}

impl Grams {
    /// Adds the grams of one text of the current document, numbered from
    /// `base`.
    fn region(&mut self, text: &[char], base: u32, max: usize, doc: u32, what: &str) {
        assert!(
            text.len() <= max,
            "search index: document {doc}'s {what} has {} characters in normal form, \
             more than the index supports ({max})",
            text.len()
        );
        for (i, &c) in text.iter().enumerate() {
            let at = base + i as u32;
            self.add(unigram(c), at);
            if let Some(&next) = text.get(i + 1) {
                self.add(bigram(c, next), at);
            }
        }
    }

    fn add(&mut self, key: Key, at: u32) {
        let id = *self.local.entry(key).or_insert_with(|| {
            self.keys.push(key);
            self.counts.push(0);
            (self.keys.len() - 1) as u32
        });
        self.counts[id as usize] += 1;
        self.occurrences.push((id, at));
    }

    /// Appends the current document's positions to its grams' postings,
    /// grouped by gram with a counting sort: time linear in its length.
    fn end_doc(&mut self, doc: u32) {
        self.slots.clear();
        let mut next = 0;
        for &count in &self.counts {
            self.slots.push(next);
            next += count;
        }
        self.positions.clear();
        self.positions.resize(self.occurrences.len(), 0);
        for &(id, at) in &self.occurrences {
            let slot = &mut self.slots[id as usize];
            self.positions[*slot as usize] = at;
            *slot += 1;
        }
        for (i, &key) in self.keys.iter().enumerate() {
            let (end, count) = (self.slots[i], self.counts[i]);
            let positions = &self.positions[(end - count) as usize..end as usize];
            self.postings
                .entry(key)
                .or_default()
                .push(doc, positions.iter().copied());
        }
        self.local.clear();
        self.keys.clear();
        self.counts.clear();
        self.occurrences.clear();
    }
}

/// Hashes gram keys: one multiplication and shifts (murmur3's finaliser);
/// the keys are not chosen by an adversary.
#[derive(Default, Clone, Copy)]
struct BuildMix;

#[derive(Default)]
struct Mix(u64);

impl std::hash::BuildHasher for BuildMix {
    type Hasher = Mix;
    fn build_hasher(&self) -> Mix {
        Mix(0)
    }
}

impl std::hash::Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let mut h = (self.0 ^ n) ^ ((self.0 ^ n) >> 33);
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        self.0 = h ^ (h >> 33);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The size of a directory entry.
fn entry_len(key: Key, postings: &Postings) -> usize {
    varint::len(key) + varint::len(postings.docs.into()) + varint::len(postings.bytes.len() as u64)
}

/// The smallest power of two that brings the index's size (as one shard)
/// per shard down to `target` bytes, at most [`MAX_SHARDS`].
fn shard_count(grams: &[(Key, Postings)], target: usize) -> u32 {
    let mut previous = 0;
    let mut total = HEADER_LEN + varint::len(grams.len() as u64);
    for (key, p) in grams {
        total += entry_len(key - previous, p) + p.bytes.len();
        previous = *key;
    }
    let mut count = 1u32;
    while count < MAX_SHARDS && total.div_ceil(count as usize) > target {
        count *= 2;
    }
    count
}

fn encode(
    id: u32,
    shard_count: u32,
    fingerprint: u64,
    doc_count: u32,
    mut grams: Vec<(Key, Postings)>,
) -> Vec<u8> {
    let blob: usize = grams.iter().map(|(_, p)| p.bytes.len()).sum();
    // Keys written whole: a bound on the size of the directory.
    let directory: usize = grams.iter().map(|(key, p)| entry_len(*key, p)).sum();
    let size = HEADER_LEN + varint::len(grams.len() as u64) + directory + blob;
    assert!(
        u32::try_from(size).is_ok(),
        "search index: shard {id} of {shard_count} would hold {size} bytes, more than u32::MAX"
    );
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&INDEX_VERSION.to_le_bytes());
    out.extend_from_slice(&id.to_le_bytes());
    out.extend_from_slice(&shard_count.to_le_bytes());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&doc_count.to_le_bytes());
    debug_assert_eq!(out.len(), HEADER_LEN);
    varint::put(&mut out, grams.len() as u64);
    let mut previous = 0;
    for (key, postings) in &grams {
        varint::put(&mut out, key - previous);
        varint::put(&mut out, postings.docs.into());
        varint::put(&mut out, postings.bytes.len() as u64);
        previous = *key;
    }
    for (_, postings) in &mut grams {
        out.extend_from_slice(&std::mem::take(&mut postings.bytes));
    }
    out
}
