//! A search index that the app's substring search can use instead of
//! scanning every reply: built at build time, split into shards that the
//! browser loads on demand, and giving exactly the matches and scores of the
//! brute-force search (`Document::hit` in the app's `src/model/search.rs`).
//!
//! # What it finds
//!
//! A document is three texts in normal form ([`crate::text`]): the title;
//! the people parts (proposers, document number, session, proposal number)
//! each normalised and joined with `'\u{1}'`; the body blocks each normalised
//! and joined with `'\u{1}'`. The separators are characters of the texts, so
//! a term containing `'\u{1}'` matches there as it does in the app. A query
//! is a list of terms (as `Query::parse` makes them: normalised, non-empty,
//! distinct). A document matches when every term occurs in its title,
//! people or body — never across two of them — and scores, summed over the
//! terms, `10_000·[in title] + 100·[in people] + min(99, occurrences in the
//! body)`, where occurrences are counted left to right without overlap (after
//! a match, counting resumes at its end: `"aaa"` occurs twice in
//! `"aaaaaaa"`), as `memchr::memmem::find_iter` and `str::match_indices` do.
//!
//! # How
//!
//! Each document's three texts share one space of character positions:
//! title at [`TITLE_BASE`], people at [`PEOPLE_BASE`], body at
//! [`BODY_BASE`]. Every character (unigram) and every pair of adjacent
//! characters of one text (bigram, never spanning two texts) is a *gram*; its
//! posting list holds, for each document containing it, the positions where
//! it starts. A one-character term is its unigram's postings. A longer term
//! of `n` characters occurs at `p` exactly when the bigrams at offsets 0, 2,
//! 4, … and `n - 2` of the term occur at `p` plus their offsets: together they
//! cover every character, and since each text is followed by at least one
//! unused position, a chain of such bigrams never leaves the text it starts
//! in. So the index answers without the texts.
//!
//! # API
//!
//! - [`build`] indexes documents ([`IndexInput`], numbered 0.. in input
//!   order) into [`BuiltIndex::shards`], each shard's encoded bytes. The
//!   shard count is the smallest power of two (1 to [`MAX_SHARDS`]) that
//!   brings the index's size divided by the count to at most
//!   `target_shard_bytes`.
//! - [`shard_of`] names the shard holding a gram; [`shards_needed`] the
//!   shards a query needs.
//! - [`Shard::decode`] checks and loads one shard's bytes (header, gram
//!   directory and every posting list are verified; postings are kept
//!   encoded and read per query).
//! - [`search`] answers a query from the shards it needs, or names the ones
//!   it was not given.
//!
//! The fingerprint passed to [`build`] is stored in every shard
//! ([`Shard::fingerprint`]); comparing it with the corpus the app holds is
//! the caller's job.
//!
//! # Format (version [`INDEX_VERSION`])
//!
//! Varints are unsigned LEB128 (7 bits a byte, least significant first). A
//! shard is:
//!
//! - header, 28 bytes: magic `b"DFIX"`; then, little-endian, format version
//!   (u32), shard id (u32), shard count (u32), fingerprint (u64) and
//!   document count (u32);
//! - gram directory: the number of grams (varint), then per gram in
//!   ascending order of its key: the key (varint; the first absolute, the
//!   rest as the difference from the previous key), the number of documents
//!   containing it (varint) and its posting list's length in bytes (varint).
//!   A gram's key is `c1 << 21` for the unigram `c1` and
//!   `c1 << 21 | (c2 + 1)` for the bigram `c1 c2` (characters as scalar
//!   values), so keys sort as the grams do;
//! - postings: the posting lists, in directory order, back to back. A
//!   posting list is, per document containing the gram in ascending order:
//!   - the document id, shifted left by one, plus 1 when the gram occurs
//!     once in the document (varint; the id of the first document absolute,
//!     the rest as the difference from the previous id);
//!   - unless it occurs once, the number of positions (varint, at least 2);
//!   - the positions in ascending order (varints): the first as its offset
//!     in its text times four plus 0 (body), 1 (title) or 2 (people); the
//!     rest as differences from the previous position.
//!
//! # Limits
//!
//! Texts in normal form may hold up to [`MAX_TITLE_CHARS`],
//! [`MAX_PEOPLE_CHARS`] and [`MAX_BODY_CHARS`] characters, a corpus up to
//! [`MAX_DOCS`] documents and a shard up to `u32::MAX` bytes; [`build`] panics
//! with a message naming the document beyond these rather than index it
//! wrongly.

mod build;
pub mod scan;
mod search;
mod shard;
mod varint;

#[cfg(test)]
mod tests;

pub use build::build;
pub use search::search;
pub use shard::{IndexError, Shard};

/// Bumped whenever the shard layout changes, so that a stale shard is
/// refused instead of misread.
pub const INDEX_VERSION: u32 = 1;

/// The first bytes of every shard.
pub const MAGIC: [u8; 4] = *b"DFIX";

/// The most shards an index is split into.
pub const MAX_SHARDS: u32 = 4096;

/// Where the title's characters are numbered from.
pub const TITLE_BASE: u32 = 0;
/// Where the people text's characters are numbered from.
pub const PEOPLE_BASE: u32 = 1 << 24;
/// Where the body's characters are numbered from.
pub const BODY_BASE: u32 = 1 << 25;

