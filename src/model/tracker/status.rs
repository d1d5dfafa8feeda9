//! Where a promise stands (PolitiFact's promise-tracker scale), and how
//! the commitments of a reply or of the corpus stand together.

use crate::model::i18n::Lang;

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
