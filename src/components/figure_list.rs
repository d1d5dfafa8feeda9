//! The figures of the open reply, by kind; each jumps to its place in the
//! text (scrolls it into view and focuses it).

use dafu_parser::FigureKind;
use yew::prelude::*;

use crate::components::figure_mark::figure_id;
use crate::model::format;
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct FigureListProps {
    pub index: usize,
}

#[function_component(FigureList)]
pub fn figure_list(props: &FigureListProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(body) = app.corpus.entries[props.index].body() else {
        return Html::default();
    };
    let figures = &body.reply.figures;
    let legend = FigureKind::ALL.iter().copied().filter_map(|kind| {
        let n = figures.iter().filter(|f| f.kind == kind).count();
        let key = kind.key();
        (n > 0).then(|| {
            html! {
                <li class={classes!("legend-item", format!("fig-{key}"))}>
                    <span class="glyph" aria-hidden="true"></span>
                    { format::figure_kind_label(kind, lang) }<span class="n">{ n }</span>
                </li>
            }
        })
    });
    let items = figures.iter().enumerate().map(|(i, f)| {
        let key = f.kind.key();
        let jump = Callback::from(move |_: MouseEvent| {
            if let Some(el) = crate::web::dom::element(&figure_id(i)) {
                crate::web::dom::reveal(&el);
            }
        });
        html! {
            <li>
                <button type="button" class={classes!("fig-jump", format!("fig-{key}"))} onclick={jump}
                        data-jump={i.to_string()}>
                    <span class="glyph" aria-hidden="true"></span>
                    <span class="fig-text">{ f.text.clone() }</span>
                    <span class="fig-value">{ format::figure_value(f, lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="figure-list" aria-labelledby="dafu-figures-title">
            <h2 id="dafu-figures-title">
                { lang.pick("本文数据", "Figures in this reply") }<span class="n">{ figures.len() }</span>
            </h2>
            if figures.is_empty() {
                <p class="muted">{ lang.pick("本文没有识别出数据。", "No figures found in this reply.") }</p>
            } else {
                <ul class="legend">{ for legend }</ul>
                <ol class="figure-items">{ for items }</ol>
            }
        </nav>
    }
}
