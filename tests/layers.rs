//! The model stays apart from the browser: no file under `src/model/` names
//! a browser crate or the app's browser-facing modules. Natively, so that a
//! browser import fails `cargo test` before it can hide in the wasm build.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// What the model may not name: browser crates, Yew, and the app's glue
/// and views.
const FORBIDDEN: &[&str] = &[
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "yew",
    "crate::web",
    "crate::state",
    "crate::components",
    "crate::pages",
    "crate::hooks",
];

/// `(line number, forbidden name)` for each code line (comments skipped)
/// that names something the model may not use.
fn violations(source: &str) -> Vec<(usize, &'static str)> {
    source
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let code = line.split("//").next().unwrap_or("");
            FORBIDDEN
                .iter()
                .find(|name| {
                    code.match_indices(*name).any(|(at, _)| {
                        let word = |c: char| c.is_alphanumeric() || c == '_';
                        let before = code[..at].chars().next_back();
                        let after = code[at + name.len()..].chars().next();
                        !before.is_some_and(word) && !after.is_some_and(word)
                    })
                })
                .map(|name| (i + 1, *name))
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_model_names_no_browser_api() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(
        files.len() >= 10,
        "src/model/ should hold the model, found {files:?}"
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8 source");
        for (line, name) in violations(&text) {
            found.push(format!("{}:{line}: {name}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "the model must not use the browser; move this to src/web/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_imports_and_paths_but_not_comments() {
    assert_eq!(violations("use web_sys::Element;"), [(1, "web_sys")]);
    assert_eq!(
        violations("fn a() {}\n    crate::web::storage::today()"),
        [(2, "crate::web")]
    );
    assert_eq!(violations("use yew::prelude::*;"), [(1, "yew")]);
    assert!(violations("// kept in crate::web::storage").is_empty());
    assert!(violations("/// see [`crate::web::storage`]").is_empty());
    assert!(violations("let my_gloo_like = 1; use crate::webby;").is_empty());
    assert_eq!(violations("gloo::utils::window()"), [(1, "gloo")]);
    assert!(violations("use crate::model::route::Route;").is_empty());
}
