//! Embedding in an intranet portal.
//!
//! `?embed` in the page's query string (`index.html?embed#/…`) turns the app
//! into a portal widget for an iframe:
//! - the mount element gets `data-embed`; the stylesheet (styles/host.css)
//!   then hides the app's own chrome (masthead brand and footer) and drops
//!   every height that depends on the viewport;
//! - in a frame, the page tells its parent how tall its content is, on load
//!   and on every change: `postMessage({ type: "dafu:height", height }, "*")`,
//!   so the portal can size the iframe to it (docs/deploy.md).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type ResizeObserver;

    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;

    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
}

/// Whether a query string (`?a=1&embed`) turns the embed switch on:
/// `embed`, `embed=1` or `embed=true` do; `embed=0` or `embed=false` don't.
pub fn embed_requested(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == "embed").then_some(value)
        })
        .next_back()
        .is_some_and(|value| !matches!(value, "0" | "false" | "no"))
}

/// Applies the embed switch, when the query string asks for it, to `root`
/// and, when framed, starts reporting the content height to the parent.
pub fn setup(root: &web_sys::Element) {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    if !embed_requested(&search) {
        return;
    }
    let _ = root.set_attribute("data-embed", "");
    let framed = match window.parent() {
        Ok(Some(parent)) => JsValue::from(parent) != JsValue::from(window.clone()),
        _ => false,
    };
    if framed {
        report_height(window);
    }
}

fn report_height(window: web_sys::Window) {
    let Some(html) = gloo::utils::document()
        .document_element()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let last = Rc::new(Cell::new(-1));
    let target = html.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = target.offset_height();
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"dafu:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    });
    // The observer reports once right away (on load), then on every resize.
    let observer = ResizeObserver::new(post.as_ref().unchecked_ref());
    observer.observe(&html);
    // Both live as long as the page.
    post.forget();
    std::mem::forget(observer);
}

#[cfg(test)]
mod tests {
    use super::embed_requested;

    #[test]
    fn the_embed_switch_reads_the_query_string() {
        assert!(embed_requested("?embed"));
        assert!(embed_requested("?embed=1"));
        assert!(embed_requested("?lang=en&embed=true"));
        assert!(!embed_requested(""));
        assert!(!embed_requested("?embed=0"));
        assert!(!embed_requested("?embedded=1"));
        assert!(!embed_requested("?lang=en"));
    }
}
