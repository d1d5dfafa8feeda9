//! The tracker's and the imports' persistence in `localStorage`, the
//! browser's `storage` event, and the browser clock.
//!
//! Thin on purpose: every decision (what is readable, how two tabs' changes
//! merge, what to report) is made by the pure code of [`crate::model`]
//! ([`Replica`], [`Record`]); this module reads, writes, moves values aside
//! and classifies the browser's errors. Nothing here panics: without
//! storage the app keeps working in memory and says so.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::model::imports::Imported;
use crate::model::notice::Notice;
use crate::model::replica::{without_resets, Read, Record, Replica, Resets};
use crate::model::tracker::Tracker;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Today in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Now by the browser's clock, UTC with milliseconds:
/// `2025-11-23T08:15:30.123Z`.
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// This page's side of both stored records; `None` where there is no
/// `localStorage`.
#[derive(Default)]
pub struct Stores {
    pub tracker: Option<Replica<Tracker>>,
    pub imports: Option<Replica<Vec<Imported>>>,
}

/// What the app starts from.
pub struct Start {
    pub tracker: Tracker,
    pub imports: Vec<Imported>,
    pub notices: Vec<Notice>,
    pub stores: Stores,
}

/// Loads both records, honouring the page's reset switches
/// (`?reset-tracker`, `?reset-imports`), which are then taken off the
/// address.
pub fn start() -> Start {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let resets = Resets::from_query(&search);
    if resets.any() {
        let location = window.location();
        let url = format!(
            "{}{}{}",
            location.pathname().unwrap_or_default(),
            without_resets(&search),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    let Some(storage) = local_storage().filter(|s| s.length().is_ok()) else {
        return Start {
            tracker: Tracker::default(),
            imports: Vec::new(),
            notices: vec![Notice::Unavailable],
            stores: Stores::default(),
        };
    };
    let mut notices = Vec::new();
    let (tracker, tracker_side) = load::<Tracker>(&storage, resets.tracker, &mut notices);
    let (imports, imports_side) = load::<Vec<Imported>>(&storage, resets.imports, &mut notices);
    Start {
        tracker,
        imports,
        notices,
        stores: Stores {
            tracker: Some(tracker_side),
            imports: Some(imports_side),
        },
    }
}

/// Loads one record: from its key, or else from where an older version
/// kept it. An unreadable value is moved to a backup key
/// (`<key>.corrupt-<milliseconds>`) — when even the copy fails it is left
/// where it is and not written over; a newer version's is read and never
/// written; `reset` moves the value to `<key>.reset-<milliseconds>` first.
fn load<T: Record>(
    storage: &web_sys::Storage,
    reset: bool,
    notices: &mut Vec<Notice>,
) -> (T, Replica<T>) {
    let get = |key: &str| storage.get_item(key).ok().flatten();
    let (key, raw) = match (get(T::KEY), T::LEGACY_KEY) {
        (None, Some(legacy)) => (legacy, get(legacy)),
        (main, _) => (T::KEY, main),
    };
    let legacy = key != T::KEY;
    let Some(raw) = raw else {
        return (T::default(), Replica::new(T::default(), None));
    };
    if reset {
        let backup = copy_aside(storage, key, "reset", &raw);
        let notice = Notice::StoredReset {
            what: T::STORE,
            backup: backup.clone(),
        };
        notices.push(notice.clone());
        return match backup {
            Some(_) => {
                let _ = storage.remove_item(key);
                (T::default(), Replica::new(T::default(), None))
            }
            // Left in place: this page must not write over it.
            None => (T::default(), Replica::held(T::default(), None, notice)),
        };
    }
    // What the main key holds, as the base of the first save.
    let stored = (!legacy).then(|| raw.clone());
    match T::read(&raw) {
        Read::Loaded { value, skipped } => {
            if skipped > 0 {
                // The next save drops the malformed entries: keep a copy.
                let backup = copy_aside(storage, key, "corrupt", &raw);
                notices.push(Notice::Skipped {
                    count: skipped,
                    backup,
                });
            }
            let base = if legacy { T::default() } else { value.clone() };
            (value, Replica::new(base, stored))
        }
        Read::Newer { value, version } => {
            let notice = Notice::Newer {
                what: T::STORE,
                version,
            };
            notices.push(notice.clone());
            (value.clone(), Replica::held(value, stored, notice))
        }
        Read::Corrupt(why) if legacy => {
            notices.push(T::legacy_unreadable(why));
            (T::default(), Replica::new(T::default(), None))
        }
        Read::Corrupt(why) => {
            let backup = copy_aside(storage, key, "corrupt", &raw);
            if backup.is_some() {
                let _ = storage.remove_item(key);
            }
            notices.push(T::unreadable(why, backup));
            // Based on nothing: a save reads the value again and sets it
            // aside first, or leaves it when it still cannot.
            (T::default(), Replica::new(T::default(), None))
        }
    }
}

/// Copies a stored value to a fresh backup key `<main>.<why>-<milliseconds>`,
/// unless a backup already holds exactly this value; returns the key, or
/// `None` when the copy failed.
fn copy_aside(storage: &web_sys::Storage, main: &str, why: &str, raw: &str) -> Option<String> {
    let prefix = format!("{main}.{why}-");
    let existing = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .find(|k| storage.get_item(k).ok().flatten().as_deref() == Some(raw));
    if existing.is_some() {
        return existing;
    }
    let key = format!("{prefix}{}", js_sys::Date::now() as u64);
    storage.set_item(&key, raw).ok()?;
    Some(key)
}

/// What a save or another tab's write asks of the app: take `merged` in
/// place of the value it was made from, and tell `notices`.
pub struct Synced<T> {
    pub merged: Option<T>,
    pub notices: Vec<Notice>,
}

/// Saves `mine`, merged first with what other tabs saved since this one
/// last read or wrote. Never overwrites an unreadable value that could not
/// be set aside, nor a value a newer version saved.
pub fn save<T: Record>(side: Option<&mut Replica<T>>, mine: &T) -> Synced<T> {
    let (Some(side), Some(storage)) = (side, local_storage()) else {
        return Synced {
            merged: None,
            notices: vec![T::not_saved(Notice::Unavailable)],
        };
    };
    let stored = match storage.get_item(T::KEY) {
        Ok(stored) => stored,
        Err(e) => {
            return Synced {
                merged: None,
                notices: vec![T::not_saved(classify(e))],
            }
        }
    };
    let plan = side.plan(stored.as_deref(), mine);
    let mut notices = plan.notices;
    let value = plan.merged.as_ref().unwrap_or(mine);
    if let Some(text) = plan.write {
        let set_aside = match (plan.unreadable, &stored) {
            (Some(why), Some(raw)) => match copy_aside(&storage, T::KEY, "corrupt", raw) {
                Some(_) => true,
                None => {
                    notices.push(T::unreadable(why, None));
                    false
                }
            },
            _ => true,
        };
        if set_aside {
            let written = match &text {
                Some(text) => storage.set_item(T::KEY, text),
                None => storage.remove_item(T::KEY),
            };
            match written {
                Ok(()) => side.written(value.clone(), text),
                Err(e) => notices.push(T::not_saved(classify(e))),
            }
        }
    }
    Synced {
        merged: plan.merged,
        notices,
    }
}

/// Another tab wrote `stored` under `T::KEY`: what this tab should show.
pub fn receive<T: Record>(side: &mut Replica<T>, stored: Option<&str>, mine: &T) -> Synced<T> {
    let plan = side.plan(stored, mine);
    Synced {
        merged: plan.merged,
        notices: plan.notices,
    }
}

/// Calls `f` with (key, new value) whenever another page of this site
/// changes `localStorage` (the browser's `storage` event; `None` as the key
/// when it was cleared). Returns the clean-up for `use_effect_with`.
pub fn on_change(f: impl Fn(Option<String>, Option<String>) + 'static) -> impl FnOnce() {
    let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            f(event.key(), event.new_value());
        }
    });
    move || drop(listener)
}

