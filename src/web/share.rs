//! The browser's side of share links: compressing with its own
//! `CompressionStream` (no compression code in the module), the clipboard,
//! and the page's address. The rules are in `crate::model::share`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::share::{self, Packing, ShareError};

// web-sys has these only behind its unstable-API flag, which would apply
// to the whole build: the two constructors are all that is needed.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

const FORMAT: &str = "deflate-raw";

/// `bytes` through a transform stream (its `readable`/`writable` pair).
async fn through(bytes: &[u8], pair: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let out = blob.stream().pipe_through(pair.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A link's data for this payload: deflated where the browser can, else
/// as it is (a longer link, still readable everywhere).
pub async fn pack(payload: &[u8]) -> String {
    if let Ok(stream) = CompressionStream::new(FORMAT) {
        if let Ok(packed) = through(payload, &stream).await {
            return share::pack(Packing::Deflate, &packed);
        }
    }
    share::pack(Packing::Plain, payload)
}

/// The payload of a link's data, unpacked; `share::read` checks its size.
pub async fn unpack(data: &str) -> Result<Vec<u8>, ShareError> {
    let (packing, bytes) = share::unpack(data)?;
    match packing {
        Packing::Plain => Ok(bytes),
        Packing::Deflate => {
            let stream = DecompressionStream::new(FORMAT).map_err(|_| ShareError::Unsupported)?;
            // A cut or altered stream fails to inflate.
            through(&bytes, &stream)
                .await
                .map_err(|_| ShareError::Damaged)
        }
    }
}

/// Puts `text` on the clipboard; `false` where the browser has no
/// clipboard for this page (file://, http other than localhost) or
/// refuses.
pub async fn copy(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// This page's address, as the start of a link.
pub fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    share::page_address(&href)
}
