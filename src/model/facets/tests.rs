use dafu_parser::{ReplyKind, ResultClass};

use super::*;

fn facts(
    kind: Option<ReplyKind>,
    year: u16,
    result: Option<ResultClass>,
    commitments: bool,
    statuses: &[Status],
) -> Facts {
    let mut set = StatusSet::default();
    statuses.iter().for_each(|s| set.insert(*s));
    Facts {
        kind,
        year: Some(year),
        session: Some("会议".into()),
        result: result.map(Handling::Class),
        commitments,
        statuses: set,
    }
}

const P: Option<ReplyKind> = Some(ReplyKind::Proposal);
const S: Option<ReplyKind> = Some(ReplyKind::Suggestion);

fn corpus() -> Vec<Facts> {
    vec![
        facts(
            P,
            2025,
            Some(ResultClass::A),
            true,
            &[Status::Kept, Status::Stalled],
        ),
        facts(P, 2023, Some(ResultClass::A), true, &[Status::NotRated]),
        facts(S, 2025, Some(ResultClass::B), false, &[]),
        facts(S, 2025, None, true, &[Status::Kept]),
    ]
}

fn of(c: &[FacetCounts], facet: Facet) -> &[(FacetValue, usize)] {
    &c.iter().find(|c| c.facet == facet).unwrap().values
}

fn count_of(c: &[FacetCounts], value: &FacetValue) -> usize {
    Facet::ALL
        .iter()
        .flat_map(|f| of(c, *f))
        .find(|(v, _)| v == value)
        .map_or(usize::MAX, |v| v.1)
}

#[test]
fn a_count_is_what_the_list_would_show() {
    let facts = corpus();
    let all: Vec<usize> = (0..facts.len()).collect();
    let filters = Filters {
        year: Some(Some(2025)),
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
            assert_eq!(*n, listed, "{:?}={value:?}", fc.facet);
        }
    }
    assert_eq!(count_of(&c, &FacetValue::Kind(P)), 1);
    assert_eq!(
        count_of(&c, &FacetValue::Year(Some(2023))),
        1,
        "a facet ignores its own choice"
    );
    assert_eq!(count_of(&c, &FacetValue::Status(Status::Kept)), 2);
}

#[test]
fn single_valued_counts_add_up_to_the_results() {
    let facts = corpus();
    let matching = vec![0, 2, 3];
    let c = counts(&facts, &matching, &Filters::default());
    for facet in [Facet::Kind, Facet::Year, Facet::Result, Facet::Commitments] {
        let sum: usize = of(&c, facet).iter().map(|v| v.1).sum();
        assert_eq!(sum, matching.len(), "{facet:?}");
    }
}

#[test]
fn values_keep_a_stable_order() {
    let mut facts = corpus();
    facts.push(Facts {
        kind: None,
        year: None,
        ..facts[0].clone()
    });
    let c = counts(&facts, &[], &Filters::default());
    let keys = |f: Facet| of(&c, f).iter().map(|v| v.0.key()).collect::<Vec<_>>();
    assert_eq!(keys(Facet::Kind), ["proposal", "suggestion", ""]);
    assert_eq!(keys(Facet::Year), ["2025", "2023", ""]);
    assert_eq!(keys(Facet::Result), ["A", "B", ""]);
    assert_eq!(keys(Facet::Commitments), ["yes", "no"]);
    assert_eq!(keys(Facet::Status), ["not_rated", "stalled", "kept"]);
    assert!(c.iter().all(|fc| fc.values.iter().all(|v| v.1 == 0)));
}

#[test]
fn results_as_written_follow_the_classes() {
    let mut facts = corpus();
    facts[1].result = Some(Handling::Written("解决采纳".into()));
    let c = counts(&facts, &[0, 1, 2, 3], &Filters::default());
    let keys: Vec<String> = of(&c, Facet::Result).iter().map(|v| v.0.key()).collect();
    assert_eq!(keys, ["A", "B", "解决采纳", ""]);
    assert_eq!(Handling::from_key("C"), Handling::Class(ResultClass::C));
    assert_eq!(
        Handling::from_key("解决采纳"),
        Handling::Written("解决采纳".into())
    );
}

#[test]
fn choosing_and_clearing() {
    let f = Facet::Kind.with(&Filters::default(), Some(FacetValue::Kind(P)));
    assert_eq!(Facet::Kind.get(&f), Some(FacetValue::Kind(P)));
    assert!(fits(&f, &corpus()[0], None));
    assert!(!fits(&f, &corpus()[2], None));
    assert!(fits(&f, &corpus()[2], Some(Facet::Kind)));
    assert_eq!(Facet::Kind.with(&f, None), Filters::default());
}

#[test]
fn not_stated_is_a_choice_of_its_own() {
    let mut unstated = corpus()[0].clone();
    unstated.kind = None;
    let f = Facet::Kind.with(&Filters::default(), Some(FacetValue::Kind(None)));
    assert_eq!(f.kind, Some(None));
    assert!(fits(&f, &unstated, None));
    assert!(!fits(&f, &corpus()[0], None));
}

#[test]
fn status_sets_hold_each_status_once() {
    let mut set = StatusSet::default();
    set.insert(Status::Kept);
    set.insert(Status::Kept);
    set.insert(Status::NotRated);
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [Status::NotRated, Status::Kept]
    );
    assert!(!set.contains(Status::Broken));
}
