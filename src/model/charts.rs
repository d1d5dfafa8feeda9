//! What the overview's charts show (`pages/charts.rs` draws them): bars of
//! linked segments, each with the words a screen reader says for it. Pure,
//! tested natively.


use crate::model::corpus::{kind_key, reply_year, Corpus};
use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::route::{CommitmentsQuery, Filters, Route};
use crate::model::tracker::{Status, Tracker};

/// How many replies the per-reply charts show at most (the newest, or the
/// largest amounts).
pub const MAX_BARS: usize = 20;

/// One linked part of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// What the segment counts, for the `data-chart-mark` hook: a kind key,
    /// a status key or `money`.
    pub key: String,
    /// Its CSS class (the colour).
    pub class: String,
    /// Its name in the legend.
    pub name: String,
    pub value: f64,
    /// The segment in words: what, how many.
    pub label: String,
    /// Where it links: the replies, commitments or reply it counts.
    pub href: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The bar's total as shown after it.
    pub value_text: String,
    pub segments: Vec<Segment>,
}

fn year_of(corpus: &Corpus, i: usize) -> Option<u16> {
    reply_year(&corpus.entries[i].meta)
}

/// Replies per year (newest first), a segment per kind, linking to the
/// list filtered by that year and kind.
pub fn replies_by_year(corpus: &Corpus, lang: Lang) -> Vec<Bar> {
    let mut years: Vec<u16> = (0..corpus.entries.len())
        .filter_map(|i| year_of(corpus, i))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let segments: Vec<Segment> = [
                Some(dafu_parser::ReplyKind::Proposal),
                Some(dafu_parser::ReplyKind::Suggestion),
                None,
            ]
            .into_iter()
            .filter_map(|kind| {
                let n = (0..corpus.entries.len())
                    .filter(|&i| {
                        year_of(corpus, i) == Some(year)
                            && corpus.entries[i].meta.kind == kind
                    })
                    .count();
                (n > 0).then(|| {
                    let key = kind_key(kind).to_owned();
                    let name = if kind.is_some() {
                        format::reply_kind(kind, lang).to_owned()
                    } else {
                        lang.pick("类型未注明", "Kind not stated").to_owned()
                    };
                    let filters = Filters {
                        year: Some(Some(year)),
                        kind: kind.map(Some),
                        ..Filters::default()
                    };
                    Segment {
                        label: match lang {
                            Lang::Zh => format!("{year} 年 · {name} {n} 件"),
                            Lang::En => format!("{year}: {n} × {name}"),
                        },
                        href: Route::Replies {
                            open: None,
                            filters,
                        }
                        .href(),
                        class: format!("kind-{}", if key.is_empty() { "none" } else { &key }),
                        key,
                        name,
                        value: n as f64,
                    }
                })
            })
            .collect();
            let total: usize = segments.iter().map(|s| s.value as usize).sum();
            Bar {
                label: match lang {
                    Lang::Zh => format!("{year} 年"),
                    Lang::En => year.to_string(),
                },
                value_text: format::count(total),
                segments,
            }
        })
        .collect()
}

/// Commitments by tracked status for the newest replies that make any, a
/// segment per status, linking to those commitments.
pub fn commitments_by_status(corpus: &Corpus, tracker: &Tracker, lang: Lang) -> Vec<Bar> {
    corpus
        .newest
        .iter()
        .map(|&i| &corpus.entries[i])
        .filter(|e| !e.commitments.is_empty())
        .take(MAX_BARS)
        .map(|e| {
            let progress = tracker.progress(e.commitments.iter().map(String::as_str));
            let number = e.number();
            let segments = Status::ALL
                .into_iter()
                .filter(|s| progress.count(*s) > 0)
                .map(|s| {
                    let n = progress.count(s);
                    Segment {
                        key: s.key().to_owned(),
                        class: format!("status-{}", s.key()),
                        name: s.label(lang).to_owned(),
                        value: n as f64,
                        label: match lang {
                            Lang::Zh => format!("{number} · {} {n} 项", s.label(lang)),
                            Lang::En => format!("{number}: {n} {}", s.label(lang)),
                        },
                        href: Route::Commitments(CommitmentsQuery {
                            status: Some(s),
                            reply: Some(e.id.clone()),
                            ..Default::default()
                        })
                        .href(),
                    }
                })
                .collect();
            Bar {
                label: number,
                value_text: format::count(progress.total),
                segments,
            }
        })
        .collect()
}

