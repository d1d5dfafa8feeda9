//! Replies added in the browser: files the user drops or picks (UTF-8 or
//! GBK `.txt`/`.md`), parsed by the same parser as the bundled corpus, kept
//! in `localStorage` under [`STORAGE_KEY`] and removable. Nothing is sent
//! anywhere.
//!
//! Pure logic, tested natively; `storage.rs` reads and writes the value and
//! the replies view offers the files.

use dafu_parser::{Encoding, Reply};
use serde::{Deserialize, Serialize};

use crate::model::i18n::Lang;

/// `localStorage` key of the imported replies.
pub const STORAGE_KEY: &str = "dafu.imports.v1";

/// Text kept for imported replies, in all, in characters: `localStorage`
/// holds about five million per site, shared with the tracker. A reply is
/// some 10,000 characters, so this is room for about a hundred.
pub const MAX_CHARS: usize = 1_000_000;

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
    version: u32,
    files: Vec<Imported>,
}

/// Reads the stored value; `Err` says why it is unreadable.
pub fn from_stored(raw: Option<&str>) -> Result<Vec<Imported>, String> {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    let stored: Stored = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if stored.version != 1 {
        return Err(format!("version {} (expected 1)", stored.version));
    }
    let mut files = stored.files;
    files.iter_mut().for_each(Imported::parse);
    Ok(files)
}

pub fn to_stored(files: &[Imported]) -> String {
    serde_json::to_string(&Stored {
        version: 1,
        files: files.to_vec(),
    })
    .expect("imports serialise")
}

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
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

/// Adds the offered files to `files`, each checked like a corpus file.
pub fn offer(files: &mut Vec<Imported>, offered: Vec<Offered>, today: &str) -> Report {
    let mut report = Report::default();
    for Offered {
        file,
        text,
        encoding,
    } in offered
    {
        if encoding == Encoding::Lossy {
            report.refused.push((file, Refusal::NotText));
            continue;
        }
        let candidate = Imported::new(file.clone(), text, encoding, today.to_owned());
        if let Err(e) = dafu_parser::check(&candidate.reply) {
            report
                .refused
                .push((file, Refusal::NotAReply(e.to_string())));
            continue;
        }
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
mod tests {
    use super::*;

    fn offered(file: &str, bytes: &[u8]) -> Offered {
        let (text, encoding) = dafu_parser::decode_text(bytes);
        Offered {
            file: file.into(),
            text,
            encoding,
        }
    }

    fn reply_text(number: &str) -> String {
        let real = include_str!("../../corpus/000_00776b651792bc00.txt");
        let old = dafu_parser::parse(real.as_bytes()).meta.doc_number.unwrap();
        real.replacen(&old, number, 1)
    }

    #[test]
    fn utf8_and_gbk_replies_are_added_other_files_refused() {
        let text = reply_text("沪科提复〔2026〕1号");
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        let mut files = Vec::new();
        let report = offer(
            &mut files,
            vec![
                offered("a.txt", text.as_bytes()),
                offered("b.txt", &gbk),
                offered("notes.md", "# 会议纪要\n\n今天讨论了预算。".as_bytes()),
                offered("x.bin", &[0xff, 0xfe, 0x00, 0x81]),
            ],
            "2026-12-02",
        );
        assert_eq!(report.added, ["a.txt", "b.txt"]);
        assert_eq!(files[1].encoding, Encoding::Gb18030);
        assert_eq!(files[1].text, text);
        assert_eq!(
            files[0].reply.meta.doc_number.as_deref(),
            Some("沪科提复〔2026〕1号")
        );
        assert!(
            matches!(&report.refused[0], (f, Refusal::NotAReply(why)) if f == "notes.md" && why.contains("文号"))
        );
        assert_eq!(report.refused[1], ("x.bin".into(), Refusal::NotText));
        assert!(report.message(Lang::Zh).contains("notes.md 未导入"));
        assert!(report.is_problem());
    }

    #[test]
    fn the_same_name_replaces_and_the_room_is_limited() {
        let text = reply_text("沪科提复〔2026〕2号");
        let mut files = Vec::new();
        offer(&mut files, vec![offered("a.txt", text.as_bytes())], "d");
        let again = offer(&mut files, vec![offered("a.txt", text.as_bytes())], "e");
        assert_eq!(
            (again.replaced.len(), files.len(), files[0].added.as_str()),
            (1, 1, "e")
        );

        let room = MAX_CHARS / text.chars().count();
        let many = (0..room)
            .map(|i| offered(&format!("{i}.txt"), text.as_bytes()))
            .collect();
        let report = offer(&mut files, many, "d");
        assert_eq!(files.len(), room, "a.txt and room - 1 more");
        assert!(matches!(
            report.refused.as_slice(),
            [(_, Refusal::NoRoom { .. })]
        ));
    }

    #[test]
    fn stored_value_round_trips_and_garbage_is_an_error() {
        let mut files = Vec::new();
        offer(
            &mut files,
            vec![offered(
                "a.txt",
                reply_text("沪科提复〔2026〕3号").as_bytes(),
            )],
            "d",
        );
        assert_eq!(from_stored(Some(&to_stored(&files))), Ok(files));
        assert_eq!(from_stored(None), Ok(vec![]));
        assert!(from_stored(Some("{nope")).is_err());
        assert!(from_stored(Some(r#"{"version":2,"files":[]}"#)).is_err());
    }
}
