//! Prints the app's start page as HTML (the reply list of the bundled
//! corpus), for `tools/post-build.mjs` to put into index.html. With
//! `--corpus-files DIR` it also writes the corpus files the build made
//! (`DIR/corpus/c0.js` …: chunks of reply bodies and search shards).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        [flag, dir] if flag == "--corpus-files" => {
            if let Err(e) = dafu_web::write_corpus_files(std::path::Path::new(dir)) {
                eprintln!("dafu-prerender: cannot write the corpus files into {dir}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
        _ => {
            eprintln!("usage: dafu-prerender [--corpus-files DIR]");
            return std::process::ExitCode::from(2);
        }
    }
    print!("{}", dafu_web::prerender());
    std::process::ExitCode::SUCCESS
}

// Built only natively; a stub keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
