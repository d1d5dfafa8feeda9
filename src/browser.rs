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

/// Reads every file of a picked or dropped list, then calls `done` with
/// (name, bytes) for each; a file that cannot be read is passed on empty,
/// so that the import names it as not a reply.
pub fn read_files(files: web_sys::FileList, done: impl FnOnce(Vec<(String, Vec<u8>)>) + 'static) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
                .unwrap_or_default();
            read.push((file.name(), bytes));
        }
        done(read);
    });
}

/// Prints the page in a mode the print stylesheet knows (`commitments`:
/// the open reply's commitments only, on one page): the mode is set on
/// the app's root element until the printing is done.
pub fn print_as(mode: &str) {
    let document = gloo::utils::document();
    let Ok(Some(root)) = document.query_selector("[data-dafu]") else {
        return;
    };
    let _ = root.set_attribute("data-print", mode);
    let window = gloo::utils::window();
    EventListener::once(&window, "afterprint", move |_| {
        let _ = root.remove_attribute("data-print");
    })
    .forget();
    let _ = window.print();
}

/// Decodes a reply file as the parser reads one: UTF-8 (with or without
/// BOM), else GB18030/GBK with the browser's own decoder — the parser is
/// built without its GB18030 tables for the web — else lossy UTF-8.
pub fn decode_text(bytes: &[u8]) -> (String, dafu_parser::Encoding) {
    use dafu_parser::Encoding;
    let (text, encoding) = dafu_parser::decode_text(bytes);
    if encoding != Encoding::Lossy || bytes.starts_with(b"\xEF\xBB\xBF") {
        return (text, encoding);
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    match web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .and_then(|d| d.decode_with_u8_array(bytes))
    {
        Ok(gbk) => (gbk, Encoding::Gb18030),
        Err(_) => (text, Encoding::Lossy),
    }
}
