//! One block of a reply's body: a heading or a paragraph, with bold runs,
//! figures and search hits.

use dafu_parser::{Block, BlockKind, Figure, Section};
use yew::prelude::*;

use crate::components::figure_mark::FigureMark;
use crate::model::i18n::Lang;
use crate::model::runs::{pieces, Piece, Run};
use crate::model::search::Query;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub block: Block,
    /// The figures of this block with their index in the reply.
    pub figures: Vec<(usize, Figure)>,
    pub query: Query,
    pub lang: Lang,
}

fn run(text: &str, r: &Run) -> Html {
    let t = text[r.range.clone()].to_owned();
    match (r.bold, r.hit) {
        (true, true) => html! { <strong><mark class="hit">{ t }</mark></strong> },
        (true, false) => html! { <strong>{ t }</strong> },
        (false, true) => html! { <mark class="hit">{ t }</mark> },
        (false, false) => html! { { t } },
    }
}

#[function_component(BlockView)]
pub fn block_view(props: &BlockViewProps) -> Html {
    let block = &props.block;
    let text = block.text.as_str();
    let bold: Vec<_> = block.bold.iter().map(|s| s.range()).collect();
    let hits = props.query.hits(text);
    let figs: Vec<_> = props
        .figures
        .iter()
        .map(|(i, f)| (*i, f.range.range()))
        .collect();
    let content: Html = pieces(text, &bold, &hits, &figs)
        .into_iter()
        .map(|p| match p {
            Piece::Text(runs) => runs.iter().map(|r| run(text, r)).collect::<Html>(),
            Piece::Figure { figure, runs, .. } => {
                let f = props.figures.iter().find(|(i, _)| *i == figure).map(|(_, f)| f.clone());
                let inner: Html = runs.iter().map(|r| run(text, r)).collect();
                match f {
                    Some(f) => html! { <FigureMark index={figure} figure={f} lang={props.lang}>{ inner }</FigureMark> },
                    None => inner,
                }
            }
        })
        .collect();
    let class = classes!(
        "block",
        (block.section == Section::NextSteps).then_some("next-steps"),
        (block.section == Section::Opening).then_some("opening"),
        (block.section == Section::Closing).then_some("closing"),
    );
    match block.kind {
        BlockKind::Heading { level } if level <= 1 => html! { <h3 {class}>{ content }</h3> },
        BlockKind::Heading { level: 2 } => html! { <h4 {class}>{ content }</h4> },
        BlockKind::Heading { .. } => html! { <h5 {class}>{ content }</h5> },
        BlockKind::Paragraph => html! { <p {class}>{ content }</p> },
    }
}
