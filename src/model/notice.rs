//! What the app tells the user: a confirmation or a problem, from the
//! tracker, the imports or the browser's storage, in either language.
//!
//! Several can be shown at once (a list of notices, each dismissible); a
//! new notice replaces the one shown on the same [`Topic`], so the list
//! never grows past one notice a topic.

use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::merge::Conflict;
use crate::model::share::ShareNews;
use crate::model::tracker::{FormatError, ImportReport, LEGACY_KEY, MAX_NOTE_CHARS};

/// A record the app keeps in `localStorage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// Statuses and notes of the commitments.
    Tracker,
    /// Replies imported in this browser.
    Imports,
}

impl Store {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Store::Tracker => lang.pick("承诺进展", "commitment progress"),
            Store::Imports => lang.pick("导入的答复", "imported replies"),
        }
    }
}

/// What a notice is about; a new notice replaces the one shown on its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Reading the saved tracker (at start, or when another tab wrote it).
    TrackerStored,
    /// Reading or saving the imported replies.
    ImportsStored,
    /// The browser's storage as a whole: missing, full, failing.
    Storage,
    /// The last tracker file imported.
    TrackerImport,
    /// Other news of the tracker: a reset, an export, a note cut.
    Tracker,
    /// Reply files imported or removed.
    Replies,
    /// Changes made in another tab at the same time as here.
    Tabs,
    /// A share link made (or not).
    Share,
}

impl Topic {
    /// The value of the notice's `data-notice-item` hook.
    pub fn key(self) -> &'static str {
        match self {
            Topic::TrackerStored => "tracker-stored",
            Topic::ImportsStored => "imports-stored",
            Topic::Storage => "storage",
            Topic::TrackerImport => "tracker-import",
            Topic::Tracker => "tracker",
            Topic::Replies => "replies",
            Topic::Tabs => "tabs",
            Topic::Share => "share",
        }
    }
}

/// Something the user should know: about the tracker, the imported
/// replies or the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The stored value could not be read; it was copied to `backup` (or left
    /// in place when `backup` is `None`) and the tracker starts empty.
    Corrupt {
        reason: FormatError,
        backup: Option<String>,
    },
    /// Some stored entries were malformed and skipped; the others loaded.
    /// The stored value as it was is copied to `backup` when possible.
    Skipped {
        count: usize,
        backup: Option<String>,
    },
    /// What an older version of dafu saved (under [`LEGACY_KEY`]) cannot be
    /// read; it is left as it is and the tracker starts empty.
    LegacyUnreadable(FormatError),
    /// A newer version of dafu saved this record: what could be read of it
    /// is shown, and this page never writes it.
    Newer {
        what: Store,
        version: u64,
    },
    /// `?reset-tracker` or `?reset-imports`: the record was moved to
    /// `backup` and the app started without it. `backup` is `None` when it
    /// could not be copied: it was then left in place, unused and unwritten.
    StoredReset {
        what: Store,
        backup: Option<String>,
    },
    /// The browser does not allow `localStorage` (private mode, file://).
    Unavailable,
    /// `localStorage` is full.
    QuotaExceeded,
    /// Saving failed for another reason.
    SaveFailed(String),
    Imported(ImportReport),
    /// The file could not be imported; nothing changed.
    ImportFailed {
        file: String,
        why: FormatError,
    },
    /// A note was longer than the limit and was cut.
    NoteTooLong,
    /// A commitment already has the most evidence an entry keeps.
    TooMuchEvidence,
    /// Every entry was cleared.
    Reset,
    /// The export file was offered for download.
    Exported(String),
    /// Another tab changed entries this one changed too, at about the same
    /// time: this tab's were kept, the other's are listed.
    Conflicts(Vec<Conflict>),
    /// Reply files offered for import: what was added, what refused.
    Replies(crate::model::imports::Report),
    /// An imported reply was removed.
    ReplyRemoved(String),
    /// The saved imported replies could not be read; set aside as `backup`.
    RepliesUnreadable {
        reason: String,
        backup: Option<String>,
    },
    /// The imported replies could not be saved (`full`: no room left).
    RepliesNotSaved {
        full: bool,
        why: String,
    },
    /// A share link was copied, shown to copy by hand, or refused.
    Share(ShareNews),
}

