//! The "下一步" checklist of one reply: its commitments with their statuses
//! and notes, and the reply's progress. The reader renders
//! `<Checklist reply={index} />`.

use yew::prelude::*;

use crate::components::commitment_item::CommitmentItem;
use crate::components::progress_summary::ProgressSummary;
use crate::model::route::{CommitmentsQuery, Route};
use crate::state::use_app;

#[derive(Properties, PartialEq, Clone)]
pub struct ChecklistProps {
    /// Index of the reply in the corpus.
    pub reply: usize,
}

#[function_component(Checklist)]
pub fn checklist(props: &ChecklistProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(entry) = app.corpus.entries.get(props.reply) else {
        return Html::default();
    };
    let Some(reply) = entry.body().map(|b| &b.reply) else {
        return Html::default();
    };
    let commitments = &reply.commitments;
    let all = Route::Commitments(CommitmentsQuery {
        status: None,
        reply: Some(entry.id.clone()),
        ..Default::default()
    });
    let body = if commitments.is_empty() {
        html! {
            <p class="empty">{ lang.pick(
                "这份答复没有列出下一步工作承诺。",
                "This reply lists no next-step commitments.",
            ) }</p>
        }
    } else {
        let progress = app
            .tracker
            .progress(commitments.iter().map(|c| c.id.as_str()));
        html! {
            <>
                <p class="hint">{ lang.pick(
                    "为每项承诺记录进展与备注，只保存在本浏览器中。",
                    "Record a status and a note for each commitment; they are kept in this browser only.",
                ) }</p>
                <ProgressSummary {progress} {lang} />
                <ol class="commitments">
                    { for (0..commitments.len()).map(|index| html! {
                        <CommitmentItem key={commitments[index].id.clone()} reply={props.reply} {index} />
                    }) }
                </ol>
            </>
        }
    };
    html! {
        <section class="commitments checklist" id="dafu-commitments" aria-labelledby="dafu-commitments-title">
            <h2 id="dafu-commitments-title">
                { lang.pick("下一步工作承诺", "Commitments for the next steps") }
                <span class="n">{ commitments.len() }</span>
            </h2>
            { body }
            if !commitments.is_empty() {
                <p class="print-summary">
                    <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| crate::web::dom::print_as("commitments"))}
                            data-action="print-commitments">
                        { lang.pick("打印承诺摘要（一页）", "Print a one-page summary of the commitments") }
                    </button>
                </p>
                <p class="more"><a href={all.href()}>
                    { lang.pick("在“承诺”页查看全部承诺，导出或导入记录 →", "All commitments, export and import: the Commitments page →") }
                </a></p>
            }
        </section>
    }
}
