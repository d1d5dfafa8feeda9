//! The served site's copy in the browser: the service worker (sw.js) that
//! the loader registers keeps the site's files for offline use
//! (tools/post-build.mjs, docs/deploy.md).

/// Whether the site's service worker serves this page: its files, and the
/// corpus files it keeps, are then in this browser and the site opens at
/// its address without a network. False on a first visit (the worker
/// starts serving from the next load), from file:// and on host pages.
pub fn kept_offline() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        // Through Reflect: no web-sys features for one property.
        let get = |of: &wasm_bindgen::JsValue, key: &str| {
            js_sys::Reflect::get(of, &key.into())
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        get(&gloo::utils::window().into(), "navigator")
            .and_then(|navigator| get(&navigator, "serviceWorker"))
            .and_then(|workers| get(&workers, "controller"))
            .is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}
