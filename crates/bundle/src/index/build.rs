//! Building the index: each document's postings are appended to its grams'
//! byte buffers as the documents go by, so memory stays about the size of
//! the finished index.

use super::{
    bigram, shard_of_key, unigram, varint, BuiltIndex, IndexInput, Key, BODY_BASE, INDEX_VERSION,
    MAGIC, MAX_BODY_CHARS, MAX_PEOPLE_CHARS, MAX_SHARDS, MAX_TITLE_CHARS, PEOPLE_BASE, TITLE_BASE,
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
        varint::put(&mut self.bytes, delta.into());
        varint::put(&mut self.bytes, positions.len() as u64);
        let mut previous = 0;
        for (i, p) in positions.enumerate() {
            varint::put(
                &mut self.bytes,
                u64::from(if i == 0 { p } else { p - previous }),
            );
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
/// `u32::MAX` documents or a shard would exceed `u32::MAX` bytes: the
/// message names the document.
pub fn build<'a>(
    docs: impl IntoIterator<Item = IndexInput<'a>>,
    fingerprint: u64,
    target_shard_bytes: usize,
) -> BuiltIndex {
    let mut grams: HashMap<Key, Postings> = HashMap::new();
    let mut pairs: Vec<(Key, u32)> = Vec::new();
    let mut text: Vec<char> = Vec::new();
    let mut doc_count: u32 = 0;
    for (doc, input) in docs.into_iter().enumerate() {
        let doc = u32::try_from(doc).expect("search index: more than u32::MAX documents");
        pairs.clear();
        text.clear();
        text.extend(input.title.chars().filter_map(normalize_char));
        region(&mut pairs, &text, TITLE_BASE, MAX_TITLE_CHARS, doc, "title");
        join(&mut text, &input.people);
        region(
            &mut pairs,
            &text,
            PEOPLE_BASE,
            MAX_PEOPLE_CHARS,
            doc,
            "people text",
        );
        join(&mut text, &input.body);
        region(&mut pairs, &text, BODY_BASE, MAX_BODY_CHARS, doc, "body");
        pairs.sort_unstable();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            grams
                .entry(group[0].0)
                .or_default()
                .push(doc, group.iter().map(|&(_, p)| p));
        }
        doc_count = doc + 1;
    }
    let mut grams: Vec<(Key, Postings)> = grams.into_iter().collect();
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

/// Adds the grams of one text, numbered from `base`.
fn region(pairs: &mut Vec<(Key, u32)>, text: &[char], base: u32, max: usize, doc: u32, what: &str) {
    assert!(
        text.len() <= max,
        "search index: document {doc}'s {what} has {} characters in normal form, \
         more than the index supports ({max})",
        text.len()
    );
    for (i, &c) in text.iter().enumerate() {
        let at = base + i as u32;
        pairs.push((unigram(c), at));
        if let Some(&next) = text.get(i + 1) {
            pairs.push((bigram(c, next), at));
        }
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
