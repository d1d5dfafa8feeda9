//! Focusing and scrolling elements, the prerendered start page, printing.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

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

/// Focuses the search box and selects its text.
pub fn focus_search() {
    if let Some(el) = element(crate::web::keys::SEARCH_ID) {
        let _ = el.focus();
        if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    }
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

/// Element the app mounts into: the host page's `[data-dafu]` element when
/// there is one (intranet embedding), else a fresh `<div>` appended to body.
pub fn mount_point() -> web_sys::Element {
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
pub fn owns_page() -> bool {
    matches!(
        gloo::utils::document().query_selector("[data-dafu-page]"),
        Ok(Some(_))
    )
}