/// A size in megabytes as the messages give it: `200 MB`, `2.5 MB`.
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", format::plain(bytes as f64 / (1024.0 * 1024.0), 1))
}

/// Why a file of `bytes` bytes was refused unread: more than `limit`, the
/// most a file for `what` may have.
pub fn too_big(bytes: u64, limit: u64, what: Store, lang: Lang) -> String {
    let (size, limit) = (megabytes(bytes), megabytes(limit));
    match (what, lang) {
        (Store::Imports, Lang::Zh) => format!("文件有 {size}，超过单个答复文件的上限 {limit}"),
        (Store::Tracker, Lang::Zh) => format!("文件有 {size}，超过承诺进展文件的上限 {limit}"),
        (Store::Imports, Lang::En) => {
            format!("the file has {size}, more than the {limit} a reply file may have")
        }
        (Store::Tracker, Lang::En) => {
            format!("the file has {size}, more than the {limit} a tracker file may have")
        }
    }
}

impl Notice {
    /// A problem (shown as a warning) rather than a confirmation.
    pub fn is_problem(&self) -> bool {
        match self {
            Notice::Replies(report) => report.is_problem(),
            Notice::Imported(report) => !report.conflicts.is_empty(),
            Notice::Share(news) => news.is_problem(),
            Notice::Reset | Notice::Exported(_) | Notice::ReplyRemoved(_) => false,
            _ => true,
        }
    }

    pub fn topic(&self) -> Topic {
        match self {
            Notice::Corrupt { .. }
            | Notice::Skipped { .. }
            | Notice::LegacyUnreadable(_)
            | Notice::StoredReset {
                what: Store::Tracker,
                ..
            }
            | Notice::Newer {
                what: Store::Tracker,
                ..
            } => Topic::TrackerStored,
            Notice::StoredReset { .. }
            | Notice::Newer { .. }
            | Notice::RepliesUnreadable { .. }
            | Notice::RepliesNotSaved { .. } => Topic::ImportsStored,
            Notice::Unavailable | Notice::QuotaExceeded | Notice::SaveFailed(_) => Topic::Storage,
            Notice::Imported(_) | Notice::ImportFailed { .. } => Topic::TrackerImport,
            Notice::NoteTooLong | Notice::TooMuchEvidence | Notice::Reset | Notice::Exported(_) => Topic::Tracker,
            Notice::Replies(_) | Notice::ReplyRemoved(_) => Topic::Replies,
            Notice::Conflicts(_) => Topic::Tabs,
            Notice::Share(_) => Topic::Share,
        }
    }

