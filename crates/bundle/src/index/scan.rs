//! The search the index answers, done the slow way: by scanning the texts.
//! It is the definition the index is tested against (its tests, the CLI's
//! test on synthetic replies, the benchmark example).

use super::{DocHit, IndexInput};
use crate::text::normalize;

/// A document whose texts it owns (for tests and tools that make them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnedInput {
    pub title: String,
    pub people: Vec<String>,
    pub body: Vec<String>,
}

impl OwnedInput {
    pub fn input(&self) -> IndexInput<'_> {
        IndexInput {
            title: &self.title,
            people: self.people.iter().map(String::as_str).collect(),
            body: self.body.iter().map(String::as_str).collect(),
        }
    }
}

/// Title, people and body in normal form, the parts of each joined with
/// '\u{1}', as the app's search documents are.
pub fn texts(input: &IndexInput<'_>) -> [String; 3] {
    let join = |parts: &[&str]| {
        parts
            .iter()
            .map(|p| normalize(p))
            .collect::<Vec<_>>()
            .join("\u{1}")
    };
    [normalize(input.title), join(&input.people), join(&input.body)]
}

/// Every document whose texts hold every term, with its score, in document
/// order: what [`super::search`] returns. `str::match_indices` counts left
/// to right without overlap, as the app's `memmem::find_iter` does.
pub fn scan(texts: &[[String; 3]], terms: &[String]) -> Vec<DocHit> {
    let mut out = Vec::new();
    'docs: for (doc, [title, people, body]) in texts.iter().enumerate() {
        let mut score = 0;
        for t in terms.iter().filter(|t| !t.is_empty()) {
            let in_title = title.contains(t.as_str());
            let in_people = people.contains(t.as_str());
            let in_body = body.match_indices(t.as_str()).take(99).count() as u32;
            if !in_title && !in_people && in_body == 0 {
                continue 'docs;
            }
            score += 10_000 * u32::from(in_title) + 100 * u32::from(in_people) + in_body;
        }
        out.push(DocHit {
            doc: doc as u32,
            score,
        });
    }
    out
}
