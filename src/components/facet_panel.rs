//! Facet chips with live counts. A chip's count is what the list would
//! show if it were chosen; choosing a chosen chip again clears it.

use yew::prelude::*;

use crate::model::facets::{Facet, FacetCounts, FacetValue};
use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::route::{Filters, Route};
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub counts: Vec<FacetCounts>,
}

fn facet_name(facet: Facet, lang: Lang) -> &'static str {
    match facet {
        Facet::Kind => lang.pick("类型", "Kind"),
        Facet::Year => lang.pick("年份", "Year"),
        Facet::Session => lang.pick("会议", "Session"),
        Facet::Result => lang.pick("办理结果", "Handling result"),
        Facet::Commitments => lang.pick("有无承诺", "Commitments"),
        Facet::Status => lang.pick("承诺状态", "Commitment status"),
    }
}

/// The label of one facet value.
pub fn value_label(value: &FacetValue, lang: Lang) -> String {
    let unknown = || lang.pick("未注明", "Not stated").to_owned();
    match value {
        FacetValue::Kind(None)
        | FacetValue::Year(None)
        | FacetValue::Session(None)
        | FacetValue::Result(None) => unknown(),
        FacetValue::Kind(kind) => format::reply_kind(*kind, lang).into(),
        FacetValue::Year(Some(year)) => year.to_string(),
        FacetValue::Session(Some(session)) => session.to_string(),
        FacetValue::Result(Some(handling)) => format::result_label(handling, lang),
        FacetValue::Commitments(true) => lang.pick("有承诺", "With commitments").into(),
        FacetValue::Commitments(false) => lang.pick("无承诺", "Without").into(),
        FacetValue::Status(status) => status.label(lang).into(),
    }
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let app = use_app();
    // Phones show the facets on demand; wider screens always (see the CSS).
    let expanded = use_state(|| false);
    let lang = app.lang;
    let filters = app.route.filters().cloned().unwrap_or_default();
    let open = app.route.open_reply().map(str::to_owned);
    let go = |f: Filters| {
        let app = app.clone();
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            app.navigate(Route::Replies {
                open: open.clone(),
                filters: f.clone(),
            })
        })
    };
    let group = |fc: &FacetCounts| {
        if fc.values.is_empty() {
            return Html::default();
        }
        let chosen = fc.facet.get(&filters);
        let chips = fc.values.iter().map(|(value, n)| {
            let on = chosen.as_ref() == Some(value);
            let next = fc
                .facet
                .with(&filters, if on { None } else { Some(value.clone()) });
            html! {
                <li>
                    <button type="button" class={classes!("chip", on.then_some("on"))}
                            aria-pressed={on.to_string()} disabled={*n == 0 && !on}
                            data-value={value.key()} onclick={go(next)}>
                        <span class="chip-label">{ value_label(value, lang) }</span>
                        <span class="chip-count">{ n }</span>
                    </button>
                </li>
            }
        });
        let name = fc.facet.key();
        html! {
            <div class="facet" role="group" aria-labelledby={format!("dafu-facet-{name}")} data-facet={name}>
                <h3 id={format!("dafu-facet-{name}")}>{ facet_name(fc.facet, lang) }</h3>
                <ul>{ for chips }</ul>
            </div>
        }
    };
    let cleared = Filters {
        q: filters.q.clone(),
        ..Filters::default()
    };
    let chosen = Facet::ALL
        .iter()
        .filter(|f| f.get(&filters).is_some())
        .count();
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <section class="facets" aria-labelledby="dafu-facets-title">
            <div class="facets-head">
                <h2 id="dafu-facets-title">{ lang.pick("筛选", "Filter") }</h2>
                <button type="button" class="facets-toggle link" onclick={toggle}
                        aria-expanded={expanded.to_string()} aria-controls="dafu-facets-body">
                    { match (lang, chosen, *expanded) {
                        (_, _, true) => lang.pick("收起", "Hide").to_owned(),
                        (Lang::Zh, 0, false) => "展开".to_owned(),
                        (Lang::En, 0, false) => "Show".to_owned(),
                        (Lang::Zh, n, false) => format!("已选 {n} 项 · 展开"),
                        (Lang::En, n, false) => format!("{n} chosen · show"),
                    } }
                </button>
                if filters.has_facets() {
                    <button type="button" class="link" onclick={go(cleared)}>{ lang.pick("清除筛选", "Clear filters") }</button>
                }
            </div>
            <div id="dafu-facets-body" class={classes!("facets-body", (!*expanded).then_some("collapsed"))}>
                { for props.counts.iter().map(group) }
            </div>
        </section>
    }
}
