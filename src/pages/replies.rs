//! The replies view: search, facets and the result list beside the reader.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::facet_panel::FacetPanel;
use crate::components::import_panel::{import_files, ImportPanel};
use crate::components::overview::Overview;
use crate::components::reader::Reader;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::model::corpus::Outcome;
use crate::model::route::Route;
use crate::state::use_app;

#[function_component(RepliesPage)]
pub fn replies_page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let filters = app.route.filters().cloned().unwrap_or_default();
    let revs = (app.tracker_rev, app.imports_rev);
    let facts = {
        let app = app.clone();
        use_memo(revs, move |_| app.corpus.facts(&app.tracker))
    };
    // The last outcome, for the corpus it was found in: a search that
    // extends it only looks at its matches.
    let previous = use_mut_ref(|| None::<(u32, Rc<Outcome>)>);
    let outcome = {
        let app = app.clone();
        let previous = previous.clone();
        use_memo((filters.clone(), revs, app.shards_rev), move |(filters, _, _)| {
            let last = previous.borrow().clone();
            let last = last.filter(|(rev, _)| *rev == app.imports_rev);
            let outcome = Rc::new(app.corpus.search(
                filters,
                &facts,
                last.as_ref().map(|(_, o)| &**o),
            ));
            // While its shards load, a search shows the last complete
            // outcome with a note: nothing is torn down and built again.
            if !outcome.pending.is_empty() {
                if let Some((_, last)) = last.filter(|(_, o)| o.pending.is_empty()) {
                    return Rc::new(Outcome {
                        pending: outcome.pending.clone(),
                        ..(*last).clone()
                    });
                }
            }
            *previous.borrow_mut() = Some((app.imports_rev, outcome.clone()));
            outcome
        })
    };
    // The index shards the search waits for.
    use_effect_with(outcome.pending.clone(), |pending| {
        for &shard in pending {
            crate::web::parts::request_first(dafu_bundle::split::Part::Shard, shard);
        }
    });
    let open_id = app.route.open_reply().map(str::to_owned);
    let open = app.open_index();
    let reader = match (open, open_id) {
        (Some(index), _) => html! { <Reader key={index} {index} /> },
        (None, Some(id)) => html! {
            <div class="missing" role="alert">
                <h2>{ lang.pick("找不到这件答复", "Reply not found") }</h2>
                <p>{ format!("{} {id}", lang.pick("链接中的答复不在语料中：", "The link names a reply that is not in the corpus:")) }</p>
                <a href={Route::Replies { open: None, filters: filters.clone() }.href()}>{ lang.pick("返回列表", "Back to the list") }</a>
            </div>
        },
        (None, None) => html! { <Overview {lang} corpus={app.corpus.clone()} /> },
    };
    // Reply files dropped anywhere on the view are imported.
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the view, not when moving between its parts.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let app = app.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                import_files(&app, files);
            }
        })
    };
    html! {
        <div class={classes!("replies", open.is_some().then_some("has-open"), dragging.then_some("dropping"))}
             {ondragover} {ondragleave} {ondrop}>
            <aside class="sidebar" aria-label={lang.pick("搜索与筛选", "Search and filters")}>
                <SearchBox />
                <FacetPanel counts={outcome.counts.clone()} />
                <ResultList outcome={(*outcome).clone()} />
                <ImportPanel />
            </aside>
            <main id="dafu-main" class="reader-pane">{ reader }</main>
        </div>
    }
}
