//! The few browser facilities the app needs, behind plain functions: the
//! URL hash, the saved language, and focusing/scrolling elements.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;
use crate::route::{HistoryMode, Route};

/// `localStorage` key of the chosen UI language (`zh` or `en`).
pub const LANG_KEY: &str = "dafu.lang";

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
    let written = window.history().and_then(|h| match mode {
        HistoryMode::Push => h.push_state_with_url(&JsValue::NULL, "", Some(&href)),
        HistoryMode::Replace => h.replace_state_with_url(&JsValue::NULL, "", Some(&href)),
    });
    if written.is_err() {
        // Some file:// contexts refuse the History API; the hash still works.
        let location = window.location();
        let _ = match mode {
            HistoryMode::Push => location.set_hash(&href),
            HistoryMode::Replace => location.replace(&href),
        };
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The language saved by the switch, else Chinese.
pub fn saved_lang() -> Lang {
    match storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// Saves the language and tells the document (`<html lang>`, the title).
pub fn set_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
    // In a host page (an intranet portal) the title and language are the
    // portal's; the app's root element carries its own `lang`.
    if !crate::owns_page() {
        return;
    }
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(lang.pick(
        "答复 · 上海市科委答复人大建议与政协提案",
        "Dafu · Replies of the Shanghai Science and Technology Commission",
    ));
}

/// The element with this id, as an `HtmlElement`.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Scrolls an element into the middle of the view and focuses it.
pub fn reveal(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.focus();
}

/// Scrolls an element into view only as far as needed, and focuses it.
pub fn focus_nearest(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.focus();
}

/// Marks the start page that the build writes into index.html (see
/// `tools/post-build.mjs`); the live app replaces it.
pub const PRERENDER_ATTR: &str = "data-dafu-prerender";

/// Removes the prerendered start page once the live app has rendered, and
/// returns what was typed into its search box meanwhile (if anything), so
/// that the live app can run that search.
pub fn retire_prerender() -> Option<String> {
    let document = gloo::utils::document();
    let page = document
        .query_selector(&format!("[{PRERENDER_ATTR}]"))
        .ok()??;
    let typed = page
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|q| !q.trim().is_empty());
    page.remove();
    typed
}
