//! Facets of the replies list and their live counts.
//!
//! Each reply has, per facet, the set of values it carries ([`Facts`]): one
//! kind, one year, … and, for commitment statuses, every status one of its
//! commitments has. The list and the counts share one predicate,
//! [`fits`]: the count shown next to a value is the number of results the
//! list would show if that value were chosen, given the search text and the
//! other facets.
//!
//! Value keys are stable and used in URLs: kind `proposal` / `suggestion`,
//! year `2025`, session as written, result class `A`–`D` (or the result as
//! written when it has no class), commitments `yes` / `no`, status a tracker
//! status key. The empty key stands for "not stated".

use crate::model::route::Filters;

/// One dimension of the replies list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Kind,
    Year,
    Session,
    Result,
    Commitments,
    Status,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Kind,
        Facet::Year,
        Facet::Session,
        Facet::Result,
        Facet::Commitments,
        Facet::Status,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The chosen value of this facet.
    pub fn get(self, f: &Filters) -> Option<&str> {
        match self {
            Facet::Kind => f.kind.as_deref(),
            Facet::Year => f.year.as_deref(),
            Facet::Session => f.session.as_deref(),
            Facet::Result => f.result.as_deref(),
            Facet::Commitments => f.commitments.as_deref(),
            Facet::Status => f.status.as_deref(),
        }
    }

    /// The filters with this facet set to `value` (or cleared).
    pub fn with(self, f: &Filters, value: Option<String>) -> Filters {
        let mut f = f.clone();
        let slot = match self {
            Facet::Kind => &mut f.kind,
            Facet::Year => &mut f.year,
            Facet::Session => &mut f.session,
            Facet::Result => &mut f.result,
            Facet::Commitments => &mut f.commitments,
            Facet::Status => &mut f.status,
        };
        *slot = value;
        f
    }

    /// Display order of two values of this facet.
    fn order(self, a: &str, b: &str) -> std::cmp::Ordering {
        let rank = |v: &str| -> (u8, String) {
            let fixed = match (self, v) {
                (_, "") => 9,
                (Facet::Kind, "proposal") | (Facet::Commitments, "yes") => 0,
                (Facet::Kind, "suggestion") | (Facet::Commitments, "no") => 1,
                (Facet::Status, key) => {
                    crate::model::tracker::Status::from_key(key).map_or(8, |s| s.index() as u8)
                }
                _ => 5,
            };
            (fixed, v.to_owned())
        };
        match self {
            Facet::Year | Facet::Session => a.is_empty().cmp(&b.is_empty()).then(b.cmp(a)),
            _ => rank(a).cmp(&rank(b)),
        }
    }
}

/// The values one reply carries, per facet (indexed by [`Facet::index`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts(pub [Vec<String>; 6]);

impl Facts {
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.0[facet.index()]
    }
    pub fn set(&mut self, facet: Facet, values: Vec<String>) {
        self.0[facet.index()] = values;
    }
}

/// Whether a reply passes every chosen facet except `except`.
pub fn fits(filters: &Filters, facts: &Facts, except: Option<Facet>) -> bool {
    Facet::ALL
        .into_iter()
        .filter(|f| Some(*f) != except)
        .all(|facet| match facet.get(filters) {
            None => true,
            Some(want) => facts.values(facet).iter().any(|v| v == want),
        })
}

/// The values of one facet with their counts, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<(String, usize)>,
}

