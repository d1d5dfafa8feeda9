//! 回头看 — the later replies that speak of a commitment's programme or
//! measure, each with what it shares (highlighted) and a button that
//! accepts it as evidence for the commitment's status. Closed until the
//! user opens it; the list is ready with the commitment's chunk.

use dafu_bundle::followups::{Shared, Why};
use yew::prelude::*;

use crate::components::marked::marked;
use crate::hooks::bodies::use_all_bodies;
use crate::components::bodies_loading::BodiesLoading;
use crate::model::corpus::{excerpt, FollowUps as Outcome, Found};
use crate::model::format;
use crate::model::i18n::Lang;
use crate::model::route::{Filters, Route};
use crate::model::tracker::{Evidence, TrackerAction};
use crate::state::{use_app, Action, AppHandle};
use crate::web::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct FollowUpsProps {
    /// Index of the reply in the corpus.
    pub reply: usize,
    /// Index of the commitment in that reply.
    pub index: usize,
    /// The commitment's id (the tracker's key).
    pub id: String,
}

/// What a shared term is, in words.
fn why_label(why: Why, lang: Lang) -> &'static str {
    match why {
        Why::Programme => lang.pick("同一项目", "same programme"),
        Why::Amount => lang.pick("同一金额", "same amount"),
        Why::Words => lang.pick("相同表述", "same wording"),
    }
}

#[function_component(FollowUps)]
pub fn follow_ups(props: &FollowUpsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let open = use_state(|| false);
    let outcome = app.corpus.follow_ups(props.reply, props.index);
    let count = match &outcome {
        Outcome::Ready(found) => Some(found.len()),
        _ => None,
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let summary = match (count, lang) {
        (Some(0), _) => lang.pick("回头看：暂无后续答复提及", "Follow-ups: no later reply mentions it yet").to_owned(),
        (Some(n), Lang::Zh) => format!("回头看：{n} 件后续答复提及"),
        (Some(n), Lang::En) => format!("Follow-ups: {n} later {}", if n == 1 { "reply" } else { "replies" }),
        (None, _) => lang.pick("回头看：后续答复", "Follow-ups: later replies").to_owned(),
    };
    html! {
        <details class="follow-ups" open={*open} {ontoggle}
                 data-followups={count.map_or_else(|| "?".to_owned(), |n| n.to_string())}>
            <summary>{ summary }</summary>
            if *open {
                { match outcome {
                    Outcome::Ready(found) => html! { <FoundList {found} id={props.id.clone()} /> },
                    Outcome::NoBody => Html::default(),
                    Outcome::NeedsAll => html! { <WhenAllLoaded reply={props.reply} index={props.index} id={props.id.clone()} /> },
                } }
            }
        </details>
    }
}

/// An imported reply's commitment: every reply is searched, once all are here.
#[function_component(WhenAllLoaded)]
fn when_all_loaded(props: &FollowUpsProps) -> Html {
    let app = use_app();
    match use_all_bodies() {
        Some(loading) => html! { <BodiesLoading {loading} lang={app.lang} /> },
        None => match app.corpus.follow_ups(props.reply, props.index) {
            Outcome::Ready(found) => html! { <FoundList {found} id={props.id.clone()} /> },
            _ => Html::default(),
        },
    }
}

#[derive(Properties, PartialEq, Clone)]
struct FoundListProps {
    found: Vec<Found>,
    /// The commitment's id.
    id: String,
}

#[function_component(FoundList)]
fn found_list(props: &FoundListProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    if props.found.is_empty() {
        return html! {
            <p class="muted">{ lang.pick(
                "语料中较晚的答复都没有提到同一项目、同一金额或相同表述。",
                "No later reply in the corpus names the same programme or amount, or uses the same wording.",
            ) }</p>
        };
    }
    html! {
        <ol class="follow-up-list">
            { for props.found.iter().map(|f| follow_up(&app, &props.id, f)) }
        </ol>
    }
}

fn follow_up(app: &AppHandle, id: &str, f: &Found) -> Html {
    let lang = app.lang;
    let Some(entry) = app.corpus.entries.get(f.entry) else {
        return Html::default();
    };
    let route = Route::Replies {
        open: Some(entry.id.clone()),
        filters: Filters::default(),
    };
    let accepted = app
        .tracker
        .entry(id)
        .is_some_and(|e| e.evidence.iter().any(|ev| ev.reply == entry.id));
    let toggle = {
        let (id, reply) = (id.to_owned(), entry.id.clone());
        let terms: Vec<String> = f.shared.iter().map(|s| s.text.clone()).collect();
        app.callback(move |_: MouseEvent| {
            let now = storage::now();
            if accepted {
                Action::Tracker(TrackerAction::RemoveEvidence {
                    id: id.clone(),
                    reply: reply.clone(),
                    now,
                })
            } else {
                Action::Tracker(TrackerAction::AddEvidence {
                    id: id.clone(),
                    evidence: Evidence {
                        reply: reply.clone(),
                        terms: terms.clone(),
                        date: storage::today(),
                    },
                    now,
                })
            }
        })
    };
    let meta = [
        entry.meta.date.map(|d| format::date(d, lang)),
        Some(entry.number()),
    ];
    let snippet = entry
        .body()
        .and_then(|b| excerpt(&b.reply, &f.shared))
        .map(|(text, marks)| html! { <p class="follow-up-excerpt">{ marked(&text, &marks) }</p> });
    let title_id = format!("{id}-fu-{}", f.entry);
    html! {
        <li class={classes!("follow-up", accepted.then_some("accepted"))} data-followup={entry.id.clone()}>
            <p class="follow-up-title">
                <a href={route.href()} id={title_id.clone()}>{ entry.title().to_owned() }</a>
                <span class="muted">{ format!(" · {}", meta.into_iter().flatten().collect::<Vec<_>>().join(" · ")) }</span>
            </p>
            <p class="shared" aria-label={lang.pick("共同之处", "What they share")}>
                { for f.shared.iter().map(|s| shared_term(s, lang)) }
            </p>
            { snippet.unwrap_or_default() }
            <button type="button" class="button" onclick={toggle} aria-pressed={accepted.to_string()}
                    aria-describedby={title_id} data-accept-evidence={entry.id.clone()}>
                { if accepted {
                    lang.pick("✓ 已采纳为依据（撤销）", "✓ Accepted as evidence (withdraw)")
                } else {
                    lang.pick("采纳为进展依据", "Accept as evidence")
                } }
            </button>
        </li>
    }
}

fn shared_term(s: &Shared, lang: Lang) -> Html {
    html! {
        <span class="shared-term" data-shared={s.why.key()}>
            <span class="why">{ why_label(s.why, lang) }</span>
            <mark class="hit">{ s.text.clone() }</mark>
        </span>
    }
}
