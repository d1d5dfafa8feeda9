//! The commitments tracker: for each commitment (by its stable id) a status
//! on PolitiFact's promise-tracker scale, a free note and the date the status
//! was last set.
//!
//! Everything here is pure: parsing, validating, merging and counting are
//! tested natively. Reading and writing `localStorage` lives in
//! [`crate::web::storage`].
//!
//! The stored and exported format (one JSON object, versioned):
//!
//! ```json
//! {"format":"dafu.tracker","version":1,
//!  "entries":{"<commitment id>":{"status":"kept","note":"…","date":"2025-11-23"}}}
//! ```
//!
//! Entries whose id is not in the current corpus are kept: they may belong
//! to replies added later or to someone else's corpus.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::model::i18n::Lang;
use crate::model::notice::Notice;

/// `localStorage` key of the tracker; the suffix is the format version.
pub const STORAGE_KEY: &str = "dafu.tracker.v1";
/// Value of the `format` field of stored and exported documents.
pub const FORMAT: &str = "dafu.tracker";
/// Value of the `version` field this build reads and writes.
pub const VERSION: u64 = 1;

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
}

/// Statuses and notes by commitment id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tracker {
    entries: BTreeMap<String, Entry>,
}

/// A change to the tracker; the view dispatches these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackerAction {
    /// Set a status; `today` is the ISO date recorded with it (injected so
    /// tests do not depend on the clock).
    SetStatus {
        id: String,
        status: Status,
        today: String,
    },
    SetNote {
        id: String,
        note: String,
    },
    /// Forget every entry (the UI asks for confirmation first).
    Reset,
    /// Merge an exported document (the file's text); newer dates win.
    Import(String),
}

/// Why a stored value or an imported file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a dafu tracker document.
    Foreign,
    /// A dafu tracker document of a version this build does not know.
    Version(String),
    /// A dafu tracker document whose `entries` is not an object.
    Shape,
}

impl FormatError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            // The parser's detail is English; the Chinese message stays plain.
            FormatError::NotJson(why) => match lang {
                Lang::Zh => "不是有效的 JSON".to_owned(),
                Lang::En => format!("not valid JSON ({why})"),
            },
            FormatError::Foreign => lang
                .pick(
                    "不是本应用导出的承诺进展文件",
                    "not a commitments file exported by this app",
                )
                .into(),
            FormatError::Version(v) => match lang {
                Lang::Zh => format!("格式版本 {v} 无法识别（本版本读取版本 {VERSION}）"),
                Lang::En => {
                    format!("format version {v} is not supported (this version reads {VERSION})")
                }
            },
            FormatError::Shape => lang
                .pick("entries 字段格式不正确", "its entries field is malformed")
                .into(),
        }
    }
}

/// Counts of an import, reported to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Ids that were not tracked before.
    pub added: usize,
    /// Tracked ids replaced by a newer (or equally recent) entry.
    pub updated: usize,
    /// Identical entries, or older than what is here.
    pub unchanged: usize,
    /// Entries of the file that were malformed and skipped.
    pub rejected: usize,
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

/// What was found in `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Nothing saved yet.
    Empty,
    /// A readable document; `skipped` malformed entries were left out.
    Loaded { tracker: Tracker, skipped: usize },
    /// Not a readable document: set it aside, never overwrite it blindly.
    Corrupt(FormatError),
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
            TrackerAction::SetStatus { id, status, today } => {
                let entry = self.entries.entry(id).or_default();
                entry.status = status;
                entry.date = Some(today);
                None
            }
            TrackerAction::SetNote { id, note } => {
                self.entries.entry(id).or_default().note = note;
                None
            }
            TrackerAction::Reset => {
                self.entries.clear();
                Some(Notice::Reset)
            }
            TrackerAction::Import(text) => Some(match parse_document(&text) {
                Ok((entries, rejected)) => {
                    let mut report = self.merge(entries);
                    report.rejected = rejected;
                    Notice::Imported(report)
                }
                Err(e) => Notice::ImportFailed(e),
            }),
        }
    }

    /// Merges entries per id: an id not tracked here is added; a tracked
    /// one is replaced when the incoming status date is the same or newer
    /// (an entry without a date is the oldest).
    pub fn merge(&mut self, incoming: BTreeMap<String, Entry>) -> ImportReport {
        let mut report = ImportReport::default();
        for (id, new) in incoming {
            match self.entries.get_mut(&id) {
                None => {
                    self.entries.insert(id, new);
                    report.added += 1;
                }
                Some(old) if *old == new || new.date < old.date => report.unchanged += 1,
                Some(old) => {
                    *old = new;
                    report.updated += 1;
                }
            }
        }
        report
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
                o.insert(
                    "date".into(),
                    e.date.clone().map_or(Value::Null, Value::String),
                );
                (id.clone(), Value::Object(o))
            })
            .collect();
        doc.insert("entries".into(), Value::Object(entries));
        doc
    }

    /// Reads what `localStorage` holds (`None`: nothing saved yet).
    pub fn from_stored(raw: Option<&str>) -> Stored {
        match raw {
            None => Stored::Empty,
            Some(text) => match parse_document(text) {
                Ok((entries, skipped)) => Stored::Loaded {
                    tracker: Tracker { entries },
                    skipped,
                },
                Err(e) => Stored::Corrupt(e),
            },
        }
    }
}

