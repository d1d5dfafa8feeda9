//! `dafu synth`: synthetic replies that the parser accepts.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn dafu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .output()
        .expect("run dafu")
}

fn synth(n: usize, dir: &Path, seed: u64) {
    let out = dafu(&[
        "synth",
        &n.to_string(),
        "--out",
        dir.to_str().unwrap(),
        "--seed",
        &seed.to_string(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn writes_n_replies_and_a_manifest_deterministically() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synth(3, a.path(), 5);
    synth(3, b.path(), 5);
    let (ta, tb) = (texts(a.path()), texts(b.path()));
    assert_eq!(ta.len(), 3);
    assert_eq!(ta, tb, "same seed, same replies");
    let manifest: Vec<Value> =
        serde_json::from_slice(&fs::read(a.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest.len(), 3);
    assert_eq!(manifest[0]["file"], "synth_00000.txt");
    for (name, text) in &ta {
        assert!(text.contains("上海市科学技术委员会"), "{name}");
        assert!(
            text.contains("沪科提复") || text.contains("沪科建复"),
            "{name}"
        );
    }
}

#[test]
fn a_smaller_corpus_is_a_prefix_of_a_larger_one() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synth(2, a.path(), 9);
    synth(4, b.path(), 9);
    assert_eq!(texts(a.path())[..], texts(b.path())[..2]);
}

/// Every synthetic reply is recognised, and the parser finds its figures and
/// exactly the commitments it was written with.
#[test]
fn check_accepts_every_synthetic_reply_and_parse_finds_figures_and_commitments() {
    let dir = tempfile::tempdir().unwrap();
    synth(60, dir.path(), 11);
    let path = dir.path().to_str().unwrap();

    let check = dafu(&["check", path]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        stdout.contains("checked 60 files: 60 ok, 0 not replies"),
        "{stdout}"
    );

    let parsed = dafu(&["parse", "--json", path]);
    let replies: Vec<Value> = serde_json::from_slice(&parsed.stdout).unwrap();
    let manifest: Vec<Value> =
        serde_json::from_slice(&fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(replies.len(), manifest.len());
    for (reply, written) in replies.iter().zip(&manifest) {
        let file = written["file"].as_str().unwrap();
        assert!(reply["file"].as_str().unwrap().ends_with(file));
        assert!(reply["missing"].as_array().unwrap().is_empty(), "{file}");
        assert!(reply["doc_number"].is_string(), "{file}: document number");
        assert!(reply["title"].is_string(), "{file}: title");
        assert!(reply["date"].is_string(), "{file}: date");
        assert!(
            !reply["figures"].as_array().unwrap().is_empty(),
            "{file}: no figures found"
        );
        let found = reply["commitments"].as_array().unwrap().len();
        assert_eq!(
            found as u64,
            written["commitments"].as_u64().unwrap(),
            "{file}: commitments, next steps written as {}",
            written["next_steps"]
        );
    }
}
