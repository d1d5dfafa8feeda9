//! One page's copy of a record kept in `localStorage` — the tracker, the
//! imported replies — and how it stays in step with the other pages (tabs,
//! frames) of the same site that hold a copy too.
//!
//! Every page remembers the stored text it last read or wrote (its *base*).
//! Before writing, it reads what is stored now: when that is still its base,
//! nobody else wrote and it writes its own value; otherwise it merges three
//! ways — what changed here since the base, and what changed there — and
//! writes the result (see [`Record::sync`]). When another page writes, the
//! browser's `storage` event hands the new text to [`Replica::plan`] the
//! same way, so every page shows the others' changes as they happen.
//!
//! A record saved by a newer version of dafu is read as far as it can be
//! and never written from this page.
//!
//! Pure: the browser glue (`src/web/storage.rs`) reads, writes and passes
//! the texts.

use std::rc::Rc;

use crate::model::notice::{Notice, Store};

/// What a stored text holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Read<T, Why> {
    /// A value of this version (or an older one, migrated); `skipped`
    /// malformed items were left out.
    Loaded { value: T, skipped: usize },
    /// Saved by a newer version: what could be read of it.
    Newer { value: T, version: u64 },
    /// Not readable at all.
    Corrupt(Why),
}

/// A record kept in `localStorage` under [`Record::KEY`].
pub trait Record: Clone + PartialEq + Default {
    /// Why a stored text cannot be read.
    type Why;
    const KEY: &'static str;
    /// Where an older version kept it: read when [`Record::KEY`] holds
    /// nothing, never written.
    const LEGACY_KEY: Option<&'static str> = None;
    const STORE: Store;

    fn read(text: &str) -> Read<Self, Self::Why>;
    /// The text to store; `None` removes the key.
    fn write(&self) -> Option<String>;
    /// Merges what is stored now (`theirs`) with this page's value
    /// (`mine`), both changed from `base`; a notice when both sides changed
    /// one item.
    fn sync(base: &Self, mine: &Self, theirs: &Self) -> (Self, Option<Notice>);
    /// What to tell when the stored text is unreadable.
    fn unreadable(why: Self::Why, backup: Option<String>) -> Notice;
    /// What to tell when the text under [`Record::LEGACY_KEY`] is
    /// unreadable (it is left as it is).
    fn legacy_unreadable(why: Self::Why) -> Notice {
        Self::unreadable(why, None)
    }
    /// What to tell when a write failed (`problem`: the storage's own
    /// notice: full, unavailable, …).
    fn not_saved(problem: Notice) -> Notice {
        problem
    }
}

/// This page's side of a stored record.
#[derive(Debug, Clone)]
pub struct Replica<T> {
    /// The value as this page last read or wrote it: the common ancestor of
    /// the next merge.
    base: T,
    /// The stored text `base` came from (`None`: nothing stored).
    text: Option<String>,
    /// Why this page must not write the record (a newer version saved it,
    /// or a reset could not move it aside), told on every save.
    hold: Option<Notice>,
}

/// What a save, or another page's write, asks of this page.
#[derive(Debug)]
pub struct Plan<T: Record> {
    /// This page's value with the other pages' changes, when they differ
    /// from it.
    pub merged: Option<T>,
    /// The text to store (`Some(None)`: remove the key); `None` when what
    /// is stored already says it, or when this page must not write.
    pub write: Option<Option<String>>,
    /// The stored text could not be read: set it aside before writing.
    pub unreadable: Option<T::Why>,
    pub notices: Vec<Notice>,
}

impl<T: Record> Replica<T> {
    /// A page that read `text` (`None`: nothing stored) as `base`.
    pub fn new(base: T, text: Option<String>) -> Replica<T> {
        Replica {
            base,
            text,
            hold: None,
        }
    }

    /// A page that must never write the record, and says `why` when it
    /// would.
    pub fn held(base: T, text: Option<String>, why: Notice) -> Replica<T> {
        Replica {
            hold: Some(why),
            ..Replica::new(base, text)
        }
    }

