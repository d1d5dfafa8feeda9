//! Files in and out: reading picked or dropped files (their size known
//! before anything is read), decoding them as the parser does, and offering
//! text as a download.

use wasm_bindgen::JsCast;

/// The files of a picked or dropped list.
pub fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The size of a file in bytes, known without reading it.
pub fn size(file: &web_sys::File) -> u64 {
    file.size() as u64
}

/// Reads a whole file; `None` when the browser cannot. Check its
/// [`size`] first.
pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()
        .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
}

/// Reads a whole file as UTF-8 text; `None` when the browser cannot.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}

/// Lets the browser handle its events (input, painting) before going on.
pub async fn yield_now() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
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

/// Offers `text` as a file download (a Blob, an object URL and a
/// temporary `<a download>`).
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "anchor".to_owned())?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    gloo::utils::body().append_child(&a).map_err(fail)?;
    a.click();
    a.remove();
    // Revoke once the browser has taken the file.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
