//! Character classes and small text helpers shared by the recognisers.

/// Whether `c` is horizontal white space as it appears in extracted text:
/// ASCII space and tab, no-break space, the ideographic space and the other
/// Unicode spaces.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{2000}'
            ..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{feff}'
    )
}

/// Whether `c` is a "wide" character: CJK ideographs, kana, hangul, CJK and
/// full-width punctuation, and the quotes, dashes and dots Chinese text uses.
/// A space next to a wide character is an extraction artefact.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{00b7}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        | '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{2fff}' | '\u{3001}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe10}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}' | '\u{20000}'..='\u{3fffd}')
}

/// Whether `c` is a CJK ideograph (the letters of Chinese names and words).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3fffd}')
}

/// The value of a half- or full-width decimal digit.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Replaces full-width digits by ASCII ones: `２０２５` → `2025`.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match digit(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        })
        .collect()
}

/// Closing quotes and brackets, transparent when asking how a text ends.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '〕' | '"' | '\'' | '*'
    )
}

/// Whether a paragraph's text ends a sentence (so a following paragraph is
/// not its continuation after a page break). Closing quotes are looked
/// through: `…支持。”` ends a sentence, `…制订了《上` does not.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let last = s.chars().rev().find(|&c| !is_space(c) && !is_closing(c));
    matches!(
        last,
        Some('。' | '！' | '？' | '；' | '：' | '.' | '!' | '?' | ';' | ':' | '…' | '．')
    )
}

/// Tracks nesting of quotes and brackets so that punctuation inside
/// `“做好科技金融大文章，提高…”` is not taken for a clause end.
#[derive(Default)]
pub(crate) struct Nesting {
    depth: u32,
}

impl Nesting {
    /// Feeds one character; returns whether it stands outside any quote.
    pub(crate) fn outside(&mut self, c: char) -> bool {
        match c {
            '“' | '‘' | '《' | '「' | '『' | '（' | '(' | '【' => {
                self.depth += 1;
                false
            }
            '”' | '’' | '》' | '」' | '』' | '）' | ')' | '】' => {
                self.depth = self.depth.saturating_sub(1);
                false
            }
            _ => self.depth == 0,
        }
    }
}

/// Punctuation that ends a clause.
pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
    )
}

/// Byte length of the first clause of `s`: up to the first `，。；：！？`
/// outside quotes and brackets (the whole text when there is none).
///
/// `积极开展“非共识”选题机制探索实践。《中共…` → `积极开展“非共识”选题机制探索实践`
pub(crate) fn first_clause_len(s: &str) -> usize {
    let mut nesting = Nesting::default();
    for (i, c) in s.char_indices() {
        if nesting.outside(c) && is_clause_end(c) {
            return i;
        }
    }
    s.len()
}

/// Trims spaces and trailing clause punctuation: `深化改革。` → `深化改革`.
pub(crate) fn trim_clause(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(c) || c.is_whitespace())
        .trim_end_matches(|c: char| is_clause_end(c) || c == '、' || is_space(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("推广。"));
        assert!(ends_sentence("“支持。”"));
        assert!(ends_sentence("答复如下："));
        assert!(!ends_sentence("宝山区已与长三"));
        assert!(!ends_sentence("制订了《上"));
        assert!(!ends_sentence("**二是支持高校专**"));
    }

    #[test]
    fn clauses_respect_quotes() {
        let s = "关于“做好大文章，提高水平”的建议，其他";
        assert_eq!(
            &s[..first_clause_len(s)],
            "关于“做好大文章，提高水平”的建议"
        );
        assert_eq!(trim_clause(" 深化改革。 "), "深化改革");
    }

    #[test]
    fn digits_and_widths() {
        assert_eq!(ascii_digits("２０２５年"), "2025年");
        assert!(is_wide('年') && is_wide('“') && is_wide('·') && !is_wide('A'));
        assert!(is_ideograph('晟') && !is_ideograph('，'));
    }
}
