//! Reading a shard: the header and gram directory are decoded, every
//! posting list is checked once, and the postings stay encoded.

use super::build::HEADER_LEN;
use super::{decode_first, key_chars, shard_of_key, varint, Key, INDEX_VERSION, MAGIC, MAX_SHARDS};

/// Why shard bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// The bytes do not start with `DFIX`.
    BadMagic,
    /// Written in another version of the format.
    Version { found: u32 },
    /// The bytes end before what they announce.
    Truncated,
    /// A number is longer than its type allows.
    CorruptVarint,
    /// The bytes are not a shard as [`super::build`] writes them.
    Corrupt(&'static str),
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::BadMagic => write!(f, "not a search index shard (bad magic)"),
            IndexError::Version { found } => {
                write!(f, "search index format {found}, expected {INDEX_VERSION}")
            }
            IndexError::Truncated => write!(f, "search index shard is truncated"),
            IndexError::CorruptVarint => write!(f, "search index shard holds a malformed number"),
            IndexError::Corrupt(why) => write!(f, "corrupt search index shard: {why}"),
        }
    }
}

impl std::error::Error for IndexError {}

/// One gram of a shard's directory.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub key: Key,
    /// How many documents contain the gram.
    pub docs: u32,
    /// Its posting list: a range of the shard's bytes.
    pub start: u32,
    pub end: u32,
}

/// One decoded shard of an index.
#[derive(Debug, Clone)]
pub struct Shard {
    bytes: Vec<u8>,
    id: u32,
    shard_count: u32,
    fingerprint: u64,
    doc_count: u32,
    directory: Vec<Entry>,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

impl Shard {
    /// Checks and loads a shard's bytes. Every length is checked against
    /// the bytes that remain before anything is allocated for it, and every
    /// posting list is walked once, so that searching never meets a
    /// malformed one.
    pub fn decode(bytes: Vec<u8>) -> Result<Shard, IndexError> {
        if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
            return Err(if MAGIC.starts_with(&bytes[..bytes.len().min(4)]) {
                IndexError::Truncated
            } else {
                IndexError::BadMagic
            });
        }
        if bytes.len() < HEADER_LEN {
            return Err(IndexError::Truncated);
        }
        let version = u32_at(&bytes, 4);
        if version != INDEX_VERSION {
            return Err(IndexError::Version { found: version });
        }
        let id = u32_at(&bytes, 8);
        let shard_count = u32_at(&bytes, 12);
        let fingerprint = u64::from_le_bytes(bytes[16..24].try_into().expect("8 bytes"));
        let doc_count = u32_at(&bytes, 24);
        if !shard_count.is_power_of_two() || shard_count > MAX_SHARDS || id >= shard_count {
            return Err(IndexError::Corrupt("impossible shard id or count"));
        }
        if u32::try_from(bytes.len()).is_err() {
            return Err(IndexError::Corrupt("larger than 4 GiB"));
        }
        let mut at = HEADER_LEN;
        let grams = varint::read_u32(&bytes, &mut at)? as usize;
        // Each entry takes at least three bytes.
        if grams > (bytes.len() - at) / 3 {
            return Err(IndexError::Truncated);
        }
        let mut directory = Vec::with_capacity(grams);
        let mut key: Key = 0;
        let mut end: u64 = 0;
        for i in 0..grams {
            let delta = varint::read_u64(&bytes, &mut at)?;
            if i > 0 && delta == 0 {
                return Err(IndexError::Corrupt("grams out of order"));
            }
            key = key
                .checked_add(delta)
                .ok_or(IndexError::Corrupt("gram out of range"))?;
            if key_chars(key).is_none() {
                return Err(IndexError::Corrupt("gram out of range"));
            }
            if shard_of_key(key, shard_count) != id {
                return Err(IndexError::Corrupt("gram in the wrong shard"));
            }
            let docs = varint::read_u32(&bytes, &mut at)?;
            if docs == 0 || docs > doc_count {
                return Err(IndexError::Corrupt("impossible document count for a gram"));
            }
            let len = varint::read_u32(&bytes, &mut at)?;
            let start = end;
            end += u64::from(len);
            directory.push(Entry {
                key,
                docs,
                // Made absolute below, once the postings' start is known.
                start: start.min(u64::from(u32::MAX)) as u32,
                end: end.min(u64::from(u32::MAX)) as u32,
            });
        }
        let blob = (bytes.len() - at) as u64;
        if end > blob {
            return Err(IndexError::Truncated);
        }
        if end < blob {
            return Err(IndexError::Corrupt("bytes after the last posting list"));
        }
        let base = at as u32;
        for entry in &mut directory {
            entry.start += base;
            entry.end += base;
            let postings = &bytes[entry.start as usize..entry.end as usize];
            check_postings(postings, entry.docs, doc_count)?;
        }
        Ok(Shard {
            bytes,
            id,
            shard_count,
            fingerprint,
            doc_count,
            directory,
        })
    }

    /// Its number, from 0.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// How many shards its index has.
    pub fn shard_count(&self) -> u32 {
        self.shard_count
    }

    /// The fingerprint its index was built with.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// How many documents its index has.
    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// How many grams it holds.
    pub fn gram_count(&self) -> usize {
        self.directory.len()
    }

    /// The posting list of a gram and the number of documents in it, if
    /// this shard holds the gram.
    pub(super) fn postings(&self, key: Key) -> Option<(&[u8], u32)> {
        let i = self.directory.binary_search_by_key(&key, |e| e.key).ok()?;
        let e = self.directory[i];
        Some((&self.bytes[e.start as usize..e.end as usize], e.docs))
    }
}

/// Checks that a posting list holds `docs` documents below `doc_count` in
/// ascending order, each with ascending positions, and nothing else.
fn check_postings(data: &[u8], docs: u32, doc_count: u32) -> Result<(), IndexError> {
    let mut at = 0;
    let mut doc: u32 = 0;
    for i in 0..docs {
        let head = varint::read_u32(data, &mut at)?;
        let delta = head >> 1;
        if i > 0 && delta == 0 {
            return Err(IndexError::Corrupt("documents out of order"));
        }
        doc = doc
            .checked_add(delta)
            .filter(|&d| d < doc_count)
            .ok_or(IndexError::Corrupt("document out of range"))?;
        let positions = match head & 1 {
            1 => 1,
            _ => varint::read_u32(data, &mut at)?,
        };
        if head & 1 == 0 && positions < 2 {
            return Err(IndexError::Corrupt("impossible number of positions"));
        }
        if positions as usize > data.len() - at {
            return Err(IndexError::Truncated);
        }
        let mut position: u32 = 0;
        for j in 0..positions {
            let value = varint::read_u32(data, &mut at)?;
            if j > 0 && value == 0 {
                return Err(IndexError::Corrupt("positions out of order"));
            }
            position = match j {
                0 => decode_first(value),
                _ => position.checked_add(value),
            }
            .ok_or(IndexError::Corrupt("position out of range"))?;
        }
    }
    if at != data.len() {
        return Err(IndexError::Corrupt(
            "bytes after a posting list's documents",
        ));
    }
    Ok(())
}