    /// The entries to list under the message: those in conflict.
    pub fn conflicts(&self) -> &[Conflict] {
        match self {
            Notice::Imported(report) => &report.conflicts,
            Notice::Conflicts(list) => list,
            _ => &[],
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Corrupt { reason, backup: Some(key) }, Lang::Zh) => format!(
                "浏览器中保存的承诺进展无法读取：{}。原内容已另存为 {key}，可从浏览器存储中找回；现从空白记录开始。",
                reason.message(lang)
            ),
            (Notice::Corrupt { reason, backup: Some(key) }, Lang::En) => format!(
                "The commitment progress saved in this browser could not be read: {}. The original was set aside as {key} and can be recovered from the browser's storage; starting from an empty record.",
                reason.message(lang)
            ),
            (Notice::Corrupt { reason, backup: None }, Lang::Zh) => format!(
                "浏览器中保存的承诺进展无法读取：{}。原内容保留未动，本次修改只保存在当前页面中。",
                reason.message(lang)
            ),
            (Notice::Corrupt { reason, backup: None }, Lang::En) => format!(
                "The commitment progress saved in this browser could not be read: {}. The original was left untouched; changes are kept in this page only.",
                reason.message(lang)
            ),
            (Notice::Skipped { count, backup }, Lang::Zh) => format!(
                "已载入保存的承诺进展，其中 {count} 条格式有误，已跳过。{}",
                backup.as_ref().map(|k| format!("原内容已另存为 {k}。")).unwrap_or_default()
            ),
            (Notice::Skipped { count, backup }, Lang::En) => format!(
                "Saved progress loaded; {count} malformed entries were skipped.{}",
                backup.as_ref().map(|k| format!(" The original was set aside as {k}.")).unwrap_or_default()
            ),
            (Notice::LegacyUnreadable(reason), Lang::Zh) => format!(
                "旧版 dafu 保存的承诺进展（{LEGACY_KEY}）无法读取：{}。原内容保留未动；现从空白记录开始。",
                reason.message(lang)
            ),
            (Notice::LegacyUnreadable(reason), Lang::En) => format!(
                "The commitment progress an older dafu saved ({LEGACY_KEY}) could not be read: {}. It was left untouched; starting from an empty record.",
                reason.message(lang)
            ),
            (Notice::Newer { what, version }, Lang::Zh) => format!(
                "本浏览器中的{}由较新版本的 dafu 保存（格式版本 {version}）。这里显示能读取的部分，原记录保留未动，不会被本页改写：此处的修改只保存在当前页面中。请使用较新版本的 dafu。",
                what.name(lang)
            ),
            (Notice::Newer { what, version }, Lang::En) => format!(
                "The {} in this browser were saved by a newer version of dafu (format version {version}). What can be read is shown and the record is left untouched: changes made here are kept in this page only. Use the newer version of dafu.",
                what.name(lang)
            ),
            (Notice::StoredReset { what, backup: Some(key) }, Lang::Zh) => format!(
                "已按地址中的重置开关，将保存的{}移至 {key}（未删除，可从浏览器存储中找回），本页从空白开始。",
                what.name(lang)
            ),
            (Notice::StoredReset { what, backup: Some(key) }, Lang::En) => format!(
                "As the reset switch in the address asked, the saved {} were moved to {key} (not deleted: they can be recovered from the browser's storage); this page starts without them.",
                what.name(lang)
            ),
            (Notice::StoredReset { what, backup: None }, Lang::Zh) => format!(
                "已按地址中的重置开关，本页不载入保存的{}；但无法另存备份，原内容保留未动，本页也不会改写它：此处的修改只保存在当前页面中。",
                what.name(lang)
            ),
            (Notice::StoredReset { what, backup: None }, Lang::En) => format!(
                "As the reset switch in the address asked, this page starts without the saved {}; they could not be copied aside, so they were left untouched and this page will not write them: changes are kept in this page only.",
                what.name(lang)
            ),
            (Notice::Unavailable, _) => lang
                .pick(
                    "此浏览器不允许本地保存（例如隐私模式或本地文件打开）。进展只保存在当前页面中，关闭后会丢失，请用“导出”保存。",
                    "This browser does not allow local storage (private mode or a local file, for example). Progress is kept in this page only and is lost when it closes: use Export to keep it.",
                )
                .into(),
            (Notice::QuotaExceeded, _) => lang
                .pick(
                    "浏览器存储空间已满，最近的修改未能保存，仅保留在当前页面中。请导出备份，或清理本站的存储数据。",
                    "The browser's storage is full: recent changes were not saved and live in this page only. Export a copy, or clear this site's stored data.",
                )
                .into(),
            (Notice::SaveFailed(why), Lang::Zh) => format!("保存失败（{why}），修改仅保留在当前页面中。"),
            (Notice::SaveFailed(why), Lang::En) => {
                format!("Saving failed ({why}); changes live in this page only.")
            }
            (Notice::Imported(r), _) => import_message(r, lang),
            (Notice::ImportFailed { file, why }, Lang::Zh) => {
                format!("无法导入 {file}：{}。现有记录未作任何改动。", why.message(lang))
            }
            (Notice::ImportFailed { file, why }, Lang::En) => {
                format!("Cannot import {file}: {}. Nothing was changed.", why.message(lang))
            }
            (Notice::NoteTooLong, Lang::Zh) => format!(
                "备注最长 {} 字，超出的部分没有保存。",
                format::count(MAX_NOTE_CHARS)
            ),
            (Notice::NoteTooLong, Lang::En) => format!(
                "A note holds at most {} characters: the rest was not kept.",
                format::count(MAX_NOTE_CHARS)
            ),
            (Notice::TooMuchEvidence, Lang::Zh) => format!(
                "每项承诺最多采纳 {} 件答复作为依据；请先撤销一件。",
                crate::model::tracker::MAX_EVIDENCE
            ),
            (Notice::TooMuchEvidence, Lang::En) => format!(
                "A commitment keeps at most {} replies as evidence: withdraw one first.",
                crate::model::tracker::MAX_EVIDENCE
            ),
            (Notice::Reset, _) => lang.pick("已清空全部承诺进展。", "All commitment progress was cleared.").into(),
            (Notice::Exported(file), Lang::Zh) => format!("已导出为 {file}。"),
            (Notice::Exported(file), Lang::En) => format!("Exported as {file}."),
            (Notice::Conflicts(list), Lang::Zh) => format!(
                "另一个标签页同时修改了 {} 条承诺的记录：本页保留了自己的记录，另一页的内容列在下面。",
                list.len()
            ),
            (Notice::Conflicts(list), Lang::En) => format!(
                "Another tab changed {} of the same commitments at the same time: this page kept its own; the other tab's are listed below.",
                list.len()
            ),
            (Notice::Replies(report), _) => report.message(lang),
            (Notice::Share(news), _) => news.message(lang),
            (Notice::ReplyRemoved(file), Lang::Zh) => format!("已移除导入的答复 {file}。"),
            (Notice::ReplyRemoved(file), Lang::En) => format!("Removed the imported reply {file}."),
            (Notice::RepliesUnreadable { reason, backup }, Lang::Zh) => format!(
                "浏览器中保存的导入答复无法读取（{reason}）。{}",
                backup.as_ref().map_or("原内容保留未动。".to_owned(), |k| format!("原内容已另存为 {k}。"))
            ),
            (Notice::RepliesUnreadable { reason, backup }, Lang::En) => format!(
                "The imported replies saved in this browser could not be read ({reason}). {}",
                backup.as_ref().map_or("The original was left untouched.".to_owned(), |k| format!("The original was set aside as {k}."))
            ),
            (Notice::RepliesNotSaved { full: true, .. }, _) => lang
                .pick(
                    "浏览器存储空间已满，导入的答复未能保存，只在当前页面中可用。",
                    "The browser's storage is full: the imported replies were not saved and live in this page only.",
                )
                .into(),
            (Notice::RepliesNotSaved { why, .. }, Lang::Zh) => {
                format!("导入的答复未能保存（{why}），只在当前页面中可用。")
            }
            (Notice::RepliesNotSaved { why, .. }, Lang::En) => {
                format!("The imported replies could not be saved ({why}); they live in this page only.")
            }
        }
    }
}

