//! Reply bodies on demand: a view asks for the bodies it shows, and renders
//! again when they arrive (or fail to).

use std::rc::Rc;

use dafu_bundle::split::Part;
use yew::prelude::*;

use crate::model::corpus::Body;
use crate::state::use_app;

/// A reply's body as a view sees it.
#[derive(Clone, PartialEq)]
pub enum BodyState {
    Ready(Rc<Body>),
    Loading,
    /// Its chunk could not be loaded or read: why.
    Failed(String),
}

/// The body of reply `index`, asking for its chunk when it is not here.
#[hook]
pub fn use_body(index: usize) -> BodyState {
    let app = use_app();
    let entry = app.corpus.entries.get(index).cloned();
    let state = match &entry {
        None => BodyState::Failed(String::new()),
        Some(e) => match (e.body(), e.chunk) {
            (Some(body), _) => BodyState::Ready(body.clone()),
            (None, Some(chunk)) => match app.part_errors.get(&(Part::Chunk, chunk)) {
                Some(why) => BodyState::Failed(why.clone()),
                None => BodyState::Loading,
            },
            (None, None) => BodyState::Failed(String::new()),
        },
    };
    let wanted = matches!(state, BodyState::Loading)
        .then(|| entry.and_then(|e| e.chunk))
        .flatten();
    use_effect_with(wanted, |chunk| {
        if let Some(chunk) = *chunk {
            crate::web::parts::request_first(Part::Chunk, chunk);
        }
    });
    state
}

/// Every body, for the views that go through all of them (commitments,
/// figures): `None` once all are here, else how many chunks of how many
/// have arrived, and the failures.
#[hook]
pub fn use_all_bodies() -> Option<Loading> {
    let app = use_app();
    let missing = use_memo((app.bodies_rev, app.imports_rev), {
        let corpus = app.corpus.clone();
        move |_| corpus.chunks_missing()
    });
    let failed: Vec<String> = app
        .part_errors
        .iter()
        .filter(|((part, _), _)| *part == Part::Chunk)
        .map(|(_, why)| why.clone())
        .collect();
    {
        // Asked for once, and again after a failure: not on every arrival,
        // which would go through thousands of chunks each frame.
        let missing = missing.clone();
        use_effect_with(app.part_errors.len(), move |_| {
            for &chunk in missing.iter() {
                crate::web::parts::request(Part::Chunk, chunk);
            }
        });
    }
    (!missing.is_empty()).then(|| Loading {
        have: app.corpus.chunk_count() as usize - missing.len(),
        of: app.corpus.chunk_count() as usize,
        failed,
    })
}

/// Chunks still on their way.
#[derive(Clone, PartialEq)]
pub struct Loading {
    pub have: usize,
    pub of: usize,
    pub failed: Vec<String>,
}
