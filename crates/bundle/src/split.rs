//! The corpus split for the browser: a small list index the app decodes at
//! start-up, and the reply bodies in chunks of a few replies that it loads
//! when a reply is opened or a snippet is needed.
//!
//! Every file of one build carries the same fingerprint, so a chunk from
//! another build is refused instead of shown under the wrong reply.
//!
//! The chunk and shard files are classic scripts, so that they load from
//! file:// as well as from http (a `fetch` from file:// is refused):
//! `(self.dafuQ=self.dafuQ||[]).push(["c",7,"<base64>"])`. The app drains
//! that queue when it starts and replaces it with its own `push`.

use dafu_parser::{FigureKind, Meta, Reply};
use serde::{Deserialize, Serialize};

use crate::followups::{date_key, find_all, Dated, Leads};
use crate::{Bundle, DecodeError, FORMAT_VERSION};

/// What the list, the facets and the charts need of one reply, without its
/// body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    pub file: String,
    pub meta: Meta,
    /// The chunk that holds the body.
    pub chunk: u32,
    pub figures: u32,
    /// The ids of its commitments, in order (the tracker's keys).
    pub commitments: Vec<String>,
    /// The largest amount of money in 元 it names, for the overview chart.
    pub largest_money: Option<Money>,
}

/// An amount of money a reply names, as written and in 元.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    pub text: String,
    pub value: f64,
    /// How many amounts in 元 the reply names in all.
    pub count: u32,
}

/// The list index: every reply's metadata, in bundle order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListIndex {
    pub fingerprint: u64,
    pub chunks: u32,
    /// Shards of the search index (see [`crate::index`]).
    pub shards: u32,
    pub replies: Vec<Listed>,
}

/// Figures and programmes named in several replies (indices into the
/// list's replies): loaded when a reader opens, not at start-up.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Xrefs {
    pub fingerprint: u64,
    pub terms: Vec<crate::xrefs::Term>,
}

/// The bodies of a few replies: those of the list whose `chunk` is `id`,
/// in list order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    pub fingerprint: u64,
    pub id: u32,
    pub replies: Vec<Reply>,
    /// Per reply, the follow-ups of each of its commitments in the whole
    /// bundle (see [`crate::followups`]; `reply` is an index of the list).
    pub leads: Vec<Vec<Leads>>,
}

/// A chunk closes once its replies' bodies pass this many bytes (encoded),
/// or at `MAX_CHUNK_REPLIES`: small enough that opening a reply loads little
/// more than the reply, large enough that a corpus is not thousands of
/// tiny files.
pub const CHUNK_BYTES: usize = 24 * 1024;
pub const MAX_CHUNK_REPLIES: usize = 16;

/// The search index aims at shards of this many bytes: a keystroke that
/// brings a new character pair loads its shard, so small shards keep typing
/// quick (the index makes 4,096 shards at most).
pub const SHARD_BYTES: usize = 64 * 1024;

/// A bundle split into the list index and chunks. Chunks are filled newest
/// reply first, so the replies the list shows first share few chunks.
pub fn split(bundle: &Bundle) -> (ListIndex, Vec<Chunk>) {
    split_with(bundle, CHUNK_BYTES)
}

/// The cross-references of a bundle, for its list of this fingerprint.
pub fn xrefs(bundle: &Bundle, fingerprint: u64) -> Xrefs {
    Xrefs {
        fingerprint,
        terms: crate::xrefs::find(bundle.replies.iter().map(|r| &r.reply)),
    }
}

