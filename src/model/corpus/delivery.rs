//! Corpus files arriving: chunks of bodies, shards of the search index and
//! the cross-references go into the corpus (shared by every corpus made
//! from it), each checked against the list it belongs to.

use dafu_bundle::split::Chunk;
use std::rc::Rc;

use super::{Body, Corpus};

impl Corpus {
    /// Puts the bodies of a chunk in place. Refuses a chunk of another build
    /// or one that does not hold what the list index says.
    pub fn deliver_chunk(&self, chunk: Chunk) -> Result<(), String> {
        if chunk.fingerprint != self.fingerprint {
            return Err("the file belongs to another build of the corpus".into());
        }
        let Some(members) = self.chunks.get(chunk.id as usize) else {
            return Err(format!("no chunk {} in this corpus", chunk.id));
        };
        if members.len() != chunk.replies.len() {
            return Err(format!(
                "chunk {} holds {} replies, the list expects {}",
                chunk.id,
                chunk.replies.len(),
                members.len()
            ));
        }
        if chunk.leads.len() != chunk.replies.len() {
            return Err(format!("chunk {} does not match the list", chunk.id));
        }
        for ((&i, reply), leads) in members.iter().zip(chunk.replies).zip(chunk.leads) {
            let entry = &self.entries[i];
            if dafu_bundle::split::list_meta(&reply.meta) != entry.meta
                || leads.len() != reply.commitments.len()
            {
                return Err(format!("chunk {} does not match the list", chunk.id));
            }
            // Delivered twice: the first stays.
            let _ = entry.body.set(Rc::new(Body::new(reply, leads)));
        }
        Ok(())
    }

    /// How many chunks the bodies come in.
    pub fn chunk_count(&self) -> u32 {
        self.chunks.len() as u32
    }

    /// The chunks whose bodies have not arrived yet.
    pub fn chunks_missing(&self) -> Vec<u32> {
        self.chunks
            .iter()
            .enumerate()
            .filter(|(_, members)| members.iter().any(|&i| self.entries[i].body().is_none()))
            .map(|(c, _)| c as u32)
            .collect()
    }

    /// Takes in a shard of the search index.
    pub fn deliver_shard(&self, bytes: Vec<u8>) -> Result<u32, String> {
        self.shards.borrow_mut().deliver(bytes)
    }

    /// Takes in the bundled replies' cross-references.
    pub fn deliver_xrefs(&self, xrefs: dafu_bundle::split::Xrefs) -> Result<(), String> {
        if xrefs.fingerprint != self.fingerprint {
            return Err("the file belongs to another build of the corpus".into());
        }
        let n = self.entries.len();
        if xrefs.terms.iter().flat_map(|t| &t.replies).any(|&r| r >= n) {
            return Err("the cross-references name replies the list does not have".into());
        }
        let _ = self.bundled_xrefs.set(xrefs.terms);
        Ok(())
    }
}
