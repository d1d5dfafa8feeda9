//! Stable keys of the model's enums: the one table per enum that the web
//! app (URLs, CSS classes, `data-*` hooks) and the CLI (JSON and CSV
//! values) share. A key never changes once published; new variants add
//! new keys.

use crate::model::{Encoding, FigureKind, Qualifier, ReplyKind, ResultClass, Section};

/// Gives an enum `ALL` (every variant, in display order), `key()` and
/// `from_key()` from one table of `Variant => "key"`.
macro_rules! keyed {
    ($ty:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in display order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stable key (JSON, CSV, URLs, CSS classes).
            pub fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key),+
                }
            }

            /// The variant with this key.
            pub fn from_key(key: &str) -> Option<$ty> {
                match key {
                    $($key => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

keyed!(ReplyKind {
    Proposal => "proposal",
    Suggestion => "suggestion",
});

keyed!(ResultClass {
    A => "A",
    B => "B",
    C => "C",
    D => "D",
});

keyed!(FigureKind {
    Money => "money",
    Count => "count",
    Percent => "percent",
    Multiple => "multiple",
    Other => "other",
});

keyed!(Qualifier {
    Exact => "exact",
    MoreThan => "more_than",
    AtLeast => "at_least",
    Nearly => "nearly",
    Approximately => "approximately",
    AtMost => "at_most",
});

keyed!(Section {
    Opening => "opening",
    Body => "body",
    NextSteps => "next_steps",
    Closing => "closing",
});

keyed!(Encoding {
    Utf8 => "utf8",
    Utf8Bom => "utf8_bom",
    Gb18030 => "gb18030",
    Lossy => "lossy",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        key: fn(T) -> &'static str,
        from: fn(&str) -> Option<T>,
    ) {
        let mut keys: Vec<&str> = all.iter().map(|v| key(*v)).collect();
        for v in all {
            assert_eq!(from(key(*v)), Some(*v));
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len(), "keys are unique");
        assert_eq!(from("no such key"), None);
    }

    #[test]
    fn every_key_round_trips_and_is_unique() {
        round_trips(ReplyKind::ALL, ReplyKind::key, ReplyKind::from_key);
        round_trips(ResultClass::ALL, ResultClass::key, ResultClass::from_key);
        round_trips(FigureKind::ALL, FigureKind::key, FigureKind::from_key);
        round_trips(Qualifier::ALL, Qualifier::key, Qualifier::from_key);
        round_trips(Section::ALL, Section::key, Section::from_key);
        round_trips(Encoding::ALL, Encoding::key, Encoding::from_key);
    }

    #[test]
    fn published_keys_stay_as_they_are() {
        assert_eq!(ReplyKind::Proposal.key(), "proposal");
        assert_eq!(ResultClass::C.key(), "C");
        assert_eq!(FigureKind::Percent.key(), "percent");
        assert_eq!(Qualifier::MoreThan.key(), "more_than");
        assert_eq!(Section::NextSteps.key(), "next_steps");
        assert_eq!(Encoding::Utf8Bom.key(), "utf8_bom");
        assert_eq!(ReplyKind::ALL, [ReplyKind::Proposal, ReplyKind::Suggestion]);
    }
}
