//! Parses every reply in `corpus/` at build time and embeds the result, so the
//! browser loads finished documents and never fetches anything at run time.
//! A reply that is not recognisable fails the build with the parser's message.

use std::{env, fs, path::PathBuf};

use dafu_bundle::{Bundle, BundledReply};

fn main() {
    let dir = env::var_os("DAFU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("corpus"));
    println!("cargo:rerun-if-env-changed=DAFU_CORPUS");
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read corpus folder {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    paths.sort();

    let mut failures = Vec::new();
    let mut replies = Vec::with_capacity(paths.len());
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes =
            fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let reply = dafu_parser::parse(&bytes);
        if let Err(e) = dafu_parser::check(&reply) {
            failures.push(format!("{}: error: {e}", path.display()));
            continue;
        }
        for w in &reply.warnings {
            println!("cargo:warning={}:{w}", path.display());
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        replies.push(BundledReply { file, reply });
    }
    if !failures.is_empty() {
        panic!(
            "corpus has files that are not replies:\n{}",
            failures.join("\n")
        );
    }
    // Tests compare what the app shows with what was bundled.
    println!("cargo:rustc-env=DAFU_BUNDLED_REPLIES={}", replies.len());
    let bytes = Bundle { replies }.encode();
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap()).join("corpus.bin");
    fs::write(&out, bytes).unwrap();
}
