//! The corpus as the web app embeds it: parsed natively at build time,
//! serialised with postcard (compact, no field names) and decoded once at
//! start-up in the browser.
#![forbid(unsafe_code)]

pub mod followups;
pub mod index;
pub mod split;
pub mod text;
pub mod xrefs;

use dafu_parser::Reply;
use serde::{Deserialize, Serialize};

/// Bumped whenever the layout changes, so a stale bundle is refused instead
/// of misread.
pub const FORMAT_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundledReply {
    /// File name in the corpus folder, e.g. `000_00776b651792bc00.txt`.
    pub file: String,
    pub reply: Reply,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Bundle {
    pub replies: Vec<BundledReply>,
}

/// What a reply offers to the search, in the order the index numbers its
/// fields: the title; the proposers, document number, session and proposal
/// number; the body blocks.
pub fn search_fields(reply: &Reply) -> index::IndexInput<'_> {
    let m = &reply.meta;
    index::IndexInput {
        title: m.title.as_deref().unwrap_or(""),
        people: (m.proposers.iter().map(String::as_str))
            .chain(m.doc_number.as_deref())
            .chain(m.session.as_deref())
            .chain(m.proposal_number.as_deref())
            .collect(),
        body: reply.blocks.iter().map(|b| b.text.as_str()).collect(),
    }
}

/// The search index of a bundle's replies, in shards (see [`index`]).
pub fn search_index(bundle: &Bundle, fingerprint: u64) -> Vec<Vec<u8>> {
    let docs = bundle.replies.iter().map(|r| search_fields(&r.reply));
    index::build(docs, fingerprint, split::SHARD_BYTES).shards
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Version { found: u32 },
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Version { found } => {
                write!(f, "corpus bundle format {found}, expected {FORMAT_VERSION}")
            }
            DecodeError::Corrupt(why) => write!(f, "corrupt corpus bundle: {why}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl Bundle {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = postcard::to_allocvec(&FORMAT_VERSION).expect("u32 serialises");
        out.extend(postcard::to_allocvec(self).expect("bundle serialises"));
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Bundle, DecodeError> {
        let (version, rest): (u32, _) =
            postcard::take_from_bytes(bytes).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        if version != FORMAT_VERSION {
            return Err(DecodeError::Version { found: version });
        }
        postcard::from_bytes(rest).map_err(|e| DecodeError::Corrupt(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_parsed_reply() {
        let reply = dafu_parser::parse("沪科提复〔2025〕58号\n\n成键委员：\n".as_bytes());
        let bundle = Bundle {
            replies: vec![BundledReply {
                file: "a.txt".into(),
                reply,
            }],
        };
        assert_eq!(Bundle::decode(&bundle.encode()), Ok(bundle));
    }

    #[test]
    fn refuses_another_version_and_garbage() {
        let mut bytes = postcard::to_allocvec(&(FORMAT_VERSION + 1)).unwrap();
        bytes.extend(postcard::to_allocvec(&Bundle::default()).unwrap());
        assert_eq!(
            Bundle::decode(&bytes),
            Err(DecodeError::Version {
                found: FORMAT_VERSION + 1
            })
        );
        assert!(matches!(
            Bundle::decode(&[0xff; 3]),
            Err(DecodeError::Corrupt(_))
        ));
    }
}
