//! Turns the plain text of a reply (答复) of the Shanghai Science and
//! Technology Commission into a [`Reply`]: metadata, repaired blocks, figures,
//! dates and the commitments of the next-steps section.
//!
//! ```
//! let reply = dafu_parser::parse("沪科提复〔2025〕58号\n".as_bytes());
//! assert_eq!(reply.meta.doc_number.as_deref(), Some("沪科提复〔2025〕58号"));
//! ```
//!
//! The way through a text: `decode` bytes → `source` lines → `meta` front
//! matter and `footer` (signature, contact, cc, print line) around the body
//! → `blocks` (page breaks rejoined, `inline` repair, headings by `markers`)
//! → `sections` → `figures` and dates per block, `commitments` from the
//! next-steps section → warnings with places.
#![forbid(unsafe_code)]

mod blocks;
mod commitments;
mod date;
mod decode;
mod export;
mod figures;
mod footer;
mod inline;
mod keys;
mod markers;
mod meta;
mod model;
mod sections;
mod source;
mod text;

pub use export::csv_guard;
pub use model::*;

use source::{LineIndex, Note};

/// Decodes raw bytes as [`parse`] reads them: the text (without a
/// byte-order mark) and the encoding it was found in. Parsing the returned
/// text gives the same reply, but for [`Reply::encoding`].
pub fn decode_text(bytes: &[u8]) -> (String, Encoding) {
    let decoded = decode::decode(bytes);
    (decoded.text.into_owned(), decoded.encoding)
}

/// Parses one reply from raw bytes (UTF-8 with or without BOM, or GB18030).
/// Never panics; what it cannot recognise becomes a [`Warning`].
///
/// Source ranges index the decoded text without its byte-order mark.
pub fn parse(bytes: &[u8]) -> Reply {
    let decoded = decode::decode(bytes);
    let src: &str = &decoded.text;
    let lines = source::lines(src);
    let mut notes = Vec::new();
    if decoded.encoding == Encoding::Lossy {
        let at = src.find('\u{fffd}').unwrap_or(0);
        notes.push(Note::new(
            at,
            "neither UTF-8 nor GB18030: undecodable bytes replaced".into(),
            "lossy-encoding",
        ));
    }
    let mut meta = Meta::default();
    let body_start = meta::read_front(&lines, &mut meta, &mut notes);
    let footer_start = footer::find_start(&lines, body_start);
    footer::read(&lines[footer_start..], &mut meta, &mut notes);
    let mut blocks = blocks::build(&lines[body_start..footer_start]);
    let layout = sections::assign(&mut blocks);
    let opening = layout.opening.map(|i| blocks[i].text.as_str());
    // The quoted title of the opening, else the heading's own (district letters).
    meta.title = opening.and_then(meta::opening_title).or(meta.title.take());
    meta.kind = meta.kind.or_else(|| opening.and_then(meta::opening_kind));
    if meta.contact == Contact::default() {
        // Letters without a contact block name the contact in their last
        // paragraph (or among the closing ones).
        let last = blocks.len().saturating_sub(1);
        blocks
            .iter()
            .enumerate()
            .rev()
            .take_while(|(i, b)| b.section == Section::Closing || *i == last)
            .any(|(_, b)| footer::inline_contact(&b.text, &mut meta));
    }

    let key = meta
        .doc_number
        .as_deref()
        .or(meta.title.as_deref())
        .unwrap_or("");
    let commitments = layout
        .next_steps
        .map_or_else(Vec::new, |steps| commitments::extract(&blocks, &steps, key));
    let mut figures = Vec::new();
    let mut dates = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let (f, d) = figures::scan(i as u32, &block.text);
        figures.extend(f);
        dates.extend(d);
    }
    missing(&meta, &lines, footer_start, &mut notes);
    let mut warnings: Vec<Warning> = Vec::new();
    if !notes.is_empty() {
        let index = LineIndex::new(src);
        warnings = notes.into_iter().map(|n| index.warning(n)).collect();
    }
    warnings.sort_by_key(|w| (w.line, w.column));
    Reply {
        meta,
        blocks,
        figures,
        dates,
        commitments,
        warnings,
        encoding: decoded.encoding,
        source_len: src.len() as u32,
    }
}

/// Warnings for essential metadata not found.
fn missing(meta: &Meta, lines: &[source::Line<'_>], footer_start: usize, notes: &mut Vec<Note>) {
    if meta.doc_number.is_none() {
        notes.push(Note::new(
            0,
            "no document number (文号) found".into(),
            "missing-doc-number",
        ));
    }
    if meta.title.is_none() {
        notes.push(Note::new(
            0,
            "no quoted title (“关于……”) found in the opening".into(),
            "missing-title",
        ));
    }
    if meta.date.is_none() {
        let at = lines
            .get(footer_start)
            .or(lines.last())
            .map_or(0, |l| l.start);
        notes.push(Note::new(
            at,
            "no signature date found".into(),
            "missing-date",
        ));
    }
}

/// Why a text is not a recognisable reply: the essential parts not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAReply {
    /// Human-readable names of what is missing, e.g. "文号 (document number)".
    pub missing: Vec<&'static str>,
}

impl std::fmt::Display for NotAReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not a recognisable reply: missing {}",
            self.missing.join(", ")
        )
    }
}

impl std::error::Error for NotAReply {}

/// Tells whether a parsed text is a reply at all.
///
/// The essentials are who wrote it — a document number (文号), or, for
/// letters issued without one, the issuer together with the session or
/// number of the text answered (`徐汇区科学技术委员会关于区政协十七届三次会议
/// 第0123号提案的答复`) — and something that says what it answers: the
/// session, the title or the addressees. A missing 文号 alone is a warning
/// (`missing-doc-number`), not a reason to refuse the text.
pub fn check(reply: &Reply) -> Result<(), NotAReply> {
    let meta = &reply.meta;
    let mut missing = Vec::new();
    let heading =
        meta.issuer.is_some() && (meta.session.is_some() || meta.proposal_number.is_some());
    if meta.doc_number.is_none() && !heading {
        missing.push("文号 (document number)");
    }
    if meta.session.is_none() && meta.title.is_none() && meta.proposers.is_empty() {
        missing.push("标题、会议或收件人 (title, session or addressees)");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(NotAReply { missing })
    }
}
