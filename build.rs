//! Parses every reply in `corpus/` at build time and writes what the app
//! needs of it, so the browser loads finished documents and never parses
//! the bundled corpus:
//! - `list.bin`: the list index the wasm module embeds (metadata, facet
//!   values, counts);
//! - `site/corpus/c<N>.js`: the reply bodies in chunks, and
//!   `site/corpus/s<N>.js`: the shards of the search index, both loaded by
//!   the app when needed (`dafu-prerender --corpus-files` copies them into
//!   the site), and `site/corpus/x0.js`, the cross-references;
//! - `corpus.bin`: the whole corpus, for native builds (tests, prerender).
//!
//! A reply that is not recognisable fails the build with the parser's message.

use std::{env, fs, path::PathBuf};

use dafu_bundle::split::{self, Part};
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
    let bundle = Bundle { replies };
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    let (mut list, chunks) = split::split(&bundle);
    let shards = dafu_bundle::search_index(&bundle, list.fingerprint);
    list.shards = shards.len() as u32;

    let site = out.join("site").join("corpus");
    // A smaller corpus than the last build leaves no stale files behind.
    let _ = fs::remove_dir_all(&site);
    fs::create_dir_all(&site).unwrap();
    let write = |part: Part, id: u32, bytes: &[u8]| {
        let path = out.join("site").join(part.path(id));
        fs::write(&path, split::script(part, id, bytes))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    };
    for chunk in &chunks {
        write(Part::Chunk, chunk.id, &chunk.encode());
    }
    for (id, shard) in shards.iter().enumerate() {
        write(Part::Shard, id as u32, shard);
    }
    write(Part::Xrefs, 0, &split::xrefs(&bundle, list.fingerprint).encode());
    fs::write(out.join("list.bin"), list.encode()).unwrap();
    fs::write(out.join("corpus.bin"), bundle.encode()).unwrap();
}
