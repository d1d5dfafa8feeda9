//! Flat rows for `dafu export`: one mapping per kind, serialised both as CSV
//! records and as JSON objects, so the two formats never drift apart.
//!
//! Rows are built from the JSON view ([`ReplyView`]), not from the parser's
//! model, so they share its contract and value spellings.

use crate::json::ReplyView;
use serde::Serialize;

/// Separator for list fields (proposers, cc) flattened into one cell.
pub const LIST_SEPARATOR: &str = "、";

/// One row per reply.
#[derive(Debug, Default, Serialize)]
pub struct ReplyRow<'a> {
    pub file: &'a str,
    pub doc_number: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub session: Option<&'a str>,
    pub proposal_number: Option<&'a str>,
    pub proposers: String,
    pub proposers_more: bool,
    pub title: Option<&'a str>,
    pub result: Option<&'a str>,
    pub result_class: Option<&'a str>,
    pub disclosure: Option<&'a str>,
    pub date: Option<&'a str>,
    pub figures: usize,
    pub commitments: usize,
    pub warnings: usize,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
    pub contact_address: Option<&'a str>,
    pub contact_postcode: Option<&'a str>,
    pub cc: String,
}

/// One row per figure, with enough of its reply to group and filter by.
#[derive(Debug, Default, Serialize)]
pub struct FigureRow<'a> {
    pub file: &'a str,
    pub doc_number: Option<&'a str>,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub number: f64,
    pub magnitude: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub qualifier: &'a str,
    pub kind: &'a str,
    pub value: f64,
    pub paragraph: u32,
}

/// One row per commitment.
#[derive(Debug, Default, Serialize)]
pub struct CommitmentRow<'a> {
    pub file: &'a str,
    pub doc_number: Option<&'a str>,
    pub title: Option<&'a str>,
    pub id: &'a str,
    pub heading: &'a str,
    pub text: &'a str,
}

/// A kind of export row: how to get the rows of one reply.
pub trait Row<'a>: Serialize + Default + Sized {
    fn of(reply: &'a ReplyView) -> Vec<Self>;
}

impl<'a> Row<'a> for ReplyRow<'a> {
    fn of(r: &'a ReplyView) -> Vec<Self> {
        vec![ReplyRow {
            file: &r.file,
            doc_number: r.doc_number.as_deref(),
            kind: r.kind,
            session: r.session.as_deref(),
            proposal_number: r.proposal_number.as_deref(),
            proposers: r.proposers.join(LIST_SEPARATOR),
            proposers_more: r.proposers_more,
            title: r.title.as_deref(),
            result: r.result.as_deref(),
            result_class: r.result_class,
            disclosure: r.disclosure.as_deref(),
            date: r.date.as_deref(),
            figures: r.figures.len(),
            commitments: r.commitments.len(),
            warnings: r.warnings.len(),
            contact_name: r.contact.name.as_deref(),
            contact_phone: r.contact.phone.as_deref(),
            contact_address: r.contact.address.as_deref(),
            contact_postcode: r.contact.postcode.as_deref(),
            cc: r.cc.join(LIST_SEPARATOR),
        }]
    }
}

impl<'a> Row<'a> for FigureRow<'a> {
    fn of(r: &'a ReplyView) -> Vec<Self> {
        r.figures
            .iter()
            .map(|f| FigureRow {
                file: &r.file,
                doc_number: r.doc_number.as_deref(),
                date: r.date.as_deref(),
                text: &f.text,
                number: f.number,
                magnitude: f.magnitude,
                unit: f.unit.as_deref(),
                qualifier: f.qualifier,
                kind: f.kind,
                value: f.value,
                paragraph: f.paragraph,
            })
            .collect()
    }
}

impl<'a> Row<'a> for CommitmentRow<'a> {
    fn of(r: &'a ReplyView) -> Vec<Self> {
        r.commitments
            .iter()
            .map(|c| CommitmentRow {
                file: &r.file,
                doc_number: r.doc_number.as_deref(),
                title: r.title.as_deref(),
                id: &c.id,
                heading: &c.heading,
                text: &c.text,
            })
            .collect()
    }
}
