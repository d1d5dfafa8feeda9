//! Splits a block's text into typed runs for rendering: figures as atomic
//! pieces, and inside and between them runs that are bold, search hits,
//! both or neither. Built from sorted span boundaries, so overlapping bold
//! runs, figures and hits never produce broken markup.

use std::ops::Range;

/// A stretch of text with uniform styling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    pub bold: bool,
    pub hit: bool,
}

/// A top-level piece of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(Vec<Run>),
    /// A figure; `figure` is the caller's figure index.
    Figure {
        figure: usize,
        range: Range<usize>,
        runs: Vec<Run>,
    },
}

fn valid(text: &str, r: &Range<usize>) -> bool {
    r.start < r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// The pieces of `text`. Figures that overlap an earlier one, or whose range
/// is not valid in `text`, are left out (rendered as plain text).
pub fn pieces(
    text: &str,
    bold: &[Range<usize>],
    hits: &[Range<usize>],
    figures: &[(usize, Range<usize>)],
) -> Vec<Piece> {
    let mut figs: Vec<&(usize, Range<usize>)> =
        figures.iter().filter(|(_, r)| valid(text, r)).collect();
    figs.sort_by_key(|(_, r)| (r.start, r.end));
    let bold: Vec<&Range<usize>> = bold.iter().filter(|r| valid(text, r)).collect();
    let hits: Vec<&Range<usize>> = hits.iter().filter(|r| valid(text, r)).collect();
    let runs = |range: Range<usize>| -> Vec<Run> {
        let mut cuts = vec![range.start, range.end];
        for r in bold.iter().chain(hits.iter()) {
            for at in [r.start, r.end] {
                if range.start < at && at < range.end {
                    cuts.push(at);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .map(|w| Run {
                range: w[0]..w[1],
                bold: bold.iter().any(|b| b.start <= w[0] && w[1] <= b.end),
                hit: hits.iter().any(|h| h.start <= w[0] && w[1] <= h.end),
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut cursor = 0;
    for (figure, range) in figs {
        if range.start < cursor {
            continue;
        }
        if range.start > cursor {
            out.push(Piece::Text(runs(cursor..range.start)));
        }
        out.push(Piece::Figure {
            figure: *figure,
            range: range.clone(),
            runs: runs(range.clone()),
        });
        cursor = range.end;
    }
    if cursor < text.len() || out.is_empty() {
        out.push(Piece::Text(runs(cursor..text.len())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, pieces: &[Piece]) -> String {
        let run = |r: &Run| {
            let t = &text[r.range.clone()];
            match (r.bold, r.hit) {
                (true, true) => format!("<b><m>{t}</m></b>"),
                (true, false) => format!("<b>{t}</b>"),
                (false, true) => format!("<m>{t}</m>"),
                _ => t.to_owned(),
            }
        };
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(runs) => runs.iter().map(run).collect::<String>(),
                Piece::Figure { figure, runs, .. } => {
                    format!("[{figure}:{}]", runs.iter().map(run).collect::<String>())
                }
            })
            .collect()
    }

    #[test]
    fn figures_bold_and_hits_nest() {
        let text = "一是转化金额超21亿元，孵化公司166家。";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        let p = pieces(
            text,
            &[at("一是转化金额超21")],
            &[at("21亿元，孵化")],
            &[(0, at("超21亿元")), (1, at("166家"))],
        );
        assert_eq!(
            show(text, &p),
            "<b>一是转化金额</b>[0:<b>超</b><b><m>21</m></b><m>亿元</m>]<m>，孵化</m>公司[1:166家]。"
        );
    }

    #[test]
    fn bad_and_overlapping_figures_become_text() {
        let text = "超21亿元";
        let p = pieces(
            text,
            &[],
            &[],
            &[(0, 0..4), (1, 2..6), (2, 1..2), (3, 0..99)],
        );
        assert_eq!(show(text, &p), "[0:超2]1亿元");
        assert_eq!(pieces("", &[], &[], &[]), vec![Piece::Text(vec![])]);
    }
}
