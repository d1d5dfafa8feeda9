//! Replies added in the browser: files the user drops or picks (UTF-8 or
//! GBK `.txt`/`.md`), parsed by the same parser as the bundled corpus, kept
//! in `localStorage` under [`STORAGE_KEY`] and removable. Nothing is sent
//! anywhere.
//!
//! Pure logic, tested natively; `storage.rs` reads and writes the value and
//! the replies view offers the files. A file goes through two steps: the
//! web layer checks its size before reading it and [`check`]s it (decoded,
//! parsed) outside the reducer; the reducer only [`add`]s what passed.

use dafu_parser::{Encoding, Reply};
use serde::{Deserialize, Serialize};

use crate::model::i18n::Lang;
use crate::model::merge::three_way;
use crate::model::notice::{too_big, Notice, Store};
use crate::model::replica::{Read, Record};

/// `localStorage` key of the imported replies.
pub const STORAGE_KEY: &str = "dafu.imports.v1";

/// Text kept for imported replies, in all, in characters: `localStorage`
/// holds about five million per site, shared with the tracker. A reply is
/// some 10,000 characters, so this is room for about a hundred.
pub const MAX_CHARS: usize = 1_000_000;

/// Largest reply file an import reads. A reply is some 10,000 characters,
/// 30 KB as UTF-8: 2 MB is room for seventy, and a larger file would take
/// most of the import room ([`MAX_CHARS`]) alone — as GBK, more than all of
/// it. Checked on the file's size, before anything is read.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Version of the stored value this build reads and writes.
pub const VERSION: u64 = 1;

/// One imported reply: its text as decoded, so that it parses again on the
/// next visit exactly as it did when it was added, and the reply parsed
/// from it (once: not stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The file's name as the user had it.
    pub file: String,
    pub text: String,
    /// The encoding the file came in.
    pub encoding: Encoding,
    /// The day it was added, `YYYY-MM-DD`.
    pub added: String,
    #[serde(skip)]
    pub reply: Reply,
}

impl Imported {
    pub fn new(file: String, text: String, encoding: Encoding, added: String) -> Imported {
        let mut imported = Imported {
            file,
            text,
            encoding,
            added,
            reply: Reply::default(),
        };
        imported.parse();
        imported
    }

    fn parse(&mut self) {
        self.reply = dafu_parser::parse(self.text.as_bytes());
        self.reply.encoding = self.encoding;
    }

    fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// The characters the imported texts take, in all (see [`MAX_CHARS`]).
pub fn used_chars(files: &[Imported]) -> usize {
    files.iter().map(Imported::chars).sum()
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u64,
    files: Vec<Imported>,
}

/// Reads the stored value: version 1, or a newer one as far as its files
/// read like version 1's.
pub fn read(raw: &str) -> Read<Vec<Imported>, String> {
    if raw.trim().is_empty() {
        return Read::Loaded {
            value: Vec::new(),
            skipped: 0,
        };
    }
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(value) => value,
        Err(e) => return Read::Corrupt(e.to_string()),
    };
    let parsed = |files: Vec<Imported>| {
        let mut files = files;
        files.iter_mut().for_each(Imported::parse);
        files
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(VERSION) => match serde_json::from_value::<Stored>(value) {
            Ok(stored) => Read::Loaded {
                value: parsed(stored.files),
                skipped: 0,
            },
            Err(e) => Read::Corrupt(e.to_string()),
        },
        Some(version) if version > VERSION => Read::Newer {
            value: value
                .get("files")
                .cloned()
                .and_then(|files| serde_json::from_value(files).ok())
                .map(parsed)
                .unwrap_or_default(),
            version,
        },
        _ => Read::Corrupt(format!(
            "version {} (expected {VERSION})",
            value.get("version").unwrap_or(&serde_json::Value::Null)
        )),
    }
}

pub fn to_stored(files: &[Imported]) -> String {
    serde_json::to_string(&Stored {
        version: VERSION,
        files: files.to_vec(),
    })
    .expect("imports serialise")
}

impl Record for Vec<Imported> {
    type Why = String;
    const KEY: &'static str = STORAGE_KEY;
    const STORE: Store = Store::Imports;

    fn read(text: &str) -> Read<Self, String> {
        read(text)
    }

    /// The key is removed with the last import.
    fn write(&self) -> Option<String> {
        (!self.is_empty()).then(|| to_stored(self))
    }

    /// File by file (by name): one added, replaced or removed in one page
    /// only is taken; replaced in both, this page's stays. In this page's
    /// order, the other's new files after.
    fn sync(base: &Self, mine: &Self, theirs: &Self) -> (Self, Option<Notice>) {
        fn find<'a>(files: &'a [Imported], name: &str) -> Option<&'a Imported> {
            files.iter().find(|f| f.file == name)
        }
        let mut names: Vec<&str> = mine.iter().map(|f| f.file.as_str()).collect();
        for f in theirs {
            if !names.contains(&f.file.as_str()) {
                names.push(&f.file);
            }
        }
        let merged = names
            .into_iter()
            .filter_map(|name| {
                three_way(
                    find(base, name),
                    find(mine, name),
                    find(theirs, name),
                    |m, _| m,
                )
            })
            .cloned()
            .collect();
        (merged, None)
    }

    fn unreadable(reason: String, backup: Option<String>) -> Notice {
        Notice::RepliesUnreadable { reason, backup }
    }

    fn not_saved(problem: Notice) -> Notice {
        match problem {
            Notice::QuotaExceeded => Notice::RepliesNotSaved {
                full: true,
                why: String::new(),
            },
            Notice::SaveFailed(why) => Notice::RepliesNotSaved { full: false, why },
            _ => Notice::RepliesNotSaved {
                full: false,
                why: "localStorage".into(),
            },
        }
    }
}

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Larger than [`MAX_FILE_BYTES`]: refused before it was read.
    TooBig { bytes: u64 },
    /// Neither UTF-8 nor GBK/GB18030 text.
    NotText,
    /// Text, but not a reply: the parser's verdict, naming what is missing.
    NotAReply(String),
    /// Keeping it would pass [`MAX_CHARS`]; `left` characters are free.
    NoRoom { needed: usize, left: usize },
}

