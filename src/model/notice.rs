//! What the app tells the user: a confirmation or a problem, from the
//! tracker, the imports or the browser's storage, in either language.
//!
//! Several can be shown at once (a list of notices, each dismissible); a
//! new notice replaces the one shown on the same [`Topic`], so the list
//! never grows past one notice a topic.

use crate::model::i18n::Lang;
use crate::model::tracker::{FormatError, ImportReport};

/// What a notice is about; a new notice replaces the one shown on its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Reading the saved tracker.
    TrackerStored,
    /// Reading or saving the imported replies.
    ImportsStored,
    /// The browser's storage as a whole: missing, full, failing.
    Storage,
    /// The last tracker file imported.
    TrackerImport,
    /// Other news of the tracker: a reset, an export.
    Tracker,
    /// Reply files imported or removed.
    Replies,
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
    /// The browser does not allow `localStorage` (private mode, file://).
    Unavailable,
    /// `localStorage` is full.
    QuotaExceeded,
    /// Saving failed for another reason.
    SaveFailed(String),
    Imported(ImportReport),
    /// The file could not be imported; nothing changed.
    ImportFailed(FormatError),
    /// Every entry was cleared.
    Reset,
    /// The export file was offered for download.
    Exported(String),
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
}

impl Notice {
    /// A problem (shown as a warning) rather than a confirmation.
    pub fn is_problem(&self) -> bool {
        match self {
            Notice::Replies(report) => report.is_problem(),
            Notice::Imported(_) | Notice::Reset | Notice::Exported(_) | Notice::ReplyRemoved(_) => {
                false
            }
            _ => true,
        }
    }

    pub fn topic(&self) -> Topic {
        match self {
            Notice::Corrupt { .. } | Notice::Skipped { .. } => Topic::TrackerStored,
            Notice::RepliesUnreadable { .. } | Notice::RepliesNotSaved { .. } => {
                Topic::ImportsStored
            }
            Notice::Unavailable | Notice::QuotaExceeded | Notice::SaveFailed(_) => Topic::Storage,
            Notice::Imported(_) | Notice::ImportFailed(_) => Topic::TrackerImport,
            Notice::Reset | Notice::Exported(_) => Topic::Tracker,
            Notice::Replies(_) | Notice::ReplyRemoved(_) => Topic::Replies,
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
            (Notice::Imported(r), Lang::Zh) => format!(
                "导入完成：新增 {} 条，更新 {} 条，未变 {} 条，拒绝 {} 条。",
                r.added, r.updated, r.unchanged, r.rejected
            ),
            (Notice::Imported(r), Lang::En) => format!(
                "Import done: {} added, {} updated, {} unchanged, {} rejected.",
                r.added, r.updated, r.unchanged, r.rejected
            ),
            (Notice::ImportFailed(why), Lang::Zh) => {
                format!("无法导入：{}。现有记录未作任何改动。", why.message(lang))
            }
            (Notice::ImportFailed(why), Lang::En) => {
                format!("Cannot import: {}. Nothing was changed.", why.message(lang))
            }
            (Notice::Reset, _) => lang.pick("已清空全部承诺进展。", "All commitment progress was cleared.").into(),
            (Notice::Exported(file), Lang::Zh) => format!("已导出为 {file}。"),
            (Notice::Exported(file), Lang::En) => format!("Exported as {file}."),
            (Notice::Replies(report), _) => report.message(lang),
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
