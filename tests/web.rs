//! The app rendered in a real browser (headless Chromium through
//! wasm-bindgen-test-runner and chromedriver).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// How many replies the build bundled.
fn bundled() -> u32 {
    env!("DAFU_BUNDLED_REPLIES").parse().unwrap()
}

/// Waits until `ready` holds (the app renders asynchronously), failing
/// with `what` after two seconds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Mounts the app into a fresh element and waits for its list.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<dafu_web::App>::with_root(root.clone()).render();
    let shown = root.clone();
    until("the reply list", move || {
        shown.query_selector_all("[data-reply]").unwrap().length() > 0
    })
    .await;
    root
}

#[wasm_bindgen_test]
async fn renders_every_bundled_reply() {
    let root = mount().await;
    assert_eq!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "答复"
    );
    let rows = root.query_selector_all("[data-reply]").unwrap();
    assert!(bundled() > 0, "the test needs a bundled corpus");
    // The list shows its first 30 results until asked for more.
    assert_eq!(rows.length(), bundled().min(30), "one row per corpus file");
}

#[wasm_bindgen_test]
async fn opens_the_reply_named_in_the_hash() {
    let window = gloo::utils::window();
    window.location().set_hash("#/replies/%E6%B2%AA%E7%A7%91%E6%8F%90%E5%A4%8D%E3%80%942025%E3%80%9558%E5%8F%B7").unwrap();
    let root = mount().await;
    let shown = root.clone();
    until("the reader", move || {
        shown.query_selector(".reader").unwrap().is_some()
    })
    .await;
    let reader = root
        .query_selector(".reader")
        .unwrap()
        .expect("the reader is open");
    assert_eq!(
        reader.get_attribute("data-open").as_deref(),
        Some("沪科提复〔2025〕58号")
    );
    // The test runner serves no corpus files: the body's chunk cannot be
    // loaded, which the reader says, while the metadata and the list stay.
    let shown = root.clone();
    until("the reader's message", move || {
        shown.query_selector("[data-chunk-error]").unwrap().is_some()
    })
    .await;
    assert!(
        reader.text_content().unwrap().contains("沪科提复〔2025〕58号"),
        "the metadata card shows without the body"
    );
    assert!(
        root.query_selector_all("[data-reply]").unwrap().length() > 0,
        "the list keeps working"
    );
    window.location().set_hash("").unwrap();
}