pub fn split_with(bundle: &Bundle, chunk_bytes: usize) -> (ListIndex, Vec<Chunk>) {
    let fingerprint = fingerprint(&bundle.encode());
    let mut order: Vec<usize> = (0..bundle.replies.len()).collect();
    let date = |i: usize| date_key(&bundle.replies[i].reply.meta);
    order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b)));
    let mut chunk_of = vec![0u32; bundle.replies.len()];
    let (mut chunk, mut bytes, mut count) = (0u32, 0usize, 0usize);
    for &i in &order {
        if count > 0 && (bytes >= chunk_bytes || count >= MAX_CHUNK_REPLIES) {
            chunk += 1;
            bytes = 0;
            count = 0;
        }
        chunk_of[i] = chunk;
        bytes += postcard::to_allocvec(&bundle.replies[i].reply).map_or(0, |b| b.len());
        count += 1;
    }
    let chunks = if bundle.replies.is_empty() { 0 } else { chunk + 1 };
    let mut bodies: Vec<Chunk> = (0..chunks)
        .map(|id| Chunk {
            fingerprint,
            id,
            replies: Vec::new(),
            leads: Vec::new(),
        })
        .collect();
    let dated: Vec<Dated> = bundle.replies.iter().map(|r| Dated::of(&r.reply)).collect();
    let mut leads = find_all(&dated).into_iter();
    let replies = bundle
        .replies
        .iter()
        .zip(&chunk_of)
        .map(|(r, &chunk)| {
            let body = &mut bodies[chunk as usize];
            body.replies.push(r.reply.clone());
            body.leads.push(leads.next().unwrap_or_default());
            listed(&r.file, &r.reply, chunk)
        })
        .collect();
    let list = ListIndex {
        fingerprint,
        chunks,
        shards: 0,
        replies,
    };
    (list, bodies)
}

/// What the list index holds of a reply.
pub fn listed(file: &str, reply: &Reply, chunk: u32) -> Listed {
    let money: Vec<_> = reply
        .figures
        .iter()
        .filter(|f| f.kind == FigureKind::Money && f.unit.as_deref() == Some("元"))
        .collect();
    let largest_money = money
        .iter()
        .max_by(|a, b| a.value.total_cmp(&b.value))
        .map(|top| Money {
            text: top.text.clone(),
            value: top.value,
            count: money.len() as u32,
        });
    Listed {
        file: file.to_owned(),
        meta: list_meta(&reply.meta),
        chunk,
        figures: reply.figures.len() as u32,
        commitments: reply.commitments.iter().map(|c| c.id.clone()).collect(),
        largest_money,
    }
}

/// The metadata the list, the facets and the exports show; the rest (the
/// issuer, contact, copies, printing) comes with the body.
pub fn list_meta(meta: &Meta) -> Meta {
    Meta {
        issuer: None,
        disclosure: None,
        contact: Default::default(),
        cc: Vec::new(),
        print_office: None,
        print_date: None,
        ..meta.clone()
    }
}

/// FNV-1a, 64 bits: stable across builds and platforms.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl ListIndex {
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    pub fn decode(bytes: &[u8]) -> Result<ListIndex, DecodeError> {
        decode(bytes)
    }
}

impl Xrefs {
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    pub fn decode(bytes: &[u8]) -> Result<Xrefs, DecodeError> {
        decode(bytes)
    }
}

impl Chunk {
    pub fn encode(&self) -> Vec<u8> {
        encode(self)
    }

    pub fn decode(bytes: &[u8]) -> Result<Chunk, DecodeError> {
        decode(bytes)
    }
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = postcard::to_allocvec(&FORMAT_VERSION).expect("u32 serialises");
    out.extend(postcard::to_allocvec(value).expect("corpus part serialises"));
    out
}

fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, DecodeError> {
    let (version, rest): (u32, _) =
        postcard::take_from_bytes(bytes).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    if version != FORMAT_VERSION {
        return Err(DecodeError::Version { found: version });
    }
    postcard::from_bytes(rest).map_err(|e| DecodeError::Corrupt(e.to_string()))
}

/// What a corpus file holds: `c` a chunk of bodies, `s` a search shard,
/// `x` the cross-references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Chunk,
    Shard,
    Xrefs,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Chunk => "c",
            Part::Shard => "s",
            Part::Xrefs => "x",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        match key {
            "c" => Some(Part::Chunk),
            "s" => Some(Part::Shard),
            "x" => Some(Part::Xrefs),
            _ => None,
        }
    }

    /// The file's path relative to the site: `corpus/c7.js`.
    pub fn path(self, id: u32) -> String {
        format!("corpus/{}{id}.js", self.key())
    }
}

