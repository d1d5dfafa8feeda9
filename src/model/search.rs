//! Substring search, precomputed once per reply.
//!
//! Works for Chinese without word segmentation: a query is split at spaces
//! into terms, and a reply matches when every term occurs somewhere in its
//! title, proposers, document number or body. Both sides are normalised the
//! same way ([`normalize_char`]): full-width ASCII becomes half-width, Latin
//! is lowercased and whitespace is dropped, so `ＡＩ`, `ai` and `A I` all
//! find "AI", and "74亿元" finds "74 亿元".
//!
//! Pure Rust, no browser APIs: tested natively.

use std::ops::Range;

pub use dafu_bundle::text::{normalize, normalize_char};

/// A text in normal form, remembering where each character came from so
/// that matches can be highlighted in the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NormText {
    pub text: String,
    /// Per character of `text`: (byte offset in `text`, original byte range).
    origin: Vec<(u32, u32, u32)>,
}

impl NormText {
    pub fn new(original: &str) -> NormText {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() / 2);
        for (at, c) in original.char_indices() {
            if let Some(n) = normalize_char(c) {
                origin.push((text.len() as u32, at as u32, (at + c.len_utf8()) as u32));
                text.push(n);
            }
        }
        NormText { text, origin }
    }

    /// Ranges of the original text where `term` (already normalised) occurs.
    pub fn find(&self, term: &str) -> Vec<Range<usize>> {
        if term.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(term)
            .filter_map(|(at, m)| self.original(at..at + m.len()))
            .collect()
    }

    fn original(&self, norm: Range<usize>) -> Option<Range<usize>> {
        let first = self
            .origin
            .binary_search_by_key(&(norm.start as u32), |o| o.0)
            .ok()?;
        let last = match self
            .origin
            .binary_search_by_key(&(norm.end as u32), |o| o.0)
        {
            Ok(i) => i.checked_sub(1)?,
            Err(_) => self.origin.len().checked_sub(1)?,
        };
        Some(self.origin[first].1 as usize..self.origin[last].2 as usize)
    }
}

/// A parsed search: normalised terms, all of which must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<String>,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let mut terms: Vec<String> = Vec::new();
        for term in raw
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .map(normalize)
        {
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether everything this query finds is also found by `previous`
    /// (each of its terms lies inside one of ours), so that a search may
    /// look only among what `previous` found — typing one more character.
    pub fn narrows(&self, previous: &Query) -> bool {
        previous
            .terms
            .iter()
            .all(|p| self.terms.iter().any(|t| t.contains(p.as_str())))
    }

    /// Where the terms occur in `text`, sorted and merged.
    pub fn hits(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let norm = NormText::new(text);
        let ranges = self.terms.iter().flat_map(|t| norm.find(t)).collect();
        merge(ranges)
    }
}

/// Sorts ranges and merges the overlapping ones.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// What one reply offers to the search, in normal form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub title: String,
    /// Proposers, document number, session and proposal number.
    pub people: String,
    /// Every body block, separated by a character no term contains.
    pub body: String,
    /// Where each block starts in `body`.
    body_starts: Vec<u32>,
}

/// How a document matches a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Relevance (see [`Document::score`]).
    pub score: u32,
    /// The body block with the earliest occurrence of any term, if the body
    /// has one: where the result list takes its snippet from.
    pub block: Option<usize>,
}

impl Document {
    pub fn new<'a>(
        title: &str,
        people: impl IntoIterator<Item = &'a str>,
        body: impl IntoIterator<Item = &'a str>,
    ) -> Document {
        let join = |parts: &mut dyn Iterator<Item = &'a str>, starts: &mut Vec<u32>| {
            let mut out = String::new();
            for (i, part) in parts.enumerate() {
                if i > 0 {
                    out.push('\u{1}');
                }
                starts.push(out.len() as u32);
                out.extend(part.chars().filter_map(normalize_char));
            }
            out
        };
        let mut body_starts = Vec::new();
        Document {
            title: normalize(title),
            people: join(&mut people.into_iter(), &mut Vec::new()),
            body: join(&mut body.into_iter(), &mut body_starts),
            body_starts,
        }
    }

    /// `None` when a term is missing; else the relevance: a title hit weighs
    /// more than a proposer or document number hit, which weighs more than
    /// any number of body hits.
    #[cfg(test)]
    pub fn score(&self, query: &Query) -> Option<u32> {
        self.hit(&Matcher::new(query)).map(|h| h.score)
    }

    /// Whether and how the document matches, with the query's searchers
    /// built once for many documents.
    pub fn hit(&self, matcher: &Matcher) -> Option<Hit> {
        let mut score = 0;
        let mut first: Option<usize> = None;
        for finder in &matcher.finders {
            let in_title = finder.find(self.title.as_bytes()).is_some();
            let in_people = finder.find(self.people.as_bytes()).is_some();
            let mut hits = finder.find_iter(self.body.as_bytes()).take(99).peekable();
            if let Some(&at) = hits.peek() {
                first = Some(first.map_or(at, |f| f.min(at)));
            }
            let in_body = hits.count() as u32;
            if !in_title && !in_people && in_body == 0 {
                return None;
            }
            score += 10_000 * u32::from(in_title) + 100 * u32::from(in_people) + in_body;
        }
        let block = first.map(|at| {
            self.body_starts
                .partition_point(|&s| s as usize <= at)
                .saturating_sub(1)
        });
        Some(Hit { score, block })
    }
}

