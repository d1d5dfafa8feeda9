//! The embedded corpus: in the browser the list index alone (bodies and the
//! search index come as corpus files, see [`crate::web::parts`]); natively,
//! every reply whole, for tests and the prerendered start page.

use dafu_bundle::split::ListIndex;
use dafu_bundle::DecodeError;

use crate::model::corpus::Corpus;

static LIST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/list.bin"));

/// The list index, decoded once at start-up.
pub fn list() -> Result<ListIndex, DecodeError> {
    ListIndex::decode(LIST)
}

/// The corpus as the browser starts with it: the list, no body yet.
pub fn corpus() -> Result<Corpus, DecodeError> {
    list().map(Corpus::from_list)
}

/// Every reply whole, for tests.
#[cfg(test)]
pub fn load() -> Result<dafu_bundle::Bundle, DecodeError> {
    static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
    dafu_bundle::Bundle::decode(CORPUS)
}

/// The corpus files the build wrote (`corpus/c0.js` …), as the browser gets
/// them: for tests that load them as the app does.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn site_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("OUT_DIR")).join("site")
}