    /// What to do with `mine` now that `stored` is what the key holds: the
    /// merge with another page's changes, and the text to write. The base
    /// becomes what is stored; call [`Replica::written`] once the text is.
    pub fn plan(&mut self, stored: Option<&str>, mine: &T) -> Plan<T> {
        let mut plan = Plan {
            merged: None,
            write: None,
            unreadable: None,
            notices: Vec::new(),
        };
        if stored != self.text.as_deref() {
            // Another page wrote since this one last read or wrote.
            let theirs = match stored.map(T::read) {
                None => Some(T::default()),
                Some(Read::Loaded { value, .. }) => Some(value),
                Some(Read::Newer { value, version }) => {
                    self.hold = Some(Notice::Newer {
                        what: T::STORE,
                        version,
                    });
                    Some(value)
                }
                Some(Read::Corrupt(why)) => {
                    plan.unreadable = Some(why);
                    None
                }
            };
            if let Some(theirs) = theirs {
                let (merged, notice) = T::sync(&self.base, mine, &theirs);
                plan.notices.extend(notice);
                if merged != *mine {
                    plan.merged = Some(merged);
                }
                self.base = theirs;
                self.text = stored.map(str::to_owned);
            }
        }
        if let Some(why) = &self.hold {
            plan.notices.push(why.clone());
            plan.unreadable = None;
            return plan;
        }
        let text = plan.merged.as_ref().unwrap_or(mine).write();
        if stored != text.as_deref() || plan.unreadable.is_some() {
            plan.write = Some(text);
        }
        plan
    }

    /// `value` was stored as `text`.
    pub fn written(&mut self, value: T, text: Option<String>) {
        self.base = value;
        self.text = text;
    }
}

/// Brings a value that changed since `seen` (the value a plan was made
/// for) up to date with the plan's `merged` one: the plan's when nothing
/// changed meanwhile, else a merge keeping the changes made meanwhile.
pub fn rebase<T: Record>(seen: &Rc<T>, now: &Rc<T>, merged: T) -> T {
    if Rc::ptr_eq(seen, now) || seen == now {
        merged
    } else {
        T::sync(seen, now, &merged).0
    }
}

/// The recovery switches of the page's query string: `?reset-tracker` and
/// `?reset-imports` start the app without the stored record, moved aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resets {
    pub tracker: bool,
    pub imports: bool,
}

/// The query parameter of each switch.
const SWITCHES: [&str; 2] = ["reset-tracker", "reset-imports"];

impl Resets {
    /// Reads a query string (`?embed&reset-imports`): a switch is on when
    /// named, bare or with any value but `0`, `false`, `no`.
    pub fn from_query(search: &str) -> Resets {
        Resets {
            tracker: switch_on(search, SWITCHES[0]),
            imports: switch_on(search, SWITCHES[1]),
        }
    }

    pub fn any(self) -> bool {
        self.tracker || self.imports
    }
}

/// Whether a query string (`?a=1&embed`) turns switch `name` on: `name`,
/// `name=1` or `name=true` do; `name=0`, `name=false` or `name=no` don't.
pub fn switch_on(search: &str, name: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then_some(value)
        })
        .next_back()
        .is_some_and(|value| !matches!(value, "0" | "false" | "no"))
}

