//! The commitments tracker: for each commitment (by its stable id) a status
//! on PolitiFact's promise-tracker scale, a free note, the date the status
//! was last set and the time the entry was last changed.
//!
//! Everything here is pure: parsing, migrating, validating, merging and
//! counting are tested natively. Reading and writing `localStorage` lives in
//! `crate::web::storage`; keeping tabs in step, in [`crate::model::replica`].
//!
//! The stored and exported format (one JSON object, versioned):
//!
//! ```json
//! {"format":"dafu.tracker","version":3,
//!  "entries":{"<commitment id>":{"status":"kept","note":"…","date":"2025-11-23",
//!                                "modified":"2025-11-23T08:15:30.123Z",
//!                                "history":[{"status":"kept","date":"2025-11-23","at":"…"}],
//!                                "evidence":[{"reply":"沪科提复〔2025〕58号","terms":["…"],"date":"2025-11-23"}]}}}
//! ```
//!
//! Entries whose id is not in the current corpus are kept: they may belong
//! to replies added later or to someone else's corpus. The merge rules of
//! an import and of two tabs are in `docs/tracker.md`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::model::i18n::Lang;
use crate::model::merge::{resolve, three_way, timestamp_ms, Conflict, Resolution};
use crate::model::notice::{too_big, Notice, Store};
use crate::model::replica::{Read, Record};

mod document;
mod history;
mod status;
#[cfg(test)]
mod tests;

pub use document::*;
pub use history::{Change, Evidence, MAX_EVIDENCE};
pub use status::{Progress, Status};

/// `localStorage` key of the tracker, from version 2 on. The document's
/// `version` field says which version it is; a later version stays here.
pub const STORAGE_KEY: &str = "dafu.tracker";
/// Where dafu kept version 1. Read, when [`STORAGE_KEY`] holds nothing, and
/// never written: older copies of dafu keep using it.
pub const LEGACY_KEY: &str = "dafu.tracker.v1";
/// Value of the `format` field of stored and exported documents.
pub const FORMAT: &str = "dafu.tracker";
/// Value of the `version` field this build writes; it reads every version
/// up to this one (older ones through [`migrate`]).
pub const VERSION: u64 = 3;

/// Largest tracker file an import reads: five times what a full tracker
/// takes (some 100 bytes an entry at [`MAX_ENTRIES`]), and about what
/// `localStorage` holds for a whole site, so nothing larger could be kept.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Most characters a note keeps: some ten pages of text. A longer note is
/// cut there, and the user is told.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Most entries a tracker holds: a hundred times the commitments of a
/// thousand replies. An import that would pass it changes nothing.
pub const MAX_ENTRIES: usize = 50_000;

/// What the user recorded about one commitment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub status: Status,
    pub note: String,
    /// ISO date (`YYYY-MM-DD`) the status was last set; `None` when only a
    /// note was written.
    pub date: Option<String>,
    /// When the status, the note or the evidence last changed, by the
    /// browser's clock (`2025-11-23T08:15:30.123Z`); `None` for entries
    /// saved by version 1, which recorded no such time.
    pub modified: Option<String>,
    /// Every status it was given, oldest first (from version 3 on; a
    /// version 2 entry brings its last one).
    pub history: Vec<Change>,
    /// Later replies accepted as evidence for its status.
    pub evidence: Vec<Evidence>,
}

impl Entry {
    /// Same status and same note (the date and time aside).
    pub fn same_content(&self, other: &Entry) -> bool {
        self.status == other.status && self.note == other.note
    }

    /// Whether keeping `self` loses nothing `other` says: `other` has no
    /// status or the same one, and no note or the same one.
    pub fn covers(&self, other: &Entry) -> bool {
        (other.status == Status::NotRated || other.status == self.status)
            && (other.note.is_empty() || other.note == self.note)
    }

    /// The modified time in milliseconds since 1970, when known.
    pub fn modified_ms(&self) -> Option<i64> {
        self.modified.as_deref().and_then(timestamp_ms)
    }

    /// Takes the history and evidence `other` has and this entry lacks.
    pub fn absorb(&mut self, other: &Entry) -> bool {
        history::absorb(
            &mut self.history,
            &mut self.evidence,
            &other.history,
            &other.evidence,
        )
    }
}

/// Statuses and notes by commitment id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tracker {
    entries: BTreeMap<String, Entry>,
}

