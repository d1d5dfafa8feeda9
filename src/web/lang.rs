//! The saved UI language and what the document says about it.

use crate::model::i18n::Lang;

/// `localStorage` key of the chosen UI language (`zh` or `en`).
pub const LANG_KEY: &str = "dafu.lang";

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
    if !super::dom::owns_page() {
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
