//! One tracked commitment: its heading and text, its follow-ups in later
//! replies, a status control, the date the status was last set, its status
//! history and evidence, and a note. Used by the reader's checklist and by
//! the commitments view alike.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::follow_ups::FollowUps;
use crate::components::status_timeline::StatusTimeline;
use crate::hooks::synced_select::use_synced_select;
use crate::model::tracker::{Status, TrackerAction};
use crate::state::{use_app, Action};
use crate::web::storage;

#[derive(Properties, PartialEq, Clone)]
pub struct CommitmentItemProps {
    /// Index of the reply in the corpus.
    pub reply: usize,
    /// Index of the commitment in that reply.
    pub index: usize,
}

/// A short non-colour cue for each status, shown next to its label.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::NotRated => "○",
        Status::InTheWorks => "◔",
        Status::Stalled => "‖",
        Status::Compromise => "◑",
        Status::Kept => "✓",
        Status::Broken => "✕",
    }
}

#[function_component(CommitmentItem)]
pub fn commitment_item(props: &CommitmentItemProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let found = app
        .corpus
        .entries
        .get(props.reply)
        .and_then(|e| e.body())
        .and_then(|b| b.reply.commitments.get(props.index));
    let entry = found
        .and_then(|c| app.tracker.entry(&c.id))
        .cloned()
        .unwrap_or_default();
    let status = entry.status;
    let select = use_synced_select(status.key());
    let Some(c) = found else {
        return Html::default();
    };

    let onchange = {
        let id = c.id.clone();
        app.callback(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            Action::Tracker(TrackerAction::SetStatus {
                id: id.clone(),
                status: Status::from_key(&key).unwrap_or_default(),
                today: storage::today(),
                now: storage::now(),
            })
        })
    };
    let oninput = {
        let id = c.id.clone();
        app.callback(move |e: InputEvent| {
            let note = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            Action::Tracker(TrackerAction::SetNote {
                id: id.clone(),
                note,
                now: storage::now(),
            })
        })
    };

    // The heading is the start of the text: show it bold, then the rest.
    let rest = c
        .text
        .strip_prefix(c.heading.as_str())
        .unwrap_or(&c.text)
        .trim_start();
    // Chinese needs no space after the bold heading; Latin text does.
    let rest_text = match rest.chars().next() {
        None => String::new(),
        Some(ch) if ch.is_ascii_alphanumeric() => format!(" {rest}"),
        Some(_) => rest.to_owned(),
    };
    // Names the commitment for the controls: many items share the labels.
    let heading_id = format!("{}-heading", c.id);
    let as_of = match &entry.date {
        Some(d) => match lang {
            crate::model::i18n::Lang::Zh => format!("进展截至 {d}"),
            crate::model::i18n::Lang::En => format!("Status as of {d}"),
        },
        None => lang.pick("尚未评估", "Not rated yet").to_owned(),
    };

    html! {
        <li class={classes!("commitment", format!("status-{}", status.key()))} data-commitment={c.id.clone()}>
            <div class="commitment-body">
                <p>
                    <strong class="commitment-heading" id={heading_id.clone()}>{ c.heading.clone() }</strong>
                    { rest_text }
                </p>
                <FollowUps reply={props.reply} index={props.index} id={c.id.clone()} />
            </div>
            <div class="commitment-track">
                <div class="commitment-status">
                    <label class="field">
                        <span class="field-label">{ lang.pick("进展", "Status") }</span>
                        <select {onchange} ref={select} data-status={status.key()} aria-describedby={heading_id.clone()}>
                            { for Status::ALL.into_iter().map(|s| html! {
                                <option value={s.key()} selected={s == status}>
                                    { format!("{} {}", status_mark(s), s.label(lang)) }
                                </option>
                            }) }
                        </select>
                    </label>
                    <span class="as-of">{ as_of }</span>
                </div>
                <StatusTimeline id={c.id.clone()} entry={entry.clone()} />
                <label class="field note">
                    <span class="field-label">{ lang.pick("备注", "Note") }</span>
                    <textarea rows="2" value={entry.note.clone()} {oninput} aria-describedby={heading_id}
                        placeholder={lang.pick("例如：依据、链接、下次核查时间", "e.g. evidence, a link, when to check again")} />
                </label>
            </div>
        </li>
    }
}
