//! Keeps a `<select>` showing the state's value.
//!
//! Yew renders `selected` as an attribute, and once the user has picked an
//! option the browser no longer follows attribute changes, so a status reset
//! or an import would leave the menu showing the old choice. The returned
//! ref, put on the `<select>`, sets its value after every render.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[hook]
pub fn use_synced_select(value: &str) -> NodeRef {
    let node = use_node_ref();
    let value = value.to_owned();
    {
        let node = node.clone();
        use_effect(move || {
            if let Some(el) = node.cast::<HtmlSelectElement>() {
                if el.value() != value {
                    el.set_value(&value);
                }
            }
        });
    }
    node
}
