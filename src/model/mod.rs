//! The app's model: plain Rust over the parsed corpus, with no browser in
//! it (no `web_sys`, `gloo`, `js_sys` or `wasm_bindgen`; `./x test` checks),
//! so every rule here is tested natively with `cargo test`.

pub mod bundled;
pub mod charts;
pub mod corpus;
pub mod exports;
pub mod facets;
pub mod figure_table;
pub mod format;
pub mod i18n;
pub mod imports;
pub mod merge;
pub mod notice;
pub mod replica;
pub mod route;
pub mod runs;
pub mod search;
pub mod share;
pub mod tracker;
pub mod xrefs;