/// A change to the tracker; the view dispatches these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackerAction {
    /// Set a status; `today` (ISO date) and `now` (ISO time with
    /// milliseconds) are recorded with it — injected, so tests do not
    /// depend on the clock.
    SetStatus {
        id: String,
        status: Status,
        today: String,
        now: String,
    },
    /// Set a note; `now` is recorded as the entry's modified time. A note
    /// longer than [`MAX_NOTE_CHARS`] is cut, and the user told.
    SetNote {
        id: String,
        note: String,
        now: String,
    },
    /// Accept a later reply as evidence for a commitment's status (a reply
    /// accepted before keeps its first acceptance).
    AddEvidence {
        id: String,
        evidence: Evidence,
        now: String,
    },
    /// Withdraw a reply accepted as evidence.
    RemoveEvidence {
        id: String,
        reply: String,
        now: String,
    },
    /// Forget every entry (the UI asks for confirmation first).
    Reset,
    /// Merge the entries of an exported file, read by [`parse_import`]
    /// before it is dispatched.
    Import(Incoming),
}

impl Tracker {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    pub fn status(&self, id: &str) -> Status {
        self.entry(id).map(|e| e.status).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries of these ids only (an id not tracked is left out): what
    /// a share of the listed commitments carries.
    pub fn only<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Tracker {
        let entries = ids
            .into_iter()
            .filter_map(|id| self.entries.get_key_value(id))
            .map(|(id, e)| (id.clone(), e.clone()))
            .collect();
        Tracker { entries }
    }

    /// Applies a change; returns what the user should be told, if anything.
    pub fn apply(&mut self, action: TrackerAction) -> Option<Notice> {
        match action {
            TrackerAction::SetStatus {
                id,
                status,
                today,
                now,
            } => {
                let entry = self.entries.entry(id).or_default();
                if entry.status != status || entry.history.is_empty() {
                    entry.history.push(Change {
                        date: today.clone(),
                        at: Some(now.clone()),
                        status,
                    });
                    history::tidy(&mut entry.history);
                }
                entry.status = status;
                entry.date = Some(today);
                entry.modified = Some(now);
                None
            }
            TrackerAction::AddEvidence { id, evidence, now } => {
                let entry = self.entries.entry(id).or_default();
                if entry.evidence.len() >= MAX_EVIDENCE {
                    return Some(Notice::TooMuchEvidence);
                }
                if !entry.evidence.iter().any(|e| e.reply == evidence.reply) {
                    entry.evidence.push(evidence);
                    entry.modified = Some(now);
                }
                None
            }
            TrackerAction::RemoveEvidence { id, reply, now } => {
                if let Some(entry) = self.entries.get_mut(&id) {
                    let before = entry.evidence.len();
                    entry.evidence.retain(|e| e.reply != reply);
                    if entry.evidence.len() != before {
                        entry.modified = Some(now);
                    }
                }
                None
            }
            TrackerAction::SetNote { id, mut note, now } => {
                let cut = cap_note(&mut note);
                let entry = self.entries.entry(id).or_default();
                entry.note = note;
                entry.modified = Some(now);
                cut.then_some(Notice::NoteTooLong)
            }
            TrackerAction::Reset => {
                self.entries.clear();
                Some(Notice::Reset)
            }
            TrackerAction::Import(incoming) => {
                let file = incoming.file.clone();
                Some(match self.merge(incoming) {
                    Ok(report) => Notice::Imported(report),
                    Err(why) => Notice::ImportFailed { file, why },
                })
            }
        }
    }

    /// Merges a file's entries id by id with [`resolve`]: an id not tracked
    /// here is added, a later entry replaces an older one, a conflict keeps
    /// the local entry and is listed. Nothing changes when the tracker would
    /// pass [`MAX_ENTRIES`].
    pub fn merge(&mut self, incoming: Incoming) -> Result<ImportReport, FormatError> {
        let new_ids = incoming
            .entries
            .keys()
            .filter(|id| !self.entries.contains_key(*id))
            .count();
        if self.entries.len() + new_ids > MAX_ENTRIES {
            return Err(FormatError::TooMany(self.entries.len() + new_ids));
        }
        let mut report = ImportReport {
            file: incoming.file,
            rejected: incoming.rejected,
            truncated: incoming.truncated,
            ..ImportReport::default()
        };
        for (id, new) in incoming.entries {
            let Some(old) = self.entries.get_mut(&id) else {
                self.entries.insert(id, new);
                report.added += 1;
                continue;
            };
            // The history and the evidence of both sides are kept, whichever
            // status and note win.
            match resolve(old, &new) {
                Resolution::Same | Resolution::Local => {
                    report.kept += 1;
                    if old.absorb(&new) {
                        report.extended += 1;
                    }
                }
                Resolution::Incoming => {
                    let mut new = new;
                    new.absorb(old);
                    *old = new;
                    report.updated += 1;
                }
                Resolution::Conflict => {
                    old.absorb(&new);
                    report.conflicts.push(Conflict {
                        id,
                        local: old.clone(),
                        other: new,
                    })
                }
            }
        }
        Ok(report)
    }

