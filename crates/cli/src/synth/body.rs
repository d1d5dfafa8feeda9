//! The body: paragraphs about work done, written up to a length budget.

use super::generator::Gen;
use super::words::{CN_NUM, NOUNS, TOPICS, VERBS};

/// How the body's paragraphs are laid out.
#[derive(Clone, Copy)]
enum Layout {
    /// Plain paragraphs, some with 一是… inside.
    Plain,
    /// （一） headings with paragraphs under them.
    Sections,
    /// 1. numbered headings, markdown or not.
    Numbered,
    /// Bold leads starting paragraphs.
    BoldLeads,
}

/// Writes the body: mostly 1.5–6 KB, some up to ~15 KB.
pub(super) fn write(g: &mut Gen, paras: &mut Vec<String>) {
    let budget = match g.rng.int(0, 9) {
        0..=3 => g.rng.int(1_000, 3_000),
        4..=7 => g.rng.int(3_000, 7_000),
        _ => g.rng.int(7_000, 12_500),
    } as usize;
    let layout = match g.rng.int(0, 3) {
        0 => Layout::Plain,
        1 => Layout::Sections,
        2 => Layout::Numbered,
        _ => Layout::BoldLeads,
    };
    if let Layout::Sections = layout {
        let h = g.pick(&[
            "一、近年相关工作情况",
            "一、主要工作开展情况",
            "一、工作推进情况",
        ]);
        paras.push(g.bold_heading("##", h));
    }
    let mut body_len = 0usize;
    let mut section = 0usize;
    while body_len < budget {
        let p = paragraph(g, layout, &mut section, paras);
        // The first body paragraph always reports some figures.
        let p = if body_len == 0 {
            let report = g.programmes.reports.map(|r| super::programmes::report(r, g.year));
            format!("{}{p}{}", g.figure_sentence(), report.unwrap_or_default())
        } else {
            p
        };
        body_len += p.len();
        paras.push(p);
    }
    if g.rng.chance(0.5) {
        paras.push(format!(
            "对标新时期科技创新发展新要求，本市在{}等方面依然存在短板，{}有待进一步优化。",
            g.pick(TOPICS),
            g.pick(NOUNS)
        ));
    }
}

/// The next body paragraph; a heading it starts goes into `paras` first.
/// `section` counts the headings and leads written so far.
fn paragraph(g: &mut Gen, layout: Layout, section: &mut usize, paras: &mut Vec<String>) -> String {
    match layout {
        Layout::Plain => {
            if g.rng.chance(0.4) {
                g.enumerated_paragraph()
            } else {
                let n = g.rng.int(2, 5);
                g.body_paragraph(n)
            }
        }
        Layout::Sections => {
            if *section < 9 && (*section == 0 || g.rng.chance(0.4)) {
                let h = format!(
                    "（{}）{}{}",
                    CN_NUM[*section],
                    g.pick(VERBS),
                    g.pick(TOPICS)
                );
                *section += 1;
                paras.push(g.bold_heading("###", &h));
            }
            let n = g.rng.int(2, 5);
            g.body_paragraph(n)
        }
        Layout::Numbered => {
            *section += 1;
            let sp = g.sp();
            let h = format!("{section}.{sp}{}{}", g.pick(VERBS), g.pick(TOPICS));
            paras.push(g.bold_heading("####", &h));
            let n = g.rng.int(2, 4);
            g.body_paragraph(n)
        }
        Layout::BoldLeads => {
            let lead = format!(
                "{}是{}{}",
                CN_NUM[*section % 10],
                g.pick(VERBS),
                g.pick(TOPICS)
            );
            *section += 1;
            let n = g.rng.int(1, 4);
            format!("**{lead}**。{}", g.body_paragraph(n))
        }
    }
}
