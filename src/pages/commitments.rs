//! The 承诺 view: every commitment across the replies, grouped by reply,
//! filtered by status and by reply (both in the URL), with counts per status,
//! the tracker's export, import and reset, and sharing what is listed (a
//! share link's offer shows at the top).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::commitment_item::{status_mark, CommitmentItem};
use crate::components::export_buttons::ExportButtons;
use crate::components::show_more::{use_paged, ShowMore};
use crate::components::import_panel::imported_badge;
use crate::components::progress_summary::ProgressSummary;
use crate::components::share_offer::{ShareOffer, TITLE_ID};
use crate::components::share_tools::ShareTools;
use crate::components::tracker_tools::TrackerTools;
use crate::components::bodies_loading::BodiesLoading;
use crate::hooks::bodies::use_all_bodies;
use crate::hooks::synced_select::use_synced_select;
use crate::model::format;
use crate::model::route::{CommitmentsQuery, Filters, Route};
use crate::model::tracker::Status;
use crate::state::use_app;

/// Replies whose commitments are rendered at first, and added by "show more".
const GROUPS: usize = 20;

#[function_component(CommitmentsPage)]
pub fn commitments_page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let query = match &app.route {
        Route::Commitments(q) => q.clone(),
        _ => CommitmentsQuery::default(),
    };
    let status = query.status;
    let reply_select = use_synced_select(query.reply.as_deref().unwrap_or(""));
    let loading = use_all_bodies();
    let (limit, more) = use_paged(query.clone(), GROUPS);
    let corpus = &app.corpus;
    let tracker = &app.tracker;

    // Commitments of the chosen reply (or all), before the status filter:
    // the counts of the status buttons.
    let in_scope: Vec<(usize, usize)> = corpus
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| query.reply.as_deref().is_none_or(|id| e.id == id))
        .flat_map(|(r, e)| (0..e.commitments.len()).map(move |i| (r, i)))
        .collect();
    let id_of = |(r, i): (usize, usize)| corpus.entries[r].commitments[i].as_str();
    let progress = tracker.progress(in_scope.iter().map(|&p| id_of(p)));
    let shown: Vec<(usize, usize)> = in_scope
        .iter()
        .copied()
        .filter(|&p| status.is_none_or(|s| tracker.status(id_of(p)) == s))
        .collect();

    let listed: Rc<Vec<String>> = Rc::new(shown.iter().map(|&p| id_of(p).to_owned()).collect());
    let table = {
        let (app, items) = (app.clone(), shown.clone());
        Callback::from(move |()| {
            crate::model::exports::commitments(&app.corpus, &app.tracker, &items, lang)
        })
    };
    // A share link's offer stays while the filters change.
    let link = |status: Option<Status>| {
        Route::Commitments(CommitmentsQuery {
            status,
            ..query.clone()
        })
    };
    let on_reply = {
        let app = app.clone();
        let query = query.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.navigate(Route::Commitments(CommitmentsQuery {
                reply: (!v.is_empty()).then_some(v),
                ..query.clone()
            }));
        })
    };
    let status_button = |s: Option<Status>, label: String, count: usize| {
        let pressed = s == status;
        let href = link(s).href();
        let onclick = {
            let app = app.clone();
            let route = link(s);
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                app.navigate(route.clone());
            })
        };
        html! {
            <a {href} {onclick} class={classes!("chip", s.map(|s| format!("status-{}", s.key())), pressed.then_some("on"))}
               aria-current={pressed.then_some("true")} data-status-filter={s.map_or("all", |s| s.key())}>
                if let Some(s) = s { <span class="mark" aria-hidden="true">{ status_mark(s) }</span> }
                { label }
                <span class="count">{ count }</span>
            </a>
        }
    };

    // The hash holds the route, so the jump scrolls instead of navigating.
    let to_tools = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = gloo::utils::document().get_element_by_id("dafu-tracker-tools") {
            el.scroll_into_view();
        }
    });
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (r, i) in &shown {
        match groups.last_mut() {
            Some((last, items)) if last == r => items.push(*i),
            _ => groups.push((*r, vec![*i])),
        }
    }

    html! {
        <div class="tracker-page">
            <header class="page-head">
                <h1 id={TITLE_ID} tabindex="-1">{ lang.pick("承诺跟踪", "Commitments") }</h1>
                <p class="lede">{ lang.pick(
                    "各份答复“下一步”部分作出的工作承诺。为每项承诺记录进展（参照 PolitiFact 承诺追踪的评级）和备注；记录只保存在本浏览器中。",
                    "The commitments made in the next-steps part of each reply. Record a status for each (after PolitiFact's promise-tracker scale) and a note; they are kept in this browser only.",
                ) }</p>
            </header>
            if query.share.is_some() {
                <ShareOffer query={query.clone()} />
            }
            <ProgressSummary {progress} {lang} />
            <p class="jump"><a href="#dafu-tracker-tools" onclick={to_tools}>
                { lang.pick("导出、导入或清空记录 ↓", "Export, import or reset your record ↓") }
            </a></p>
            <div class="filters" role="search" aria-label={lang.pick("筛选承诺", "Filter commitments")}>
                <nav class="chips" aria-label={lang.pick("按进展筛选", "Filter by status")}>
                    { status_button(None, lang.pick("全部", "All").to_owned(), progress.total) }
                    { for Status::ALL.into_iter().map(|s| status_button(Some(s), s.label(lang).to_owned(), progress.count(s))) }
                </nav>
                <label class="field inline">
                    <span class="field-label">{ lang.pick("答复", "Reply") }</span>
                    <select onchange={on_reply} ref={reply_select} data-reply-filter="">
                        <option value="" selected={query.reply.is_none()}>{ lang.pick("全部答复", "All replies") }</option>
                        { for corpus.entries.iter().filter(|e| !e.commitments.is_empty()).map(|e| html! {
                            <option value={e.id.clone()} selected={query.reply.as_deref() == Some(e.id.as_str())}>
                                { format!("{} · {}", e.id, e.commitments.len()) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="count-row">
                <p class="result-count" role="status">{ match lang {
                    crate::model::i18n::Lang::Zh => format!("显示 {} 项承诺", shown.len()),
                    crate::model::i18n::Lang::En => format!("Showing {} commitments", shown.len()),
                } }</p>
                <ExportButtons what="承诺" count={shown.len()} {table} />
            </div>
            if let Some(loading) = loading {
                <BodiesLoading {loading} {lang} />
            } else if groups.is_empty() {
                <p class="empty">{ if in_scope.is_empty() {
                    lang.pick("语料中还没有识别出承诺。", "No commitments were found in the corpus yet.")
                } else {
                    lang.pick("没有符合所选进展的承诺。", "No commitment has the chosen status.")
                } }</p>
            }
            { for groups.iter().take(limit).cloned().map(|(r, items)| {
                let e = &corpus.entries[r];
                let route = Route::Replies { open: Some(e.id.clone()), filters: Filters::default() };
                let p = tracker.progress(e.commitments.iter().map(String::as_str));
                let meta = [
                    e.meta.doc_number.clone(),
                    e.meta.date.map(|d| format::date(d, lang)),
                    Some(match lang {
                        crate::model::i18n::Lang::Zh => format!("已评估 {}/{}", p.rated(), p.total),
                        crate::model::i18n::Lang::En => format!("{}/{} rated", p.rated(), p.total),
                    }),
                ];
                html! {
                    <section class="commitment-group" key={e.id.clone()} aria-label={e.title().to_owned()}>
                        <h2><a href={route.href()}>{ e.title().to_owned() }</a></h2>
                        <p class="group-meta">
                            { meta.into_iter().flatten().collect::<Vec<_>>().join(" · ") }
                            if e.imported { { imported_badge(lang) } }
                        </p>
                        <ol class="commitments">
                            { for items.into_iter().map(|index| html! {
                                <CommitmentItem key={e.commitments[index].clone()} reply={r} {index} />
                            }) }
                        </ol>
                    </section>
                }
            }) }
            <ShowMore shown={limit.min(groups.len())} total={groups.len()} page={GROUPS} unit={("件答复", "replies")} {lang} onclick={more} />
            <section class="tools-section" aria-labelledby="dafu-tracker-tools">
                <h2 id="dafu-tracker-tools">{ lang.pick("导出、导入与清空", "Export, import and reset") }</h2>
                <TrackerTools />
            </section>
            <section class="tools-section" aria-labelledby="dafu-share-tools">
                <h2 id="dafu-share-tools">{ lang.pick("分享所列承诺", "Share the listed commitments") }</h2>
                <ShareTools ids={listed} query={query.clone()} />
            </section>
        </div>
    }
}