/// Counts for every facet over the replies that match the search text
/// (`matching`: indices into `facts`). Values present anywhere in the
/// corpus are listed, with zero when nothing would match.
pub fn counts(facts: &[Facts], matching: &[usize], filters: &Filters) -> Vec<FacetCounts> {
    Facet::ALL
        .into_iter()
        .map(|facet| {
            let mut values: Vec<(String, usize)> = Vec::new();
            for f in facts {
                for v in f.values(facet) {
                    if !values.iter().any(|(k, _)| k == v) {
                        values.push((v.clone(), 0));
                    }
                }
            }
            for &i in matching {
                if fits(filters, &facts[i], Some(facet)) {
                    for v in facts[i].values(facet) {
                        if let Some(slot) = values.iter_mut().find(|(k, _)| k == v) {
                            slot.1 += 1;
                        }
                    }
                }
            }
            values.sort_by(|a, b| facet.order(&a.0, &b.0));
            FacetCounts { facet, values }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(kind: &str, year: &str, result: &str, commitments: &str, statuses: &[&str]) -> Facts {
        let one = |s: &str| vec![s.to_owned()];
        Facts([
            one(kind),
            one(year),
            one("会议"),
            one(result),
            one(commitments),
            statuses.iter().map(|s| s.to_string()).collect(),
        ])
    }

    fn corpus() -> Vec<Facts> {
        vec![
            facts("proposal", "2025", "A", "yes", &["kept", "stalled"]),
            facts("proposal", "2023", "A", "yes", &["not_rated"]),
            facts("suggestion", "2025", "B", "no", &[]),
            facts("suggestion", "2025", "", "yes", &["kept"]),
        ]
    }

    fn count_of(c: &[FacetCounts], facet: Facet, value: &str) -> usize {
        let fc = c.iter().find(|c| c.facet == facet).unwrap();
        fc.values
            .iter()
            .find(|(k, _)| k == value)
            .map_or(usize::MAX, |v| v.1)
    }

    #[test]
    fn a_count_is_what_the_list_would_show() {
        let facts = corpus();
        let all: Vec<usize> = (0..facts.len()).collect();
        let filters = Filters {
            year: Some("2025".into()),
            ..Filters::default()
        };
        let c = counts(&facts, &all, &filters);
        for fc in &c {
            for (value, n) in &fc.values {
                let chosen = fc.facet.with(&filters, Some(value.clone()));
                let listed = all
                    .iter()
                    .filter(|&&i| fits(&chosen, &facts[i], None))
                    .count();
                assert_eq!(*n, listed, "{:?}={value}", fc.facet);
            }
        }
        assert_eq!(count_of(&c, Facet::Kind, "proposal"), 1);
        assert_eq!(
            count_of(&c, Facet::Year, "2023"),
            1,
            "a facet ignores its own choice"
        );
        assert_eq!(count_of(&c, Facet::Status, "kept"), 2);
    }

    #[test]
    fn single_valued_counts_add_up_to_the_results() {
        let facts = corpus();
        let matching = vec![0, 2, 3];
        let c = counts(&facts, &matching, &Filters::default());
        for facet in [Facet::Kind, Facet::Year, Facet::Result, Facet::Commitments] {
            let sum: usize = c[facet.index()].values.iter().map(|v| v.1).sum();
            assert_eq!(sum, matching.len(), "{facet:?}");
        }
    }

    #[test]
    fn values_keep_a_stable_order() {
        let c = counts(&corpus(), &[], &Filters::default());
        let keys = |f: Facet| {
            c[f.index()]
                .values
                .iter()
                .map(|v| v.0.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(Facet::Kind), ["proposal", "suggestion"]);
        assert_eq!(keys(Facet::Year), ["2025", "2023"]);
        assert_eq!(keys(Facet::Result), ["A", "B", ""]);
        assert_eq!(keys(Facet::Commitments), ["yes", "no"]);
        assert_eq!(keys(Facet::Status), ["not_rated", "stalled", "kept"]);
        assert!(c.iter().all(|fc| fc.values.iter().all(|v| v.1 == 0)));
    }

    #[test]
    fn choosing_and_clearing() {
        let f = Facet::Kind.with(&Filters::default(), Some("proposal".into()));
        assert_eq!(Facet::Kind.get(&f), Some("proposal"));
        assert!(fits(&f, &corpus()[0], None));
        assert!(!fits(&f, &corpus()[2], None));
        assert!(fits(&f, &corpus()[2], Some(Facet::Kind)));
        assert_eq!(Facet::Kind.with(&f, None), Filters::default());
    }
}
