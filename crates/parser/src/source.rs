//! Source lines and positions: the decoded text cut into non-blank lines,
//! each with its byte offset, and byte offsets turned into line/column for
//! warnings. `\n`, `\r\n` and a lone `\r` all end a line.

use crate::model::Warning;
use crate::text::is_space;

/// One non-blank source line, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the source.
    pub start: usize,
}

impl Line<'_> {
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Byte ranges of all lines (line terminators excluded).
///
/// `"a\r\nb\rc\n"` → `a`, `b`, `c`
fn raw_lines(src: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = src.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > bytes.len()
            || (pos == bytes.len() && pos > 0 && matches!(bytes[pos - 1], b'\n' | b'\r'))
        {
            return None;
        }
        let start = pos;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
            end += 1;
        }
        pos = end + 1;
        if end + 1 < bytes.len() && bytes[end] == b'\r' && bytes[end + 1] == b'\n' {
            pos += 1;
        }
        Some((start, end))
    })
}

/// The non-blank lines of `src`, each trimmed.
pub(crate) fn lines(src: &str) -> Vec<Line<'_>> {
    raw_lines(src)
        .filter_map(|(start, end)| {
            let raw = &src[start..end];
            let text = raw.trim_start_matches(|c: char| is_space(c) || c.is_whitespace());
            let lead = raw.len() - text.len();
            let text = text.trim_end_matches(|c: char| is_space(c) || c.is_whitespace());
            (!text.is_empty()).then_some(Line {
                text,
                start: start + lead,
            })
        })
        .collect()
}

/// A warning before its place is known as line and column.
pub(crate) struct Note {
    pub offset: usize,
    pub reason: String,
    pub rule: &'static str,
}

impl Note {
    pub(crate) fn new(offset: usize, reason: String, rule: &'static str) -> Self {
        Note {
            offset,
            reason,
            rule,
        }
    }
}

/// Turns byte offsets into 1-based line and column (in characters).
pub(crate) struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        LineIndex {
            src,
            starts: raw_lines(src).map(|(s, _)| s).collect(),
        }
    }

    /// Line and column of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self.src.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line as u32, column as u32)
    }

    pub(crate) fn warning(&self, note: Note) -> Warning {
        let (line, column) = self.position(note.offset);
        Warning {
            line,
            column,
            reason: note.reason,
            rule: note.rule.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let src = "a\r\n\r\n  b \rc\n";
        let got: Vec<_> = lines(src).iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(got, [("a", 0), ("b", 7), ("c", 10)]);
    }

    #[test]
    fn positions() {
        let src = "一二\r\n三四\rx";
        let index = LineIndex::new(src);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (1, 2));
        assert_eq!(index.position(8), (2, 1));
        assert_eq!(index.position(src.len() - 1), (3, 1));
        assert_eq!(LineIndex::new("").position(0), (1, 1));
    }
}
