//! The reader: metadata card, the body with figures and search hits
//! marked, the commitments, and the list of figures.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::block_view::BlockView;
use crate::components::checklist::Checklist;
use crate::components::cross_refs::CrossRefs;
use crate::components::figure_list::FigureList;
use crate::components::hit_nav::HitNav;
use crate::components::meta_card::MetaCard;
use crate::hooks::bodies::{use_body, BodyState};
use crate::model::route::Route;
use crate::model::search::Query;
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Index of the reply in the corpus.
    pub index: usize,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let entry = &app.corpus.entries[props.index];
    let body = use_body(props.index);
    let filters = app.route.filters().cloned().unwrap_or_default();
    let filters_q = filters.q.clone();
    let query = Query::parse(&filters.q);
    let back = Route::Replies {
        open: None,
        filters,
    }
    .href();

    // A newly opened reply starts at its top.
    use_effect_with(props.index, |_| {
        if let Some(el) = crate::web::dom::element("dafu-reader") {
            if el.get_bounding_client_rect().top() < 0.0 {
                el.scroll_into_view();
            }
        }
    });

    // Each block's search hits, found once per reply and search.
    let ready = match &body {
        BodyState::Ready(body) => Some(body.clone()),
        _ => None,
    };
    let block_hits = {
        let query = query.clone();
        use_memo((props.index, app.imports_rev, filters_q, ready.is_some()), move |_| {
            ready
                .iter()
                .flat_map(|body| &body.reply.blocks)
                .map(|b| Rc::new(query.hits(&b.text)))
                .collect::<Vec<_>>()
        })
    };
    let hits: usize = block_hits.iter().map(|h| h.len()).sum();
    let blocks = match &body {
        BodyState::Ready(body) if body.reply.blocks.is_empty() => html! {
            <p class="muted">{ lang.pick("这件答复没有可显示的正文。", "This reply has no text to show.") }</p>
        },
        BodyState::Ready(body) => html! {
            { for block_hits.iter().enumerate().map(|(b, hits)| html! {
                <BlockView body={body.clone()} block={b} hits={hits.clone()} {lang} />
            }) }
        },
        BodyState::Loading => html! {
            <p class="muted body-loading" role="status" data-body-loading="">
                { lang.pick("正在载入正文…", "Loading the text…") }
            </p>
        },
        BodyState::Failed(why) => html! {
            <div class="error" role="alert" data-chunk-error="">
                <p>{ lang.pick("这件答复的正文无法载入。其他答复与列表不受影响。", "The text of this reply could not be loaded. The other replies and the list are not affected.") }</p>
                if !why.is_empty() { <p class="muted">{ why.clone() }</p> }
            </div>
        },
    };
    let ready = matches!(body, BodyState::Ready(_));
    html! {
        <article class="reader" id="dafu-reader" aria-labelledby="dafu-reader-title" data-open={entry.id.clone()}>
            <a class="back" href={back}>{ lang.pick("← 返回列表", "← Back to the list") }</a>
            <MetaCard index={props.index} query={query.clone()} />
            <div class="reader-grid">
                <div class="reader-main">
                    if !query.is_empty() && ready {
                        <HitNav count={hits} {lang} />
                    }
                    <section class="reply-body" aria-label={lang.pick("答复正文", "Text of the reply")} aria-busy={(!ready).then_some("true")}>
                        { blocks }
                    </section>
                    if ready { <Checklist reply={props.index} /> }
                </div>
                <div class="reader-rail">
                    if ready {
                        <FigureList index={props.index} />
                        <CrossRefs index={props.index} />
                    }
                </div>
            </div>
        </article>
    }
}
