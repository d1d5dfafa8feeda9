//! Prints the app's start page as HTML (the reply list of the bundled
//! corpus), for `tools/post-build.mjs` to put into index.html.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", dafu_web::prerender());
}

// Built only natively; a stub keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
