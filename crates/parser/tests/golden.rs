//! Golden files: every reply against its expected structure — the bundled
//! corpus (`corpus/*.txt`) against `tests/golden/<name>.json`, and the
//! fixtures (`tests/fixtures/<name>.txt`, replies in other shapes: district
//! letters, other commissions, GBK, CRLF, full-width digits, every list
//! layout) against `tests/fixtures/<name>.json`. Each fixture also has
//! `<name>.figures`, the figures a reader marks in it (one text span per
//! line, written by hand), against which the parser's figures are scored.
//!
//! `DAFU_BLESS=1 cargo test -p dafu-parser --test golden` rewrites the JSON
//! golden files from the current output (review the diff before keeping
//! it); the `.figures` files are never rewritten.

use std::path::{Path, PathBuf};

use dafu_parser::{parse, BlockKind, Reply};
use serde_json::{json, Value};

/// The `*.txt` files of `dir` (relative to the crate), sorted; panics when
/// there is none, so that a moved folder cannot pass for a green test.
fn texts(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.txt in {}", dir.display());
    files
}

fn stem(file: &Path) -> String {
    file.file_stem().unwrap().to_string_lossy().to_string()
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

/// Compares each text's view with its golden file in `golden_dir` (or
/// rewrites them when blessing); returns the names that differ or lack one.
fn compare(files: &[PathBuf], golden_dir: &str) -> Vec<String> {
    let bless = std::env::var_os("DAFU_BLESS").is_some_and(|v| v == "1");
    let mut failed = Vec::new();
    for file in files {
        let name = stem(file);
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(golden_dir)
            .join(format!("{name}.json"));
        let got = view(&parse(&std::fs::read(file).unwrap()));
        if bless {
            std::fs::write(&golden, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&golden) else {
            failed.push(format!("{name}: no golden file (run with DAFU_BLESS=1)"));
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
    failed
}

#[test]
fn corpus_matches_golden_files() {
    let failed = compare(&texts("../../corpus"), "tests/golden");
    assert!(failed.is_empty(), "golden files that differ: {failed:?}");
}

/// Metadata and commitments must match exactly (the golden files hold
/// every field); figures too, which the scores below measure separately.
#[test]
fn fixtures_match_golden_files() {
    let failed = compare(&texts("tests/fixtures"), "tests/fixtures");
    assert!(failed.is_empty(), "golden files that differ: {failed:?}");
}

/// Figures the parser finds against those a reader marks, matched by text
/// (as a multiset per fixture): precision, recall and F1 over all fixtures
/// must reach 0.98.
#[test]
fn fixture_figures_score() {
    let (mut found, mut expected, mut matched) = (0, 0, 0);
    let mut report = Vec::new();
    for file in texts("tests/fixtures") {
        let marks_file = file.with_extension("figures");
        let marks = std::fs::read_to_string(&marks_file)
            .unwrap_or_else(|e| panic!("{}: {e}", marks_file.display()));
        let mut wanted: Vec<&str> = marks
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let reply = parse(&std::fs::read(&file).unwrap());
        let mut hits = 0;
        let mut extra = Vec::new();
        for f in &reply.figures {
            match wanted.iter().position(|w| *w == f.text) {
                Some(i) => {
                    wanted.swap_remove(i);
                    hits += 1;
                }
                None => extra.push(f.text.as_str()),
            }
        }
        if !extra.is_empty() || !wanted.is_empty() {
            report.push(format!(
                "{}: extra {extra:?}, missed {wanted:?}",
                stem(&file)
            ));
        }
        found += reply.figures.len();
        expected += hits + wanted.len();
        matched += hits;
    }
    let precision = matched as f64 / found.max(1) as f64;
    let recall = matched as f64 / expected.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    println!("figures: {matched} matched, {found} found, {expected} marked; P {precision:.3} R {recall:.3} F1 {f1:.3}");
    for line in &report {
        println!("  {line}");
    }
    assert!(f1 >= 0.98, "figure F1 {f1:.3} < 0.98: {report:#?}");
}
