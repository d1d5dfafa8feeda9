//! Stable commitment ids: `c-` and 12 hex digits of the FNV-1a 64 hash of
//! the reply's key (document number, else title) and the item's normalised
//! heading. FNV-1a is written out here because std's hasher may change
//! between Rust versions, and saved statuses must keep their item.

use std::collections::HashMap;

use crate::text::digit;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(FNV_OFFSET, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// Letters and digits only, digits half-width, ASCII lower-case: headings
/// that differ in punctuation or spacing get one id.
fn normalise(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| digit(c).map_or(c.to_ascii_lowercase(), |d| char::from(b'0' + d as u8)))
        .collect()
}

/// Hands out ids for one reply, suffixing repeats: `c-…`, `c-…-2`.
pub(super) struct Ids<'a> {
    key: &'a str,
    seen: HashMap<String, u32>,
}

impl<'a> Ids<'a> {
    pub(super) fn new(key: &'a str) -> Self {
        Ids {
            key,
            seen: HashMap::new(),
        }
    }

    pub(super) fn next(&mut self, heading: &str) -> String {
        let key = self
            .key
            .bytes()
            .chain([0x1f])
            .chain(normalise(heading).into_bytes());
        let base = format!("c-{:012x}", fnv1a(key) >> 16);
        let count = self.seen.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(*b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let mut ids = Ids::new("沪科提复〔2025〕58号");
        let a = ids.next("深化改革。");
        assert_eq!(a.len(), 14);
        assert_eq!(ids.next("深化 改革"), format!("{a}-2"));
        assert_eq!(Ids::new("沪科提复〔2025〕58号").next("深化改革"), a);
        assert_ne!(Ids::new("沪科提复〔2025〕59号").next("深化改革"), a);
    }
}