/// A query compiled for fast substring search over many documents.
pub struct Matcher {
    finders: Vec<memchr::memmem::Finder<'static>>,
}

impl Matcher {
    pub fn new(query: &Query) -> Matcher {
        Matcher {
            finders: query
                .terms
                .iter()
                .map(|t| memchr::memmem::Finder::new(t.as_bytes()).into_owned())
                .collect(),
        }
    }
}

/// A short excerpt around the first hit of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Hits as byte ranges of `text`.
    pub hits: Vec<Range<usize>>,
    /// Whether text was cut before / after the excerpt.
    pub cut_start: bool,
    pub cut_end: bool,
}

/// An excerpt of `text` from `before` characters ahead of the first hit,
/// `width` characters long; `None` when nothing matches.
pub fn snippet(text: &str, query: &Query, before: usize, width: usize) -> Option<Snippet> {
    let hits = query.hits(text);
    let first = hits.first()?.start;
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let hit_char = starts.partition_point(|&i| i < first);
    let from_char = hit_char.saturating_sub(before);
    let to_char = (from_char + width).min(starts.len());
    let from = starts[from_char];
    let to = starts.get(to_char).copied().unwrap_or(text.len());
    let hits = hits
        .into_iter()
        .filter(|h| h.start < to && h.end > from)
        .map(|h| h.start.max(from) - from..h.end.min(to) - from)
        .collect();
    Some(Snippet {
        text: text[from..to].to_owned(),
        hits,
        cut_start: from > 0,
        cut_end: to < text.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_width_case_and_spaces() {
        assert_eq!(normalize("ＡＩ 大模型　２０２４ 年"), "ai大模型2024年");
        assert_eq!(normalize("PEEK 单丝"), "peek单丝");
        assert_eq!(Query::parse("  孵化  ＡＩ 孵化 ").terms, vec!["孵化", "ai"]);
        assert!(Query::parse(" \u{3000} ").is_empty());
    }

    #[test]
    fn finds_matches_in_the_original_text() {
        let text = "吸纳投资额超 74 亿元，ＡＩ企业";
        let q = Query::parse("74亿元 ai");
        let hits = q.hits(text);
        let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["74 亿元", "ＡＩ"]);
    }

    #[test]
    fn merges_overlapping_hits() {
        let text = "孵化器孵化";
        let hits = Query::parse("孵化 化器").hits(text);
        let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["孵化器孵化"]);
        assert_eq!(merge(vec![5..6, 0..2, 1..3]), vec![0..3, 5..6]);
    }

    #[test]
    fn every_term_must_match_and_title_weighs_most() {
        let a = Document::new(
            "关于孵化器的提案",
            ["成键", "沪科提复〔2025〕58号"],
            ["孵化器建设", "基金"],
        );
        let b = Document::new("关于人工智能", ["谢吉华"], ["孵化", "孵化", "孵化"]);
        let q = Query::parse("孵化");
        assert!(a.score(&q).unwrap() > b.score(&q).unwrap());
        assert_eq!(b.score(&q), Some(3));
        assert_eq!(a.score(&Query::parse("孵化 人工智能")), None);
        assert!(a.score(&Query::parse("成键")).unwrap() > b.score(&Query::parse("孵化")).unwrap());
        assert!(a.score(&Query::parse("58号")).is_some());
        assert_eq!(a.score(&Query::default()), Some(0));
    }

    #[test]
    fn the_hit_names_the_block_of_the_earliest_occurrence() {
        let d = Document::new("孵化", [], ["上海 基金", "", "孵化 器", "基金"]);
        let hit = |q: &str| d.hit(&Matcher::new(&Query::parse(q)));
        assert_eq!(hit("孵化器").map(|h| h.block), Some(Some(2)));
        assert_eq!(hit("孵化器 基金").map(|h| h.block), Some(Some(0)));
        assert_eq!(
            hit("孵化").map(|h| (h.score, h.block)),
            Some((10_001, Some(2)))
        );
        let title_only = Document::new("孵化", [], ["上海"]);
        let h = title_only.hit(&Matcher::new(&Query::parse("孵化")));
        assert_eq!(
            h,
            Some(Hit {
                score: 10_000,
                block: None
            })
        );
    }

    #[test]
    fn a_longer_query_narrows_the_one_it_extends() {
        let q = Query::parse;
        assert!(q("孵化器").narrows(&q("孵化")));
        assert!(q("孵化 基金").narrows(&q("孵化")));
        assert!(q("孵化").narrows(&q("")));
        assert!(!q("孵化器 金").narrows(&q("基 孵")));
        assert!(!q("孵").narrows(&q("孵化")));
        assert!(!q("基金").narrows(&q("孵化")));
    }

    #[test]
    fn terms_do_not_match_across_blocks() {
        let d = Document::new("", [], ["上海", "孵化"]);
        assert_eq!(d.score(&Query::parse("海孵")), None);
    }

    #[test]
    fn snippets_cut_around_the_first_hit() {
        let text = "一二三四五六七八九十孵化器甲乙丙丁";
        let s = snippet(text, &Query::parse("孵化"), 3, 8).unwrap();
        assert_eq!(s.text, "八九十孵化器甲乙");
        assert_eq!(&s.text[s.hits[0].clone()], "孵化");
        assert!(s.cut_start && s.cut_end);
        let whole = snippet("孵化", &Query::parse("孵化"), 10, 80).unwrap();
        assert!(!whole.cut_start && !whole.cut_end);
        assert_eq!(snippet(text, &Query::parse("没有"), 3, 8), None);
    }
}
