//! The URL hash, where every state of the app lives: read it, follow the
//! browser's changes to it, and write new routes as history entries.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use crate::model::route::{HistoryMode, Route};

/// The current location hash, `#` included (empty when there is none).
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Calls `f` with the new route whenever the browser changes the hash.
/// Returns the clean-up for `use_effect_with`.
pub fn on_hash_change(f: impl Fn(Route) + 'static) -> impl FnOnce() {
    let f = Rc::new(f);
    let listen = |event: &'static str| {
        let f = f.clone();
        EventListener::new(&gloo::utils::window(), event, move |_| {
            f(Route::from_hash(&hash()))
        })
    };
    let listeners = [listen("popstate"), listen("hashchange")];
    move || drop(listeners)
}

/// Writes `href` (a `#…` hash) to the address bar, as a new history entry or
/// in place. Nothing happens when the address already says the same.
pub fn write_hash(route: &Route, mode: HistoryMode) {
    if Route::from_hash(&hash()) == *route && !hash().is_empty() {
        return;
    }
    let href = route.href();
    let window = gloo::utils::window();
    let push = mode != HistoryMode::Replace;
    let written = window.history().and_then(|h| {
        if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&href))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&href))
        }
    });
    if written.is_err() {
        // Some file:// contexts refuse the History API; the hash still works.
        let location = window.location();
        let _ = if push {
            location.set_hash(&href)
        } else {
            location.replace(&href)
        };
    }
}

/// How long the address bar may lag behind typing: a history entry costs
/// a few milliseconds in Chromium, too much for every keystroke.
const REWRITE_DELAY_MS: u32 = 250;

/// Writes routes to the address bar. A search being typed is recorded once
/// typing pauses — one entry, rewritten to the latest text — while every
/// other step is written at once, after any pending search, so that back
/// returns to exactly what was typed. A click anywhere (a link the browser
/// follows by itself) and leaving the page write the pending search first.
pub struct HashWriter {
    pending: Pending,
    timer: std::cell::RefCell<Option<gloo::timers::callback::Timeout>>,
    _listeners: [EventListener; 2],
}

type Pending = Rc<std::cell::RefCell<Option<(Route, HistoryMode)>>>;

fn flush(pending: &Pending) {
    let taken = pending.borrow_mut().take();
    if let Some((route, mode)) = taken {
        write_hash(&route, mode);
    }
}

impl HashWriter {
    pub fn new() -> HashWriter {
        let pending: Pending = Rc::default();
        let window = gloo::utils::window();
        let on = |event: &'static str| {
            let pending = pending.clone();
            let options = gloo::events::EventListenerOptions::run_in_capture_phase();
            EventListener::new_with_options(&window, event, options, move |_| flush(&pending))
        };
        HashWriter {
            _listeners: [on("click"), on("pagehide")],
            pending,
            timer: Default::default(),
        }
    }

    pub fn write(&self, route: &Route, mode: HistoryMode) {
        let kept = match mode {
            HistoryMode::Push => {
                flush(&self.pending);
                return write_hash(route, HistoryMode::Push);
            }
            HistoryMode::StartSearch => {
                flush(&self.pending);
                HistoryMode::Push
            }
            // Still the search of a pending new entry: that entry, rewritten.
            HistoryMode::Replace => self
                .pending
                .borrow()
                .as_ref()
                .map_or(HistoryMode::Replace, |(_, m)| *m),
        };
        *self.pending.borrow_mut() = Some((route.clone(), kept));
        let pending = self.pending.clone();
        let timer = gloo::timers::callback::Timeout::new(REWRITE_DELAY_MS, move || flush(&pending));
        // Replacing the timer cancels the previous one.
        *self.timer.borrow_mut() = Some(timer);
    }

    /// The browser moved (back/forward, an edited address): a pending
    /// search belonged to the entry it left.
    pub fn cancel(&self) {
        self.pending.borrow_mut().take();
    }
}
