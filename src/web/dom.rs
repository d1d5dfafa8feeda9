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
/// `tools/post-build.mjs`). Its value is the [`shape`] of the page as the
/// build wrote it, so the app can tell whether the elements are still
/// those (a browser extension may have changed them) before it hydrates
/// them.
pub const PRERENDER_ATTR: &str = "data-dafu-prerender";

thread_local! {
    /// What was typed into the prerendered search box before the app
    /// started, until the live app takes it ([`retire_prerender`]).
    static TYPED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The prerendered start page, taken over as the app's mount point.
pub struct Prerendered {
    /// Its element, now the app's `[data-dafu]` root; its children are the
    /// prerendered page.
    pub root: web_sys::Element,
}

impl Prerendered {
    /// Whether its elements are still exactly those the build wrote.
    pub fn intact(&self) -> bool {
        self.root
            .get_attribute(PRERENDER_ATTR)
            .is_some_and(|built| built == shape(&self.root))
    }
}

/// Takes over the prerendered start page, when the page has one (the app's
/// own index.html; never a host page with its `[data-dafu]` element): its
/// element becomes the app's mount point in place, so that the app can
/// hydrate the page or render over it without moving anything on screen.
/// Keeps what was typed into its search box meanwhile for the live app
/// ([`retire_prerender`]).
pub fn take_prerender() -> Option<Prerendered> {
    let document = gloo::utils::document();
    if let Ok(Some(_)) = document.query_selector("[data-dafu]") {
        return None;
    }
    let root = document
        .query_selector(&format!("[{PRERENDER_ATTR}]"))
        .ok()??;
    let typed = root
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .filter(|q| !q.trim().is_empty());
    TYPED.with(|t| *t.borrow_mut() = typed);
    own_page(&root);
    Some(Prerendered { root })
}

/// Once the live app has rendered: the prerendered page's element is the
/// app's and no longer busy. Returns what was typed into the prerendered
/// search box before the app started (if anything), so that the live app
/// can run that search.
pub fn retire_prerender() -> Option<String> {
    let document = gloo::utils::document();
    if let Ok(Some(root)) = document.query_selector(&format!("[{PRERENDER_ATTR}]")) {
        let _ = root.remove_attribute(PRERENDER_ATTR);
        let _ = root.remove_attribute("aria-busy");
    }
    TYPED.with(|t| t.borrow_mut().take())
}

/// The shape of an element's content: its elements (lowercase names, as
/// nested) and comments (the component marks of Yew's hydration), without
/// text or attributes, as an FNV-1a hash of UTF-16 units in 8 hex digits.
/// `tools/post-build.mjs` computes the same of the prerendered HTML.
pub fn shape(root: &web_sys::Element) -> String {
    // One call serializes the elements; walking them node by node from wasm
    // would take many.
    format!("{:08x}", shape_of_html(&root.inner_html()))
}

/// [`shape`] of serialized HTML. Its `<` only opens tags and comments:
/// serializers escape it in text (and in attribute values, where a `<`
/// of an older browser's serialization can only make the shapes differ).
fn shape_of_html(html: &str) -> u32 {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |text: &str| {
        for unit in text.encode_utf16() {
            hash = (hash ^ u32::from(unit)).wrapping_mul(0x0100_0193);
        }
    };
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let Some(end) = comment.find("-->") else {
                break;
            };
            feed("!");
            feed(&comment[..end]);
            feed(";");
            rest = &comment[end + 3..];
            continue;
        }
        let (close, tag) = match rest[1..].strip_prefix('/') {
            Some(tag) => (true, tag),
            None => (false, &rest[1..]),
        };
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            rest = &rest[1..];
            continue;
        }
        let name_end = tag
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(tag.len());
        let Some(end) = tag.find('>') else { break };
        if close {
            feed(")");
        } else {
            let name = tag[..name_end].to_ascii_lowercase();
            let void = VOID.contains(&name.as_str());
            feed(&name);
            feed(if void { "()" } else { "(" });
        }
        rest = &tag[end + 1..];
    }
    hash
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
    own_page(&el);
    gloo::utils::body().append_child(&el).expect("append_child");
    el
}

/// Makes `el` the mount point of an app that owns the page.
fn own_page(el: &web_sys::Element) {
    let _ = el.set_attribute("data-dafu", "");
    // Marks a page the app owns, as opposed to a host page's element.
    let _ = el.set_attribute("data-dafu-page", "");
    // The app owns this page: no margin around it (set through the CSSOM,
    // which a strict Content-Security-Policy allows, unlike inline styles).
    let _ = gloo::utils::body().style().set_property("margin", "0");
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

#[cfg(test)]
mod tests {
    use super::shape_of_html;

    #[test]
    fn the_shape_is_the_one_the_build_computes() {
        // The values of `shape` in tools/post-build.mjs for the same HTML.
        let html = r#"<!--<[]>--><div class="a"><input value="x"><svg viewBox="0 0 1 1"><path d="M0"></path></svg>text &lt; more<br><!--</[]>--></div>"#;
        assert_eq!(shape_of_html(html), 0x64bf_7fa9);
        assert_eq!(shape_of_html(""), 0x811c_9dc5);
        // Text and attributes do not count; elements and comments do.
        let other_text = html.replace("more", "less").replace("\"a\"", "\"b\"");
        assert_eq!(shape_of_html(&other_text), 0x64bf_7fa9);
        assert_ne!(shape_of_html(&html.replace("<br>", "")), 0x64bf_7fa9);
        assert_ne!(
            shape_of_html(&html.replace("text", "<font>text</font>")),
            0x64bf_7fa9
        );
    }
}