/// What happened to each file offered at once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub added: Vec<String>,
    /// Files that replaced an earlier import of the same name.
    pub replaced: Vec<String>,
    pub refused: Vec<(String, Refusal)>,
}

/// A file offered for import, decoded (`browser::decode_text` in the app).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub file: String,
    pub text: String,
    /// [`Encoding::Lossy`] when it was neither UTF-8 nor GBK.
    pub encoding: Encoding,
}

/// A file offered, checked: the reply read from it, or why it is refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub file: String,
    pub outcome: Result<Imported, Refusal>,
}

impl Checked {
    /// A file of `bytes` bytes, refused unread when it is larger than
    /// [`MAX_FILE_BYTES`].
    pub fn too_big(file: &str, bytes: u64) -> Option<Checked> {
        (bytes > MAX_FILE_BYTES).then(|| Checked {
            file: file.to_owned(),
            outcome: Err(Refusal::TooBig { bytes }),
        })
    }
}

/// Checks an offered file like a corpus file — text, then a reply — and
/// parses it: the heavy step, done outside the reducer.
pub fn check(offered: Offered, today: &str) -> Checked {
    let Offered {
        file,
        text,
        encoding,
    } = offered;
    let outcome = if encoding == Encoding::Lossy {
        Err(Refusal::NotText)
    } else {
        let candidate = Imported::new(file.clone(), text, encoding, today.to_owned());
        match dafu_parser::check(&candidate.reply) {
            Ok(()) => Ok(candidate),
            Err(e) => Err(Refusal::NotAReply(e.to_string())),
        }
    };
    Checked { file, outcome }
}

/// Adds checked files to `files`: a file of an earlier import's name
/// replaces it; one that would pass [`MAX_CHARS`] is refused.
pub fn add(files: &mut Vec<Imported>, checked: Vec<Checked>) -> Report {
    let mut report = Report::default();
    for Checked { file, outcome } in checked {
        let candidate = match outcome {
            Ok(candidate) => candidate,
            Err(why) => {
                report.refused.push((file, why));
                continue;
            }
        };
        let earlier = files.iter().position(|f| f.file == file);
        // The file it replaces frees its room.
        let used = used_chars(files) - earlier.map_or(0, |i| files[i].chars());
        let needed = candidate.chars();
        if used + needed > MAX_CHARS {
            let left = MAX_CHARS.saturating_sub(used);
            report
                .refused
                .push((file, Refusal::NoRoom { needed, left }));
            continue;
        }
        match earlier {
            Some(i) => {
                files[i] = candidate;
                report.replaced.push(file);
            }
            None => {
                files.push(candidate);
                report.added.push(file);
            }
        }
    }
    report
}

impl Report {
    pub fn is_problem(&self) -> bool {
        !self.refused.is_empty()
    }

    pub fn message(&self, lang: Lang) -> String {
        let names = |v: &[String]| v.join(lang.pick("、", ", "));
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(match lang {
                Lang::Zh => format!(
                    "已导入 {} 件答复：{}。",
                    self.added.len(),
                    names(&self.added)
                ),
                Lang::En => format!(
                    "Imported {} replies: {}.",
                    self.added.len(),
                    names(&self.added)
                ),
            });
        }
        if !self.replaced.is_empty() {
            parts.push(match lang {
                Lang::Zh => format!("已用新文件替换：{}。", names(&self.replaced)),
                Lang::En => format!("Replaced by the new file: {}.", names(&self.replaced)),
            });
        }
        for (file, why) in &self.refused {
            parts.push(match (why, lang) {
                (Refusal::TooBig { bytes }, Lang::Zh) => format!(
                    "{file} 未导入：{}。",
                    too_big(*bytes, MAX_FILE_BYTES, Store::Imports, lang)
                ),
                (Refusal::TooBig { bytes }, Lang::En) => format!(
                    "{file} was not imported: {}.",
                    too_big(*bytes, MAX_FILE_BYTES, Store::Imports, lang)
                ),
                (Refusal::NotText, Lang::Zh) => {
                    format!("{file} 未导入：不是 UTF-8 或 GBK 文本。")
                }
                (Refusal::NotText, Lang::En) => {
                    format!("{file} was not imported: it is not UTF-8 or GBK text.")
                }
                (Refusal::NotAReply(why), Lang::Zh) => {
                    format!("{file} 未导入：不像一件答复（{why}）。")
                }
                (Refusal::NotAReply(why), Lang::En) => {
                    format!("{file} was not imported: it does not read as a reply ({why}).")
                }
                (Refusal::NoRoom { needed, left }, Lang::Zh) => format!(
                    "{file} 未导入：浏览器中为导入答复保留的空间（{} 字）已不够，需要 {needed} 字，尚余 {left} 字。可先移除一些导入的答复。",
                    MAX_CHARS
                ),
                (Refusal::NoRoom { needed, left }, Lang::En) => format!(
                    "{file} was not imported: the room kept in this browser for imported replies ({} characters) would overflow; it needs {needed}, {left} are left. Remove some imported replies first.",
                    MAX_CHARS
                ),
            });
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests;
