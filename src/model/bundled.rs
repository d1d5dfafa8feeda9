//! The embedded corpus, decoded once at start-up.

use dafu_bundle::{Bundle, DecodeError};

static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

pub fn load() -> Result<Bundle, DecodeError> {
    Bundle::decode(CORPUS)
}
