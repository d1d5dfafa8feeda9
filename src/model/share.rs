//! Sharing statuses and notes with a colleague, without a server: as a
//! tracker file of the listed commitments (the colleague's 导入 JSON… merges
//! it), or as a link whose hash carries them.
//!
//! A link is `<page>#/commitments?share=<data>`: `<data>` is one character
//! saying how the payload is packed ([`Packing`]) and the payload in
//! unpadded base64url. The payload is the exported tracker document of the
//! shared entries, made [`compact`]: whatever the document carries travels
//! in the link, and the link is read back by the import's own
//! [`parse_import`], so the merge rules are the import's. Compressing is the
//! browser's (`CompressionStream`, in `crate::web::share`); everything else
//! is here, pure and tested natively.
//!
//! Opening a link never changes the tracker by itself: the commitments view
//! offers the entries, and only the user's 导入 merges them.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

use crate::model::corpus::Corpus;
use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::route::{percent_decode, CommitmentsQuery, Route};
use crate::model::tracker::{is_iso_date, parse_import, FormatError, Incoming, FORMAT};

/// Most characters a share link may have, the page's address included:
/// what chat programs and mail clients pass on whole.
pub const MAX_LINK_CHARS: usize = 8_000;
/// Most entries a link carries; more are shared as a file.
pub const MAX_LINK_ENTRIES: usize = 200;
/// Most bytes a link's payload may unpack to: far more than
/// [`MAX_LINK_ENTRIES`] entries with long notes take, so a crafted link
/// cannot make the page unpack megabytes.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

/// How a link's payload is packed: the first character of its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Packing {
    /// `z`: raw deflate (`CompressionStream('deflate-raw')`).
    Deflate,
    /// `j`: the JSON as it is, where the browser cannot compress.
    Plain,
}

impl Packing {
    fn mark(self) -> char {
        match self {
            Packing::Deflate => 'z',
            Packing::Plain => 'j',
        }
    }
}

/// Why a link cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// None of the listed commitments has a status or a note.
    Empty,
    /// More entries than [`MAX_LINK_ENTRIES`].
    TooMany(usize),
    /// A link of this many characters, more than [`MAX_LINK_CHARS`].
    TooLong(usize),
    /// The payload unpacks to more than [`MAX_PAYLOAD_BYTES`].
    TooBig,
    /// Cut off, altered, or not a share link's data at all.
    Damaged,
    /// Packed with a compression this browser does not have.
    Unsupported,
    /// Unpacked, but not a tracker document this version reads.
    Format(FormatError),
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ShareError::Empty, _) => lang
                .pick("链接中没有任何承诺的记录", "it holds no commitment's status or note")
                .into(),
            (ShareError::TooMany(n), Lang::Zh) => {
                format!("共 {n} 项承诺，超过分享链接的上限 {MAX_LINK_ENTRIES} 项")
            }
            (ShareError::TooMany(n), Lang::En) => {
                format!("{n} commitments, more than the {MAX_LINK_ENTRIES} a share link carries")
            }
            (ShareError::TooLong(n), Lang::Zh) => format!(
                "链接有 {} 个字符，超过分享链接的上限 {} 个字符",
                format::count(*n),
                format::count(MAX_LINK_CHARS)
            ),
            (ShareError::TooLong(n), Lang::En) => format!(
                "the link has {} characters, more than the {} a share link may have",
                format::count(*n),
                format::count(MAX_LINK_CHARS)
            ),
            (ShareError::TooBig, Lang::Zh) => format!(
                "链接中的数据解开后超过 {} KB 的上限",
                MAX_PAYLOAD_BYTES / 1024
            ),
            (ShareError::TooBig, Lang::En) => format!(
                "its data unpacks to more than the {} KB allowed",
                MAX_PAYLOAD_BYTES / 1024
            ),
            (ShareError::Damaged, _) => lang
                .pick(
                    "链接中的数据不完整或已损坏（可能在复制时被截断）",
                    "the data in the link is incomplete or damaged (perhaps cut off when it was copied)",
                )
                .into(),
            (ShareError::Unsupported, _) => lang
                .pick(
                    "此浏览器无法解压分享链接，请换用较新的浏览器，或请对方改发分享文件",
                    "this browser cannot unpack share links: use a newer browser, or ask for a share file instead",
                )
                .into(),
            (ShareError::Format(why), _) => why.message(lang),
        }
    }
}

/// News of a share, for the message bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareNews {
    /// The link is on the clipboard (and in the field below the buttons).
    Copied { entries: usize, chars: usize },
    /// The clipboard was not available: the link is in the field, to be
    /// copied by hand.
    Shown { entries: usize, chars: usize },
    /// No link was made.
    Refused(ShareError),
}

