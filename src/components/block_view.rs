//! One block of a reply's body: a heading or a paragraph, with bold runs,
//! figures and search hits.

use std::ops::Range;
use std::rc::Rc;

use dafu_parser::{BlockKind, Section};
use yew::prelude::*;

use crate::components::figure_mark::FigureMark;
use crate::model::corpus::Body;
use crate::model::i18n::Lang;
use crate::model::runs::{pieces, Piece, Run};

#[derive(Properties)]
pub struct BlockViewProps {
    /// The reply's body, shared: compared by identity, never copied.
    pub body: Rc<Body>,
    /// Index of the block in the reply.
    pub block: usize,
    /// The search hits in this block's text, found once by the reader.
    pub hits: Rc<Vec<Range<usize>>>,
    pub lang: Lang,
}

impl PartialEq for BlockViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.body, &other.body)
            && self.block == other.block
            && self.hits == other.hits
            && self.lang == other.lang
    }
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
    let reply = &props.body.reply;
    let block = &reply.blocks[props.block];
    let text = block.text.as_str();
    let bold: Vec<_> = block.bold.iter().map(|s| s.range()).collect();
    let mine = props.body.block_figures[props.block].clone();
    let figs: Vec<_> = mine.map(|i| (i, reply.figures[i].range.range())).collect();
    let content: Html = pieces(text, &bold, &props.hits, &figs)
        .into_iter()
        .map(|p| match p {
            Piece::Text(runs) => runs.iter().map(|r| run(text, r)).collect::<Html>(),
            Piece::Figure { figure, runs, .. } => {
                let inner: Html = runs.iter().map(|r| run(text, r)).collect();
                match reply.figures.get(figure) {
                    Some(f) => html! { <FigureMark index={figure} figure={f.clone()} lang={props.lang}>{ inner }</FigureMark> },
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
