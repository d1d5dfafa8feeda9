//! One reply in the result list: a link that opens it in the reader.

use yew::prelude::*;

use crate::components::import_panel::imported_badge;
use crate::components::marked::marked;
use crate::model::format;
use crate::model::route::Route;
use crate::model::search::{snippet, Query};
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ResultItemProps {
    /// Index into the corpus.
    pub index: usize,
    pub query: Query,
}

#[function_component(ResultItem)]
pub fn result_item(props: &ResultItemProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let entry = &app.corpus.entries[props.index];
    let meta = &entry.meta;
    let open = app.route.open_reply() == Some(entry.id.as_str());
    let filters = app.route.filters().cloned().unwrap_or_default();
    let href = Route::Replies {
        open: Some(entry.id.clone()),
        filters,
    }
    .href();
    let title = entry.title();
    let people = if meta.proposers.is_empty() {
        String::new()
    } else {
        let more = if meta.proposers_more {
            lang.pick(" 等", " et al.")
        } else {
            ""
        };
        format!("{}{more}", meta.proposers.join(lang.pick("、", ", ")))
    };
    let number = meta.doc_number.clone().unwrap_or_default();
    // A search shows where the body matches: its chunk is asked for.
    let body = entry.body().cloned();
    let to_load = entry.chunk_to_load();
    let wanted = to_load.filter(|_| !props.query.is_empty());
    use_effect_with(wanted, |chunk| {
        if let Some(chunk) = *chunk {
            crate::web::parts::request(dafu_bundle::split::Part::Chunk, chunk);
        }
    });
    let hit = use_memo((props.index, props.query.clone(), body.is_some()), move |(_, query, _)| {
        let body = body?;
        let block = body.snippet_block(query)?;
        snippet(&body.reply.blocks.get(block)?.text, query, 18, 64)
    });
    let hit = (*hit).clone();
    // Pointing at a result or tabbing to it asks for its text: by the click
    // it is usually here.
    let prefetch = {
        Callback::from(move |_: Event| {
            if let Some(chunk) = to_load {
                crate::web::parts::request(dafu_bundle::split::Part::Chunk, chunk);
            }
        })
    };
    let (figures, commitments) = (entry.figures, entry.commitments.len());
    html! {
        <li data-reply={entry.number()} class={classes!("result", open.then_some("open"))}
            data-imported={entry.imported.then_some("")}>
            <a class="result-link" {href} aria-current={open.then_some("page")}
                onpointerenter={prefetch.reform(Event::from)} onfocus={prefetch.reform(Event::from)}>
                <span class="result-top">
                    <span class={classes!("kind-badge", crate::model::corpus::kind_key(meta.kind).to_owned())}>
                        { format::reply_kind(meta.kind, lang) }
                    </span>
                    if entry.imported { { imported_badge(lang) } }
                    if let Some(d) = meta.date { <span class="result-date">{ format::date(d, lang) }</span> }
                </span>
                <span class="result-title">{ marked(title, &props.query.hits(title)) }</span>
                <span class="result-meta">
                    { marked(&number, &props.query.hits(&number)) }
                    if !people.is_empty() { <span class="sep" aria-hidden="true">{ " · " }</span>{ marked(&people, &props.query.hits(&people)) } }
                </span>
                if let Some(s) = hit {
                    <span class="result-snippet">
                        if s.cut_start { { "…" } }
                        { marked(&s.text, &s.hits) }
                        if s.cut_end { { "…" } }
                    </span>
                }
                <span class="result-counts">
                    <span>{ lang.pick("数据 ", "Figures ") }<b>{ figures }</b></span>
                    <span>{ lang.pick("承诺 ", "Commitments ") }<b>{ commitments }</b></span>
                </span>
            </a>
        </li>
    }
}
