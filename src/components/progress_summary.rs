//! How a set of commitments stands: a stacked bar (decorative) and the same
//! numbers in words.

use yew::prelude::*;

use crate::components::commitment_item::status_mark;
use crate::model::i18n::Lang;
use crate::model::tracker::{Progress, Status};

#[derive(Properties, PartialEq, Clone)]
pub struct ProgressSummaryProps {
    pub progress: Progress,
    pub lang: Lang,
}

#[function_component(ProgressSummary)]
pub fn progress_summary(props: &ProgressSummaryProps) -> Html {
    let ProgressSummaryProps { progress: p, lang } = props.clone();
    let done = (p.done_share() * 100.0).round() as u32;
    let headline = match lang {
        Lang::Zh => format!(
            "共 {} 项承诺，已评估 {} 项，落实（含部分落实）{done}%",
            p.total,
            p.rated()
        ),
        Lang::En => format!(
            "{} commitments, {} rated, {done}% kept in full or in part",
            p.total,
            p.rated()
        ),
    };
    html! {
        <div class="progress-summary" data-progress={p.rated().to_string()}>
            <p class="progress-headline">{ headline }</p>
            // An SVG bar: segment widths are geometry, not inline styles, so
            // the app runs under a Content-Security-Policy without 'unsafe-inline'.
            <svg class="progress-bar" aria-hidden="true" focusable="false"
                 viewBox={format!("0 0 {} 1", p.total.max(1))} preserveAspectRatio="none">
                { for segments(&p).into_iter().map(|(s, x, width)| html! {
                    <rect class={classes!("seg", format!("status-{}", s.key()))}
                          x={x.to_string()} y="0" width={width.to_string()} height="1" />
                }) }
            </svg>
            <ul class="progress-counts">
                { for Status::ALL.into_iter().map(|s| html! {
                    <li class={classes!(format!("status-{}", s.key()), (p.count(s) == 0).then_some("zero"))}>
                        <span class="mark" aria-hidden="true">{ status_mark(s) }</span>
                        { format!("{} {}", s.label(lang), p.count(s)) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The bar's segments: each status with commitments, its start and its width.
fn segments(p: &Progress) -> Vec<(Status, usize, usize)> {
    let mut x = 0;
    Status::ALL
        .into_iter()
        .filter(|s| p.count(*s) > 0)
        .map(|s| {
            let start = x;
            x += p.count(s);
            (s, start, p.count(s))
        })
        .collect()
}
