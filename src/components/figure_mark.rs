//! One figure in the text: a focusable `<mark>` coloured by kind, with a
//! glyph and an underline style per kind (not colour alone), and a tooltip
//! with its normalised value on hover and on keyboard focus.

use dafu_parser::Figure;
use yew::prelude::*;

use crate::model::format;
use crate::model::i18n::Lang;

/// The element id of figure `index` of the open reply (for jumps).
pub fn figure_id(index: usize) -> String {
    format!("dafu-fig-{index}")
}

/// The tooltip text: kind and normalised value.
pub fn figure_tip(figure: &Figure, lang: Lang) -> String {
    format!(
        "{} · {}",
        format::figure_kind_label(figure.kind, lang),
        format::figure_value(figure, lang)
    )
}

#[derive(Properties, PartialEq)]
pub struct FigureMarkProps {
    pub index: usize,
    pub figure: Figure,
    pub lang: Lang,
    /// The figure's text, already split into styled runs.
    pub children: Html,
}

#[function_component(FigureMark)]
pub fn figure_mark(props: &FigureMarkProps) -> Html {
    let kind = props.figure.kind.key();
    let id = figure_id(props.index);
    let tip = format!("{id}-tip");
    html! {
        <span class="fig-wrap">
            <mark {id} class={classes!("fig", format!("fig-{kind}"))} data-figure={kind}
                  tabindex="0" aria-describedby={tip.clone()}>
                { props.children.clone() }
            </mark>
            <span class="fig-tip" role="tooltip" id={tip}>{ figure_tip(&props.figure, props.lang) }</span>
        </span>
    }
}
