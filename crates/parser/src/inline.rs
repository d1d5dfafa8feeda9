//! Inline repair of one block's raw text: `**bold**` runs become spans,
//! stray spaces around Chinese text are dropped, markdown heading marks and
//! rules are recognised.

use crate::model::Span;
use crate::text::{is_space, is_wide};

/// A markdown ATX heading: its level and the text after the `#` marks.
///
/// `## **一、主要工作开展情况**` → `(2, "**一、主要工作开展情况**")`
pub(crate) fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    match rest.chars().next() {
        None => Some((hashes as u8, "")),
        Some(c) if is_space(c) => Some((
            hashes as u8,
            rest.trim_start_matches(is_space)
                .trim_end_matches('#')
                .trim_end_matches(is_space),
        )),
        Some(_) => None,
    }
}

/// A thematic break: `---`, `***`, `___` (three or more, spaces allowed).
pub(crate) fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|&c| !is_space(c));
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '—')
        && line.chars().filter(|&c| !is_space(c)).count() >= 3
        && marks.all(|c| c == first)
}

/// Byte offsets of the `**` markers that pair up (an odd last one stays
/// literal text).
fn bold_markers(raw: &str) -> Vec<usize> {
    let bytes = raw.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'*' && bytes[i + 1] == b'*' {
            found.push(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    if found.len() % 2 == 1 {
        found.pop();
    }
    found
}

/// Repairs raw text: removes paired `**` markers and records the bold runs,
/// drops spaces next to a wide (Chinese) character, collapses other runs of
/// spaces to one, trims the ends.
///
/// `结合建议，**一是** 推动 PEEK 单丝 12 项` → `结合建议，一是推动PEEK单丝12项`
/// with bold `[15, 21)`; `MBA/MPA 学生` → `MBA/MPA学生`; `a  b` → `a b`.
pub(crate) fn repair(raw: &str) -> (String, Vec<Span>) {
    let markers = bold_markers(raw);
    let mut next_marker = markers.iter().copied().peekable();
    let mut out = String::with_capacity(raw.len());
    let mut bold = Vec::new();
    // Where the open bold run starts; `None` while its first character is
    // still to come (spaces after `**` belong outside the run).
    let mut open: Option<Option<usize>> = None;
    let mut pending_space = false;
    let mut last: Option<char> = None;
    // Start of the run of ordinary characters not yet copied to `out`.
    let mut run: Option<usize> = None;
    let mut chars = raw.char_indices();
    while let Some((i, c)) = chars.next() {
        let marker = next_marker.peek() == Some(&i);
        if marker || is_space(c) || c.is_whitespace() {
            if let Some(start) = run.take() {
                out.push_str(&raw[start..i]);
            }
            if marker {
                next_marker.next();
                chars.next();
                open = match open {
                    None => Some(None),
                    Some(start) => {
                        if let Some(start) = start.filter(|&s| out.len() > s) {
                            bold.push(Span::new(start, out.len()));
                        }
                        None
                    }
                };
            } else {
                pending_space = last.is_some();
            }
            continue;
        }
        if run.is_none() {
            if pending_space {
                if last.is_some_and(|l| !is_wide(l)) && !is_wide(c) {
                    out.push(' ');
                }
                pending_space = false;
            }
            if open == Some(None) {
                open = Some(Some(out.len()));
            }
            run = Some(i);
        }
        last = Some(c);
    }
    if let Some(start) = run {
        out.push_str(&raw[start..]);
    }
    (out, bold)
}

/// Repaired text of a single line, markdown heading marks removed: what the
/// metadata recognisers read. `## 对市政协 第 1168 号提案的答复` →
/// `对市政协第1168号提案的答复`.
pub(crate) fn plain(line: &str) -> String {
    let text = atx_heading(line).map_or(line, |(_, rest)| rest);
    repair(text).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_runs_and_spaces() {
        let (text, bold) = repair("结合建议，**一是** 推动 PEEK 单丝 12 项");
        assert_eq!(text, "结合建议，一是推动PEEK单丝12项");
        assert_eq!(bold, [Span::new(15, 21)]);
        assert_eq!(&text[bold[0].range()], "一是");
    }

    #[test]
    fn spaces_between_latin_words_stay() {
        assert_eq!(repair("MBA/MPA 学生").0, "MBA/MPA学生");
        assert_eq!(repair("InnoMatch 全球").0, "InnoMatch全球");
        assert_eq!(repair("  a   b\u{3000}c  ").0, "a b c");
        assert_eq!(repair("2024 年 12 月").0, "2024年12月");
        assert_eq!(repair("蓝 晟").0, "蓝晟");
        assert_eq!(repair("主动公开 · 全文").0, "主动公开·全文");
        assert_eq!(repair("近 80% 高转").0, "近80%高转");
    }

    #[test]
    fn unpaired_and_empty_markers() {
        assert_eq!(repair("a**b").0, "a**b");
        assert_eq!(
            repair("**a** **b"),
            ("a **b".to_string(), vec![Span::new(0, 1)])
        );
        assert_eq!(repair("x****y"), ("xy".to_string(), vec![]));
        assert_eq!(repair("**一是** 推动").1, [Span::new(0, 6)]);
    }

    #[test]
    fn headings_and_rules() {
        assert_eq!(atx_heading("## **一、情况**"), Some((2, "**一、情况**")));
        assert_eq!(atx_heading("#标签"), None);
        assert_eq!(atx_heading("####### x"), None);
        assert!(is_rule("---") && is_rule("* * *") && !is_rule("--") && !is_rule("-a-"));
        assert_eq!(
            plain("## 对市政协 第 1168 号提案的答复"),
            "对市政协第1168号提案的答复"
        );
    }
}