impl ShareNews {
    pub fn is_problem(&self) -> bool {
        matches!(self, ShareNews::Refused(_))
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ShareNews::Copied { entries, chars }, Lang::Zh) => format!(
                "已复制分享链接（{entries} 项承诺的记录，{} 个字符）。对方打开链接后可选择导入，按导入规则合并。",
                format::count(*chars)
            ),
            (ShareNews::Copied { entries, chars }, Lang::En) => format!(
                "Share link copied ({}, {} characters). Whoever opens it can choose to import them; the import's merge rules apply.",
                commitments_en(*entries),
                format::count(*chars)
            ),
            (ShareNews::Shown { entries, chars }, Lang::Zh) => format!(
                "无法自动复制到剪贴板：请从下方文本框中复制分享链接（{entries} 项承诺的记录，{} 个字符）。",
                format::count(*chars)
            ),
            (ShareNews::Shown { entries, chars }, Lang::En) => format!(
                "The link could not be copied to the clipboard: copy it from the field below ({}, {} characters).",
                commitments_en(*entries),
                format::count(*chars)
            ),
            (ShareNews::Refused(why), Lang::Zh) => format!(
                "无法生成分享链接：{}。请改用“保存为分享文件”。",
                why.message(lang)
            ),
            (ShareNews::Refused(why), Lang::En) => format!(
                "No share link was made: {}. Save a share file instead.",
                why.message(lang)
            ),
        }
    }
}

/// "1 commitment", "3 commitments".
pub fn commitments_en(n: usize) -> String {
    match n {
        1 => "1 commitment".to_owned(),
        n => format!("{n} commitments"),
    }
}

/// Name of a share file: `dafu-承诺-分享-2025-11-23.json`.
pub fn share_filename(today: &str) -> String {
    format!("dafu-承诺-分享-{today}.json")
}

/// The payload of a link: an exported tracker document without what its
/// reader does not need — the `format` key (the link says what it is) and
/// entry fields that are `null` or empty, which read as absent. Every
/// other key, known to this version or not, is kept as it is.
pub fn compact(document: &str) -> String {
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(document) else {
        return document.to_owned();
    };
    doc.remove("format");
    if let Some(Value::Object(entries)) = doc.get_mut("entries") {
        for entry in entries.values_mut() {
            if let Value::Object(fields) = entry {
                fields.retain(|_, v| !v.is_null() && v.as_str() != Some(""));
            }
        }
    }
    Value::Object(doc).to_string()
}

/// A link's data: the packing's mark and the payload in base64url.
pub fn pack(packing: Packing, payload: &[u8]) -> String {
    let mut data = String::from(packing.mark());
    data.push_str(&URL_SAFE_NO_PAD.encode(payload));
    data
}

/// The payload of a link's data, still packed; checked for length first.
pub fn unpack(data: &str) -> Result<(Packing, Vec<u8>), ShareError> {
    if data.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong(data.len()));
    }
    let packing = match data.chars().next() {
        Some('z') => Packing::Deflate,
        Some('j') => Packing::Plain,
        _ => return Err(ShareError::Damaged),
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(&data[1..])
        .map_err(|_| ShareError::Damaged)?;
    if bytes.is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok((packing, bytes))
}

/// The address of the page a link opens: this page's, without its hash
/// and without `?embed` (a link opened outside the portal's frame shows
/// the whole app).
pub fn page_address(href: &str) -> String {
    let page = href.split('#').next().unwrap_or(href);
    let Some((path, query)) = page.split_once('?') else {
        return page.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            !pair.is_empty() && percent_decode(pair.split('=').next().unwrap_or("")) != "embed"
        })
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// The link to the commitments view with these filters and this data, or
/// why there is none: longer than [`MAX_LINK_CHARS`].
pub fn link(page: &str, query: &CommitmentsQuery, data: String) -> Result<String, ShareError> {
    let route = Route::Commitments(CommitmentsQuery {
        share: Some(data),
        ..query.clone()
    });
    let link = format!("{page}{}", route.href());
    match link.chars().count() {
        n if n > MAX_LINK_CHARS => Err(ShareError::TooLong(n)),
        _ => Ok(link),
    }
}

/// What a link offers: the entries, ready for [`TrackerAction::Import`]
/// (`crate::model::tracker::TrackerAction`), and the day it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub incoming: Incoming,
    /// The `exported` date of the payload, when it has a valid one.
    pub shared: Option<String>,
}

/// Reads an unpacked payload as the import reads a file: a document of a
/// newer version is refused, malformed entries are counted as rejected,
/// long notes are cut.
pub fn read(payload: &[u8]) -> Result<Offer, ShareError> {
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooBig);
    }
    let text = std::str::from_utf8(payload).map_err(|_| ShareError::Damaged)?;
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(text) else {
        return Err(ShareError::Damaged);
    };
    doc.entry("format").or_insert_with(|| FORMAT.into());
    let shared = doc
        .get("exported")
        .and_then(Value::as_str)
        .filter(|d| is_iso_date(d))
        .map(str::to_owned);
    let incoming = parse_import("", &Value::Object(doc).to_string()).map_err(ShareError::Format)?;
    match incoming.entries.len() + incoming.rejected {
        0 => Err(ShareError::Empty),
        n if n > MAX_LINK_ENTRIES => Err(ShareError::TooMany(n)),
        _ => Ok(Offer { incoming, shared }),
    }
}

/// The replies (by id, in corpus order) whose commitments the offer holds,
/// and how many of its ids no reply of this corpus has.
pub fn replies_of(corpus: &Corpus, offer: &Offer) -> (Vec<String>, usize) {
    let ids = &offer.incoming.entries;
    let mut found = 0;
    let replies = corpus
        .entries
        .iter()
        .filter_map(|e| {
            let n = e
                .commitments
                .iter()
                .filter(|c| ids.contains_key(*c))
                .count();
            found += n;
            (n > 0).then(|| e.id.clone())
        })
        .collect();
    (replies, ids.len() - found.min(ids.len()))
}

#[cfg(test)]
mod tests;
