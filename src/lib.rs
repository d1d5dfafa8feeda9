//! dafu — a browser viewer for the replies (答复) of the Shanghai Science and
//! Technology Commission to legislators. Everything runs in the browser: the
//! parsed corpus is embedded in the wasm module.

mod app;
mod browser;
mod charts;
mod components;
mod corpus;
mod data;
mod embed;
mod exports;
mod facets;
mod figure_table;
mod format;
mod hooks;
mod i18n;
mod imports;
mod keys;
mod pages;
mod route;
mod runs;
mod search;
mod state;
mod storage;
mod tracker;
mod xrefs;

#[cfg(not(target_arch = "wasm32"))]
pub use app::prerender;
pub use app::App;

/// Element the app mounts into: the host page's `[data-dafu]` element when
/// there is one (intranet embedding), else a fresh `<div>` appended to body.
fn mount_point() -> web_sys::Element {
    let document = gloo::utils::document();
    if let Ok(Some(el)) = document.query_selector("[data-dafu]") {
        return el;
    }
    let el = document.create_element("div").expect("create_element(div)");
    el.set_attribute("data-dafu", "").expect("set_attribute");
    // Marks a page the app owns, as opposed to a host page's element.
    el.set_attribute("data-dafu-page", "")
        .expect("set_attribute");
    let body = gloo::utils::body();
    // The app owns this page: no margin around it (set through the CSSOM,
    // which a strict Content-Security-Policy allows, unlike inline styles).
    let _ = body.style().set_property("margin", "0");
    body.append_child(&el).expect("append_child");
    el
}

/// Whether the app owns the whole page (it created its own mount point)
/// rather than living in a host page's `[data-dafu]` element: only then may it
/// set the page's title and language.
pub(crate) fn owns_page() -> bool {
    matches!(
        gloo::utils::document().query_selector("[data-dafu-page]"),
        Ok(Some(_))
    )
}

/// Entry point of the web app.
pub fn start() {
    let root = mount_point();
    embed::setup(&root);
    yew::Renderer::<App>::with_root(root).render();
}
