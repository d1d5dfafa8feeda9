//! The reader's links to other replies that name the same figure or
//! programme (see `crate::model::xrefs`). Each link opens the other reply with the
//! term searched, so it is marked there and the match bar steps through it.

use yew::prelude::*;

use crate::model::route::{Filters, Route};
use crate::model::xrefs::{self, TermKind};
use crate::state::use_app;

#[derive(Properties, PartialEq)]
pub struct CrossRefsProps {
    /// Index of the open reply in the corpus.
    pub index: usize,
}

#[function_component(CrossRefs)]
pub fn cross_refs(props: &CrossRefsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let corpus = &app.corpus;
    let xrefs = corpus.xrefs();
    let wanted = xrefs.is_none();
    use_effect_with(wanted, |wanted| {
        if *wanted {
            crate::web::parts::request(dafu_bundle::split::Part::Xrefs, 0);
        }
    });
    let terms = xrefs.map(|x| xrefs::of(x, props.index)).unwrap_or_default();
    if terms.is_empty() {
        return Html::default();
    }
    let items = terms.into_iter().map(|(term, others)| {
        let kind = match term.kind {
            TermKind::Figure => lang.pick("数据", "figure"),
            TermKind::Programme => lang.pick("项目", "programme"),
        };
        let links = others.into_iter().map(|o| {
            let e = &corpus.entries[o];
            let href = Route::Replies {
                open: Some(e.id.clone()),
                filters: Filters {
                    q: term.text.clone(),
                    ..Filters::default()
                },
            }
            .href();
            let number = e.number();
            html! { <li><a {href} title={e.title().to_owned()}>{ number }</a></li> }
        });
        html! {
            <li data-xref={term.text.clone()}>
                <span class={classes!("xref-term", format!("xref-{}", kind_class(term.kind)))}>{ term.text.clone() }</span>
                <span class="visually-hidden">{ format!("（{kind}）") }</span>
                <ul class="xref-links">{ for links }</ul>
            </li>
        }
    });
    html! {
        <section class="cross-refs" aria-labelledby="dafu-xrefs-title">
            <h3 id="dafu-xrefs-title">{ lang.pick("其他答复也提到", "Also named in") }</h3>
            <ul class="xref-list">{ for items }</ul>
        </section>
    }
}

fn kind_class(kind: TermKind) -> &'static str {
    match kind {
        TermKind::Figure => "figure",
        TermKind::Programme => "programme",
    }
}
