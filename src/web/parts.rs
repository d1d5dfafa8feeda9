//! Loads corpus files (chunks of reply bodies, shards of the search index)
//! as classic `<script>` elements, the way that works from http and from
//! file:// alike (`fetch` from file:// is refused). Each file pushes its
//! data onto `self.dafuQ` ([`dafu_bundle::split::script`]); [`listen`]
//! replaces that queue with the app's own `push`, after taking what the page
//! already holds (the offline file carries every part inline).
//!
//! A file that fails to load, or loads without delivering its data, is
//! reported once; asking for it again tries again.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use dafu_bundle::split::Part;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What became of a corpus file.
pub enum Delivery {
    /// Its payload (base64, see [`dafu_bundle::split::payload`]).
    Data(Part, u32, String),
    Failed(Part, u32, String),
}

/// How many files load at once: enough to keep the connection busy, few
/// enough that a view asking for every chunk does not flood the page.
const IN_FLIGHT: usize = 6;

#[derive(Default)]
struct Loader {
    on_delivery: Option<Rc<dyn Fn(Delivery)>>,
    /// What arrived before anyone listened (a file asked for at start-up).
    early: Vec<Delivery>,
    /// Asked for and not yet delivered or failed.
    pending: HashSet<(Part, u32)>,
    queue: VecDeque<(Part, u32)>,
    loading: usize,
}

thread_local! {
    static LOADER: RefCell<Loader> = RefCell::new(Loader::default());
}

/// Receives every corpus file from now on; what the page already pushed is
/// delivered at once.
pub fn listen(on_delivery: impl Fn(Delivery) + 'static) {
    let on_delivery: Rc<dyn Fn(Delivery)> = Rc::new(on_delivery);
    let early = LOADER.with(|l| {
        let mut l = l.borrow_mut();
        l.on_delivery = Some(on_delivery.clone());
        std::mem::take(&mut l.early)
    });
    for delivery in early {
        on_delivery(delivery);
    }
    let queued = take_queued();
    let push = Closure::<dyn Fn(JsValue)>::new(receive);
    let queue = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&queue, &"push".into(), push.as_ref());
    push.forget();
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &"dafuQ".into(), &queue);
    for (part, id, data) in queued {
        finish((part, id), Delivery::Data(part, id, data));
    }
}

/// What the page pushed before the app started (the offline file's inline
/// corpus), taken out of the queue: for the corpus to hold before the first
/// render.
pub fn take_queued() -> Vec<(Part, u32, String)> {
    let queued = js_sys::Reflect::get(&gloo::utils::window(), &"dafuQ".into());
    let Ok(items) = queued.and_then(|q| q.dyn_into::<js_sys::Array>()) else {
        return Vec::new();
    };
    let taken = items.iter().filter_map(|item| item_of(&item)).collect();
    items.set_length(0);
    taken
}

/// One pushed item: `["c", 7, "<base64>"]`.
fn item_of(item: &JsValue) -> Option<(Part, u32, String)> {
    let item = item.dyn_ref::<js_sys::Array>()?;
    let part = item.get(0).as_string().and_then(|k| Part::from_key(&k))?;
    let id = item.get(1).as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n <= u32::MAX as f64)?;
    Some((part, id as u32, item.get(2).as_string()?))
}

fn receive(item: JsValue) {
    if let Some((part, id, data)) = item_of(&item) {
        finish((part, id), Delivery::Data(part, id, data));
    }
}

/// Asks for a corpus file, once until it arrives or fails, behind the
/// files asked for before.
pub fn request(part: Part, id: u32) {
    enqueue((part, id), false);
}

/// Asks for a corpus file ahead of every file still waiting: what the user
/// waits for (a search's shards, the open reply's text) does not queue
/// behind the snippets of a list or a view loading every chunk.
pub fn request_first(part: Part, id: u32) {
    enqueue((part, id), true);
}

fn enqueue(key: (Part, u32), first: bool) {
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        if l.pending.insert(key) {
            if first {
                l.queue.push_front(key);
            } else {
                l.queue.push_back(key);
            }
        } else if first {
            // Waiting already (not loading yet): to the front.
            if let Some(at) = l.queue.iter().position(|k| *k == key) {
                l.queue.remove(at);
                l.queue.push_front(key);
            }
        }
    });
    pump();
}

/// Starts queued loads while fewer than [`IN_FLIGHT`] are loading.
fn pump() {
    loop {
        let next = LOADER.with(|l| {
            let mut l = l.borrow_mut();
            if l.loading >= IN_FLIGHT {
                return None;
            }
            let next = l.queue.pop_front();
            if next.is_some() {
                l.loading += 1;
            }
            next
        });
        match next {
            Some(key) => load(key),
            None => return,
        }
    }
}

fn load((part, id): (Part, u32)) {
    let document = gloo::utils::document();
    let Ok(script) = document
        .create_element("script")
        .map(|e| e.unchecked_into::<web_sys::HtmlScriptElement>())
    else {
        return done((part, id), Some("the page cannot add a script".into()));
    };
    script.set_src(&format!("{}{}", base(), part.path(id)));
    // Scripts run in the order they load; each file stands alone.
    script.set_async(true);
    let element = script.clone();
    let settle = Rc::new(move |error: Option<String>| {
        element.remove();
        done((part, id), error);
    });
    let on_load = {
        let settle = settle.clone();
        Closure::once_into_js(move || settle(None))
    };
    let on_error = Closure::once_into_js(move || {
        settle(Some(format!("{} could not be loaded", part.path(id))))
    });
    script.set_onload(Some(on_load.unchecked_ref()));
    script.set_onerror(Some(on_error.unchecked_ref()));
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// A load ended: a file that ran without pushing its data is a failure.
fn done(key: (Part, u32), error: Option<String>) {
    LOADER.with(|l| l.borrow_mut().loading -= 1);
    let still = LOADER.with(|l| l.borrow().pending.contains(&key));
    if still {
        let why = error.unwrap_or_else(|| format!("{} did not deliver its data", key.0.path(key.1)));
        finish(key, Delivery::Failed(key.0, key.1, why));
    }
    pump();
}

fn finish(key: (Part, u32), delivery: Delivery) {
    let handler = LOADER.with(|l| {
        let mut l = l.borrow_mut();
        l.pending.remove(&key);
        l.on_delivery.clone()
    });
    match handler {
        Some(handler) => handler(delivery),
        None => LOADER.with(|l| l.borrow_mut().early.push(delivery)),
    }
}

/// Where the app's files are: the loader's folder (`self.dafuBase`, set by
/// the loader script, so a host page in another folder works), else the
/// page's.
fn base() -> String {
    js_sys::Reflect::get(&gloo::utils::window(), &"dafuBase".into())
        .ok()
        .and_then(|b| b.as_string())
        .unwrap_or_default()
}
