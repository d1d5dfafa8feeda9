//! Turns the plain text of a reply (答复) of the Shanghai Science and
//! Technology Commission into a [`Reply`]: metadata, repaired blocks, figures,
//! dates and the commitments of the next-steps section.
//!
//! ```
//! let reply = dafu_parser::parse("沪科提复〔2025〕58号\n".as_bytes());
//! assert_eq!(reply.meta.doc_number.as_deref(), Some("沪科提复〔2025〕58号"));
//! ```
#![forbid(unsafe_code)]

mod model;

pub use model::*;

/// Parses one reply from raw bytes (UTF-8 with or without BOM, or GB18030).
/// Never panics; what it cannot recognise becomes a [`Warning`].
pub fn parse(bytes: &[u8]) -> Reply {
    let _ = bytes;
    Reply::default()
}

/// Why a text is not a recognisable reply: the essential parts not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAReply {
    /// Human-readable names of what is missing, e.g. "文号 (document number)".
    pub missing: Vec<&'static str>,
}

impl std::fmt::Display for NotAReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a recognisable reply: missing {}", self.missing.join(", "))
    }
}

impl std::error::Error for NotAReply {}

/// Tells whether a parsed text is a reply at all.
pub fn check(reply: &Reply) -> Result<(), NotAReply> {
    let _ = reply;
    Ok(())
}
