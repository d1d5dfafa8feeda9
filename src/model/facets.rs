//! Facets of the replies list and their live counts.
//!
//! Each reply has, per facet, the values it carries ([`Facts`]): one kind,
//! one year, … and, for commitment statuses, every status one of its
//! commitments has. The list and the counts share one predicate, [`fits`]:
//! the count shown next to a value is the number of results the list would
//! show if that value were chosen, given the search text and the other
//! facets.
//!
//! Values are typed ([`FacetValue`]); their URL keys are stable: kind
//! `proposal` / `suggestion`, year `2025`, session as written, result class
//! `A`–`D` (or the result as written when it has no class), commitments
//! `yes` / `no`, status a tracker status key. The empty key stands for "not
//! stated".

use std::cmp::{Ordering, Reverse};
use std::rc::Rc;

use dafu_parser::{Meta, ReplyKind, ResultClass};

use crate::model::corpus::kind_key;
use crate::model::route::Filters;
use crate::model::tracker::Status;

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

/// How a reply was handled, as the result facet groups it: its national
/// class, else the result as written (解决采纳 has no class letter).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Handling {
    Class(ResultClass),
    Written(Rc<str>),
}

impl Handling {
    /// The handling result a reply states, if any.
    pub fn of(meta: &Meta) -> Option<Handling> {
        match (meta.result_class, meta.result.as_deref()) {
            (Some(class), _) => Some(Handling::Class(class)),
            (None, Some(written)) if !written.is_empty() => Some(Handling::Written(written.into())),
            _ => None,
        }
    }

    /// The URL key: the class letter, else the result as written.
    pub fn key(&self) -> &str {
        match self {
            Handling::Class(class) => class.key(),
            Handling::Written(text) => text,
        }
    }

    pub fn from_key(key: &str) -> Handling {
        ResultClass::from_key(key).map_or_else(|| Handling::Written(key.into()), Handling::Class)
    }
}

/// The statuses of a reply's commitments, as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusSet(u8);

impl StatusSet {
    pub fn insert(&mut self, status: Status) {
        self.0 |= 1 << status.index();
    }
    pub fn contains(self, status: Status) -> bool {
        self.0 & (1 << status.index()) != 0
    }
    pub fn iter(self) -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

/// What one reply carries, per facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facts {
    pub kind: Option<ReplyKind>,
    pub year: Option<u16>,
    pub session: Option<Rc<str>>,
    pub result: Option<Handling>,
    pub commitments: bool,
    pub statuses: StatusSet,
}

/// One value of one facet, as a chip shows it and a URL chooses it.
/// `None` inside stands for "not stated".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FacetValue {
    Kind(Option<ReplyKind>),
    Year(Option<u16>),
    Session(Option<Rc<str>>),
    Result(Option<Handling>),
    Commitments(bool),
    Status(Status),
}

impl FacetValue {
    /// The value's key in URLs and in the `data-value` hook ("" for not
    /// stated).
    pub fn key(&self) -> String {
        match self {
            FacetValue::Kind(k) => kind_key(*k).to_owned(),
            FacetValue::Year(y) => y.map(|y| y.to_string()).unwrap_or_default(),
            FacetValue::Session(s) => s.as_deref().unwrap_or("").to_owned(),
            FacetValue::Result(r) => r.as_ref().map_or("", Handling::key).to_owned(),
            FacetValue::Commitments(has) => if *has { "yes" } else { "no" }.to_owned(),
            FacetValue::Status(s) => s.key().to_owned(),
        }
    }

