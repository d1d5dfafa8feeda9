//! A commitment's record over time: every status it was given, with its
//! date (as PolitiFact's ratings show a promise's history), and the later
//! replies accepted as evidence.

use yew::prelude::*;

use crate::components::commitment_item::status_mark;
use crate::model::i18n::Lang;
use crate::model::route::{Filters, Route};
use crate::model::tracker::{Entry, TrackerAction};
use crate::state::{use_app, Action};
use crate::web::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct StatusTimelineProps {
    /// The commitment's id.
    pub id: String,
    pub entry: Entry,
}

#[function_component(StatusTimeline)]
pub fn status_timeline(props: &StatusTimelineProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Entry {
        history, evidence, ..
    } = &props.entry;
    if history.is_empty() && evidence.is_empty() {
        return Html::default();
    }
    let withdraw = |reply: &str| {
        let (id, reply) = (props.id.clone(), reply.to_owned());
        app.callback(move |_: MouseEvent| {
            Action::Tracker(TrackerAction::RemoveEvidence {
                id: id.clone(),
                reply: reply.clone(),
                now: storage::now(),
            })
        })
    };
    // An accepted reply may be missing from this corpus (imported elsewhere,
    // or removed): it is listed by its id, without a link.
    let link = |reply: &str| {
        app.corpus.entries.iter().find(|e| e.id == reply).map(|e| {
            Route::Replies {
                open: Some(e.id.clone()),
                filters: Filters::default(),
            }
            .href()
        })
    };
    html! {
        <div class="status-record">
            if !history.is_empty() {
                <ol class="timeline" aria-label={lang.pick("进展记录", "Status history")} data-timeline={history.len().to_string()}>
                    { for history.iter().map(|c| html! {
                        <li class={format!("status-{}", c.status.key())} data-change={c.status.key()}>
                            <time datetime={c.date.clone()}>{ c.date.clone() }</time>
                            <span class="mark" aria-hidden="true">{ status_mark(c.status) }</span>
                            { c.status.label(lang) }
                        </li>
                    }) }
                </ol>
            }
            if !evidence.is_empty() {
                <div class="evidence">
                    <span class="field-label">{ lang.pick("进展依据", "Evidence") }</span>
                    <ul>
                        { for evidence.iter().map(|e| html! {
                            <li data-evidence={e.reply.clone()}>
                                { match link(&e.reply) {
                                    Some(href) => html! { <a {href}>{ e.reply.clone() }</a> },
                                    None => html! { <span>{ e.reply.clone() }</span> },
                                } }
                                if !e.terms.is_empty() {
                                    <span class="muted">{ format!("（{}）", e.terms.join(match lang { Lang::Zh => "、", Lang::En => ", " })) }</span>
                                }
                                <span class="muted">{ match lang {
                                    Lang::Zh => format!(" {} 采纳", e.date),
                                    Lang::En => format!(" accepted {}", e.date),
                                } }</span>
                                <button type="button" class="button link" onclick={withdraw(&e.reply)}
                                        aria-label={match lang {
                                            Lang::Zh => format!("撤销依据 {}", e.reply),
                                            Lang::En => format!("Withdraw evidence {}", e.reply),
                                        }}>
                                    { lang.pick("撤销", "Withdraw") }
                                </button>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
