//! The message bar: every message that applies (storage problems, imports,
//! other tabs), one a topic, each dismissible; under an import's or another
//! tab's message, the entries in conflict.

use yew::prelude::*;

use crate::components::commitment_item::status_mark;
use crate::model::i18n::Lang;
use crate::model::merge::Conflict;
use crate::model::notice::Notice;
use crate::model::tracker::Entry;
use crate::state::{use_app, Action};

#[function_component(NoticeBar)]
pub fn notice_bar() -> Html {
    let app = use_app();
    if app.notices.is_empty() {
        return Html::default();
    }
    let lang = app.lang;
    let problem = app.notices.iter().any(Notice::is_problem);
    let items = app.notices.iter().map(|notice| {
        let dismiss = {
            let notice = notice.clone();
            app.callback(move |_: MouseEvent| Action::DismissNotice(notice.clone()))
        };
        let conflicts = notice.conflicts();
        html! {
            <div class={classes!("notice", notice.is_problem().then_some("problem"))}
                 data-notice-item={notice.topic().key()}>
                <div class="notice-body">
                    <p>{ notice.message(lang) }</p>
                    if !conflicts.is_empty() {
                        <ul class="conflicts">
                            { for conflicts.iter().map(|c| conflict_row(c, heading(&app.corpus, &c.id), lang)) }
                        </ul>
                    }
                </div>
                <button type="button" class="quiet" onclick={dismiss}>{ lang.pick("知道了", "Dismiss") }</button>
            </div>
        }
    });
    html! {
        <div class="notices" role={if problem { "alert" } else { "status" }} data-notice="">
            { for items }
        </div>
    }
}

/// The commitment's heading, when the corpus has it.
fn heading(corpus: &crate::model::corpus::Corpus, id: &str) -> Option<String> {
    corpus
        .entries
        .iter()
        .filter_map(|e| e.body())
        .flat_map(|b| b.reply.commitments.iter())
        .find(|c| c.id == id)
        .map(|c| c.heading.clone())
}

/// One entry in conflict: which commitment, what is kept here, what the
/// other side said.
fn conflict_row(c: &Conflict, heading: Option<String>, lang: Lang) -> Html {
    let side = |label: &'static str, e: &Entry| {
        html! {
            <div class="conflict-side">
                <span class="field-label">{ label }</span>
                { format!(" {} {}", status_mark(e.status), e.status.label(lang)) }
                if !e.note.is_empty() {
                    <blockquote class="conflict-note">{ e.note.clone() }</blockquote>
                }
            </div>
        }
    };
    html! {
        <li data-conflict={c.id.clone()}>
            <strong>{ heading.unwrap_or_else(|| c.id.clone()) }</strong>
            { side(lang.pick("保留（本机）：", "Kept (here):"), &c.local) }
            { side(lang.pick("未采用（另一方）：", "Not taken (other):"), &c.other) }
        </li>
    }
}
