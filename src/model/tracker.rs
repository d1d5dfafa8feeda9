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
//! {"format":"dafu.tracker","version":2,
//!  "entries":{"<commitment id>":{"status":"kept","note":"…","date":"2025-11-23",
//!                                "modified":"2025-11-23T08:15:30.123Z"}}}
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
pub const VERSION: u64 = 2;

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

/// Where a promise stands, after PolitiFact's promise-tracker scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Status {
    /// 未评估 — nobody has rated it yet.
    #[default]
    NotRated,
    /// 推进中 — work has started.
    InTheWorks,
    /// 停滞 — no visible progress.
    Stalled,
    /// 部分落实 — done in part or in a weaker form.
    Compromise,
    /// 已落实 — done as promised.
    Kept,
    /// 未落实 — not done, or abandoned.
    Broken,
}

impl Status {
    /// Every status, in the order the UI lists them.
    pub const ALL: [Status; 6] = [
        Status::NotRated,
        Status::InTheWorks,
        Status::Stalled,
        Status::Compromise,
        Status::Kept,
        Status::Broken,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::NotRated => lang.pick("未评估", "Not yet rated"),
            Status::InTheWorks => lang.pick("推进中", "In the works"),
            Status::Stalled => lang.pick("停滞", "Stalled"),
            Status::Compromise => lang.pick("部分落实", "Compromise"),
            Status::Kept => lang.pick("已落实", "Kept"),
            Status::Broken => lang.pick("未落实", "Broken"),
        }
    }

    /// Stable name used in storage, exports, URLs and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotRated => "not_rated",
            Status::InTheWorks => "in_the_works",
            Status::Stalled => "stalled",
            Status::Compromise => "compromise",
            Status::Kept => "kept",
            Status::Broken => "broken",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Position in [`Status::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What the user recorded about one commitment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub status: Status,
    pub note: String,
    /// ISO date (`YYYY-MM-DD`) the status was last set; `None` when only a
    /// note was written.
    pub date: Option<String>,
    /// When the status or the note last changed, by the browser's clock
    /// (`2025-11-23T08:15:30.123Z`); `None` for entries saved by version 1,
    /// which recorded no such time.
    pub modified: Option<String>,
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
    /// Forget every entry (the UI asks for confirmation first).
    Reset,
    /// Merge the entries of an exported file, read by [`parse_import`]
    /// before it is dispatched.
    Import(Incoming),
}

/// Why a stored value or an imported file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a dafu tracker document.
    Foreign,
    /// A version field this build cannot make sense of (`0`, `"1.5"`).
    Version(String),
    /// Written by a newer version of dafu (an import refuses it).
    Newer(u64),
    /// A dafu tracker document whose `entries` is not an object.
    Shape,
    /// A file larger than [`MAX_FILE_BYTES`]: refused before it is read.
    TooBig { bytes: u64 },
    /// More entries than [`MAX_ENTRIES`] (in the file, or after the merge).
    TooMany(usize),
}

impl FormatError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            // The parser's detail is English; the Chinese message stays plain.
            (FormatError::NotJson(_), Lang::Zh) => "不是有效的 JSON".to_owned(),
            (FormatError::NotJson(why), Lang::En) => format!("not valid JSON ({why})"),
            (FormatError::Foreign, _) => lang
                .pick(
                    "不是本应用导出的承诺进展文件",
                    "not a commitments file exported by this app",
                )
                .into(),
            (FormatError::Version(v), Lang::Zh) => {
                format!("格式版本 {v} 无法识别（本版本读取版本 1 至 {VERSION}）")
            }
            (FormatError::Version(v), Lang::En) => {
                format!("format version {v} is not supported (this version reads 1 to {VERSION})")
            }
            (FormatError::Newer(v), Lang::Zh) => format!(
                "这是较新版本的 dafu 导出的文件（格式版本 {v}，本版本读取 1 至 {VERSION}），请用较新版本导入"
            ),
            (FormatError::Newer(v), Lang::En) => format!(
                "it was exported by a newer version of dafu (format version {v}; this version reads 1 to {VERSION}): import it there"
            ),
            (FormatError::Shape, _) => lang
                .pick("entries 字段格式不正确", "its entries field is malformed")
                .into(),
            (FormatError::TooBig { bytes }, _) => {
                too_big(*bytes, MAX_FILE_BYTES, Store::Tracker, lang)
            }
            (FormatError::TooMany(n), Lang::Zh) => {
                format!("将有 {n} 条记录，超过上限 {MAX_ENTRIES} 条")
            }
            (FormatError::TooMany(n), Lang::En) => {
                format!("it would make {n} entries, more than the {MAX_ENTRIES} a tracker holds")
            }
        }
    }
}

/// The entries of an exported file, read outside the reducer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Incoming {
    /// The file's name, for the messages.
    pub file: String,
    pub entries: BTreeMap<String, Entry>,
    /// Malformed entries left out.
    pub rejected: usize,
    /// Notes cut at [`MAX_NOTE_CHARS`].
    pub truncated: usize,
}

/// What an import did, reported to the user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub file: String,
    /// Ids that were not tracked before.
    pub added: usize,
    /// Tracked ids replaced by the file's later entry.
    pub updated: usize,
    /// Tracked ids left as they were: the same, later, or holding all the
    /// file says.
    pub kept: usize,
    /// Ids where both sides say something the other does not: the local
    /// entry was kept, the file's is listed here.
    pub conflicts: Vec<Conflict>,
    /// Entries of the file that were malformed and skipped.
    pub rejected: usize,
    /// Notes of the file cut at [`MAX_NOTE_CHARS`].
    pub truncated: usize,
}

/// How the commitments of a reply (or of the corpus) stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Count per status, indexed by [`Status::index`].
    pub counts: [usize; 6],
    pub total: usize,
}

impl Progress {
    pub fn count(&self, status: Status) -> usize {
        self.counts[status.index()]
    }

    /// Commitments with a status other than 未评估.
    pub fn rated(&self) -> usize {
        self.total - self.count(Status::NotRated)
    }

    /// Share (0–1) of commitments with this status.
    pub fn share(&self, status: Status) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.count(status) as f64 / self.total as f64
        }
    }

    /// Share (0–1) kept in full or in part.
    pub fn done_share(&self) -> f64 {
        self.share(Status::Kept) + self.share(Status::Compromise)
    }
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
                entry.status = status;
                entry.date = Some(today);
                entry.modified = Some(now);
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
            match resolve(old, &new) {
                Resolution::Same | Resolution::Local => report.kept += 1,
                Resolution::Incoming => {
                    *old = new;
                    report.updated += 1;
                }
                Resolution::Conflict => report.conflicts.push(Conflict {
                    id,
                    local: old.clone(),
                    other: new,
                }),
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
                entries.insert(id.clone(), entry.clone());
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

/// A stored or exported document, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The version it was saved in (older ones were migrated to this one).
    pub version: u64,
    pub entries: BTreeMap<String, Entry>,
    /// Malformed entries left out.
    pub skipped: usize,
}

/// Parses a stored or exported document of any version: an older one is
/// [`migrate`]d, a newer one read as far as its entries look like this
/// version's (its other fields are ignored).
pub fn parse_document(text: &str) -> Result<Parsed, FormatError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| FormatError::NotJson(e.to_string()))?;
    let Value::Object(doc) = value else {
        return Err(FormatError::Foreign);
    };
    match doc.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        None => {}
        Some(_) => return Err(FormatError::Foreign),
    }
    let version = match doc.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .filter(|&v| v >= 1)
            .ok_or_else(|| FormatError::Version(n.to_string()))?,
        Some(Value::String(v)) => return Err(FormatError::Version(v.clone())),
        _ => return Err(FormatError::Foreign),
    };
    let doc = migrate(doc, version);
    let raw = match doc.get("entries") {
        Some(Value::Object(raw)) => raw,
        // A newer version may keep its entries otherwise: nothing to read.
        _ if version > VERSION => &Map::new(),
        _ => return Err(FormatError::Shape),
    };
    let mut entries = BTreeMap::new();
    let mut skipped = 0;
    for (id, value) in raw {
        match parse_entry(id, value) {
            Some(e) => {
                entries.insert(id.clone(), e);
            }
            None => skipped += 1,
        }
    }
    Ok(Parsed {
        version,
        entries,
        skipped,
    })
}

/// Brings a document saved by an older version up to [`VERSION`], one
/// version at a time; a document of this or a newer version passes as it is.
pub fn migrate(mut doc: Map<String, Value>, version: u64) -> Map<String, Value> {
    if version < 2 {
        doc = v1_to_v2(doc);
    }
    doc
}

/// Version 1 → 2: every entry gains `modified`, unknown (`null`) — version 1
/// recorded no time of change, and a guessed one would decide merges.
fn v1_to_v2(mut doc: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(entries)) = doc.get_mut("entries") {
        for entry in entries.values_mut() {
            if let Value::Object(e) = entry {
                e.entry("modified").or_insert(Value::Null);
            }
        }
    }
    doc.insert("version".into(), 2.into());
    doc
}

/// Reads an exported file for [`TrackerAction::Import`], outside the
/// reducer: an older version is migrated, a newer one refused, a file of
/// more than [`MAX_ENTRIES`] entries refused, notes longer than
/// [`MAX_NOTE_CHARS`] cut (and counted).
pub fn parse_import(file: &str, text: &str) -> Result<Incoming, FormatError> {
    let parsed = parse_document(text)?;
    if parsed.version > VERSION {
        return Err(FormatError::Newer(parsed.version));
    }
    let count = parsed.entries.len() + parsed.skipped;
    if count > MAX_ENTRIES {
        return Err(FormatError::TooMany(count));
    }
    let mut truncated = 0;
    let entries = parsed
        .entries
        .into_iter()
        .map(|(id, mut e)| {
            truncated += usize::from(cap_note(&mut e.note));
            (id, e)
        })
        .collect();
    Ok(Incoming {
        file: file.to_owned(),
        entries,
        rejected: parsed.skipped,
        truncated,
    })
}

/// Cuts a note at [`MAX_NOTE_CHARS`] characters; `true` when it was longer.
pub fn cap_note(note: &mut String) -> bool {
    match note.char_indices().nth(MAX_NOTE_CHARS) {
        Some((at, _)) => {
            note.truncate(at);
            true
        }
        None => false,
    }
}

fn parse_entry(id: &str, value: &Value) -> Option<Entry> {
    if id.trim().is_empty() || id.len() > 500 {
        return None;
    }
    let o = value.as_object()?;
    let text = |key: &str, valid: fn(&str) -> bool| -> Option<Option<String>> {
        match o.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(v) => Some(Some(v.as_str().filter(|s| valid(s))?.to_owned())),
        }
    };
    let status = match o.get("status") {
        None | Some(Value::Null) => Status::NotRated,
        Some(v) => Status::from_key(v.as_str()?)?,
    };
    Some(Entry {
        status,
        note: text("note", |_| true)?.unwrap_or_default(),
        date: text("date", is_iso_date)?,
        modified: text("modified", |t| timestamp_ms(t).is_some())?,
    })
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    matches!(
        (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10])),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// The number an all-ASCII-digit string spells.
pub(crate) fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0i64, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// Name of the export file: `dafu-承诺-2025-11-23.json`.
pub fn export_filename(today: &str) -> String {
    format!("dafu-承诺-{today}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2025-11-23T08:15:30.123Z";

    fn set(t: &mut Tracker, id: &str, status: Status, today: &str) {
        t.apply(TrackerAction::SetStatus {
            id: id.into(),
            status,
            today: today.into(),
            now: format!("{today}T09:00:00.000Z"),
        });
    }

    fn note(t: &mut Tracker, id: &str, note: &str, now: &str) -> Option<Notice> {
        t.apply(TrackerAction::SetNote {
            id: id.into(),
            note: note.into(),
            now: now.into(),
        })
    }

    fn entry(status: Status, note: &str, date: Option<&str>, modified: Option<&str>) -> Entry {
        Entry {
            status,
            note: note.into(),
            date: date.map(Into::into),
            modified: modified.map(Into::into),
        }
    }

    fn import(t: &mut Tracker, text: &str) -> Option<Notice> {
        match parse_import("f.json", text) {
            Ok(incoming) => t.apply(TrackerAction::Import(incoming)),
            Err(why) => Some(Notice::ImportFailed {
                file: "f.json".into(),
                why,
            }),
        }
    }

    #[test]
    fn statuses_round_trip_through_their_keys_and_have_labels() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
            assert!(!s.label(Lang::Zh).is_empty() && !s.label(Lang::En).is_empty());
        }
        assert_eq!(Status::default(), Status::NotRated);
        assert_eq!(Status::Kept.label(Lang::Zh), "已落实");
        assert_eq!(Status::Compromise.label(Lang::En), "Compromise");
        assert_eq!(Status::from_key("done"), None);
    }

    #[test]
    fn every_change_records_the_modified_time_and_a_status_its_date() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::InTheWorks, "2025-11-23");
        note(&mut t, "a", "见 2026 年预算", NOW);
        note(&mut t, "b", "只有备注", NOW);
        assert_eq!(
            t.entry("a"),
            Some(&entry(
                Status::InTheWorks,
                "见 2026 年预算",
                Some("2025-11-23"),
                Some(NOW)
            ))
        );
        assert_eq!(t.entry("b").unwrap().date, None);
        assert_eq!(t.entry("b").unwrap().modified.as_deref(), Some(NOW));
        assert_eq!(t.status("b"), Status::NotRated);
        assert_eq!(t.status("missing"), Status::NotRated);
    }

    #[test]
    fn a_note_past_the_limit_is_cut_and_the_user_told() {
        let mut t = Tracker::default();
        let long = "字".repeat(MAX_NOTE_CHARS + 5);
        assert_eq!(note(&mut t, "a", &long, NOW), Some(Notice::NoteTooLong));
        assert_eq!(t.entry("a").unwrap().note.chars().count(), MAX_NOTE_CHARS);
        assert_eq!(note(&mut t, "a", &"字".repeat(MAX_NOTE_CHARS), NOW), None);
    }

    #[test]
    fn reset_clears_everything_and_says_so() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-01-01");
        assert_eq!(t.apply(TrackerAction::Reset), Some(Notice::Reset));
        assert!(t.is_empty());
    }

    #[test]
    fn stored_json_round_trips_and_keeps_ids_not_in_the_corpus() {
        let mut t = Tracker::default();
        set(
            &mut t,
            "沪科提复〔2025〕58号#加强人才引进",
            Status::Kept,
            "2025-07-01",
        );
        set(&mut t, "future-reply#x", Status::Broken, "2025-08-02");
        note(&mut t, "future-reply#x", "引号\"与换行\n", NOW);
        let json = t.to_json();
        assert!(
            json.contains("\"version\":2") && json.contains("\"format\":\"dafu.tracker\""),
            "{json}"
        );
        assert!(json.contains(&format!("\"modified\":\"{NOW}\"")), "{json}");
        assert_eq!(
            Tracker::read(&json),
            Read::Loaded {
                value: t.clone(),
                skipped: 0
            }
        );
        // The export reads back the same.
        let incoming = parse_import("x.json", &t.to_export("2025-11-23")).unwrap();
        assert_eq!(
            (
                Tracker {
                    entries: incoming.entries
                },
                incoming.rejected
            ),
            (t, 0)
        );
    }

    #[test]
    fn version_1_is_migrated_entries_gain_an_unknown_modified_time() {
        let v1: Value = serde_json::from_str(
            r#"{"format":"dafu.tracker","version":1,"entries":{
                "a":{"status":"kept","note":"n","date":"2025-01-02"},
                "b":{}
            }}"#,
        )
        .unwrap();
        let Value::Object(v1) = v1 else { panic!() };
        let v2 = Value::Object(migrate(v1, 1));
        assert_eq!(
            v2,
            serde_json::json!({"format":"dafu.tracker","version":2,"entries":{
                "a":{"status":"kept","note":"n","date":"2025-01-02","modified":null},
                "b":{"modified":null}
            }})
        );
        let Read::Loaded {
            value: tracker,
            skipped,
        } = Tracker::read(&v2.to_string())
        else {
            panic!()
        };
        assert_eq!(skipped, 0);
        assert_eq!(
            tracker.entry("a"),
            Some(&entry(Status::Kept, "n", Some("2025-01-02"), None))
        );
        // Version 2 passes unchanged.
        let Value::Object(doc) = v2.clone() else {
            panic!()
        };
        assert_eq!(Value::Object(migrate(doc, 2)), v2);
    }

    #[test]
    fn a_newer_version_is_read_as_far_as_it_can_be_never_called_corrupt() {
        let newer = r#"{"format":"dafu.tracker","version":3,"shiny":true,"entries":{
            "a":{"status":"kept","note":"n","date":"2026-01-02","modified":"2026-01-02T03:04:05.678Z","tags":["x"]},
            "b":{"status":"some_new_status"}
        }}"#;
        let Read::Newer {
            value: tracker,
            version,
        } = Tracker::read(newer)
        else {
            panic!("{:?}", Tracker::read(newer))
        };
        assert_eq!(
            (tracker.len(), tracker.status("a"), version),
            (1, Status::Kept, 3)
        );
        let odd = r#"{"format":"dafu.tracker","version":4,"entries":[1,2]}"#;
        assert_eq!(
            Tracker::read(odd),
            Read::Newer {
                value: Tracker::default(),
                version: 4
            }
        );
        // An import refuses it: its meaning may have changed.
        assert_eq!(parse_import("f", newer), Err(FormatError::Newer(3)));
    }

    #[test]
    fn unreadable_or_foreign_values_are_reported_not_loaded() {
        let corrupt = |s: &str| match Tracker::read(s) {
            Read::Corrupt(e) => e,
            other => panic!("{s:?} loaded as {other:?}"),
        };
        assert!(matches!(corrupt("{not json"), FormatError::NotJson(_)));
        assert!(matches!(corrupt(""), FormatError::NotJson(_)));
        assert_eq!(corrupt("[1,2]"), FormatError::Foreign);
        assert_eq!(corrupt("\"hello\""), FormatError::Foreign);
        assert_eq!(corrupt(r#"{"entries":{}}"#), FormatError::Foreign);
        assert_eq!(
            corrupt(r#"{"format":"other","version":1,"entries":{}}"#),
            FormatError::Foreign
        );
        assert_eq!(
            corrupt(r#"{"version":0,"entries":{}}"#),
            FormatError::Version("0".into())
        );
        assert_eq!(
            corrupt(r#"{"version":1.5,"entries":{}}"#),
            FormatError::Version("1.5".into())
        );
        assert_eq!(
            corrupt(r#"{"version":"1.5","entries":{}}"#),
            FormatError::Version("1.5".into())
        );
        assert_eq!(corrupt(r#"{"version":1,"entries":[]}"#), FormatError::Shape);
        assert_eq!(corrupt(r#"{"version":2}"#), FormatError::Shape);
    }

    #[test]
    fn malformed_entries_are_skipped_and_counted() {
        let text = r#"{"version":2,"entries":{
            "ok":{"status":"kept","note":"n","date":"2025-01-02","modified":"2025-01-02T10:00:00.000Z"},
            "minimal":{},
            "bad-status":{"status":"done"},
            "bad-date":{"status":"kept","date":"2025/01/02"},
            "bad-note":{"note":5},
            "bad-time":{"modified":"yesterday"},
            "not-object":"kept",
            "  ":{"status":"kept"}
        }}"#;
        let Read::Loaded {
            value: tracker,
            skipped,
        } = Tracker::read(text)
        else {
            panic!()
        };
        assert_eq!(skipped, 6);
        assert_eq!(tracker.len(), 2);
        assert_eq!(tracker.entry("minimal"), Some(&Entry::default()));
        assert_eq!(tracker.status("ok"), Status::Kept);
    }

    #[test]
    fn import_adds_updates_keeps_and_reports_counts() {
        let mut t = Tracker::default();
        set(&mut t, "same", Status::Kept, "2025-05-05");
        set(&mut t, "older-here", Status::Stalled, "2025-01-01");
        set(&mut t, "newer-here", Status::Kept, "2025-09-09");
        set(&mut t, "local-only", Status::Broken, "2025-03-03");
        let file = r#"{"format":"dafu.tracker","version":2,"exported":"2025-10-01","entries":{
            "same":{"status":"kept","note":"","date":"2025-05-05","modified":"2025-05-05T09:00:00.000Z"},
            "older-here":{"status":"compromise","note":"部分","date":"2025-06-01","modified":"2025-06-01T09:00:00.000Z"},
            "newer-here":{"status":"broken","note":"","date":"2025-02-02","modified":"2025-02-02T09:00:00.000Z"},
            "new":{"status":"in_the_works","note":"","date":"2025-04-04","modified":null},
            "broken-entry":{"status":42}
        }}"#;
        let notice = import(&mut t, file);
        assert_eq!(
            notice,
            Some(Notice::Imported(ImportReport {
                file: "f.json".into(),
                added: 1,
                updated: 1,
                kept: 2,
                rejected: 1,
                ..ImportReport::default()
            }))
        );
        assert_eq!(t.status("older-here"), Status::Compromise);
        assert_eq!(t.status("newer-here"), Status::Kept);
        assert_eq!(t.status("new"), Status::InTheWorks);
        assert_eq!(t.status("local-only"), Status::Broken);
        let msg = notice.unwrap().message(Lang::Zh);
        assert!(
            msg.contains("新增 1 条") && msg.contains("拒绝 1 条"),
            "{msg}"
        );
    }

    /// The old rule let a file with the same status date replace a note
    /// written here; now the note stays and the difference is listed.
    #[test]
    fn an_import_never_replaces_a_note_silently() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-05-05");
        note(&mut t, "a", "本地的备注", "2025-05-05T10:00:00.000Z");
        let file = r#"{"format":"dafu.tracker","version":1,"entries":{
            "a":{"status":"broken","note":"同事的备注","date":"2025-05-05"}
        }}"#;
        let Some(Notice::Imported(report)) = import(&mut t, file) else {
            panic!()
        };
        assert_eq!(t.entry("a").unwrap().note, "本地的备注");
        assert_eq!(t.status("a"), Status::Kept);
        assert_eq!(report.conflicts.len(), 1);
        assert_eq!(report.conflicts[0].id, "a");
        assert_eq!(report.conflicts[0].other.note, "同事的备注");
        assert!(Notice::Imported(report)
            .message(Lang::Zh)
            .contains("冲突 1 条"));
    }

    #[test]
    fn a_bad_import_changes_nothing() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-05-05");
        let before = t.clone();
        for bad in [
            "",
            "garbage",
            "{\"version\":7,\"entries\":{}}",
            "{\"version\":0,\"entries\":{}}",
            "{\"version\":1,\"entries\":3}",
        ] {
            let n = import(&mut t, bad);
            assert!(
                matches!(n, Some(Notice::ImportFailed { .. })),
                "{bad:?}: {n:?}"
            );
            assert_eq!(t, before);
        }
    }

    #[test]
    fn imports_are_capped_in_entries_and_note_length() {
        let mut entries = Map::new();
        for i in 0..=MAX_ENTRIES {
            entries.insert(format!("c-{i}"), serde_json::json!({}));
        }
        let doc = serde_json::json!({"version": 2, "entries": entries}).to_string();
        assert_eq!(
            parse_import("f", &doc),
            Err(FormatError::TooMany(MAX_ENTRIES + 1))
        );

        let long = "字".repeat(MAX_NOTE_CHARS + 1);
        let doc = serde_json::json!({"version": 2, "entries": {"a": {"note": long}}}).to_string();
        let incoming = parse_import("f", &doc).unwrap();
        assert_eq!(incoming.truncated, 1);
        assert_eq!(incoming.entries["a"].note.chars().count(), MAX_NOTE_CHARS);

        // A merge that would pass the limit changes nothing.
        let mut t = Tracker::default();
        for i in 0..MAX_ENTRIES {
            set(&mut t, &format!("c-{i}"), Status::Kept, "2025-01-01");
        }
        let before = t.clone();
        let n = t.apply(TrackerAction::Import(incoming));
        assert!(matches!(
            n,
            Some(Notice::ImportFailed {
                why: FormatError::TooMany(_),
                ..
            })
        ));
        assert_eq!(t, before);
    }

    #[test]
    fn import_accepts_a_byte_order_mark() {
        let mut t = Tracker::default();
        let n = import(
            &mut t,
            "\u{feff}{\"version\":1,\"entries\":{\"x\":{\"status\":\"kept\"}}}",
        );
        assert_eq!(
            n,
            Some(Notice::Imported(ImportReport {
                file: "f.json".into(),
                added: 1,
                ..Default::default()
            }))
        );
    }

    #[test]
    fn two_tabs_merge_their_changes_entry_by_entry() {
        let mut base = Tracker::default();
        set(&mut base, "shared", Status::Stalled, "2025-01-01");
        set(&mut base, "cleared-there", Status::Kept, "2025-01-01");
        let mut mine = base.clone();
        let mut theirs = base.clone();
        set(&mut mine, "mine", Status::Kept, "2025-02-02");
        note(
            &mut theirs,
            "theirs",
            "那边的备注",
            "2025-02-02T10:00:00.000Z",
        );
        note(
            &mut mine,
            "shared",
            "这边的备注",
            "2025-02-02T10:00:00.000Z",
        );
        theirs.entries.remove("cleared-there");
        let (merged, conflicts) = Tracker::sync(&base, &mine, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(merged.status("mine"), Status::Kept);
        assert_eq!(merged.entry("theirs").unwrap().note, "那边的备注");
        assert_eq!(merged.entry("shared").unwrap().note, "这边的备注");
        assert_eq!(merged.entry("cleared-there"), None, "a removal is taken");

        // Both changed one entry, minutes apart: this tab's stays, the other is listed.
        let mut theirs2 = theirs.clone();
        note(
            &mut theirs2,
            "shared",
            "同时写的",
            "2025-02-02T10:01:00.000Z",
        );
        let (merged, conflicts) = Tracker::sync(&base, &mine, &theirs2);
        assert_eq!(merged.entry("shared").unwrap().note, "这边的备注");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].other.note, "同时写的");

        // A reset elsewhere clears what this tab did not change since.
        let (merged, _) = Tracker::sync(&base, &mine, &Tracker::default());
        assert_eq!(merged.len(), 2, "{merged:?}");
        assert!(merged.entry("mine").is_some() && merged.entry("shared").is_some());
        // Nothing changed here: theirs as it is.
        assert_eq!(Tracker::sync(&base, &base, &theirs).0, theirs);
    }

    #[test]
    fn progress_counts_untracked_ids_as_not_rated() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-05-05");
        set(&mut t, "b", Status::Compromise, "2025-05-05");
        set(&mut t, "elsewhere", Status::Broken, "2025-05-05");
        let p = t.progress(["a", "b", "c", "d"]);
        assert_eq!(p.total, 4);
        assert_eq!(p.rated(), 2);
        assert_eq!(p.count(Status::NotRated), 2);
        assert_eq!(p.count(Status::Broken), 0);
        assert!((p.done_share() - 0.5).abs() < 1e-9);
        assert_eq!(Tracker::default().progress([]).share(Status::Kept), 0.0);
    }

    #[test]
    fn iso_dates_and_file_names() {
        assert!(is_iso_date("2025-11-23"));
        for bad in [
            "2025-13-01",
            "2025-1-01",
            "2025-11-32",
            "２０２５-11-23",
            "20251123",
            "2025-11-2x",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
        assert_eq!(export_filename("2025-11-23"), "dafu-承诺-2025-11-23.json");
    }
}
