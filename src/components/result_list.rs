//! The list of replies that pass the search and the facets.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::export_buttons::ExportButtons;
use crate::components::result_item::ResultItem;
use crate::components::show_more::{use_paged, ShowMore};
use crate::model::corpus::Outcome;
use crate::model::route::{Filters, Route};
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub outcome: Rc<Outcome>,
}

/// How many results are rendered at first, and added by "show more": the
/// list stays fast on every keystroke however large the corpus.
pub const PAGE: usize = 30;

#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let app = use_app();
    // A new search or facet choice starts from the first page again.
    let (limit, more) = use_paged(app.route.filters().cloned().unwrap_or_default(), PAGE);
    let lang = app.lang;
    let failed: Vec<String> = (props.outcome.pending.iter())
        .filter_map(|&id| app.part_errors.get(&(dafu_bundle::split::Part::Shard, id)).cloned())
        .collect();
    let total = app.corpus.entries.len();
    let shown = props.outcome.rows.len();
    let filters = app.route.filters().cloned().unwrap_or_default();
    let narrowed = !filters.q.is_empty() || filters.has_facets();
    let (total, shown_s) = (
        crate::model::format::count(total),
        crate::model::format::count(shown),
    );
    let count = match (lang, narrowed) {
        (crate::model::i18n::Lang::Zh, false) => format!("共 {total} 件答复，按日期排列"),
        (crate::model::i18n::Lang::Zh, true) => format!("{total} 件中找到 {shown_s} 件"),
        (crate::model::i18n::Lang::En, false) => format!("{total} replies, newest first"),
        (crate::model::i18n::Lang::En, true) => format!("{shown_s} of {total} replies"),
    };
    let order = if filters.q.is_empty() || shown < 2 {
        String::new()
    } else {
        lang.pick("按相关度排列", "most relevant first").to_owned()
    };
    let reset = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.navigate(Route::Replies {
                open: None,
                filters: Filters::default(),
            })
        })
    };
    let table = {
        let (corpus, outcome) = (app.corpus.clone(), props.outcome.clone());
        Callback::from(move |()| crate::model::exports::replies(&corpus, &outcome.rows, lang))
    };
    html! {
        <section class="results" aria-labelledby="dafu-results-title">
            <h2 id="dafu-results-title" class="visually-hidden">{ lang.pick("答复列表", "Replies") }</h2>
            <p class="result-count" role="status" aria-live="polite" data-count={shown.to_string()}>
                { count }
                if !order.is_empty() { <span class="order">{ " · " }{ order }</span> }
            </p>
            if !props.outcome.pending.is_empty() {
                // The rows below are the last search's until the shards are here.
                if failed.is_empty() {
                    <p class="muted" role="status" data-search-pending="">{ lang.pick("正在载入搜索索引…", "Loading the search index…") }</p>
                } else {
                    <div class="error" role="alert" data-index-error="">
                        <p>{ lang.pick("搜索索引无法载入，暂时无法搜索。列表与阅读不受影响。", "The search index could not be loaded, so searching is not possible for now. The list and the reader are not affected.") }</p>
                        <ul>{ for failed.iter().map(|why| html! { <li>{ why.clone() }</li> }) }</ul>
                    </div>
                }
            } else if shown > 0 {
                <div class="result-exports">
                    <ExportButtons what="答复" count={shown} table={table} />
                </div>
            }
            if shown == 0 && !props.outcome.pending.is_empty() {
            } else if shown == 0 {
                <div class="empty">
                    <p>{ lang.pick("没有符合条件的答复。", "No reply matches.") }</p>
                    <button type="button" class="button" onclick={reset}>{ lang.pick("清除搜索与筛选", "Clear search and filters") }</button>
                </div>
            } else {
                <ol class="result-list">
                    // Keyed by position: a new search rewrites the rows in
                    // place instead of building new ones (much less DOM work
                    // per keystroke).
                    { for props.outcome.rows.iter().take(limit).enumerate().map(|(at, &i)| html! {
                        <ResultItem key={at} index={i} query={props.outcome.query.clone()} />
                    }) }
                </ol>
                <ShowMore shown={limit.min(shown)} total={shown} page={PAGE} unit={("件", "replies")} {lang} onclick={more} />
            }
        </section>
    }
}
