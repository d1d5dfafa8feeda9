//! `dafu synth`: realistic synthetic replies for benchmarks and stress tests.
//!
//! Each reply is assembled from sentence templates and phrase lists written
//! in the style of the commission's replies: both kinds (提案 沪科提复 /
//! 建议 沪科建复), sessions, years 2023–2026, one or many proposers, handling
//! results as words or class letters, figures of every shape (超21亿元, 166家,
//! 22.57%, 1.29 万亿元, 近80%, 3000余人, 2 倍), next-steps sections of every
//! shape (**一是…** paragraphs, 一是…；二是… inline, （一）（二） subsections,
//! items numbered 1. 2., a single sentence, none) and the extraction artefacts real
//! texts carry (page-break splits, markdown marks, stray spaces, CRLF,
//! full-width digits).
//!
//! Output is deterministic for a seed, and reply `i` does not depend on `N`:
//! `synth 500` is a prefix of `synth 2000`. Besides the texts, `manifest.json`
//! records for each file its kind, next-steps shape, the number of
//! commitments it was written with and the recurring programmes it names
//! (`programmes.rs`): the first commitment may continue one, the body may
//! report on one, so later replies follow earlier commitments up. Synthetic replies are never bundled by
//! default; point `DAFU_CORPUS` at the output folder to build the app with them.

use std::fs;
use std::io;
use std::path::Path;

mod back;
mod body;
mod figures;
mod front;
mod generator;
mod next_steps;
mod programmes;
mod rng;
mod sentences;
mod words;

use generator::Gen;

/// Writes `n` replies `synth_00000.txt`… and `manifest.json` into `out`.
pub fn run(n: usize, out: &Path, seed: u64) -> io::Result<u8> {
    if let Err(err) = fs::create_dir_all(out) {
        eprintln!("{}: error: cannot create directory: {err}", out.display());
        return Ok(crate::input::EXIT_IO);
    }
    let mut manifest = Vec::with_capacity(n);
    let mut bytes = 0usize;
    for i in 0..n {
        let reply = generate(seed, i as u64);
        let name = format!("synth_{i:05}.txt");
        let path = out.join(&name);
        if let Err(err) = fs::write(&path, &reply.text) {
            eprintln!("{}: error: cannot write: {err}", path.display());
            return Ok(crate::input::EXIT_IO);
        }
        bytes += reply.text.len();
        manifest.push(serde_json::json!({
            "file": name,
            "kind": reply.kind,
            "next_steps": reply.shape.name(),
            "commitments": reply.commitments,
            "programme_commitment": reply.programme_commitment,
            "programme_report": reply.programme_report,
            "bytes": reply.text.len(),
        }));
    }
    let path = out.join("manifest.json");
    let json = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
    if let Err(err) = fs::write(&path, json + "\n") {
        eprintln!("{}: error: cannot write: {err}", path.display());
        return Ok(crate::input::EXIT_IO);
    }
    println!(
        "wrote {n} synthetic replies ({bytes} bytes) to {}",
        out.display()
    );
    Ok(crate::input::EXIT_OK)
}

/// One generated reply and what it was written with.
pub struct Synthetic {
    pub text: String,
    /// "proposal" | "suggestion".
    pub kind: &'static str,
    pub shape: Shape,
    /// Items written in the next-steps section (1 for a single sentence).
    pub commitments: usize,
    /// The recurring programme its first commitment continues.
    pub programme_commitment: Option<&'static str>,
    /// The recurring programme its body reports on.
    pub programme_report: Option<&'static str>,
}

/// How the next-steps section is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `**一是…。**…` — one paragraph per item, bold lead.
    BoldParagraphs,
    /// `一是…；二是…；三是…。` inside one paragraph.
    Inline,
    /// `（一）…` paragraphs under `二、对相关建议的答复`.
    Subsections,
    /// `1. …` paragraphs.
    Numbered,
    /// One summary sentence after 下阶段.
    Single,
    /// No next-steps section.
    None,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::BoldParagraphs => "bold_paragraphs",
            Shape::Inline => "inline",
            Shape::Subsections => "subsections",
            Shape::Numbered => "numbered",
            Shape::Single => "single",
            Shape::None => "none",
        }
    }
}