/// The longest title, in characters of normal form: one position before
/// [`PEOPLE_BASE`] stays unused.
pub const MAX_TITLE_CHARS: usize = (PEOPLE_BASE - TITLE_BASE - 1) as usize;
/// The longest people text (parts and separators), in characters of normal
/// form: one position before [`BODY_BASE`] stays unused.
pub const MAX_PEOPLE_CHARS: usize = (BODY_BASE - PEOPLE_BASE - 1) as usize;
/// The longest body (blocks and separators), in characters of normal form.
pub const MAX_BODY_CHARS: usize = (1 << 30) - 1;
/// The most documents an index holds.
pub const MAX_DOCS: usize = 1 << 31;

/// One document to index: its texts as given (the index normalises them).
#[derive(Debug, Clone, Default)]
pub struct IndexInput<'a> {
    pub title: &'a str,
    /// Proposers, document number, session and proposal number.
    pub people: Vec<&'a str>,
    /// The body blocks.
    pub body: Vec<&'a str>,
}

/// An index as [`build`] makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltIndex {
    /// Shard `i`'s encoded bytes; the length is the shard count, a power of
    /// two from 1 to [`MAX_SHARDS`].
    pub shards: Vec<Vec<u8>>,
}

/// A document that matches a query, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocHit {
    /// Its number: its place in the input of [`build`].
    pub doc: u32,
    pub score: u32,
}

/// A gram as a number that sorts as the grams do (see the module's format).
type Key = u64;

const LOW_BITS: u32 = 21;

fn unigram(c: char) -> Key {
    (c as u64) << LOW_BITS
}

fn bigram(a: char, b: char) -> Key {
    unigram(a) | (b as u64 + 1)
}

/// The characters of a key, `None` for a number that is no gram.
fn key_chars(key: Key) -> Option<([char; 2], usize)> {
    let first = char::from_u32(u32::try_from(key >> LOW_BITS).ok()?)?;
    match (key & ((1 << LOW_BITS) - 1)) as u32 {
        0 => Some(([first, first], 1)),
        low => Some(([first, char::from_u32(low - 1)?], 2)),
    }
}

/// The shard holding the postings of `gram` (one or two characters) in an
/// index of `shard_count` shards: FNV-1a (64 bits) of the gram's UTF-8,
/// mixed and reduced modulo the count. Stable across builds, platforms and
/// versions of Rust.
pub fn shard_of(gram: &[char], shard_count: u32) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut utf8 = [0; 4];
    for c in gram {
        for &byte in c.encode_utf8(&mut utf8).as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    // FNV's low bits are its weakest: fold the high half in and take the
    // top of a multiplicative hash.
    let mixed = (hash ^ (hash >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32;
    (mixed % u64::from(shard_count.max(1))) as u32
}

/// How a document's first position is written: its offset in its text,
/// times four, plus 0 for the body, 1 for the title, 2 for the people text
/// (small numbers, where the position itself would take four bytes).
fn encode_first(position: u32) -> u32 {
    if position >= BODY_BASE {
        (position - BODY_BASE) << 2
    } else if position >= PEOPLE_BASE {
        (position - PEOPLE_BASE) << 2 | 2
    } else {
        (position - TITLE_BASE) << 2 | 1
    }
}

/// The position [`encode_first`] wrote as `value`; `None` for no position.
fn decode_first(value: u32) -> Option<u32> {
    let offset = value >> 2;
    match value & 3 {
        0 => Some(BODY_BASE + offset),
        1 if (offset as usize) < MAX_TITLE_CHARS => Some(TITLE_BASE + offset),
        2 if (offset as usize) < MAX_PEOPLE_CHARS => Some(PEOPLE_BASE + offset),
        _ => None,
    }
}

fn shard_of_key(key: Key, shard_count: u32) -> u32 {
    match key_chars(key) {
        Some((chars, len)) => shard_of(&chars[..len], shard_count),
        None => 0,
    }
}

/// The grams that decide where `term` occurs, each with its offset in the
/// term: its unigram for one character, else the bigrams at offsets 0, 2,
/// 4, … and `len - 2`.
fn covering(term: &[char]) -> Vec<(u32, Key)> {
    match term {
        [] => Vec::new(),
        [c] => vec![(0, unigram(*c))],
        _ => {
            let last = term.len() - 2;
            let mut grams: Vec<(u32, Key)> = (0..=last)
                .step_by(2)
                .map(|o| (o as u32, bigram(term[o], term[o + 1])))
                .collect();
            if last % 2 == 1 {
                grams.push((last as u32, bigram(term[last], term[last + 1])));
            }
            grams
        }
    }
}

/// The shards that [`search`] needs for `terms`, sorted and without
/// duplicates. With no (non-empty) term, every document matches and shard 0
/// tells how many there are.
pub fn shards_needed(terms: &[String], shard_count: u32) -> Vec<u32> {
    let mut chars = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for term in terms {
        chars.clear();
        chars.extend(term.chars());
        ids.extend(
            covering(&chars)
                .into_iter()
                .map(|(_, key)| shard_of_key(key, shard_count)),
        );
    }
    if terms.iter().all(|t| t.is_empty()) {
        ids.push(0);
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}
