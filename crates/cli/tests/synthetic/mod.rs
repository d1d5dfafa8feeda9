//! Synthetic corpora for the tests: `dafu synth` into a folder, parsed.

use std::fs;
use std::path::Path;
use std::process::Command;

/// Writes `n` synthetic replies for `seed` into `dir`.
pub fn synth(n: usize, dir: &Path, seed: u64) {
    let out = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(["synth", &n.to_string(), "--out"])
        .arg(dir)
        .args(["--seed", &seed.to_string()])
        .output()
        .expect("run dafu");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The replies of a folder, parsed, in file order.
pub fn replies(dir: &Path) -> Vec<dafu_parser::Reply> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| dafu_parser::parse(&fs::read(p).unwrap()))
        .collect()
}