/// Parses a stored or exported document: the valid entries and how many
/// malformed ones were skipped, or why the whole document is unreadable.
pub fn parse_document(text: &str) -> Result<(BTreeMap<String, Entry>, usize), FormatError> {
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
    match doc.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(v @ (Value::Number(_) | Value::String(_))) => {
            return Err(FormatError::Version(v.to_string().trim_matches('"').into()))
        }
        _ => return Err(FormatError::Foreign),
    }
    let Some(Value::Object(raw)) = doc.get("entries") else {
        return Err(FormatError::Shape);
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
    Ok((entries, skipped))
}

fn parse_entry(id: &str, value: &Value) -> Option<Entry> {
    if id.trim().is_empty() || id.len() > 500 {
        return None;
    }
    let o = value.as_object()?;
    let status = match o.get("status") {
        None | Some(Value::Null) => Status::NotRated,
        Some(v) => Status::from_key(v.as_str()?)?,
    };
    let note = match o.get("note") {
        None | Some(Value::Null) => String::new(),
        Some(v) => v.as_str()?.to_owned(),
    };
    let date = match o.get("date") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_str().filter(|d| is_iso_date(d))?.to_owned()),
    };
    Some(Entry { status, note, date })
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Name of the export file: `dafu-承诺-2025-11-23.json`.
pub fn export_filename(today: &str) -> String {
    format!("dafu-承诺-{today}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(t: &mut Tracker, id: &str, status: Status, today: &str) {
        t.apply(TrackerAction::SetStatus {
            id: id.into(),
            status,
            today: today.into(),
        });
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
    fn set_status_records_the_date_and_set_note_keeps_it() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::InTheWorks, "2025-11-23");
        t.apply(TrackerAction::SetNote {
            id: "a".into(),
            note: "见 2026 年预算".into(),
        });
        t.apply(TrackerAction::SetNote {
            id: "b".into(),
            note: "只有备注".into(),
        });
        assert_eq!(
            t.entry("a"),
            Some(&Entry {
                status: Status::InTheWorks,
                note: "见 2026 年预算".into(),
                date: Some("2025-11-23".into())
            })
        );
        assert_eq!(t.entry("b").unwrap().date, None);
        assert_eq!(t.status("b"), Status::NotRated);
        assert_eq!(t.status("missing"), Status::NotRated);
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
        t.apply(TrackerAction::SetNote {
            id: "future-reply#x".into(),
            note: "引号\"与换行\n".into(),
        });
        let json = t.to_json();
        assert!(
            json.contains("\"version\":1") && json.contains("\"format\":\"dafu.tracker\""),
            "{json}"
        );
        assert_eq!(
            Tracker::from_stored(Some(&json)),
            Stored::Loaded {
                tracker: t.clone(),
                skipped: 0
            }
        );
        assert_eq!(Tracker::from_stored(None), Stored::Empty);
        // The export reads back the same.
        let (entries, rejected) = parse_document(&t.to_export("2025-11-23")).unwrap();
        assert_eq!((Tracker { entries }, rejected), (t, 0));
    }

    #[test]
    fn unreadable_or_foreign_values_are_reported_not_loaded() {
        let corrupt = |s: &str| match Tracker::from_stored(Some(s)) {
            Stored::Corrupt(e) => e,
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
            corrupt(r#"{"version":2,"entries":{}}"#),
            FormatError::Version("2".into())
        );
        assert_eq!(
            corrupt(r#"{"version":"1.5","entries":{}}"#),
            FormatError::Version("1.5".into())
        );
        assert_eq!(corrupt(r#"{"version":1,"entries":[]}"#), FormatError::Shape);
        assert_eq!(corrupt(r#"{"version":1}"#), FormatError::Shape);
        for e in [
            FormatError::Foreign,
            FormatError::Shape,
            FormatError::Version("9".into()),
        ] {
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn malformed_entries_are_skipped_and_counted() {
        let text = r#"{"version":1,"entries":{
            "ok":{"status":"kept","note":"n","date":"2025-01-02"},
            "minimal":{},
            "bad-status":{"status":"done"},
            "bad-date":{"status":"kept","date":"2025/01/02"},
            "bad-note":{"note":5},
            "not-object":"kept",
            "  ":{"status":"kept"}
        }}"#;
        let Stored::Loaded { tracker, skipped } = Tracker::from_stored(Some(text)) else {
            panic!()
        };
        assert_eq!(skipped, 5);
        assert_eq!(tracker.len(), 2);
        assert_eq!(tracker.entry("minimal"), Some(&Entry::default()));
        assert_eq!(tracker.status("ok"), Status::Kept);
    }

    #[test]
    fn import_merges_newer_dates_and_reports_counts() {
        let mut t = Tracker::default();
        set(&mut t, "same", Status::Kept, "2025-05-05");
        set(&mut t, "older-here", Status::Stalled, "2025-01-01");
        set(&mut t, "newer-here", Status::Kept, "2025-09-09");
        set(&mut t, "local-only", Status::Broken, "2025-03-03");
        let file = r#"{"format":"dafu.tracker","version":1,"exported":"2025-10-01","entries":{
            "same":{"status":"kept","note":"","date":"2025-05-05"},
            "older-here":{"status":"compromise","note":"部分","date":"2025-06-01"},
            "newer-here":{"status":"broken","note":"","date":"2025-02-02"},
            "new":{"status":"in_the_works","note":"","date":"2025-04-04"},
            "broken-entry":{"status":42}
        }}"#;
        let notice = t.apply(TrackerAction::Import(file.into()));
        assert_eq!(
            notice,
            Some(Notice::Imported(ImportReport {
                added: 1,
                updated: 1,
                unchanged: 2,
                rejected: 1
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

    #[test]
    fn a_bad_import_changes_nothing() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-05-05");
        let before = t.clone();
        for bad in [
            "",
            "garbage",
            "{\"version\":7,\"entries\":{}}",
            "{\"version\":1,\"entries\":3}",
        ] {
            let n = t.apply(TrackerAction::Import(bad.into()));
            assert!(matches!(n, Some(Notice::ImportFailed(_))), "{bad:?}: {n:?}");
            assert_eq!(t, before);
        }
    }

    #[test]
    fn import_accepts_a_byte_order_mark() {
        let mut t = Tracker::default();
        let n = t.apply(TrackerAction::Import(
            "\u{feff}{\"version\":1,\"entries\":{\"x\":{\"status\":\"kept\"}}}".into(),
        ));
        assert_eq!(
            n,
            Some(Notice::Imported(ImportReport {
                added: 1,
                ..Default::default()
            }))
        );
    }

    #[test]
    fn equal_dates_take_the_imported_entry_and_undated_is_oldest() {
        let mut t = Tracker::default();
        set(&mut t, "a", Status::Kept, "2025-05-05");
        t.apply(TrackerAction::SetNote {
            id: "n".into(),
            note: "local".into(),
        });
        let mut incoming = BTreeMap::new();
        incoming.insert(
            "a".into(),
            Entry {
                status: Status::Broken,
                note: String::new(),
                date: Some("2025-05-05".into()),
            },
        );
        incoming.insert(
            "n".into(),
            Entry {
                status: Status::Stalled,
                note: String::new(),
                date: Some("2024-01-01".into()),
            },
        );
        assert_eq!(
            t.merge(incoming),
            ImportReport {
                updated: 2,
                ..Default::default()
            }
        );
        assert_eq!(t.status("a"), Status::Broken);
        assert_eq!(t.status("n"), Status::Stalled);
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

    #[test]
    fn every_notice_has_a_message_in_both_languages() {
        let notices = [
            Notice::Corrupt {
                reason: FormatError::Foreign,
                backup: Some("k".into()),
            },
            Notice::Corrupt {
                reason: FormatError::NotJson("x".into()),
                backup: None,
            },
            Notice::Skipped {
                count: 2,
                backup: None,
            },
            Notice::Skipped {
                count: 1,
                backup: Some("k".into()),
            },
            Notice::Unavailable,
            Notice::QuotaExceeded,
            Notice::SaveFailed("x".into()),
            Notice::Imported(ImportReport::default()),
            Notice::ImportFailed(FormatError::Shape),
            Notice::Reset,
            Notice::Exported("f.json".into()),
        ];
        for n in notices {
            assert!(!n.message(Lang::Zh).is_empty());
            assert!(n.message(Lang::En).is_ascii(), "{}", n.message(Lang::En));
        }
    }
}