    /// Merges what another tab saved (`theirs`) with this tab's tracker
    /// (`mine`), both changed from `base`, the value this tab last read or
    /// wrote: a change made on one side only is taken (a reset clears what
    /// the other side did not change since); a change made on both sides
    /// is decided by [`resolve`], a conflict keeping this tab's entry.
    pub fn sync(base: &Tracker, mine: &Tracker, theirs: &Tracker) -> (Tracker, Vec<Conflict>) {
        let ids: BTreeSet<&String> = base
            .entries
            .keys()
            .chain(mine.entries.keys())
            .chain(theirs.entries.keys())
            .collect();
        let mut conflicts = Vec::new();
        let mut entries = BTreeMap::new();
        for id in ids {
            let (b, m, t) = (
                base.entries.get(id),
                mine.entries.get(id),
                theirs.entries.get(id),
            );
            let kept = three_way(b, m, t, |m, t| match resolve(m, t) {
                Resolution::Incoming => t,
                Resolution::Same | Resolution::Local => m,
                Resolution::Conflict => {
                    conflicts.push(Conflict {
                        id: id.clone(),
                        local: m.clone(),
                        other: t.clone(),
                    });
                    m
                }
            });
            if let Some(entry) = kept {
                let mut entry = entry.clone();
                // Both sides changed it: neither side's history or
                // evidence is lost.
                if let (Some(m), Some(t)) = (m, t) {
                    if Some(m) != b && Some(t) != b {
                        entry.absorb(m);
                        entry.absorb(t);
                    }
                }
                entries.insert(id.clone(), entry);
            }
        }
        (Tracker { entries }, conflicts)
    }

    /// Progress over the given commitment ids (untracked ids count as 未评估).
    pub fn progress<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Progress {
        let mut p = Progress::default();
        for id in ids {
            p.counts[self.status(id).index()] += 1;
            p.total += 1;
        }
        p
    }

    /// The document as stored in `localStorage` (compact JSON).
    pub fn to_json(&self) -> String {
        Value::Object(self.document(None)).to_string()
    }

    /// The document as exported to a file (indented, with the export date).
    pub fn to_export(&self, today: &str) -> String {
        serde_json::to_string_pretty(&Value::Object(self.document(Some(today))))
            .expect("JSON values serialise")
    }

    fn document(&self, exported: Option<&str>) -> Map<String, Value> {
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::String);
        let mut doc = Map::new();
        doc.insert("format".into(), FORMAT.into());
        doc.insert("version".into(), VERSION.into());
        if let Some(day) = exported {
            doc.insert("exported".into(), day.into());
        }
        let entries = self
            .entries
            .iter()
            .map(|(id, e)| {
                let mut o = Map::new();
                o.insert("status".into(), e.status.key().into());
                o.insert("note".into(), e.note.clone().into());
                o.insert("date".into(), text(&e.date));
                o.insert("modified".into(), text(&e.modified));
                if !e.history.is_empty() {
                    o.insert("history".into(), history::history_json(&e.history));
                }
                if !e.evidence.is_empty() {
                    o.insert("evidence".into(), history::evidence_json(&e.evidence));
                }
                (id.clone(), Value::Object(o))
            })
            .collect();
        doc.insert("entries".into(), Value::Object(entries));
        doc
    }
}

impl Record for Tracker {
    type Why = FormatError;
    const KEY: &'static str = STORAGE_KEY;
    const LEGACY_KEY: Option<&'static str> = Some(LEGACY_KEY);
    const STORE: Store = Store::Tracker;

    /// Reads a stored document: this version or an older one (migrated),
    /// or a newer one as far as it reads like this one.
    fn read(text: &str) -> Read<Tracker, FormatError> {
        match parse_document(text) {
            Ok(doc) if doc.version > VERSION => Read::Newer {
                value: Tracker {
                    entries: doc.entries,
                },
                version: doc.version,
            },
            Ok(doc) => Read::Loaded {
                value: Tracker {
                    entries: doc.entries,
                },
                skipped: doc.skipped,
            },
            Err(e) => Read::Corrupt(e),
        }
    }

    fn write(&self) -> Option<String> {
        Some(self.to_json())
    }

    fn sync(base: &Tracker, mine: &Tracker, theirs: &Tracker) -> (Tracker, Option<Notice>) {
        let (merged, conflicts) = Tracker::sync(base, mine, theirs);
        (
            merged,
            (!conflicts.is_empty()).then_some(Notice::Conflicts(conflicts)),
        )
    }

    fn unreadable(reason: FormatError, backup: Option<String>) -> Notice {
        Notice::Corrupt { reason, backup }
    }

    fn legacy_unreadable(reason: FormatError) -> Notice {
        Notice::LegacyUnreadable(reason)
    }
}