/// The query string without the reset switches, to put back in the
/// address once they have acted (so a reload does not reset again).
pub fn without_resets(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
            !pair.is_empty() && !SWITCHES.contains(&key)
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tracker::{Status, Tracker, TrackerAction};

    fn set(t: &mut Tracker, id: &str, status: Status, now: &str) {
        t.apply(TrackerAction::SetStatus {
            id: id.into(),
            status,
            today: now[..10].into(),
            now: now.into(),
        });
    }

    /// Two pages of one site, one `localStorage` value: neither loses the
    /// other's changes, whichever writes last.
    #[test]
    fn two_pages_writing_in_turn_keep_each_others_changes() {
        let mut stored: Option<String> = None;
        let mut a = Replica::new(Tracker::default(), None);
        let mut b = Replica::new(Tracker::default(), None);
        let (mut mine_a, mut mine_b) = (Tracker::default(), Tracker::default());

        let save = |r: &mut Replica<Tracker>, mine: &mut Tracker, stored: &mut Option<String>| {
            let plan = r.plan(stored.as_deref(), mine);
            if let Some(merged) = plan.merged {
                *mine = merged;
            }
            if let Some(text) = plan.write {
                *stored = text.clone();
                r.written(mine.clone(), text);
            }
            plan.notices
        };

        set(&mut mine_a, "one", Status::Kept, "2025-01-01T10:00:00.000Z");
        save(&mut a, &mut mine_a, &mut stored);
        // B never heard of A's change (no storage event yet) and saves its own.
        set(
            &mut mine_b,
            "two",
            Status::Stalled,
            "2025-01-01T10:00:01.000Z",
        );
        assert!(save(&mut b, &mut mine_b, &mut stored).is_empty());
        assert_eq!(mine_b.status("one"), Status::Kept, "B now shows A's change");
        let after_b = stored.clone();
        // A hears of it (the storage event): it takes B's, writes nothing new.
        let plan = a.plan(stored.as_deref(), &mine_a);
        mine_a = plan.merged.expect("B's change");
        assert_eq!(plan.write, None);
        assert_eq!(mine_a, mine_b);
        // Saving again without changes writes nothing.
        save(&mut a, &mut mine_a, &mut stored);
        assert_eq!(stored, after_b);

        // A reset in A clears B's view of what B did not change since.
        mine_a.apply(TrackerAction::Reset);
        save(&mut a, &mut mine_a, &mut stored);
        let plan = b.plan(stored.as_deref(), &mine_b);
        assert_eq!(plan.merged, Some(Tracker::default()));
    }

    #[test]
    fn a_newer_version_is_read_and_never_written() {
        let newer = r#"{"format":"dafu.tracker","version":9,"entries":{"x":{"status":"kept"}}}"#;
        let mut r = Replica::new(Tracker::default(), None);
        let mut mine = Tracker::default();
        set(&mut mine, "y", Status::Broken, "2025-01-01T10:00:00.000Z");
        let plan = r.plan(Some(newer), &mine);
        assert_eq!(plan.write, None);
        assert_eq!(
            plan.notices,
            [Notice::Newer {
                what: Store::Tracker,
                version: 9
            }]
        );
        let merged = plan.merged.unwrap();
        assert_eq!(
            (merged.status("x"), merged.status("y")),
            (Status::Kept, Status::Broken)
        );
        // Not even after the next change.
        assert_eq!(r.plan(Some(newer), &merged).write, None);
        assert!(r.hold.is_some());
    }

    #[test]
    fn an_unreadable_stored_text_is_to_be_set_aside_then_written_over() {
        let mut r = Replica::new(Tracker::default(), None);
        let mut mine = Tracker::default();
        set(&mut mine, "y", Status::Broken, "2025-01-01T10:00:00.000Z");
        let plan = r.plan(Some("{garbage"), &mine);
        assert!(plan.unreadable.is_some());
        assert_eq!(plan.write, Some(mine.write()));
        assert_eq!(plan.merged, None);
    }

    #[test]
    fn a_change_made_while_a_merge_was_on_its_way_is_kept() {
        let seen = Rc::new(Tracker::default());
        let mut now = Tracker::default();
        set(&mut now, "typed", Status::Kept, "2025-01-01T10:00:00.000Z");
        let mut merged = Tracker::default();
        set(
            &mut merged,
            "theirs",
            Status::Broken,
            "2025-01-01T10:00:00.000Z",
        );
        let out = rebase(&seen, &Rc::new(now), merged.clone());
        assert_eq!(
            (out.status("typed"), out.status("theirs")),
            (Status::Kept, Status::Broken)
        );
        assert_eq!(rebase(&seen, &seen.clone(), merged.clone()), merged);
    }

    #[test]
    fn the_reset_switches_of_the_query_string() {
        assert_eq!(Resets::from_query(""), Resets::default());
        assert_eq!(
            Resets::from_query("?embed&reset-imports"),
            Resets {
                tracker: false,
                imports: true
            }
        );
        assert!(Resets::from_query("?reset-tracker=1").tracker);
        assert!(!Resets::from_query("?reset-tracker=0").any());
        assert_eq!(without_resets("?embed&reset-imports"), "?embed");
        assert_eq!(without_resets("?reset-tracker&reset-imports=1"), "");
        assert_eq!(without_resets("?a=1&reset-tracker&b"), "?a=1&b");
        assert!(switch_on("?embed", "embed") && !switch_on("?embed=no", "embed"));
    }
}
