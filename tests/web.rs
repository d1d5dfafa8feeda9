//! The app rendered in a real browser (headless Chromium through
//! wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<dafu_web::App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    root
}

#[wasm_bindgen_test]
async fn renders_every_bundled_reply() {
    let root = mount().await;
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "答复");
    let rows = root.query_selector_all("[data-reply]").unwrap();
    assert_eq!(rows.length(), 5, "one row per corpus file");
}