    /// Display order among the values of one facet: fixed orders for kinds,
    /// results and statuses, newest first for years and sessions, "not
    /// stated" last.
    fn order(&self, other: &FacetValue) -> Ordering {
        fn last_if_none<T: Ord>(v: Option<T>) -> (bool, Option<T>) {
            (v.is_none(), v)
        }
        use FacetValue as V;
        match (self, other) {
            (V::Kind(a), V::Kind(b)) => {
                let rank = |k: &Option<ReplyKind>| {
                    k.map_or(usize::MAX, |k| {
                        ReplyKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
                    })
                };
                rank(a).cmp(&rank(b))
            }
            (V::Year(a), V::Year(b)) => {
                last_if_none(a.map(Reverse)).cmp(&last_if_none(b.map(Reverse)))
            }
            (V::Session(a), V::Session(b)) => {
                last_if_none(a.as_ref().map(Reverse)).cmp(&last_if_none(b.as_ref().map(Reverse)))
            }
            (V::Result(a), V::Result(b)) => {
                let rank = |h: &Option<Handling>| match h {
                    Some(Handling::Class(c)) => (0, c.key().to_owned()),
                    Some(Handling::Written(w)) => (1, w.to_string()),
                    None => (2, String::new()),
                };
                rank(a).cmp(&rank(b))
            }
            (V::Commitments(a), V::Commitments(b)) => b.cmp(a),
            (V::Status(a), V::Status(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
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

    /// The lowercase name used in the `data-facet` hook.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Session => "session",
            Facet::Result => "result",
            Facet::Commitments => "commitments",
            Facet::Status => "status",
        }
    }

    /// The chosen value of this facet.
    pub fn get(self, f: &Filters) -> Option<FacetValue> {
        match self {
            Facet::Kind => f.kind.map(FacetValue::Kind),
            Facet::Year => f.year.map(FacetValue::Year),
            Facet::Session => f.session.clone().map(FacetValue::Session),
            Facet::Result => f.result.clone().map(FacetValue::Result),
            Facet::Commitments => f.commitments.map(FacetValue::Commitments),
            Facet::Status => f.status.map(FacetValue::Status),
        }
    }

    /// The filters with this facet's choice replaced by `value` (a value
    /// of this facet), or cleared.
    pub fn with(self, f: &Filters, value: Option<FacetValue>) -> Filters {
        let mut f = f.clone();
        match self {
            Facet::Kind => f.kind = None,
            Facet::Year => f.year = None,
            Facet::Session => f.session = None,
            Facet::Result => f.result = None,
            Facet::Commitments => f.commitments = None,
            Facet::Status => f.status = None,
        }
        match value {
            Some(FacetValue::Kind(k)) => f.kind = Some(k),
            Some(FacetValue::Year(y)) => f.year = Some(y),
            Some(FacetValue::Session(s)) => f.session = Some(s),
            Some(FacetValue::Result(r)) => f.result = Some(r),
            Some(FacetValue::Commitments(c)) => f.commitments = Some(c),
            Some(FacetValue::Status(s)) => f.status = Some(s),
            None => {}
        }
        f
    }

    /// Calls `each` with every value of this facet that a reply carries.
    fn each_value(self, facts: &Facts, mut each: impl FnMut(FacetValue)) {
        match self {
            Facet::Kind => each(FacetValue::Kind(facts.kind)),
            Facet::Year => each(FacetValue::Year(facts.year)),
            Facet::Session => each(FacetValue::Session(facts.session.clone())),
            Facet::Result => each(FacetValue::Result(facts.result.clone())),
            Facet::Commitments => each(FacetValue::Commitments(facts.commitments)),
            Facet::Status => facts
                .statuses
                .iter()
                .for_each(|s| each(FacetValue::Status(s))),
        }
    }

    /// Whether a reply carries this value of this facet.
    fn carries(self, facts: &Facts, value: &FacetValue) -> bool {
        match value {
            FacetValue::Kind(k) => facts.kind == *k,
            FacetValue::Year(y) => facts.year == *y,
            FacetValue::Session(s) => facts.session == *s,
            FacetValue::Result(r) => facts.result == *r,
            FacetValue::Commitments(c) => facts.commitments == *c,
            FacetValue::Status(s) => facts.statuses.contains(*s),
        }
    }
}

/// Whether a reply passes every chosen facet except `except`.
pub fn fits(f: &Filters, facts: &Facts, except: Option<Facet>) -> bool {
    Facet::ALL
        .into_iter()
        .filter(|facet| Some(*facet) != except)
        .all(|facet| facet.get(f).is_none_or(|want| facet.carries(facts, &want)))
}

/// The values of one facet with their counts, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<(FacetValue, usize)>,
}

/// Counts for every facet over the replies that match the search text
/// (`matching`: indices into `facts`). Values present anywhere in the
/// corpus are listed, with zero when nothing would match.
pub fn counts(facts: &[Facts], matching: &[usize], filters: &Filters) -> Vec<FacetCounts> {
    Facet::ALL
        .into_iter()
        .map(|facet| {
            let mut values: Vec<(FacetValue, usize)> = Vec::new();
            for f in facts {
                facet.each_value(f, |v| {
                    if !values.iter().any(|(k, _)| *k == v) {
                        values.push((v, 0));
                    }
                });
            }
            for &i in matching {
                if fits(filters, &facts[i], Some(facet)) {
                    for (value, n) in values.iter_mut() {
                        if facet.carries(&facts[i], value) {
                            *n += 1;
                        }
                    }
                }
            }
            values.sort_by(|a, b| a.0.order(&b.0));
            FacetCounts { facet, values }
        })
        .collect()
}

#[cfg(test)]
mod tests;
