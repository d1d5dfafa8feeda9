//! Encodes a corpus folder exactly as the web app's build script does
//! (parse every `*.txt` / `*.md` file in name order, refuse non-replies,
//! `Bundle::encode`) and writes the bundle to a file, so benchmarks can
//! measure the bytes the app embeds without reading cargo's build folders:
//!
//! ```sh
//! cargo run --release -p dafu-bundle --example encode -- corpus/ target/corpus.bin
//! ```
//!
//! It also prints how long decoding takes natively and what the bundle's
//! bytes are made of (the encoded size without each part), as JSON on the
//! last line of stdout. With a third argument it also writes the bundle with
//! only the metadata (no blocks, figures, dates, commitments): what a list
//! index would weigh. The JSON also holds what the web app's build makes of
//! the corpus: the list index, the chunks of bodies and the search shards
//! (bytes before base64), and how long the index takes to build.

use std::{env, fs, path::PathBuf, process::ExitCode, time::Instant};

use dafu_bundle::{Bundle, BundledReply};
use dafu_parser::Reply;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = env::args_os().skip(1).map(PathBuf::from).collect();
    let (dir, out, meta_out) = match args.as_slice() {
        [dir, out] => (dir, out, None),
        [dir, out, meta] => (dir, out, Some(meta)),
        _ => {
            eprintln!("usage: encode CORPUS_DIR OUT_FILE [META_OUT_FILE]");
            return ExitCode::from(2);
        }
    };
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
            .collect(),
        Err(e) => {
            eprintln!("{}: error: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    paths.sort();
    let mut replies = Vec::with_capacity(paths.len());
    for path in &paths {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: error: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let reply = dafu_parser::parse(&bytes);
        if let Err(e) = dafu_parser::check(&reply) {
            eprintln!("{}: error: {e}", path.display());
            return ExitCode::from(1);
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        replies.push(BundledReply { file, reply });
    }
    let bytes = Bundle { replies }.encode();
    if let Err(e) = fs::write(out, &bytes) {
        eprintln!("{}: error: {e}", out.display());
        return ExitCode::from(2);
    }
    let bundle = Bundle::decode(&bytes).expect("a bundle just encoded decodes");
    let runs: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let decoded = Bundle::decode(&bytes).expect("decodes");
            let ms = t.elapsed().as_secs_f64() * 1e3;
            drop(decoded);
            ms
        })
        .collect();
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let without = |strip: &dyn Fn(&mut Reply)| {
        let mut b = bundle.clone();
        b.replies.iter_mut().for_each(|r| strip(&mut r.reply));
        bytes.len() - b.encode().len()
    };
    if let Some(meta_out) = meta_out {
        let mut b = bundle.clone();
        for r in &mut b.replies {
            let reply = &mut r.reply;
            reply.blocks.clear();
            reply.figures.clear();
            reply.dates.clear();
            reply.commitments.clear();
            reply.warnings.clear();
        }
        if let Err(e) = fs::write(meta_out, b.encode()) {
            eprintln!("{}: error: {e}", meta_out.display());
            return ExitCode::from(2);
        }
    }
    let text: usize = bundle
        .replies
        .iter()
        .flat_map(|r| &r.reply.blocks)
        .map(|b| b.text.len())
        .sum();
    let parts = [
        ("block_text_utf8", text),
        ("blocks", without(&|r| r.blocks.clear())),
        ("figures", without(&|r| r.figures.clear())),
        (
            "figure_text",
            without(&|r| r.figures.iter_mut().for_each(|f| f.text.clear())),
        ),
        ("dates", without(&|r| r.dates.clear())),
        ("commitments", without(&|r| r.commitments.clear())),
        (
            "commitment_text",
            without(&|r| r.commitments.iter_mut().for_each(|c| c.text.clear())),
        ),
        ("warnings", without(&|r| r.warnings.clear())),
    ];
    let mut parts: Vec<String> = parts.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    // The split the web app's build makes: list index, chunks, search shards.
    let t = Instant::now();
    let (mut list, chunks) = dafu_bundle::split::split(&bundle);
    let split_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let shards = dafu_bundle::search_index(&bundle, list.fingerprint);
    let index_ms = t.elapsed().as_secs_f64() * 1e3;
    list.shards = shards.len() as u32;
    let list_bytes = list.encode();
    // Beside the bundle: the list index as the wasm embeds it.
    let mut list_out = out.clone().into_os_string();
    list_out.push(".list");
    if let Err(e) = fs::write(&list_out, &list_bytes) {
        eprintln!("{}: error: {e}", PathBuf::from(list_out).display());
        return ExitCode::from(2);
    }
    let t = Instant::now();
    let decoded = dafu_bundle::split::ListIndex::decode(&list_bytes).expect("decodes");
    let list_decode_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(decoded);
    let chunk_bytes: usize = chunks.iter().map(|c| c.encode().len()).sum();
    // What the follow-ups add to the chunks.
    let leads_bytes: usize = (chunks.iter())
        .map(|c| postcard::to_allocvec(&c.leads).map_or(0, |b| b.len()))
        .sum();
    let shard_bytes: usize = shards.iter().map(Vec::len).sum();
    parts.extend([
        format!("\"list\":{}", list_bytes.len()),
        format!("\"list_decode_ms\":{list_decode_ms:.2}"),
        format!("\"chunks\":{}", chunks.len()),
        format!("\"chunk_bytes\":{chunk_bytes}"),
        format!("\"leads_bytes\":{leads_bytes}"),
        format!("\"split_ms\":{split_ms:.1}"),
        format!("\"shards\":{}", shards.len()),
        format!("\"shard_bytes\":{shard_bytes}"),
        format!("\"index_ms\":{index_ms:.1}"),
        format!("\"xrefs\":{}", dafu_bundle::split::xrefs(&bundle, 0).encode().len()),
    ]);
    println!(
        "{} replies, {} bytes, native decode {:.1} ms (median of 5)",
        paths.len(),
        bytes.len(),
        sorted[2]
    );
    println!(
        "{{\"replies\":{},\"bytes\":{},\"decode_ms\":{:.2},{}}}",
        paths.len(),
        bytes.len(),
        sorted[2],
        parts.join(",")
    );
    ExitCode::SUCCESS
}
