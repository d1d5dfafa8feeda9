//! dafu — a browser viewer for the replies (答复) of the Shanghai Science and
//! Technology Commission to legislators. Everything runs in the browser: the
//! parsed corpus is embedded in the wasm module.
//!
//! - [`model`]: the corpus, search, facets, tracker, imports and every other
//!   rule, in plain Rust with no browser in it;
//! - [`web`]: the browser glue (storage, the URL hash, keys, embedding, files);
//! - [`state`]: the one reducer that holds the app's state;
//! - `pages` and `components`: the Yew views.

mod app;
mod components;
mod hooks;
mod model;
mod pages;
mod state;
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use app::prerender;

/// Copies the corpus files the build script wrote (chunks of reply bodies,
/// search shards) into `dir/corpus/`, replacing what was there.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_corpus_files(dir: &std::path::Path) -> std::io::Result<usize> {
    let from = std::path::Path::new(env!("OUT_DIR")).join("site").join("corpus");
    let to = dir.join("corpus");
    if to.exists() {
        std::fs::remove_dir_all(&to)?;
    }
    std::fs::create_dir_all(&to)?;
    let mut n = 0;
    for file in std::fs::read_dir(from)? {
        let file = file?;
        std::fs::copy(file.path(), to.join(file.file_name()))?;
        n += 1;
    }
    Ok(n)
}
pub use app::App;

/// Entry point of the web app. In its own index.html the app takes over the
/// start page that the build prerendered there: it hydrates that page —
/// the elements on screen stay and become the live app's — when it would
/// render exactly that page first (the address opens the start page, in
/// Chinese, nothing tracked or imported) and the page's elements are still
/// those the build wrote; else it renders over it. Elsewhere (a host page's
/// `[data-dafu]` element) it renders into its mount point.
///
/// The app mounts in a task of its own, after the one that instantiated the
/// module: the two are long enough to hold up the page's input when they
/// run as one.
pub fn start() {
    gloo::timers::callback::Timeout::new(0, mount).forget();
}

fn mount() {
    let boot = app::Boot::read();
    let (root, hydrate) = match web::dom::take_prerender() {
        Some(page) => {
            let hydrate = boot.shows_start_page() && page.intact();
            (page.root, hydrate)
        }
        None => (web::dom::mount_point(), false),
    };
    web::embed::setup(&root);
    boot.hand_over();
    let renderer = yew::Renderer::<App>::with_root(root);
    if hydrate {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}