/// The largest amount of money (in 元) each reply names, largest first,
/// linking to the reply.
pub fn largest_amounts(corpus: &Corpus, lang: Lang) -> Vec<Bar> {
    let mut bars: Vec<(f64, Bar)> = corpus
        .entries
        .iter()
        .filter_map(|e| {
            let top = e.largest_money.as_ref()?;
            let number = e.number();
            let label = match lang {
                Lang::Zh => format!(
                    "{number}：最大金额 {}（共 {} 项金额）",
                    top.text, top.count
                ),
                Lang::En => format!(
                    "{number}: largest amount {} ({} amounts in all)",
                    top.text, top.count
                ),
            };
            let segment = Segment {
                key: "money".into(),
                class: "money".into(),
                name: lang.pick("金额", "Amount").into(),
                value: top.value,
                label,
                href: Route::Replies {
                    open: Some(e.id.clone()),
                    filters: Filters::default(),
                }
                .href(),
            };
            let bar = Bar {
                label: number,
                value_text: top.text.clone(),
                segments: vec![segment],
            };
            Some((top.value, bar))
        })
        .collect();
    bars.sort_by(|a, b| b.0.total_cmp(&a.0));
    bars.into_iter().take(MAX_BARS).map(|(_, b)| b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::new(crate::model::bundled::load().expect("the bundled corpus decodes"))
    }

    #[test]
    fn year_bars_count_every_reply_once_and_link_to_the_filtered_list() {
        let c = corpus();
        let bars = replies_by_year(&c, Lang::Zh);
        let total: f64 = bars.iter().flat_map(|b| &b.segments).map(|s| s.value).sum();
        assert_eq!(total as usize, c.entries.len());
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2025 年", "2023 年"]);
        let first = &bars[0].segments[0];
        let Route::Replies { filters, .. } = Route::from_hash(&first.href) else {
            panic!("{}", first.href);
        };
        assert_eq!(
            (filters.year, filters.kind),
            (
                Some(Some(2025)),
                Some(Some(dafu_parser::ReplyKind::Proposal))
            )
        );
        assert_eq!(
            first.label,
            format!("2025 年 · 政协提案 {} 件", first.value)
        );
    }

    #[test]
    fn status_bars_add_up_to_each_replys_commitments() {
        let c = corpus();
        let bars = commitments_by_status(&c, &Tracker::default(), Lang::En);
        let with: Vec<_> = c
            .entries
            .iter()
            .filter(|e| !e.body().unwrap().reply.commitments.is_empty())
            .collect();
        assert_eq!(bars.len(), with.len());
        for bar in &bars {
            let e = with
                .iter()
                .find(|e| e.body().unwrap().reply.meta.doc_number.as_deref() == Some(bar.label.as_str()))
                .unwrap();
            assert_eq!(bar.segments.len(), 1, "nothing rated yet");
            assert_eq!(bar.segments[0].value as usize, e.body().unwrap().reply.commitments.len());
            assert_eq!(
                Route::from_hash(&bar.segments[0].href),
                Route::Commitments(CommitmentsQuery {
                    status: Some(Status::NotRated),
                    reply: Some(e.id.clone()),
                    ..Default::default()
                })
            );
        }
    }

    #[test]
    fn amount_bars_are_the_largest_yuan_figure_largest_first() {
        let c = corpus();
        let bars = largest_amounts(&c, Lang::Zh);
        assert!(!bars.is_empty());
        let values: Vec<f64> = bars.iter().map(|b| b.segments[0].value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        for bar in &bars {
            let Route::Replies { open: Some(id), .. } = Route::from_hash(&bar.segments[0].href)
            else {
                panic!("links to its reply");
            };
            let e = &c.entries[c.find(&id).unwrap()];
            let max = e
                .body().unwrap().reply
                .figures
                .iter()
                .filter(|f| f.kind == dafu_parser::FigureKind::Money && f.unit.as_deref() == Some("元"))
                .map(|f| f.value)
                .fold(f64::MIN, f64::max);
            assert_eq!(bar.segments[0].value, max);
        }
    }
}