/// Generates reply `index` of the corpus for `seed`.
///
/// Every part draws from the one random source in turn, so the order of the
/// calls below (and of the draws inside them) fixes the output.
pub fn generate(seed: u64, index: u64) -> Synthetic {
    let mut g = Gen::new(seed, index);
    let proposal = index & 1 == 0;
    let mut paras: Vec<String> = Vec::new();
    let you = front::header(&mut g, proposal, index, &mut paras);
    let body_start = paras.len();
    front::opening(&mut g, proposal, you, &mut paras);
    body::write(&mut g, &mut paras);
    let planned = g.programmes;
    let (shape, commitments) = next_steps::write(&mut g, you, &mut paras);
    // A single-sentence section has no room for the programme.
    let committed = planned.commits.filter(|_| g.programmes.commits.is_none());
    back::thanks(&mut g, shape, you, &mut paras);
    // Figures and stray spaces are tidied from the opening to the thanks;
    // the header keeps its spelling, the sign-off tidies its own date.
    for p in &mut paras[body_start..] {
        *p = back::tidy(p, g.style.spaced);
    }
    back::sign_off(&mut g, proposal, &mut paras);
    back::page_breaks(&mut g, &mut paras);
    Synthetic {
        text: back::join(&mut g, &paras),
        kind: if proposal { "proposal" } else { "suggestion" },
        shape,
        commitments,
        programme_commitment: committed.map(|p| programmes::NAMES[p]),
        programme_report: planned.reports.map(|p| programmes::NAMES[p]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_independent_of_count() {
        assert_eq!(generate(7, 3).text, generate(7, 3).text);
        assert_ne!(generate(7, 3).text, generate(8, 3).text);
        assert_ne!(generate(7, 3).text, generate(7, 4).text);
    }

    #[test]
    fn covers_every_shape_and_stays_in_size() {
        let replies: Vec<Synthetic> = (0..300).map(|i| generate(1, i)).collect();
        for shape in [
            Shape::BoldParagraphs,
            Shape::Inline,
            Shape::Subsections,
            Shape::Numbered,
            Shape::Single,
            Shape::None,
        ] {
            assert!(replies.iter().any(|r| r.shape == shape), "{shape:?}");
        }
        assert!(replies.iter().any(|r| r.kind == "proposal"));
        assert!(replies.iter().any(|r| r.kind == "suggestion"));
        let max = replies.iter().map(|r| r.text.len()).max().unwrap();
        let min = replies.iter().map(|r| r.text.len()).min().unwrap();
        assert!(min >= 1_500 && max <= 17_000, "sizes {min}..{max}");
        for r in &replies {
            assert!(r.text.contains("上海市科学技术委员会"));
            assert!(!r.text.contains("  \n\n  "));
        }
    }
    /// Pins the output of the first replies, so that a change of any draw or
    /// template is noticed: (length, FNV-1a of the bytes) of `generate(1, i)`.
    #[test]
    fn output_is_pinned() {
        fn fnv1a(bytes: &[u8]) -> u64 {
            bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            })
        }
        let pinned = [
            (14060, 0x9725_29da_037c_4b33),
            (12505, 0x015b_75c7_653f_0d99),
            (6998, 0x8896_af4a_9d22_edd0),
            (3794, 0x7e11_8ec5_2fc3_b873),
            (5291, 0xab71_8c8e_09b1_94e5),
        ];
        for (i, &(len, hash)) in pinned.iter().enumerate() {
            let text = generate(1, i as u64).text;
            assert_eq!(
                (text.len(), fnv1a(text.as_bytes())),
                (len, hash),
                "reply {i}"
            );
        }
    }
}
