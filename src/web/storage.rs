//! The tracker's persistence in `localStorage`, and the browser clock.
//!
//! Thin on purpose: every decision (what is readable, what to report) is
//! made by the pure functions of [`crate::model::tracker`]; this module only reads,
//! writes and classifies the browser's errors. Nothing here panics: without
//! storage the app keeps working in memory and says so.

use wasm_bindgen::JsCast;

use crate::model::imports::{self, Imported};
use crate::model::notice::Notice;
use crate::model::tracker::{Stored, Tracker, STORAGE_KEY};

/// What [`load`] found, and what to tell the user about it.
pub struct Loaded {
    pub tracker: Tracker,
    pub notice: Option<Notice>,
}

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

/// Loads the saved tracker. An unreadable value is copied to a backup key
/// (`dafu.tracker.v1.corrupt-<milliseconds>`) and removed from the main key;
/// when even the copy fails it is left where it is, and [`save`] will not
/// overwrite it.
pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            tracker: Tracker::default(),
            notice: Some(Notice::Unavailable),
        };
    };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(raw) => raw,
        Err(_) => {
            return Loaded {
                tracker: Tracker::default(),
                notice: Some(Notice::Unavailable),
            }
        }
    };
    match Tracker::from_stored(raw.as_deref()) {
        Stored::Empty => Loaded {
            tracker: Tracker::default(),
            notice: None,
        },
        Stored::Loaded {
            tracker,
            skipped: 0,
        } => Loaded {
            tracker,
            notice: None,
        },
        // Keep a copy of the value as it was: the next save drops the
        // malformed entries from the main key.
        Stored::Loaded { tracker, skipped } => {
            let backup = copy_aside(&storage, STORAGE_KEY, raw.as_deref().unwrap_or_default());
            Loaded {
                tracker,
                notice: Some(Notice::Skipped {
                    count: skipped,
                    backup,
                }),
            }
        }
        Stored::Corrupt(reason) => {
            let backup = set_aside(&storage, STORAGE_KEY, raw.as_deref().unwrap_or_default());
            Loaded {
                tracker: Tracker::default(),
                notice: Some(Notice::Corrupt { reason, backup }),
            }
        }
    }
}

/// Copies an unreadable value to a fresh backup key and clears the main
/// key; returns the backup key, or `None` when the copy failed (the value
/// then stays untouched under the main key).
fn set_aside(storage: &web_sys::Storage, main: &str, raw: &str) -> Option<String> {
    let key = copy_aside(storage, main, raw)?;
    let _ = storage.remove_item(main);
    Some(key)
}

/// Copies a stored value to a fresh backup key, unless a backup already
/// holds exactly this value; returns the key.
fn copy_aside(storage: &web_sys::Storage, main: &str, raw: &str) -> Option<String> {
    let prefix = format!("{main}.corrupt-");
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

/// Saves the tracker. Never overwrites an unreadable value that could not
/// be set aside.
pub fn save(tracker: &Tracker) -> Result<(), Notice> {
    let storage = local_storage().ok_or(Notice::Unavailable)?;
    if let Ok(Some(raw)) = storage.get_item(STORAGE_KEY) {
        if let Stored::Corrupt(reason) = Tracker::from_stored(Some(&raw)) {
            if set_aside(&storage, STORAGE_KEY, &raw).is_none() {
                return Err(Notice::Corrupt {
                    reason,
                    backup: None,
                });
            }
        }
    }
    storage
        .set_item(STORAGE_KEY, &tracker.to_json())
        .map_err(classify)
}

/// The replies imported in this browser. An unreadable value is set aside
/// like the tracker's, and reported.
pub fn load_imports() -> (Vec<Imported>, Option<Notice>) {
    let Some(storage) = local_storage() else {
        // The tracker's load already says that nothing is kept.
        return (Vec::new(), None);
    };
    let raw = storage.get_item(imports::STORAGE_KEY).ok().flatten();
    match imports::from_stored(raw.as_deref()) {
        Ok(files) => (files, None),
        Err(reason) => {
            let backup = set_aside(
                &storage,
                imports::STORAGE_KEY,
                raw.as_deref().unwrap_or_default(),
            );
            (
                Vec::new(),
                Some(Notice::RepliesUnreadable { reason, backup }),
            )
        }
    }
}

/// Saves the imported replies. Never overwrites an unreadable value that
/// could not be set aside.
pub fn save_imports(files: &[Imported]) -> Result<(), Notice> {
    let not_saved = |full: bool, why: String| Notice::RepliesNotSaved { full, why };
    let storage = local_storage().ok_or_else(|| not_saved(false, "localStorage".into()))?;
    if let Ok(Some(raw)) = storage.get_item(imports::STORAGE_KEY) {
        if let Err(reason) = imports::from_stored(Some(&raw)) {
            if set_aside(&storage, imports::STORAGE_KEY, &raw).is_none() {
                return Err(Notice::RepliesUnreadable {
                    reason,
                    backup: None,
                });
            }
        }
    }
    let written = if files.is_empty() {
        storage.remove_item(imports::STORAGE_KEY)
    } else {
        storage.set_item(imports::STORAGE_KEY, &imports::to_stored(files))
    };
    written.map_err(|e| match classify(e) {
        Notice::QuotaExceeded => not_saved(true, String::new()),
        Notice::SaveFailed(why) => not_saved(false, why),
        _ => not_saved(false, "localStorage".into()),
    })
}

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
    use crate::model::tracker::{Status, TrackerAction};

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

    // One test, steps in order: they share the page's localStorage.
    #[wasm_bindgen_test]
    fn saves_loads_and_sets_aside_what_it_cannot_read() {
        clear();
        let empty = load();
        assert_eq!((empty.tracker, empty.notice), (Tracker::default(), None));

        let mut t = Tracker::default();
        t.apply(TrackerAction::SetStatus {
            id: "c-1".into(),
            status: Status::Kept,
            today: today(),
        });
        save(&t).unwrap();
        let again = load();
        assert_eq!((again.tracker, again.notice), (t.clone(), None));
        assert!(crate::model::tracker::is_iso_date(&today()));

        storage().set_item(STORAGE_KEY, "not json").unwrap();
        let broken = load();
        assert_eq!(broken.tracker, Tracker::default());
        let Some(Notice::Corrupt {
            backup: Some(key), ..
        }) = broken.notice
        else {
            panic!(
                "expected a corrupt notice with a backup, got {:?}",
                broken.notice
            )
        };
        assert_eq!(
            storage().get_item(&key).unwrap().as_deref(),
            Some("not json")
        );
        assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None);

        // Saving over a value that turned unreadable sets it aside first.
        storage().set_item(STORAGE_KEY, "[]").unwrap();
        save(&t).unwrap();
        assert!(backups()
            .iter()
            .any(|k| storage().get_item(k).unwrap().as_deref() == Some("[]")));
        assert_eq!(load().tracker, t);
        clear();
    }
}