/// The script that delivers a corpus file's bytes to the app.
pub fn script(part: Part, id: u32, bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "(self.dafuQ=self.dafuQ||[]).push([\"{}\",{id},\"{}\"]);\n",
        part.key(),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// What a corpus script delivers: the part, its id and the base64 payload
/// (the inverse of [`script`], for tools and tests).
pub fn parse_script(text: &str) -> Option<(Part, u32, &str)> {
    let rest = text.trim().strip_prefix("(self.dafuQ=self.dafuQ||[]).push([\"")?;
    let (key, rest) = rest.split_once("\",")?;
    let (id, rest) = rest.split_once(",\"")?;
    let data = rest.strip_suffix("\"]);")?;
    Some((Part::from_key(key)?, id.parse().ok()?, data))
}

/// The bytes a script's base64 payload holds.
pub fn payload(base64: &str) -> Result<Vec<u8>, DecodeError> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(base64)
        .map_err(|e| DecodeError::Corrupt(format!("not base64: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BundledReply;

    fn bundle(n: usize) -> Bundle {
        let replies = (0..n)
            .map(|i| {
                let text = format!(
                    "沪科提复〔2025〕{i}号\n\n成键委员：\n\n您提出的关于孵化器的提案收悉。投入{i}亿元。\n\n上海市科学技术委员会\n2025年{}月1日\n",
                    i % 12 + 1
                );
                BundledReply {
                    file: format!("{i:03}.txt"),
                    reply: dafu_parser::parse(text.as_bytes()),
                }
            })
            .collect();
        Bundle { replies }
    }

    #[test]
    fn every_reply_is_in_exactly_one_chunk_in_list_order() {
        let b = bundle(40);
        let (list, chunks) = split_with(&b, 2_000);
        assert!(chunks.len() > 2, "{} chunks", chunks.len());
        assert_eq!(list.chunks as usize, chunks.len());
        let mut seen = vec![0usize; chunks.len()];
        for (r, listed) in b.replies.iter().zip(&list.replies) {
            let chunk = &chunks[listed.chunk as usize];
            assert_eq!(chunk.replies[seen[listed.chunk as usize]], r.reply);
            seen[listed.chunk as usize] += 1;
            assert_eq!(listed.meta, list_meta(&r.reply.meta));
        }
        assert!(chunks.iter().zip(&seen).all(|(c, &n)| c.replies.len() == n));
        assert!(chunks.iter().all(|c| c.fingerprint == list.fingerprint));
        let largest = list.replies[7].largest_money.as_ref().unwrap();
        assert_eq!((largest.text.as_str(), largest.count), ("7亿元", 1));
    }

    #[test]
    fn the_newest_replies_share_the_first_chunk() {
        let (list, _) = split_with(&bundle(24), 1_000_000);
        // December first: replies 11 and 23.
        assert_eq!(list.replies[11].chunk, 0);
        assert_eq!(list.replies[23].chunk, 0);
        let (list, chunks) = split(&Bundle::default());
        assert_eq!((list.chunks, chunks.len()), (0, 0));
    }

    #[test]
    fn parts_round_trip_and_refuse_garbage() {
        let (list, chunks) = split(&bundle(3));
        assert_eq!(ListIndex::decode(&list.encode()), Ok(list.clone()));
        assert_eq!(Chunk::decode(&chunks[0].encode()), Ok(chunks[0].clone()));
        assert!(Chunk::decode(&[1, 2, 3]).is_err());
        assert!(payload("@@").is_err());
        let s = script(Part::Chunk, 3, &[1, 2, 255]);
        assert_eq!(s, "(self.dafuQ=self.dafuQ||[]).push([\"c\",3,\"AQL/\"]);\n");
        assert_eq!(payload("AQL/").unwrap(), vec![1, 2, 255]);
        assert_eq!(parse_script(&s), Some((Part::Chunk, 3, "AQL/")));
        assert_eq!(parse_script("alert(1)"), None);
        assert_eq!(Part::from_key(Part::Shard.key()), Some(Part::Shard));
        assert_eq!(Part::Shard.path(12), "corpus/s12.js");
    }
}
