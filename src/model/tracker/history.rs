//! What an entry remembers besides its current status and note: every
//! status it was given, with its date (the timeline the reader shows), and
//! the later replies the user accepted as evidence for it (follow-ups,
//! 回头看). Both only grow by merging: an import or another tab adds what
//! this side lacks.

use serde_json::{Map, Value};

use super::{is_iso_date, Status};
use crate::model::merge::timestamp_ms;

/// Most status changes an entry keeps: the oldest go first.
pub const MAX_HISTORY: usize = 100;
/// Most replies an entry keeps as evidence.
pub const MAX_EVIDENCE: usize = 50;

/// One status given to a commitment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// ISO date (`YYYY-MM-DD`) the status was set on.
    pub date: String,
    /// The browser's time of the change, when known (version 2 files knew
    /// only the date of the last one).
    pub at: Option<String>,
    pub status: Status,
}

/// A later reply accepted as evidence for a commitment's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The reply's id: its document number (沪科提复〔2025〕58号), or the file
    /// stem when it has none — as in `#/replies/<id>`.
    pub reply: String,
    /// What it shares with the commitment (programme, amount, words).
    pub terms: Vec<String>,
    /// ISO date it was accepted on.
    pub date: String,
}

/// Adds what `theirs` has that `mine` lacks: changes by date and time,
/// evidence by reply. Returns whether anything was added.
pub fn absorb(
    history: &mut Vec<Change>,
    evidence: &mut Vec<Evidence>,
    their_history: &[Change],
    their_evidence: &[Evidence],
) -> bool {
    // A change both hold may come with an earlier time: a change too.
    let (before, evidence_before) = (history.clone(), evidence.len());
    history.extend(their_history.iter().cloned());
    tidy(history);
    for e in their_evidence {
        if !evidence.iter().any(|m| m.reply == e.reply) {
            evidence.push(e.clone());
        }
    }
    evidence.truncate(MAX_EVIDENCE);
    *history != before || evidence.len() != evidence_before
}

/// Orders the changes by date and time, keeps one of each status on one
/// date (the earliest known time: two copies of one change may carry
/// different times, as a migrated version 2 entry does) and the latest
/// [`MAX_HISTORY`].
pub fn tidy(history: &mut Vec<Change>) {
    history.sort_by(|a, b| {
        (a.date.as_str(), a.status, a.at.is_none(), a.at.as_deref())
            .cmp(&(b.date.as_str(), b.status, b.at.is_none(), b.at.as_deref()))
    });
    history.dedup_by(|later, first| later.date == first.date && later.status == first.status);
    history.sort();
    if history.len() > MAX_HISTORY {
        history.drain(..history.len() - MAX_HISTORY);
    }
}

pub fn history_json(history: &[Change]) -> Value {
    Value::Array(
        history
            .iter()
            .map(|c| {
                let mut o = Map::new();
                o.insert("status".into(), c.status.key().into());
                o.insert("date".into(), c.date.clone().into());
                o.insert("at".into(), c.at.clone().map_or(Value::Null, Value::String));
                Value::Object(o)
            })
            .collect(),
    )
}

pub fn evidence_json(evidence: &[Evidence]) -> Value {
    Value::Array(
        evidence
            .iter()
            .map(|e| {
                let mut o = Map::new();
                o.insert("reply".into(), e.reply.clone().into());
                o.insert("terms".into(), e.terms.clone().into());
                o.insert("date".into(), e.date.clone().into());
                Value::Object(o)
            })
            .collect(),
    )
}

/// Reads `history`; `None` when it is malformed (absent is empty).
pub fn parse_history(value: Option<&Value>) -> Option<Vec<Change>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Some(Vec::new());
    };
    let mut out = value
        .as_array()?
        .iter()
        .map(|c| {
            let o = c.as_object()?;
            let date = o.get("date")?.as_str().filter(|d| is_iso_date(d))?;
            let at = match o.get("at") {
                None | Some(Value::Null) => None,
                Some(v) => Some(v.as_str().filter(|t| timestamp_ms(t).is_some())?.to_owned()),
            };
            Some(Change {
                status: Status::from_key(o.get("status")?.as_str()?)?,
                date: date.to_owned(),
                at,
            })
        })
        .collect::<Option<Vec<Change>>>()?;
    tidy(&mut out);
    Some(out)
}

/// Reads `evidence`; `None` when it is malformed (absent is empty).
pub fn parse_evidence(value: Option<&Value>) -> Option<Vec<Evidence>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Some(Vec::new());
    };
    let mut out: Vec<Evidence> = Vec::new();
    for e in value.as_array()? {
        let o = e.as_object()?;
        let reply = o.get("reply")?.as_str().filter(|r| !r.trim().is_empty() && r.len() <= 500)?;
        let terms = match o.get("terms") {
            None | Some(Value::Null) => Vec::new(),
            Some(t) => t
                .as_array()?
                .iter()
                .map(|t| t.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()?,
        };
        let date = o.get("date")?.as_str().filter(|d| is_iso_date(d))?;
        if !out.iter().any(|m| m.reply == reply) {
            out.push(Evidence {
                reply: reply.to_owned(),
                terms,
                date: date.to_owned(),
            });
        }
    }
    out.truncate(MAX_EVIDENCE);
    Some(out)
}
