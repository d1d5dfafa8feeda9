//! Keyboard shortcuts of the replies view:
//!
//! | key | does |
//! |---|---|
//! | `/` | focuses the search box |
//! | `j` / `↓` | focuses the next result (`↓` also from the search box) |
//! | `k` / `↑` | focuses the previous result |
//! | `Enter` | opens the focused result (it is a link) |
//! | `Esc` | clears the search, or leaves the search box when it is empty |
//!
//! Letters are ignored while typing in a field; arrows only act on the
//! result list and the search box, never inside other controls.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::model::route::{Filters, Route};
use crate::state::{Action, AppHandle, Focus};

/// The id of the search box (a stable hook for tests too).
pub const SEARCH_ID: &str = "dafu-search";

/// Installs the shortcuts on the document; returns the clean-up.
pub fn listen(app: Rc<RefCell<AppHandle>>) -> impl FnOnce() {
    let options = EventListenerOptions::enable_prevent_default();
    let listener =
        EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
            if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                handle(&app.borrow(), e);
            }
        });
    move || drop(listener)
}

fn results() -> Vec<HtmlElement> {
    let Ok(list) = gloo::utils::document().query_selector_all(".dafu [data-reply] a.result-link")
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn handle(app: &AppHandle, e: &KeyboardEvent) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
        return;
    }
    let document = gloo::utils::document();
    let active = document.active_element();
    let tag = active
        .as_ref()
        .map(|a| a.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    let in_search = active.as_ref().is_some_and(|a| a.id() == SEARCH_ID);
    let typing = matches!(tag.as_str(), "input" | "textarea" | "select")
        || active
            .as_ref()
            .is_some_and(|a| a.has_attribute("contenteditable"));
    let on_result = active
        .as_ref()
        .is_some_and(|a| a.class_list().contains("result-link"));
    let key = e.key();
    match key.as_str() {
        "/" if !typing => {
            e.prevent_default();
            focus_search(app);
        }
        "Escape" => {
            let filters = app.route.filters().cloned();
            match filters {
                Some(f) if !f.q.is_empty() && (in_search || !typing) => {
                    e.prevent_default();
                    let open = app.route.open_reply().map(str::to_owned);
                    app.navigate(Route::Replies {
                        open,
                        filters: Filters {
                            q: String::new(),
                            ..f
                        },
                    });
                    focus_search(app);
                }
                _ if in_search => {
                    if let Some(el) = active.and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
                        let _ = el.blur();
                    }
                }
                _ => {}
            }
        }
        "j" | "k" | "ArrowDown" | "ArrowUp" => {
            let arrow = key.starts_with("Arrow");
            let allowed = if arrow {
                on_result || in_search
            } else {
                !typing
            };
            if !allowed {
                return;
            }
            let items = results();
            if items.is_empty() {
                return;
            }
            let forward = key == "j" || key == "ArrowDown";
            let current = items.iter().position(|el| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            });
            let next = match (current, forward) {
                (None, true) => 0,
                (None, false) if in_search => return,
                (None, false) => items.len() - 1,
                (Some(i), true) => (i + 1).min(items.len() - 1),
                (Some(0), false) => {
                    e.prevent_default();
                    focus_search(app);
                    return;
                }
                (Some(i), false) => i - 1,
            };
            e.prevent_default();
            crate::web::dom::focus_nearest(&items[next]);
        }
        _ => {}
    }
}

/// Focuses the search box, going to the replies view first when needed.
fn focus_search(app: &AppHandle) {
    if app.route.filters().is_none() {
        app.navigate(app.last_replies.clone());
        app.dispatch(Action::Focus(Focus::Search));
    } else {
        crate::web::dom::focus_search();
    }
}