/// Both sides, shared by the app's save effects and its `storage` listener.
pub type SharedStores = Rc<RefCell<Stores>>;

/// Turns a `setItem` exception into a notice.
fn classify(err: wasm_bindgen::JsValue) -> Notice {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => Notice::QuotaExceeded,
        Some(e) if e.name() == "SecurityError" => Notice::Unavailable,
        Some(e) => Notice::SaveFailed(e.message()),
        None => match err.dyn_ref::<js_sys::Error>() {
            Some(e) if String::from(e.name()).contains("Quota") => Notice::QuotaExceeded,
            Some(e) => Notice::SaveFailed(e.message().into()),
            None => Notice::SaveFailed(format!("{err:?}")),
        },
    }
}

/// In the browser (`cargo test -p dafu-web --target wasm32-unknown-unknown`).
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use wasm_bindgen_test::*;

    use super::*;
    use crate::model::tracker::{Status, TrackerAction, LEGACY_KEY, STORAGE_KEY};

    wasm_bindgen_test_configure!(run_in_browser);

    fn storage() -> web_sys::Storage {
        local_storage().expect("localStorage in the test browser")
    }

    fn clear() {
        let s = storage();
        let keys: Vec<String> = (0..s.length().unwrap())
            .filter_map(|i| s.key(i).unwrap())
            .collect();
        for k in keys.iter().filter(|k| k.starts_with(STORAGE_KEY)) {
            s.remove_item(k).unwrap();
        }
    }

    fn backups() -> Vec<String> {
        let s = storage();
        (0..s.length().unwrap())
            .filter_map(|i| s.key(i).unwrap())
            .filter(|k| k.starts_with(&format!("{STORAGE_KEY}.corrupt-")))
            .collect()
    }

    fn load_tracker() -> (Tracker, Replica<Tracker>, Vec<Notice>) {
        let mut notices = Vec::new();
        let (t, side) = load::<Tracker>(&storage(), false, &mut notices);
        (t, side, notices)
    }

    // One test, steps in order: they share the page's localStorage.
    #[wasm_bindgen_test]
    fn saves_loads_and_sets_aside_what_it_cannot_read() {
        clear();
        let (empty, mut side, notices) = load_tracker();
        assert_eq!((empty, notices), (Tracker::default(), vec![]));

        let mut t = Tracker::default();
        t.apply(TrackerAction::SetStatus {
            id: "c-1".into(),
            status: Status::Kept,
            today: today(),
            now: now(),
        });
        assert!(save(Some(&mut side), &t).notices.is_empty());
        let (again, _, notices) = load_tracker();
        assert_eq!((again, notices), (t.clone(), vec![]));
        assert!(crate::model::merge::timestamp_ms(&now()).is_some());

        storage().set_item(STORAGE_KEY, "not json").unwrap();
        let (broken, mut side, notices) = load_tracker();
        assert_eq!(broken, Tracker::default());
        let [Notice::Corrupt {
            backup: Some(key), ..
        }] = notices.as_slice()
        else {
            panic!("expected a corrupt notice with a backup, got {notices:?}")
        };
        assert_eq!(
            storage().get_item(key).unwrap().as_deref(),
            Some("not json")
        );
        assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None);

        // Saving over a value that turned unreadable sets it aside first.
        storage().set_item(STORAGE_KEY, "[]").unwrap();
        save(Some(&mut side), &t);
        assert!(backups()
            .iter()
            .any(|k| storage().get_item(k).unwrap().as_deref() == Some("[]")));
        assert_eq!(load_tracker().0, t);
        clear();
        storage().remove_item(LEGACY_KEY).unwrap();
    }
}
