//! The tracker's documents: what a stored value or an imported file holds,
//! how it is read, migrated from older versions and checked against the
//! limits, and what reading it reports.

use super::*;

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
    /// Tracked ids kept as they were here (counted in `kept`) that took
    /// status changes or evidence from the file.
    pub extended: usize,
    /// Entries of the file that were malformed and skipped.
    pub rejected: usize,
    /// Notes of the file cut at [`MAX_NOTE_CHARS`].
    pub truncated: usize,
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
    if version < 3 {
        doc = v2_to_v3(doc);
    }
    doc
}

/// Version 2 → 3: an entry with a status gains a history of one change,
/// its last (the status, its date and, when known, its time); none gains
/// evidence.
fn v2_to_v3(mut doc: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(entries)) = doc.get_mut("entries") {
        for entry in entries.values_mut() {
            let Value::Object(e) = entry else { continue };
            let rated = matches!(e.get("status"), Some(Value::String(s)) if s != Status::NotRated.key());
            if rated && matches!(e.get("date"), Some(Value::String(_))) && !e.contains_key("history") {
                let mut change = Map::new();
                change.insert("status".into(), e["status"].clone());
                change.insert("date".into(), e["date"].clone());
                change.insert("at".into(), e.get("modified").cloned().unwrap_or(Value::Null));
                e.insert("history".into(), Value::Array(vec![Value::Object(change)]));
            }
        }
    }
    doc.insert("version".into(), 3.into());
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
        history: super::history::parse_history(o.get("history"))?,
        evidence: super::history::parse_evidence(o.get("evidence"))?,
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
