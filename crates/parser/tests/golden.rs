//! Golden fixtures: every corpus reply against its expected structure in
//! `tests/golden/<name>.json`. `DAFU_BLESS=1 cargo test -p dafu-parser
//! --test golden` rewrites the fixtures from the current output.

use std::path::{Path, PathBuf};

use dafu_parser::{parse, BlockKind, Reply};
use serde_json::{json, Value};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// What a fixture holds: all metadata, every block (kind, section, text,
/// bold runs), figures, dates, commitments and warnings.
fn view(reply: &Reply) -> Value {
    let blocks: Vec<Value> = reply
        .blocks
        .iter()
        .map(|b| {
            let kind = match b.kind {
                BlockKind::Heading { level } => format!("h{level}"),
                BlockKind::Paragraph => "p".to_string(),
            };
            let bold: Vec<&str> = b.bold.iter().map(|s| &b.text[s.range()]).collect();
            json!({ "kind": kind, "section": b.section, "text": b.text, "bold": bold })
        })
        .collect();
    let figures: Vec<Value> = reply
        .figures
        .iter()
        .map(|f| {
            json!({
                "block": f.block, "text": f.text, "number": f.number, "magnitude": f.magnitude,
                "unit": f.unit, "qualifier": f.qualifier, "kind": f.kind, "value": f.value,
            })
        })
        .collect();
    let dates: Vec<&str> = reply.dates.iter().map(|d| d.text.as_str()).collect();
    let commitments: Vec<Value> = reply
        .commitments
        .iter()
        .map(|c| json!({ "id": c.id, "heading": c.heading, "text": c.text }))
        .collect();
    let warnings: Vec<String> = reply.warnings.iter().map(|w| w.to_string()).collect();
    json!({
        "meta": reply.meta,
        "encoding": reply.encoding,
        "block_count": reply.blocks.len(),
        "blocks": blocks,
        "figure_count": reply.figures.len(),
        "figures": figures,
        "dates": dates,
        "commitments": commitments,
        "warnings": warnings,
    })
}

#[test]
fn corpus_matches_fixtures() {
    let bless = std::env::var_os("DAFU_BLESS").is_some_and(|v| v == "1");
    let mut failed = Vec::new();
    for file in corpus() {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{name}.json"));
        let got = view(&parse(&std::fs::read(&file).unwrap()));
        if bless {
            std::fs::write(&fixture, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&fixture) else {
            failed.push(format!("{name}: no fixture (run with DAFU_BLESS=1)"));
            continue;
        };
        let expected: Value = serde_json::from_str(&expected).unwrap();
        if expected != got {
            let (e, g) = (
                serde_json::to_string_pretty(&expected).unwrap(),
                serde_json::to_string_pretty(&got).unwrap(),
            );
            eprintln!("{name}:\n{}", pretty_assertions::StrComparison::new(&e, &g));
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "fixtures that differ: {failed:?}");
}
