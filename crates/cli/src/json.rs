//! The JSON view of a reply: contract v1 of `dafu parse --json`.
//!
//! These structs are the published contract (docs/cli.md), deliberately
//! separate from the parser's internal model so the model can evolve without
//! breaking scripts. Changes here are additive only; a breaking change bumps
//! [`SCHEMA_VERSION`].
//!
//! Offsets (`bold`, `start`, `end`) count Unicode code points of the
//! paragraph's `text`, so `text[start:end]` works in Python as is.

use dafu_parser::{
    Block, BlockKind, Commitment, Date, DateMention, Figure, Reply, ReplyKind, ResultClass, Span,
    Warning,
};
use serde::Serialize;

/// Version of the JSON/CSV contract; bumped only on a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct ReplyView {
    pub schema_version: u32,
    /// The path as given on the command line (or found in a directory).
    pub file: String,
    /// "utf8" | "utf8_bom" | "gb18030" | "lossy".
    pub encoding: &'static str,
    /// What `dafu check` finds missing; empty for a recognisable reply.
    pub missing: Vec<&'static str>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub doc_year: Option<u16>,
    /// "proposal" | "suggestion".
    pub kind: Option<&'static str>,
    pub session: Option<String>,
    pub proposal_number: Option<String>,
    pub proposers: Vec<String>,
    pub proposers_more: bool,
    pub title: Option<String>,
    pub result: Option<String>,
    /// "A" | "B" | "C" | "D".
    pub result_class: Option<&'static str>,
    pub disclosure: Option<String>,
    /// Signature date, "YYYY-MM-DD".
    pub date: Option<String>,
    pub contact: ContactView,
    pub cc: Vec<String>,
    pub print_office: Option<String>,
    pub print_date: Option<String>,
    pub paragraphs: Vec<ParagraphView>,
    pub figures: Vec<FigureView>,
    pub dates: Vec<DateView>,
    pub commitments: Vec<CommitmentView>,
    pub warnings: Vec<WarningView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParagraphView {
    /// "heading" | "paragraph".
    pub kind: &'static str,
    /// Heading level (1 = outermost); null for a paragraph.
    pub level: Option<u8>,
    /// "opening" | "body" | "next_steps" | "closing".
    pub section: &'static str,
    pub text: String,
    /// Bold runs as `[start, end]` code-point ranges of `text`.
    pub bold: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub text: String,
    pub number: f64,
    /// The magnitude word as written: "千" | "万" | "百万" | "千万" | "亿" | "万亿".
    pub magnitude: Option<&'static str>,
    pub unit: Option<String>,
    /// "exact" | "more_than" | "at_least" | "nearly" | "approximately" | "at_most".
    pub qualifier: &'static str,
    pub qualifier_text: Option<String>,
    /// "money" | "count" | "percent" | "multiple" | "other".
    pub kind: &'static str,
    pub value: f64,
    /// Index into `paragraphs`.
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub text: String,
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitmentView {
    pub id: String,
    pub heading: String,
    pub text: String,
    /// Index into `paragraphs` of the paragraph the item starts in.
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarningView {
    pub line: u32,
    pub column: u32,
    pub reason: String,
    pub rule: String,
}

impl ReplyView {
    pub fn new(file: &str, reply: &Reply) -> Self {
        let m = &reply.meta;
        let missing = dafu_parser::check(reply)
            .err()
            .map(|e| e.missing)
            .unwrap_or_default();
        // One code-point index per paragraph, so that converting every range
        // stays linear in the text (a long paragraph may hold many figures).
        let indexes: Vec<CharIndex> = reply
            .blocks
            .iter()
            .map(|b| CharIndex::new(&b.text))
            .collect();
        let empty = CharIndex::default();
        let index_of = |block: u32| indexes.get(block as usize).unwrap_or(&empty);
        ReplyView {
            schema_version: SCHEMA_VERSION,
            file: file.to_owned(),
            encoding: reply.encoding.key(),
            missing,
            issuer: m.issuer.clone(),
            doc_number: m.doc_number.clone(),
            doc_year: m.doc_year,
            kind: m.kind.map(ReplyKind::key),
            session: m.session.clone(),
            proposal_number: m.proposal_number.clone(),
            proposers: m.proposers.clone(),
            proposers_more: m.proposers_more,
            title: m.title.clone(),
            result: m.result.clone(),
            result_class: m.result_class.map(ResultClass::key),
            disclosure: m.disclosure.clone(),
            date: m.date.map(Date::iso),
            contact: ContactView {
                name: m.contact.name.clone(),
                phone: m.contact.phone.clone(),
                address: m.contact.address.clone(),
                postcode: m.contact.postcode.clone(),
            },
            cc: m.cc.clone(),
            print_office: m.print_office.clone(),
            print_date: m.print_date.map(Date::iso),
            paragraphs: reply
                .blocks
                .iter()
                .zip(&indexes)
                .map(|(b, index)| ParagraphView::new(b, index))
                .collect(),
            figures: reply
                .figures
                .iter()
                .map(|f| FigureView::new(f, index_of(f.block)))
                .collect(),
            dates: reply
                .dates
                .iter()
                .map(|d| DateView::new(d, index_of(d.block)))
                .collect(),
            commitments: reply
                .commitments
                .iter()
                .map(|c| CommitmentView::new(c, index_of(c.block)))
                .collect(),
            warnings: reply.warnings.iter().map(WarningView::new).collect(),
        }
    }
}

impl ParagraphView {
    fn new(b: &Block, index: &CharIndex) -> Self {
        let (kind, level) = match b.kind {
            BlockKind::Heading { level } => ("heading", Some(level)),
            BlockKind::Paragraph => ("paragraph", None),
        };
        ParagraphView {
            kind,
            level,
            section: b.section.key(),
            text: b.text.clone(),
            bold: b.bold.iter().map(|s| index.range(*s)).collect(),
        }
    }
}

impl FigureView {
    fn new(f: &Figure, index: &CharIndex) -> Self {
        let [start, end] = index.range(f.range);
        FigureView {
            text: f.text.clone(),
            number: f.number,
            magnitude: f.magnitude.map(|m| m.as_str()),
            unit: f.unit.clone(),
            qualifier: f.qualifier.key(),
            qualifier_text: f.qualifier_text.clone(),
            kind: f.kind.key(),
            value: f.value,
            paragraph: f.block,
            start,
            end,
        }
    }
}

impl DateView {
    fn new(d: &DateMention, index: &CharIndex) -> Self {
        let [start, end] = index.range(d.range);
        DateView {
            text: d.text.clone(),
            year: d.year,
            month: d.month,
            day: d.day,
            paragraph: d.block,
            start,
            end,
        }
    }
}

impl CommitmentView {
    fn new(c: &Commitment, index: &CharIndex) -> Self {
        let [start, end] = index.range(c.range);
        CommitmentView {
            id: c.id.clone(),
            heading: c.heading.clone(),
            text: c.text.clone(),
            paragraph: c.block,
            start,
            end,
        }
    }
}

impl WarningView {
    fn new(w: &Warning) -> Self {
        WarningView {
            line: w.line,
            column: w.column,
            reason: w.reason.clone(),
            rule: w.rule.clone(),
        }
    }
}

/// The byte offset of every character of one text: converts byte ranges
/// into code-point ranges.
#[derive(Default)]
struct CharIndex {
    starts: Vec<u32>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        CharIndex {
            starts: text.char_indices().map(|(i, _)| i as u32).collect(),
        }
    }

    /// The code-point range of a byte range, clamping out-of-range or
    /// mid-character offsets instead of failing.
    fn range(&self, span: Span) -> [usize; 2] {
        let at = |byte: u32| self.starts.partition_point(|&s| s < byte);
        [at(span.start), at(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_become_code_point_ranges() {
        let text = "超21亿元，增长22.57%";
        // "超21亿元" is 3 + 2 + 3 + 3 = 11 bytes and 5 code points.
        let index = CharIndex::new(text);
        assert_eq!(index.range(Span::new(0, 11)), [0, 5]);
        // Past the end and mid-character offsets clamp.
        assert_eq!(index.range(Span::new(1, 999)), [1, text.chars().count()]);
    }

    #[test]
    fn empty_reply_has_every_key() {
        let v = serde_json::to_value(ReplyView::new("x.txt", &Reply::default())).unwrap();
        for key in [
            "file",
            "doc_number",
            "kind",
            "contact",
            "figures",
            "commitments",
            "warnings",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["encoding"], "utf8");
    }
}