fn import_message(r: &ImportReport, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Zh => format!(
            "导入完成（{}）：新增 {} 条，更新 {} 条，保留本机 {} 条，冲突 {} 条",
            r.file,
            r.added,
            r.updated,
            r.kept,
            r.conflicts.len()
        ),
        Lang::En => format!(
            "Import done ({}): {} added, {} updated, {} kept as they were here, {} in conflict",
            r.file,
            r.added,
            r.updated,
            r.kept,
            r.conflicts.len()
        ),
    };
    if r.extended > 0 {
        out += &match lang {
            Lang::Zh => format!("，{} 条补充了进展记录或依据", r.extended),
            Lang::En => format!(", {} gained status history or evidence", r.extended),
        };
    }
    if r.rejected > 0 {
        out += &match lang {
            Lang::Zh => format!("，拒绝 {} 条格式有误的", r.rejected),
            Lang::En => format!(", {} malformed rejected", r.rejected),
        };
    }
    if r.truncated > 0 {
        out += &match lang {
            Lang::Zh => format!(
                "，{} 条备注超过 {} 字，已截断",
                r.truncated,
                format::count(MAX_NOTE_CHARS)
            ),
            Lang::En => format!(
                ", {} notes longer than {} characters cut",
                r.truncated,
                format::count(MAX_NOTE_CHARS)
            ),
        };
    }
    out += lang.pick("。", ".");
    if !r.conflicts.is_empty() {
        out += lang.pick(
            "冲突的条目两边都有对方没有的内容，保留了本机的记录；文件中的内容列在下面。",
            " Where both say something the other does not, the record here was kept; the file's is listed below.",
        );
    }
    out
}

#[cfg(test)]
mod tests;
